//! Filling and stroking against tiny-skia on a 1024×1024 premultiplied canvas:
//! random triangles and circles, a complex curved path, full-canvas linear and
//! radial gradients, a fill under a circular clip, 500 random cubics stroked solid
//! and dashed, and 10,000 hairline segments.
//! Both libraries get the same geometry (chiaro's paths converted element by element)
//! and the same colours; each iteration draws over the previous one's result.
//!
//! tiny-skia picks its SIMD at compile time, chiaro at run time, so the comparison
//! differs between a default build and a `-C target-cpu=x86-64-v3` build;
//! `cargo xtask bench draw --both-builds` runs both.

use std::hint::black_box;

use chiaro::draw::paint::{GradientStop, Interpolation, SpreadMode};
use chiaro::draw::{
    ClipStack, Dash, FillOptions, FillRule, LineJoin, Paint, Path, PathBuilder, Point, Renderer,
    Stroke, Transform,
};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};
use chiaro_benches::Rng;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/golden/peer.rs"]
mod peer;

const SIZE: u32 = 1024;

fn ts_path(path: &Path) -> tiny_skia::Path {
    peer::ts_path(path).expect("non-empty path")
}

fn random_color(rng: &mut Rng) -> Rgba8 {
    Rgba8::new(
        rng.byte(0, 255),
        rng.byte(0, 255),
        rng.byte(0, 255),
        rng.byte(128, 255),
    )
}

/// A set of filled shapes in both libraries' terms.
struct Shapes {
    ours: Vec<(Path, Paint<'static>)>,
    theirs: Vec<(tiny_skia::Path, tiny_skia::Paint<'static>)>,
}

impl Shapes {
    fn new(list: Vec<(Path, Rgba8)>) -> Self {
        let theirs = list
            .iter()
            .map(|(p, c)| {
                let mut paint = tiny_skia::Paint::default();
                paint.set_color_rgba8(c.r, c.g, c.b, c.a);
                paint.anti_alias = true;
                (ts_path(p), paint)
            })
            .collect();
        let ours = list
            .into_iter()
            .map(|(p, c)| (p, Paint::solid(c)))
            .collect();
        Self { ours, theirs }
    }
}

/// Fills `shapes` (or strokes them with `stroke`) in both libraries, each once per
/// iteration.
fn bench_shapes(c: &mut Criterion, name: &str, shapes: &Shapes, stroke: Option<&Stroke>) {
    let ts = stroke.map(peer::ts_stroke);
    let mut canvas = Image::filled(SIZE, SIZE, PremulRgba8::new(255, 255, 255, 255));
    let mut pixmap = tiny_skia::Pixmap::new(SIZE, SIZE).expect("size");
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut renderer = Renderer::new();
    let options = FillOptions::default();
    let mut group = c.benchmark_group(format!("draw/{name}/{SIZE}x{SIZE}"));
    group.sample_size(20);
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            let mut view = canvas.as_view_mut();
            for (path, paint) in &shapes.ours {
                match stroke {
                    Some(s) => renderer
                        .stroke_path(&mut view, path, s, paint, &options)
                        .expect("valid stroke"),
                    None => renderer.fill_path(&mut view, path, paint, &options),
                }
            }
            black_box(&canvas);
        })
    });
    group.bench_function("peer/tiny-skia", |b| {
        b.iter(|| {
            let identity = tiny_skia::Transform::identity();
            for (path, paint) in &shapes.theirs {
                match &ts {
                    Some(s) => pixmap.stroke_path(path, paint, s, identity, None),
                    None => {
                        pixmap.fill_path(path, paint, tiny_skia::FillRule::Winding, identity, None)
                    }
                }
            }
            black_box(&pixmap);
        })
    });
    group.finish();
}

