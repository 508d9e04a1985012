//! Colour science for chiaro.

#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod transfer;
pub mod space;
pub mod delta_e;
