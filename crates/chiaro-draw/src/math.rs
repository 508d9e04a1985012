//! Float functions that `core` lacks: the hardware instructions through `std` when it
//! is linked, `libm` otherwise. Every other module calls these, so the crate builds
//! the same with and without `std`.

#[cfg(feature = "std")]
#[allow(dead_code, reason = "a toolbox: not every build uses every function")]
mod imp {
    #[inline(always)]
    pub(crate) fn sqrt(x: f32) -> f32 {
        x.sqrt()
    }
    #[inline(always)]
    pub(crate) fn floor(x: f32) -> f32 {
        super::floor_by_cast(x)
    }
    #[inline(always)]
    pub(crate) fn ceil(x: f32) -> f32 {
        -super::floor_by_cast(-x)
    }
    #[inline(always)]
    pub(crate) fn round(x: f32) -> f32 {
        super::round_by_cast(x)
    }
    #[inline(always)]
    pub(crate) fn sin_cos(x: f32) -> (f32, f32) {
        x.sin_cos()
    }
    #[inline(always)]
    pub(crate) fn atan2(y: f32, x: f32) -> f32 {
        y.atan2(x)
    }
    #[inline(always)]
    pub(crate) fn acos(x: f32) -> f32 {
        x.acos()
    }
    #[inline(always)]
    pub(crate) fn tan(x: f32) -> f32 {
        x.tan()
    }
    #[inline(always)]
    pub(crate) fn atan2_64(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    #[inline(always)]
    pub(crate) fn sqrt64(x: f64) -> f64 {
        x.sqrt()
    }
    #[inline(always)]
    pub(crate) fn floor64(x: f64) -> f64 {
        x.floor()
    }
}

#[cfg(not(feature = "std"))]
#[allow(dead_code, reason = "a toolbox: not every build uses every function")]
mod imp {
    #[inline(always)]
    pub(crate) fn sqrt(x: f32) -> f32 {
        libm::sqrtf(x)
    }
    #[inline(always)]
    pub(crate) fn floor(x: f32) -> f32 {
        super::floor_by_cast(x)
    }
    #[inline(always)]
    pub(crate) fn ceil(x: f32) -> f32 {
        -super::floor_by_cast(-x)
    }
    #[inline(always)]
    pub(crate) fn round(x: f32) -> f32 {
        super::round_by_cast(x)
    }
    #[inline(always)]
    pub(crate) fn sin_cos(x: f32) -> (f32, f32) {
        libm::sincosf(x)
    }
    #[inline(always)]
    pub(crate) fn atan2(y: f32, x: f32) -> f32 {
        libm::atan2f(y, x)
    }
    #[inline(always)]
    pub(crate) fn acos(x: f32) -> f32 {
        libm::acosf(x)
    }
    #[inline(always)]
    pub(crate) fn tan(x: f32) -> f32 {
        libm::tanf(x)
    }
    #[inline(always)]
    pub(crate) fn atan2_64(y: f64, x: f64) -> f64 {
        libm::atan2(y, x)
    }
    #[inline(always)]
    pub(crate) fn sqrt64(x: f64) -> f64 {
        libm::sqrt(x)
    }
    #[inline(always)]
    pub(crate) fn floor64(x: f64) -> f64 {
        libm::floor(x)
    }
}

/// `floor` without a library call: the x86-64 baseline has no rounding instruction
/// (SSE4.1 brings one), so `f32::floor` calls `floorf`, which blocks vectorization
/// and costs a call in every rasterizer and gradient loop. Exact for every `f32`:
/// values of magnitude 2²³ and above are already whole, and NaN stays NaN.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "only values below 2^23 in magnitude are cast, which fit i32 exactly"
)]
pub(crate) fn floor_by_cast(x: f32) -> f32 {
    if x.abs() < 8_388_608.0 {
        let t = x as i32 as f32;
        if t > x { t - 1.0 } else { t }
    } else {
        x
    }
}

/// Rounding half away from zero (as `f32::round`) without a library call; see
/// [`floor_by_cast`].
#[inline(always)]
pub(crate) fn round_by_cast(x: f32) -> f32 {
    if x.abs() < 8_388_608.0 {
        let a = x.abs();
        let f = floor_by_cast(a);
        // `a - f` is exact below 2^23.
        let t = if a - f >= 0.5 { f + 1.0 } else { f };
        if x < 0.0 { -t } else { t }
    } else {
        x
    }
}

#[allow(unused_imports, reason = "not every build uses every function")]
pub(crate) use imp::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_by_cast_matches_floor() {
        let mut values = alloc::vec![
            0.0f32,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1.5,
            -1.5,
            2.999_999_8,
            -2.999_999_8,
            8_388_607.5,
            -8_388_607.5,
            8_388_608.0,
            1e20,
            -1e20,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            -f32::MIN_POSITIVE,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for i in -2000..2000 {
            values.push(i as f32 * 0.37);
        }
        for v in values {
            assert_eq!(floor_by_cast(v), libm::floorf(v), "{v}");
            assert_eq!(-floor_by_cast(-v), libm::ceilf(v), "{v}");
        }
        assert!(floor_by_cast(f32::NAN).is_nan());
        for v in [
            0.5f32,
            -0.5,
            1.5,
            -2.5,
            0.499_999_97,
            -0.499_999_97,
            2.0,
            8_388_607.5,
        ] {
            assert_eq!(round_by_cast(v), libm::roundf(v), "{v}");
        }
        for i in -3000..3000 {
            let v = i as f32 * 0.123;
            assert_eq!(round_by_cast(v), libm::roundf(v), "{v}");
        }
    }
}
