//! Unit counters on the map. Each place with units shows either a row of
//! counters under it (strength and a loyalty bar each) or, where the row would
//! cover a neighbour, one badge with its number of units. `rows` makes that
//! choice so that counters never overlap places or each other, at any zoom.

use crate::scenario::{Scenario, Side};
use crate::sim::facts;
use bevy::prelude::World;
use bevy_egui::egui::{self, Color32, Pos2, Rect, Stroke, Vec2};

/// Size of one counter, in points.
pub const SIZE: Vec2 = Vec2::new(30.0, 16.0);
/// Distance between the left edges of two counters side by side.
const PITCH: f32 = 32.0;
/// Most counters drawn side by side at one place; the rest are counted ("+2").
pub const MAX_IN_ROW: usize = 4;
/// Width kept for the "+N" after a full row.
const MORE_WIDTH: f32 = 20.0;
/// Half the size of the square kept clear around each place's marker.
const MARKER_HALF: f32 = 8.0;

/// The square kept clear around a place's marker.
pub fn marker_rect(at: Pos2) -> Rect {
    Rect::from_center_size(at, Vec2::splat(2.0 * MARKER_HALF))
}

/// Top-left corner of counter `k` in a row of `shown` counters under a place at `at`.
pub fn slot(at: Pos2, k: usize, shown: usize) -> Pos2 {
    at + Vec2::new((k as f32 - (shown as f32 - 1.0) / 2.0) * PITCH - SIZE.x / 2.0, 10.0)
}

/// Where the badge of a place at `at` is centred.
pub fn badge_centre(at: Pos2) -> Pos2 {
    at + Vec2::new(9.0, 8.0)
}

/// The rectangle a place's row of counters covers, "+N" included.
pub fn row_rect(at: Pos2, units: usize) -> Rect {
    let shown = units.min(MAX_IN_ROW);
    let first = slot(at, 0, shown);
    let mut width = (shown as f32 - 1.0) * PITCH + SIZE.x;
    if units > MAX_IN_ROW {
        width += MORE_WIDTH;
    }
    Rect::from_min_size(first, Vec2::new(width, SIZE.y))
}

/// For each place, the rectangle of its row of counters if they fit in a row. `at` holds each place's
/// position on screen (None when not drawn) and `units` its number of units.
/// The `first` place (the selection) always gets its row; the others are
/// placed by most units first, then in scenario order, and a row is kept only
/// if it covers no other place's marker and no row already kept.
pub fn rows(at: &[Option<Pos2>], units: &[usize], first: Option<usize>) -> Vec<Option<Rect>> {
    let markers: Vec<(usize, Rect)> =
        at.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, marker_rect(p)))).collect();
    let mut order: Vec<usize> = (0..at.len()).filter(|i| at[*i].is_some() && units[*i] > 0).collect();
    order.sort_by_key(|i| (Some(*i) != first, std::cmp::Reverse(units[*i]), *i));
    let mut kept: Vec<Rect> = Vec::new();
    let mut fits = vec![None; at.len()];
    for i in order {
        let Some(p) = at[i] else { continue };
        let row = row_rect(p, units[i]);
        let clear =
            markers.iter().all(|(j, m)| *j == i || !row.intersects(*m)) && kept.iter().all(|k| !row.intersects(*k));
        if clear || Some(i) == first {
            kept.push(row);
            fits[i] = Some(row);
        }
    }
    fits
}

/// One unit's counter: its strength, and a loyalty bar (right and red for the
/// MRC, left and blue for the Government), framed in the colour it leans to.
pub fn counter(painter: &egui::Painter, world: &World, sc: &Scenario, u: usize, origin: Pos2) {
    let box_rect = Rect::from_min_size(origin, SIZE);
    let lean = facts::leaning(world, u).map(|s| side_colour(sc, s)).unwrap_or(Color32::from_gray(160));
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
    let bar = if l >= 0.0 { side_colour(sc, Side::Mrc) } else { side_colour(sc, Side::Government) };
    painter.line_segment([mid, mid + Vec2::new(l * 13.0, 0.0)], Stroke::new(2.5, bar));
}

