//! Colour adjustments through 3 × 3 matrices on RGB: saturation, hue rotation,
//! grayscale, sepia.

use chiaro_pixel::{Pixel, ViewMut};

use super::AdjustError;
use super::apply::{luma, per_rgb};
use super::error::check;

/// `m · rgb`.
#[inline]
fn apply(m: &[[f32; 3]; 3], [r, g, b]: [f32; 3]) -> [f32; 3] {
    m.map(|row| row[0] * r + row[1] * g + row[2] * b)
}

/// Scales each pixel's distance from its own Rec. 709 grey by `factor`: 1 keeps the
/// image, 0 makes it grey, 2 doubles the saturation. Grey formats are unchanged.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for a negative `factor`, [`AdjustError::NotFinite`]
/// for NaN or infinity; [`AdjustError::UnsupportedModel`] for formats without known
/// colour channels.
pub fn saturation<P: Pixel>(view: ViewMut<'_, P>, factor: f32) -> Result<(), AdjustError> {
    let s = check(factor, "factor", |f| f >= 0.0)?;
    per_rgb(view, |rgb| {
        let y = luma(rgb);
        rgb.map(|c| y + s * (c - y))
    })
}

/// Turns hues by `degrees` around the grey axis, keeping Rec. 709 luma (the matrix of
/// the CSS `hue-rotate()` filter). 0 and 360 keep the image.
///
/// # Errors
///
/// [`AdjustError::NotFinite`] for a NaN or infinite angle;
/// [`AdjustError::UnsupportedModel`] as for [`saturation`].
pub fn hue_rotate<P: Pixel>(view: ViewMut<'_, P>, degrees: f32) -> Result<(), AdjustError> {
    let d = check(degrees, "degrees", |_| true)?;
    let rad = (d % 360.0).to_radians();
    let (s, c) = (libm::sinf(rad), libm::cosf(rad));
    let m = [
        [
            0.2126 + 0.7874 * c - 0.2126 * s,
            0.7152 - 0.7152 * c - 0.7152 * s,
            0.0722 - 0.0722 * c + 0.9278 * s,
        ],
        [
            0.2126 - 0.2126 * c + 0.143 * s,
            0.7152 + 0.2848 * c + 0.140 * s,
            0.0722 - 0.0722 * c - 0.283 * s,
        ],
        [
            0.2126 - 0.2126 * c - 0.7874 * s,
            0.7152 - 0.7152 * c + 0.7152 * s,
            0.0722 + 0.9278 * c + 0.0722 * s,
        ],
    ];
    if d % 360.0 == 0.0 {
        return Ok(());
    }
    per_rgb(view, |rgb| apply(&m, rgb))
}

/// Replaces colour by its Rec. 709 luma (on the stored, sRGB-encoded values, as
/// chiaro-pixel's grey conversions do); alpha is kept.
///
/// # Errors
///
/// [`AdjustError::UnsupportedModel`] for formats without known colour channels.
pub fn grayscale<P: Pixel>(view: ViewMut<'_, P>) -> Result<(), AdjustError> {
    per_rgb(view, |rgb| [luma(rgb); 3])
}

/// Sepia toning, mixed with the original by `amount` (0 keeps the image, 1 is full
/// sepia; the matrix of the CSS `sepia()` filter).
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for `amount` outside 0–1, [`AdjustError::NotFinite`]
/// for NaN; [`AdjustError::UnsupportedModel`] as for [`saturation`].
pub fn sepia<P: Pixel>(view: ViewMut<'_, P>, amount: f32) -> Result<(), AdjustError> {
    let a = check(amount, "amount", |a| (0.0..=1.0).contains(&a))?;
    let k = 1.0 - a;
    let m = [
        [0.393 + 0.607 * k, 0.769 - 0.769 * k, 0.189 - 0.189 * k],
        [0.349 - 0.349 * k, 0.686 + 0.314 * k, 0.168 - 0.168 * k],
        [0.272 - 0.272 * k, 0.534 - 0.534 * k, 0.131 + 0.869 * k],
    ];
    per_rgb(view, |rgb| apply(&m, rgb))
}
