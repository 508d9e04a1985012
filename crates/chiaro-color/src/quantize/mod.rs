//! Palettes, nearest-colour search, colour quantization and dithering.
//!
//! - [`Palette`]: 1 to 256 [`Rgba8`] colours, with fixed palettes
//!   ([`grayscale`](Palette::grayscale), [`web_safe`](Palette::web_safe)).
//! - [`Nearest`]: exact nearest-colour search over a palette under a [`Metric`]
//!   ([`Rgb`](Metric::Rgb) or [`Oklab`](Metric::Oklab)), fast enough for whole images.
//! - [`quantize`]: an image to at most N colours, as an [`IndexedImage`];
//!   [`palette_for`] builds only the palette.
//! - [`remap`]: an image onto a palette you give, for example a fixed one or one shared
//!   by the frames of an animation.
//! - [`Dither`]: none, Floyd–Steinberg (in linear light) or ordered 8×8 Bayer.
//!
//! ```
//! use chiaro_color::quantize::{Dither, QuantizeOptions, quantize};
//! use chiaro_pixel::{Image, Rgba8};
//!
//! // A gradient with a transparent border.
//! let image = Image::from_fn(64, 64, |x, y| {
//!     let edge = x == 0 || y == 0 || x == 63 || y == 63;
//!     Rgba8::new((x * 4) as u8, (y * 4) as u8, 128, if edge { 0 } else { 255 })
//! });
//! let options = QuantizeOptions::new(16).with_dither(Dither::FloydSteinberg);
//! let indexed = quantize(image.as_view(), &options)?;
//! assert_eq!(indexed.palette().len(), 16);
//! // The transparent pixels share one entry, first in the palette.
//! assert_eq!(indexed.palette()[0], Rgba8::TRANSPARENT);
//! assert_eq!(indexed.index(0, 0), Some(0));
//! # Ok::<(), chiaro_color::quantize::QuantizeError>(())
//! ```
//!
//! # How [`quantize`] works
//!
//! 1. **Histogram.** The distinct colours of the pixels at or above the alpha threshold
//!    are counted (a hash table). If there are no more of them than the colours
//!    allowed, they *are* the palette and the result is lossless, dithering or not.
//! 2. **Wu's quantizer in Oklab.** Each distinct colour is converted to Oklab and
//!    binned, with its count, into cumulative moment tables over a 64 × 32 × 32 grid;
//!    boxes are cut greedily at the plane that most lowers the squared error (see the
//!    `wu` module). Oklab rather than RGB because squared error there tracks visible
//!    error: an RGB quantizer spends colours on dark shades the eye cannot tell apart
//!    and too few on light, saturated ones; rather than CIE Lab because Oklab is more
//!    uniform in hue and as cheap.
//! 3. **k-means refinement.** A few Lloyd passes over the distinct colours, weighted
//!    by count ([`QuantizeOptions::refine_passes`]), move each mean to the centroid of
//!    the colours nearest to it.
//! 4. **Palette.** Means are rounded to 8-bit sRGB, duplicates merged, and entries
//!    ordered by how many pixels they cover; a transparent entry comes first when
//!    pixels fall below the alpha threshold, and counts towards the colours.
//! 5. **Mapping** with [`remap`]'s machinery: exact nearest colour under the chosen
//!    metric, with the chosen dithering.
//!
//! # Transparency
//!
//! Pixels whose alpha is below [`alpha_threshold`](QuantizeOptions::alpha_threshold)
//! all map to a single transparent entry, [`Rgba8::TRANSPARENT`]; every other entry is
//! opaque, and the other pixels are quantized by colour alone (their alpha is dropped),
//! as GIF and most PNG-8 encoders do.

mod dither;
mod histogram;
mod kmeans;
mod metric;
mod nearest;
mod palette;
mod wu;

use alloc::vec::Vec;
use core::fmt;

use chiaro_pixel::{IndexedImage, Rgba8, View};

use crate::space::{ColorSpace, Oklab};

pub use dither::Dither;
pub use metric::Metric;
pub use nearest::Nearest;
pub use palette::{Palette, PaletteError};

use dither::Alpha;
use histogram::rgb_of;
use kmeans::Samples;

/// Why [`quantize`] or [`palette_for`] refused its options.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum QuantizeError {
    /// The number of colours asked for is not in 2–256.
    Colors {
        /// The number asked for.
        colors: u16,
    },
    /// The image has no pixels, so there is nothing to build a palette from (only
    /// [`palette_for`] reports this; [`quantize`] returns an empty image).
    NoPixels,
}

