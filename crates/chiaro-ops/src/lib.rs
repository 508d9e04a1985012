//! Image operations for chiaro: resize, geometric transforms, filters and colour
//! adjustments over [`chiaro_pixel`] images and views.
//!
//! | module | what it holds |
//! |---|---|
//! | [`resize`] | separable resampling with six filters, thumbnails, fit and fill |
//! | [`geometric`] | crop, flips, transposes, rotations, affine warps, EXIF orientation |
//! | [`filter`] | convolution, Gaussian and box blur, unsharp mask, Sobel, median, morphology |
//! | [`adjust`] | brightness, contrast, gamma, saturation, hue, histograms, equalization |
//!
//! Resizing a photo to a thumbnail and to exact sizes, reusing one buffer:
//!
//! ```
//! use chiaro_ops::resize::{self, Filter, ResizeOptions, Resizer};
//! use chiaro_pixel::{Image, Rgba8};
//!
//! let photo = Image::from_fn(800, 600, |x, y| Rgba8::new((x / 4) as u8, (y / 3) as u8, 128, 255));
//!
//! // Within 200×200, keeping the aspect ratio; straight alpha is premultiplied for
//! // filtering and restored after, so transparent edges do not fringe.
//! let thumb = resize::thumbnail(photo.as_view(), 200, 200, Filter::Lanczos3)?;
//! assert_eq!(thumb.size(), (200, 150));
//!
//! // Into an existing buffer, filtering in linear light.
//! let mut resizer = Resizer::new(ResizeOptions::new(Filter::CatmullRom).linear_light(true));
//! let mut small = Image::<Rgba8>::new(80, 60);
//! resizer.resize_into(photo.as_view(), small.as_view_mut())?;
//! assert_eq!(small.get(0, 0).map(|p| p.a), Some(255));
//! # Ok::<(), chiaro_ops::resize::ResizeError>(())
//! ```

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
pub use resize::{Anchor, Filter, ResizeError, ResizeOptions, Resizer};
