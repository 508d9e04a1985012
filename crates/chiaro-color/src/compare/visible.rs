//! [`VisibleColor`]: what an 8-bit pixel looks like, for the comparisons that measure
//! what people see.

use chiaro_pixel::{AlphaMode, Bgra8, ColorModel, Gray8, GrayA8, Pixel, PremulRgba8, Rgb8, Rgba8};

/// An 8-bit sRGB-encoded pixel format with a colour a person can see: the bound of
/// [`ssim`](super::ssim), [`delta_e_map`](super::delta_e_map) and
/// [`difference_image`](super::difference_image).
///
/// Implemented for [`Gray8`], [`GrayA8`], [`Rgb8`], [`Rgba8`], [`Bgra8`] and
/// [`PremulRgba8`]; implement it for a format of your own to compare it the same way.
///
/// # How alpha is shown
///
/// A pixel with alpha is seen *composited over a background*, in encoded sRGB as
/// browsers and chiaro-draw composite: `shown = colour·α + background·(1 − α)`, where
/// the colour is premultiplied first for straight-alpha formats. No single background
/// is enough for a comparison: over black, transparent and opaque black look the same;
/// over white, transparent and opaque white do. Two pixels that look the same over
/// both black and white are equal, so the comparisons show each image over both and
/// report the worse (ΔE) or the mean (SSIM) of the two. The `*_over` variants take one
/// background of the caller's choosing instead. Opaque formats look the same over
/// anything, and cost half as much.
pub trait VisibleColor: Pixel<Channel = u8> {
    /// The colour as encoded sRGB red, green and blue (all three equal for gray
    /// formats), and the alpha (255 for opaque formats). The colour is premultiplied
    /// exactly when [`Pixel::ALPHA`] is [`AlphaMode::Premultiplied`].
    fn rgb_alpha(&self) -> ([u8; 3], u8);
}

impl VisibleColor for Gray8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.v; 3], u8::MAX)
    }
}

impl VisibleColor for GrayA8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.v; 3], self.a)
    }
}

impl VisibleColor for Rgb8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.r, self.g, self.b], u8::MAX)
    }
}

impl VisibleColor for Rgba8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.r, self.g, self.b], self.a)
    }
}

impl VisibleColor for Bgra8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.r, self.g, self.b], self.a)
    }
}

impl VisibleColor for PremulRgba8 {
    #[inline]
    fn rgb_alpha(&self) -> ([u8; 3], u8) {
        ([self.r, self.g, self.b], self.a)
    }
}

/// Rounds `x / 255` to the nearest integer; `x ≤ 255 · 255`.
#[inline]
fn div255(x: u16) -> u8 {
    // `x / 255` is never exactly halfway (255 is odd), so this is round-to-nearest.
    u8::try_from((x + 127) / 255).unwrap_or(u8::MAX)
}

/// The colour `p` shows over an opaque `background`, rounded to 8 bits.
#[inline]
pub(super) fn shown_over<P: VisibleColor>(p: &P, background: [u8; 3]) -> [u8; 3] {
    let (rgb, a) = p.rgb_alpha();
    let (a, rest) = (u16::from(a), u16::from(u8::MAX - a));
    match P::ALPHA {
        AlphaMode::Opaque => rgb,
        AlphaMode::Straight => {
            [0, 1, 2].map(|i| div255(u16::from(rgb[i]) * a + u16::from(background[i]) * rest))
        }
        // A colour above its alpha is not valid premultiplied data; saturate.
        AlphaMode::Premultiplied => {
            [0, 1, 2].map(|i| rgb[i].saturating_add(div255(u16::from(background[i]) * rest)))
        }
    }
}

/// Rec. 709 luma of encoded sRGB values; gray formats return their value exactly.
#[inline]
fn luma<P: Pixel>(rgb: [u8; 3]) -> f64 {
    if matches!(P::MODEL, ColorModel::Gray | ColorModel::GrayAlpha) {
        f64::from(rgb[0])
    } else {
        0.2126 * f64::from(rgb[0]) + 0.7152 * f64::from(rgb[1]) + 0.0722 * f64::from(rgb[2])
    }
}

/// The luma (0–255, unrounded) `p` shows over a gray background of luma `background`.
#[inline]
pub(super) fn luma_over<P: VisibleColor>(p: &P, background: f64) -> f64 {
    let (rgb, a) = p.rgb_alpha();
    let y = luma::<P>(rgb);
    let a = f64::from(a) / 255.0;
    match P::ALPHA {
        AlphaMode::Opaque => y,
        AlphaMode::Straight => y * a + background * (1.0 - a),
        AlphaMode::Premultiplied => y + background * (1.0 - a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_rounds_to_nearest() {
        let half = Rgba8::new(255, 100, 0, 128);
        assert_eq!(shown_over(&half, [0; 3]), [128, 50, 0]);
        assert_eq!(shown_over(&half, [255; 3]), [255, 177, 127]);
        let premul = PremulRgba8::new(128, 50, 0, 128);
        assert_eq!(shown_over(&premul, [0; 3]), [128, 50, 0]);
        assert_eq!(shown_over(&premul, [255; 3]), [255, 177, 127]);
        // Invalid premultiplied data saturates rather than wrapping.
        assert_eq!(
            shown_over(&PremulRgba8::new(200, 0, 0, 100), [255; 3]),
            [255, 155, 155]
        );
        assert_eq!(shown_over(&Bgra8::new(1, 2, 3, 255), [9; 3]), [3, 2, 1]);
        assert_eq!(shown_over(&GrayA8::new(200, 0), [7; 3]), [7; 3]);
        assert_eq!(shown_over(&Gray8::new(200), [7; 3]), [200; 3]);
    }

    #[test]
    fn luma_is_exact_for_gray_and_follows_alpha() {
        assert_eq!(luma_over(&Gray8::new(77), 255.0), 77.0);
        assert_eq!(luma_over(&GrayA8::new(77, 0), 255.0), 255.0);
        assert_eq!(luma_over(&Rgb8::new(0, 255, 0), 0.0), 0.7152 * 255.0);
        assert_eq!(luma_over(&PremulRgba8::new(0, 0, 0, 0), 255.0), 255.0);
        assert!((luma_over(&Rgba8::new(255, 255, 255, 255), 0.0) - 255.0).abs() < 1e-9);
    }
}