impl fmt::Display for QuantizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Colors { colors } => {
                write!(
                    f,
                    "cannot quantize to {colors} colours; 2 to 256 are allowed"
                )
            }
            Self::NoPixels => f.write_str("the image has no pixels to build a palette from"),
        }
    }
}

impl core::error::Error for QuantizeError {}

/// How [`remap`] maps pixels to a palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RemapOptions {
    /// Dithering; [`Dither::None`] by default.
    pub dither: Dither,
    /// What "nearest" means; [`Metric::Oklab`] by default.
    pub metric: Metric,
    /// Pixels whose alpha is below this map to the palette's first transparent entry
    /// (alpha 0), if it has one; the others map by colour to the nearest entry that is
    /// not transparent. 128 by default; 0 maps every pixel by colour.
    pub alpha_threshold: u8,
}

impl Default for RemapOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl RemapOptions {
    /// The defaults: no dithering, Oklab, alpha threshold 128.
    pub const fn new() -> Self {
        Self {
            dither: Dither::None,
            metric: Metric::Oklab,
            alpha_threshold: 128,
        }
    }

    /// With `dither`.
    #[must_use]
    pub const fn with_dither(mut self, dither: Dither) -> Self {
        self.dither = dither;
        self
    }

    /// With `metric`.
    #[must_use]
    pub const fn with_metric(mut self, metric: Metric) -> Self {
        self.metric = metric;
        self
    }

    /// With `alpha_threshold`.
    #[must_use]
    pub const fn with_alpha_threshold(mut self, alpha_threshold: u8) -> Self {
        self.alpha_threshold = alpha_threshold;
        self
    }
}

/// How [`quantize`] reduces an image's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct QuantizeOptions {
    /// The most palette entries, 2 to 256, the transparent entry included; 256 by
    /// default.
    pub colors: u16,
    /// Dithering when mapping; [`Dither::None`] by default.
    pub dither: Dither,
    /// The metric for mapping pixels to the palette; [`Metric::Oklab`] by default. (The
    /// palette itself is always built in Oklab.)
    pub metric: Metric,
    /// Pixels whose alpha is below this become the transparent entry; 128 by default,
    /// 0 to keep every pixel as a colour.
    pub alpha_threshold: u8,
    /// Lloyd (k-means) passes after Wu's quantizer, stopping early when a pass gains
    /// less than 0.1 %; 6 by default, 0 for Wu's palette alone (faster, about 10 %
    /// more mean error).
    pub refine_passes: u8,
}

impl Default for QuantizeOptions {
    fn default() -> Self {
        Self::new(256)
    }
}

impl QuantizeOptions {
    /// Defaults with at most `colors` entries (checked by [`quantize`]).
    pub const fn new(colors: u16) -> Self {
        Self {
            colors,
            dither: Dither::None,
            metric: Metric::Oklab,
            alpha_threshold: 128,
            refine_passes: 6,
        }
    }

    /// With `dither`.
    #[must_use]
    pub const fn with_dither(mut self, dither: Dither) -> Self {
        self.dither = dither;
        self
    }

    /// With `metric`.
    #[must_use]
    pub const fn with_metric(mut self, metric: Metric) -> Self {
        self.metric = metric;
        self
    }

    /// With `alpha_threshold`.
    #[must_use]
    pub const fn with_alpha_threshold(mut self, alpha_threshold: u8) -> Self {
        self.alpha_threshold = alpha_threshold;
        self
    }

    /// With `refine_passes`.
    #[must_use]
    pub const fn with_refine_passes(mut self, refine_passes: u8) -> Self {
        self.refine_passes = refine_passes;
        self
    }

    /// The options [`quantize`] maps pixels with.
    pub const fn remap_options(&self) -> RemapOptions {
        RemapOptions {
            dither: self.dither,
            metric: self.metric,
            alpha_threshold: self.alpha_threshold,
        }
    }
}

/// A palette and whether it holds every colour of the image exactly.
struct Built {
    palette: Option<Palette>,
    exact: bool,
}

