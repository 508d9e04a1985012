//! AVX2 kernel for RGB → Y′CbCr 4:2:0 (and 4:2:2, as a row paired with itself): two
//! rows at a time, 32 pixels per step, on 16-bit lanes.
//!
//! Safe code: every function is `#[target_feature(enable = "avx2")]`, inside which the
//! value intrinsics are safe; loads and stores go through `bytemuck` casts of
//! fixed-size arrays. The caller (`super::ycbcr`) calls it only after detecting AVX2.
//!
//! The arithmetic is the portable kernels' (`crate::ycbcr::planar`), lane for lane:
//!
//! 1. 32 pixels are split into three 32-byte channel planes in pixel order (for three-
//!    byte pixels: one lane permute and two dword blends put sixteen pixels in each
//!    128-bit lane as three 16-byte pieces, then two byte blends and a byte shuffle per
//!    channel, all masks compile-time constants; for four-byte pixels: a byte shuffle
//!    per load and a 4×4 transpose);
//! 2. luma: each plane widened to the working values `c · 128` (unpack with zero,
//!    shift), three `mulhrs_epi16` (rounding multiply-high) with the signed 2¹⁵
//!    weights, added, biased, `>> 7`;
//! 3. chroma: `pmaddubsw` with ones adds neighbouring bytes of each row's plane, the
//!    rows' pair sums add to each block's sum `S`, and `S << 5` is the block's average
//!    working value, exactly; then three `mulhrs_epi16`, added, with the saturating
//!    bias, `>> 7`.
//!
//! A width that is not a multiple of 32 ends with one more step overlapping the one
//! before (it rewrites some samples with the same values), so only the last pixel of an
//! odd width, and rows shorter than a step, are left to the portable kernels.
//!
//! Measured against `yuvutils-rs` (`cargo xtask bench ycbcr420`, and an interleaved
//! A/B loop for the other sizes; one core): the first version of this kernel worked on
//! 32-bit lanes with `pmaddwd` and `phaddd` (eight pixels per vector) and ran at
//! 7.5–8 ms on 4096×4096 where `yuvutils-rs` takes 5.7; this one takes 5.2–5.3 ms.
//! Each step of the way, checked in the generated code and timed:
//!
//! - `mulhi_epu16` is canonicalized by LLVM into a generic widening multiply that the
//!   backend lowered onto 32-bit lanes (twice the work); `mulhrs_epi16` avoids it;
//! - helpers taking closures or built with `array::map`/`array::from_fn` were not
//!   inlined (shuffle masks built at run time per call doubled the time of a 256×256
//!   image), so masks are `const` tables and the step body is a macro;
//! - `pmaddubsw` block sums in place of averaging the widened rows and `phaddw` saved
//!   a tenth;
//! - software prefetch of the source rows gained 5 % on images larger than the cache;
//! - the overlapping last step replaced a scalar tail that cost a quarter of the time of
//!   a 1000-pixel-wide image.
//!
//! Non-temporal stores for the planes (to save the read-for-ownership of the output)
//! were tried and ran 40 % slower on 4096×4096: on the machine measured, filling 24 MB
//! with streaming stores ran at a tenth of the speed of ordinary stores, whose lines
//! stay in a last-level cache larger than the one the CPU reports.

use core::arch::x86_64::{
    __m256i, _MM_HINT_T0, _mm_prefetch, _mm256_add_epi16, _mm256_adds_epi16, _mm256_blend_epi32,
    _mm256_blendv_epi8, _mm256_castsi256_si128, _mm256_extracti128_si256, _mm256_maddubs_epi16,
    _mm256_mulhrs_epi16, _mm256_packus_epi16, _mm256_permute2x128_si256, _mm256_permute4x64_epi64,
    _mm256_permutevar8x32_epi32, _mm256_set1_epi8, _mm256_set1_epi16, _mm256_setr_epi32,
    _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_slli_epi16, _mm256_srli_epi16,
    _mm256_unpackhi_epi8, _mm256_unpackhi_epi32, _mm256_unpackhi_epi64, _mm256_unpacklo_epi8,
    _mm256_unpacklo_epi32, _mm256_unpacklo_epi64,
};

use crate::ycbcr::planar::{CHROMA_BIAS, EncodeCoeffs, Sample8};

/// Pixels per step.
pub(crate) const STEP: usize = 32;

/// How far ahead of the step (bytes) the source rows are prefetched: the hardware
/// prefetcher alone left the kernel 5 % slower on images larger than the cache; 512 to
/// 1024 bytes measured alike.
const PREFETCH_AHEAD: usize = 768;

