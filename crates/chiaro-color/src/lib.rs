//! Colour science for chiaro.

#![no_std]
#![deny(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod bulk;
pub mod colormap;
pub mod compare;
pub mod delta_e;
pub mod heatmap;
pub mod quantize;
mod simd;
pub mod space;
pub mod transfer;
pub mod ycbcr;
