//! [`CompositeOptions`]: mode, global opacity and mask of one compositing call.

use super::{BlendMode, Mask};
use crate::math;

/// How [`blit`](super::blit) and [`fill_rect`](super::fill_rect) composite: the mode,
/// a global opacity and an optional coverage mask.
///
/// The default is source-over at full opacity without a mask.
///
/// ```
/// use chiaro_draw::composite::{BlendMode, CompositeOptions};
///
/// let options = CompositeOptions::new()
///     .with_mode(BlendMode::Multiply)
///     .with_opacity(0.5);
/// assert_eq!(options.opacity_u8(), 128);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct CompositeOptions<'a> {
    /// The Porter–Duff operator or blend mode.
    pub mode: BlendMode,
    /// Global opacity, 0–1, multiplied into every source pixel (all four channels)
    /// before the operator. Values outside 0–1 are clamped and NaN counts as 0; see
    /// [`opacity_u8`](Self::opacity_u8).
    pub opacity: f32,
    /// Coverage per destination pixel; pixels outside the mask are left alone.
    pub mask: Option<Mask<'a>>,
}

impl Default for CompositeOptions<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> CompositeOptions<'a> {
    /// Source-over, opacity 1, no mask.
    #[inline]
    pub const fn new() -> Self {
        Self {
            mode: BlendMode::SourceOver,
            opacity: 1.0,
            mask: None,
        }
    }

    /// The options with `mode`.
    #[inline]
    #[must_use]
    pub const fn with_mode(self, mode: BlendMode) -> Self {
        Self { mode, ..self }
    }

    /// The options with `opacity` (clamped to 0–1 when used; NaN counts as 0).
    #[inline]
    #[must_use]
    pub const fn with_opacity(self, opacity: f32) -> Self {
        Self { opacity, ..self }
    }

    /// The options with a coverage mask.
    #[inline]
    #[must_use]
    pub const fn with_mask(self, mask: Mask<'a>) -> Self {
        Self {
            mask: Some(mask),
            ..self
        }
    }

    /// The opacity as the 8-bit factor the kernels multiply by:
    /// `round(clamp(opacity, 0, 1) · 255)`, with NaN giving 0. Opacity 1 gives 255,
    /// which changes nothing.
    #[expect(
        clippy::cast_possible_truncation,
        reason = "the value is rounded and within 0–255"
    )]
    pub fn opacity_u8(&self) -> u8 {
        let o = self.opacity;
        if o >= 1.0 {
            255
        } else if o > 0.0 {
            math::floor(o * 255.0 + 0.5) as u8
        } else {
            // Zero, negative or NaN.
            0
        }
    }
}
