//! `kurbo` conversions; see the [parent module](super).

use ::kurbo as k;

use crate::geom::{Point, Rect, Transform, Vec2};
use crate::path::{Path, PathBuilder, PathEl, PathError};

#[expect(
    clippy::cast_possible_truncation,
    reason = "f64 to f32 is the documented rounding; path conversions check finiteness"
)]
#[inline]
fn narrow(v: f64) -> f32 {
    v as f32
}

impl From<k::Point> for Point {
    #[inline]
    fn from(p: k::Point) -> Self {
        Point::new(narrow(p.x), narrow(p.y))
    }
}

impl From<Point> for k::Point {
    #[inline]
    fn from(p: Point) -> Self {
        k::Point::new(f64::from(p.x), f64::from(p.y))
    }
}

impl From<k::Vec2> for Vec2 {
    #[inline]
    fn from(v: k::Vec2) -> Self {
        Vec2::new(narrow(v.x), narrow(v.y))
    }
}

impl From<Vec2> for k::Vec2 {
    #[inline]
    fn from(v: Vec2) -> Self {
        k::Vec2::new(f64::from(v.x), f64::from(v.y))
    }
}

impl From<k::Affine> for Transform {
    #[inline]
    fn from(a: k::Affine) -> Self {
        let [a, b, c, d, e, f] = a.as_coeffs().map(narrow);
        Transform::new(a, b, c, d, e, f)
    }
}

impl From<Transform> for k::Affine {
    #[inline]
    fn from(t: Transform) -> Self {
        k::Affine::new(t.to_array().map(f64::from))
    }
}

impl From<k::Rect> for Rect {
    /// The rectangle with its corners ordered (kurbo allows `x1 < x0`).
    #[inline]
    fn from(r: k::Rect) -> Self {
        Rect::new(narrow(r.x0), narrow(r.y0), narrow(r.x1), narrow(r.y1))
    }
}

impl From<Rect> for k::Rect {
    #[inline]
    fn from(r: Rect) -> Self {
        k::Rect::new(
            f64::from(r.x0),
            f64::from(r.y0),
            f64::from(r.x1),
            f64::from(r.y1),
        )
    }
}

/// Feeds kurbo elements to a builder (whose canvas semantics also cope with a
/// `BezPath` that does not start with a `MoveTo`).
fn build(elements: impl Iterator<Item = k::PathEl>) -> Result<Path, PathError> {
    let mut pb = PathBuilder::new();
    for el in elements {
        match el {
            k::PathEl::MoveTo(p) => {
                let p = Point::from(p);
                pb.move_to(p.x, p.y);
            }
            k::PathEl::LineTo(p) => {
                let p = Point::from(p);
                pb.line_to(p.x, p.y);
            }
            k::PathEl::QuadTo(c, p) => {
                let (c, p) = (Point::from(c), Point::from(p));
                pb.quad_to(c.x, c.y, p.x, p.y);
            }
            k::PathEl::CurveTo(c1, c2, p) => {
                let (c1, c2, p) = (Point::from(c1), Point::from(c2), Point::from(p));
                pb.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y);
            }
            k::PathEl::ClosePath => {
                pb.close();
            }
        }
    }
    pb.finish()
}

impl TryFrom<&k::BezPath> for Path {
    type Error = PathError;

    /// Converts with `f64` coordinates rounded to `f32`, through a
    /// [`PathBuilder`] (so empty subpaths are dropped).
    ///
    /// # Errors
    ///
    /// [`PathError::NonFinite`] when a coordinate is NaN, infinite or beyond `f32`'s
    /// range.
    fn try_from(path: &k::BezPath) -> Result<Self, PathError> {
        build(path.elements().iter().copied())
    }
}

impl TryFrom<k::BezPath> for Path {
    type Error = PathError;

    /// As the conversion from `&BezPath`.
    fn try_from(path: k::BezPath) -> Result<Self, PathError> {
        Path::try_from(&path)
    }
}

impl From<&Path> for k::BezPath {
    /// The same elements with coordinates widened to `f64` (exactly).
    fn from(path: &Path) -> Self {
        let mut out = k::BezPath::new();
        for el in path.elements() {
            out.push(match el {
                PathEl::MoveTo(p) => k::PathEl::MoveTo(p.into()),
                PathEl::LineTo(p) => k::PathEl::LineTo(p.into()),
                PathEl::QuadTo(c, p) => k::PathEl::QuadTo(c.into(), p.into()),
                PathEl::CubicTo(c1, c2, p) => k::PathEl::CurveTo(c1.into(), c2.into(), p.into()),
                PathEl::Close => k::PathEl::ClosePath,
            });
        }
        out
    }
}

impl From<Path> for k::BezPath {
    /// As the conversion from `&Path`.
    fn from(path: Path) -> Self {
        k::BezPath::from(&path)
    }
}

impl Path {
    /// The path of any kurbo shape — circles, rounded rectangles, arcs, `BezPath`s —
    /// from its `path_elements(tolerance)` (kurbo approximates shapes that are not
    /// Béziers, such as ellipses, within `tolerance`), rounded to `f32`. Requires the
    /// `kurbo` feature.
    ///
    /// # Errors
    ///
    /// [`PathError::NonFinite`] when a coordinate is NaN, infinite or beyond `f32`'s
    /// range.
    pub fn from_kurbo_shape(shape: &impl k::Shape, tolerance: f64) -> Result<Path, PathError> {
        build(shape.path_elements(tolerance))
    }
}
