//! Loyalty drift between turns: units take on the mood of those around them,
//! and the undecided lean toward whichever side seems to be winning.

use super::facts;
use crate::scenario::Side;
use bevy::prelude::*;

/// How much each unit's loyalty moves this turn. Computed from one snapshot,
/// so the result does not depend on the order units are visited.
pub fn drift(world: &World) -> Vec<i32> {
    let view = facts::View::of(world);
    let sc = view.sc;
    let rules = &sc.file.rules;
    let n = sc.file.units.len();
    let values = view.held_values();
    let value_gap = values.mrc - values.government;
    let winning = match value_gap {
        g if g > 0 => Some(Side::Mrc),
        g if g < 0 => Some(Side::Government),
        _ => None,
    };
    // Sums per place, then each unit against its peers: linear in the number of units.
    let places = sc.file.map.places.len();
    let (mut sum, mut count) = (vec![0i32; places], vec![0i32; places]);
    for (_, place, loyalty) in view.on_map_loyalties() {
        sum[place] += loyalty;
        count[place] += 1;
    }
    let mut deltas = vec![0; n];
    for (u, place, mine) in view.on_map_loyalties() {
        let peers = count[place] - 1;
        let mut delta = 0;
        if peers > 0 {
            let avg = (sum[place] - mine) / peers;
            delta += (avg - mine) * rules.peer_pull_percent / 100;
        }
        if let Some(side) = winning
            && mine.abs() < rules.commitment
        {
            delta += rules.momentum_per_turn * side.sign();
        }
        deltas[u] = delta;
    }
    deltas
}

/// Applies this turn's drift.
pub fn apply_drift(world: &mut World) {
    let deltas = drift(world);
    for (u, d) in deltas.into_iter().enumerate() {
        if d != 0 {
            super::effects::shift_loyalty(world, u, d);
        }
    }
}
