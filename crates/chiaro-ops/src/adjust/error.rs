//! The error every adjustment returns for a parameter it cannot honour.

use core::fmt;

/// An adjustment parameter it cannot honour, or a pixel format it cannot interpret.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum AdjustError {
    /// A parameter that is NaN or infinite.
    NotFinite {
        /// Which parameter.
        name: &'static str,
    },
    /// A parameter outside its range.
    OutOfRange {
        /// Which parameter.
        name: &'static str,
        /// The value passed.
        value: f32,
    },
    /// The pixel format's channels have no colour meaning chiaro knows
    /// ([`ColorModel::Other`](chiaro_pixel::ColorModel::Other)).
    UnsupportedModel,
}

impl fmt::Display for AdjustError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFinite { name } => write!(f, "{name} is not finite"),
            Self::OutOfRange { name, value } => write!(f, "{name} {value} is out of range"),
            Self::UnsupportedModel => f.write_str("the pixel format has no known colour channels"),
        }
    }
}

impl core::error::Error for AdjustError {}

/// `Ok(v)` when `v` is finite and `range(v)` holds.
pub(crate) fn check(
    v: f32,
    name: &'static str,
    range: impl Fn(f32) -> bool,
) -> Result<f32, AdjustError> {
    if !v.is_finite() {
        Err(AdjustError::NotFinite { name })
    } else if !range(v) {
        Err(AdjustError::OutOfRange { name, value: v })
    } else {
        Ok(v)
    }
}
