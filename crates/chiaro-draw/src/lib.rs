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
mod fill;
pub mod geom;
#[cfg(any(feature = "kurbo", feature = "mint"))]
pub mod interop;
mod math;
pub mod paint;
pub mod path;
pub mod raster;
mod simd;

pub use composite::BlendMode;
pub use fill::{FillOptions, Renderer, fill_path};
pub use geom::{Point, Rect, Transform, Vec2};
pub use paint::Paint;
pub use path::{Path, PathBuilder};
pub use raster::FillRule;
