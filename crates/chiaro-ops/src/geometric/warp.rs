//! Affine warps by inverse mapping.

use alloc::vec::Vec;
use core::fmt;

use chiaro_draw::Transform;
use chiaro_pixel::{Image, LayoutError, Pixel, View};

use super::interpolate::{Interpolation, Source};
use crate::filter::sample::store_working;

/// Why a warp or rotation could not run.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum WarpError {
    /// The transform has a field that is not finite.
    NotFinite,
    /// The transform is singular (its determinant is zero), so it has no inverse.
    Singular,
    /// The angle is NaN or infinite.
    Angle,
    /// The output size does not fit an image.
    Size(LayoutError),
}

impl fmt::Display for WarpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFinite => f.write_str("the transform has a non-finite field"),
            Self::Singular => f.write_str("the transform is singular and cannot be inverted"),
            Self::Angle => f.write_str("the angle is not finite"),
            Self::Size(e) => write!(f, "the output size is not valid: {e}"),
        }
    }
}

impl core::error::Error for WarpError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Size(e) => Some(e),
            _ => None,
        }
    }
}

/// An inverse affine map in `f64`: destination → source, `[a, b, c, d, e, f]` with
/// `x = a·x' + c·y' + e`, `y = b·x' + d·y' + f`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Inverse(pub(crate) [f64; 6]);

impl Inverse {
    /// The inverse of `t` (source → destination).
    pub(crate) fn of(t: &Transform) -> Result<Self, WarpError> {
        if !t.is_finite() {
            return Err(WarpError::NotFinite);
        }
        let [a, b, c, d, e, f] = t.to_array().map(f64::from);
        let det = a * d - b * c;
        if det == 0.0 || !det.is_finite() {
            return Err(WarpError::Singular);
        }
        let inv = 1.0 / det;
        let (ia, ib, ic, id) = (d * inv, -b * inv, -c * inv, a * inv);
        Ok(Self([
            ia,
            ib,
            ic,
            id,
            -(ia * e + ic * f),
            -(ib * e + id * f),
        ]))
    }
}

/// `src` mapped through `transform` (which takes source coordinates to destination
/// coordinates, as when drawing an image with that transform) onto a new
/// `width × height` image: each destination pixel centre is mapped back through the
/// inverse and sampled with `interpolation`; where that falls outside the source,
/// `background` shows.
///
/// # Errors
///
/// [`WarpError::NotFinite`] or [`WarpError::Singular`] for a transform that cannot be
/// inverted, [`WarpError::Size`] for an output size too large for an image.
///
/// ```
/// use chiaro_draw::Transform;
/// use chiaro_ops::geometric::{Interpolation, warp};
/// use chiaro_pixel::{Gray8, Image};
///
/// let src = Image::from_fn(4, 4, |x, y| Gray8::new((x + 4 * y) as u8));
/// // Move right by one pixel; the uncovered column shows the background.
/// let moved = warp(
///     src.as_view(),
///     Transform::translate(1.0, 0.0),
///     (4, 4),
///     Interpolation::Bilinear,
///     Gray8::new(99),
/// )?;
/// assert_eq!(moved.get(0, 0), Some(&Gray8::new(99)));
/// assert_eq!(moved.get(1, 2), Some(&Gray8::new(8)));
/// # Ok::<(), chiaro_ops::geometric::WarpError>(())
/// ```
pub fn warp<P: Pixel>(
    src: View<'_, P>,
    transform: Transform,
    (width, height): (u32, u32),
    interpolation: Interpolation,
    background: P,
) -> Result<Image<P>, WarpError> {
    let inverse = Inverse::of(&transform)?;
    warp_inverse(src, inverse, (width, height), interpolation, background)
}

/// [`warp`] with the inverse map given.
pub(crate) fn warp_inverse<P: Pixel>(
    src: View<'_, P>,
    inverse: Inverse,
    (width, height): (u32, u32),
    interpolation: Interpolation,
    background: P,
) -> Result<Image<P>, WarpError> {
    let mut dst = Image::<P>::try_new(width, height).map_err(WarpError::Size)?;
    if dst.is_empty() {
        return Ok(dst);
    }
    let source = Source::new(src, background);
    let ch = P::CHANNELS;
    let [a, b, c, d, e, f] = inverse.0;
    let row = |y: usize, out: &mut [P], acc: &mut Vec<f32>| {
        acc.clear();
        acc.resize(out.len() * ch, 0.0);
        let yc = y as f64 + 0.5;
        for (x, px) in acc.chunks_exact_mut(ch).enumerate() {
            let xc = x as f64 + 0.5;
            // Source position of this centre, in pixel-index space.
            let sx = a * xc + c * yc + e - 0.5;
            let sy = b * xc + d * yc + f - 0.5;
            source.sample(interpolation, sx, sy, px);
        }
        store_working(acc, out);
    };
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.par_rows_mut()
            .enumerate()
            .for_each_init(Vec::new, |acc, (y, out)| row(y, out, acc));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut acc = Vec::new();
        for (y, out) in dst.rows_mut().enumerate() {
            row(y, out, &mut acc);
        }
    }
    Ok(dst)
}
