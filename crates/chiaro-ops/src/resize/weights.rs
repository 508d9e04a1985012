//! The six filter kernels and the per-output weight windows of one resampling pass.
//!
//! A pass maps `in_size` samples to `out_size`. Output sample `i` is centred at
//! `c = (i + ½)·s` in input coordinates, with `s = in_size / out_size`. When shrinking
//! (`s > 1`) the kernel is stretched by `s`, so its support covers every input sample
//! that falls under the output pixel and nothing aliases; when enlarging it keeps its
//! natural width. Input sample `j` (centred at `j + ½`) gets weight
//! `k((j + ½ − c) / max(s, 1))`. The window is cut at the image edges and renormalized
//! to sum to one, as Pillow does, so edges are neither darkened nor extended.
//!
//! The weights are computed once per pass in `f64` and then quantized: to `i16` with
//! [`WEIGHT_BITS`] fraction bits for the 8-bit path, with the rounding residual added to
//! the largest weight so every window sums to exactly `1 << WEIGHT_BITS` (flat areas
//! stay exact), or to `f32` for the float path.

use alloc::vec::Vec;

use super::Filter;

/// Fraction bits of the fixed-point weights.
pub(crate) const WEIGHT_BITS: u32 = 14;

impl Filter {
    /// Half-width of the kernel at scale 1, in input pixels.
    pub(crate) const fn support(self) -> f64 {
        match self {
            Filter::Nearest | Filter::Box => 0.5,
            Filter::Bilinear => 1.0,
            Filter::CatmullRom | Filter::Mitchell => 2.0,
            Filter::Lanczos3 => 3.0,
        }
    }

    /// The kernel at `x` (in units of the possibly stretched support).
    pub(crate) fn kernel(self, x: f64) -> f64 {
        match self {
            // Half-open on the left as Pillow's: a sample exactly on the boundary
            // belongs to one side only.
            Filter::Nearest | Filter::Box => {
                if x > -0.5 && x <= 0.5 {
                    1.0
                } else {
                    0.0
                }
            }
            Filter::Bilinear => {
                let x = x.abs();
                if x < 1.0 { 1.0 - x } else { 0.0 }
            }
            Filter::CatmullRom => cubic(x, 0.0, 0.5),
            Filter::Mitchell => cubic(x, 1.0 / 3.0, 1.0 / 3.0),
            Filter::Lanczos3 => {
                if x == 0.0 {
                    1.0
                } else if (-3.0..3.0).contains(&x) {
                    // sinc(x)·sinc(x/3) with one sine: sin(πx) = s·(3 − 4s²) for
                    // s = sin(πx/3).
                    let t = x * core::f64::consts::FRAC_PI_3;
                    let s = libm::sin(t);
                    let px = 3.0 * t;
                    (s * (3.0 - 4.0 * s * s) / px) * (s / t)
                } else {
                    0.0
                }
            }
        }
    }
}

/// The Mitchell–Netravali family of cubics: `(b, c) = (0, ½)` is Catmull–Rom (Pillow's
/// bicubic, `a = −½`), `(⅓, ⅓)` is Mitchell.
fn cubic(x: f64, b: f64, c: f64) -> f64 {
    let x = x.abs();
    let x2 = x * x;
    let x3 = x2 * x;
    let v = if x < 1.0 {
        (12.0 - 9.0 * b - 6.0 * c) * x3 + (-18.0 + 12.0 * b + 6.0 * c) * x2 + (6.0 - 2.0 * b)
    } else if x < 2.0 {
        (-b - 6.0 * c) * x3
            + (6.0 * b + 30.0 * c) * x2
            + (-12.0 * b - 48.0 * c) * x
            + (8.0 * b + 24.0 * c)
    } else {
        0.0
    };
    v / 6.0
}

/// The exact (`f64`) windows of one pass: output `i` reads inputs
/// `starts[i] .. starts[i] + lens[i]` with weights `weights[offsets[i]..]`.
#[derive(Debug, Default)]
pub(crate) struct Windows {
    pub(crate) starts: Vec<u32>,
    pub(crate) lens: Vec<u32>,
    pub(crate) weights: Vec<f64>,
    pub(crate) offsets: Vec<usize>,
}