fn triangles(c: &mut Criterion) {
    let mut rng = Rng::new(1);
    let list = (0..1000)
        .map(|_| {
            let (cx, cy) = (rng.range(0.0, SIZE as f32), rng.range(0.0, SIZE as f32));
            let mut pb = PathBuilder::new();
            pb.move_to(cx + rng.range(-60.0, 60.0), cy + rng.range(-60.0, 60.0));
            pb.line_to(cx + rng.range(-60.0, 60.0), cy + rng.range(-60.0, 60.0));
            pb.line_to(cx + rng.range(-60.0, 60.0), cy + rng.range(-60.0, 60.0));
            pb.close();
            (pb.finish().expect("finite"), random_color(&mut rng))
        })
        .collect();
    bench_shapes(c, "triangles_1000", &Shapes::new(list), None);
}

fn circles(c: &mut Criterion) {
    let mut rng = Rng::new(2);
    let list = (0..200)
        .map(|_| {
            let path = Path::circle(
                rng.range(0.0, SIZE as f32),
                rng.range(0.0, SIZE as f32),
                rng.range(8.0, 120.0),
            )
            .expect("finite");
            (path, random_color(&mut rng))
        })
        .collect();
    bench_shapes(c, "circles_200", &Shapes::new(list), None);
}

/// One path of 120 closed blobs, each eight cubic Béziers, as an SVG scene's outlines
/// (a map, a run of glyphs, an icon set) are: `tiled` lays them out on a grid,
/// touching at most at their edges; otherwise they are scattered at random,
/// overlapping and crossing one another everywhere, the hardest case for exact
/// coverage (see `raster/sweep.rs`).
fn blobs(tiled: bool) -> Path {
    let mut rng = Rng::new(3);
    let mut pb = PathBuilder::new();
    for k in 0..120 {
        let (cx, cy, r) = if tiled {
            let cell = SIZE as f32 / 12.0;
            let (col, row) = ((k % 12) as f32, (k / 12) as f32);
            (cell * (col + 0.5), cell * 1.2 * (row + 0.5), cell * 0.32)
        } else {
            (
                rng.range(60.0, SIZE as f32 - 60.0),
                rng.range(60.0, SIZE as f32 - 60.0),
                rng.range(20.0, 90.0),
            )
        };
        let point = |rng: &mut Rng, a: f32| {
            let rr = r * rng.range(0.6, 1.4);
            (cx + rr * a.cos(), cy + rr * a.sin())
        };
        let start = point(&mut rng, 0.0);
        pb.move_to(start.0, start.1);
        for i in 1..=8 {
            let a = i as f32 * std::f32::consts::TAU / 8.0;
            let c1 = point(&mut rng, a - 0.5);
            let c2 = point(&mut rng, a - 0.25);
            let end = if i == 8 { start } else { point(&mut rng, a) };
            pb.cubic_to(c1.0, c1.1, c2.0, c2.1, end.0, end.1);
        }
        pb.close();
    }
    pb.finish().expect("finite")
}

fn complex_path(c: &mut Criterion) {
    let color = Rgba8::new(30, 90, 160, 200);
    bench_shapes(
        c,
        "complex_path",
        &Shapes::new(vec![(blobs(true), color)]),
        None,
    );
    bench_shapes(
        c,
        "complex_path_overlapping",
        &Shapes::new(vec![(blobs(false), color)]),
        None,
    );
}

fn gradient_stops() -> Vec<(f32, Rgba8)> {
    vec![
        (0.0, Rgba8::new(230, 30, 40, 255)),
        (0.5, Rgba8::new(250, 210, 20, 255)),
        (1.0, Rgba8::new(30, 60, 220, 255)),
    ]
}

