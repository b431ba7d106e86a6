//! The program's memory allocator: the system's, until a batch of games is
//! played from the command line, and mimalloc from then on.
//!
//! A heuristic batch allocates small lists by the hundred thousand, and
//! mimalloc serves them faster than the system's allocator (a batch of
//! `simulate` takes about 8% less time). But mimalloc keeps more memory for
//! later, which the window does not need (issue 3 keeps its resident memory
//! under 200 MiB). So the window never switches, and never touches mimalloc.
//!
//! Memory is always given back to the allocator that gave it: a block that
//! lies in mimalloc's pages is mimalloc's, any other the system's. Before the
//! switch, nothing is mimalloc's, and that is not even asked. A process that
//! only plays a batch can also take mimalloc from its first allocation (see
//! [`use_only_mimalloc`]); then every block is mimalloc's, and that is not
//! asked either: the page map lookup took a fifth of the time spent freeing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ffi::c_void;
use std::sync::atomic::{AtomicU8, Ordering};

/// Which allocator gives new memory, and which gave the blocks already given:
/// one of the four below, which only ever rises.
static MODE: AtomicU8 = AtomicU8::new(UNTOUCHED);
/// Nothing allocated yet.
const UNTOUCHED: u8 = 0;
/// The system's allocator gives new memory, and gave every block.
const SYSTEM: u8 = 1;
/// mimalloc gives new memory; the system's may have given blocks before.
const SWITCHED: u8 = 2;
/// mimalloc gave every block, from the first.
const ONLY_MIMALLOC: u8 = 3;

unsafe extern "C" {
    /// Whether the block lies in mimalloc's pages (a lookup in its page map).
    fn mi_is_in_heap_region(p: *const c_void) -> bool;
}

/// The allocator the game's binary installs with `#[global_allocator]`.
pub struct GameAllocator;

/// From now on, new memory comes from mimalloc: for batches of games run
/// without a window. It cannot be undone.
pub fn switch_to_mimalloc() {
    MODE.fetch_max(SWITCHED, Ordering::AcqRel);
}

/// Every block, from the first, comes from mimalloc: for a process that
/// plays a batch of games and never opens the window.
///
/// If the system's allocator already gave a block, it only switches (see
/// [`switch_to_mimalloc`]), so that the block goes back to the system.
///
/// # Safety
///
/// Nothing may be allocated while it runs: the binary calls it before
/// `main`, on its one thread, from its command line.
pub unsafe fn use_only_mimalloc() {
    if MODE.compare_exchange(UNTOUCHED, ONLY_MIMALLOC, Ordering::AcqRel, Ordering::Acquire).is_err() {
        switch_to_mimalloc();
    }
}

/// Whether mimalloc gave the block.
#[inline]
fn from_mimalloc(ptr: *mut u8) -> bool {
    match MODE.load(Ordering::Acquire) {
        ONLY_MIMALLOC => true,
        // SAFETY: the page map lookup reads nothing at `ptr` itself.
        SWITCHED => unsafe { mi_is_in_heap_region(ptr as *const c_void) },
        // Until the switch, mimalloc has given nothing.
        _ => false,
    }
}

/// The allocator that gives new memory now.
#[inline]
fn giver() -> &'static dyn GlobalAlloc {
    match MODE.load(Ordering::Relaxed) {
        SWITCHED | ONLY_MIMALLOC => &mimalloc::MiMalloc,
        SYSTEM => &System,
        _ => {
            // The first block: from now on, not every block can be mimalloc's.
            let _ = MODE.compare_exchange(UNTOUCHED, SYSTEM, Ordering::AcqRel, Ordering::Relaxed);
            &System
        }
    }
}

/// The allocator that gave the block, which takes it back or grows it.
#[inline]
fn owner(ptr: *mut u8) -> &'static dyn GlobalAlloc {
    if from_mimalloc(ptr) { &mimalloc::MiMalloc } else { &System }
}

// SAFETY: each call goes to one allocator, and a block is given back to (or
// grown by) the allocator that gave it.
unsafe impl GlobalAlloc for GameAllocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { giver().alloc(layout) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { giver().alloc_zeroed(layout) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { owner(ptr).dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { owner(ptr).realloc(ptr, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_goes_back_to_the_allocator_that_gave_it() {
        let layout = Layout::from_size_align(48, 8).unwrap();
        unsafe {
            let before = System.alloc(layout);
            let mine = mimalloc::MiMalloc.alloc(layout);
            assert!(mi_is_in_heap_region(mine as *const c_void));
            assert!(!mi_is_in_heap_region(before as *const c_void));
            // After the switch, blocks from either allocator are grown and freed by it.
            switch_to_mimalloc();
            assert!(from_mimalloc(mine) && !from_mimalloc(before));
            let grown = GameAllocator.realloc(before, layout, 4096);
            assert!(!from_mimalloc(grown), "a system block grows in the system's allocator");
            GameAllocator.dealloc(grown, Layout::from_size_align(4096, 8).unwrap());
            GameAllocator.dealloc(mine, layout);
            let new = GameAllocator.alloc(layout);
            assert!(from_mimalloc(new), "after the switch, new memory is mimalloc's");
            GameAllocator.dealloc(new, layout);
        }
    }
}
