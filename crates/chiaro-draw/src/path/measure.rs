//! Measuring paths: tight bounds, reversal, arc length, and walking a path by
//! distance with [`PathMeasure`] (what a dasher needs). The method is described on
//! [`PathMeasure`].

use alloc::vec::Vec;

use super::arc::connect;
use super::flatten::piece_count;
use super::{Path, PathBuilder, PathEl, Segment, Verb};
use crate::geom::{Point, Rect, Vec2};

/// Gauss–Legendre nodes on `[-1, 1]` and their weights, 3 points.
const GL_NODES: [f32; 3] = [-0.774_596_7, 0.0, 0.774_596_7];
const GL_WEIGHTS: [f32; 3] = [5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0];

/// `B′(t)`.
fn derivative(seg: &Segment, t: f32) -> Vec2 {
    match *seg {
        Segment::Line(a, b) => b - a,
        Segment::Quad(p0, p1, p2) => ((p1 - p0) * (1.0 - t) + (p2 - p1) * t) * 2.0,
        Segment::Cubic(p0, p1, p2, p3) => {
            let u = 1.0 - t;
            ((p1 - p0) * (u * u) + (p2 - p1) * (2.0 * t * u) + (p3 - p2) * (t * t)) * 3.0
        }
    }
}

/// Arc length of `seg` between parameters `t0` and `t1` by 3-point Gauss–Legendre.
fn gauss_length(seg: &Segment, t0: f32, t1: f32) -> f32 {
    let half = (t1 - t0) * 0.5;
    let mid = (t0 + t1) * 0.5;
    let mut sum = 0.0;
    for (x, w) in GL_NODES.iter().zip(GL_WEIGHTS) {
        sum += w * derivative(seg, mid + half * x).length();
    }
    sum * half
}

/// Calls `piece(t0, t1, length)` for each piece of `seg` in order.
fn for_each_piece(seg: &Segment, tolerance: f32, mut piece: impl FnMut(f32, f32, f32)) {
    if let Segment::Line(a, b) = *seg {
        piece(0.0, 1.0, a.distance(b));
        return;
    }
    let n = piece_count(seg, tolerance);
    let step = 1.0 / n as f32;
    let mut t0 = 0.0;
    for i in 1..=n {
        let t1 = if i == n { 1.0 } else { i as f32 * step };
        piece(t0, t1, gauss_length(seg, t0, t1));
        t0 = t1;
    }
}

/// A unit tangent at `t`, falling back to nearby chords where the derivative
/// vanishes (at a cubic's end whose control point coincides with it).
fn unit_tangent(seg: &Segment, t: f32) -> Vec2 {
    derivative(seg, t)
        .normalize()
        .or_else(|| (seg.eval((t + 1e-3).min(1.0)) - seg.eval((t - 1e-3).max(0.0))).normalize())
        .or_else(|| (seg.end() - seg.start()).normalize())
        .unwrap_or(Vec2::new(1.0, 0.0))
}

/// The part of `seg` between parameters `t0 <= t1`, by blossoming; the ends are
/// exactly the segment's own where `t0 == 0` or `t1 == 1`.
fn subsegment(seg: &Segment, t0: f32, t1: f32) -> Segment {
    if t0 <= 0.0 && t1 >= 1.0 {
        return *seg;
    }
    let ends = |a: Point, b: Point| {
        (
            if t0 <= 0.0 { seg.start() } else { a },
            if t1 >= 1.0 { seg.end() } else { b },
        )
    };
    match *seg {
        Segment::Line(a, b) => {
            let (s, e) = ends(a.lerp(b, t0), a.lerp(b, t1));
            Segment::Line(s, e)
        }
        Segment::Quad(p0, p1, p2) => {
            let blossom = |u: f32, v: f32| p0.lerp(p1, u).lerp(p1.lerp(p2, u), v);
            let (s, e) = ends(blossom(t0, t0), blossom(t1, t1));
            Segment::Quad(s, blossom(t0, t1), e)
        }
        Segment::Cubic(p0, p1, p2, p3) => {
            let blossom = |u: f32, v: f32, w: f32| {
                let (a, b, c) = (p0.lerp(p1, u), p1.lerp(p2, u), p2.lerp(p3, u));
                a.lerp(b, v).lerp(b.lerp(c, v), w)
            };
            let (s, e) = ends(blossom(t0, t0, t0), blossom(t1, t1, t1));
            Segment::Cubic(s, blossom(t0, t0, t1), blossom(t0, t1, t1), e)
        }
    }
}

