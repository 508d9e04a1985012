//! Polylines to fillable outlines.
//!
//! An open polyline becomes one contour: its left side forwards, the end cap, its
//! right side backwards (the left side of the reversed polyline), the start cap. A
//! closed one becomes two contours, its left side forwards and its right side
//! backwards, so a non-zero fill covers the ring between them.
//!
//! At each vertex the outer side gets the join (inside a flattened curve always a
//! round one, whose arc adds points only where the turn is large enough for the
//! tolerance to notice). The inner side is cut at the intersection of the two offset
//! edges when that lies on both of them; otherwise it runs back through the vertex
//! itself, which a non-zero fill covers correctly however short the edges or sharp
//! the turn. The first case keeps outlines of smooth curves free of overlaps, so
//! the rasterizer seldom has to look closer at a pixel.

use alloc::vec::Vec;

use super::polyline::{Polyline, Polylines, Vertex};
use super::{LineCap, LineJoin, StrokeError};
use crate::geom::{Point, Rect, Vec2};
use crate::math;
use crate::path::Path;

/// The most pieces an arc of a full turn is cut into, whatever the width and
/// tolerance: bounds the work per join and cap.
const MAX_ARC_PIECES: f32 = 1024.0;

/// Below this (the sine of a turn, or `1 + cos` of it) directions count as parallel.
const PARALLEL: f32 = 1e-6;

/// How a polyline is outlined.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pen {
    /// Half the stroke width.
    pub(crate) r: f32,
    pub(crate) join: LineJoin,
    pub(crate) cap: LineCap,
    miter_limit: f32,
    /// The cosine of a turn at or above which a miter join is drawn (below it the
    /// miter would exceed the limit, and the join is bevelled).
    miter_dot: f32,
    /// The largest turn (radians) one chord of a round join or cap may cover while
    /// staying within the tolerance of the arc.
    arc_step: f32,
    /// `sin(arc_step)`, to skip arcs of smaller turns without an `atan2`.
    sin_step: f32,
}

impl Pen {
    /// A pen of half-width `r` (finite, positive) drawing arcs within `tolerance`.
    pub(crate) fn new(
        r: f32,
        join: LineJoin,
        miter_limit: f32,
        cap: LineCap,
        tolerance: f32,
    ) -> Pen {
        let min_step = core::f32::consts::TAU / MAX_ARC_PIECES;
        let arc_step = if tolerance < r {
            (2.0 * math::acos(1.0 - tolerance / r)).max(min_step)
        } else {
            core::f32::consts::FRAC_PI_2
        };
        let arc_step = arc_step.min(core::f32::consts::FRAC_PI_2);
        Pen {
            r,
            join,
            cap,
            miter_limit,
            // 1/cos(θ/2) <= limit  ⇔  cos θ >= 2/limit² − 1.
            miter_dot: 2.0 / (miter_limit * miter_limit) - 1.0,
            arc_step,
            sin_step: math::sin_cos(arc_step).0,
        }
    }
}

/// Appends the outlines of `lines` to `out`.
///
/// # Errors
///
/// [`StrokeError::OutOfRange`] when an outline point is not finite (coordinates or
/// width near the limits of `f32`); `out` is then incomplete.
pub(crate) fn outline(
    lines: &Polylines,
    pen: &Pen,
    visible: Option<&Rect>,
    contour: &mut Vec<Point>,
    out: &mut Path,
) -> Result<(), StrokeError> {
    // How far an outline may reach past its polyline: a miter, or a square cap's
    // corner.
    let reach = pen.r * pen.miter_limit.max(core::f32::consts::SQRT_2);
    for (line, vertices) in lines.iter() {
        if let Some(v) = visible {
            // Polylines whose outline cannot reach the visible area (dashes of a
            // zoomed-in path, most often) are skipped.
            let bounds = Rect::from_points(vertices.iter().map(|v| v.p));
            if bounds.is_some_and(|b| b.inflate(reach).intersect(v).is_none()) {
                continue;
            }
        }
        let mut emit = |contour: &mut Vec<Point>| {
            let ok = out.push_polygon(contour);
            contour.clear();
            if ok {
                Ok(())
            } else {
                Err(StrokeError::OutOfRange)
            }
        };
        contour.clear();
        match vertices.len() {
            0 => {}
            1 => {
                dot(vertices[0].p, &line, pen, contour);
                emit(contour)?;
            }
            _ if line.closed => {
                closed_side(&Side::new(vertices, true, false), pen, contour);
                emit(contour)?;
                closed_side(&Side::new(vertices, true, true), pen, contour);
                emit(contour)?;
            }
            _ => {
                let end_dir = open_side(&Side::new(vertices, false, false), pen, contour);
                let last = vertices[vertices.len() - 1].p;
                cap(last, end_dir, pen, contour);
                let start_dir = open_side(&Side::new(vertices, false, true), pen, contour);
                cap(vertices[0].p, start_dir, pen, contour);
                emit(contour)?;
            }
        }
    }
    Ok(())
}

