//! Crop: a view of a rectangle, sharing the source's memory.

use chiaro_pixel::{Rect, RegionError, View, ViewMut};

/// The part of `src` inside `rect`, as a view that shares `src`'s memory: no pixels are
/// copied (call [`View::to_image`] for an owned copy).
///
/// # Errors
///
/// [`RegionError`] when `rect` is not within `src`'s bounds.
///
/// ```
/// use chiaro_ops::geometric::crop;
/// use chiaro_pixel::{Gray8, Image, Rect};
///
/// let image = Image::from_fn(8, 8, |x, y| Gray8::new((8 * y + x) as u8));
/// let part = crop(image.as_view(), Rect::new(2, 3, 4, 2))?;
/// assert_eq!(part.size(), (4, 2));
/// assert_eq!(part.get(0, 0), Some(&Gray8::new(26)));
/// assert!(crop(image.as_view(), Rect::new(6, 0, 4, 4)).is_err());
/// # Ok::<(), chiaro_pixel::RegionError>(())
/// ```
pub fn crop<'a, P: chiaro_pixel::Pixel>(
    src: View<'a, P>,
    rect: Rect,
) -> Result<View<'a, P>, RegionError> {
    src.sub_view(rect)
}

/// The part of `src` inside `rect`, mutably, sharing `src`'s memory.
///
/// # Errors
///
/// [`RegionError`] when `rect` is not within `src`'s bounds.
pub fn crop_mut<'a, P: chiaro_pixel::Pixel>(
    src: ViewMut<'a, P>,
    rect: Rect,
) -> Result<ViewMut<'a, P>, RegionError> {
    src.into_sub_view(rect)
}
