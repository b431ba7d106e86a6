//! The title screen: choose a scenario (every file in `scenarios/`, broken
//! ones marked with their problems), a side, the AI, a seed and a language.

use super::{Screen, Seat, Session, Settings};
use crate::ai::Policy;
use crate::scenario::{Lang, Scenario, load_scenario_file, mods_dir, render_all};
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
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let es = settings.lang == Lang::Es;
    let t = |en: &'static str, es_text: &'static str| if es { es_text } else { en };
    egui::Window::new("Petrograd 1917")
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            // With a large scale (projector mode) the title may be taller than the window.
            let room = ctx.content_rect().height() - 60.0;
            egui::ScrollArea::vertical().max_height(room).min_scrolled_height(room).show(ui, |ui| {
                ui.vertical_centered(|ui| ui.label(egui::RichText::new("Петроград · октябрь 1917").italics()));
                ui.separator();
                ui.strong(t("Scenario", "Escenario"));
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
                                    ui.collapsing(
                                        format!("⚠ {name}: {}", t("broken, see why", "con errores, ver por qué")),
                                        |ui| {
                                            egui::ScrollArea::both().max_height(260.0).max_width(500.0).show(
                                                ui,
                                                |ui| {
                                                    let text = egui::RichText::new(problems).monospace();
                                                    ui.add(
                                                        egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend),
                                                    );
                                                },
                                            );
                                        },
                                    );
                                }
                            }
                        }
                    }
                    _ => {
                        ui.label(t("No scenario files found in scenarios/.", "No hay escenarios en scenarios/."));
                    }
                }
                if let Some(dir) = catalogue.as_ref().and_then(|c| c.1.as_ref()) {
                    ui.small(format!("{} {}", t("Your own scenarios go in", "Tus escenarios van en"), dir.display()));
                }
                ui.separator();
                ui.strong(t("Play as", "Jugar como"));
                ui.horizontal_wrapped(|ui| {
                    ui.radio_value(&mut settings.seat, Seat::Mrc, t("the MRC", "el CMR"));
                    ui.radio_value(&mut settings.seat, Seat::Government, t("the Government", "el Gobierno"));
                    ui.radio_value(
                        &mut settings.seat,
                        Seat::HotSeat,
                        t("two players (hot-seat)", "dos jugadores (en el mismo ordenador)"),
                    );
                    ui.radio_value(
                        &mut settings.seat,
                        Seat::Watch,
                        t("watch AI against AI", "ver a la IA contra la IA"),
                    );
                    ui.radio_value(
                        &mut settings.seat,
                        Seat::History,
                        t("watch history (for a class)", "ver la historia (para una clase)"),
                    );
                });
                ui.horizontal(|ui| {
                    ui.label(t("AI:", "IA:"));
                    ui.radio_value(&mut settings.policy, Policy::Heuristic, t("heuristic", "heurística"));
                    ui.radio_value(&mut settings.policy, Policy::Historical, t("historical", "histórica"));
                });
                ui.horizontal(|ui| {
                    ui.label(t("Seed:", "Semilla:"));
                    ui.add(egui::DragValue::new(&mut settings.seed));
                    ui.label(t("Language:", "Idioma:"));
                    ui.selectable_value(&mut settings.lang, Lang::En, "English");
                    ui.selectable_value(&mut settings.lang, Lang::Es, "Español");
                    ui.label(t("UI scale:", "Escala:"));
                    ui.add(egui::Slider::new(&mut settings.ui_scale, 1.0..=2.0).step_by(0.25));
                });
                ui.checkbox(
                    &mut settings.projector,
                    t("Projector mode: large type, high contrast", "Modo proyector: letra grande, alto contraste"),
                );
                ui.separator();
                let chosen = catalogue
                    .as_ref()
                    .and_then(|c| c.0.iter().find(|(p, _)| Some(p) == settings.scenario.as_ref()))
                    .and_then(|(_, r)| r.as_ref().ok().cloned());
                if let Some(sc) = &chosen {
                    ui.label(sc.file.description.get(settings.lang));
                    if !sc.file.variants.is_empty() {
                        variant_choice(ui, &mut settings, sc, t);
                    }
                    ui.separator();
                }
                ui.horizontal(|ui| {
                    if ui.add_enabled(chosen.is_some(), egui::Button::new(t("Start", "Empezar"))).clicked()
                        && let Some(sc) = chosen.clone()
                    {
                        commands.insert_resource(Session::new(sc, &settings));
                        next.set(Screen::Play);
                    }
                    let has_variants = chosen.as_ref().is_some_and(|sc| !sc.file.variants.is_empty());
                    let button = egui::Button::new(t("What if… (statistics)", "¿Y si…? (estadísticas)"));
                    if ui.add_enabled(has_variants, button).clicked()
                        && let Some(sc) = chosen.clone()
                    {
                        commands.insert_resource(super::whatif::WhatIf::new(sc, settings.variant.clone()));
                        next.set(Screen::WhatIf);
                    }
                });
            });
        });
    Ok(())
}

/// The "what if" variants of the chosen scenario: history as it happened, or one
/// of them, with its explanation.
fn variant_choice(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    sc: &Scenario,
    t: impl Fn(&'static str, &'static str) -> &'static str,
) {
    let lang = settings.lang;
    ui.add_space(4.0);
    ui.strong(t("What if…", "¿Y si…?"));
    ui.radio_value(&mut settings.variant, None, t("As it happened", "Tal como ocurrió"));
    for v in &sc.file.variants {
        ui.radio_value(&mut settings.variant, Some(v.id.clone()), v.title.get(lang));
    }
    if let Some(v) = settings.variant.as_ref().and_then(|id| sc.file.variants.iter().find(|v| &v.id == id)) {
        let refs: String = v.sources.iter().map(|s| format!("[{s}]")).collect();
        ui.label(egui::RichText::new(format!("{} {refs}", v.explanation.get(lang))).italics());
    }
}