/// A polyline walked forwards or backwards.
struct Side<'a> {
    v: &'a [Vertex],
    closed: bool,
    rev: bool,
}

impl<'a> Side<'a> {
    fn new(v: &'a [Vertex], closed: bool, rev: bool) -> Self {
        Side { v, closed, rev }
    }

    fn len(&self) -> usize {
        self.v.len()
    }

    /// The `i`th vertex in walking order; a closed polyline walked backwards still
    /// starts at its first vertex.
    fn at(&self, i: usize) -> Vertex {
        let n = self.v.len();
        let j = match (self.rev, self.closed) {
            (false, _) => i,
            (true, false) => n - 1 - i,
            (true, true) => (n - i) % n,
        };
        let v = self.v[j];
        if self.rev {
            Vertex {
                t_in: -v.t_out,
                t_out: -v.t_in,
                ..v
            }
        } else {
            v
        }
    }
}

/// Unit direction and length of `v` (the x axis and 0 for a zero vector).
fn unit(v: Vec2) -> (Vec2, f32) {
    let len = v.length();
    if len > 0.0 {
        (v / len, len)
    } else {
        (Vec2::new(1.0, 0.0), 0.0)
    }
}

/// The left side of an open polyline of at least two vertices; returns the
/// direction of its last edge.
fn open_side(side: &Side<'_>, pen: &Pen, out: &mut Vec<Point>) -> Vec2 {
    let n = side.len();
    let v0 = side.at(0);
    let (mut d_in, mut avail) = unit(side.at(1).p - v0.p);
    out.push(v0.p + v0.tangent_out(d_in).perp() * pen.r);
    for i in 1..n - 1 {
        let v = side.at(i);
        let (d_out, len) = unit(side.at(i + 1).p - v.p);
        let k = join(&v, d_in, d_out, avail, len, pen, out);
        avail = len - k;
        d_in = d_out;
    }
    let last = side.at(n - 1);
    let t = last.tangent_in(d_in);
    out.push(last.p + t.perp() * pen.r);
    t
}

/// The left side of a closed polyline of at least two vertices, as a loop.
fn closed_side(side: &Side<'_>, pen: &Pen, out: &mut Vec<Point>) {
    let n = side.len();
    let p0 = side.at(0);
    let (d_last, len_last) = unit(p0.p - side.at(n - 1).p);
    let (d0, len0) = unit(side.at(1).p - p0.p);
    // The join at the first vertex cuts the last edge's end by `k0`.
    let k0 = join(&p0, d_last, d0, len_last, len0, pen, out);
    let mut avail = len0 - k0;
    let mut d_in = d0;
    for i in 1..n {
        let v = side.at(i);
        let (d_out, len) = unit(side.at((i + 1) % n).p - v.p);
        let len = if i == n - 1 { len - k0 } else { len };
        let k = join(&v, d_in, d_out, avail, len, pen, out);
        avail = len - k;
        d_in = d_out;
    }
}

