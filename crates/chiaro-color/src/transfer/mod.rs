//! Transfer functions between encoded values and linear light.
//!
//! - Exact sRGB in `f32` and `f64`: [`srgb_to_linear`], [`linear_to_srgb`] and the
//!   `_f64` forms.
//! - Fast 8- and 16-bit paths by table, each exact: [`srgb8_to_linear`],
//!   [`linear_to_srgb8`], [`srgb16_to_linear`], [`linear_to_srgb16`] (see the table in
//!   the [`lut`] module's documentation).
//! - A plain power law: [`Gamma`].

mod const_math;
mod gamma;
pub mod lut;
mod srgb;

pub use gamma::Gamma;
pub use lut::{
    SRGB8_TO_LINEAR, linear_to_srgb8, linear_to_srgb16, srgb8_to_linear, srgb16_to_linear,
};
pub use srgb::{linear_to_srgb, linear_to_srgb_f64, srgb_to_linear, srgb_to_linear_f64};
