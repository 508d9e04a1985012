//! Geometry in user space: positions, displacements, rectangles and affine transforms,
//! all in `f32` (the rasterizer's precision; interop converts from `f64` at the
//! boundary).

mod point;
mod rect;
mod transform;

pub use point::{Point, Vec2};
pub use rect::Rect;
pub use transform::Transform;
