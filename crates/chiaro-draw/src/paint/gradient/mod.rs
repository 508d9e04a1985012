//! Gradients: stops, colour tables in the interpolation space, and the three
//! geometries (one file each).

mod linear;
pub(crate) mod radial;
mod sweep;

pub use linear::LinearGradient;
pub use radial::RadialGradient;
pub use sweep::SweepGradient;
pub(crate) use sweep::turns as sweep_turns;

use alloc::sync::Arc;
use alloc::vec::Vec;

use chiaro_color::space::{Oklab, convert};
use chiaro_color::transfer::{linear_to_srgb, srgb_to_linear};
use chiaro_pixel::{PremulRgba8, RgbF32, Rgba8, RgbaF32};

use super::{PaintError, SpreadMode};

/// Entries in a gradient's colour table: entry `i` is the colour at `t = i / 4096`
/// (exact binary fractions, so `t = 0.5` has its own entry). A pixel takes the entry
/// nearest its parameter, so a hard stop is placed within 1/8192 of the gradient's
/// length (an eighth of a pixel for a gradient 1000 pixels long) and a smooth ramp is
/// off its exact value by at most half a table step.
pub(crate) const TABLE_LEN: usize = 4097;

/// A colour at an offset along a gradient.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GradientStop {
    /// Position along the gradient, nominally 0–1. Offsets are clamped to `[0, 1]`
    /// and made non-decreasing (a stop before its predecessor moves onto it), as CSS
    /// does; two stops at one offset make a hard edge.
    pub offset: f32,
    /// Straight-alpha sRGB-encoded colour, each channel 0–1.
    pub color: RgbaF32,
}

impl GradientStop {
    /// A stop with an 8-bit colour.
    pub fn new(offset: f32, color: Rgba8) -> Self {
        let f = |v: u8| f32::from(v) / 255.0;
        Self {
            offset,
            color: RgbaF32::new(f(color.r), f(color.g), f(color.b), f(color.a)),
        }
    }

    /// A stop with a floating-point colour.
    pub const fn with_f32(offset: f32, color: RgbaF32) -> Self {
        Self { offset, color }
    }
}

/// The colour space in which a gradient mixes its stops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Interpolation {
    /// Mix the sRGB-encoded values: what CSS (by default), SVG, the canvas and
    /// tiny-skia do. Mid-tones between saturated colours come out darker than light
    /// would mix.
    #[default]
    Srgb,
    /// Mix in linear light, then encode: how light mixes physically.
    LinearLight,
    /// Mix in Oklab: perceptually even steps, no muddy middle (CSS `in oklab`).
    Oklab,
}

/// A gradient's stops baked into a table of premultiplied colours.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ColorTable {
    /// `TABLE_LEN` colours, then one transparent entry that the row kernels index
    /// for points a radial gradient leaves unpainted (a select instead of a branch).
    pub(crate) colors: Arc<[PremulRgba8]>,
    pub(crate) opaque: bool,
}

/// A stop in the interpolation space: three premultiplied components and alpha.
#[derive(Clone, Copy, Debug)]
struct SpaceStop {
    offset: f32,
    c: [f32; 3],
    a: f32,
}

impl ColorTable {
    /// Validates the stops and builds the table.
    pub(crate) fn new(stops: &[GradientStop], space: Interpolation) -> Result<Self, PaintError> {
        if stops.is_empty() {
            return Err(PaintError::NoStops);
        }
        let finite = stops.iter().all(|s| {
            let c = s.color;
            s.offset.is_finite() && [c.r, c.g, c.b, c.a].iter().all(|v| v.is_finite())
        });
        if !finite {
            return Err(PaintError::NonFinite);
        }
        let mut prev = 0.0f32;
        let mut list: Vec<SpaceStop> = Vec::with_capacity(stops.len() + 2);
        for s in stops {
            let offset = s.offset.clamp(0.0, 1.0).max(prev);
            prev = offset;
            list.push(to_space(offset, s.color, space));
        }
        if list[0].offset > 0.0 {
            let first = SpaceStop {
                offset: 0.0,
                ..list[0]
            };
            list.insert(0, first);
        }
        if let Some(&last) = list.last()
            && last.offset < 1.0
        {
            list.push(SpaceStop {
                offset: 1.0,
                ..last
            });
        }
        let mut colors = Vec::with_capacity(TABLE_LEN + 1);
        let mut k = 0usize;
        for i in 0..TABLE_LEN {
            let t = i as f32 / (TABLE_LEN - 1) as f32;
            // The interval holding t; at a hard stop the later colour wins.
            while k + 2 < list.len() && list[k + 1].offset <= t {
                k += 1;
            }
            let (s0, s1) = (list[k], list[k + 1]);
            let span = s1.offset - s0.offset;
            let u = if span > 0.0 {
                ((t - s0.offset) / span).clamp(0.0, 1.0)
            } else {
                1.0
            };
            let mix = |a: f32, b: f32| a + (b - a) * u;
            let c = [
                mix(s0.c[0], s1.c[0]),
                mix(s0.c[1], s1.c[1]),
                mix(s0.c[2], s1.c[2]),
            ];
            colors.push(from_space(c, mix(s0.a, s1.a), space));
        }
        colors.push(PremulRgba8::TRANSPARENT);
        let opaque = stops.iter().all(|s| s.color.a >= 1.0);
        Ok(Self {
            colors: colors.into(),
            opaque,
        })
    }

