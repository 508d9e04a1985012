//! PNG encoding over the `png` crate.

use std::borrow::Cow;
use std::io::Write;

use chiaro_pixel::{
    Gray8, Gray16, GrayA8, GrayA16, IndexedImage, Orientation, Pixel, Rgb8, Rgb16, Rgba8, Rgba16,
    View,
};
use png::{BitDepth, ColorType};

use crate::metadata::{PhysicalSize, PhysicalUnit, TextEntry};
use crate::{Error, Format, Result, exif};

/// Compression effort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Compression {
    /// Fastest useful compression (a PNG-tuned deflate): many times faster than
    /// `Default`, files about 15 % larger.
    Fast,
    /// A balance of time and size (zlib level 6 class).
    #[default]
    Default,
    /// The smallest files this encoder makes, slowly.
    Best,
}

/// The per-row prediction filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PngFilter {
    /// Chosen per row by a heuristic (minimum sum of absolute differences).
    #[default]
    Adaptive,
    /// No filter: best for palette images and flat graphics.
    None,
    /// Difference to the pixel on the left.
    Sub,
    /// Difference to the pixel above.
    Up,
    /// Difference to the mean of left and above.
    Average,
    /// Paeth predictor.
    Paeth,
}

/// How to encode a PNG.
///
/// ```
/// use chiaro_codec::{Compression, PngOptions, TextEntry};
///
/// let options = PngOptions::new()
///     .with_compression(Compression::Fast)
///     .with_text(TextEntry::new("Software", "chiaro"));
/// assert_eq!(options.text.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct PngOptions {
    /// Compression effort.
    pub compression: Compression,
    /// Row filter.
    pub filter: PngFilter,
    /// An ICC profile to embed (`iCCP`).
    pub icc_profile: Option<Vec<u8>>,
    /// Text chunks: `tEXt` when keyword and text are Latin-1, `iTXt` (UTF-8) otherwise.
    pub text: Vec<TextEntry>,
    /// Pixel density or aspect (`pHYs`); inch and centimetre densities are stored per
    /// metre, rounded.
    pub physical_size: Option<PhysicalSize>,
    /// An EXIF orientation to record (`eXIf`); the pixels are written as given.
    pub orientation: Option<Orientation>,
}

impl PngOptions {
    /// The defaults: default compression, adaptive filter, no metadata.
    pub fn new() -> Self {
        Self::default()
    }

    /// With `compression`.
    #[must_use]
    pub fn with_compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// With `filter`.
    #[must_use]
    pub fn with_filter(mut self, filter: PngFilter) -> Self {
        self.filter = filter;
        self
    }

    /// With an ICC profile.
    #[must_use]
    pub fn with_icc_profile(mut self, profile: Vec<u8>) -> Self {
        self.icc_profile = Some(profile);
        self
    }

    /// With one more text chunk.
    #[must_use]
    pub fn with_text(mut self, entry: TextEntry) -> Self {
        self.text.push(entry);
        self
    }

    /// With a physical size.
    #[must_use]
    pub fn with_physical_size(mut self, size: PhysicalSize) -> Self {
        self.physical_size = Some(size);
        self
    }

    /// With an EXIF orientation.
    #[must_use]
    pub fn with_orientation(mut self, orientation: Orientation) -> Self {
        self.orientation = Some(orientation);
        self
    }
}

