//! Saves, replays and undo in the window. Ctrl+S writes the quick save and
//! Ctrl+L opens the list of saves (the pause menu and the title screen open it
//! too); Ctrl+Z and Ctrl+Y take back and give again this turn's orders. An
//! autosave is written at the start of every turn a person plays, and a replay
//! when a game ends. Loading a save of a scenario edited since asks first.
//!
//! The files themselves are `crate::save`'s; this only shows them.

use super::{Screen, Session, Settings};
use crate::save::{self, Fit, Replay, SaveFile, slots};
use crate::scenario::{Lang, Scenario, Side};
use crate::sim;
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Files>()
        .add_systems(EguiPrimaryContextPass, (shortcuts.run_if(in_state(Screen::Play)), files_ui).chain())
        .add_systems(Update, autosave.run_if(in_state(Screen::Play)))
        .add_systems(OnEnter(Screen::Over), replay_at_game_over);
}

/// Which list of files is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listing {
    Saves,
    Replays,
}

/// A save of an edited scenario, waiting for "try anyway".
struct Doubt {
    path: PathBuf,
    save: SaveFile,
    scenario: Arc<Scenario>,
}

/// What the window knows about files.
#[derive(Resource, Default)]
pub struct Files {
    /// The list open, if one is.
    pub open: Option<Listing>,
    doubt: Option<Doubt>,
    /// What was last done, or why it could not be; shown until dismissed.
    pub message: Option<String>,
    /// The turn last autosaved, and the game's seed, so each turn is saved once.
    autosaved: Option<(u32, u64)>,
    /// The files of the list open, read once as it opens (not at every redraw).
    rows: Option<(Listing, Rows)>,
}

/// The files a list shows.
enum Rows {
    Saves(Vec<slots::Listed>),
    Replays(Vec<PathBuf>),
}

impl Rows {
    /// Reads the saves folder (each save's header) or finds the replays.
    fn read(listing: Listing) -> Rows {
        match listing {
            Listing::Saves => Rows::Saves(slots::saves_dir().as_deref().map(slots::list).unwrap_or_default()),
            Listing::Replays => Rows::Replays(slots::list_replays()),
        }
    }
}

/// Writes the quick save of the session's game, and says where.
pub fn quick_save(session: &Session, lang: Lang) -> String {
    let Some(dir) = slots::saves_dir() else { return tr!(lang, "files-no-data-dir") };
    let path = dir.join(slots::QUICK_SAVE);
    match slots::save_game(&session.game, &session.humans, &path) {
        Ok(()) => tr!(lang, "files-saved", path = path.display().to_string()),
        Err(e) => tr!(lang, "files-not-saved", path = path.display().to_string(), error = e.to_string()),
    }
}

fn shortcuts(
    mut contexts: EguiContexts,
    mut files: ResMut<Files>,
    session: Option<ResMut<Session>>,
    settings: Res<Settings>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(mut session) = session else { return Ok(()) };
    let lang = settings.lang;
    let pressed =
        |key| ctx.input_mut(|i| i.consume_shortcut(&egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, key)));
    if pressed(egui::Key::S) {
        files.message = Some(quick_save(&session, lang));
    }
    if pressed(egui::Key::L) {
        files.open = Some(Listing::Saves);
    }
    if pressed(egui::Key::Z) {
        undo(&mut session, &mut files, lang);
    }
    if pressed(egui::Key::Y) {
        redo(&mut session, &mut files, lang);
    }
    Ok(())
}

/// The side whose orders undo and redo touch: the one at the keyboard, if a person plays it.
fn at_keyboard(session: &Session) -> Option<Side> {
    (session.curtain.is_none() && session.humans.contains(&session.giving)).then_some(session.giving)
}

/// Takes back the last order of the side at the keyboard.
pub fn undo(session: &mut Session, files: &mut Files, lang: Lang) {
    let Some(side) = at_keyboard(session) else { return };
    files.message = Some(match sim::undo_order(&mut session.game.world, side) {
        Some(_) => tr!(lang, "files-undone"),
        None => tr!(lang, "files-nothing-to-undo"),
    });
}

