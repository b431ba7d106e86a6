//! Parses the command line, then runs the game window or a CLI command.

use clap::Parser;
use petrograd::cli::{self, Cli};
use std::process::ExitCode;

/// The system's allocator, or mimalloc for a batch (see `allocator`).
#[global_allocator]
static ALLOCATOR: petrograd::allocator::GameAllocator = petrograd::allocator::GameAllocator;

/// Before `main`, and before anything is allocated: a process that plays a
/// batch of games (`petrograd simulate …`) takes all its memory from
/// mimalloc (see `allocator`). glibc calls this with the command line, as it
/// calls every function listed in `.init_array`; any other way of starting a
/// batch still switches to mimalloc once it is read.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[used]
#[unsafe(link_section = ".init_array")]
static CHOOSE_ALLOCATOR: extern "C" fn(i32, *const *const std::ffi::c_char) = {
    extern "C" fn choose(argc: i32, argv: *const *const std::ffi::c_char) {
        // SAFETY: glibc passes the program's own argument count and vector,
        // and runs this on the one thread there is; reading them allocates
        // nothing (and `use_only_mimalloc` sees whether anything was).
        unsafe {
            if argc > 1 && std::ffi::CStr::from_ptr(*argv.add(1)).to_bytes() == cli::SIMULATE.as_bytes() {
                petrograd::allocator::use_only_mimalloc();
            }
        }
    }
    choose
};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        None => petrograd::gui::run_window(),
    }
}