/// Appends `seg` from the builder's current point (its start is not emitted).
fn emit(out: &mut PathBuilder, seg: &Segment) {
    match *seg {
        Segment::Line(_, p) => out.line_to(p.x, p.y),
        Segment::Quad(_, c, p) => out.quad_to(c.x, c.y, p.x, p.y),
        Segment::Cubic(_, c1, c2, p) => out.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
    };
}

/// Pushes into `r` the points where `seg` reaches an extreme in x or y.
fn add_extrema(seg: &Segment, r: &mut Rect) {
    let mut add = |t: f32| {
        if t > 0.0 && t < 1.0 {
            let p = seg.eval(t);
            *r = r.union(&Rect {
                x0: p.x,
                y0: p.y,
                x1: p.x,
                y1: p.y,
            });
        }
    };
    match *seg {
        Segment::Line(..) => {}
        Segment::Quad(p0, p1, p2) => {
            for (a, b, c) in [(p0.x, p1.x, p2.x), (p0.y, p1.y, p2.y)] {
                let den = a - 2.0 * b + c;
                if den != 0.0 {
                    add((a - b) / den);
                }
            }
        }
        Segment::Cubic(p0, p1, p2, p3) => {
            for (p, q, s, u) in [(p0.x, p1.x, p2.x, p3.x), (p0.y, p1.y, p2.y, p3.y)] {
                // B′(t)/3 = a·t² + b·t + c.
                let a = -p + 3.0 * (q - s) + u;
                let b = 2.0 * (p - 2.0 * q + s);
                let c = q - p;
                if a == 0.0 {
                    if b != 0.0 {
                        add(-c / b);
                    }
                    continue;
                }
                let disc = b * b - 4.0 * a * c;
                if disc < 0.0 {
                    continue;
                }
                // The stable pair of quadratic roots.
                let sq = crate::math::sqrt(disc);
                let h = -0.5 * (b + if b < 0.0 { -sq } else { sq });
                add(h / a);
                if h != 0.0 {
                    add(c / h);
                }
            }
        }
    }
}

/// Bounds, reversal and length.
impl Path {
    /// The smallest rectangle holding the drawn path: segment end points and the
    /// points where curves reach their extremes in x or y, not the control points
    /// (compare [`bounds`](Self::bounds)). [`Rect::EMPTY`] for the empty path.
    pub fn tight_bounds(&self) -> Rect {
        let Some(&first) = self.points().first() else {
            return Rect::EMPTY;
        };
        let mut r = Rect {
            x0: first.x,
            y0: first.y,
            x1: first.x,
            y1: first.y,
        };
        for seg in self.segments() {
            let e = seg.end();
            r = r.union(&Rect {
                x0: e.x,
                y0: e.y,
                x1: e.x,
                y1: e.y,
            });
            add_extrema(&seg, &mut r);
        }
        r
    }

    /// The path with every subpath traversed backwards, subpaths kept in their
    /// order: each starts at its old last point, and closed subpaths stay closed (the
    /// closing line then runs the other way too). Reversing twice gives back an
    /// equal path. Allocates the new path.
    pub fn reversed(&self) -> Path {
        let verbs = self.verbs();
        let points = self.points();
        let mut out_verbs = Vec::with_capacity(verbs.len());
        let mut out_points = Vec::with_capacity(points.len());
        let (mut v, mut p) = (0, 0);
        while v < verbs.len() {
            // One subpath: a Move, its segments, maybe a Close.
            let mut end = v + 1;
            let mut count = 1;
            while end < verbs.len() && verbs[end] != Verb::Move {
                count += verbs[end].point_count();
                end += 1;
            }
            let closed = verbs[end - 1] == Verb::Close;
            let segs_end = if closed { end - 1 } else { end };
            out_verbs.push(Verb::Move);
            out_verbs.extend(verbs[v + 1..segs_end].iter().rev());
            if closed {
                out_verbs.push(Verb::Close);
            }
            // The points of a subpath reversed are exactly the reversed subpath's.
            out_points.extend(points[p..p + count].iter().rev());
            v = end;
            p += count;
        }
        Path::from_parts(out_verbs, out_points)
    }

