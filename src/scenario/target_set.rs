//! A set of places, or of units, by index, kept as bits: what a search over an
//! action's targets finds at every place (or unit) at once, and the kinds of
//! place and unit each action admits.

/// Most places, and most units, a scenario may have: a [`TargetSet`] holds this many.
pub const MAX_TARGETS: usize = 256;

const WORDS: usize = MAX_TARGETS / 64;

/// A set of indices below [`MAX_TARGETS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TargetSet([u64; WORDS]);

impl TargetSet {
    /// No index.
    pub const EMPTY: TargetSet = TargetSet([0; WORDS]);

    /// Every index below `n`.
    pub fn below(n: usize) -> TargetSet {
        TargetSet(std::array::from_fn(|w| match n.saturating_sub(w * 64) {
            0 => 0,
            left if left >= 64 => u64::MAX,
            left => (1 << left) - 1,
        }))
    }

    /// The indices below `n` for which `member` says yes.
    #[inline]
    pub fn from_fn(n: usize, mut member: impl FnMut(usize) -> bool) -> TargetSet {
        let mut set = TargetSet::EMPTY;
        // Word by word, each made in a register.
        for (w, word) in set.0.iter_mut().enumerate() {
            let first = w * 64;
            for i in first..n.min(first + 64) {
                *word |= (member(i) as u64) << (i - first);
            }
        }
        set
    }

    /// Puts an index in the set.
    pub fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Takes an index out of the set.
    pub fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    /// Whether the index is in the set.
    pub fn contains(&self, i: usize) -> bool {
        i < MAX_TARGETS && self.0[i / 64] & (1 << (i % 64)) != 0
    }

    /// The indices in both sets.
    pub fn and(self, other: TargetSet) -> TargetSet {
        TargetSet(std::array::from_fn(|w| self.0[w] & other.0[w]))
    }

    /// The indices in either set.
    pub fn or(self, other: TargetSet) -> TargetSet {
        TargetSet(std::array::from_fn(|w| self.0[w] | other.0[w]))
    }

    /// The indices in this set and not in `other`.
    pub fn without(self, other: TargetSet) -> TargetSet {
        TargetSet(std::array::from_fn(|w| self.0[w] & !other.0[w]))
    }

    /// Whether the set has no index.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|w| *w == 0)
    }

    /// The indices, smallest first.
    pub fn iter(self) -> Indices {
        Indices { words: self.0, word: 0, bits: self.0[0] }
    }
}

/// The indices of a [`TargetSet`], smallest first.
pub struct Indices {
    words: [u64; WORDS],
    /// The word being read, and its bits not yet given.
    word: usize,
    bits: u64,
}

impl Iterator for Indices {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            self.word += 1;
            if self.word == WORDS {
                // Stay at the end, with no bits, however often asked.
                self.word = WORDS - 1;
                return None;
            }
            self.bits = self.words[self.word];
        }
        let i = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.word * 64 + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_lists_what_was_put_in_it_in_order() {
        let mut set = TargetSet::EMPTY;
        for i in [200, 3, 64, 63, 0, 255] {
            set.insert(i);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![0, 3, 63, 64, 200, 255]);
        assert!(set.contains(64) && !set.contains(65) && !set.contains(MAX_TARGETS));
        let evens = TargetSet::from_fn(70, |i| i % 2 == 0);
        assert_eq!(set.and(evens).iter().collect::<Vec<_>>(), vec![0, 64]);
        assert_eq!(set.or(evens).iter().count(), 35 + 4);
        assert_eq!(set.without(evens).iter().collect::<Vec<_>>(), vec![3, 63, 200, 255]);
        for n in [0, 1, 63, 64, 65, 200, MAX_TARGETS] {
            assert_eq!(TargetSet::below(n), TargetSet::from_fn(n, |_| true));
            assert_eq!(TargetSet::below(n).iter().count(), n);
        }
        assert!(TargetSet::EMPTY.is_empty() && !set.is_empty());
    }
}
