//! Golden-scene harness: each scene is described once, rendered by chiaro and by
//! tiny-skia from the same description, and compared with the tolerance the draw
//! crate promises:
//!
//! - away from anti-aliased edges (pixels that every shape covers fully or not at all
//!   in both renderings) every channel within 3/255;
//! - on edge pixels, each shape's coverage within 1/4 of full (64/255): tiny-skia
//!   supersamples edges, so its coverage is the coarse one;
//! - the mean absolute difference over all channels of the scene at most 0.5/255;
//! - for shapes filled without anti-aliasing, coverage is 0 or 255 in both, and
//!   at most 0.5 % of the scene's pixels may flip (chiaro samples pixel centres
//!   exactly, tiny-skia rounds edge positions first);
//! - on a stroke's edge pixels where the two differ by more than that, an exact
//!   reference for the stroke ([`StrokeOracle`]) decides: chiaro must be within
//!   24/255 of it (tiny-skia approximates offset curves, cusps and dash lengths
//!   more coarsely), and those pixels leave the scene mean;
//! - pixels beside a jump in the paint itself (a hard stop, a repeat seam) are
//!   held to the mean only, and may be at most 1 % of the scene.
//!
//! On failure the two renderings and their difference (×8) are written as PNGs to
//! `target/golden-diffs/<scene>.{chiaro,tiny-skia,diff}.png`.

#![allow(dead_code, reason = "each test binary uses part of the harness")]
#![allow(
    clippy::cast_possible_truncation,
    reason = "pixel indices of small test images"
)]

mod peer;
pub(crate) use peer::{ts_path, ts_stroke, ts_transform};

use chiaro::codec::{PngOptions, save_png};
use chiaro::draw::paint::{Filter, GradientStop, Interpolation, SpreadMode};
use chiaro::draw::path::PathEl;
use chiaro::draw::{
    BlendMode, FillOptions, FillRule, LineCap, LineJoin, Paint, Painter, Path, Point, Stroke,
    Transform,
};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};

/// A paint as both libraries can express it.
#[derive(Clone)]
pub(crate) enum PaintSpec {
    Solid(Rgba8),
    Linear {
        start: Point,
        end: Point,
        stops: Vec<(f32, Rgba8)>,
        spread: SpreadMode,
    },
    Radial {
        start: Point,
        start_radius: f32,
        end: Point,
        end_radius: f32,
        stops: Vec<(f32, Rgba8)>,
        spread: SpreadMode,
    },
    Sweep {
        center: Point,
        start_angle: f32,
        end_angle: f32,
        stops: Vec<(f32, Rgba8)>,
        spread: SpreadMode,
    },
    Pattern {
        image: Image<PremulRgba8>,
        spread: SpreadMode,
        filter: Filter,
    },
}

/// One filled or stroked shape.
#[derive(Clone)]
pub(crate) struct Shape {
    pub path: Path,
    /// Stroke the path this way instead of filling it (`rule` is then unused).
    pub stroke: Option<Stroke>,
    pub paint: PaintSpec,
    pub paint_transform: Transform,
    pub rule: FillRule,
    pub transform: Transform,
    pub blend: BlendMode,
    pub anti_alias: bool,
}

impl Shape {
    pub(crate) fn new(path: Path, paint: PaintSpec) -> Self {
        Self {
            path,
            stroke: None,
            paint,
            paint_transform: Transform::IDENTITY,
            rule: FillRule::NonZero,
            transform: Transform::IDENTITY,
            blend: BlendMode::SourceOver,
            anti_alias: true,
        }
    }

    pub(crate) fn stroke(mut self, stroke: Stroke) -> Self {
        self.stroke = Some(stroke);
        self
    }

    pub(crate) fn rule(mut self, rule: FillRule) -> Self {
        self.rule = rule;
        self
    }

    pub(crate) fn transform(mut self, t: Transform) -> Self {
        self.transform = t;
        self
    }

    pub(crate) fn paint_transform(mut self, t: Transform) -> Self {
        self.paint_transform = t;
        self
    }

    pub(crate) fn blend(mut self, b: BlendMode) -> Self {
        self.blend = b;
        self
    }

    pub(crate) fn aliased(mut self) -> Self {
        self.anti_alias = false;
        self
    }
}

/// A clip pushed before any shape is drawn; several are intersected.
#[derive(Clone)]
pub(crate) struct ClipSpec {
    pub(crate) path: Path,
    pub(crate) rule: FillRule,
    pub(crate) transform: Transform,
    /// For a rectangle clip: chiaro pushes it with `push_clip_rect` (the fast path
    /// when pixel-aligned); tiny-skia clips with the path either way.
    pub(crate) rect: Option<chiaro::draw::Rect>,
}

