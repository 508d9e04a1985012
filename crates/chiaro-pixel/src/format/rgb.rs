//! Opaque RGB formats.

use super::pixel_format;

pixel_format! {
    /// 8-bit sRGB-encoded RGB, opaque.
    pub struct Rgb8: [u8; 3] {
        /// Red, 0–255.
        r,
        /// Green, 0–255.
        g,
        /// Blue, 0–255.
        b,
    }
    model: Rgb, alpha: Opaque, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// 16-bit sRGB-encoded RGB, opaque.
    pub struct Rgb16: [u16; 3] {
        /// Red, 0–65535.
        r,
        /// Green, 0–65535.
        g,
        /// Blue, 0–65535.
        b,
    }
    model: Rgb, alpha: Opaque, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// Normalized sRGB-encoded RGB as `f32`, opaque: the usual layout of an image
    /// tensor. Values are encoded, not light.
    pub struct RgbF32: [f32; 3] {
        /// Encoded red, nominally 0.0–1.0.
        r,
        /// Encoded green, nominally 0.0–1.0.
        g,
        /// Encoded blue, nominally 0.0–1.0.
        b,
    }
    model: Rgb, alpha: Opaque, encoding: SrgbEncoded, derive: [],
}

pixel_format! {
    /// Linear-light RGB (sRGB primaries) as `f32`, opaque.
    pub struct LinRgbF32: [f32; 3] {
        /// Linear red, nominally 0.0–1.0.
        r,
        /// Linear green, nominally 0.0–1.0.
        g,
        /// Linear blue, nominally 0.0–1.0.
        b,
    }
    model: Rgb, alpha: Opaque, encoding: LinearLight, derive: [],
}
