//! Hairlines: polylines in device space drawn one pixel wide, straight to coverage
//! spans, without accumulating areas over the path's bounds.
//!
//! Each segment is a band one pixel across, at right angles to the segment (for an
//! axis-aligned segment, its 1-pixel-wide rectangle). A pixel's coverage is the
//! exact area of the band inside it: between the band's two long edges, which are
//! straight over the pixel, it follows from the integrals of their clamped depths
//! into the pixel, linear functions along it.
//!
//! Free ends are cut across the segment's major axis (vertically for a segment more
//! horizontal than vertical), as Skia cuts its hairlines. Where two segments of a
//! polyline meet, both are cut along one line through the vertex, so they share it
//! without overlap or gap: the same vertical or horizontal line when they have the
//! same major axis, the bisector of the turn when they do not (the pixels within
//! reach of such a line are clipped against it exactly), or, past a turn of 60°,
//! each at right angles to itself.
//!
//! The pixels of one polyline are summed (saturating), so consecutive segments
//! meet without a seam or a double-covered joint; separate polylines are composited
//! one after another, as Skia composites separate hairlines.

use alloc::vec::Vec;

use chiaro_pixel::Rect as PixelRect;

use super::span::SpanSink;
use crate::geom::{Point, Vec2};
use crate::math;

/// Buffers kept between hairline draws.
#[derive(Debug, Default)]
pub(crate) struct HairlineScratch {
    /// The current polyline's pixels, `(y, x, coverage · 255)`.
    pixels: Vec<(u32, u32, f32)>,
    row: Vec<u8>,
    areas: Vec<f32>,
}

/// How the ends of open polylines are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HairCap {
    /// Exactly at the end points; a zero-length polyline draws nothing.
    Butt,
    /// Half a pixel past the end points; a zero-length polyline draws one pixel.
    Extend,
}

/// Draws `points` (a polyline in device space, closed back to its first point when
/// `closed`) one pixel wide within `clip`, handing coverage spans to `sink`.
/// `aliased`: coverage of at least a half becomes full, less becomes none.
pub(crate) fn draw(
    points: &[Point],
    closed: bool,
    cap: HairCap,
    aliased: bool,
    clip: PixelRect,
    scratch: &mut HairlineScratch,
    sink: &mut impl SpanSink,
) {
    let Some(&first) = points.first() else {
        return;
    };
    let HairlineScratch { pixels, row, areas } = scratch;
    pixels.clear();
    let n = points.len();
    // A lone segment's rows come out in order and need no summing: they go straight
    // to the sink. A polyline's pixels are gathered, sorted and summed first.
    let direct = n == 1 || (n == 2 && !closed);
    let mut take_row = |y: u32, x0: u32, cells: &[f32]| {
        if direct {
            row.clear();
            row.extend(cells.iter().map(|&a| to_coverage(a, aliased)));
            if row.iter().any(|&c| c != 0) {
                sink.mask_span(x0, y, row);
            }
        } else {
            pixels.extend((x0..).zip(cells).map(|(x, &a)| (y, x, a)));
        }
    };
    if n == 1 {
        if cap == HairCap::Extend {
            let a = Point::new(first.x - 0.5, first.y);
            let b = Point::new(first.x + 0.5, first.y);
            segment(a, b, Cut::Major, Cut::Major, clip, areas, &mut take_row);
        }
    } else {
        let edges = if closed { n } else { n - 1 };
        let edge = |e: usize| (points[e % n], points[(e + 1) % n]);
        for e in 0..edges {
            let (mut a, mut b) = edge(e);
            let start = if closed || e > 0 {
                joint(edge(e + n - 1).0, a, b, false)
            } else {
                Cut::Major
            };
            let end = if closed || e + 1 < edges {
                joint(a, b, edge(e + 1).1, true)
            } else {
                Cut::Major
            };
            if !closed && cap == HairCap::Extend {
                let extend = |from: Point, to: Point| match (to - from).normalize() {
                    Some(d) => to + d * 0.5,
                    None => to,
                };
                if e == 0 {
                    a = extend(b, a);
                }
                if e == edges - 1 {
                    b = extend(a, b);
                }
            }
            segment(a, b, start, end, clip, areas, &mut take_row);
        }
    }
    if direct {
        return;
    }
    if out_of_order(pixels) {
        pixels.sort_unstable_by_key(|&(y, x, _)| (y, x));
    }
    emit(pixels, aliased, row, sink);
}

/// How a segment's band is cut at one end.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Cut {
    /// Across the segment's major axis, through the end point.
    Major,
    /// Along a line: inside where `n · p <= c` (`n` a unit vector, in device
    /// coordinates).
    Line { n: Vec2, c: f32 },
}

