//! The σ-independent engine behind [`gaussian_blur`](super::gaussian_blur) and
//! [`box_blur`](super::box_blur): three box filters in a row, run as one pass per
//! direction.
//!
//! # How
//!
//! Three boxes of radii `r₁, r₂, r₃` convolved together are one kernel `K` (a
//! piecewise-quadratic bell with variance `Σ((2rᵢ+1)² − 1)/12`). Its third difference
//! `∇³K` is eight unit impulses: `∇` of a box is `+1` at its left end and `−1` just past
//! its right end, and the product of three such pairs has eight terms. So
//! `y = K ∗ x` follows from `∇³y = ∇³K ∗ x` by three running sums: per sample, eight
//! loads, seven additions for the taps and three for the sums, whatever the radii. In
//! integers the running sums are exact (wrapping arithmetic is exact as long as the
//! final sum fits, which `y ≤ max · N` guarantees), so the result does not depend on
//! where a pass starts: splitting the work between threads cannot change a bit.
//!
//! Edges are extended (clamped): the sums start `R = r₁ + r₂ + r₃` samples before the
//! first one, where the extended signal is constant and the state is known in closed
//! form (`y = N·x₀`, both differences zero).
//!
//! The horizontal pass runs first, row by row (two at a time for four-channel `u8`),
//! into the output image, premultiplying straight alpha as it copies each row into an
//! edge-padded buffer. The vertical pass then runs in place down bands of 256 columns,
//! over full-band rows (contiguous, sixteen samples per AVX2 step), saving each row in
//! a ring of the `R + 4` most recent rows before overwriting it; it unpremultiplies
//! each finished row.

use alloc::vec;
use alloc::vec::Vec;
use core::num::NonZeroU32;

use chiaro_pixel::{
    Channel, ChannelType, Image, Pixel, PremulRgba8, Rgba8, View, ViewMut, convert_slice,
};

use super::sample::{alpha_index, needs_premultiply};
use crate::simd::filter as simd;

/// The eight tap offsets of `∇³K` relative to the output sample (four added, four
/// subtracted), the kernel's reach `R` and its sum `N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Taps {
    /// Offsets of the taps with a `+1` weight.
    pub(crate) pos: [isize; 4],
    /// Offsets of the taps with a `−1` weight.
    pub(crate) neg: [isize; 4],
    /// `r₁ + r₂ + r₃`: the kernel covers `−R ..= R`.
    pub(crate) reach: usize,
    /// `Π (2rᵢ + 1)`: the sum of the kernel's integer weights.
    pub(crate) norm: u64,
}

impl Taps {
    /// The taps of three boxes with the given radii.
    pub(crate) fn new(radii: [usize; 3]) -> Self {
        let mut pos = [0; 4];
        let mut neg = [0; 4];
        let (mut np, mut nn) = (0, 0);
        for bits in 0..8u32 {
            let mut off = 0isize;
            for (j, &r) in radii.iter().enumerate() {
                let r = r.cast_signed();
                off += if bits >> j & 1 == 1 { -(r + 1) } else { r };
            }
            if bits.count_ones() % 2 == 0 {
                pos[np] = off;
                np += 1;
            } else {
                neg[nn] = off;
                nn += 1;
            }
        }
        let norm = radii.iter().map(|&r| 2 * r as u64 + 1).product();
        Self {
            pos,
            neg,
            reach: radii.iter().sum(),
            norm,
        }
    }

    /// Left padding of a padded row, in samples: the lowest tap index of the first
    /// step is `−2R − 2`.
    #[inline]
    pub(crate) fn left_pad(&self) -> usize {
        2 * self.reach + 2
    }
}

