//! The row kernels the rest of the crate composites with: one colour or a row of
//! colours, with one coverage or a coverage per pixel. Each picks a fast kernel
//! (through [`crate::simd::composite`]) once per row, or falls back to a loop over
//! [`BlendMode::apply_with_coverage`]; either way the result of every pixel is the one
//! that function gives (the tests check it), except that pixels the call cannot
//! change are not written (see below).
//!
//! Every function processes the common prefix of its slices; callers pass equal
//! lengths (checked in debug builds).
//!
//! # Pixels left alone
//!
//! A call does not write pixels whose coverage is 0, and does nothing at all when its
//! whole source is transparent and the mode ignores a transparent source
//! ([`BlendMode::transparent_source_is_noop`]), or for
//! [`BlendMode::Destination`]. For valid destination pixels this is exactly what
//! computing them would give; an invalid one (colour above alpha) keeps its value
//! instead of being clamped.

use chiaro_pixel::PremulRgba8;

use super::BlendMode;
use super::fixed::{sanitize, scale};
use crate::simd::composite as simd;

/// Source pixels processed per step when opacity must be applied to a row first: the
/// scaled copy lives on the stack (1 KiB).
const OPACITY_CHUNK: usize = 256;

/// Composites one colour onto `dst` with constant `coverage`.
///
/// `src` is the colour as drawn, global opacity already applied (by
/// [`scale`]-ing it, as [`fill_rect`](super::fill_rect) does).
pub(crate) fn solid_span(mode: BlendMode, src: PremulRgba8, dst: &mut [PremulRgba8], coverage: u8) {
    let src = sanitize(src);
    if coverage == 0 || skips(mode, src) {
        return;
    }
    match mode {
        BlendMode::SourceOver => {
            let s = scale(src, coverage);
            match s.a {
                0 => {}
                255 => dst.fill(s),
                _ => simd::over_solid(s, dst),
            }
        }
        BlendMode::Source if coverage == 255 => dst.fill(src),
        BlendMode::Clear if coverage == 255 => dst.fill(PremulRgba8::TRANSPARENT),
        _ => {
            for d in dst {
                *d = mode.apply_with_coverage(src, *d, coverage);
            }
        }
    }
}

/// Composites one colour onto `dst` with a coverage per pixel (`coverage.len()` equal
/// to `dst.len()`). `src` as for [`solid_span`].
pub(crate) fn solid_mask(
    mode: BlendMode,
    src: PremulRgba8,
    dst: &mut [PremulRgba8],
    coverage: &[u8],
) {
    debug_assert_eq!(dst.len(), coverage.len(), "coverage and row lengths differ");
    let src = sanitize(src);
    if skips(mode, src) {
        return;
    }
    match mode {
        BlendMode::SourceOver => simd::over_solid_mask(src, dst, coverage),
        _ => {
            for (d, &c) in dst.iter_mut().zip(coverage) {
                if c != 0 {
                    *d = mode.apply_with_coverage(src, *d, c);
                }
            }
        }
    }
}

/// Composites a row of source pixels (a gradient, an image row) onto `dst`
/// (`src.len()` equal to `dst.len()`) with constant `coverage`. Global opacity, if
/// any, is already in `src` (each pixel [`scale`]d), or use
/// [`row_span_with_opacity`].
pub(crate) fn row_span(
    mode: BlendMode,
    src: &[PremulRgba8],
    dst: &mut [PremulRgba8],
    coverage: u8,
) {
    row_span_with_opacity(mode, src, dst, coverage, 255);
}

/// [`row_span`] with a coverage per pixel (all three slices the same length).
pub(crate) fn row_mask(
    mode: BlendMode,
    src: &[PremulRgba8],
    dst: &mut [PremulRgba8],
    coverage: &[u8],
) {
    row_mask_with_opacity(mode, src, dst, coverage, 255);
}