/// The cut at `v`, where the edge from `u` meets the edge to `w`, for the edge
/// before the vertex (`before`) or after it.
fn joint(u: Point, v: Point, w: Point, before: bool) -> Cut {
    let (Some(d0), Some(d1)) = ((v - u).normalize(), (w - v).normalize()) else {
        return Cut::Major;
    };
    let major = |d: Vec2| d.x.abs() >= d.y.abs();
    if major(d0) == major(d1) {
        return Cut::Major;
    }
    let toward = if d0.dot(d1) >= 0.5 {
        // The bisector of the turn, shared by both edges.
        (d0 + d1).normalize().unwrap_or(d0)
    } else if before {
        d0
    } else {
        d1
    };
    // The edge before the vertex lies behind the line, the edge after ahead of it.
    let c = toward.dot(v.to_vec2());
    if before {
        Cut::Line { n: toward, c }
    } else {
        Cut::Line { n: -toward, c: -c }
    }
}

/// Whether the pixels are not already in row-major order without repeats (one
/// segment's are; a polyline's generally are not).
fn out_of_order(pixels: &[(u32, u32, f32)]) -> bool {
    pixels
        .windows(2)
        .any(|w| (w[0].0, w[0].1) >= (w[1].0, w[1].1))
}

/// Sums repeated pixels and hands runs of consecutive pixels to `sink` as spans.
fn emit(pixels: &[(u32, u32, f32)], aliased: bool, row: &mut Vec<u8>, sink: &mut impl SpanSink) {
    let mut i = 0;
    while i < pixels.len() {
        let (y, x0, _) = pixels[i];
        row.clear();
        let mut x = x0;
        while i < pixels.len() && pixels[i].0 == y && pixels[i].1 <= x {
            // Sum every entry for pixel `x`, then move to the next.
            let mut sum = 0.0f32;
            while i < pixels.len() && pixels[i].0 == y && pixels[i].1 == x {
                sum += pixels[i].2;
                i += 1;
            }
            row.push(to_coverage(sum, aliased));
            x += 1;
        }
        if row.iter().any(|&c| c != 0) {
            sink.mask_span(x0, y, row);
        }
    }
}

