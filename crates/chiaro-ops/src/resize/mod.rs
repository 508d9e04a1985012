//! Resampling with six filters, and the thumbnail, fit and fill helpers built on it.
//!
//! ```
//! use chiaro_ops::resize::{self, Anchor, Filter};
//! use chiaro_pixel::{Image, Rgba8};
//!
//! let photo = Image::from_fn(640, 480, |x, y| Rgba8::new((x / 3) as u8, (y / 2) as u8, 90, 255));
//!
//! // Any size, any of six filters.
//! let small = resize::resize(photo.as_view(), 160, 120, Filter::Lanczos3)?;
//! assert_eq!(small.size(), (160, 120));
//!
//! // Keep the aspect ratio within a box (never enlarging), or cover a box and crop.
//! let thumb = resize::thumbnail(photo.as_view(), 100, 100, Filter::CatmullRom)?;
//! assert_eq!(thumb.size(), (100, 75));
//! let square = resize::fill(photo.as_view(), 64, 64, Filter::CatmullRom, Anchor::Center)?;
//! assert_eq!(square.size(), (64, 64));
//!
//! // Zero sizes are errors, not panics.
//! assert!(resize::resize(photo.as_view(), 0, 10, Filter::Bilinear).is_err());
//! # Ok::<(), resize::ResizeError>(())
//! ```
//!
//! # How it resamples
//!
//! Separable: one pass into an intermediate buffer, then the other; the order is chosen
//! by cost (taps × samples of both passes). Each output pixel of a pass is a weighted
//! sum over a window of input pixels; the windows and weights are computed once per
//! call (see [`Filter`] for the kernels). A size that does not change is left as it is
//! along its axis, whatever the filter, as in Pillow: resizing only the width filters
//! only rows (8-bit formats then take a single pass). When
//! shrinking by a factor `s`, the kernel is stretched by `s` so that every input pixel
//! contributes and nothing aliases; when enlarging it keeps its natural width. At the
//! image edges the window is cut and renormalized (the edge pixels are not repeated),
//! as Pillow does.
//!
//! **8-bit formats** are filtered in fixed point: 14-bit weights that sum exactly to
//! one, a 16-bit intermediate with 6 fraction bits in which the ringing of the negative
//! lobes survives unclamped, and one rounding at the end. The result is within one level
//! of an exact `f64` convolution almost everywhere (the tests measure it), and flat
//! areas stay exactly flat. Windows longer than 256 taps (shrinking by more than about
//! 40× with Lanczos3) use the float path, where fixed-point weights would be too coarse.
//! **16-bit and float formats** are filtered in `f32`.
//!
//! **Straight alpha** ([`Rgba8`], `Rgba16`, `RgbaF32`, …) is
//! premultiplied before filtering and restored after, so transparent pixels do not
//! bleed their (invisible) colour into the edges of opaque ones. Premultiplied formats
//! are filtered as they are.
//!
//! **Linear light** ([`ResizeOptions::linear_light`]) decodes sRGB-encoded values
//! before filtering and encodes after, in `f32`: downscaled fine detail keeps its
//! brightness (averaging encoded values darkens it). The `Lin*` formats are linear
//! already.
//!
//! [`Filter::Nearest`] copies the pixel whose centre is nearest, picked by an exact
//! integer rule (see its documentation).
//!
//! The 8-bit kernels and the float kernels have AVX2 builds chosen at run time, with
//! identical results. With the `rayon` feature the rows of both passes are split
//! across threads; the output is bit-identical for any number of threads.

mod fixed;
mod float;
mod helpers;
pub(crate) mod kernels;
mod nearest;
pub(crate) mod weights;

use alloc::vec::Vec;
use core::fmt;

use chiaro_pixel::{
    Bgra8, Channel, Gray8, Gray16, GrayA8, GrayA16, GrayF32, Image, LinGrayF32, LinPremulRgbaF32,
    LinRgbF32, LinRgbaF32, Pixel, PremulRgba8, PremulRgbaF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16,
    RgbaF32, View, ViewMut,
};

pub use helpers::{Anchor, fill, fit, fit_size, thumbnail};

