//! Common shapes: rectangles, rounded rectangles, circles, ellipses, polygons and
//! polylines, appended to a [`PathBuilder`] or built as a [`Path`]. The conventions
//! are documented on the `impl PathBuilder` block below.

use super::arc::{connect, poison};
use super::{Path, PathBuilder, PathError};
use crate::geom::{Point, Rect, Vec2};

/// The cubic control-point distance for a quarter circle of radius 1:
/// `4/3·(√2 − 1)`.
const KAPPA: f32 = 0.552_284_8;

/// The radii of a rounded rectangle's four corners.
///
/// Each corner has a horizontal radius (`x`) and a vertical radius (`y`); equal radii
/// give circular corners. As CSS `border-radius` does, [`PathBuilder::push_rounded_rect`]
/// treats negative radii as zero, makes a corner square when either of its radii is
/// zero, and when the radii on any side add up to more than that side's length, scales
/// all radii down by the same factor until they fit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CornerRadii {
    /// Top-left corner radii.
    pub top_left: Vec2,
    /// Top-right corner radii.
    pub top_right: Vec2,
    /// Bottom-right corner radii.
    pub bottom_right: Vec2,
    /// Bottom-left corner radii.
    pub bottom_left: Vec2,
}

impl CornerRadii {
    /// Square corners.
    pub const ZERO: Self = Self::uniform(0.0);

    /// Circular corners with one radius each, clockwise from the top left.
    #[inline]
    pub const fn new(top_left: f32, top_right: f32, bottom_right: f32, bottom_left: f32) -> Self {
        Self {
            top_left: Vec2::new(top_left, top_left),
            top_right: Vec2::new(top_right, top_right),
            bottom_right: Vec2::new(bottom_right, bottom_right),
            bottom_left: Vec2::new(bottom_left, bottom_left),
        }
    }

    /// The same circular radius on every corner.
    #[inline]
    pub const fn uniform(radius: f32) -> Self {
        Self::new(radius, radius, radius, radius)
    }

    /// The same elliptical corner everywhere: `rx` horizontally, `ry` vertically.
    #[inline]
    pub const fn uniform_elliptical(rx: f32, ry: f32) -> Self {
        let r = Vec2::new(rx, ry);
        Self {
            top_left: r,
            top_right: r,
            bottom_right: r,
            bottom_left: r,
        }
    }

    fn corners(&self) -> [Vec2; 4] {
        [
            self.top_left,
            self.top_right,
            self.bottom_right,
            self.bottom_left,
        ]
    }

    fn is_finite(&self) -> bool {
        self.corners().iter().all(|r| r.is_finite())
    }

    /// The radii a `width × height` rectangle actually uses: negatives and
    /// half-zero corners made zero, then all scaled by one factor so that no side's
    /// radii overlap (CSS Backgrounds 3, §5.5). Non-finite radii count as zero here
    /// (the path methods reject them first), and negative sizes as zero.
    pub fn fitted(&self, width: f32, height: f32) -> CornerRadii {
        let clean = |r: Vec2| {
            if r.x > 0.0 && r.y > 0.0 && r.is_finite() {
                r
            } else {
                Vec2::ZERO
            }
        };
        let [tl, tr, br, bl] = self.corners().map(clean);
        let (w, h) = (width.max(0.0), height.max(0.0));
        let mut f: f32 = 1.0;
        for (len, sum) in [
            (w, tl.x + tr.x),
            (w, bl.x + br.x),
            (h, tl.y + bl.y),
            (h, tr.y + br.y),
        ] {
            if sum > len {
                f = f.min(len / sum);
            }
        }
        let [mut tl, mut tr, mut br, mut bl] = [tl, tr, br, bl].map(|r| r * f);
        // Rounding may leave a side's radii an ulp longer than the side; take it off
        // the second corner so edges never run backwards.
        tr.x = tr.x.min(w - tl.x).max(0.0);
        br.x = br.x.min(w - bl.x).max(0.0);
        bl.y = bl.y.min(h - tl.y).max(0.0);
        br.y = br.y.min(h - tr.y).max(0.0);
        for r in [&mut tl, &mut tr, &mut br, &mut bl] {
            if r.x <= 0.0 || r.y <= 0.0 {
                *r = Vec2::ZERO;
            }
        }
        CornerRadii {
            top_left: tl,
            top_right: tr,
            bottom_right: br,
            bottom_left: bl,
        }
    }
}

