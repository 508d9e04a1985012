//! Paints prepared for one fill: everything per pixel is a short loop over a row.

use chiaro_pixel::PremulRgba8;

use super::gradient::{radial::Conical, sweep_turns};
use super::{Paint, SpreadMode};
use crate::geom::Transform;

/// A paint with its device-to-paint mapping worked out.
#[derive(Debug)]
pub(crate) enum Shader<'p> {
    /// One colour.
    Solid(PremulRgba8),
    /// `t = a·x + b·y + c`.
    Linear {
        colors: &'p [PremulRgba8],
        spread: SpreadMode,
        a: f32,
        b: f32,
        c: f32,
    },
    /// Point relative to the start centre: `p = m(x, y) − c0`.
    Radial {
        colors: &'p [PremulRgba8],
        spread: SpreadMode,
        to_paint: Transform,
        conical: Conical,
    },
    /// Point relative to the centre; `t = (turns − start) · scale`.
    Sweep {
        colors: &'p [PremulRgba8],
        spread: SpreadMode,
        to_paint: Transform,
        start: f32,
        scale: f32,
    },
    /// An image.
    Pattern {
        pattern: &'p super::Pattern<'p>,
        to_image: Transform,
    },
}

impl<'p> Shader<'p> {
    /// Prepares `paint` for a fill whose user-to-device transform is `user_to_device`,
    /// or `None` when the combined transform cannot be inverted (nothing to draw).
    pub(crate) fn new(paint: &'p Paint<'p>, user_to_device: &Transform) -> Option<Self> {
        let to_paint = || paint.transform().then(*user_to_device).invert();
        Some(match paint {
            Paint::Solid(c) => Shader::Solid(*c),
            Paint::Linear(g) => {
                let (a, b, c) = g.coefficients(&to_paint()?);
                Shader::Linear {
                    colors: &g.table.colors,
                    spread: g.spread,
                    a,
                    b,
                    c,
                }
            }
            Paint::Radial(g) => Shader::Radial {
                colors: &g.table.colors,
                spread: g.spread,
                to_paint: to_paint()?.then_translate(-g.start.x, -g.start.y),
                conical: g.conical(),
            },
            Paint::Sweep(g) => {
                let span = (g.end_angle - g.start_angle) / core::f32::consts::TAU;
                Shader::Sweep {
                    colors: &g.table.colors,
                    spread: g.spread,
                    to_paint: to_paint()?.then_translate(-g.center.x, -g.center.y),
                    start: g.start_angle / core::f32::consts::TAU,
                    scale: 1.0 / span,
                }
            }
            Paint::Pattern(p) => Shader::Pattern {
                pattern: p,
                to_image: to_paint()?,
            },
        })
    }

    /// The colour when the paint is one colour.
    pub(crate) fn solid(&self) -> Option<PremulRgba8> {
        match self {
            Shader::Solid(c) => Some(*c),
            _ => None,
        }
    }

    /// Fills `out` with the paint's colours along device row `y` from column `x`,
    /// sampled at pixel centres.
    pub(crate) fn shade(&self, x: u32, y: u32, out: &mut [PremulRgba8]) {
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        match self {
            Shader::Solid(c) => out.fill(*c),
            Shader::Linear {
                colors,
                spread,
                a,
                b,
                c,
            } => {
                let t0 = a * fx + b * fy + c;
                crate::simd::paint::linear_row(colors, *spread, t0, *a, out);
            }
            Shader::Radial {
                colors,
                spread,
                to_paint: m,
                conical,
            } => {
                let p = RowStart::new(m, fx, fy);
                crate::simd::paint::radial_row(colors, *spread, conical, p.x, p.y, m.a, m.b, out);
            }
            Shader::Sweep {
                colors,
                spread,
                to_paint: m,
                start,
                scale,
            } => {
                let p = RowStart::new(m, fx, fy);
                let angles = SweepParams {
                    start: *start,
                    scale: *scale,
                };
                crate::simd::paint::sweep_row(colors, *spread, &angles, p.x, p.y, m.a, m.b, out);
            }
            Shader::Pattern { pattern, to_image } => pattern.shade(to_image, x, y, out),
        }
    }
}

/// Paint-space position of a row's first pixel centre.
struct RowStart {
    x: f32,
    y: f32,
}

