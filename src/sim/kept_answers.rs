//! The answers of the scenario's shared tests (see `SweptTest`: a test of
//! every place, or every unit, at once), kept from one view of a world to the
//! next. Between two turns few places and units change, so a kept answer is
//! brought up to date by asking the test again only at those that changed
//! (see [`Changes::since`]), if the test reads nothing else that changed.
//!
//! Keeping them changes no answer. Builds with debug assertions (the tests
//! among them) find every answer afresh as well, and check that the two agree.

use super::changes::{Change, Changes, PlacePart, UnitPart};
use super::facts::{Ctx, View};
use crate::scenario::target_set::TargetSet;
use crate::scenario::*;
use std::sync::Mutex;

/// What a shared test reads of the world, found once for each test.
#[derive(Clone, Debug, Default)]
struct TestReads {
    /// Reads something no stamp follows (flags, the clock, routes, the force
    /// at the place it is asked at): its answer is found afresh each time.
    untracked: bool,
    /// Reads the row of the place it is asked at.
    own_place: bool,
    /// The part read of the unit it is asked at (each part holds the ones before it), if any.
    own_unit: Option<UnitPart>,
    /// Parts of places and units named in the test.
    places: Vec<(usize, PlacePart)>,
    units: Vec<(usize, UnitPart)>,
}

impl TestReads {
    /// What the test reads, as `View::holds` reads it.
    fn of(test: &Condition) -> TestReads {
        let mut reads = TestReads::default();
        reads.add(test);
        reads
    }

    fn add(&mut self, test: &Condition) {
        match test {
            Condition::Always | Condition::Never | Condition::Near(..) => {}
            Condition::All(list) | Condition::Any(list) => list.iter().for_each(|c| self.add(c)),
            Condition::Not(c) => self.add(c),
            Condition::Holds(_, p) | Condition::Raised(p) | Condition::LinesCut(p) => self.place(p, PlacePart::Row),
            Condition::Force(_, p, ..) => self.place(p, PlacePart::Force),
            Condition::Loyalty(u, ..) => self.unit(u, UnitPart::Everything),
            // Where a unit is, or whether it is there, is part of its stance; the place is only a name.
            Condition::Present(u) | Condition::Active(u) | Condition::UnitAt(u, _) => self.unit(u, UnitPart::Stance),
            Condition::Flag(_) | Condition::After(_) | Condition::Before(_) | Condition::CanReach(..) => {
                self.untracked = true
            }
        }
    }

    fn place(&mut self, name: &IdRef, part: PlacePart) {
        match (name.meant(), part) {
            (Meant::StandIn, PlacePart::Row) => self.own_place = true,
            (Meant::Index(p), _) => self.places.push((p, part)),
            _ => self.untracked = true,
        }
    }

    fn unit(&mut self, name: &IdRef, part: UnitPart) {
        match name.meant() {
            Meant::StandIn => self.own_unit = self.own_unit.max(Some(part)),
            Meant::Index(u) => self.units.push((u, part)),
            Meant::Unknown => self.untracked = true,
        }
    }

    /// The places (or units, as `over` says) the test must be asked at again
    /// to bring an answer found at stamp `found` up to date, unless it must
    /// be found afresh (`None`).
    fn to_ask_again(&self, changes: &Changes, over: IdKind, found: u64) -> Option<TargetSet> {
        let named_changed = self.places.iter().any(|(p, part)| changes.place_since(*p, *part, found))
            || self.units.iter().any(|(u, part)| changes.unit_since(*u, *part, found));
        if self.untracked || named_changed {
            return None;
        }
        let mut again = TargetSet::EMPTY;
        for change in changes.since(found)? {
            match (over, change) {
                (IdKind::Place, Change::Place(p)) if self.own_place => again.insert(p),
                (IdKind::Unit, Change::Unit(u, part)) if self.own_unit.is_some_and(|read| part <= read) => {
                    again.insert(u)
                }
                _ => {}
            }
        }
        Some(again)
    }
}

/// One shared test's kept answer (for one side, if it reads the side).
#[derive(Clone, Debug, Default)]
struct Kept {
    /// What the test reads, once found.
    reads: Option<TestReads>,
    /// The answer, and the stamp of the world's changes when it was found.
    answer: Option<(u64, TargetSet)>,
}

/// The kept answers of a world's shared tests, by their slot in a view (see
/// `View::swept_answer`). Behind a lock, as views only read the world.
#[derive(Debug, Default)]
pub(super) struct KeptAnswers(Mutex<Vec<Kept>>);

impl KeptAnswers {
    /// The answer of the shared test `number` for an order of `side`, kept
    /// in `slot` of `slots`: the kept one brought up to date, or found afresh.
    pub(super) fn answer(&self, view: &View, side: Side, number: usize, slot: usize, slots: usize) -> TargetSet {
        let SweptTest { over, test, .. } = view.sc.swept_test(number);
        let ctx = Ctx { faction: Some(side), place: None, unit: None };
        let fresh = || view.holds_at_each(&ctx, test, *over);
        let mut kept = self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if kept.len() < slots {
            kept.resize(slots, Kept::default());
        }
        let kept = &mut kept[slot];
        let changes = view.changes();
        let reads = kept.reads.get_or_insert_with(|| TestReads::of(test));
        let again = kept.answer.and_then(|(found, _)| reads.to_ask_again(changes, *over, found));
        let answer = match (kept.answer, again) {
            (Some((_, mut answer)), Some(again)) => {
                for i in again.iter() {
                    let at = match over {
                        IdKind::Place => Ctx { place: Some(i), ..ctx },
                        IdKind::Unit => Ctx { unit: Some(i), ..ctx },
                    };
                    if view.holds(&at, test) {
                        answer.insert(i);
                    } else {
                        answer.remove(i);
                    }
                }
                debug_assert_eq!(answer, fresh(), "a kept answer of {test:?} brought up to date");
                answer
            }
            _ => fresh(),
        };
        kept.answer = Some((changes.now(), answer));
        answer
    }
}
