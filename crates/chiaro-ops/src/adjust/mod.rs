//! Colour adjustments, in place on a [`ViewMut`](chiaro_pixel::ViewMut): brightness,
//! contrast, gamma, saturation, hue rotation, grayscale, invert, sepia, threshold,
//! colour balance; histograms per channel, equalization and auto-contrast.
//!
//! Every adjustment works on the stored (sRGB-encoded) values, normalized to 0–1, and
//! keeps alpha. 8-bit straight-alpha and opaque formats go through 256-entry lookup
//! tables where the adjustment is per channel; premultiplied formats are
//! unpremultiplied, adjusted and premultiplied again; integer results are rounded to
//! nearest and clamped, float results are not clamped. Grey formats take RGB
//! adjustments as the luma of the adjusted `[v, v, v]`. Rows are independent, so with
//! the `rayon` feature they run in parallel, with results identical to the
//! sequential build.

mod apply;
mod colour;
mod error;
mod histogram;
mod tone;

pub use colour::{grayscale, hue_rotate, saturation, sepia};
pub use error::AdjustError;
pub use histogram::{Histogram, auto_contrast, equalize, histogram};
pub use tone::{brightness, color_balance, contrast, gamma, invert, threshold};
