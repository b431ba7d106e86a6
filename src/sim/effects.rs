//! Effect primitives: the only code that changes places and units. Each one
//! records what it did in the [`SimLog`]. Plain functions over `&mut World`.

use super::facts::{self, Ctx, PlaceField, UnitField};
use super::log::*;
use super::lookup::Lookup;
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
    let clock = *world.res::<Clock>();
    world.res_mut::<SimLog>().push(SimEvent {
        turn: clock.turn,
        time: clock.stamp(),
        faction,
        place,
        unit,
        what,
        sources,
    });
}

/// Changes one component of a unit with `change`, which says whether it
/// changed anything; if it did, the views' kept tables are brought up to
/// date. Every change to a unit goes through here. Returns whether it changed.
fn change_unit<C: UnitField>(world: &mut World, unit: usize, change: impl FnOnce(&mut C) -> bool) -> bool {
    let e = world.res::<Registry>().units[unit];
    let mut component = world.get_mut::<C>(e).expect("every unit has its components");
    let changed = change(&mut component);
    let now = *component;
    if changed {
        facts::unit_changed(world, unit, now);
    }
    changed
}

/// [`change_unit`] for a place. A place without the component (a place
/// that is not a bridge, for `Bridge`) is left as it is.
fn change_place<C: PlaceField>(world: &mut World, place: usize, change: impl FnOnce(&mut C) -> bool) -> bool {
    let e = world.res::<Registry>().places[place];
    let Some(mut component) = world.get_mut::<C>(e) else { return false };
    let changed = change(&mut component);
    let now = *component;
    if changed {
        facts::place_changed(world, place, now);
    }
    changed
}

/// Changes a unit's loyalty by `delta`, within -100..=100. Returns the change made.
pub fn shift_loyalty(world: &mut World, unit: usize, delta: i32) -> i32 {
    let mut change = 0;
    change_unit::<Loyalty>(world, unit, |l| {
        let before = l.0;
        l.0 = (l.0 + delta).clamp(LOYALTY_MIN, LOYALTY_MAX);
        change = l.0 - before;
        change != 0
    });
    change
}

/// Gives a place to a side (or nobody), recording the change.
pub fn set_holder(world: &mut World, place: usize, to: Option<Side>, by: Option<Side>) {
    let from = facts::holder(world, place);
    if from == to {
        return;
    }
    change_place::<Holder>(world, place, |h| std::mem::replace(&mut h.0, to) != to);
    record(world, by.or(to), Some(place), None, Happening::Control { from, to }, vec![]);
}

/// Moves a unit, recording the move.
pub fn move_unit(world: &mut World, unit: usize, to: usize, by: Option<Side>) {
    let from = facts::location(world, unit);
    if from == to {
        return;
    }
    change_unit::<Location>(world, unit, |l| std::mem::replace(&mut l.0, to) != to);
    record(world, by, Some(to), Some(unit), Happening::Moved { from }, vec![]);
}

/// Sets a unit's status: on the map, expected at a time, withdrawn or arrested.
pub(crate) fn set_status(world: &mut World, unit: usize, status: UnitStatus) {
    change_unit::<UnitStatus>(world, unit, |s| std::mem::replace(s, status) != status);
}

fn set_ready(world: &mut World, unit: usize, readiness: Readiness) -> bool {
    change_unit::<Ready>(world, unit, |r| std::mem::replace(&mut r.0, readiness) != readiness)
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
    change_unit::<Location>(world, unit, |l| std::mem::replace(&mut l.0, place) != place);
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
            if let Some(p) = place(world, p)
                && change_place::<Bridge>(world, p, |b| std::mem::replace(&mut b.raised, up) != up)
            {
                let what = if up { Happening::BridgeRaised } else { Happening::BridgeLowered };
                record(world, by, Some(p), None, what, vec![]);
            }
        }
        Effect::CutLines(p) | Effect::RestoreLines(p) => {
            let cut = matches!(effect, Effect::CutLines(_));
            if let Some(p) = place(world, p)
                && change_place::<Lines>(world, p, |l| std::mem::replace(&mut l.cut, cut) != cut)
            {
                let what = if cut { Happening::LinesCut } else { Happening::LinesRestored };
                record(world, by, Some(p), None, what, vec![]);
            }
        }
        Effect::SetFlag(f) => {
            world.res_mut::<Flags>().0.insert(f.clone());
        }
        Effect::ClearFlag(f) => {
            world.res_mut::<Flags>().0.remove(f);
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
                let mut lost = 0;
                let changed = change_unit::<Strength>(world, u, |s| {
                    lost = (*men).min(s.0);
                    s.0 -= lost;
                    lost > 0
                });
                if changed {
                    let at = facts::location(world, u);
                    record(world, by, Some(at), Some(u), Happening::Casualties { men: lost }, vec![]);
                }
            }
        }
        Effect::Command(side, delta) => {
            let max = facts::scenario(world).file.rules.max_command;
            let mut c = world.res_mut::<CommandPoints>();
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
