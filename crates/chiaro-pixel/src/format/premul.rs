//! RGBA formats with premultiplied (associated) alpha: the form compositing, filtering
//! and resizing work in.
//!
//! Each colour channel holds `colour × alpha`. In a valid pixel no colour channel
//! exceeds alpha; chiaro's conversions never produce one that does, and consumers must
//! tolerate (clamp) one read from outside memory.

use super::pixel_format;

pixel_format! {
    /// 8-bit sRGB-encoded RGBA with premultiplied alpha: the canvas storage format.
    ///
    /// # What premultiplying in 8 bits loses
    ///
    /// A premultiplied channel has only `alpha + 1` possible values, so colour detail
    /// is quantized more coarsely the more transparent a pixel is: at alpha 255 nothing
    /// is lost; at alpha 128 each premultiplied step spans about 2 levels of straight
    /// colour; at alpha 1 only "off" or "on" survive, and at alpha 0 the colour is gone
    /// (it unpremultiplies to black). The exact bound of a round trip is stated at
    /// [`unpremultiply`](mod@crate::convert#premultiplied-alpha). Keep straight or `f32`
    /// data if low-alpha colour must survive editing.
    pub struct PremulRgba8: [u8; 4] {
        /// Red × alpha / 255.
        r,
        /// Green × alpha / 255.
        g,
        /// Blue × alpha / 255.
        b,
        /// Alpha, 0 (transparent) – 255 (opaque).
        a,
    }
    model: Rgba, alpha: Premultiplied, encoding: SrgbEncoded, derive: [Eq, Hash],
}

impl PremulRgba8 {
    /// Fully transparent.
    pub const TRANSPARENT: Self = Self::new(0, 0, 0, 0);

    /// Creates a premultiplied pixel, checking that no colour channel exceeds alpha.
    /// Returns `None` exactly when one does.
    #[inline]
    pub const fn checked(r: u8, g: u8, b: u8, a: u8) -> Option<Self> {
        if r <= a && g <= a && b <= a {
            Some(Self::new(r, g, b, a))
        } else {
            None
        }
    }
}

pixel_format! {
    /// Normalized sRGB-encoded RGBA as `f32` with premultiplied alpha.
    pub struct PremulRgbaF32: [f32; 4] {
        /// Encoded red × alpha.
        r,
        /// Encoded green × alpha.
        g,
        /// Encoded blue × alpha.
        b,
        /// Alpha, 0.0–1.0.
        a,
    }
    model: Rgba, alpha: Premultiplied, encoding: SrgbEncoded, derive: [],
}

pixel_format! {
    /// Linear-light RGBA as `f32` with premultiplied alpha: the working format of
    /// physically correct blending, resizing and blurring.
    pub struct LinPremulRgbaF32: [f32; 4] {
        /// Linear red × alpha.
        r,
        /// Linear green × alpha.
        g,
        /// Linear blue × alpha.
        b,
        /// Alpha, 0.0–1.0.
        a,
    }
    model: Rgba, alpha: Premultiplied, encoding: LinearLight, derive: [],
}
