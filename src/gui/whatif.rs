//! The "what if" screen: plays a batch of games of a variant beside a batch of
//! the scenario as it happened, on a background thread, and plots both: how the
//! games ended, and the garrison's loyalty over time.

use super::{Screen, Settings};
use crate::ai::Policy;
use crate::batch::{Batch, Report};
use crate::game::Players;
use crate::scenario::{Lang, Scenario};
use crate::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, whatif_ui.run_if(in_state(Screen::WhatIf)));
}

/// The screen's state: the scenario, the variant and the size of the batches,
/// and the batches being played or their reports.
#[derive(Resource)]
pub struct WhatIf {
    pub scenario: Arc<Scenario>,
    pub variant: Option<String>,
    pub runs: usize,
    job: Option<Job>,
    /// The reports: as it happened, and with the variant.
    results: Option<(Report, Report)>,
    /// The variant whose batches are being played or shown: when the chosen
    /// one differs (on opening the screen, or after another is chosen), its
    /// batches are started, so the plots never show another variant's games.
    played: Option<String>,
}

impl WhatIf {
    /// The screen for a scenario, with a variant chosen if one is.
    pub fn new(scenario: Arc<Scenario>, variant: Option<String>) -> WhatIf {
        let variant = variant.or_else(|| scenario.file.variants.first().map(|v| v.id.clone()));
        WhatIf { scenario, variant, runs: 200, job: None, results: None, played: None }
    }
}

/// Starts the chosen variant's batches, unless they are being played or shown already.
fn keep_up(w: &mut WhatIf, seed: u64) {
    if w.played != w.variant {
        w.played = w.variant.clone();
        w.results = None;
        w.job = start(w, seed);
    }
}

/// Two batches being played on a thread.
struct Job {
    done: Arc<AtomicUsize>,
    total: usize,
    result: Arc<Mutex<Option<(Report, Report)>>>,
}

/// Starts both batches on a background thread. (The screen asks the window
/// to wake while they are played, so it shows their progress and their reports.)
fn start(w: &WhatIf, seed: u64) -> Option<Job> {
    let varied = Arc::new(w.scenario.with_variant(w.variant.as_deref()?).ok()?);
    let heuristic = Players { mrc: Policy::Heuristic, government: Policy::Heuristic };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let batches = [w.scenario.clone(), varied].map(|scenario| Batch {
        scenario,
        players: heuristic,
        runs: w.runs,
        seed,
        threads,
    });
    let done = Arc::new(AtomicUsize::new(0));
    let result = Arc::new(Mutex::new(None));
    let (counter, slot) = (done.clone(), result.clone());
    let spawned = std::thread::Builder::new().name("what-if".into()).spawn(move || {
        let mut reports = Vec::new();
        for batch in &batches {
            let runs = batch.play(&|_| {
                counter.fetch_add(1, Ordering::Relaxed);
            });
            reports.push(Report::of(batch, &runs));
        }
        let varied = reports.pop().expect("two reports");
        let history = reports.pop().expect("two reports");
        *slot.lock().expect("the screen never panics holding it") = Some((history, varied));
    });
    spawned.ok().map(|_| Job { done, total: 2 * w.runs, result })
}

fn whatif_ui(
    mut contexts: EguiContexts,
    mut screen: ResMut<WhatIf>,
    settings: Res<Settings>,
    mut next: ResMut<NextState<Screen>>,
    mut wake_ups: ResMut<super::idle::WakeUps>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let lang = settings.lang;
    let w = &mut *screen;
    // A finished job hands over its reports.
    if let Some(job) = &w.job
        && let Some(reports) = job.result.lock().ok().and_then(|mut r| r.take())
    {
        w.results = Some(reports);
        w.job = None;
    }
    let mut root = egui::Ui::new(
        ctx.clone(),
        "what-if".into(),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui.button(tr!(lang, "whatif-back")).clicked() {
                next.set(Screen::Title);
            }
            ui.heading(format!("{} — {}", tr!(lang, "whatif-heading"), w.scenario.file.title.get(lang)));
        });
        ui.separator();
        let busy = w.job.is_some();
        ui.add_enabled_ui(!busy, |ui| {
            for v in &w.scenario.file.variants {
                ui.radio_value(&mut w.variant, Some(v.id.clone()), v.title.get(lang));
            }
            ui.horizontal(|ui| {
                ui.label(tr!(lang, "whatif-games-of-each"));
                ui.add(egui::Slider::new(&mut w.runs, 20..=2000).logarithmic(true));
                if ui.button(tr!(lang, "whatif-play")).clicked() {
                    // Played again, with as many games as now chosen.
                    w.played = None;
                }
            });
        });
        keep_up(w, settings.seed);
        if let Some(v) = w.variant.as_ref().and_then(|id| w.scenario.file.variants.iter().find(|v| &v.id == id)) {
            let refs = crate::chronicle::cite(&v.sources);
            ui.label(egui::RichText::new(format!("{} {refs}", v.explanation.get(lang))).italics());
        }
        if let Some(job) = &w.job {
            let done = job.done.load(Ordering::Relaxed);
            ui.add(
                egui::ProgressBar::new(done as f32 / job.total.max(1) as f32).text(format!("{done} / {}", job.total)),
            );
        }
        ui.label(tr!(lang, "whatif-heuristic"));
        ui.separator();
        if let Some((history, varied)) = &w.results {
            plots(ui, history, varied, lang);
        }
    });
    // While the games are played, the window wakes to draw their progress: a
    // window that draws only on input would show neither it nor the reports.
    // (Ten times a second: drawing without pause took a core from the games.)
    if screen.job.is_some() {
        wake_ups.every(std::time::Duration::from_millis(100));
    }
    Ok(())
}