/// A scene: a background and shapes drawn in order, within the clips.
pub(crate) struct Scene {
    pub name: &'static str,
    pub width: u32,
    pub height: u32,
    pub background: PremulRgba8,
    pub shapes: Vec<Shape>,
    pub clips: Vec<ClipSpec>,
}

impl Scene {
    pub(crate) fn new(name: &'static str, width: u32, height: u32) -> Self {
        Self {
            name,
            width,
            height,
            background: PremulRgba8::new(255, 255, 255, 255),
            shapes: Vec::new(),
            clips: Vec::new(),
        }
    }

    pub(crate) fn background(mut self, c: PremulRgba8) -> Self {
        self.background = c;
        self
    }

    pub(crate) fn shape(mut self, s: Shape) -> Self {
        self.shapes.push(s);
        self
    }

    pub(crate) fn clip(mut self, path: Path, rule: FillRule, transform: Transform) -> Self {
        self.clips.push(ClipSpec {
            path,
            rule,
            transform,
            rect: None,
        });
        self
    }

    pub(crate) fn clip_rect(mut self, rect: chiaro::draw::Rect, transform: Transform) -> Self {
        self.clips.push(ClipSpec {
            path: Path::rect(rect).unwrap(),
            rule: FillRule::NonZero,
            transform,
            rect: Some(rect),
        });
        self
    }
}

fn stops(list: &[(f32, Rgba8)]) -> Vec<GradientStop> {
    list.iter().map(|&(o, c)| GradientStop::new(o, c)).collect()
}

fn chiaro_paint<'a>(spec: &'a PaintSpec, t: Transform) -> Paint<'a> {
    let p = match spec {
        PaintSpec::Solid(c) => Paint::solid(*c),
        PaintSpec::Linear {
            start,
            end,
            stops: s,
            spread,
        } => Paint::linear_gradient(*start, *end, &stops(s), *spread, Interpolation::Srgb).unwrap(),
        PaintSpec::Radial {
            start,
            start_radius,
            end,
            end_radius,
            stops: s,
            spread,
        } => Paint::radial_gradient(
            *start,
            *start_radius,
            *end,
            *end_radius,
            &stops(s),
            *spread,
            Interpolation::Srgb,
        )
        .unwrap(),
        PaintSpec::Sweep {
            center,
            start_angle,
            end_angle,
            stops: s,
            spread,
        } => Paint::sweep_gradient(
            *center,
            *start_angle,
            *end_angle,
            &stops(s),
            *spread,
            Interpolation::Srgb,
        )
        .unwrap(),
        PaintSpec::Pattern {
            image,
            spread,
            filter,
        } => Paint::pattern(image.as_view(), *spread, *filter).unwrap(),
    };
    p.with_transform(t)
}

pub(crate) fn render_chiaro(scene: &Scene) -> Image<PremulRgba8> {
    render_chiaro_shapes(scene, &scene.shapes, scene.background, None)
}

/// Draws `shapes` of `scene` (within its clips) onto `background`, each with its
/// own paint, or with `paint` in place of every shape's when given.
fn render_chiaro_shapes(
    scene: &Scene,
    shapes: &[Shape],
    background: PremulRgba8,
    paint: Option<&PaintSpec>,
) -> Image<PremulRgba8> {
    let mut img = Image::filled(scene.width, scene.height, background);
    let mut painter = Painter::new(img.as_view_mut());
    for c in &scene.clips {
        match c.rect {
            Some(r) => painter.push_clip_rect(r, &c.transform),
            None => painter.push_clip_path(&c.path, c.rule, &c.transform),
        }
    }
    for s in shapes {
        let paint = chiaro_paint(paint.unwrap_or(&s.paint), s.paint_transform);
        let options = FillOptions {
            rule: s.rule,
            transform: s.transform,
            blend: s.blend,
            anti_alias: s.anti_alias,
            ..FillOptions::default()
        };
        draw_chiaro_shape(&mut painter, s, &paint, &options);
    }
    drop(painter);
    img
}

fn ts_spread(s: SpreadMode) -> tiny_skia::SpreadMode {
    match s {
        SpreadMode::Pad => tiny_skia::SpreadMode::Pad,
        SpreadMode::Repeat => tiny_skia::SpreadMode::Repeat,
        SpreadMode::Reflect => tiny_skia::SpreadMode::Reflect,
    }
}

