//! Filling paths: rasterizer spans, paint rows and compositing, joined.

use alloc::vec::Vec;

use chiaro_pixel::{PremulRgba8, Rect as PixelRect, ViewMut};

use crate::clip::Clip;
use crate::composite::{self, BlendMode, Mask};
use crate::geom::{Point, Rect, Transform, Vec2};
use crate::paint::Paint;
use crate::paint::shader::Shader;
use crate::path::Path;
use crate::raster::hairline::{self, HairCap, HairlineScratch};
use crate::raster::{DEFAULT_TOLERANCE, FillRule, RasterOptions, Rasterizer, SpanSink};
use crate::stroke::polyline::Polylines;
use crate::stroke::{LineCap, Stroke, StrokeError, Stroker, max_scale};

/// How a path is filled.
#[derive(Clone, Debug)]
pub struct FillOptions<'a> {
    /// Which points are inside (default non-zero).
    pub rule: FillRule,
    /// User-to-device transform applied to the path and the paint (default identity).
    pub transform: Transform,
    /// How the paint combines with the target (default source-over).
    pub blend: BlendMode,
    /// Multiplies the paint's colours, alpha included, 0–1 (default 1; NaN counts as
    /// 0).
    pub opacity: f32,
    /// Exact area coverage (`true`, the default) or centre sampling.
    pub anti_alias: bool,
    /// Flattening tolerance in device pixels (default
    /// [`DEFAULT_TOLERANCE`](crate::raster::DEFAULT_TOLERANCE)).
    pub tolerance: f32,
    /// Coverage mask in target coordinates, multiplied into the shape's coverage.
    pub mask: Option<Mask<'a>>,
    /// Pixels outside this rectangle of the target are left alone.
    pub clip_rect: Option<PixelRect>,
    /// A clip region (from a [`ClipStack`](crate::ClipStack)): its rectangle bounds
    /// the fill like `clip_rect`, and its mask multiplies coverage like `mask`.
    pub clip: Option<Clip<'a>>,
}

impl Default for FillOptions<'_> {
    fn default() -> Self {
        Self {
            rule: FillRule::NonZero,
            transform: Transform::IDENTITY,
            blend: BlendMode::SourceOver,
            opacity: 1.0,
            anti_alias: true,
            tolerance: DEFAULT_TOLERANCE,
            mask: None,
            clip_rect: None,
            clip: None,
        }
    }
}

impl FillOptions<'_> {
    /// Default options with `transform`.
    pub fn with_transform(transform: Transform) -> Self {
        Self {
            transform,
            ..Self::default()
        }
    }
}

/// Fills paths onto premultiplied targets, keeping its buffers (the rasterizer's and
/// one row of paint) between fills: a loop of fills through one `Renderer` allocates
/// only when a fill needs more room than any before it.
#[derive(Debug, Default)]
pub struct Renderer {
    raster: Rasterizer,
    row: Vec<PremulRgba8>,
    coverage: Vec<u8>,
    stroker: Stroker,
    hair: HairlineScratch,
    points: Vec<Point>,
}

impl Renderer {
    /// A renderer with empty buffers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Fills `path` with `paint` onto `target`.
    ///
    /// Pixels the shape does not cover are left alone, whatever the blend mode (the
    /// canvas and Skia convention: the operator applies within the shape, weighted by
    /// its coverage). Draws nothing when the transform, or the paint's transform
    /// combined with it, is not finite or not invertible where the paint needs it.
    pub fn fill_path(
        &mut self,
        target: &mut ViewMut<'_, PremulRgba8>,
        path: &Path,
        paint: &Paint<'_>,
        options: &FillOptions<'_>,
    ) {
        self.fill(Job {
            target,
            paint,
            options,
            opacity: options.opacity,
            shape: Geometry::Path {
                path,
                rule: options.rule,
                transform: options.transform,
            },
        });
    }

