//! The simulation: components, resources, the turn schedule, orders, effects,
//! loyalty, events and victory. All plugins and functions here work without
//! rendering; this module never imports windowing, rendering or egui.
//!
//! The rules pipeline: an [`Order`] is checked (`orders::check`), resolved
//! with the one seeded RNG (`orders::resolve`) and its effects applied
//! (`effects::apply`), each of which records a [`SimEvent`] in the [`SimLog`].

pub mod copy;
pub mod describe;
pub mod effects;
pub mod events;
pub mod facts;
pub mod log;
pub mod lookup;
pub mod loyalty;
pub mod order;
pub mod orders;
pub mod routes;
pub mod spawn;
pub mod state;
pub mod turn;
pub mod victory;

pub use log::{Happening, SimEvent, SimLog};
pub use lookup::Lookup;
pub use order::{Order, OrdersGiven, PendingOrders, TurnOrders, UndoneOrders};
pub use orders::Refusal;
pub use spawn::{SimPlugin, new_world, populate, restart};
pub use state::*;
pub use turn::Turn;

use crate::scenario::Side;
use crate::tr;
use bevy::prelude::*;

/// Command and funds that a side's queued orders will spend.
fn reserved(world: &World, side: Side) -> (i32, i32) {
    let sc = facts::scenario(world);
    world
        .res::<PendingOrders>()
        .0
        .iter()
        .filter(|o| o.faction == side)
        .filter_map(|o| sc.action(&o.action))
        .fold((0, 0), |(c, f), a| (c + sc.file.actions[a].cost, f + sc.file.actions[a].funds_cost))
}

/// Checks an order and, if it may be given, queues it for the end of the turn.
/// What it costs is reserved against the orders already queued.
pub fn submit(world: &mut World, order: Order) -> Result<(), Refusal> {
    can_submit(world, &order)?;
    queue(world, order);
    Ok(())
}

/// Queues an order that [`can_submit`] would allow, without asking again: for
/// the AI, which checks every order as it weighs it, and chooses within its purse.
pub fn submit_allowed(world: &mut World, order: Order) {
    debug_assert!(can_submit(world, &order).is_ok(), "the AI chose an order it may not give: {order:?}");
    queue(world, order);
}

fn queue(world: &mut World, order: Order) {
    // A new order replaces what was taken back: there is nothing left to redo.
    world.res_mut::<UndoneOrders>().0.retain(|o| o.faction != order.faction);
    world.res_mut::<PendingOrders>().0.push(order);
}

/// Takes back the side's last order this turn (undo). Giving orders draws
/// nothing from the RNG, so undoing one changes nothing else.
pub fn undo_order(world: &mut World, side: Side) -> Option<Order> {
    let last = world.res::<PendingOrders>().0.iter().rposition(|o| o.faction == side)?;
    withdraw_order(world, last)
}

/// Takes back one queued order, by its place in the queue; redo gives it again.
pub fn withdraw_order(world: &mut World, index: usize) -> Option<Order> {
    let pending = &mut world.res_mut::<PendingOrders>().0;
    if index >= pending.len() {
        return None;
    }
    let order = pending.remove(index);
    world.res_mut::<UndoneOrders>().0.push(order.clone());
    Some(order)
}

/// Whether the side has an order taken back this turn to give again.
pub fn can_redo(world: &World, side: Side) -> bool {
    world.res::<UndoneOrders>().0.iter().any(|o| o.faction == side)
}

/// Gives again the side's last order taken back (redo), if it may still be given.
pub fn redo_order(world: &mut World, side: Side) -> Option<Result<Order, Refusal>> {
    let undone = &mut world.res_mut::<UndoneOrders>().0;
    let last = undone.iter().rposition(|o| o.faction == side)?;
    let order = undone.remove(last);
    Some(match can_submit(world, &order) {
        Ok(_) => {
            world.res_mut::<PendingOrders>().0.push(order.clone());
            Ok(order)
        }
        Err(refusal) => Err(refusal),
    })
}

/// Whether an order may be queued now: it passes its check, and the side can still
/// pay for it after the orders it has already queued this turn.
pub fn can_submit(world: &World, order: &Order) -> Result<orders::Checked, Refusal> {
    let checked = orders::check(world, order)?;
    let sc = world.res::<ScenarioRes>().0.clone();
    let spec = &sc.file.actions[checked.action];
    let (command, funds) = purse_left(world, order.faction);
    if command < spec.cost {
        let cost = spec.cost;
        return Err(Refusal::in_words(|lang| tr!(lang, "refused-command-after-orders", cost = cost, have = command)));
    }
    if funds < spec.funds_cost {
        let cost = spec.funds_cost;
        return Err(Refusal::in_words(|lang| tr!(lang, "refused-funds-after-orders", cost = cost, have = funds)));
    }
    Ok(checked)
}

/// Command points and funds a side has left this turn after its queued orders.
pub fn purse_left(world: &World, side: Side) -> (i32, i32) {
    let (command, funds) = reserved(world, side);
    (world.res::<CommandPoints>().get(side) - command, world.res::<Funds>().get(side) - funds)
}

/// Command points a side has left this turn after its queued orders.
pub fn command_left(world: &World, side: Side) -> i32 {
    purse_left(world, side).0
}

/// Resolves the current turn.
pub fn end_turn(world: &mut World) {
    world.run_schedule(Turn);
}

/// Whether the game has ended.
pub fn is_over(world: &World) -> bool {
    world.res::<GameOver>().0.is_some()
}
