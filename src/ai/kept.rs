//! What the heuristic found each order's effects worth, kept from one turn to
//! the next. A side lists mostly the same orders every turn, and little of
//! the world they read changes in a turn, so most of the weighing would find
//! last turn's answer again. An order's worths are found again only when a
//! place or unit they read changed since (see [`worth::reads_changed`] and
//! `sim::changes`), or, for effects that read them, the side's stakes did.
//!
//! Keeping them changes no game: the worths are the ones weighing afresh
//! would find, bit for bit. Builds with debug assertions (the tests among
//! them) weigh every kept order afresh as well, and check that the two agree.

use super::heuristic::Tuning;
use super::stakes::{Stakes, Strike};
use super::worth::{self, Reads};
use crate::scenario::{Scenario, Side};
use crate::sim::facts::View;
use crate::sim::orders::Checked;
use bevy::prelude::*;
use std::sync::Mutex;

/// The worths kept in a world, for each side. (Behind a lock, so that the
/// heuristic can keep them while it holds a view of the world.)
#[derive(Resource, Default)]
pub struct KeptWorths(Mutex<Kept>);

impl KeptWorths {
    /// The kept worths, to read and bring up to date.
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        // Nothing panics while the lock is held but a failed check, which ends the game anyway.
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// What [`KeptWorths`] holds.
#[derive(Default)]
pub struct Kept {
    /// The world's record of changes these were found against (see `Changes::id`).
    record: u64,
    /// What each action's effects read, by action.
    reads: Vec<Reads>,
    sides: [SideWorths; 2],
}

/// One side's kept worths, and what they were weighed with.
#[derive(Default)]
struct SideWorths {
    tuning: Option<Tuning>,
    stakes: Stakes,
    /// Counts the changes of the side's stakes: a worth that reads them is
    /// kept with the count it was found at.
    stakes_count: u32,
    /// By action, then by the order's place (or its unit, if it names no place).
    worths: Vec<Vec<Option<Worths>>>,
}

impl SideWorths {
    /// Where the orders of the action are kept: an order that names a place
    /// by its place (with the unit it sends, if any), one that names a unit by its unit.
    fn slots(&mut self, sc: &Scenario, action: usize) -> &mut Vec<Option<Worths>> {
        if self.worths.len() <= action {
            self.worths.resize(sc.file.actions.len(), Vec::new());
        }
        let slots = &mut self.worths[action];
        if slots.is_empty() {
            let target = sc.target_sweep(action).target;
            let n = if target.names_place() { sc.file.map.places.len() } else { sc.file.units.len().max(1) };
            slots.resize(n, None);
        }
        slots
    }
}

/// Where an order's worths are in its action's slots (see [`SideWorths::slots`]).
#[inline]
fn slot_of(checked: &Checked) -> usize {
    checked.ctx.place.or(checked.ctx.unit).unwrap_or(0)
}

/// An order's worths, and when they were found.
#[derive(Clone, Copy)]
struct Worths {
    /// The order's unit: of the orders that send a unit to a place, only one is kept.
    unit: Option<usize>,
    /// The stamp of the world's changes when they were found.
    found: u64,
    /// The side's stakes count then.
    stakes_count: u32,
    success: f32,
    failure: f32,
}

/// Whether two lists of strikes are the same, bit for bit.
fn same_strikes(a: &[Strike], b: &[Strike]) -> bool {
    let same =
        |x: &Strike, y: &Strike| x.place == y.place && x.power == y.power && x.chance.to_bits() == y.chance.to_bits();
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
}

impl Kept {
    /// What the side's orders' effects are worth, laid out as
    /// [`worth::outcomes`] gives them: the kept worths of the orders whose
    /// reads did not change, and the others weighed now (and kept from now on).
    pub fn outcomes(
        &mut self,
        view: &View,
        side: Side,
        orders: &[Checked],
        stakes: &Stakes,
        tuning: &Tuning,
    ) -> Vec<f32> {
        let (sc, changes) = (view.sc, view.changes());
        if self.record != changes.id() {
            let reads = sc.file.actions.iter().map(Reads::of).collect();
            *self = Kept { record: changes.id(), reads, ..Kept::default() };
        }
        let kept = &mut self.sides[side.index()];
        if kept.tuning != Some(*tuning) {
            *kept = SideWorths { tuning: Some(*tuning), ..SideWorths::default() };
        }
        if !same_strikes(&kept.stakes.threats, &stakes.threats) || !same_strikes(&kept.stakes.targets, &stakes.targets)
        {
            kept.stakes = stakes.clone();
            kept.stakes_count += 1;
        }
        let n = orders.len();
        let mut outcomes = vec![worth::no_worth(); 2 * n];
        // The orders to weigh now, and where each is in `orders`.
        let (mut stale, mut at) = (Vec::new(), Vec::new());
        let mut i = 0;
        for run in orders.chunk_by(|a, b| a.action == b.action) {
            let reads = &self.reads[run[0].action];
            let stakes_count = kept.stakes_count;
            let slots = kept.slots(sc, run[0].action);
            for checked in run {
                match &slots[slot_of(checked)] {
                    Some(w)
                        if w.unit == checked.ctx.unit
                            && (!reads.stakes || w.stakes_count == stakes_count)
                            && !reads.changed(view, changes, &checked.ctx, w.found) =>
                    {
                        (outcomes[i], outcomes[n + i]) = (w.success, w.failure)
                    }
                    _ => {
                        stale.push(*checked);
                        at.push(i);
                    }
                }
                i += 1;
            }
        }
        let weighed = worth::outcomes(view, side, &stale, stakes, tuning);
        let found = changes.now();
        for (j, (checked, i)) in stale.iter().zip(at).enumerate() {
            let (success, failure) = (weighed[j], weighed[stale.len() + j]);
            (outcomes[i], outcomes[n + i]) = (success, failure);
            let stakes_count = kept.stakes_count;
            kept.slots(sc, checked.action)[slot_of(checked)] =
                Some(Worths { unit: checked.ctx.unit, found, stakes_count, success, failure });
        }
        if cfg!(debug_assertions) {
            let fresh = worth::outcomes(view, side, orders, stakes, tuning);
            let same = fresh.iter().zip(&outcomes).all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "a kept worth differs from one weighed afresh:\n{outcomes:?}\n{fresh:?}\n{orders:?}");
        }
        outcomes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ai::listing::allowed_orders;
    use crate::game::{Game, Players};

