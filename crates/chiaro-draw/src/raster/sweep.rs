//! Prefix sums along the rows of a band, turned into coverage spans.

use super::coverage::{Accumulator, BLOCK};
use super::edge::Window;
use super::fill_rule::FillRule;
use super::span::SpanSink;

/// Sweeps rows `band_top..band_end` of the window, emitting their spans to `sink` and
/// leaving the band's cells and marks zeroed.
#[expect(
    clippy::too_many_arguments,
    reason = "one internal call site; the parts are distinct"
)]
pub(crate) fn sweep_band(
    acc: &mut Accumulator,
    coverage: &mut [u8],
    band_top: u32,
    band_end: u32,
    window: &Window,
    rule: FillRule,
    anti_alias: bool,
    sink: &mut impl SpanSink,
) {
    if anti_alias {
        match rule {
            FillRule::NonZero => sweep(acc, coverage, band_top, band_end, window, sink, |w| {
                FillRule::NonZero.coverage(w)
            }),
            FillRule::EvenOdd => sweep(acc, coverage, band_top, band_end, window, sink, |w| {
                FillRule::EvenOdd.coverage(w)
            }),
        }
    } else {
        sweep(acc, coverage, band_top, band_end, window, sink, move |w| {
            rule.sampled(w)
        });
    }
}

#[inline(always)]
fn sweep(
    acc: &mut Accumulator,
    coverage: &mut [u8],
    band_top: u32,
    band_end: u32,
    window: &Window,
    sink: &mut impl SpanSink,
    cov: impl Fn(f32) -> u8,
) {
    let width = window.width() as usize;
    let (left, top) = (window.left(), window.top());
    let row_len = acc.row_len;
    let wpr = acc.words_per_row;
    for r in 0..(band_end - band_top) as usize {
        let y = top + band_top + to_u32(r);
        let cells = &mut acc.cells[r * row_len..(r + 1) * row_len];
        let words = &mut acc.blocks[r * wpr..(r + 1) * wpr];
        let mut running = 0.0f32;
        // Start of the pending run of marked blocks, and where it ends.
        let mut run: Option<usize> = None;
        let mut x = 0usize;
        for (wi, word) in words.iter_mut().enumerate() {
            let mut bits = core::mem::take(word);
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let bx = (wi * 64 + b) * BLOCK;
                if run.is_some() && bx != x {
                    emit_mask(
                        sink,
                        left,
                        y,
                        run.take().unwrap_or(0),
                        x.min(width),
                        coverage,
                    );
                }
                if run.is_none() {
                    if bx > x {
                        emit_solid(sink, left, y, x, bx.min(width), cov(running));
                    }
                    run = Some(bx);
                }
                for i in bx..bx + BLOCK {
                    running += cells[i];
                    cells[i] = 0.0;
                    coverage[i] = cov(running);
                }
                x = bx + BLOCK;
            }
        }
        if let Some(start) = run {
            emit_mask(sink, left, y, start, x.min(width), coverage);
        }
        if x < width {
            emit_solid(sink, left, y, x, width, cov(running));
        }
    }
}

#[inline(always)]
fn emit_solid(sink: &mut impl SpanSink, left: u32, y: u32, x0: usize, x1: usize, c: u8) {
    if c != 0 && x1 > x0 {
        sink.solid_span(left + to_u32(x0), y, to_u32(x1 - x0), c);
    }
}

#[inline(always)]
fn emit_mask(sink: &mut impl SpanSink, left: u32, y: u32, x0: usize, x1: usize, coverage: &[u8]) {
    if x1 <= x0 {
        return;
    }
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
