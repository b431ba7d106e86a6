//! The simulation: components, resources, the turn schedule, orders, effects,
//! loyalty, events and victory. All plugins and functions here work without
//! rendering; this module never imports windowing, rendering or egui.
//!
//! The rules pipeline: an [`Order`] is checked (`orders::check`), resolved
//! with the one seeded RNG (`orders::resolve`) and its effects applied
//! (`effects::apply`), each of which records a [`SimEvent`] in the [`SimLog`].

pub mod describe;
pub mod effects;
pub mod events;
pub mod facts;
pub mod log;
pub mod loyalty;
pub mod order;
pub mod orders;
pub mod spawn;
pub mod state;
pub mod turn;
pub mod victory;

pub use log::{Happening, SimEvent, SimLog};
pub use order::{Order, PendingOrders};
pub use orders::Refusal;
pub use spawn::{SimPlugin, new_world, populate};
pub use state::*;
pub use turn::Turn;

use crate::scenario::Side;
use bevy::prelude::*;

/// Checks an order and, if it may be given, queues it for the end of the turn.
/// The command it costs is reserved against the orders already queued.
pub fn submit(world: &mut World, order: Order) -> Result<(), Refusal> {
    let checked = orders::check(world, &order)?;
    let sc = world.resource::<ScenarioRes>().0.clone();
    let cost = sc.file.actions[checked.action].cost;
    let queued: i32 = world
        .resource::<PendingOrders>()
        .0
        .iter()
        .filter(|o| o.faction == order.faction)
        .filter_map(|o| sc.action(&o.action))
        .map(|a| sc.file.actions[a].cost)
        .sum();
    let have = world.resource::<CommandPoints>().get(order.faction);
    if have - queued < cost {
        return Err(Refusal(crate::scenario::LangText {
            en: format!(
                "not enough command: it costs {cost} and {} are left after the orders already given",
                have - queued
            ),
            es: format!(
                "no hay mando suficiente: cuesta {cost} y quedan {} tras las órdenes ya dadas",
                have - queued
            ),
        }));
    }
    world.resource_mut::<PendingOrders>().0.push(order);
    Ok(())
}

/// CommandPoints a side has left this turn after its queued orders.
pub fn command_left(world: &World, side: Side) -> i32 {
    let sc = facts::scenario(world);
    let queued: i32 = world
        .resource::<PendingOrders>()
        .0
        .iter()
        .filter(|o| o.faction == side)
        .filter_map(|o| sc.action(&o.action))
        .map(|a| sc.file.actions[a].cost)
        .sum();
    world.resource::<CommandPoints>().get(side) - queued
}

/// Resolves the current turn.
pub fn end_turn(world: &mut World) {
    world.run_schedule(Turn);
}

/// Whether the game has ended.
pub fn is_over(world: &World) -> bool {
    world.resource::<GameOver>().0.is_some()
}
