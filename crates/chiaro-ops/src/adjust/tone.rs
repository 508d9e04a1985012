//! Per-channel tone adjustments: brightness, contrast, gamma, invert, threshold,
//! colour balance. Each runs through a lookup table for 8-bit straight or opaque
//! formats.

use chiaro_pixel::{Pixel, ViewMut};

use super::AdjustError;
use super::apply::{luma, per_channel, per_rgb};
use super::error::check;

/// Adds `amount` (a fraction of full scale, −1 darkens everything to black, 1 brightens
/// to white) to every colour channel; alpha is kept.
///
/// # Errors
///
/// [`AdjustError::NotFinite`] for a NaN or infinite `amount`;
/// [`AdjustError::UnsupportedModel`] for formats without known colour channels.
///
/// ```
/// use chiaro_ops::adjust::brightness;
/// use chiaro_pixel::{Image, Rgb8};
///
/// let mut image = Image::filled(2, 2, Rgb8::new(100, 200, 250));
/// brightness(image.as_view_mut(), 0.1)?;
/// assert_eq!(image.get(0, 0), Some(&Rgb8::new(126, 226, 255)));
/// # Ok::<(), chiaro_ops::adjust::AdjustError>(())
/// ```
pub fn brightness<P: Pixel>(view: ViewMut<'_, P>, amount: f32) -> Result<(), AdjustError> {
    let amount = check(amount, "amount", |_| true)?;
    per_channel(view, |_, v| v + amount)
}

/// Scales every colour channel's distance from mid-grey (0.5) by `factor`: 1 keeps
/// the image, 0 makes it flat grey, 2 doubles the contrast.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for a negative `factor`, [`AdjustError::NotFinite`]
/// for NaN or infinity; [`AdjustError::UnsupportedModel`] as for [`brightness`].
pub fn contrast<P: Pixel>(view: ViewMut<'_, P>, factor: f32) -> Result<(), AdjustError> {
    let factor = check(factor, "factor", |f| f >= 0.0)?;
    per_channel(view, |_, v| (v - 0.5) * factor + 0.5)
}

/// Gamma correction: every colour channel `v` (normalized) becomes `v^(1/gamma)`, so
/// `gamma > 1` brightens mid-tones and `gamma < 1` darkens them; black and white stay.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] unless `gamma > 0`, [`AdjustError::NotFinite`] for NaN
/// or infinity; [`AdjustError::UnsupportedModel`] as for [`brightness`].
pub fn gamma<P: Pixel>(view: ViewMut<'_, P>, gamma: f32) -> Result<(), AdjustError> {
    let g = check(gamma, "gamma", |g| g > 0.0)?;
    let e = 1.0 / g;
    per_channel(view, |_, v| if v > 0.0 { libm::powf(v, e) } else { v })
}

/// Replaces every colour channel `v` by `max − v`; alpha is kept. Applying it twice
/// restores the image exactly for integer formats.
///
/// # Errors
///
/// [`AdjustError::UnsupportedModel`] for formats without known colour channels.
pub fn invert<P: Pixel>(view: ViewMut<'_, P>) -> Result<(), AdjustError> {
    per_channel(view, |_, v| 1.0 - v)
}

/// Black and white: colour becomes full white where the pixel's Rec. 709 luma is at
/// least `level` (a fraction of full scale) and black elsewhere; alpha is kept.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for `level` outside 0–1, [`AdjustError::NotFinite`] for
/// NaN; [`AdjustError::UnsupportedModel`] as for [`brightness`].
pub fn threshold<P: Pixel>(view: ViewMut<'_, P>, level: f32) -> Result<(), AdjustError> {
    let level = check(level, "level", |l| (0.0..=1.0).contains(&l))?;
    per_rgb(view, |rgb| {
        let v = if luma(rgb) >= level { 1.0 } else { 0.0 };
        [v; 3]
    })
}

/// Colour balance as per-channel gains: red, green and blue are multiplied by
/// `red`, `green` and `blue` (1 keeps a channel). A grey image takes the luma of the
/// three gains.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for a negative gain, [`AdjustError::NotFinite`] for NaN
/// or infinity; [`AdjustError::UnsupportedModel`] as for [`brightness`].
pub fn color_balance<P: Pixel>(
    view: ViewMut<'_, P>,
    red: f32,
    green: f32,
    blue: f32,
) -> Result<(), AdjustError> {
    let gains = [
        check(red, "red", |g| g >= 0.0)?,
        check(green, "green", |g| g >= 0.0)?,
        check(blue, "blue", |g| g >= 0.0)?,
    ];
    let grey = matches!(super::apply::Layout::of::<P>()?, super::apply::Layout::Gray);
    let grey_gain = luma(gains);
    per_channel(
        view,
        |slot, v| if grey { v * grey_gain } else { v * gains[slot] },
    )
}