/// Radii of three boxes (at most two apart) whose cascade best approximates the
/// Gaussian of standard deviation `sigma`.
///
/// Up to σ = 8 the candidates whose variance lies within 75–110 % of `sigma²` are
/// compared by their largest deviation from the sampled Gaussian (a slightly narrower
/// bell fits the peak better); above that the shape error dominates and the variance
/// closest to `sigma²` wins.
pub(crate) fn radii_for_sigma(sigma: f64) -> [usize; 3] {
    let target = sigma * sigma;
    let variance = |r: [usize; 3]| r.iter().map(|&r| (r * (r + 1)) as f64 / 3.0).sum::<f64>();
    // One box of radius r has variance r(r+1)/3.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "sigma is at most MAX_SIGMA, so the root is far inside usize"
    )]
    let base = libm::sqrt(target) as usize;
    let mut candidates = Vec::new();
    for a in base.saturating_sub(2)..=base + 2 {
        for (b, c) in [
            (a, a),
            (a, a + 1),
            (a + 1, a + 1),
            (a, a + 2),
            (a + 1, a + 2),
            (a + 2, a + 2),
        ] {
            candidates.push([a, b, c]);
        }
    }
    let by_variance = |r: &[usize; 3]| libm::fabs(variance(*r) - target);
    if sigma > 8.0 {
        let mut best = candidates[0];
        for r in &candidates {
            if by_variance(r) < by_variance(&best) {
                best = *r;
            }
        }
        return best;
    }
    let mut best = ([0; 3], f64::INFINITY);
    for r in candidates {
        let v = variance(r);
        if !(0.75 * target..=1.1 * target).contains(&v) {
            continue;
        }
        let err = deviation(r, sigma);
        if err < best.1 {
            best = (r, err);
        }
    }
    best.0
}

/// The largest difference between the cascade of `radii` and the sampled Gaussian of
/// `sigma`, over the cascade's support.
fn deviation(radii: [usize; 3], sigma: f64) -> f64 {
    let mut kernel = alloc::vec![1.0f64];
    for r in radii {
        let n = 2 * r + 1;
        let mut next = alloc::vec![0.0f64; kernel.len() + n - 1];
        for (i, &k) in kernel.iter().enumerate() {
            for v in &mut next[i..i + n] {
                *v += k / n as f64;
            }
        }
        kernel = next;
    }
    let reach = (kernel.len() / 2) as f64;
    let norm = 1.0 / (sigma * libm::sqrt(2.0 * core::f64::consts::PI));
    kernel
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            let x = i as f64 - reach;
            libm::fabs(k - norm * libm::exp(-x * x / (2.0 * sigma * sigma)))
        })
        .fold(0.0, f64::max)
}

/// Accumulator arithmetic for one channel type: exact wrapping integers for `u8`
/// (`u32` while `255 · N` fits in `i32`, else `u64`), `f64` for `u16` (exact: the sums
/// stay below 2⁵³) and for `f32`.
pub(crate) trait Acc<T>: Copy + Send + Sync {
    /// What [`narrow`](Acc::narrow) multiplies by: `1 / N`.
    type Inv: Copy + Send + Sync;
    /// Zero.
    const ZERO: Self;
    /// The channel value as an accumulator.
    fn widen(t: T) -> Self;
    /// Sum (wrapping for integers).
    fn add(self, o: Self) -> Self;
    /// Difference (wrapping for integers).
    fn sub(self, o: Self) -> Self;
    /// Times the kernel sum, for the starting state.
    fn times(self, n: u64) -> Self;
    /// `1 / n`.
    fn inv(n: u64) -> Self::Inv;
    /// The sum divided by `N`, rounded to the channel type.
    fn narrow(self, inv: Self::Inv) -> T;
}

impl Acc<u8> for u32 {
    type Inv = f32;
    const ZERO: Self = 0;
    #[inline(always)]
    fn widen(t: u8) -> Self {
        u32::from(t)
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self.wrapping_add(o)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self.wrapping_sub(o)
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "only used while 255 · N fits in i32"
    )]
    fn times(self, n: u64) -> Self {
        self.wrapping_mul(n as u32)
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "rounding to f32 is the intent"
    )]
    fn inv(n: u64) -> f32 {
        (1.0 / n as f64) as f32
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the quotient lies in 0..=255.5; `as` truncates the +0.5 to round"
    )]
    fn narrow(self, inv: f32) -> u8 {
        // `self < 2³¹` here, so the signed conversion (one instruction in SIMD) is exact
        // in range; the product is at most 255 · (1 + 2⁻²³).
        // Clamping both ways matches the SIMD build's saturating packs even for sums
        // no valid input produces.
        ((self.cast_signed() as f32 * inv + 0.5).min(255.0) as i32).clamp(0, 255) as u8
    }
}