/// [`row_span`] after multiplying every source pixel by `opacity / 255` (all four
/// channels, rounded, exactly as [`scale`] does), for sources that cannot be scaled
/// in place (a borrowed image). Opacity is not folded into coverage, because for
/// most modes the two differ.
pub(crate) fn row_span_with_opacity(
    mode: BlendMode,
    src: &[PremulRgba8],
    dst: &mut [PremulRgba8],
    coverage: u8,
    opacity: u8,
) {
    debug_assert_eq!(
        dst.len(),
        src.len(),
        "source and destination lengths differ"
    );
    if coverage == 0 || skips_opacity(mode, opacity) {
        return;
    }
    if opacity == 255 {
        return row_span_opaque(mode, src, dst, coverage);
    }
    let mut scaled = [PremulRgba8::TRANSPARENT; OPACITY_CHUNK];
    for (s, d) in src.chunks(OPACITY_CHUNK).zip(dst.chunks_mut(OPACITY_CHUNK)) {
        let Some(tmp) = scaled.get_mut(..s.len()) else {
            return;
        };
        simd::scale_row(s, tmp, opacity);
        row_span_opaque(mode, tmp, d, coverage);
    }
}

/// [`row_mask`] after multiplying every source pixel by `opacity / 255`, as
/// [`row_span_with_opacity`] does.
pub(crate) fn row_mask_with_opacity(
    mode: BlendMode,
    src: &[PremulRgba8],
    dst: &mut [PremulRgba8],
    coverage: &[u8],
    opacity: u8,
) {
    debug_assert_eq!(
        dst.len(),
        src.len(),
        "source and destination lengths differ"
    );
    debug_assert_eq!(dst.len(), coverage.len(), "coverage and row lengths differ");
    if skips_opacity(mode, opacity) {
        return;
    }
    if opacity == 255 {
        return row_mask_opaque(mode, src, dst, coverage);
    }
    let mut scaled = [PremulRgba8::TRANSPARENT; OPACITY_CHUNK];
    let chunks = src
        .chunks(OPACITY_CHUNK)
        .zip(dst.chunks_mut(OPACITY_CHUNK))
        .zip(coverage.chunks(OPACITY_CHUNK));
    for ((s, d), c) in chunks {
        let Some(tmp) = scaled.get_mut(..s.len()) else {
            return;
        };
        simd::scale_row(s, tmp, opacity);
        row_mask_opaque(mode, tmp, d, c);
    }
}

/// Whether a call with this (clamped) solid source changes nothing.
#[inline]
fn skips(mode: BlendMode, src: PremulRgba8) -> bool {
    mode == BlendMode::Destination || (src.a == 0 && mode.transparent_source_is_noop())
}

/// Whether a row call at this opacity changes nothing whatever the source.
#[inline]
fn skips_opacity(mode: BlendMode, opacity: u8) -> bool {
    mode == BlendMode::Destination || (opacity == 0 && mode.transparent_source_is_noop())
}

/// [`row_span`] at full opacity.
fn row_span_opaque(mode: BlendMode, src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: u8) {
    match (mode, coverage) {
        (BlendMode::SourceOver, 255) => simd::over_row(src, dst),
        (BlendMode::SourceOver, c) => simd::over_row_span(src, dst, c),
        (BlendMode::Source, 255) => simd::copy_row(src, dst),
        (BlendMode::Clear, 255) => {
            let n = dst.len().min(src.len());
            dst.iter_mut()
                .take(n)
                .for_each(|d| *d = PremulRgba8::TRANSPARENT);
        }
        _ => {
            for (d, &s) in dst.iter_mut().zip(src) {
                *d = mode.apply_with_coverage(s, *d, coverage);
            }
        }
    }
}

/// [`row_mask`] at full opacity.
fn row_mask_opaque(mode: BlendMode, src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: &[u8]) {
    match mode {
        BlendMode::SourceOver => simd::over_row_mask(src, dst, coverage),
        _ => {
            for ((d, &s), &c) in dst.iter_mut().zip(src).zip(coverage) {
                if c != 0 {
                    *d = mode.apply_with_coverage(s, *d, c);
                }
            }
        }
    }
}
