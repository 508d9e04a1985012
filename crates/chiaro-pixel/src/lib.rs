//! Typed pixel buffers: the core every other chiaro crate builds on.
//!
//! - **Pixel formats whose type says what the numbers mean.** [`Rgba8`] is straight
//!   alpha, [`PremulRgba8`] is premultiplied; [`RgbaF32`] holds sRGB-encoded values,
//!   [`LinRgbaF32`] linear light. Compositing straight alpha as premultiplied, or
//!   blurring encoded values as if they were light, is a type error rather than a halo.
//!   See [`Pixel`] and the [`format`] module.
//! - **Owned images and borrowed views with any row stride**: [`Image`], [`View`],
//!   [`ViewMut`], with checked [`sub_view`](View::sub_view)s that share memory.
//! - **Disjoint mutable splits** at a row, into bands and into tiles, so parts of one
//!   image can be written at the same time, race-free by construction (and in parallel
//!   with the `rayon` feature).
//! - **Conversions** between every pair of formats in one family, with stated rounding
//!   rules, and fast whole-image paths: see [`convert`](mod@convert).
//! - [`IndexedImage`]: palette images whose indices are always valid.
//! - **Lossless layout transforms**: flips, transposes and quarter turns, named by the
//!   EXIF [`Orientation`] they display (the [`orient`] module).
//!
//! ```
//! use chiaro_pixel::{Image, PremulRgba8, Rect, Rgba8};
//!
//! // A 64×32 gradient whose alpha falls from left to right.
//! let straight = Image::from_fn(64, 32, |x, y| {
//!     Rgba8::new(255, (y * 8) as u8, 0, 255 - (x * 4) as u8)
//! });
//!
//! // Compositing wants premultiplied pixels: the conversion is explicit and reuses
//! // the buffer.
//! let mut premul: Image<PremulRgba8> = straight.into_converted();
//! assert_eq!(premul.get(32, 0), Some(&PremulRgba8::new(127, 0, 0, 127)));
//!
//! // Work on a region in place, through a checked sub-view.
//! let mut corner = premul.sub_view_mut(Rect::new(48, 16, 16, 16))?;
//! corner.fill(PremulRgba8::TRANSPARENT);
//! assert_eq!(premul.get(63, 31), Some(&PremulRgba8::TRANSPARENT));
//!
//! // A region outside the image is an error that names both.
//! let err = premul.sub_view(Rect::new(60, 0, 8, 8)).unwrap_err();
//! assert_eq!(err.to_string(), "region 8×8 at (60, 0) is not within the 64×32 bounds");
//! # Ok::<(), chiaro_pixel::RegionError>(())
//! ```
//!
//! # Feature flags
//!
//! - `std` (default): links the standard library. Enables run-time CPU feature
//!   detection, so the conversion kernels use AVX2 where the CPU has it, and is
//!   required by `rayon` and `image`. Without it the crate is `no_std` + `alloc`; the
//!   error types implement `core::error::Error` either way.
//! - `rayon`: parallel iterators over rows, bands and tiles (`par_rows_mut`, …).
//! - `rgb`: zero-copy casts to and from the `rgb` crate's pixel types.
//! - `image`: conversion to and from `image::ImageBuffer`, zero-copy where possible.
//! - `palette`: `From`/`Into` between the sRGB and linear pixel types and the `palette`
//!   crate's colour types.

#![no_std]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod cast;
pub mod convert;
mod error;
pub mod format;
mod geom;
mod image;
mod indexed;
pub mod interop;
pub mod orient;
#[cfg(feature = "rayon")]
mod par;
mod pixel;
mod simd;
mod split;
mod view;

pub use convert::{FromPixel, IntoPixel, convert, convert_slice};
pub use error::{IndexedError, LayoutError, RegionError, RowOutOfRange, SizeMismatch};
pub use format::{
    Bgra8, Gray8, Gray16, GrayA8, GrayA16, GrayF32, LinGrayF32, LinPremulRgbaF32, LinRgbF32,
    LinRgbaF32, PremulRgba8, PremulRgbaF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32,
};
pub use geom::Rect;
pub use image::Image;
pub use indexed::IndexedImage;
pub use orient::Orientation;
pub use pixel::{
    AlphaMode, Channel, ChannelType, ColorModel, Encoding, EncodingFamily, LinearLight,
    OtherEncoding, Pixel, SrgbEncoded,
};
pub use split::{RowChunksMut, TileMut, TilesMut};
pub use view::{Rows, RowsMut, View, ViewMut};
