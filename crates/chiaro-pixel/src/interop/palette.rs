//! `From`/`Into` between chiaro's sRGB-encoded and linear-light pixel types and the
//! [`palette`] crate's colour types (feature `palette`).
//!
//! The pairs keep their meaning: `Rgb8` ⇄ `Srgb<u8>`, `RgbF32` ⇄ `Srgb<f32>`,
//! `LinRgbF32` ⇄ `LinSrgb<f32>`, gray to luma, and the straight-alpha RGBA forms to
//! palette's `Srgba`/`LinSrgba`. Premultiplied pixels have no counterpart (palette's
//! `PreAlpha` is a wrapper for arithmetic); convert to straight alpha first.
//!
//! ```
//! use chiaro_pixel::{LinRgbF32, Rgb8};
//!
//! let c: palette::Srgb<u8> = Rgb8::new(255, 128, 0).into();
//! assert_eq!((c.red, c.green, c.blue), (255, 128, 0));
//! let lin: LinRgbF32 = palette::LinSrgb::new(0.5f32, 0.25, 1.0).into();
//! assert_eq!(lin, LinRgbF32::new(0.5, 0.25, 1.0));
//! ```

use palette::{LinLuma, LinSrgb, LinSrgba, Srgb, SrgbLuma, Srgba};

use crate::format::{
    Gray8, GrayF32, LinGrayF32, LinRgbF32, LinRgbaF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32,
};

macro_rules! rgb_pair {
    ($($ours:ty => $theirs:ty),+ $(,)?) => {$(
        impl From<$ours> for $theirs {
            #[inline]
            fn from(c: $ours) -> Self {
                <$theirs>::new(c.r, c.g, c.b)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(c: $theirs) -> Self {
                <$ours>::new(c.red, c.green, c.blue)
            }
        }
    )+};
}

macro_rules! rgba_pair {
    ($($ours:ty => $theirs:ty),+ $(,)?) => {$(
        impl From<$ours> for $theirs {
            #[inline]
            fn from(c: $ours) -> Self {
                <$theirs>::new(c.r, c.g, c.b, c.a)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(c: $theirs) -> Self {
                <$ours>::new(c.red, c.green, c.blue, c.alpha)
            }
        }
    )+};
}

macro_rules! luma_pair {
    ($($ours:ty => $theirs:ty),+ $(,)?) => {$(
        impl From<$ours> for $theirs {
            #[inline]
            fn from(c: $ours) -> Self {
                <$theirs>::new(c.v)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(c: $theirs) -> Self {
                <$ours>::new(c.luma)
            }
        }
    )+};
}

rgb_pair! {
    Rgb8 => Srgb<u8>,
    Rgb16 => Srgb<u16>,
    RgbF32 => Srgb<f32>,
    LinRgbF32 => LinSrgb<f32>,
}

rgba_pair! {
    Rgba8 => Srgba<u8>,
    Rgba16 => Srgba<u16>,
    RgbaF32 => Srgba<f32>,
    LinRgbaF32 => LinSrgba<f32>,
}

luma_pair! {
    Gray8 => SrgbLuma<u8>,
    GrayF32 => SrgbLuma<f32>,
    LinGrayF32 => LinLuma<palette::white_point::D65, f32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_meaning_survive() {
        let c: Srgba<u8> = Rgba8::new(1, 2, 3, 4).into();
        assert_eq!((c.red, c.green, c.blue, c.alpha), (1, 2, 3, 4));
        assert_eq!(Rgba8::from(c), Rgba8::new(1, 2, 3, 4));
        // Converting palette's encoded value to linear matches chiaro's meaning.
        let lin = Srgb::<f32>::from(RgbF32::new(0.5, 0.5, 0.5)).into_linear::<f32>();
        assert!((LinRgbF32::from(lin).r - 0.214_041).abs() < 1e-5);
        let g: SrgbLuma<u8> = Gray8::new(9).into();
        assert_eq!(Gray8::from(g), Gray8::new(9));
    }
}
