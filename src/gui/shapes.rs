//! Filling the river: the scenario's water areas and islands are concave
//! polygons, which egui cannot fill directly, so they are cut into triangles
//! once (ear clipping) and kept in map metres.

/// Triangles covering a simple polygon, as index triples into `points`.
/// A closing point equal to the first is ignored.
pub fn triangulate(points: &[(f32, f32)]) -> Vec<[usize; 3]> {
    let mut n = points.len();
    if n > 1 && points[0] == points[n - 1] {
        n -= 1;
    }
    if n < 3 {
        return Vec::new();
    }
    let area: f32 = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum();
    // Work counter-clockwise.
    let mut ring: Vec<usize> = if area >= 0.0 { (0..n).collect() } else { (0..n).rev().collect() };
    let mut out = Vec::with_capacity(n - 2);
    let cross = |o: (f32, f32), a: (f32, f32), b: (f32, f32)| (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0);
    let mut guard = 0;
    while ring.len() > 3 && guard < n * n {
        guard += 1;
        let m = ring.len();
        let mut clipped = false;
        for i in 0..m {
            let (ia, ib, ic) = (ring[(i + m - 1) % m], ring[i], ring[(i + 1) % m]);
            let (a, b, c) = (points[ia], points[ib], points[ic]);
            if cross(a, b, c) <= 0.0 {
                continue;
            }
            let inside = ring.iter().any(|&j| {
                if j == ia || j == ib || j == ic {
                    return false;
                }
                let p = points[j];
                cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
            });
            if !inside {
                out.push([ia, ib, ic]);
                ring.remove(i);
                clipped = true;
                break;
            }
        }
        if !clipped {
            // A degenerate remainder: close it as a fan rather than loop forever.
            break;
        }
    }
    for i in 1..ring.len().saturating_sub(1) {
        out.push([ring[0], ring[i], ring[i + 1]]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(points: &[(f32, f32)], tris: &[[usize; 3]]) -> f32 {
        tris.iter()
            .map(|[a, b, c]| {
                let (a, b, c) = (points[*a], points[*b], points[*c]);
                ((b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)).abs() / 2.0
            })
            .sum()
    }

    #[test]
    fn a_concave_polygon_is_covered_exactly() {
        // An L shape of area 3, clockwise, closed.
        let l = [(0.0, 0.0), (0.0, 2.0), (1.0, 2.0), (1.0, 1.0), (2.0, 1.0), (2.0, 0.0), (0.0, 0.0)];
        let tris = triangulate(&l);
        assert_eq!(tris.len(), 4);
        assert!((area(&l, &tris) - 3.0).abs() < 1e-4);
    }
}