/// How the games ended, and the garrison's mean loyalty over time, for both batches.
fn plots(ui: &mut egui::Ui, history: &Report, varied: &Report, lang: Lang) {
    let as_it_was = tr!(lang, "whatif-as-it-happened");
    let what_if = tr!(lang, "whatif-what-if");
    let outcome = |r: &Report, shift: f64, name: &str, colour: egui::Color32| {
        let share = |n: usize| 100.0 * n as f64 / r.runs.max(1) as f64;
        let bars = [r.wins.mrc, r.wins.government, r.wins.draw]
            .iter()
            .enumerate()
            .map(|(i, n)| Bar::new(i as f64 + shift, share(*n)).width(0.35))
            .collect();
        BarChart::new(name, bars).color(colour)
    };
    let labels = [tr!(lang, "whatif-mrc-wins"), tr!(lang, "whatif-government-wins"), tr!(lang, "whatif-draw")];
    ui.strong(tr!(lang, "whatif-outcomes"));
    Plot::new("outcomes")
        .legend(Legend::default())
        .height(ui.available_height() * 0.45)
        .include_y(0.0)
        .include_y(100.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 0.01 && (0.0..3.0).contains(&i) {
                labels[i as usize].clone()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(outcome(history, -0.18, &as_it_was, egui::Color32::from_rgb(120, 120, 120)));
            plot.bar_chart(outcome(varied, 0.18, &what_if, egui::Color32::from_rgb(178, 34, 34)));
        });
    ui.strong(tr!(lang, "whatif-loyalty"));
    let line = |r: &Report, name: &str, colour: egui::Color32| {
        let points: PlotPoints =
            r.loyalty_by_turn.iter().enumerate().map(|(t, l)| [t as f64 + 1.0, *l as f64]).collect();
        Line::new(name, points).color(colour).width(2.0)
    };
    Plot::new("loyalty").legend(Legend::default()).height(ui.available_height()).allow_drag(false).show(ui, |plot| {
        plot.line(line(history, &as_it_was, egui::Color32::from_rgb(120, 120, 120)));
        plot.line(line(varied, &what_if, egui::Color32::from_rgb(178, 34, 34)));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_of_the_variant_is_played_beside_one_of_history() {
        let mut w = WhatIf::new(crate::testing::historical(), Some("cossacks_stand_firm".into()));
        w.runs = 6;
        let job = start(&w, 1917).expect("the job starts");
        let (history, varied) = loop {
            if let Some(r) = job.result.lock().unwrap().take() {
                break r;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!(job.done.load(Ordering::Relaxed), 12, "both batches were counted");
        assert_eq!((history.runs, varied.runs), (6, 6));
        assert_eq!((history.variant, varied.variant.as_deref()), (None, Some("cossacks_stand_firm")));
        assert!(!varied.loyalty_by_turn.is_empty());
    }

    #[test]
    fn the_chosen_variant_is_played_on_opening_and_again_when_another_is_chosen() {
        let mut w = WhatIf::new(crate::testing::historical(), None);
        w.runs = 2;
        keep_up(&mut w, 1);
        let first = w.job.as_ref().map(|j| j.done.clone()).expect("the first variant is played on opening");
        keep_up(&mut w, 1);
        assert!(Arc::ptr_eq(&first, &w.job.as_ref().unwrap().done), "the same batches go on");
        w.variant = Some("aurora_sails_away".into());
        keep_up(&mut w, 1);
        let second = &w.job.as_ref().expect("the new variant is played").done;
        assert!(!Arc::ptr_eq(&first, second) && w.played.as_deref() == Some("aurora_sails_away"));
    }

    #[test]
    fn the_first_variant_is_chosen_when_none_is() {
        let w = WhatIf::new(crate::testing::historical(), None);
        assert_eq!(w.variant.as_deref(), Some("congress_on_time"));
    }
}
