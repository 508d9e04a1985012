//! [`blit`] and [`fill_rect`]: whole-region compositing onto a view, row by row over
//! the row kernels.

use chiaro_pixel::{PremulRgba8, Rect, View, ViewMut};

use super::fixed::{sanitize, scale};
use super::row::{row_mask_with_opacity, row_span_with_opacity, solid_mask, solid_span};
use super::{CompositeOptions, Mask};

/// Composites `src` onto `dst` with its top-left pixel at `(x, y)` in `dst`, by
/// `options` (mode, opacity, mask).
///
/// Only the part of `src` inside `dst` (and inside the mask, if there is one) is
/// composited; every other destination pixel is left alone, whatever the mode (see
/// [`BlendMode`](super::BlendMode), "Outside the source"). Any offset is allowed: an
/// image placed entirely outside, even near `i32::MIN` or `i32::MAX`, changes nothing.
///
/// Both images are premultiplied. For a straight-alpha image, convert first with
/// chiaro-pixel's conversions (`Image::<Rgba8>::into_converted::<PremulRgba8>()` or
/// `chiaro_pixel::convert`), which round correctly.
///
/// ```
/// use chiaro_draw::composite::{blit, BlendMode, CompositeOptions};
/// use chiaro_pixel::{Image, PremulRgba8};
///
/// let mut canvas = Image::from_fn(4, 4, |_, _| PremulRgba8::new(0, 0, 255, 255));
/// let layer = Image::from_fn(2, 2, |_, _| PremulRgba8::new(128, 0, 0, 128));
/// // Half the layer hangs off the left edge.
/// blit(&mut canvas.as_view_mut(), layer.as_view(), -1, 1, &CompositeOptions::new());
/// assert_eq!(canvas.get(0, 1), Some(&PremulRgba8::new(128, 0, 127, 255)));
/// assert_eq!(canvas.get(1, 1), Some(&PremulRgba8::new(0, 0, 255, 255)));
///
/// // At half opacity, with another mode.
/// let options = CompositeOptions::new().with_mode(BlendMode::Plus).with_opacity(0.5);
/// blit(&mut canvas.as_view_mut(), layer.as_view(), 2, 2, &options);
/// assert_eq!(canvas.get(3, 3), Some(&PremulRgba8::new(64, 0, 255, 255)));
/// ```
pub fn blit(
    dst: &mut ViewMut<'_, PremulRgba8>,
    src: View<'_, PremulRgba8>,
    x: i32,
    y: i32,
    options: &CompositeOptions<'_>,
) {
    let placed = Rect::new(x, y, src.width(), src.height());
    let Some(region) = clip(dst, placed, options.mask.as_ref()) else {
        return;
    };
    let opacity = options.opacity_u8();
    let Some((dx, width)) = columns(region) else {
        return;
    };
    let Ok(sx) = usize::try_from(region.left() - i64::from(x)) else {
        return;
    };
    for ry in region.top()..region.bottom() {
        let (Ok(dy), Ok(sy)) = (u32::try_from(ry), u32::try_from(ry - i64::from(y))) else {
            return;
        };
        let Some(s) = src.row(sy).and_then(|r| r.get(sx..sx + width)) else {
            return;
        };
        let Some(d) = dst.row_mut(dy).and_then(|r| r.get_mut(dx..dx + width)) else {
            return;
        };
        match &options.mask {
            None => row_span_with_opacity(options.mode, s, d, 255, opacity),
            Some(mask) => {
                let Some(c) = mask.row(region.left(), ry, width) else {
                    return;
                };
                row_mask_with_opacity(options.mode, s, d, c, opacity);
            }
        }
    }
}

/// Composites one colour over the pixels of `rect` (in `dst` coordinates, clipped to
/// `dst` and to the mask), by `options`.
///
/// The colour is premultiplied; opacity multiplies all four channels first, exactly
/// as [`blit`] multiplies each source pixel, so filling a rectangle and blitting an
/// image of that one colour give identical results.
///
/// ```
/// use chiaro_draw::composite::{fill_rect, CompositeOptions};
/// use chiaro_pixel::{Image, PremulRgba8, Rect};
///
/// let mut canvas = Image::<PremulRgba8>::new(4, 4);
/// let red = PremulRgba8::new(255, 0, 0, 255);
/// fill_rect(&mut canvas.as_view_mut(), Rect::new(2, -5, 100, 6), red, &CompositeOptions::new());
/// assert_eq!(canvas.get(3, 0), Some(&red));
/// assert_eq!(canvas.get(1, 0), Some(&PremulRgba8::TRANSPARENT));
/// assert_eq!(canvas.get(3, 1), Some(&PremulRgba8::TRANSPARENT));
/// ```
pub fn fill_rect(
    dst: &mut ViewMut<'_, PremulRgba8>,
    rect: Rect,
    color: PremulRgba8,
    options: &CompositeOptions<'_>,
) {
    let Some(region) = clip(dst, rect, options.mask.as_ref()) else {
        return;
    };
    let Some((dx, width)) = columns(region) else {
        return;
    };
    let color = scale(sanitize(color), options.opacity_u8());
    for ry in region.top()..region.bottom() {
        let Ok(dy) = u32::try_from(ry) else {
            return;
        };
        let Some(d) = dst.row_mut(dy).and_then(|r| r.get_mut(dx..dx + width)) else {
            return;
        };
        match &options.mask {
            None => solid_span(options.mode, color, d, 255),
            Some(mask) => {
                let Some(c) = mask.row(region.left(), ry, width) else {
                    return;
                };
                solid_mask(options.mode, color, d, c);
            }
        }
    }
}

/// `rect` clipped to the destination and the mask: the pixels a call may change.
fn clip(dst: &ViewMut<'_, PremulRgba8>, rect: Rect, mask: Option<&Mask<'_>>) -> Option<Rect> {
    let region = rect.intersect(&dst.bounds())?;
    match mask {
        Some(m) => region.intersect(&m.bounds()),
        None => Some(region),
    }
}

/// The first column and the width of a region inside the destination.
fn columns(region: Rect) -> Option<(usize, usize)> {
    Some((
        usize::try_from(region.left()).ok()?,
        usize::try_from(region.width).ok()?,
    ))
}
