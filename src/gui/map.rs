//! The map, drawn with egui's painter in the central panel: water filled and
//! outlined, links, bridges (raised ones drawn open), places coloured and shaped
//! by who holds them, and unit counters. Drag pans, the wheel zooms (only over
//! the map, never over a panel), hover shows a tooltip and a click selects.

use super::shapes::triangulate;
use super::{counters, labels};
use crate::chronicle::faction_name;
use crate::scenario::{Lang, PlaceKind, Scenario, Side, WaterKind};
use crate::sim::facts;
use bevy::prelude::World;
use bevy_egui::egui::{self, Color32, Pos2, Stroke, Vec2};

const LAND: Color32 = Color32::from_rgb(237, 230, 212);
const WATER: Color32 = Color32::from_rgb(160, 190, 218);
const WATER_EDGE: Color32 = Color32::from_rgb(110, 150, 190);

/// A filled shape: its outline in map metres, and the triangles (indices
/// into the outline) that cover it.
type Filled = (Vec<(f32, f32)>, Vec<[usize; 3]>);

/// Water areas and islands, cut into triangles in map metres.
pub struct WaterMesh {
    areas: Vec<Filled>,
    islands: Vec<Filled>,
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
    /// The size of the panel the view was fitted to, until the player pans
    /// or zooms it: while it is set, the view is fitted again when the panel
    /// changes size (the window is resized, the layout settles after the
    /// first frame, a panel beside the map is dragged).
    fitted_to: Option<Vec2>,
}

impl View {
    /// The view for a map panel of the given size: `kept` if the player moved
    /// it, or if it was fitted to a panel of this size; otherwise fitted anew.
    pub fn for_panel(kept: Option<View>, sc: &Scenario, size: Vec2) -> View {
        match kept {
            Some(view) if view.fitted_to.is_none_or(|fitted| (fitted - size).length() < 1.0) => view,
            _ => View::fit(sc, size),
        }
    }

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
        // Room in pixels around the outermost places for their counters and names.
        let usable = |pixels: f32, margin: f32| (pixels - 2.0 * margin.min(pixels / 4.0)).max(1.0);
        let scale =
            (usable(size.x, 80.0) / (x1 - x0).max(1.0)).min(usable(size.y, 50.0) / (y1 - y0).max(1.0)).max(0.01);
        View { centre: ((x0 + x1) / 2.0, (y0 + y1) / 2.0), scale, fitted_to: Some(size) }
    }

    fn to_screen(self, rect: egui::Rect, (x, y): (f32, f32)) -> Pos2 {
        Pos2::new(
            rect.center().x + (x - self.centre.0) * self.scale,
            rect.center().y - (y - self.centre.1) * self.scale,
        )
    }

    /// The map point (metres) shown at a screen position.
    fn to_map(self, rect: egui::Rect, at: Pos2) -> (f32, f32) {
        (self.centre.0 + (at.x - rect.center().x) / self.scale, self.centre.1 - (at.y - rect.center().y) / self.scale)
    }
}

/// What the player did on the map this frame.
#[derive(Default)]
pub struct MapInput {
    pub clicked_place: Option<usize>,
}

