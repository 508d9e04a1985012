//! Box blur: the mean of a square window, in time independent of its size.

use chiaro_pixel::{Image, Pixel, View};

use super::FilterError;
use super::cascade::{Taps, run};
use super::error::check_radius;

/// The largest radius [`box_blur`] accepts.
pub const MAX_BOX_RADIUS: u32 = 1 << 16;

/// The mean of the `(2·radius + 1)²` window around each pixel, edges extended.
///
/// One running sum per direction, so the cost does not depend on `radius`; the result
/// is exact (integer sums, rounded to nearest once per direction for integer formats).
/// Radius 0 copies. Straight alpha is premultiplied for the averaging, so transparent
/// pixels do not darken their neighbours.
///
/// # Errors
///
/// [`FilterError::Radius`] when `radius` exceeds [`MAX_BOX_RADIUS`].
///
/// ```
/// use chiaro_ops::filter::box_blur;
/// use chiaro_pixel::{Gray8, Image};
///
/// let image = Image::from_fn(5, 1, |x, _| Gray8::new(if x == 2 { 90 } else { 0 }));
/// let blurred = box_blur(image.as_view(), 1)?;
/// let row: Vec<u8> = blurred.pixels().map(|p| p.v).collect();
/// assert_eq!(row, [0, 30, 30, 30, 0]);
/// # Ok::<(), chiaro_ops::filter::FilterError>(())
/// ```
pub fn box_blur<P: Pixel>(src: View<'_, P>, radius: u32) -> Result<Image<P>, FilterError> {
    let radius = check_radius(radius, MAX_BOX_RADIUS)?;
    Ok(run(src, &Taps::new([radius as usize, 0, 0])))
}
