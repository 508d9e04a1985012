//! Strokes: a path and a [`Stroke`] turned into a fillable outline.
//!
//! The path is flattened in user space, cut into dashes there (by arc length), and
//! each polyline is offset by half the width on both sides with the joins and caps
//! asked for; the outline is then filled non-zero under the drawing's transform. So a
//! stroke under a non-uniform scale or a skew is the transformed image of the
//! user-space stroke, as in SVG and the canvas.
//!
//! ```
//! use chiaro_draw::stroke::{Dash, LineCap, LineJoin, Stroke};
//! use chiaro_draw::{Path, PathBuilder, Rect};
//!
//! let mut pb = PathBuilder::new();
//! pb.move_to(10.0, 10.0).line_to(90.0, 10.0).line_to(90.0, 60.0);
//! let path = pb.finish()?;
//!
//! let stroke = Stroke::new(8.0).with_join(LineJoin::Round).with_cap(LineCap::Square);
//! // The outline reaches half the width past the path, and a square cap as far
//! // again past its start.
//! assert_eq!(stroke.bounds(&path)?, Rect::new(6.0, 6.0, 94.0, 64.0));
//!
//! // Dashes of 10 with gaps of 5, starting 2 units into the pattern.
//! let dashed = stroke.with_dash(Dash::new(&[10.0, 5.0], 2.0)?);
//! let outline: Path = dashed.outline(&path, 0.05)?;
//! assert!(!outline.is_empty());
//! # Ok::<(), Box<dyn core::error::Error>>(())
//! ```
//!
//! # Accuracy
//!
//! Curves are flattened within the tolerance, and inside a curve every vertex gets a
//! round join whose arc is cut within the tolerance too, so the outline lies within
//! about twice the tolerance of the exact offset of the curve, however wide the
//! stroke or tight the bend. A cusp gets the full round end a pen tracing the curve
//! would leave.
//!
//! # Hairlines
//!
//! Drawn with [`Renderer::stroke_path`](crate::Renderer::stroke_path), a stroke whose
//! width maps to at most one device pixel (both `T·(w, 0)` and `T·(0, w)` no longer
//! than 1, as in Skia) is drawn one pixel wide with its opacity scaled by the mapped
//! width (the mean of those two lengths): thinner lines get fainter rather than
//! broken. Width 0 is a hairline of exactly one pixel at full opacity.

mod dash;
mod outline;
pub(crate) mod polyline;
#[cfg(test)]
mod tests;

use alloc::vec::Vec;
use core::fmt;

pub use dash::{Dash, MAX_DASHES};

use crate::geom::{Point, Rect, Transform};
use crate::path::Path;
use crate::raster::DEFAULT_TOLERANCE;
use outline::Pen;
use polyline::Polylines;

/// How two segments of a stroke meet at a corner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LineJoin {
    /// The outer edges extended until they meet, unless that point is further than
    /// the miter limit allows, when the join is bevelled.
    #[default]
    Miter,
    /// A circular arc about the corner.
    Round,
    /// The outer corners joined by a straight line.
    Bevel,
}

/// How the ends of an open subpath (and of each dash) are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LineCap {
    /// Flat, exactly at the end point; a zero-length subpath draws nothing.
    #[default]
    Butt,
    /// A half disc about the end point; a zero-length subpath draws a disc.
    Round,
    /// Flat, half the width past the end point; a zero-length subpath draws a
    /// square turned to the path's direction (axis-aligned when it has none).
    Square,
}

/// What a stroke looks like: width, joins, caps and an optional dash pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// Width in user units: finite and not negative. 0 draws a one-pixel hairline.
    pub width: f32,
    /// How corners are joined (default miter).
    pub join: LineJoin,
    /// The longest miter allowed, as a multiple of the width (SVG's
    /// `stroke-miterlimit`, at least 1; default 4, the SVG and canvas default).
    pub miter_limit: f32,
    /// How open ends are drawn (default butt).
    pub cap: LineCap,
    /// A dash pattern, or `None` for a solid stroke.
    pub dash: Option<Dash>,
}

