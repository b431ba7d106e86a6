//! Place names on the map. Names are placed in order of importance, to the
//! right of their place, else to its left, else above it, and a name that would cover
//! another name, a place or a row of counters is left out (the tooltip still
//! gives it), so that what is written stays readable at any zoom.

use super::counters::marker_rect;
use bevy_egui::egui::{Align2, Pos2, Rect, Vec2};

/// Gap between a place's marker and its name.
const GAP: f32 = 9.0;

/// Where each name goes, if anywhere. `wanted` lists, most important first,
/// the places whose names should be shown with the size of each name; `at`
/// holds every place's position on screen; `taken` is space already used
/// (counter rows).
pub fn place(wanted: &[(usize, Vec2)], at: &[Option<Pos2>], taken: &[Rect]) -> Vec<Option<Rect>> {
    let markers: Vec<(usize, Rect)> =
        at.iter().enumerate().filter_map(|(i, p)| p.map(|p| (i, marker_rect(p)))).collect();
    let mut spots = vec![None; at.len()];
    let mut kept: Vec<Rect> = Vec::new();
    for (i, size) in wanted {
        let Some(p) = at[*i] else { continue };
        let right = Align2::LEFT_BOTTOM.anchor_size(p + Vec2::new(GAP, -2.0), *size);
        let left = Align2::RIGHT_BOTTOM.anchor_size(p + Vec2::new(-GAP, -2.0), *size);
        let above = Align2::CENTER_BOTTOM.anchor_size(p + Vec2::new(0.0, -GAP), *size);
        let free = |r: &Rect| {
            markers.iter().all(|(j, m)| j == i || !r.intersects(*m))
                && kept.iter().chain(taken).all(|k| !r.intersects(*k))
        };
        if let Some(r) = [right, left, above].into_iter().find(free) {
            kept.push(r);
            spots[*i] = Some(r);
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: Vec2 = Vec2::new(80.0, 12.0);

    #[test]
    fn a_lone_place_has_its_name_on_the_right() {
        let at = [Some(Pos2::new(100.0, 100.0))];
        let r = place(&[(0, NAME)], &at, &[])[0].unwrap();
        assert!(r.min.x > 100.0);
    }

    #[test]
    fn a_name_that_would_cover_a_neighbour_goes_left_and_a_boxed_in_one_is_left_out() {
        // Places 0 and 1 are 40 points apart; place 2 sits 40 points left of place 0, place 3 above it.
        let at = [
            Some(Pos2::new(0.0, 0.0)),
            Some(Pos2::new(40.0, 0.0)),
            Some(Pos2::new(-40.0, 0.0)),
            Some(Pos2::new(0.0, -20.0)),
        ];
        let spots = place(&[(0, NAME), (1, NAME), (2, NAME)], &at, &[]);
        assert!(spots[0].is_none(), "every spot around place 0 covers a neighbour");
        assert!(spots[1].unwrap().min.x > 40.0, "place 1 is named on its right");
        assert!(spots[2].unwrap().max.x < -40.0, "place 2 is named on its left");
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(40.0, 0.0)), None, Some(Pos2::new(0.0, -20.0))];
        let spots = place(&[(0, NAME), (1, NAME)], &at, &[]);
        assert!(spots[0].unwrap().max.x < 0.0, "place 0 is named on its left, clear of place 1");
        assert!(!spots[0].unwrap().intersects(spots[1].unwrap()));
    }

    #[test]
    fn a_name_boxed_in_left_and_right_goes_above() {
        let at = [Some(Pos2::new(0.0, 0.0)), Some(Pos2::new(40.0, 0.0)), Some(Pos2::new(-40.0, 0.0))];
        let r = place(&[(0, NAME)], &at, &[])[0].unwrap();
        assert!(r.max.y < 0.0 && r.center().x.abs() < 1e-3);
    }

    #[test]
    fn names_avoid_space_already_taken() {
        let at = [Some(Pos2::new(0.0, 0.0))];
        let row = Rect::from_min_size(Pos2::new(5.0, -20.0), Vec2::new(100.0, 30.0));
        let r = place(&[(0, NAME)], &at, &[row])[0].unwrap();
        assert!(r.max.x < 0.0, "pushed to the left of the place");
    }
}