/// A pixel type PNG stores as it is: grey or RGB, with or without alpha, 8 or 16 bits.
pub trait PngPixel: Pixel + sealed::Sealed {
    /// The PNG colour type and bit depth.
    #[doc(hidden)]
    const LAYOUT: (u8, u8);
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! png_pixel {
    ($($t:ty => $color:expr, $depth:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl PngPixel for $t {
            const LAYOUT: (u8, u8) = ($color, $depth);
        }
    )*};
}

png_pixel! {
    Gray8 => 0, 8;
    GrayA8 => 4, 8;
    Rgb8 => 2, 8;
    Rgba8 => 6, 8;
    Gray16 => 0, 16;
    GrayA16 => 4, 16;
    Rgb16 => 2, 16;
    Rgba16 => 6, 16;
}

/// Encodes `view` as a PNG into a new buffer.
///
/// ```
/// use chiaro_codec::{PngOptions, encode_png};
/// use chiaro_pixel::{Image, Rgba16};
///
/// let image = Image::filled(4, 4, Rgba16::new(65535, 0, 1234, 40000));
/// let png = encode_png(image.as_view(), &PngOptions::default())?;
/// assert_eq!(&png[1..4], b"PNG");
/// # Ok::<(), chiaro_codec::Error>(())
/// ```
pub fn encode_png<P: PngPixel>(view: View<'_, P>, options: &PngOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_png(view, &mut out, options)?;
    Ok(out)
}

/// Encodes `view` as a PNG into `writer`. 16-bit samples are written big-endian, as
/// PNG stores them.
///
/// Errors: [`Error::InvalidParameter`] for an empty image or a bad text keyword
/// (1–79 Latin-1 characters); [`Error::Io`] from the writer.
pub fn write_png<P: PngPixel, W: Write>(
    view: View<'_, P>,
    writer: W,
    options: &PngOptions,
) -> Result<()> {
    let (w, h) = view.size();
    let (color, depth) = P::LAYOUT;
    let color = ColorType::from_u8(color).unwrap_or(ColorType::Rgba);
    let depth = BitDepth::from_u8(depth).unwrap_or(BitDepth::Eight);
    let mut encoder = encoder(writer, w, h, options)?;
    encoder.set_color(color);
    encoder.set_depth(depth);
    let mut writer = encoder.write_header().map_err(map_error)?;
    writer
        .write_image_data(&samples(view, depth))
        .map_err(map_error)?;
    writer.finish().map_err(map_error)
}

/// Encodes `view` as a PNG file at `path` (created or truncated), through a buffered
/// writer.
pub fn save_png<P: PngPixel>(
    view: View<'_, P>,
    path: impl AsRef<std::path::Path>,
    options: &PngOptions,
) -> Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    write_png(view, &mut file, options)?;
    file.flush()?;
    Ok(())
}

/// The view's samples as PNG stores them: rows without padding, 16-bit big-endian.
fn samples<P: Pixel>(view: View<'_, P>, depth: BitDepth) -> Cow<'_, [u8]> {
    match (depth, view.as_slice()) {
        (BitDepth::Eight, Some(pixels)) => Cow::Borrowed(bytemuck::cast_slice(pixels)),
        (BitDepth::Eight, None) => Cow::Owned(
            view.rows()
                .flat_map(|r| bytemuck::cast_slice::<P, u8>(r).iter().copied())
                .collect(),
        ),
        _ => Cow::Owned(
            view.rows()
                .flat_map(|r| bytemuck::cast_slice::<P, u16>(r).iter().copied())
                .flat_map(u16::to_be_bytes)
                .collect(),
        ),
    }
}

/// Encodes a palette image as a PNG (colour type 3) into a new buffer: the smallest
/// bit depth (1, 2, 4 or 8) that holds its indices, and a `tRNS` chunk when any entry
/// is not opaque.
pub fn encode_png_indexed(image: &IndexedImage, options: &PngOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_png_indexed(image, &mut out, options)?;
    Ok(out)
}

/// [`encode_png_indexed`] into `writer`.
pub fn write_png_indexed<W: Write>(
    image: &IndexedImage,
    writer: W,
    options: &PngOptions,
) -> Result<()> {
    let (w, h) = image.size();
    let palette = image.palette();
    if palette.is_empty() {
        return Err(Error::InvalidParameter(
            "a PNG palette needs an entry".into(),
        ));
    }
    let bits: u8 = match palette.len() {
        0..=2 => 1,
        3..=4 => 2,
        5..=16 => 4,
        _ => 8,
    };
    let mut encoder = encoder(writer, w, h, options)?;
    encoder.set_color(ColorType::Indexed);
    encoder.set_depth(BitDepth::from_u8(bits).unwrap_or(BitDepth::Eight));
    encoder.set_palette(
        palette
            .iter()
            .flat_map(|c| [c.r, c.g, c.b])
            .collect::<Vec<u8>>(),
    );
    if let Some(last) = palette.iter().rposition(|c| c.a != 255) {
        encoder.set_trns(palette[..=last].iter().map(|c| c.a).collect::<Vec<u8>>());
    }
    let mut writer = encoder.write_header().map_err(map_error)?;
    writer
        .write_image_data(&pack(image.indices(), w as usize, bits))
        .map_err(map_error)?;
    writer.finish().map_err(map_error)
}

/// Packs byte indices into rows of `bits`-bit samples, most significant first.
fn pack(indices: &[u8], width: usize, bits: u8) -> Cow<'_, [u8]> {
    if bits == 8 {
        return Cow::Borrowed(indices);
    }
    let per_byte = usize::from(8 / bits);
    indices
        .chunks(width.max(1))
        .flat_map(|row| {
            row.chunks(per_byte).map(|group| {
                group.iter().enumerate().fold(0u8, |acc, (k, &i)| {
                    let shift = 8 - usize::from(bits) * (k + 1);
                    acc | (i << shift)
                })
            })
        })
        .collect::<Vec<u8>>()
        .into()
}

