//! Colour science for chiaro: more correct than hand-written per-pixel code, and far
//! faster than converting per pixel with a general-purpose colour library.
//!
//! | module | what it does |
//! |---|---|
//! | [`transfer`] | sRGB encoding and decoding, exact in `f32`/`f64`, and exact 8- and 16-bit tables; power-law gamma |
//! | [`space`] | linear sRGB, XYZ, Lab/LCh (D65 and D50), Oklab/Oklch, HSL, HSV; any pair with [`convert`] |
//! | [`ycbcr`] | Y′CbCr with BT.601/709/2020 matrices in full and limited range; planar 4:4:4, 4:2:2, 4:2:0 |
//! | [`delta_e`] | ΔE\*76, CIEDE2000, Oklab distance |
//! | [`bulk`] | whole-image conversions: encoded ⇄ linear pixel families, sRGB8 ⇄ Lab/Oklab |
//! | [`compare`] | PSNR, SSIM, per-channel statistics, ΔE maps, difference pictures for golden tests |
//! | [`quantize`] | palettes, nearest-colour search, quantization to N colours, dithering |
//! | [`colormap`], [`heatmap`] | viridis and friends; heatmaps of tensors and their overlay on images |
//!
//! ```
//! use chiaro_color::bulk::{to_encoded, to_linear};
//! use chiaro_color::delta_e::delta_e_2000;
//! use chiaro_color::space::{ColorSpace, Lab};
//! use chiaro_pixel::{Image, LinPremulRgbaF32, Rgb8, Rgba8};
//!
//! // Perceptual difference of two colours.
//! let a = Lab::from_srgb8(Rgb8::new(200, 30, 30));
//! let b = Lab::from_srgb8(Rgb8::new(205, 35, 30));
//! assert!(delta_e_2000(a, b) < 2.0); // barely noticeable
//!
//! // Into linear light for physically correct processing, and back, losslessly.
//! let image = Image::filled(8, 8, Rgba8::new(10, 200, 90, 255));
//! let mut light = Image::<LinPremulRgbaF32>::new(8, 8);
//! to_linear(image.as_view(), light.as_view_mut())?;
//! let mut back = Image::<Rgba8>::new(8, 8);
//! to_encoded(light.as_view(), back.as_view_mut())?;
//! assert_eq!(back, image);
//! # Ok::<(), chiaro_pixel::SizeMismatch>(())
//! ```
//!
//! The encoding is part of every pixel type, so handing sRGB-encoded values to code
//! that expects light does not compile:
//!
//! ```compile_fail,E0277
//! use chiaro_color::bulk::to_encoded;
//! use chiaro_pixel::{Image, Rgba8, RgbaF32};
//!
//! let encoded = Image::<RgbaF32>::new(2, 2); // sRGB-encoded floats, not light
//! let mut out = Image::<Rgba8>::new(2, 2);
//! to_encoded(encoded.as_view(), out.as_view_mut()); // error: RgbaF32 is not `Linear`
//! ```
//!
//! Decode first, and it does:
//!
//! ```
//! use chiaro_color::bulk::{to_encoded, to_linear};
//! use chiaro_pixel::{Image, LinRgbaF32, Rgba8, RgbaF32};
//!
//! let encoded = Image::<RgbaF32>::new(2, 2);
//! let mut light = Image::<LinRgbaF32>::new(2, 2);
//! to_linear(encoded.as_view(), light.as_view_mut())?;
//! let mut out = Image::<Rgba8>::new(2, 2);
//! to_encoded(light.as_view(), out.as_view_mut())?;
//! # Ok::<(), chiaro_pixel::SizeMismatch>(())
//! ```
//!
//! # Feature flags
//!
//! - `std` (default): links the standard library: run-time CPU detection for the AVX2
//!   kernels, and a lazily built 16-bit decoding table. Without it the crate is
//!   `no_std` + `alloc` and uses its portable kernels.
//! - `palette`: `From`/`Into` between chiaro's colour types and the `palette` crate's
//!   (module `interop_palette`).

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
#[cfg(feature = "palette")]
pub mod interop_palette;
pub mod quantize;
mod simd;
pub mod space;
pub mod transfer;
pub mod ycbcr;

pub use colormap::Colormap;
pub use space::{ColorSpace, convert};
