//! Curves to line segments within a tolerance.
//!
//! A Bézier is cut into `n` pieces of equal parameter length, with `n` from the bound
//! on the distance between a curve and its chord over a parameter interval `h`:
//! `h²/8 · max|B″|`. For a quadratic `B″ = 2(p0 − 2p1 + p2)` is constant, giving
//! `n = ⌈√(|p0 − 2p1 + p2| / (4·tol))⌉`; for a cubic `|B″| ≤ 6·max(|p0 − 2p1 + p2|,
//! |p1 − 2p2 + p3|)`, giving `n = ⌈√(3·M / (4·tol))⌉` (Wang's formula). `n` is capped
//! at [`MAX_PIECES`] per curve, so no input, however large, makes flattening run away.

use alloc::vec::Vec;

use super::{Path, PathEl, Segment};
use crate::geom::Point;
use crate::math;

/// The most line pieces one curve is cut into. A curve needing more (only possible
/// for coordinates far outside any image, or absurdly small tolerances) is flattened
/// more coarsely than asked.
pub const MAX_PIECES: u32 = 4096;

/// How many pieces `segment` needs for `tolerance`.
pub(crate) fn piece_count(segment: &Segment, tolerance: f32) -> u32 {
    let tol = if tolerance > 1e-6 { tolerance } else { 1e-6 };
    let n = match *segment {
        Segment::Line(..) => return 1,
        Segment::Quad(p0, p1, p2) => {
            let d = (p0.to_vec2() - p1.to_vec2() * 2.0 + p2.to_vec2()).length();
            math::sqrt(d / (4.0 * tol))
        }
        Segment::Cubic(p0, p1, p2, p3) => {
            let d1 = (p0.to_vec2() - p1.to_vec2() * 2.0 + p2.to_vec2()).length();
            let d2 = (p1.to_vec2() - p2.to_vec2() * 2.0 + p3.to_vec2()).length();
            math::sqrt(0.75 * d1.max(d2) / tol)
        }
    };
    let n = math::ceil(n);
    if n >= MAX_PIECES as f32 {
        MAX_PIECES
    } else if n >= 1.0 {
        #[expect(clippy::cast_possible_truncation, reason = "1 <= n < MAX_PIECES")]
        let n = n as u32;
        n
    } else {
        // Also catches NaN from overflowing arithmetic on huge coordinates.
        1
    }
}

/// Calls `line(a, b)` for each piece of `segment`, flattened within `tolerance`. The
/// first piece starts exactly at the segment's start and the last ends exactly at its
/// end, so consecutive segments join without gaps.
pub(crate) fn flatten_segment(
    segment: &Segment,
    tolerance: f32,
    line: &mut impl FnMut(Point, Point),
) {
    let n = piece_count(segment, tolerance);
    let start = segment.start();
    let end = segment.end();
    let step = 1.0 / n as f32;
    let mut prev = start;
    match *segment {
        Segment::Line(..) => {}
        _ if n == 1 => {}
        Segment::Quad(p0, p1, p2) => {
            // B(t) = p0 + 2t(p1 − p0) + t²(p0 − 2p1 + p2)
            let b = (p1 - p0) * 2.0;
            let a = p0.to_vec2() - p1.to_vec2() * 2.0 + p2.to_vec2();
            for i in 1..n {
                let t = i as f32 * step;
                let p = p0 + (b + a * t) * t;
                line(prev, p);
                prev = p;
            }
        }
        Segment::Cubic(p0, p1, p2, p3) => {
            // B(t) = p0 + t(c + t(b + t·a))
            let c = (p1 - p0) * 3.0;
            let b = (p0.to_vec2() - p1.to_vec2() * 2.0 + p2.to_vec2()) * 3.0;
            let a = p3.to_vec2() - p0.to_vec2() + (p1 - p2) * 3.0;
            for i in 1..n {
                let t = i as f32 * step;
                let p = p0 + (c + (b + a * t) * t) * t;
                line(prev, p);
                prev = p;
            }
        }
    }
    line(prev, end);
}

