//! Statistics of the channel-by-channel difference of two images: [`compare`],
//! [`compare_where`], [`psnr`] and [`difference_map`].

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;

use chiaro_pixel::{Gray8, Image, Pixel, SizeMismatch, View};

use super::{check_size, row_bytes};

/// Running sums for one channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sums {
    max: u8,
    sum: u64,
    sum_sq: u64,
    differing: u64,
}

/// What [`compare`] found: how two 8-bit images differ, channel by channel and pixel
/// by pixel.
///
/// Differences are absolute differences of stored channel values, 0–255; means are in
/// the same unit (so "within 0.5/255" is `mean() <= 0.5`). A pixel's difference is the
/// largest difference among its channels. All of it comes from one pass over the
/// images; every method is O(1) except [`pixels_above`](Self::pixels_above), which sums
/// a 256-bin histogram.
///
/// `Display` writes a one-line summary for assertion messages:
///
/// ```
/// use chiaro_color::compare::compare;
/// use chiaro_pixel::{Image, Rgb8};
///
/// let a = Image::filled(4, 4, Rgb8::new(10, 20, 30));
/// let mut b = a.clone();
/// *b.get_mut(1, 2).unwrap() = Rgb8::new(10, 27, 30);
/// let d = compare(a.as_view(), b.as_view())?;
/// assert_eq!(
///     d.to_string(),
///     "1 of 16 pixels differ; max 7 at (1, 2); mean 0.1458; PSNR 48.04 dB; \
///      per channel max [0, 7, 0], mean [0.0000, 0.4375, 0.0000]"
/// );
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Difference {
    size: (u32, u32),
    pixels: u64,
    max: u8,
    worst: Option<(u32, u32)>,
    channels: Vec<Sums>,
    /// `histogram[d]`: pixels whose largest channel difference is `d`.
    histogram: Box<[u64; 256]>,
}

/// Statistics of one channel's differences, from [`Difference::channel`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelStats {
    /// Largest absolute difference, 0–255.
    pub max: u8,
    /// Mean absolute difference, 0–255 (0 when no pixel was compared).
    pub mean: f64,
    /// Mean squared difference (0 when no pixel was compared).
    pub mse: f64,
    /// Pixels where this channel differs.
    pub differing: u64,
}

impl ChannelStats {
    /// Peak signal-to-noise ratio of this channel in dB, `10·log10(255² / mse)`;
    /// `f64::INFINITY` when the channel is identical.
    pub fn psnr(&self) -> f64 {
        psnr_from_mse(self.mse)
    }
}

/// `10·log10(255² / mse)`, infinite for `mse == 0`.
fn psnr_from_mse(mse: f64) -> f64 {
    if mse > 0.0 {
        10.0 * libm::log10(255.0 * 255.0 / mse)
    } else {
        f64::INFINITY
    }
}

/// `count` as `f64`; exact below 2⁵³, which no image in memory reaches.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of pixels in memory are far below 2^53"
)]
fn as_f64(count: u64) -> f64 {
    count as f64
}

/// `num / den`, or 0 when `den` is 0.
fn ratio(num: u64, den: u64) -> f64 {
    if den == 0 {
        0.0
    } else {
        as_f64(num) / as_f64(den)
    }
}

impl Difference {
    fn new(size: (u32, u32), channels: usize) -> Self {
        Self {
            size,
            pixels: 0,
            max: 0,
            worst: None,
            channels: alloc::vec![Sums::default(); channels],
            histogram: Box::new([0; 256]),
        }
    }

    /// Adds `count` pixels that are equal.
    #[inline]
    fn add_equal(&mut self, count: u64) {
        self.pixels += count;
        self.histogram[0] += count;
    }

    /// Adds one pixel, given as its channels.
    #[inline]
    fn add(&mut self, x: u32, y: u32, a: &[u8], b: &[u8]) {
        let mut worst = 0u8;
        for ((ca, cb), sums) in a.iter().zip(b).zip(&mut self.channels) {
            let d = ca.abs_diff(*cb);
            let d64 = u64::from(d);
            sums.max = sums.max.max(d);
            sums.sum += d64;
            sums.sum_sq += d64 * d64;
            sums.differing += u64::from(d != 0);
            worst = worst.max(d);
        }
        self.pixels += 1;
        self.histogram[usize::from(worst)] += 1;
        if worst > self.max {
            self.max = worst;
            self.worst = Some((x, y));
        }
    }

