//! Sweep (conic) gradients.

use super::{ColorTable, GradientStop, Interpolation};
use crate::geom::{Point, Transform};
use crate::paint::{Paint, PaintError, SpreadMode};

/// A sweep gradient; see [`Paint::sweep_gradient`].
#[derive(Clone, Debug, PartialEq)]
pub struct SweepGradient {
    pub(crate) center: Point,
    pub(crate) start_angle: f32,
    pub(crate) end_angle: f32,
    pub(crate) spread: SpreadMode,
    pub(crate) table: ColorTable,
    pub(crate) transform: Transform,
}

impl SweepGradient {
    /// See [`Paint::sweep_gradient`].
    pub(crate) fn build(
        center: Point,
        start_angle: f32,
        end_angle: f32,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Paint<'static>, PaintError> {
        if !(center.is_finite() && start_angle.is_finite() && end_angle.is_finite()) {
            return Err(PaintError::NonFinite);
        }
        let table = ColorTable::new(stops, interpolation)?;
        if start_angle == end_angle {
            return Ok(Paint::Solid(table.degenerate(spread)));
        }
        Ok(Paint::Sweep(Self {
            center,
            start_angle,
            end_angle,
            spread,
            table,
            transform: Transform::IDENTITY,
        }))
    }
}

/// `atan2(y, x)` mapped to `[0, 1)` turns (0 along +x, increasing towards +y), by
/// octant reduction and a degree-11 odd minimax polynomial for `atan` on `[0, 1]`
/// (error below 3e-7 turns, far below a colour-table step). Branch-free so the
/// row loop vectorizes.
#[inline(always)]
pub(crate) fn turns(y: f32, x: f32) -> f32 {
    let (ax, ay) = (x.abs(), y.abs());
    let (lo, hi) = (ax.min(ay), ax.max(ay));
    let r = if hi > 0.0 { lo / hi } else { 0.0 };
    let s = r * r;
    // atan(r) / (2π) for r in [0, 1].
    let p = r
        * (0.159_151_3
            + s * (-0.052_938_57
                + s * (0.030_802_9
                    + s * (-0.018_529_84 + s * (0.008_379_08 + s * -0.001_865_15)))));
    let p = if ay > ax { 0.25 - p } else { p };
    let p = if x < 0.0 { 0.5 - p } else { p };
    let p = if y < 0.0 { 1.0 - p } else { p };
    if p >= 1.0 { 0.0 } else { p }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turns_match_atan2() {
        let mut worst = 0.0f64;
        for i in 0..10_000 {
            let a = f64::from(i) / 10_000.0 * core::f64::consts::TAU;
            for r in [0.001, 1.0, 1000.0] {
                #[expect(clippy::cast_possible_truncation, reason = "test points")]
                let (x, y) = ((r * a.cos()) as f32, (r * a.sin()) as f32);
                let want = f64::from(y)
                    .atan2(f64::from(x))
                    .rem_euclid(core::f64::consts::TAU)
                    / core::f64::consts::TAU;
                let got = f64::from(turns(y, x));
                let mut err = (got - want).abs();
                err = err.min(1.0 - err);
                worst = worst.max(err);
            }
        }
        assert!(worst < 1e-6, "worst error {worst:e} turns");
        assert_eq!(turns(0.0, 0.0), 0.0);
        assert_eq!(turns(0.0, 1.0), 0.0);
        assert!((turns(1.0, 0.0) - 0.25).abs() < 1e-6);
        assert!((turns(0.0, -1.0) - 0.5).abs() < 1e-6);
    }
}