impl Acc<u8> for u64 {
    type Inv = f64;
    const ZERO: Self = 0;
    #[inline(always)]
    fn widen(t: u8) -> Self {
        u64::from(t)
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self.wrapping_add(o)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self.wrapping_sub(o)
    }
    #[inline(always)]
    fn times(self, n: u64) -> Self {
        self.wrapping_mul(n)
    }
    #[inline(always)]
    fn inv(n: u64) -> f64 {
        1.0 / n as f64
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the quotient lies in 0..=255.5; `as` truncates the +0.5 to round"
    )]
    fn narrow(self, inv: f64) -> u8 {
        ((self as f64 * inv + 0.5) as u32).min(255) as u8
    }
}

impl Acc<u16> for f64 {
    type Inv = f64;
    const ZERO: Self = 0.0;
    #[inline(always)]
    fn widen(t: u16) -> Self {
        f64::from(t)
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self + o
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self - o
    }
    #[inline(always)]
    fn times(self, n: u64) -> Self {
        self * n as f64
    }
    #[inline(always)]
    fn inv(n: u64) -> f64 {
        1.0 / n as f64
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "float-to-int `as` saturates; the quotient lies in 0..=65535.5"
    )]
    fn narrow(self, inv: f64) -> u16 {
        (self * inv + 0.5) as u16
    }
}

impl Acc<f32> for f64 {
    type Inv = f64;
    const ZERO: Self = 0.0;
    #[inline(always)]
    fn widen(t: f32) -> Self {
        f64::from(t)
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        self + o
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        self - o
    }
    #[inline(always)]
    fn times(self, n: u64) -> Self {
        self * n as f64
    }
    #[inline(always)]
    fn inv(n: u64) -> f64 {
        1.0 / n as f64
    }
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        reason = "rounding to f32 is the intent"
    )]
    fn narrow(self, inv: f64) -> f32 {
        (self * inv) as f32
    }
}

/// One padded row through the cascade: `pad` holds `left_pad()` copies of the first
/// pixel, the `w` pixels, and `R` copies of the last; `out` receives `w` pixels.
#[inline(always)]
pub(crate) fn horizontal<T: Copy, A: Acc<T>, const CH: usize>(
    pad: &[[T; CH]],
    taps: &Taps,
    out: &mut [[T; CH]],
    inv: A::Inv,
) {
    let w = out.len();
    let l = taps.left_pad();
    let r = taps.reach;
    if w == 0 || pad.len() < l + w + r {
        return;
    }
    let first = pad[l];
    let mut s1 = [A::ZERO; CH];
    let mut s2 = [A::ZERO; CH];
    let mut s3 = first.map(|v| A::widen(v).times(taps.norm));
    let tap = |q: usize, off: isize| pad[q.wrapping_add_signed(off)];
    // Warm-up: steps for pixels −R+1 ..= −1 (pad indices l−R+1 ..= l−1).
    for q in (l + 1 - r)..l {
        step::<T, A, CH>(
            [
                tap(q, taps.pos[0]),
                tap(q, taps.pos[1]),
                tap(q, taps.pos[2]),
                tap(q, taps.pos[3]),
            ],
            [
                tap(q, taps.neg[0]),
                tap(q, taps.neg[1]),
                tap(q, taps.neg[2]),
                tap(q, taps.neg[3]),
            ],
            &mut s1,
            &mut s2,
            &mut s3,
        );
    }
    let slice = |off: isize| &pad[l.wrapping_add_signed(off)..][..w];
    let (p0, p1, p2, p3) = (
        slice(taps.pos[0]),
        slice(taps.pos[1]),
        slice(taps.pos[2]),
        slice(taps.pos[3]),
    );
    let (n0, n1, n2, n3) = (
        slice(taps.neg[0]),
        slice(taps.neg[1]),
        slice(taps.neg[2]),
        slice(taps.neg[3]),
    );
    for i in 0..w {
        step::<T, A, CH>(
            [p0[i], p1[i], p2[i], p3[i]],
            [n0[i], n1[i], n2[i], n3[i]],
            &mut s1,
            &mut s2,
            &mut s3,
        );
        let o = &mut out[i];
        for c in 0..CH {
            o[c] = s3[c].narrow(inv);
        }
    }
}

