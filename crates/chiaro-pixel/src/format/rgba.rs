//! RGBA formats with straight (unassociated) alpha.

use super::pixel_format;

pixel_format! {
    /// 8-bit sRGB-encoded RGBA with straight alpha: what PNG files and most APIs hold.
    ///
    /// Compositing and filtering need premultiplied pixels; convert with
    /// [`Rgba8::premultiply`] (or a whole view with [`convert`](crate::convert())).
    pub struct Rgba8: [u8; 4] {
        /// Red, 0–255.
        r,
        /// Green, 0–255.
        g,
        /// Blue, 0–255.
        b,
        /// Alpha, 0 (transparent) – 255 (opaque).
        a,
    }
    model: Rgba, alpha: Straight, encoding: SrgbEncoded, derive: [Eq, Hash],
}

impl Rgba8 {
    /// Fully transparent black.
    pub const TRANSPARENT: Self = Self::new(0, 0, 0, 0);
    /// Opaque black.
    pub const BLACK: Self = Self::new(0, 0, 0, 255);
    /// Opaque white.
    pub const WHITE: Self = Self::new(255, 255, 255, 255);
}

pixel_format! {
    /// 16-bit sRGB-encoded RGBA with straight alpha.
    pub struct Rgba16: [u16; 4] {
        /// Red, 0–65535.
        r,
        /// Green, 0–65535.
        g,
        /// Blue, 0–65535.
        b,
        /// Alpha, 0–65535.
        a,
    }
    model: Rgba, alpha: Straight, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// Normalized sRGB-encoded RGBA as `f32`, straight alpha. Colour values are
    /// encoded, not light.
    pub struct RgbaF32: [f32; 4] {
        /// Encoded red, nominally 0.0–1.0.
        r,
        /// Encoded green, nominally 0.0–1.0.
        g,
        /// Encoded blue, nominally 0.0–1.0.
        b,
        /// Alpha, 0.0–1.0.
        a,
    }
    model: Rgba, alpha: Straight, encoding: SrgbEncoded, derive: [],
}

pixel_format! {
    /// Linear-light RGBA as `f32`, straight alpha.
    pub struct LinRgbaF32: [f32; 4] {
        /// Linear red, nominally 0.0–1.0.
        r,
        /// Linear green, nominally 0.0–1.0.
        g,
        /// Linear blue, nominally 0.0–1.0.
        b,
        /// Alpha, 0.0–1.0.
        a,
    }
    model: Rgba, alpha: Straight, encoding: LinearLight, derive: [],
}

pixel_format! {
    /// 8-bit sRGB-encoded BGRA with straight alpha: the byte order of Windows DIBs,
    /// Cairo's and many GPU surfaces (on little-endian machines).
    pub struct Bgra8: [u8; 4] {
        /// Blue, 0–255.
        b,
        /// Green, 0–255.
        g,
        /// Red, 0–255.
        r,
        /// Alpha, 0–255.
        a,
    }
    model: Bgra, alpha: Straight, encoding: SrgbEncoded, derive: [Eq, Hash],
}
