//! The simulation's state in the ECS: components on place and unit entities,
//! and the resources for the clock, the RNG, command, flags and the chronicle.
//!
//! Entities are found through [`Registry`], in scenario order, so nothing ever
//! depends on query iteration order.

use crate::scenario::{Readiness, Scenario, Side};
use crate::time::GameTime;
use bevy::prelude::*;
use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use std::collections::BTreeSet;
use std::sync::Arc;

/// The validated scenario being played.
#[derive(Resource, Clone)]
pub struct ScenarioRes(pub Arc<Scenario>);

/// Place and unit entities, by scenario index.
#[derive(Resource, Clone, Default)]
pub struct Registry {
    pub places: Vec<Entity>,
    pub units: Vec<Entity>,
}

/// Queries over the places' and units' components, made once: asking the world
/// for one component of one entity finds the component's id every time, and the
/// AI asks thousands of times a turn. No component is added or removed after the
/// game is set up, so the queries never go stale.
#[derive(Resource)]
pub struct Readers {
    pub places: QueryState<(&'static PlaceIndex, &'static Holder, Option<&'static Bridge>, &'static Lines)>,
    pub units: QueryState<(
        &'static UnitIndex,
        &'static UnitStatus,
        &'static Location,
        &'static Ready,
        &'static Loyalty,
        &'static Strength,
    )>,
}

impl Readers {
    /// The queries, for a world whose places and units are spawned.
    pub fn new(world: &mut World) -> Readers {
        Readers { places: world.query(), units: world.query() }
    }
}

/// A place entity's index in the scenario. Reading every place goes through
/// the query once and puts each where its index says, so the order the query
/// visits them in never matters.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct PlaceIndex(pub usize);

/// A unit entity's index in the scenario (see [`PlaceIndex`]).
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct UnitIndex(pub usize);

/// Who holds a place.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Holder(pub Option<Side>);

/// Whether a bridge is raised.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Bridge {
    pub raised: bool,
}

/// Whether a place's telephone and telegraph lines are cut.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Lines {
    pub cut: bool,
}

/// Loyalty from -100 (the Government's) to +100 (the MRC's).
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Loyalty(pub i32);

/// Men under arms.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Strength(pub u32);

/// Whether a unit acts.
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Ready(pub Readiness);

/// The place index where a unit stands (or will enter).
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct Location(pub usize);

/// Where a unit is in its life.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitStatus {
    /// Not yet arrived; enters at the time given.
    Expected(GameTime),
    /// On the map.
    OnMap,
    /// Left the map.
    Withdrawn,
    /// Arrested: out of play.
    Arrested,
}

/// The game clock: the current turn and the time it starts.
#[derive(Resource, Clone, Copy, Debug)]
pub struct Clock {
    /// 1-based.
    pub turn: u32,
    pub now: GameTime,
    /// While an event timed within the turn fires, its own time: what it
    /// does is logged at that minute rather than at the start of the turn.
    pub moment: Option<GameTime>,
}

impl Clock {
    /// The time to log things at.
    pub fn stamp(&self) -> GameTime {
        self.moment.unwrap_or(self.now)
    }
}

/// SplitMix64's finaliser: mixes a number's bits so that numbers a step
/// apart come out unrelated. For deriving numbers from one drawn from the RNG
/// (a batch's run seeds, the heuristic's noise), never as a source of its own.
pub fn mix_bits(z: u64) -> u64 {
    let z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The one seeded random number generator. All randomness comes from here.
#[derive(Resource)]
pub struct SimRng(pub ChaCha8Rng);

impl SimRng {
    /// A generator from a seed.
    pub fn seeded(seed: u64) -> Self {
        SimRng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// How many 32-bit words have been drawn (a game draws thousands, far
    /// below the 64 bits kept).
    pub fn word(&self) -> u64 {
        u64::try_from(self.0.get_word_pos()).unwrap_or(u64::MAX)
    }

    /// A second generator at the same point, drawing the same numbers.
    pub fn duplicate(&self) -> SimRng {
        let mut rng = ChaCha8Rng::from_seed(self.0.get_seed());
        rng.set_stream(self.0.get_stream());
        rng.set_word_pos(self.0.get_word_pos());
        SimRng(rng)
    }

    /// Moves to after `word` words drawn.
    pub fn go_to_word(&mut self, word: u64) {
        self.0.set_word_pos(word as u128);
    }
}

/// A number for each side.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PerSide {
    pub mrc: i32,
    pub government: i32,
}

impl PerSide {
    /// The side's number.
    pub fn get(&self, side: Side) -> i32 {
        match side {
            Side::Mrc => self.mrc,
            Side::Government => self.government,
        }
    }
    /// The side's number, to change.
    pub fn get_mut(&mut self, side: Side) -> &mut i32 {
        match side {
            Side::Mrc => &mut self.mrc,
            Side::Government => &mut self.government,
        }
    }
}

/// Command points of each side, spent on orders and paid each turn.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Deref, DerefMut)]
pub struct CommandPoints(pub PerSide);

/// Funds of each side in thousands of roubles: paid each turn by the places
/// that give money, spent by orders that have a `funds_cost`.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Deref, DerefMut)]
pub struct Funds(pub PerSide);

/// Flags set by effects, sorted for determinism.
#[derive(Resource, Clone, Debug, Default)]
pub struct Flags(pub BTreeSet<String>);

impl Flags {
    /// Whether the flag is set. Few flags are ever set, and most differ in
    /// length: testing each for equality costs less than the set's ordered
    /// search, which compares the strings' bytes at every step.
    #[inline]
    pub fn is_set(&self, flag: &str) -> bool {
        self.0.iter().any(|set| set == flag)
    }
}

/// Which scenario events have fired.
#[derive(Resource, Clone, Debug, Default)]
pub struct EventsFired(pub Vec<bool>);

/// How a game ended.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Outcome {
    /// `None` for a draw.
    pub winner: Option<Side>,
    pub at: GameTime,
    pub turn: u32,
    /// Index of the victory condition that ended it, if one did.
    pub condition: Option<usize>,
    /// Place value held by the MRC and by the Government at the end.
    pub value_mrc: i32,
    pub value_government: i32,
    /// Score of the MRC against history (see `victory::score`).
    pub score: i32,
}

/// Set once the game is over.
#[derive(Resource, Clone, Debug, Default)]
pub struct GameOver(pub Option<Outcome>);