#[inline(always)]
fn step<T: Copy, A: Acc<T>, const CH: usize>(
    p: [[T; CH]; 4],
    n: [[T; CH]; 4],
    s1: &mut [A; CH],
    s2: &mut [A; CH],
    s3: &mut [A; CH],
) {
    for c in 0..CH {
        let plus = A::widen(p[0][c])
            .add(A::widen(p[1][c]))
            .add(A::widen(p[2][c]).add(A::widen(p[3][c])));
        let minus = A::widen(n[0][c])
            .add(A::widen(n[1][c]))
            .add(A::widen(n[2][c]).add(A::widen(n[3][c])));
        s1[c] = s1[c].add(plus.sub(minus));
        s2[c] = s2[c].add(s1[c]);
        s3[c] = s3[c].add(s2[c]);
    }
}

/// One vertical step over a band of samples: taps are whole rows (`pos`, `neg`), the
/// running sums are per sample; with `out`, the finished row is written there.
#[inline(always)]
#[expect(
    clippy::needless_range_loop,
    reason = "one index into eleven slices of equal length is what lets LLVM vectorize"
)]
pub(crate) fn vertical<T: Copy, A: Acc<T>>(
    pos: [&[T]; 4],
    neg: [&[T]; 4],
    sums: [&mut [A]; 3],
    out: Option<&mut [T]>,
    inv: A::Inv,
) {
    let [s1, s2, s3] = sums;
    let len = s1.len();
    let (s2, s3) = (&mut s2[..len], &mut s3[..len]);
    let (p0, p1, p2, p3) = (
        &pos[0][..len],
        &pos[1][..len],
        &pos[2][..len],
        &pos[3][..len],
    );
    let (n0, n1, n2, n3) = (
        &neg[0][..len],
        &neg[1][..len],
        &neg[2][..len],
        &neg[3][..len],
    );
    macro_rules! sums {
        ($i:expr) => {{
            let i = $i;
            let plus = A::widen(p0[i])
                .add(A::widen(p1[i]))
                .add(A::widen(p2[i]).add(A::widen(p3[i])));
            let minus = A::widen(n0[i])
                .add(A::widen(n1[i]))
                .add(A::widen(n2[i]).add(A::widen(n3[i])));
            let a = s1[i].add(plus.sub(minus));
            s1[i] = a;
            let b = s2[i].add(a);
            s2[i] = b;
            let c = s3[i].add(b);
            s3[i] = c;
            c
        }};
    }
    match out {
        Some(out) => {
            let out = &mut out[..len];
            for i in 0..len {
                out[i] = sums!(i).narrow(inv);
            }
        }
        None => {
            for i in 0..len {
                sums!(i);
            }
        }
    }
}

/// Columns per band of the vertical pass: a band's sums, ring and rows stay in cache.
const BAND_PIXELS: u32 = 256;

/// The cascade `taps` applied to `src` in both directions, with clamped edges; straight
/// alpha is premultiplied for the filtering and unpremultiplied after.
pub(crate) fn run<P: Pixel>(src: View<'_, P>, taps: &Taps) -> Image<P> {
    let (w, h) = src.size();
    if taps.reach == 0 {
        // Three boxes of one pixel: the identity.
        return src.to_image();
    }
    let mut dst = Image::<P>::new(w, h);
    if dst.is_empty() {
        return dst;
    }
    match P::Channel::TYPE {
        ChannelType::U8 if taps.norm.saturating_mul(255) < 1 << 31 => {
            run_typed::<P, u8, u32>(src, dst.as_view_mut(), taps);
        }
        ChannelType::U8 => run_typed::<P, u8, u64>(src, dst.as_view_mut(), taps),
        ChannelType::U16 => run_typed::<P, u16, f64>(src, dst.as_view_mut(), taps),
        ChannelType::F32 => run_typed::<P, f32, f64>(src, dst.as_view_mut(), taps),
    }
    dst
}

/// Channel-type plumbing the passes need: kernels (dispatched to AVX2 for `u8`/`u32`),
/// premultiplying and unpremultiplying rows of channels.
pub(crate) trait Lane: bytemuck::Pod + Send + Sync + Default {
    /// `src` (`ch`-channel pixels, alpha last) premultiplied into `dst`.
    fn premultiply_into(src: &[Self], dst: &mut Vec<Self>, ch: usize) {
        dst.clear();
        dst.extend_from_slice(src);
        premultiply_row(dst, ch);
    }
    /// `src` unpremultiplied into `dst`.
    fn unpremultiply_into(src: &[Self], dst: &mut [Self], ch: usize) {
        dst.copy_from_slice(src);
        unpremultiply_row(dst, ch);
    }
    /// `c × a / max`, rounded.
    fn premul(c: Self, a: Self) -> Self;
    /// `c × max / a`, rounded and clamped; zero alpha gives zero.
    fn unpremul(c: Self, a: Self) -> Self;
}

