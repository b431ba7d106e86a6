//! Helpers for tests and benchmarks: load the shipped scenarios and build
//! headless games from them.

use crate::scenario::{Scenario, load_scenario_file, parse_scenario, render_all};
use std::path::PathBuf;
use std::sync::Arc;

/// The project's root folder (where `Cargo.toml` is).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Loads a scenario under `scenarios/`, panicking with its diagnostics if it is broken.
pub fn load(name: &str) -> Arc<Scenario> {
    let path = project_root().join("scenarios").join(name);
    match load_scenario_file(&path) {
        Ok(s) => Arc::new(s),
        Err(diags) => panic!("{}", render_all(&diags)),
    }
}

/// The historical scenario.
pub fn historical() -> Arc<Scenario> {
    load("october_1917.ron")
}

/// Parses scenario text, panicking with its diagnostics if it is broken.
pub fn parse(text: &str) -> Arc<Scenario> {
    match parse_scenario("test.ron", text) {
        Ok(s) => Arc::new(s),
        Err(diags) => panic!("{}", render_all(&diags)),
    }
}