fn build(image: View<'_, Rgba8>, options: &QuantizeOptions) -> Result<Built, QuantizeError> {
    let colors = options.colors;
    if !(2..=256).contains(&colors) {
        return Err(QuantizeError::Colors { colors });
    }
    let hist = histogram::histogram(image, options.alpha_threshold);
    let has_clear = hist.transparent > 0;
    let room = usize::from(colors) - usize::from(has_clear);
    let mut entries: Vec<Rgba8> = Vec::with_capacity(usize::from(colors));
    if has_clear {
        entries.push(Rgba8::TRANSPARENT);
    }
    let exact = hist.colors.len() <= room;
    if exact {
        // Few enough colours: keep them all, most frequent first.
        let mut order: Vec<(u32, u32)> = hist
            .counts
            .iter()
            .copied()
            .zip(hist.colors.iter().copied())
            .collect();
        order.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        entries.extend(order.iter().map(|&(_, key)| {
            let c = rgb_of(key);
            Rgba8::new(c.r, c.g, c.b, 255)
        }));
    } else {
        let points: Vec<[f32; 3]> = hist
            .colors
            .iter()
            .map(|&key| metric::oklab_f32(rgb_of(key)))
            .collect();
        let clusters = wu::wu(&points, &hist.counts, room);
        let samples = Samples {
            points: &points,
            weights: &hist.counts,
        };
        let mut clusters = kmeans::refine(&samples, clusters, options.refine_passes);
        clusters.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (mean, weight) in clusters {
            if weight <= 0.0 {
                continue;
            }
            let c = Oklab::new(mean[0], mean[1], mean[2]).to_srgb8();
            let entry = Rgba8::new(c.r, c.g, c.b, 255);
            if !entries.contains(&entry) {
                entries.push(entry);
            }
        }
    }
    // Empty only for an image without pixels.
    Ok(Built {
        palette: Palette::new(entries).ok(),
        exact,
    })
}

/// The palette [`quantize`] would use for `image`: at most `options.colors` entries,
/// with a transparent entry first if any pixel is below the alpha threshold.
///
/// Fails when `options.colors` is not in 2–256, or the image has no pixels.
pub fn palette_for(
    image: View<'_, Rgba8>,
    options: &QuantizeOptions,
) -> Result<Palette, QuantizeError> {
    build(image, options)?
        .palette
        .ok_or(QuantizeError::NoPixels)
}

/// Reduces `image` to at most `options.colors` colours: an [`IndexedImage`] whose
/// palette is built for it (see the [module docs](self) for how).
///
/// An image with no more distinct colours than allowed comes back exactly, without
/// dithering. Pixels below the alpha threshold share one transparent entry at index 0.
/// An image without pixels gives an empty indexed image with an empty palette.
///
/// Fails only when `options.colors` is not in 2–256.
pub fn quantize(
    image: View<'_, Rgba8>,
    options: &QuantizeOptions,
) -> Result<IndexedImage, QuantizeError> {
    let built = build(image, options)?;
    let (width, height) = image.size();
    let Some(palette) = built.palette else {
        return Ok(empty(width, height));
    };
    let mut remap_options = options.remap_options();
    if built.exact {
        remap_options.dither = Dither::None;
    }
    Ok(remap(image, &palette, &remap_options))
}

/// Maps `image` onto `palette`: each pixel takes the index of its nearest entry under
/// `options.metric`, with `options.dither`; pixels below `options.alpha_threshold` take
/// the palette's first transparent entry, if it has one.
///
/// ```
/// use chiaro_color::quantize::{Dither, Metric, Palette, RemapOptions, remap};
/// use chiaro_pixel::{Image, Rgba8};
///
/// let gray = Image::filled(16, 16, Rgba8::new(128, 128, 128, 255));
/// let bw = Palette::grayscale(2)?;
///
/// // Floyd–Steinberg keeps the light: sRGB 128 is 21.6 % of white's.
/// let options = RemapOptions::new().with_dither(Dither::FloydSteinberg);
/// let white = remap(gray.as_view(), &bw, &options).indices().iter().filter(|&&i| i == 1).count();
/// assert!((50..=61).contains(&white), "{white} of 256");
///
/// // Ordered dithering splits by 8-bit value: half of the pixels.
/// let options = RemapOptions::new().with_dither(Dither::Bayer8).with_metric(Metric::Rgb);
/// let white = remap(gray.as_view(), &bw, &options).indices().iter().filter(|&&i| i == 1).count();
/// assert_eq!(white, 128);
/// # Ok::<(), chiaro_color::quantize::PaletteError>(())
/// ```
pub fn remap(image: View<'_, Rgba8>, palette: &Palette, options: &RemapOptions) -> IndexedImage {
    let (width, height) = image.size();
    let pixels = (width as usize).saturating_mul(height as usize);
    let search = Nearest::for_queries(palette, options.metric, pixels);
    let alpha = Alpha {
        index: search.transparent_index(),
        threshold: options.alpha_threshold,
    };
    let indices = dither::map(image, palette, &search, options.dither, alpha);
    palette
        .clone()
        .into_indexed(width, height, indices)
        .expect("one index per pixel, each from the search over this palette")
}

/// An indexed image of no pixels (`width × height` is 0), with an empty palette.
fn empty(width: u32, height: u32) -> IndexedImage {
    IndexedImage::new(width, height, Vec::new(), Vec::new())
        .expect("no indices and no palette entries are valid for an image of no pixels")
}