fn bench_gradient(
    c: &mut Criterion,
    name: &str,
    ours: Paint<'static>,
    theirs: tiny_skia::Shader<'static>,
) {
    let full =
        Path::rect(chiaro::draw::Rect::new(0.0, 0.0, SIZE as f32, SIZE as f32)).expect("rect");
    let mut canvas = Image::filled(SIZE, SIZE, PremulRgba8::new(255, 255, 255, 255));
    let mut pixmap = tiny_skia::Pixmap::new(SIZE, SIZE).expect("size");
    let mut renderer = Renderer::new();
    let options = FillOptions::default();
    let ts_full = ts_path(&full);
    let paint = tiny_skia::Paint {
        shader: theirs,
        ..tiny_skia::Paint::default()
    };
    let mut group = c.benchmark_group(format!("draw/{name}/{SIZE}x{SIZE}"));
    group.sample_size(30);
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            renderer.fill_path(&mut canvas.as_view_mut(), &full, &ours, &options);
            black_box(&canvas);
        })
    });
    group.bench_function("peer/tiny-skia", |b| {
        b.iter(|| {
            pixmap.fill_path(
                &ts_full,
                &paint,
                tiny_skia::FillRule::Winding,
                tiny_skia::Transform::identity(),
                None,
            );
            black_box(&pixmap);
        })
    });
    group.finish();
}

fn ts_stops() -> Vec<tiny_skia::GradientStop> {
    gradient_stops()
        .into_iter()
        .map(|(o, c)| {
            tiny_skia::GradientStop::new(o, tiny_skia::Color::from_rgba8(c.r, c.g, c.b, c.a))
        })
        .collect()
}

fn our_stops() -> Vec<GradientStop> {
    gradient_stops()
        .into_iter()
        .map(|(o, c)| GradientStop::new(o, c))
        .collect()
}

fn linear_gradient(c: &mut Criterion) {
    let (s, e) = (Point::new(100.0, 80.0), Point::new(900.0, 700.0));
    let ours = Paint::linear_gradient(s, e, &our_stops(), SpreadMode::Pad, Interpolation::Srgb)
        .expect("valid");
    let theirs = tiny_skia::LinearGradient::new(
        tiny_skia::Point::from_xy(s.x, s.y),
        tiny_skia::Point::from_xy(e.x, e.y),
        ts_stops(),
        tiny_skia::SpreadMode::Pad,
        tiny_skia::Transform::identity(),
    )
    .expect("valid");
    bench_gradient(c, "linear_gradient", ours, theirs);
}

fn radial_gradient(c: &mut Criterion) {
    let (s, e) = (Point::new(400.0, 450.0), Point::new(512.0, 512.0));
    let ours = Paint::radial_gradient(
        s,
        20.0,
        e,
        500.0,
        &our_stops(),
        SpreadMode::Pad,
        Interpolation::Srgb,
    )
    .expect("valid");
    let theirs = tiny_skia::RadialGradient::new(
        tiny_skia::Point::from_xy(s.x, s.y),
        20.0,
        tiny_skia::Point::from_xy(e.x, e.y),
        500.0,
        ts_stops(),
        tiny_skia::SpreadMode::Pad,
        tiny_skia::Transform::identity(),
    )
    .expect("valid");
    bench_gradient(c, "radial_gradient", ours, theirs);
}

