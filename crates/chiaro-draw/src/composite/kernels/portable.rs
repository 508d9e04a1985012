//! The portable builds of the fast kernels: plain loops over the exact steps of
//! [`fixed`](super::super::fixed), which the AVX2 builds must match bit for bit.
//!
//! Each kernel processes the common prefix of its slices (callers pass equal
//! lengths). Source-over kernels clamp both inputs ([`sanitize`]) and skip pixels of
//! zero coverage, exactly as [`BlendMode::apply_with_coverage`] does.
//!
//! [`BlendMode::apply_with_coverage`]: crate::composite::BlendMode::apply_with_coverage

use chiaro_pixel::PremulRgba8;

use crate::composite::fixed::{over, sanitize, scale};

/// `dst = src over dst` for one colour (coverage already folded into `src`).
pub(crate) fn over_solid(src: PremulRgba8, dst: &mut [PremulRgba8]) {
    let s = sanitize(src);
    for d in dst {
        *d = over(s, sanitize(*d));
    }
}

/// `dst = (src · coverage) over dst` per pixel; zero coverage leaves the pixel alone.
pub(crate) fn over_solid_mask(src: PremulRgba8, dst: &mut [PremulRgba8], coverage: &[u8]) {
    let s = sanitize(src);
    for (d, &c) in dst.iter_mut().zip(coverage) {
        if c != 0 {
            *d = over(scale(s, c), sanitize(*d));
        }
    }
}

/// `dst = src over dst` per pixel, full coverage.
pub(crate) fn over_row(src: &[PremulRgba8], dst: &mut [PremulRgba8]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = over(sanitize(s), sanitize(*d));
    }
}

/// `dst = (src · coverage) over dst` per pixel, one coverage for the row.
pub(crate) fn over_row_span(src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: u8) {
    if coverage == 0 {
        return;
    }
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = over(scale(sanitize(s), coverage), sanitize(*d));
    }
}

/// `dst = (src · coverage) over dst` per pixel, coverage per pixel; zero coverage
/// leaves the pixel alone.
pub(crate) fn over_row_mask(src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: &[u8]) {
    for ((d, &s), &c) in dst.iter_mut().zip(src).zip(coverage) {
        if c != 0 {
            *d = over(scale(sanitize(s), c), sanitize(*d));
        }
    }
}

/// `dst = src` with colour clamped to alpha: `Source` at full coverage.
pub(crate) fn copy_row(src: &[PremulRgba8], dst: &mut [PremulRgba8]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = sanitize(s);
    }
}

/// `dst = src · k / 255`, all four channels: opacity applied to a row of source pixels.
pub(crate) fn scale_row(src: &[PremulRgba8], dst: &mut [PremulRgba8], k: u8) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = scale(s, k);
    }
}
