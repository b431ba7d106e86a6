//! Playing a whole game without a window: the AI gives each side's orders,
//! then the turn resolves, until the game ends.

use crate::ai::{self, AiMemory, Policy};
use crate::scenario::{Scenario, Side};
use crate::sim;
use crate::sim::Lookup;
use bevy::prelude::*;
use std::sync::Arc;

/// Who plays each side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Players {
    pub mrc: Policy,
    pub government: Policy,
}

impl Players {
    /// Both sides follow history.
    pub const HISTORICAL: Players = Players { mrc: Policy::Historical, government: Policy::Historical };

    /// The policy for a side.
    pub fn policy(&self, side: Side) -> Policy {
        match side {
            Side::Mrc => self.mrc,
            Side::Government => self.government,
        }
    }
}

/// A game in progress, driven by AI players, or by the orders of a replay.
pub struct Game {
    pub world: World,
    /// The seed the game began with.
    pub seed: u64,
    pub players: Players,
    /// What each side's AI remembers, by `Side::index`.
    pub memory: [AiMemory; 2],
    /// A replay's orders, turn by turn: when set, they are given instead of the AIs'.
    pub script: Option<Arc<Vec<sim::TurnOrders>>>,
}

impl Game {
    /// A new game of the scenario.
    pub fn new(scenario: Arc<Scenario>, seed: u64, players: Players) -> Self {
        Game::in_world(sim::new_world(scenario, seed), seed, players)
    }

    /// A game in a world that holds one at its start, begun with `seed`.
    pub fn in_world(world: World, seed: u64, players: Players) -> Self {
        Game { world, seed, players, memory: Default::default(), script: None }
    }

    /// A new game that gives the recorded orders of a replay, turn by turn.
    pub fn scripted(scenario: Arc<Scenario>, seed: u64, orders: Arc<Vec<sim::TurnOrders>>) -> Self {
        Game { script: Some(orders), ..Game::new(scenario, seed, Players::HISTORICAL) }
    }

    /// The same game back at its start: same scenario, seed, players and replay.
    pub fn restarted(&self) -> Game {
        let scenario = self.world.res::<sim::ScenarioRes>().0.clone();
        Game { script: self.script.clone(), ..Game::new(scenario, self.seed, self.players) }
    }

    /// The AIs (or the replay) give their orders and the turn resolves.
    pub fn step(&mut self) {
        let heuristic = ai::Policy::Heuristic;
        if self.script.is_none() && self.players.mrc == heuristic && self.players.government == heuristic {
            // The same orders as one side after the other, found faster.
            ai::heuristic::play_both(&mut self.world);
        } else {
            for side in Side::ALL {
                self.ai_orders(side);
            }
        }
        self.resolve();
    }

    /// The side's AI gives its orders for this turn. In a replay, the first
    /// side asked gives the turn's recorded orders of both sides, in the order
    /// they were given, and the random number generator moves to where it stood
    /// when they were resolved.
    pub fn ai_orders(&mut self, side: Side) {
        if let Some(script) = &self.script {
            let turn = self.world.res::<sim::OrdersGiven>().0.len();
            if let Some(recorded) = script.get(turn)
                && self.world.res::<sim::PendingOrders>().0.is_empty()
            {
                self.world.res_mut::<sim::PendingOrders>().0.extend(recorded.orders.iter().cloned());
                self.world.res_mut::<sim::SimRng>().go_to_word(recorded.rng_word);
            }
            return;
        }
        ai::play(&mut self.world, side, self.players.policy(side), &mut self.memory[side.index()]);
    }

    /// Resolves the turn with the orders given.
    pub fn resolve(&mut self) {
        sim::end_turn(&mut self.world);
    }

    /// Plays to the end.
    pub fn run(&mut self) {
        self.run_turns(Game::step);
    }

    /// Plays to the end, the side's orders given each turn by `choose` and the
    /// other side's by its AI.
    pub fn run_with(&mut self, side: Side, mut choose: impl FnMut(&mut World)) {
        self.run_turns(|game| {
            for s in Side::ALL {
                if s == side {
                    choose(&mut game.world);
                } else {
                    game.ai_orders(s);
                }
            }
            game.resolve();
        });
    }

    /// Plays turns with `turn` until the game is over (or the clock has run
    /// out, with two turns to spare).
    pub fn run_turns(&mut self, mut turn: impl FnMut(&mut Game)) {
        let limit = self.world.res::<sim::ScenarioRes>().0.total_turns() + 2;
        for _ in 0..limit {
            if sim::is_over(&self.world) {
                break;
            }
            turn(self);
        }
    }

    /// How it ended.
    pub fn outcome(&self) -> Option<&sim::Outcome> {
        self.world.res::<sim::GameOver>().0.as_ref()
    }

    /// Everything that happened.
    pub fn log(&self) -> &[sim::SimEvent] {
        self.world.res::<sim::SimLog>().events()
    }
}

/// Plays a whole game and returns it.
pub fn play(scenario: Arc<Scenario>, seed: u64, players: Players) -> Game {
    let mut game = Game::new(scenario, seed, players);
    game.run();
    game
}