/// A resampling filter.
///
/// The convolution filters below are listed by support (half-width at scale 1) and the
/// Pillow filter each one matches.
///
/// | filter | support | kernel | Pillow |
/// |---|---|---|---|
/// | [`Nearest`](Self::Nearest) | — | nearest pixel centre | `NEAREST` |
/// | [`Box`](Self::Box) | ½ | 1 on `(−½, ½]` (an area average when shrinking) | `BOX` |
/// | [`Bilinear`](Self::Bilinear) | 1 | `1 − |x|` (a triangle) | `BILINEAR` |
/// | [`CatmullRom`](Self::CatmullRom) | 2 | cubic, `B = 0, C = ½` (Keys `a = −½`) | `BICUBIC` |
/// | [`Mitchell`](Self::Mitchell) | 2 | cubic, `B = C = ⅓` | none |
/// | [`Lanczos3`](Self::Lanczos3) | 3 | `sinc(x)·sinc(x/3)` | `LANCZOS` |
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Filter {
    /// The pixel whose centre is nearest: output pixel `x` of a row of `dw` pixels
    /// resized from `sw` takes source pixel `⌊(x + ½)·sw / dw⌋`, computed exactly in
    /// integers as `⌊(2x + 1)·sw / 2dw⌋` (no accumulated drift); rows likewise. No
    /// filtering, so no premultiplication either: pixels are copied as they are.
    Nearest,
    /// Box: the average of the source pixels under the output pixel when shrinking;
    /// when enlarging, the nearest pixel, with ties split evenly.
    Box,
    /// Bilinear (triangle) filter: smooth, a little soft.
    Bilinear,
    /// Catmull–Rom cubic: sharper than bilinear, a little ringing. Pillow's `BICUBIC`.
    #[default]
    CatmullRom,
    /// Mitchell–Netravali cubic (`B = C = ⅓`): softer than Catmull–Rom with almost no
    /// ringing. Not interpolating: even an enlargement blurs slightly.
    Mitchell,
    /// Lanczos, three lobes: the sharpest, with the most ringing. Pillow's `LANCZOS`.
    Lanczos3,
}

/// Options of a resize: the [`Filter`] and whether to filter in linear light.
///
/// ```
/// use chiaro_ops::resize::{Filter, ResizeOptions};
/// let options = ResizeOptions::new(Filter::Lanczos3).linear_light(true);
/// assert!(options.is_linear_light());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ResizeOptions {
    filter: Filter,
    linear_light: bool,
}

impl ResizeOptions {
    /// Options with this filter, filtering the values as they are encoded.
    pub const fn new(filter: Filter) -> Self {
        Self {
            filter,
            linear_light: false,
        }
    }

    /// Whether to decode sRGB-encoded formats to linear light before filtering (and
    /// encode after). Has no effect on the `Lin*` formats, which are linear already,
    /// nor on [`Filter::Nearest`], which does not mix pixels.
    pub const fn linear_light(self, on: bool) -> Self {
        Self {
            linear_light: on,
            ..self
        }
    }

    /// The filter.
    pub const fn filter(&self) -> Filter {
        self.filter
    }

    /// Whether linear-light filtering is on.
    pub const fn is_linear_light(&self) -> bool {
        self.linear_light
    }
}

impl From<Filter> for ResizeOptions {
    fn from(filter: Filter) -> Self {
        Self::new(filter)
    }
}

/// Why a resize could not be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResizeError {
    /// The source has no pixels.
    EmptySource {
        /// Source width.
        width: u32,
        /// Source height.
        height: u32,
    },
    /// A requested dimension is zero.
    ZeroSize {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
    /// The output or the intermediate buffer would not fit in memory.
    TooLarge {
        /// Requested width.
        width: u32,
        /// Requested height.
        height: u32,
    },
}

impl fmt::Display for ResizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ResizeError::EmptySource { width, height } => {
                write!(f, "cannot resize an empty {width}×{height} image")
            }
            ResizeError::ZeroSize { width, height } => {
                write!(
                    f,
                    "cannot resize to {width}×{height}: both sizes must be non-zero"
                )
            }
            ResizeError::TooLarge { width, height } => {
                write!(
                    f,
                    "resizing to {width}×{height} needs more memory than can be allocated"
                )
            }
        }
    }
}

impl core::error::Error for ResizeError {}

mod sealed {
    pub trait Sealed {}
}

/// The pixel formats that can be resized: every chiaro format whose alpha (if any) is
/// the last channel: gray, gray-alpha, RGB, RGBA, BGRA and premultiplied RGBA, in 8 and
/// 16 bits and `f32`, sRGB-encoded and linear.
///
/// Sealed: the resampler relies on each format's channel layout.
pub trait Resample: Pixel + sealed::Sealed {}

macro_rules! resample {
    ($($t:ty),+ $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl Resample for $t {}
    )+};
}

resample!(
    Gray8,
    GrayA8,
    Rgb8,
    Rgba8,
    Bgra8,
    PremulRgba8,
    Gray16,
    GrayA16,
    Rgb16,
    Rgba16,
    GrayF32,
    RgbF32,
    RgbaF32,
    PremulRgbaF32,
    LinGrayF32,
    LinRgbF32,
    LinRgbaF32,
    LinPremulRgbaF32,
);

