//! Saves and replays: a game on disk. [`snapshot`] reads the whole state of a
//! game out of its world and puts it back; [`file`] wraps it in a header,
//! writes it and reads it back, refusing damaged files with a reason;
//! [`replay`] records the seed and the orders and plays them again; [`atomic`]
//! writes files whole or not at all; [`slots`] names where they live.
//!
//! Nothing here draws or needs a window.

pub mod atomic;
pub mod file;
pub mod replay;
pub mod slots;
pub mod snapshot;

pub use atomic::write_atomic;
pub use file::{FORMAT_VERSION, Fit, SaveFile};
pub use replay::Replay;
pub use snapshot::Snapshot;

/// The text of a save or replay file, refused unread when it is larger than
/// [`file::MAX_SAVE_BYTES`] or not UTF-8; `what` names the kind of file in
/// messages. Returns the file's name for messages, and its text.
pub(crate) fn read_file(
    path: &std::path::Path,
    what: &str,
    help: &str,
) -> Result<(String, String), crate::scenario::Diagnostic> {
    let name = path.display().to_string();
    let refuse = |message: String| crate::scenario::Diagnostic::error(&name, "", 1, 1, message, help);
    let bytes = std::fs::read(path).map_err(|e| refuse(format!("cannot read the {what}: {e}")))?;
    if bytes.len() > file::MAX_SAVE_BYTES {
        return Err(refuse(format!("the file is {} bytes; a {what} is at most {}", bytes.len(), file::MAX_SAVE_BYTES)));
    }
    let text = String::from_utf8(bytes).map_err(|e| refuse(format!("the {what} is not UTF-8 text: {e}")))?;
    Ok((name, text))
}

/// A damaged save or replay: where the text stops making sense, and what to do.
pub(crate) fn damaged(
    what: &str,
    name: &str,
    text: &str,
    e: &ron::error::SpannedError,
    help: &str,
) -> crate::scenario::Diagnostic {
    let mut d = crate::scenario::ron_diagnostic(name, text, e);
    let last_line = text.trim_end().lines().count().max(1);
    d.message = if text.trim().is_empty() {
        format!("this {what} file is empty: nothing was written to it")
    } else if !text.contains("format_version") {
        format!("this is not a Petrograd 1917 {what} file: it has no format_version")
    } else if d.line >= last_line && !text.trim_end().ends_with(')') {
        format!("this {what} file stops too early, as if cut short: {}", d.message)
    } else {
        format!("this {what} file is damaged: {}", d.message)
    };
    d.help = help.to_string();
    d
}

/// The scenario a save or replay names, found by file name among the listed
/// scenarios (`scenarios/` and the mods folder), with its variant. Where two
/// files have the name, the one with the recorded content hash wins.
pub fn find_scenario(
    name: &str,
    variant: Option<&str>,
    hash: &str,
) -> Result<std::sync::Arc<crate::scenario::Scenario>, String> {
    let mut found = Vec::new();
    for path in crate::scenario::listed_scenario_files() {
        if path.file_name().is_some_and(|n| n.to_string_lossy() == name) {
            let sc = crate::scenario::load_scenario_file(&path)
                .map_err(|d| format!("{} cannot be loaded:\n{}", path.display(), crate::scenario::render_all(&d)))?;
            let sc = match variant {
                Some(v) => sc.with_variant(v).map_err(|e| format!("{}: {e}", path.display()))?,
                None => sc,
            };
            found.push(sc);
        }
    }
    let at = found.iter().position(|sc| file::hash_text(sc) == hash).unwrap_or(0);
    if found.is_empty() {
        return Err(format!(
            "the scenario {name} is not in scenarios/ nor in the mods folder; give its path with --scenario"
        ));
    }
    Ok(std::sync::Arc::new(found.swap_remove(at)))
}
