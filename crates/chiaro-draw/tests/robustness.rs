//! Random paths with extreme and non-finite coordinates never panic, and the work a
//! fill does stays bounded: at most `MAX_PIECES` lines per curve (so time grows with
//! the number of segments, not with their coordinates), at most one span per 8-pixel
//! block plus one per gap in each row, and nothing outside the target. Random strokes
//! (extreme or invalid widths and miter limits, dash patterns with zeros, negative
//! or non-finite values) either draw or return an error, never panic, and their
//! outlines stay within a size bound.

use chiaro_draw::path::MAX_PIECES;
use chiaro_draw::raster::{RasterOptions, Rasterizer, SpanRecorder};
use chiaro_draw::stroke::MAX_DASHES;
use chiaro_draw::{
    Dash, FillOptions, FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Renderer, Stroke,
    StrokeError, Stroker, Transform,
};
use chiaro_pixel::{Image, PremulRgba8, Rect, Rgba8};
use proptest::prelude::*;

const SIDE: u32 = 256;

fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => -300.0f32..556.0,
        1 => prop::sample::select(vec![
            0.0, -0.0, 1e-30, -1e-30, 1e7, -1e7, 1e30, -1e30, 3.4e38, -3.4e38,
            f32::MAX, f32::MIN, f32::MIN_POSITIVE, f32::INFINITY, f32::NEG_INFINITY, f32::NAN,
        ]),
        1 => any::<f32>(),
    ]
}

