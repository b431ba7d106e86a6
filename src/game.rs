//! Playing a whole game without a window: the AI gives each side's orders,
//! then the turn resolves, until the game ends.

use crate::ai::{self, AiMemory, Policy};
use crate::scenario::{Scenario, Side};
use crate::sim;
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

/// A game in progress, driven by AI players.
pub struct Game {
    pub world: World,
    pub players: Players,
    memory: [AiMemory; 2],
}

impl Game {
    /// A new game of the scenario.
    pub fn new(scenario: Arc<Scenario>, seed: u64, players: Players) -> Self {
        Game { world: sim::new_world(scenario, seed), players, memory: Default::default() }
    }

    /// The AIs give their orders and the turn resolves.
    pub fn step(&mut self) {
        for side in Side::ALL {
            self.ai_orders(side);
        }
        self.resolve();
    }

    /// The side's AI gives its orders for this turn.
    pub fn ai_orders(&mut self, side: Side) {
        let i = Side::ALL.iter().position(|s| *s == side).expect("a side");
        ai::play(&mut self.world, side, self.players.policy(side), &mut self.memory[i]);
    }

    /// Resolves the turn with the orders given.
    pub fn resolve(&mut self) {
        sim::end_turn(&mut self.world);
    }

    /// Plays to the end.
    pub fn run(&mut self) {
        let limit = self.world.resource::<sim::ScenarioRes>().0.total_turns() + 2;
        for _ in 0..limit {
            if sim::is_over(&self.world) {
                break;
            }
            self.step();
        }
    }

    /// How it ended.
    pub fn outcome(&self) -> Option<&sim::Outcome> {
        self.world.resource::<sim::GameOver>().0.as_ref()
    }

    /// Everything that happened.
    pub fn log(&self) -> &[sim::SimEvent] {
        &self.world.resource::<sim::SimLog>().0
    }
}

/// Plays a whole game and returns it.
pub fn play(scenario: Arc<Scenario>, seed: u64, players: Players) -> Game {
    let mut game = Game::new(scenario, seed, players);
    game.run();
    game
}
