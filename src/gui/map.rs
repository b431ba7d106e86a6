//! The map, drawn with egui's painter in the central panel: water filled and
//! outlined, links, bridges (raised ones drawn open), places coloured and shaped
//! by who holds them, and unit counters. Drag pans, the wheel zooms (only over
//! the map, never over a panel), hover shows a tooltip and a click selects.

use super::shapes::triangulate;
use crate::scenario::{Lang, PlaceKind, Scenario, Side, WaterKind};
use crate::sim::facts;
use bevy::prelude::World;
use bevy_egui::egui::{self, Color32, Pos2, Stroke, Vec2};

const LAND: Color32 = Color32::from_rgb(237, 230, 212);
const WATER: Color32 = Color32::from_rgb(160, 190, 218);
const WATER_EDGE: Color32 = Color32::from_rgb(110, 150, 190);

/// Water areas and islands, cut into triangles in map metres.
pub struct WaterMesh {
    areas: Vec<(Vec<(f32, f32)>, Vec<[usize; 3]>)>,
    islands: Vec<(Vec<(f32, f32)>, Vec<[usize; 3]>)>,
}

impl WaterMesh {
    /// Triangulates the scenario's water once.
    pub fn new(sc: &Scenario) -> Self {
        let mut mesh = WaterMesh { areas: Vec::new(), islands: Vec::new() };
        for w in &sc.file.map.water {
            let entry = (w.points.clone(), triangulate(&w.points));
            match w.kind {
                WaterKind::Area => mesh.areas.push(entry),
                WaterKind::Island => mesh.islands.push(entry),
                _ => {}
            }
        }
        mesh
    }
}

/// Where the map is looking: the centre in metres and pixels per metre.
#[derive(Clone, Copy, Debug)]
pub struct View {
    pub centre: (f32, f32),
    pub scale: f32,
}

impl View {
    /// A view that fits the places on the map into a panel of the given size.
    pub fn fit(sc: &Scenario, size: Vec2) -> View {
        let pts: Vec<(f32, f32)> =
            sc.file.map.places.iter().filter(|p| p.kind != PlaceKind::OffMap).map(|p| p.pos).collect();
        let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for (x, y) in pts {
            x0 = x0.min(x);
            x1 = x1.max(x);
            y0 = y0.min(y);
            y1 = y1.max(y);
        }
        let margin = 400.0;
        let scale = (size.x / (x1 - x0 + 2.0 * margin)).min(size.y / (y1 - y0 + 2.0 * margin)).max(0.01);
        View { centre: ((x0 + x1) / 2.0, (y0 + y1) / 2.0), scale }
    }

    fn to_screen(&self, rect: egui::Rect, (x, y): (f32, f32)) -> Pos2 {
        Pos2::new(
            rect.center().x + (x - self.centre.0) * self.scale,
            rect.center().y - (y - self.centre.1) * self.scale,
        )
    }
}

/// What the player did on the map this frame.
#[derive(Default)]
pub struct MapInput {
    pub clicked_place: Option<usize>,
}

/// Most counters drawn side by side at one place; the rest are counted.
const MAX_COUNTERS: usize = 4;

/// One unit's counter: its strength, and a loyalty bar (right and red for the
/// MRC, left and blue for the Government), framed in the colour it leans to.
fn counter(painter: &egui::Painter, world: &World, sc: &Scenario, u: usize, origin: Pos2) {
    let box_rect = egui::Rect::from_min_size(origin, Vec2::new(30.0, 16.0));
    let lean = facts::leaning(world, u).map(|s| colour(&sc.faction(s).colour)).unwrap_or(Color32::from_gray(160));
    painter.rect(box_rect, 2.0, Color32::from_gray(250), Stroke::new(1.0, lean), egui::StrokeKind::Inside);
    let men = facts::strength(world, u);
    let label = if men >= 1000 { format!("{:.1}k", men as f32 / 1000.0) } else { men.to_string() };
    painter.text(
        box_rect.center() - Vec2::new(0.0, 2.0),
        egui::Align2::CENTER_CENTER,
        label,
        egui::FontId::proportional(9.0),
        Color32::from_gray(20),
    );
    let l = facts::loyalty(world, u) as f32 / 100.0;
    let mid = box_rect.center_bottom() + Vec2::new(0.0, -2.5);
    let bar =
        if l >= 0.0 { colour(&sc.faction(Side::Mrc).colour) } else { colour(&sc.faction(Side::Government).colour) };
    painter.line_segment([mid, mid + Vec2::new(l * 13.0, 0.0)], Stroke::new(2.5, bar));
}

