//! Per-channel arithmetic: depth changes, premultiplication and luma, with the rounding
//! rules documented in [`crate::convert`](mod@crate::convert).
//!
//! `ChannelMath` is public inside a private module: it seals [`Channel`](crate::Channel)
//! and lets generic code call these functions without users being able to.

/// Arithmetic every channel type supports. Not nameable outside the crate.
pub trait ChannelMath: Copy {
    /// To 8 bits.
    fn to_u8(self) -> u8;
    /// To 16 bits.
    fn to_u16(self) -> u16;
    /// To a normalized float.
    fn to_f32(self) -> f32;
    /// From any channel type, by that type's `to_*` rule.
    fn from_channel<C: ChannelMath>(c: C) -> Self;
    /// `colour × alpha`, rounded to nearest.
    fn premultiply(c: Self, a: Self) -> Self;
    /// `colour ÷ alpha`, rounded to nearest, clamped to the maximum; zero alpha gives zero.
    fn unpremultiply(c: Self, a: Self) -> Self;
    /// Rec. 709 luma of three channels.
    fn luma(r: Self, g: Self, b: Self) -> Self;
}

/// Rec. 709 luma weights in parts per ten thousand: 0.2126, 0.7152, 0.0722.
pub(crate) const LUMA_WEIGHTS_10K: [u32; 3] = [2126, 7152, 722];
/// Rec. 709 luma weights as `f32`.
pub(crate) const LUMA_WEIGHTS: [f32; 3] = [0.2126, 0.7152, 0.0722];

/// Rounds a value known to lie in `0..=255` (after clamping) to `u8`.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "callers pass values in 0..=255; `as` saturates anyway"
)]
pub(crate) const fn narrow_u8(v: u32) -> u8 {
    v as u8
}

/// Narrows a value known to lie in `0..=65535` to `u16`.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "callers pass values in 0..=65535"
)]
pub(crate) const fn narrow_u16(v: u32) -> u16 {
    v as u16
}

/// Rounds a normalized float to an integer scale: `round(clamp(v, 0, 1) × max)`, with
/// NaN mapping to 0. Works without `std` (no `f32::round`): adding 0.5 to a
/// non-negative value and truncating rounds half up, and `as` saturates.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the value is clamped to 0..=max first; NaN casts to 0"
)]
fn quantize(v: f32, max: f32) -> u32 {
    (v.clamp(0.0, 1.0) * max + 0.5) as u32
}

impl ChannelMath for u8 {
    #[inline(always)]
    fn to_u8(self) -> u8 {
        self
    }
    #[inline(always)]
    fn to_u16(self) -> u16 {
        u16::from(self) * 257
    }
    #[inline(always)]
    fn to_f32(self) -> f32 {
        f32::from(self) / 255.0
    }
    #[inline(always)]
    fn from_channel<C: ChannelMath>(c: C) -> Self {
        c.to_u8()
    }
    #[inline(always)]
    fn premultiply(c: Self, a: Self) -> Self {
        // round(c·a / 255): 255 is odd, so there are no ties to break.
        narrow_u8((u32::from(c) * u32::from(a) + 127) / 255)
    }
    #[inline(always)]
    fn unpremultiply(c: Self, a: Self) -> Self {
        if a == 0 {
            return 0;
        }
        let (c, a) = (u32::from(c), u32::from(a));
        // round(c·255 / a), halves rounded up.
        narrow_u8(((c * 510 + a) / (2 * a)).min(255))
    }
    #[inline(always)]
    fn luma(r: Self, g: Self, b: Self) -> Self {
        let [wr, wg, wb] = LUMA_WEIGHTS_10K;
        narrow_u8((wr * u32::from(r) + wg * u32::from(g) + wb * u32::from(b) + 5000) / 10_000)
    }
}

impl ChannelMath for u16 {
    #[inline(always)]
    fn to_u8(self) -> u8 {
        // round(v / 257): 257 is odd, so there are no ties.
        narrow_u8((u32::from(self) + 128) / 257)
    }
    #[inline(always)]
    fn to_u16(self) -> u16 {
        self
    }
    #[inline(always)]
    fn to_f32(self) -> f32 {
        f32::from(self) / 65535.0
    }
    #[inline(always)]
    fn from_channel<C: ChannelMath>(c: C) -> Self {
        c.to_u16()
    }
    #[inline(always)]
    fn premultiply(c: Self, a: Self) -> Self {
        // c·a + 32767 ≤ 65535² + 32767 < 2³², and 65535 is odd: no ties.
        narrow_u16((u32::from(c) * u32::from(a) + 32767) / 65535)
    }
    #[inline(always)]
    fn unpremultiply(c: Self, a: Self) -> Self {
        if a == 0 {
            return 0;
        }
        let (c, a) = (u64::from(c), u64::from(a));
        let v = ((c * 131_070 + a) / (2 * a)).min(65535);
        narrow_u16(u32::try_from(v).unwrap_or(65535))
    }
    #[inline(always)]
    fn luma(r: Self, g: Self, b: Self) -> Self {
        let [wr, wg, wb] = LUMA_WEIGHTS_10K;
        // 10 000 · 65535 + 5000 < 2³².
        narrow_u16((wr * u32::from(r) + wg * u32::from(g) + wb * u32::from(b) + 5000) / 10_000)
    }
}

