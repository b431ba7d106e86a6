//! The game window. For now a first view: the water and the places of the
//! scenario drawn with egui, who holds each place, the clock, the chronicle,
//! and a button that lets the AI play the next turn. The full game screens
//! build on this. The gui reads the simulation and sends orders; it never
//! applies rules itself.

mod idle;
mod map;

use crate::ai::{self, AiMemory};
use crate::chronicle;
use crate::game::Players;
use crate::scenario::{Lang, Side, load_scenario_file};
use crate::sim::{self, Clock, CommandPoints, GameOver, ScenarioRes, SimLog, SimPlugin};
use bevy::prelude::*;
use bevy::winit::WinitSettings;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use std::process::ExitCode;
use std::sync::Arc;

/// Whether a display is available for a window.
pub fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"].iter().any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

/// Opens the game window, or explains why it cannot.
pub fn run_window() -> ExitCode {
    if !display_available() {
        eprintln!(
            "There is no display to open the game window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n\
             To play the historical scenario without a window, run:\n\n    cargo run --release -- chronicle\n"
        );
        return ExitCode::from(2);
    }
    let scenario = match load_scenario_file(std::path::Path::new(crate::HISTORICAL_SCENARIO)) {
        Ok(s) => Arc::new(s),
        Err(diags) => {
            for d in diags {
                eprintln!("{d}\n");
            }
            return ExitCode::from(1);
        }
    };
    let exit = App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Petrograd 1917".into(),
                resolution: (1280, 800).into(),
                ..default()
            }),
            ..default()
        }))
        .insert_resource(WinitSettings::desktop_app())
        .insert_resource(ClearColor(Color::srgb(0.93, 0.90, 0.83)))
        .add_plugins(EguiPlugin::default())
        .add_plugins(idle::plugin)
        .add_plugins(SimPlugin { scenario, seed: crate::DEFAULT_SEED })
        .insert_resource(Driver {
            players: Players::HISTORICAL,
            memory: Default::default(),
            lang: Lang::En,
            step: false,
        })
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, panels)
        .add_systems(Update, play_requested_turn)
        .run();
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Who plays, what they remember, and whether a turn was asked for.
#[derive(Resource)]
struct Driver {
    players: Players,
    memory: [AiMemory; 2],
    lang: Lang,
    step: bool,
}

fn play_requested_turn(world: &mut World) {
    if !world.resource::<Driver>().step || sim::is_over(world) {
        world.resource_mut::<Driver>().step = false;
        return;
    }
    let mut driver = world.remove_resource::<Driver>().expect("driver exists");
    driver.step = false;
    for (i, side) in Side::ALL.into_iter().enumerate() {
        ai::play(world, side, driver.players.policy(side), &mut driver.memory[i]);
    }
    sim::end_turn(world);
    world.insert_resource(driver);
}

#[allow(clippy::too_many_arguments)]
fn panels(
    mut contexts: EguiContexts,
    scenario: Res<ScenarioRes>,
    clock: Res<Clock>,
    command: Res<CommandPoints>,
    log: Res<SimLog>,
    over: Res<GameOver>,
    mut driver: ResMut<Driver>,
    holders: Query<(&sim::PlaceId, &sim::Holder)>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let sc = &scenario.0;
    let lang = driver.lang;
    let mut holder_of = vec![None; sc.file.map.places.len()];
    for (id, h) in &holders {
        holder_of[id.0] = h.0;
    }
    egui::Window::new(sc.file.title.get(lang)).default_pos([10.0, 10.0]).default_width(380.0).show(ctx, |ui| {
        let j = clock.now.julian();
        let g = clock.now.gregorian();
        ui.heading(format!(
            "{} {} {:02}:{:02}  ({} {} greg.)",
            j.day,
            chronicle::month_name(j.month, lang),
            j.hour,
            j.minute,
            g.day,
            chronicle::month_name(g.month, lang)
        ));
        ui.label(format!("Turn {} of {}", clock.turn, sc.total_turns()));
        ui.label(format!(
            "Command — {}: {}   {}: {}",
            chronicle::faction_name(sc, Side::Mrc, lang),
            command.mrc,
            chronicle::faction_name(sc, Side::Government, lang),
            command.government
        ));
        ui.horizontal(|ui| {
            if ui.add_enabled(over.0.is_none(), egui::Button::new("Next turn (AI plays both sides)")).clicked() {
                driver.step = true;
            }
            ui.selectable_value(&mut driver.lang, Lang::En, "EN");
            ui.selectable_value(&mut driver.lang, Lang::Es, "ES");
        });
        ui.separator();
        egui::ScrollArea::vertical().max_height(520.0).stick_to_bottom(true).show(ui, |ui| {
            for e in log.0.iter().filter(|e| chronicle::is_told(&e.what)) {
                let entry = chronicle::entry(sc, e, lang);
                ui.label(format!("{} {}", e.time.clock(), entry.text));
            }
        });
    });
    let painter = ctx.layer_painter(egui::LayerId::background());
    map::draw(&painter, ctx.viewport_rect(), sc, &holder_of, lang);
    Ok(())
}
