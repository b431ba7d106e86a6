//! Fonts: egui's own fonts, with DejaVu Sans (shipped in `assets/fonts/`,
//! Bitstream Vera licence) behind them for the glyphs they lack, such as
//! Cyrillic. The font is built into the binary, so the game finds it from
//! any working folder.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::sync::Arc;

/// DejaVu Sans: Latin with every Spanish accent, Cyrillic, arrows and symbols.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, install_fonts.run_if(run_once));
}

fn install_fonts(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("dejavu".into(), Arc::new(egui::FontData::from_static(DEJAVU_SANS)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("dejavu".into());
    }
    ctx.set_fonts(fonts);
    Ok(())
}