impl From<f32> for CornerRadii {
    /// The same circular radius on every corner.
    #[inline]
    fn from(radius: f32) -> Self {
        Self::uniform(radius)
    }
}

/// The rectangle with its corners ordered (the fields of a `Rect` are public, so
/// they may not be).
fn ordered(r: Rect) -> Rect {
    Rect::new(r.x0, r.y0, r.x1, r.y1)
}

/// Shapes.
///
/// Every closed shape is one closed subpath winding clockwise on screen (y down), with
/// the start points and directions of Skia's `SkPath::addRect`, `addRRect` and
/// `addOval` with their default arguments, so dashes begin where they do there:
///
/// | shape | starts at | then |
/// |---|---|---|
/// | rectangle | top-left corner | top edge, right edge, bottom edge, left edge |
/// | rounded rectangle | bottom end of the left edge | up the left edge, top-left corner, … |
/// | circle, ellipse | rightmost point `(cx + rx, cy)` | through the bottom, left, top |
///
/// Curved corners and ellipse quarters are cubic Béziers with the usual
/// `k = 4/3·(√2 − 1)` control-point ratio: within `2.7 × 10⁻⁴` of the radius of the
/// true curve.
///
/// Input rules, the same for every shape: non-finite coordinates or radii make
/// [`finish`](PathBuilder::finish) (and the [`Path`] constructors) fail with
/// [`PathError::NonFinite`]; negative circle and ellipse radii add nothing (the
/// constructors return an empty path); rectangles with `x1 < x0` or `y1 < y0` (only
/// possible by setting [`Rect`]'s fields directly) are read with their corners
/// ordered, so they still wind clockwise; zero sizes give degenerate subpaths that
/// fill nothing but that a stroke still draws. Polygons and polylines keep the order,
/// and so the winding, of the points given.
impl PathBuilder {
    /// Appends `rect` as a closed subpath: from the top-left corner clockwise, as the
    /// canvas `rect()` and Skia's `addRect` do.
    pub fn push_rect(&mut self, rect: Rect) -> &mut Self {
        if !rect.is_finite() {
            poison(self);
            return self;
        }
        let r = ordered(rect);
        self.move_to(r.x0, r.y0)
            .line_to(r.x1, r.y0)
            .line_to(r.x1, r.y1)
            .line_to(r.x0, r.y1)
            .close()
    }

    /// Appends `rect` with rounded corners as a closed subpath, the radii first
    /// [fitted](CornerRadii::fitted) to the rectangle. It starts at the bottom end of
    /// the left edge, `(x0, y1 − bottom_left.y)`, and runs up the left edge, round the
    /// top-left corner and on clockwise (Skia's `addRRect` default). Corners with zero
    /// radii are sharp, so zero radii give the plain rectangle's four corners.
    pub fn push_rounded_rect(&mut self, rect: Rect, radii: CornerRadii) -> &mut Self {
        if !rect.is_finite() || !radii.is_finite() {
            poison(self);
            return self;
        }
        let r = ordered(rect);
        let CornerRadii {
            top_left: tl,
            top_right: tr,
            bottom_right: br,
            bottom_left: bl,
        } = radii.fitted(r.width(), r.height());
        let (l, t, rt, b) = (r.x0, r.y0, r.x1, r.y1);
        let k = KAPPA;
        let edge = |pb: &mut Self, x: f32, y: f32| connect(pb, Point::new(x, y));
        self.move_to(l, b - bl.y);
        edge(self, l, t + tl.y);
        if tl != Vec2::ZERO {
            self.cubic_to(
                l,
                t + tl.y * (1.0 - k),
                l + tl.x * (1.0 - k),
                t,
                l + tl.x,
                t,
            );
        }
        edge(self, rt - tr.x, t);
        if tr != Vec2::ZERO {
            self.cubic_to(
                rt - tr.x * (1.0 - k),
                t,
                rt,
                t + tr.y * (1.0 - k),
                rt,
                t + tr.y,
            );
        }
        edge(self, rt, b - br.y);
        if br != Vec2::ZERO {
            self.cubic_to(
                rt,
                b - br.y * (1.0 - k),
                rt - br.x * (1.0 - k),
                b,
                rt - br.x,
                b,
            );
        }
        if bl != Vec2::ZERO {
            edge(self, l + bl.x, b);
            self.cubic_to(
                l + bl.x * (1.0 - k),
                b,
                l,
                b - bl.y * (1.0 - k),
                l,
                b - bl.y,
            );
        }
        // With a square bottom-left corner the last edge is the closing line.
        self.close()
    }

