//! The ternary map's pure parts, tested natively: where a mix sits in the triangle, the
//! hexagon drawn for a grid mix, moving between mixes with arrow keys, and colours.
//!
//! The triangle has vouchers at the top corner, training at the bottom left and pilots at
//! the bottom right; a mix is the weighted average of the corners. Grid mixes are indexed
//! as `adoption_decide::optimize::mixes` lists them (vouchers slowest, then training).

use adoption_model::scenario::Mix;

/// The drawing's width and height (SVG user units); the triangle's side is [`SIDE`].
pub const WIDTH: f64 = 400.0;
/// See [`WIDTH`].
pub const HEIGHT: f64 = 372.0;
/// The triangle's side.
pub const SIDE: f64 = 340.0;
/// Where the triangle starts: left and top margins (room for corner labels).
const LEFT: f64 = (WIDTH - SIDE) / 2.0;
const TOP: f64 = 30.0;

/// A point of the drawing.
pub type Point = (f64, f64);

/// The corners: vouchers, training, pilots.
pub fn corners() -> [Point; 3] {
    let h = SIDE * 3f64.sqrt() / 2.0;
    [
        (LEFT + SIDE / 2.0, TOP),
        (LEFT, TOP + h),
        (LEFT + SIDE, TOP + h),
    ]
}

/// Where a mix sits.
pub fn point(mix: &Mix) -> Point {
    let [v, t, p] = corners();
    (
        mix.vouchers * v.0 + mix.training * t.0 + mix.pilots * p.0,
        mix.vouchers * v.1 + mix.training * t.1 + mix.pilots * p.1,
    )
}