fn colour(hex: &str) -> Color32 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x808080);
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

fn fill(
    painter: &egui::Painter,
    rect: egui::Rect,
    view: &View,
    shapes: &[(Vec<(f32, f32)>, Vec<[usize; 3]>)],
    colour: Color32,
) {
    let mut mesh = egui::Mesh::default();
    for (points, tris) in shapes {
        let base = mesh.vertices.len() as u32;
        for p in points {
            mesh.colored_vertex(view.to_screen(rect, *p), colour);
        }
        for [a, b, c] in tris {
            mesh.add_triangle(base + *a as u32, base + *b as u32, base + *c as u32);
        }
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// What changed in the last turn, for highlights and animation.
#[derive(Clone, Debug, Default)]
pub struct Recent {
    /// Places that changed hands.
    pub flipped: Vec<usize>,
    /// Units that moved: (unit, from, to).
    pub moves: Vec<(usize, usize, usize)>,
    /// When the animation started (egui time), set on the first frame drawn.
    pub started: Option<f64>,
}

/// Seconds a moving counter takes to cross the map.
const MOVE_SECONDS: f64 = 0.8;

/// Draws the map of the game in `world` and handles the mouse.
pub fn show(
    ui: &mut egui::Ui,
    world: &World,
    water: &WaterMesh,
    view: &mut View,
    selected: Option<usize>,
    recent: &mut Recent,
    lang: Lang,
) -> MapInput {
    let sc = facts::scenario(world);
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), egui::Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, LAND);

    // Pan and zoom, only when the pointer is over the map itself.
    if response.dragged() {
        let d = response.drag_delta();
        view.centre.0 -= d.x / view.scale;
        view.centre.1 += d.y / view.scale;
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            view.scale = (view.scale * factor).clamp(0.02, 2.0);
        }
    }
    // Keyboard: arrows pan, +/- zoom.
    ui.input(|i| {
        let step = 60.0 / view.scale;
        if i.key_down(egui::Key::ArrowLeft) {
            view.centre.0 -= step * 0.2;
        }
        if i.key_down(egui::Key::ArrowRight) {
            view.centre.0 += step * 0.2;
        }
        if i.key_down(egui::Key::ArrowUp) {
            view.centre.1 += step * 0.2;
        }
        if i.key_down(egui::Key::ArrowDown) {
            view.centre.1 -= step * 0.2;
        }
        if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
            view.scale = (view.scale * 1.25).min(2.0);
        }
        if i.key_pressed(egui::Key::Minus) {
            view.scale = (view.scale / 1.25).max(0.02);
        }
    });

    fill(&painter, rect, view, &water.areas, WATER);
    fill(&painter, rect, view, &water.islands, LAND);
    for w in &sc.file.map.water {
        let width = match w.kind {
            WaterKind::Bank => 1.2,
            WaterKind::Canal => 1.0,
            _ => continue,
        };
        let pts: Vec<Pos2> = w.points.iter().map(|p| view.to_screen(rect, *p)).collect();
        painter.add(egui::Shape::line(pts, Stroke::new(width, WATER_EDGE)));
    }

    let holders = facts::holders(world);
    let places = &sc.file.map.places;
    // Links, faint; those of a raised bridge are dashed and red.
    for (a, b) in &sc.file.map.links {
        let (Some(a), Some(b)) = (sc.place(a), sc.place(b)) else { continue };
        if places[a].kind == PlaceKind::OffMap || places[b].kind == PlaceKind::OffMap {
            continue;
        }
        let (pa, pb) = (view.to_screen(rect, places[a].pos), view.to_screen(rect, places[b].pos));
        let bridge_up = [a, b].iter().any(|p| places[*p].kind == PlaceKind::Bridge && facts::raised(world, *p));
        if bridge_up {
            painter.extend(egui::Shape::dashed_line(
                &[pa, pb],
                Stroke::new(1.5, Color32::from_rgb(190, 60, 40)),
                4.0,
                4.0,
            ));
        } else {
            painter.line_segment([pa, pb], Stroke::new(0.7, Color32::from_gray(175)));
        }
    }

    // Units at each place, for counters.
    let mut units_at: Vec<Vec<usize>> = vec![Vec::new(); places.len()];
    for u in 0..sc.file.units.len() {
        if facts::on_map(world, u) {
            units_at[facts::location(world, u)].push(u);
        }
    }

    let now = ui.input(|i| i.time);
    let started = *recent.started.get_or_insert(now);
    let mut animating = false;
    let pointer = response.hover_pos();
    let mut hovered: Option<(usize, f32)> = None;
    let zoomed_in = view.scale > 0.12;
    for (i, p) in places.iter().enumerate() {
        if p.kind == PlaceKind::OffMap {
            continue;
        }
        let at = view.to_screen(rect, p.pos);
        if !rect.expand(20.0).contains(at) {
            continue;
        }
        if let Some(ptr) = pointer {
            let d = ptr.distance(at);
            if d < 14.0 && hovered.is_none_or(|(_, best)| d < best) {
                hovered = Some((i, d));
            }
        }
        let fill = holders[i].map(|s| colour(&sc.faction(s).colour)).unwrap_or(Color32::from_gray(150));
        let outline = Stroke::new(1.5, Color32::from_gray(40));
        // Shape as well as colour, for colour-blind players:
        // circle = MRC, square = Government, diamond = nobody.
        let r = if p.kind == PlaceKind::District { 4.0 } else { 6.0 };
        match holders[i] {
            Some(Side::Mrc) => {
                painter.circle(at, r, fill, outline);
            }
            Some(Side::Government) => {
                painter.rect(
                    egui::Rect::from_center_size(at, Vec2::splat(2.0 * r)),
                    0.0,
                    fill,
                    outline,
                    egui::StrokeKind::Middle,
                );
            }
            None => {
                let pts = vec![
                    at + Vec2::new(0.0, -r - 1.0),
                    at + Vec2::new(r + 1.0, 0.0),
                    at + Vec2::new(0.0, r + 1.0),
                    at + Vec2::new(-r - 1.0, 0.0),
                ];
                painter.add(egui::Shape::convex_polygon(pts, fill, outline));
            }
        }
        if p.kind == PlaceKind::Bridge {
            // A lowered bridge is a bar; a raised one is two leaves opened apart.
            let top = at + Vec2::new(0.0, -r - 6.0);
            if facts::raised(world, i) {
                let red = Stroke::new(2.0, Color32::from_rgb(190, 60, 40));
                painter.line_segment([top + Vec2::new(-7.0, 3.0), top + Vec2::new(-3.0, -3.0)], red);
                painter.line_segment([top + Vec2::new(7.0, 3.0), top + Vec2::new(3.0, -3.0)], red);
            } else {
                painter.line_segment(
                    [top + Vec2::new(-7.0, 0.0), top + Vec2::new(7.0, 0.0)],
                    Stroke::new(2.0, Color32::from_gray(70)),
                );
            }
        }
        if selected == Some(i) {
            painter.circle_stroke(at, r + 5.0, Stroke::new(2.5, Color32::from_rgb(240, 180, 20)));
        }
        if recent.flipped.contains(&i) {
            painter.circle_stroke(at, r + 9.0, Stroke::new(2.0, Color32::from_rgba_unmultiplied(255, 255, 255, 220)));
        }
        if zoomed_in || matches!(p.kind, PlaceKind::Station | PlaceKind::Bridge) || p.value >= 10 {
            if p.kind != PlaceKind::District {
                let galley_pos = at + Vec2::new(9.0, -2.0);
                let text = p.name.get(lang);
                let font = egui::FontId::proportional(11.0);
                let galley = painter.layout_no_wrap(text.to_string(), font, Color32::from_gray(25));
                let r = egui::Align2::LEFT_BOTTOM.anchor_size(galley_pos, galley.size());
                painter.rect_filled(r.expand(1.0), 2.0, Color32::from_rgba_unmultiplied(255, 255, 255, 160));
                painter.galley(r.min, galley, Color32::from_gray(25));
            }
        }
        // Counters in a row under the place: strength and a loyalty bar each.
        let here = &units_at[i];
        // Zoomed out, crowded places show one badge with their number of units;
        // the selected place, and every place once zoomed in, show the counters.
        let moving_here = recent.moves.iter().any(|(u, _, _)| here.contains(u));
        if !zoomed_in && selected != Some(i) && !moving_here && !here.is_empty() {
            let badge = at + Vec2::new(9.0, 8.0);
            let lean = match (
                here.iter().filter(|u| facts::leaning(world, **u) == Some(Side::Mrc)).count(),
                here.iter().filter(|u| facts::leaning(world, **u) == Some(Side::Government)).count(),
            ) {
                (m, g) if m > g => colour(&sc.faction(Side::Mrc).colour),
                (m, g) if g > m => colour(&sc.faction(Side::Government).colour),
                _ => Color32::from_gray(120),
            };
            painter.circle(badge, 7.0, Color32::from_gray(250), Stroke::new(1.5, lean));
            painter.text(
                badge,
                egui::Align2::CENTER_CENTER,
                here.len().to_string(),
                egui::FontId::proportional(9.0),
                Color32::from_gray(20),
            );
            continue;
        }
        let shown = here.len().min(MAX_COUNTERS);
        for (k, u) in here.iter().enumerate().take(shown) {
            let slot = Vec2::new((k as f32 - (shown as f32 - 1.0) / 2.0) * 32.0 - 15.0, 10.0);
            let mut origin = at + slot;
            if let Some((_, from, _)) = recent.moves.iter().find(|(m, _, _)| m == u) {
                let t = ((now - started) / MOVE_SECONDS).clamp(0.0, 1.0) as f32;
                if t < 1.0 {
                    let start = view.to_screen(rect, places[*from].pos) + slot;
                    let eased = 1.0 - (1.0 - t) * (1.0 - t);
                    origin = start + (origin - start) * eased;
                    animating = true;
                }
            }
            counter(&painter, world, sc, *u, origin);
        }
        if here.len() > shown {
            let last = at + Vec2::new((shown as f32 - (shown as f32 - 1.0) / 2.0) * 32.0 - 13.0, 18.0);
            painter.text(
                last,
                egui::Align2::LEFT_CENTER,
                format!("+{}", here.len() - shown),
                egui::FontId::proportional(10.0),
                Color32::from_gray(30),
            );
        }
    }

    if animating {
        ui.ctx().request_repaint();
    }
    let mut input = MapInput::default();
    if let Some((i, _)) = hovered {
        let p = &places[i];
        let holder = holders[i].map(|s| sc.faction(s).name.get(lang).to_string()).unwrap_or_else(|| "—".into());
        let units: Vec<String> = units_at[i].iter().map(|u| sc.file.units[*u].name.get(lang).to_string()).collect();
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(p.name.get(lang));
            ui.label(format!("{holder}"));
            for u in &units {
                ui.label(format!("• {u}"));
            }
        });
        if response.clicked() {
            input.clicked_place = Some(i);
        }
    }
    input
}
