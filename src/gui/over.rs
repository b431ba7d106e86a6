//! The end of a game: who won and why, the score, and the key moments of this
//! game beside history's, with buttons to play again or go to the title.

use super::{Screen, Session, Settings};
use crate::chronicle;
use crate::scenario::Lang;
use crate::sim::Happening;
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, over_ui.run_if(in_state(Screen::Over)));
}

/// Where the debrief's handouts are saved: `handouts` in the data folder
/// (`~/.local/share/petrograd1917/handouts` on Linux), else the current folder.
fn handouts_dir() -> std::path::PathBuf {
    crate::scenario::data_dir().map(|d| d.join("handouts")).unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// What saving a handout came to: what to tell the teacher, and the file if it was written.
struct Saved {
    message: String,
    path: Option<PathBuf>,
}

/// Opens a file in the program the system gives it (a browser for an HTML
/// handout), so that nobody needs a terminal to find it.
/// When it cannot, the error names the program it asked.
fn open_with_system(path: &Path) -> Result<(), String> {
    let (program, first): (&str, &[&str]) = if cfg!(target_os = "windows") {
        ("cmd", &["/C", "start", ""])
    } else if cfg!(target_os = "macos") {
        ("open", &[])
    } else {
        ("xdg-open", &[])
    };
    let started = Command::new(program).args(first).arg(path).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
    let mut child = started.map_err(|e| format!("{program}: {e}"))?;
    // Waited for elsewhere, so that it is not left behind as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Writes the handout of the session's game; says where, or why not.
fn save_handout(session: &Session, lang: Lang, form: crate::handout::Form) -> Saved {
    let dir = handouts_dir();
    let ext = if form == crate::handout::Form::Html { "html" } else { "md" };
    let variant = session.scenario.variant.as_deref().map(|v| format!("-{v}")).unwrap_or_default();
    let lang_id = if lang == Lang::Es { "es" } else { "en" };
    let name = format!("{}{variant}-{}-{lang_id}.{ext}", session.scenario.file.id, session.game.seed);
    let path = dir.join(name);
    let text = crate::handout::write(&session.scenario, session.game.log(), session.game.seed, lang, form);
    let written = crate::save::write_atomic(&path, text.as_bytes());
    match written {
        Ok(()) => Saved { message: tr!(lang, "over-saved", path = path.display().to_string()), path: Some(path) },
        Err(e) => Saved {
            message: tr!(lang, "over-not-saved", path = path.display().to_string(), error = e.to_string()),
            path: None,
        },
    }
}

fn over_ui(
    mut contexts: EguiContexts,
    mut session: ResMut<Session>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut saved: Local<Option<Saved>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let sc = session.scenario.clone();
    let log = session.game.log();
    let outcome_text = log
        .iter()
        .rev()
        .find(|e| matches!(e.what, Happening::Outcome { .. }))
        .map(|e| chronicle::entry(&sc, e, lang).text)
        .unwrap_or_default();
    let moments = chronicle::comparison(&sc, log, lang);
    let mut again = false;
    egui::Window::new(tr!(lang, "over-title"))
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .default_width(640.0)
        .show(ctx, |ui| {
            ui.heading(&outcome_text);
            if let Some(o) = session.game.outcome() {
                ui.label(tr!(
                    lang,
                    "over-result",
                    time = chronicle::short_date_both(o.at, lang),
                    mrc = o.value_mrc,
                    government = o.value_government
                ));
            }
            ui.separator();
            ui.strong(tr!(lang, "over-beside-history"));
            egui::ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
                let (headings, rows) = chronicle::beside_history(&sc, &moments, lang);
                egui::Grid::new("moments").striped(true).show(ui, |ui| {
                    for heading in headings {
                        ui.strong(heading);
                    }
                    ui.end_row();
                    for row in rows {
                        for cell in row {
                            ui.label(cell);
                        }
                        ui.end_row();
                    }
                });
            });
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "over-handout"));
                if ui.button(tr!(lang, "over-save-html")).clicked() {
                    *saved = Some(save_handout(&session, lang, crate::handout::Form::Html));
                }
                if ui.button(tr!(lang, "over-save-markdown")).clicked() {
                    *saved = Some(save_handout(&session, lang, crate::handout::Form::Markdown));
                }
            });
            if let Some(done) = saved.as_mut() {
                ui.horizontal_wrapped(|ui| {
                    ui.small(&done.message);
                    if let Some(path) = &done.path
                        && ui.small_button(tr!(lang, "over-open")).clicked()
                        && let Err(e) = open_with_system(path)
                    {
                        let path = path.display().to_string();
                        done.message = tr!(lang, "over-not-opened", path = path, error = e);
                    }
                });
            }
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "over-play-again")).clicked() {
                    again = true;
                }
                if ui.button(tr!(lang, "over-title-screen")).clicked() {
                    next.set(Screen::Title);
                }
            });
        });
    if again {
        *session = Session::new(sc, &settings);
        next.set(Screen::Play);
    }
    Ok(())
}
