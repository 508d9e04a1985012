//! The sRGB transfer function (IEC 61966-2-1), exact.
//!
//! `decode(v) = v / 12.92` for `v ≤ 0.04045`, else `((v + 0.055) / 1.055)^2.4`;
//! `encode(l) = 12.92 l` for `l ≤ 0.0031308`, else `1.055 l^(1/2.4) − 0.055`.
//! Values below the thresholds, negative ones included, follow the linear segment;
//! values above 1 follow the power segment, so out-of-gamut data survives round trips.
//!
//! The `f32` functions compute in `f64` and round once, so they are exact to the
//! nearest `f32` (within the last unit of `libm`'s `pow`).

use super::const_math;

/// Encoded sRGB value to linear light, in `f64`.
#[inline]
pub fn srgb_to_linear_f64(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        libm::pow((v + 0.055) / 1.055, 2.4)
    }
}

/// Linear light to encoded sRGB value, in `f64`.
#[inline]
pub fn linear_to_srgb_f64(l: f64) -> f64 {
    if l <= 0.003_130_8 {
        l * 12.92
    } else {
        1.055 * libm::pow(l, 1.0 / 2.4) - 0.055
    }
}

/// Encoded sRGB value to linear light, rounded once to `f32`.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub fn srgb_to_linear(v: f32) -> f32 {
    srgb_to_linear_f64(f64::from(v)) as f32
}

/// Linear light to encoded sRGB value, rounded once to `f32`.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub fn linear_to_srgb(l: f32) -> f32 {
    linear_to_srgb_f64(f64::from(l)) as f32
}

/// [`srgb_to_linear_f64`] at compile time.
pub(crate) const fn srgb_to_linear_const(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        const_math::pow((v + 0.055) / 1.055, 2.4)
    }
}

/// [`linear_to_srgb_f64`] at compile time.
pub(crate) const fn linear_to_srgb_const(l: f64) -> f64 {
    if l <= 0.003_130_8 {
        l * 12.92
    } else {
        1.055 * const_math::pow(l, 1.0 / 2.4) - 0.055
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_and_segments() {
        assert_eq!(srgb_to_linear(0.0), 0.0);
        assert_eq!(srgb_to_linear(1.0), 1.0);
        assert_eq!(linear_to_srgb(1.0), 1.0);
        assert_eq!(linear_to_srgb(0.0), 0.0);
        // Published: 50% encoded grey is 21.404% linear light.
        assert!((srgb_to_linear_f64(0.5) - 0.214_041_140_482_232_5).abs() < 1e-15);
        // The segments meet (the standard's thresholds are continuous to ~1e-7).
        let lo = 0.04045 / 12.92;
        let hi = libm::pow((0.04045 + 0.055) / 1.055, 2.4);
        assert!((lo - hi).abs() < 1e-7);
        // Negative values follow the linear segment.
        assert_eq!(srgb_to_linear_f64(-0.1), -0.1 / 12.92);
    }

    #[test]
    fn round_trip_is_close_in_f64() {
        for i in 0..=10_000 {
            let v = f64::from(i) / 10_000.0;
            assert!(
                (linear_to_srgb_f64(srgb_to_linear_f64(v)) - v).abs() < 1e-12,
                "{v}"
            );
        }
    }

    #[test]
    fn const_versions_agree() {
        for i in 0..=1000 {
            let v = f64::from(i) / 1000.0;
            assert!((srgb_to_linear_const(v) - srgb_to_linear_f64(v)).abs() < 1e-15);
            assert!((linear_to_srgb_const(v) - linear_to_srgb_f64(v)).abs() < 1e-14);
        }
    }
}
