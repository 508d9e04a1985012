//! Circular and elliptical arcs, approximated by cubic Béziers.
//!
//! An arc is cut into `n = ⌈|sweep| / 90°⌉` equal pieces (at most four), and each piece
//! of sweep `δ` becomes the cubic whose control points lie on the end tangents at
//! distance `k = 4/3 · tan(δ/4)` (in units of the radius). That cubic meets the arc at
//! both ends and in the middle with the same tangents, and its largest radial error —
//! for a full 90° piece — is `2.7 × 10⁻⁴` of the radius (`0.027 %`, always outwards);
//! the error falls as `δ⁶`, so a 45° piece is off by `4.2 × 10⁻⁶` of the radius. For an
//! ellipse the error is at most that fraction of its larger radius.
//!
//! Points are computed as offsets from the arc's start point with half-angle
//! identities, so an arc whose radius is huge next to its chord (as SVG arcs with
//! large radii often are) keeps the precision of its end points instead of that of
//! its far-away centre.

use core::f32::consts::{FRAC_PI_2, PI, TAU};

use super::PathBuilder;
use crate::geom::{Point, Vec2};
use crate::math;

/// An elliptical arc in centre form: the points `origin + M·(u(start + b) − u(start))`
/// for `b` from 0 to `sweep`, where `u(a) = (cos a, sin a)` and `M` maps the unit
/// circle onto the (rotated) ellipse.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arc {
    /// Where the arc starts.
    origin: Point,
    /// `M·(1, 0)`: the ellipse's x radius, rotated.
    ax: Vec2,
    /// `M·(0, 1)`: the ellipse's y radius, rotated.
    ay: Vec2,
    /// Parametric angle of the start point, radians.
    start: f32,
    /// Signed sweep, radians: positive turns clockwise on screen (y down).
    sweep: f32,
}

/// Up to four cubics (control, control, end) approximating an [`Arc`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct ArcCubics {
    cubics: [[Point; 3]; 4],
    len: usize,
}

impl ArcCubics {
    /// The cubics in order; each starts where the previous one ends (the first at the
    /// arc's origin).
    pub(crate) fn as_slice(&self) -> &[[Point; 3]] {
        &self.cubics[..self.len]
    }

    /// Whether every point is finite.
    pub(crate) fn is_finite(&self) -> bool {
        self.as_slice().iter().flatten().all(|p| p.is_finite())
    }
}

/// How many pieces of at most 90° (plus a hair, for rounding) cover `sweep`.
fn piece_count(sweep: f32) -> usize {
    let q = sweep.abs() / FRAC_PI_2;
    // NaN compares false everywhere and gets one piece.
    if q > 3.001 {
        4
    } else if q > 2.001 {
        3
    } else if q > 1.001 {
        2
    } else {
        1
    }
}

impl Arc {
    /// The arc of the ellipse centred at `center` with radii `rx`, `ry`, its x axis
    /// turned by `rotation` radians, from parametric angle `start` through `sweep`.
    pub(crate) fn centered(
        center: Point,
        rx: f32,
        ry: f32,
        rotation: f32,
        start: f32,
        sweep: f32,
    ) -> Self {
        let (s, c) = math::sin_cos(rotation);
        let ax = Vec2::new(rx * c, rx * s);
        let ay = Vec2::new(-ry * s, ry * c);
        let (ss, cs) = math::sin_cos(start);
        let origin = center + ax * cs + ay * ss;
        Self {
            origin,
            ax,
            ay,
            start,
            sweep,
        }
    }

    /// Where the arc starts.
    pub(crate) fn start_point(&self) -> Point {
        self.origin
    }

    #[inline]
    fn map(&self, u: f32, v: f32) -> Vec2 {
        self.ax * u + self.ay * v
    }

    /// The tangent `M·u′(a)` at parametric angle `a` (not normalized).
    #[inline]
    fn tangent(&self, a: f32) -> Vec2 {
        let (s, c) = math::sin_cos(a);
        self.map(-s, c)
    }