    /// Strokes `path` with `paint` onto `target`: fills the outline of `stroke`
    /// (see [`stroke`](crate::stroke)), non-zero whatever `options.rule` says, under
    /// `options.transform`. Strokes no wider than a device pixel are drawn as
    /// hairlines (see [Hairlines](crate::stroke#hairlines)); with `anti_alias` off
    /// they are one solid pixel wide. Draws nothing where
    /// [`fill_path`](Self::fill_path) would draw nothing.
    ///
    /// # Errors
    ///
    /// As [`Stroker::outline`]: an invalid width or miter limit, a dash pattern too
    /// fine for the path, an outline beyond `f32`'s range. Nothing is drawn then.
    pub fn stroke_path(
        &mut self,
        target: &mut ViewMut<'_, PremulRgba8>,
        path: &Path,
        stroke: &Stroke,
        paint: &Paint<'_>,
        options: &FillOptions<'_>,
    ) -> Result<(), StrokeError> {
        stroke.validate()?;
        let t = &options.transform;
        if !t.is_finite() || path.is_empty() {
            return Ok(());
        }
        let scale = max_scale(t);
        if !(scale > 0.0 && scale.is_finite()) {
            return Ok(());
        }
        let tol = options.tolerance.max(0.001);
        let w = stroke.width;
        let mapped = (
            t.map_vec(Vec2::new(w, 0.0)).length(),
            t.map_vec(Vec2::new(0.0, w)).length(),
        );
        let thin = mapped.0 <= 1.0 && mapped.1 <= 1.0;
        let mut stroker = core::mem::take(&mut self.stroker);
        let result = if w == 0.0 || thin {
            let weight = if w == 0.0 || !options.anti_alias {
                1.0
            } else {
                (mapped.0 + mapped.1) / 2.0
            };
            stroker
                .device_polylines(path, stroke, tol, t, scale)
                .map(|lines| {
                    let cap = match stroke.cap {
                        LineCap::Butt => HairCap::Butt,
                        LineCap::Round | LineCap::Square => HairCap::Extend,
                    };
                    self.fill(Job {
                        target,
                        paint,
                        options,
                        opacity: options.opacity * weight,
                        shape: Geometry::Hairlines { lines, cap },
                    });
                })
        } else {
            // The target in user space: the bounds of its corners mapped back.
            let visible = t.invert().and_then(|inv| {
                let b = target.bounds();
                let device = Rect::new(b.x as f32, b.y as f32, b.right() as f32, b.bottom() as f32);
                let user = inv.map_rect(device);
                user.is_finite().then_some(user)
            });
            stroker
                .outline_scaled(path, stroke, w / 2.0, tol / scale, visible.as_ref())
                .map(|outline| {
                    self.fill(Job {
                        target,
                        paint,
                        options,
                        opacity: options.opacity,
                        shape: Geometry::Stroke {
                            outline,
                            transform: *t,
                        },
                    });
                })
        };
        self.stroker = stroker;
        result
    }

    fn fill(&mut self, job: Job<'_, '_, '_>) {
        let Job {
            target,
            paint,
            options,
            opacity,
            shape,
        } = job;
        let Some(shader) = Shader::new(paint, &options.transform) else {
            return;
        };
        let opacity = unit_to_u8(opacity);
        if opacity == 0 && options.blend == BlendMode::SourceOver {
            return;
        }
        let mut clip = target.bounds();
        for r in options
            .clip_rect
            .iter()
            .chain(options.clip.as_ref().map(|c| &c.rect))
        {
            match clip.intersect(r) {
                Some(c) => clip = c,
                None => return,
            }
        }
        let solid = shader.solid().map(|c| composite::scale(c, opacity));
        let mut sink = PaintSink {
            target,
            shader: &shader,
            solid,
            opacity,
            mode: options.blend,
            mask: options.mask.as_ref(),
            clip_mask: options.clip.as_ref().and_then(|c| c.mask.as_ref()),
            row: &mut self.row,
            coverage: &mut self.coverage,
        };
        let (path, rule, transform) = match shape {
            Geometry::Path {
                path,
                rule,
                transform,
            } => (path, rule, transform),
            Geometry::Stroke { outline, transform } => (outline, FillRule::NonZero, transform),
            Geometry::Hairlines { lines, cap } => {
                for (line, vertices) in lines.iter() {
                    self.points.clear();
                    self.points.extend(vertices.iter().map(|v| v.p));
                    hairline::draw(
                        &self.points,
                        line.closed,
                        cap,
                        !options.anti_alias,
                        clip,
                        &mut self.hair,
                        &mut sink,
                    );
                }
                return;
            }
        };
        let raster_options = RasterOptions {
            rule,
            transform,
            anti_alias: options.anti_alias,
            tolerance: options.tolerance,
        };
        self.raster.fill(path, &raster_options, clip, &mut sink);
    }
}

/// What a fill covers.
enum Geometry<'j> {
    /// A path filled by `rule`, mapped by `transform`.
    Path {
        path: &'j Path,
        rule: FillRule,
        transform: Transform,
    },
    /// A stroke's outline in user space, filled non-zero.
    Stroke {
        outline: &'j Path,
        transform: Transform,
    },
    /// Hairline polylines in device space.
    Hairlines { lines: &'j Polylines, cap: HairCap },
}

