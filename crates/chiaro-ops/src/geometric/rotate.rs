//! Rotation by any angle.

use chiaro_pixel::{Image, Pixel, View};

use super::interpolate::Interpolation;
use super::warp::{Inverse, WarpError, warp_inverse};

/// How [`rotate`] sizes and fills its output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RotateOptions<P> {
    /// Grow the canvas to hold the whole rotated image (`true`), or keep the source's
    /// size and cut the corners off (`false`).
    pub expand: bool,
    /// The colour of the area the rotated image does not cover.
    pub background: P,
    /// How to sample between source pixels.
    pub interpolation: Interpolation,
}

impl<P: Pixel> Default for RotateOptions<P> {
    /// Expanding, on the all-zero (transparent or black) background, bilinear.
    fn default() -> Self {
        Self {
            expand: true,
            background: P::default(),
            interpolation: Interpolation::Bilinear,
        }
    }
}

/// Cosine and sine of `degrees`, exact at multiples of 90°.
fn cos_sin(degrees: f32) -> (f64, f64) {
    let d = f64::from(degrees) % 360.0;
    let d = if d < 0.0 { d + 360.0 } else { d };
    match d {
        0.0 => (1.0, 0.0),
        90.0 => (0.0, 1.0),
        180.0 => (-1.0, 0.0),
        270.0 => (0.0, -1.0),
        _ => {
            let r = d.to_radians();
            (libm::cos(r), libm::sin(r))
        }
    }
}

/// The size of the canvas that holds a `width × height` image turned by `degrees`
/// (the bounding box of the turned rectangle, rounded up, with a tolerance of 10⁻⁶
/// pixel so that quarter turns give exactly the swapped size).
///
/// # Errors
///
/// [`WarpError::Angle`] when `degrees` is not finite.
pub fn rotated_size((width, height): (u32, u32), degrees: f32) -> Result<(u32, u32), WarpError> {
    if !degrees.is_finite() {
        return Err(WarpError::Angle);
    }
    let (c, s) = cos_sin(degrees);
    let (w, h) = (f64::from(width), f64::from(height));
    let fit = |v: f64| {
        #[expect(
            clippy::cast_possible_truncation,
            reason = "at most (w + h)·√2, saturating to u32::MAX beyond"
        )]
        let n = libm::ceil(v - 1e-6).max(0.0) as u32;
        n
    };
    Ok((
        fit(libm::fabs(w * c) + libm::fabs(h * s)),
        fit(libm::fabs(w * s) + libm::fabs(h * c)),
    ))
}

/// `src` turned by `degrees` about its centre, clockwise on screen for positive angles
/// (y grows downwards), into a canvas of the [`rotated_size`] (with
/// [`expand`](RotateOptions::expand)) or of the source's size; the centres of source
/// and canvas coincide. Angle 0 is an exact copy; quarter turns map pixel centres onto
/// pixel centres, so they match [`rotate90`](super::rotate90) and friends exactly
/// (with `expand`, or in a square image).
///
/// # Errors
///
/// [`WarpError::Angle`] when `degrees` is not finite; [`WarpError::Size`] when the
/// expanded canvas is too large for an image.
///
/// ```
/// use chiaro_ops::geometric::{RotateOptions, rotate, rotate90};
/// use chiaro_pixel::{Gray8, Image};
///
/// let src = Image::from_fn(5, 3, |x, y| Gray8::new((10 * y + x) as u8));
/// let turned = rotate(src.as_view(), 90.0, &RotateOptions::default())?;
/// assert_eq!(turned, rotate90(src.as_view()));
/// # Ok::<(), chiaro_ops::geometric::WarpError>(())
/// ```
pub fn rotate<P: Pixel>(
    src: View<'_, P>,
    degrees: f32,
    options: &RotateOptions<P>,
) -> Result<Image<P>, WarpError> {
    let size = if options.expand {
        rotated_size(src.size(), degrees)?
    } else if degrees.is_finite() {
        src.size()
    } else {
        return Err(WarpError::Angle);
    };
    let (c, s) = cos_sin(degrees);
    // Destination point p' relative to the canvas centre, turned back by the angle,
    // lands at the source point relative to the source centre:
    // x = c·dx + s·dy + cx, y = −s·dx + c·dy + cy.
    let (cx, cy) = (f64::from(src.width()) / 2.0, f64::from(src.height()) / 2.0);
    let (ox, oy) = (f64::from(size.0) / 2.0, f64::from(size.1) / 2.0);
    let inverse = Inverse([c, -s, s, c, cx - c * ox - s * oy, cy + s * ox - c * oy]);
    warp_inverse(
        src,
        inverse,
        size,
        options.interpolation,
        options.background,
    )
}