    /// The arc as cubics of at most 90° each.
    pub(crate) fn cubics(&self) -> ArcCubics {
        let n = piece_count(self.sweep);
        let step = self.sweep / n as f32;
        let k = 4.0 / 3.0 * math::tan(step * 0.25);
        let mut out = ArcCubics {
            cubics: [[self.origin; 3]; 4],
            len: n,
        };
        let mut prev = self.origin;
        let mut prev_tangent = self.tangent(self.start);
        for (i, cubic) in out.cubics[..n].iter_mut().enumerate() {
            let b = if i + 1 == n {
                self.sweep
            } else {
                step * (i + 1) as f32
            };
            // u(s + b) − u(s) = 2·sin(b/2)·(−sin(s + b/2), cos(s + b/2)).
            let (sh, ch) = math::sin_cos(self.start + b * 0.5);
            let half = 2.0 * math::sin_cos(b * 0.5).0;
            let p = self.origin + self.map(-sh * half, ch * half);
            let t = self.tangent(self.start + b);
            *cubic = [prev + prev_tangent * k, p - t * k, p];
            prev = p;
            prev_tangent = t;
        }
        out
    }
}

/// What an SVG elliptical arc command from `from` to `to` draws.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SvgArc {
    /// Nothing: the end points coincide (SVG 1.1 F.6.2).
    Omit,
    /// A straight line to the end point: a radius is zero (F.6.2).
    Line,
    /// An arc; its cubics end at the end point up to rounding (callers put the exact
    /// end point last).
    Arc(Arc),
}

/// Converts an SVG arc from endpoint to centre parameterization (SVG 1.1 Appendix
/// F.6.5, with the radius correction of F.6.6). Radii are taken by absolute value and
/// scaled up uniformly when no ellipse of the given radii reaches both end points.
/// The arithmetic runs in `f64`, so no finite `f32` input overflows.
pub(crate) fn svg_arc(
    from: Point,
    rx: f32,
    ry: f32,
    rotation: f32,
    large_arc: bool,
    sweep: bool,
    to: Point,
) -> SvgArc {
    if from == to {
        return SvgArc::Omit;
    }
    let (mut rx, mut ry) = (f64::from(rx.abs()), f64::from(ry.abs()));
    if rx == 0.0 || ry == 0.0 {
        return SvgArc::Line;
    }
    let (ss, cs) = math::sin_cos(rotation);
    let (s, c) = (f64::from(ss), f64::from(cs));
    let dx2 = (f64::from(from.x) - f64::from(to.x)) * 0.5;
    let dy2 = (f64::from(from.y) - f64::from(to.y)) * 0.5;
    // Step 1: the start point in the ellipse's frame, relative to the chord's middle.
    let x1p = c * dx2 + s * dy2;
    let y1p = -s * dx2 + c * dy2;
    let (x1p2, y1p2) = (x1p * x1p, y1p * y1p);
    // F.6.6: scale radii up until the ellipse reaches both points.
    let lambda = x1p2 / (rx * rx) + y1p2 / (ry * ry);
    if lambda > 1.0 {
        let l = math::sqrt64(lambda);
        rx *= l;
        ry *= l;
    }
    let (rx2, ry2) = (rx * rx, ry * ry);
    // Step 2: the centre in that frame.
    let num = rx2 * ry2 - rx2 * y1p2 - ry2 * x1p2;
    let den = rx2 * y1p2 + ry2 * x1p2;
    let mut coef = if num > 0.0 && den > 0.0 {
        math::sqrt64(num / den)
    } else {
        0.0
    };
    if large_arc == sweep {
        coef = -coef;
    }
    let cxp = coef * rx * y1p / ry;
    let cyp = -coef * ry * x1p / rx;
    // Steps 3 and 4: start angle and sweep, from the unit vectors towards both points.
    let (ux, uy) = ((x1p - cxp) / rx, (y1p - cyp) / ry);
    let (vx, vy) = ((-x1p - cxp) / rx, (-y1p - cyp) / ry);
    let theta1 = math::atan2_64(uy, ux);
    let mut dtheta = math::atan2_64(ux * vy - uy * vx, ux * vx + uy * vy);
    let tau = core::f64::consts::TAU;
    if !sweep && dtheta > 0.0 {
        dtheta -= tau;
    } else if sweep && dtheta < 0.0 {
        dtheta += tau;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "radii and angles narrow back to f32; angles lie within ±2π, and a \
                  scaled radius beyond f32's range becomes infinite, which the \
                  callers' finiteness checks report"
    )]
    let (rx, ry, theta1, dtheta) = (rx as f32, ry as f32, theta1 as f32, dtheta as f32);
    let ax = Vec2::new(rx * cs, rx * ss);
    let ay = Vec2::new(-ry * ss, ry * cs);
    SvgArc::Arc(Arc {
        origin: from,
        ax,
        ay,
        start: theta1,
        sweep: dtheta,
    })
}