fn ts_stops(list: &[(f32, Rgba8)]) -> Vec<tiny_skia::GradientStop> {
    list.iter()
        .map(|&(o, c)| {
            tiny_skia::GradientStop::new(o, tiny_skia::Color::from_rgba8(c.r, c.g, c.b, c.a))
        })
        .collect()
}

fn ts_blend(b: BlendMode) -> tiny_skia::BlendMode {
    use tiny_skia::BlendMode as T;
    match b {
        BlendMode::Clear => T::Clear,
        BlendMode::Source => T::Source,
        BlendMode::Destination => T::Destination,
        BlendMode::SourceOver => T::SourceOver,
        BlendMode::DestinationOver => T::DestinationOver,
        BlendMode::SourceIn => T::SourceIn,
        BlendMode::DestinationIn => T::DestinationIn,
        BlendMode::SourceOut => T::SourceOut,
        BlendMode::DestinationOut => T::DestinationOut,
        BlendMode::SourceAtop => T::SourceAtop,
        BlendMode::DestinationAtop => T::DestinationAtop,
        BlendMode::Xor => T::Xor,
        BlendMode::Plus => T::Plus,
        BlendMode::Multiply => T::Multiply,
        BlendMode::Screen => T::Screen,
        BlendMode::Overlay => T::Overlay,
        BlendMode::Darken => T::Darken,
        BlendMode::Lighten => T::Lighten,
        BlendMode::ColorDodge => T::ColorDodge,
        BlendMode::ColorBurn => T::ColorBurn,
        BlendMode::HardLight => T::HardLight,
        BlendMode::SoftLight => T::SoftLight,
        BlendMode::Difference => T::Difference,
        BlendMode::Exclusion => T::Exclusion,
        BlendMode::Hue => T::Hue,
        BlendMode::Saturation => T::Saturation,
        BlendMode::Color => T::Color,
        BlendMode::Luminosity => T::Luminosity,
    }
}

pub(crate) fn ts_fill_rule(r: FillRule) -> tiny_skia::FillRule {
    match r {
        FillRule::NonZero => tiny_skia::FillRule::Winding,
        FillRule::EvenOdd => tiny_skia::FillRule::EvenOdd,
    }
}

/// A premultiplied chiaro image as a tiny-skia pixmap (same byte layout).
pub(crate) fn to_pixmap(img: &Image<PremulRgba8>) -> tiny_skia::Pixmap {
    let size = tiny_skia::IntSize::from_wh(img.width(), img.height()).unwrap();
    tiny_skia::Pixmap::from_vec(img.as_bytes().to_vec(), size).unwrap()
}

/// The scene's clips as a tiny-skia mask (intersected in order), or `None`.
fn ts_clip_mask(scene: &Scene) -> Option<tiny_skia::Mask> {
    let mut mask: Option<tiny_skia::Mask> = None;
    for c in &scene.clips {
        let path = ts_path(&c.path)?;
        let (rule, t) = (ts_fill_rule(c.rule), ts_transform(c.transform));
        match &mut mask {
            None => {
                let mut m = tiny_skia::Mask::new(scene.width, scene.height).unwrap();
                m.fill_path(&path, rule, true, t);
                mask = Some(m);
            }
            Some(m) => m.intersect_path(&path, rule, true, t),
        }
    }
    mask
}

pub(crate) fn render_tiny_skia(scene: &Scene) -> Image<PremulRgba8> {
    render_tiny_skia_shapes(scene, &scene.shapes, scene.background, None)
}

