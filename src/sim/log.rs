//! The typed stream of what happened: every rule that changes the world
//! records a [`SimEvent`] here. The chronicle renders it as text or JSON.

use crate::scenario::{LangText, Side};
use crate::time::GameTime;
use bevy::prelude::*;

/// What kind of thing happened, with what it needs to be told.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Happening {
    /// An order succeeded (index of the action).
    OrderSucceeded {
        action: usize,
        chance: f32,
    },
    /// An order failed.
    OrderFailed {
        action: usize,
        chance: f32,
    },
    /// A place changed hands.
    Control {
        from: Option<Side>,
        to: Option<Side>,
    },
    BridgeRaised,
    BridgeLowered,
    LinesCut,
    LinesRestored,
    /// A unit came onto the map.
    Arrived,
    /// A unit's arrival was held up at a station.
    HeldUp {
        station: usize,
    },
    Withdrawn,
    Arrested,
    Roused,
    /// A unit moved (from a place).
    Moved {
        from: usize,
    },
    Casualties {
        men: u32,
    },
    /// A unit's loyalty changed by an effect.
    Loyalty {
        delta: i32,
        now: i32,
    },
    /// A scenario event fired.
    Event {
        event: usize,
    },
    /// Free text from an effect.
    Narration(LangText),
    /// Why the side gives the order carried out next (an AI's reason).
    Intent(LangText),
    /// An order could not be carried out when the turn ended.
    OrderRefused {
        action: Option<usize>,
        reason: LangText,
    },
    /// The game ended.
    Outcome {
        winner: Option<Side>,
        score: i32,
        condition: Option<usize>,
    },
}

/// One entry of the stream.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SimEvent {
    pub turn: u32,
    pub time: GameTime,
    pub faction: Option<Side>,
    pub place: Option<usize>,
    pub unit: Option<usize>,
    pub what: Happening,
    pub sources: Vec<u32>,
}

/// Everything that has happened so far, in order.
#[derive(Resource, Clone, Debug, Default)]
pub struct SimLog {
    events: Vec<SimEvent>,
    /// Each failed order, in order, also kept apart in brief: the AI reads
    /// its recent failures every turn, among many more entries of other kinds.
    failures: Vec<Failure>,
}

/// A failed order, in brief: what [`SimLog::failures_latest_first`] gives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Failure {
    pub turn: u32,
    pub faction: Option<Side>,
    pub action: usize,
    pub place: Option<usize>,
    pub unit: Option<usize>,
}

impl SimLog {
    /// A log of these entries.
    pub fn new(events: Vec<SimEvent>) -> Self {
        let failures = events.iter().filter_map(Self::failure).collect();
        SimLog { events, failures }
    }

    /// The log with every entry taken out, keeping the room it had.
    pub fn emptied(mut self) -> Self {
        self.events.clear();
        self.failures.clear();
        self
    }

    /// The entry in brief, if it is a failed order.
    fn failure(event: &SimEvent) -> Option<Failure> {
        match event.what {
            Happening::OrderFailed { action, .. } => {
                Some(Failure { turn: event.turn, faction: event.faction, action, place: event.place, unit: event.unit })
            }
            _ => None,
        }
    }

    /// Every entry, the first first.
    pub fn events(&self) -> &[SimEvent] {
        &self.events
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, event: SimEvent) {
        if let Some(failure) = Self::failure(&event) {
            self.failures.push(failure);
        }
        self.events.push(event);
    }

    /// The failed orders, the last first.
    pub fn failures_latest_first(&self) -> impl Iterator<Item = &Failure> {
        self.failures.iter().rev()
    }
}
