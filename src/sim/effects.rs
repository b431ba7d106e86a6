//! Effect primitives: the only code that changes places and units. Each one
//! records what it did in the [`SimLog`]. Plain functions over `&mut World`.

use super::facts::{self, Ctx};
use super::log::*;
use super::state::*;
use crate::scenario::target_set::TargetSet;
use crate::scenario::*;
use bevy::prelude::*;

/// Loyalty is kept within these bounds.
pub const LOYALTY_MIN: i32 = -100;
pub const LOYALTY_MAX: i32 = 100;

/// Appends an entry to the log, stamped with the current turn and time.
pub fn record(
    world: &mut World,
    faction: Option<Side>,
    place: Option<usize>,
    unit: Option<usize>,
    what: Happening,
    sources: Vec<u32>,
) {
    let clock = *world.resource::<Clock>();
    world.resource_mut::<SimLog>().push(SimEvent {
        turn: clock.turn,
        time: clock.stamp(),
        faction,
        place,
        unit,
        what,
        sources,
    });
}

fn place_e(world: &World, p: usize) -> Entity {
    world.resource::<Registry>().places[p]
}

fn unit_e(world: &World, u: usize) -> Entity {
    world.resource::<Registry>().units[u]
}

/// Changes a unit's loyalty by `delta`, within -100..=100. Returns the change made.
pub fn shift_loyalty(world: &mut World, unit: usize, delta: i32) -> i32 {
    let e = unit_e(world, unit);
    let mut l = world.get_mut::<Loyalty>(e).expect("units have loyalty");
    let before = l.0;
    l.0 = (l.0 + delta).clamp(LOYALTY_MIN, LOYALTY_MAX);
    let change = l.0 - before;
    if change != 0 {
        facts::unit_changed(world, unit);
    }
    change
}

/// Gives a place to a side (or nobody), recording the change.
pub fn set_holder(world: &mut World, place: usize, to: Option<Side>, by: Option<Side>) {
    let from = facts::holder(world, place);
    if from == to {
        return;
    }
    let e = place_e(world, place);
    world.get_mut::<Holder>(e).expect("places have holders").0 = to;
    facts::place_changed(world, place);
    record(world, by.or(to), Some(place), None, Happening::Control { from, to }, vec![]);
}

/// Moves a unit, recording the move.
pub fn move_unit(world: &mut World, unit: usize, to: usize, by: Option<Side>) {
    let from = facts::location(world, unit);
    if from == to {
        return;
    }
    let e = unit_e(world, unit);
    world.get_mut::<Location>(e).expect("units have a location").0 = to;
    facts::unit_changed(world, unit);
    record(world, by, Some(to), Some(unit), Happening::Moved { from }, vec![]);
}

/// Sets a unit's status: on the map, expected at a time, withdrawn or arrested.
pub(crate) fn set_status(world: &mut World, unit: usize, status: UnitStatus) {
    let e = unit_e(world, unit);
    *world.get_mut::<UnitStatus>(e).expect("units have a status") = status;
    facts::unit_changed(world, unit);
}

fn set_ready(world: &mut World, unit: usize, readiness: Readiness) -> bool {
    let e = unit_e(world, unit);
    let mut r = world.get_mut::<Ready>(e).expect("units have readiness");
    let changed = r.0 != readiness;
    r.0 = readiness;
    if changed {
        facts::unit_changed(world, unit);
    }
    changed
}

/// Brings a unit onto the map at its arrival place (or where it stands).
pub fn bring_in(world: &mut World, unit: usize, by: Option<Side>) {
    if matches!(facts::status(world, unit), UnitStatus::OnMap | UnitStatus::Arrested) {
        return;
    }
    let sc = facts::scenario(world);
    let place = match &sc.file.units[unit].arrives {
        Some(a) => sc.place(&a.place).expect("validated"),
        None => facts::location(world, unit),
    };
    let e = unit_e(world, unit);
    world.get_mut::<Location>(e).expect("units have a location").0 = place;
    // Setting the status brings the kept tables up to date.
    set_status(world, unit, UnitStatus::OnMap);
    record(world, by, Some(place), Some(unit), Happening::Arrived, vec![]);
}

/// The units a selection names, in scenario order (arrested units are never named).
pub fn units_of(world: &World, ctx: &Ctx, sel: &Units) -> Vec<usize> {
    units_in(&facts::View::of(world), ctx, sel).iter().collect()
}

/// [`units_of`], as a set, for code that asks many questions of one view of the world.
pub fn units_in(view: &facts::View, ctx: &Ctx, sel: &Units) -> TargetSet {
    match sel {
        Units::One(u) => {
            let mut set = TargetSet::EMPTY;
            if let Some(u) = one_unit(view, ctx, u) {
                set.insert(u);
            }
            set
        }
        Units::At(p) => view.place_ref(ctx, p).map(|p| view.units_here(p)).unwrap_or_default(),
        Units::Kinds(kinds) => TargetSet::from_fn(view.sc.file.units.len(), |u| {
            kinds.contains(&view.sc.file.units[u].kind) && view.on_map(u)
        }),
    }
}

/// The unit that `Units::One(name)` names, unless it is arrested.
pub fn one_unit(view: &facts::View, ctx: &Ctx, name: &IdRef) -> Option<usize> {
    view.unit_ref(ctx, name).filter(|u| view.status(*u) != UnitStatus::Arrested)
}