    /// The total arc length of every segment, closing lines included, measured as
    /// [`PathMeasure`] describes with curves cut into pieces for `tolerance` (values
    /// below `1e-6`, and NaN, count as `1e-6`). Allocates nothing; equals
    /// [`PathMeasure::length`] for the same tolerance.
    pub fn length(&self, tolerance: f32) -> f32 {
        let mut total = 0.0;
        for seg in self.segments() {
            for_each_piece(&seg, tolerance, |_, _, len| total += len);
        }
        total
    }
}

/// One subpath as a [`PathMeasure`] sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Contour {
    offset: f32,
    length: f32,
    closed: bool,
}

impl Contour {
    /// Distance along the whole path at which this contour starts.
    #[inline]
    pub fn offset(&self) -> f32 {
        self.offset
    }

    /// The contour's length (its closing line included when closed).
    #[inline]
    pub fn length(&self) -> f32 {
        self.length
    }

    /// Whether the subpath was closed.
    #[inline]
    pub fn is_closed(&self) -> bool {
        self.closed
    }
}

/// One measured piece: the parameter range `[t0, t1]` of segment `seg` covers the
/// distances `[d0, d1]` along the path.
#[derive(Clone, Copy, Debug)]
struct Piece {
    d0: f32,
    d1: f32,
    t0: f32,
    t1: f32,
    seg: usize,
}

/// A path measured by arc length, to find points and extract pieces by distance.
///
/// Distances run along the whole path, subpath after subpath (closing lines
/// included), from 0 to [`length`](Self::length); [`contours`](Self::contours) says
/// where each subpath begins. Subpaths and segments of zero length are left out.
/// Measuring allocates a table of five words per piece (see below);
/// [`reset`](Self::reset) reuses it for another path.
///
/// # Method and accuracy
///
/// Each curve is cut into the pieces [flattening](Path::flatten) at the same
/// tolerance would use (equal parameter steps, their count from Wang's formula), and
/// each piece's arc length is integrated with 3-point Gauss–Legendre quadrature of
/// the curve's speed `|B′(t)|`. The pieces are short and smooth, so the quadrature
/// error is far below the tolerance (for a circle of radius 100 it is below `f32`
/// rounding at tolerances up to 1); unlike summing chords, the length does not shrink
/// with a coarser tolerance. Lines are measured exactly. Within a piece, a distance is
/// turned back into a curve parameter by linear interpolation refined with two Newton
/// steps, so points found by distance lie on the curve itself, not on a chord.
///
/// # Example
///
/// Dashes of length 3 every 5 units along an L shape:
///
/// ```
/// use chiaro_draw::path::PathMeasure;
/// use chiaro_draw::{Path, PathBuilder, Point, Vec2};
///
/// let path = Path::from_svg("M0 0 H10 V10").unwrap();
/// let measure = PathMeasure::new(&path, 0.1);
/// assert_eq!(measure.length(), 20.0);
/// let (p, tangent) = measure.point_and_tangent_at(12.0).unwrap();
/// assert_eq!((p, tangent), (Point::new(10.0, 2.0), Vec2::new(0.0, 1.0)));
///
/// let mut dashes = PathBuilder::new();
/// let mut d = 0.0;
/// while d < measure.length() {
///     measure.segment(d, d + 3.0, &mut dashes);
///     d += 5.0;
/// }
/// let dashes = dashes.finish().unwrap();
/// assert_eq!(dashes.length(0.1), 12.0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct PathMeasure {
    /// Segments with non-zero length, each with its contour's index.
    segments: Vec<(Segment, usize)>,
    pieces: Vec<Piece>,
    contours: Vec<Contour>,
    length: f32,
}

impl PathMeasure {
    /// Measures `path` with curves cut into pieces as flattening within
    /// `tolerance` would cut them.
    pub fn new(path: &Path, tolerance: f32) -> Self {
        let mut m = Self::default();
        m.reset(path, tolerance);
        m
    }

