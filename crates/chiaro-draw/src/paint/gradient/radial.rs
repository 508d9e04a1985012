//! Two-point conical gradients.

use super::{ColorTable, GradientStop, Interpolation};
use crate::geom::{Point, Transform};
use crate::paint::{Paint, PaintError, SpreadMode};

/// A two-point conical gradient; see [`Paint::radial_gradient`].
#[derive(Clone, Debug, PartialEq)]
pub struct RadialGradient {
    pub(crate) start: Point,
    pub(crate) start_radius: f32,
    pub(crate) end: Point,
    pub(crate) end_radius: f32,
    pub(crate) spread: SpreadMode,
    pub(crate) table: ColorTable,
    pub(crate) transform: Transform,
}

/// Per-pixel constants of the quadratic solved for `t`; see [`RadialGradient`].
///
/// With `cd = c1 − c0`, `dr = r1 − r0` and `p` relative to `c0`, the point lies on the
/// circle of parameter `t` when `|p − t·cd| = r0 + t·dr`, i.e.
/// `a·t² − 2·b·t + c = 0` with `a = cd·cd − dr²`, `b = p·cd + r0·dr`,
/// `c = p·p − r0²`. The larger root with `r0 + t·dr ≥ 0` wins.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Conical {
    pub(crate) cdx: f32,
    pub(crate) cdy: f32,
    pub(crate) r0: f32,
    pub(crate) dr: f32,
    pub(crate) a: f32,
    pub(crate) inv_a: f32,
    /// `a` is (nearly) zero: the equation is linear in `t`.
    pub(crate) linear: bool,
}

impl RadialGradient {
    /// See [`Paint::radial_gradient`].
    pub(crate) fn build(
        start: Point,
        start_radius: f32,
        end: Point,
        end_radius: f32,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Paint<'static>, PaintError> {
        if !(start.is_finite()
            && end.is_finite()
            && start_radius.is_finite()
            && end_radius.is_finite())
        {
            return Err(PaintError::NonFinite);
        }
        if start_radius < 0.0 || end_radius < 0.0 {
            return Err(PaintError::NegativeRadius);
        }
        let table = ColorTable::new(stops, interpolation)?;
        if start == end && start_radius == end_radius {
            // No circle grows: nothing between the circles to interpolate.
            return Ok(Paint::Solid(table.degenerate(spread)));
        }
        Ok(Paint::Radial(Self {
            start,
            start_radius,
            end,
            end_radius,
            spread,
            table,
            transform: Transform::IDENTITY,
        }))
    }

    pub(crate) fn conical(&self) -> Conical {
        let cd = self.end - self.start;
        let dr = self.end_radius - self.start_radius;
        let a = cd.length_squared() - dr * dr;
        let scale = cd.length_squared() + dr * dr;
        let linear = a.abs() <= scale * 1e-6;
        Conical {
            cdx: cd.x,
            cdy: cd.y,
            r0: self.start_radius,
            dr,
            a,
            inv_a: if linear { 0.0 } else { 1.0 / a },
            linear,
        }
    }
}

impl Conical {
    /// [`t`](Self::t) without branches, for row kernels to vectorize: the same
    /// value (NaN included) computed with selects.
    #[inline(always)]
    pub(crate) fn t_branchless(&self, px: f32, py: f32) -> f32 {
        let b = px * self.cdx + py * self.cdy + self.r0 * self.dr;
        let c = px * px + py * py - self.r0 * self.r0;
        let linear_t = c / (2.0 * b);
        let disc = b * b - self.a * c;
        let sq = crate::math::sqrt(disc.max(0.0));
        let t1 = (b + sq) * self.inv_a;
        let t2 = (b - sq) * self.inv_a;
        let (hi, lo) = (t1.max(t2), t1.min(t2));
        let quad = if self.r0 + hi * self.dr >= 0.0 {
            hi
        } else if self.r0 + lo * self.dr >= 0.0 {
            lo
        } else {
            f32::NAN
        };
        let quad = if disc < 0.0 { f32::NAN } else { quad };
        let lin = if self.r0 + linear_t * self.dr >= 0.0 {
            linear_t
        } else {
            f32::NAN
        };
        if self.linear { lin } else { quad }
    }

