//! AVX2 builds of the conversion kernels. Safe code: every function here is
//! `#[target_feature(enable = "avx2")]`, inside which the value intrinsics are safe to
//! call; loads and stores go through `bytemuck` casts of fixed-size arrays. Only the
//! call into this module needs `unsafe` (in the parent module, after detection).
//!
//! Most kernels are the portable source recompiled with AVX2 enabled, which LLVM
//! vectorizes with 256-bit registers. Two are written with intrinsics: unpremultiplying,
//! because LLVM does not vectorize a per-pixel division (nor the portable table
//! lookup), and premultiplying, where 16-bit lanes and a multiply-high division by 255
//! take half the instructions of the vectorized portable form (measured on a
//! cache-resident 512×512 image; at 4096×4096 both run at memory speed).

use core::arch::x86_64::{
    __m256i, _CMP_NEQ_OQ, _mm256_add_epi16, _mm256_add_ps, _mm256_and_ps, _mm256_and_si256,
    _mm256_andnot_si256, _mm256_blendv_epi8, _mm256_cmp_ps, _mm256_cvtepi32_ps,
    _mm256_cvttps_epi32, _mm256_div_ps, _mm256_min_epi32, _mm256_mul_ps, _mm256_mulhi_epu16,
    _mm256_mullo_epi16, _mm256_or_si256, _mm256_packus_epi16, _mm256_set1_epi16, _mm256_set1_epi32,
    _mm256_set1_ps, _mm256_setr_epi8, _mm256_setzero_ps, _mm256_setzero_si256, _mm256_shuffle_epi8,
    _mm256_slli_epi32, _mm256_srli_epi32, _mm256_unpackhi_epi8, _mm256_unpacklo_epi8,
};

use crate::convert::kernels;

/// The portable kernels, compiled again with AVX2 enabled.
macro_rules! recompiled {
    ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?); )+) => {$(
        #[target_feature(enable = "avx2")]
        pub(crate) fn $name($($arg: $ty),*) {
            kernels::$name($($arg),*)
        }
    )+};
}

