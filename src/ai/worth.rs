//! What an order's effects are worth to the heuristic's side, and what the
//! worth reads of the world: the places and units it names, the units and
//! the force at their places, and for some effects the side's stakes.

use super::heuristic::Tuning;
use super::stakes::{Stakes, WIN_WORTH};
use crate::scenario::*;
use crate::sim::changes::LOYALTY_MARGIN;
use crate::sim::changes::PlaceParts;
use crate::sim::facts::{self, Changes, Ctx, PlacePart, UnitPart, View};
use crate::sim::orders::{self, Checked};

/// Worth of one command point, subtracted per point of cost.
pub(super) const COMMAND_WORTH: f32 = 2.0;
/// Worth of a thousand roubles of funds that a place gives.
pub(super) const FUNDS_WORTH: f32 = 0.05;
/// Share of a win credited to an order that weakens the defenders of a target.
const SETUP_SHARE: f32 = 0.5;

/// What each of the orders' effects are worth to the side if it succeeds,
/// then what they are worth if it fails: one list of twice as many sums. The
/// orders of one action come together (as the listing gives them), and each
/// of the action's effects is weighed for all of them in one pass (see [`add_effect_worth`]).
pub(super) fn outcomes(view: &View, side: Side, orders: &[Checked], stakes: &Stakes, tuning: &Tuning) -> Vec<f32> {
    let mut outcomes = vec![no_worth(); 2 * orders.len()];
    let (success, failure) = outcomes.split_at_mut(orders.len());
    for (run, sums) in orders::by_action(orders, success) {
        for effect in &view.sc.file.actions[run[0].action].on_success {
            add_effect_worth(view, side, run, effect, stakes, tuning, sums);
        }
    }
    for (run, sums) in orders::by_action(orders, failure) {
        for effect in &view.sc.file.actions[run[0].action].on_failure {
            add_effect_worth(view, side, run, effect, stakes, tuning, sums);
        }
    }
    outcomes
}

/// What an order's effects are summed from, effect after effect in the
/// action's order: what an empty sum of them is.
pub(super) fn no_worth() -> f32 {
    std::iter::empty::<f32>().sum()
}

/// Worth of one effect of a checked order to the side; positive when it helps.
pub fn effect_worth(
    view: &View,
    side: Side,
    checked: &Checked,
    effect: &Effect,
    stakes: &Stakes,
    tuning: &Tuning,
) -> f32 {
    let mut worth = [no_worth()];
    add_effect_worth(view, side, std::slice::from_ref(checked), effect, stakes, tuning, &mut worth);
    worth[0]
}

