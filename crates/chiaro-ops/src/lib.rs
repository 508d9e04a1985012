//! Image operations for chiaro: resize, geometric transforms, filters and colour
//! adjustments over [`chiaro_pixel`] images and views.
//!
//! | module | what it holds |
//! |---|---|
//! | [`resize`] | separable resampling with six filters, thumbnails, fit and fill |
//! | [`geometric`] | crop, flips, transposes, rotations, affine warps, EXIF orientation |
//! | [`filter`] | convolution, Gaussian and box blur, unsharp mask, Sobel, median, morphology |
//! | [`adjust`] | brightness, contrast, gamma, saturation, hue, histograms, equalization |

#![no_std]
#![deny(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod adjust;
pub mod filter;
pub mod geometric;
pub mod resize;
mod simd;

pub use adjust::{AdjustError, Histogram};
pub use filter::{FilterError, Kernel, box_blur, gaussian_blur, gaussian_blur_exact};
pub use geometric::{Interpolation, RotateOptions, WarpError, rotate, warp};
