//! Prefix sums along the rows of a band, turned into coverage spans.
//!
//! # Where area accumulation is not enough
//!
//! The prefix sum gives each pixel its area-weighted winding number, and the fill
//! rule maps that to coverage. That is exact whenever the rule is linear over the
//! winding numbers present inside the pixel: a plain edge (winding 0 on one side, 1
//! on the other), or two overlapping shapes under non-zero (1 and 2, both fully
//! inside). It is not exact where a pixel holds windings the rule folds
//! differently, as at the inner vertices of a pentagram (0, 1 and 2 meet) or where
//! oppositely wound edges cross: there the average of the windings is not the
//! average of the coverage.
//!
//! Such pixels are found from the windings entering, averaged over and leaving each
//! pixel of the touched blocks, widened where the pixel holds both downward and
//! upward line pieces or more than one edge's height of either (edges of more than
//! one crossing pass through it; consecutive pieces of one edge chain do not count): if they do not all lie in one
//! interval on which the rule is linear, the pixel is suspect. Only those are
//! recomputed: on 16
//! horizontal lines through the pixel, the crossings of every active line give the
//! winding exactly along the line, and the covered length is measured exactly.
//! Where those lines meet windings on which the rule is not linear, the pixel's
//! coverage becomes the mean covered length (exact horizontally, sampled 16 times
//! vertically); otherwise the suspicion was unfounded and the exact area stays.

use alloc::vec::Vec;

use super::coverage::{Accumulator, BLOCK};
use super::edge::{Line, Window};
use super::fill_rule::FillRule;
use super::span::SpanSink;

/// Heights of both downward and upward pieces a pixel must hold before windings
/// hidden between them are suspected. Below it the region two such pieces can
/// enclose within the pixel is under 1/8 of it, so the area-weighted coverage is
/// off by less than that; vertical turning points of one contour (the top of a
/// circle), the commonest case, are never wrong.
const MIXED: f32 = 0.125;

/// Lines at most this many rows tall are found by their tops during refinement.
const SHORT: f32 = 4.0;

/// Horizontal lines per pixel on which suspect pixels are recomputed.
const SUB_LINES: usize = 16;

/// A span waiting for the row's suspect pixels to be recomputed.
#[derive(Clone, Copy, Debug)]
enum Item {
    Solid { x0: usize, x1: usize, coverage: u8 },
    Mask { x0: usize, x1: usize },
}

/// Buffers the sweep reuses between rows and fills.
#[derive(Debug, Default)]
pub(crate) struct SweepScratch {
    items: Vec<Item>,

    /// Suspect pixels of the row, in order: `(pixel, reference)` where the
    /// reference is the nearest pixel to the left without line pieces (so with one
    /// exact winding throughout), as `(its column + 1, its winding)`.
    suspects: Vec<(u32, u32, f32)>,

    lengths: Vec<f32>,
    /// Per suspect pixel, the lowest and highest winding met on the sample lines.
    seen: Vec<(f32, f32)>,
    /// Crossings inside suspect pixels: `(suspect index, x, direction)`.
    crossings: Vec<(usize, f32, f32)>,
    /// Start of each suspect's lines in `local`, and one past the last.
    row_lines: Vec<usize>,
    /// The lines near each suspect pixel, suspect after suspect.
    local: Vec<Line>,
    /// The band's active lines taller than [`SHORT`] rows (the others are found by
    /// binary search on their tops), gathered on the band's first refinement;
    /// `tall_band` names the band they belong to.
    tall: Vec<u32>,
    tall_band: Option<u32>,
    /// The lines reaching into the row being refined, with their horizontal extent
    /// within it.
    in_row: Vec<(Line, f32, f32)>,
}

/// What the sweep needs to know about the fill.
pub(crate) struct SweepInput<'a> {
    pub(crate) window: &'a Window,
    pub(crate) rule: FillRule,
    pub(crate) anti_alias: bool,
    pub(crate) lines: &'a [Line],
    pub(crate) active: &'a [u32],
    /// Whether differently wound regions can meet at all; when not (one convex
    /// contour, or convex contours with disjoint bounds), no pixel is suspect.
    pub(crate) may_overlap: bool,
}

