//! The title screen: choose a scenario (every file in `scenarios/`, broken
//! ones marked with their problems), a side, the AI, a seed and a language.

use super::{Screen, Seat, Session, Settings};
use crate::ai::Policy;
use crate::scenario::{Lang, Scenario, load_scenario_file, mods_dir, render_all};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;
use std::sync::Arc;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Title),
        (scan_scenarios, |mut commands: Commands| commands.remove_resource::<Session>()),
    )
    .add_systems(EguiPrimaryContextPass, title_ui.run_if(in_state(Screen::Title)));
}

/// The scenario files found, each loaded or with its problems; and the mods folder.
#[derive(Resource, Default)]
struct Catalogue(Vec<(PathBuf, Result<Arc<Scenario>, String>)>, Option<PathBuf>);

fn scan_scenarios(mut commands: Commands, mut settings: ResMut<Settings>) {
    let mods = mods_dir();
    let list: Vec<_> = crate::scenario::listed_scenario_files()
        .into_iter()
        .map(|f| {
            let loaded = load_scenario_file(&f).map(Arc::new).map_err(|d| render_all(&d));
            (f, loaded)
        })
        .collect();
    if settings.scenario.is_none() {
        settings.scenario =
            list.iter().find(|(p, r)| r.is_ok() && p.ends_with(crate::HISTORICAL_SCENARIO)).map(|(p, _)| p.clone());
    }
    commands.insert_resource(Catalogue(list, mods));
}

