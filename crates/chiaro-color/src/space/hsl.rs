//! HSL and HSV: cylindrical forms of encoded sRGB, as CSS and colour pickers use them.

use chiaro_pixel::RgbF32;

use super::{ColorSpace, color_type, f32x3};

color_type! {
    /// Hue, saturation, lightness over encoded sRGB (CSS `hsl()`).
    pub struct Hsl {
        /// Hue in degrees, 0 ≤ h < 360 (0 for greys).
        h,
        /// Saturation, 0 to 1.
        s,
        /// Lightness, 0 (black) to 1 (white).
        l,
    }
}

color_type! {
    /// Hue, saturation, value over encoded sRGB (HSB in many pickers).
    pub struct Hsv {
        /// Hue in degrees, 0 ≤ h < 360 (0 for greys).
        h,
        /// Saturation, 0 to 1.
        s,
        /// Value (brightness), 0 to 1.
        v,
    }
}

/// `x mod m` in `[0, m)` for `m > 0`, without `std`.
fn rem_euclid(x: f64, m: f64) -> f64 {
    let r = libm::fmod(x, m);
    if r < 0.0 { r + m } else { r }
}

/// Hue in degrees, and max and min, of an RGB triple.
fn hue_max_min([r, g, b]: [f64; 3]) -> (f64, f64, f64) {
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let d = max - min;
    let h = if d == 0.0 {
        0.0
    } else if max == r {
        60.0 * rem_euclid((g - b) / d, 6.0)
    } else if max == g {
        60.0 * ((b - r) / d + 2.0)
    } else {
        60.0 * ((r - g) / d + 4.0)
    };
    (if h >= 360.0 { h - 360.0 } else { h }, max, min)
}

/// RGB from hue, chroma and the amount added to every channel.
fn from_hue(h: f64, chroma: f64, m: f64) -> [f64; 3] {
    let h = rem_euclid(h, 360.0) / 60.0;
    let x = chroma * (1.0 - (rem_euclid(h, 2.0) - 1.0).abs());
    let [r, g, b] = match h {
        h if h < 1.0 => [chroma, x, 0.0],
        h if h < 2.0 => [x, chroma, 0.0],
        h if h < 3.0 => [0.0, chroma, x],
        h if h < 4.0 => [0.0, x, chroma],
        h if h < 5.0 => [x, 0.0, chroma],
        _ => [chroma, 0.0, x],
    };
    [r + m, g + m, b + m]
}

impl From<RgbF32> for Hsl {
    fn from(c: RgbF32) -> Self {
        let (h, max, min) = hue_max_min([c.r, c.g, c.b].map(f64::from));
        let l = (max + min) / 2.0;
        let d = max - min;
        let s = if d == 0.0 {
            0.0
        } else {
            d / (1.0 - (2.0 * l - 1.0).abs())
        };
        f32x3([h, s, l]).into()
    }
}

impl From<Hsl> for RgbF32 {
    fn from(c: Hsl) -> Self {
        let [h, s, l] = [c.h, c.s, c.l].map(f64::from);
        let chroma = (1.0 - (2.0 * l - 1.0).abs()) * s;
        f32x3(from_hue(h, chroma, l - chroma / 2.0)).into()
    }
}

impl From<RgbF32> for Hsv {
    fn from(c: RgbF32) -> Self {
        let (h, max, min) = hue_max_min([c.r, c.g, c.b].map(f64::from));
        let s = if max == 0.0 { 0.0 } else { (max - min) / max };
        f32x3([h, s, max]).into()
    }
}

impl From<Hsv> for RgbF32 {
    fn from(c: Hsv) -> Self {
        let [h, s, v] = [c.h, c.s, c.v].map(f64::from);
        let chroma = v * s;
        f32x3(from_hue(h, chroma, v - chroma)).into()
    }
}

impl From<Hsl> for Hsv {
    fn from(c: Hsl) -> Self {
        RgbF32::from(c).into()
    }
}

impl From<Hsv> for Hsl {
    fn from(c: Hsv) -> Self {
        RgbF32::from(c).into()
    }
}

impl ColorSpace for Hsl {
    fn to_xyz_f64(self) -> [f64; 3] {
        RgbF32::from(self).to_xyz_f64()
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        RgbF32::from_xyz_f64(xyz).into()
    }
}

impl ColorSpace for Hsv {
    fn to_xyz_f64(self) -> [f64; 3] {
        RgbF32::from(self).to_xyz_f64()
    }
    fn from_xyz_f64(xyz: [f64; 3]) -> Self {
        RgbF32::from_xyz_f64(xyz).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let orange = RgbF32::new(1.0, 0.5, 0.0);
        let hsl = Hsl::from(orange);
        assert_eq!((hsl.h, hsl.s, hsl.l), (30.0, 1.0, 0.5));
        let hsv = Hsv::from(orange);
        assert_eq!((hsv.h, hsv.s, hsv.v), (30.0, 1.0, 1.0));
        assert_eq!(
            RgbF32::from(Hsl::new(240.0, 1.0, 0.25)),
            RgbF32::new(0.0, 0.0, 0.5)
        );
        assert_eq!(
            RgbF32::from(Hsv::new(120.0, 0.5, 0.5)),
            RgbF32::new(0.25, 0.5, 0.25)
        );
        let grey = Hsl::from(RgbF32::new(0.3, 0.3, 0.3));
        assert_eq!((grey.h, grey.s), (0.0, 0.0));
        assert_eq!(Hsv::from(RgbF32::new(0.0, 0.0, 0.0)).s, 0.0);
        // Hue wraps.
        assert_eq!(
            RgbF32::from(Hsv::new(360.0 + 60.0, 1.0, 1.0)),
            RgbF32::new(1.0, 1.0, 0.0)
        );
    }

    #[test]
    fn round_trips_on_a_grid() {
        for r in 0..=10 {
            for g in 0..=10 {
                for b in 0..=10 {
                    let c = RgbF32::new(r as f32 / 10.0, g as f32 / 10.0, b as f32 / 10.0);
                    let via_hsl = RgbF32::from(Hsl::from(c));
                    let via_hsv = RgbF32::from(Hsv::from(c));
                    for (x, y) in [(c.r, via_hsl.r), (c.g, via_hsl.g), (c.b, via_hsv.b)] {
                        assert!((x - y).abs() < 1e-6, "{c:?}");
                    }
                }
            }
        }
    }
}
