//! The historical policy: gives the doctrine's orders at their times. An order
//! that cannot be given is retried for its `patience`, then given up, and the
//! heuristic chooses one order in its place.

use super::AiMemory;
use crate::scenario::Side;
use crate::sim::Lookup;
use crate::sim::{self, Clock, Order, ScenarioRes};
use bevy::prelude::*;

/// Submits this turn's doctrine orders for the side.
pub fn play(world: &mut World, side: Side, memory: &mut AiMemory) {
    let sc = world.res::<ScenarioRes>().0.clone();
    let doctrine = &sc.file.doctrine;
    if memory.doctrine_done.len() != doctrine.len() {
        memory.doctrine_done = vec![false; doctrine.len()];
    }
    let now = world.res::<Clock>().now;
    let turn_end = now.plus_minutes(sc.turn_minutes());
    let mut given_up = 0;
    for (i, d) in doctrine.iter().enumerate() {
        if memory.doctrine_done[i] || d.faction != side || d.at >= turn_end {
            continue;
        }
        let order = Order {
            action: d.action.clone(),
            faction: side,
            place: d.place.clone(),
            unit: d.unit.clone(),
            reason: None,
        };
        if sim::submit(world, order).is_ok() {
            memory.doctrine_done[i] = true;
        } else if now >= d.at.plus_minutes(d.patience as i64) {
            memory.doctrine_done[i] = true;
            given_up += 1;
        }
    }
    if doctrine.iter().all(|d| d.faction != side) {
        super::heuristic::play(world, side, usize::MAX);
    } else if given_up > 0 {
        super::heuristic::play(world, side, given_up);
    }
}