/// The signed sweep of a canvas `arc()`/`ellipse()` call, as browsers compute it:
/// clockwise (`anticlockwise == false`) arcs run from `start` forward to the next
/// `end` modulo 2π (a full turn when `end` is a whole number of turns behind), and
/// sweeps of a full turn or more become exactly one turn.
fn canvas_sweep(start: f32, end: f32, anticlockwise: bool) -> f32 {
    // x mod 2π in [0, 2π).
    let rem = |x: f32| x - math::floor(x / TAU) * TAU;
    if anticlockwise {
        let d = start - end;
        if d >= TAU {
            -TAU
        } else if d >= 0.0 {
            -d
        } else {
            -(TAU - rem(end - start))
        }
    } else {
        let d = end - start;
        if d >= TAU {
            TAU
        } else if d >= 0.0 {
            d
        } else {
            TAU - rem(start - end)
        }
    }
}

/// Makes [`PathBuilder::finish`] fail with [`PathError::NonFinite`](super::PathError):
/// the builder records the first non-finite point it is given.
pub(crate) fn poison(pb: &mut PathBuilder) {
    pb.line_to(f32::NAN, f32::NAN);
}

/// A line to `p` unless the current point is already there (with no current point
/// this starts a subpath at `p`).
pub(crate) fn connect(pb: &mut PathBuilder, p: Point) {
    if pb.current_point() != Some(p) {
        pb.line_to(p.x, p.y);
    }
}

/// Appends `cubics`, replacing the last end point with `end` when given.
fn push_cubics(pb: &mut PathBuilder, cubics: &ArcCubics, end: Option<Point>) {
    let list = cubics.as_slice();
    for (i, &[c1, c2, p]) in list.iter().enumerate() {
        let p = match end {
            Some(e) if i + 1 == list.len() => e,
            _ => p,
        };
        pb.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y);
    }
}

/// Arcs, with the semantics of the HTML canvas (`arc`, `ellipse`, `arcTo`) and of SVG
/// path data (`A`).
///
/// Every arc becomes cubic Béziers of at most 90° each, within `2.7 × 10⁻⁴` of the
/// radius (the larger radius for ellipses) of the true curve. Angles are in radians
/// and, as y grows downwards, positive angles turn clockwise on screen: angle 0 points
/// right, `π/2` down.
///
/// Non-finite arguments make [`finish`](PathBuilder::finish) fail with
/// [`PathError::NonFinite`](super::PathError), where the canvas would silently ignore
/// the call. Negative radii, for which the canvas throws an `IndexSizeError`, add
/// nothing.
impl PathBuilder {
    /// A circular arc, as the canvas `arc()`: centre `(cx, cy)`, from angle
    /// `start_angle` to `end_angle`, clockwise on screen unless `anticlockwise`.
    ///
    /// A line joins the current point, if any, to the arc's start (with no current
    /// point the arc starts a subpath). A clockwise arc runs from `start_angle` forward
    /// to `end_angle` taken modulo 2π (anticlockwise likewise backwards); if
    /// `end_angle − start_angle` is at least 2π in the drawing direction, or `start` is
    /// a non-zero whole number of turns past `end` against it, the arc is the full
    /// circle. Equal angles add just the line to the start point.
    ///
    /// Non-finite arguments make [`finish`](Self::finish) fail; a negative radius adds
    /// nothing.
    pub fn arc(
        &mut self,
        cx: f32,
        cy: f32,
        radius: f32,
        start_angle: f32,
        end_angle: f32,
        anticlockwise: bool,
    ) -> &mut Self {
        self.ellipse(
            cx,
            cy,
            radius,
            radius,
            0.0,
            start_angle,
            end_angle,
            anticlockwise,
        )
    }

