//! Loyalty drift between turns: units take on the mood of those around them,
//! and the undecided lean toward whichever side seems to be winning.

use super::facts;
use super::state::*;
use crate::scenario::Side;
use bevy::prelude::*;

/// How much each unit's loyalty moves this turn. Computed from one snapshot,
/// so the result does not depend on the order units are visited.
pub fn drift(world: &World) -> Vec<i32> {
    let sc = facts::scenario(world);
    let rules = &sc.file.rules;
    let n = sc.file.units.len();
    let value_gap = facts::held_value(world, Side::Mrc) - facts::held_value(world, Side::Government);
    let winning = match value_gap {
        g if g > 0 => Some(Side::Mrc),
        g if g < 0 => Some(Side::Government),
        _ => None,
    };
    // One pass to read every unit, then sums per place: linear in the number of units.
    let on_map: Vec<bool> = (0..n).map(|u| facts::on_map(world, u)).collect();
    let place: Vec<usize> = (0..n).map(|u| facts::location(world, u)).collect();
    let loyalty: Vec<i32> = (0..n).map(|u| facts::loyalty(world, u)).collect();
    let places = sc.file.map.places.len();
    let (mut sum, mut count) = (vec![0i32; places], vec![0i32; places]);
    for u in (0..n).filter(|u| on_map[*u]) {
        sum[place[u]] += loyalty[u];
        count[place[u]] += 1;
    }
    (0..n)
        .map(|u| {
            if !on_map[u] {
                return 0;
            }
            let mine = loyalty[u];
            let peers = count[place[u]] - 1;
            let mut delta = 0;
            if peers > 0 {
                let avg = (sum[place[u]] - mine) / peers;
                delta += (avg - mine) * rules.peer_pull_percent / 100;
            }
            if let Some(side) = winning {
                if mine.abs() < rules.commitment {
                    delta += rules.momentum_per_turn * side.sign();
                }
            }
            delta
        })
        .collect()
}

/// Applies this turn's drift.
pub fn apply_drift(world: &mut World) {
    if world.resource::<GameOver>().0.is_some() {
        return;
    }
    let deltas = drift(world);
    for (u, d) in deltas.into_iter().enumerate() {
        if d != 0 {
            super::effects::shift_loyalty(world, u, d);
        }
    }
}