fn render_tiny_skia_shapes(
    scene: &Scene,
    shapes: &[Shape],
    bg: PremulRgba8,
    paint_override: Option<&PaintSpec>,
) -> Image<PremulRgba8> {
    let mut pm = tiny_skia::Pixmap::new(scene.width, scene.height).unwrap();
    let clip = ts_clip_mask(scene);
    // The exact premultiplied background bytes chiaro starts from.
    for px in pm.pixels_mut() {
        *px = tiny_skia::PremultipliedColorU8::from_rgba(bg.r, bg.g, bg.b, bg.a).unwrap();
    }
    let patterns: Vec<Option<tiny_skia::Pixmap>> = shapes
        .iter()
        .map(|s| match paint_override.unwrap_or(&s.paint) {
            PaintSpec::Pattern { image, .. } => Some(to_pixmap(image)),
            _ => None,
        })
        .collect();
    for (s, pattern) in shapes.iter().zip(&patterns) {
        let Some(path) = ts_path(&s.path) else {
            continue;
        };
        let pt = ts_transform(s.paint_transform);
        let shader = match paint_override.unwrap_or(&s.paint) {
            PaintSpec::Solid(c) => {
                tiny_skia::Shader::SolidColor(tiny_skia::Color::from_rgba8(c.r, c.g, c.b, c.a))
            }
            PaintSpec::Linear {
                start,
                end,
                stops,
                spread,
            } => tiny_skia::LinearGradient::new(
                tiny_skia::Point::from_xy(start.x, start.y),
                tiny_skia::Point::from_xy(end.x, end.y),
                ts_stops(stops),
                ts_spread(*spread),
                pt,
            )
            .unwrap(),
            PaintSpec::Radial {
                start,
                start_radius,
                end,
                end_radius,
                stops,
                spread,
            } => tiny_skia::RadialGradient::new(
                tiny_skia::Point::from_xy(start.x, start.y),
                *start_radius,
                tiny_skia::Point::from_xy(end.x, end.y),
                *end_radius,
                ts_stops(stops),
                ts_spread(*spread),
                pt,
            )
            .unwrap(),
            PaintSpec::Sweep {
                center,
                start_angle,
                end_angle,
                stops,
                spread,
            } => tiny_skia::SweepGradient::new(
                tiny_skia::Point::from_xy(center.x, center.y),
                start_angle.to_degrees(),
                end_angle.to_degrees(),
                ts_stops(stops),
                ts_spread(*spread),
                pt,
            )
            .unwrap(),
            PaintSpec::Pattern { spread, filter, .. } => tiny_skia::Pattern::new(
                pattern.as_ref().unwrap().as_ref(),
                ts_spread(*spread),
                match filter {
                    Filter::Nearest => tiny_skia::FilterQuality::Nearest,
                    Filter::Bilinear => tiny_skia::FilterQuality::Bilinear,
                },
                1.0,
                pt,
            ),
        };
        let paint = tiny_skia::Paint {
            shader,
            blend_mode: ts_blend(s.blend),
            anti_alias: s.anti_alias,
            ..tiny_skia::Paint::default()
        };
        draw_tiny_skia_shape(&mut pm, s, &path, &paint, clip.as_ref());
    }
    let data: Vec<PremulRgba8> = pm
        .pixels()
        .iter()
        .map(|p| PremulRgba8::new(p.red(), p.green(), p.blue(), p.alpha()))
        .collect();
    Image::from_raw(scene.width, scene.height, data).unwrap()
}

/// Coverage of one shape of `scene` by chiaro: the alpha of the shape drawn alone
/// in opaque white on a transparent target, within the scene's clips.
pub(crate) fn chiaro_coverage_in(scene: &Scene, s: &Shape) -> Vec<u8> {
    let white = PaintSpec::Solid(Rgba8::new(255, 255, 255, 255));
    let mut shape = s.clone();
    shape.blend = BlendMode::SourceOver;
    let img = render_chiaro_shapes(scene, &[shape], PremulRgba8::TRANSPARENT, Some(&white));
    img.pixels().map(|p| p.a).collect()
}

/// Coverage of one shape of `scene` by tiny-skia, the same way.
pub(crate) fn tiny_skia_coverage_in(scene: &Scene, s: &Shape) -> Vec<u8> {
    let white = PaintSpec::Solid(Rgba8::new(255, 255, 255, 255));
    let mut shape = s.clone();
    shape.blend = BlendMode::SourceOver;
    let img = render_tiny_skia_shapes(scene, &[shape], PremulRgba8::TRANSPARENT, Some(&white));
    img.pixels().map(|p| p.a).collect()
}

/// Coverage of one shape on its own in a `w × h` target, by chiaro.
pub(crate) fn chiaro_coverage(s: &Shape, w: u32, h: u32) -> Vec<u8> {
    chiaro_coverage_in(&Scene::new("coverage", w, h), s)
}

/// Coverage of one shape on its own in a `w × h` target, by tiny-skia.
pub(crate) fn tiny_skia_coverage(s: &Shape, w: u32, h: u32) -> Vec<u8> {
    tiny_skia_coverage_in(&Scene::new("coverage", w, h), s)
}

