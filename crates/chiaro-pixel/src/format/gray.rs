//! Gray formats: one luma channel, optionally with straight alpha.

use super::pixel_format;

pixel_format! {
    /// 8-bit sRGB-encoded gray (luma), opaque.
    pub struct Gray8: [u8; 1] {
        /// Luma, 0–255.
        v,
    }
    model: Gray, alpha: Opaque, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// 8-bit sRGB-encoded gray with straight alpha.
    pub struct GrayA8: [u8; 2] {
        /// Luma, 0–255.
        v,
        /// Alpha, 0 (transparent) – 255 (opaque).
        a,
    }
    model: GrayAlpha, alpha: Straight, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// 16-bit sRGB-encoded gray, opaque.
    pub struct Gray16: [u16; 1] {
        /// Luma, 0–65535.
        v,
    }
    model: Gray, alpha: Opaque, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// 16-bit sRGB-encoded gray with straight alpha.
    pub struct GrayA16: [u16; 2] {
        /// Luma, 0–65535.
        v,
        /// Alpha, 0–65535.
        a,
    }
    model: GrayAlpha, alpha: Straight, encoding: SrgbEncoded, derive: [Eq, Hash],
}

pixel_format! {
    /// Normalized sRGB-encoded gray as `f32`, opaque. 0.0 is black, 1.0 white; values
    /// are encoded, not light.
    pub struct GrayF32: [f32; 1] {
        /// Encoded luma, nominally 0.0–1.0.
        v,
    }
    model: Gray, alpha: Opaque, encoding: SrgbEncoded, derive: [],
}

pixel_format! {
    /// Linear-light gray (relative luminance) as `f32`, opaque.
    pub struct LinGrayF32: [f32; 1] {
        /// Relative luminance, nominally 0.0–1.0.
        v,
    }
    model: Gray, alpha: Opaque, encoding: LinearLight, derive: [],
}
