//! Pixel-space rectangles.

/// An axis-aligned rectangle of whole pixels: origin `(x, y)` (which may be negative,
/// for regions partly outside an image) and a size. It covers columns
/// `x .. x + width` and rows `y .. y + height`; edges are computed in `i64`, so no
/// combination of fields overflows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Rect {
    /// Left edge (inclusive).
    pub x: i32,
    /// Top edge (inclusive).
    pub y: i32,
    /// Width in pixels; zero makes the rectangle empty.
    pub width: u32,
    /// Height in pixels; zero makes the rectangle empty.
    pub height: u32,
}

impl Rect {
    /// A rectangle from its origin and size.
    #[inline]
    pub const fn new(x: i32, y: i32, width: u32, height: u32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The rectangle `(0, 0, width, height)`: the bounds of an image of that size.
    #[inline]
    pub const fn from_size(width: u32, height: u32) -> Self {
        Self::new(0, 0, width, height)
    }

    /// A rectangle from inclusive top-left and exclusive bottom-right corners, or
    /// `None` if it would be empty or its size does not fit the fields.
    pub fn from_edges(left: i64, top: i64, right: i64, bottom: i64) -> Option<Self> {
        if right <= left || bottom <= top {
            return None;
        }
        Some(Self {
            x: i32::try_from(left).ok()?,
            y: i32::try_from(top).ok()?,
            width: u32::try_from(right - left).ok()?,
            height: u32::try_from(bottom - top).ok()?,
        })
    }

    /// Left edge (inclusive).
    #[inline]
    pub const fn left(&self) -> i64 {
        self.x as i64
    }

    /// Top edge (inclusive).
    #[inline]
    pub const fn top(&self) -> i64 {
        self.y as i64
    }

    /// Right edge (exclusive).
    #[inline]
    pub const fn right(&self) -> i64 {
        self.x as i64 + self.width as i64
    }

    /// Bottom edge (exclusive).
    #[inline]
    pub const fn bottom(&self) -> i64 {
        self.y as i64 + self.height as i64
    }

    /// Number of pixels covered.
    #[inline]
    pub const fn area(&self) -> u64 {
        self.width as u64 * self.height as u64
    }

    /// Whether the rectangle covers no pixels.
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.width == 0 || self.height == 0
    }

    /// Whether pixel `(x, y)` lies inside.
    #[inline]
    pub const fn contains(&self, x: i64, y: i64) -> bool {
        x >= self.left() && x < self.right() && y >= self.top() && y < self.bottom()
    }

    /// Whether every pixel of `other` lies inside `self`. An empty `other` is contained
    /// when its origin lies within or on the edges of `self`.
    #[inline]
    pub const fn contains_rect(&self, other: &Rect) -> bool {
        other.left() >= self.left()
            && other.top() >= self.top()
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }

    /// The pixels both rectangles cover, or `None` if they share none.
    pub fn intersect(&self, other: &Rect) -> Option<Rect> {
        Rect::from_edges(
            self.left().max(other.left()),
            self.top().max(other.top()),
            self.right().min(other.right()),
            self.bottom().min(other.bottom()),
        )
    }

    /// The part of the rectangle inside a `width × height` image, or `None` if no part
    /// is.
    pub fn clamp_to(&self, width: u32, height: u32) -> Option<Rect> {
        self.intersect(&Rect::from_size(width, height))
    }

    /// The rectangle moved by `(dx, dy)`, or `None` if its origin leaves the `i32` range.
    pub fn translate(&self, dx: i32, dy: i32) -> Option<Rect> {
        Some(Rect {
            x: self.x.checked_add(dx)?,
            y: self.y.checked_add(dy)?,
            ..*self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intersect_overlapping_and_disjoint() {
        let a = Rect::new(0, 0, 10, 10);
        let b = Rect::new(5, -3, 10, 5);
        assert_eq!(a.intersect(&b), Some(Rect::new(5, 0, 5, 2)));
        assert_eq!(b.intersect(&a), a.intersect(&b));
        assert_eq!(
            a.intersect(&Rect::new(10, 0, 5, 5)),
            None,
            "touching edges share no pixel"
        );
        assert_eq!(a.intersect(&Rect::new(3, 3, 0, 5)), None, "empty rect");
    }

    #[test]
    fn extreme_coordinates_do_not_overflow() {
        let a = Rect::new(i32::MAX, i32::MAX, u32::MAX, u32::MAX);
        assert_eq!(a.right(), i64::from(i32::MAX) + i64::from(u32::MAX));
        let b = Rect::new(i32::MIN, i32::MIN, u32::MAX, u32::MAX);
        assert_eq!(a.intersect(&b), None);
        assert_eq!(
            b.clamp_to(100, 50),
            Some(Rect::new(0, 0, 100, 50)),
            "covers the whole image"
        );
        assert_eq!(a.translate(1, 0), None);
    }

    #[test]
    fn contains_points_and_rects() {
        let a = Rect::new(-2, 3, 4, 2);
        assert!(a.contains(-2, 3));
        assert!(a.contains(1, 4));
        assert!(!a.contains(2, 4), "right edge is exclusive");
        assert!(!a.contains(0, 5), "bottom edge is exclusive");
        assert!(a.contains_rect(&Rect::new(-1, 3, 3, 2)));
        assert!(!a.contains_rect(&Rect::new(-1, 3, 4, 2)));
    }

    #[test]
    fn clamp_to_bounds() {
        assert_eq!(
            Rect::new(-5, -5, 10, 10).clamp_to(8, 8),
            Some(Rect::new(0, 0, 5, 5))
        );
        assert_eq!(
            Rect::new(6, 6, 10, 10).clamp_to(8, 8),
            Some(Rect::new(6, 6, 2, 2))
        );
        assert_eq!(Rect::new(8, 0, 10, 10).clamp_to(8, 8), None);
    }
}