recompiled! {
    fn rgb8_to_rgba8(src: &[[u8; 3]], dst: &mut [[u8; 4]]);
    fn rgba8_to_rgb8(src: &[[u8; 4]], dst: &mut [[u8; 3]]);
    fn swap_rb8(src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn swap_rb8_in_place(buf: &mut [[u8; 4]]);
    fn gray8_to_rgba8(src: &[u8], dst: &mut [[u8; 4]]);
}

/// Premultiplies eight pixels held little-endian in the eight 32-bit lanes.
///
/// Each byte is widened to 16 bits and multiplied by its pixel's alpha (broadcast with a
/// byte shuffle); `round(c·a / 255)` is then `(t · 257) >> 16` with `t = c·a + 128`,
/// which equals the portable `(t + (t >> 8)) >> 8` for every `t` that can occur (all
/// 65,536 pairs are compared in the tests). Alpha bytes are kept from the input.
#[target_feature(enable = "avx2")]
fn premultiply_8(px: __m256i) -> __m256i {
    #[rustfmt::skip]
    let broadcast_alpha = _mm256_setr_epi8(
        3, 3, 3, 3, 7, 7, 7, 7, 11, 11, 11, 11, 15, 15, 15, 15,
        3, 3, 3, 3, 7, 7, 7, 7, 11, 11, 11, 11, 15, 15, 15, 15,
    );
    let alpha_bytes = _mm256_set1_epi32(0xFF00_0000_u32.cast_signed());
    let zero = _mm256_setzero_si256();
    let half = _mm256_set1_epi16(128);
    let m257 = _mm256_set1_epi16(257);
    let alpha = _mm256_shuffle_epi8(px, broadcast_alpha);
    let lo = _mm256_mullo_epi16(
        _mm256_unpacklo_epi8(px, zero),
        _mm256_unpacklo_epi8(alpha, zero),
    );
    let hi = _mm256_mullo_epi16(
        _mm256_unpackhi_epi8(px, zero),
        _mm256_unpackhi_epi8(alpha, zero),
    );
    let lo = _mm256_mulhi_epu16(_mm256_add_epi16(lo, half), m257);
    let hi = _mm256_mulhi_epu16(_mm256_add_epi16(hi, half), m257);
    // Unpack and pack both work within 128-bit lanes, so the pixel order is restored.
    _mm256_blendv_epi8(_mm256_packus_epi16(lo, hi), px, alpha_bytes)
}

/// Unpremultiplies eight pixels held little-endian in the eight 32-bit lanes.
///
/// Computes `min(255, trunc(c · (255 / a) + 0.5 + 2⁻¹²))` in `f32`, which equals the
/// exact rule `min(255, round_half_up(c · 255 / a))` for every `(c, a)`: a true quotient
/// that is not a tie lies at least `1/(2a) ≥ 1/510` from the nearest tie, far more than
/// the two roundings of `f32` (relative 2⁻²³, so under 6·10⁻⁵ at 255) plus the 2⁻¹²
/// offset; and the offset lifts a tie that the rounded reciprocal left just below
/// `k + ½` to `k + 1`, as rounding half up requires. Zero alpha gives a zero scale.
/// The tests `unpremultiply_kernel_matches_the_rule_for_all_pairs` and
/// `avx2_builds_match_portable_kernels` check all 65,536 pairs.
#[target_feature(enable = "avx2")]
fn unpremultiply_8(px: __m256i) -> __m256i {
    let offset = _mm256_set1_ps(0.5 + 1.0 / 4096.0);
    let low_byte = _mm256_set1_epi32(0xFF);
    let max = _mm256_set1_epi32(255);
    let alpha = _mm256_cvtepi32_ps(_mm256_srli_epi32::<24>(px));
    let nonzero = _mm256_cmp_ps::<_CMP_NEQ_OQ>(alpha, _mm256_setzero_ps());
    let scale = _mm256_and_ps(_mm256_div_ps(_mm256_set1_ps(255.0), alpha), nonzero);
    let channel = |v: __m256i| {
        let c = _mm256_cvtepi32_ps(_mm256_and_si256(v, low_byte));
        let scaled = _mm256_add_ps(_mm256_mul_ps(c, scale), offset);
        _mm256_min_epi32(_mm256_cvttps_epi32(scaled), max)
    };
    let r = channel(px);
    let g = _mm256_slli_epi32::<8>(channel(_mm256_srli_epi32::<8>(px)));
    let b = _mm256_slli_epi32::<16>(channel(_mm256_srli_epi32::<16>(px)));
    let a = _mm256_andnot_si256(_mm256_set1_epi32(0x00FF_FFFF), px);
    _mm256_or_si256(_mm256_or_si256(r, g), _mm256_or_si256(b, a))
}

/// Runs `kernel` over whole blocks of eight pixels from `src` into `dst`, and the
/// portable `tail` over the rest. Inlined into each `#[target_feature]` caller, so the
/// kernel closure is compiled with AVX2.
#[inline(always)]
fn blocks_of_8(
    src: &[[u8; 4]],
    dst: &mut [[u8; 4]],
    kernel: impl Fn(__m256i) -> __m256i,
    tail: fn(&[[u8; 4]], &mut [[u8; 4]]),
) {
    let mut src_blocks = src.chunks_exact(8);
    let mut dst_blocks = dst.chunks_exact_mut(8);
    for (s, d) in (&mut src_blocks).zip(&mut dst_blocks) {
        let mut block = [[0u8; 4]; 8];
        block.copy_from_slice(s);
        let out: [[u8; 4]; 8] = bytemuck::cast(kernel(bytemuck::cast(block)));
        d.copy_from_slice(&out);
    }
    tail(src_blocks.remainder(), dst_blocks.into_remainder());
}

/// [`blocks_of_8`] in place.
#[inline(always)]
fn blocks_of_8_in_place(
    buf: &mut [[u8; 4]],
    kernel: impl Fn(__m256i) -> __m256i,
    tail: fn(&mut [[u8; 4]]),
) {
    let mut blocks = buf.chunks_exact_mut(8);
    for b in &mut blocks {
        let mut block = [[0u8; 4]; 8];
        block.copy_from_slice(b);
        let out: [[u8; 4]; 8] = bytemuck::cast(kernel(bytemuck::cast(block)));
        b.copy_from_slice(&out);
    }
    tail(blocks.into_remainder());
}

/// Straight RGBA to premultiplied RGBA; same results as the portable kernel.
#[target_feature(enable = "avx2")]
pub(crate) fn premultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
    blocks_of_8(src, dst, |px| premultiply_8(px), kernels::premultiply_rgba8);
}

/// Straight RGBA to premultiplied RGBA, in place.
#[target_feature(enable = "avx2")]
pub(crate) fn premultiply_rgba8_in_place(buf: &mut [[u8; 4]]) {
    blocks_of_8_in_place(
        buf,
        |px| premultiply_8(px),
        kernels::premultiply_rgba8_in_place,
    );
}

/// Premultiplied RGBA to straight RGBA; same results as the portable kernel.
#[target_feature(enable = "avx2")]
pub(crate) fn unpremultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
    blocks_of_8(
        src,
        dst,
        |px| unpremultiply_8(px),
        kernels::unpremultiply_rgba8,
    );
}

/// Premultiplied RGBA to straight RGBA, in place.
#[target_feature(enable = "avx2")]
pub(crate) fn unpremultiply_rgba8_in_place(buf: &mut [[u8; 4]]) {
    blocks_of_8_in_place(
        buf,
        |px| unpremultiply_8(px),
        kernels::unpremultiply_rgba8_in_place,
    );
}