impl ChannelMath for f32 {
    #[inline(always)]
    fn to_u8(self) -> u8 {
        narrow_u8(quantize(self, 255.0))
    }
    #[inline(always)]
    fn to_u16(self) -> u16 {
        narrow_u16(quantize(self, 65535.0))
    }
    #[inline(always)]
    fn to_f32(self) -> f32 {
        self
    }
    #[inline(always)]
    fn from_channel<C: ChannelMath>(c: C) -> Self {
        c.to_f32()
    }
    #[inline(always)]
    fn premultiply(c: Self, a: Self) -> Self {
        c * a
    }
    #[inline(always)]
    fn unpremultiply(c: Self, a: Self) -> Self {
        // `a > 0` is false for zero, negative and NaN alpha.
        if a > 0.0 { c / a } else { 0.0 }
    }
    #[inline(always)]
    fn luma(r: Self, g: Self, b: Self) -> Self {
        if r == g && g == b {
            // Exact for gray inputs, so gray → RGB → gray is the identity.
            return r;
        }
        let [wr, wg, wb] = LUMA_WEIGHTS;
        wr * r + wg * g + wb * b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u8_u16_round_trip_is_identity_for_all_values() {
        for v in 0..=255u8 {
            assert_eq!(v.to_u16(), u16::from(v) * 257);
            assert_eq!(v.to_u16().to_u8(), v);
        }
    }

    #[test]
    fn u16_to_u8_rounds_to_nearest_for_all_values() {
        for v in 0..=u16::MAX {
            let exact = f64::from(v) / 257.0;
            let got = f64::from(v.to_u8());
            assert!((got - exact).abs() <= 0.5, "{v}: {got} vs {exact}");
        }
    }

    #[test]
    fn u8_f32_round_trip_is_identity_for_all_values() {
        for v in 0..=255u8 {
            assert_eq!(v.to_f32().to_u8(), v);
        }
    }

    #[test]
    fn u16_f32_round_trip_is_identity_for_all_values() {
        for v in 0..=u16::MAX {
            assert_eq!(v.to_f32().to_u16(), v);
        }
    }

    #[test]
    fn f32_to_int_clamps_and_maps_nan_to_zero() {
        assert_eq!((-0.5f32).to_u8(), 0);
        assert_eq!(2.0f32.to_u8(), 255);
        assert_eq!(f32::NAN.to_u8(), 0);
        assert_eq!(f32::INFINITY.to_u16(), 65535);
        assert_eq!(f32::NEG_INFINITY.to_u16(), 0);
        // Halves round up.
        assert_eq!((0.5f32 / 255.0 + 1e-7).to_u8(), 1);
    }

    #[test]
    fn u8_premultiply_is_exactly_rounded_for_all_pairs() {
        for c in 0..=255u32 {
            for a in 0..=255u32 {
                let exact = f64::from(c * a) / 255.0;
                let got = u8::premultiply(narrow_u8(c), narrow_u8(a));
                assert!((f64::from(got) - exact).abs() < 0.5, "c={c} a={a}");
            }
        }
    }

    #[test]
    fn u16_premultiply_matches_exact_rounding_on_a_grid() {
        for c in (0..=65535u32).step_by(97).chain([65535]) {
            for a in (0..=65535u32).step_by(89).chain([65535]) {
                let exact = (f64::from(c) * f64::from(a) / 65535.0).round();
                let got = u16::premultiply(narrow_u16(c), narrow_u16(a));
                assert_eq!(f64::from(got), exact, "c={c} a={a}");
            }
        }
    }

    #[test]
    fn unpremultiply_of_zero_alpha_is_zero() {
        assert_eq!(u8::unpremultiply(200, 0), 0);
        assert_eq!(u16::unpremultiply(200, 0), 0);
        assert_eq!(f32::unpremultiply(0.5, 0.0), 0.0);
        assert_eq!(f32::unpremultiply(0.5, f32::NAN), 0.0);
    }

    #[test]
    fn unpremultiply_clamps_invalid_input() {
        assert_eq!(u8::unpremultiply(200, 100), 255);
        assert_eq!(u16::unpremultiply(60000, 1), 65535);
    }

    #[test]
    fn luma_of_gray_is_exact() {
        for v in 0..=255u8 {
            assert_eq!(u8::luma(v, v, v), v);
        }
        for v in (0..=u16::MAX).step_by(13) {
            assert_eq!(u16::luma(v, v, v), v);
        }
        assert_eq!(f32::luma(0.3, 0.3, 0.3), 0.3);
    }

    #[test]
    fn luma_weights_match_rec709() {
        assert_eq!(u8::luma(255, 0, 0), 54); // 0.2126 × 255 = 54.2
        assert_eq!(u8::luma(0, 255, 0), 182); // 0.7152 × 255 = 182.4
        assert_eq!(u8::luma(0, 0, 255), 18); // 0.0722 × 255 = 18.4
        assert_eq!(LUMA_WEIGHTS_10K.iter().sum::<u32>(), 10_000);
    }
}
