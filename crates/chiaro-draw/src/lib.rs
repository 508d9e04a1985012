//! 2D drawing for chiaro: compositing, geometry, paths, an anti-aliased rasterizer
//! and paints, drawing into premultiplied `ViewMut<PremulRgba8>` targets.
//!
//! TODO(crate doc): replaced by the tutorial once the API settles.

#![no_std]
#![deny(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod composite;
pub mod geom;
mod math;
pub mod paint;
pub mod path;
pub mod raster;
mod simd;

pub use geom::{Point, Rect, Transform, Vec2};
pub use path::{Path, PathBuilder};