/// Adds the worth of `effect` to the side, for each of the orders, to its
/// sum in `sums`. Which effect it is is settled once for them all, and each
/// kind of effect is weighed in its own loop. (This takes 6% fewer
/// instructions than weighing one order's effects in turn; on the machine it
/// was measured on, the time was the same within the noise.)
fn add_effect_worth(
    view: &View,
    side: Side,
    orders: &[Checked],
    effect: &Effect,
    stakes: &Stakes,
    tuning: &Tuning,
    sums: &mut [f32],
) {
    // Adds `worth` of each order's targets to its sum.
    #[inline(always)]
    fn each(orders: &[Checked], sums: &mut [f32], worth: impl Fn(&Ctx) -> f32) {
        orders::add_to_each(orders, sums, |ctx| Some(worth(ctx)));
    }
    let sc = view.sc;
    let place = |ctx: &Ctx, name: &IdRef| view.place_ref(ctx, name);
    let unit = |ctx: &Ctx, name: &IdRef| view.unit_ref(ctx, name);
    let place_worth = |p: usize| place_worth(sc, p);
    // Taking a unit out of the fight at one of the side's targets weakens its defenders.
    let weakens_target = |u: usize, lost: u32| match stakes.target_at(view.location(u)) {
        Some(striker) if view.leaning(u) == Some(side.opponent()) && view.active(u) => {
            let (_, defenders) = view.force(side.opponent(), view.location(u));
            let before = facts::balance(striker, defenders);
            let after = facts::balance(striker, defenders.saturating_sub(lost));
            SETUP_SHARE * WIN_WORTH * (after - before) / 2.0
        }
        _ => 0.0,
    };
    match effect {
        Effect::Control(p, to) => each(orders, sums, |ctx| match place(ctx, p) {
            Some(p) if view.holder(p) != Some(*to) => {
                let w = place_worth(p);
                if *to == side { w } else { -w }
            }
            _ => 0.0,
        }),
        Effect::Neutral(p) => {
            each(orders, sums, |ctx| match place(ctx, p).and_then(|p| view.holder(p).map(|h| (p, h))) {
                Some((p, h)) => {
                    let w = place_worth(p) / 2.0;
                    if h == side { -w } else { w }
                }
                None => 0.0,
            })
        }
        Effect::Loyalty(sel, delta) | Effect::LoyaltyToward(sel, _, delta) => {
            let toward = match effect {
                Effect::LoyaltyToward(_, s, _) => s.sign(),
                _ => 1,
            };
            let shift = |u: usize| {
                let l = view.loyalty(u);
                let room = if delta * toward * side.sign() > 0 { 100 - l * side.sign() } else { 100 + l * side.sign() };
                let moved = (delta.abs()).min(room.max(0)) as f32 * (delta * toward * side.sign()).signum() as f32;
                moved * view.power(u) as f32 / 3000.0
            };
            match sel {
                // One unit (the commonest case) is read without making a set of it.
                Units::One(name) => each(orders, sums, |ctx| {
                    crate::sim::effects::one_unit(view, ctx, name).into_iter().map(shift).sum()
                }),
                _ => each(orders, sums, |ctx| crate::sim::effects::units_in(view, ctx, sel).iter().map(shift).sum()),
            }
        }
        Effect::Rouse(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if !view.active(u) && view.committed(u, side) => view.power(u) as f32 / 1500.0,
            _ => 0.0,
        }),
        Effect::BringIn(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if !view.on_map(u) && view.committed(u, side) => view.power(u) as f32 / 1000.0,
            _ => 0.0,
        }),
        Effect::Arrest(u) | Effect::Withdraw(u) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) if view.on_map(u) => {
                let lean = view.leaning(u);
                let w = if sc.kind_of(u).leadership { 100.0 } else { view.power(u) as f32 / 800.0 };
                match lean {
                    Some(s) if s == side => -w,
                    Some(_) => w + weakens_target(u, view.power(u)),
                    None => 0.0,
                }
            }
            _ => 0.0,
        }),
        Effect::Casualties(u, men) => each(orders, sums, |ctx| match unit(ctx, u) {
            Some(u) => {
                let w = (*men as f32) / 20.0;
                let lost = (*men).min(view.strength(u)) * sc.file.units[u].quality;
                if view.leaning(u) == Some(side) { -w } else { w + weakens_target(u, lost) }
            }
            None => 0.0,
        }),
        Effect::CutLines(p) | Effect::RestoreLines(p) => {
            let cut = matches!(effect, Effect::CutLines(_));
            each(orders, sums, |ctx| match place(ctx, p) {
                Some(p) if view.lines_cut(p) != cut => {
                    let mut w = 0.0;
                    for s in Side::ALL {
                        if sc.headquarters(s) == Some(p) {
                            let hurt = 5.0 * sc.faction(s).lines_cut_penalty as f32;
                            w += if (s == side) == cut { -hurt } else { hurt };
                        }
                    }
                    w
                }
                _ => 0.0,
            })
        }
        Effect::SetFlag(f) => {
            let w = if sc.wins_with_flag(side, f) {
                WIN_WORTH
            } else if sc.wins_with_flag(side.opponent(), f) {
                -WIN_WORTH
            } else {
                0.5
            };
            each(orders, sums, |_| w)
        }
        Effect::Command(s, d) => {
            let w = *d as f32 * COMMAND_WORTH;
            let w = if *s == side { w } else { -w };
            each(orders, sums, |_| w)
        }
        Effect::Raise(p) => each(orders, sums, |ctx| match place(ctx, p) {
            // Raising a bridge cuts the other side's routes across it.
            Some(p) if !view.raised(p) => 2.0,
            _ => 0.0,
        }),
        Effect::Lower(p) => each(orders, sums, |ctx| match place(ctx, p) {
            Some(p) if view.raised(p) => 2.0,
            _ => 0.0,
        }),
        Effect::Move(u, p) => each(orders, sums, |ctx| match (unit(ctx, u), place(ctx, p)) {
            (Some(u), Some(to)) if view.committed(u, side) => guard_worth(view, side, stakes, u, to, tuning),
            _ => 0.0,
        }),
        Effect::ClearFlag(_) | Effect::Stand(_) | Effect::Delay(..) | Effect::Chronicle(_) => {
            each(orders, sums, |_| 0.0)
        }
    }
}

