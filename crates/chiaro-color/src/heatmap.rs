//! Heatmaps: a grid of numbers (a tensor, a feature map, an attention or depth map)
//! coloured through a [`Colormap`], and laid over an image.
//!
//! - [`heatmap`] makes a new [`Image<Rgba8>`]; [`heatmap_into`] writes into an existing
//!   view of any stride.
//! - [`Range`] picks the values that map to the two ends of the colormap: the data's
//!   own finite minimum and maximum ([`Range::Auto`]) or fixed bounds
//!   ([`Range::Fixed`]); [`Range::resolve`] tells you which numbers were used, for a
//!   colour bar's labels.
//! - [`overlay_heatmap`] and [`overlay_heatmap_rgb`] composite a heatmap over an image
//!   at an opacity, in linear light.
//!
//! # Values
//!
//! | value | colour |
//! |---|---|
//! | finite, within the range | the colormap at `(v − min) / (max − min)`, quantized to 256 levels |
//! | below `min`, or `−∞` | the first colour |
//! | above `max`, or `+∞` | the last colour |
//! | NaN | fully transparent ([`Rgba8::TRANSPARENT`]) |
//!
//! A degenerate range (`min == max`: a constant field under [`Range::Auto`], or equal
//! fixed bounds) is a step: values at or below `min` take the first colour and values
//! above it the last, so a constant field is uniformly the first colour, as in
//! matplotlib. Data with no finite value at all resolves to the range `0..0`.
//!
//! # Quantization
//!
//! Each value is normalized, scaled to `0..=255` and rounded to the nearest level, and
//! the colour is entry `level` of [`Colormap::lut`], computed once per call. So a pixel
//! is [`Colormap::map`]`(t)` with `t` rounded to the nearest multiple of 1/255: for the
//! table maps that is the nearest of their 256 entries, within half an entry of the
//! interpolated colour. The normalization runs in `f64`, so even a range that spans
//! most of `f32` (`-3e38..3e38`) is mapped without overflow.
//!
//! ```
//! use chiaro_color::colormap::Colormap;
//! use chiaro_color::heatmap::{Range, heatmap, overlay_heatmap};
//! use chiaro_pixel::{Image, Rgba8};
//!
//! // A 3×2 activation map with a missing value.
//! let data = [0.0, 0.5, 1.0, 2.0, f32::NAN, -1.0];
//! let map = heatmap(&data, 3, 2, Range::Fixed { min: 0.0, max: 1.0 }, Colormap::VIRIDIS)?;
//! let first = Colormap::VIRIDIS.map(0.0);
//! let last = Colormap::VIRIDIS.map(1.0);
//! assert_eq!(map.get(0, 0), Some(&Rgba8::new(first.r, first.g, first.b, 255)));
//! assert_eq!(map.get(0, 1), Some(&Rgba8::new(last.r, last.g, last.b, 255))); // 2.0 clamps
//! assert_eq!(map.get(1, 1), Some(&Rgba8::TRANSPARENT)); // NaN
//!
//! // Lay it over a photo at 40 % opacity; the NaN pixel leaves the photo as it was.
//! let mut photo = Image::filled(3, 2, Rgba8::new(200, 180, 160, 255));
//! overlay_heatmap(photo.as_view_mut(), map.as_view(), 0.4)?;
//! assert_eq!(photo.get(1, 1), Some(&Rgba8::new(200, 180, 160, 255)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt;

use chiaro_pixel::{Image, LayoutError, Rgb8, Rgba8, SizeMismatch, View, ViewMut};

use crate::colormap::{Colormap, unit_to_u8};
use crate::transfer::{linear_to_srgb8, srgb8_to_linear};

/// Which values map to the two ends of the colormap.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Range {
    /// The minimum and maximum of the data's finite values (NaN and ±∞ ignored).
    #[default]
    Auto,
    /// Fixed bounds; values outside them clamp to the ends. Both must be finite, with
    /// `min ≤ max`.
    Fixed {
        /// The value that maps to the first colour.
        min: f32,
        /// The value that maps to the last colour.
        max: f32,
    },
}