/// A full-canvas translucent fill and 200 random circles under a circular clip of
/// radius 450 (the clip's mask is made once, outside the timing, in both).
fn clipped_fill(c: &mut Criterion) {
    let full =
        Path::rect(chiaro::draw::Rect::new(0.0, 0.0, SIZE as f32, SIZE as f32)).expect("rect");
    let clip_path = Path::circle(512.0, 512.0, 450.0).expect("circle");
    let mut rng = Rng::new(4);
    let mut list = vec![(full, Rgba8::new(200, 60, 30, 160))];
    for _ in 0..200 {
        let path = Path::circle(
            rng.range(0.0, SIZE as f32),
            rng.range(0.0, SIZE as f32),
            rng.range(8.0, 120.0),
        )
        .expect("finite");
        list.push((path, random_color(&mut rng)));
    }
    let shapes = Shapes::new(list);
    let mut canvas = Image::filled(SIZE, SIZE, PremulRgba8::new(255, 255, 255, 255));
    let mut pixmap = tiny_skia::Pixmap::new(SIZE, SIZE).expect("size");
    pixmap.fill(tiny_skia::Color::WHITE);
    let mut clips = ClipStack::new(SIZE, SIZE);
    clips.push_path(&clip_path, FillRule::NonZero, &Transform::IDENTITY);
    let mut mask = tiny_skia::Mask::new(SIZE, SIZE).expect("size");
    mask.fill_path(
        &ts_path(&clip_path),
        tiny_skia::FillRule::Winding,
        true,
        tiny_skia::Transform::identity(),
    );
    let mut renderer = Renderer::new();
    let options = FillOptions {
        clip: Some(clips.clip()),
        ..FillOptions::default()
    };
    let mut group = c.benchmark_group(format!("draw/clipped_fill/{SIZE}x{SIZE}"));
    group.sample_size(20);
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            let mut view = canvas.as_view_mut();
            for (path, paint) in &shapes.ours {
                renderer.fill_path(&mut view, path, paint, &options);
            }
            black_box(&canvas);
        })
    });
    group.bench_function("peer/tiny-skia", |b| {
        b.iter(|| {
            for (path, paint) in &shapes.theirs {
                pixmap.fill_path(
                    path,
                    paint,
                    tiny_skia::FillRule::Winding,
                    tiny_skia::Transform::identity(),
                    Some(&mask),
                );
            }
            black_box(&pixmap);
        })
    });
    group.finish();
}

/// Strokes `list` with `stroke` in both libraries, each path once per iteration.
fn bench_strokes(c: &mut Criterion, name: &str, list: &[(Path, Rgba8)], stroke: &Stroke) {
    bench_shapes(c, name, &Shapes::new(list.to_vec()), Some(stroke));
}

/// 500 random cubic Béziers across the canvas.
fn random_cubics() -> Vec<(Path, Rgba8)> {
    let mut rng = Rng::new(5);
    let s = SIZE as f32;
    (0..500)
        .map(|_| {
            let mut pb = PathBuilder::new();
            pb.move_to(rng.range(0.0, s), rng.range(0.0, s));
            pb.cubic_to(
                rng.range(0.0, s),
                rng.range(0.0, s),
                rng.range(0.0, s),
                rng.range(0.0, s),
                rng.range(0.0, s),
                rng.range(0.0, s),
            );
            (pb.finish().expect("finite"), random_color(&mut rng))
        })
        .collect()
}

/// 500 random cubics stroked 3 wide with round joins.
fn stroked_cubics(c: &mut Criterion) {
    let stroke = Stroke::new(3.0).with_join(LineJoin::Round);
    bench_strokes(c, "stroke_cubics_500_w3_round", &random_cubics(), &stroke);
}

/// The same cubics dashed 12 on, 6 off.
fn dashed_cubics(c: &mut Criterion) {
    let dash = Dash::new(&[12.0, 6.0], 0.0).expect("valid dash");
    let stroke = Stroke::new(3.0).with_join(LineJoin::Round).with_dash(dash);
    bench_strokes(
        c,
        "stroke_cubics_500_w3_round_dashed",
        &random_cubics(),
        &stroke,
    );
}

/// 10,000 hairline segments of random direction and length up to 80 px, in 100
/// paths of 100 segments each.
fn hairlines(c: &mut Criterion) {
    let mut rng = Rng::new(6);
    let s = SIZE as f32;
    let list: Vec<(Path, Rgba8)> = (0..100)
        .map(|_| {
            let mut pb = PathBuilder::new();
            for _ in 0..100 {
                let (x, y) = (rng.range(0.0, s), rng.range(0.0, s));
                pb.move_to(x, y);
                pb.line_to(x + rng.range(-40.0, 40.0), y + rng.range(-40.0, 40.0));
            }
            (pb.finish().expect("finite"), random_color(&mut rng))
        })
        .collect();
    bench_strokes(c, "stroke_hairlines_10000", &list, &Stroke::new(0.0));
}

criterion_group!(
    benches,
    stroked_cubics,
    dashed_cubics,
    hairlines,
    triangles,
    circles,
    complex_path,
    linear_gradient,
    radial_gradient,
    clipped_fill
);
criterion_main!(benches);
