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
//!   Here an idle window waits a minute. egui sometimes asks for a frame a
//!   little later (a tooltip's delay, an animation's next step), and bevy_egui
//!   passes on only requests for a frame now; while egui waits for one, the
//!   window wakes every quarter of a second instead.

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{EguiFullOutput, EguiInput, EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput, egui};
use std::time::Duration;

/// How long a focused window with nothing to do waits before it draws again.
const IDLE_WAIT: Duration = Duration::from_secs(60);
/// How long it waits while egui wants a frame later (two values only: each
/// change of the wait costs a frame).
const SOON_WAIT: Duration = Duration::from_millis(250);

/// How the window waits: long when idle, unfocused or not.
pub fn settings() -> WinitSettings {
    WinitSettings { focused_mode: UpdateMode::reactive(IDLE_WAIT), ..WinitSettings::desktop_app() }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(
        PostUpdate,
        (
            wake_when_egui_waits.after(EguiPostUpdateSet::EndPass).before(EguiPostUpdateSet::ProcessOutput),
            redraw_after_new_letters
                .after(EguiPostUpdateSet::ProcessOutput)
                .before(EguiPostUpdateSet::PostProcessOutput),
        ),
    );
}

/// Whether egui asked, in this pass, for a frame later but not now.
fn wants_a_later_frame(output: &egui::FullOutput) -> bool {
    output.viewport_output.values().any(|v| v.repaint_delay > Duration::ZERO && v.repaint_delay < Duration::MAX)
}

/// Wakes the focused window soon while egui waits for a later frame, and lets it sleep otherwise.
fn wake_when_egui_waits(outputs: Query<&EguiFullOutput>, mut settings: ResMut<WinitSettings>) {
    let later = outputs.iter().any(|o| o.0.as_ref().is_some_and(wants_a_later_frame));
    let mode = UpdateMode::reactive(if later { SOON_WAIT } else { IDLE_WAIT });
    if settings.focused_mode != mode {
        settings.focused_mode = mode;
    }
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
