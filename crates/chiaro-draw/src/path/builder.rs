//! Building paths verb by verb.

use alloc::vec::Vec;
use core::fmt;

use super::{Path, Verb};
use crate::geom::Point;

/// Why [`PathBuilder::finish`] refused a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PathError {
    /// A coordinate was NaN or infinite; `index` counts points in the order given.
    NonFinite {
        /// Index of the first offending point.
        index: usize,
    },
}

impl fmt::Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PathError::NonFinite { index } => {
                write!(f, "path point {index} is not finite")
            }
        }
    }
}

impl core::error::Error for PathError {}

/// Builds a [`Path`] command by command, with the semantics of the HTML canvas:
///
/// - a drawing command with no current point starts a subpath at its first point
///   (a `line_to` then acts as a `move_to`);
/// - after [`close`](Self::close), the next drawing command starts a new subpath at
///   the closed subpath's start;
/// - consecutive `move_to`s keep only the last, and a subpath with no segments is
///   dropped.
///
/// Nothing is checked until [`finish`](Self::finish), which rejects non-finite
/// coordinates.
#[derive(Clone, Debug, Default)]
pub struct PathBuilder {
    verbs: Vec<Verb>,
    points: Vec<Point>,
    /// Start of the current subpath.
    start: Point,
    /// Whether a `Move` has been emitted for the current subpath.
    in_subpath: bool,
    /// A `move_to` not yet followed by a segment.
    pending_move: Option<Point>,
    /// Count of points given so far, for error positions.
    given: usize,
    first_non_finite: Option<usize>,
}

