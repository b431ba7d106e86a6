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
    /// Where each failed order is in `events`, in order: the AI reads its
    /// recent failures every turn, among many more entries of other kinds.
    failures: Vec<usize>,
}

impl SimLog {
    /// A log of these entries.
    pub fn new(events: Vec<SimEvent>) -> Self {
        let failures = (0..events.len()).filter(|i| Self::is_failure(&events[*i])).collect();
        SimLog { events, failures }
    }

    fn is_failure(event: &SimEvent) -> bool {
        matches!(event.what, Happening::OrderFailed { .. })
    }

    /// Every entry, the first first.
    pub fn events(&self) -> &[SimEvent] {
        &self.events
    }

    /// Adds an entry at the end.
    pub fn push(&mut self, event: SimEvent) {
        if Self::is_failure(&event) {
            self.failures.push(self.events.len());
        }
        self.events.push(event);
    }

    /// The entries of failed orders, the last first.
    pub fn failures_latest_first(&self) -> impl Iterator<Item = &SimEvent> {
        self.failures.iter().rev().map(|i| &self.events[*i])
    }
}