#[derive(Debug, Clone)]
enum Cmd {
    Move(f32, f32),
    Line(f32, f32),
    Quad(f32, f32, f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

fn command() -> impl Strategy<Value = Cmd> {
    let c = coordinate;
    prop_oneof![
        (c(), c()).prop_map(|(x, y)| Cmd::Move(x, y)),
        (c(), c()).prop_map(|(x, y)| Cmd::Line(x, y)),
        (c(), c(), c(), c()).prop_map(|(a, b, x, y)| Cmd::Quad(a, b, x, y)),
        (c(), c(), c(), c(), c(), c()).prop_map(|(a, b, d, e, x, y)| Cmd::Cubic(a, b, d, e, x, y)),
        Just(Cmd::Close),
    ]
}

fn transform() -> impl Strategy<Value = Transform> {
    prop_oneof![
        3 => Just(Transform::IDENTITY),
        1 => (coordinate(), coordinate(), coordinate(), coordinate(), coordinate(), coordinate())
            .prop_map(|(a, b, c, d, e, f)| Transform::new(a, b, c, d, e, f)),
        1 => (-10.0f32..10.0, -10.0f32..10.0, -1.0f32..1.0)
            .prop_map(|(sx, sy, k)| Transform::scale(sx, sy).then(Transform::skew(k, 0.0))),
    ]
}

/// The path `cmds` describe, and whether all their coordinates were finite.
fn build(cmds: &[Cmd]) -> (Result<Path, chiaro_draw::path::PathError>, bool) {
    let mut pb = PathBuilder::new();
    let mut finite = true;
    for c in cmds {
        match *c {
            Cmd::Move(x, y) => {
                finite &= x.is_finite() && y.is_finite();
                pb.move_to(x, y)
            }
            Cmd::Line(x, y) => {
                finite &= x.is_finite() && y.is_finite();
                pb.line_to(x, y)
            }
            Cmd::Quad(a, b, x, y) => {
                finite &= [a, b, x, y].iter().all(|v| v.is_finite());
                pb.quad_to(a, b, x, y)
            }
            Cmd::Cubic(a, b, d, e, x, y) => {
                finite &= [a, b, d, e, x, y].iter().all(|v| v.is_finite());
                pb.cubic_to(a, b, d, e, x, y)
            }
            Cmd::Close => pb.close(),
        };
    }
    (pb.finish(), finite)
}

fn length() -> impl Strategy<Value = f32> {
    prop_oneof![
        6 => 0.0f32..40.0,
        1 => prop::sample::select(vec![
            0.0, -0.0, -1.0, 1e-30, 1e-6, 1e7, 1e30, f32::MAX, f32::INFINITY, f32::NAN,
        ]),
    ]
}

fn stroke() -> impl Strategy<Value = (Stroke, Option<(Vec<f32>, f32)>)> {
    let join = prop::sample::select(vec![LineJoin::Miter, LineJoin::Round, LineJoin::Bevel]);
    let cap = prop::sample::select(vec![LineCap::Butt, LineCap::Round, LineCap::Square]);
    let limit = prop_oneof![4 => 1.0f32..20.0, 1 => length()];
    let dash = prop::option::of((prop::collection::vec(length(), 0..5), length()));
    (length(), join, cap, limit, dash).prop_map(|(width, join, cap, miter_limit, dash)| {
        let stroke = Stroke {
            width,
            join,
            miter_limit,
            cap,
            dash: None,
        };
        (stroke, dash)
    })
}

proptest! {
    // Fewer cases than for fills: a huge width turns each of up to 4096 pieces of a
    // curve into a round join of up to 512 points, which a debug build takes a while
    // to fill.
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn random_strokes_draw_or_fail_cleanly(
        cmds in prop::collection::vec(command(), 0..10),
        t in transform(),
        (mut stroke, dash) in stroke(),
        anti_alias in any::<bool>(),
    ) {
        let Ok(path) = build(&cmds).0 else { return Ok(()) };
        if let Some((intervals, offset)) = &dash {
            let valid = !intervals.is_empty()
                && intervals.iter().all(|v| v.is_finite() && *v >= 0.0)
                && offset.is_finite()
                && intervals.iter().sum::<f32>() > 0.0
                && intervals.iter().map(|&v| f64::from(v)).sum::<f64>() * 2.0 < f64::from(f32::MAX);
            match Dash::new(intervals, *offset) {
                Ok(d) => stroke.dash = Some(d),
                Err(e) => {
                    prop_assert!(matches!(e, StrokeError::Dash(_)));
                    prop_assert!(!valid, "a valid pattern was refused: {intervals:?} {offset}");
                    return Ok(());
                }
            }
        }
        let valid = stroke.width >= 0.0
            && stroke.width.is_finite()
            && stroke.miter_limit >= 1.0
            && stroke.miter_limit.is_finite();
        match Stroker::new().outline(&path, &stroke, 0.1) {
            Ok(outline) => {
                prop_assert!(valid);
                // Every point is finite (a `Path` guarantees it) and the outline's
                // size is bounded by the input's: per flattened vertex, a few points
                // and at most one arc of 1024 pieces.
                prop_assert!(outline.points().iter().all(|p| p.is_finite()));
                let pieces = path.segments().count() * (MAX_PIECES as usize + 1) + 1;
                let vertices = match stroke.dash {
                    Some(_) => pieces + 2 * MAX_DASHES,
                    None => pieces,
                };
                prop_assert!(outline.points().len() <= 2 * vertices * (4 + 1024));
            }
            Err(StrokeError::Width(_) | StrokeError::MiterLimit(_)) => prop_assert!(!valid),
            Err(StrokeError::TooManyDashes) => prop_assert!(stroke.dash.is_some()),
            Err(StrokeError::OutOfRange) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
        let mut canvas = Image::filled(96, 96, PremulRgba8::new(255, 255, 255, 255));
        let paint = Paint::solid(Rgba8::new(10, 10, 200, 200));
        let options = FillOptions { transform: t, anti_alias, ..FillOptions::default() };
        let drawn = Renderer::new().stroke_path(&mut canvas.as_view_mut(), &path, &stroke, &paint, &options);
        if !valid {
            prop_assert!(drawn.is_err());
        }
        prop_assert!(canvas.pixels().all(|p| p.r <= p.a && p.g <= p.a && p.b <= p.a));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_fills_never_panic_and_stay_bounded(
        cmds in prop::collection::vec(command(), 0..24),
        t in transform(),
        even_odd in any::<bool>(),
        anti_alias in any::<bool>(),
    ) {
        let (path, finite) = build(&cmds);
        let path = match path {
            Ok(p) => p,
            Err(_) => {
                prop_assert!(!finite, "a finite path was rejected");
                return Ok(());
            }
        };
        let rule = if even_odd { FillRule::EvenOdd } else { FillRule::NonZero };
        let options = RasterOptions { rule, transform: t, anti_alias, ..RasterOptions::default() };
        let mut rec = SpanRecorder::new();
        Rasterizer::new().fill(&path, &options, Rect::from_size(SIDE, SIDE), &mut rec);
        // Spans: inside the target, never overlapping, a bounded number per row.
        let grid = rec.to_grid(SIDE, SIDE);
        prop_assert!(grid.is_ok(), "a pixel was covered twice");
        let mut per_row = vec![0usize; SIDE as usize];
        for (x, y, cov) in &rec.spans {
            prop_assert!(*y < SIDE && (*x as usize + cov.len()) <= SIDE as usize);
            per_row[*y as usize] += 1;
        }
        prop_assert!(per_row.iter().all(|&n| n <= 2 * (SIDE as usize / 8) + 2));
        // The same through the full pipeline with a gradient.
        let mut canvas = Image::filled(SIDE, SIDE, PremulRgba8::new(255, 255, 255, 255));
        let paint = Paint::solid(Rgba8::new(200, 10, 10, 180));
        let fill = FillOptions { rule, transform: t, anti_alias, ..FillOptions::default() };
        Renderer::new().fill_path(&mut canvas.as_view_mut(), &path, &paint, &fill);
        prop_assert!(canvas.pixels().all(|p| p.r <= p.a && p.g <= p.a && p.b <= p.a));
    }
}

#[test]
fn curve_work_is_capped_per_segment() {
    // A cubic whose control points are 1e38 away would need ~1e19 lines for 0.1 px;
    // it gets MAX_PIECES at most, and the fill completes.
    let mut pb = PathBuilder::new();
    pb.move_to(10.0, 10.0)
        .cubic_to(1e38, -1e38, -1e38, 1e38, 200.0, 200.0)
        .close();
    let path = pb.finish().unwrap();
    let flat = path.flatten(0.1);
    assert!(
        flat.points.len() <= 2 + MAX_PIECES as usize,
        "{}",
        flat.points.len()
    );
    let mut canvas = Image::filled(SIDE, SIDE, PremulRgba8::TRANSPARENT);
    Renderer::new().fill_path(
        &mut canvas.as_view_mut(),
        &path,
        &Paint::solid(Rgba8::BLACK),
        &FillOptions::default(),
    );
}