impl Default for Stroke {
    fn default() -> Self {
        Self {
            width: 1.0,
            join: LineJoin::Miter,
            miter_limit: 4.0,
            cap: LineCap::Butt,
            dash: None,
        }
    }
}

impl Stroke {
    /// A solid stroke of `width` with miter joins (limit 4) and butt caps.
    pub fn new(width: f32) -> Self {
        Self {
            width,
            ..Self::default()
        }
    }

    /// The stroke with `join`.
    #[must_use]
    pub fn with_join(mut self, join: LineJoin) -> Self {
        self.join = join;
        self
    }

    /// The stroke with `cap`.
    #[must_use]
    pub fn with_cap(mut self, cap: LineCap) -> Self {
        self.cap = cap;
        self
    }

    /// The stroke with miter limit `limit`.
    #[must_use]
    pub fn with_miter_limit(mut self, limit: f32) -> Self {
        self.miter_limit = limit;
        self
    }

    /// The stroke cut into dashes by `dash`.
    #[must_use]
    pub fn with_dash(mut self, dash: Dash) -> Self {
        self.dash = Some(dash);
        self
    }

    /// Checks the width and the miter limit.
    ///
    /// # Errors
    ///
    /// [`StrokeError::Width`] for a negative or non-finite width,
    /// [`StrokeError::MiterLimit`] for a limit below 1 or not finite.
    pub fn validate(&self) -> Result<(), StrokeError> {
        if !(self.width >= 0.0 && self.width.is_finite()) {
            return Err(StrokeError::Width(self.width));
        }
        if !(self.miter_limit >= 1.0 && self.miter_limit.is_finite()) {
            return Err(StrokeError::MiterLimit(self.miter_limit));
        }
        Ok(())
    }

    /// The outline of `path` stroked this way, within `tolerance` user units of the
    /// exact one: a path to fill non-zero. Width 0 gives the empty path (hairlines
    /// are a matter of device pixels; see the module docs). Allocates; a
    /// [`Stroker`] reuses its buffers.
    ///
    /// # Errors
    ///
    /// As [`Stroker::outline`].
    pub fn outline(&self, path: &Path, tolerance: f32) -> Result<Path, StrokeError> {
        let mut stroker = Stroker::new();
        stroker.outline(path, self, tolerance)?;
        Ok(core::mem::take(&mut stroker.outline))
    }

    /// The bounds of everything the stroke of `path` covers, in user units, within
    /// [`DEFAULT_TOLERANCE`] (an empty rectangle at the origin when it covers
    /// nothing).
    ///
    /// # Errors
    ///
    /// As [`Stroker::outline`].
    pub fn bounds(&self, path: &Path) -> Result<Rect, StrokeError> {
        Ok(self.outline(path, DEFAULT_TOLERANCE)?.bounds())
    }
}

/// Why a stroke cannot be made.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum StrokeError {
    /// The width is negative or not finite.
    Width(f32),
    /// The miter limit is below 1 or not finite.
    MiterLimit(f32),
    /// The dash pattern is unusable, for the reason given.
    Dash(&'static str),
    /// The dash pattern would cut the path into more than [`MAX_DASHES`] pieces.
    TooManyDashes,
    /// An outline point is not finite: the path's coordinates or the width are too
    /// close to the limits of `f32`.
    OutOfRange,
}

impl fmt::Display for StrokeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Width(w) => write!(f, "stroke width {w} is not a finite length >= 0"),
            Self::MiterLimit(m) => write!(f, "miter limit {m} is not a finite number >= 1"),
            Self::Dash(why) => write!(f, "invalid dash pattern: {why}"),
            Self::TooManyDashes => write!(
                f,
                "the dash pattern would cut the path into more than {MAX_DASHES} dashes"
            ),
            Self::OutOfRange => write!(f, "the stroke's outline does not fit in f32 coordinates"),
        }
    }
}

