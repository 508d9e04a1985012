//! Whole-image conversions over chiaro views: the fast paths.
//!
//! | function | from → to | method | error |
//! |---|---|---|---|
//! | [`to_linear`] | any sRGB-encoded format → any linear-light format | 8-bit: exact table; 16-bit: exact table; `f32`: exact | exact to `f32` |
//! | [`to_encoded`] | any linear-light format → any sRGB-encoded format | 8-bit: exact table encoder; 16-bit and `f32`: exact | 0 LSB (exactly rounded) |
//! | [`srgb8_to_lab`], [`srgb8_to_oklab`] | `Rgb8`/`Rgba8` → [`Lab`](crate::space::Lab)/[`Oklab`](crate::space::Oklab) | table decode, `f32` matrix, fast cube root | stated at each function |
//! | [`lab_to_srgb8`], [`oklab_to_srgb8`] | [`Lab`](crate::space::Lab)/[`Oklab`](crate::space::Oklab) → `Rgb8`/`Rgba8` | `f32` arithmetic, exact table encoder | stated at each function |
//!
//! The `Rgba8 → LinPremulRgbaF32` and `LinPremulRgbaF32 → Rgba8` pair is the entry and
//! exit of every linear-light pipeline (compositing, resizing and blurring in light):
//!
//! ```
//! use chiaro_color::bulk::{to_encoded, to_linear};
//! use chiaro_pixel::{Image, LinPremulRgbaF32, Rgba8};
//!
//! let straight = Image::filled(4, 4, Rgba8::new(255, 128, 0, 128));
//! let mut light = Image::<LinPremulRgbaF32>::new(4, 4);
//! to_linear(straight.as_view(), light.as_view_mut())?;
//! let p = light.get(0, 0).unwrap();
//! assert!((p.g - 0.2158605 * 128.0 / 255.0).abs() < 1e-6); // decoded, then premultiplied
//! let mut back = Image::<Rgba8>::new(4, 4);
//! to_encoded(light.as_view(), back.as_view_mut())?;
//! assert_eq!(back, straight);
//! # Ok::<(), chiaro_pixel::SizeMismatch>(())
//! ```

mod lab;
mod linear;

pub use lab::{lab_to_srgb8, oklab_to_srgb8, srgb8_to_lab, srgb8_to_oklab};
pub use linear::{Encoded, Linear, to_encoded, to_linear};

use chiaro_pixel::{Pixel, Rgb8, Rgba8};

/// 8-bit RGB formats read by the Lab and Y′CbCr conversions (alpha is ignored).
pub trait RgbSource: Pixel<Channel = u8> + private::Sealed {
    /// Red, green and blue.
    fn rgb(self) -> [u8; 3];
}

/// 8-bit RGB formats written by the Lab and Y′CbCr conversions (alpha is set opaque).
pub trait RgbTarget: Pixel<Channel = u8> + private::Sealed {
    /// The pixel from red, green and blue.
    fn from_rgb(rgb: [u8; 3]) -> Self;
}

mod private {
    pub trait Sealed {}
    impl Sealed for chiaro_pixel::Rgb8 {}
    impl Sealed for chiaro_pixel::Rgba8 {}
}

impl RgbSource for Rgb8 {
    #[inline(always)]
    fn rgb(self) -> [u8; 3] {
        [self.r, self.g, self.b]
    }
}

impl RgbSource for Rgba8 {
    #[inline(always)]
    fn rgb(self) -> [u8; 3] {
        [self.r, self.g, self.b]
    }
}

impl RgbTarget for Rgb8 {
    #[inline(always)]
    fn from_rgb([r, g, b]: [u8; 3]) -> Self {
        Rgb8 { r, g, b }
    }
}

impl RgbTarget for Rgba8 {
    #[inline(always)]
    fn from_rgb([r, g, b]: [u8; 3]) -> Self {
        Rgba8 { r, g, b, a: 255 }
    }
}
