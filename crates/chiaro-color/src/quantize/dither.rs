//! Mapping pixels to palette indices: nearest colour, Floyd–Steinberg error diffusion,
//! ordered 8×8 Bayer dithering.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Rgb8, Rgba8, View};

use super::nearest::{Cache, Nearest};
use super::palette::Palette;
use crate::transfer::{linear_to_srgb8, srgb8_to_linear};

/// How colours between palette entries are rendered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Dither {
    /// Every pixel takes its nearest entry: flat areas stay flat, gradients band.
    #[default]
    None,
    /// Floyd–Steinberg error diffusion (1976), serpentine scan. The error is measured
    /// and spread in linear light, so a dithered area emits the same light on average
    /// as the original: a mid gray (sRGB 128) over black and white comes out about 22 %
    /// white, not 50 %. Each pixel takes the entry nearest (under the metric) to its
    /// colour plus the error it received; that wanted colour is clamped to one white
    /// beyond the gamut on either side (−1 to 2 in linear light), enough that the
    /// error of widely spaced entries is never cut short (which would bias the mean),
    /// while error cannot pile up without bound where the palette cannot reach.
    FloydSteinberg,
    /// Ordered dithering with the 8×8 Bayer matrix: a fixed pattern, so results do not
    /// crawl between animation frames and every pixel is independent of the others.
    ///
    /// Each pixel's 8-bit channels are offset by `((M[y mod 8][x mod 8] + ½) / 64 − ½) ·
    /// spread`, then the nearest entry is taken. `spread` is the palette's typical gap:
    /// the median, over entries, of the largest channel difference to the nearest other
    /// entry (255 for black and white, 51 for the web-safe cube, 17 for a 16-level
    /// gray ramp). Under [`Metric::Rgb`](super::Metric::Rgb) a value a fraction `f` of
    /// the way between two entries one gap apart therefore takes the upper entry at
    /// `f · 64` of the 64 positions (±1): balanced in 8-bit sRGB values, like most
    /// ordered dithers, so mid-tones between far-apart entries come out lighter than
    /// with [`FloydSteinberg`](Self::FloydSteinberg), which balances light. Under
    /// [`Metric::Oklab`](super::Metric::Oklab) the split between two entries sits at
    /// their Oklab midpoint instead, which for close entries (a photo's palette) is
    /// nearly the same.
    Bayer8,
}

/// The 8×8 Bayer threshold matrix: each of 0–63 once, each value as far as possible from
/// the previous ones.
pub(crate) const BAYER8: [[u8; 8]; 8] = [
    [0, 32, 8, 40, 2, 34, 10, 42],
    [48, 16, 56, 24, 50, 18, 58, 26],
    [12, 44, 4, 36, 14, 46, 6, 38],
    [60, 28, 52, 20, 62, 30, 54, 22],
    [3, 35, 11, 43, 1, 33, 9, 41],
    [51, 19, 59, 27, 49, 17, 57, 25],
    [15, 47, 7, 39, 13, 45, 5, 37],
    [63, 31, 55, 23, 61, 29, 53, 21],
];

/// Which pixels go to the transparent entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Alpha {
    pub(crate) index: Option<u8>,
    pub(crate) threshold: u8,
}

impl Alpha {
    #[inline(always)]
    fn clear(self, p: Rgba8) -> Option<u8> {
        self.index.filter(|_| p.a < self.threshold)
    }
}

/// Number of pixels of `image`, saturating.
fn pixel_count(image: View<'_, Rgba8>) -> usize {
    (image.width() as usize).saturating_mul(image.height() as usize)
}

#[inline(always)]
fn rgb(p: Rgba8) -> Rgb8 {
    Rgb8::new(p.r, p.g, p.b)
}

/// The indices of `image`'s pixels, row by row.
pub(crate) fn map(
    image: View<'_, Rgba8>,
    palette: &Palette,
    search: &Nearest,
    dither: Dither,
    alpha: Alpha,
) -> Vec<u8> {
    let (w, h) = image.size();
    let mut out = Vec::with_capacity((w as usize).saturating_mul(h as usize));
    match dither {
        Dither::None => nearest(image, search, alpha, &mut out),
        Dither::FloydSteinberg => floyd_steinberg(image, palette, search, alpha, &mut out),
        Dither::Bayer8 => bayer(image, palette, search, alpha, &mut out),
    }
    out
}

fn nearest(image: View<'_, Rgba8>, search: &Nearest, alpha: Alpha, out: &mut Vec<u8>) {
    let mut cache = Cache::new(search, pixel_count(image));
    for row in image.rows() {
        out.extend(row.iter().map(|&p| match alpha.clear(p) {
            Some(t) => t,
            None => cache.nearest(rgb(p)),
        }));
    }
}