fn title_ui(
    mut contexts: EguiContexts,
    mut settings: ResMut<Settings>,
    catalogue: Option<Res<Catalogue>>,
    mut commands: Commands,
    mut files: ResMut<super::files::Files>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    egui::Window::new("Petrograd 1917")
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            let chosen = catalogue
                .as_ref()
                .and_then(|c| c.0.iter().find(|(p, _)| Some(p) == settings.scenario.as_ref()))
                .and_then(|(_, r)| r.as_ref().ok().cloned());
            // With a large scale (projector mode) the choices may be taller than
            // the window: they scroll, and the buttons below them stay in sight.
            let buttons = 2.0 * (ui.spacing().interact_size.y + ui.spacing().item_spacing.y) + 24.0;
            let room = (ctx.content_rect().height() - 60.0 - buttons).max(100.0);
            egui::ScrollArea::vertical().max_height(room).min_scrolled_height(room).show(ui, |ui| {
                ui.vertical_centered(|ui| ui.label(egui::RichText::new("Петроград · октябрь 1917").italics()));
                ui.separator();
                ui.strong(tr!(lang, "title-scenario"));
                match &catalogue {
                    Some(c) if !c.0.is_empty() => {
                        for (path, loaded) in &c.0 {
                            let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                            match loaded {
                                Ok(sc) => {
                                    let label = format!("{} ({name})", sc.file.title.get(settings.lang));
                                    let chosen = settings.scenario.as_ref() == Some(path);
                                    if ui.selectable_label(chosen, label).clicked() && !chosen {
                                        settings.scenario = Some(path.clone());
                                        settings.variant = None;
                                    }
                                }
                                Err(problems) => {
                                    ui.collapsing(format!("⚠ {name}: {}", tr!(lang, "title-broken")), |ui| {
                                        egui::ScrollArea::both().max_height(260.0).max_width(500.0).show(ui, |ui| {
                                            let text = egui::RichText::new(problems).monospace();
                                            ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
                                        });
                                    });
                                }
                            }
                        }
                    }
                    _ => {
                        ui.label(tr!(lang, "title-no-scenarios"));
                    }
                }
                if let Some(dir) = catalogue.as_ref().and_then(|c| c.1.as_ref()) {
                    ui.small(tr!(lang, "title-own-scenarios", folder = dir.display().to_string()));
                }
                ui.separator();
                ui.strong(tr!(lang, "title-play-as"));
                ui.horizontal_wrapped(|ui| {
                    ui.radio_value(&mut settings.seat, Seat::Mrc, tr!(lang, "title-seat-mrc"));
                    ui.radio_value(&mut settings.seat, Seat::Government, tr!(lang, "title-seat-government"));
                    ui.radio_value(&mut settings.seat, Seat::HotSeat, tr!(lang, "title-seat-hot-seat"));
                    ui.radio_value(&mut settings.seat, Seat::Watch, tr!(lang, "title-seat-watch"));
                    ui.radio_value(&mut settings.seat, Seat::History, tr!(lang, "title-seat-history"));
                });
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "title-ai"));
                    ui.radio_value(&mut settings.policy, Policy::Heuristic, tr!(lang, "title-ai-easy"))
                        .on_hover_text(tr!(lang, "title-ai-easy-hint"));
                    ui.radio_value(&mut settings.policy, Policy::Normal, tr!(lang, "title-ai-normal"))
                        .on_hover_text(tr!(lang, "title-ai-normal-hint"));
                    ui.radio_value(&mut settings.policy, Policy::Hard, tr!(lang, "title-ai-hard"))
                        .on_hover_text(tr!(lang, "title-ai-hard-hint"));
                    ui.radio_value(&mut settings.policy, Policy::Historical, tr!(lang, "title-ai-historical"))
                        .on_hover_text(tr!(lang, "title-ai-historical-hint"));
                });
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "title-seed"));
                    ui.add(egui::DragValue::new(&mut settings.seed));
                    ui.label(tr!(lang, "title-language"));
                    ui.selectable_value(&mut settings.lang, Lang::En, "English");
                    ui.selectable_value(&mut settings.lang, Lang::Es, "Español");
                    ui.label(tr!(lang, "title-ui-scale"));
                    ui.add(egui::Slider::new(&mut settings.ui_scale, 1.0..=2.0).step_by(0.25));
                });
                ui.checkbox(&mut settings.projector, tr!(lang, "title-projector"));
                if let Some(sc) = &chosen {
                    ui.separator();
                    ui.label(sc.file.description.get(settings.lang));
                    if !sc.file.variants.is_empty() {
                        variant_choice(ui, &mut settings, sc);
                    }
                }
            });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.add_enabled(chosen.is_some(), egui::Button::new(tr!(lang, "title-start"))).clicked()
                    && let Some(sc) = chosen.clone()
                {
                    commands.insert_resource(Session::new(sc, &settings));
                    next.set(Screen::Play);
                }
                let has_variants = chosen.as_ref().is_some_and(|sc| !sc.file.variants.is_empty());
                let button = egui::Button::new(tr!(lang, "title-what-if-statistics"));
                if ui.add_enabled(has_variants, button).clicked()
                    && let Some(sc) = chosen.clone()
                {
                    commands.insert_resource(super::whatif::WhatIf::new(sc, settings.variant.clone()));
                    next.set(Screen::WhatIf);
                }
            });
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "files-title-load")).clicked() {
                    files.open = Some(super::files::Listing::Saves);
                }
                if ui.button(tr!(lang, "files-title-replay")).clicked() {
                    files.open = Some(super::files::Listing::Replays);
                }
            });
        });
    Ok(())
}

/// The "what if" variants of the chosen scenario: history as it happened, or one
/// of them, with its explanation.
fn variant_choice(ui: &mut egui::Ui, settings: &mut Settings, sc: &Scenario) {
    let lang = settings.lang;
    ui.add_space(4.0);
    ui.strong(tr!(lang, "title-what-if"));
    ui.radio_value(&mut settings.variant, None, tr!(lang, "title-as-it-happened"));
    for v in &sc.file.variants {
        ui.radio_value(&mut settings.variant, Some(v.id.clone()), v.title.get(lang));
    }
    if let Some(v) = settings.variant.as_ref().and_then(|id| sc.file.variants.iter().find(|v| &v.id == id)) {
        let refs = crate::chronicle::cite(&v.sources);
        ui.label(egui::RichText::new(format!("{} {refs}", v.explanation.get(lang))).italics());
    }
}