impl Range {
    /// The `(min, max)` this range gives for `data`.
    ///
    /// [`Auto`](Self::Auto) scans the finite values; with none (empty data, or only
    /// NaN and infinities) it gives `(0.0, 0.0)`. [`Fixed`](Self::Fixed) bounds are
    /// returned as they are, or [`HeatmapError::InvalidRange`] when either is not
    /// finite or `min > max`.
    ///
    /// ```
    /// use chiaro_color::heatmap::Range;
    /// assert_eq!(Range::Auto.resolve(&[3.0, f32::NAN, -2.0, f32::INFINITY]), Ok((-2.0, 3.0)));
    /// assert!(Range::Fixed { min: 1.0, max: 0.0 }.resolve(&[]).is_err());
    /// ```
    pub fn resolve(self, data: &[f32]) -> Result<(f32, f32), HeatmapError> {
        match self {
            Self::Auto => {
                let (lo, hi) = finite_min_max(data);
                Ok(if lo <= hi { (lo, hi) } else { (0.0, 0.0) })
            }
            Self::Fixed { min, max } => {
                if min.is_finite() && max.is_finite() && min <= max {
                    Ok((min, max))
                } else {
                    Err(HeatmapError::InvalidRange { min, max })
                }
            }
        }
    }
}

/// The least and greatest finite values of `data`, or `(∞, −∞)` when it has none.
fn finite_min_max(data: &[f32]) -> (f32, f32) {
    // Eight independent lanes of compare-and-select, which the compiler turns into
    // vector code (a plain `f32::min` fold runs one element at a time). Comparisons
    // with NaN are false, so NaN never wins; the bounds checks leave out ±∞.
    const LANES: usize = 8;
    let mut lo = [f32::INFINITY; LANES];
    let mut hi = [f32::NEG_INFINITY; LANES];
    let chunks = data.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for ((&v, lo), hi) in chunk.iter().zip(&mut lo).zip(&mut hi) {
            *lo = if v < *lo && v > f32::NEG_INFINITY {
                v
            } else {
                *lo
            };
            *hi = if v > *hi && v < f32::INFINITY { v } else { *hi };
        }
    }
    for (&v, (lo, hi)) in rest.iter().zip(lo.iter_mut().zip(&mut hi)) {
        *lo = if v < *lo && v > f32::NEG_INFINITY {
            v
        } else {
            *lo
        };
        *hi = if v > *hi && v < f32::INFINITY { v } else { *hi };
    }
    let lo = lo.into_iter().fold(f32::INFINITY, f32::min);
    let hi = hi.into_iter().fold(f32::NEG_INFINITY, f32::max);
    (lo, hi)
}

/// Why a heatmap could not be made.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum HeatmapError {
    /// The data does not hold one value per pixel.
    LengthMismatch {
        /// Pixels in the image: `width × height`.
        expected: u64,
        /// Values given.
        actual: usize,
    },
    /// A [`Range::Fixed`] with a bound that is not finite, or with `min > max`.
    InvalidRange {
        /// The lower bound given.
        min: f32,
        /// The upper bound given.
        max: f32,
    },
    /// The output image could not be allocated.
    Allocation(LayoutError),
}

impl fmt::Display for HeatmapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LengthMismatch { expected, actual } => write!(
                f,
                "heatmap data has {actual} values but the image has {expected} pixels"
            ),
            Self::InvalidRange { min, max } => write!(
                f,
                "invalid heatmap range {min}..{max}: bounds must be finite with min ≤ max"
            ),
            Self::Allocation(e) => write!(f, "cannot allocate the heatmap image: {e}"),
        }
    }
}

impl core::error::Error for HeatmapError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Allocation(e) => Some(e),
            _ => None,
        }
    }
}