    /// The colour for a parameter already folded into `[0, 1]`.
    #[cfg(test)]
    pub(crate) fn lookup(colors: &[PremulRgba8], t: f32) -> PremulRgba8 {
        colors[index(t)]
    }

    /// The colour of a gradient without extent: the end colour when padding, the
    /// average otherwise (as Skia).
    pub(crate) fn degenerate(&self, spread: SpreadMode) -> PremulRgba8 {
        if spread == SpreadMode::Pad {
            return self.colors[TABLE_LEN - 1];
        }
        let mut sum = [0u32; 4];
        for c in &self.colors[..TABLE_LEN] {
            sum[0] += u32::from(c.r);
            sum[1] += u32::from(c.g);
            sum[2] += u32::from(c.b);
            sum[3] += u32::from(c.a);
        }
        #[expect(clippy::cast_possible_truncation, reason = "the mean of u8 values")]
        let avg = sum.map(|v| ((v + TABLE_LEN as u32 / 2) / TABLE_LEN as u32) as u8);
        PremulRgba8::new(avg[0], avg[1], avg[2], avg[3])
    }
}

/// The table index for a parameter folded into `[0, 1]`; NaN (a point no circle
/// of a radial gradient passes through) gives the transparent entry after the
/// table.
#[inline(always)]
pub(crate) fn index(t: f32) -> usize {
    let i = to_index(t * (TABLE_LEN - 1) as f32 + 0.5).min(TABLE_LEN - 1);
    if t.is_nan() { TABLE_LEN } else { i }
}

#[inline(always)]
pub(crate) fn to_index(v: f32) -> usize {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating cast of a value in [0, TABLE_LEN]; NaN gives 0"
    )]
    let i = v as usize;
    i
}

fn to_space(offset: f32, c: RgbaF32, space: Interpolation) -> SpaceStop {
    let a = c.a.clamp(0.0, 1.0);
    let rgb = [c.r, c.g, c.b].map(|v| v.clamp(0.0, 1.0));
    let v = match space {
        Interpolation::Srgb => rgb,
        Interpolation::LinearLight => rgb.map(srgb_to_linear),
        Interpolation::Oklab => {
            let lab: Oklab = convert(RgbF32::new(rgb[0], rgb[1], rgb[2]));
            [lab.l, lab.a, lab.b]
        }
    };
    SpaceStop {
        offset,
        c: v.map(|x| x * a),
        a,
    }
}

fn from_space(c: [f32; 3], a: f32, space: Interpolation) -> PremulRgba8 {
    if a <= 0.0 {
        return PremulRgba8::TRANSPARENT;
    }
    let straight = c.map(|v| v / a);
    let rgb = match space {
        Interpolation::Srgb => straight,
        Interpolation::LinearLight => straight.map(|v| linear_to_srgb(v.clamp(0.0, 1.0))),
        Interpolation::Oklab => {
            let s: RgbF32 = convert(Oklab::new(straight[0], straight[1], straight[2]));
            [s.r, s.g, s.b]
        }
    };
    let alpha = to_u8(a * 255.0);
    let ch = |v: f32| to_u8(v.clamp(0.0, 1.0) * a * 255.0).min(alpha);
    PremulRgba8::new(ch(rgb[0]), ch(rgb[1]), ch(rgb[2]), alpha)
}

