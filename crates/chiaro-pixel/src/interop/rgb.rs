//! Zero-copy casts between chiaro pixels and the [`rgb`] crate's pixel types (feature
//! `rgb`).
//!
//! Only straight-alpha sRGB-encoded formats map: the `rgb` types say nothing about
//! premultiplication or linear light, so handing a `PremulRgba8` or `LinRgbF32` buffer
//! over as `rgb::Rgba` would drop what chiaro's type guarantees. Convert first.
//!
//! ```
//! use chiaro_pixel::Rgb8;
//! use chiaro_pixel::interop::rgb::{as_rgb, from_rgb};
//!
//! let ours = [Rgb8::new(1, 2, 3), Rgb8::new(4, 5, 6)];
//! let theirs: &[rgb::Rgb<u8>] = as_rgb(&ours);
//! assert_eq!(theirs[1], rgb::Rgb { r: 4, g: 5, b: 6 });
//! assert_eq!(from_rgb::<Rgb8>(theirs), &ours);
//! ```

use crate::Pixel;
use crate::format::{
    Bgra8, Gray8, Gray16, GrayA8, GrayA16, GrayF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32,
};

/// A chiaro format with a same-layout counterpart in the `rgb` crate.
pub trait RgbCompatible: Pixel {
    /// The `rgb` crate's type with the same channels in the same order.
    type Rgb: bytemuck::Pod;
}

macro_rules! compatible {
    ($($ours:ty => $theirs:ty),+ $(,)?) => {$(
        impl RgbCompatible for $ours {
            type Rgb = $theirs;
        }

        impl From<$ours> for $theirs {
            #[inline]
            fn from(p: $ours) -> Self {
                bytemuck::cast(p)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(p: $theirs) -> Self {
                bytemuck::cast(p)
            }
        }
    )+};
}

compatible! {
    Gray8 => rgb::Gray<u8>,
    GrayA8 => rgb::GrayA<u8>,
    Rgb8 => rgb::Rgb<u8>,
    Rgba8 => rgb::Rgba<u8>,
    Bgra8 => rgb::Bgra<u8>,
    Gray16 => rgb::Gray<u16>,
    GrayA16 => rgb::GrayA<u16>,
    Rgb16 => rgb::Rgb<u16>,
    Rgba16 => rgb::Rgba<u16>,
    GrayF32 => rgb::Gray<f32>,
    RgbF32 => rgb::Rgb<f32>,
    RgbaF32 => rgb::Rgba<f32>,
}

/// Views chiaro pixels as `rgb` pixels, without copying.
#[inline]
pub fn as_rgb<P: RgbCompatible>(pixels: &[P]) -> &[P::Rgb] {
    bytemuck::cast_slice(pixels)
}

/// Views chiaro pixels as `rgb` pixels, mutably, without copying.
#[inline]
pub fn as_rgb_mut<P: RgbCompatible>(pixels: &mut [P]) -> &mut [P::Rgb] {
    bytemuck::cast_slice_mut(pixels)
}

/// Views `rgb` pixels as chiaro pixels, without copying.
#[inline]
pub fn from_rgb<P: RgbCompatible>(pixels: &[P::Rgb]) -> &[P] {
    bytemuck::cast_slice(pixels)
}

/// Views `rgb` pixels as chiaro pixels, mutably, without copying.
#[inline]
pub fn from_rgb_mut<P: RgbCompatible>(pixels: &mut [P::Rgb]) -> &mut [P] {
    bytemuck::cast_slice_mut(pixels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_order_survives_the_cast() {
        let bgra = Bgra8::new(1, 2, 3, 4);
        let theirs: rgb::Bgra<u8> = bgra.into();
        assert_eq!((theirs.b, theirs.g, theirs.r, theirs.a), (1, 2, 3, 4));
        let ga = GrayA16::new(500, 600);
        let theirs: rgb::GrayA<u16> = ga.into();
        assert_eq!((theirs.v, theirs.a), (500, 600));
        let mut px = [RgbaF32::new(0.1, 0.2, 0.3, 0.4)];
        as_rgb_mut(&mut px)[0].g = 0.9;
        assert_eq!(px[0].g, 0.9);
    }
}
