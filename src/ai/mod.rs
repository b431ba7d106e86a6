//! AI players: policies that choose a side's orders for a turn. They read the
//! simulation and submit orders through `sim::submit`, like a player.
//!
//! - `historical` follows the scenario's doctrine, the orders each side gave in history;
//! - `heuristic` weighs each possible order by its expected effect;
//! - `normal` and `hard` plan: they play a few candidate plans some hours
//!   ahead in copies of the game and give the one that turns out best.
//!
//! `listing` finds the orders a side may give, for all of them.
//!
//! All are deterministic: any randomness comes from the simulation's one RNG,
//! or (when planning) from generators seeded from where it stands.

pub mod explain;
pub mod heuristic;
pub mod historical;
pub mod listing;
pub mod planner;
pub mod stakes;

use crate::scenario::Side;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// Which AI plays a side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Policy {
    /// Follows the orders given in history, and adapts when one is impossible.
    Historical,
    /// Chooses orders by their expected effect ("easy" in the window).
    Heuristic,
    /// Plans: tries a few plans a few hours ahead with the simulation and gives the best.
    Normal,
    /// Plans harder: more plans, more trials, further ahead.
    Hard,
}

/// What an AI remembers between turns.
#[derive(Clone, Debug, Default)]
pub struct AiMemory {
    /// Doctrine entries already given or given up.
    pub doctrine_done: Vec<bool>,
}

/// Put in a world whose chronicle nobody reads (a batch of games, a planner's
/// trial): the AIs there do not word the reasons for their orders.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct NoReasons;

/// Whether the AIs of this world word the reasons for their orders.
pub fn gives_reasons(world: &World) -> bool {
    !world.contains_resource::<NoReasons>()
}

/// Chooses and submits the side's orders for this turn.
pub fn play(world: &mut World, side: Side, policy: Policy, memory: &mut AiMemory) {
    match policy {
        Policy::Historical => historical::play(world, side, memory),
        Policy::Heuristic => heuristic::play(world, side, usize::MAX),
        Policy::Normal => planner::play(world, side, planner::NORMAL),
        Policy::Hard => planner::play(world, side, planner::HARD),
    }
}
