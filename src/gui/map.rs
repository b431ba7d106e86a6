//! A first map drawn with egui's painter: water lines and areas, and the
//! places coloured and shaped by who holds them.

use crate::scenario::{Lang, PlaceKind, Scenario, Side, WaterKind};
use bevy_egui::egui::{self, Color32, Pos2, Stroke};

fn colour(hex: &str) -> Color32 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x808080);
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Draws the scenario's map filling the panel.
pub fn draw(painter: &egui::Painter, rect: egui::Rect, sc: &Scenario, holders: &[Option<Side>], lang: Lang) {
    // Fit the map's places (not the off-map ones) into the panel.
    let on_map: Vec<(f32, f32)> =
        sc.file.map.places.iter().filter(|p| p.kind != PlaceKind::OffMap).map(|p| p.pos).collect();
    if on_map.is_empty() {
        return;
    }
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for (x, y) in &on_map {
        x0 = x0.min(*x);
        x1 = x1.max(*x);
        y0 = y0.min(*y);
        y1 = y1.max(*y);
    }
    let margin = 600.0;
    let (x0, x1, y0, y1) = (x0 - margin, x1 + margin, y0 - margin, y1 + margin);
    let scale = (rect.width() / (x1 - x0)).min(rect.height() / (y1 - y0));
    let to_screen = |(x, y): (f32, f32)| {
        Pos2::new(rect.center().x + (x - (x0 + x1) / 2.0) * scale, rect.center().y - (y - (y0 + y1) / 2.0) * scale)
    };
    let water = Color32::from_rgb(120, 160, 200);
    for shape in &sc.file.map.water {
        let points: Vec<Pos2> = shape.points.iter().map(|p| to_screen(*p)).collect();
        let width = match shape.kind {
            WaterKind::Area | WaterKind::Island => continue,
            WaterKind::Bank => 1.5,
            WaterKind::Canal => 1.0,
        };
        painter.add(egui::Shape::line(points, Stroke::new(width, water)));
    }
    for (a, b) in &sc.file.map.links {
        let (Some(a), Some(b)) = (sc.place(a), sc.place(b)) else {
            continue;
        };
        let (pa, pb) = (&sc.file.map.places[a], &sc.file.map.places[b]);
        if pa.kind == PlaceKind::OffMap || pb.kind == PlaceKind::OffMap {
            continue;
        }
        painter.line_segment([to_screen(pa.pos), to_screen(pb.pos)], Stroke::new(0.5, Color32::from_gray(170)));
    }
    for (i, p) in sc.file.map.places.iter().enumerate() {
        if p.kind == PlaceKind::OffMap {
            continue;
        }
        let at = to_screen(p.pos);
        let (fill, shape_of) = match holders.get(i).copied().flatten() {
            Some(side) => (colour(&sc.faction(side).colour), Some(side)),
            None => (Color32::from_gray(150), None),
        };
        // Shape as well as colour: circles for the MRC, squares for the Government.
        match shape_of {
            Some(Side::Government) => {
                painter.rect_filled(egui::Rect::from_center_size(at, egui::vec2(9.0, 9.0)), 0.0, fill);
            }
            _ => {
                painter.circle_filled(at, 5.0, fill);
            }
        }
        if p.kind != PlaceKind::District {
            painter.text(
                at + egui::vec2(7.0, 0.0),
                egui::Align2::LEFT_CENTER,
                p.name.get(lang),
                egui::FontId::proportional(11.0),
                Color32::from_gray(30),
            );
        }
    }
}