impl RowStart {
    #[inline]
    fn new(m: &Transform, fx: f32, fy: f32) -> Self {
        Self {
            x: m.a * fx + m.c * fy + m.e,
            y: m.b * fx + m.d * fy + m.f,
        }
    }
}

/// Start angle and scale of a sweep, both in turns.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SweepParams {
    pub(crate) start: f32,
    pub(crate) scale: f32,
}

/// Spread modes as const parameters, so each row loop is compiled branch-free.
pub(crate) const PAD: u8 = 0;
pub(crate) const REPEAT: u8 = 1;
pub(crate) const REFLECT: u8 = 2;

#[inline(always)]
pub(crate) fn fold<const S: u8>(t: f32) -> f32 {
    match S {
        PAD => t.clamp(0.0, 1.0),
        REPEAT => t - crate::math::floor(t),
        _ => {
            let m = t - 2.0 * crate::math::floor(t * 0.5);
            if m > 1.0 { 2.0 - m } else { m }
        }
    }
}

pub(crate) mod kernels {
    //! The row kernels, portable; `crate::simd::paint` also compiles them for AVX2.
    //! Each kernel works in chunks: first the gradient parameter of every pixel of
    //! the chunk, branch-free so LLVM evaluates eight at a time with AVX2 (square
    //! roots and polynomial arctangents included), then the table lookups.

    use super::*;
    use crate::paint::gradient::{TABLE_LEN, index};

    const CHUNK: usize = 64;

    /// Folds and looks up a chunk of parameters.
    #[inline(always)]
    fn lookup_chunk<const S: u8>(colors: &[PremulRgba8], ts: &[f32], out: &mut [PremulRgba8]) {
        let colors = &colors[..=TABLE_LEN];
        for (t, px) in ts.iter().zip(out) {
            *px = colors[index(fold::<S>(*t))];
        }
    }

    #[inline(always)]
    pub(crate) fn linear_row<const S: u8>(
        colors: &[PremulRgba8],
        t0: f32,
        dt: f32,
        out: &mut [PremulRgba8],
    ) {
        let mut ts = [0.0f32; CHUNK];
        for (c, chunk) in out.chunks_mut(CHUNK).enumerate() {
            let base = (c * CHUNK) as f32;
            for (i, t) in ts.iter_mut().enumerate() {
                *t = t0 + dt * (base + i as f32);
            }
            lookup_chunk::<S>(colors, &ts[..chunk.len()], chunk);
        }
    }

    #[inline(always)]
    pub(crate) fn radial_row<const S: u8>(
        colors: &[PremulRgba8],
        k: &Conical,
        px: f32,
        py: f32,
        dx: f32,
        dy: f32,
        out: &mut [PremulRgba8],
    ) {
        let mut ts = [0.0f32; CHUNK];
        for (c, chunk) in out.chunks_mut(CHUNK).enumerate() {
            let base = (c * CHUNK) as f32;
            for (i, t) in ts.iter_mut().enumerate() {
                let fi = base + i as f32;
                *t = k.t_branchless(px + dx * fi, py + dy * fi);
            }
            lookup_chunk::<S>(colors, &ts[..chunk.len()], chunk);
        }
    }

    #[inline(always)]
    pub(crate) fn sweep_row<const S: u8>(
        colors: &[PremulRgba8],
        angles: &SweepParams,
        px: f32,
        py: f32,
        dx: f32,
        dy: f32,
        out: &mut [PremulRgba8],
    ) {
        let mut ts = [0.0f32; CHUNK];
        for (c, chunk) in out.chunks_mut(CHUNK).enumerate() {
            let base = (c * CHUNK) as f32;
            for (i, t) in ts.iter_mut().enumerate() {
                let fi = base + i as f32;
                let turns = sweep_turns(py + dy * fi, px + dx * fi);
                *t = (turns - angles.start) * angles.scale;
            }
            lookup_chunk::<S>(colors, &ts[..chunk.len()], chunk);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_modes_fold_the_parameter() {
        let pad = [-0.5, 0.25, 1.5].map(fold::<PAD>);
        let repeat = [-0.25, 0.25, 1.75].map(fold::<REPEAT>);
        let reflect = [-0.25, 0.25, 1.75, 2.5, 1.0].map(fold::<REFLECT>);
        assert_eq!(pad, [0.0, 0.25, 1.0]);
        assert_eq!(repeat, [0.75, 0.25, 0.75]);
        assert_eq!(reflect, [0.25, 0.25, 0.25, 0.5, 1.0]);
    }
}
