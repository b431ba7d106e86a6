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

use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy_egui::{EguiInput, EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        drop_unchanged_modifiers.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(
        PostUpdate,
        redraw_after_new_letters.after(EguiPostUpdateSet::ProcessOutput).before(EguiPostUpdateSet::PostProcessOutput),
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