impl Lane for u8 {
    fn premultiply_into(src: &[u8], dst: &mut Vec<u8>, ch: usize) {
        if ch == 4 {
            // chiaro-pixel's conversion (AVX2 where available).
            dst.clear();
            dst.resize(src.len(), 0);
            let s: &[Rgba8] = bytemuck::cast_slice(src);
            let d: &mut [PremulRgba8] = bytemuck::cast_slice_mut(dst);
            convert_slice(s, d);
        } else {
            dst.clear();
            dst.extend_from_slice(src);
            premultiply_row(dst, ch);
        }
    }
    fn unpremultiply_into(src: &[u8], dst: &mut [u8], ch: usize) {
        if ch == 4 {
            let src: &[PremulRgba8] = bytemuck::cast_slice(src);
            let dst: &mut [Rgba8] = bytemuck::cast_slice_mut(dst);
            convert_slice(src, dst);
        } else {
            dst.copy_from_slice(src);
            unpremultiply_row(dst, ch);
        }
    }
    #[inline]
    fn premul(c: u8, a: u8) -> u8 {
        let x = u32::from(c) * u32::from(a) + 128;
        #[expect(clippy::cast_possible_truncation, reason = "(x + (x >> 8)) >> 8 ≤ 255")]
        let v = ((x + (x >> 8)) >> 8) as u8;
        v
    }
    #[inline]
    fn unpremul(c: u8, a: u8) -> u8 {
        if a == 0 {
            return 0;
        }
        let (c, a) = (u32::from(c.min(a)), u32::from(a));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "c ≤ a, so the quotient ≤ 255"
        )]
        let v = ((c * 255 + a / 2) / a) as u8;
        v
    }
}

impl Lane for u16 {
    #[inline]
    fn premul(c: u16, a: u16) -> u16 {
        let v = (u64::from(c) * u64::from(a) + 32767) / 65535;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "the product ÷ 65535 ≤ 65535"
        )]
        let v = v as u16;
        v
    }
    #[inline]
    fn unpremul(c: u16, a: u16) -> u16 {
        if a == 0 {
            return 0;
        }
        let (c, a) = (u64::from(c.min(a)), u64::from(a));
        #[expect(
            clippy::cast_possible_truncation,
            reason = "c ≤ a, so the quotient ≤ 65535"
        )]
        let v = ((c * 65535 + a / 2) / a) as u16;
        v
    }
}

impl Lane for f32 {
    #[inline]
    fn premul(c: f32, a: f32) -> f32 {
        c * a
    }
    #[inline]
    fn unpremul(c: f32, a: f32) -> f32 {
        if a > 0.0 { c / a } else { 0.0 }
    }
}

fn premultiply_row<T: Lane>(row: &mut [T], ch: usize) {
    for px in row.chunks_exact_mut(ch) {
        if let Some((&mut a, colour)) = px.split_last_mut() {
            for c in colour {
                *c = T::premul(*c, a);
            }
        }
    }
}

fn unpremultiply_row<T: Lane>(row: &mut [T], ch: usize) {
    for px in row.chunks_exact_mut(ch) {
        if let Some((&mut a, colour)) = px.split_last_mut() {
            for c in colour {
                *c = T::unpremul(*c, a);
            }
        }
    }
}

/// The kernels one channel/accumulator pair runs; `u8`/`u32` goes through the AVX2
/// dispatcher, the others run the portable build.
pub(crate) trait Kernels<T>: Acc<T> {
    /// Whether [`horizontal_pair`](Kernels::horizontal_pair) is implemented.
    const HAS_PAIR: bool = false;
    /// [`horizontal`] over two interleaved four-channel rows (eight channels).
    fn horizontal_pair(pad: &[T], taps: &Taps, out: &mut [T], inv: Self::Inv) {
        Self::horizontal_dyn(pad, 4, taps, out, inv);
    }
    /// [`horizontal`] for `CH` = 1..=4.
    fn horizontal_dyn(pad: &[T], ch: usize, taps: &Taps, out: &mut [T], inv: Self::Inv);
    /// [`vertical`].
    fn vertical_dyn(
        pos: [&[T]; 4],
        neg: [&[T]; 4],
        sums: [&mut [Self]; 3],
        out: Option<&mut [T]>,
        inv: Self::Inv,
    );
}