/// Resizes `src` to `width × height` with `filter`, into a new image.
///
/// # Errors
///
/// [`ResizeError::EmptySource`] if `src` has no pixels, [`ResizeError::ZeroSize`] if
/// `width` or `height` is zero, [`ResizeError::TooLarge`] if the buffers cannot be
/// allocated.
pub fn resize<P: Resample>(
    src: View<'_, P>,
    width: u32,
    height: u32,
    filter: Filter,
) -> Result<Image<P>, ResizeError> {
    Resizer::new(ResizeOptions::new(filter)).resize(src, width, height)
}

/// Resizes `src` to `width × height` with `options`, into a new image.
///
/// # Errors
///
/// As [`resize`].
pub fn resize_with<P: Resample>(
    src: View<'_, P>,
    width: u32,
    height: u32,
    options: ResizeOptions,
) -> Result<Image<P>, ResizeError> {
    Resizer::new(options).resize(src, width, height)
}

/// Resizes `src` to the size of `dst`, writing into `dst` (any stride, a sub-view of a
/// larger image included). To also reuse the intermediate buffer across calls, keep a
/// [`Resizer`].
///
/// # Errors
///
/// As [`resize`]; `dst` is left untouched on error.
pub fn resize_into<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
    options: ResizeOptions,
) -> Result<(), ResizeError> {
    Resizer::new(options).resize_into(src, dst)
}

/// A resizer that keeps its intermediate buffer and weight tables between calls, so
/// that resizing many images of one size allocates nothing after the first
/// ([`resize_into`](Self::resize_into)) and computes its weights once.
///
/// ```
/// use chiaro_ops::resize::{Filter, ResizeOptions, Resizer};
/// use chiaro_pixel::{Image, Rgb8};
///
/// let mut resizer = Resizer::new(ResizeOptions::new(Filter::Bilinear));
/// let mut out = Image::<Rgb8>::new(32, 32);
/// for shade in [10, 20, 30] {
///     let frame = Image::filled(100, 80, Rgb8::new(shade, shade, shade));
///     resizer.resize_into(frame.as_view(), out.as_view_mut())?;
///     assert_eq!(out.get(5, 5), Some(&Rgb8::new(shade, shade, shade)));
/// }
/// # Ok::<(), chiaro_ops::resize::ResizeError>(())
/// ```
#[derive(Debug, Default)]
pub struct Resizer {
    options: ResizeOptions,
    fixed: Vec<i16>,
    float: Vec<f32>,
    plan: Option<Plan>,
}

/// The weight windows of the last resize, kept for the next one of the same sizes.
#[derive(Debug)]
struct Plan {
    key: (u32, u32, u32, u32, Filter),
    hw: weights::Windows,
    vw: weights::Windows,
    fixed: Option<(weights::FixedWindows, weights::FixedWindows)>,
    float: Option<(weights::FloatWindows, weights::FloatWindows)>,
}

impl Resizer {
    /// A resizer with these options and no buffers yet.
    pub fn new(options: ResizeOptions) -> Self {
        Self {
            options,
            fixed: Vec::new(),
            float: Vec::new(),
            plan: None,
        }
    }

    /// The options.
    pub fn options(&self) -> ResizeOptions {
        self.options
    }

    /// Resizes `src` to `width × height`, into a new image.
    ///
    /// # Errors
    ///
    /// As [`resize`].
    pub fn resize<P: Resample>(
        &mut self,
        src: View<'_, P>,
        width: u32,
        height: u32,
    ) -> Result<Image<P>, ResizeError> {
        check(src, width, height)?;
        let mut out =
            Image::try_new(width, height).map_err(|_| ResizeError::TooLarge { width, height })?;
        self.resize_into(src, out.as_view_mut())?;
        Ok(out)
    }

