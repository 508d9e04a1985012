//! chiaro: 2D imaging for Rust in one coherent API.
//!
//! This umbrella crate re-exports chiaro's crates behind features, so a program can
//! depend on `chiaro` alone, while a library that needs one piece can depend on that
//! crate directly. Available now:
//!
//! | module | crate | what it holds |
//! |---|---|---|
//! | [`pixel`] | `chiaro-pixel` | pixel formats that carry alpha mode and encoding, images, strided views, splits, conversions |
//! | [`color`] | `chiaro-color` | transfer functions, colour spaces, Y′CbCr, ΔE, palettes and quantization, colormaps and heatmaps, image comparison |
//! | [`codec`] | `chiaro-codec` | PNG and JPEG: probing, decoding under limits, EXIF orientation, metadata, encoding |
//!
//! Drawing, image operations and text arrive as their crates land; see the
//! repository's `docs/architecture.md`.
//!
//! ```
//! use chiaro::prelude::*;
//!
//! let straight = Image::filled(4, 4, Rgba8::new(255, 128, 0, 128));
//! let premul: Image<PremulRgba8> = straight.into_converted();
//! assert_eq!(premul.get(0, 0), Some(&PremulRgba8::new(128, 64, 0, 128)));
//! ```
//!
//! # Feature flags
//!
//! - `std` (default): links the standard library in every enabled crate.
//! - `pixel` (default): [`pixel`], the pixel crate.
//! - `color` (default): [`color`], the colour crate.
//! - `codec` (default): [`codec`], PNG and JPEG (needs `std`).
//! - `palette`: `From`/`Into` between chiaro's colour types and the `palette` crate's.
//! - `rayon`: parallel iteration over rows, bands and tiles.
//! - `rgb`: zero-copy casts to and from the `rgb` crate's pixel types.
//! - `image`: conversion to and from the `image` crate's buffers.

#![no_std]
#![forbid(unsafe_code)]

#[cfg(feature = "pixel")]
#[doc(inline)]
pub use chiaro_pixel as pixel;

#[cfg(feature = "color")]
#[doc(inline)]
pub use chiaro_color as color;

#[cfg(feature = "codec")]
#[doc(inline)]
pub use chiaro_codec as codec;

#[cfg(feature = "draw")]
#[doc(inline)]
pub use chiaro_draw as draw;

#[cfg(feature = "ops")]
#[doc(inline)]
pub use chiaro_ops as ops;

/// The names most programs need, for a glob import.
pub mod prelude {
    #[cfg(feature = "codec")]
    pub use chiaro_codec::{DecodeOptions, Decoded, DecodedImage, Limits};
    #[cfg(feature = "draw")]
    pub use chiaro_draw::{
        BlendMode, FillOptions, FillRule, Paint, Path, PathBuilder, Point, Renderer, Transform,
        Vec2,
    };
    #[cfg(feature = "pixel")]
    pub use chiaro_pixel::{
        Bgra8, FromPixel, Gray8, Gray16, GrayA8, GrayA16, GrayF32, Image, IndexedImage, IntoPixel,
        LinGrayF32, LinPremulRgbaF32, LinRgbF32, LinRgbaF32, Orientation, Pixel, PremulRgba8,
        PremulRgbaF32, Rect, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32, View, ViewMut,
    };
}