/// What a comparison found.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub worst_off_edge: u8,
    pub worst_edge_coverage: u8,
    pub mean_abs_diff: f64,
    pub edge_pixels: usize,
    pub first_off_edge_failure: Option<(u32, u32, [u8; 4], [u8; 4])>,
    /// Pixels where an aliased shape's coverage differs (0 against 255).
    pub aliased_disagreements: usize,
    /// Where the worst edge coverage difference is: pixel, chiaro's and tiny-skia's.
    pub worst_edge_at: Option<(u32, u32, u8, u8)>,
    /// Pixels next to a jump in the paint itself (a hard stop or a repeat seam),
    /// excluded from the off-edge check: which side of the jump a pixel centre
    /// falls on is decided by the last bit of `f32` arithmetic in either library.
    pub paint_edge_pixels: usize,
    /// Edge pixels of strokes where the two renderings differ by more than the
    /// tolerance and an exact reference (see [`StrokeOracle`]) decided: chiaro was
    /// within [`ORACLE_TOLERANCE`] of it there.
    pub arbitrated: usize,
    /// At those pixels: chiaro's and tiny-skia's largest distance from the exact
    /// coverage.
    pub arbitrated_error: (f64, f64),
    /// Where the exact reference did not side with chiaro: pixel, chiaro's,
    /// tiny-skia's and the exact coverage (the first few).
    pub oracle_misses: Vec<(u32, u32, u8, u8, f64)>,
}

/// How close to the exact coverage chiaro must be where tiny-skia's coverage is too
/// far from chiaro's for the plain tolerance.
/// 24/255, about a tenth of a pixel's coverage: the flattening tolerance (0.05 px)
/// plus the reference's own sampling error (up to 1/24 of a pixel on an edge).
pub(crate) const ORACLE_TOLERANCE: f64 = 24.0;

/// The exact coverage of a stroke by its definition: the points within half the
/// width of the path (round joins; corners of other joins are not modelled, nor
/// are transforms), dashed by arc length, cut off at butt caps, extended by squares at square
/// caps, estimated per pixel from 24×24 samples against the curves evaluated
/// densely in f64 — independent of either library's stroker.
pub(crate) struct StrokeOracle {
    subpaths: Vec<(Vec<(f64, f64)>, bool)>,
    r: f64,
    cap: LineCap,
}

impl StrokeOracle {
    /// The reference for `s`, when it is a solid, untransformed stroke whose corners
    /// are all round joins or tangent-continuous.
    pub(crate) fn new(s: &Shape) -> Option<Self> {
        let stroke = s.stroke.as_ref()?;
        if stroke.width <= 1.0 || s.transform != Transform::IDENTITY {
            return None;
        }
        let f = |p: Point| (f64::from(p.x), f64::from(p.y));
        let mut subpaths: Vec<(Vec<(f64, f64)>, bool)> = Vec::new();
        // Tangent at the end of the last segment, to check each corner.
        let mut last_tangent: Option<(f64, f64)> = None;
        let mut start_tangent: Option<(f64, f64)> = None;
        let mut corner_ok = true;
        let unit = |d: (f64, f64)| {
            let l = d.0.hypot(d.1);
            (l > 1e-12).then(|| (d.0 / l, d.1 / l))
        };
        let mut check = |prev: Option<(f64, f64)>, next: Option<(f64, f64)>| {
            if let (Some(a), Some(b)) = (prev, next) {
                let turn = (a.0 * b.1 - a.1 * b.0).atan2(a.0 * b.0 + a.1 * b.1).abs();
                if turn > 1e-3 && stroke.join != LineJoin::Round {
                    corner_ok = false;
                }
            }
        };
        for el in s.path.elements() {
            let cur = subpaths.last().and_then(|(v, _)| v.last().copied());
            let ctrl: Vec<(f64, f64)> = match el {
                PathEl::MoveTo(p) => {
                    subpaths.push((vec![f(p)], false));
                    last_tangent = None;
                    start_tangent = None;
                    continue;
                }
                PathEl::Close => {
                    let (v, closed) = subpaths.last_mut()?;
                    let first = v[0];
                    let last = *v.last()?;
                    let closing = unit((first.0 - last.0, first.1 - last.1));
                    let closing = closing.or(last_tangent);
                    check(last_tangent, closing);
                    check(closing, start_tangent);
                    v.push(first);
                    *closed = true;
                    continue;
                }
                PathEl::LineTo(p) => vec![cur?, f(p)],
                PathEl::QuadTo(c, p) => vec![cur?, f(c), f(p)],
                PathEl::CubicTo(c1, c2, p) => vec![cur?, f(c1), f(c2), f(p)],
            };
            // End tangents from the first and last distinct control points.
            let t0 = ctrl[1..]
                .iter()
                .find_map(|q| unit((q.0 - ctrl[0].0, q.1 - ctrl[0].1)));
            let last = ctrl[ctrl.len() - 1];
            let t1 = ctrl[..ctrl.len() - 1]
                .iter()
                .rev()
                .find_map(|q| unit((last.0 - q.0, last.1 - q.1)));
            check(last_tangent, t0);
            if start_tangent.is_none() {
                start_tangent = t0;
            }
            if t1.is_some() {
                last_tangent = t1;
            }
            let n = if ctrl.len() == 2 { 1 } else { 2048 };
            let (v, _) = subpaths.last_mut()?;
            for i in 1..=n {
                let t = f64::from(i) / f64::from(n);
                v.push(bezier(&ctrl, t));
            }
        }
        if let Some(dash) = &stroke.dash {
            subpaths = subpaths
                .iter()
                .flat_map(|(v, closed)| dash_pieces(v, *closed, dash))
                .map(|v| (v, false))
                .collect();
        }
        corner_ok.then_some(Self {
            subpaths,
            r: f64::from(stroke.width) / 2.0,
            cap: stroke.cap,
        })
    }

