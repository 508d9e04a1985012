//! Axis-aligned rectangles in user space.

use super::Point;
use crate::math;

/// An axis-aligned rectangle from `(x0, y0)` (top left) to `(x1, y1)` (bottom right).
///
/// Constructors order the corners, so `x0 <= x1` and `y0 <= y1` whenever they came
/// from finite input; a rectangle with `x0 == x1` or `y0 == y1` is empty.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// The empty rectangle at the origin.
    pub const EMPTY: Self = Self {
        x0: 0.0,
        y0: 0.0,
        x1: 0.0,
        y1: 0.0,
    };

    /// A rectangle from two opposite corners, in any order.
    #[inline]
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        Self {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    /// A rectangle from its top-left corner and size (a negative size extends left or
    /// up).
    #[inline]
    pub fn from_xywh(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self::new(x, y, x + width, y + height)
    }

    /// The bounds of a set of points, or `None` for no points.
    pub fn from_points(points: impl IntoIterator<Item = Point>) -> Option<Self> {
        let mut it = points.into_iter();
        let first = it.next()?;
        let mut r = Rect {
            x0: first.x,
            y0: first.y,
            x1: first.x,
            y1: first.y,
        };
        for p in it {
            r.x0 = r.x0.min(p.x);
            r.y0 = r.y0.min(p.y);
            r.x1 = r.x1.max(p.x);
            r.y1 = r.y1.max(p.y);
        }
        Some(r)
    }

    /// Width.
    #[inline]
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    /// Height.
    #[inline]
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    /// Whether the rectangle has no area (or is not a number).
    #[inline]
    pub fn is_empty(&self) -> bool {
        !(self.x1 > self.x0 && self.y1 > self.y0)
    }

    /// Whether all four edges are finite.
    #[inline]
    pub fn is_finite(&self) -> bool {
        self.x0.is_finite() && self.y0.is_finite() && self.x1.is_finite() && self.y1.is_finite()
    }

    /// The centre.
    #[inline]
    pub fn center(&self) -> Point {
        Point::new((self.x0 + self.x1) * 0.5, (self.y0 + self.y1) * 0.5)
    }

    /// Whether `p` lies inside (left and top edges inclusive, right and bottom
    /// exclusive).
    #[inline]
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x0 && p.x < self.x1 && p.y >= self.y0 && p.y < self.y1
    }

    /// The overlap of two rectangles, or `None` when they do not overlap.
    pub fn intersect(&self, other: &Rect) -> Option<Rect> {
        let r = Rect {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        };
        (!r.is_empty()).then_some(r)
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The rectangle grown by `by` on every side (shrunk for negative `by`).
    pub fn inflate(&self, by: f32) -> Rect {
        Rect::new(self.x0 - by, self.y0 - by, self.x1 + by, self.y1 + by)
    }

    /// The smallest whole-pixel rectangle holding this one, as
    /// `(left, top, right, bottom)` pixel edges, or `None` when it is empty or not
    /// finite. Edges are clamped to ±2³⁰ so the caller's arithmetic cannot overflow.
    pub fn round_out(&self) -> Option<(i32, i32, i32, i32)> {
        if self.is_empty() || !self.is_finite() {
            return None;
        }
        const LIMIT: f32 = (1u32 << 30) as f32;
        let clamp = |v: f32| {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "clamped to ±2^30 just before the cast"
            )]
            let i = v.clamp(-LIMIT, LIMIT) as i32;
            i
        };
        Some((
            clamp(math::floor(self.x0)),
            clamp(math::floor(self.y0)),
            clamp(math::ceil(self.x1)),
            clamp(math::ceil(self.y1)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_are_ordered_and_set_operations_hold() {
        let r = Rect::new(4.0, 5.0, 1.0, 2.0);
        assert_eq!((r.x0, r.y0, r.x1, r.y1), (1.0, 2.0, 4.0, 5.0));
        assert_eq!(r.width(), 3.0);
        let s = Rect::from_xywh(3.0, 3.0, 10.0, 10.0);
        assert_eq!(r.intersect(&s), Some(Rect::new(3.0, 3.0, 4.0, 5.0)));
        assert_eq!(r.union(&s), Rect::new(1.0, 2.0, 13.0, 13.0));
        assert_eq!(r.intersect(&Rect::new(10.0, 10.0, 11.0, 11.0)), None);
        assert!(Rect::new(1.0, 1.0, 1.0, 5.0).is_empty());
        assert_eq!(
            Rect::new(0.5, -0.5, 2.1, 3.0).round_out(),
            Some((0, -1, 3, 3))
        );
        assert_eq!(Rect::new(0.0, 0.0, f32::INFINITY, 1.0).round_out(), None);
        let big = Rect::new(-1e30, -1e30, 1e30, 1e30).round_out().unwrap();
        assert_eq!(big, (-(1 << 30), -(1 << 30), 1 << 30, 1 << 30));
    }
}
