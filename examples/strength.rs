//! Measures the planning AI's strength, side by side: on each side, against
//! the heuristic, how often a policy wins over the same seeds, compared with
//! the heuristic itself on that side.
//!
//! It also shows how much of the planners' strength comes from their sharper
//! weights alone: the heuristic with `Tuning::SHARP`, without looking ahead.
//!
//! `cargo run --release --example strength -- [SEEDS] [POLICY]` (default: 200 seeds, hard).

use petrograd::ai::{Policy, heuristic};
use petrograd::batch::Batch;
use petrograd::game::Players;
use petrograd::scenario::Side;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let seeds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let policy = match args.next().as_deref() {
        Some("normal") => Policy::Normal,
        _ => Policy::Hard,
    };
    let scenario = petrograd::testing::historical();
    println!("{seeds} seeds, {policy:?} against the heuristic, on each side");
    for side in Side::ALL {
        let wins = |players: Players| {
            let started = Instant::now();
            // The planner uses every core itself: the games are played one at a time.
            let batch = Batch { scenario: scenario.clone(), players, runs: seeds, seed: 1917, threads: 1 };
            let won = batch.play(&|_| {}).iter().filter(|r| r.winner == Some(side)).count();
            (won, started.elapsed().as_secs_f32())
        };
        let with = |p: Policy| match side {
            Side::Mrc => Players { mrc: p, government: Policy::Heuristic },
            Side::Government => Players { mrc: Policy::Heuristic, government: p },
        };
        let (base, base_time) = wins(with(Policy::Heuristic));
        let sharp = sharp_wins(&scenario, side, seeds);
        let (planned, time) = wins(with(policy));
        let pct = |n: usize| 100.0 * n as f32 / seeds as f32;
        println!(
            "{side:?}: heuristic wins {base} ({:.0}%, {base_time:.0} s); {policy:?} wins {planned} ({:.0}%, {time:.0} s): {:+.0} points",
            pct(base),
            pct(planned),
            pct(planned) - pct(base)
        );
        println!("  (the sharp heuristic alone, without looking ahead, wins {sharp}: {:.0}%)", pct(sharp));
    }
}

/// Games the side wins over the batch's seeds when it plays the heuristic
/// with the planners' sharp weights, against the easy heuristic.
fn sharp_wins(scenario: &std::sync::Arc<petrograd::scenario::Scenario>, side: Side, seeds: usize) -> usize {
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    (0..seeds)
        .filter(|i| {
            let mut game =
                petrograd::game::Game::new(scenario.clone(), petrograd::batch::run_seed(1917, *i as u64), free);
            game.world.insert_resource(petrograd::ai::NoReasons);
            game.run_with(side, |world| heuristic::play_tuned(world, side, usize::MAX, &heuristic::Tuning::SHARP));
            game.outcome().and_then(|o| o.winner) == Some(side)
        })
        .count()
}
