//! Save files: a header (format version, game version, scenario, its content
//! hash, variant, turn) and the game's [`Snapshot`], in RON. Reading one
//! refuses a damaged file with the line, column and what to do, and leaves the
//! file as it is; files of older formats go through [`upgrade`].

use super::FileKind;
use super::atomic::write_atomic;
use super::snapshot::Snapshot;
use crate::game::Game;
use crate::scenario::{Diagnostic, LangText, Scenario, Side};
use crate::time::GameTime;
use crate::tr;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The format written now. Raise it when [`SaveFile`] changes, and add the
/// conversion from the previous one to [`upgrade`], with a fixture in `tests/saves/`.
pub const FORMAT_VERSION: u32 = 1;

/// The game's version, written into saves and replays.
pub const GAME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a save says about itself, read before the rest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format_version: u32,
    pub game_version: String,
    /// The scenario's file name, e.g. `october_1917.ron`.
    pub scenario: String,
    /// The content hash of the scenario (with its rules file and variant) as it was.
    pub scenario_hash: String,
    pub variant: Option<String>,
    pub turn: u32,
    pub time: GameTime,
}

/// A whole save file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveFile {
    pub format_version: u32,
    pub game_version: String,
    pub scenario: String,
    pub scenario_hash: String,
    pub variant: Option<String>,
    pub turn: u32,
    pub time: GameTime,
    /// The sides people played (none: the AIs played both).
    #[serde(default)]
    pub humans: Vec<Side>,
    pub game: Snapshot,
    /// The file's name and text, when it was read from one: to point at the
    /// spot when the save does not fit its scenario.
    #[serde(skip)]
    pub origin: Option<(String, String)>,
}

/// Just the version, to choose how to read the rest.
#[derive(Deserialize)]
struct VersionOnly {
    format_version: u32,
}

/// A scenario's content hash as written in files.
pub fn hash_text(sc: &Scenario) -> String {
    format!("{:016x}", sc.content_hash)
}

/// The scenario's file name, as saves name it.
pub fn scenario_name(sc: &Scenario) -> String {
    Path::new(&sc.path).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| sc.path.clone())
}

impl SaveFile {
    /// The save of a game now.
    pub fn of(game: &Game) -> SaveFile {
        let sc = crate::sim::facts::scenario(&game.world);
        let snapshot = Snapshot::of(game);
        SaveFile {
            format_version: FORMAT_VERSION,
            game_version: GAME_VERSION.to_string(),
            scenario: scenario_name(sc),
            scenario_hash: hash_text(sc),
            variant: sc.variant.clone(),
            turn: snapshot.turn,
            time: snapshot.now,
            humans: Vec::new(),
            game: snapshot,
            origin: None,
        }
    }

    /// The header alone.
    pub fn header(&self) -> Header {
        Header {
            format_version: self.format_version,
            game_version: self.game_version.clone(),
            scenario: self.scenario.clone(),
            scenario_hash: self.scenario_hash.clone(),
            variant: self.variant.clone(),
            turn: self.turn,
            time: self.time,
        }
    }

    /// The file's text.
    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(3).struct_names(false);
        let body = ron::ser::to_string_pretty(self, config).expect("a save serialises");
        format!(
            "// Petrograd 1917 saved game. Edit at your own risk: a damaged file is refused, not repaired.\n{body}\n"
        )
    }

    /// Writes the save whole or not at all: a failure leaves any earlier file as it was.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        write_atomic(path, self.to_text().as_bytes())
    }

    /// Reads a save from its text; `name` names the file in errors.
    pub fn parse(name: &str, text: &str) -> Result<SaveFile, Diagnostic> {
        let options = ron::Options::default().with_recursion_limit(64);
        let damaged = |e: &ron::error::SpannedError| super::damaged(FileKind::Save, name, text, e);
        let version: VersionOnly = options.from_str(text).map_err(|e| damaged(&e))?;
        match version.format_version {
            FORMAT_VERSION => options
                .from_str::<SaveFile>(text)
                .map(|save| SaveFile { origin: Some((name.to_string(), text.to_string())), ..save })
                .map_err(|e| damaged(&e)),
            v if v > FORMAT_VERSION => Err(super::refusal(
                name,
                text,
                (line_of(text, "format_version"), 1),
                LangText::in_words(|lang| tr!(lang, "load-newer", found = v, most = FORMAT_VERSION)),
                LangText::in_words(|lang| tr!(lang, "load-help-update")),
            )),
            v => upgrade(name, text, v),
        }
    }

    /// Reads a save file from disk.
    pub fn read(path: &Path) -> Result<SaveFile, Diagnostic> {
        let (name, text) = super::read_file(path, FileKind::Save)?;
        Self::parse(&name, &text)
    }

    /// The game, in the scenario (which should be the one it was saved with,
    /// or an edit of it); if it does not fit, why, at the spot in the file.
    pub fn restore(&self, scenario: std::sync::Arc<Scenario>) -> Result<Game, Diagnostic> {
        self.game.restore(scenario).map_err(|unfit| {
            let (name, text) = self.origin.clone().unwrap_or_default();
            let spot = unfit.at.as_deref().and_then(|at| text.find(at)).unwrap_or(0);
            let (line, column) = crate::scenario::line_col(&text, spot);
            let detail = unfit.message.as_str();
            super::refusal(
                &name,
                &text,
                (line, column),
                LangText::in_words(|lang| tr!(lang, "load-unfit", detail = detail)),
                LangText::in_words(|lang| tr!(lang, "load-help-unfit")),
            )
        })
    }

    /// Whether the scenario is the one the game was saved with: same file
    /// name, variant and content.
    pub fn matches(&self, sc: &Scenario) -> Fit {
        if self.scenario != scenario_name(sc) || self.variant != sc.variant {
            Fit::Other
        } else if self.scenario_hash != hash_text(sc) {
            Fit::Changed
        } else {
            Fit::Same
        }
    }
}

/// How a scenario fits a save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The scenario the game was saved with.
    Same,
    /// The same scenario, edited since: the save may still load, or may not.
    Changed,
    /// Another scenario or variant.
    Other,
}

/// Saves larger than this are refused unread.
pub const MAX_SAVE_BYTES: usize = 16 * 1024 * 1024;

fn line_of(text: &str, word: &str) -> usize {
    text.lines().position(|l| l.contains(word)).map(|i| i + 1).unwrap_or(1)
}

/// Reads a save of an older format and converts it, one version at a time,
/// to the current one. Format 1 is the first: there is nothing older yet.
fn upgrade(name: &str, text: &str, version: u32) -> Result<SaveFile, Diagnostic> {
    Err(super::refusal(
        name,
        text,
        (line_of(text, "format_version"), 1),
        LangText::in_words(|lang| tr!(lang, "load-no-such-format", found = version)),
        FileKind::Save.left_as_it_is(),
    ))
}
