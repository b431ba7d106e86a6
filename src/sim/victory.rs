//! The end of the game: victory conditions, the end of the clock, and the
//! score against history.

use super::effects::record;
use super::facts::{self, Ctx};
use super::log::{Happening, SimEvent, SimLog};
use super::lookup::Lookup;
use super::state::*;
use crate::scenario::*;
use crate::time::GameTime;
use bevy::prelude::*;

/// Points for the winner in [`score`].
pub const WIN_POINTS: i32 = 50;
/// Points for each key moment of history that the MRC matched.
pub const MOMENT_POINTS: i32 = 10;
/// Most points won or lost for being earlier or later than history, per moment (one per hour).
pub const MAX_TIMING_POINTS: i32 = 10;

/// When each place first passed to each side in this game, from the log.
pub fn first_taken(log: &[SimEvent], place: usize, side: Side) -> Option<GameTime> {
    log.iter().find_map(|e| match e.what {
        Happening::Control { to: Some(s), .. } if s == side && e.place == Some(place) => Some(e.time),
        _ => None,
    })
}

/// Who held each place at the end of the log: the holders at the start, changed
/// by every change of hands in order.
pub fn holders_at_end(sc: &crate::scenario::Scenario, log: &[SimEvent]) -> Vec<Option<Side>> {
    let mut holders: Vec<Option<Side>> = sc.file.map.places.iter().map(|p| p.holder).collect();
    for e in log {
        if let (Happening::Control { to, .. }, Some(p)) = (&e.what, e.place) {
            holders[p] = *to;
        }
    }
    holders
}

/// The MRC's score against history: `WIN_POINTS` for a win (minus for a loss),
/// and for each key moment of the MRC's that the game matched, `MOMENT_POINTS`
/// plus one point per hour earlier than history (minus one per hour later), within `MAX_TIMING_POINTS`.
pub fn score(world: &World, winner: Option<Side>) -> i32 {
    let sc = facts::scenario(world);
    let log = world.res::<SimLog>().events();
    let mut score = match winner {
        Some(Side::Mrc) => WIN_POINTS,
        Some(Side::Government) => -WIN_POINTS,
        None => 0,
    };
    for m in sc.file.victory.history.iter().filter(|m| m.side == Side::Mrc) {
        let Some(place) = sc.place(&m.place) else {
            continue;
        };
        if let Some(t) = first_taken(log, place, Side::Mrc) {
            let hours_early = ((m.at.0 - t.0) / 60) as i32;
            score += MOMENT_POINTS + hours_early.clamp(-MAX_TIMING_POINTS, MAX_TIMING_POINTS);
        }
    }
    score
}

fn finish(world: &mut World, winner: Option<Side>, condition: Option<usize>) {
    let clock = *world.res::<Clock>();
    let score = score(world, winner);
    let values = facts::held_values(world);
    let outcome = Outcome {
        winner,
        at: clock.now,
        turn: clock.turn,
        condition,
        value_mrc: values.mrc,
        value_government: values.government,
        score,
    };
    world.res_mut::<GameOver>().0 = Some(outcome);
    record(world, winner, None, None, Happening::Outcome { winner, score, condition }, vec![]);
}

/// Ends the game if a victory condition holds.
pub fn check_conditions(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    let hit = {
        let view = facts::View::of(world);
        let holds = |v: &VictoryCondition| view.holds(&Ctx { faction: Some(v.winner), ..default() }, &v.when);
        sc.file.victory.conditions.iter().position(holds)
    };
    if let Some(i) = hit {
        finish(world, Some(sc.file.victory.conditions[i].winner), Some(i));
    }
}

/// Ends the game when the clock has run out: the side ahead by the margin wins.
pub fn check_clock(world: &mut World) {
    let sc = world.res::<ScenarioRes>().0.clone();
    if world.res::<Clock>().now < sc.file.clock.end {
        return;
    }
    let values = facts::held_values(world);
    let gap = values.mrc - values.government;
    let margin = sc.file.victory.end_margin;
    let winner = if gap >= margin {
        Some(Side::Mrc)
    } else if -gap >= margin {
        Some(Side::Government)
    } else {
        None
    };
    finish(world, winner, None);
}
