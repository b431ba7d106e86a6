//! A scripted session for the window test: with `PETROGRAD_WINDOW_SCRIPT` set
//! to a PNG path, the window starts a game as the MRC, selects Smolny, gives
//! the first order the orders panel offers there, ends the turn, makes the
//! quick save, saves a screenshot to that path and exits: status 0 if every
//! step worked.

use super::play::{end_turn, offers};
use super::{Screen, Seat, Session, Settings};
use crate::scenario::load_scenario_file;
use crate::sim;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::RequestRedraw;
use std::path::PathBuf;
use std::sync::Arc;

/// The environment variable that turns the script on; its value is the screenshot's path.
pub const SCRIPT_VAR: &str = "PETROGRAD_WINDOW_SCRIPT";

#[derive(Resource)]
struct Script {
    shot: PathBuf,
    frame: u32,
    step: u32,
}

pub(super) fn plugin(app: &mut App) {
    if let Some(path) = std::env::var_os(SCRIPT_VAR) {
        app.insert_resource(Script { shot: PathBuf::from(path), frame: 0, step: 0 }).add_systems(Update, run_script);
    }
}

fn fail(exit: &mut MessageWriter<AppExit>, why: &str) {
    error!("window script failed: {why}");
    exit.write(AppExit::error());
}

fn run_script(
    mut script: ResMut<Script>,
    mut commands: Commands,
    settings: Res<Settings>,
    mut session: Option<ResMut<Session>>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    // The window only updates on events; keep it going while the script runs.
    redraw.write(RequestRedraw);
    script.frame += 1;
    if script.frame % 10 != 0 {
        return;
    }
    match (script.step, state.get()) {
        (0, Screen::Title) => {
            let path = std::path::Path::new(crate::HISTORICAL_SCENARIO);
            let Ok(sc) = load_scenario_file(path) else {
                return fail(&mut exit, "the historical scenario does not load");
            };
            let settings = Settings { seat: Seat::Mrc, ..settings.clone() };
            commands.insert_resource(Session::new(Arc::new(sc), &settings));
            next.set(Screen::Play);
            script.step = 1;
        }
        (1, Screen::Play) => {
            let Some(session) = session.as_mut() else { return };
            let Some(smolny) = session.scenario.place("smolny") else { return fail(&mut exit, "no Smolny") };
            session.selected = Some(smolny);
            let offer = offers(session, smolny, settings.lang).into_iter().find(|o| o.verdict.is_ok());
            let Some(offer) = offer else { return fail(&mut exit, "no order can be given at Smolny") };
            info!("window script: giving \"{}\"", offer.label);
            if let Err(r) = sim::submit(&mut session.game.world, offer.order) {
                return fail(&mut exit, &format!("the order was refused: {}", r.0.en));
            }
            script.step = 2;
        }
        (2, Screen::Play) => {
            let Some(session) = session.as_mut() else { return };
            end_turn(session);
            session.notices.clear();
            let turn = session.game.world.resource::<sim::Clock>().turn;
            if turn != 2 {
                return fail(&mut exit, &format!("the turn did not resolve (turn {turn})"));
            }
            script.step = 3;
        }
        (3, Screen::Play) => {
            let Some(session) = session.as_ref() else { return };
            info!("window script: {}", super::files::quick_save(session, crate::scenario::Lang::En));
            commands.spawn(Screenshot::primary_window()).observe(save_to_disk(script.shot.clone()));
            script.step = 4;
        }
        (4, _) => {
            if script.shot.exists() {
                info!("window script: screenshot saved to {}", script.shot.display());
                exit.write(AppExit::Success);
                script.step = 5;
            } else if script.frame > 3000 {
                fail(&mut exit, "the screenshot was never written");
            }
        }
        _ => {}
    }
}
