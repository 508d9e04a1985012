//! Linear gradients.

use super::{ColorTable, GradientStop, Interpolation};
use crate::geom::{Point, Transform};
use crate::paint::{Paint, PaintError, SpreadMode};

/// A linear gradient; see [`Paint::linear_gradient`].
#[derive(Clone, Debug, PartialEq)]
pub struct LinearGradient {
    pub(crate) start: Point,
    pub(crate) end: Point,
    pub(crate) spread: SpreadMode,
    pub(crate) table: ColorTable,
    pub(crate) transform: Transform,
}

impl LinearGradient {
    /// See [`Paint::linear_gradient`].
    pub(crate) fn build(
        start: Point,
        end: Point,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Paint<'static>, PaintError> {
        if !(start.is_finite() && end.is_finite()) {
            return Err(PaintError::NonFinite);
        }
        let table = ColorTable::new(stops, interpolation)?;
        let len2 = (end - start).length_squared();
        if len2 == 0.0 || !len2.is_finite() {
            return Ok(Paint::Solid(table.degenerate(spread)));
        }
        Ok(Paint::Linear(Self {
            start,
            end,
            spread,
            table,
            transform: Transform::IDENTITY,
        }))
    }

    /// The coefficients `(A, B, C)` of `t = A·x + B·y + C` at device point `(x, y)`,
    /// given the device-to-paint transform.
    pub(crate) fn coefficients(&self, to_paint: &Transform) -> (f32, f32, f32) {
        let d = self.end - self.start;
        let inv_len2 = 1.0 / d.length_squared();
        let (dx, dy) = (d.x * inv_len2, d.y * inv_len2);
        let m = to_paint;
        (
            m.a * dx + m.b * dy,
            m.c * dx + m.d * dy,
            (m.e - self.start.x) * dx + (m.f - self.start.y) * dy,
        )
    }
}
