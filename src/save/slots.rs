//! Where saves live, and the saves there: `<data dir>/petrograd1917/saves/`
//! (on Linux `~/.local/share/petrograd1917/saves/`; `PETROGRAD_DATA` moves the
//! whole data folder). Each save has its replay beside it, `NAME.replay.ron`.
//! Autosaves rotate: `autosave-1.ron` is the newest, and the last
//! [`AUTOSAVES_KEPT`] are kept.

use super::file::{Header, SaveFile};
use crate::game::Game;
use crate::scenario::{Diagnostic, Side};
use std::path::{Path, PathBuf};

/// How many autosaves are kept.
pub const AUTOSAVES_KEPT: usize = 5;

/// The quick save (Ctrl+S writes it, Ctrl+L loads it).
pub const QUICK_SAVE: &str = "quicksave.ron";

/// The folder of saves, if the system has a data folder.
pub fn saves_dir() -> Option<PathBuf> {
    crate::scenario::data_dir().map(|d| d.join("saves"))
}

/// The folder of the replays written when games end.
pub fn replays_dir() -> Option<PathBuf> {
    crate::scenario::data_dir().map(|d| d.join("replays"))
}

/// The name of a finished game's replay: scenario, variant, seed and the
/// moment it was written, so that none overwrites another.
pub fn replay_name(game: &Game) -> String {
    let sc = crate::sim::facts::scenario(&game.world);
    let variant = sc.variant.as_deref().map(|v| format!("-{v}")).unwrap_or_default();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format!("{}{variant}-seed{}-{now}.replay.ron", sc.file.id, game.seed)
}

/// Every replay in the replays folder and beside the saves, newest first.
pub fn list_replays() -> Vec<PathBuf> {
    let mut found: Vec<(Option<std::time::SystemTime>, PathBuf)> = Vec::new();
    for dir in [replays_dir(), saves_dir()].into_iter().flatten() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.file_name().is_some_and(|n| n.to_string_lossy().ends_with(".replay.ron")) {
                found.push((std::fs::metadata(&path).and_then(|m| m.modified()).ok(), path));
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().map(|(_, p)| p).collect()
}

/// The replay written beside a save.
pub fn replay_beside(save: &Path) -> PathBuf {
    let stem = save.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    save.with_file_name(format!("{stem}.replay.ron"))
}

/// Writes a save of the game (`humans`: the sides people play), and its
/// replay beside it. The save is written first; a failure leaves the earlier
/// files as they were.
pub fn save_game(game: &Game, humans: &[Side], path: &Path) -> std::io::Result<()> {
    SaveFile { humans: humans.to_vec(), ..SaveFile::of(game) }.write(path)?;
    super::Replay::of(game).write(&replay_beside(path))
}

/// Writes an autosave into `dir`: the older ones move down one place
/// (`autosave-1.ron` to `autosave-2.ron`…) and the oldest beyond the kept number goes.
pub fn autosave(game: &Game, humans: &[Side], dir: &Path) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let name = |i: usize| dir.join(format!("autosave-{i}.ron"));
    for i in (1..AUTOSAVES_KEPT).rev() {
        for (from, to) in [(name(i), name(i + 1)), (replay_beside(&name(i)), replay_beside(&name(i + 1)))] {
            if from.exists() {
                std::fs::rename(&from, &to)?;
            }
        }
    }
    let path = name(1);
    save_game(game, humans, &path)?;
    Ok(path)
}

/// One file in the saves folder.
pub struct Listed {
    pub path: PathBuf,
    /// Its header, or why it cannot be read.
    pub header: Result<Header, Diagnostic>,
    pub modified: Option<std::time::SystemTime>,
}

/// The saves in a folder, newest first (replays beside them are not listed).
pub fn list(dir: &Path) -> Vec<Listed> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<Listed> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            name.ends_with(".ron") && !name.ends_with(".replay.ron") && !name.starts_with('.')
        })
        .map(|path| Listed {
            header: SaveFile::read(&path).map(|s| s.header()),
            modified: std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
            path,
        })
        .collect();
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then_with(|| a.path.cmp(&b.path)));
    out
}