/// Asks for the two cache lines at `at` bytes into `row` (a step's worth, for three- and
/// four-byte pixels). Prefetching never faults, so `at` may lie past the row's end.
#[inline]
#[target_feature(enable = "avx2")]
fn prefetch(row: &[u8], at: usize) {
    let p = row.as_ptr().wrapping_add(at);
    _mm_prefetch::<_MM_HINT_T0>(p.cast());
    _mm_prefetch::<_MM_HINT_T0>(p.wrapping_add(64).cast());
}

/// Sixteen three-byte pixels in three 16-byte pieces: lane position `j` of piece `k`
/// is byte `16k + j`, of channel `(16k + j) mod 3 = (k + j) mod 3`. So channel `c`
/// finds its byte at position `j` in piece `(c − j) mod 3`. Byte-blend masks (per lane)
/// picking piece 1 and piece 2 for channel `c`.
const fn piece_mask(c: usize, piece: usize) -> [i8; 32] {
    let mut m = [0i8; 32];
    let mut i = 0;
    while i < 32 {
        let j = i % 16;
        if (c + 3 - j % 3) % 3 == piece {
            m[i] = -1;
        }
        i += 1;
    }
    m
}

/// Byte shuffle (per lane) from lane positions to pixel order for channel `c`: pixel `p`
/// of the lane is byte `3p + c`, found at position `(3p + c) mod 16` of some piece.
#[expect(
    clippy::cast_possible_truncation,
    reason = "shuffle indices are below 16"
)]
const fn order_shuffle(c: usize) -> [i8; 32] {
    let mut m = [0i8; 32];
    let mut i = 0;
    while i < 32 {
        m[i] = ((3 * (i % 16) + c) % 16) as i8;
        i += 1;
    }
    m
}

/// Byte shuffle (per lane) grouping four four-byte pixels by channel: R0 R1 R2 R3,
/// G0 G1 G2 G3, B0 B1 B2 B3, A0 A1 A2 A3.
#[expect(
    clippy::cast_possible_truncation,
    reason = "shuffle indices are below 16"
)]
const fn rgba_group() -> [i8; 32] {
    let mut m = [0i8; 32];
    let mut i = 0;
    while i < 32 {
        let k = i % 16;
        m[i] = ((k % 4) * 4 + k / 4) as i8;
        i += 1;
    }
    m
}

/// Per channel of three-byte pixels: the masks for pieces 1 and 2, and the order shuffle.
const RGB_SPLIT: [[[i8; 32]; 3]; 3] = [
    [piece_mask(0, 1), piece_mask(0, 2), order_shuffle(0)],
    [piece_mask(1, 1), piece_mask(1, 2), order_shuffle(1)],
    [piece_mask(2, 1), piece_mask(2, 2), order_shuffle(2)],
];

/// The four-byte pixel grouping shuffle.
const RGBA_GROUP: [i8; 32] = rgba_group();

/// One channel plane of sixteen three-byte pixels per lane, from the three pieces.
#[inline]
#[target_feature(enable = "avx2")]
fn rgb_plane(a: __m256i, b: __m256i, c: __m256i, split: &[[i8; 32]; 3]) -> __m256i {
    let second: __m256i = bytemuck::cast(split[0]);
    let third: __m256i = bytemuck::cast(split[1]);
    let order: __m256i = bytemuck::cast(split[2]);
    _mm256_shuffle_epi8(
        _mm256_blendv_epi8(_mm256_blendv_epi8(a, b, second), c, third),
        order,
    )
}

/// Weights and constants as vectors.
struct Weights {
    y: [__m256i; 3],
    y_bias: __m256i,
    cb: [__m256i; 3],
    cr: [__m256i; 3],
    c_bias: __m256i,
}

#[inline]
#[target_feature(enable = "avx2")]
fn weights(k: &EncodeCoeffs) -> Weights {
    let v = |w: i16| _mm256_set1_epi16(w);
    Weights {
        y: [v(k.y[0]), v(k.y[1]), v(k.y[2])],
        y_bias: v(k.y_bias),
        cb: [v(k.cb[0]), v(k.cb[1]), v(k.cb[2])],
        cr: [v(k.cr[0]), v(k.cr[1]), v(k.cr[2])],
        c_bias: v(CHROMA_BIAS),
    }
}