#[inline(always)]
fn to_u8(v: f32) -> u8 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating cast after rounding a value in [0, 255]"
    )]
    let b = (v + 0.5) as u8;
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stops(list: &[(f32, Rgba8)]) -> Vec<GradientStop> {
        list.iter().map(|&(o, c)| GradientStop::new(o, c)).collect()
    }

    #[test]
    fn srgb_table_is_the_straight_line_between_stops() {
        let t = ColorTable::new(
            &stops(&[
                (0.0, Rgba8::new(0, 0, 0, 255)),
                (1.0, Rgba8::new(255, 128, 0, 255)),
            ]),
            Interpolation::Srgb,
        )
        .unwrap();
        assert!(t.opaque);
        assert_eq!(t.colors[0], PremulRgba8::new(0, 0, 0, 255));
        assert_eq!(t.colors[TABLE_LEN - 1], PremulRgba8::new(255, 128, 0, 255));
        let mid = ColorTable::lookup(&t.colors, 0.5);
        assert_eq!((mid.r, mid.g, mid.b), (128, 64, 0));
    }

    #[test]
    fn each_space_mixes_red_and_green_as_published() {
        let s = stops(&[
            (0.0, Rgba8::new(255, 0, 0, 255)),
            (1.0, Rgba8::new(0, 255, 0, 255)),
        ]);
        let mid = |space| ColorTable::lookup(&ColorTable::new(&s, space).unwrap().colors, 0.5);
        let (srgb, lin, ok) = (
            mid(Interpolation::Srgb),
            mid(Interpolation::LinearLight),
            mid(Interpolation::Oklab),
        );
        assert_eq!((srgb.r, srgb.g), (128, 128));
        // Linear light: each channel half the light: encoded 0.5 → 188.
        assert_eq!((lin.r, lin.g), (188, 188));
        // Oklab: the midpoint of red and lime computed independently from Ottosson's
        // published matrices (as CSS `color-mix(in oklab, red, lime)`).
        assert_eq!((ok.r, ok.g, ok.b), (208, 168, 0));
    }

    #[test]
    fn offsets_are_clamped_sorted_and_padded() {
        let t = ColorTable::new(
            &stops(&[
                (0.5, Rgba8::new(255, 0, 0, 255)),
                (0.25, Rgba8::new(0, 0, 255, 255)),
            ]),
            Interpolation::Srgb,
        )
        .unwrap();
        // Red up to 0.5, then a hard switch to blue (its offset moved onto 0.5).
        assert_eq!(
            ColorTable::lookup(&t.colors, 0.1),
            PremulRgba8::new(255, 0, 0, 255)
        );
        assert_eq!(
            ColorTable::lookup(&t.colors, 0.49),
            PremulRgba8::new(255, 0, 0, 255)
        );
        assert_eq!(
            ColorTable::lookup(&t.colors, 0.51),
            PremulRgba8::new(0, 0, 255, 255)
        );
        assert_eq!(
            ColorTable::lookup(&t.colors, 1.0),
            PremulRgba8::new(0, 0, 255, 255)
        );
    }

    #[test]
    fn premultiplied_mixing_keeps_colour_when_fading_out() {
        let t = ColorTable::new(
            &stops(&[
                (0.0, Rgba8::new(255, 0, 0, 255)),
                (1.0, Rgba8::new(0, 0, 255, 0)),
            ]),
            Interpolation::Srgb,
        )
        .unwrap();
        assert!(!t.opaque);
        let mid = ColorTable::lookup(&t.colors, 0.5);
        // Half-transparent pure red: no blue leaks in from the invisible stop.
        assert_eq!(mid, PremulRgba8::new(128, 0, 0, 128));
    }

    #[test]
    fn invalid_stops_are_errors() {
        assert_eq!(
            ColorTable::new(&[], Interpolation::Srgb),
            Err(PaintError::NoStops)
        );
        let bad = [GradientStop::new(f32::NAN, Rgba8::WHITE)];
        assert_eq!(
            ColorTable::new(&bad, Interpolation::Srgb),
            Err(PaintError::NonFinite)
        );
        let one =
            ColorTable::new(&[GradientStop::new(0.3, Rgba8::WHITE)], Interpolation::Srgb).unwrap();
        assert!(
            one.colors[..TABLE_LEN]
                .iter()
                .all(|&c| c == PremulRgba8::new(255, 255, 255, 255))
        );
    }
}