    /// Resizes `src` to the size of `dst`, writing into `dst`.
    ///
    /// # Errors
    ///
    /// As [`resize`]; `dst` is left untouched on error.
    pub fn resize_into<P: Resample>(
        &mut self,
        src: View<'_, P>,
        mut dst: ViewMut<'_, P>,
    ) -> Result<(), ResizeError> {
        let (width, height) = dst.size();
        check(src, width, height)?;
        if src.size() == dst.size() {
            // The identity: copy exactly (filtering straight alpha would round it).
            dst.copy_from(src)
                .map_err(|_| ResizeError::TooLarge { width, height })?;
            return Ok(());
        }
        let filter = self.options.filter;
        if filter == Filter::Nearest {
            return nearest::resize(src, dst);
        }
        let key = (src.width(), src.height(), width, height, filter);
        let plan = match &mut self.plan {
            Some(plan) if plan.key == key => plan,
            slot => slot.insert(Plan {
                key,
                hw: weights::Windows::new(src.width(), width, filter),
                vw: weights::Windows::new(src.height(), height, filter),
                fixed: None,
                float: None,
            }),
        };
        let linear = self.options.linear_light
            && P::ENCODING == chiaro_pixel::Encoding::Srgb
            && matches!(
                P::MODEL,
                chiaro_pixel::ColorModel::Rgb
                    | chiaro_pixel::ColorModel::Rgba
                    | chiaro_pixel::ColorModel::Bgra
                    | chiaro_pixel::ColorModel::Gray
                    | chiaro_pixel::ColorModel::GrayAlpha
            );
        let fixed = P::Channel::TYPE == chiaro_pixel::ChannelType::U8
            && !linear
            && plan.hw.max_len() <= fixed::MAX_TAPS
            && plan.vw.max_len() <= fixed::MAX_TAPS;
        if fixed {
            let (hf, vf) = plan.fixed.get_or_insert_with(|| {
                (
                    weights::FixedWindows::new(&plan.hw, 4),
                    weights::FixedWindows::new(&plan.vw, 1),
                )
            });
            fixed::resize(src, dst, hf, vf, &mut self.fixed)
        } else {
            let (hf, vf) = plan.float.get_or_insert_with(|| {
                (
                    weights::FloatWindows::new(&plan.hw),
                    weights::FloatWindows::new(&plan.vw),
                )
            });
            float::resize(src, dst, hf, vf, linear, &mut self.float)
        }
    }
}

/// Checks the sizes every entry point shares.
fn check<P: Pixel>(src: View<'_, P>, width: u32, height: u32) -> Result<(), ResizeError> {
    if src.is_empty() {
        return Err(ResizeError::EmptySource {
            width: src.width(),
            height: src.height(),
        });
    }
    if width == 0 || height == 0 {
        return Err(ResizeError::ZeroSize { width, height });
    }
    Ok(())
}

/// Grows a buffer to at least `len` elements, reporting allocation failure instead of
/// aborting. Callers use the first `len`.
fn grow<T: Copy + Default>(
    buf: &mut Vec<T>,
    len: Option<usize>,
    width: u32,
    height: u32,
) -> Result<&mut [T], ResizeError> {
    let err = ResizeError::TooLarge { width, height };
    let len = len.ok_or(err)?;
    // Every element is written before it is read, so a reused buffer is not cleared.
    if buf.len() < len {
        buf.try_reserve_exact(len - buf.len()).map_err(|_| err)?;
        buf.resize(len, T::default());
    }
    Ok(&mut buf[..len])
}

/// Runs `f(scratch, i, chunk)` over the chunks of `len` elements of `buf` (the last
/// may be shorter; in parallel with the `rayon` feature), with one `init()` scratch
/// value per task.
fn each_chunk<T: Send, S>(
    buf: &mut [T],
    len: usize,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize, &mut [T]) + Sync + Send,
) {
    if len == 0 {
        return;
    }
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        buf.par_chunks_mut(len)
            .enumerate()
            .for_each_init(init, |s, (i, c)| f(s, i, c));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut s = init();
        for (i, c) in buf.chunks_mut(len).enumerate() {
            f(&mut s, i, c);
        }
    }
}

/// Runs `f(scratch, y, row)` over the rows of `dst` (in parallel with the `rayon`
/// feature), with one `init()` scratch value per task.
fn each_row<P: Pixel, S>(
    dst: ViewMut<'_, P>,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize, &mut [P]) + Sync + Send,
) {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.par_rows_mut()
            .enumerate()
            .for_each_init(init, |s, (y, row)| f(s, y, row));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut s = init();
        for (y, row) in dst.into_rows().enumerate() {
            f(&mut s, y, row);
        }
    }
}

/// Runs `f(scratch, y, band)` over bands of `rows` rows of `dst` (the last may be
/// shorter; in parallel with the `rayon` feature), with one `init()` scratch value per
/// task; `y` is the band's first row. One task takes its bands in order.
fn each_row_chunk<P: Pixel, S>(
    dst: ViewMut<'_, P>,
    rows: u32,
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, usize, ViewMut<'_, P>) + Sync + Send,
) {
    let n = core::num::NonZeroU32::new(rows).unwrap_or(core::num::NonZeroU32::MIN);
    let step = n.get() as usize;
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.par_row_chunks_mut(n)
            .enumerate()
            .for_each_init(init, |s, (i, band)| f(s, i * step, band));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut s = init();
        for (i, band) in dst.row_chunks_mut(n).enumerate() {
            f(&mut s, i * step, band);
        }
    }
}