/// Colours `data`, `width × height` values row by row, through `colormap` into a new
/// image. See the [module docs](self) for how values, NaN and degenerate ranges map.
///
/// Errors: [`LengthMismatch`](HeatmapError::LengthMismatch) when `data.len()` is not
/// `width × height`, [`InvalidRange`](HeatmapError::InvalidRange) for a bad fixed
/// range, [`Allocation`](HeatmapError::Allocation) when the image cannot be allocated.
pub fn heatmap(
    data: &[f32],
    width: u32,
    height: u32,
    range: Range,
    colormap: Colormap,
) -> Result<Image<Rgba8>, HeatmapError> {
    check_len(data, width, height)?;
    let (min, max) = range.resolve(data)?;
    let mut image = Image::try_new(width, height).map_err(HeatmapError::Allocation)?;
    fill(data, min, max, colormap, image.as_view_mut());
    Ok(image)
}

/// Colours `data` through `colormap` into `dst`, one value per pixel, row by row
/// (`dst.width()` values per row). `dst` may be a sub-view with any stride; pixels
/// outside it are not touched. Same rules and errors as [`heatmap`], except that
/// nothing is allocated; on error `dst` is left unchanged.
pub fn heatmap_into(
    data: &[f32],
    range: Range,
    colormap: Colormap,
    dst: ViewMut<'_, Rgba8>,
) -> Result<(), HeatmapError> {
    check_len(data, dst.width(), dst.height())?;
    let (min, max) = range.resolve(data)?;
    fill(data, min, max, colormap, dst);
    Ok(())
}

fn check_len(data: &[f32], width: u32, height: u32) -> Result<(), HeatmapError> {
    let expected = u64::from(width) * u64::from(height);
    if u64::try_from(data.len()) == Ok(expected) {
        Ok(())
    } else {
        Err(HeatmapError::LengthMismatch {
            expected,
            actual: data.len(),
        })
    }
}

/// The mapping from a value to a LUT level for one resolved range.
#[derive(Clone, Copy, Debug)]
struct Levels {
    min: f64,
    /// `255 / (max − min)`, or 0 for a degenerate range.
    scale: f64,
}

impl Levels {
    fn new(min: f32, max: f32) -> Self {
        let (min, max) = (f64::from(min), f64::from(max));
        // Finite f32 bounds: the span is finite in f64 and, when not zero, at least
        // 2⁻¹⁴⁹, so the scale is finite too.
        let span = max - min;
        let scale = if span > 0.0 { 255.0 / span } else { 0.0 };
        Self { min, scale }
    }

    /// The level of a value that is not NaN: 0–255.
    #[inline(always)]
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the value is clamped to 0..=255 before the cast"
    )]
    fn level(self, v: f32) -> usize {
        let d = f64::from(v) - self.min;
        if self.scale == 0.0 {
            // Degenerate range: a step at `min`.
            return if d > 0.0 { 255 } else { 0 };
        }
        // ±∞ give ±∞ here and clamp to the ends.
        (d * self.scale + 0.5).clamp(0.0, 255.0) as usize
    }
}

/// Writes the heatmap of `data` (length already checked against `dst`) into `dst`.
fn fill(data: &[f32], min: f32, max: f32, colormap: Colormap, mut dst: ViewMut<'_, Rgba8>) {
    let width = dst.width() as usize;
    if width == 0 {
        return;
    }
    let lut = colormap.lut().map(|c| Rgba8::new(c.r, c.g, c.b, 255));
    let levels = Levels::new(min, max);
    for (row, values) in dst.rows_mut().zip(data.chunks_exact(width)) {
        for (p, &v) in row.iter_mut().zip(values) {
            *p = if v.is_nan() {
                Rgba8::TRANSPARENT
            } else {
                lut[levels.level(v)]
            };
        }
    }
}

