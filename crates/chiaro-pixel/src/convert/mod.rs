//! Conversions between pixel formats of one family, with fixed rounding rules.
//!
//! Every pair of formats within the sRGB-encoded family, and every pair within the
//! linear-light family, converts with [`FromPixel`] (one pixel) or [`convert()`] (a
//! whole view, the fast path). Crossing between the families applies the sRGB transfer
//! function and belongs to `chiaro-color`; here it does not compile:
//!
//! ```compile_fail,E0271
//! use chiaro_pixel::{FromPixel, LinRgbF32, RgbF32};
//! let light = LinRgbF32::from_pixel(RgbF32::new(0.5, 0.5, 0.5)); // encoded ≠ linear
//! ```
//!
//! # Channel depth
//!
//! | from → to | rule |
//! |---|---|
//! | `u8` → `u16` | `v × 257` (exact: 255 → 65535) |
//! | `u16` → `u8` | `round(v / 257)` (no ties: 257 is odd) |
//! | `u8`/`u16` → `f32` | `v / 255` or `v / 65535` |
//! | `f32` → `u8`/`u16` | `round(clamp(v, 0, 1) × 255)` (or `× 65535`), halves up, NaN → 0 |
//!
//! So `u8 → u16 → u8` and `u8 → f32 → u8` are the identity for all 256 values.
//!
//! # Premultiplied alpha
//!
//! | depth | premultiply | unpremultiply (alpha > 0) |
//! |---|---|---|
//! | `u8` | `round(c·a / 255)` | `min(255, round(c·255 / a))`, halves up |
//! | `u16` | `round(c·a / 65535)` | `min(65535, round(c·65535 / a))`, halves up |
//! | `f32` | `c·a` | `c / a` |
//!
//! A zero alpha unpremultiplies to zero colour (the colour of a fully transparent pixel
//! is gone). In `u8`, premultiplying and then unpremultiplying returns every colour `c`
//! at alpha `a ≥ 1` within
//!
//! > `|unpremultiply(premultiply(c, a), a) − c| ≤ ⌊(a + 255) / 2a⌋`
//!
//! (half a premultiplied step, rounded). In practice the error is zero at alpha 255, at
//! most 1 from alpha 86 up, 2 at alpha 64 and up to 127 at alpha 1. The bound is tested
//! over all 65,536 `(c, a)` pairs.
//!
//! # Gray from colour
//!
//! Gray is Rec. 709 luma, `0.2126 R + 0.7152 G + 0.0722 B`, computed on the values the
//! format holds: for the sRGB-encoded family that is luma of encoded values (Y′, what
//! most image libraries produce); for the linear-light family it is relative luminance
//! (Y). In integer depths the weights are applied in exact integer arithmetic and
//! rounded once. Gray to colour replicates the value into R, G and B.
//!
//! # Alpha
//!
//! A format without alpha converts to one with alpha as fully opaque. Converting to a
//! format without alpha drops alpha after unpremultiplying if needed: it does not
//! composite over a background (compositing is `chiaro-draw`'s job).
//!
//! # Order of operations
//!
//! Premultiplication and luma are computed at the higher of the two depths: when
//! widening, the depth changes first; when narrowing, last. `Rgba16 → PremulRgba8`
//! premultiplies in 16 bits, then rounds once to 8.

mod channel;
mod fast;
pub(crate) mod kernels;
mod model;

pub(crate) use channel::ChannelMath;
pub(crate) use model::ToRgba;

use alloc::vec::Vec;

use crate::format::{LinPremulRgbaF32, LinRgbaF32, PremulRgba8, PremulRgbaF32, Rgba8, RgbaF32};
use crate::{AlphaMode, Channel, ColorModel, Image, Pixel, SizeMismatch, View, ViewMut};

/// Conversion from pixel format `S`, by the rules of [this module](self).
///
/// Implemented for every pair of chiaro formats within one encoding family.
pub trait FromPixel<S>: Sized {
    /// Converts one pixel.
    fn from_pixel(pixel: S) -> Self;
}

impl<S, D> FromPixel<S> for D
where
    S: ToRgba,
    D: ToRgba + Pixel<Encoding = S::Encoding>,
{
    #[inline(always)]
    fn from_pixel(pixel: S) -> Self {
        convert_pixel(pixel)
    }
}

/// The other direction of [`FromPixel`], for method-call syntax:
/// `rgb.into_pixel::<Rgba16>()`.
pub trait IntoPixel: Sized {
    /// Converts this pixel to format `D`.
    #[inline]
    fn into_pixel<D: FromPixel<Self>>(self) -> D {
        D::from_pixel(self)
    }
}

impl<P: Pixel> IntoPixel for P {}

/// The generic per-pixel conversion, written so that every branch on the formats'
/// constants folds away after monomorphization.
#[inline(always)]
fn convert_pixel<S: ToRgba, D: ToRgba>(pixel: S) -> D {
    let v = pixel.to_rgba();
    if <D::Channel as Channel>::TYPE.precision() >= <S::Channel as Channel>::TYPE.precision() {
        let wide = v.map(<D::Channel as ChannelMath>::from_channel);
        D::from_rgba(adjust::<S, D, D::Channel>(wide))
    } else {
        let done = adjust::<S, D, S::Channel>(v);
        D::from_rgba(done.map(<D::Channel as ChannelMath>::from_channel))
    }
}