macro_rules! portable_kernels {
    ($t:ty, $a:ty) => {
        impl Kernels<$t> for $a {
            fn horizontal_dyn(pad: &[$t], ch: usize, taps: &Taps, out: &mut [$t], inv: Self::Inv) {
                match ch {
                    1 => horizontal::<$t, $a, 1>(
                        bytemuck::cast_slice(pad),
                        taps,
                        bytemuck::cast_slice_mut(out),
                        inv,
                    ),
                    2 => horizontal::<$t, $a, 2>(
                        bytemuck::cast_slice(pad),
                        taps,
                        bytemuck::cast_slice_mut(out),
                        inv,
                    ),
                    3 => horizontal::<$t, $a, 3>(
                        bytemuck::cast_slice(pad),
                        taps,
                        bytemuck::cast_slice_mut(out),
                        inv,
                    ),
                    _ => horizontal::<$t, $a, 4>(
                        bytemuck::cast_slice(pad),
                        taps,
                        bytemuck::cast_slice_mut(out),
                        inv,
                    ),
                }
            }
            fn vertical_dyn(
                pos: [&[$t]; 4],
                neg: [&[$t]; 4],
                sums: [&mut [Self]; 3],
                out: Option<&mut [$t]>,
                inv: Self::Inv,
            ) {
                vertical::<$t, $a>(pos, neg, sums, out, inv);
            }
        }
    };
}

portable_kernels!(u8, u64);
portable_kernels!(u16, f64);
portable_kernels!(f32, f64);

impl Kernels<u8> for u32 {
    const HAS_PAIR: bool = true;
    fn horizontal_pair(pad: &[u8], taps: &Taps, out: &mut [u8], inv: f32) {
        simd::cascade_horizontal_pair_u8(pad, taps, out, inv);
    }
    fn horizontal_dyn(pad: &[u8], ch: usize, taps: &Taps, out: &mut [u8], inv: f32) {
        simd::cascade_horizontal_u8(pad, ch, taps, out, inv);
    }
    fn vertical_dyn(
        pos: [&[u8]; 4],
        neg: [&[u8]; 4],
        sums: [&mut [u32]; 3],
        out: Option<&mut [u8]>,
        inv: f32,
    ) {
        simd::cascade_vertical_u8(pos, neg, sums, out, inv);
    }
}