/// Composites `heatmap` over `base`, pixel by pixel, at `opacity`.
///
/// Each heatmap pixel's alpha is multiplied by `opacity` (clamped to `[0, 1]`; NaN
/// counts as 0) and the result is composited with Porter-Duff source-over for straight
/// alpha, in linear light:
///
/// - `out_a = a_s + a_b (1 − a_s)`
/// - `out_c = (c_s a_s + c_b a_b (1 − a_s)) / out_a`, with the colours decoded from
///   sRGB to linear light and the result encoded back, exactly rounded
///   ([`srgb8_to_linear`], [`linear_to_srgb8`]).
///
/// **Why linear light:** a pixel's light is what mixes. Averaging sRGB-encoded values
/// darkens every blend (50 % black over white gives 128, a mid-grey that is only 21 %
/// of white's light), so a translucent heatmap would dim the image beneath it and muddy
/// its colours. In linear light the same blend gives 188, half of white's light. The
/// result therefore differs from tools that blend encoded values (OpenCV's
/// `addWeighted`, matplotlib's `alpha`).
///
/// Pixels with an effective alpha of 0 (NaN values of a [`heatmap`], or `opacity` 0)
/// leave `base` unchanged; an opaque pixel at opacity 1 replaces it. Where both alphas
/// are 0 the pixel stays as it was.
///
/// Errors with [`SizeMismatch`] (`source` = heatmap, `destination` = base) when the two
/// differ in size; `base` is then unchanged.
pub fn overlay_heatmap(
    mut base: ViewMut<'_, Rgba8>,
    heatmap: View<'_, Rgba8>,
    opacity: f32,
) -> Result<(), SizeMismatch> {
    SizeMismatch::check(heatmap.size(), base.size())?;
    let Some(opacity) = effective_opacity(opacity) else {
        return Ok(());
    };
    for (dst, src) in base.rows_mut().zip(heatmap.rows()) {
        for (b, &s) in dst.iter_mut().zip(src) {
            if s.a == 0 {
                continue;
            }
            if s.a == 255 && opacity == 1.0 {
                *b = s;
                continue;
            }
            let a_s = f32::from(s.a) * opacity;
            let a_b = f32::from(b.a) * (1.0 / 255.0);
            let out_a = a_s + a_b * (1.0 - a_s);
            // a_s > 0, so out_a > 0.
            let w_s = a_s / out_a;
            *b = Rgba8::new(
                mix(s.r, b.r, w_s),
                mix(s.g, b.g, w_s),
                mix(s.b, b.b, w_s),
                unit_to_u8(f64::from(out_a)),
            );
        }
    }
    Ok(())
}

/// [`overlay_heatmap`] onto an opaque base: `out_c = c_s a_s + c_b (1 − a_s)` in
/// linear light, with `a_s` the heatmap pixel's alpha times `opacity`.
pub fn overlay_heatmap_rgb(
    mut base: ViewMut<'_, Rgb8>,
    heatmap: View<'_, Rgba8>,
    opacity: f32,
) -> Result<(), SizeMismatch> {
    SizeMismatch::check(heatmap.size(), base.size())?;
    let Some(opacity) = effective_opacity(opacity) else {
        return Ok(());
    };
    for (dst, src) in base.rows_mut().zip(heatmap.rows()) {
        for (b, &s) in dst.iter_mut().zip(src) {
            if s.a == 0 {
                continue;
            }
            let a_s = f32::from(s.a) * opacity;
            *b = Rgb8::new(mix(s.r, b.r, a_s), mix(s.g, b.g, a_s), mix(s.b, b.b, a_s));
        }
    }
    Ok(())
}

/// `opacity / 255` (so that times an 8-bit alpha it is the effective alpha), or `None`
/// when nothing would change.
fn effective_opacity(opacity: f32) -> Option<f32> {
    if opacity.is_nan() || opacity <= 0.0 {
        None
    } else {
        Some(opacity.min(1.0) * (1.0 / 255.0))
    }
}

