//! When each place and unit last changed, for code that keeps answers about
//! them from one turn to the next (the heuristic keeps what each order's
//! effects are worth): an answer read only from parts of places and units
//! that have not changed since it was found is still the answer.
//!
//! Every change is stamped with a number that only grows, in each part it
//! touched. Most changes between two turns are small drifts of loyalty, which
//! touch nothing but a unit's exact loyalty ([`UnitPart::Everything`]), so an
//! answer that reads less of the unit is kept through them. A change to a
//! unit also stamps the places it left and reached, for what can be read of
//! the units there. Forgetting everything (copying or restoring a game)
//! stamps every part of every place and unit at once.

use super::effects::{LOYALTY_MAX, LOYALTY_MIN};
use std::sync::atomic::{AtomicU64, Ordering};

/// How far from either bound a unit's loyalty counts as near it: within this,
/// a shift of loyalty can be cut short by the bound (see [`UnitPart::Extremes`]).
pub const LOYALTY_MARGIN: i32 = 25;

/// What can be read of a unit, from the least to the most: each part holds
/// the ones before it, and a change touches a part and those after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UnitPart {
    /// Whether it is on the map and active, where it is, its strength, and
    /// which sides it is committed to.
    Stance = 0,
    /// Its stance, and its loyalty while that is within [`LOYALTY_MARGIN`]
    /// of either bound: enough to know how far a shift of up to that margin moves it.
    Extremes = 1,
    /// Everything, its exact loyalty too.
    Everything = 2,
}

impl UnitPart {
    const ALL: [UnitPart; 3] = [UnitPart::Stance, UnitPart::Extremes, UnitPart::Everything];

    /// The least part a change of loyalty from `before` to `now` touches, when the unit's stance stays.
    pub fn of_loyalty_change(before: i32, now: i32) -> UnitPart {
        let near = |l: i32| !(LOYALTY_MIN + LOYALTY_MARGIN..=LOYALTY_MAX - LOYALTY_MARGIN).contains(&l);
        if near(before) || near(now) { UnitPart::Extremes } else { UnitPart::Everything }
    }
}

/// What can be read of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlacePart {
    /// Who holds it, whether it is raised, whether its lines are cut.
    Row,
    /// Each side's force there, and which units are there: it changes when a
    /// unit arrives, leaves, or comes to count for another side or with another strength.
    Force,
    /// This part of each unit there, and which units are there.
    Units(UnitPart),
}

impl PlacePart {
    /// Where the part's stamp is in a place's stamps.
    #[inline]
    fn index(self) -> usize {
        match self {
            PlacePart::Row => 0,
            PlacePart::Force => 1,
            PlacePart::Units(part) => 2 + part as usize,
        }
    }
}

/// Some parts of a place, as a set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlaceParts(u8);

impl PlaceParts {
    /// No part.
    pub const NONE: PlaceParts = PlaceParts(0);

    /// These parts and `part`.
    pub fn with(self, part: PlacePart) -> PlaceParts {
        PlaceParts(self.0 | 1 << part.index())
    }

    /// The parts in either set.
    pub fn union(self, other: PlaceParts) -> PlaceParts {
        PlaceParts(self.0 | other.0)
    }

    /// Whether the set holds no part.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl From<PlacePart> for PlaceParts {
    fn from(part: PlacePart) -> PlaceParts {
        PlaceParts::NONE.with(part)
    }
}

/// The stamps of one world's places and units. Kept with the views' tables
/// (see `facts::TableCache`), and brought up to date by the same calls.
#[derive(Debug)]
pub struct Changes {
    /// Which record this is: a new game (or a new scenario) starts a new one,
    /// and answers kept against another record are worth nothing here.
    id: u64,
    /// The stamp of the latest change.
    now: u64,
    /// The stamp at which everything was last forgotten.
    forgotten: u64,
    /// The latest stamp of each part of each place (by [`PlacePart::index`])
    /// and of each unit (by [`UnitPart`]), by index; a missing one has none.
    places: Vec<[u64; 5]>,
    units: Vec<[u64; 3]>,
    /// The latest changes, oldest first, for code that brings an answer up
    /// to date one place or unit at a time (see [`Changes::since`]).
    recent: Vec<Change>,
    /// Every change after this stamp is in `recent`.
    recent_from: u64,
}

