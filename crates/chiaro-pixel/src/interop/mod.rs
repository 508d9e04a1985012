//! Interoperation with other crates' pixel and image types, behind opt-in features.

#[cfg(feature = "image")]
pub mod image;
#[cfg(feature = "palette")]
pub mod palette;
#[cfg(feature = "rgb")]
pub mod rgb;