    #[test]
    fn kept_worths_are_the_ones_weighing_afresh_finds_and_most_are_kept() {
        let both = Players { mrc: crate::ai::Policy::Heuristic, government: crate::ai::Policy::Heuristic };
        let (mut kept_count, mut total) = (0, 0);
        for seed in [5, 6] {
            let mut game = Game::new(crate::testing::historical(), seed, both);
            let mut kept = Kept::default();
            while !crate::sim::is_over(&game.world) {
                let view = View::of(&game.world);
                for (side, tuning) in [(Side::Mrc, Tuning::EASY), (Side::Government, Tuning::EASY)] {
                    let orders = allowed_orders(&view, side, view.sc.side_actions(side));
                    let stakes = Stakes::of(&view, side, &orders);
                    let outcomes = kept.outcomes(&view, side, &orders, &stakes, &tuning);
                    let fresh = worth::outcomes(&view, side, &orders, &stakes, &tuning);
                    assert_eq!(
                        outcomes.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
                        fresh.iter().map(|w| w.to_bits()).collect::<Vec<_>>(),
                        "seed {seed}, turn {}",
                        game.world.resource::<crate::sim::Clock>().turn
                    );
                    // Weighed now: at most the worths stamped now (a turn in which
                    // nothing changed stamps its worths as the one before did).
                    let now = view.changes().now();
                    let weighed = kept.sides[side.index()].worths.iter().flatten().flatten().filter(|w| w.found == now);
                    let weighed = weighed.count();
                    kept_count += orders.len().saturating_sub(weighed);
                    total += orders.len();
                }
                drop(view);
                game.step();
            }
        }
        assert!(total > 1000, "only {total} orders weighed");
        assert!(kept_count * 2 > total, "only {kept_count} of {total} worths kept from a turn before");
    }
}