    /// Measures `path` instead, reusing this measure's allocations.
    pub fn reset(&mut self, path: &Path, tolerance: f32) {
        self.segments.clear();
        self.pieces.clear();
        self.contours.clear();
        self.length = 0.0;
        let mut start = Point::ZERO;
        let mut last = Point::ZERO;
        let mut open = false;
        for el in path.elements() {
            let seg = match el {
                PathEl::MoveTo(p) => {
                    self.end_contour(false, &mut open);
                    start = p;
                    last = p;
                    continue;
                }
                PathEl::Close => {
                    if last != start {
                        self.add_segment(Segment::Line(last, start), tolerance, &mut open);
                    }
                    self.end_contour(true, &mut open);
                    last = start;
                    continue;
                }
                PathEl::LineTo(p) => Segment::Line(last, p),
                PathEl::QuadTo(c, p) => Segment::Quad(last, c, p),
                PathEl::CubicTo(c1, c2, p) => Segment::Cubic(last, c1, c2, p),
            };
            last = seg.end();
            self.add_segment(seg, tolerance, &mut open);
        }
        self.end_contour(false, &mut open);
    }

    fn add_segment(&mut self, seg: Segment, tolerance: f32, open: &mut bool) {
        let index = self.segments.len();
        let before = self.pieces.len();
        let mut d = self.length;
        let pieces = &mut self.pieces;
        for_each_piece(&seg, tolerance, |t0, t1, len| {
            if len > 0.0 {
                let d1 = d + len;
                pieces.push(Piece {
                    d0: d,
                    d1,
                    t0,
                    t1,
                    seg: index,
                });
                d = d1;
            }
        });
        if self.pieces.len() == before {
            return;
        }
        if !*open {
            *open = true;
            self.contours.push(Contour {
                offset: self.length,
                length: 0.0,
                closed: false,
            });
        }
        self.length = d;
        let contour = self.contours.len() - 1;
        self.segments.push((seg, contour));
    }

    fn end_contour(&mut self, closed: bool, open: &mut bool) {
        if *open {
            if let Some(c) = self.contours.last_mut() {
                c.length = self.length - c.offset;
                c.closed = closed;
            }
            *open = false;
        }
    }

    /// The total length: the sum of the contours' lengths.
    #[inline]
    pub fn length(&self) -> f32 {
        self.length
    }

    /// The measured subpaths, in order (those of zero length left out).
    #[inline]
    pub fn contours(&self) -> &[Contour] {
        &self.contours
    }

    /// The parameter on `piece`'s segment at distance `d` (within the piece).
    fn param_at(&self, piece: &Piece, d: f32) -> f32 {
        let span = piece.d1 - piece.d0;
        let target = d - piece.d0;
        if span.is_nan() || span <= 0.0 || target >= span {
            return piece.t1;
        }
        if target <= 0.0 {
            return piece.t0;
        }
        let mut t = piece.t0 + (piece.t1 - piece.t0) * (target / span);
        let seg = &self.segments[piece.seg].0;
        if matches!(seg, Segment::Line(..)) {
            return t;
        }
        for _ in 0..2 {
            let speed = derivative(seg, t).length();
            if speed.is_nan() || speed <= 0.0 {
                break;
            }
            let f = gauss_length(seg, piece.t0, t) - target;
            t = (t - f / speed).clamp(piece.t0, piece.t1);
        }
        t
    }

    /// The segment index and parameter at distance `d`, taking the piece that ends
    /// at `d` when `d` is a piece boundary (`after == false`) or the one that starts
    /// there (`after == true`). Needs at least one piece.
    fn locate(&self, d: f32, after: bool) -> (usize, f32) {
        let i = if after {
            self.pieces.partition_point(|p| p.d1 <= d)
        } else {
            self.pieces.partition_point(|p| p.d1 < d)
        };
        let piece = &self.pieces[i.min(self.pieces.len() - 1)];
        (piece.seg, self.param_at(piece, d))
    }

    /// The point at `distance` along the path and the unit tangent there (the
    /// direction of travel), or `None` when the path has no length or `distance` is
    /// NaN. Distances outside `[0, length]` are clamped to it. At a joint between two
    /// segments the tangent is the end tangent of the first.
    pub fn point_and_tangent_at(&self, distance: f32) -> Option<(Point, Vec2)> {
        if self.pieces.is_empty() || distance.is_nan() {
            return None;
        }
        let (seg, t) = self.locate(distance.clamp(0.0, self.length), false);
        let seg = &self.segments[seg].0;
        let p = if t >= 1.0 { seg.end() } else { seg.eval(t) };
        Some((p, unit_tangent(seg, t)))
    }

