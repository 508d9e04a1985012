//! Dash patterns, applied to flattened polylines by arc length.
//!
//! The pattern restarts at each subpath (as in SVG and the canvas). On a closed
//! subpath that starts inside a dash, that first dash is joined to the last one when
//! the pattern is still on as the contour returns to its start, so no cap appears at
//! the seam.

use alloc::vec::Vec;

use super::StrokeError;
use super::polyline::{Polylines, Vertex};
use crate::geom::Vec2;
use crate::math;

/// The most dashes one stroke may make: a pattern that would cut a path into more
/// is refused rather than left to run for minutes.
pub const MAX_DASHES: usize = 1_000_000;

/// A dash pattern: lengths of dashes and gaps, alternating, starting with a dash,
/// and how far into the pattern the path starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Dash {
    /// Dash and gap lengths, an even number of them.
    intervals: Vec<f32>,
    /// The offset into the pattern, within `[0, total)`.
    phase: f32,
    total: f32,
}

impl Dash {
    /// A pattern of alternating dash and gap lengths in user units, starting
    /// `offset` units into it (negative offsets count back from the end; the pattern
    /// repeats either way). An odd number of lengths is repeated once, as in SVG:
    /// `[5, 2, 1]` means `[5, 2, 1, 5, 2, 1]`. Zero lengths are allowed: a zero dash
    /// draws a dot with round or square caps, a zero gap joins nothing (the dashes
    /// either side get their own caps).
    ///
    /// # Errors
    ///
    /// [`StrokeError::Dash`] when `intervals` is empty, a length is negative or not
    /// finite, the lengths sum to zero (or to more than `f32` holds), or `offset` is
    /// not finite.
    pub fn new(intervals: &[f32], offset: f32) -> Result<Dash, StrokeError> {
        if intervals.is_empty() {
            return Err(StrokeError::Dash("the pattern is empty"));
        }
        if intervals.iter().any(|v| !v.is_finite()) {
            return Err(StrokeError::Dash("a length is not finite"));
        }
        if intervals.iter().any(|&v| v < 0.0) {
            return Err(StrokeError::Dash("a length is negative"));
        }
        if !offset.is_finite() {
            return Err(StrokeError::Dash("the offset is not finite"));
        }
        let mut intervals = intervals.to_vec();
        if intervals.len() % 2 == 1 {
            intervals.extend_from_within(..);
        }
        let total: f32 = intervals.iter().sum();
        if !(total > 0.0 && total.is_finite()) {
            return Err(StrokeError::Dash(
                "the lengths must sum to a positive finite length",
            ));
        }
        let mut phase = offset - math::floor(offset / total) * total;
        if !(0.0..total).contains(&phase) {
            phase = 0.0;
        }
        Ok(Dash {
            intervals,
            phase,
            total,
        })
    }

    /// The dash and gap lengths (an odd number given has been repeated once).
    pub fn intervals(&self) -> &[f32] {
        &self.intervals
    }

    /// How far into the pattern each subpath starts, within `[0, pattern length)`.
    pub fn phase(&self) -> f32 {
        self.phase
    }

    /// The length of one repeat of the pattern.
    pub fn pattern_length(&self) -> f32 {
        self.total
    }

    /// The interval the pattern is in at its phase, and how much of it is left.
    fn start(&self) -> (usize, f32) {
        let mut left = self.phase;
        for (i, &len) in self.intervals.iter().enumerate() {
            // A zero-length dash exactly at the phase still draws.
            if left < len || left == 0.0 {
                return (i, len - left);
            }
            left -= len;
        }
        (0, self.intervals[0])
    }
}

/// Cuts `src` into dashes, replacing `out`'s contents.
///
/// # Errors
///
/// [`StrokeError::TooManyDashes`] when the path would be cut into more than
/// [`MAX_DASHES`] pieces.
pub(crate) fn dash(
    src: &Polylines,
    dash: &Dash,
    min_len: f32,
    out: &mut Polylines,
) -> Result<(), StrokeError> {
    out.clear();
    let mut estimate = 0.0f64;
    for (line, v) in src.iter() {
        let len = f64::from(length(v, line.closed));
        estimate += (len / f64::from(dash.total) + 1.0) * dash.intervals.len() as f64;
    }
    if estimate.is_nan() || estimate > MAX_DASHES as f64 {
        return Err(StrokeError::TooManyDashes);
    }
    let (first_index, first_left) = dash.start();
    for (line, v) in src.iter() {
        let mut walk = Walk {
            dash,
            index: first_index,
            left: first_left,
            min_len,
            out: &mut *out,
        };
        if v.len() == 1 {
            if walk.on() {
                walk.out.begin(v[0]);
                walk.out.end(false, line.dir, min_len);
            }
            continue;
        }
        walk.polyline(v, line.closed);
    }
    Ok(())
}

