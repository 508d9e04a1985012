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
        x.floor()
    }
    #[inline(always)]
    pub(crate) fn ceil(x: f32) -> f32 {
        x.ceil()
    }
    #[inline(always)]
    pub(crate) fn round(x: f32) -> f32 {
        x.round()
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
        libm::floorf(x)
    }
    #[inline(always)]
    pub(crate) fn ceil(x: f32) -> f32 {
        libm::ceilf(x)
    }
    #[inline(always)]
    pub(crate) fn round(x: f32) -> f32 {
        libm::roundf(x)
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

#[allow(unused_imports, reason = "not every build uses every function")]
pub(crate) use imp::*;
