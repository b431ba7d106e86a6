//! Measures the planning AI's strength, side by side: on each side, against
//! the heuristic, how often a policy wins over the same seeds, compared with
//! the heuristic itself on that side.
//!
//! `cargo run --release --example strength -- [SEEDS] [POLICY]` (default: 200 seeds, hard).

use petrograd::ai::Policy;
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
        let (planned, time) = wins(with(policy));
        let pct = |n: usize| 100.0 * n as f32 / seeds as f32;
        println!(
            "{side:?}: heuristic wins {base} ({:.0}%, {base_time:.0} s); {policy:?} wins {planned} ({:.0}%, {time:.0} s): {:+.0} points",
            pct(base),
            pct(planned),
            pct(planned) - pct(base)
        );
    }
}
