//! Image comparison for golden tests: per-channel statistics, PSNR, SSIM, a CIEDE2000
//! map and a difference picture.
//!
//! | function | measures | format bound |
//! |---|---|---|
//! | [`compare`], [`compare_where`] | [`Difference`]: max and mean absolute difference per channel and overall, MSE, PSNR, differing pixels, a histogram of per-pixel differences (so [`pixels_above`](Difference::pixels_above) works for any threshold), the worst pixel | any 8-bit format |
//! | [`psnr`] | peak signal-to-noise ratio over all channels, in dB | any 8-bit format |
//! | [`difference_map`] | per-pixel largest channel difference, as an image | any 8-bit format |
//! | [`ssim`] | mean structural similarity (Wang et al. 2004) of the luma | [`VisibleColor`] |
//! | [`delta_e_map`], [`delta_e_map_over`] | [`DeltaEMap`]: CIEDE2000 per pixel | [`VisibleColor`] |
//! | [`difference_image`] | a picture for people: differing pixels in red over a faded copy | [`VisibleColor`] |
//!
//! Every function takes two [`View`]s of one format, with any
//! stride, and returns [`SizeMismatch`] (`source` is the
//! first view's size, `destination` the second's) when their sizes differ. Empty images
//! are valid and compare as identical. Nothing here panics on any input.
//!
//! The channel statistics compare stored values: premultiplied colour and alpha for
//! [`PremulRgba8`](chiaro_pixel::PremulRgba8), which is what a renderer's coverage
//! tolerance is about. [`ssim`], [`delta_e_map`] and [`difference_image`] look at the
//! colour a person would see; see [`VisibleColor`] for how alpha is shown.
//!
//! # A golden test
//!
//! One pass gives every summary number, so a test can state several tolerances and
//! print them all when one fails; [`difference_image`] gives the picture to save.
//!
//! ```
//! use chiaro_color::compare::{compare, compare_where, difference_image, ssim};
//! use chiaro_pixel::{Image, PremulRgba8};
//!
//! // A reference rendering and ours: a 4-pixel-wide soft edge that we cover a
//! // little differently, and one stray pixel.
//! let shade = |x: u32, extra: u32| {
//!     let a = match x {
//!         0..16 => 0,
//!         16..20 => (x - 15) * 51 + extra,
//!         _ => 255,
//!     } as u8;
//!     PremulRgba8::new(a, 0, 0, a)
//! };
//! let reference = Image::from_fn(32, 32, |x, _| shade(x, 0));
//! let mut ours = Image::from_fn(32, 32, |x, _| shade(x, u32::from(x == 17) * 9));
//! *ours.get_mut(2, 30).unwrap() = PremulRgba8::new(2, 0, 0, 2);
//!
//! let (ours, reference) = (ours.as_view(), reference.as_view());
//! let is_edge = |x: u32, y: u32| reference.get(x, y).is_some_and(|p| p.a != 0 && p.a != 255);
//! let edge = compare_where(ours, reference, is_edge)?;
//! let off_edge = compare_where(ours, reference, |x, y| !is_edge(x, y))?;
//! let scene = compare(ours, reference)?;
//!
//! // On failure a real test would save `picture` (with chiaro-codec) next to the
//! // reference and print the summaries, whose `Display` says where the worst pixel is.
//! let picture = difference_image(ours, reference, 16)?;
//! assert_eq!(picture.size(), (32, 32));
//!
//! assert!(edge.max() <= 64, "edge coverage off by more than 1/4: {edge}");
//! assert!(off_edge.max() <= 3, "off-edge pixels off by more than 3/255: {off_edge}");
//! assert!(scene.mean() <= 0.5, "scene mean over 0.5/255: {scene}");
//! assert_eq!(scene.worst(), Some((17, 0)));
//! assert_eq!(scene.pixels_above(3), 32);
//! assert!(ssim(ours, reference)? > 0.95);
//! # Ok::<(), chiaro_pixel::SizeMismatch>(())
//! ```

mod delta_e_map;
mod picture;
mod ssim;
mod stats;
mod visible;

pub use delta_e_map::{DeltaEMap, delta_e_map, delta_e_map_over};
pub use picture::difference_image;
pub use ssim::ssim;
pub use stats::{ChannelStats, Difference, compare, compare_where, difference_map, psnr};
pub use visible::VisibleColor;

use chiaro_pixel::{Pixel, SizeMismatch, View};

/// `Ok(())` when the views have the same size; otherwise the error naming both.
fn check_size<P: Pixel>(a: &View<'_, P>, b: &View<'_, P>) -> Result<(), SizeMismatch> {
    SizeMismatch::check(a.size(), b.size())
}

/// The 8-bit channels of a row of pixels, in memory order.
#[inline]
fn row_bytes<P: Pixel<Channel = u8>>(row: &[P]) -> &[u8] {
    bytemuck::cast_slice(row)
}
