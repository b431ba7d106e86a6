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
    let values = facts::held_values(world);
    let value_gap = values.mrc - values.government;
    let winning = match value_gap {
        g if g > 0 => Some(Side::Mrc),
        g if g < 0 => Some(Side::Government),
        _ => None,
    };
    // One pass to read every unit, then sums per place: linear in the number of units.
    let units = &world.resource::<Registry>().units;
    let on_map: Vec<bool> = units.iter().map(|e| world.get::<UnitStatus>(*e) == Some(&UnitStatus::OnMap)).collect();
    let place: Vec<usize> = units.iter().map(|e| world.get::<Location>(*e).map_or(0, |l| l.0)).collect();
    let loyalty: Vec<i32> = units.iter().map(|e| world.get::<Loyalty>(*e).map_or(0, |l| l.0)).collect();
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
    let deltas = drift(world);
    for (u, d) in deltas.into_iter().enumerate() {
        if d != 0 {
            super::effects::shift_loyalty(world, u, d);
        }
    }
}
