//! Scenario events: fired as the game begins, at a time, when a condition
//! holds, or after an action succeeds; once unless they repeat.

use super::effects::{self, record};
use super::facts::{self, Ctx};
use super::log::Happening;
use super::lookup::Lookup;
use super::state::*;
use crate::scenario::*;
use bevy::prelude::*;
use rand::RngExt;

/// Fires an event if its condition holds and its chance comes up. Returns whether it fired.
pub fn fire(world: &mut World, event: usize) -> bool {
    let sc = world.res::<ScenarioRes>().0.clone();
    let spec = &sc.file.events[event];
    if world.res::<EventsFired>().0[event] && !spec.repeat {
        return false;
    }
    let ctx = Ctx { faction: spec.faction, place: spec.place.as_deref().and_then(|p| sc.place(p)), unit: None };
    if !facts::holds(world, &ctx, &spec.condition) {
        return false;
    }
    // Certain outcomes draw nothing from the RNG.
    if spec.chance <= 0.0 || (spec.chance < 1.0 && world.res_mut::<SimRng>().0.random::<f32>() >= spec.chance) {
        return false;
    }
    world.res_mut::<EventsFired>().0[event] = true;
    record(world, spec.faction, ctx.place, None, Happening::Event { event }, spec.sources.clone());
    for e in &spec.effects {
        effects::apply(world, &ctx, e, spec.faction);
    }
    true
}

/// Fires the events that follow a successful action.
pub fn after_action(world: &mut World, action: usize) {
    let sc = world.res::<ScenarioRes>().0.clone();
    for &i in sc.events_after(action) {
        fire(world, i);
    }
}

/// Fires the events that open the game (`Trigger::Start`), in file order.
pub fn fire_at_start(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    for (i, e) in sc.file.events.iter().enumerate() {
        if matches!(e.trigger, Trigger::Start) {
            fire(world, i);
        }
    }
}

/// Fires the events timed within the current turn, earliest first (file order
/// for the same minute). Each is logged at its own minute.
pub fn fire_timed(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    let now = world.res::<Clock>().now;
    for &(t, i) in sc.timed_events(now, now.plus_minutes(sc.turn_minutes())) {
        world.res_mut::<Clock>().moment = Some(t);
        fire(world, i);
    }
    world.res_mut::<Clock>().moment = None;
}

/// Fires the events whose trigger condition holds now, in file order.
pub fn fire_conditional(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    for &i in sc.conditional_events() {
        let e = &sc.file.events[i];
        let Trigger::When(c) = &e.trigger else { continue };
        let fired = world.res::<EventsFired>().0[i];
        if (!fired || e.repeat) && facts::holds(world, &Ctx { faction: e.faction, ..default() }, c) {
            fire(world, i);
        }
    }
}