    /// Coverage of pixel `(x, y)`, 0–255.
    pub(crate) fn coverage(&self, x: u32, y: u32) -> f64 {
        const N: u32 = 24;
        let mut inside = 0u32;
        for sy in 0..N {
            for sx in 0..N {
                let p = (
                    f64::from(x) + (f64::from(sx) + 0.5) / f64::from(N),
                    f64::from(y) + (f64::from(sy) + 0.5) / f64::from(N),
                );
                if self.covers(p) {
                    inside += 1;
                }
            }
        }
        f64::from(inside) * 255.0 / f64::from(N * N)
    }

    fn covers(&self, p: (f64, f64)) -> bool {
        let r = self.r;
        for (v, closed) in &self.subpaths {
            // Nearest point over the polyline; whether it is a clamped end.
            let mut best = f64::INFINITY;
            let mut at_start = false;
            let mut at_end = false;
            let last = v.len() - 1;
            for (i, w) in v.windows(2).enumerate() {
                let (a, b) = (w[0], w[1]);
                let d = (b.0 - a.0, b.1 - a.1);
                let len2 = d.0 * d.0 + d.1 * d.1;
                let t = if len2 > 0.0 {
                    ((p.0 - a.0) * d.0 + (p.1 - a.1) * d.1) / len2
                } else {
                    0.0
                };
                let tc = t.clamp(0.0, 1.0);
                let q = (a.0 + d.0 * tc, a.1 + d.1 * tc);
                let dist = (p.0 - q.0).hypot(p.1 - q.1);
                if dist < best {
                    best = dist;
                    at_start = i == 0 && t <= 0.0;
                    at_end = i + 1 == last && t >= 1.0;
                }
            }
            if v.len() == 1 {
                at_start = true;
                best = (p.0 - v[0].0).hypot(p.1 - v[0].1);
            }
            if best > r * std::f64::consts::SQRT_2 {
                continue;
            }
            if *closed || !(at_start || at_end) {
                if best <= r {
                    return true;
                }
                continue;
            }
            // Beyond an open end: the cap decides.
            let (e, t) = if at_start && v.len() > 1 {
                (v[0], direction(v[1], v[0]))
            } else {
                (v[last], direction(v[last.saturating_sub(1)], v[last]))
            };
            match self.cap {
                LineCap::Butt => {}
                LineCap::Round => {
                    if best <= r {
                        return true;
                    }
                }
                LineCap::Square => {
                    let rel = (p.0 - e.0, p.1 - e.1);
                    let along = rel.0 * t.0 + rel.1 * t.1;
                    let across = rel.0 * t.1 - rel.1 * t.0;
                    if (0.0..=r).contains(&along) && across.abs() <= r {
                        return true;
                    }
                }
            }
        }
        false
    }
}

