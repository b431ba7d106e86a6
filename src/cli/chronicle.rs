//! `petrograd chronicle`: plays a scenario headless and prints what happened.

use super::Format;
use crate::chronicle;
use crate::game::{self, Players};
use crate::scenario::{Lang, load_scenario_file};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Plays the scenario and prints its chronicle.
pub fn run(path: &Path, seed: u64, players: Players, format: Format, lang: Lang) -> ExitCode {
    let scenario = match load_scenario_file(path) {
        Ok(s) => Arc::new(s),
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}\n");
            }
            return ExitCode::from(1);
        }
    };
    let game = game::play(scenario.clone(), seed, players);
    let out = match format {
        Format::Json => chronicle::to_json(&chronicle::entries(&scenario, game.log(), lang)),
        Format::Text => chronicle::to_text(&scenario, game.log(), lang),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (for example `| head`) is not an error worth a panic.
    let _ = writeln!(stdout, "{out}");
    ExitCode::SUCCESS
}
