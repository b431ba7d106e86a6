//! Tries a planning budget on one side against the heuristic: how many of
//! the seeds the side wins (the batch's seeds, as in `strength`).
//!
//! `cargo run --release --example budget -- SEEDS SIDE PLANS TRIALS HORIZON`
//! (SIDE: mrc or government).

use petrograd::ai::{Policy, planner};
use petrograd::game::{Game, Players};
use petrograd::scenario::Side;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let num = |i: usize, d: usize| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(d);
    let seeds = num(0, 60);
    let side = if args.get(1).map(String::as_str) == Some("mrc") { Side::Mrc } else { Side::Government };
    let budget = planner::Budget { plans: num(2, 6), trials: num(3, 8), horizon: num(4, 8) as u32, ..planner::HARD };
    let scenario = petrograd::testing::historical();
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    let started = std::time::Instant::now();
    let mut won = 0;
    for i in 0..seeds {
        let seed = petrograd::batch::run_seed(1917, i as u64);
        let mut game = Game::new(scenario.clone(), seed, free);
        game.run_with(side, |world| planner::play(world, side, budget));
        if game.outcome().and_then(|o| o.winner) == Some(side) {
            won += 1;
        }
    }
    println!(
        "{side:?} with {budget:?}: won {won} of {seeds} ({:.0}%) in {:.0} s",
        100.0 * won as f32 / seeds as f32,
        started.elapsed().as_secs_f32()
    );
}