/// Applies one effect. `by` is the side whose order or event it is, for the log.
pub fn apply(world: &mut World, ctx: &Ctx, effect: &Effect, by: Option<Side>) {
    let place = |world: &World, name: &IdRef| facts::place_ref(world, ctx, name);
    let unit = |world: &World, name: &IdRef| facts::unit_ref(world, ctx, name);
    match effect {
        Effect::Loyalty(sel, delta) => loyalty_effect(world, ctx, sel, *delta, by),
        Effect::LoyaltyToward(sel, side, delta) => loyalty_effect(world, ctx, sel, delta * side.sign(), by),
        Effect::Control(p, side) => {
            if let Some(p) = place(world, p) {
                set_holder(world, p, Some(*side), by);
            }
        }
        Effect::Neutral(p) => {
            if let Some(p) = place(world, p) {
                set_holder(world, p, None, by);
            }
        }
        Effect::Move(u, p) => {
            if let (Some(u), Some(p)) = (unit(world, u), place(world, p)) {
                if facts::on_map(world, u) {
                    move_unit(world, u, p, by);
                }
            }
        }
        Effect::Raise(p) | Effect::Lower(p) => {
            let up = matches!(effect, Effect::Raise(_));
            if let Some(p) = place(world, p) {
                let e = place_e(world, p);
                if let Some(mut b) = world.get_mut::<Bridge>(e) {
                    if b.raised != up {
                        b.raised = up;
                        facts::place_changed(world, p);
                        let what = if up { Happening::BridgeRaised } else { Happening::BridgeLowered };
                        record(world, by, Some(p), None, what, vec![]);
                    }
                }
            }
        }
        Effect::CutLines(p) | Effect::RestoreLines(p) => {
            let cut = matches!(effect, Effect::CutLines(_));
            if let Some(p) = place(world, p) {
                let e = place_e(world, p);
                let mut l = world.get_mut::<Lines>(e).expect("places have lines");
                if l.cut != cut {
                    l.cut = cut;
                    facts::place_changed(world, p);
                    let what = if cut { Happening::LinesCut } else { Happening::LinesRestored };
                    record(world, by, Some(p), None, what, vec![]);
                }
            }
        }
        Effect::SetFlag(f) => {
            world.resource_mut::<Flags>().0.insert(f.clone());
        }
        Effect::ClearFlag(f) => {
            world.resource_mut::<Flags>().0.remove(f);
        }
        Effect::BringIn(u) => {
            if let Some(u) = unit(world, u) {
                bring_in(world, u, by);
            }
        }
        Effect::Withdraw(u) => {
            if let Some(u) = unit(world, u) {
                if facts::on_map(world, u) {
                    set_status(world, u, UnitStatus::Withdrawn);
                    let at = facts::location(world, u);
                    record(world, by, Some(at), Some(u), Happening::Withdrawn, vec![]);
                }
            }
        }
        Effect::Arrest(u) => {
            if let Some(u) = unit(world, u) {
                if facts::status(world, u) != UnitStatus::Arrested {
                    set_status(world, u, UnitStatus::Arrested);
                    let at = facts::location(world, u);
                    record(world, by, Some(at), Some(u), Happening::Arrested, vec![]);
                }
            }
        }
        Effect::Rouse(u) | Effect::Stand(u) => {
            let rouse = matches!(effect, Effect::Rouse(_));
            if let Some(u) = unit(world, u) {
                let readiness = if rouse { Readiness::Active } else { Readiness::Passive };
                if set_ready(world, u, readiness) && rouse && facts::on_map(world, u) {
                    let at = facts::location(world, u);
                    record(world, by, Some(at), Some(u), Happening::Roused, vec![]);
                }
            }
        }
        Effect::Delay(u, minutes) => {
            if let Some(u) = unit(world, u) {
                if let UnitStatus::Expected(t) = facts::status(world, u) {
                    set_status(world, u, UnitStatus::Expected(t.plus_minutes(*minutes as i64)));
                }
            }
        }
        Effect::Casualties(u, men) => {
            if let Some(u) = unit(world, u) {
                let e = unit_e(world, u);
                let mut s = world.get_mut::<Strength>(e).expect("units have strength");
                let lost = (*men).min(s.0);
                s.0 -= lost;
                facts::unit_changed(world, u);
                if lost > 0 {
                    let at = facts::location(world, u);
                    record(world, by, Some(at), Some(u), Happening::Casualties { men: lost }, vec![]);
                }
            }
        }
        Effect::Command(side, delta) => {
            let max = facts::scenario(world).file.rules.max_command;
            let mut c = world.resource_mut::<CommandPoints>();
            let v = c.get_mut(*side);
            *v = (*v + delta).clamp(0, max);
        }
        Effect::Chronicle(text) => {
            record(world, by, ctx.place, ctx.unit, Happening::Narration(text.clone()), vec![]);
        }
    }
}

fn loyalty_effect(world: &mut World, ctx: &Ctx, sel: &Units, delta: i32, by: Option<Side>) {
    // Where each unit stands and its loyalty, from one view: shifting loyalty changes neither place.
    let named: Vec<(usize, usize, i32)> = {
        let view = facts::View::of(world);
        units_in(&view, ctx, sel).iter().map(|u| (u, view.location(u), view.loyalty(u))).collect()
    };
    for (u, at, before) in named {
        let change = shift_loyalty(world, u, delta);
        if change != 0 {
            let now = before + change;
            record(world, by, Some(at), Some(u), Happening::Loyalty { delta: change, now }, vec![]);
        }
    }
}
