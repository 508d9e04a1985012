//! Sizing helpers: thumbnails, fitting within a box, and covering one with a crop.

use chiaro_pixel::{Image, Rect, View};

use super::{Filter, Resample, ResizeError, check, resize};

/// Where [`fill`] keeps the picture when it crops the excess.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Keep the top-left corner.
    TopLeft,
    /// Keep the middle of the top edge.
    Top,
    /// Keep the top-right corner.
    TopRight,
    /// Keep the middle of the left edge.
    Left,
    /// Keep the centre.
    #[default]
    Center,
    /// Keep the middle of the right edge.
    Right,
    /// Keep the bottom-left corner.
    BottomLeft,
    /// Keep the middle of the bottom edge.
    Bottom,
    /// Keep the bottom-right corner.
    BottomRight,
}

impl Anchor {
    /// The horizontal and vertical position as fractions 0, ½ or 1, in halves.
    fn halves(self) -> (u32, u32) {
        match self {
            Anchor::TopLeft => (0, 0),
            Anchor::Top => (1, 0),
            Anchor::TopRight => (2, 0),
            Anchor::Left => (0, 1),
            Anchor::Center => (1, 1),
            Anchor::Right => (2, 1),
            Anchor::BottomLeft => (0, 2),
            Anchor::Bottom => (1, 2),
            Anchor::BottomRight => (2, 2),
        }
    }
}

/// `round(a · b / c)` in exact integer arithmetic, clamped to `1..=max`.
fn scaled(a: u32, b: u32, c: u32, max: u32) -> u32 {
    let v = (2 * u128::from(a) * u128::from(b) + u128::from(c)) / (2 * u128::from(c));
    u32::try_from(v).unwrap_or(u32::MAX).clamp(1, max)
}

/// The largest size with the aspect ratio of `width × height` that fits within
/// `max_width × max_height`: one side equals its maximum, the other is rounded to the
/// nearest pixel (at least 1).
///
/// ```
/// use chiaro_ops::resize::fit_size;
/// assert_eq!(fit_size(4000, 3000, 400, 400), Ok((400, 300)));
/// assert_eq!(fit_size(30, 40, 600, 600), Ok((450, 600)));
/// ```
///
/// # Errors
///
/// [`ResizeError::EmptySource`] if `width` or `height` is zero,
/// [`ResizeError::ZeroSize`] if `max_width` or `max_height` is.
pub fn fit_size(
    width: u32,
    height: u32,
    max_width: u32,
    max_height: u32,
) -> Result<(u32, u32), ResizeError> {
    if width == 0 || height == 0 {
        return Err(ResizeError::EmptySource { width, height });
    }
    if max_width == 0 || max_height == 0 {
        return Err(ResizeError::ZeroSize {
            width: max_width,
            height: max_height,
        });
    }
    if u64::from(width) * u64::from(max_height) <= u64::from(height) * u64::from(max_width) {
        Ok((scaled(width, max_height, height, max_width), max_height))
    } else {
        Ok((max_width, scaled(height, max_width, width, max_height)))
    }
}

/// A thumbnail no larger than `max_width × max_height`, keeping the aspect ratio. An
/// image that already fits is copied, not enlarged.
///
/// # Errors
///
/// As [`resize`]; zero maximums are [`ResizeError::ZeroSize`].
pub fn thumbnail<P: Resample>(
    src: View<'_, P>,
    max_width: u32,
    max_height: u32,
    filter: Filter,
) -> Result<Image<P>, ResizeError> {
    check(src, max_width, max_height)?;
    if src.width() <= max_width && src.height() <= max_height {
        return Ok(src.to_image());
    }
    let (w, h) = fit_size(src.width(), src.height(), max_width, max_height)?;
    resize(src, w, h, filter)
}

/// Resizes to the largest size that fits within `width × height` keeping the aspect
/// ratio ([`fit_size`]), enlarging if the image is smaller.
///
/// # Errors
///
/// As [`resize`].
pub fn fit<P: Resample>(
    src: View<'_, P>,
    width: u32,
    height: u32,
    filter: Filter,
) -> Result<Image<P>, ResizeError> {
    check(src, width, height)?;
    let (w, h) = fit_size(src.width(), src.height(), width, height)?;
    resize(src, w, h, filter)
}

/// Covers exactly `width × height`, keeping the aspect ratio: the largest region of the
/// source with the target's aspect ratio, placed by `anchor`, is resized to the target
/// (so the excess of the longer side is cropped).
///
/// ```
/// use chiaro_ops::resize::{Anchor, Filter, fill};
/// use chiaro_pixel::{Gray8, Image};
///
/// // Left half dark, right half light; keeping the left edge keeps the dark half.
/// let img = Image::from_fn(200, 100, |x, _| Gray8::new(if x < 100 { 0 } else { 255 }));
/// let left = fill(img.as_view(), 50, 100, Filter::Bilinear, Anchor::Left)?;
/// assert_eq!(left.size(), (50, 100));
/// assert!(left.pixels().all(|p| p.v == 0));
/// # Ok::<(), chiaro_ops::resize::ResizeError>(())
/// ```
///
/// # Errors
///
/// As [`resize`].
pub fn fill<P: Resample>(
    src: View<'_, P>,
    width: u32,
    height: u32,
    filter: Filter,
    anchor: Anchor,
) -> Result<Image<P>, ResizeError> {
    check(src, width, height)?;
    let (sw, sh) = src.size();
    let (cw, ch) = if u64::from(sw) * u64::from(height) > u64::from(sh) * u64::from(width) {
        (scaled(sh, width, height, sw), sh)
    } else {
        (sw, scaled(sw, height, width, sh))
    };
    let (hx, hy) = anchor.halves();
    let x = (sw - cw) / 2 * hx + if hx == 2 { (sw - cw) % 2 } else { 0 };
    let y = (sh - ch) / 2 * hy + if hy == 2 { (sh - ch) % 2 } else { 0 };
    let err = ResizeError::TooLarge { width, height };
    let (x, y) = (
        i32::try_from(x).map_err(|_| err)?,
        i32::try_from(y).map_err(|_| err)?,
    );
    let region = src.sub_view(Rect::new(x, y, cw, ch)).map_err(|_| err)?;
    resize(region, width, height, filter)
}