fn to_coverage(area: f32, aliased: bool) -> u8 {
    if aliased {
        return if area >= 0.5 { 255 } else { 0 };
    }
    #[expect(clippy::cast_possible_truncation, reason = "clamped to [0, 255.5)")]
    let c = (area.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    c
}

/// Appends the pixels of the band of the segment from `a` to `b`, cut at each end
/// as given.
fn segment(
    a: Point,
    b: Point,
    cut_a: Cut,
    cut_b: Cut,
    clip: PixelRect,
    areas: &mut Vec<f32>,
    row: &mut impl FnMut(u32, u32, &[f32]),
) {
    if !(a.is_finite() && b.is_finite()) {
        return;
    }
    let d = b - a;
    let transposed = d.x.abs() < d.y.abs();
    if !transposed && d.x == 0.0 {
        return;
    }
    // In (major, minor) coordinates, with the major one increasing.
    let swap = |p: Point| if transposed { (p.y, p.x) } else { (p.x, p.y) };
    let plane = |cut: Cut| match cut {
        Cut::Major => None,
        Cut::Line { n, c } => Some(if transposed {
            (n.y, n.x, c)
        } else {
            (n.x, n.y, c)
        }),
    };
    let ((s0, t0), (s1, t1), c0, c1) = {
        let (pa, pb) = (swap(a), swap(b));
        if pa.0 <= pb.0 {
            (pa, pb, plane(cut_a), plane(cut_b))
        } else {
            (pb, pa, plane(cut_b), plane(cut_a))
        }
    };
    let band = Band::new(s0, t0, s1, t1, c0, c1);
    band.rasterize(clip, transposed, areas, row);
}

/// A segment's band in (major, minor) coordinates: the line from `(s0, t0)` to
/// `(s1, t1)` with `s0 < s1` and a slope of at most 1, `half` either side of it
/// along the minor axis, cut at each end across the major axis or by a half-plane
/// `(a, b, c)` (inside where `a·s + b·t <= c`).
struct Band {
    s0: f32,
    t0: f32,
    s1: f32,
    slope: f32,
    half: f32,
    cuts: [Option<(f32, f32, f32)>; 2],
    /// The major-axis stretch over which each end's cut crosses the band.
    reach: [(f32, f32); 2],
}

impl Band {
    fn new(
        s0: f32,
        t0: f32,
        s1: f32,
        t1: f32,
        c0: Option<(f32, f32, f32)>,
        c1: Option<(f32, f32, f32)>,
    ) -> Self {
        let slope = (t1 - t0) / (s1 - s0);
        // One pixel across at right angles is `√(1 + slope²)` along the minor axis.
        let half = 0.5 * math::sqrt(1.0 + slope * slope);
        let mut band = Band {
            s0,
            t0,
            s1,
            slope,
            half,
            cuts: [c0, c1],
            reach: [(s0, s0), (s1, s1)],
        };
        for (i, end) in [s0, s1].into_iter().enumerate() {
            if let Some((a, b, c)) = band.cuts[i] {
                // Where the cut line meets the band's two edges (`t = centre ± half`):
                // a·s + b·(t0 + slope·(s − s0) ± half) = c.
                let k = a + b * slope;
                let reach = if k.abs() > 1e-6 {
                    let at = |off: f32| (c - b * (t0 - slope * s0 + off)) / k;
                    let (p, q) = (at(half), at(-half));
                    (p.min(q), p.max(q))
                } else {
                    // A cut along the band: not a cut; keep the end as it is.
                    band.cuts[i] = None;
                    (end, end)
                };
                // A cut nearly along the band reaches far: keep it within a pixel
                // or two of the end, where the joint is.
                band.reach[i] = (reach.0.max(end - 2.0), reach.1.min(end + 2.0));
            }
        }
        band
    }

    fn centre(&self, s: f32) -> f32 {
        self.t0 + self.slope * (s - self.s0)
    }

    /// The area of the band in the cell `[s, s + 1] × [t, t + 1]`.
    fn area(&self, s: f32, t: f32) -> f32 {
        let [(r0a, r0b), (r1a, r1b)] = self.reach;
        let near_cut =
            |i: usize, lo: f32, hi: f32| self.cuts[i].is_some() && s < hi && s + 1.0 > lo;
        if near_cut(0, r0a, r0b) || near_cut(1, r1a, r1b) {
            return self.area_clipped(s, t);
        }
        // Between the major-axis cuts (or clear of the line cuts).
        let lo = if self.cuts[0].is_some() { r0a } else { self.s0 };
        let hi = if self.cuts[1].is_some() { r1b } else { self.s1 };
        let (p0, p1) = (s.max(lo), (s + 1.0).min(hi));
        let len = p1 - p0;
        if len <= 0.0 {
            return 0.0;
        }
        let (c0, c1) = (self.centre(p0) - t, self.centre(p1) - t);
        let half = self.half;
        // The area between the band's two edges within the line: the integrals of
        // the clamped depths of both edges, which share their rate of change.
        let du = c1 - c0;
        if du.abs() < 1e-4 {
            let mid = 0.5 * (c0 + c1);
            return len * ((mid + half).clamp(0.0, 1.0) - (mid - half).clamp(0.0, 1.0));
        }
        let g = |u: f32| {
            let v = u.clamp(0.0, 1.0);
            0.5 * v * v + (u - 1.0).max(0.0)
        };
        len * ((g(c1 + half) - g(c0 + half)) - (g(c1 - half) - g(c0 - half))) / du
    }

    /// [`area`](Self::area) by clipping the cell against every bounding line.
    fn area_clipped(&self, s: f32, t: f32) -> f32 {
        let (m, h) = (self.slope, self.half);
        // t − centre(s) <= half and centre(s) − t <= half.
        let k = self.t0 - m * self.s0;
        let mut planes = [(0.0f32, 0.0f32, 0.0f32); 4];
        planes[0] = (-m, 1.0, k + h);
        planes[1] = (m, -1.0, h - k);
        planes[2] = self.cuts[0].map_or((-1.0, 0.0, -self.s0), |(a, b, c)| (a, b, c));
        planes[3] = self.cuts[1].map_or((1.0, 0.0, self.s1), |(a, b, c)| (a, b, c));
        clipped_area(s, t, &planes)
    }

    /// Hands the band's rows within `clip` to `row`, top to bottom, as `(y, first x,
    /// areas)` (device coordinates), using `areas` as the buffer.
    fn rasterize(
        &self,
        clip: PixelRect,
        transposed: bool,
        areas: &mut Vec<f32>,
        row: &mut impl FnMut(u32, u32, &[f32]),
    ) {
        let (x0, x1) = (clip.x as f32, clip.right() as f32);
        let (y0, y1) = (clip.y as f32, clip.bottom() as f32);
        let (lo, hi, minor_lo, minor_hi) = if transposed {
            (y0, y1, x0, x1)
        } else {
            (x0, x1, y0, y1)
        };
        let start = if self.cuts[0].is_some() {
            self.reach[0].0
        } else {
            self.s0
        };
        let end = if self.cuts[1].is_some() {
            self.reach[1].1
        } else {
            self.s1
        };
        let (s_lo, s_hi) = (start.max(lo), end.min(hi));
        if s_lo.is_nan() || s_hi.is_nan() || s_lo >= s_hi {
            return;
        }
        let half = self.half;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "within the clip, so within u32"
        )]
        let to_u32 = |v: f32| v as u32;
        if transposed {
            // Rows are cells along the major axis: row by row, the columns the
            // band crosses within it.
            let mut cell = math::floor(s_lo);
            while cell < s_hi {
                let (c0, c1) = (
                    self.centre(cell.max(s_lo)),
                    self.centre((cell + 1.0).min(s_hi)),
                );
                let first = math::floor(c0.min(c1) - half).max(minor_lo);
                let last = math::ceil(c0.max(c1) + half).min(minor_hi);
                areas.clear();
                let mut line = first;
                while line < last {
                    areas.push(self.area(cell, line));
                    line += 1.0;
                }
                emit_row(to_u32(cell), first, areas, row);
                cell += 1.0;
            }
            return;
        }
        // Rows are lines across the minor axis: row by row, the stretch of the
        // major axis where the band's centre is within `half` of it.
        let (c0, c1) = (self.centre(s_lo), self.centre(s_hi));
        let first_line = math::floor(c0.min(c1) - half).max(minor_lo);
        let last_line = math::ceil(c0.max(c1) + half).min(minor_hi);
        let mut line = first_line;
        while line < last_line {
            let (enter, leave) = if self.slope.abs() < 1e-9 {
                (s_lo, s_hi)
            } else {
                let at = |t: f32| self.s0 + (t - self.t0) / self.slope;
                let (x_a, x_b) = (at(line - half), at(line + 1.0 + half));
                (x_a.min(x_b).max(s_lo), x_a.max(x_b).min(s_hi))
            };
            let first = math::floor(enter);
            areas.clear();
            let mut cell = first;
            while cell < leave {
                areas.push(self.area(cell, line));
                cell += 1.0;
            }
            emit_row(to_u32(line), first, areas, row);
            line += 1.0;
        }
    }
}