/// Alpha-mode and gray changes from `S` to `D`, done in channel type `T`.
#[inline(always)]
fn adjust<S: Pixel, D: Pixel, T: ChannelMath + Channel>(mut v: [T; 4]) -> [T; 4] {
    let a = v[3];
    match (S::ALPHA, D::ALPHA) {
        (AlphaMode::Premultiplied, AlphaMode::Straight | AlphaMode::Opaque) => {
            for c in &mut v[..3] {
                *c = T::unpremultiply(*c, a);
            }
        }
        (AlphaMode::Straight, AlphaMode::Premultiplied) => {
            for c in &mut v[..3] {
                *c = T::premultiply(*c, a);
            }
        }
        _ => {}
    }
    let to_gray = matches!(D::MODEL, ColorModel::Gray | ColorModel::GrayAlpha);
    let from_gray = matches!(S::MODEL, ColorModel::Gray | ColorModel::GrayAlpha);
    if to_gray && !from_gray {
        v[0] = T::luma(v[0], v[1], v[2]);
    }
    v
}

/// Converts `src` into `dst`, which must be the same size. Uses a dedicated kernel for
/// the common pairs (`Rgb8 → Rgba8`, `Rgba8 ⇄ PremulRgba8`, `Rgba8 ⇄ Bgra8`,
/// `Rgba8 → Rgb8`), compiled for AVX2 and chosen at run time where available, and the
/// per-pixel rules otherwise; both give identical results.
///
/// ```
/// use chiaro_pixel::{Image, PremulRgba8, Rgba8, convert};
///
/// let straight = Image::filled(16, 16, Rgba8::new(200, 100, 50, 128));
/// let mut premul = Image::<PremulRgba8>::new(16, 16);
/// convert(straight.as_view(), premul.as_view_mut())?;
/// assert_eq!(premul.get(3, 3), Some(&PremulRgba8::new(100, 50, 25, 128)));
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn convert<S: Pixel, D: Pixel + FromPixel<S>>(
    src: View<'_, S>,
    mut dst: ViewMut<'_, D>,
) -> Result<(), SizeMismatch> {
    SizeMismatch::check(src.size(), dst.size())?;
    if let (Some(s), Some(d)) = (src.as_slice(), dst.as_mut_slice()) {
        convert_slice(s, d);
        return Ok(());
    }
    for (s, d) in src.rows().zip(dst.rows_mut()) {
        convert_slice(s, d);
    }
    Ok(())
}

/// Converts the first `min(src.len(), dst.len())` pixels of `src` into `dst`, with the
/// same kernels as [`convert()`].
pub fn convert_slice<S: Pixel, D: Pixel + FromPixel<S>>(src: &[S], dst: &mut [D]) {
    let n = src.len().min(dst.len());
    let (src, dst) = (&src[..n], &mut dst[..n]);
    if fast::convert(src, dst) {
        return;
    }
    for (s, d) in src.iter().zip(dst) {
        *d = D::from_pixel(*s);
    }
}

/// Converts a buffer of `S` into `D` in place when the formats have the same size and
/// alignment; gives the buffer back unchanged otherwise.
pub(crate) fn convert_in_place<S: Pixel, D: Pixel + FromPixel<S>>(
    data: Vec<S>,
) -> Result<Vec<D>, Vec<S>> {
    if size_of::<S>() != size_of::<D>() || align_of::<S>() != align_of::<D>() {
        return Err(data);
    }
    let mut out: Vec<D> = bytemuck::allocation::try_cast_vec(data).map_err(|(_, v)| v)?;
    if !fast::convert_in_place::<S, D>(&mut out) {
        for p in &mut out {
            // Same size, checked above: the cast cannot fail.
            if let Ok(s) = bytemuck::try_cast::<D, S>(*p) {
                *p = D::from_pixel(s);
            }
        }
    }
    Ok(out)
}

impl<P: Pixel> View<'_, P> {
    /// A copy converted to format `D` by the rules of [`crate::convert`](mod@crate::convert). Allocates.
    pub fn convert<D: Pixel + FromPixel<P>>(&self) -> Image<D> {
        let mut out = Image::<D>::new(self.width(), self.height());
        // Same size by construction.
        let _ = convert(*self, out.as_view_mut());
        out
    }
}

impl<P: Pixel> ViewMut<'_, P> {
    /// A copy converted to format `D` by the rules of [`crate::convert`](mod@crate::convert). Allocates.
    pub fn convert<D: Pixel + FromPixel<P>>(&self) -> Image<D> {
        self.as_view().convert()
    }
}

macro_rules! premultiply_methods {
    ($straight:ty => $premul:ty) => {
        impl $straight {
            /// Multiplies colour by alpha, by the rules of [`crate::convert`](mod@crate::convert).
            #[inline]
            pub fn premultiply(self) -> $premul {
                <$premul>::from_pixel(self)
            }
        }

        impl $premul {
            /// Divides colour by alpha, by the rules of [`crate::convert`](mod@crate::convert); zero alpha
            /// gives zero colour.
            #[inline]
            pub fn unpremultiply(self) -> $straight {
                <$straight>::from_pixel(self)
            }
        }
    };
}

premultiply_methods!(Rgba8 => PremulRgba8);
premultiply_methods!(RgbaF32 => PremulRgbaF32);
premultiply_methods!(LinRgbaF32 => LinPremulRgbaF32);

#[cfg(test)]
mod tests;