/// The hexagon around a grid mix's point, for a grid of `parts` steps per side: the
/// triangular lattice's cell (its flat sides face the six neighbours), as SVG points.
pub fn hexagon(center: Point, parts: u32) -> String {
    let r = SIDE / f64::from(parts.max(1)) / 3f64.sqrt();
    (0..6)
        .map(|k| {
            let a = (30.0 + 60.0 * f64::from(k)).to_radians();
            format!(
                "{:.2},{:.2}",
                center.0 + r * a.cos(),
                center.1 - r * a.sin()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A grid mix as whole steps `(vouchers, training)` (pilots is the rest).
pub type Steps = (u32, u32);

/// The index of a grid mix in the grid's order.
pub fn index(steps: Steps, parts: u32) -> usize {
    let (v, t) = steps;
    // Rows above `v` hold parts + 1, parts, ... mixes.
    let before: u32 = (0..v).map(|a| parts - a + 1).sum();
    (before + t) as usize
}

/// The grid mix at an index.
pub fn steps_at(i: usize, parts: u32) -> Steps {
    let mut rest = i as u32;
    for v in 0..=parts {
        let row = parts - v + 1;
        if rest < row {
            return (v, rest);
        }
        rest -= row;
    }
    (parts, 0)
}

/// An arrow key's move on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Towards training (left).
    Left,
    /// Towards pilots (right).
    Right,
    /// More vouchers (up).
    Up,
    /// Fewer vouchers (down).
    Down,
}

impl Move {
    /// The move for a key's name (`ArrowLeft`...).
    pub fn from_key(key: &str) -> Option<Move> {
        match key {
            "ArrowLeft" => Some(Move::Left),
            "ArrowRight" => Some(Move::Right),
            "ArrowUp" => Some(Move::Up),
            "ArrowDown" => Some(Move::Down),
            _ => None,
        }
    }
}

/// The mix a move reaches, or `None` at the edge. Up then down comes back.
pub fn step(from: Steps, parts: u32, to: Move) -> Option<Steps> {
    let (v, t) = from;
    let p = parts - v - t;
    match to {
        Move::Left => (p > 0).then_some((v, t + 1)),
        Move::Right => (t > 0).then(|| (v, t - 1)),
        Move::Up if p > 0 => Some((v + 1, t)),
        Move::Up if t > 0 => Some((v + 1, t - 1)),
        Move::Up => None,
        Move::Down => (v > 0).then(|| (v - 1, t)),
    }
}

/// A colour for a position on the scale (0 low, 1 high): viridis at five stops,
/// interpolated, as `#rrggbb`.
pub fn colour(x: f64) -> String {
    const STOPS: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let x = if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let at = x * (STOPS.len() - 1) as f64;
    let i = (at.floor() as usize).min(STOPS.len() - 2);
    let f = at - i as f64;
    let (a, b) = (STOPS[i], STOPS[i + 1]);
    let mix = |p: f64, q: f64| (p + (q - p) * f).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// Where a value sits between the map's lowest and highest (0.5 when they are equal).
pub fn scale(value: f64, low: f64, high: f64) -> f64 {
    if high > low {
        (value - low) / (high - low)
    } else {
        0.5
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use adoption_decide::optimize::mixes;

    fn close(a: Point, b: Point) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
    }

    #[test]
    fn corners_are_the_pure_mixes_and_the_centre_is_even() {
        let [v, t, p] = corners();
        let m = |a, b, c| Mix {
            vouchers: a,
            training: b,
            pilots: c,
        };
        assert!(close(point(&m(1.0, 0.0, 0.0)), v));
        assert!(close(point(&m(0.0, 1.0, 0.0)), t));
        assert!(close(point(&m(0.0, 0.0, 1.0)), p));
        let c = point(&m(1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0));
        assert!(close(c, ((v.0 + t.0 + p.0) / 3.0, (v.1 + t.1 + p.1) / 3.0)));
        // The drawing holds the triangle and half a cell around it.
        assert!(t.1 + SIDE / 20.0 < HEIGHT && p.0 + SIDE / 40.0 < WIDTH);
    }

    #[test]
    fn indices_follow_the_cores_grid() {
        for parts in [10, 20] {
            let grid = mixes(1.0 / f64::from(parts)).unwrap_or_default();
            for (i, m) in grid.iter().enumerate() {
                let steps = steps_at(i, parts);
                assert_eq!(index(steps, parts), i);
                let v = (m.vouchers * f64::from(parts)).round() as u32;
                let t = (m.training * f64::from(parts)).round() as u32;
                assert_eq!(steps, (v, t), "{m:?}");
            }
        }
    }

    #[test]
    fn arrows_move_to_neighbours_and_back() {
        let parts = 20;
        for i in 0..231 {
            let s = steps_at(i, parts);
            for (there, back) in [(Move::Left, Move::Right), (Move::Down, Move::Up)] {
                if let Some(n) = step(s, parts, there) {
                    assert!(n.0 + n.1 <= parts);
                    assert_eq!(step(n, parts, back), Some(s), "{s:?} {there:?}");
                }
            }
        }
        assert_eq!(step((20, 0), parts, Move::Up), None);
        assert_eq!(step((0, 20), parts, Move::Left), None);
        assert_eq!(step((0, 0), parts, Move::Right), None);
        assert_eq!(step((0, 0), parts, Move::Down), None);
        // Every mix is reachable from the pilots corner.
        let mut seen = vec![false; 231];
        let mut todo = vec![(0, 0)];
        while let Some(s) = todo.pop() {
            if std::mem::replace(&mut seen[index(s, parts)], true) {
                continue;
            }
            for m in [Move::Left, Move::Right, Move::Up, Move::Down] {
                todo.extend(step(s, parts, m));
            }
        }
        assert!(seen.iter().all(|&x| x));
    }

    #[test]
    fn colours_run_from_dark_to_light() {
        assert_eq!(colour(0.0), "#440154");
        assert_eq!(colour(1.0), "#fde725");
        assert_eq!(colour(f64::NAN), "#440154");
        assert_eq!(colour(0.125), "#402a70");
        assert_eq!(scale(5.0, 0.0, 10.0), 0.5);
        assert_eq!(scale(3.0, 3.0, 3.0), 0.5);
    }

    #[test]
    fn hexagons_have_six_corners_at_the_cell_radius() {
        let h = hexagon((100.0, 100.0), 20);
        let corners: Vec<&str> = h.split(' ').collect();
        assert_eq!(corners.len(), 6);
        assert_eq!(
            corners[1],
            format!("100.00,{:.2}", 100.0 - 17.0 / 3f64.sqrt())
        );
    }
}
