//! Free play: heuristic against heuristic, over many seeds, always reaches an
//! outcome, and the outcomes vary.

use petrograd::ai::Policy;
use petrograd::game::{self, Players};
use petrograd::sim::Happening;
use petrograd::testing;
use std::collections::BTreeMap;

#[test]
fn every_free_game_ends_and_outcomes_vary() {
    let scenario = testing::historical();
    let free = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    let mut winners = BTreeMap::new();
    let mut end_turns = BTreeMap::new();
    let runs = 40;
    for seed in 0..runs {
        let game = game::play(scenario.clone(), seed, free);
        let outcome = game.outcome().unwrap_or_else(|| panic!("seed {seed} reached no outcome"));
        assert!(matches!(game.log().last().unwrap().what, Happening::Outcome { .. }));
        *winners.entry(format!("{:?}", outcome.winner)).or_insert(0) += 1;
        *end_turns.entry(outcome.turn).or_insert(0) += 1;
    }
    assert!(winners.len() > 1 || end_turns.len() > 1, "outcomes never vary: {winners:?} {end_turns:?}");
}

#[test]
fn each_policy_plays_either_side() {
    let scenario = testing::historical();
    for players in [
        Players { mrc: Policy::Heuristic, government: Policy::Historical },
        Players { mrc: Policy::Historical, government: Policy::Heuristic },
    ] {
        for seed in 0..5 {
            let game = game::play(scenario.clone(), seed, players);
            assert!(game.outcome().is_some(), "{players:?} seed {seed}");
        }
    }
}
