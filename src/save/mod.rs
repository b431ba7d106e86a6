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

use crate::scenario::{Diagnostic, Lang, LangText};
use crate::tr;

/// Which kind of file is read, for the messages about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Save,
    Replay,
}

impl FileKind {
    /// "save" or "replay", in the language.
    fn noun(self, lang: Lang) -> String {
        match self {
            FileKind::Save => tr!(lang, "load-kind-save"),
            FileKind::Replay => tr!(lang, "load-kind-replay"),
        }
    }

    /// What to do when a file of this kind cannot be used: it was left as it is.
    pub(crate) fn left_as_it_is(self) -> LangText {
        LangText::in_words(|lang| match self {
            FileKind::Save => tr!(lang, "load-help-save"),
            FileKind::Replay => tr!(lang, "load-help-replay"),
        })
    }

    /// A message about a file of this kind, worded in each language by `words`
    /// (given the kind's noun).
    pub(crate) fn says(self, words: impl Fn(Lang, &str) -> String) -> LangText {
        LangText::in_words(|lang| words(lang, &self.noun(lang)))
    }
}

/// A refusal of a save or replay at a line and column, told in both languages.
pub(crate) fn refusal(
    name: &str,
    text: &str,
    (line, column): (usize, usize),
    message: LangText,
    help: LangText,
) -> Diagnostic {
    Diagnostic::error(name, text, line, column, "", "").told(message, help)
}

/// The text of a save or replay file, refused unread when it is larger than
/// [`file::MAX_SAVE_BYTES`] or not UTF-8. Returns the file's name for
/// messages, and its text.
pub(crate) fn read_file(path: &std::path::Path, kind: FileKind) -> Result<(String, String), Diagnostic> {
    let name = path.display().to_string();
    let refuse = |message: LangText| refusal(&name, "", (1, 1), message, kind.left_as_it_is());
    let bytes = std::fs::read(path).map_err(|e| {
        refuse(kind.says(|lang, what| tr!(lang, "load-cannot-read", what = what, error = e.to_string())))
    })?;
    if bytes.len() > file::MAX_SAVE_BYTES {
        let (size, most) = (bytes.len().to_string(), file::MAX_SAVE_BYTES.to_string());
        return Err(refuse(
            kind.says(|lang, what| {
                tr!(lang, "load-too-large", what = what, size = size.as_str(), most = most.as_str())
            }),
        ));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| refuse(kind.says(|lang, what| tr!(lang, "load-not-text", what = what))))?;
    Ok((name, text))
}

/// A damaged save or replay: where the text stops making sense, and what to
/// do. The parser's own words are kept, in English, after the message.
pub(crate) fn damaged(kind: FileKind, name: &str, text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let d = crate::scenario::ron_diagnostic(name, text, e);
    let last_line = text.trim_end().lines().count().max(1);
    let detail = d.message.clone();
    let message = if text.trim().is_empty() {
        kind.says(|lang, what| tr!(lang, "load-empty", what = what))
    } else if !text.contains("format_version") {
        kind.says(|lang, what| tr!(lang, "load-not-ours", what = what))
    } else if d.line >= last_line && !text.trim_end().ends_with(')') {
        kind.says(|lang, what| tr!(lang, "load-cut-short", what = what, detail = detail.as_str()))
    } else {
        kind.says(|lang, what| tr!(lang, "load-damaged", what = what, detail = detail.as_str()))
    };
    d.told(message, kind.left_as_it_is())
}

/// The scenario a save or replay names, found by file name among the listed
/// scenarios (`scenarios/` and the mods folder), with its variant. Where two
/// files have the name, the one with the recorded content hash wins.
pub fn find_scenario(
    name: &str,
    variant: Option<&str>,
    hash: &str,
) -> Result<std::sync::Arc<crate::scenario::Scenario>, LangText> {
    let mut found = Vec::new();
    for path in crate::scenario::listed_scenario_files() {
        if path.file_name().is_some_and(|n| n.to_string_lossy() == name) {
            let shown = path.display().to_string();
            let broken = |detail: String| {
                LangText::in_words(|lang| {
                    tr!(lang, "load-scenario-broken", path = shown.as_str(), detail = detail.as_str())
                })
            };
            let sc = crate::scenario::load_scenario_file(&path).map_err(|d| broken(crate::scenario::render_all(&d)))?;
            let sc = match variant {
                Some(v) => sc.with_variant(v).map_err(|e| broken(e.to_string()))?,
                None => sc,
            };
            found.push(sc);
        }
    }
    let at = found.iter().position(|sc| file::hash_text(sc) == hash).unwrap_or(0);
    if found.is_empty() {
        return Err(LangText::in_words(|lang| tr!(lang, "load-no-scenario", name = name)));
    }
    Ok(std::sync::Arc::new(found.swap_remove(at)))
}
