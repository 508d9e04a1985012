//! Table-driven sRGB conversions for 8- and 16-bit values: the fast paths.
//!
//! | function | method | error |
//! |---|---|---|
//! | [`srgb8_to_linear`] | 256-entry `f32` table built at compile time | exact: each entry is the exact value rounded to `f32` |
//! | [`linear_to_srgb8`] | 4096-bucket table plus one threshold compare | exact: equals `round(encode(l) · 255)` for every `f32`, 0 LSB |
//! | [`srgb16_to_linear`] | 65536-entry `f32` table built on first use (computed directly without `std`) | exact to `f32` |
//! | [`linear_to_srgb16`] | direct `f64` evaluation | exact rounding, 0 LSB |
//!
//! Inputs outside 0–1 are clamped by the integer encoders; NaN encodes to 0.
//!
//! How the 8-bit encoder is exact: the result is the number of thresholds
//! `T[c] = decode((c + ½) / 255)` at or below the input (255 of them). A table indexed
//! by `floor(l · 4096)` holds that count at the bucket's start; buckets are narrower
//! (1/4096 ≈ 2.4·10⁻⁴) than the closest two thresholds (≈ 3.0·10⁻⁴, in the linear
//! segment), so at most one threshold lies inside a bucket and a single comparison
//! finishes the count. The thresholds are the smallest `f32`s that round up, found at
//! compile time; the tests check them against `f64` evaluation, and the function
//! against it on a dense sweep and around every threshold.

use super::srgb::{
    linear_to_srgb_const, linear_to_srgb_f64, srgb_to_linear_const, srgb_to_linear_f64,
};

/// `SRGB8_TO_LINEAR[v]` is the linear-light value of 8-bit sRGB `v`, exact to `f32`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub static SRGB8_TO_LINEAR: [f32; 256] = {
    let mut t = [0.0f32; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = srgb_to_linear_const(i as f64 / 255.0) as f32;
        i += 1;
    }
    t
};

/// Linear light of an 8-bit sRGB value, by table.
#[inline(always)]
pub fn srgb8_to_linear(v: u8) -> f32 {
    SRGB8_TO_LINEAR[usize::from(v)]
}

/// Number of buckets of the 8-bit encoder's first-level table.
const BUCKETS: usize = 4096;

/// `THRESHOLDS[c]` for `c < 255` is the smallest `f32` whose encoded value rounds to at
/// least `c + 1`; `THRESHOLDS[255]` is infinite, so the lookup below needs no bound
/// check.
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
static THRESHOLDS: [f32; 256] = {
    let mut t = [f32::INFINITY; 256];
    let mut c = 0;
    while c < 255 {
        let target = (c as f64 + 0.5) / 255.0;
        // Start near the exact crossing, then walk to the smallest f32 that rounds up.
        let mut x = srgb_to_linear_const(target) as f32;
        while linear_to_srgb_const(x as f64) >= target {
            x = f32::from_bits(x.to_bits() - 1);
        }
        while linear_to_srgb_const(x as f64) < target {
            x = f32::from_bits(x.to_bits() + 1);
        }
        t[c] = x;
        c += 1;
    }
    t
};

/// `BUCKET_START[i]`: how many thresholds lie at or below `i / 4096`.
#[expect(clippy::cast_possible_truncation, reason = "the count is at most 255")]
static BUCKET_START: [u8; BUCKETS] = {
    let mut t = [0u8; BUCKETS];
    let mut i = 0;
    let mut c = 0usize;
    while i < BUCKETS {
        let start = i as f32 / BUCKETS as f32;
        while c < 255 && THRESHOLDS[c] <= start {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
};

/// Linear light to 8-bit sRGB, exactly rounded (see the module docs).
#[inline(always)]
pub fn linear_to_srgb8(l: f32) -> u8 {
    let l = l.clamp(0.0, 1.0);
    // Exact: scaling by a power of two. NaN clamps to NaN and casts to bucket 0.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "l is in 0..=1, so the index is in 0..=4096; NaN casts to 0"
    )]
    let bucket = ((l * BUCKETS as f32) as usize).min(BUCKETS - 1);
    let c = BUCKET_START[bucket];
    c + u8::from(l >= THRESHOLDS[usize::from(c)])
}