/// A place's row of counters, leaving out the units in `skip` (drawn moving).
pub fn row(painter: &egui::Painter, world: &World, sc: &Scenario, here: &[usize], at: Pos2, skip: &[usize]) {
    let shown = here.len().min(MAX_IN_ROW);
    for (k, u) in here.iter().enumerate().take(shown) {
        if !skip.contains(u) {
            counter(painter, world, sc, *u, slot(at, k, shown));
        }
    }
    if here.len() > shown {
        let end = row_rect(at, here.len()).right_center() - Vec2::new(MORE_WIDTH - 2.0, 0.0);
        painter.text(
            end,
            egui::Align2::LEFT_CENTER,
            format!("+{}", here.len() - shown),
            egui::FontId::proportional(10.0),
            Color32::from_gray(30),
        );
    }
}

/// A place's badge: its number of units, framed in the colour most of them lean to.
pub fn badge(painter: &egui::Painter, world: &World, sc: &Scenario, here: &[usize], at: Pos2) {
    let leaning = |s: Side| here.iter().filter(|u| facts::leaning(world, **u) == Some(s)).count();
    let (m, g) = (leaning(Side::Mrc), leaning(Side::Government));
    let frame = match m.cmp(&g) {
        std::cmp::Ordering::Greater => side_colour(sc, Side::Mrc),
        std::cmp::Ordering::Less => side_colour(sc, Side::Government),
        std::cmp::Ordering::Equal => Color32::from_gray(120),
    };
    let centre = badge_centre(at);
    painter.circle(centre, 7.0, Color32::from_gray(250), Stroke::new(1.5, frame));
    painter.text(
        centre,
        egui::Align2::CENTER_CENTER,
        here.len().to_string(),
        egui::FontId::proportional(9.0),
        Color32::from_gray(20),
    );
}

/// A faction's colour from its "#rrggbb" in the scenario.
pub fn side_colour(sc: &Scenario, side: Side) -> Color32 {
    hex_colour(&sc.faction(side).colour)
}

/// A colour from "#rrggbb"; grey when it does not parse (the validator reports it).
pub fn hex_colour(hex: &str) -> Color32 {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0x808080);
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn room(at: &[Option<Pos2>], units: &[usize], first: Option<usize>) -> Vec<bool> {
        rows(at, units, first).iter().map(Option::is_some).collect()
    }

    fn overlaps(at: &[Option<Pos2>], units: &[usize], fits: &[bool]) -> bool {
        let rows: Vec<Rect> = (0..at.len()).filter(|i| fits[*i]).map(|i| row_rect(at[i].unwrap(), units[i])).collect();
        rows.iter().enumerate().any(|(a, r)| rows.iter().skip(a + 1).any(|s| r.intersects(*s)))
    }

    #[test]
    fn far_apart_places_all_show_their_rows() {
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(300.0, 0.0)), Some(Pos2::new(0.0, 300.0))];
        assert_eq!(room(&at, &[3, 1, 5], None), vec![true, true, true]);
    }

    #[test]
    fn crowded_places_give_way_to_the_one_with_most_units() {
        // Two places 20 points apart: both rows cannot fit, so the bigger garrison keeps its row.
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(20.0, 0.0))];
        let fits = room(&at, &[1, 3], None);
        assert_eq!(fits, vec![false, true]);
        assert!(!overlaps(&at, &[1, 3], &fits));
    }

    #[test]
    fn the_selected_place_always_shows_its_row() {
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(20.0, 0.0))];
        assert_eq!(room(&at, &[1, 3], Some(0)), vec![true, false]);
    }

    #[test]
    fn a_row_never_covers_another_place_even_one_without_units() {
        // The empty place sits right under the garrisoned one, where its row would go.
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(0.0, 16.0))];
        assert_eq!(room(&at, &[2, 0], None), vec![false, false]);
    }

    #[test]
    fn off_screen_places_get_no_row_and_block_nothing() {
        let at = [None, Some(Pos2::new(0.0, 0.0))];
        assert_eq!(room(&at, &[4, 2], None), vec![false, true]);
    }

    #[test]
    fn a_dense_grid_never_overlaps() {
        let mut at = Vec::new();
        let mut units = Vec::new();
        for i in 0..60 {
            at.push(Some(Pos2::new((i % 10) as f32 * 37.0, (i / 10) as f32 * 23.0)));
            units.push(i % 6);
        }
        let fits = room(&at, &units, Some(17));
        assert!(fits[17]);
        assert!(fits.iter().filter(|f| **f).count() > 3, "some rows should fit");
        // The selected row may cover others' markers, but kept rows never overlap each other.
        assert!(!overlaps(&at, &units, &fits));
    }
}