/// Whether the heuristic gives an effect no worth at all, whatever its order
/// (as [`add_effect_worth`] weighs it).
pub(super) fn weighs_nothing(effect: &Effect) -> bool {
    matches!(effect, Effect::ClearFlag(_) | Effect::Stand(_) | Effect::Delay(..) | Effect::Chronicle(_))
}

/// Worth of moving the side's unit `u` to `to`, for what it guards. At a place
/// where the other side could win outright, the chance of that falls or rises
/// with the balance of force against its strongest striker. A place the side
/// holds is left more open to being taken back, by the unit's share of its guard.
fn guard_worth(view: &View, side: Side, stakes: &Stakes, u: usize, to: usize, tuning: &Tuning) -> f32 {
    let from = view.location(u);
    if from == to || !view.active(u) {
        return 0.0;
    }
    let power = view.power(u);
    let threatened = |place: usize, arriving: bool| {
        let Some((threat, striker)) = stakes.threat_at(place) else { return 0.0 };
        let (_, own) = view.force(side, place);
        let (_, other) = view.force(side.opponent(), place);
        let after = if arriving { own + power } else { own.saturating_sub(power) };
        WIN_WORTH * threat * (facts::balance(after, other + striker) - facts::balance(own, other + striker)) / 2.0
    };
    let left_open = if view.holder(from) == Some(side) {
        let (_, own) = view.force(side, from);
        // A place worth less than nothing is no loss to leave.
        -tuning.left_open_share * place_worth(view.sc, from).max(0.0) * power as f32 / own.max(1) as f32
    } else {
        0.0
    };
    threatened(from, false) + threatened(to, true) + left_open
}

/// How much a place is worth holding.
fn place_worth(sc: &Scenario, p: usize) -> f32 {
    let spec = &sc.file.map.places[p];
    let tags = [spec.gives.communications, spec.gives.rail, spec.gives.power].iter().filter(|t| **t).count() as f32;
    spec.value as f32
        + 3.0 * spec.gives.command as f32
        + 10.0 * FUNDS_WORTH * spec.gives.money as f32
        + 2.0 * tags
        + if spec.gives.seat_of_government { 20.0 } else { 0.0 }
}

/// What an action's effects read of the world when they are weighed (see
/// [`add_effect_worth`]), besides the scenario: found once for each action,
/// so that each of its orders can tell whether any of it changed.
#[derive(Clone, Debug, Default)]
pub(super) struct Reads {
    /// Reads something no stamp follows (every unit of some kinds): its
    /// orders are weighed again each time.
    untracked: bool,
    /// Reads the side's stakes.
    pub stakes: bool,
    /// The parts read of the order's own place.
    own_place: PlaceParts,
    /// The part read of the order's own unit (each part holds the ones before it), if any.
    own_unit: Option<UnitPart>,
    /// The parts read of the place where the order's own unit is.
    own_unit_at: PlaceParts,
    /// The same, for places and units named in the effects.
    places: Vec<(usize, PlaceParts)>,
    units: Vec<(usize, UnitPart, PlaceParts)>,
}

