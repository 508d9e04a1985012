//! Decoded images: the pixels in the type that holds them exactly, and what the file
//! said about them.

use chiaro_pixel::{
    Gray8, Gray16, GrayA8, GrayA16, Image, IndexedImage, Orientation, Rgb8, Rgb16, Rgba8, Rgba16,
};

use crate::{Format, Metadata};

/// A decoded image in the pixel type that holds its samples without loss: 8- or 16-bit,
/// grey or colour, with or without alpha, or palette indices.
///
/// PNG gives every variant (grey images of 1, 2 and 4 bits are scaled to 8, and a
/// `tRNS` colour key becomes an alpha channel); JPEG gives [`Gray8`](Self::Gray8),
/// [`Rgb8`](Self::Rgb8) and, for lossless 16-bit files, [`Gray16`](Self::Gray16).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DecodedImage {
    /// 8-bit grey.
    Gray8(Image<Gray8>),
    /// 8-bit grey with straight alpha.
    GrayA8(Image<GrayA8>),
    /// 8-bit RGB.
    Rgb8(Image<Rgb8>),
    /// 8-bit RGBA, straight alpha.
    Rgba8(Image<Rgba8>),
    /// 16-bit grey.
    Gray16(Image<Gray16>),
    /// 16-bit grey with straight alpha.
    GrayA16(Image<GrayA16>),
    /// 16-bit RGB.
    Rgb16(Image<Rgb16>),
    /// 16-bit RGBA, straight alpha.
    Rgba16(Image<Rgba16>),
    /// Palette indices and the palette (PNG colour type 3, when asked for).
    Indexed(IndexedImage),
}

/// Applies `$body` to the image inside any variant but `Indexed`, binding it to `$img`.
macro_rules! each_image {
    ($value:expr, $img:ident => $body:expr, $indexed:ident => $other:expr) => {
        match $value {
            DecodedImage::Gray8($img) => $body,
            DecodedImage::GrayA8($img) => $body,
            DecodedImage::Rgb8($img) => $body,
            DecodedImage::Rgba8($img) => $body,
            DecodedImage::Gray16($img) => $body,
            DecodedImage::GrayA16($img) => $body,
            DecodedImage::Rgb16($img) => $body,
            DecodedImage::Rgba16($img) => $body,
            DecodedImage::Indexed($indexed) => $other,
        }
    };
}

/// Like [`each_image!`], rebuilding the same variant from `$body`.
macro_rules! map_image {
    ($value:expr, $img:ident => $body:expr, $indexed:ident => $other:expr) => {
        match $value {
            DecodedImage::Gray8($img) => DecodedImage::Gray8($body),
            DecodedImage::GrayA8($img) => DecodedImage::GrayA8($body),
            DecodedImage::Rgb8($img) => DecodedImage::Rgb8($body),
            DecodedImage::Rgba8($img) => DecodedImage::Rgba8($body),
            DecodedImage::Gray16($img) => DecodedImage::Gray16($body),
            DecodedImage::GrayA16($img) => DecodedImage::GrayA16($body),
            DecodedImage::Rgb16($img) => DecodedImage::Rgb16($body),
            DecodedImage::Rgba16($img) => DecodedImage::Rgba16($body),
            DecodedImage::Indexed($indexed) => $other,
        }
    };
}

impl DecodedImage {
    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        each_image!(self, img => img.size(), indexed => indexed.size())
    }

    /// Bits per sample: 8 or 16 (indices count as 8).
    pub fn bit_depth(&self) -> u8 {
        match self {
            Self::Gray16(_) | Self::GrayA16(_) | Self::Rgb16(_) | Self::Rgba16(_) => 16,
            _ => 8,
        }
    }

    /// Whether the pixels carry alpha (for an indexed image: whether any palette entry
    /// is not opaque).
    pub fn has_alpha(&self) -> bool {
        match self {
            Self::GrayA8(_) | Self::Rgba8(_) | Self::GrayA16(_) | Self::Rgba16(_) => true,
            Self::Indexed(i) => i.palette().iter().any(|c| c.a != 255),
            _ => false,
        }
    }

    /// The image as 8-bit RGBA: grey is replicated, 16-bit samples are rounded to 8
    /// bits (`v / 257`, rounded), an absent alpha is opaque, palettes are expanded.
    pub fn to_rgba8(&self) -> Image<Rgba8> {
        each_image!(self, img => img.convert(), indexed => indexed.expand())
    }

    /// [`to_rgba8`](Self::to_rgba8), reusing the buffer when the image is already
    /// 8-bit RGBA.
    pub fn into_rgba8(self) -> Image<Rgba8> {
        match self {
            Self::Rgba8(img) => img,
            other => other.to_rgba8(),
        }
    }

    /// The image as 8-bit RGB, with alpha dropped (not composited), reusing the buffer
    /// when the image is already 8-bit RGB.
    pub fn into_rgb8(self) -> Image<Rgb8> {
        match self {
            Self::Rgb8(img) => img,
            other => {
                each_image!(&other, img => img.convert(), indexed => indexed.expand().convert())
            }
        }
    }

    /// The image as displayed under `orientation` (see
    /// [`Image::oriented`](chiaro_pixel::Image::oriented)); an indexed image is
    /// reordered the same way.
    #[must_use]
    pub fn oriented(self, orientation: Orientation) -> Self {
        map_image!(self, img => img.oriented(orientation), indexed => {
            DecodedImage::Indexed(indexed.oriented(orientation))
        })
    }
}

/// A decoded file: the pixels and what the file said about them.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Decoded {
    /// The pixels.
    pub image: DecodedImage,
    /// The file's format.
    pub format: Format,
    /// What the file declared besides the pixels.
    pub metadata: Metadata,
    /// Whether [`metadata.orientation`](Metadata::orientation) was applied to `image`
    /// (so that it displays upright as it is).
    pub orientation_applied: bool,
    /// The JPEG ended without its end-of-image marker, and was decoded as far as it
    /// goes. When only the marker was missing (a common damage) the image is complete.
    /// A progressive file cut short shows its coarser scans, blocks with no data at
    /// all flat mid-grey; a baseline file cut inside its scan is an error instead
    /// (the wrapped decoder cannot return part of a scan). Always `false` for PNG,
    /// where a file that ends early is an error.
    pub truncated: bool,
}