/// An encoder for a `w` × `h` image with the options' metadata, compression and filter.
fn encoder<W: Write>(
    writer: W,
    w: u32,
    h: u32,
    options: &PngOptions,
) -> Result<png::Encoder<'static, W>> {
    if w == 0 || h == 0 {
        return Err(Error::InvalidParameter(
            format!("a PNG needs at least one pixel; this image is {w}×{h}").into(),
        ));
    }
    let mut info = png::Info::with_size(w, h);
    info.icc_profile = options.icc_profile.clone().map(Cow::Owned);
    info.exif_metadata = options
        .orientation
        .map(|o| Cow::Owned(exif::with_orientation(o)));
    info.pixel_dims = options.physical_size.map(pixel_dims);
    for entry in &options.text {
        check_keyword(&entry.keyword)?;
        let latin1 = entry.text.chars().all(|c| u32::from(c) < 256);
        if latin1 {
            info.uncompressed_latin1_text
                .push(png::text_metadata::TEXtChunk::new(
                    &entry.keyword,
                    &entry.text,
                ));
        } else {
            info.utf8_text.push(png::text_metadata::ITXtChunk::new(
                &entry.keyword,
                &entry.text,
            ));
        }
    }
    let mut encoder = png::Encoder::with_info(writer, info).map_err(map_error)?;
    encoder.set_compression(match options.compression {
        Compression::Fast => png::Compression::Fast,
        Compression::Default => png::Compression::Balanced,
        Compression::Best => png::Compression::High,
    });
    encoder.set_filter(match options.filter {
        PngFilter::Adaptive => png::Filter::Adaptive,
        PngFilter::None => png::Filter::NoFilter,
        PngFilter::Sub => png::Filter::Sub,
        PngFilter::Up => png::Filter::Up,
        PngFilter::Average => png::Filter::Avg,
        PngFilter::Paeth => png::Filter::Paeth,
    });
    Ok(encoder)
}

/// A `pHYs` value: per metre for physical units, unitless for an aspect.
fn pixel_dims(size: PhysicalSize) -> png::PixelDimensions {
    let per_metre = |v: u32, per_unit_in_metres: f64| {
        let m = (f64::from(v) / per_unit_in_metres).round();
        // Clamped into range first.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to the u32 range and rounded"
        )]
        let v = m.clamp(0.0, f64::from(u32::MAX)) as u32;
        v
    };
    let (xppu, yppu, unit) = match size.unit {
        PhysicalUnit::Aspect => (size.x, size.y, png::Unit::Unspecified),
        PhysicalUnit::Metre => (size.x, size.y, png::Unit::Meter),
        PhysicalUnit::Centimetre => (
            per_metre(size.x, 0.01),
            per_metre(size.y, 0.01),
            png::Unit::Meter,
        ),
        PhysicalUnit::Inch => (
            per_metre(size.x, 0.0254),
            per_metre(size.y, 0.0254),
            png::Unit::Meter,
        ),
    };
    png::PixelDimensions { xppu, yppu, unit }
}

/// PNG keywords: 1–79 Latin-1 characters, no leading, trailing or double spaces.
fn check_keyword(keyword: &str) -> Result<()> {
    let ok = (1..=79).contains(&keyword.chars().count())
        && keyword
            .chars()
            .all(|c| matches!(u32::from(c), 32..=126 | 161..=255))
        && !keyword.starts_with(' ')
        && !keyword.ends_with(' ')
        && !keyword.contains("  ");
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidParameter(
            format!("PNG text keyword {keyword:?} is not 1–79 printable Latin-1 characters").into(),
        ))
    }
}

fn map_error(e: png::EncodingError) -> Error {
    match e {
        png::EncodingError::IoError(io) => Error::Io(io),
        other => Error::unsupported(Format::Png, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packing_puts_the_first_index_in_the_high_bits_and_pads_rows() {
        assert_eq!(&*pack(&[1, 0, 1, 1, 0], 5, 1), &[0b1011_0000]);
        assert_eq!(
            &*pack(&[3, 2, 1, 0, 3, 3], 3, 2),
            &[0b1110_0100, 0b0011_1100]
        );
        assert_eq!(&*pack(&[15, 1, 2], 3, 4), &[0xF1, 0x20]);
    }

    #[test]
    fn keywords_are_checked() {
        assert!(check_keyword("Title").is_ok());
        assert!(check_keyword("").is_err());
        assert!(check_keyword(" Title").is_err());
        assert!(check_keyword(&"k".repeat(80)).is_err());
        assert!(check_keyword("日本").is_err());
    }
}
