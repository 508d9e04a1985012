//! `mint` conversions; see the [parent module](super).

use ::mint as m;

use crate::geom::{Point, Transform, Vec2};

impl From<m::Point2<f32>> for Point {
    #[inline]
    fn from(p: m::Point2<f32>) -> Self {
        Point::new(p.x, p.y)
    }
}

impl From<Point> for m::Point2<f32> {
    #[inline]
    fn from(p: Point) -> Self {
        m::Point2 { x: p.x, y: p.y }
    }
}

impl m::IntoMint for Point {
    type MintType = m::Point2<f32>;
}

impl From<m::Vector2<f32>> for Vec2 {
    #[inline]
    fn from(v: m::Vector2<f32>) -> Self {
        Vec2::new(v.x, v.y)
    }
}

impl From<Vec2> for m::Vector2<f32> {
    #[inline]
    fn from(v: Vec2) -> Self {
        m::Vector2 { x: v.x, y: v.y }
    }
}

impl m::IntoMint for Vec2 {
    type MintType = m::Vector2<f32>;
}

impl From<m::RowMatrix2x3<f32>> for Transform {
    /// Rows `x = [a c e]` and `y = [b d f]`.
    #[inline]
    fn from(r: m::RowMatrix2x3<f32>) -> Self {
        Transform::new(r.x.x, r.y.x, r.x.y, r.y.y, r.x.z, r.y.z)
    }
}

impl From<Transform> for m::RowMatrix2x3<f32> {
    /// Rows `x = [a c e]` and `y = [b d f]`.
    #[inline]
    fn from(t: Transform) -> Self {
        m::RowMatrix2x3 {
            x: m::Vector3 {
                x: t.a,
                y: t.c,
                z: t.e,
            },
            y: m::Vector3 {
                x: t.b,
                y: t.d,
                z: t.f,
            },
        }
    }
}

impl From<m::ColumnMatrix2x3<f32>> for Transform {
    /// Columns `x = [a b]`, `y = [c d]` and `z = [e f]`.
    #[inline]
    fn from(c: m::ColumnMatrix2x3<f32>) -> Self {
        Transform::new(c.x.x, c.x.y, c.y.x, c.y.y, c.z.x, c.z.y)
    }
}

impl From<Transform> for m::ColumnMatrix2x3<f32> {
    /// Columns `x = [a b]`, `y = [c d]` and `z = [e f]`.
    #[inline]
    fn from(t: Transform) -> Self {
        m::ColumnMatrix2x3 {
            x: m::Vector2 { x: t.a, y: t.b },
            y: m::Vector2 { x: t.c, y: t.d },
            z: m::Vector2 { x: t.e, y: t.f },
        }
    }
}
