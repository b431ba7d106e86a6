//! Orders: data that names an action, the acting side and its targets.
//! The window, the AI, replays and tests all send the same orders.

use crate::scenario::Side;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// One order for this turn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// The action's id in the scenario.
    pub action: String,
    pub faction: Side,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Why an AI gives it, in words, told in the chronicle as the order is
    /// carried out. A player's orders have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<crate::scenario::LangText>,
}

impl Order {
    /// An order with no targets.
    pub fn new(action: &str, faction: Side) -> Self {
        Order { action: action.to_string(), faction, place: None, unit: None, reason: None }
    }
    /// The same order aimed at a place.
    pub fn at(mut self, place: &str) -> Self {
        self.place = Some(place.to_string());
        self
    }
    /// The same order given to a unit.
    pub fn with(mut self, unit: &str) -> Self {
        self.unit = Some(unit.to_string());
        self
    }
}

/// Orders waiting for the end of the turn.
#[derive(Resource, Clone, Debug, Default)]
pub struct PendingOrders(pub Vec<Order>);

/// The orders resolved at the end of one turn, and where the random number
/// generator stood then. The AIs draw from it while they choose, so a replay,
/// which gives the orders without asking the AIs, moves it there first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TurnOrders {
    pub orders: Vec<Order>,
    pub rng_word: u64,
}

/// The orders resolved at the end of each turn so far, turn 1 first: with the
/// seed, everything needed to play the game again (see `save::replay`).
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct OrdersGiven(pub Vec<TurnOrders>);

/// Orders taken back this turn, the last one last, to give again (redo).
#[derive(Resource, Clone, Debug, Default, PartialEq)]
pub struct UndoneOrders(pub Vec<Order>);
