//! Paths: sequences of subpaths made of lines and quadratic and cubic Bézier curves.
//!
//! Build one with a [`PathBuilder`] (or a shape constructor such as [`Path::circle`],
//! or from SVG path data with [`Path::from_svg`]); [`PathBuilder::finish`] validates
//! it once, and everything downstream relies on the guarantees listed on [`Path`].

mod arc;
mod builder;
mod flatten;
mod measure;
mod shapes;
mod svg;

pub use builder::{PathBuilder, PathError};
pub(crate) use flatten::flatten_segment;
pub use flatten::{Flattened, MAX_PIECES, flatten_into};
pub use measure::{Contour, PathMeasure};
pub use shapes::CornerRadii;
pub use svg::{SvgError, SvgErrorKind};

use alloc::vec::Vec;

use crate::geom::{Point, Rect, Transform};

/// A path command, without its points (see [`Path::verbs`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verb {
    /// Starts a subpath at one point.
    Move,
    /// A straight line to one point.
    Line,
    /// A quadratic Bézier: one control point, one end point.
    Quad,
    /// A cubic Bézier: two control points, one end point.
    Cubic,
    /// A straight line back to the subpath's start, closing it. Takes no points.
    Close,
}

impl Verb {
    /// How many points the verb consumes.
    #[inline]
    pub const fn point_count(self) -> usize {
        match self {
            Verb::Move | Verb::Line => 1,
            Verb::Quad => 2,
            Verb::Cubic => 3,
            Verb::Close => 0,
        }
    }
}

/// One path element with its points, as [`Path::elements`] yields them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathEl {
    /// Start a subpath here.
    MoveTo(Point),
    /// Line to the point.
    LineTo(Point),
    /// Quadratic Bézier: control point, end point.
    QuadTo(Point, Point),
    /// Cubic Bézier: two control points, end point.
    CubicTo(Point, Point, Point),
    /// Close the subpath.
    Close,
}

/// One drawn segment with both of its ends, as [`Path::segments`] yields them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    /// A straight line.
    Line(Point, Point),
    /// A quadratic Bézier: start, control, end.
    Quad(Point, Point, Point),
    /// A cubic Bézier: start, two controls, end.
    Cubic(Point, Point, Point, Point),
}

impl Segment {
    /// Where the segment starts.
    #[inline]
    pub fn start(&self) -> Point {
        match *self {
            Segment::Line(p, _) | Segment::Quad(p, _, _) | Segment::Cubic(p, _, _, _) => p,
        }
    }

    /// Where the segment ends.
    #[inline]
    pub fn end(&self) -> Point {
        match *self {
            Segment::Line(_, p) | Segment::Quad(_, _, p) | Segment::Cubic(_, _, _, p) => p,
        }
    }

    /// The point at parameter `t` in `[0, 1]`.
    pub fn eval(&self, t: f32) -> Point {
        match *self {
            Segment::Line(a, b) => a.lerp(b, t),
            Segment::Quad(a, b, c) => a.lerp(b, t).lerp(b.lerp(c, t), t),
            Segment::Cubic(a, b, c, d) => {
                let ab = a.lerp(b, t);
                let bc = b.lerp(c, t);
                let cd = c.lerp(d, t);
                ab.lerp(bc, t).lerp(bc.lerp(cd, t), t)
            }
        }
    }
}

/// A validated path.
///
/// # Guarantees
///
/// - Every point is finite.
/// - The verbs start with [`Verb::Move`] (unless the path is empty), every subpath
///   starts with a `Move`, and no `Move` is immediately followed by another `Move` or
///   ends the path: subpaths without segments are dropped by the builder.
/// - [`bounds`](Self::bounds) holds every point, control points included, and so the
///   whole drawn path.
///
/// Subpaths not ended by [`Verb::Close`] are open: a fill closes them implicitly with
/// a straight line, a stroke leaves them open.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Path {
    verbs: Vec<Verb>,
    points: Vec<Point>,
    bounds: Rect,
}

impl Path {
    /// Assembles a path from parts the builder has already validated.
    pub(crate) fn from_parts(verbs: Vec<Verb>, points: Vec<Point>) -> Self {
        let bounds = Rect::from_points(points.iter().copied()).unwrap_or(Rect::EMPTY);
        Self {
            verbs,
            points,
            bounds,
        }
    }

