//! Channel order: every convertible format as four channels in R, G, B, A order.
//!
//! Gray formats replicate luma into R, G and B and read R back (the caller has already
//! put luma there); opaque formats report full alpha and ignore alpha on the way back;
//! BGRA swaps red and blue.

use crate::convert::channel::ChannelMath;
use crate::format::{
    Bgra8, Gray8, Gray16, GrayA8, GrayA16, GrayF32, LinGrayF32, LinPremulRgbaF32, LinRgbF32,
    LinRgbaF32, PremulRgba8, PremulRgbaF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32,
};
use crate::{Channel, Pixel};

/// A chiaro pixel format that converts through RGBA. Not nameable outside the crate,
/// which keeps [`FromPixel`](crate::FromPixel) to chiaro's own formats.
pub trait ToRgba: Pixel<Channel: ChannelMath> {
    /// The pixel as `[r, g, b, a]` in its own alpha mode.
    fn to_rgba(self) -> [Self::Channel; 4];
    /// The pixel from `[r, g, b, a]` in its own alpha mode; gray formats take `r`.
    fn from_rgba(v: [Self::Channel; 4]) -> Self;
}

macro_rules! to_rgba {
    (gray: $($t:ty),+) => {$(
        impl ToRgba for $t {
            #[inline(always)]
            fn to_rgba(self) -> [Self::Channel; 4] {
                [self.v, self.v, self.v, <Self::Channel as Channel>::MAX]
            }
            #[inline(always)]
            fn from_rgba(v: [Self::Channel; 4]) -> Self {
                Self { v: v[0] }
            }
        }
    )+};
    (gray_alpha: $($t:ty),+) => {$(
        impl ToRgba for $t {
            #[inline(always)]
            fn to_rgba(self) -> [Self::Channel; 4] {
                [self.v, self.v, self.v, self.a]
            }
            #[inline(always)]
            fn from_rgba(v: [Self::Channel; 4]) -> Self {
                Self { v: v[0], a: v[3] }
            }
        }
    )+};
    (rgb: $($t:ty),+) => {$(
        impl ToRgba for $t {
            #[inline(always)]
            fn to_rgba(self) -> [Self::Channel; 4] {
                [self.r, self.g, self.b, <Self::Channel as Channel>::MAX]
            }
            #[inline(always)]
            fn from_rgba([r, g, b, _]: [Self::Channel; 4]) -> Self {
                Self { r, g, b }
            }
        }
    )+};
    (rgba: $($t:ty),+) => {$(
        impl ToRgba for $t {
            #[inline(always)]
            fn to_rgba(self) -> [Self::Channel; 4] {
                [self.r, self.g, self.b, self.a]
            }
            #[inline(always)]
            fn from_rgba([r, g, b, a]: [Self::Channel; 4]) -> Self {
                Self { r, g, b, a }
            }
        }
    )+};
}

to_rgba!(gray: Gray8, Gray16, GrayF32, LinGrayF32);
to_rgba!(gray_alpha: GrayA8, GrayA16);
to_rgba!(rgb: Rgb8, Rgb16, RgbF32, LinRgbF32);
to_rgba!(rgba: Rgba8, Rgba16, RgbaF32, LinRgbaF32, Bgra8, PremulRgba8, PremulRgbaF32, LinPremulRgbaF32);
