//! The game window: a title screen, the game itself and the debrief, drawn
//! with bevy_egui. The gui reads the simulation and sends orders through
//! `sim::submit`; it never applies rules itself.

mod counters;
mod files;
mod fit_screen;
mod fonts;
mod idle;
mod labels;
mod map;
mod over;
mod play;
mod playback;
mod reload;
mod script;
mod shapes;
mod title;
mod whatif;

use crate::ai::Policy;
use crate::game::{Game, Players};
use crate::scenario::{Lang, Scenario, Side};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use std::path::PathBuf;
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
    let exit = App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "Petrograd 1917".into(),
                resolution: (1280, 800).into(),
                ..default()
            }),
            ..default()
        }))
        .insert_resource(ClearColor(Color::srgb(0.93, 0.90, 0.83)))
        .add_plugins(EguiPlugin::default())
        .add_plugins((idle::plugin, fonts::plugin, plugin))
        .run();
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// The screens of the game.
#[derive(States, Default, Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Screen {
    #[default]
    Title,
    Play,
    Over,
    /// Batches of a variant beside history, plotted.
    WhatIf,
}

/// Who sits at the keyboard.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Seat {
    /// The player leads the MRC against the AI.
    Mrc,
    /// The player leads the Government against the AI.
    Government,
    /// Two players take turns at one keyboard.
    HotSeat,
    /// The AI plays both sides.
    Watch,
    /// Both sides follow history, with playback controls and narration: for a class.
    History,
}

impl Seat {
    /// The sides played by people.
    pub fn humans(self) -> Vec<Side> {
        match self {
            Seat::Mrc => vec![Side::Mrc],
            Seat::Government => vec![Side::Government],
            Seat::HotSeat => vec![Side::Government, Side::Mrc],
            Seat::Watch | Seat::History => vec![],
        }
    }
}

/// The choices made on the title screen.
#[derive(Resource, Clone)]
pub struct Settings {
    pub scenario: Option<PathBuf>,
    pub seat: Seat,
    pub policy: Policy,
    pub seed: u64,
    pub lang: Lang,
    pub ui_scale: f32,
    /// A "what if" variant of the scenario, by id.
    pub variant: Option<String>,
    /// Projector mode: a large scale, high contrast, and the narration in big type.
    pub projector: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            scenario: None,
            seat: Seat::Mrc,
            policy: Policy::Heuristic,
            seed: crate::DEFAULT_SEED,
            lang: Lang::from_system(),
            ui_scale: 1.0,
            variant: None,
            projector: false,
        }
    }
}

/// A game being played in the window.
#[derive(Resource)]
pub struct Session {
    pub game: Game,
    pub scenario: Arc<Scenario>,
    pub water: map::WaterMesh,
    pub view: Option<map::View>,
    pub selected: Option<usize>,
    pub humans: Vec<Side>,
    /// The side giving orders now (hot-seat: the one at the keyboard).
    pub giving: Side,
    /// Hot-seat: the neutral screen shown before this side's turn.
    pub curtain: Option<Side>,
    /// Chronicle filters.
    pub filter_side: Option<Side>,
    pub filter_selected: bool,
    /// Log entries (indices) of scenario events to show in a pop-up.
    pub notices: Vec<usize>,
    /// Where the log of the turn last played begins, for the narration.
    pub narration_from: usize,
    /// The scenario's description is shown before the first order (the tutorial's first lesson).
    pub briefing: bool,
    /// Watching AI against AI: playing, and seconds between turns.
    pub playing: bool,
    pub seconds_per_turn: f32,
    pub paused_menu: bool,
    /// What changed in the last turn, for the map.
    pub recent: map::Recent,
}

impl Session {
    /// Resolves the turn, then notes what changed for the map and which events to show.
    pub fn resolve_turn(&mut self, play_ai: bool) {
        let before = self.game.log().len();
        if play_ai {
            self.game.step();
        } else {
            self.game.resolve();
        }
        self.note_turn(before);
    }