    /// Width and height of the compared images.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// Number of pixels compared: all of them for [`compare`], those selected for
    /// [`compare_where`].
    pub fn pixels_compared(&self) -> u64 {
        self.pixels
    }

    /// Number of channels of the pixel format.
    pub fn channel_count(&self) -> usize {
        self.channels.len()
    }

    /// Whether every compared pixel is equal.
    pub fn is_identical(&self) -> bool {
        self.max == 0
    }

    /// Largest absolute difference of any channel of any pixel, 0–255.
    pub fn max(&self) -> u8 {
        self.max
    }

    /// The first pixel, in row order, whose difference is [`max`](Self::max); `None`
    /// when the images are identical.
    pub fn worst(&self) -> Option<(u32, u32)> {
        self.worst
    }

    /// Mean absolute difference over every channel of every compared pixel, 0–255; 0
    /// when nothing was compared.
    pub fn mean(&self) -> f64 {
        let sum = self.channels.iter().map(|c| c.sum).sum();
        ratio(sum, self.pixels * self.channels.len() as u64)
    }

    /// Mean squared difference over every channel of every compared pixel.
    pub fn mse(&self) -> f64 {
        let sum = self.channels.iter().map(|c| c.sum_sq).sum();
        ratio(sum, self.pixels * self.channels.len() as u64)
    }

    /// Peak signal-to-noise ratio over all channels in dB, `10·log10(255² / mse)`;
    /// `f64::INFINITY` when the images are identical (and when nothing was compared).
    pub fn psnr(&self) -> f64 {
        psnr_from_mse(self.mse())
    }

    /// Number of pixels that differ in any channel.
    pub fn differing_pixels(&self) -> u64 {
        self.pixels - self.histogram[0]
    }

    /// Number of pixels whose difference (largest over their channels) is greater
    /// than `threshold`: `pixels_above(3)` counts the pixels off by more than 3/255.
    pub fn pixels_above(&self, threshold: u8) -> u64 {
        self.histogram[usize::from(threshold) + 1..].iter().sum()
    }

    /// `histogram()[d]` is the number of pixels whose difference (largest over their
    /// channels) is `d`.
    pub fn histogram(&self) -> &[u64; 256] {
        &self.histogram
    }

    /// Statistics of channel `index` (in memory order: `r, g, b, a` for `Rgba8`), or
    /// `None` past the last channel.
    pub fn channel(&self, index: usize) -> Option<ChannelStats> {
        self.channels.get(index).map(|s| self.stats(s))
    }

    /// Statistics of every channel, in memory order.
    pub fn channels(&self) -> impl ExactSizeIterator<Item = ChannelStats> + '_ {
        self.channels.iter().map(|s| self.stats(s))
    }

    fn stats(&self, s: &Sums) -> ChannelStats {
        ChannelStats {
            max: s.max,
            mean: ratio(s.sum, self.pixels),
            mse: ratio(s.sum_sq, self.pixels),
            differing: s.differing,
        }
    }
}

impl fmt::Debug for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Difference")
            .field("size", &self.size)
            .field("pixels_compared", &self.pixels)
            .field("differing_pixels", &self.differing_pixels())
            .field("max", &self.max)
            .field("worst", &self.worst)
            .field("mean", &self.mean())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((x, y)) = self.worst else {
            return write!(f, "identical ({} pixels compared)", self.pixels);
        };
        write!(
            f,
            "{} of {} pixels differ; max {} at ({x}, {y}); mean {:.4}; PSNR {:.2} dB; \
             per channel max [",
            self.differing_pixels(),
            self.pixels,
            self.max,
            self.mean(),
            self.psnr(),
        )?;
        for (i, c) in self.channels().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{}", c.max)?;
        }
        f.write_str("], mean [")?;
        for (i, c) in self.channels().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{:.4}", c.mean)?;
        }
        f.write_str("]")
    }
}

/// Compares two images channel by channel.
///
/// Works on any format of 8-bit channels and compares the stored values: premultiplied
/// colour and alpha for [`PremulRgba8`](chiaro_pixel::PremulRgba8), straight colour and
/// alpha for [`Rgba8`](chiaro_pixel::Rgba8). Returns [`SizeMismatch`] when the sizes
/// differ.
///
/// ```
/// use chiaro_color::compare::compare;
/// use chiaro_pixel::{Image, Rgba8};
///
/// let a = Image::filled(8, 8, Rgba8::new(100, 100, 100, 255));
/// let b = Image::filled(8, 8, Rgba8::new(101, 99, 100, 255));
/// let d = compare(a.as_view(), b.as_view())?;
/// assert_eq!((d.max(), d.mean(), d.differing_pixels()), (1, 0.5, 64));
/// assert_eq!(d.channel(3).unwrap().max, 0);
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn compare<P: Pixel<Channel = u8>>(
    a: View<'_, P>,
    b: View<'_, P>,
) -> Result<Difference, SizeMismatch> {
    check_size(&a, &b)?;
    Ok(accumulate(a, b, |_, _| true, true))
}