/// One fill: what it covers, and the paint, in the options' space.
struct Job<'j, 'v, 'o> {
    target: &'j mut ViewMut<'v, PremulRgba8>,
    paint: &'j Paint<'o>,
    options: &'j FillOptions<'o>,
    opacity: f32,
    shape: Geometry<'j>,
}

/// Fills `path` with `paint` onto `target` through a temporary [`Renderer`]
/// (allocates its buffers; keep a `Renderer` to fill many paths).
pub fn fill_path(
    target: &mut ViewMut<'_, PremulRgba8>,
    path: &Path,
    paint: &Paint<'_>,
    options: &FillOptions<'_>,
) {
    Renderer::new().fill_path(target, path, paint, options);
}

struct PaintSink<'t, 'v, 's, 'm> {
    target: &'t mut ViewMut<'v, PremulRgba8>,
    shader: &'s Shader<'s>,
    /// The paint's one colour, already scaled by the opacity.
    solid: Option<PremulRgba8>,
    opacity: u8,
    mode: BlendMode,
    mask: Option<&'m Mask<'m>>,
    clip_mask: Option<&'m Mask<'m>>,
    row: &'t mut Vec<PremulRgba8>,
    coverage: &'t mut Vec<u8>,
}

impl PaintSink<'_, '_, '_, '_> {
    /// The paint's colours for `len` pixels from `(x, y)`, opacity applied.
    fn shade(&mut self, x: u32, y: u32, len: usize) {
        if self.row.len() < len {
            self.row.resize(len, PremulRgba8::TRANSPARENT);
        }
        let row = &mut self.row[..len];
        self.shader.shade(x, y, row);
        if self.opacity != 255 {
            for p in row.iter_mut() {
                *p = composite::scale(*p, self.opacity);
            }
        }
    }

    /// Multiplies the span's coverage by the mask and the clip's mask.
    fn apply_masks(&mut self, x: u32, y: u32, len: usize) {
        for m in [self.mask, self.clip_mask].into_iter().flatten() {
            m.apply(x, y, &mut self.coverage[..len]);
        }
    }

    /// Composites `len` pixels from `(x, y)` with coverage `given`, or with the
    /// coverage buffer's when `None`.
    fn composite_mask(&mut self, x: u32, y: u32, len: usize, given: Option<&[u8]>) {
        let range = x as usize..x as usize + len;
        if self.solid.is_none() {
            self.shade(x, y, len);
        }
        let Some(dst) = self.target.row_mut(y).and_then(|r| r.get_mut(range)) else {
            return;
        };
        let coverage = match given {
            Some(c) => c,
            None => &self.coverage[..len],
        };
        match self.solid {
            Some(c) => composite::solid_mask(self.mode, c, dst, coverage),
            None => composite::row_mask(self.mode, &self.row[..len], dst, coverage),
        }
    }
}

impl SpanSink for PaintSink<'_, '_, '_, '_> {
    fn solid_span(&mut self, x: u32, y: u32, len: u32, coverage: u8) {
        let len = len as usize;
        if self.mask.is_some() || self.clip_mask.is_some() {
            if self.coverage.len() < len {
                self.coverage.resize(len, 0);
            }
            self.coverage[..len].fill(coverage);
            self.apply_masks(x, y, len);
            self.composite_mask(x, y, len, None);
            return;
        }
        if self.solid.is_none() {
            self.shade(x, y, len);
        }
        let range = x as usize..x as usize + len;
        let Some(dst) = self.target.row_mut(y).and_then(|r| r.get_mut(range)) else {
            return;
        };
        match self.solid {
            Some(c) => composite::solid_span(self.mode, c, dst, coverage),
            None => composite::row_span(self.mode, &self.row[..len], dst, coverage),
        }
    }

    fn mask_span(&mut self, x: u32, y: u32, coverage: &[u8]) {
        let len = coverage.len();
        if self.mask.is_none() && self.clip_mask.is_none() {
            // Nothing to multiply in: composite straight from the span.
            self.composite_mask(x, y, len, Some(coverage));
            return;
        }
        if self.coverage.len() < len {
            self.coverage.resize(len, 0);
        }
        self.coverage[..len].copy_from_slice(coverage);
        self.apply_masks(x, y, len);
        self.composite_mask(x, y, len, None);
    }
}

/// `v` in 0–1 as a byte, rounded; NaN gives 0.
fn unit_to_u8(v: f32) -> u8 {
    #[expect(clippy::cast_possible_truncation, reason = "clamped to [0, 255.5)")]
    let b = (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8;
    if v.is_nan() { 0 } else { b }
}
