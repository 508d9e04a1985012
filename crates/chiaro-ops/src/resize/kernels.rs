//! Portable builds of the resampling kernels. `crate::simd::resize` calls these, or
//! AVX2 builds with identical results.
//!
//! # 8-bit fixed point
//!
//! The horizontal pass reads `u8` channels (premultiplied where the format has straight
//! alpha) and writes `i16` with [`FRAC_BITS`] fraction bits: the sum of `value × weight`
//! in `i32`, plus half, shifted right by `WEIGHT_BITS − FRAC_BITS`. The ringing of the
//! negative lobes is kept (values below 0 and above 255 survive to the second pass);
//! 255 × 1.3 × 64 fits `i16` with room to spare, and the sum saturates rather than
//! wraps. The vertical pass sums `i16 × weight` in `i32`, adds half and shifts by
//! `WEIGHT_BITS + FRAC_BITS`, then clamps to `0..=255`: one rounding at the end, so the
//! result is within a fraction of a level of the exact convolution.

use super::weights::{FixedWindows, FloatWindows, WEIGHT_BITS};

/// Fraction bits of the 8-bit path's intermediate rows.
pub(crate) const FRAC_BITS: u32 = 6;
/// Right shift of the horizontal pass.
pub(crate) const H_SHIFT: u32 = WEIGHT_BITS - FRAC_BITS;
/// Right shift of the vertical pass.
pub(crate) const V_SHIFT: u32 = WEIGHT_BITS + FRAC_BITS;

/// Rounds and narrows a horizontal sum to the intermediate `i16`, saturating.
#[inline(always)]
pub(crate) fn h_narrow(acc: i32) -> i16 {
    let v = (acc + (1 << (H_SHIFT - 1))) >> H_SHIFT;
    #[expect(
        clippy::cast_possible_truncation,
        reason = "clamped to the i16 range first"
    )]
    let v = v.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16;
    v
}

/// Rounds and narrows a vertical sum to `u8`, clamping the ringing.
#[inline(always)]
pub(crate) fn v_narrow(acc: i32) -> u8 {
    let v = (acc + (1 << (V_SHIFT - 1))) >> V_SHIFT;
    #[expect(clippy::cast_sign_loss, reason = "clamped to 0..=255 first")]
    let v = v.clamp(0, 255) as u8;
    v
}

/// Horizontal pass over one row of `CH`-channel `u8` pixels. `src` must hold at least
/// `starts[i] + lens[i]` pixels for every window (callers pad the row with zeros);
/// `out` holds `starts.len()` pixels.
pub(crate) fn h_u8<const CH: usize>(src: &[u8], w: &FixedWindows, out: &mut [i16]) {
    for (i, o) in out.chunks_exact_mut(CH).enumerate() {
        let start = w.starts[i] as usize * CH;
        let weights = w.of(i);
        let px = &src[start..start + weights.len() * CH];
        let mut acc = [0_i32; CH];
        for (p, &k) in px.chunks_exact(CH).zip(weights) {
            for c in 0..CH {
                acc[c] += i32::from(p[c]) * i32::from(k);
            }
        }
        for c in 0..CH {
            o[c] = h_narrow(acc[c]);
        }
    }
}

/// Vertical pass of the 8-bit path: output row from the intermediate rows
/// `start .. start + weights.len()` of `src` (rows `stride` values apart).
pub(crate) fn v_u8(src: &[i16], stride: usize, start: usize, weights: &[i16], out: &mut [u8]) {
    const BLOCK: usize = 64;
    for (b, chunk) in out.chunks_mut(BLOCK).enumerate() {
        let x0 = b * BLOCK;
        let mut acc = [0_i32; BLOCK];
        for (k, &w) in weights.iter().enumerate() {
            let row = &src[(start + k) * stride + x0..][..chunk.len()];
            for (a, &v) in acc.iter_mut().zip(row) {
                *a += i32::from(v) * i32::from(w);
            }
        }
        for (o, &a) in chunk.iter_mut().zip(&acc) {
            *o = v_narrow(a);
        }
    }
}

/// Horizontal pass over one row of `CH`-channel `f32` values.
pub(crate) fn h_f32<const CH: usize>(src: &[f32], w: &FloatWindows, out: &mut [f32]) {
    for (i, o) in out.chunks_exact_mut(CH).enumerate() {
        let start = w.starts[i] as usize * CH;
        let weights = w.of(i);
        let px = &src[start..start + weights.len() * CH];
        let mut acc = [0.0_f32; CH];
        for (p, &k) in px.chunks_exact(CH).zip(weights) {
            for c in 0..CH {
                acc[c] += p[c] * k;
            }
        }
        o.copy_from_slice(&acc);
    }
}

/// Vertical pass of the float path. Taps are summed in order, so the result does not
/// depend on how the row is split.
pub(crate) fn v_f32(src: &[f32], stride: usize, start: usize, weights: &[f32], out: &mut [f32]) {
    out.fill(0.0);
    for (k, &w) in weights.iter().enumerate() {
        let row = &src[(start + k) * stride..][..out.len()];
        for (o, &v) in out.iter_mut().zip(row) {
            *o += v * w;
        }
    }
}

/// Vertical pass first (8-bit path, when it shrinks more): rows
/// `start .. start + weights.len()` of `u8` channels (`stride` bytes apart) into one
/// intermediate row, rounded as the horizontal pass rounds.
pub(crate) fn v_u8_i16(src: &[u8], stride: usize, start: usize, weights: &[i16], out: &mut [i16]) {
    const BLOCK: usize = 64;
    for (b, chunk) in out.chunks_mut(BLOCK).enumerate() {
        let x0 = b * BLOCK;
        let mut acc = [0_i32; BLOCK];
        for (k, &w) in weights.iter().enumerate() {
            let row = &src[(start + k) * stride + x0..][..chunk.len()];
            for (a, &v) in acc.iter_mut().zip(row) {
                *a += i32::from(v) * i32::from(w);
            }
        }
        for (o, &a) in chunk.iter_mut().zip(&acc) {
            *o = h_narrow(a);
        }
    }
}

/// Horizontal pass second: one intermediate row of `CH`-channel `i16` pixels (padded
/// like the source rows of [`h_u8`]) to `u8`, rounded as the vertical pass rounds.
pub(crate) fn h_i16_u8<const CH: usize>(src: &[i16], w: &FixedWindows, out: &mut [u8]) {
    for (i, o) in out.chunks_exact_mut(CH).enumerate() {
        let start = w.starts[i] as usize * CH;
        let weights = w.of(i);
        let px = &src[start..start + weights.len() * CH];
        let mut acc = [0_i32; CH];
        for (p, &k) in px.chunks_exact(CH).zip(weights) {
            for c in 0..CH {
                acc[c] += i32::from(p[c]) * i32::from(k);
            }
        }
        for c in 0..CH {
            o[c] = v_narrow(acc[c]);
        }
    }
}