    /// Appends the part of the path between distances `start_d` and `end_d` to
    /// `out` as curves (sub-curves of the original segments, not a flattening),
    /// starting with a `move_to`; where the range crosses into another contour, that
    /// contour's part starts with its own `move_to`. The pieces are left open, even
    /// when one covers a whole closed contour. Distances are clamped to
    /// `[0, length]`; returns whether anything was added (`false` when the clamped
    /// range is empty or a distance is NaN).
    pub fn segment(&self, start_d: f32, end_d: f32, out: &mut PathBuilder) -> bool {
        self.extract(start_d, end_d, out, true)
    }

    /// As [`segment`](Self::segment), but continuing the builder's current subpath:
    /// with a line from its current point to the range's start when they differ,
    /// and none when they coincide (as when a dash crosses the start of a closed
    /// contour and its two parts are joined).
    pub fn segment_joined(&self, start_d: f32, end_d: f32, out: &mut PathBuilder) -> bool {
        self.extract(start_d, end_d, out, false)
    }

    fn extract(&self, start_d: f32, end_d: f32, out: &mut PathBuilder, move_to: bool) -> bool {
        if self.pieces.is_empty() {
            return false;
        }
        let s = start_d.max(0.0);
        let e = end_d.min(self.length);
        if s.is_nan() || e.is_nan() || s >= e {
            return false;
        }
        let (k0, t0) = self.locate(s, true);
        let (k1, t1) = self.locate(e, false);
        let (seg0, contour0) = &self.segments[k0];
        let first = subsegment(seg0, t0, if k0 == k1 { t1 } else { 1.0 });
        let p = first.start();
        if move_to {
            out.move_to(p.x, p.y);
        } else {
            connect(out, p);
        }
        emit(out, &first);
        if k0 == k1 {
            return true;
        }
        let mut contour = *contour0;
        for (k, (seg, c)) in self.segments.iter().enumerate().take(k1 + 1).skip(k0 + 1) {
            if *c != contour {
                contour = *c;
                let p = seg.start();
                out.move_to(p.x, p.y);
            }
            if k == k1 {
                emit(out, &subsegment(seg, 0.0, t1));
            } else {
                emit(out, seg);
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsegments_join_and_lie_on_the_curve() {
        let seg = Segment::Cubic(
            Point::new(0.0, 0.0),
            Point::new(10.0, 30.0),
            Point::new(40.0, -20.0),
            Point::new(50.0, 10.0),
        );
        let a = subsegment(&seg, 0.0, 0.3);
        let b = subsegment(&seg, 0.3, 1.0);
        assert_eq!(a.start(), seg.start());
        assert_eq!(b.end(), seg.end());
        assert!(a.end().distance(b.start()) < 1e-5);
        for i in 0..=10 {
            let u = i as f32 / 10.0;
            let p = b.eval(u);
            let q = seg.eval(0.3 + 0.7 * u);
            assert!(p.distance(q) < 1e-4, "{p:?} {q:?}");
        }
    }

    #[test]
    fn extrema_of_a_cubic() {
        let seg = Segment::Cubic(
            Point::new(0.0, 0.0),
            Point::new(0.0, 10.0),
            Point::new(10.0, 10.0),
            Point::new(10.0, 0.0),
        );
        let mut r = Rect::new(0.0, 0.0, 10.0, 0.0);
        add_extrema(&seg, &mut r);
        assert!((r.y1 - 7.5).abs() < 1e-5, "{r:?}");
    }

    #[test]
    fn reversed_flips_segments() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0)
            .line_to(1.0, 0.0)
            .quad_to(2.0, 0.0, 2.0, 1.0)
            .close();
        pb.move_to(5.0, 5.0).cubic_to(6.0, 5.0, 7.0, 6.0, 7.0, 7.0);
        let p = pb.finish().unwrap();
        let r = p.reversed();
        let els: Vec<_> = r.elements().collect();
        assert_eq!(
            els,
            [
                PathEl::MoveTo(Point::new(2.0, 1.0)),
                PathEl::QuadTo(Point::new(2.0, 0.0), Point::new(1.0, 0.0)),
                PathEl::LineTo(Point::new(0.0, 0.0)),
                PathEl::Close,
                PathEl::MoveTo(Point::new(7.0, 7.0)),
                PathEl::CubicTo(
                    Point::new(7.0, 6.0),
                    Point::new(6.0, 5.0),
                    Point::new(5.0, 5.0)
                ),
            ]
        );
        assert_eq!(r.reversed(), p);
    }
}
