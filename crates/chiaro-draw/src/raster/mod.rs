//! The anti-aliased scanline rasterizer: paths in, coverage spans out.
//!
//! The stages, one file each, in the order data flows through them:
//!
//! 1. Flattening ([`Path::flatten`]) turns curves into lines within a tolerance,
//!    in device space (after the transform), so the tolerance is in pixels.
//! 2. `edge` clips each line to the window being drawn, in `f64`: parts above,
//!    below or to the right of it are dropped (they cover no pixel of it), parts to
//!    its left are moved onto its left edge (they still change the winding of every
//!    pixel to their right). What is left has coordinates inside the window, so
//!    later stages work in `f32` without overflow or loss.
//! 3. `coverage` adds each line's exact signed area to an accumulation buffer of
//!    cells, in horizontal bands so the buffer stays small for any target, and marks
//!    the 8-pixel blocks it touched.
//! 4. `sweep` runs a prefix sum along each row of the band: the running sum at a
//!    pixel is its winding number, weighted by area at edge pixels. The
//!    [`FillRule`] turns it into a coverage byte. Blocks no line touched have
//!    constant coverage and become solid spans without being summed.
//! 5. `span`: the spans go to a [`SpanSink`], the one interface between
//!    rasterizing and compositing.
//!
//! Pixels where the prefix sum alone is not exact (where differently wound regions
//! meet, as at self-intersections) are recomputed by the sweep; its module docs say
//! how they are found.
//!
//! Without anti-aliasing the same machinery samples each pixel at its centre: a
//! line adds its direction (±1) to the first pixel whose centre lies to its right,
//! and the prefix sum is the exact winding number of each pixel centre.

mod coverage;
mod edge;
mod fill_rule;
pub(crate) mod hairline;
mod span;
mod sweep;

pub use fill_rule::FillRule;
pub use span::{SpanRecorder, SpanSink};

use alloc::vec::Vec;

use chiaro_pixel::Rect as PixelRect;

use crate::geom::Transform;
use crate::path::{Path, Segment};

use coverage::Accumulator;
use edge::{Line, Window};

/// Default flattening tolerance in device pixels: curves are drawn within 1/20 of a
/// pixel of the true curve. Chords lie inside a curve, so the tolerance biases edge
/// coverage inwards: on a large circle's edge pixels the mean error against exact
/// coverage is about 12/255 at 0.1 px, 3.8/255 at 0.05 px and 1.8/255 at 0.025 px
/// (tiny-skia's: 6.2/255), measured in the golden tests; halving the tolerance
/// costs about 1.4× the lines.
pub const DEFAULT_TOLERANCE: f32 = 0.05;

/// Rasterizes paths into coverage spans, keeping its buffers between calls so a
/// loop of fills allocates only when a fill needs more room than any before it.
#[derive(Debug, Default)]
pub struct Rasterizer {
    lines: Vec<Line>,
    active: Vec<u32>,
    acc: Accumulator,
    coverage: Vec<u8>,
    scratch: sweep::SweepScratch,
    sorted: Vec<Line>,
    row_starts: Vec<u32>,
}

/// How a fill is rasterized.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RasterOptions {
    /// Which points are inside.
    pub rule: FillRule,
    /// Device transform applied to the path before rasterizing.
    pub transform: Transform,
    /// `true` (the default) for exact area coverage; `false` to sample each pixel at
    /// its centre, giving coverage 0 or 255 only.
    pub anti_alias: bool,
    /// Flattening tolerance in device pixels; values below 0.001 are raised to it.
    pub tolerance: f32,
}

impl Default for RasterOptions {
    fn default() -> Self {
        Self {
            rule: FillRule::NonZero,
            transform: Transform::IDENTITY,
            anti_alias: true,
            tolerance: DEFAULT_TOLERANCE,
        }
    }
}