/// The ratio of the curve's length to the chord for edge `e` of `v` (from `v[e]`):
/// for a piece of a flattened curve turning by `θ`, an arc of that turn is
/// `1 + θ²/24` times its chord. `θ` is the mean turn at the edge's ends that lie
/// inside a curve (corners do not count); straight edges get 1. Without it, dashes
/// on curves drift back by the flattening's shortfall (about 0.04 % at the default
/// tolerance, a tenth of a pixel along a 300 px circle).
fn arc_stretch(v: &[Vertex], e: usize, closed: bool) -> f32 {
    let n = v.len();
    let turn = |i: usize| -> Option<f32> {
        let cur = v[i];
        if cur.corner || (!closed && (i == 0 || i == n - 1)) {
            return None;
        }
        let prev = v[(i + n - 1) % n].p;
        let next = v[(i + 1) % n].p;
        let (u, w) = (cur.p - prev, next - cur.p);
        // θ² from the cosine, 2·(1 − cos θ), good to θ⁴: flattened curves turn
        // little per vertex.
        let norms = math::sqrt(u.length_squared() * w.length_squared());
        (norms > 0.0).then(|| 2.0 * (1.0 - u.dot(w) / norms))
    };
    let (t0, t1) = (turn(e), turn((e + 1) % n));
    let theta2 = match (t0, t1) {
        // The square of the mean turn.
        (Some(a), Some(b)) => {
            let m = 0.5 * (math::sqrt(a.max(0.0)) + math::sqrt(b.max(0.0)));
            m * m
        }
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return 1.0,
    };
    1.0 + theta2 / 24.0
}

/// Length of a polyline, its closing edge included when closed.
fn length(v: &[Vertex], closed: bool) -> f32 {
    let open: f32 = v.windows(2).map(|w| (w[1].p - w[0].p).length()).sum();
    match (closed, v.first(), v.last()) {
        (true, Some(a), Some(b)) => open + (a.p - b.p).length(),
        _ => open,
    }
}

/// The pattern's state along one polyline.
struct Walk<'a> {
    dash: &'a Dash,
    index: usize,
    /// Length left in the current interval.
    left: f32,
    min_len: f32,
    out: &'a mut Polylines,
}

impl Walk<'_> {
    fn on(&self) -> bool {
        self.index.is_multiple_of(2)
    }

    fn next_interval(&mut self) {
        self.index = (self.index + 1) % self.dash.intervals.len();
        self.left = self.dash.intervals[self.index];
    }

    fn polyline(&mut self, v: &[Vertex], closed: bool) {
        let n = v.len();
        // On a closed polyline starting inside a dash, that dash's index in
        // `out.lines`, to be joined to the last dash.
        let first = (closed && self.on()).then_some(self.out.lines.len());
        let mut open = self.on();
        if open {
            self.out.begin(v[0]);
        }
        let edges = if closed { n } else { n - 1 };
        for e in 0..edges {
            let (a, b) = (v[e], v[(e + 1) % n]);
            let delta = b.p - a.p;
            let chord = delta.length();
            let d = if chord > 0.0 {
                delta / chord
            } else {
                Vec2::new(1.0, 0.0)
            };
            // The curve's length over this edge, and positions along the curve
            // mapped back onto the chord in proportion.
            let stretch = arc_stretch(v, e, closed);
            let len = chord * stretch;
            let mut pos = 0.0f32;
            loop {
                let rest = len - pos;
                if self.left > rest {
                    self.left -= rest;
                    break;
                }
                pos += self.left;
                let p = if pos >= len {
                    b.p
                } else {
                    a.p + d * (pos / stretch)
                };
                // A cut at a vertex keeps the vertex's tangents.
                let cut = if pos >= len { b } else { Vertex::corner(p) };
                if self.on() {
                    self.out.push(
                        Vertex {
                            corner: true,
                            ..cut
                        },
                        self.min_len,
                    );
                    self.out.end(false, d, self.min_len);
                    open = false;
                } else {
                    let start = if pos <= 0.0 { a } else { cut };
                    self.out.begin(start);
                    open = true;
                }
                self.next_interval();
            }
            if open {
                self.out.push(b, self.min_len);
            }
        }
        if !open {
            return;
        }
        match first {
            // The pattern never left the first dash: the contour stays closed.
            Some(i) if i == self.out.lines.len() => {
                self.out.end(true, Vec2::new(1.0, 0.0), self.min_len);
            }
            Some(i) => {
                // Continue the last dash into the first one and drop the first.
                let head = self.out.lines.remove(i);
                let copied: Vec<Vertex> = self.out.vertices[head.start + 1..head.end].to_vec();
                for vertex in copied {
                    self.out.push(vertex, self.min_len);
                }
                self.out.end(false, head.dir, self.min_len);
            }
            None => self.out.end(false, Vec2::new(1.0, 0.0), self.min_len),
        }
    }
}
