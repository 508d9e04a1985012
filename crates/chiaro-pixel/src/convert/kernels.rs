//! Portable row kernels for the most common conversions: the build used where AVX2 is
//! absent (or without `std`), and the reference the AVX2 builds in `crate::simd::avx2`
//! must match byte for byte (tested over every `(colour, alpha)` pair).
//!
//! Each is plain safe Rust over fixed-size channel arrays, written so that LLVM
//! vectorizes it for the SSE2 baseline where it can. Why these shapes (4096×4096, one
//! core; see `docs/performance.md`):
//!
//! - Premultiply works on a pixel as one `u32` ("SIMD within a register"): red and blue
//!   are multiplied together in the 16-bit halves of one product, green alone. Channel
//!   arithmetic on `[u8; 4]` is not vectorized by LLVM for SSE2 (40 ms); the `u32`
//!   form is (12 ms). Hand-written SSE2 intrinsics were no faster.
//! - `round(c·a / 255)` is computed as `(t + (t >> 8)) >> 8` with `t = c·a + 128`,
//!   which equals the exact rounding for every `(c, a)` (tested exhaustively).
//! - Unpremultiply uses a 64 KiB table indexed by alpha and colour, built at compile
//!   time from the exact rule, so it cannot drift from it. No division-based form was
//!   vectorized by LLVM.

use crate::convert::channel::narrow_u8;

/// `round(c·a / 255)` for two channels packed in the 16-bit halves of `pair` (bits 0–7
/// and 16–23), each multiplied by `a`.
#[inline(always)]
fn mul_div_255_pair(pair: u32, a: u32) -> u32 {
    let t = pair * a + 0x0080_0080;
    ((t + ((t >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
}

/// Premultiplies one RGBA pixel held little-endian in a `u32`.
#[inline(always)]
fn premultiply_u32(p: u32) -> u32 {
    let a = p >> 24;
    let rb = mul_div_255_pair(p & 0x00FF_00FF, a);
    let g = mul_div_255_pair((p >> 8) & 0xFF, a);
    rb | (g << 8) | (a << 24)
}

/// Straight RGBA to premultiplied RGBA.
#[inline(always)]
pub(crate) fn premultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
    for (s, d) in src.iter().zip(dst) {
        *d = premultiply_u32(u32::from_le_bytes(*s)).to_le_bytes();
    }
}

/// Straight RGBA to premultiplied RGBA, in place.
#[inline(always)]
pub(crate) fn premultiply_rgba8_in_place(buf: &mut [[u8; 4]]) {
    for p in buf {
        *p = premultiply_u32(u32::from_le_bytes(*p)).to_le_bytes();
    }
}

/// `UNPREMULTIPLY[a][c]` is `min(255, round(c·255 / a))`, halves up, and 0 for `a = 0`.
static UNPREMULTIPLY: [[u8; 256]; 256] = unpremultiply_table();

const fn unpremultiply_table() -> [[u8; 256]; 256] {
    let mut table = [[0u8; 256]; 256];
    let mut a = 1u32;
    while a < 256 {
        let mut c = 0u32;
        while c < 256 {
            let v = (c * 510 + a) / (2 * a);
            table[a as usize][c as usize] = narrow_u8(if v > 255 { 255 } else { v });
            c += 1;
        }
        a += 1;
    }
    table
}

#[inline(always)]
fn unpremultiply_px([r, g, b, a]: [u8; 4]) -> [u8; 4] {
    let t = &UNPREMULTIPLY[a as usize];
    [t[r as usize], t[g as usize], t[b as usize], a]
}

/// Premultiplied RGBA to straight RGBA.
#[inline(always)]
pub(crate) fn unpremultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
    for (s, d) in src.iter().zip(dst) {
        *d = unpremultiply_px(*s);
    }
}

/// Premultiplied RGBA to straight RGBA, in place.
#[inline(always)]
pub(crate) fn unpremultiply_rgba8_in_place(buf: &mut [[u8; 4]]) {
    for p in buf {
        *p = unpremultiply_px(*p);
    }
}

/// RGB to opaque RGBA.
#[inline(always)]
pub(crate) fn rgb8_to_rgba8(src: &[[u8; 3]], dst: &mut [[u8; 4]]) {
    for (s, d) in src.iter().zip(dst) {
        *d = [s[0], s[1], s[2], 255];
    }
}

/// RGBA to RGB, dropping alpha.
#[inline(always)]
pub(crate) fn rgba8_to_rgb8(src: &[[u8; 4]], dst: &mut [[u8; 3]]) {
    for (s, d) in src.iter().zip(dst) {
        *d = [s[0], s[1], s[2]];
    }
}

/// Swaps the first and third channel: RGBA ⇄ BGRA.
#[inline(always)]
pub(crate) fn swap_rb8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
    for (s, d) in src.iter().zip(dst) {
        *d = [s[2], s[1], s[0], s[3]];
    }
}

/// Swaps the first and third channel in place.
#[inline(always)]
pub(crate) fn swap_rb8_in_place(buf: &mut [[u8; 4]]) {
    for p in buf {
        p.swap(0, 2);
    }
}

/// Gray to opaque RGBA.
#[inline(always)]
pub(crate) fn gray8_to_rgba8(src: &[u8], dst: &mut [[u8; 4]]) {
    for (&v, d) in src.iter().zip(dst) {
        *d = [v, v, v, 255];
    }
}
