//! Keeps an idle window idle, and draws it once more when that is needed.
//!
//! - bevy_egui 0.42 reports the keyboard modifiers to egui as a new event on
//!   every frame, even when they have not changed; egui answers any event with
//!   an immediate repaint, so the window would redraw forever and burn a core.
//!   This drops the modifier event when the modifiers are the same as last
//!   time, before egui's pass begins.
//! - When a frame uses letters egui had not drawn before (a new screen, the
//!   "what if" results), their images reach the GPU only in the next frame, so
//!   that frame shows gaps where the new letters go. A window that only redraws
//!   on input would keep the gaps until the mouse moved: this asks for one
//!   more frame whenever the font atlas grew.
//! - Bevy's desktop settings draw a focused window every 5 seconds even when
//!   nothing happens, which on a laptop without a GPU costs a share of a core.
//!   Here an idle window waits a minute. (egui's requests for a frame later,
//!   such as a tooltip's delay, need no timer: bevy_egui turns them into
//!   requests for a frame now.)
//!   A screen that works on its own (the game playing itself for a class,
//!   games played for "what if") asks, in each of its frames, for the window
//!   to wake every so often ([`WakeUps::every`]), rather than drawing without
//!   pause (1.7 cores under Xvfb).
//! - That is also why a blinking text cursor redrew the window as fast as it
//!   could (1.6 cores under Xvfb while the seed was edited): the cursor does not blink.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiInput, EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput, egui};
use std::time::Duration;

/// How the window waits for something to happen: a minute when focused, as
/// long as Bevy's desktop settings wait (a minute) when not; every
/// `wake_every`, focused or not, while a screen works on its own.
fn settings(wake_every: Option<Duration>) -> WinitSettings {
    match wake_every {
        Some(wait) => {
            WinitSettings { focused_mode: UpdateMode::reactive(wait), unfocused_mode: UpdateMode::reactive(wait) }
        }
        None => WinitSettings {
            focused_mode: UpdateMode::reactive(Duration::from_secs(60)),
            ..WinitSettings::desktop_app()
        },
    }
}

/// How often the screens at work want the window to wake, asked afresh in
/// each frame: a screen that stops asking (or is left) lets the window sleep.
#[derive(Resource, Default)]
pub struct WakeUps(Option<Duration>);

impl WakeUps {
    /// Asks the window to wake at least every `wait` until the next frame asks again.
    pub fn every(&mut self, wait: Duration) {
        self.0 = Some(self.0.map_or(wait, |w| w.min(wait)));
    }
}

/// Waits as the screens asked in this frame, and forgets their asking.
fn apply_wake_ups(mut wake_ups: ResMut<WakeUps>, mut winit: ResMut<WinitSettings>) {
    let wanted = settings(wake_ups.0.take());
    // Each change of the settings costs a frame: they change only when the asking does.
    if winit.focused_mode != wanted.focused_mode || winit.unfocused_mode != wanted.unfocused_mode {
        *winit = wanted;
    }
}

/// The look `visuals` gives, with a text cursor that does not blink.
pub fn steady_cursor(mut visuals: egui::Visuals) -> egui::Visuals {
    visuals.text_cursor.blink = false;
    visuals
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(settings(None))
        .init_resource::<WakeUps>()
        .add_systems(Last, apply_wake_ups)
        .add_systems(
            PreUpdate,
            drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
        )
        .add_systems(
            PostUpdate,
            redraw_after_new_letters
                .after(EguiPostUpdateSet::ProcessOutput)
                .before(EguiPostUpdateSet::PostProcessOutput),
        );
}

fn redraw_after_new_letters(outputs: Query<&EguiRenderOutput>, mut redraw: MessageWriter<RequestRedraw>) {
    if outputs.iter().any(|output| !output.textures_delta.set.is_empty()) {
        redraw.write(RequestRedraw);
    }
}

fn drop_unchanged_modifiers(mut inputs: Query<&mut EguiInput>, mut last: Local<Option<egui::Modifiers>>) {
    for mut input in &mut inputs {
        input.events.retain(|event| match event {
            egui::Event::ModifiersChanged(m) => {
                let changed = *last != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
    }
}