/// Sweeps rows `band_top..band_end` of the window, emitting their spans to `sink` and
/// leaving the band's cells and marks zeroed.
pub(crate) fn sweep_band(
    acc: &mut Accumulator,
    coverage: &mut [u8],
    scratch: &mut SweepScratch,
    band: (u32, u32),
    input: &SweepInput<'_>,
    sink: &mut impl SpanSink,
) {
    // Buckets belong to one band of one fill.
    scratch.tall_band = None;
    let rule = input.rule;
    let detect = input.anti_alias && input.may_overlap;
    match (input.anti_alias, rule, detect) {
        (true, FillRule::NonZero, false) => {
            sweep::<false>(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::NonZero.coverage(w)
            })
        }
        (true, FillRule::NonZero, true) => {
            sweep::<true>(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::NonZero.coverage(w)
            })
        }
        (true, FillRule::EvenOdd, false) => {
            sweep::<false>(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::EvenOdd.coverage(w)
            })
        }
        (true, FillRule::EvenOdd, true) => {
            sweep::<true>(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::EvenOdd.coverage(w)
            })
        }
        (false, _, _) => sweep::<false>(acc, coverage, scratch, band, input, sink, move |w| {
            rule.sampled(w)
        }),
    }
}

/// One band's sweep; `DETECT` finds suspect pixels (anti-aliased fills that may
/// overlap), whose line pieces' heights the accumulator then tracks.
#[inline(always)]
fn sweep<const DETECT: bool>(
    acc: &mut Accumulator,
    coverage: &mut [u8],
    scratch: &mut SweepScratch,
    (band_top, band_end): (u32, u32),
    input: &SweepInput<'_>,
    sink: &mut impl SpanSink,
    cov: impl Fn(f32) -> u8,
) {
    let window = input.window;
    let width = window.width() as usize;
    let (left, top) = (window.left(), window.top());
    let row_len = acc.row_len;
    let wpr = acc.words_per_row;
    let rule = input.rule;
    for r in 0..(band_end - band_top) as usize {
        let y = top + band_top + to_u32(r);
        let cells = &mut acc.cells[r * row_len..(r + 1) * row_len];
        let down = &mut acc.down[r * row_len..(r + 1) * row_len];
        let up = &mut acc.up[r * row_len..(r + 1) * row_len];
        let words = &mut acc.blocks[r * wpr..(r + 1) * wpr];
        scratch.items.clear();
        scratch.suspects.clear();
        // The last pixel without pieces, as (column after it, its winding): the
        // reference a suspect pixel's exact winding is counted from. A fractional
        // winding there (a horizontal edge passes through it, so its winding varies
        // along y) is no use, and the window's left edge, where nothing winds, serves.
        let mut clear = (0u32, 0.0f32);
        let mut running = 0.0f32;
        // Mean winding along the right edge of the last pixel: the net of every
        // piece so far (downward pieces add, upward ones subtract).
        let mut edge = 0.0f32;
        // Start of the pending run of marked blocks.
        let mut run: Option<usize> = None;
        let mut x = 0usize;
        for (wi, word) in words.iter_mut().enumerate() {
            let mut bits = core::mem::take(word);
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let bx = (wi * 64 + b) * BLOCK;
                if let Some(start) = run
                    && bx != x
                {
                    finish_run(scratch, start, x.min(width));
                    run = None;
                }
                if run.is_none() {
                    if bx > x {
                        push_solid(&mut scratch.items, x, bx.min(width), cov(running));
                    }
                    run = Some(bx);
                    // The gap before the run has no pieces and one winding.
                    clear = (to_u32(bx), running);
                }
                for i in bx..bx + BLOCK {
                    running += cells[i];
                    cells[i] = 0.0;
                    coverage[i] = cov(running);
                    if DETECT {
                        let (d, u) = (down[i], up[i]);
                        down[i] = 0.0;
                        up[i] = 0.0;
                        let before = edge;
                        edge += d - u;
                        if d == 0.0 && u == 0.0 {
                            clear = (to_u32(i + 1), running);
                        } else if suspect(rule, before, running, edge, d, u) && i < width {
                            let (reference, winding) = whole_or_left_edge(clear);
                            scratch.suspects.push((to_u32(i), reference, winding));
                        }
                    }
                }
                x = bx + BLOCK;
            }
        }
        if let Some(start) = run {
            finish_run(scratch, start, x.min(width));
        }
        if x < width {
            push_solid(&mut scratch.items, x, width, cov(running));
        }
        if !scratch.suspects.is_empty() {
            if scratch.tall_band != Some(band_top) {
                scratch.tall.clear();
                scratch
                    .tall
                    .extend(input.active.iter().copied().filter(|&i| {
                        let l = &input.lines[i as usize];
                        l.bottom() - l.top() > SHORT
                    }));
                scratch.tall_band = Some(band_top);
            }
            refine(scratch, input, band_top as usize, r, coverage);
        }
        for item in &scratch.items {
            match *item {
                Item::Solid {
                    x0,
                    x1,
                    coverage: c,
                } => {
                    sink.solid_span(left + to_u32(x0), y, to_u32(x1 - x0), c);
                }
                Item::Mask { x0, x1 } => emit_mask(sink, left, y, x0, x1, coverage),
            }
        }
    }
}

