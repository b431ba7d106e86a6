//! `petrograd chronicle`: plays a scenario headless and prints what happened.

use super::{Format, GameArgs};
use crate::chronicle;
use crate::game;
use crate::scenario::Lang;
use std::io::Write;
use std::process::ExitCode;

/// Plays the scenario and prints its chronicle.
pub fn run(args: &GameArgs, format: Format, lang: Lang) -> ExitCode {
    let scenario = match args.load() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let game = game::play(scenario.clone(), args.seed, args.players());
    let out = match format {
        Format::Json => chronicle::to_json(&chronicle::entries(&scenario, game.log(), lang)),
        Format::Text => chronicle::to_text(&scenario, game.log(), lang),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (for example `| head`) is not an error worth a panic.
    let _ = writeln!(stdout, "{out}");
    ExitCode::SUCCESS
}
