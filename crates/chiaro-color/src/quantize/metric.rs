//! [`Metric`]: how the distance between two colours is measured, and the `f32` colour
//! coordinates the quantizer and the nearest-colour search work in.

use chiaro_pixel::Rgb8;

use crate::space::{LINEAR_SRGB_TO_LMS, LMS_TO_OKLAB, matrix};
use crate::transfer::srgb8_to_linear;

/// The distance a nearest-colour search minimises.
///
/// Both are squared Euclidean distances, so they order colours the same way their
/// square roots would; [`distance`](Metric::distance) returns the squared value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Metric {
    /// Squared Euclidean distance between the 8-bit sRGB values, `ΔR² + ΔG² + ΔB²`.
    ///
    /// Cheap and exact in integers; what most GIF encoders use. It overweights
    /// differences among dark colours and underweights those among light ones.
    Rgb,
    /// Squared Euclidean distance in [`Oklab`](crate::space::Oklab), a perceptually
    /// uniform space, computed in `f32` (within 1e-5 of
    /// [`Oklab::from_srgb8`](crate::space::ColorSpace::from_srgb8) per coordinate).
    ///
    /// Picks the entry that looks nearest: the default.
    #[default]
    Oklab,
}

impl Metric {
    /// The squared distance between `a` and `b` under this metric, exactly as the
    /// nearest-colour search computes it.
    ///
    /// ```
    /// use chiaro_color::quantize::Metric;
    /// use chiaro_pixel::Rgb8;
    ///
    /// assert_eq!(Metric::Rgb.distance(Rgb8::new(0, 0, 0), Rgb8::new(3, 4, 0)), 25.0);
    /// let d = Metric::Oklab.distance(Rgb8::new(0, 0, 0), Rgb8::new(255, 255, 255));
    /// assert!((d - 1.0).abs() < 1e-4); // Oklab L runs from 0 to 1
    /// ```
    #[inline]
    pub fn distance(self, a: Rgb8, b: Rgb8) -> f32 {
        dist2(self.point(a), self.point(b))
    }

    /// The colour's coordinates in this metric's space.
    #[inline]
    pub(crate) fn point(self, c: Rgb8) -> [f32; 3] {
        match self {
            Self::Rgb => [f32::from(c.r), f32::from(c.g), f32::from(c.b)],
            Self::Oklab => oklab_f32(c),
        }
    }
}

/// Squared Euclidean distance. Every distance the search compares goes through this one
/// expression, so equal inputs give bit-equal results and ties are real ties.
#[inline(always)]
pub(crate) fn dist2(p: [f32; 3], q: [f32; 3]) -> f32 {
    let d0 = p[0] - q[0];
    let d1 = p[1] - q[1];
    let d2 = p[2] - q[2];
    d0 * d0 + d1 * d1 + d2 * d2
}

const M1: [[f32; 3]; 3] = matrix::to_f32(&LINEAR_SRGB_TO_LMS);
const M2: [[f32; 3]; 3] = matrix::to_f32(&LMS_TO_OKLAB);

#[inline(always)]
fn mul3(m: &[[f32; 3]; 3], v: [f32; 3]) -> [f32; 3] {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

/// Octaves covered by [`CBRT_SEED`]: `[2⁻²⁴, 2)`.
const OCTAVES: usize = 25;
/// Table entries per octave.
const STEPS: usize = 64;

/// Cube roots at the middle of 64 steps of each octave from 2⁻²⁴ to 2, within 0.3 % of
/// the cube root anywhere in the step: a seed one Halley step makes exact to `f32`.
/// Built at compile time with Newton's method in `f64`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "small table indices, and rounding the roots to f32 is the point"
)]
static CBRT_SEED: [f32; OCTAVES * STEPS] = {
    let mut t = [0.0f32; OCTAVES * STEPS];
    let mut i = 0;
    while i < OCTAVES * STEPS {
        let octave = (i / STEPS) as i32 - (OCTAVES as i32 - 1);
        let mut scale = 1.0f64;
        let mut k = octave;
        while k < 0 {
            scale *= 0.5;
            k += 1;
        }
        while k > 0 {
            scale *= 2.0;
            k -= 1;
        }
        let x = scale * (1.0 + ((i % STEPS) as f64 + 0.5) / STEPS as f64);
        // Newton from above converges monotonically for the cube root.
        let mut y = if x > 1.0 { x } else { 1.0 };
        let mut n = 0;
        while n < 200 {
            y -= (y * y * y - x) / (3.0 * y * y);
            n += 1;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "rounding to f32 is the point"
        )]
        let y32 = y as f32;
        t[i] = y32;
        i += 1;
    }
    t
};