/// Queues the mask span of a finished run of marked blocks.
fn finish_run(scratch: &mut SweepScratch, x0: usize, x1: usize) {
    if x1 > x0 {
        scratch.items.push(Item::Mask { x0, x1 });
    }
}

/// Whether a pixel with pieces may hold windings the rule folds non-linearly: from
/// the windings entering it, averaged over it and leaving it, widened where edges
/// of more than one crossing pass through it (more than [`MIXED`] of pieces both
/// ways, or more than one edge's height of either).
#[inline(always)]
fn suspect(rule: FillRule, before: f32, here: f32, right: f32, d: f32, u: f32) -> bool {
    const E: f32 = 1e-3;
    let mut lo = before.min(here).min(right);
    let mut hi = before.max(here).max(right);
    if d.min(u) > MIXED || d > 1.0 + E || u > 1.0 + E {
        lo -= 1.0 + if u > 1.0 + E { 1.0 } else { 0.0 };
        hi += 1.0 + if d > 1.0 + E { 1.0 } else { 0.0 };
    }
    !rule.linear_between(lo, hi)
}

/// `clear` if its winding is whole, else the window's left edge (winding 0).
#[inline]
fn whole_or_left_edge(clear: (u32, f32)) -> (u32, f32) {
    let w = crate::math::round(clear.1);
    if (clear.1 - w).abs() < 1e-3 {
        (clear.0, w)
    } else {
        (0, 0.0)
    }
}

