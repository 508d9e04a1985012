//! Colour spaces and conversions between them.
//!
//! Every space implements [`ColorSpace`], whose hub is CIE XYZ (D65, white at Y = 1) in
//! `f64`, so any pair converts with one final rounding to `f32`:
//! [`convert`]`::<Lab, Oklch>(lab)`. The spaces:
//!
//! | type | space |
//! |---|---|
//! | [`RgbF32`] | sRGB, encoded (0–1) |
//! | [`LinRgbF32`] | linear-light sRGB |
//! | [`Xyz`] | CIE 1931 XYZ, D65 |
//! | [`Lab`], [`Lch`] | CIE L\*a\*b\* and its polar form, D65 white |
//! | [`LabD50`], [`LchD50`] | the same relative to D50 (ICC and print), Bradford-adapted |
//! | [`Oklab`], [`Oklch`] | Björn Ottosson's Oklab and its polar form |
//! | [`Hsl`], [`Hsv`] | cylindrical forms of encoded sRGB |
//!
//! Every colour type is also a chiaro [`Pixel`](chiaro_pixel::Pixel) (three `f32`
//! channels, [`OtherEncoding`](chiaro_pixel::OtherEncoding)), so `Image<Lab>` works.
//!
//! Constants: D65 white is (0.95047, 1, 1.08883) and D50 (0.96422, 1, 0.82521), as
//! tabulated by ASTM E308 (the values `palette` and Lindbloom's tables use); the sRGB
//! matrix is derived from the primaries (0.64, 0.33), (0.30, 0.60), (0.15, 0.06) and D65;
//! CIE ε = 216/24389 and κ = 24389/27; Oklab uses Ottosson's published matrices.

mod hsl;
mod lab;
pub(crate) mod matrix;
mod oklab;
mod xyz;

pub use hsl::{Hsl, Hsv};
pub use lab::{Lab, LabD50, Lch, LchD50};
pub use oklab::{Oklab, Oklch};
pub use xyz::Xyz;

pub(crate) use oklab::{LINEAR_SRGB_TO_LMS, LMS_TO_OKLAB};

use chiaro_pixel::{LinRgbF32, Rgb8, RgbF32};

use crate::transfer::{linear_to_srgb_f64, linear_to_srgb8, srgb_to_linear_f64, srgb8_to_linear};
use matrix::Mat3;

/// D65 white point, XYZ with Y = 1.
pub const D65: [f64; 3] = [0.95047, 1.0, 1.08883];
/// D50 white point, XYZ with Y = 1.
pub const D50: [f64; 3] = [0.96422, 1.0, 0.82521];

const SRGB_PRIMARIES: [[f64; 2]; 3] = [[0.64, 0.33], [0.30, 0.60], [0.15, 0.06]];
/// Linear sRGB to XYZ (D65).
pub(crate) const LINEAR_SRGB_TO_XYZ: Mat3 = matrix::rgb_to_xyz(SRGB_PRIMARIES, D65);
/// XYZ (D65) to linear sRGB.
pub(crate) const XYZ_TO_LINEAR_SRGB: Mat3 = matrix::invert(&LINEAR_SRGB_TO_XYZ);

/// A colour space: conversion to and from the XYZ hub.
///
/// Implement it for a type of your own and [`convert`] reaches every other space.
pub trait ColorSpace: Copy {
    /// The colour as CIE XYZ (D65, white at Y = 1), in `f64`.
    fn to_xyz_f64(self) -> [f64; 3];
    /// The colour from CIE XYZ (D65, white at Y = 1), in `f64`.
    fn from_xyz_f64(xyz: [f64; 3]) -> Self;

    /// The colour from an 8-bit sRGB value.
    fn from_srgb8(c: Rgb8) -> Self {
        let lin = [c.r, c.g, c.b].map(|v| f64::from(srgb8_to_linear(v)));
        Self::from_xyz_f64(matrix::mul_vec(&LINEAR_SRGB_TO_XYZ, lin))
    }

    /// The colour as 8-bit sRGB, out-of-gamut channels clipped, exactly rounded.
    fn to_srgb8(self) -> Rgb8 {
        let lin = LinRgbF32::from_xyz_f64(self.to_xyz_f64());
        Rgb8::new(
            linear_to_srgb8(lin.r),
            linear_to_srgb8(lin.g),
            linear_to_srgb8(lin.b),
        )
    }
}

/// Converts a colour between any two spaces, through XYZ in `f64`.
///
/// ```
/// use chiaro_color::space::{Lab, Oklch, convert};
/// let lab = Lab::new(53.2408, 80.0925, 67.2032); // sRGB red
/// let red: Oklch = convert(lab);
/// assert!((red.l - 0.62796).abs() < 1e-4 && (red.h - 29.2339).abs() < 1e-2);
/// ```
#[inline]
pub fn convert<A: ColorSpace, B: ColorSpace>(a: A) -> B {
    B::from_xyz_f64(a.to_xyz_f64())
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub(crate) fn f32x3(v: [f64; 3]) -> [f32; 3] {
    v.map(|c| c as f32)
}

impl ColorSpace for LinRgbF32 {
    fn to_xyz_f64(self) -> [f64; 3] {
        matrix::mul_vec(&LINEAR_SRGB_TO_XYZ, [self.r, self.g, self.b].map(f64::from))
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        f32x3(matrix::mul_vec(&XYZ_TO_LINEAR_SRGB, xyz)).into()
    }
}

impl ColorSpace for RgbF32 {
    fn to_xyz_f64(self) -> [f64; 3] {
        let lin = [self.r, self.g, self.b].map(|v| srgb_to_linear_f64(f64::from(v)));
        matrix::mul_vec(&LINEAR_SRGB_TO_XYZ, lin)
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        let lin = matrix::mul_vec(&XYZ_TO_LINEAR_SRGB, xyz);
        f32x3(lin.map(linear_to_srgb_f64)).into()
    }
}

/// Defines a colour type of three `f32` fields that is also a chiaro pixel.
macro_rules! color_type {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$fmeta:meta])* $field:ident ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug, Default, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: f32, )+
        }

        impl $name {
            /// Creates the colour from its components.
            #[inline]
            pub const fn new($($field: f32),+) -> Self {
                Self { $($field),+ }
            }
        }

        impl chiaro_pixel::Pixel for $name {
            type Channel = f32;
            type Encoding = chiaro_pixel::OtherEncoding;
            const CHANNELS: usize = 3;
            const MODEL: chiaro_pixel::ColorModel = chiaro_pixel::ColorModel::Other;
            const ALPHA: chiaro_pixel::AlphaMode = chiaro_pixel::AlphaMode::Opaque;
        }

        impl From<[f32; 3]> for $name {
            #[inline]
            fn from([$($field),+]: [f32; 3]) -> Self {
                Self { $($field),+ }
            }
        }

        impl From<$name> for [f32; 3] {
            #[inline]
            fn from(c: $name) -> Self {
                [$(c.$field),+]
            }
        }
    };
}
pub(crate) use color_type;

/// Hue in degrees, normalized to `[0, 360)`.
pub(crate) fn hue_degrees(b: f64, a: f64) -> f64 {
    let h = libm::atan2(b, a).to_degrees();
    if h < 0.0 { h + 360.0 } else { h }
}
