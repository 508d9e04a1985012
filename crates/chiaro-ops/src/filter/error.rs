//! The error every filter returns for a parameter it cannot honour.

use core::fmt;

/// A filter parameter outside what the filter accepts. Filters check their parameters
/// before allocating or touching pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum FilterError {
    /// A standard deviation that is negative, NaN, infinite, or above the filter's
    /// maximum.
    Sigma {
        /// The value passed.
        sigma: f32,
        /// The largest value the filter accepts.
        max: f32,
    },
    /// A radius above the filter's maximum.
    Radius {
        /// The value passed.
        radius: u32,
        /// The largest value the filter accepts.
        max: u32,
    },
    /// A convolution kernel whose size is even or zero, whose weights do not fill it,
    /// or that holds a weight that is not finite.
    Kernel,
    /// Another numeric parameter (an amount, a threshold) that is NaN or infinite.
    NotFinite {
        /// Which parameter.
        name: &'static str,
    },
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sigma { sigma, max } => {
                write!(f, "sigma {sigma} is not a finite value in 0..={max}")
            }
            Self::Radius { radius, max } => write!(f, "radius {radius} exceeds {max}"),
            Self::Kernel => f.write_str(
                "a kernel needs odd, non-zero width and height and exactly width × height finite weights",
            ),
            Self::NotFinite { name } => write!(f, "{name} is not finite"),
        }
    }
}

impl core::error::Error for FilterError {}

/// `Ok(sigma)` when it is finite and in `0..=max`.
pub(crate) fn check_sigma(sigma: f32, max: f32) -> Result<f32, FilterError> {
    if sigma.is_finite() && (0.0..=max).contains(&sigma) {
        Ok(sigma)
    } else {
        Err(FilterError::Sigma { sigma, max })
    }
}

/// `Ok(radius)` when it is at most `max`.
pub(crate) fn check_radius(radius: u32, max: u32) -> Result<u32, FilterError> {
    if radius <= max {
        Ok(radius)
    } else {
        Err(FilterError::Radius { radius, max })
    }
}

/// `Ok(value)` when it is finite.
pub(crate) fn check_finite(value: f32, name: &'static str) -> Result<f32, FilterError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(FilterError::NotFinite { name })
    }
}