/// `w · s + (1 − w) · b` in linear light, for sRGB-encoded `s` and `b`.
#[inline(always)]
fn mix(s: u8, b: u8, w: f32) -> u8 {
    let (s, b) = (srgb8_to_linear(s), srgb8_to_linear(b));
    linear_to_srgb8(b + (s - b) * w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    #[test]
    fn auto_range_ignores_nan_and_infinities() {
        let data = [f32::NAN, 2.0, f32::NEG_INFINITY, -1.5, f32::INFINITY, 0.0];
        assert_eq!(Range::Auto.resolve(&data), Ok((-1.5, 2.0)));
        assert_eq!(Range::Auto.resolve(&[]), Ok((0.0, 0.0)));
        assert_eq!(
            Range::Auto.resolve(&[f32::NAN, f32::INFINITY]),
            Ok((0.0, 0.0))
        );
        assert_eq!(Range::Auto.resolve(&[4.0; 3]), Ok((4.0, 4.0)));
        assert_eq!(Range::default(), Range::Auto);
    }

    #[test]
    fn fixed_range_is_validated() {
        let ok = Range::Fixed {
            min: -1.0,
            max: 1.0,
        };
        assert_eq!(ok.resolve(&[f32::NAN]), Ok((-1.0, 1.0)));
        assert_eq!(
            Range::Fixed { min: 2.0, max: 2.0 }.resolve(&[]),
            Ok((2.0, 2.0))
        );
        for (min, max) in [
            (1.0, 0.0),
            (f32::NAN, 1.0),
            (0.0, f32::NAN),
            (0.0, f32::INFINITY),
            (f32::NEG_INFINITY, 0.0),
        ] {
            let err = Range::Fixed { min, max }.resolve(&[]).unwrap_err();
            assert!(
                matches!(err, HeatmapError::InvalidRange { min: a, max: b }
                    if a.to_bits() == min.to_bits() && b.to_bits() == max.to_bits()),
                "{err:?}"
            );
        }
    }

    #[test]
    fn levels_round_to_the_nearest_of_256() {
        let l = Levels::new(0.0, 255.0);
        assert_eq!(l.level(0.0), 0);
        assert_eq!(l.level(0.49), 0);
        assert_eq!(l.level(0.5), 1);
        assert_eq!(l.level(254.6), 255);
        assert_eq!(l.level(255.0), 255);
        assert_eq!(l.level(1e30), 255);
        assert_eq!(l.level(-1e30), 0);
        assert_eq!(l.level(f32::INFINITY), 255);
        assert_eq!(l.level(f32::NEG_INFINITY), 0);
        // A span wider than f32 can hold.
        let wide = Levels::new(-3e38, 3e38);
        assert_eq!(wide.level(0.0), 128);
        assert_eq!(wide.level(3e38), 255);
        assert_eq!(wide.level(-3e38), 0);
        // Degenerate: a step at min.
        let step = Levels::new(1.0, 1.0);
        assert_eq!(step.level(1.0), 0);
        assert_eq!(step.level(0.5), 0);
        assert_eq!(step.level(1.0000001), 255);
        assert_eq!(step.level(f32::INFINITY), 255);
        // The smallest non-degenerate span.
        let tiny = Levels::new(0.0, f32::from_bits(1));
        assert_eq!(tiny.level(f32::from_bits(1)), 255);
        assert_eq!(tiny.level(0.0), 0);
    }

    #[test]
    fn every_level_is_reachable_and_monotone() {
        let l = Levels::new(-1.0, 3.0);
        let mut prev = 0;
        for k in 0..=4000u16 {
            let v = -1.0 + f32::from(k) / 1000.0;
            let level = l.level(v);
            assert!(
                level >= prev && level <= prev + 1,
                "{v}: {level} after {prev}"
            );
            prev = level;
        }
        assert_eq!(prev, 255);
    }

    #[test]
    fn errors_display_their_values() {
        let e = HeatmapError::LengthMismatch {
            expected: 12,
            actual: 10,
        };
        assert_eq!(
            e.to_string(),
            "heatmap data has 10 values but the image has 12 pixels"
        );
        let e = HeatmapError::InvalidRange { min: 1.0, max: 0.0 };
        assert_eq!(
            e.to_string(),
            "invalid heatmap range 1..0: bounds must be finite with min ≤ max"
        );
        let e = HeatmapError::Allocation(LayoutError::AllocationFailed { bytes: 64 });
        assert!(
            e.to_string()
                .starts_with("cannot allocate the heatmap image: ")
        );
        assert!(core::error::Error::source(&e).is_some());
    }

    #[test]
    fn zero_sized_heatmaps_are_fine() {
        for (w, h) in [(0, 0), (0, 5), (5, 0)] {
            let img = heatmap(&[], w, h, Range::Auto, Colormap::JET).unwrap();
            assert_eq!(img.size(), (w, h));
        }
        let err = heatmap(&[1.0], 0, 3, Range::Auto, Colormap::JET).unwrap_err();
        assert_eq!(
            err,
            HeatmapError::LengthMismatch {
                expected: 0,
                actual: 1
            }
        );
        // The full u32 × u32 product is named, without overflow.
        let err = heatmap(&[], u32::MAX, u32::MAX, Range::Auto, Colormap::JET).unwrap_err();
        assert_eq!(
            err,
            HeatmapError::LengthMismatch {
                expected: u64::from(u32::MAX) * u64::from(u32::MAX),
                actual: 0
            }
        );
    }

    #[test]
    fn mix_is_exact_at_the_ends() {
        for v in 0..=255u8 {
            assert_eq!(mix(v, 255 - v, 1.0), v);
            assert_eq!(mix(v, 255 - v, 0.0), 255 - v);
            assert_eq!(mix(v, v, 0.37), v);
        }
    }

    #[test]
    fn translucent_over_translucent_follows_source_over() {
        // Red at alpha 0.5 over blue at alpha 0.5: out_a = 0.75, red weight 2/3.
        let mut base = vec![Rgba8::new(0, 0, 255, 128)];
        let over = [Rgba8::new(255, 0, 0, 255)];
        let base_view = ViewMut::new(&mut base, 1, 1).unwrap();
        overlay_heatmap(base_view, View::new(&over, 1, 1).unwrap(), 0.5).unwrap();
        let a_s = 0.5f32;
        let a_b = 128.0 / 255.0;
        let out_a = a_s + a_b * (1.0 - a_s);
        let w = a_s / out_a;
        let want = Rgba8::new(
            linear_to_srgb8(w),
            0,
            linear_to_srgb8(1.0 - w),
            unit_to_u8(f64::from(out_a)),
        );
        assert_eq!(base[0], want);
        assert_eq!(base[0].a, 191);
    }

    #[test]
    fn over_a_transparent_base_the_colour_is_the_overlays() {
        let mut base = vec![Rgba8::TRANSPARENT, Rgba8::new(10, 20, 30, 0)];
        let over = [Rgba8::new(200, 100, 50, 255), Rgba8::new(200, 100, 50, 64)];
        let base_view = ViewMut::new(&mut base, 2, 1).unwrap();
        overlay_heatmap(base_view, View::new(&over, 2, 1).unwrap(), 0.5).unwrap();
        assert_eq!(base[0], Rgba8::new(200, 100, 50, 128));
        assert_eq!(base[1], Rgba8::new(200, 100, 50, 32));
    }

    #[test]
    fn opacity_is_clamped_and_nan_is_zero() {
        let over = [Rgba8::new(0, 0, 0, 255)];
        for (opacity, want) in [(f32::NAN, 255), (-1.0, 255), (2.0, 0), (f32::INFINITY, 0)] {
            let mut base = vec![Rgb8::new(255, 255, 255)];
            let base_view = ViewMut::new(&mut base, 1, 1).unwrap();
            overlay_heatmap_rgb(base_view, View::new(&over, 1, 1).unwrap(), opacity).unwrap();
            assert_eq!(base[0], Rgb8::new(want, want, want), "opacity {opacity}");
        }
    }
}
