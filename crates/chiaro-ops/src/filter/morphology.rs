//! Erosion and dilation with a square window.

use alloc::vec;

use chiaro_pixel::{Image, Pixel, View};

use super::FilterError;
use super::error::check_radius;
use super::rows::{clamp_index, for_each_row, raw};
use super::sample::{channels_mut, store};

/// The largest radius [`erode`] and [`dilate`] accept.
pub const MAX_MORPHOLOGY_RADIUS: u32 = 256;

/// The minimum over the `(2·radius + 1)²` window around each pixel, per channel on the
/// stored values (alpha included), edges extended: dark regions grow, bright ones
/// shrink. Exact in every format; `erode(x)` is `invert(dilate(invert(x)))`.
///
/// # Errors
///
/// [`FilterError::Radius`] when `radius` exceeds [`MAX_MORPHOLOGY_RADIUS`].
pub fn erode<P: Pixel>(src: View<'_, P>, radius: u32) -> Result<Image<P>, FilterError> {
    morph(src, radius, f32::min)
}

/// The maximum over the `(2·radius + 1)²` window around each pixel; see [`erode`].
///
/// # Errors
///
/// [`FilterError::Radius`] when `radius` exceeds [`MAX_MORPHOLOGY_RADIUS`].
pub fn dilate<P: Pixel>(src: View<'_, P>, radius: u32) -> Result<Image<P>, FilterError> {
    morph(src, radius, f32::max)
}

/// Separable: the square window's extreme is the extreme of the column extremes.
fn morph<P: Pixel>(
    src: View<'_, P>,
    radius: u32,
    pick: fn(f32, f32) -> f32,
) -> Result<Image<P>, FilterError> {
    let r = check_radius(radius, MAX_MORPHOLOGY_RADIUS)? as isize;
    let (w, h) = (src.width() as usize, src.height() as usize);
    let mut dst = Image::<P>::new(src.width(), src.height());
    if dst.is_empty() || r == 0 {
        return Ok(src.to_image());
    }
    let ch = P::CHANNELS;
    let data = raw(src);
    let line = w * ch;
    for_each_row(&mut dst, |y, out, acc| {
        // Vertical extreme of each column over the window rows.
        let mut column = data[clamp_index(y, -r, h) * line..][..line].to_vec();
        for dy in (1 - r)..=r {
            let row = &data[clamp_index(y, dy, h) * line..][..line];
            for (c, &v) in column.iter_mut().zip(row) {
                *c = pick(*c, v);
            }
        }
        acc.clear();
        acc.resize(line, 0.0);
        let mut best = vec![0.0f32; ch];
        for x in 0..w {
            best.copy_from_slice(&column[clamp_index(x, -r, w) * ch..][..ch]);
            for dx in (1 - r)..=r {
                let px = &column[clamp_index(x, dx, w) * ch..][..ch];
                for (b, &v) in best.iter_mut().zip(px) {
                    *b = pick(*b, v);
                }
            }
            acc[x * ch..][..ch].copy_from_slice(&best);
        }
        store(acc, channels_mut(out));
    });
    Ok(dst)
}
