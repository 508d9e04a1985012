//! CIE 1931 XYZ.

use super::{ColorSpace, color_type, f32x3};

color_type! {
    /// CIE 1931 XYZ tristimulus values relative to D65, white at Y = 1.
    pub struct Xyz {
        /// X.
        x,
        /// Y: relative luminance.
        y,
        /// Z.
        z,
    }
}

impl ColorSpace for Xyz {
    fn to_xyz_f64(self) -> [f64; 3] {
        [self.x, self.y, self.z].map(f64::from)
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        f32x3(xyz).into()
    }
}
