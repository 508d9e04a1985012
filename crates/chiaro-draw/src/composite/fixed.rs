//! Exact 8-bit fixed-point steps shared by the operators, the portable kernels and the
//! tests: division by 255 with rounding, scaling a pixel, interpolating two pixels,
//! clamping invalid pixels, and source-over.
//!
//! Every step rounds exactly: `n / 255` is never a tie for an integer `n` (255 is
//! odd), so "round to nearest" needs no tie rule, and the AVX2 kernels, which compute
//! the same integer steps in 16-bit lanes, give bit-identical results.

use chiaro_pixel::PremulRgba8;

use crate::math;

/// `round(n / 255)` for `n ≤ 65_407`, as `((n + 128) · 257) >> 16`: the form the AVX2
/// kernels compute with one `vpmulhuw`. Exact over that whole range (checked for every
/// `n` in the tests); every numerator in this module is at most `255 · 255`.
#[inline(always)]
pub(crate) const fn div255(n: u32) -> u32 {
    ((n + 128) * 257) >> 16
}

/// A channel value already known to be at most 255.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "callers pass values ≤ 255 (results of `div255` of at most 255·255, or \
              minima with a u8)"
)]
pub(crate) const fn narrow(v: u32) -> u8 {
    v as u8
}

/// `round(n / 255)` of a float numerator, clamped to 0–255 (NaN gives 0): the one
/// rounding of the blend modes computed in `f32`.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    reason = "the value is clamped to 0–255 first"
)]
pub(crate) fn round_div255_f32(n: f32) -> u8 {
    math::floor(n / 255.0 + 0.5).clamp(0.0, 255.0) as u8
}

/// The pixel with each colour channel clamped to its alpha: how every operator reads a
/// pixel, so that invalid input (colour above alpha, e.g. from foreign memory) gives a
/// valid result instead of garbage or overflow.
#[inline(always)]
pub(crate) fn sanitize(p: PremulRgba8) -> PremulRgba8 {
    PremulRgba8::new(p.r.min(p.a), p.g.min(p.a), p.b.min(p.a), p.a)
}

/// `round(c · k / 255)` for one channel.
#[inline(always)]
pub(crate) fn mul(c: u8, k: u8) -> u8 {
    narrow(div255(u32::from(c) * u32::from(k)))
}

/// All four channels multiplied by `k / 255`, each rounded: how coverage (for
/// source-over) and opacity scale a source pixel. `k = 255` is the identity and
/// `k = 0` gives transparent black. Keeps a valid pixel valid.
#[inline(always)]
pub(crate) fn scale(p: PremulRgba8, k: u8) -> PremulRgba8 {
    PremulRgba8::new(mul(p.r, k), mul(p.g, k), mul(p.b, k), mul(p.a, k))
}

/// `round(d · (255 − c) / 255 + r · c / 255)` per channel: `d` at `c = 0`, `r` at
/// `c = 255`. The numerator is at most `255 · 255`, so one exact rounding. Keeps
/// valid pixels valid (each channel is monotone in both inputs).
#[inline(always)]
pub(crate) fn lerp(d: PremulRgba8, r: PremulRgba8, c: u8) -> PremulRgba8 {
    let (c, ic) = (u32::from(c), 255 - u32::from(c));
    let ch = |d: u8, r: u8| narrow(div255(u32::from(d) * ic + u32::from(r) * c));
    PremulRgba8::new(ch(d.r, r.r), ch(d.g, r.g), ch(d.b, r.b), ch(d.a, r.a))
}

/// Source-over of valid pixels: `s + round(d · (255 − αs) / 255)` per channel. No
/// channel exceeds 255 or the result's alpha when both inputs are valid.
#[inline(always)]
pub(crate) fn over(s: PremulRgba8, d: PremulRgba8) -> PremulRgba8 {
    let inv = 255 - u32::from(s.a);
    let ch = |s: u8, d: u8| s + narrow(div255(u32::from(d) * inv));
    PremulRgba8::new(ch(s.r, d.r), ch(s.g, d.g), ch(s.b, d.b), ch(s.a, d.a))
}

/// Source-over with coverage `c`: the source scaled by `c`, then [`over`]; both inputs
/// are clamped first, and `c = 0` returns `d` untouched. This is the kernels' rule for
/// source-over (see the module documentation of [`crate::composite`]).
#[inline(always)]
pub(crate) fn over_coverage(s: PremulRgba8, d: PremulRgba8, c: u8) -> PremulRgba8 {
    if c == 0 {
        return d;
    }
    over(scale(sanitize(s), c), sanitize(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn div255_is_exact_for_every_numerator_in_range() {
        for n in 0..=65_407u32 {
            let exact = (f64::from(n) / 255.0).round();
            assert_eq!(f64::from(div255(n)), exact, "n = {n}");
            assert_eq!(div255(n), (n + 127) / 255, "n = {n}");
        }
    }

    #[test]
    fn scale_and_lerp_end_points() {
        let p = PremulRgba8::new(10, 20, 30, 40);
        let q = PremulRgba8::new(200, 100, 0, 250);
        assert_eq!(scale(p, 255), p);
        assert_eq!(scale(p, 0), PremulRgba8::TRANSPARENT);
        assert_eq!(lerp(p, q, 0), p);
        assert_eq!(lerp(p, q, 255), q);
        // round(40 · 128 / 255) = round(20.078) = 20; round(10 · 128 / 255) = 5.02 → 5.
        assert_eq!(scale(p, 128), PremulRgba8::new(5, 10, 15, 20));
        // Halfway-ish: round((40·127 + 250·128) / 255) = round(145.41) = 145.
        assert_eq!(lerp(p, q, 128).a, 145);
    }

    #[test]
    fn sanitize_clamps_colour_to_alpha() {
        assert_eq!(
            sanitize(PremulRgba8::new(255, 3, 9, 7)),
            PremulRgba8::new(7, 3, 7, 7)
        );
        assert_eq!(
            sanitize(PremulRgba8::new(9, 9, 9, 0)),
            PremulRgba8::TRANSPARENT
        );
    }
}
