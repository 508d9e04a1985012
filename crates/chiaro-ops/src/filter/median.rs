//! Median filter for small radii.

use alloc::vec::Vec;

use chiaro_pixel::{Image, Pixel, View};

use super::FilterError;
use super::error::check_radius;
use super::rows::{clamp_index, for_each_row, raw};
use super::sample::{channels_mut, store};

/// The largest radius [`median`] accepts (a 15 × 15 window).
pub const MAX_MEDIAN_RADIUS: u32 = 7;

/// The median of the `(2·radius + 1)²` window around each pixel, per channel on the
/// stored values (alpha included), edges extended. Output values are input values, so
/// the filter is exact in every format; it removes isolated outliers (salt-and-pepper
/// noise) while keeping edges. Radius 0 copies.
///
/// # Errors
///
/// [`FilterError::Radius`] when `radius` exceeds [`MAX_MEDIAN_RADIUS`].
pub fn median<P: Pixel>(src: View<'_, P>, radius: u32) -> Result<Image<P>, FilterError> {
    let r = check_radius(radius, MAX_MEDIAN_RADIUS)? as isize;
    let (w, h) = (src.width() as usize, src.height() as usize);
    let mut dst = Image::<P>::new(src.width(), src.height());
    if dst.is_empty() || r == 0 {
        return Ok(src.to_image());
    }
    let ch = P::CHANNELS;
    let data = raw(src);
    let line = w * ch;
    for_each_row(&mut dst, |y, out, acc| {
        acc.clear();
        acc.resize(line, 0.0);
        let mut window: Vec<f32> = Vec::with_capacity(((2 * r + 1) * (2 * r + 1)) as usize);
        for x in 0..w {
            for c in 0..ch {
                window.clear();
                for dy in -r..=r {
                    let row = &data[clamp_index(y, dy, h) * line..][..line];
                    for dx in -r..=r {
                        window.push(row[clamp_index(x, dx, w) * ch + c]);
                    }
                }
                let mid = window.len() / 2;
                let (_, m, _) = window.select_nth_unstable_by(mid, f32::total_cmp);
                acc[x * ch + c] = *m;
            }
        }
        store(acc, channels_mut(out));
    });
    Ok(dst)
}
