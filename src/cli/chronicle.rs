//! `petrograd chronicle`: plays a scenario headless and prints what happened;
//! with `--record`, also writes the game's replay.

use super::{Format, GameArgs};
use crate::chronicle;
use crate::game;
use crate::scenario::Lang;
use std::io::Write;
use std::process::ExitCode;

/// Plays the scenario and prints its chronicle.
pub fn run(args: &GameArgs, format: Format, lang: Lang, record: Option<&std::path::Path>) -> ExitCode {
    let scenario = match args.load() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let game = game::play(scenario.clone(), args.seed, args.players());
    if let Some(path) = record {
        if let Err(e) = crate::save::Replay::of(&game).write(path) {
            eprintln!("error: cannot write the replay {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    let out = match format {
        Format::Json => chronicle::to_json(&chronicle::entries(&scenario, game.log(), lang)),
        Format::Text => chronicle::to_text(&scenario, game.log(), lang),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (for example `| head`) is not an error worth a panic.
    let _ = writeln!(stdout, "{out}");
    ExitCode::SUCCESS
}