    /// The gradient parameter of a point `(px, py)` relative to the start centre, or
    /// NaN where no circle passes through it: the reference the row kernels'
    /// [`t_branchless`](Self::t_branchless) is tested against.
    #[cfg(test)]
    pub(crate) fn t(&self, px: f32, py: f32) -> f32 {
        let b = px * self.cdx + py * self.cdy + self.r0 * self.dr;
        let c = px * px + py * py - self.r0 * self.r0;
        if self.linear {
            // 2·b·t = c
            let t = c / (2.0 * b);
            return if self.r0 + t * self.dr >= 0.0 {
                t
            } else {
                f32::NAN
            };
        }
        let disc = b * b - self.a * c;
        if disc < 0.0 {
            return f32::NAN;
        }
        let sq = crate::math::sqrt(disc);
        let t1 = (b + sq) * self.inv_a;
        let t2 = (b - sq) * self.inv_a;
        let (hi, lo) = if t1 >= t2 { (t1, t2) } else { (t2, t1) };
        if self.r0 + hi * self.dr >= 0.0 {
            hi
        } else if self.r0 + lo * self.dr >= 0.0 {
            lo
        } else {
            f32::NAN
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiaro_pixel::Rgba8;

    fn conical(c0: Point, r0: f32, c1: Point, r1: f32) -> Conical {
        let stops = [
            GradientStop::new(0.0, Rgba8::BLACK),
            GradientStop::new(1.0, Rgba8::WHITE),
        ];
        let Ok(Paint::Radial(g)) =
            RadialGradient::build(c0, r0, c1, r1, &stops, SpreadMode::Pad, Interpolation::Srgb)
        else {
            panic!("not a radial gradient");
        };
        g.conical()
    }

    #[test]
    fn plain_radial_parameter_is_distance_over_radius() {
        let k = conical(Point::new(0.0, 0.0), 0.0, Point::new(0.0, 0.0), 10.0);
        assert!((k.t(3.0, 4.0) - 0.5).abs() < 1e-6);
        assert!((k.t(-10.0, 0.0) - 1.0).abs() < 1e-6);
        assert!((k.t(0.0, 20.0) - 2.0).abs() < 1e-6);
    }

    #[test]
    fn two_point_parameter_puts_the_point_on_the_circle() {
        let (c0, r0, c1, r1) = (Point::new(10.0, 5.0), 2.0, Point::new(30.0, 0.0), 12.0);
        let k = conical(c0, r0, c1, r1);
        for (px, py) in [(15.0, 5.0), (25.0, 10.0), (40.0, -3.0), (0.0, 30.0)] {
            let t = k.t(px - c0.x, py - c0.y);
            let cx = c0.x + t * (c1.x - c0.x);
            let cy = c0.y + t * (c1.y - c0.y);
            let r = r0 + t * (r1 - r0);
            let d = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
            assert!(
                t.is_nan() || (d - r).abs() < 1e-3 * r.max(1.0),
                "({px}, {py}) t {t}: {d} vs {r}"
            );
        }
    }

    #[test]
    fn points_outside_the_cone_are_unpainted() {
        // Circles of equal radius side by side sweep a band (t grows without bound
        // along it); far above it is empty.
        let k = conical(Point::new(0.0, 0.0), 5.0, Point::new(20.0, 0.0), 5.0);
        assert!(!k.linear);
        assert!((k.t(10.0, 0.0) - 0.75).abs() < 1e-6);
        assert!(k.t(10.0, 40.0).is_nan());
        // The start circle touching the end circle from inside: `a = 0`, the
        // equation is linear, and the half-plane behind the focus is empty.
        let k = conical(Point::new(0.0, 0.0), 0.0, Point::new(20.0, 0.0), 20.0);
        assert!(k.linear);
        assert!((k.t(40.0, 0.0) - 1.0).abs() < 1e-6);
        assert!(k.t(-5.0, 0.0).is_nan());
        // Focal gradient with the focus outside the end circle: a cone.
        let k = conical(Point::new(0.0, 0.0), 0.0, Point::new(20.0, 0.0), 5.0);
        assert!(k.t(-10.0, 0.0).is_nan());
        assert!(k.t(20.0, 0.0).is_finite());
    }
}