impl Windows {
    /// Computes the windows of a pass from `in_size` to `out_size` (both non-zero).
    /// An unchanged size is the identity, one tap of weight one per output, as in
    /// Pillow and `fast_image_resize`: resizing only the width leaves every column as
    /// it was, even with a filter that is not interpolating (Mitchell, Box).
    pub(crate) fn new(in_size: u32, out_size: u32, filter: Filter) -> Windows {
        if in_size == out_size {
            let n = out_size as usize;
            return Windows {
                starts: (0..out_size).collect(),
                lens: alloc::vec![1; n],
                weights: alloc::vec![1.0; n],
                offsets: (0..n).collect(),
            };
        }
        let scale = f64::from(in_size) / f64::from(out_size);
        let filter_scale = scale.max(1.0);
        let support = filter.support() * filter_scale;
        let inv = 1.0 / filter_scale;
        let n = out_size as usize;
        let mut w = Windows {
            starts: Vec::with_capacity(n),
            lens: Vec::with_capacity(n),
            weights: Vec::new(),
            offsets: Vec::with_capacity(n),
        };
        let last = f64::from(in_size);
        for i in 0..out_size {
            let center = (f64::from(i) + 0.5) * scale;
            // Inputs whose centres lie within the support, clipped to the image.
            let lo = libm::floor(center - support + 0.5).clamp(0.0, last);
            let hi = libm::floor(center + support + 0.5).clamp(lo, last);
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "lo and hi are whole numbers in 0..=in_size"
            )]
            let (mut lo, mut hi) = (lo as u32, hi as u32);
            let offset = w.weights.len();
            let mut sum = 0.0;
            for j in lo..hi {
                let k = filter.kernel((f64::from(j) - center + 0.5) * inv);
                w.weights.push(k);
                sum += k;
            }
            if sum == 0.0 {
                // Cannot happen for these kernels (the sample under the centre always
                // has weight), but fall back to that sample rather than divide by 0.
                w.weights.truncate(offset);
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "center is in 0..in_size"
                )]
                let j = (center as u32).min(in_size - 1);
                w.weights.push(1.0);
                lo = j;
                hi = j + 1;
            } else {
                for k in &mut w.weights[offset..] {
                    *k /= sum;
                }
            }
            // Trim zero weights at both ends (the kernels' zeros at whole numbers).
            let mut a = offset;
            let mut b = w.weights.len();
            while b - a > 1 && w.weights[a] == 0.0 {
                a += 1;
                lo += 1;
            }
            while b - a > 1 && w.weights[b - 1] == 0.0 {
                b -= 1;
                hi -= 1;
            }
            w.weights.copy_within(a..b, offset);
            w.weights.truncate(offset + (b - a));
            w.starts.push(lo);
            w.lens.push(hi - lo);
            w.offsets.push(offset);
        }
        w
    }

    /// The weights of output `i`.
    pub(crate) fn of(&self, i: usize) -> &[f64] {
        let off = self.offsets[i];
        &self.weights[off..off + self.lens[i] as usize]
    }

    /// The longest window.
    pub(crate) fn max_len(&self) -> usize {
        self.lens.iter().copied().max().unwrap_or(0) as usize
    }
}

/// Fixed-point windows: every window padded with zero weights to `stride` taps (a
/// multiple of `pad`), so kernels can read whole groups of taps.
#[derive(Debug, Default)]
pub(crate) struct FixedWindows {
    pub(crate) starts: Vec<u32>,
    /// Real taps of each window rounded up to a multiple of `pad`.
    pub(crate) lens: Vec<u32>,
    pub(crate) stride: usize,
    pub(crate) weights: Vec<i16>,
    /// For groups of four taps (`pad == 4`): each group's weights `k0..k3` spread to the
    /// sixteen lanes `[k0 k1] ×4, [k2 k3] ×4`, the layout the AVX2 horizontal kernel
    /// multiplies by; `4 × stride` values per window.
    pub(crate) spread: Vec<i16>,
}

impl FixedWindows {
    /// Quantizes `w` to `i16` weights that sum to exactly `1 << WEIGHT_BITS` per window.
    pub(crate) fn new(w: &Windows, pad: usize) -> FixedWindows {
        let stride = w.max_len().div_ceil(pad) * pad;
        let n = w.starts.len();
        let mut weights = alloc::vec![0_i16; n * stride];
        let one = f64::from(1_u32 << WEIGHT_BITS);
        let mut lens = Vec::with_capacity(n);
        for (i, out) in weights.chunks_exact_mut(stride.max(1)).enumerate().take(n) {
            let exact = w.of(i);
            let mut sum = 0_i32;
            let mut largest = 0;
            for (j, (&e, q)) in exact.iter().zip(out.iter_mut()).enumerate() {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "normalized weights of these kernels lie within ±1.5"
                )]
                let v = libm::round(e * one) as i16;
                *q = v;
                sum += i32::from(v);
                if e > exact[largest] {
                    largest = j;
                }
            }
            #[expect(
                clippy::cast_possible_truncation,
                reason = "the residual of rounding is at most one unit per tap"
            )]
            let residual = ((1_i32 << WEIGHT_BITS) - sum) as i16;
            out[largest] = out[largest].saturating_add(residual);
            lens.push(u32::try_from(exact.len().div_ceil(pad) * pad).unwrap_or(u32::MAX));
        }
        let spread = if pad == 4 {
            weights
                .chunks_exact(4)
                .flat_map(|k| {
                    let mut v = [0_i16; 16];
                    for j in 0..4 {
                        v[2 * j] = k[0];
                        v[2 * j + 1] = k[1];
                        v[8 + 2 * j] = k[2];
                        v[8 + 2 * j + 1] = k[3];
                    }
                    v
                })
                .collect()
        } else {
            Vec::new()
        };
        FixedWindows {
            starts: w.starts.clone(),
            lens,
            stride,
            weights,
            spread,
        }
    }

    /// The padded weights of output `i` (`lens[i]` of them).
    pub(crate) fn of(&self, i: usize) -> &[i16] {
        let off = i * self.stride;
        &self.weights[off..off + self.lens[i] as usize]
    }

    /// The spread weights of output `i` (`4 × lens[i]` of them).
    pub(crate) fn spread_of(&self, i: usize) -> &[i16] {
        let off = i * self.stride * 4;
        &self.spread[off..off + 4 * self.lens[i] as usize]
    }
}

