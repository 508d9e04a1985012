//! JPEG encoding over `jpeg-encoder`.

use std::borrow::Cow;
use std::io::Write;

use chiaro_pixel::{Gray8, Orientation, Pixel, Rgb8, Rgba8, View};
use jpeg_encoder::{ChromaSubsamplingMethod, ColorType, Encoder, EncodingError, SamplingFactor};

use crate::{Error, Format, Result, exif};

/// Chroma resolution of a colour JPEG.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Subsampling {
    /// Full-resolution chroma: the best colour edges, the largest files.
    S444,
    /// Chroma halved horizontally.
    S422,
    /// Chroma halved both ways: what cameras and most web images use.
    #[default]
    S420,
}

/// What a JPEG, which has no alpha, does with an RGBA image's alpha.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AlphaPolicy {
    /// Refuse images with any pixel not fully opaque ([`Error::InvalidParameter`]).
    #[default]
    Reject,
    /// Composite over this background (straight alpha, per channel, rounded; in the
    /// encoded values, as browsers blend).
    Composite(Rgb8),
}

/// How to encode a JPEG.
///
/// ```
/// use chiaro_codec::{JpegOptions, Subsampling};
///
/// let web = JpegOptions::new(85).with_progressive(true);
/// let archive = JpegOptions::new(95).with_subsampling(Subsampling::S444);
/// assert_eq!(web.subsampling, Subsampling::S420);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct JpegOptions {
    /// Quality 1–100 (the IJG scale); 85 by default.
    pub quality: u8,
    /// Chroma subsampling for colour images; 4:2:0 by default. Chroma is averaged
    /// over each block, not sampled from one pixel.
    pub subsampling: Subsampling,
    /// Progressive scans (smaller, shown coarse-to-fine while loading); off by default.
    pub progressive: bool,
    /// Huffman tables fitted to the image (smaller, a little slower); on by default.
    pub optimize_huffman: bool,
    /// A restart marker every this many MCUs (resilience to damage); none by default.
    pub restart_interval: Option<u16>,
    /// What to do with alpha in RGBA input.
    pub alpha: AlphaPolicy,
    /// An ICC profile to embed.
    pub icc_profile: Option<Vec<u8>>,
    /// An EXIF orientation to record (the pixels are written as given).
    pub orientation: Option<Orientation>,
}

impl Default for JpegOptions {
    fn default() -> Self {
        Self::new(85)
    }
}

impl JpegOptions {
    /// Defaults at `quality`.
    pub fn new(quality: u8) -> Self {
        Self {
            quality,
            subsampling: Subsampling::S420,
            progressive: false,
            optimize_huffman: true,
            restart_interval: None,
            alpha: AlphaPolicy::Reject,
            icc_profile: None,
            orientation: None,
        }
    }

    /// With `subsampling`.
    #[must_use]
    pub fn with_subsampling(mut self, subsampling: Subsampling) -> Self {
        self.subsampling = subsampling;
        self
    }

    /// With progressive scans or not.
    #[must_use]
    pub fn with_progressive(mut self, progressive: bool) -> Self {
        self.progressive = progressive;
        self
    }

    /// With fitted Huffman tables or the standard ones.
    #[must_use]
    pub fn with_optimized_huffman(mut self, optimize: bool) -> Self {
        self.optimize_huffman = optimize;
        self
    }

    /// With a restart interval (MCUs), or none.
    #[must_use]
    pub fn with_restart_interval(mut self, interval: Option<u16>) -> Self {
        self.restart_interval = interval;
        self
    }

    /// With an alpha policy.
    #[must_use]
    pub fn with_alpha(mut self, alpha: AlphaPolicy) -> Self {
        self.alpha = alpha;
        self
    }

    /// With an ICC profile.
    #[must_use]
    pub fn with_icc_profile(mut self, profile: Vec<u8>) -> Self {
        self.icc_profile = Some(profile);
        self
    }

    /// With an EXIF orientation.
    #[must_use]
    pub fn with_orientation(mut self, orientation: Orientation) -> Self {
        self.orientation = Some(orientation);
        self
    }
}

/// A pixel type a JPEG can hold: [`Gray8`], [`Rgb8`], and [`Rgba8`] (under an
/// [`AlphaPolicy`]).
pub trait JpegPixel: sealed::Samples {}

impl JpegPixel for Gray8 {}
impl JpegPixel for Rgb8 {}
impl JpegPixel for Rgba8 {}

mod sealed {
    use std::borrow::Cow;

    use chiaro_pixel::{Gray8, Pixel, Rgb8, Rgba8, View};

    use super::{AlphaPolicy, contiguous};
    use crate::{Error, Result};

    /// The encoder's input layouts.
    #[derive(Clone, Copy, Debug)]
    pub enum Layout {
        Gray,
        Rgb,
        /// RGBA, alpha ignored by the encoder (checked opaque first).
        Rgba,
    }

    /// Contiguous samples in the encoder's layout, borrowed when the view allows.
    pub trait Samples: Pixel {
        fn samples(view: View<'_, Self>, alpha: AlphaPolicy) -> Result<(Cow<'_, [u8]>, Layout)>;
    }

    impl Samples for Gray8 {
        fn samples(view: View<'_, Self>, _: AlphaPolicy) -> Result<(Cow<'_, [u8]>, Layout)> {
            Ok((contiguous(view), Layout::Gray))
        }
    }

    impl Samples for Rgb8 {
        fn samples(view: View<'_, Self>, _: AlphaPolicy) -> Result<(Cow<'_, [u8]>, Layout)> {
            Ok((contiguous(view), Layout::Rgb))
        }
    }

