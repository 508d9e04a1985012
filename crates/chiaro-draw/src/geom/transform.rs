//! Affine transforms of the plane.

use super::{Point, Rect, Vec2};
use crate::math;

/// An affine transform, the matrix
///
/// ```text
/// | a  c  e |
/// | b  d  f |
/// | 0  0  1 |
/// ```
///
/// mapping `(x, y)` to `(a·x + c·y + e, b·x + d·y + f)`: the order of SVG's
/// `matrix(a, b, c, d, e, f)` and of the canvas `setTransform`.
///
/// Transforms compose with [`then`](Self::then) (apply `self`, then the argument) and
/// [`pre_concat`](Self::pre_concat) (the argument first, as a canvas's `translate`,
/// `scale` and `rotate` do to its current transform).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transform {
    /// Horizontal scale (x contribution to x).
    pub a: f32,
    /// Vertical shear (x contribution to y).
    pub b: f32,
    /// Horizontal shear (y contribution to x).
    pub c: f32,
    /// Vertical scale (y contribution to y).
    pub d: f32,
    /// Horizontal translation.
    pub e: f32,
    /// Vertical translation.
    pub f: f32,
}

impl Default for Transform {
    #[inline]
    fn default() -> Self {
        Self::IDENTITY
    }
}

impl Transform {
    /// The transform that changes nothing.
    pub const IDENTITY: Self = Self::new(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);