impl Reads {
    /// What the action's effects read, if it succeeds or if it fails.
    pub fn of(spec: &ActionSpec) -> Reads {
        let mut reads = Reads::default();
        for effect in spec.on_success.iter().chain(&spec.on_failure) {
            reads.add(effect);
        }
        reads
    }

    /// Adds what the effect reads (as [`add_effect_worth`] weighs it).
    fn add(&mut self, effect: &Effect) {
        use PlacePart::{Force, Row};
        use UnitPart::Stance;
        let none = PlaceParts::NONE;
        match effect {
            Effect::Control(p, _)
            | Effect::Neutral(p)
            | Effect::CutLines(p)
            | Effect::RestoreLines(p)
            | Effect::Raise(p)
            | Effect::Lower(p) => self.place(p, Row),
            Effect::Loyalty(sel, delta) | Effect::LoyaltyToward(sel, _, delta) => {
                // A shift is cut short only near a bound, and only where it is larger than the room left.
                let part = if delta.abs() <= LOYALTY_MARGIN { UnitPart::Extremes } else { UnitPart::Everything };
                match sel {
                    Units::One(u) => self.unit(u, part, none),
                    Units::At(p) => self.place(p, PlacePart::Units(part)),
                    Units::Kinds(_) => self.untracked = true,
                }
            }
            Effect::Rouse(u) | Effect::BringIn(u) => self.unit(u, Stance, none),
            // Taking a unit out of the fight weakens the defenders of a target where it is.
            Effect::Arrest(u) | Effect::Withdraw(u) | Effect::Casualties(u, _) => {
                self.unit(u, Stance, Force.into());
                self.stakes = true;
            }
            // A guard is weighed by the forces where it leaves and where it
            // goes, and by whether the side holds the place it leaves.
            Effect::Move(u, p) => {
                self.unit(u, Stance, PlaceParts::from(Force).with(Row));
                self.place(p, Force);
                self.stakes = true;
            }
            Effect::SetFlag(_)
            | Effect::Command(..)
            | Effect::ClearFlag(_)
            | Effect::Stand(_)
            | Effect::Delay(..)
            | Effect::Chronicle(_) => {}
        }
    }

    fn place(&mut self, name: &IdRef, part: PlacePart) {
        match name.meant() {
            Meant::Unknown => self.untracked = true,
            Meant::StandIn => self.own_place = self.own_place.with(part),
            Meant::Index(p) => match self.places.iter_mut().find(|(q, _)| *q == p) {
                Some((_, parts)) => *parts = parts.with(part),
                None => self.places.push((p, part.into())),
            },
        }
    }

    fn unit(&mut self, name: &IdRef, part: UnitPart, at: PlaceParts) {
        match name.meant() {
            Meant::Unknown => self.untracked = true,
            Meant::StandIn => {
                self.own_unit = self.own_unit.max(Some(part));
                self.own_unit_at = self.own_unit_at.union(at);
            }
            Meant::Index(u) => match self.units.iter_mut().find(|(v, ..)| *v == u) {
                Some((_, known, parts)) => {
                    *known = (*known).max(part);
                    *parts = parts.union(at);
                }
                None => self.units.push((u, part, at)),
            },
        }
    }

    /// Whether anything read for the order at `ctx`, but the stakes, changed after the stamp `found`.
    #[inline]
    pub fn changed(&self, view: &View, changes: &Changes, ctx: &Ctx, found: u64) -> bool {
        let unit = |u: usize, part: UnitPart, at: PlaceParts| {
            changes.unit_since(u, part, found) || (!at.is_empty() && changes.place_since(view.location(u), at, found))
        };
        self.untracked
            || (!self.own_place.is_empty() && ctx.place.is_some_and(|p| changes.place_since(p, self.own_place, found)))
            || self.own_unit.is_some_and(|part| ctx.unit.is_some_and(|u| unit(u, part, self.own_unit_at)))
            || self.places.iter().any(|(p, parts)| changes.place_since(*p, *parts, found))
            || self.units.iter().any(|(u, part, at)| unit(*u, *part, *at))
    }
}
