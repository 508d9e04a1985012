//! Run-time selection of the filter kernels: the `u8` cascade passes of
//! [`crate::filter::cascade`], compiled a second time with AVX2 enabled.
//!
//! The kernel bodies are the portable, safe, `#[inline(always)]` functions of that
//! module; inside a `#[target_feature(enable = "avx2")]` function LLVM vectorizes them
//! with 256-bit lanes (eight `u32` sums per instruction in the vertical pass). Both
//! builds run the same integer and IEEE operations in the same order, so the results
//! are bit-identical (a test compares them). Without `std` there is no run-time
//! detection and the portable build runs.

use crate::filter::cascade::{Taps, horizontal, vertical};

#[inline(always)]
fn horizontal_u8(pad: &[u8], ch: usize, taps: &Taps, out: &mut [u8], inv: f32) {
    match ch {
        1 => horizontal::<u8, u32, 1>(
            bytemuck::cast_slice(pad),
            taps,
            bytemuck::cast_slice_mut(out),
            inv,
        ),
        2 => horizontal::<u8, u32, 2>(
            bytemuck::cast_slice(pad),
            taps,
            bytemuck::cast_slice_mut(out),
            inv,
        ),
        3 => horizontal::<u8, u32, 3>(
            bytemuck::cast_slice(pad),
            taps,
            bytemuck::cast_slice_mut(out),
            inv,
        ),
        _ => horizontal::<u8, u32, 4>(
            bytemuck::cast_slice(pad),
            taps,
            bytemuck::cast_slice_mut(out),
            inv,
        ),
    }
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod avx2 {
    use super::{Taps, horizontal_u8, vertical};

    #[target_feature(enable = "avx2")]
    pub(super) fn horizontal(pad: &[u8], ch: usize, taps: &Taps, out: &mut [u8], inv: f32) {
        horizontal_u8(pad, ch, taps, out, inv);
    }

    #[target_feature(enable = "avx2")]
    pub(super) fn vertical_u8(
        pos: [&[u8]; 4],
        neg: [&[u8]; 4],
        sums: [&mut [u32]; 3],
        out: Option<&mut [u8]>,
        inv: f32,
    ) {
        vertical::<u8, u32>(pos, neg, sums, out, inv);
    }
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[inline]
fn has_avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
}

/// One padded row through the `u8` cascade (`ch` channels, 1–4; see
/// [`horizontal`]), AVX2 where the CPU has it.
pub(crate) fn cascade_horizontal_u8(pad: &[u8], ch: usize, taps: &Taps, out: &mut [u8], inv: f32) {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if has_avx2() {
        // SAFETY: the CPU supports AVX2, as detected on the line above, which is the
        // only requirement of calling a `#[target_feature(enable = "avx2")]` function;
        // its body is safe code.
        return unsafe { avx2::horizontal(pad, ch, taps, out, inv) };
    }
    horizontal_u8(pad, ch, taps, out, inv);
}

/// One vertical step of the `u8` cascade (see [`vertical`]), AVX2 where the CPU has
/// it.
pub(crate) fn cascade_vertical_u8(
    pos: [&[u8]; 4],
    neg: [&[u8]; 4],
    sums: [&mut [u32]; 3],
    out: Option<&mut [u8]>,
    inv: f32,
) {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if has_avx2() {
        // SAFETY: the CPU supports AVX2, as detected on the line above, which is the
        // only requirement of calling a `#[target_feature(enable = "avx2")]` function;
        // its body is safe code.
        return unsafe { avx2::vertical_u8(pos, neg, sums, out, inv) };
    }
    vertical::<u8, u32>(pos, neg, sums, out, inv);
}

/// The portable builds, for tests that compare them with the dispatched ones.
#[cfg(test)]
pub(crate) mod portable {
    use super::{Taps, horizontal_u8, vertical};

    /// [`super::cascade_horizontal_u8`] without AVX2.
    pub(crate) fn cascade_horizontal_u8(
        pad: &[u8],
        ch: usize,
        taps: &Taps,
        out: &mut [u8],
        inv: f32,
    ) {
        horizontal_u8(pad, ch, taps, out, inv);
    }

    /// [`super::cascade_vertical_u8`] without AVX2.
    pub(crate) fn cascade_vertical_u8(
        pos: [&[u8]; 4],
        neg: [&[u8]; 4],
        sums: [&mut [u32]; 3],
        out: Option<&mut [u8]>,
        inv: f32,
    ) {
        vertical::<u8, u32>(pos, neg, sums, out, inv);
    }
}