/// Hands one row of areas, starting at column `first`, to `row`, without its
/// empty ends.
fn emit_row(y: u32, first: f32, areas: &[f32], row: &mut impl FnMut(u32, u32, &[f32])) {
    let Some(lead) = areas.iter().position(|&a| a > 0.0) else {
        return;
    };
    let end = areas.iter().rposition(|&a| a > 0.0).map_or(lead, |i| i + 1);
    #[expect(
        clippy::cast_possible_truncation,
        reason = "within the clip, so within u32"
    )]
    let x0 = first as u32 + lead as u32;
    row(y, x0, &areas[lead..end]);
}

/// Area of the unit cell at `(s, t)` inside every half-plane `(a, b, c)` (inside
/// where `a·s + b·t <= c`), by clipping the cell's square against each.
fn clipped_area(s: f32, t: f32, planes: &[(f32, f32, f32)]) -> f32 {
    let mut poly = [(0.0f32, 0.0f32); 8];
    let mut next = [(0.0f32, 0.0f32); 8];
    poly[..4].copy_from_slice(&[(s, t), (s + 1.0, t), (s + 1.0, t + 1.0), (s, t + 1.0)]);
    let mut n = 4;
    for &(a, b, c) in planes {
        // Most cells lie wholly inside most planes: skip those, and stop at one the
        // cell lies wholly outside.
        let side = |p: (f32, f32)| a * p.0 + b * p.1 - c;
        let (inside, outside) = poly[..n].iter().fold((true, true), |(i, o), &p| {
            let f = side(p);
            (i && f <= 0.0, o && f >= 0.0)
        });
        if inside {
            continue;
        }
        if outside {
            return 0.0;
        }
        let mut m = 0;
        for i in 0..n {
            let (p, q) = (poly[i], poly[(i + 1) % n]);
            let (fp, fq) = (side(p), side(q));
            if fp <= 0.0 && m < 8 {
                next[m] = p;
                m += 1;
            }
            if (fp < 0.0) != (fq < 0.0) && fp != fq && m < 8 {
                let k = fp / (fp - fq);
                next[m] = (p.0 + (q.0 - p.0) * k, p.1 + (q.1 - p.1) * k);
                m += 1;
            }
        }
        n = m;
        poly[..n].copy_from_slice(&next[..n]);
        if n < 3 {
            return 0.0;
        }
    }
    let mut twice = 0.0;
    for i in 0..n {
        let (p, q) = (poly[i], poly[(i + 1) % n]);
        twice += p.0 * q.1 - q.0 * p.1;
    }
    (twice * 0.5).abs()
}
