//! Paints: what colour each covered pixel of a fill receives.
//!
//! | paint | made with |
//! |---|---|
//! | one colour | [`Paint::solid`], [`Paint::solid_premul`] |
//! | linear gradient | [`Paint::linear_gradient`] |
//! | two-point conical (radial) gradient | [`Paint::radial_gradient`] |
//! | sweep (conic) gradient | [`Paint::sweep_gradient`] |
//! | image pattern | [`Paint::pattern`] |
//!
//! Gradients take any number of [`GradientStop`]s, a [`SpreadMode`] for what lies
//! beyond the first and last stop, and an [`Interpolation`] space: sRGB-encoded
//! values (what browsers and tiny-skia do), linear light (physically correct
//! mixing of light, brighter in the middle), or Oklab (perceptually even steps).
//! Colours are interpolated premultiplied, as CSS specifies, so a stop fading to
//! transparent does not darken its neighbour's colour.
//!
//! Every paint has a transform from paint space to user space
//! ([`Paint::with_transform`]), applied before the fill's own transform.

pub(crate) mod gradient;
mod pattern;
pub(crate) mod shader;

pub use gradient::{GradientStop, Interpolation, LinearGradient, RadialGradient, SweepGradient};
pub use pattern::{Filter, Pattern};

use core::fmt;

use chiaro_pixel::{PremulRgba8, Rgba8, View};

use crate::geom::{Point, Transform};

/// What happens beyond the ends of a gradient, or outside a pattern's image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpreadMode {
    /// The end colours (or edge pixels) continue outwards.
    #[default]
    Pad,
    /// The gradient (or image) repeats.
    Repeat,
    /// The gradient (or image) repeats, every other copy mirrored.
    Reflect,
}

/// Why a paint could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaintError {
    /// A gradient needs at least one stop.
    NoStops,
    /// A stop's offset or colour, or a point, radius or angle, was NaN or infinite.
    NonFinite,
    /// A radius was negative.
    NegativeRadius,
    /// A pattern's image has no pixels.
    EmptyImage,
}

impl fmt::Display for PaintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PaintError::NoStops => "a gradient needs at least one stop",
            PaintError::NonFinite => "a paint parameter is NaN or infinite",
            PaintError::NegativeRadius => "a gradient radius is negative",
            PaintError::EmptyImage => "a pattern image has no pixels",
        })
    }
}

impl core::error::Error for PaintError {}

/// A paint: one colour, a gradient or an image pattern. Cheap to clone (gradient
/// colour tables are shared).
#[derive(Clone, Debug)]
pub enum Paint<'a> {
    /// One premultiplied colour everywhere.
    Solid(PremulRgba8),
    /// A linear gradient.
    Linear(LinearGradient),
    /// A two-point conical gradient.
    Radial(RadialGradient),
    /// A sweep gradient.
    Sweep(SweepGradient),
    /// An image, transformed and repeated.
    Pattern(Pattern<'a>),
}

impl Default for Paint<'_> {
    fn default() -> Self {
        Paint::Solid(PremulRgba8::new(0, 0, 0, 255))
    }
}

impl<'a> Paint<'a> {
    /// One straight-alpha sRGB colour (premultiplied here).
    pub fn solid(color: Rgba8) -> Self {
        Paint::Solid(color.premultiply())
    }

    /// One premultiplied colour.
    pub const fn solid_premul(color: PremulRgba8) -> Self {
        Paint::Solid(color)
    }

    /// A linear gradient from `start` (offset 0) to `end` (offset 1): each point takes
    /// the colour of its projection onto that line.
    ///
    /// With `start == end` the gradient has no direction and becomes one colour: the
    /// last stop's for [`SpreadMode::Pad`], the average for the others (as Skia).
    ///
    /// # Errors
    ///
    /// [`PaintError::NoStops`] or [`PaintError::NonFinite`].
    pub fn linear_gradient(
        start: Point,
        end: Point,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Self, PaintError> {
        LinearGradient::build(start, end, stops, spread, interpolation)
    }

    /// A two-point conical gradient between the circle at `start` with radius
    /// `start_radius` (offset 0) and the circle at `end` with `end_radius`
    /// (offset 1), as the canvas `createRadialGradient` and SVG's focal radial
    /// gradients define it: each point takes the largest offset `t` at which it lies
    /// on the interpolated circle with a non-negative radius, and points on no such
    /// circle stay unpainted. With `start == end` and `start_radius == 0` it is the
    /// plain radial gradient.
    ///
    /// # Errors
    ///
    /// [`PaintError::NoStops`], [`PaintError::NonFinite`] or
    /// [`PaintError::NegativeRadius`].
    pub fn radial_gradient(
        start: Point,
        start_radius: f32,
        end: Point,
        end_radius: f32,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Self, PaintError> {
        RadialGradient::build(
            start,
            start_radius,
            end,
            end_radius,
            stops,
            spread,
            interpolation,
        )
    }

    /// A sweep (conic) gradient around `center`, from `start_angle` (offset 0) to
    /// `end_angle` (offset 1) in radians, measured from the positive x axis towards
    /// positive y (clockwise on screen). Angles outside that range take the spread
    /// mode.
    ///
    /// # Errors
    ///
    /// [`PaintError::NoStops`] or [`PaintError::NonFinite`].
    pub fn sweep_gradient(
        center: Point,
        start_angle: f32,
        end_angle: f32,
        stops: &[GradientStop],
        spread: SpreadMode,
        interpolation: Interpolation,
    ) -> Result<Self, PaintError> {
        SweepGradient::build(center, start_angle, end_angle, stops, spread, interpolation)
    }

    /// An image pattern: pixel `(i, j)` of `image` covers the unit square at
    /// `(i, j)` of paint space.
    ///
    /// # Errors
    ///
    /// [`PaintError::EmptyImage`] when the image has no pixels.
    pub fn pattern(
        image: View<'a, PremulRgba8>,
        spread: SpreadMode,
        filter: Filter,
    ) -> Result<Self, PaintError> {
        Pattern::new(image, spread, filter).map(Paint::Pattern)
    }

    /// The paint with its paint-to-user transform replaced.
    #[must_use]
    pub fn with_transform(mut self, transform: Transform) -> Self {
        match &mut self {
            Paint::Solid(_) => {}
            Paint::Linear(g) => g.transform = transform,
            Paint::Radial(g) => g.transform = transform,
            Paint::Sweep(g) => g.transform = transform,
            Paint::Pattern(p) => p.transform = transform,
        }
        self
    }

    /// The paint-to-user transform (identity for a solid colour).
    pub fn transform(&self) -> Transform {
        match self {
            Paint::Solid(_) => Transform::IDENTITY,
            Paint::Linear(g) => g.transform,
            Paint::Radial(g) => g.transform,
            Paint::Sweep(g) => g.transform,
            Paint::Pattern(p) => p.transform,
        }
    }

    /// Whether every pixel the paint produces is opaque.
    pub fn is_opaque(&self) -> bool {
        match self {
            Paint::Solid(c) => c.a == 255,
            Paint::Linear(g) => g.table.opaque,
            // Points on no circle are unpainted, so only cover-everything radials are
            // opaque; not worth deciding here.
            Paint::Radial(_) => false,
            Paint::Sweep(g) => g.table.opaque,
            Paint::Pattern(_) => false,
        }
    }
}

impl From<Rgba8> for Paint<'_> {
    fn from(c: Rgba8) -> Self {
        Paint::solid(c)
    }
}

impl From<PremulRgba8> for Paint<'_> {
    fn from(c: PremulRgba8) -> Self {
        Paint::Solid(c)
    }
}