impl core::error::Error for StrokeError {}

/// Makes stroke outlines, keeping its buffers between calls: a loop of strokes
/// through one `Stroker` allocates only when a stroke needs more room than any
/// before it.
#[derive(Clone, Debug, Default)]
pub struct Stroker {
    lines: Polylines,
    dashed: Polylines,
    contour: Vec<Point>,
    outline: Path,
}

impl Stroker {
    /// A stroker with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The outline of `path` stroked by `stroke`, within `tolerance` user units (at
    /// least 1/1000 of the width is used); see [`Stroke::outline`].
    ///
    /// # Errors
    ///
    /// [`StrokeError::Width`] or [`StrokeError::MiterLimit`] for an invalid stroke,
    /// [`StrokeError::TooManyDashes`] for a pattern too fine for the path,
    /// [`StrokeError::OutOfRange`] when the outline would leave `f32`'s range.
    pub fn outline(
        &mut self,
        path: &Path,
        stroke: &Stroke,
        tolerance: f32,
    ) -> Result<&Path, StrokeError> {
        stroke.validate()?;
        self.outline.clear();
        if stroke.width == 0.0 {
            return Ok(&self.outline);
        }
        let r = stroke.width / 2.0;
        let tolerance = if tolerance >= r * 1e-3 {
            tolerance
        } else {
            r * 1e-3
        };
        self.outline_scaled(path, stroke, r, tolerance, None)
    }

    /// The outline of `path` stroked with half-width `r`, flattened within
    /// `tolerance`, both in user units; with `visible` (in user units), only the
    /// subpaths and dashes whose outlines can reach it.
    pub(crate) fn outline_scaled(
        &mut self,
        path: &Path,
        stroke: &Stroke,
        r: f32,
        tolerance: f32,
        visible: Option<&Rect>,
    ) -> Result<&Path, StrokeError> {
        self.outline.clear();
        let min_len = tolerance * 1e-3;
        polyline::flatten(path, tolerance, min_len, &mut self.lines);
        let lines = match &stroke.dash {
            Some(d) => {
                dash::dash(&self.lines, d, min_len, &mut self.dashed)?;
                &self.dashed
            }
            None => &self.lines,
        };
        let pen = Pen::new(r, stroke.join, stroke.miter_limit, stroke.cap, tolerance);
        outline::outline(lines, &pen, visible, &mut self.contour, &mut self.outline)?;
        Ok(&self.outline)
    }

    /// `path` flattened within `tolerance` device pixels and dashed in user space,
    /// then mapped by `t` (whose largest scale is `scale`) into device space: the
    /// polylines a hairline draws.
    pub(crate) fn device_polylines(
        &mut self,
        path: &Path,
        stroke: &Stroke,
        tolerance: f32,
        t: &Transform,
        scale: f32,
    ) -> Result<&Polylines, StrokeError> {
        let user_tol = tolerance / scale;
        let min_len = user_tol * 1e-3;
        polyline::flatten(path, user_tol, min_len, &mut self.lines);
        let lines = match &stroke.dash {
            Some(d) => {
                dash::dash(&self.lines, d, min_len, &mut self.dashed)?;
                &mut self.dashed
            }
            None => &mut self.lines,
        };
        for v in &mut lines.vertices {
            v.p = t.map_point(v.p);
        }
        Ok(lines)
    }
}

/// The largest factor by which `t` stretches a length (its largest singular value).
pub(crate) fn max_scale(t: &Transform) -> f32 {
    let (a, b, c, d) = (
        f64::from(t.a),
        f64::from(t.b),
        f64::from(t.c),
        f64::from(t.d),
    );
    let s = a * a + b * b + c * c + d * d;
    let det = a * d - b * c;
    let disc = (s * s - 4.0 * det * det).max(0.0);
    #[expect(clippy::cast_possible_truncation, reason = "a scale of an f32 matrix")]
    let scale = crate::math::sqrt64((s + crate::math::sqrt64(disc)) / 2.0) as f32;
    scale
}