    /// An elliptical arc, as the canvas `ellipse()`: centre `(cx, cy)`, radii `rx` and
    /// `ry` along the ellipse's own axes, which are turned by `rotation` radians.
    ///
    /// The angles are parametric — the point at angle `a` is the rotation of
    /// `(rx·cos a, ry·sin a)` — as browsers draw them. Sweep, full-circle and
    /// line-to-start rules are those of [`arc`](Self::arc).
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the canvas ellipse() signature"
    )]
    pub fn ellipse(
        &mut self,
        cx: f32,
        cy: f32,
        rx: f32,
        ry: f32,
        rotation: f32,
        start_angle: f32,
        end_angle: f32,
        anticlockwise: bool,
    ) -> &mut Self {
        let args = [cx, cy, rx, ry, rotation, start_angle, end_angle];
        if !args.iter().all(|v| v.is_finite()) {
            poison(self);
            return self;
        }
        if rx < 0.0 || ry < 0.0 {
            return self;
        }
        let sweep = canvas_sweep(start_angle, end_angle, anticlockwise);
        let arc = Arc::centered(Point::new(cx, cy), rx, ry, rotation, start_angle, sweep);
        connect(self, arc.start_point());
        if sweep != 0.0 {
            push_cubics(self, &arc.cubics(), None);
        }
        self
    }

    /// A tangent arc, as the canvas `arcTo()`: the arc of radius `radius` tangent to
    /// the line from the current point to `(x1, y1)` and to the line from `(x1, y1)` to
    /// `(x2, y2)`, preceded by a straight line from the current point to the first
    /// tangent point. The current point ends at the second tangent point.
    ///
    /// With no current point this only starts a subpath at `(x1, y1)`. When the
    /// current point equals `(x1, y1)`, `(x1, y1)` equals `(x2, y2)`, the three points
    /// are collinear, or `radius` is zero, it adds a straight line to `(x1, y1)`.
    pub fn arc_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, radius: f32) -> &mut Self {
        if ![x1, y1, x2, y2, radius].iter().all(|v| v.is_finite()) {
            poison(self);
            return self;
        }
        let Some(p0) = self.current_point() else {
            self.move_to(x1, y1);
            return self;
        };
        if radius < 0.0 {
            return self;
        }
        let p1 = Point::new(x1, y1);
        let p2 = Point::new(x2, y2);
        let (Some(u0), Some(u2)) = ((p0 - p1).normalize(), (p2 - p1).normalize()) else {
            self.line_to(x1, y1);
            return self;
        };
        let cos = u0.dot(u2);
        let sin = u0.cross(u2);
        if radius == 0.0 || sin.abs() <= 1e-6 {
            self.line_to(x1, y1);
            return self;
        }
        // Distance from the corner to each tangent point: r / tan(θ/2), θ the angle at
        // the corner, with tan(θ/2) = sin θ / (1 + cos θ).
        let d = radius * (1.0 + cos) / sin.abs();
        let t1 = p1 + u0 * d;
        let t2 = p1 + u2 * d;
        // The centre lies a radius from t1, perpendicular to the first line, on the
        // side where the second line goes.
        let side = if sin > 0.0 { 1.0 } else { -1.0 };
        let center = t1 + u0.perp() * (radius * side);
        // The arc turns through π − θ, clockwise when the path turns clockwise.
        let turn = PI - math::atan2(sin.abs(), cos);
        let sweep = if sin < 0.0 { turn } else { -turn };
        let arc = Arc {
            origin: t1,
            ax: Vec2::new(radius, 0.0),
            ay: Vec2::new(0.0, radius),
            start: (t1 - center).angle(),
            sweep,
        };
        connect(self, t1);
        push_cubics(self, &arc.cubics(), Some(t2));
        self
    }

    /// An elliptical arc as SVG path data's `A` command draws it (SVG 1.1 Appendix
    /// F.6): from the current point to `(x, y)` along an ellipse with radii `rx`, `ry`
    /// whose x axis is turned by `x_axis_rotation` radians (SVG data gives degrees).
    ///
    /// Of the four arcs that fit, `large_arc` picks one sweeping more than 180° and
    /// `sweep` one drawn in the positive-angle direction (clockwise on screen). Radii
    /// are taken by absolute value and, when too small for any ellipse to reach both
    /// points, scaled up uniformly until one does (F.6.6). A zero radius draws a
    /// straight line; an end point equal to the current point draws nothing. With no
    /// current point this starts a subpath at `(x, y)`. The last point is exactly
    /// `(x, y)`.
    #[expect(
        clippy::too_many_arguments,
        reason = "mirrors the parameters of the SVG arc command"
    )]
    pub fn svg_arc_to(
        &mut self,
        rx: f32,
        ry: f32,
        x_axis_rotation: f32,
        large_arc: bool,
        sweep: bool,
        x: f32,
        y: f32,
    ) -> &mut Self {
        if ![rx, ry, x_axis_rotation, x, y]
            .iter()
            .all(|v| v.is_finite())
        {
            poison(self);
            return self;
        }
        let to = Point::new(x, y);
        let Some(from) = self.current_point() else {
            self.move_to(x, y);
            return self;
        };
        match svg_arc(from, rx, ry, x_axis_rotation, large_arc, sweep, to) {
            SvgArc::Omit => {}
            SvgArc::Line => {
                self.line_to(x, y);
            }
            SvgArc::Arc(arc) => push_cubics(self, &arc.cubics(), Some(to)),
        }
        self
    }
}