/// Linear light of a 16-bit sRGB value.
pub fn srgb16_to_linear(v: u16) -> f32 {
    #[cfg(feature = "std")]
    {
        static TABLE: std::sync::OnceLock<alloc::boxed::Box<[f32]>> = std::sync::OnceLock::new();
        let table = TABLE.get_or_init(|| (0..=u16::MAX).map(srgb16_exact).collect());
        table[usize::from(v)]
    }
    #[cfg(not(feature = "std"))]
    {
        srgb16_exact(v)
    }
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
fn srgb16_exact(v: u16) -> f32 {
    srgb_to_linear_f64(f64::from(v) / 65535.0) as f32
}

/// Linear light to 16-bit sRGB, exactly rounded. NaN gives 0.
#[inline]
pub fn linear_to_srgb16(l: f32) -> u16 {
    let l = f64::from(l.clamp(0.0, 1.0));
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the value is in 0..=65535.5; NaN casts to 0"
    )]
    let v = (linear_to_srgb_f64(l) * 65535.0 + 0.5) as u16;
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact rounding the 8-bit encoder must reproduce.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "in range"
    )]
    fn reference8(l: f32) -> u8 {
        let l = f64::from(l.clamp(0.0, 1.0));
        if l.is_nan() {
            return 0;
        }
        (linear_to_srgb_f64(l) * 255.0 + 0.5) as u8
    }

    #[test]
    fn decode_table_is_exact() {
        for v in 0..=255u8 {
            let exact = srgb_to_linear_f64(f64::from(v) / 255.0);
            #[expect(clippy::cast_possible_truncation, reason = "f32 rounding")]
            let exact32 = exact as f32;
            assert_eq!(srgb8_to_linear(v), exact32, "{v}");
        }
    }

    #[test]
    fn thresholds_are_the_smallest_rounding_up() {
        for (c, &t) in THRESHOLDS[..255].iter().enumerate() {
            let below = f32::from_bits(t.to_bits() - 1);
            assert_eq!(usize::from(reference8(t)), c + 1, "threshold {c}");
            assert_eq!(usize::from(reference8(below)), c, "below threshold {c}");
        }
    }

    #[test]
    fn at_most_one_threshold_per_bucket() {
        for pair in THRESHOLDS[..255].windows(2) {
            assert!(pair[1] - pair[0] > 1.0 / BUCKETS as f32, "{pair:?}");
        }
    }

    #[test]
    fn encoder_is_exact_around_every_threshold_and_bucket() {
        for &t in &THRESHOLDS[..255] {
            for d in -8i32..=8 {
                let x = f32::from_bits(t.to_bits().wrapping_add_signed(d));
                assert_eq!(linear_to_srgb8(x), reference8(x), "{x:e}");
            }
        }
        for i in 0..=BUCKETS {
            let start = i as f32 / BUCKETS as f32;
            for d in -2i32..=2 {
                let x = f32::from_bits(start.to_bits().wrapping_add_signed(d));
                assert_eq!(linear_to_srgb8(x), reference8(x), "{x:e}");
            }
        }
    }

    #[test]
    fn encoder_is_exact_on_a_dense_sweep() {
        // Every 61st f32 between 0 and 1 (about 17 million values) and beyond.
        let end = 1.5f32.to_bits();
        let mut bits = 0u32;
        while bits <= end {
            let x = f32::from_bits(bits);
            assert_eq!(linear_to_srgb8(x), reference8(x), "{x:e}");
            bits += 61;
        }
    }

    #[test]
    fn encoder_edge_inputs() {
        assert_eq!(linear_to_srgb8(f32::NAN), 0);
        assert_eq!(linear_to_srgb8(-1.0), 0);
        assert_eq!(linear_to_srgb8(f32::INFINITY), 255);
        assert_eq!(linear_to_srgb8(1.0), 255);
        assert_eq!(linear_to_srgb8(f32::from_bits(1)), 0);
        for v in 0..=255u8 {
            assert_eq!(linear_to_srgb8(srgb8_to_linear(v)), v, "round trip {v}");
        }
    }

    #[test]
    fn sixteen_bit_round_trips_and_is_exact() {
        for v in 0..=u16::MAX {
            let l = srgb16_to_linear(v);
            assert_eq!(l, srgb16_exact(v));
            assert_eq!(linear_to_srgb16(l), v, "{v}");
        }
        assert_eq!(linear_to_srgb16(f32::NAN), 0);
        assert_eq!(linear_to_srgb16(2.0), 65535);
    }
}