fn fill(painter: &egui::Painter, rect: egui::Rect, view: &View, shapes: &[Filled], colour: Color32) {
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

/// Draws the map of the game in `world` and handles the mouse. The arrow
/// keys pan the map unless `arrows_pan` is false (in playback they step turns).
#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut egui::Ui,
    world: &World,
    water: &WaterMesh,
    view: &mut View,
    selected: Option<usize>,
    recent: &mut Recent,
    arrows_pan: bool,
    lang: Lang,
) -> MapInput {
    let sc = facts::scenario(world);
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), egui::Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, LAND);

    // Pan and zoom, only when the pointer is over the map itself. Either
    // leaves the view where the player put it, whatever the panel's size.
    let before = (view.centre, view.scale);
    if response.dragged() {
        let d = response.drag_delta();
        view.centre.0 -= d.x / view.scale;
        view.centre.1 += d.y / view.scale;
    }
    if response.hovered() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            // Zoom about the pointer: the spot under it stays under it.
            let anchor = response.hover_pos().unwrap_or(rect.center());
            let before = view.to_map(rect, anchor);
            view.scale = (view.scale * factor).clamp(0.02, 2.0);
            let after = view.to_map(rect, anchor);
            view.centre.0 += before.0 - after.0;
            view.centre.1 += before.1 - after.1;
        }
    }
    // Keyboard: arrows pan, +/- zoom.
    ui.input(|i| {
        let step = if arrows_pan { 60.0 / view.scale } else { 0.0 };
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
    if (view.centre, view.scale) != before {
        view.fitted_to = None;
    }

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
    // Where each place is drawn on screen, if it is.
    let mut screen: Vec<Option<Pos2>> = vec![None; places.len()];
    // Names to write, laid out once every place is known.
    let mut names: Vec<(usize, std::sync::Arc<egui::Galley>)> = Vec::new();
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
        let fill = holders[i].map(|s| counters::side_colour(sc, s)).unwrap_or(Color32::from_gray(150));
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
        if (zoomed_in || matches!(p.kind, PlaceKind::Station | PlaceKind::Bridge) || p.value >= 10)
            && p.kind != PlaceKind::District
        {
            let font = egui::FontId::proportional(11.0);
            let galley = painter.layout_no_wrap(p.name.get(lang).to_string(), font, Color32::from_gray(25));
            names.push((i, galley));
        }
        screen[i] = Some(at);
    }

    // Counters where there is room for them, badges elsewhere; the selection is drawn last, on top.
    let counts: Vec<usize> = units_at.iter().map(Vec::len).collect();
    let rows = counters::rows(&screen, &counts, selected);
    // Names: the selection's first, then the most valuable places'.
    names.sort_by_key(|(i, _)| (Some(*i) != selected, std::cmp::Reverse(places[*i].value), *i));
    let wanted: Vec<(usize, Vec2)> = names.iter().map(|(i, g)| (*i, g.size())).collect();
    let spots = labels::place(&wanted, &screen, &rows.iter().flatten().copied().collect::<Vec<_>>());
    for (i, galley) in names {
        if let Some(r) = spots[i] {
            painter.rect_filled(r.expand(1.0), 2.0, Color32::from_rgba_unmultiplied(255, 255, 255, 170));
            painter.galley(r.min, galley, Color32::from_gray(25));
        }
    }
    let t = ((now - started) / MOVE_SECONDS).clamp(0.0, 1.0) as f32;
    let mut moving: Vec<(usize, Pos2, Pos2)> = Vec::new();
    let mut order: Vec<usize> = (0..places.len()).filter(|i| Some(*i) != selected).collect();
    order.extend(selected);
    for i in order {
        let (Some(at), here) = (screen[i], &units_at[i]) else { continue };
        if here.is_empty() {
            continue;
        }
        // Units that moved here last turn slide in from where they were.
        let mut arriving = Vec::new();
        if t < 1.0 {
            for (k, u) in here.iter().enumerate() {
                if let Some((_, from, _)) = recent.moves.iter().find(|(m, _, _)| m == u) {
                    let end = if rows[i].is_some() {
                        counters::slot(at, k.min(counters::MAX_IN_ROW - 1), here.len().min(counters::MAX_IN_ROW))
                    } else {
                        counters::badge_centre(at) - counters::SIZE / 2.0
                    };
                    let start = view.to_screen(rect, places[*from].pos) + (end - at);
                    moving.push((*u, start, end));
                    arriving.push(*u);
                }
            }
        }
        if rows[i].is_some() {
            counters::row(&painter, world, sc, here, at, &arriving);
        } else {
            counters::badge(&painter, world, sc, here, at);
        }
    }
    for (u, start, end) in moving {
        let eased = 1.0 - (1.0 - t) * (1.0 - t);
        counters::counter(&painter, world, sc, u, start + (end - start) * eased);
        animating = true;
    }

    if animating {
        ui.ctx().request_repaint();
    }
    let mut input = MapInput::default();
    if let Some((i, _)) = hovered {
        let p = &places[i];
        let holder = holders[i].map(|s| faction_name(sc, s, lang)).unwrap_or_else(|| "—".into());
        let units: Vec<String> = units_at[i].iter().map(|u| sc.file.units[*u].name.get(lang).to_string()).collect();
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(p.name.get(lang));
            ui.label(holder.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_map_positions_are_inverse() {
        let view = View { centre: (1200.0, -300.0), scale: 0.15, fitted_to: None };
        let rect = egui::Rect::from_min_size(Pos2::new(300.0, 50.0), Vec2::new(560.0, 740.0));
        for p in [(0.0, 0.0), (1500.0, 800.0), (-2500.0, 3000.0)] {
            let back = view.to_map(rect, view.to_screen(rect, p));
            assert!((back.0 - p.0).abs() < 0.05 && (back.1 - p.1).abs() < 0.05, "{p:?} came back as {back:?}");
        }
    }

    #[test]
    fn a_fitted_view_follows_its_panel_and_a_moved_one_stays_put() {
        let sc = crate::testing::historical();
        let (wide, tall) = (Vec2::new(930.0, 380.0), Vec2::new(700.0, 680.0));
        let first = View::for_panel(None, &sc, wide);
        // A panel as wide and short as the one below a narration shows the city smaller.
        let refitted = View::for_panel(Some(first), &sc, tall);
        assert!(refitted.scale > 1.5 * first.scale, "{} against {}", refitted.scale, first.scale);
        let same = View::for_panel(Some(refitted), &sc, tall);
        assert_eq!((same.centre, same.scale), (refitted.centre, refitted.scale));
        // Once the player has moved it, the view is theirs whatever the panel.
        let moved = View { centre: (0.0, 0.0), scale: 0.5, fitted_to: None };
        let kept = View::for_panel(Some(moved), &sc, wide);
        assert_eq!((kept.centre, kept.scale), (moved.centre, moved.scale));
    }
}
