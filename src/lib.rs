//! Petrograd 1917: a turn-based strategy simulation of the October Revolution.
//!
//! Layers: [`scenario`] (RON data, validated once), [`sim`] (the rules, in the
//! Bevy ECS, never rendering), [`ai`] (policies), [`chronicle`] (the event
//! stream in words), [`game`] (headless play), [`batch`] (many games, for
//! statistics), [`cli`] and [`gui`].

pub mod ai;
pub mod allocator;
pub mod batch;
pub mod chronicle;
pub mod cli;
pub mod game;
pub mod gui;
pub mod handout;
pub mod locale;
pub mod save;
pub mod scenario;
pub mod sim;
pub mod testing;
pub mod time;

/// The historical scenario's file, relative to the project root.
pub const HISTORICAL_SCENARIO: &str = "scenarios/october_1917.ron";

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1917;