    /// A transform from its six coefficients, in SVG `matrix(a, b, c, d, e, f)` order.
    #[inline]
    pub const fn new(a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> Self {
        Self { a, b, c, d, e, f }
    }

    /// The identity transform.
    #[inline]
    pub const fn identity() -> Self {
        Self::IDENTITY
    }

    /// Translation by `(tx, ty)`.
    #[inline]
    pub const fn translate(tx: f32, ty: f32) -> Self {
        Self::new(1.0, 0.0, 0.0, 1.0, tx, ty)
    }

    /// Scaling by `sx` horizontally and `sy` vertically about the origin.
    #[inline]
    pub const fn scale(sx: f32, sy: f32) -> Self {
        Self::new(sx, 0.0, 0.0, sy, 0.0, 0.0)
    }

    /// Rotation by `angle` radians about the origin; positive angles turn clockwise on
    /// screen (x towards y), as in SVG and the canvas.
    #[inline]
    pub fn rotate(angle: f32) -> Self {
        let (s, c) = math::sin_cos(angle);
        Self::new(c, s, -s, c, 0.0, 0.0)
    }

    /// Rotation by `angle` radians about `center`.
    #[inline]
    pub fn rotate_about(angle: f32, center: Point) -> Self {
        Self::translate(-center.x, -center.y)
            .then(Self::rotate(angle))
            .then(Self::translate(center.x, center.y))
    }

    /// Shear by factors: `x' = x + kx·y`, `y' = ky·x + y`.
    #[inline]
    pub const fn skew(kx: f32, ky: f32) -> Self {
        Self::new(1.0, ky, kx, 1.0, 0.0, 0.0)
    }

    /// SVG's `skewX(angle)`: horizontal shear by `tan(angle)`, `angle` in radians.
    #[inline]
    pub fn skew_x(angle: f32) -> Self {
        Self::skew(math::tan(angle), 0.0)
    }

    /// SVG's `skewY(angle)`: vertical shear by `tan(angle)`, `angle` in radians.
    #[inline]
    pub fn skew_y(angle: f32) -> Self {
        Self::skew(0.0, math::tan(angle))
    }

    /// The transform that applies `self`, then `next`.
    #[inline]
    #[must_use]
    pub fn then(self, next: Transform) -> Transform {
        Transform::new(
            next.a * self.a + next.c * self.b,
            next.b * self.a + next.d * self.b,
            next.a * self.c + next.c * self.d,
            next.b * self.c + next.d * self.d,
            next.a * self.e + next.c * self.f + next.e,
            next.b * self.e + next.d * self.f + next.f,
        )
    }

    /// The transform that applies `first`, then `self`.
    #[inline]
    #[must_use]
    pub fn pre_concat(self, first: Transform) -> Transform {
        first.then(self)
    }

    /// `self` followed by a translation.
    #[inline]
    #[must_use]
    pub fn then_translate(self, tx: f32, ty: f32) -> Transform {
        self.then(Transform::translate(tx, ty))
    }

    /// `self` followed by a scale about the origin.
    #[inline]
    #[must_use]
    pub fn then_scale(self, sx: f32, sy: f32) -> Transform {
        self.then(Transform::scale(sx, sy))
    }

    /// `self` followed by a rotation about the origin.
    #[inline]
    #[must_use]
    pub fn then_rotate(self, angle: f32) -> Transform {
        self.then(Transform::rotate(angle))
    }

    /// The determinant `a·d − b·c`: the factor by which areas scale (negative when the
    /// transform mirrors).
    #[inline]
    pub fn determinant(&self) -> f32 {
        self.a * self.d - self.b * self.c
    }

    /// The inverse, or `None` when the transform is singular (it collapses the plane
    /// onto a line or a point) or not finite.
    pub fn invert(&self) -> Option<Transform> {
        // In f64: a near-singular f32 matrix would otherwise lose most of its digits.
        let (a, b, c, d) = (
            f64::from(self.a),
            f64::from(self.b),
            f64::from(self.c),
            f64::from(self.d),
        );
        let (e, f) = (f64::from(self.e), f64::from(self.f));
        let det = a * d - b * c;
        if det == 0.0 || !det.is_finite() || !self.is_finite() {
            return None;
        }
        let inv = 1.0 / det;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "narrowing back to the f32 of the type; checked for finiteness below"
        )]
        let t = Transform::new(
            (d * inv) as f32,
            (-b * inv) as f32,
            (-c * inv) as f32,
            (a * inv) as f32,
            ((c * f - d * e) * inv) as f32,
            ((b * e - a * f) * inv) as f32,
        );
        t.is_finite().then_some(t)
    }

    /// Maps a point.
    #[inline]
    pub fn map_point(&self, p: Point) -> Point {
        Point::new(
            self.a * p.x + self.c * p.y + self.e,
            self.b * p.x + self.d * p.y + self.f,
        )
    }

    /// Maps a displacement: the linear part only, without translation.
    #[inline]
    pub fn map_vec(&self, v: Vec2) -> Vec2 {
        Vec2::new(self.a * v.x + self.c * v.y, self.b * v.x + self.d * v.y)
    }

    /// The smallest axis-aligned rectangle holding the image of `rect` (exact for
    /// translations and scales; for rotations and shears it holds the mapped
    /// parallelogram).
    pub fn map_rect(&self, rect: Rect) -> Rect {
        let corners = [
            self.map_point(Point::new(rect.x0, rect.y0)),
            self.map_point(Point::new(rect.x1, rect.y0)),
            self.map_point(Point::new(rect.x0, rect.y1)),
            self.map_point(Point::new(rect.x1, rect.y1)),
        ];
        Rect::from_points(corners).unwrap_or(Rect::EMPTY)
    }

    /// Whether this is the identity.
    #[inline]
    pub fn is_identity(&self) -> bool {
        *self == Self::IDENTITY
    }

    /// Whether the transform only translates.
    #[inline]
    pub fn is_translate(&self) -> bool {
        self.a == 1.0 && self.b == 0.0 && self.c == 0.0 && self.d == 1.0
    }

    /// Whether the transform keeps axes axis-aligned (no rotation or shear).
    #[inline]
    pub fn is_scale_translate(&self) -> bool {
        self.b == 0.0 && self.c == 0.0
    }

    /// Whether all six coefficients are finite.
    #[inline]
    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }

    /// The largest factor by which the transform stretches any length (the larger
    /// singular value of the linear part).
    pub fn max_scale(&self) -> f32 {
        // Singular values of [a c; b d] from the eigenvalues of MᵀM.
        let p = self.a * self.a + self.b * self.b;
        let q = self.a * self.c + self.b * self.d;
        let r = self.c * self.c + self.d * self.d;
        let mean = (p + r) * 0.5;
        let dev = math::sqrt(((p - r) * 0.5) * ((p - r) * 0.5) + q * q);
        math::sqrt(mean + dev)
    }

    /// The coefficients in `[a, b, c, d, e, f]` order.
    #[inline]
    pub const fn to_array(&self) -> [f32; 6] {
        [self.a, self.b, self.c, self.d, self.e, self.f]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(p: Point, q: Point) -> bool {
        (p.x - q.x).abs() < 1e-4 && (p.y - q.y).abs() < 1e-4
    }

    #[test]
    fn elementary_transforms_map_points() {
        let p = Point::new(2.0, 3.0);
        assert_eq!(
            Transform::translate(1.0, -1.0).map_point(p),
            Point::new(3.0, 2.0)
        );
        assert_eq!(
            Transform::scale(2.0, 3.0).map_point(p),
            Point::new(4.0, 9.0)
        );
        let r = Transform::rotate(core::f32::consts::FRAC_PI_2).map_point(Point::new(1.0, 0.0));
        assert!(close(r, Point::new(0.0, 1.0)), "{r:?}");
        assert_eq!(Transform::skew(0.5, 0.0).map_point(p), Point::new(3.5, 3.0));
        let about = Transform::rotate_about(core::f32::consts::PI, Point::new(1.0, 1.0));
        assert!(close(
            about.map_point(Point::new(2.0, 1.0)),
            Point::new(0.0, 1.0)
        ));
    }

    #[test]
    fn then_applies_left_to_right() {
        let t = Transform::translate(10.0, 0.0).then(Transform::scale(2.0, 2.0));
        assert_eq!(t.map_point(Point::new(1.0, 1.0)), Point::new(22.0, 2.0));
        let u = Transform::translate(10.0, 0.0).pre_concat(Transform::scale(2.0, 2.0));
        assert_eq!(u.map_point(Point::new(1.0, 1.0)), Point::new(12.0, 2.0));
    }

    #[test]
    fn invert_undoes_and_rejects_singular() {
        let t = Transform::new(2.0, 0.5, -1.0, 3.0, 7.0, -4.0);
        let inv = t.invert().unwrap();
        let p = Point::new(-3.5, 11.25);
        assert!(close(inv.map_point(t.map_point(p)), p));
        assert!(
            t.then(inv)
                .to_array()
                .iter()
                .zip(Transform::IDENTITY.to_array())
                .all(|(a, b)| (a - b).abs() < 1e-6)
        );
        assert_eq!(Transform::scale(0.0, 1.0).invert(), None);
        assert_eq!(Transform::new(1.0, 2.0, 2.0, 4.0, 0.0, 0.0).invert(), None);
        assert_eq!(Transform::translate(f32::NAN, 0.0).invert(), None);
    }

    #[test]
    fn map_rect_bounds_the_image() {
        let r = Rect::new(0.0, 0.0, 2.0, 1.0);
        let m = Transform::rotate(core::f32::consts::FRAC_PI_2).map_rect(r);
        assert!((m.x0 + 1.0).abs() < 1e-6 && m.x1.abs() < 1e-6);
        assert!(m.y0.abs() < 1e-6 && (m.y1 - 2.0).abs() < 1e-6);
        assert!((Transform::scale(3.0, -2.0).max_scale() - 3.0).abs() < 1e-6);
        assert!((Transform::rotate(0.7).max_scale() - 1.0).abs() < 1e-6);
    }
}
