//! Decoding any supported format: options, format dispatch, readers and paths.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::{Decoded, Error, Format, Limits, Result, format, jpeg, png};

/// What [`decode_with`] produces for palette (colour type 3) PNGs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PaletteOutput {
    /// Expanded to [`Rgb8`](crate::DecodedImage::Rgb8), or
    /// [`Rgba8`](crate::DecodedImage::Rgba8) when the file has a `tRNS` chunk.
    #[default]
    Expand,
    /// Kept as [`Indexed`](crate::DecodedImage::Indexed): indices of 1, 2 and 4 bits
    /// unpacked to bytes, the palette with `tRNS` alpha applied.
    Indexed,
}

/// A JPEG decoded at reduced size by scaling the inverse DCT (for thumbnails): each
/// 8×8 block becomes 4×4, 2×2 or 1×1 pixels, skipping most of the work of a full
/// decode. Sizes round up: a 4000×3001 image at 1/8 is 500×376.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum JpegScale {
    /// Full size.
    #[default]
    Full,
    /// 1/2 in each direction.
    Half,
    /// 1/4.
    Quarter,
    /// 1/8.
    Eighth,
}

impl JpegScale {
    /// The divisor of each side.
    pub const fn denominator(self) -> u32 {
        match self {
            Self::Full => 1,
            Self::Half => 2,
            Self::Quarter => 4,
            Self::Eighth => 8,
        }
    }

    /// The largest scale whose result still covers `(min_width, min_height)` for an
    /// image of `(width, height)`: the one to decode before resizing to a thumbnail.
    ///
    /// ```
    /// use chiaro_codec::JpegScale;
    ///
    /// assert_eq!(JpegScale::at_least((4000, 3000), (400, 300)), JpegScale::Eighth);
    /// assert_eq!(JpegScale::at_least((4000, 3000), (800, 600)), JpegScale::Quarter);
    /// assert_eq!(JpegScale::at_least((4000, 3000), (4000, 1)), JpegScale::Full);
    /// ```
    pub fn at_least((width, height): (u32, u32), (min_width, min_height): (u32, u32)) -> Self {
        [Self::Eighth, Self::Quarter, Self::Half]
            .into_iter()
            .find(|s| {
                let (w, h) = s.apply((width, height));
                w >= min_width && h >= min_height
            })
            .unwrap_or(Self::Full)
    }

    /// The size of an image of `(width, height)` decoded at this scale.
    pub const fn apply(self, (width, height): (u32, u32)) -> (u32, u32) {
        let d = self.denominator();
        (width.div_ceil(d), height.div_ceil(d))
    }
}

/// How to decode.
///
/// ```
/// use chiaro_codec::{DecodeOptions, JpegScale, Limits};
///
/// let options = DecodeOptions::new()
///     .with_limits(Limits { max_pixels: 50_000_000, ..Limits::default() })
///     .with_jpeg_scale(JpegScale::Quarter);
/// assert!(options.apply_orientation);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// Size limits, checked from the header before allocating; [`Limits::default`].
    pub limits: Limits,
    /// Turn the image upright as its EXIF orientation says; `true` by default. The
    /// declared orientation is reported in [`Metadata::orientation`](crate::Metadata)
    /// either way.
    pub apply_orientation: bool,
    /// Palette PNGs expanded or kept indexed; expanded by default.
    pub palette: PaletteOutput,
    /// Reduced-size JPEG decoding; full size by default. PNG ignores it.
    pub jpeg_scale: JpegScale,
}

impl DecodeOptions {
    /// The defaults: default limits, orientation applied, palettes expanded, full size.
    pub fn new() -> Self {
        Self {
            limits: Limits::default(),
            apply_orientation: true,
            palette: PaletteOutput::Expand,
            jpeg_scale: JpegScale::Full,
        }
    }

    /// With `limits`.
    #[must_use]
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// With orientation applied or not.
    #[must_use]
    pub fn with_orientation(mut self, apply: bool) -> Self {
        self.apply_orientation = apply;
        self
    }

    /// With `palette` output.
    #[must_use]
    pub fn with_palette(mut self, palette: PaletteOutput) -> Self {
        self.palette = palette;
        self
    }

    /// With `scale` for JPEG.
    #[must_use]
    pub fn with_jpeg_scale(mut self, scale: JpegScale) -> Self {
        self.jpeg_scale = scale;
        self
    }
}

/// Decodes a PNG or JPEG file held in memory, with [`DecodeOptions::new`]. The format
/// is detected from the bytes.
///
/// ```
/// use chiaro_codec::{DecodedImage, decode, encode_png, PngOptions};
/// use chiaro_pixel::{Image, Rgb8};
///
/// let image = Image::filled(3, 2, Rgb8::new(10, 200, 30));
/// let png = encode_png(image.as_view(), &PngOptions::default())?;
/// let decoded = decode(&png)?;
/// assert_eq!(decoded.image, DecodedImage::Rgb8(image));
/// # Ok::<(), chiaro_codec::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    decode_with(bytes, &DecodeOptions::new())
}

/// Decodes a PNG or JPEG file held in memory.
///
/// Errors, never panics, on any input: [`Error::UnknownFormat`] for other formats,
/// [`Error::LimitExceeded`] (from the header, before allocating),
/// [`Error::Malformed`] and [`Error::Unsupported`].
pub fn decode_with(bytes: &[u8], options: &DecodeOptions) -> Result<Decoded> {
    let format = Format::detect(bytes).ok_or_else(|| Error::UnknownFormat {
        other: format::name_other(bytes),
    })?;
    let decoded = guard(format, || match format {
        Format::Png => png::decode(bytes, options),
        Format::Jpeg => jpeg::decode(bytes, options),
    })?;
    Ok(finish(decoded, options))
}

/// Reads a whole file from `reader` (at most [`Limits::max_alloc_bytes`] bytes) and
/// decodes it.
pub fn decode_reader<R: Read>(reader: R, options: &DecodeOptions) -> Result<Decoded> {
    let bytes = read_bounded(reader, &options.limits)?;
    decode_with(&bytes, options)
}

/// Reads and decodes the file at `path`. The format comes from the contents, not the
/// extension.
pub fn decode_path(path: impl AsRef<Path>, options: &DecodeOptions) -> Result<Decoded> {
    decode_reader(std::fs::File::open(path)?, options)
}

/// Everything `reader` yields, refused once it passes the allocation limit.
pub(crate) fn read_bounded<R: Read>(reader: R, limits: &Limits) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = limits.max_alloc_bytes.saturating_add(1);
    reader.take(cap).read_to_end(&mut bytes)?;
    limits.check_alloc(bytes.len() as u64)?;
    Ok(bytes)
}

/// Runs a wrapped decoder, turning a panic inside it into an error: a last line of
/// defence, since every input should be refused with an error before it can reach
/// one (the fuzz targets look for any that do).
fn guard<T>(format: Format, f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Error::malformed(
            format,
            "the decoder failed on damaged data",
        ))
    })
}

/// Applies the orientation if asked.
fn finish(mut decoded: Decoded, options: &DecodeOptions) -> Decoded {
    match decoded.metadata.orientation {
        Some(o) if options.apply_orientation => {
            decoded.image = decoded.image.oriented(o);
            decoded.orientation_applied = true;
        }
        _ => {}
    }
    decoded
}