/// Appends an SVG arc's cubics (already checked finite) ending exactly at `to`.
pub(crate) fn push_svg_arc(pb: &mut PathBuilder, cubics: &ArcCubics, to: Point) {
    push_cubics(pb, cubics, Some(to));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::{Path, PathEl, Segment};

    fn assert_on_circle(path: &Path, c: Point, r: f32) {
        for seg in path.segments() {
            if let Segment::Cubic(..) = seg {
                for i in 0..=32 {
                    let p = seg.eval(i as f32 / 32.0);
                    let err = (p.distance(c) - r).abs();
                    assert!(err <= 2.8e-4 * r + 1e-4 * r.max(1.0), "{p:?}: {err}");
                }
            }
        }
    }

    #[test]
    fn piece_counts() {
        assert_eq!(piece_count(FRAC_PI_2), 1);
        assert_eq!(piece_count(-FRAC_PI_2 * 1.0005), 1);
        assert_eq!(piece_count(PI), 2);
        assert_eq!(piece_count(-TAU), 4);
        assert_eq!(piece_count(f32::NAN), 1);
    }

    #[test]
    fn canvas_sweeps() {
        let eq = |a: f32, b: f32| (a - b).abs() < 1e-5;
        assert!(eq(canvas_sweep(0.0, 1.0, false), 1.0));
        assert!(eq(canvas_sweep(1.0, 0.0, false), TAU - 1.0));
        assert!(eq(canvas_sweep(0.0, 1.0, true), -(TAU - 1.0)));
        assert!(eq(canvas_sweep(1.0, 0.0, true), -1.0));
        assert!(eq(canvas_sweep(0.0, 10.0, false), TAU));
        assert!(eq(canvas_sweep(0.0, -10.0, true), -TAU));
        assert!(eq(canvas_sweep(TAU, 0.0, false), TAU));
        assert_eq!(canvas_sweep(2.0, 2.0, false), 0.0);
        assert!(eq(canvas_sweep(0.0, -10.0, false), TAU - (10.0 - TAU)));
    }

    #[test]
    fn full_circle_is_four_cubics_on_the_circle() {
        let mut pb = PathBuilder::new();
        pb.arc(10.0, 20.0, 50.0, 0.0, TAU, false);
        let p = pb.finish().unwrap();
        assert_eq!(p.verbs().len(), 5);
        assert_on_circle(&p, Point::new(10.0, 20.0), 50.0);
        let pts = p.points();
        assert!(pts[0].distance(Point::new(60.0, 20.0)) < 1e-4);
        // Clockwise on screen: the first quarter ends at the bottom.
        assert!(pts[3].distance(Point::new(10.0, 70.0)) < 1e-3);
    }

    #[test]
    fn huge_radius_svg_arc_keeps_end_point_precision() {
        let mut pb = PathBuilder::new();
        pb.move_to(1000.0, 1000.0)
            .svg_arc_to(1e9, 1e9, 0.0, false, true, 1010.0, 1000.0);
        let p = pb.finish().unwrap();
        for pt in p.points() {
            assert!((pt.y - 1000.0).abs() < 1e-3, "{pt:?}");
            assert!(pt.x >= 999.99 && pt.x <= 1010.01, "{pt:?}");
        }
    }

    #[test]
    fn arc_to_makes_a_rounded_corner() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0).arc_to(100.0, 0.0, 100.0, 100.0, 20.0);
        let p = pb.finish().unwrap();
        let els: alloc::vec::Vec<_> = p.elements().collect();
        assert_eq!(els[1], PathEl::LineTo(Point::new(80.0, 0.0)));
        assert!(matches!(els[2], PathEl::CubicTo(_, _, e) if e == Point::new(100.0, 20.0)));
        assert_on_circle(&p, Point::new(80.0, 20.0), 20.0);
    }
}
