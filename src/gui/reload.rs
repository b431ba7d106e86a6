//! Hot reload of the scenario being played. A watcher thread looks at the
//! size and modification time of the scenario file and of its rules file twice
//! a second (a `stat` each, nothing more)
//! and wakes the window only when they change, so an idle game stays idle.
//! A valid new version restarts the game with it, keeping the seats, the seed
//! and the view; a broken one is shown in an overlay with its diagnostics while
//! the last good version keeps running.

use super::{Screen, Session, Settings};
use crate::scenario::{load_scenario_file, render_all};
use crate::tr;
use bevy::prelude::*;
use bevy::winit::{EventLoopProxy, EventLoopProxyWrapper, WinitUserEvent};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the watcher looks at the file.
const LOOK_EVERY: Duration = Duration::from_millis(500);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Reload>()
        .add_systems(OnEnter(Screen::Play), watch)
        .add_systems(Update, reload.run_if(in_state(Screen::Play)))
        .add_systems(OnExit(Screen::Play), |mut commands: Commands, mut status: ResMut<Reload>| {
            commands.remove_resource::<Watcher>();
            *status = Reload::Nothing;
        })
        .add_systems(EguiPrimaryContextPass, overlay.run_if(in_state(Screen::Play)));
}

/// What the last reload gave, for the overlay.
#[derive(Resource, Default)]
pub enum Reload {
    #[default]
    Nothing,
    /// The new version is being played; the name of the file.
    Done(String),
    /// The new version is broken: the file's name and its diagnostics.
    Broken(String, String),
}

/// The watcher of a scenario's files (the scenario and its rules file);
/// dropping it stops its thread.
#[derive(Resource)]
struct Watcher {
    /// The scenario file; the first of the files watched.
    path: PathBuf,
    /// Every file watched.
    files: Vec<PathBuf>,
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Size and modification time, or nothing if the file cannot be read.
fn stamp(path: &PathBuf) -> Option<(u64, std::time::SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

/// The files a scenario is read from: itself, and its rules file if it has one.
fn files_of(scenario: &crate::scenario::Scenario) -> Vec<PathBuf> {
    std::iter::once(&scenario.path).chain(&scenario.rules_path).map(PathBuf::from).collect()
}

/// Starts a thread that looks at the files and raises `changed` (waking the
/// window) when one of them changes.
fn start(files: Vec<PathBuf>, proxy: Option<EventLoopProxy<WinitUserEvent>>) -> Option<Watcher> {
    let path = files.first()?.clone();
    if !path.is_file() {
        return None;
    }
    let changed = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let (flag, halt, watched) = (changed.clone(), stop.clone(), files.clone());
    let spawned = std::thread::Builder::new().name("scenario-watcher".into()).spawn(move || {
        // No stamps yet: the first look always reports, and `reload` compares the contents,
        // so a change made between loading and watching is not missed.
        let mut last = None;
        while !halt.load(Ordering::Relaxed) {
            std::thread::sleep(LOOK_EVERY);
            let now: Option<Vec<_>> = watched.iter().map(stamp).collect();
            if now != last && now.is_some() {
                last = now;
                flag.store(true, Ordering::Relaxed);
                if let Some(p) = &proxy {
                    let _ = p.send_event(WinitUserEvent::WakeUp);
                }
            }
        }
    });
    spawned.ok().map(|_| Watcher { path, files, changed, stop })
}

/// Starts watching the session's files as the game screen opens. A reload
/// keeps them, so one watcher serves the whole stay on the screen (unless the
/// scenario changes its rules file).
fn watch(session: Res<Session>, proxy: Option<Res<EventLoopProxyWrapper>>, mut commands: Commands) {
    if let Some(watcher) = start(files_of(&session.scenario), proxy.map(|p| (**p).clone())) {
        commands.insert_resource(watcher);
    }
}

/// Reads the files again after one of them changed.
fn reload(
    watcher: Option<Res<Watcher>>,
    proxy: Option<Res<EventLoopProxyWrapper>>,
    mut session: ResMut<Session>,
    settings: Res<Settings>,
    mut status: ResMut<Reload>,
    mut commands: Commands,
) {
    let Some(watcher) = watcher else { return };
    if !watcher.changed.swap(false, Ordering::Relaxed) {
        return;
    }
    let name = watcher.path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    // A variant is compared as a variant: the game plays the scenario with it.
    let loaded = load_scenario_file(&watcher.path).map(|base| {
        let hash = match session.scenario.variant.as_deref().map(|v| base.with_variant(v)) {
            Some(Ok(varied)) => varied.content_hash,
            _ => base.content_hash,
        };
        (base, hash)
    });
    match loaded {
        // The same files as the version being played (the watcher's first look, a save
        // without changes, or a fix back to it): nothing to restart, nothing wrong any more.
        Ok((_, hash)) if hash == session.scenario.content_hash => {
            if matches!(*status, Reload::Broken(..)) {
                *status = Reload::Nothing;
            }
        }
        Ok((scenario, _)) => {
            let files = files_of(&scenario);
            if files != watcher.files
                && let Some(new) = start(files, proxy.map(|p| (**p).clone()))
            {
                commands.insert_resource(new);
            }
            let view = session.view;
            *session = Session::new(Arc::new(scenario), &settings);
            session.view = view;
            // The modder has read it already.
            session.briefing = false;
            *status = Reload::Done(name);
        }
        Err(problems) => {
            let text = render_all(&problems);
            *status = Reload::Broken(name, text);
        }
    }
}

fn overlay(mut contexts: EguiContexts, mut status: ResMut<Reload>, settings: Res<Settings>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let mut close = false;
    match &*status {
        Reload::Nothing => {}
        Reload::Done(name) => {
            egui::Window::new(tr!(lang, "reload-done-title"))
                .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
                .collapsible(false)
                .resizable(false)
                .show(ctx, |ui| {
                    ui.label(tr!(lang, "reload-done", file = name.as_str()));
                    close = ui.button("OK").clicked();
                });
        }
        Reload::Broken(name, text) => {
            egui::Window::new(tr!(lang, "reload-broken-title"))
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .collapsible(false)
                .default_width(760.0)
                .max_width(760.0)
                .show(ctx, |ui| {
                    ui.label(tr!(lang, "reload-broken", file = name.as_str()));
                    egui::ScrollArea::both().max_height(420.0).max_width(740.0).show(ui, |ui| {
                        ui.add(
                            egui::Label::new(egui::RichText::new(text).monospace())
                                .wrap_mode(egui::TextWrapMode::Extend),
                        );
                    });
                    close = ui.button(tr!(lang, "reload-close")).clicked();
                });
        }
    }
    if close {
        *status = Reload::Nothing;
    }
    Ok(())
}