/// Thirty-two pixels (`32 · N` bytes) as three byte planes in pixel order.
macro_rules! planes {
    ($n:expr, $chunk:expr) => {{
        let chunk: &[u8] = $chunk;
        let load = |i: usize| bytemuck::pod_read_unaligned::<__m256i>(&chunk[32 * i..32 * i + 32]);
        if $n == 3 {
            let (v0, v1, v2) = (load(0), load(1), load(2));
            // Lanes: bytes 0–15 | 48–63, 16–31 | 64–79, 32–47 | 80–95: each lane holds
            // sixteen pixels as three pieces.
            let a = _mm256_blend_epi32::<0xF0>(v0, v1);
            let b = _mm256_permute2x128_si256::<0x21>(v0, v2);
            let c = _mm256_blend_epi32::<0xF0>(v1, v2);
            [
                rgb_plane(a, b, c, &RGB_SPLIT[0]),
                rgb_plane(a, b, c, &RGB_SPLIT[1]),
                rgb_plane(a, b, c, &RGB_SPLIT[2]),
            ]
        } else {
            let group: __m256i = bytemuck::cast(RGBA_GROUP);
            let (v0, v1, v2, v3) = (
                _mm256_shuffle_epi8(load(0), group),
                _mm256_shuffle_epi8(load(1), group),
                _mm256_shuffle_epi8(load(2), group),
                _mm256_shuffle_epi8(load(3), group),
            );
            let (lo01, hi01) = (_mm256_unpacklo_epi32(v0, v1), _mm256_unpackhi_epi32(v0, v1));
            let (lo23, hi23) = (_mm256_unpacklo_epi32(v2, v3), _mm256_unpackhi_epi32(v2, v3));
            // Quads per lane are pixels 0–3, 8–11, 16–19, 24–27 | 4–7, …: reorder.
            let order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
            [
                _mm256_permutevar8x32_epi32(_mm256_unpacklo_epi64(lo01, lo23), order),
                _mm256_permutevar8x32_epi32(_mm256_unpackhi_epi64(lo01, lo23), order),
                _mm256_permutevar8x32_epi32(_mm256_unpacklo_epi64(hi01, hi23), order),
            ]
        }
    }};
}

/// A byte plane as two vectors of working values `c · 128`: pixels 0–7 | 16–23 and
/// 8–15 | 24–31.
#[inline]
#[target_feature(enable = "avx2")]
fn widen(plane: __m256i) -> (__m256i, __m256i) {
    let zero = _mm256_setzero_si256();
    (
        _mm256_srli_epi16::<1>(_mm256_unpacklo_epi8(zero, plane)),
        _mm256_srli_epi16::<1>(_mm256_unpackhi_epi8(zero, plane)),
    )
}

/// Luma of sixteen pixels as 16-bit values (0–255).
#[inline]
#[target_feature(enable = "avx2")]
fn luma(r: __m256i, g: __m256i, b: __m256i, w: &Weights) -> __m256i {
    let t0 = _mm256_mulhrs_epi16(r, w.y[0]);
    let t1 = _mm256_mulhrs_epi16(g, w.y[1]);
    let t2 = _mm256_mulhrs_epi16(b, w.y[2]);
    let sum = _mm256_add_epi16(_mm256_add_epi16(t0, t1), _mm256_add_epi16(t2, w.y_bias));
    _mm256_srli_epi16::<7>(sum)
}

/// One chroma from block averages (working values): the three terms, plus the bias
/// (saturating), `>> 7`.
#[inline]
#[target_feature(enable = "avx2")]
fn chroma(avg: &[__m256i; 3], w: &[__m256i; 3], bias: __m256i) -> __m256i {
    let t0 = _mm256_mulhrs_epi16(avg[0], w[0]);
    let t1 = _mm256_mulhrs_epi16(avg[1], w[1]);
    let t2 = _mm256_mulhrs_epi16(avg[2], w[2]);
    let sum = _mm256_add_epi16(_mm256_add_epi16(t0, t1), t2);
    _mm256_srli_epi16::<7>(_mm256_adds_epi16(sum, bias))
}

/// Block averages of one channel, sixteen blocks in order, from the two rows' byte
/// planes: `pmaddubsw` with ones adds neighbouring pixels (per lane, blocks 0–7 | 8–15),
/// the rows' sums add to the block sum `S` (at most 1020), and `S · 32` is the average
/// of the block's working values `c · 128`, exactly as the portable kernel forms it.
#[inline]
#[target_feature(enable = "avx2")]
fn blocks(top: __m256i, bottom: __m256i) -> __m256i {
    let ones = _mm256_set1_epi8(1);
    let sum = _mm256_add_epi16(
        _mm256_maddubs_epi16(top, ones),
        _mm256_maddubs_epi16(bottom, ones),
    );
    _mm256_slli_epi16::<5>(sum)
}

