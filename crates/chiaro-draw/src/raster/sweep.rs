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
    windings: Vec<f32>,
    /// Per cell of the row: `(down, up)` heights of its line pieces.
    extents: Vec<(f32, f32)>,
    suspects: Vec<u32>,
    lengths: Vec<f32>,
    /// Per suspect pixel, the lowest and highest winding met on the sample lines.
    seen: Vec<(f32, f32)>,
    crossings: Vec<(f32, f32)>,
}

/// What the sweep needs to know about the fill.
pub(crate) struct SweepInput<'a> {
    pub(crate) window: &'a Window,
    pub(crate) rule: FillRule,
    pub(crate) anti_alias: bool,
    pub(crate) lines: &'a [Line],
    pub(crate) active: &'a [u32],
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
    let rule = input.rule;
    if input.anti_alias {
        match rule {
            FillRule::NonZero => sweep(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::NonZero.coverage(w)
            }),
            FillRule::EvenOdd => sweep(acc, coverage, scratch, band, input, sink, |w| {
                FillRule::EvenOdd.coverage(w)
            }),
        }
    } else {
        sweep(acc, coverage, scratch, band, input, sink, move |w| {
            rule.sampled(w)
        });
    }
}

#[inline(always)]
fn sweep(
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
    scratch.windings.resize(row_len, 0.0);
    scratch.extents.resize(row_len, (0.0, 0.0));
    for r in 0..(band_end - band_top) as usize {
        let y = top + band_top + to_u32(r);
        let cells = &mut acc.cells[r * row_len..(r + 1) * row_len];
        let down = &mut acc.down[r * row_len..(r + 1) * row_len];
        let up = &mut acc.up[r * row_len..(r + 1) * row_len];
        let words = &mut acc.blocks[r * wpr..(r + 1) * wpr];
        scratch.items.clear();
        scratch.suspects.clear();
        let mut running = 0.0f32;
        // Start of the pending run of marked blocks, and the winding entering it.
        let mut run: Option<(usize, f32)> = None;
        let mut x = 0usize;
        for (wi, word) in words.iter_mut().enumerate() {
            let mut bits = core::mem::take(word);
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let bx = (wi * 64 + b) * BLOCK;
                if let Some((start, entering)) = run
                    && bx != x
                {
                    finish_run(scratch, input, start, x.min(width), entering);
                    run = None;
                }
                if run.is_none() {
                    if bx > x {
                        push_solid(&mut scratch.items, x, bx.min(width), cov(running));
                    }
                    run = Some((bx, running));
                }
                for i in bx..bx + BLOCK {
                    running += cells[i];
                    cells[i] = 0.0;
                    scratch.windings[i] = running;
                    scratch.extents[i] = (down[i], up[i]);
                    down[i] = 0.0;
                    up[i] = 0.0;
                    coverage[i] = cov(running);
                }
                x = bx + BLOCK;
            }
        }
        if let Some((start, entering)) = run {
            finish_run(scratch, input, start, x.min(width), entering);
        }
        if x < width {
            push_solid(&mut scratch.items, x, width, cov(running));
        }
        if !scratch.suspects.is_empty() {
            refine(scratch, input, band_top as usize + r, coverage);
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

/// Queues the mask span of a finished run of marked blocks and finds its suspect
/// pixels (anti-aliased fills only).
fn finish_run(
    scratch: &mut SweepScratch,
    input: &SweepInput<'_>,
    x0: usize,
    x1: usize,
    entering: f32,
) {
    if x1 <= x0 {
        return;
    }
    scratch.items.push(Item::Mask { x0, x1 });
    if !input.anti_alias {
        return;
    }
    let w = &scratch.windings;
    let mut before = entering;
    for i in x0..x1 {
        let here = w[i];
        let after = if i + 1 < x1 { w[i + 1] } else { here };
        let mut lo = before.min(here).min(after);
        let mut hi = before.max(here).max(after);
        let (d, u) = scratch.extents[i];
        const E: f32 = 1e-3;
        if (d > E && u > E) || d > 1.0 + E || u > 1.0 + E {
            // Edges of more than one crossing pass through this pixel: windings
            // beyond those seen at its sides may hide inside it.
            lo -= 1.0 + if u > 1.0 + E { 1.0 } else { 0.0 };
            hi += 1.0 + if d > 1.0 + E { 1.0 } else { 0.0 };
        }
        if !input.rule.linear_between(lo, hi) {
            scratch.suspects.push(to_u32(i));
        }
        before = here;
    }
}

/// Recomputes the suspect pixels of window row `row` exactly along `SUB_LINES`
/// horizontal lines.
fn refine(scratch: &mut SweepScratch, input: &SweepInput<'_>, row: usize, coverage: &mut [u8]) {
    let SweepScratch {
        suspects,
        lengths,
        seen,
        crossings,
        ..
    } = scratch;
    lengths.clear();
    lengths.resize(suspects.len(), 0.0);
    seen.clear();
    seen.resize(suspects.len(), (f32::MAX, f32::MIN));
    for k in 0..SUB_LINES {
        let sy = row as f32 + (k as f32 + 0.5) / SUB_LINES as f32;
        crossings.clear();
        for &i in input.active {
            let l = &input.lines[i as usize];
            let (top, bottom) = (l.top(), l.bottom());
            if sy < top || sy >= bottom {
                continue;
            }
            let x = l.x0 + (sy - l.y0) * ((l.x1 - l.x0) / (l.y1 - l.y0));
            crossings.push((x, if l.y1 > l.y0 { 1.0 } else { -1.0 }));
        }
        crossings.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        // Walk crossings and suspects together, left to right.
        let mut j = 0usize;
        let mut w = 0.0f32;
        for (n, &p) in suspects.iter().enumerate() {
            let (p0, p1) = (p as f32, p as f32 + 1.0);
            while j < crossings.len() && crossings[j].0 <= p0 {
                w += crossings[j].1;
                j += 1;
            }
            let mut at = p0;
            let mut len = 0.0;
            let mut jj = j;
            let (mut lo, mut hi) = seen[n];
            lo = lo.min(w);
            hi = hi.max(w);
            while jj < crossings.len() && crossings[jj].0 < p1 {
                if input.rule.inside(w) {
                    len += crossings[jj].0 - at;
                }
                at = crossings[jj].0;
                w += crossings[jj].1;
                lo = lo.min(w);
                hi = hi.max(w);
                jj += 1;
            }
            seen[n] = (lo, hi);
            if input.rule.inside(w) {
                len += p1 - at;
            }
            // Undo the within-pixel crossings: the next suspect walks them again.
            for c in &crossings[j..jj] {
                w -= c.1;
            }
            lengths[n] += len;
        }
    }
    for ((&p, &len), &(lo, hi)) in suspects.iter().zip(lengths.iter()).zip(seen.iter()) {
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