    /// Notes what the turn whose log begins at `before` changed: for the map,
    /// the narration and the pop-ups.
    pub fn note_turn(&mut self, before: usize) {
        let log = &self.game.log()[before..];
        let mut recent = map::Recent::default();
        for e in log {
            match e.what {
                crate::sim::Happening::Control { .. } => recent.flipped.extend(e.place),
                crate::sim::Happening::Moved { from } => {
                    if let (Some(u), Some(to)) = (e.unit, e.place) {
                        match recent.moves.iter_mut().find(|(m, _, _)| *m == u) {
                            Some(m) => m.2 = to,
                            None => recent.moves.push((u, from, to)),
                        }
                    }
                }
                _ => {}
            }
        }
        self.recent = recent;
        self.narration_from = before;
        self.notices = (before..self.game.log().len())
            .filter(|i| matches!(self.game.log()[*i].what, crate::sim::Happening::Event { .. }))
            .collect();
    }

    /// A new game of the scenario (with the variant chosen, if it has it) with the settings.
    pub fn new(scenario: Arc<Scenario>, settings: &Settings) -> Session {
        // A scenario that already plays a variant (play again) keeps it as it is.
        let scenario = match settings.variant.as_deref().filter(|_| scenario.variant.is_none()) {
            Some(v) => scenario.with_variant(v).map(Arc::new).unwrap_or(scenario),
            None => scenario,
        };
        let policy = if settings.seat == Seat::History { Policy::Historical } else { settings.policy };
        let players = Players { mrc: policy, government: policy };
        let game = Game::new(scenario.clone(), settings.seed, players);
        Session::of_game(scenario, game, settings.seat.humans())
    }

    /// A session around a game already under way (a loaded save, a replay):
    /// `humans` are the sides people play, the rest the game's AIs.
    pub fn of_game(scenario: Arc<Scenario>, game: Game, humans: Vec<Side>) -> Session {
        let giving = humans.first().copied().unwrap_or(Side::Mrc);
        let world = &game.world;
        let fresh = world.resource::<crate::sim::OrdersGiven>().0.is_empty()
            && world.resource::<crate::sim::PendingOrders>().0.is_empty();
        Session {
            game,
            water: map::WaterMesh::new(&scenario),
            scenario,
            view: None,
            selected: None,
            curtain: (humans.len() == 2).then_some(giving),
            humans,
            giving,
            filter_side: None,
            filter_selected: false,
            notices: Vec::new(),
            narration_from: 0,
            briefing: fresh,
            playing: false,
            seconds_per_turn: 1.0,
            paused_menu: false,
            recent: map::Recent::default(),
        }
    }
}

fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Settings>()
        .add_systems(Startup, |mut commands: Commands| {
            // egui antialiases its own shapes, so the camera needs no multisampled target
            // (at 1280×800 that saves 16 MiB of GPU memory).
            commands.spawn((Camera2d, Msaa::Off));
        })
        .add_plugins((
            title::plugin,
            play::plugin,
            playback::plugin,
            over::plugin,
            script::plugin,
            reload::plugin,
            whatif::plugin,
            files::plugin,
            fit_screen::plugin,
        ))
        .add_systems(EguiPrimaryContextPass, apply_ui_scale);
}

/// Applies the UI scale and the look on every screen, at once, when they change.
/// Projector mode scales the UI by at least 1.5 and uses high contrast.
fn apply_ui_scale(
    mut contexts: EguiContexts,
    settings: Res<Settings>,
    mut applied: Local<Option<(f32, bool)>>,
) -> Result {
    let wanted = (settings.ui_scale, settings.projector);
    if *applied != Some(wanted) {
        let ctx = contexts.ctx_mut()?;
        let scale = if settings.projector { settings.ui_scale.max(1.5) } else { settings.ui_scale };
        ctx.set_zoom_factor(scale);
        let look = if settings.projector { playback::projector_visuals() } else { egui::Visuals::dark() };
        ctx.set_visuals(idle::steady_cursor(look));
        *applied = Some(wanted);
    }
    Ok(())
}