/// `v` (a dense polyline) cut by `dash` by arc length, measured along `v` in f64; on
/// a closed polyline a dash running through the start is one piece.
fn dash_pieces(v: &[(f64, f64)], closed: bool, dash: &chiaro::draw::Dash) -> Vec<Vec<(f64, f64)>> {
    let intervals: Vec<f64> = dash.intervals().iter().map(|&x| f64::from(x)).collect();
    let mut index = 0;
    let mut left = f64::from(dash.phase());
    while left >= intervals[index] && !(left == 0.0) {
        left -= intervals[index];
        index = (index + 1) % intervals.len();
    }
    let mut left = intervals[index] - left;
    let starts_on = index % 2 == 0;
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut current: Option<Vec<(f64, f64)>> = starts_on.then(|| vec![v[0]]);
    for w in v.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = (b.0 - a.0).hypot(b.1 - a.1);
        let mut pos = 0.0;
        while left <= len - pos {
            pos += left;
            let t = if len > 0.0 { pos / len } else { 1.0 };
            let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            match current.take() {
                Some(mut piece) => {
                    piece.push(p);
                    pieces.push(piece);
                }
                None => current = Some(vec![p]),
            }
            index = (index + 1) % intervals.len();
            left = intervals[index];
        }
        left -= len - pos;
        if let Some(piece) = &mut current {
            piece.push(b);
        }
    }
    if let Some(piece) = current {
        if closed && starts_on && !pieces.is_empty() {
            let mut joined = piece;
            joined.extend(pieces.remove(0).into_iter().skip(1));
            pieces.push(joined);
        } else {
            pieces.push(piece);
        }
    }
    pieces
}

/// The outward direction at an end: from `inner` to `end`.
fn direction(inner: (f64, f64), end: (f64, f64)) -> (f64, f64) {
    let d = (end.0 - inner.0, end.1 - inner.1);
    let l = d.0.hypot(d.1);
    if l > 0.0 {
        (d.0 / l, d.1 / l)
    } else {
        (1.0, 0.0)
    }
}

/// A Bézier of any degree at `t`, by de Casteljau in f64.
fn bezier(ctrl: &[(f64, f64)], t: f64) -> (f64, f64) {
    let mut pts = ctrl.to_vec();
    while pts.len() > 1 {
        for i in 0..pts.len() - 1 {
            pts[i] = (
                pts[i].0 + (pts[i + 1].0 - pts[i].0) * t,
                pts[i].1 + (pts[i + 1].1 - pts[i].1) * t,
            );
        }
        pts.pop();
    }
    pts[0]
}

/// Renders `scene` both ways and checks the tolerance; panics with a report (and
/// writes PNGs) when it does not hold.
pub(crate) fn check(scene: Scene) -> Report {
    check_with(scene, 3, 64, 0.5)
}

pub(crate) fn check_with(scene: Scene, off_edge: u8, edge_coverage: u8, mean: f64) -> Report {
    let (w, h) = (scene.width, scene.height);
    let ours = render_chiaro(&scene);
    let theirs = render_tiny_skia(&scene);
    let n = (w * h) as usize;
    let mut edge = vec![false; n];
    let mut arbitrated = vec![false; n];
    let mut report = Report::default();
    for s in &scene.shapes {
        let a = chiaro_coverage_in(&scene, s);
        let b = tiny_skia_coverage_in(&scene, s);
        let oracle = if scene.clips.is_empty() {
            StrokeOracle::new(s)
        } else {
            None
        };
        for i in 0..n {
            let partial = |c: u8| c != 0 && c != 255;
            if partial(a[i]) || partial(b[i]) || a[i] != b[i] {
                edge[i] = true;
                if s.anti_alias {
                    let d = a[i].abs_diff(b[i]);
                    if d > edge_coverage
                        && let Some(o) = &oracle
                    {
                        let exact = o.coverage((i as u32) % w, (i as u32) / w);
                        let ours = (f64::from(a[i]) - exact).abs();
                        if ours <= ORACLE_TOLERANCE {
                            report.arbitrated += 1;
                            arbitrated[i] = true;
                            let e = &mut report.arbitrated_error;
                            e.0 = e.0.max(ours);
                            e.1 = e.1.max((f64::from(b[i]) - exact).abs());
                            continue;
                        }
                        if report.oracle_misses.len() < 4 {
                            let (x, y) = ((i as u32) % w, (i as u32) / w);
                            report.oracle_misses.push((x, y, a[i], b[i], exact));
                        }
                    }
                    if d > report.worst_edge_coverage {
                        report.worst_edge_coverage = d;
                        report.worst_edge_at = Some(((i as u32) % w, (i as u32) / w, a[i], b[i]));
                    }
                } else {
                    report.aliased_disagreements += 1;
                }
            }
        }
    }
    // Jumps in the paint: a 4-neighbour differing by more than 48 in some channel in
    // either rendering.
    let jump = |img: &Image<PremulRgba8>, x: u32, y: u32| {
        let p = img.get(x, y).unwrap();
        let far = |q: &PremulRgba8| {
            [
                p.r.abs_diff(q.r),
                p.g.abs_diff(q.g),
                p.b.abs_diff(q.b),
                p.a.abs_diff(q.a),
            ]
            .into_iter()
            .any(|d| d > 48)
        };
        [
            (x.wrapping_sub(1), y),
            (x + 1, y),
            (x, y.wrapping_sub(1)),
            (x, y + 1),
        ]
        .into_iter()
        .filter_map(|(nx, ny)| img.get(nx, ny))
        .any(far)
    };
    let mut sum = 0u64;
    for (i, (p, q)) in ours.pixels().zip(theirs.pixels()).enumerate() {
        let (p, q) = ([p.r, p.g, p.b, p.a], [q.r, q.g, q.b, q.a]);
        let d = p
            .iter()
            .zip(&q)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        if !arbitrated[i] {
            sum += p
                .iter()
                .zip(&q)
                .map(|(a, b)| u64::from(a.abs_diff(*b)))
                .sum::<u64>();
        }
        let (x, y) = ((i as u32) % w, (i as u32) / w);
        if edge[i] {
            report.edge_pixels += 1;
        } else if d > off_edge && (jump(&ours, x, y) || jump(&theirs, x, y)) {
            report.paint_edge_pixels += 1;
        } else if d > report.worst_off_edge {
            report.worst_off_edge = d;
            if d > off_edge && report.first_off_edge_failure.is_none() {
                report.first_off_edge_failure = Some((x, y, p, q));
            }
        }
    }
    // Over the pixels the exact reference did not decide.
    report.mean_abs_diff = sum as f64 / ((n - report.arbitrated).max(1) * 4) as f64;
    // Aliased shapes: chiaro samples centres exactly, tiny-skia rounds edges, so
    // pixels with a centre very near an edge may flip; allow 0.5 % of the scene.
    let ok = report.aliased_disagreements * 200 <= n
        && report.paint_edge_pixels * 100 <= n
        && report.worst_off_edge <= off_edge
        && report.worst_edge_coverage <= edge_coverage
        && report.mean_abs_diff <= mean;
    if !ok || std::env::var_os("CHIARO_GOLDEN_WRITE").is_some() {
        let dir = write_pictures(scene.name, &ours, &theirs);
        assert!(
            ok,
            "scene {}: {report:?} (limits: off-edge {off_edge}, edge coverage {edge_coverage}, mean {mean}); pictures in {}",
            scene.name,
            dir.display()
        );
    }
    report
}