/// A path flattened to polylines (see [`Path::flatten`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flattened {
    /// Every polyline's points, one after another.
    pub points: Vec<Point>,
    /// For each polyline: the index in `points` where it starts, and whether its
    /// subpath was closed.
    pub polylines: Vec<(usize, bool)>,
}

impl Flattened {
    /// The polylines as point slices with their closed flags.
    pub fn iter(&self) -> impl Iterator<Item = (&[Point], bool)> + '_ {
        self.polylines
            .iter()
            .enumerate()
            .map(|(i, &(start, closed))| {
                let end = self
                    .polylines
                    .get(i + 1)
                    .map_or(self.points.len(), |&(next, _)| next);
                (&self.points[start..end], closed)
            })
    }
}

/// Flattens `path` within `tolerance` into `out`, replacing its contents (its
/// allocations are reused).
pub fn flatten_into(path: &Path, tolerance: f32, out: &mut Flattened) {
    out.points.clear();
    out.polylines.clear();
    let mut last = Point::ZERO;
    let mut start = Point::ZERO;
    for el in path.elements() {
        let seg = match el {
            PathEl::MoveTo(p) => {
                out.polylines.push((out.points.len(), false));
                out.points.push(p);
                last = p;
                start = p;
                continue;
            }
            PathEl::Close => {
                if let Some(poly) = out.polylines.last_mut() {
                    poly.1 = true;
                }
                last = start;
                continue;
            }
            PathEl::LineTo(p) => Segment::Line(last, p),
            PathEl::QuadTo(c, p) => Segment::Quad(last, c, p),
            PathEl::CubicTo(c1, c2, p) => Segment::Cubic(last, c1, c2, p),
        };
        flatten_segment(&seg, tolerance, &mut |_, b| out.points.push(b));
        last = seg.end();
    }
}

impl Path {
    /// The path as polylines within `tolerance` of the curves, one per subpath.
    /// Allocates; [`flatten_into`] reuses a buffer.
    pub fn flatten(&self, tolerance: f32) -> Flattened {
        let mut out = Flattened::default();
        flatten_into(self, tolerance, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::PathBuilder;

    #[test]
    fn flattened_quarter_circle_stays_within_tolerance() {
        let k = 0.552_284_8_f32 * 100.0;
        let seg = Segment::Cubic(
            Point::new(100.0, 0.0),
            Point::new(100.0, k),
            Point::new(k, 100.0),
            Point::new(0.0, 100.0),
        );
        for tol in [1.0, 0.25, 0.1, 0.01] {
            let mut pts = alloc::vec![seg.start()];
            flatten_segment(&seg, tol, &mut |_, b| pts.push(b));
            assert_eq!(*pts.last().unwrap(), seg.end());
            // Chord midpoints lie within tol of the circle (the cubic is within
            // 0.03 of it at r = 100).
            for w in pts.windows(2) {
                let m = w[0].midpoint(w[1]);
                let r = m.distance(Point::ZERO);
                assert!(100.0 - r <= tol + 0.03, "tol {tol}: {r}");
            }
        }
    }

    #[test]
    fn huge_curves_are_capped() {
        let seg = Segment::Quad(
            Point::new(0.0, 0.0),
            Point::new(1e30, 1e30),
            Point::new(-1e30, 0.0),
        );
        assert_eq!(piece_count(&seg, 0.1), MAX_PIECES);
        let seg = Segment::Cubic(
            Point::ZERO,
            Point::new(3e38, 0.0),
            Point::new(-3e38, 0.0),
            Point::ZERO,
        );
        assert_eq!(piece_count(&seg, 0.1), MAX_PIECES);
    }

    #[test]
    fn flatten_keeps_subpaths_and_closes() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0).quad_to(10.0, 0.0, 10.0, 10.0).close();
        pb.move_to(20.0, 0.0).line_to(30.0, 0.0);
        let f = pb.finish().unwrap().flatten(0.1);
        let polys: alloc::vec::Vec<_> = f.iter().collect();
        assert_eq!(polys.len(), 2);
        assert!(polys[0].1 && !polys[1].1);
        assert_eq!(polys[1].0, [Point::new(20.0, 0.0), Point::new(30.0, 0.0)]);
        assert_eq!(*polys[0].0.last().unwrap(), Point::new(10.0, 10.0));
    }
}
