//! `petrograd replay`: plays a recorded game again from its seed and orders,
//! prints its chronicle, and with `--verify` checks that it is exactly the game
//! recorded.

use super::Format;
use crate::chronicle;
use crate::save::Replay;
use crate::scenario::{Lang, Scenario};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Reads a replay and finds its scenario (the one given, or the one it names).
/// On failure the reason is printed and the exit code returned: 2 when the
/// file cannot be read, 1 when its scenario cannot be found.
pub fn open(path: &Path, scenario: Option<&Path>) -> Result<(Replay, Arc<Scenario>), ExitCode> {
    let replay = Replay::read(path).map_err(|d| {
        eprintln!("{d}");
        ExitCode::from(2)
    })?;
    let sc = match scenario {
        Some(file) => crate::scenario::load_scenario_file(file)
            .map_err(|d| crate::scenario::render_all(&d))
            .and_then(|sc| match &replay.variant {
                Some(v) => sc.with_variant(v).map_err(|e| e.to_string()),
                None => Ok(sc),
            })
            .map(Arc::new),
        None => crate::save::find_scenario(&replay.scenario, replay.variant.as_deref(), &replay.scenario_hash)
            .map_err(|why| why.en),
    };
    let sc = sc.map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })?;
    Ok((replay, sc))
}

/// Plays the replay, prints the chronicle, and verifies it when asked.
pub fn run(path: &Path, scenario: Option<&Path>, verify: bool, format: Format, lang: Lang) -> ExitCode {
    let (replay, sc) = match open(path, scenario) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let game = if verify {
        match replay.verify(sc.clone()) {
            Ok(game) => game,
            Err(why) => {
                eprintln!("error: {}: the replay does not reproduce the recorded game: {why}", path.display());
                return ExitCode::from(1);
            }
        }
    } else {
        if let Some(why) = replay.mismatch(&sc) {
            eprintln!("warning: {}; the game may go differently", why.en);
        }
        replay.play_out(sc.clone())
    };
    let out = match format {
        Format::Json => chronicle::to_json(&chronicle::entries(&sc, game.log(), lang)),
        Format::Text => chronicle::to_text(&sc, game.log(), lang),
    };
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{out}");
    if verify {
        eprintln!("verified: {} turns reproduce the recorded game exactly", replay.turns.len());
    }
    ExitCode::SUCCESS
}