fn run_typed<P: Pixel, T: Lane, A: Kernels<T> + Default>(
    src: View<'_, P>,
    mut dst: ViewMut<'_, P>,
    taps: &Taps,
) {
    let ch = P::CHANNELS;
    let premul = needs_premultiply::<P>() && alpha_index::<P>() == ch - 1;
    let inv = A::inv(taps.norm);
    let w = src.width() as usize;
    // Pixels wider than four channels run one channel at a time.
    let group = if ch <= 4 { ch } else { 1 };

    let source_row = |y: u32, tmp: &mut Vec<T>| -> Option<()> {
        let row: &[T] = bytemuck::cast_slice(src.row(y)?);
        if premul {
            T::premultiply_into(row, tmp, ch);
        } else {
            tmp.clear();
            tmp.extend_from_slice(row);
        }
        Some(())
    };
    let horizontal_row = |y: u32, out: &mut [T], pad: &mut Vec<T>, tmp: &mut Vec<T>| {
        if source_row(y, tmp).is_none() {
            return;
        }
        if group == ch {
            fill_pad(pad, tmp, ch, taps);
            A::horizontal_dyn(pad, ch, taps, out, inv);
        } else {
            let mut single = vec![T::default(); w];
            let mut line = vec![T::default(); w];
            for c in 0..ch {
                for (d, px) in line.iter_mut().zip(tmp.chunks_exact(ch)) {
                    *d = px[c];
                }
                fill_pad(pad, &line, 1, taps);
                A::horizontal_dyn(pad, 1, taps, &mut single, inv);
                for (px, &v) in out.chunks_exact_mut(ch).zip(&single) {
                    px[c] = v;
                }
            }
        }
    };
    // Two rows at a time where the kernels have a paired build (four-channel u8): the
    // rows are interleaved pixel by pixel into one eight-channel row, which the same
    // cascade runs on with twice the lanes; each lane's arithmetic is unchanged.
    let pairs = A::HAS_PAIR && ch == 4;
    let band_rows = |y0: u32, mut band: ViewMut<'_, P>, s: &mut Scratch<T>| {
        let (first, second) = match band.as_view_mut().split_at_row(1) {
            Ok(parts) => parts,
            Err(_) => return,
        };
        let (mut first, mut second) = (first, second);
        let (Some(a), Some(b)) = (first.row_mut(0), second.row_mut(0)) else {
            if let Some(a) = first.row_mut(0) {
                horizontal_row(y0, bytemuck::cast_slice_mut(a), &mut s.pad, &mut s.tmp);
            }
            return;
        };
        let (a, b): (&mut [T], &mut [T]) =
            (bytemuck::cast_slice_mut(a), bytemuck::cast_slice_mut(b));
        if !pairs {
            horizontal_row(y0, a, &mut s.pad, &mut s.tmp);
            horizontal_row(y0 + 1, b, &mut s.pad, &mut s.tmp);
            return;
        }
        let (Some(ra), Some(rb)) = (src.row(y0), src.row(y0 + 1)) else {
            return;
        };
        let (ra, rb): (&[T], &[T]) = (bytemuck::cast_slice(ra), bytemuck::cast_slice(rb));
        let (ra, rb) = if premul {
            T::premultiply_into(ra, &mut s.tmp, ch);
            T::premultiply_into(rb, &mut s.tmp2, ch);
            (&s.tmp[..], &s.tmp2[..])
        } else {
            (ra, rb)
        };
        // Pixel pairs as little-endian u64: row y0's four bytes, then row y0+1's.
        let a4: &[[u8; 4]] = bytemuck::cast_slice(bytemuck::cast_slice::<T, u8>(ra));
        let b4: &[[u8; 4]] = bytemuck::cast_slice(bytemuck::cast_slice::<T, u8>(rb));
        let pack = |(a, b): (&[u8; 4], &[u8; 4])| {
            u64::from(u32::from_le_bytes(*a)) | u64::from(u32::from_le_bytes(*b)) << 32
        };
        let (Some(first), Some(last)) = (a4.first().zip(b4.first()), a4.last().zip(b4.last()))
        else {
            return;
        };
        let pad = &mut s.pair_pad;
        pad.clear();
        pad.resize(taps.left_pad(), pack(first));
        pad.extend(a4.iter().zip(b4).map(pack));
        pad.resize(pad.len() + taps.reach, pack(last));
        s.pair_out.clear();
        s.pair_out.resize(w, 0);
        A::horizontal_pair(
            bytemuck::cast_slice(bytemuck::cast_slice::<u64, u8>(pad)),
            taps,
            bytemuck::cast_slice_mut(bytemuck::cast_slice_mut::<u64, u8>(&mut s.pair_out)),
            inv,
        );
        let a: &mut [[u8; 4]] = bytemuck::cast_slice_mut(bytemuck::cast_slice_mut::<T, u8>(a));
        let b: &mut [[u8; 4]] = bytemuck::cast_slice_mut(bytemuck::cast_slice_mut::<T, u8>(b));
        for ((&v, pa), pb) in s.pair_out.iter().zip(a).zip(b) {
            #[expect(clippy::cast_possible_truncation, reason = "splitting a u64 in halves")]
            {
                *pa = (v as u32).to_le_bytes();
                *pb = ((v >> 32) as u32).to_le_bytes();
            }
        }
    };
    let two = NonZeroU32::new(2).unwrap_or(NonZeroU32::MIN);
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.as_view_mut()
            .par_row_chunks_mut(two)
            .enumerate()
            .for_each_init(Scratch::default, |s, (i, band)| {
                #[expect(clippy::cast_possible_truncation, reason = "2·i < height, a u32")]
                band_rows(2 * i as u32, band, s);
            });
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut s = Scratch::default();
        for (i, band) in (0u32..).zip(dst.as_view_mut().row_chunks_mut(two)) {
            band_rows(2 * i, band, &mut s);
        }
    }

    let h = dst.height();
    let band = NonZeroU32::new(BAND_PIXELS).unwrap_or(NonZeroU32::MIN);
    let full = NonZeroU32::new(h).unwrap_or(NonZeroU32::MIN);
    let column_band = |tile: chiaro_pixel::TileMut<'_, P>| {
        let mut rows: Vec<&mut [T]> = tile
            .into_rows()
            .map(|r| bytemuck::cast_slice_mut::<P, T>(r))
            .collect();
        vertical_band::<T, A>(&mut rows, taps, inv, premul.then_some(ch));
    };
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.par_tiles_mut(band, full).for_each(column_band);
    }
    #[cfg(not(feature = "rayon"))]
    dst.tiles_mut(band, full).for_each(column_band);
}