/// Recomputes the suspect pixels of a row exactly along `SUB_LINES` horizontal
/// lines.
fn refine(
    scratch: &mut SweepScratch,
    input: &SweepInput<'_>,
    band_top: usize,
    band_row: usize,
    coverage: &mut [u8],
) {
    let row = band_top + band_row;
    let SweepScratch {
        suspects,
        lengths,
        seen,
        crossings,
        row_lines,
        local,
        tall,
        in_row,
        ..
    } = scratch;
    // Per suspect, the lines with a piece between its reference and its right edge:
    // only those change the winding between the two. `local` holds them suspect
    // after suspect, `row_lines[n]` is where suspect n's start.
    let (row_top, row_bottom) = (row as f32, row as f32 + 1.0);
    // Lines reaching into the row: short ones have their top within SHORT rows
    // above its bottom (the active lines are in order of their tops), tall ones
    // were gathered for the band.
    let active = input.active;
    let top_of = |i: u32| input.lines[i as usize].top();
    let from = active.partition_point(|&i| top_of(i) < row_top - SHORT);
    let to = active.partition_point(|&i| top_of(i) < row_bottom);
    let short = active[from..to.max(from)]
        .iter()
        .filter(|&&i| input.lines[i as usize].bottom() - top_of(i) <= SHORT);
    let candidates: &[u32] = tall;
    // The row's lines with their horizontal extent within the row, once.
    in_row.clear();
    for &i in short.chain(candidates.iter()) {
        let l = input.lines[i as usize];
        let (ya, yb) = (l.top().max(row_top), l.bottom().min(row_bottom));
        if ya >= yb {
            continue;
        }
        let slope = (l.x1 - l.x0) / (l.y1 - l.y0);
        let xa = l.x0 + (ya - l.y0) * slope;
        let xb = l.x0 + (yb - l.y0) * slope;
        in_row.push((l, xa.min(xb), xa.max(xb)));
    }
    local.clear();
    row_lines.clear();
    for &(p, left, _) in suspects.iter() {
        row_lines.push(local.len());
        let (lo, hi) = (left as f32, p as f32 + 1.0);
        local.extend(
            in_row
                .iter()
                .filter(|&&(_, x_min, x_max)| x_max >= lo && x_min < hi)
                .map(|&(l, _, _)| l),
        );
    }
    row_lines.push(local.len());
    lengths.clear();
    lengths.resize(suspects.len(), 0.0);
    seen.clear();
    seen.resize(suspects.len(), (f32::MAX, f32::MIN));
    let step = 1.0 / SUB_LINES as f32;
    for (n, &(p, left, reference)) in suspects.iter().enumerate() {
        let (p0, p1) = (p as f32, p as f32 + 1.0);
        let lines = &local[row_lines[n]..row_lines[n + 1]];
        let (mut lo, mut hi) = seen[n];
        let mut total = 0.0;
        for k in 0..SUB_LINES {
            let sy = row_top + (k as f32 + 0.5) * step;
            let mut w = reference;
            crossings.clear();
            for l in lines {
                if sy < l.top() || sy >= l.bottom() {
                    continue;
                }
                let x = l.x0 + (sy - l.y0) * ((l.x1 - l.x0) / (l.y1 - l.y0));
                let dir = if l.y1 > l.y0 { 1.0 } else { -1.0 };
                if x < left as f32 {
                    // Left of the reference pixel's right edge: already in its winding.
                } else if x <= p0 {
                    w += dir;
                } else if x < p1 {
                    crossings.push((0, x, dir));
                }
            }
            crossings.sort_unstable_by(|a, b| a.1.total_cmp(&b.1));
            let mut at = p0;
            lo = lo.min(w);
            hi = hi.max(w);
            for &(_, x, dir) in crossings.iter() {
                if input.rule.inside(w) {
                    total += x - at;
                }
                at = x;
                w += dir;
                lo = lo.min(w);
                hi = hi.max(w);
            }
            if input.rule.inside(w) {
                total += p1 - at;
            }
        }
        seen[n] = (lo, hi);
        lengths[n] = total;
    }
    for ((&(p, _, _), &len), &(lo, hi)) in suspects.iter().zip(lengths.iter()).zip(seen.iter()) {
        if input.rule.linear_between(lo, hi) {
            // A false alarm: the pixel holds windings the rule treats linearly, and
            // the area-weighted value is exact.
            continue;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "len ≤ SUB_LINES, so below 256"
        )]
        let c = (len / SUB_LINES as f32 * 255.0 + 0.5) as u8;
        coverage[p as usize] = c;
    }
}

#[inline(always)]
fn push_solid(items: &mut Vec<Item>, x0: usize, x1: usize, coverage: u8) {
    if coverage != 0 && x1 > x0 {
        items.push(Item::Solid { x0, x1, coverage });
    }
}

#[inline(always)]
fn emit_mask(sink: &mut impl SpanSink, left: u32, y: u32, x0: usize, x1: usize, coverage: &[u8]) {
    let span = &coverage[x0..x1];
    let Some(first) = span.iter().position(|&c| c != 0) else {
        return;
    };
    let last = span.iter().rposition(|&c| c != 0).unwrap_or(first);
    sink.mask_span(left + to_u32(x0 + first), y, &span[first..=last]);
}

#[inline(always)]
fn to_u32(v: usize) -> u32 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "window coordinates come from u32 sizes"
    )]
    let v = v as u32;
    v
}