fn write_pictures(
    name: &str,
    ours: &Image<PremulRgba8>,
    theirs: &Image<PremulRgba8>,
) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/golden-diffs");
    std::fs::create_dir_all(&dir).unwrap();
    let straight = |img: &Image<PremulRgba8>| img.convert::<Rgba8>();
    let diff = Image::from_fn(ours.width(), ours.height(), |x, y| {
        let (p, q) = (ours.get(x, y).unwrap(), theirs.get(x, y).unwrap());
        let d = |a: u8, b: u8| a.abs_diff(b).saturating_mul(8);
        Rgba8::new(d(p.r, q.r), d(p.g, q.g), d(p.b, q.b).max(d(p.a, q.a)), 255)
    });
    let o = PngOptions::default();
    save_png(
        straight(ours).as_view(),
        dir.join(format!("{name}.chiaro.png")),
        &o,
    )
    .unwrap();
    save_png(
        straight(theirs).as_view(),
        dir.join(format!("{name}.tiny-skia.png")),
        &o,
    )
    .unwrap();
    save_png(diff.as_view(), dir.join(format!("{name}.diff.png")), &o).unwrap();
    dir
}

fn draw_chiaro_shape(
    painter: &mut Painter<'_>,
    s: &Shape,
    paint: &Paint<'_>,
    options: &FillOptions<'_>,
) {
    match &s.stroke {
        Some(stroke) => painter
            .stroke_path(&s.path, stroke, paint, options)
            .expect("a valid stroke"),
        None => painter.fill_path(&s.path, paint, options),
    }
}

fn draw_tiny_skia_shape(
    pm: &mut tiny_skia::Pixmap,
    s: &Shape,
    path: &tiny_skia::Path,
    paint: &tiny_skia::Paint<'_>,
    clip: Option<&tiny_skia::Mask>,
) {
    match &s.stroke {
        Some(stroke) => pm.stroke_path(
            path,
            paint,
            &ts_stroke(stroke),
            ts_transform(s.transform),
            clip,
        ),
        None => pm.fill_path(
            path,
            paint,
            ts_fill_rule(s.rule),
            ts_transform(s.transform),
            clip,
        ),
    }
}
