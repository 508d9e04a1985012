//! PNG and JPEG for chiaro, safe to point at untrusted uploads.
//!
//! - **Probe** a file's header without decoding ([`probe`], [`probe_reader`]): format,
//!   size, colour model, bit depth, alpha, interlacing, EXIF orientation, ICC presence.
//! - **Decode** to the pixel type that holds the samples exactly ([`decode`],
//!   [`decode_with`]): every PNG colour type and depth (16-bit stays 16-bit, palettes
//!   expanded or kept as an [`IndexedImage`](chiaro_pixel::IndexedImage)), and
//!   baseline, progressive and lossless JPEG in grey, Y′CbCr, RGB, CMYK and YCCK, at
//!   full size or 1/2, 1/4, 1/8 for thumbnails. Metadata comes along: orientation
//!   (applied by default), ICC profile, EXIF, gamma, sRGB intent, density, text.
//! - **Limits** ([`Limits`]) on width, height, pixel count and allocation, checked
//!   from the header before any pixel buffer exists. Neither wrapped decoder protects
//!   you by itself: `png` accepts a 100000×100000 header, and `jpeg-decoder` asks for
//!   gigabytes on a 65535×65535 one.
//! - **Damaged files**: errors, never panics. A JPEG missing only its end marker
//!   decodes in full, as browsers do, and a progressive one cut short decodes the scans
//!   it has; see [`Decoded::truncated`].
//! - **Encode** PNG ([`encode_png`], [`encode_png_indexed`]) with compression presets,
//!   filters, ICC, text, density and orientation; JPEG ([`encode_jpeg`]) with quality,
//!   4:4:4/4:2:2/4:2:0, progressive, fitted Huffman tables, restart markers, ICC and
//!   orientation, and a stated policy for alpha.
//! - One [`Error`] type that says what went wrong and where.
//!
//! ```
//! use chiaro_codec::{DecodeOptions, DecodedImage, JpegOptions, Limits, encode_jpeg, decode_with};
//! use chiaro_pixel::{Image, Orientation, Rgb8};
//!
//! // A landscape picture, stored as a camera held upright stores it, tagged to turn.
//! let stored = Image::from_fn(40, 30, |x, y| Rgb8::new((x * 6) as u8, (y * 8) as u8, 90));
//! let jpeg = encode_jpeg(
//!     stored.as_view(),
//!     &JpegOptions::new(90).with_orientation(Orientation::Rotate90),
//! )?;
//!
//! let options = DecodeOptions::new().with_limits(Limits { max_pixels: 10_000, ..Limits::default() });
//! let decoded = decode_with(&jpeg, &options)?;
//! assert_eq!(decoded.metadata.orientation, Some(Orientation::Rotate90));
//! assert_eq!(decoded.image.size(), (30, 40)); // turned upright
//! assert!(matches!(decoded.image, DecodedImage::Rgb8(_)));
//!
//! // The same file with a tighter limit is refused before decoding.
//! let strict = DecodeOptions::new().with_limits(Limits { max_pixels: 1000, ..Limits::default() });
//! assert!(decode_with(&jpeg, &strict).is_err());
//! # Ok::<(), chiaro_codec::Error>(())
//! ```
//!
//! # Feature flags
//!
//! - `image`: conversion between [`DecodedImage`] and `image::DynamicImage`.

#![forbid(unsafe_code)]

mod decode;
mod decoded;
mod error;
mod exif;
mod format;
#[cfg(feature = "image")]
mod interop_image;
mod jpeg;
mod limits;
mod metadata;
mod png;
mod probe;

pub use decode::{
    DecodeOptions, JpegScale, PaletteOutput, decode, decode_path, decode_reader, decode_with,
};
pub use decoded::{Decoded, DecodedImage};
pub use error::{Error, Result};
pub use format::Format;
pub use jpeg::{
    AlphaPolicy, JpegOptions, JpegPixel, Subsampling, encode_jpeg, save_jpeg, write_jpeg,
};
pub use limits::{LimitKind, Limits};
pub use metadata::{Animation, Metadata, PhysicalSize, PhysicalUnit, RenderingIntent, TextEntry};
pub use png::{
    Compression, PngFilter, PngOptions, PngPixel, encode_png, encode_png_indexed, save_png,
    write_png, write_png_indexed,
};
pub use probe::{ColorKind, ProbeInfo, probe, probe_reader};
