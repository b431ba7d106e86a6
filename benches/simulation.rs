//! Benchmarks: one turn, one full historical game, a batch of free-play games,
//! `simulate`'s batches on every core (with its allocator, see `petrograd::allocator`),
//! and one decision of the planning AI.
//! Goals (release build, this machine): a full game under 2 ms in process;
//! `simulate` plays 10,000 games in under 10 s (the 1,000-game batches below
//! must take under 1 s).

use criterion::{Criterion, criterion_group, criterion_main};
use petrograd::ai::Policy;
use petrograd::game::{Game, Players};
use petrograd::testing;
use std::hint::black_box;

/// The game's allocator, as in the game's binary (see `petrograd::allocator`).
#[global_allocator]
static ALLOCATOR: petrograd::allocator::GameAllocator = petrograd::allocator::GameAllocator;

fn benches(c: &mut Criterion) {
    let scenario = testing::historical();
    c.bench_function("one turn (historical, first turn)", |b| {
        b.iter_batched(
            || Game::new(scenario.clone(), 1917, Players::HISTORICAL),
            |mut game| {
                game.step();
                black_box(game)
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function("one full historical game", |b| {
        b.iter(|| {
            let game = petrograd::game::play(scenario.clone(), 1917, Players::HISTORICAL);
            black_box(game.outcome().cloned())
        })
    });
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    // One decision of the planning AI, mid-game (turn 30), each side: the goal is under 200 ms.
    let mut planning = c.benchmark_group("planner");
    planning.sample_size(10);
    let mut midgame = Game::new(scenario.clone(), 7, free);
    for _ in 0..29 {
        midgame.step();
    }
    for (name, budget) in [("normal", petrograd::ai::planner::NORMAL), ("hard", petrograd::ai::planner::HARD)] {
        for side in petrograd::scenario::Side::ALL {
            planning.bench_function(format!("one {name} decision ({side:?}, turn 30)"), |b| {
                b.iter_batched(
                    || {
                        let mut copy = Game::new(scenario.clone(), 0, free);
                        petrograd::sim::copy::copy_state(&midgame.world, &mut copy.world, u32::MAX);
                        copy
                    },
                    |mut game| {
                        petrograd::ai::planner::play(&mut game.world, side, budget);
                        black_box(game)
                    },
                    criterion::BatchSize::SmallInput,
                )
            });
        }
    }
    planning.finish();

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.bench_function("20 heuristic games", |b| {
        b.iter(|| {
            for seed in 0..20 {
                black_box(petrograd::game::play(scenario.clone(), seed, free).outcome().cloned());
            }
        })
    });
    // `simulate` plays its batches with mimalloc, which cannot be switched
    // off again: so these come last.
    petrograd::allocator::switch_to_mimalloc();
    for (name, players) in [("historical", Players::HISTORICAL), ("heuristic", free)] {
        group.bench_function(format!("simulate 1000 {name} games on every core"), |b| {
            let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
            let batch =
                petrograd::batch::Batch { scenario: scenario.clone(), players, runs: 1000, seed: 1917, threads };
            b.iter(|| black_box(batch.play(&|_| {}).len()))
        });
    }
    group.finish();
}

criterion_group!(simulation, benches);
criterion_main!(simulation);
