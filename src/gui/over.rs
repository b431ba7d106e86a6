//! The end of a game: who won and why, the score, and the key moments of this
//! game beside history's, with buttons to play again or go to the title.

use super::{Screen, Session, Settings};
use crate::chronicle;
use crate::chronicle::faction_name;
use crate::scenario::{Lang, Side};
use crate::sim::Happening;
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, over_ui.run_if(in_state(Screen::Over)));
}

/// Where the debrief's handouts are saved: `handouts` in the data folder
/// (`~/.local/share/petrograd1917/handouts` on Linux), else the current folder.
fn handouts_dir() -> std::path::PathBuf {
    crate::scenario::data_dir().map(|d| d.join("handouts")).unwrap_or_else(|| std::path::PathBuf::from("."))
}

/// Writes the handout of the session's game; says where, or why not.
fn save_handout(session: &Session, lang: Lang, form: crate::handout::Form) -> String {
    let dir = handouts_dir();
    let ext = if form == crate::handout::Form::Html { "html" } else { "md" };
    let variant = session.scenario.variant.as_deref().map(|v| format!("-{v}")).unwrap_or_default();
    let lang_id = if lang == Lang::Es { "es" } else { "en" };
    let name = format!("{}{variant}-{}-{lang_id}.{ext}", session.scenario.file.id, session.game.seed);
    let path = dir.join(name);
    let text = crate::handout::write(&session.scenario, session.game.log(), session.game.seed, lang, form);
    let written = crate::save::write_atomic(&path, text.as_bytes());
    match written {
        Ok(()) => tr!(lang, "over-saved", path = path.display().to_string()),
        Err(e) => tr!(lang, "over-not-saved", path = path.display().to_string(), error = e.to_string()),
    }
}

fn over_ui(
    mut contexts: EguiContexts,
    mut session: ResMut<Session>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut saved: Local<Option<String>>,
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
                    time = o.at.iso().replace('T', " "),
                    mrc = o.value_mrc,
                    government = o.value_government
                ));
            }
            ui.separator();
            ui.strong(tr!(lang, "over-beside-history"));
            egui::ScrollArea::vertical().max_height(380.0).show(ui, |ui| {
                egui::Grid::new("moments").striped(true).show(ui, |ui| {
                    ui.strong(tr!(lang, "over-place"));
                    ui.strong(tr!(lang, "over-history"));
                    ui.strong(tr!(lang, "over-this-game"));
                    ui.end_row();
                    for m in &moments {
                        let side = if m.side == Side::Mrc.id() { Side::Mrc } else { Side::Government };
                        ui.label(format!("{} → {}", m.place_name, faction_name(&sc, side, lang)));
                        ui.label(m.history.replace('T', " "));
                        ui.label(m.game.as_deref().map(|g| g.replace('T', " ")).unwrap_or_else(|| "—".into()));
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
            if let Some(text) = saved.as_ref() {
                ui.small(text);
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