/// One change, as [`Changes::since`] lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A change to the place's own row.
    Place(usize),
    /// A change to the unit that touched this part (and the parts after it).
    Unit(usize, UnitPart),
}

/// How many changes [`Changes::since`] can list; half of them are dropped when there are more.
const RECENT_CHANGES: usize = 256;

/// The number of the next record made, in this process: records only need to differ.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Default for Changes {
    fn default() -> Self {
        Changes {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            now: 0,
            forgotten: 0,
            places: Vec::new(),
            units: Vec::new(),
            recent: Vec::new(),
            recent_from: 0,
        }
    }
}

/// The row of `stamps` at `i`, to stamp, growing the list if needed.
fn row<T: Default + Clone>(stamps: &mut Vec<T>, i: usize) -> &mut T {
    if stamps.len() <= i {
        stamps.resize(i + 1, T::default());
    }
    &mut stamps[i]
}

impl Changes {
    /// Which record this is (see [`Changes`]).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The stamp of the latest change: what an answer found now is stamped with.
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Whether any of the parts of the place changed after `stamp`.
    #[inline]
    pub fn place_since(&self, place: usize, parts: impl Into<PlaceParts>, stamp: u64) -> bool {
        let bits = parts.into().0;
        let changed = |stamps: &[u64; 5]| (0..5).any(|i| bits & 1 << i != 0 && stamps[i] > stamp);
        self.forgotten > stamp || self.places.get(place).is_some_and(changed)
    }

    /// Whether the part of the unit changed after `stamp`.
    #[inline]
    pub fn unit_since(&self, unit: usize, part: UnitPart, stamp: u64) -> bool {
        self.forgotten.max(self.units.get(unit).map_or(0, |u| u[part as usize])) > stamp
    }

