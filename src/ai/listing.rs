//! Listing the orders a side may give now, for the AIs: every allowed target
//! of each action, found with [`orders::TargetSearch`]. For an order that
//! sends a unit to a place, only the strongest few units that can get there
//! are tried, and the first that passes is kept.

use crate::scenario::target_set::TargetSet;
use crate::scenario::{Side, TargetSpec};
use crate::sim::facts::View;
use crate::sim::orders::{self, Checked};

/// Units tried for each place in a unit-to-place order before the place is left out.
const MOVERS_TRIED_PER_PLACE: usize = 3;

/// The orders the side may give now with the given actions, checked.
pub fn allowed_orders(view: &View, side: Side, actions: &[usize]) -> Vec<Checked> {
    let mut lister = Lister::new(view, side);
    // Room for a busy turn's orders, so that the list seldom grows.
    let mut out = Vec::with_capacity((16 * actions.len()).min(128));
    for &action in actions {
        lister.add(action, None, &mut out);
    }
    out
}

/// Lists one side's orders, an action at a time, against one view of the world.
pub struct Lister<'a, 'w> {
    view: &'a View<'w>,
    side: Side,
    /// The side's committed units on the map, strongest first (in scenario
    /// order among equals), with where each can reach: found for the first
    /// action that sends units to places.
    movers: Option<Vec<(usize, &'a [u32])>>,
}

impl<'a, 'w> Lister<'a, 'w> {
    pub fn new(view: &'a View<'w>, side: Side) -> Self {
        Lister { view, side, movers: None }
    }

    /// Adds the side's allowed orders of the action to `out`. Of the orders
    /// aimed at a place, only those at a place in `only_at` (if given).
    pub fn add(&mut self, action: usize, only_at: Option<TargetSet>, out: &mut Vec<Checked>) {
        let (view, side) = (self.view, self.side);
        // No place the orders may be aimed at is left: nothing to search.
        if let Some(only) = only_at {
            let target = view.sc.target_sweep(action).target;
            let open = |p: usize| target != TargetSpec::UnitToPlace || units_may_go(view, side, p);
            if target.names_place() && !only.iter().any(open) {
                return;
            }
        }
        let Some(search) = orders::TargetSearch::new(view, side, action) else { return };
        let places = only_at.map_or(search.places, |only| search.places.and(only));
        match search.target {
            TargetSpec::Nothing => out.extend(search.allowed(None, None)),
            TargetSpec::Place => out.extend(places.iter().filter_map(|p| search.allowed(Some(p), None))),
            TargetSpec::Unit => out.extend(search.units.iter().filter_map(|u| search.allowed(None, Some(u)))),
            TargetSpec::UnitToPlace => {
                let movers = self.movers.get_or_insert_with(|| {
                    let mut movers = Vec::with_capacity(view.strongest_first().len());
                    movers.extend(
                        (view.strongest_first().iter())
                            .filter(|u| view.on_map(**u) && view.committed(**u, side))
                            .map(|u| (*u, view.routes_from(view.location(*u), Some(side)))),
                    );
                    movers
                });
                for p in places.iter().filter(|p| units_may_go(view, side, *p)) {
                    let reachable = movers.iter().filter(|(u, dist)| {
                        view.sc.unit_fits(action, *u) && dist[p] != crate::sim::routes::UNREACHABLE
                    });
                    // Each mover tried can reach the place, so the search need not ask again.
                    let tried = reachable.take(MOVERS_TRIED_PER_PLACE);
                    if let Some(checked) = tried.map(|(u, _)| *u).find_map(|u| search.allowed_reaching(p, u)) {
                        out.push(checked);
                    }
                }
            }
        }
    }
}

/// Whether the side's units may be sent to the place: not to one it holds.
#[inline]
fn units_may_go(view: &View, side: Side, place: usize) -> bool {
    view.holder(place) != Some(side)
}