impl PathBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty builder with room for `verbs` verbs and `points` points.
    pub fn with_capacity(verbs: usize, points: usize) -> Self {
        Self {
            verbs: Vec::with_capacity(verbs),
            points: Vec::with_capacity(points),
            ..Self::default()
        }
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty() && self.pending_move.is_none()
    }

    /// The current point: where the next segment would start, if any.
    pub fn current_point(&self) -> Option<Point> {
        if let Some(p) = self.pending_move {
            return Some(p);
        }
        if !self.in_subpath {
            return self.verbs.last().map(|_| self.start);
        }
        self.points.last().copied()
    }

    fn note(&mut self, p: Point) {
        if self.first_non_finite.is_none() && !p.is_finite() {
            self.first_non_finite = Some(self.given);
        }
        self.given += 1;
    }

    /// Emits the `Move` a segment needs before it, if any.
    fn begin_segment(&mut self, first: Point) {
        if let Some(p) = self.pending_move.take() {
            self.verbs.push(Verb::Move);
            self.points.push(p);
            self.start = p;
            self.in_subpath = true;
        } else if !self.in_subpath {
            // After a close the subpath restarts at the old start; with no current
            // point at all, the segment's first point becomes the start.
            let p = if self.verbs.is_empty() {
                first
            } else {
                self.start
            };
            self.verbs.push(Verb::Move);
            self.points.push(p);
            self.start = p;
            self.in_subpath = true;
        }
    }

    /// Starts a new subpath at `(x, y)`.
    pub fn move_to(&mut self, x: f32, y: f32) -> &mut Self {
        let p = Point::new(x, y);
        self.note(p);
        self.pending_move = Some(p);
        self.in_subpath = false;
        self
    }

    /// A straight line to `(x, y)`. With no current point it starts a subpath there
    /// instead.
    pub fn line_to(&mut self, x: f32, y: f32) -> &mut Self {
        let p = Point::new(x, y);
        self.note(p);
        if self.current_point().is_none() {
            self.pending_move = Some(p);
            return self;
        }
        self.begin_segment(p);
        self.verbs.push(Verb::Line);
        self.points.push(p);
        self
    }

    /// A quadratic Bézier with control point `(x1, y1)` to `(x, y)`.
    pub fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) -> &mut Self {
        let c = Point::new(x1, y1);
        let p = Point::new(x, y);
        self.note(c);
        self.note(p);
        if self.current_point().is_none() {
            self.pending_move = Some(c);
        }
        self.begin_segment(c);
        self.verbs.push(Verb::Quad);
        self.points.extend([c, p]);
        self
    }

    /// A cubic Bézier with control points `(x1, y1)` and `(x2, y2)` to `(x, y)`.
    pub fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) -> &mut Self {
        let c1 = Point::new(x1, y1);
        let c2 = Point::new(x2, y2);
        let p = Point::new(x, y);
        self.note(c1);
        self.note(c2);
        self.note(p);
        if self.current_point().is_none() {
            self.pending_move = Some(c1);
        }
        self.begin_segment(c1);
        self.verbs.push(Verb::Cubic);
        self.points.extend([c1, c2, p]);
        self
    }

    /// Closes the current subpath with a straight line to its start. Does nothing
    /// when there is no subpath with segments.
    pub fn close(&mut self) -> &mut Self {
        if self.in_subpath && self.verbs.last() != Some(&Verb::Close) {
            self.verbs.push(Verb::Close);
            self.in_subpath = false;
        }
        self
    }

    /// Appends every subpath of `path`.
    pub fn push_path(&mut self, path: &Path) -> &mut Self {
        for el in path.elements() {
            match el {
                super::PathEl::MoveTo(p) => self.move_to(p.x, p.y),
                super::PathEl::LineTo(p) => self.line_to(p.x, p.y),
                super::PathEl::QuadTo(c, p) => self.quad_to(c.x, c.y, p.x, p.y),
                super::PathEl::CubicTo(c1, c2, p) => {
                    self.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y)
                }
                super::PathEl::Close => self.close(),
            };
        }
        self
    }

    /// Validates and returns the path, leaving the builder empty for reuse.
    ///
    /// # Errors
    ///
    /// [`PathError::NonFinite`] when any coordinate given was NaN or infinite.
    pub fn finish(&mut self) -> Result<Path, PathError> {
        let verbs = core::mem::take(&mut self.verbs);
        let points = core::mem::take(&mut self.points);
        let bad = self.first_non_finite;
        self.reset();
        if let Some(index) = bad {
            return Err(PathError::NonFinite { index });
        }
        Ok(Path::from_parts(verbs, points))
    }

    /// Empties the builder, keeping its allocations.
    pub fn reset(&mut self) {
        self.verbs.clear();
        self.points.clear();
        self.start = Point::ZERO;
        self.in_subpath = false;
        self.pending_move = None;
        self.given = 0;
        self.first_non_finite = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::PathEl;

    #[test]
    fn canvas_semantics_for_moves_and_closes() {
        let mut pb = PathBuilder::new();
        pb.move_to(5.0, 5.0)
            .move_to(0.0, 0.0)
            .line_to(10.0, 0.0)
            .line_to(10.0, 10.0);
        pb.close().line_to(0.0, 10.0).move_to(50.0, 50.0);
        let p = pb.finish().unwrap();
        let els: alloc::vec::Vec<_> = p.elements().collect();
        assert_eq!(
            els,
            [
                PathEl::MoveTo(Point::new(0.0, 0.0)),
                PathEl::LineTo(Point::new(10.0, 0.0)),
                PathEl::LineTo(Point::new(10.0, 10.0)),
                PathEl::Close,
                PathEl::MoveTo(Point::new(0.0, 0.0)),
                PathEl::LineTo(Point::new(0.0, 10.0)),
            ]
        );
        assert_eq!(p.bounds(), crate::geom::Rect::new(0.0, 0.0, 10.0, 10.0));
        assert_eq!(p.segments().count(), 4);
    }

    #[test]
    fn line_without_current_point_moves() {
        let mut pb = PathBuilder::new();
        pb.line_to(3.0, 4.0).line_to(5.0, 6.0);
        let p = pb.finish().unwrap();
        assert_eq!(p.verbs(), [Verb::Move, Verb::Line]);
        assert_eq!(p.points()[0], Point::new(3.0, 4.0));
    }

    #[test]
    fn non_finite_points_are_named() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0)
            .line_to(1.0, 1.0)
            .cubic_to(1.0, 2.0, f32::NAN, 0.0, 3.0, 3.0);
        assert_eq!(pb.finish(), Err(PathError::NonFinite { index: 3 }));
        // The builder is reusable afterwards.
        pb.move_to(0.0, 0.0).line_to(1.0, 0.0);
        assert!(pb.finish().is_ok());
    }
}
