//! CIE L\*a\*b\* and L\*C\*h, relative to D65 or (Bradford-adapted) D50.

use super::matrix::{self, Mat3};
use super::{ColorSpace, D50, D65, color_type, f32x3, hue_degrees};

/// CIE ε: below this relative luminance the lightness curve is linear.
const EPSILON: f64 = 216.0 / 24389.0;
/// CIE κ: slope of the linear part.
const KAPPA: f64 = 24389.0 / 27.0;

/// The Lab companding function `f(t)`.
#[inline]
pub(crate) fn lab_f(t: f64) -> f64 {
    if t > EPSILON {
        libm::cbrt(t)
    } else {
        (KAPPA * t + 16.0) / 116.0
    }
}

/// The inverse of [`lab_f`].
#[inline]
pub(crate) fn lab_f_inv(f: f64) -> f64 {
    let f3 = f * f * f;
    if f3 > EPSILON {
        f3
    } else {
        (116.0 * f - 16.0) / KAPPA
    }
}

fn xyz_to_lab(xyz: [f64; 3], white: [f64; 3]) -> [f64; 3] {
    let [fx, fy, fz] = [0, 1, 2].map(|i| lab_f(xyz[i] / white[i]));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn lab_to_xyz([l, a, b]: [f64; 3], white: [f64; 3]) -> [f64; 3] {
    let fy = (l + 16.0) / 116.0;
    let fx = fy + a / 500.0;
    let fz = fy - b / 200.0;
    // Y uses the lightness form directly so that dark colours stay exact.
    let y = if l > KAPPA * EPSILON {
        fy * fy * fy
    } else {
        l / KAPPA
    };
    [
        lab_f_inv(fx) * white[0],
        y * white[1],
        lab_f_inv(fz) * white[2],
    ]
}

fn to_polar([l, a, b]: [f64; 3]) -> [f64; 3] {
    [l, libm::hypot(a, b), hue_degrees(b, a)]
}

fn from_polar([l, c, h]: [f64; 3]) -> [f64; 3] {
    let (s, co) = libm::sincos(h.to_radians());
    [l, c * co, c * s]
}

const D65_TO_D50: Mat3 = matrix::bradford(D65, D50);
const D50_TO_D65: Mat3 = matrix::bradford(D50, D65);

/// Defines a Lab type and its LCh companion for one white point.
macro_rules! lab_pair {
    (
        $lab:ident, $lch:ident, $white:expr, $to_local:expr, $from_local:expr,
        $lab_doc:literal, $lch_doc:literal
    ) => {
        color_type! {
            #[doc = $lab_doc]
            pub struct $lab {
                /// Lightness L\*, 0 (black) to 100 (white).
                l,
                /// a\*: green (negative) to red (positive).
                a,
                /// b\*: blue (negative) to yellow (positive).
                b,
            }
        }

        color_type! {
            #[doc = $lch_doc]
            pub struct $lch {
                /// Lightness L\*, 0 to 100.
                l,
                /// Chroma C\*, `√(a² + b²)`.
                c,
                /// Hue angle in degrees, 0 ≤ h < 360 (0 for neutral colours).
                h,
            }
        }

        impl ColorSpace for $lab {
            fn to_xyz_f64(self) -> [f64; 3] {
                let local = lab_to_xyz([self.l, self.a, self.b].map(f64::from), $white);
                let to_d65: fn([f64; 3]) -> [f64; 3] = $from_local;
                to_d65(local)
            }
            fn from_xyz_f64(xyz: [f64; 3]) -> Self {
                let to_local: fn([f64; 3]) -> [f64; 3] = $to_local;
                f32x3(xyz_to_lab(to_local(xyz), $white)).into()
            }
        }

        impl ColorSpace for $lch {
            fn to_xyz_f64(self) -> [f64; 3] {
                let lab = from_polar([self.l, self.c, self.h].map(f64::from));
                $lab::from(f32x3(lab)).to_xyz_f64()
            }
            fn from_xyz_f64(xyz: [f64; 3]) -> Self {
                let to_local: fn([f64; 3]) -> [f64; 3] = $to_local;
                f32x3(to_polar(xyz_to_lab(to_local(xyz), $white))).into()
            }
        }

        impl From<$lab> for $lch {
            fn from(c: $lab) -> Self {
                f32x3(to_polar([c.l, c.a, c.b].map(f64::from))).into()
            }
        }

        impl From<$lch> for $lab {
            fn from(c: $lch) -> Self {
                f32x3(from_polar([c.l, c.c, c.h].map(f64::from))).into()
            }
        }
    };
}

lab_pair!(
    Lab,
    Lch,
    D65,
    |xyz| xyz,
    |xyz| xyz,
    "CIE L\\*a\\*b\\* relative to D65 white: the web's and most software's Lab.",
    "CIE L\\*C\\*h(ab), the polar form of [`Lab`] (D65)."
);

lab_pair!(
    LabD50,
    LchD50,
    D50,
    |xyz| matrix::mul_vec(&D65_TO_D50, xyz),
    |xyz| matrix::mul_vec(&D50_TO_D65, xyz),
    "CIE L\\*a\\*b\\* relative to D50 white, the ICC profile connection space used in \
     print; converted from D65 with the Bradford transform.",
    "CIE L\\*C\\*h(ab) relative to D50, the polar form of [`LabD50`]."
);