    /// Empties the path for refilling with [`push_polygon`](Self::push_polygon),
    /// keeping its allocations.
    pub(crate) fn clear(&mut self) {
        self.verbs.clear();
        self.points.clear();
        self.bounds = Rect::EMPTY;
    }

    /// Appends a closed polygon through `points` (at least two), growing the bounds.
    /// Returns `false`, appending nothing, when a point is not finite: the path's
    /// guarantees hold either way.
    pub(crate) fn push_polygon(&mut self, points: &[Point]) -> bool {
        let Some((&first, rest)) = points.split_first() else {
            return true;
        };
        if rest.is_empty() {
            return true;
        }
        if !points.iter().all(|p| p.is_finite()) {
            return false;
        }
        let Some(bounds) = Rect::from_points(points.iter().copied()) else {
            return true;
        };
        self.bounds = if self.verbs.is_empty() {
            bounds
        } else {
            self.bounds.union(&bounds)
        };
        self.verbs.push(Verb::Move);
        self.points.push(first);
        self.verbs
            .extend(core::iter::repeat_n(Verb::Line, rest.len()));
        self.points.extend_from_slice(rest);
        self.verbs.push(Verb::Close);
        true
    }

    /// The empty path, which draws nothing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the path has no segments.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }

    /// The verbs, in order.
    #[inline]
    pub fn verbs(&self) -> &[Verb] {
        &self.verbs
    }

    /// All points, in order: each verb's [`point_count`](Verb::point_count) points in
    /// turn.
    #[inline]
    pub fn points(&self) -> &[Point] {
        &self.points
    }

    /// The bounds of every point, control points included: they hold the whole path,
    /// though not always tightly around curves.
    #[inline]
    pub fn bounds(&self) -> Rect {
        self.bounds
    }

    /// The elements with their points.
    pub fn elements(&self) -> Elements<'_> {
        Elements {
            verbs: self.verbs.iter(),
            points: &self.points,
        }
    }

    /// The drawn segments with both ends, closing lines included (a [`Verb::Close`]
    /// yields the line back to the subpath's start when it has length).
    pub fn segments(&self) -> Segments<'_> {
        Segments {
            elements: self.elements(),
            start: Point::ZERO,
            last: Point::ZERO,
        }
    }

    /// The path with every point mapped by `transform`, or `None` if a mapped point is
    /// not finite. Affine maps carry Bézier curves exactly by their control points.
    pub fn transform(&self, transform: &Transform) -> Option<Path> {
        let points: Vec<Point> = self
            .points
            .iter()
            .map(|&p| transform.map_point(p))
            .collect();
        if !points.iter().all(|p| p.is_finite()) {
            return None;
        }
        Some(Path::from_parts(self.verbs.clone(), points))
    }
}

/// Iterator over a path's elements; see [`Path::elements`].
#[derive(Clone, Debug)]
pub struct Elements<'a> {
    verbs: core::slice::Iter<'a, Verb>,
    points: &'a [Point],
}

impl Iterator for Elements<'_> {
    type Item = PathEl;

    fn next(&mut self) -> Option<PathEl> {
        let verb = *self.verbs.next()?;
        let (head, rest) = self.points.split_at(verb.point_count());
        self.points = rest;
        Some(match verb {
            Verb::Move => PathEl::MoveTo(head[0]),
            Verb::Line => PathEl::LineTo(head[0]),
            Verb::Quad => PathEl::QuadTo(head[0], head[1]),
            Verb::Cubic => PathEl::CubicTo(head[0], head[1], head[2]),
            Verb::Close => PathEl::Close,
        })
    }
}

/// Iterator over a path's segments; see [`Path::segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    elements: Elements<'a>,
    start: Point,
    last: Point,
}

impl Iterator for Segments<'_> {
    type Item = Segment;

    fn next(&mut self) -> Option<Segment> {
        loop {
            let seg = match self.elements.next()? {
                PathEl::MoveTo(p) => {
                    self.start = p;
                    self.last = p;
                    continue;
                }
                PathEl::LineTo(p) => Segment::Line(self.last, p),
                PathEl::QuadTo(c, p) => Segment::Quad(self.last, c, p),
                PathEl::CubicTo(c1, c2, p) => Segment::Cubic(self.last, c1, c2, p),
                PathEl::Close => {
                    if self.last == self.start {
                        continue;
                    }
                    Segment::Line(self.last, self.start)
                }
            };
            self.last = seg.end();
            return Some(seg);
        }
    }
}