/// Float windows: `f32` weights, unpadded.
#[derive(Debug, Default)]
pub(crate) struct FloatWindows {
    pub(crate) starts: Vec<u32>,
    pub(crate) lens: Vec<u32>,
    pub(crate) offsets: Vec<usize>,
    pub(crate) weights: Vec<f32>,
}

impl FloatWindows {
    pub(crate) fn new(w: &Windows) -> FloatWindows {
        FloatWindows {
            starts: w.starts.clone(),
            lens: w.lens.clone(),
            offsets: w.offsets.clone(),
            #[expect(
                clippy::cast_possible_truncation,
                reason = "rounding to f32 is the point"
            )]
            weights: w.weights.iter().map(|&v| v as f32).collect(),
        }
    }

    pub(crate) fn of(&self, i: usize) -> &[f32] {
        let off = self.offsets[i];
        &self.weights[off..off + self.lens[i] as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_windows_sum_to_one() {
        for filter in [
            Filter::Box,
            Filter::Bilinear,
            Filter::CatmullRom,
            Filter::Mitchell,
            Filter::Lanczos3,
        ] {
            for (a, b) in [(100, 7), (7, 100), (4096, 1024), (3, 3), (1, 9), (9, 1)] {
                let w = Windows::new(a, b, filter);
                let f = FixedWindows::new(&w, 4);
                for i in 0..b as usize {
                    let s: i32 = f.of(i).iter().map(|&v| i32::from(v)).sum();
                    assert_eq!(s, 1 << WEIGHT_BITS, "{filter:?} {a}->{b} at {i}");
                    let e: f64 = w.of(i).iter().sum();
                    assert!((e - 1.0).abs() < 1e-12);
                    assert!(w.starts[i] + w.lens[i] <= a);
                }
            }
        }
    }

    #[test]
    fn an_unchanged_size_is_the_identity() {
        for filter in [
            Filter::Box,
            Filter::Bilinear,
            Filter::Mitchell,
            Filter::Lanczos3,
        ] {
            let w = Windows::new(37, 37, filter);
            for i in 0..37 {
                assert_eq!(
                    (w.starts[i] as usize, w.of(i)),
                    (i, &[1.0][..]),
                    "{filter:?}"
                );
            }
            let f = FixedWindows::new(&w, 4);
            assert_eq!(f.of(5), &[1 << WEIGHT_BITS, 0, 0, 0], "{filter:?}");
        }
    }

    #[test]
    fn lanczos_matches_its_definition() {
        let sinc = |x: f64| {
            let x = x * core::f64::consts::PI;
            libm::sin(x) / x
        };
        for i in 1..600 {
            let x = -3.0 + f64::from(i) * 0.01;
            if x.abs() < 1e-9 {
                continue;
            }
            let exact = sinc(x) * sinc(x / 3.0);
            assert!((Filter::Lanczos3.kernel(x) - exact).abs() < 1e-14, "{x}");
        }
        assert_eq!(Filter::Lanczos3.kernel(3.0), 0.0);
    }

    #[test]
    fn kernels_are_interpolating_where_they_should_be() {
        for f in [Filter::Bilinear, Filter::CatmullRom, Filter::Lanczos3] {
            assert_eq!(f.kernel(0.0), 1.0);
            assert!(f.kernel(1.0).abs() < 1e-15, "{f:?}");
            assert!(f.kernel(-2.0).abs() < 1e-15, "{f:?}");
        }
        // Mitchell is not interpolating: 8/9 at 0 and 1/18 at ±1.
        assert!((Filter::Mitchell.kernel(0.0) - 8.0 / 9.0).abs() < 1e-15);
        assert!((Filter::Mitchell.kernel(1.0) - 1.0 / 18.0).abs() < 1e-15);
    }
}
