//! 2D drawing for chiaro: W3C compositing and blend modes, affine geometry, paths,
//! an exact-area anti-aliased rasterizer, gradients and image patterns, drawing into
//! premultiplied [`ViewMut<PremulRgba8>`](chiaro_pixel::ViewMut) targets — any view,
//! sub-views and foreign buffers included.
//!
//! | module | what it holds |
//! |---|---|
//! | [`geom`] | [`Point`] and [`Vec2`] (positions and displacements are different types), [`Rect`], affine [`Transform`] |
//! | [`path`] | [`Path`] and [`PathBuilder`] (canvas semantics), shapes, canvas and SVG arcs, SVG path data, flattening, measuring |
//! | [`raster`] | the rasterizer: flatten → clip → accumulate signed area → sweep → coverage spans, non-zero and even-odd |
//! | [`composite`] | every Porter–Duff operator and blend mode, [`blit`](composite::blit), [`fill_rect`](composite::fill_rect), masks |
//! | [`paint`] | solid colours, linear, two-point conical and sweep gradients (sRGB, linear light or Oklab), image patterns |
//! | [`stroke`] | [`Stroke`]: width, joins, caps, miter limit and [`Dash`] patterns, turned into fillable outlines; hairlines |
//! | [`clip`] | [`ClipStack`]: anti-aliased clip masks from paths, intersected as pushed, with a fast path for pixel-aligned rectangles |
//!
//! Fill a path with [`fill_path`], or through a [`Renderer`] that keeps its buffers
//! for the next fill ([`Renderer::stroke_path`] strokes; a [`Painter`] draws both
//! within a stack of clips):
//!
//! ```
//! use chiaro_draw::paint::{GradientStop, Interpolation, SpreadMode};
//! use chiaro_draw::{FillOptions, Paint, Path, Point, Renderer, Transform};
//! use chiaro_pixel::{Image, PremulRgba8, Rgba8};
//!
//! let mut canvas = Image::filled(64, 64, PremulRgba8::new(255, 255, 255, 255));
//! let mut renderer = Renderer::new();
//!
//! // A circle filled with a gradient mixed in Oklab.
//! let stops = [
//!     GradientStop::new(0.0, Rgba8::new(255, 0, 0, 255)),
//!     GradientStop::new(1.0, Rgba8::new(0, 0, 255, 255)),
//! ];
//! let paint = Paint::linear_gradient(
//!     Point::new(8.0, 0.0),
//!     Point::new(56.0, 0.0),
//!     &stops,
//!     SpreadMode::Pad,
//!     Interpolation::Oklab,
//! )?;
//! let circle = Path::circle(32.0, 32.0, 24.0)?;
//! renderer.fill_path(&mut canvas.as_view_mut(), &circle, &paint, &FillOptions::default());
//!
//! // A translucent triangle from SVG path data, scaled by the fill transform.
//! let triangle = Path::from_svg("M 0 0 L 10 0 L 0 10 Z")?;
//! let options = FillOptions::with_transform(Transform::scale(2.0, 2.0));
//! let black = Paint::solid(Rgba8::new(0, 0, 0, 128));
//! renderer.fill_path(&mut canvas.as_view_mut(), &triangle, &black, &options);
//!
//! assert_eq!(canvas.get(32, 32).unwrap().a, 255); // inside the circle
//! assert_eq!(canvas.get(63, 0), Some(&PremulRgba8::new(255, 255, 255, 255))); // untouched
//! assert_eq!(canvas.get(2, 2), Some(&PremulRgba8::new(127, 127, 127, 255))); // half black
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! # How exact
//!
//! Coverage is the exact area of each pixel inside the shape, not a supersampled
//! estimate (tiny-skia's, for comparison, is off by up to 25/255 on a rectangle's
//! edges at fractional coordinates; chiaro's by rounding alone). Where regions of
//! different winding meet inside a pixel (self-intersections, crossing contours),
//! area alone is not enough; those pixels are found and recomputed on 16 exact
//! horizontal lines (see `raster`). Curves are flattened within
//! [`raster::DEFAULT_TOLERANCE`] of a pixel.
//!
//! # Fast without `-C target-cpu`
//!
//! Compositing, gradient and pattern rows have AVX2 builds chosen at run time, with
//! portable twins giving identical results; all `unsafe` is those calls, in one
//! module (`simd`). The benchmarks in `benches/` run tiny-skia beside chiaro in both
//! a default and an `x86-64-v3` build (`cargo xtask bench draw --both-builds`).
//!
//! # Feature flags
//!
//! - `std` (default): run-time CPU detection and hardware float maths. Without it the
//!   crate is `no_std` + `alloc`, takes its maths from `libm` and runs the portable
//!   kernels.
//! - `kurbo`: conversions from `kurbo` paths, shapes, points and affine transforms.
//! - `mint`: conversions to and from `mint` points, vectors and 2×3 matrices.

#![no_std]
#![deny(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod clip;
pub mod composite;
mod fill;
pub mod geom;
#[cfg(any(feature = "kurbo", feature = "mint"))]
pub mod interop;
mod math;
pub mod paint;
mod painter;
pub mod path;
pub mod raster;
mod simd;
pub mod stroke;

pub use clip::{Clip, ClipStack};
pub use composite::BlendMode;
pub use fill::{FillOptions, Renderer, fill_path};
pub use geom::{Point, Rect, Transform, Vec2};
pub use paint::Paint;
pub use painter::Painter;
pub use path::{Path, PathBuilder};
pub use raster::FillRule;
pub use stroke::{Dash, LineCap, LineJoin, Stroke, StrokeError, Stroker};
