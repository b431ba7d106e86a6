//! `petrograd report`: plays a game headless and writes the debrief handout,
//! as one self-contained HTML file or as Markdown.

use super::GameArgs;
use crate::game;
use crate::handout::{self, Form};
use crate::scenario::Lang;
use std::path::Path;
use std::process::ExitCode;

/// Plays the game and writes its handout to `out`.
pub fn run(args: &GameArgs, lang: Lang, out: &Path) -> ExitCode {
    let Some(form) = Form::of_path(out) else {
        eprintln!("error: {} should end in .html or .md, to say which handout to write", out.display());
        return ExitCode::from(2);
    };
    let scenario = match args.load() {
        Ok(s) => s,
        Err(code) => return code,
    };
    let played = game::play(scenario.clone(), args.seed, args.players());
    let text = handout::write(&scenario, played.log(), args.seed, lang, form);
    match write_whole(out, &text) {
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

/// Writes a file whole or not at all: a failed write leaves any earlier file as it was.
pub fn write_whole(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.part"));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