fn floyd_steinberg(
    image: View<'_, Rgba8>,
    palette: &Palette,
    search: &Nearest,
    alpha: Alpha,
    out: &mut Vec<u8>,
) {
    let w = image.width() as usize;
    let linear: Vec<[f32; 3]> = palette
        .colors()
        .iter()
        .map(|c| [c.r, c.g, c.b].map(srgb8_to_linear))
        .collect();
    let mut cache = Cache::new(search, pixel_count(image));
    // Error arriving at each pixel of this row and the next, with one pixel of padding
    // on each side so the kernel needs no edge cases.
    let mut here = vec![[0.0f32; 3]; w + 2];
    let mut below = vec![[0.0f32; 3]; w + 2];
    let mut row_out = vec![0u8; w];
    for (y, row) in image.rows().enumerate() {
        let reverse = y % 2 == 1;
        below.fill([0.0; 3]);
        for step in 0..row.len() {
            let x = if reverse { w - 1 - step } else { step };
            let Some(&p) = row.get(x) else { continue };
            if let Some(t) = alpha.clear(p) {
                row_out[x] = t;
                continue;
            }
            // Padded positions: this pixel, the next in scan order and the previous.
            let at = x + 1;
            let (ahead, behind) = if reverse {
                (at - 1, at + 1)
            } else {
                (at + 1, at - 1)
            };
            let e = here[at];
            // The wanted colour may leave the gamut by up to one white (see the type's
            // docs); the query is its nearest 8-bit colour.
            let want = [
                (srgb8_to_linear(p.r) + e[0]).clamp(-1.0, 2.0),
                (srgb8_to_linear(p.g) + e[1]).clamp(-1.0, 2.0),
                (srgb8_to_linear(p.b) + e[2]).clamp(-1.0, 2.0),
            ];
            let q = Rgb8::new(
                linear_to_srgb8(want[0]),
                linear_to_srgb8(want[1]),
                linear_to_srgb8(want[2]),
            );
            let i = cache.nearest(q);
            row_out[x] = i;
            let got = linear.get(usize::from(i)).copied().unwrap_or(want);
            for k in 0..3 {
                let err = want[k] - got[k];
                here[ahead][k] += err * (7.0 / 16.0);
                below[behind][k] += err * (3.0 / 16.0);
                below[at][k] += err * (5.0 / 16.0);
                below[ahead][k] += err * (1.0 / 16.0);
            }
        }
        out.extend_from_slice(&row_out[..row.len()]);
        core::mem::swap(&mut here, &mut below);
    }
}

/// The palette's typical gap in 8-bit values, for [`Dither::Bayer8`]: the median over
/// visible entries of the Chebyshev distance to the nearest different visible entry;
/// 0 when there are fewer than two different visible entries.
pub(crate) fn spread(palette: &Palette) -> f32 {
    let mut visible: Vec<[i16; 3]> = palette
        .colors()
        .iter()
        .filter(|c| c.a != 0)
        .map(|c| [c.r, c.g, c.b].map(i16::from))
        .collect();
    visible.sort_unstable();
    visible.dedup();
    let mut gaps: Vec<i16> = visible
        .iter()
        .filter_map(|a| {
            visible
                .iter()
                .filter(|b| *b != a)
                .map(|b| (0..3).map(|k| (a[k] - b[k]).abs()).max().unwrap_or(0))
                .min()
        })
        .collect();
    if gaps.is_empty() {
        return 0.0;
    }
    gaps.sort_unstable();
    let n = gaps.len();
    if n % 2 == 1 {
        f32::from(gaps[n / 2])
    } else {
        (f32::from(gaps[n / 2 - 1]) + f32::from(gaps[n / 2])) / 2.0
    }
}

fn bayer(
    image: View<'_, Rgba8>,
    palette: &Palette,
    search: &Nearest,
    alpha: Alpha,
    out: &mut Vec<u8>,
) {
    let spread = spread(palette);
    // Offsets per matrix position, in 8-bit units.
    let offsets = BAYER8.map(|row| row.map(|m| ((f32::from(m) + 0.5) / 64.0 - 0.5) * spread));
    let mut cache = Cache::new(search, pixel_count(image));
    for (y, row) in image.rows().enumerate() {
        let offsets_row = &offsets[y % 8];
        out.extend(row.iter().enumerate().map(|(x, &p)| {
            if let Some(t) = alpha.clear(p) {
                return t;
            }
            let t = offsets_row[x % 8];
            let q = Rgb8::new(offset(p.r, t), offset(p.g, t), offset(p.b, t));
            cache.nearest(q)
        }));
    }
}

/// `v + t`, rounded and clamped to 0–255.
#[inline(always)]
fn offset(v: u8, t: f32) -> u8 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=255 first"
    )]
    let q = libm::roundf(f32::from(v) + t).clamp(0.0, 255.0) as u8;
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn bayer_matrix_is_the_recursive_one() {
        // M₂ₙ = [[4M, 4M + 2], [4M + 3, 4M + 1]], from M₁ = [0].
        let mut m = vec![vec![0u8]];
        for _ in 0..3 {
            let n = m.len();
            let mut next = vec![vec![0u8; 2 * n]; 2 * n];
            for y in 0..n {
                for x in 0..n {
                    let v = 4 * m[y][x];
                    next[y][x] = v;
                    next[y][x + n] = v + 2;
                    next[y + n][x] = v + 3;
                    next[y + n][x + n] = v + 1;
                }
            }
            m = next;
        }
        for y in 0..8 {
            assert_eq!(m[y], BAYER8[y], "row {y}");
        }
    }

    #[test]
    fn spreads_of_fixed_palettes() {
        assert_eq!(spread(&Palette::grayscale(2).unwrap()), 255.0);
        assert_eq!(spread(&Palette::grayscale(16).unwrap()), 17.0);
        assert_eq!(spread(&Palette::web_safe()), 51.0);
        assert_eq!(spread(&Palette::new(vec![Rgba8::WHITE; 3]).unwrap()), 0.0);
        let with_clear =
            Palette::new(vec![Rgba8::TRANSPARENT, Rgba8::BLACK, Rgba8::WHITE]).unwrap();
        assert_eq!(spread(&with_clear), 255.0);
    }
}