/// Gives again the last order taken back.
pub fn redo(session: &mut Session, files: &mut Files, lang: Lang) {
    let Some(side) = at_keyboard(session) else { return };
    files.message = Some(match sim::redo_order(&mut session.game.world, side) {
        Some(Ok(_)) => tr!(lang, "files-redone"),
        Some(Err(why)) => tr!(lang, "files-cannot-redo", why = why.0.get(lang)),
        None => tr!(lang, "files-nothing-to-redo"),
    });
}

/// An autosave at the start of every turn that a person plays.
fn autosave(session: Option<Res<Session>>, mut files: ResMut<Files>, settings: Res<Settings>) {
    let Some(session) = session else { return };
    if session.humans.is_empty() || session.game.script.is_some() || sim::is_over(&session.game.world) {
        return;
    }
    let turn = session.game.world.resource::<sim::Clock>().turn;
    if files.autosaved == Some((turn, session.game.seed)) {
        return;
    }
    files.autosaved = Some((turn, session.game.seed));
    // What was said about the last turn is old news now.
    files.message = None;
    let Some(dir) = slots::saves_dir() else { return };
    if let Err(e) = slots::autosave(&session.game, &session.humans, &dir) {
        files.message = Some(tr!(settings.lang, "files-autosave-failed", error = e.to_string()));
    }
}

/// Writes the replay of a game that has ended, to watch or verify later.
fn replay_at_game_over(session: Option<Res<Session>>, mut files: ResMut<Files>, settings: Res<Settings>) {
    let Some(session) = session else { return };
    if session.game.script.is_some() {
        return; // a replay watched to its end is already on disk
    }
    let Some(dir) = slots::replays_dir() else { return };
    let path = dir.join(slots::replay_name(&session.game));
    if let Err(e) = Replay::of(&session.game).write(&path) {
        files.message =
            Some(tr!(settings.lang, "files-not-saved", path = path.display().to_string(), error = e.to_string()));
    }
}

/// A file read, or why not, said in the message; and the scenario it names.
fn read_with_scenario<T>(
    files: &mut Files,
    read: Result<T, crate::scenario::Diagnostic>,
    names: impl Fn(&T) -> (&str, Option<&str>, &str),
    lang: Lang,
) -> Option<(T, Arc<Scenario>)> {
    let found = read.map_err(|d| d.for_player(lang)).and_then(|file| {
        let (name, variant, hash) = names(&file);
        save::find_scenario(name, variant, hash).map(|sc| (file, sc)).map_err(|why| why.get(lang).to_string())
    });
    found.map_err(|why| files.message = Some(why)).ok()
}

/// Opens a save: finds its scenario and restores the game, or asks first
/// when the scenario has been edited since.
fn open_save(path: &Path, files: &mut Files, lang: Lang) -> Option<Session> {
    let (save, scenario) = read_with_scenario(
        files,
        SaveFile::read(path),
        |s| (&s.scenario, s.variant.as_deref(), &s.scenario_hash),
        lang,
    )?;
    match save.matches(&scenario) {
        Fit::Same => restore(path, &save, scenario, files, lang),
        Fit::Changed | Fit::Other => {
            files.doubt = Some(Doubt { path: path.to_path_buf(), save, scenario });
            None
        }
    }
}

fn restore(path: &Path, save: &SaveFile, scenario: Arc<Scenario>, files: &mut Files, lang: Lang) -> Option<Session> {
    match save.restore(scenario.clone()) {
        Ok(game) => {
            files.message = Some(tr!(lang, "files-loaded", path = path.display().to_string()));
            files.autosaved = Some((save.turn, game.seed));
            Some(Session::of_game(scenario, game, save.humans.clone()))
        }
        Err(why) => {
            files.message = Some(why.for_player(lang));
            None
        }
    }
}

/// Opens a replay to watch with the playback controls.
fn open_replay(path: &Path, files: &mut Files, lang: Lang) -> Option<Session> {
    let (replay, scenario) =
        read_with_scenario(files, Replay::read(path), |r| (&r.scenario, r.variant.as_deref(), &r.scenario_hash), lang)?;
    files.message = Some(match replay.mismatch(&scenario) {
        Some(why) => tr!(lang, "files-replay-differs", why = why.get(lang)),
        None => tr!(lang, "files-watching", path = path.display().to_string()),
    });
    Some(Session::of_game(scenario.clone(), replay.game(scenario), Vec::new()))
}

