//! `petrograd report`: plays a game headless and writes the debrief handout,
//! as one self-contained HTML file or as Markdown.

use super::GameArgs;
use crate::game;
use crate::handout::{self, Form};
use crate::scenario::Lang;
use std::path::Path;
use std::process::ExitCode;

/// Plays the game (or the replay's) and writes its handout to `out`.
pub fn run(args: &GameArgs, lang: Lang, out: &Path, replay: Option<&Path>) -> ExitCode {
    let Some(form) = Form::of_path(out) else {
        eprintln!("error: {} should end in .html or .md, to say which handout to write", out.display());
        return ExitCode::from(2);
    };
    let (scenario, played, seed) = match replay {
        Some(path) => {
            let (replay, scenario) = match super::replay::open(path, None) {
                Ok(x) => x,
                Err(code) => return code,
            };
            if let Some(why) = replay.mismatch(&scenario) {
                eprintln!("warning: {}; the game may go differently", why.en);
            }
            (scenario.clone(), replay.play_out(scenario), replay.seed)
        }
        None => {
            let scenario = match args.load() {
                Ok(s) => s,
                Err(code) => return code,
            };
            (scenario.clone(), game::play(scenario, args.seed, args.players()), args.seed)
        }
    };
    let text = handout::write(&scenario, played.log(), seed, lang, form);
    match crate::save::write_atomic(out, text.as_bytes()) {
        Ok(()) => {
            println!("{}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}