impl Rasterizer {
    /// A rasterizer with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rasterizes `path`, transformed by `options.transform`, within `clip` (a pixel
    /// rectangle of the target; nothing outside it is emitted), handing the covered
    /// spans to `sink` row by row, top to bottom, left to right.
    ///
    /// Draws nothing when the transform is not finite or maps a point to infinity.
    /// Coordinates of any finite size are handled; curves are cut into at most
    /// [`MAX_PIECES`](crate::path::MAX_PIECES) lines each, so time and memory grow
    /// with the path's size, not with its coordinates.
    pub fn fill(
        &mut self,
        path: &Path,
        options: &RasterOptions,
        clip: PixelRect,
        sink: &mut impl SpanSink,
    ) {
        let t = &options.transform;
        if path.is_empty() || !t.is_finite() || clip.is_empty() {
            return;
        }
        let device_bounds = t.map_rect(path.bounds());
        let Some((l, top, r, b)) = device_bounds.round_out() else {
            return;
        };
        let Some(window) = PixelRect::from_edges(l.into(), top.into(), r.into(), b.into())
            .and_then(|bounds| bounds.intersect(&clip))
        else {
            return;
        };
        let window = Window::new(window);
        self.collect_lines(path, options, &window);
        if self.lines.is_empty() {
            return;
        }
        let may_overlap = !convex_and_apart(path);
        self.render(&window, options, may_overlap, sink);
    }

    /// Flattens the transformed path into clipped lines in window coordinates.
    fn collect_lines(&mut self, path: &Path, options: &RasterOptions, window: &Window) {
        self.lines.clear();
        let t = &options.transform;
        let tol = options.tolerance.max(0.001);
        let lines = &mut self.lines;
        let identity = t.is_identity();
        for seg in path.segments() {
            let seg = if identity { seg } else { map_segment(t, seg) };
            match window.classify(&seg) {
                edge::Placement::Outside => {}
                edge::Placement::Left(a, b) => window.push_clipped(a, b, lines),
                edge::Placement::Crossing => {
                    crate::path::flatten_segment(&seg, tol, &mut |a, b| {
                        window.push_clipped(a, b, lines);
                    });
                }
            }
        }
        // Implicit closing lines of open subpaths.
        let mut start = None;
        let mut last = None;
        let mut close = |start: Option<crate::Point>, last: Option<crate::Point>| {
            if let (Some(s), Some(l)) = (start, last) {
                let (s, l) = if identity {
                    (s, l)
                } else {
                    (t.map_point(s), t.map_point(l))
                };
                if s != l {
                    window.push_clipped(l, s, lines);
                }
            }
        };
        for el in path.elements() {
            match el {
                crate::path::PathEl::MoveTo(p) => {
                    close(start, last);
                    start = Some(p);
                    last = Some(p);
                }
                crate::path::PathEl::Close => {
                    last = start;
                }
                crate::path::PathEl::LineTo(p)
                | crate::path::PathEl::QuadTo(_, p)
                | crate::path::PathEl::CubicTo(_, _, p) => last = Some(p),
            }
        }
        close(start, last);
    }

    fn render(
        &mut self,
        window: &Window,
        options: &RasterOptions,
        may_overlap: bool,
        sink: &mut impl SpanSink,
    ) {
        let width = window.width();
        let height = window.height();
        let band_rows = self.acc.prepare(width, height);
        self.acc.track_extents = may_overlap && options.anti_alias;
        self.coverage.resize(self.acc.row_len(), 0);
        // Lines in order of the row holding their top edge (a counting sort: linear
        // in the lines and rows); a band takes the ones reaching into it.
        self.sort_lines_by_row(height);
        self.active.clear();
        let mut next = 0usize;
        let mut band_top = 0u32;
        while band_top < height {
            let band_end = (band_top + band_rows).min(height);
            let (top_f, end_f) = (band_top as f32, band_end as f32);
            self.active
                .retain(|&i| self.lines[i as usize].bottom() > top_f);
            while next < self.lines.len() && self.lines[next].top() < end_f {
                if self.lines[next].bottom() > top_f {
                    #[expect(
                        clippy::cast_possible_truncation,
                        reason = "line counts are far below u32::MAX (each needs 16 bytes)"
                    )]
                    self.active.push(next as u32);
                }
                next += 1;
            }
            if self.active.is_empty() && next >= self.lines.len() {
                break;
            }
            for &i in &self.active {
                let line = &self.lines[i as usize];
                if options.anti_alias {
                    self.acc.add_line(line, band_top, band_end);
                } else {
                    self.acc.add_line_sampled(line, band_top, band_end);
                }
            }
            let input = sweep::SweepInput {
                window,
                rule: options.rule,
                anti_alias: options.anti_alias,
                lines: &self.lines,
                active: &self.active,
                may_overlap,
            };
            sweep::sweep_band(
                &mut self.acc,
                &mut self.coverage,
                &mut self.scratch,
                (band_top, band_end),
                &input,
                sink,
            );
            band_top = band_end;
        }
    }
}