fn files_ui(
    mut contexts: EguiContexts,
    mut files: ResMut<Files>,
    settings: Res<Settings>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let files = &mut *files;
    let mut opened: Option<Session> = None;
    if files.open.is_none() {
        files.rows = None;
    }
    if let Some(listing) = files.open {
        if files.rows.as_ref().map(|(l, _)| *l) != Some(listing) {
            files.rows = Some((listing, Rows::read(listing)));
        }
        let Some((_, rows)) = &files.rows else { unreachable!("read just above") };
        let mut clicked: Option<PathBuf> = None;
        let mut keep_open = true;
        let title = match listing {
            Listing::Saves => tr!(lang, "files-load-title"),
            Listing::Replays => tr!(lang, "files-replays-title"),
        };
        egui::Window::new(title)
            .open(&mut keep_open)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .collapsible(false)
            .default_width(560.0)
            .show(ctx, |ui| {
                let dir = slots::saves_dir();
                if let Some(dir) = &dir {
                    ui.small(tr!(lang, "files-folder", folder = dir.display().to_string()));
                }
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| match rows {
                    Rows::Saves(listed) => {
                        if listed.is_empty() {
                            ui.label(tr!(lang, "files-no-saves"));
                        }
                        for entry in listed {
                            let name = file_name(&entry.path);
                            match &entry.header {
                                Ok(h) => {
                                    let variant = h.variant.as_deref().map(|v| format!(" · {v}")).unwrap_or_default();
                                    let when = crate::chronicle::short_date_both(h.time, lang);
                                    let turn = tr!(lang, "files-turn", turn = h.turn);
                                    let label = format!("{name} — {}{variant} — {turn}, {when}", h.scenario);
                                    if ui.button(label).clicked() {
                                        clicked = Some(entry.path.clone());
                                    }
                                }
                                Err(d) => {
                                    let place = tr!(lang, "files-at", line = d.line, column = d.column);
                                    ui.label(format!("⚠ {name} ({place}): {}", d.message_in(lang)))
                                        .on_hover_text(d.help_in(lang));
                                }
                            }
                        }
                    }
                    Rows::Replays(listed) => {
                        if listed.is_empty() {
                            ui.label(tr!(lang, "files-no-replays"));
                        }
                        for path in listed {
                            if ui.button(file_name(path)).clicked() {
                                clicked = Some(path.clone());
                            }
                        }
                    }
                });
            });
        opened = clicked.and_then(|path| match listing {
            Listing::Saves => open_save(&path, files, lang),
            Listing::Replays => open_replay(&path, files, lang),
        });
        if !keep_open || opened.is_some() || files.doubt.is_some() {
            files.open = None;
        }
    }
    if let Some(doubt) = files.doubt.take() {
        let mut decided = None;
        egui::Window::new(tr!(lang, "files-changed-title"))
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(tr!(lang, "files-changed", scenario = doubt.save.scenario.as_str()));
                ui.horizontal(|ui| {
                    if ui.button(tr!(lang, "files-try-anyway")).clicked() {
                        decided = Some(true);
                    }
                    if ui.button(tr!(lang, "files-cancel")).clicked() {
                        decided = Some(false);
                    }
                });
            });
        match decided {
            Some(true) => opened = restore(&doubt.path, &doubt.save, doubt.scenario.clone(), files, lang),
            Some(false) => {}
            None => files.doubt = Some(doubt),
        }
    }
    if let Some(message) = files.message.clone() {
        egui::Area::new(egui::Id::new("files-message")).anchor(egui::Align2::RIGHT_TOP, [-12.0, 76.0]).show(
            ctx,
            |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(720.0);
                    ui.horizontal(|ui| {
                        // A diagnostic keeps its columns; a sentence reads better in the body font.
                        let text = egui::RichText::new(message.as_str());
                        ui.label(if message.contains('\n') { text.monospace() } else { text });
                        if ui.small_button("✖").clicked() {
                            files.message = None;
                        }
                    });
                });
            },
        );
    }
    if let Some(session) = opened {
        commands.insert_resource(session);
        next.set(Screen::Play);
    }
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()
}
