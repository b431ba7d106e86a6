//! The planning AI (`normal`, `hard`): deterministic across runs and thread
//! counts, it explains its main order in both languages, it stays within its
//! budget, and it beats the heuristic more often than not on each side.

use petrograd::ai::{Policy, planner};
use petrograd::game::{Game, Players};
use petrograd::scenario::Side;
use petrograd::sim::{self, Happening};
use petrograd::testing;

/// A small budget, so that the tests run quickly in a debug build.
const SMALL: planner::Budget = planner::Budget { plans: 3, trials: 2, horizon: 3, ..planner::HARD };

#[test]
fn the_planner_gives_the_same_orders_on_one_thread_and_on_two() {
    let sc = testing::historical();
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    let mut game = Game::new(sc.clone(), 8, free);
    for turn in 0..14 {
        for side in Side::ALL {
            let mut one = Game::new(sc.clone(), 0, free);
            sim::copy::copy_state(&game.world, &mut one.world, u32::MAX);
            let mut two = Game::new(sc.clone(), 0, free);
            sim::copy::copy_state(&game.world, &mut two.world, u32::MAX);
            planner::play_on(&mut one.world, side, SMALL, 1);
            planner::play_on(&mut two.world, side, SMALL, 2);
            let a = &one.world.resource::<sim::PendingOrders>().0;
            let b = &two.world.resource::<sim::PendingOrders>().0;
            assert_eq!(a, b, "turn {turn}, {side:?}: the orders depend on the threads");
        }
        game.step();
    }
}

#[test]
fn a_planned_game_is_the_same_every_time_and_explains_itself() {
    let sc = testing::historical();
    let run = || {
        let players = Players { mrc: Policy::Normal, government: Policy::Heuristic };
        let mut game = Game::new(sc.clone(), 5, players);
        for _ in 0..12 {
            game.step();
        }
        game
    };
    let (a, b) = (run(), run());
    assert_eq!(a.log(), b.log());
    let reasons: Vec<_> = a
        .log()
        .iter()
        .filter_map(|e| match &e.what {
            Happening::Intent(r) if e.faction == Some(Side::Mrc) => Some(r.clone()),
            _ => None,
        })
        .collect();
    assert!(reasons.len() >= 6, "only {} reasons in 12 turns", reasons.len());
    for r in &reasons {
        assert!(r.en.starts_with("Military Revolutionary Committee orders “"), "{}", r.en);
        assert!(r.en.contains("times over the next 2 hours"), "{}", r.en);
        assert!(r.es.contains("ordena «") && r.es.contains("próximas 2 horas"), "{}", r.es);
        assert!(!r.en.contains('⟨') && !r.es.contains('⟨'), "a missing text: {r:?}");
    }
}

/// Over a few seeds, on each side, `hard` does better than the heuristic on
/// that side, on the same seeds: it wins at least as many games, and scores
/// more in all (the score against history, from the side's point of view: a
/// win or a loss counts 50, each key moment of history the MRC matched 10, and
/// each hour it came sooner or later one). The scenario is asymmetric, so
/// strength is compared side by side. The MRC's heuristic already wins about
/// 90% of its games (and `hard` 96%), so over ten seeds both may win every
/// game; the score still tells how well. (The measurement over 200 seeds is
/// `cargo run --release --example strength`.)
#[test]
fn hard_beats_the_heuristic_on_each_side_over_the_same_seeds() {
    let sc = testing::historical();
    let seeds: Vec<u64> = (0..10).collect();
    for side in Side::ALL {
        let with = |policy: Policy| match side {
            Side::Mrc => Players { mrc: policy, government: Policy::Heuristic },
            Side::Government => Players { mrc: Policy::Heuristic, government: policy },
        };
        // Games won by `side`, and its score in all.
        let results = |players: Players| {
            let outcomes: Vec<_> = seeds
                .iter()
                .filter_map(|seed| petrograd::game::play(sc.clone(), *seed, players).outcome().cloned())
                .collect();
            assert_eq!(outcomes.len(), seeds.len(), "every game ends");
            let won = outcomes.iter().filter(|o| o.winner == Some(side)).count();
            let score: i32 = outcomes.iter().map(|o| o.score * side.sign()).sum();
            (won, score)
        };
        let ((heuristic, heuristic_score), (hard, hard_score)) =
            (results(with(Policy::Heuristic)), results(with(Policy::Hard)));
        eprintln!(
            "{side:?}: hard won {hard} of {} (score {hard_score}), the heuristic {heuristic} (score {heuristic_score})",
            seeds.len()
        );
        assert!(hard >= heuristic, "{side:?}: hard won {hard} of {} games, the heuristic {heuristic}", seeds.len());
        assert!(hard_score > heuristic_score, "{side:?}: hard scored {hard_score}, the heuristic {heuristic_score}");
    }
}