/// Cube root for the non-negative LMS values Oklab needs: a table seed and one Halley
/// step (cubic convergence), within 3e-7 relative of the true cube root on
/// `[2⁻²⁴, 2)` (tested), several times faster than `libm::cbrtf`. Values outside go
/// to `libm`.
#[inline(always)]
fn cbrt(x: f32) -> f32 {
    let bits = x.to_bits();
    // The biased exponent of 2⁻²⁴ is 103; `x` in [2⁻²⁴, 2) has exponents 103..=127.
    let octave = (bits >> 23).wrapping_sub(103) as usize;
    let step = ((bits >> 17) & 63) as usize;
    if octave >= OCTAVES {
        return libm::cbrtf(x);
    }
    let y = CBRT_SEED[octave * STEPS + step];
    let y3 = y * y * y;
    y * (y3 + 2.0 * x) / (2.0 * y3 + x)
}

/// Cube-rooted LMS (Oklab's `l'`, `m'`, `s'`) of linear sRGB.
#[inline(always)]
fn lms_cbrt(lin: [f32; 3]) -> [f32; 3] {
    mul3(&M1, lin).map(|v| cbrt(v.max(0.0)))
}

/// Oklab of cube-rooted LMS.
#[inline(always)]
fn oklab_of_lms_cbrt(lms: [f32; 3]) -> [f32; 3] {
    mul3(&M2, lms)
}

/// Oklab of an 8-bit sRGB colour, in `f32`.
#[inline]
pub(crate) fn oklab_f32(c: Rgb8) -> [f32; 3] {
    oklab_of_lms_cbrt(lms_cbrt([c.r, c.g, c.b].map(srgb8_to_linear)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::space::{ColorSpace, Oklab};

    #[test]
    fn fast_cbrt_is_close_to_the_cube_root() {
        let mut x = 1e-9f32;
        while x <= 3.0 {
            let (a, b) = (f64::from(cbrt(x)), libm::cbrt(f64::from(x)));
            assert!((a - b).abs() <= 3e-7 * b, "{x}: {a} vs {b}");
            x *= 1.000_37;
        }
        assert_eq!(cbrt(0.0), 0.0);
        assert_eq!(cbrt(1.0), 1.0);
        assert_eq!(cbrt(8.0), 2.0);
        assert!(cbrt(f32::NAN).is_nan());
    }

    #[test]
    fn oklab_f32_matches_the_f64_path() {
        let mut worst = 0.0f32;
        for r in (0..=255u8).step_by(3) {
            for g in (0..=255u8).step_by(5) {
                for b in (0..=255u8).step_by(7) {
                    let c = Rgb8::new(r, g, b);
                    let fast = oklab_f32(c);
                    let exact = Oklab::from_srgb8(c);
                    for (f, e) in fast.iter().zip([exact.l, exact.a, exact.b]) {
                        worst = worst.max((f - e).abs());
                    }
                }
            }
        }
        assert!(worst < 1e-5, "worst {worst}");
    }

    #[test]
    fn distances() {
        let black = Rgb8::new(0, 0, 0);
        let white = Rgb8::new(255, 255, 255);
        assert_eq!(Metric::Rgb.distance(black, white), 3.0 * 255.0 * 255.0);
        assert_eq!(Metric::Oklab.distance(white, white), 0.0);
        let d = Metric::Oklab.distance(black, white);
        assert!((d - 1.0).abs() < 1e-4, "{d}");
    }
}