/// The left side's points at vertex `v`, from the edge in direction `d0` (with
/// `avail_in` of its length not yet cut) to the edge in direction `d1` (of length
/// `len_out`); at a corner the path's own tangents there take the edges' place.
/// Returns how much the inner cut takes off both edges (0 if none).
fn join(
    v: &Vertex,
    d0: Vec2,
    d1: Vec2,
    avail_in: f32,
    len_out: f32,
    pen: &Pen,
    out: &mut Vec<Point>,
) -> f32 {
    let (p, corner) = (v.p, v.corner);
    let (d0, d1) = if corner {
        (v.tangent_in(d0), v.tangent_out(d1))
    } else {
        (d0, d1)
    };
    let r = pen.r;
    let (n0, n1) = (d0.perp(), d1.perp());
    let cross = d0.cross(d1);
    let dot = d0.dot(d1);
    let a = p + n0 * r;
    let b = p + n1 * r;
    let reversal = dot < 0.0 && cross.abs() <= PARALLEL;
    if cross < 0.0 || reversal {
        // The left side is the outer one: turning clockwise (in the y-up sense of
        // the maths; on screen, with y down, anticlockwise), or straight back.
        out.push(a);
        let join = if corner { pen.join } else { LineJoin::Round };
        match join {
            LineJoin::Miter => {
                if dot >= pen.miter_dot && 1.0 + dot > PARALLEL {
                    out.push(p + (n0 + n1) * (r / (1.0 + dot)));
                }
            }
            LineJoin::Round => {
                if cross.abs() >= pen.sin_step || dot <= 0.0 {
                    let angle = if reversal {
                        -core::f32::consts::PI
                    } else {
                        math::atan2(cross, dot)
                    };
                    arc(p, n0, angle, pen, out);
                }
            }
            LineJoin::Bevel => {}
        }
        out.push(b);
        return 0.0;
    }
    let denom = 1.0 + dot;
    if denom > PARALLEL {
        let k = r * cross / denom;
        if k <= avail_in && k <= len_out {
            out.push(a - d0 * k);
            return k;
        }
    }
    out.extend([a, p, b]);
    0.0
}

/// Points strictly inside the arc of radius `pen.r` about `center` from direction
/// `from` (a unit vector) turning by `angle` radians.
fn arc(center: Point, from: Vec2, angle: f32, pen: &Pen, out: &mut Vec<Point>) {
    let pieces = math::ceil(angle.abs() / pen.arc_step);
    if pieces < 2.0 {
        return;
    }
    #[expect(clippy::cast_possible_truncation, reason = "at most MAX_ARC_PIECES")]
    let pieces = pieces.min(MAX_ARC_PIECES) as u32;
    let step = angle / pieces as f32;
    let (s, c) = math::sin_cos(step);
    let r = pen.r * chord_scale(step, s);
    let mut v = from;
    for _ in 1..pieces {
        v = Vec2::new(v.x * c - v.y * s, v.x * s + v.y * c);
        out.push(center + v * r);
    }
}

/// How far out to put the points of an arc cut into chords of angle `step` (with
/// sine `sin`), as a multiple of the radius, so the fan of chords has the sector's
/// area: the chords then cross the circle instead of lying inside it, halving the
/// largest distance from it and leaving no bias in the coverage.
fn chord_scale(step: f32, sin: f32) -> f32 {
    if sin.abs() > 1e-6 {
        math::sqrt(step / sin)
    } else {
        1.0
    }
}

/// The cap at `p`, the end of an edge in direction `d`: the points between the left
/// side's last point and the right side's first.
fn cap(p: Point, d: Vec2, pen: &Pen, out: &mut Vec<Point>) {
    let n = d.perp();
    match pen.cap {
        LineCap::Butt => {}
        LineCap::Square => {
            let ahead = d * pen.r;
            out.push(p + n * pen.r + ahead);
            out.push(p - n * pen.r + ahead);
        }
        LineCap::Round => arc(p, n, -core::f32::consts::PI, pen, out),
    }
}

/// The outline of a zero-length polyline: a disc for round caps, a square turned to
/// the path's direction for square caps, nothing for butt caps. Like every other
/// outline contour it turns clockwise (in y-up terms), so where outlines of
/// different subpaths overlap their windings add instead of cancelling.
fn dot(p: Point, line: &Polyline, pen: &Pen, out: &mut Vec<Point>) {
    match pen.cap {
        LineCap::Butt => {}
        LineCap::Square => {
            let d = line.dir * pen.r;
            let n = d.perp();
            out.extend([p - d + n, p + d + n, p + d - n, p - d - n]);
        }
        LineCap::Round => {
            let from = Vec2::new(1.0, 0.0);
            let pieces = math::ceil(core::f32::consts::TAU / pen.arc_step).min(MAX_ARC_PIECES);
            let step = core::f32::consts::TAU / pieces;
            out.push(p + from * (pen.r * chord_scale(step, math::sin_cos(step).0)));
            arc(p, from, -core::f32::consts::TAU, pen, out);
            // At least a square's worth of points for the tiniest discs.
            if out.len() < 4 {
                out.clear();
                let r = pen.r;
                out.extend([
                    Point::new(p.x + r, p.y),
                    Point::new(p.x, p.y - r),
                    Point::new(p.x - r, p.y),
                    Point::new(p.x, p.y + r),
                ]);
            }
        }
    }
}