/// Whether every subpath's control polygon is convex (turning one way through one
/// full turn) and the subpaths' bounds are pairwise disjoint: then no two regions of
/// different winding can meet, as a Bézier curve is convex wherever its control
/// polygon is, and affine maps keep convexity. Checked in user space, before
/// flattening; paths with more than 32 subpaths are not checked (assumed to overlap).
fn convex_and_apart(path: &Path) -> bool {
    let points = path.points();
    // Point index where each subpath starts, then the end.
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0usize;
    for v in path.verbs() {
        if *v == crate::path::Verb::Move {
            if starts.len() == 32 {
                return false;
            }
            starts.push(at);
        }
        at += v.point_count();
    }
    starts.push(points.len());
    let mut boxes: Vec<crate::geom::Rect> = Vec::with_capacity(starts.len());
    for w in starts.windows(2) {
        let contour = &points[w[0]..w[1]];
        if !convex_contour(contour) {
            return false;
        }
        let Some(b) = crate::geom::Rect::from_points(contour.iter().copied()) else {
            continue;
        };
        if boxes
            .iter()
            .any(|o| o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1)
        {
            return false;
        }
        boxes.push(b);
    }
    true
}

/// Whether the closed polygon through `points` turns one way and once around.
fn convex_contour(points: &[crate::Point]) -> bool {
    let n = points.len();
    let mut turning = 0.0f32;
    let mut sign = 0.0f32;
    let mut prev: Option<crate::Vec2> = None;
    // Every edge, the closing one included, then the first again for the last turn.
    for k in 0..=n {
        let d = points[(k + 1) % n] - points[k % n];
        if d.length_squared() == 0.0 {
            continue;
        }
        if let Some(p) = prev {
            let c = p.cross(d);
            if c != 0.0 {
                if sign != 0.0 && c.signum() != sign {
                    return false;
                }
                sign = c.signum();
            }
            turning += crate::math::atan2(c, p.dot(d));
        }
        prev = Some(d);
    }
    // One full turn is 2π; a pentagram turns the same way twice (4π).
    turning.abs() < 7.0
}

impl Rasterizer {
    /// Orders `lines` by the window row of their top edge, stably.
    fn sort_lines_by_row(&mut self, height: u32) {
        let rows = height as usize;
        let row_of = |l: &Line| {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "clamped to the window's rows"
            )]
            let r = (crate::math::floor(l.top()).max(0.0) as usize).min(rows.saturating_sub(1));
            r
        };
        self.row_starts.clear();
        self.row_starts.resize(rows + 1, 0);
        for l in &self.lines {
            self.row_starts[row_of(l) + 1] += 1;
        }
        for r in 0..rows {
            self.row_starts[r + 1] += self.row_starts[r];
        }
        self.sorted.clear();
        self.sorted.resize(
            self.lines.len(),
            Line {
                x0: 0.0,
                y0: 0.0,
                x1: 0.0,
                y1: 0.0,
            },
        );
        for l in &self.lines {
            let slot = &mut self.row_starts[row_of(l)];
            self.sorted[*slot as usize] = *l;
            *slot += 1;
        }
        core::mem::swap(&mut self.lines, &mut self.sorted);
    }
}

fn map_segment(t: &Transform, seg: Segment) -> Segment {
    match seg {
        Segment::Line(a, b) => Segment::Line(t.map_point(a), t.map_point(b)),
        Segment::Quad(a, b, c) => Segment::Quad(t.map_point(a), t.map_point(b), t.map_point(c)),
        Segment::Cubic(a, b, c, d) => Segment::Cubic(
            t.map_point(a),
            t.map_point(b),
            t.map_point(c),
            t.map_point(d),
        ),
    }
}

#[cfg(test)]
mod tests;