/// Buffers one thread of the horizontal pass reuses from row to row.
struct Scratch<T> {
    pad: Vec<T>,
    tmp: Vec<T>,
    tmp2: Vec<T>,
    pair_pad: Vec<u64>,
    pair_out: Vec<u64>,
}

impl<T> Default for Scratch<T> {
    fn default() -> Self {
        Self {
            pad: Vec::new(),
            tmp: Vec::new(),
            tmp2: Vec::new(),
            pair_pad: Vec::new(),
            pair_out: Vec::new(),
        }
    }
}

/// Fills `pad` with `left_pad()` copies of the first pixel of `row`, the row, and `R`
/// copies of its last pixel.
fn fill_pad<T: Copy>(pad: &mut Vec<T>, row: &[T], ch: usize, taps: &Taps) {
    pad.clear();
    let (Some(first), Some(last)) = (row.get(..ch), row.len().checked_sub(ch)) else {
        return;
    };
    for _ in 0..taps.left_pad() {
        pad.extend_from_slice(first);
    }
    pad.extend_from_slice(row);
    let last = &row[last..];
    for _ in 0..taps.reach {
        pad.extend_from_slice(last);
    }
}

/// The vertical pass over one band of rows, in place. `unpremul` names the channel
/// count when finished rows must be unpremultiplied.
fn vertical_band<T: Lane, A: Kernels<T> + Default>(
    rows: &mut [&mut [T]],
    taps: &Taps,
    inv: A::Inv,
    unpremul: Option<usize>,
) {
    let h = rows.len();
    let Some(len) = rows.first().map(|r| r.len()) else {
        return;
    };
    if len == 0 {
        return;
    }
    let r = taps.reach;
    // Rows y−R−3 ..= y are read from the ring once row y is saved there.
    let slots = (r + 4).min(h);
    let mut ring = vec![T::default(); slots * len];
    let mut s1 = vec![A::default(); len];
    let mut s2 = vec![A::default(); len];
    let mut s3: Vec<A> = rows[0]
        .iter()
        .map(|&v| A::widen(v).times(taps.norm))
        .collect();
    let mut out = vec![T::default(); if unpremul.is_some() { len } else { 0 }];
    let last = h - 1;
    let clamp = |y: isize, off: isize| (y + off).clamp(0, last.cast_signed()).cast_unsigned();
    // Warm-up: nothing is overwritten yet, every tap reads the rows in place.
    for y in (1 - r.cast_signed())..0 {
        let pos = taps.pos.map(|off| &rows[clamp(y, off)][..]);
        let neg = taps.neg.map(|off| &rows[clamp(y, off)][..]);
        A::vertical_dyn(pos, neg, [&mut s1, &mut s2, &mut s3], None, inv);
    }
    for y in 0..h {
        // Save row y, then write the finished row over it: rows up to y are read from
        // the ring, the ones below from the image.
        ring[(y % slots) * len..][..len].copy_from_slice(&rows[y][..]);
        let (upto, rest) = rows.split_at_mut(y + 1);
        let Some((current, _)) = upto.split_last_mut() else {
            return;
        };
        let row_at = |t: usize| -> &[T] {
            if t <= y {
                &ring[(t % slots) * len..][..len]
            } else {
                &rest[t - y - 1][..]
            }
        };
        let yi = y.cast_signed();
        let pos = taps.pos.map(|off| row_at(clamp(yi, off)));
        let neg = taps.neg.map(|off| row_at(clamp(yi, off)));
        match unpremul {
            Some(ch) => {
                A::vertical_dyn(pos, neg, [&mut s1, &mut s2, &mut s3], Some(&mut out), inv);
                T::unpremultiply_into(&out, current, ch);
            }
            None => A::vertical_dyn(pos, neg, [&mut s1, &mut s2, &mut s3], Some(current), inv),
        }
    }
}