    /// The changes after `stamp`, newest first (a stamp a change was made
    /// at, or [`Changes::now`]), if they are all still listed: otherwise
    /// (after many changes, or once everything was forgotten) `None`.
    pub fn since(&self, stamp: u64) -> Option<impl Iterator<Item = Change> + '_> {
        let listed = stamp >= self.recent_from && stamp >= self.forgotten;
        // The change with stamp `now - k` is the (k+1)th from the end of the list.
        let count = usize::try_from(self.now - stamp.min(self.now)).ok()?;
        listed.then(|| self.recent.iter().rev().take(count).copied())
    }

    /// Lists a change as the latest.
    fn list(&mut self, change: Change) {
        if self.recent.len() == RECENT_CHANGES {
            let dropped = RECENT_CHANGES / 2;
            self.recent.drain(..dropped);
            // The oldest change left was made at this stamp: every change after the one before it is listed.
            self.recent_from = self.now - self.recent.len() as u64;
        }
        self.recent.push(change);
    }

    /// Notes a change to the place's own row.
    pub(super) fn place_changed(&mut self, place: usize) {
        self.now += 1;
        row(&mut self.places, place)[PlacePart::Row.index()] = self.now;
        self.list(Change::Place(place));
    }

    /// Notes a change to the unit that touched `part` (and the parts after
    /// it). It was at `before` and is now at `now`; `force` says whether the
    /// forces or the units at those places changed with it.
    pub(super) fn unit_changed(&mut self, unit: usize, part: UnitPart, before: usize, now: usize, force: bool) {
        self.now += 1;
        self.list(Change::Unit(unit, part));
        let touched = UnitPart::ALL.into_iter().filter(|p| *p >= part);
        let stamps = row(&mut self.units, unit);
        touched.clone().for_each(|p| stamps[p as usize] = self.now);
        for place in [before, now] {
            let stamps = row(&mut self.places, place);
            touched.clone().for_each(|p| stamps[PlacePart::Units(p).index()] = self.now);
            if force {
                stamps[PlacePart::Force.index()] = self.now;
            }
        }
    }

    /// Notes that anything may have changed.
    pub(super) fn forget(&mut self) {
        self.now += 1;
        self.forgotten = self.now;
        self.recent.clear();
        self.recent_from = self.now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlacePart::*;
    use UnitPart::*;

    #[test]
    fn a_change_is_seen_in_the_parts_it_touched_after_earlier_stamps_only() {
        let mut changes = Changes::default();
        let start = changes.now();
        changes.unit_changed(3, Stance, 1, 2, true);
        let moved = changes.now();
        assert!(changes.unit_since(3, Stance, start) && !changes.unit_since(3, Everything, moved));
        // The places it left and reached changed with it, but not their rows; other places did not.
        for part in [Force, Units(Stance), Units(Everything)] {
            assert!(changes.place_since(1, part, start) && changes.place_since(2, part, start));
            assert!(!changes.place_since(1, part, moved) && !changes.place_since(0, part, start));
        }
        assert!(!changes.place_since(1, Row, start) && !changes.unit_since(4, Everything, start));
        // A drift of loyalty far from the bounds touches only the unit's exact loyalty.
        changes.unit_changed(4, UnitPart::of_loyalty_change(10, 12), 1, 1, false);
        assert!(changes.unit_since(4, Everything, moved) && !changes.unit_since(4, Extremes, moved));
        assert!(changes.place_since(1, Units(Everything), moved));
        assert!(!changes.place_since(1, Units(Extremes), moved) && !changes.place_since(1, Force, moved));
        let drifted = changes.now();
        // Near a bound, it touches the loyalty near the bounds too.
        changes.unit_changed(4, UnitPart::of_loyalty_change(70, 80), 1, 1, false);
        assert!(changes.unit_since(4, Extremes, drifted) && !changes.unit_since(4, Stance, drifted));
        changes.place_changed(0);
        assert!(changes.place_since(0, Row, drifted) && !changes.place_since(0, Units(Everything), drifted));
        assert!(!changes.place_since(1, Row, drifted));
        // Forgetting changes everything, even what was never stamped.
        let before = changes.now();
        changes.forget();
        assert!(changes.unit_since(50, Stance, before) && changes.place_since(7, Row, before));
        assert!(!changes.unit_since(50, Everything, changes.now()));
    }

    #[test]
    fn a_loyalty_change_is_near_a_bound_if_either_end_is() {
        assert_eq!(UnitPart::of_loyalty_change(0, 74), Everything);
        assert_eq!(UnitPart::of_loyalty_change(74, 76), Extremes);
        assert_eq!(UnitPart::of_loyalty_change(-76, -60), Extremes);
        assert_eq!(UnitPart::of_loyalty_change(-75, -60), Everything);
    }

    #[test]
    fn the_changes_since_a_stamp_are_listed_newest_first_while_they_all_are() {
        let mut changes = Changes::default();
        changes.place_changed(4);
        let start = changes.now();
        changes.unit_changed(7, Extremes, 1, 1, false);
        changes.place_changed(2);
        let listed: Vec<Change> = changes.since(start).expect("listed").collect();
        assert_eq!(listed, [Change::Place(2), Change::Unit(7, Extremes)]);
        assert_eq!(changes.since(changes.now()).expect("listed").count(), 0);
        // Once more changes were made than are kept, the oldest can no longer be listed.
        for i in 0..RECENT_CHANGES {
            changes.place_changed(i % 40);
        }
        assert!(changes.since(start).is_none());
        let late = changes.now() - 10;
        assert_eq!(changes.since(late).expect("recent ones are listed").count(), 10);
        // Nor can anything from before everything was forgotten.
        changes.forget();
        assert!(changes.since(late).is_none());
        assert_eq!(changes.since(changes.now()).expect("listed").count(), 0);
    }

    #[test]
    fn each_record_is_its_own() {
        assert_ne!(Changes::default().id(), Changes::default().id());
    }
}