/// One step: 32 pixels of each of two rows (`32 · N` bytes each) to 32 + 32 luma
/// samples and 16 + 16 chroma samples.
macro_rules! step {
    ($n:expr, $w:expr, $top:expr, $bottom:expr, $y0:expr, $y1:expr, $cb:expr, $cr:expr) => {{
        let w: &Weights = $w;
        let top = planes!($n, $top);
        let bottom = planes!($n, $bottom);
        let avg = [
            blocks(top[0], bottom[0]),
            blocks(top[1], bottom[1]),
            blocks(top[2], bottom[2]),
        ];
        let (tr, tg, tb) = (widen(top[0]), widen(top[1]), widen(top[2]));
        let (br, bg, bb) = (widen(bottom[0]), widen(bottom[1]), widen(bottom[2]));
        let y0: &mut [Sample8] = $y0;
        let y1: &mut [Sample8] = $y1;
        for (r, g, bl, out) in [(tr, tg, tb, y0), (br, bg, bb, y1)] {
            // Per lane: pixels 0–7 then 8–15 | 16–23 then 24–31: pixel order.
            let bytes = _mm256_packus_epi16(luma(r.0, g.0, bl.0, w), luma(r.1, g.1, bl.1, w));
            let bytes: [u8; STEP] = bytemuck::cast(bytes);
            bytemuck::cast_slice_mut::<Sample8, u8>(out).copy_from_slice(&bytes);
        }
        let (cb16, cr16) = (chroma(&avg, &w.cb, w.c_bias), chroma(&avg, &w.cr, w.c_bias));
        // Per lane: Cb blocks, Cr blocks (0–7 | 8–15); quadwords to Cb 0–15, Cr 0–15.
        let bytes = _mm256_permute4x64_epi64::<0b11_01_10_00>(_mm256_packus_epi16(cb16, cr16));
        let (cb_bytes, cr_bytes): ([u8; 16], [u8; 16]) = (
            bytemuck::cast(_mm256_castsi256_si128(bytes)),
            bytemuck::cast(_mm256_extracti128_si256::<1>(bytes)),
        );
        bytemuck::cast_slice_mut::<Sample8, u8>($cb).copy_from_slice(&cb_bytes);
        bytemuck::cast_slice_mut::<Sample8, u8>($cr).copy_from_slice(&cr_bytes);
    }};
}

/// Converts two rows of `N`-byte pixels, `src0` and `src1`, writing both luma rows and
/// one row of Cb and Cr (the rows of a 4:2:0 conversion: `y0`, `y1` as long as the
/// source rows, `cb`, `cr` half that, rounded up). Works in steps of 32 pixels; where
/// the width is not a multiple of 32, the last step overlaps the one before. Returns
/// how many pixels it converted: all but the last of an odd width, or none for rows
/// shorter than a step. The caller finishes the rest with the portable kernel, which
/// gives the same values.
#[target_feature(enable = "avx2")]
pub(crate) fn rows_420<const N: usize>(
    src0: &[[u8; N]],
    src1: &[[u8; N]],
    y0: &mut [Sample8],
    y1: &mut [Sample8],
    cb: &mut [Sample8],
    cr: &mut [Sample8],
    k: &EncodeCoeffs,
) -> usize {
    let w = weights(k);
    let (row0, row1): (&[u8], &[u8]) = (bytemuck::cast_slice(src0), bytemuck::cast_slice(src1));
    let width = src0.len().min(src1.len()).min(y0.len()).min(y1.len());
    let steps = (width / STEP)
        .min(cb.len() / (STEP / 2))
        .min(cr.len() / (STEP / 2));
    // Whole steps as exact chunks, so every access inside is at a constant offset and
    // needs no bounds check.
    let bytes = STEP * N;
    let rows = row0.chunks_exact(bytes).zip(row1.chunks_exact(bytes));
    let luma_out = y0.chunks_exact_mut(STEP).zip(y1.chunks_exact_mut(STEP));
    let chroma_out = cb
        .chunks_exact_mut(STEP / 2)
        .zip(cr.chunks_exact_mut(STEP / 2));
    for (i, (((t, b), (l0_out, l1_out)), (cb_out, cr_out))) in
        rows.zip(luma_out).zip(chroma_out).take(steps).enumerate()
    {
        prefetch(row0, i * bytes + PREFETCH_AHEAD);
        prefetch(row1, i * bytes + PREFETCH_AHEAD);
        step!(N, &w, t, b, l0_out, l1_out, cb_out, cr_out);
    }
    let done = steps * STEP;
    // The pixels in whole blocks; an odd width leaves one for the caller.
    let even = width & !1;
    if done == even || even < STEP {
        return done;
    }
    // The last whole-block pixels: one more step ending at `even`, overlapping the
    // previous step (it rewrites some samples with the same values). `at` is even, so
    // blocks stay aligned.
    let at = even - STEP;
    let (Some(t), Some(b)) = (row0.get(at * N..even * N), row1.get(at * N..even * N)) else {
        return done;
    };
    let (Some(l0_out), Some(l1_out)) = (y0.get_mut(at..even), y1.get_mut(at..even)) else {
        return done;
    };
    let (Some(cb_out), Some(cr_out)) = (cb.get_mut(at / 2..even / 2), cr.get_mut(at / 2..even / 2))
    else {
        return done;
    };
    step!(N, &w, t, b, l0_out, l1_out, cb_out, cr_out);
    even
}
