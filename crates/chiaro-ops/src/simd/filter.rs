//! Run-time selection of the filter kernels: the `u8` cascade passes of
//! [`crate::filter::cascade`], as the portable build (the safe, generic
//! `#[inline(always)]` functions of that module) and an AVX2 build written with
//! intrinsics, because LLVM left the portable loops scalar even when compiled for AVX2
//! (see `docs/performance.md`). Both builds run the same integer and IEEE operations
//! per sample, so the results are bit-identical (a unit test compares the kernels, and
//! the determinism test's hashes match in a `no_std` build, which has no run-time
//! detection and runs the portable build).

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

/// Two interleaved four-channel rows: the cascade with eight lanes.
#[inline(always)]
fn horizontal_pair_u8(pad: &[u8], taps: &Taps, out: &mut [u8], inv: f32) {
    horizontal::<u8, u32, 8>(
        bytemuck::cast_slice(pad),
        taps,
        bytemuck::cast_slice_mut(out),
        inv,
    );
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod avx2 {
    //! AVX2 builds. The vertical step handles sixteen samples per iteration (tap sums
    //! in 16-bit lanes, running sums in two sets of eight `u32`); the horizontal pass
    //! keeps a pixel's three sums in a 128-bit register each, or two rows' pixels in a
    //! 256-bit register (the running sums are a serial chain along the row, so a
    //! second row is the parallelism there is). Loads and stores go through `bytemuck`
    //! casts of fixed-size arrays; tails run the portable code, which performs the
    //! same integer and IEEE operations.

    use core::arch::x86_64::{
        __m128i, __m256i, _mm_add_epi32, _mm_add_ps, _mm_cvtepi32_ps, _mm_cvtepu8_epi32,
        _mm_cvtsi32_si128, _mm_cvtsi64_si128, _mm_cvtsi128_si32, _mm_cvtsi128_si64,
        _mm_cvttps_epi32, _mm_min_ps, _mm_mul_ps, _mm_packus_epi16, _mm_packus_epi32, _mm_set1_ps,
        _mm_sub_epi32, _mm256_add_epi16, _mm256_add_epi32, _mm256_add_ps, _mm256_castsi256_si128,
        _mm256_cvtepi16_epi32, _mm256_cvtepi32_ps, _mm256_cvtepu8_epi16, _mm256_cvtepu8_epi32,
        _mm256_cvttps_epi32, _mm256_extracti128_si256, _mm256_min_ps, _mm256_mul_ps,
        _mm256_packus_epi32, _mm256_permute4x64_epi64, _mm256_set1_ps, _mm256_sub_epi16,
        _mm256_sub_epi32,
    };

    use super::{Taps, horizontal_u8, vertical};

    /// Four bytes widened to four `u32` lanes.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn load4(s: &[u8]) -> __m128i {
        let mut b = [0u8; 4];
        b.copy_from_slice(&s[..4]);
        _mm_cvtepu8_epi32(_mm_cvtsi32_si128(i32::from_le_bytes(b)))
    }

    #[target_feature(enable = "avx2")]
    pub(super) fn horizontal(pad: &[u8], ch: usize, taps: &Taps, out: &mut [u8], inv: f32) {
        if ch != 4 {
            return horizontal_u8(pad, ch, taps, out, inv);
        }
        let w = out.len() / 4;
        let l = taps.left_pad();
        let r = taps.reach;
        if w == 0 || pad.len() < (l + w + r) * 4 {
            return;
        }
        let first = load4(&pad[l * 4..]);
        #[expect(
            clippy::cast_possible_truncation,
            reason = "only used while 255 · N < 2³¹"
        )]
        let n = taps.norm as u32;
        let first: [u32; 4] = bytemuck::cast(first);
        let mut s1: __m128i = bytemuck::cast([0u32; 4]);
        let mut s2 = s1;
        let mut s3: __m128i = bytemuck::cast(first.map(|v| v.wrapping_mul(n)));
        let inv = _mm_set1_ps(inv);
        let half = _mm_set1_ps(0.5);
        let top = _mm_set1_ps(255.0);
        let at = |q: usize, off: isize| load4(&pad[q.wrapping_add_signed(off) * 4..]);
        // Warm-up steps for pixels −R+1 ..= −1.
        for q in (l + 1 - r)..l {
            let plus = _mm_add_epi32(
                _mm_add_epi32(at(q, taps.pos[0]), at(q, taps.pos[1])),
                _mm_add_epi32(at(q, taps.pos[2]), at(q, taps.pos[3])),
            );
            let minus = _mm_add_epi32(
                _mm_add_epi32(at(q, taps.neg[0]), at(q, taps.neg[1])),
                _mm_add_epi32(at(q, taps.neg[2]), at(q, taps.neg[3])),
            );
            s1 = _mm_add_epi32(s1, _mm_sub_epi32(plus, minus));
            s2 = _mm_add_epi32(s2, s1);
            s3 = _mm_add_epi32(s3, s2);
        }
        // One output pixel per step, from tap rows sliced to exactly `w` pixels.
        let px: &[[u8; 4]] = bytemuck::cast_slice(&pad[..(l + w + r) * 4]);
        let tap = |off: isize| &px[l.wrapping_add_signed(off)..][..w];
        let (a0, a1, a2, a3) = (
            tap(taps.pos[0]),
            tap(taps.pos[1]),
            tap(taps.pos[2]),
            tap(taps.pos[3]),
        );
        let (b0, b1, b2, b3) = (
            tap(taps.neg[0]),
            tap(taps.neg[1]),
            tap(taps.neg[2]),
            tap(taps.neg[3]),
        );
        let out: &mut [[u8; 4]] = bytemuck::cast_slice_mut(&mut out[..w * 4]);
        let out = &mut out[..w];
        let widen = |p: [u8; 4]| _mm_cvtepu8_epi32(_mm_cvtsi32_si128(i32::from_le_bytes(p)));
        for i in 0..w {
            let plus = _mm_add_epi32(
                _mm_add_epi32(widen(a0[i]), widen(a1[i])),
                _mm_add_epi32(widen(a2[i]), widen(a3[i])),
            );
            let minus = _mm_add_epi32(
                _mm_add_epi32(widen(b0[i]), widen(b1[i])),
                _mm_add_epi32(widen(b2[i]), widen(b3[i])),
            );
            s1 = _mm_add_epi32(s1, _mm_sub_epi32(plus, minus));
            s2 = _mm_add_epi32(s2, s1);
            s3 = _mm_add_epi32(s3, s2);
            let f = _mm_add_ps(_mm_mul_ps(_mm_cvtepi32_ps(s3), inv), half);
            let v = _mm_cvttps_epi32(_mm_min_ps(f, top));
            let v = _mm_packus_epi16(_mm_packus_epi32(v, v), v);
            out[i] = _mm_cvtsi128_si32(v).to_le_bytes();
        }
    }

    /// Two interleaved four-channel rows (eight bytes per step): the three sums of
    /// both pixels in one 256-bit register each.
    #[target_feature(enable = "avx2")]
    pub(super) fn horizontal_pair(pad: &[u8], taps: &Taps, out: &mut [u8], inv: f32) {
        let w = out.len() / 8;
        let l = taps.left_pad();
        let r = taps.reach;
        if w == 0 || pad.len() < (l + w + r) * 8 {
            return;
        }
        let px: &[[u8; 8]] = bytemuck::cast_slice(&pad[..(l + w + r) * 8]);
        let widen = |p: [u8; 8]| _mm256_cvtepu8_epi32(_mm_cvtsi64_si128(i64::from_le_bytes(p)));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "only used while 255 · N < 2³¹"
        )]
        let n = taps.norm as u32;
        let first: [u32; 8] = bytemuck::cast(widen(px[l]));
        let mut s1: __m256i = bytemuck::cast([0u32; 8]);
        let mut s2 = s1;
        let mut s3: __m256i = bytemuck::cast(first.map(|v| v.wrapping_mul(n)));
        let vinv = _mm256_set1_ps(inv);
        let half = _mm256_set1_ps(0.5);
        let top = _mm256_set1_ps(255.0);
        let at = |q: usize, off: isize| widen(px[q.wrapping_add_signed(off)]);
        for q in (l + 1 - r)..l {
            let plus = _mm256_add_epi32(
                _mm256_add_epi32(at(q, taps.pos[0]), at(q, taps.pos[1])),
                _mm256_add_epi32(at(q, taps.pos[2]), at(q, taps.pos[3])),
            );
            let minus = _mm256_add_epi32(
                _mm256_add_epi32(at(q, taps.neg[0]), at(q, taps.neg[1])),
                _mm256_add_epi32(at(q, taps.neg[2]), at(q, taps.neg[3])),
            );
            s1 = _mm256_add_epi32(s1, _mm256_sub_epi32(plus, minus));
            s2 = _mm256_add_epi32(s2, s1);
            s3 = _mm256_add_epi32(s3, s2);
        }
        let tap = |off: isize| &px[l.wrapping_add_signed(off)..][..w];
        let (a0, a1, a2, a3) = (
            tap(taps.pos[0]),
            tap(taps.pos[1]),
            tap(taps.pos[2]),
            tap(taps.pos[3]),
        );
        let (b0, b1, b2, b3) = (
            tap(taps.neg[0]),
            tap(taps.neg[1]),
            tap(taps.neg[2]),
            tap(taps.neg[3]),
        );
        let out: &mut [[u8; 8]] = bytemuck::cast_slice_mut(&mut out[..w * 8]);
        let out = &mut out[..w];
        for i in 0..w {
            let plus = _mm256_add_epi32(
                _mm256_add_epi32(widen(a0[i]), widen(a1[i])),
                _mm256_add_epi32(widen(a2[i]), widen(a3[i])),
            );
            let minus = _mm256_add_epi32(
                _mm256_add_epi32(widen(b0[i]), widen(b1[i])),
                _mm256_add_epi32(widen(b2[i]), widen(b3[i])),
            );
            s1 = _mm256_add_epi32(s1, _mm256_sub_epi32(plus, minus));
            s2 = _mm256_add_epi32(s2, s1);
            s3 = _mm256_add_epi32(s3, s2);
            let f = _mm256_add_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(s3), vinv), half);
            let v = _mm256_cvttps_epi32(_mm256_min_ps(f, top));
            let words =
                _mm_packus_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
            out[i] = _mm_cvtsi128_si64(_mm_packus_epi16(words, words)).to_le_bytes();
        }
    }

    /// The first `nb` blocks of sixteen bytes of a row.
    fn rows16(r: &[u8], nb: usize) -> &[[u8; 16]] {
        &bytemuck::cast_slice(&r[..nb * 16])[..nb]
    }

    /// The first `nb` blocks of sixteen sums, as two halves of eight.
    fn sums16(s: &mut [u32], nb: usize) -> &mut [[[u32; 8]; 2]] {
        &mut bytemuck::cast_slice_mut(&mut s[..nb * 16])[..nb]
    }

    #[target_feature(enable = "avx2")]
    pub(super) fn vertical_u8(
        pos: [&[u8]; 4],
        neg: [&[u8]; 4],
        sums: [&mut [u32]; 3],
        out: Option<&mut [u8]>,
        inv: f32,
    ) {
        let mut out = out;
        let [s1, s2, s3] = sums;
        let len = s1.len();
        // Sixteen samples per step: the tap sums in 16-bit lanes (|Σ⁺ − Σ⁻| ≤ 1020, so
        // wrapping 16-bit arithmetic is exact), widened to two sets of eight `u32`.
        let blocks = len / 16 * 16;
        let nb = blocks / 16;
        let vinv = _mm256_set1_ps(inv);
        let half = _mm256_set1_ps(0.5);
        let top = _mm256_set1_ps(255.0);
        let (a0, a1, a2, a3) = (
            rows16(pos[0], nb),
            rows16(pos[1], nb),
            rows16(pos[2], nb),
            rows16(pos[3], nb),
        );
        let (b0, b1, b2, b3) = (
            rows16(neg[0], nb),
            rows16(neg[1], nb),
            rows16(neg[2], nb),
            rows16(neg[3], nb),
        );
        let (t1, t2, t3) = (sums16(s1, nb), sums16(s2, nb), sums16(s3, nb));
        let widen = |b: [u8; 16]| _mm256_cvtepu8_epi16(bytemuck::cast::<[u8; 16], __m128i>(b));
        let narrow = |c: __m256i| {
            let f = _mm256_add_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(c), vinv), half);
            _mm256_cvttps_epi32(_mm256_min_ps(f, top))
        };
        let mut out16: Option<&mut [[u8; 16]]> = out
            .as_deref_mut()
            .map(|o| &mut bytemuck::cast_slice_mut::<u8, [u8; 16]>(&mut o[..blocks])[..nb]);
        for j in 0..nb {
            let plus = _mm256_add_epi16(
                _mm256_add_epi16(widen(a0[j]), widen(a1[j])),
                _mm256_add_epi16(widen(a2[j]), widen(a3[j])),
            );
            let minus = _mm256_add_epi16(
                _mm256_add_epi16(widen(b0[j]), widen(b1[j])),
                _mm256_add_epi16(widen(b2[j]), widen(b3[j])),
            );
            let d = _mm256_sub_epi16(plus, minus);
            let halves = [
                _mm256_cvtepi16_epi32(_mm256_castsi256_si128(d)),
                _mm256_cvtepi16_epi32(_mm256_extracti128_si256::<1>(d)),
            ];
            let mut finished = [halves[0]; 2];
            for (k, dk) in halves.into_iter().enumerate() {
                let a = _mm256_add_epi32(bytemuck::cast(t1[j][k]), dk);
                t1[j][k] = bytemuck::cast(a);
                let b = _mm256_add_epi32(bytemuck::cast(t2[j][k]), a);
                t2[j][k] = bytemuck::cast(b);
                let c = _mm256_add_epi32(bytemuck::cast(t3[j][k]), b);
                t3[j][k] = bytemuck::cast(c);
                finished[k] = c;
            }
            if let Some(o) = out16.as_deref_mut() {
                // packus works within 128-bit halves: reorder the 64-bit quarters
                // before the final pack so the bytes come out in order.
                let words = _mm256_packus_epi32(narrow(finished[0]), narrow(finished[1]));
                let words = _mm256_permute4x64_epi64::<0b11_01_10_00>(words);
                let bytes = _mm_packus_epi16(
                    _mm256_castsi256_si128(words),
                    _mm256_extracti128_si256::<1>(words),
                );
                o[j] = bytemuck::cast(bytes);
            }
        }
        if blocks < len {
            vertical::<u8, u32>(
                pos.map(|p| &p[blocks..]),
                neg.map(|n| &n[blocks..]),
                [&mut s1[blocks..], &mut s2[blocks..], &mut s3[blocks..]],
                out.map(|o| &mut o[blocks..]),
                inv,
            );
        }
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

/// Two interleaved four-channel rows through the `u8` cascade (see [`horizontal`]),
/// AVX2 where the CPU has it.
pub(crate) fn cascade_horizontal_pair_u8(pad: &[u8], taps: &Taps, out: &mut [u8], inv: f32) {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if has_avx2() {
        // SAFETY: the CPU supports AVX2, as detected on the line above, which is the
        // only requirement of calling a `#[target_feature(enable = "avx2")]` function;
        // its body is safe code.
        return unsafe { avx2::horizontal_pair(pad, taps, out, inv) };
    }
    horizontal_pair_u8(pad, taps, out, inv);
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

    /// [`super::cascade_horizontal_pair_u8`] without AVX2.
    pub(crate) fn cascade_horizontal_pair_u8(pad: &[u8], taps: &Taps, out: &mut [u8], inv: f32) {
        super::horizontal_pair_u8(pad, taps, out, inv);
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