    impl Samples for Rgba8 {
        fn samples(view: View<'_, Self>, alpha: AlphaPolicy) -> Result<(Cow<'_, [u8]>, Layout)> {
            match alpha {
                AlphaPolicy::Reject => {
                    if let Some((x, y, _)) = view.enumerate_pixels().find(|(_, _, p)| p.a != 255) {
                        return Err(Error::InvalidParameter(
                            format!(
                                "pixel ({x}, {y}) is not opaque and JPEG has no alpha; \
                                 choose AlphaPolicy::Composite"
                            )
                            .into(),
                        ));
                    }
                    Ok((contiguous(view), Layout::Rgba))
                }
                AlphaPolicy::Composite(bg) => {
                    let rgb = view
                        .pixels()
                        .flat_map(|p| {
                            let mix = |c: u8, b: u8| {
                                let a = u32::from(p.a);
                                let v = u32::from(c) * a + u32::from(b) * (255 - a);
                                u8::try_from((v + 127) / 255).unwrap_or(u8::MAX)
                            };
                            [mix(p.r, bg.r), mix(p.g, bg.g), mix(p.b, bg.b)]
                        })
                        .collect();
                    Ok((Cow::Owned(rgb), Layout::Rgb))
                }
            }
        }
    }
}

/// The view's bytes, borrowed when it has no row padding, copied row by row otherwise.
fn contiguous<P: Pixel>(view: View<'_, P>) -> Cow<'_, [u8]> {
    match view.as_slice() {
        Some(pixels) => Cow::Borrowed(bytemuck::cast_slice(pixels)),
        None => Cow::Owned(
            view.rows()
                .flat_map(|row| bytemuck::cast_slice::<P, u8>(row).iter().copied())
                .collect(),
        ),
    }
}

/// Encodes `view` as a JPEG into a new buffer.
///
/// ```
/// use chiaro_codec::{JpegOptions, encode_jpeg};
/// use chiaro_pixel::{Image, Rgb8};
///
/// let image = Image::from_fn(64, 48, |x, y| Rgb8::new((x * 4) as u8, (y * 5) as u8, 128));
/// let jpeg = encode_jpeg(image.as_view(), &JpegOptions::new(90))?;
/// assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
/// # Ok::<(), chiaro_codec::Error>(())
/// ```
pub fn encode_jpeg<P: JpegPixel>(view: View<'_, P>, options: &JpegOptions) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_jpeg(view, &mut out, options)?;
    Ok(out)
}

/// Encodes `view` as a JPEG into `writer`.
///
/// Errors: [`Error::InvalidParameter`] for quality outside 1–100, an empty image, a
/// side over 65,535 pixels (the format's limit), non-opaque RGBA under
/// [`AlphaPolicy::Reject`], or an ICC profile over 16 MB; [`Error::Io`] from the
/// writer.
pub fn write_jpeg<P: JpegPixel, W: Write>(
    view: View<'_, P>,
    writer: W,
    options: &JpegOptions,
) -> Result<()> {
    if !(1..=100).contains(&options.quality) {
        return Err(Error::InvalidParameter(
            format!("JPEG quality {} is outside 1–100", options.quality).into(),
        ));
    }
    let (w, h) = view.size();
    let side = |v: u32| {
        u16::try_from(v).ok().filter(|&v| v > 0).ok_or_else(|| {
            Error::InvalidParameter(
                format!("a JPEG side must be 1–65535 pixels; this image is {w}×{h}").into(),
            )
        })
    };
    let (w16, h16) = (side(w)?, side(h)?);
    let (samples, layout) = P::samples(view, options.alpha)?;
    let mut encoder = Encoder::new(writer, options.quality);
    encoder.set_sampling_factor(match options.subsampling {
        Subsampling::S444 => SamplingFactor::R_4_4_4,
        Subsampling::S422 => SamplingFactor::R_4_2_2,
        Subsampling::S420 => SamplingFactor::R_4_2_0,
    });
    encoder.set_chroma_subsampling_method(ChromaSubsamplingMethod::Average);
    encoder.set_progressive(options.progressive);
    encoder.set_optimized_huffman_tables(options.optimize_huffman);
    if let Some(interval) = options.restart_interval {
        encoder.set_restart_interval(interval);
    }
    if let Some(o) = options.orientation {
        encoder
            .add_exif_metadata(&exif::with_orientation(o))
            .map_err(map_error)?;
    }
    if let Some(icc) = &options.icc_profile {
        encoder.add_icc_profile(icc).map_err(map_error)?;
    }
    let color = match layout {
        sealed::Layout::Gray => ColorType::Luma,
        sealed::Layout::Rgb => ColorType::Rgb,
        sealed::Layout::Rgba => ColorType::Rgba,
    };
    encoder.encode(&samples, w16, h16, color).map_err(map_error)
}

/// Encodes `view` as a JPEG file at `path` (created or truncated), through a
/// buffered writer.
pub fn save_jpeg<P: JpegPixel>(
    view: View<'_, P>,
    path: impl AsRef<std::path::Path>,
    options: &JpegOptions,
) -> Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    write_jpeg(view, &mut file, options)?;
    file.flush()?;
    Ok(())
}

fn map_error(e: EncodingError) -> Error {
    match e {
        EncodingError::IoError(io) => Error::Io(io),
        EncodingError::IccTooLarge(n) => Error::InvalidParameter(
            format!("ICC profile of {n} bytes is over the 16 MB JPEG can hold").into(),
        ),
        other => Error::unsupported(Format::Jpeg, other.to_string()),
    }
}