    /// Appends the ellipse centred at `(cx, cy)` with horizontal radius `rx` and
    /// vertical radius `ry`: four cubics from `(cx + rx, cy)` clockwise through
    /// `(cx, cy + ry)`, closed. Adds nothing if a radius is negative.
    pub fn push_ellipse(&mut self, cx: f32, cy: f32, rx: f32, ry: f32) -> &mut Self {
        if ![cx, cy, rx, ry].iter().all(|v| v.is_finite()) {
            poison(self);
            return self;
        }
        if rx < 0.0 || ry < 0.0 {
            return self;
        }
        let (kx, ky) = (rx * KAPPA, ry * KAPPA);
        let (l, t, r, b) = (cx - rx, cy - ry, cx + rx, cy + ry);
        self.move_to(r, cy)
            .cubic_to(r, cy + ky, cx + kx, b, cx, b)
            .cubic_to(cx - kx, b, l, cy + ky, l, cy)
            .cubic_to(l, cy - ky, cx - kx, t, cx, t)
            .cubic_to(cx + kx, t, r, cy - ky, r, cy)
            .close()
    }

    /// Appends the ellipse inscribed in `oval` (as Skia's `addOval`); see
    /// [`push_ellipse`](Self::push_ellipse).
    pub fn push_oval(&mut self, oval: Rect) -> &mut Self {
        if !oval.is_finite() {
            poison(self);
            return self;
        }
        let r = ordered(oval);
        let c = r.center();
        self.push_ellipse(c.x, c.y, r.width() * 0.5, r.height() * 0.5)
    }

    /// Appends the circle centred at `(cx, cy)` with radius `r`, from `(cx + r, cy)`
    /// clockwise. Adds nothing if `r` is negative.
    pub fn push_circle(&mut self, cx: f32, cy: f32, r: f32) -> &mut Self {
        self.push_ellipse(cx, cy, r, r)
    }

    /// Appends a closed polygon through `points` in the order given (so its winding
    /// is the caller's). Fewer than two points add nothing.
    pub fn push_polygon(&mut self, points: &[Point]) -> &mut Self {
        self.push_polyline(points);
        if points.len() >= 2 {
            self.close();
        }
        self
    }

    /// Appends an open polyline through `points` in the order given. Fewer than two
    /// points add nothing.
    pub fn push_polyline(&mut self, points: &[Point]) -> &mut Self {
        let [first, rest @ ..] = points else {
            return self;
        };
        if rest.is_empty() {
            // A lone point would only be a move; still report it if not finite.
            if !first.is_finite() {
                poison(self);
            }
            return self;
        }
        self.move_to(first.x, first.y);
        for p in rest {
            self.line_to(p.x, p.y);
        }
        self
    }
}

/// Shape constructors: each allocates a path holding the one shape described on the
/// matching [`PathBuilder`] method.
///
/// # Errors
///
/// Each returns [`PathError::NonFinite`] when a coordinate or radius is NaN or
/// infinite; negative radii give `Ok` with an empty path.
impl Path {
    /// The rectangle `rect`; see [`PathBuilder::push_rect`].
    pub fn rect(rect: Rect) -> Result<Path, PathError> {
        PathBuilder::with_capacity(5, 4).push_rect(rect).finish()
    }

    /// The rectangle `rect` with rounded corners; see
    /// [`PathBuilder::push_rounded_rect`].
    pub fn rounded_rect(rect: Rect, radii: CornerRadii) -> Result<Path, PathError> {
        PathBuilder::with_capacity(10, 17)
            .push_rounded_rect(rect, radii)
            .finish()
    }

