//! Oklab and Oklch (Björn Ottosson, 2020).

use super::matrix::{self, Mat3};
use super::{ColorSpace, LINEAR_SRGB_TO_XYZ, XYZ_TO_LINEAR_SRGB, color_type, f32x3, hue_degrees};

/// Linear sRGB to cone-like LMS (Ottosson's published `M1` for linear sRGB).
pub(crate) const LINEAR_SRGB_TO_LMS: Mat3 = [
    [0.412_221_470_8, 0.536_332_536_3, 0.051_445_992_9],
    [0.211_903_498_2, 0.680_699_545_1, 0.107_396_956_6],
    [0.088_302_461_9, 0.281_718_837_6, 0.629_978_700_5],
];
/// Cube-rooted LMS to Oklab (Ottosson's `M2`).
pub(crate) const LMS_TO_OKLAB: Mat3 = [
    [0.210_454_255_3, 0.793_617_785_0, -0.004_072_046_8],
    [1.977_998_495_1, -2.428_592_205_0, 0.450_593_709_9],
    [0.025_904_037_1, 0.782_771_766_2, -0.808_675_766_0],
];
const OKLAB_TO_LMS: Mat3 = matrix::invert(&LMS_TO_OKLAB);
const XYZ_TO_LMS: Mat3 = matrix::mul(&LINEAR_SRGB_TO_LMS, &XYZ_TO_LINEAR_SRGB);
const LMS_TO_XYZ: Mat3 = matrix::mul(&LINEAR_SRGB_TO_XYZ, &matrix::invert(&LINEAR_SRGB_TO_LMS));

color_type! {
    /// Oklab: a perceptually uniform space whose Euclidean distances and straight-line
    /// blends match perception far better than Lab's, for the same cost.
    pub struct Oklab {
        /// Perceived lightness, 0 (black) to 1 (white).
        l,
        /// Green (negative) to red (positive).
        a,
        /// Blue (negative) to yellow (positive).
        b,
    }
}

color_type! {
    /// Oklch: the polar form of [`Oklab`], the basis of CSS `oklch()`.
    pub struct Oklch {
        /// Perceived lightness, 0 to 1.
        l,
        /// Chroma, `√(a² + b²)`.
        c,
        /// Hue angle in degrees, 0 ≤ h < 360 (0 for neutral colours).
        h,
    }
}

fn xyz_to_oklab(xyz: [f64; 3]) -> [f64; 3] {
    let lms = matrix::mul_vec(&XYZ_TO_LMS, xyz);
    matrix::mul_vec(&LMS_TO_OKLAB, lms.map(libm::cbrt))
}

fn oklab_to_xyz(lab: [f64; 3]) -> [f64; 3] {
    let lms = matrix::mul_vec(&OKLAB_TO_LMS, lab).map(|v| v * v * v);
    matrix::mul_vec(&LMS_TO_XYZ, lms)
}

impl ColorSpace for Oklab {
    fn to_xyz_f64(self) -> [f64; 3] {
        oklab_to_xyz([self.l, self.a, self.b].map(f64::from))
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        f32x3(xyz_to_oklab(xyz)).into()
    }
}

impl ColorSpace for Oklch {
    fn to_xyz_f64(self) -> [f64; 3] {
        Oklab::from(self).to_xyz_f64()
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        Oklab::from_xyz_f64(xyz).into()
    }
}

impl From<Oklab> for Oklch {
    fn from(c: Oklab) -> Self {
        let [l, a, b] = [c.l, c.a, c.b].map(f64::from);
        f32x3([l, libm::hypot(a, b), hue_degrees(b, a)]).into()
    }
}

impl From<Oklch> for Oklab {
    fn from(c: Oklch) -> Self {
        let (s, co) = libm::sincos(f64::from(c.h).to_radians());
        let chroma = f64::from(c.c);
        f32x3([f64::from(c.l), chroma * co, chroma * s]).into()
    }
}
