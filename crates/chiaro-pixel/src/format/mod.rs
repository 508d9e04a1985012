//! The pixel formats. Each is a `#[repr(C)]` struct of named channels implementing
//! [`Pixel`](crate::Pixel) and `bytemuck::Pod`.
//!
//! | family | formats |
//! |---|---|
//! | sRGB-encoded, opaque | [`Gray8`], [`Gray16`], [`GrayF32`], [`Rgb8`], [`Rgb16`], [`RgbF32`] |
//! | sRGB-encoded, straight alpha | [`GrayA8`], [`GrayA16`], [`Rgba8`], [`Rgba16`], [`RgbaF32`], [`Bgra8`] |
//! | sRGB-encoded, premultiplied | [`PremulRgba8`], [`PremulRgbaF32`] |
//! | linear light | [`LinGrayF32`], [`LinRgbF32`], [`LinRgbaF32`], [`LinPremulRgbaF32`] |
//!
//! `F32` formats hold normalized values (0.0–1.0 nominal), as machine-learning tensors
//! do; the sRGB-encoded `F32` formats hold *encoded* values, not light.

mod gray;
mod premul;
mod rgb;
mod rgba;

pub use gray::{Gray8, Gray16, GrayA8, GrayA16, GrayF32, LinGrayF32};
pub use premul::{LinPremulRgbaF32, PremulRgba8, PremulRgbaF32};
pub use rgb::{LinRgbF32, Rgb8, Rgb16, RgbF32};
pub use rgba::{Bgra8, LinRgbaF32, Rgba8, Rgba16, RgbaF32};

/// Defines one pixel format: the struct, its `Pixel` impl, a `const fn new` and
/// conversions to and from a channel array in memory order.
macro_rules! pixel_format {
    (
        $(#[$meta:meta])*
        pub struct $name:ident: [$ch:ty; $n:literal] {
            $( $(#[$fmeta:meta])* $field:ident ),+ $(,)?
        }
        model: $model:ident,
        alpha: $alpha:ident,
        encoding: $enc:ident,
        derive: [$($derive:ident),*] $(,)?
    ) => {
        $(#[$meta])*
        #[repr(C)]
        #[derive(Clone, Copy, Debug, Default, PartialEq, bytemuck::Pod, bytemuck::Zeroable $(, $derive)*)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ch, )+
        }

        impl $name {
            /// Creates a pixel from its channels in memory order.
            #[inline]
            pub const fn new($($field: $ch),+) -> Self {
                Self { $($field),+ }
            }
        }

        impl $crate::Pixel for $name {
            type Channel = $ch;
            type Encoding = $crate::$enc;
            const CHANNELS: usize = $n;
            const MODEL: $crate::ColorModel = $crate::ColorModel::$model;
            const ALPHA: $crate::AlphaMode = $crate::AlphaMode::$alpha;
        }

        impl From<[$ch; $n]> for $name {
            #[inline]
            fn from([$($field),+]: [$ch; $n]) -> Self {
                Self { $($field),+ }
            }
        }

        impl From<$name> for [$ch; $n] {
            #[inline]
            fn from(p: $name) -> Self {
                [$(p.$field),+]
            }
        }
    };
}
pub(crate) use pixel_format;