    /// The circle centred at `(cx, cy)` with radius `r`; see
    /// [`PathBuilder::push_circle`].
    pub fn circle(cx: f32, cy: f32, r: f32) -> Result<Path, PathError> {
        PathBuilder::with_capacity(6, 13)
            .push_circle(cx, cy, r)
            .finish()
    }

    /// The ellipse centred at `(cx, cy)` with radii `rx`, `ry`; see
    /// [`PathBuilder::push_ellipse`].
    pub fn ellipse(cx: f32, cy: f32, rx: f32, ry: f32) -> Result<Path, PathError> {
        PathBuilder::with_capacity(6, 13)
            .push_ellipse(cx, cy, rx, ry)
            .finish()
    }

    /// The ellipse inscribed in `oval`; see [`PathBuilder::push_oval`].
    pub fn oval(oval: Rect) -> Result<Path, PathError> {
        PathBuilder::with_capacity(6, 13).push_oval(oval).finish()
    }

    /// The closed polygon through `points`; see [`PathBuilder::push_polygon`].
    pub fn polygon(points: &[Point]) -> Result<Path, PathError> {
        let n = points.len();
        PathBuilder::with_capacity(n + 1, n)
            .push_polygon(points)
            .finish()
    }

    /// The open polyline through `points`; see [`PathBuilder::push_polyline`].
    pub fn polyline(points: &[Point]) -> Result<Path, PathError> {
        let n = points.len();
        PathBuilder::with_capacity(n, n)
            .push_polyline(points)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::{PathEl, Verb};

    #[test]
    fn rect_starts_top_left_and_winds_clockwise() {
        let p = Path::rect(Rect::new(1.0, 2.0, 11.0, 7.0)).unwrap();
        let pts = [(1.0, 2.0), (11.0, 2.0), (11.0, 7.0), (1.0, 7.0)].map(Point::from);
        assert_eq!(p.points(), pts);
        assert_eq!(
            p.verbs(),
            [Verb::Move, Verb::Line, Verb::Line, Verb::Line, Verb::Close]
        );
        let unordered = Rect {
            x0: 11.0,
            y0: 7.0,
            x1: 1.0,
            y1: 2.0,
        };
        assert_eq!(Path::rect(unordered).unwrap(), p);
        // (`Rect::new` orders corners with min/max, which drops NaN; set fields.)
        let nan = Rect {
            x1: f32::NAN,
            ..Rect::EMPTY
        };
        assert!(Path::rect(nan).is_err());
    }

    #[test]
    fn zero_radii_rounded_rect_is_the_rect() {
        let r = Rect::new(0.0, 0.0, 10.0, 5.0);
        let p = Path::rounded_rect(r, CornerRadii::ZERO).unwrap();
        let els: alloc::vec::Vec<_> = p.elements().collect();
        assert_eq!(
            els,
            [
                PathEl::MoveTo(Point::new(0.0, 5.0)),
                PathEl::LineTo(Point::new(0.0, 0.0)),
                PathEl::LineTo(Point::new(10.0, 0.0)),
                PathEl::LineTo(Point::new(10.0, 5.0)),
                PathEl::Close,
            ]
        );
    }

    #[test]
    fn radii_are_fitted() {
        let f = CornerRadii::new(10.0, 30.0, -5.0, 0.0).fitted(20.0, 100.0);
        // Top side: 10 + 30 > 20, factor 0.5.
        assert_eq!(f.top_left, Vec2::new(5.0, 5.0));
        assert_eq!(f.top_right, Vec2::new(15.0, 15.0));
        assert_eq!(f.bottom_right, Vec2::ZERO);
        assert_eq!(f.bottom_left, Vec2::ZERO);
        let e = CornerRadii::uniform_elliptical(3.0, 0.0).fitted(10.0, 10.0);
        assert_eq!(e, CornerRadii::ZERO);
    }

    #[test]
    fn negative_circle_is_empty() {
        assert!(Path::circle(0.0, 0.0, -1.0).unwrap().is_empty());
        assert!(Path::circle(0.0, f32::INFINITY, 1.0).is_err());
        assert!(Path::polygon(&[Point::new(f32::NAN, 0.0)]).is_err());
        assert!(Path::polygon(&[Point::new(1.0, 0.0)]).unwrap().is_empty());
    }
}