/// Compares the pixels `(x, y)` of two images for which `include(x, y)` is true, as
/// [`compare`] does all of them.
///
/// Golden tests use it to hold parts of an image to different tolerances, such as
/// anti-aliased edges and the rest (see the [module example](super)).
pub fn compare_where<P: Pixel<Channel = u8>>(
    a: View<'_, P>,
    b: View<'_, P>,
    include: impl FnMut(u32, u32) -> bool,
) -> Result<Difference, SizeMismatch> {
    check_size(&a, &b)?;
    Ok(accumulate(a, b, include, false))
}

/// The pass behind [`compare`] and [`compare_where`]. Equal rows (when every pixel is
/// included) and equal pixels take a short path: golden-test images mostly match.
fn accumulate<P: Pixel<Channel = u8>>(
    a: View<'_, P>,
    b: View<'_, P>,
    mut include: impl FnMut(u32, u32) -> bool,
    include_all: bool,
) -> Difference {
    let mut diff = Difference::new(a.size(), P::CHANNELS);
    for (y, (row_a, row_b)) in (0u32..).zip(a.rows().zip(b.rows())) {
        let (row_a, row_b) = (row_bytes(row_a), row_bytes(row_b));
        if include_all && row_a == row_b {
            diff.add_equal(u64::from(a.width()));
            continue;
        }
        let pixels_a = row_a.chunks_exact(P::CHANNELS);
        let pixels_b = row_b.chunks_exact(P::CHANNELS);
        for (x, (pa, pb)) in (0u32..).zip(pixels_a.zip(pixels_b)) {
            if !include(x, y) {
                continue;
            }
            if pa == pb {
                diff.add_equal(1);
            } else {
                diff.add(x, y, pa, pb);
            }
        }
    }
    diff
}

/// Peak signal-to-noise ratio over all channels in dB: `10·log10(255² / mse)`, with
/// the mean squared difference taken over every channel of every pixel.
///
/// Identical images (and empty ones) give `f64::INFINITY`. Every channel off by 1
/// gives `20·log10(255) ≈ 48.13` dB. Per-channel values are in
/// [`compare`]'s [`Difference::channel`].
pub fn psnr<P: Pixel<Channel = u8>>(a: View<'_, P>, b: View<'_, P>) -> Result<f64, SizeMismatch> {
    check_size(&a, &b)?;
    let mut sum_sq = 0u64;
    for (row_a, row_b) in a.rows().zip(b.rows()) {
        sum_sq += row_bytes(row_a)
            .iter()
            .zip(row_bytes(row_b))
            .map(|(x, y)| {
                let d = u64::from(x.abs_diff(*y));
                d * d
            })
            .sum::<u64>();
    }
    let (w, h) = a.size();
    let count = u64::from(w) * u64::from(h) * P::CHANNELS as u64;
    Ok(psnr_from_mse(ratio(sum_sq, count)))
}

/// The difference of every pixel, the largest over its channels, as a gray image:
/// 0 where the pixels are equal, 255 where some channel differs by 255.
///
/// For per-pixel checks that [`compare_where`] does not fit, and for saving: scale it
/// up, or use [`difference_image`](super::difference_image), to see small differences.
pub fn difference_map<P: Pixel<Channel = u8>>(
    a: View<'_, P>,
    b: View<'_, P>,
) -> Result<Image<Gray8>, SizeMismatch> {
    check_size(&a, &b)?;
    let mut out = Image::<Gray8>::new(a.width(), a.height());
    for (out_row, (row_a, row_b)) in out.rows_mut().zip(a.rows().zip(b.rows())) {
        let pixels_a = row_bytes(row_a).chunks_exact(P::CHANNELS);
        let pixels_b = row_bytes(row_b).chunks_exact(P::CHANNELS);
        for (o, (pa, pb)) in out_row.iter_mut().zip(pixels_a.zip(pixels_b)) {
            o.v = pa
                .iter()
                .zip(pb)
                .map(|(x, y)| x.abs_diff(*y))
                .max()
                .unwrap_or(0);
        }
    }
    Ok(out)
}
