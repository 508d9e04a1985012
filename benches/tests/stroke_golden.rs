//! Golden scenes for strokes, dashes and clips (chiaro-draw part 2), rendered by
//! chiaro and by tiny-skia from one description and compared within the tolerance
//! of part 1 (see `golden/mod.rs`). One test per scene.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test scenes: small images, coordinates and colour bytes"
)]

mod golden;

use chiaro::draw::geom::Rect;
use chiaro::draw::paint::{Filter, SpreadMode};
use chiaro::draw::{
    Dash, FillRule, LineCap, LineJoin, Path, PathBuilder, Point, Stroke, Transform,
};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};
use golden::{PaintSpec, Scene, Shape, check};

fn solid(r: u8, g: u8, b: u8, a: u8) -> PaintSpec {
    PaintSpec::Solid(Rgba8::new(r, g, b, a))
}

fn star(cx: f32, cy: f32, r: f32) -> Path {
    let pts: Vec<Point> = (0..5)
        .map(|i| {
            let a = std::f32::consts::TAU * (i as f32 * 2.0) / 5.0 - std::f32::consts::FRAC_PI_2;
            Point::new(cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    Path::polygon(&pts).unwrap()
}

fn rainbow() -> Vec<(f32, Rgba8)> {
    vec![
        (0.0, Rgba8::new(230, 30, 40, 255)),
        (0.35, Rgba8::new(250, 210, 20, 255)),
        (0.7, Rgba8::new(20, 160, 90, 255)),
        (1.0, Rgba8::new(30, 60, 220, 255)),
    ]
}

fn full(w: f32, h: f32) -> Path {
    Path::rect(Rect::new(0.0, 0.0, w, h)).unwrap()
}

macro_rules! scene {
    ($name:ident, $w:expr, $h:expr, |$s:ident| $body:expr) => {
        #[test]
        fn $name() {
            let $s = Scene::new(stringify!($name), $w, $h);
            let report = check($body);
            println!("{}: {report:?}", stringify!($name));
        }
    };
}

fn polyline(points: &[(f32, f32)]) -> Path {
    let mut pb = PathBuilder::new();
    pb.move_to(points[0].0, points[0].1);
    for &(x, y) in &points[1..] {
        pb.line_to(x, y);
    }
    pb.finish().unwrap()
}

fn zigzag(x0: f32, y0: f32) -> Path {
    polyline(&[
        (x0, y0 + 40.0),
        (x0 + 25.0, y0),
        (x0 + 45.0, y0 + 50.0),
        (x0 + 70.0, y0 + 8.0),
        (x0 + 100.0, y0 + 44.0),
    ])
}

fn svg(d: &str) -> Path {
    Path::from_svg(d).unwrap()
}

fn stroked(path: Path, paint: PaintSpec, stroke: Stroke) -> Shape {
    Shape::new(path, paint).stroke(stroke)
}

fn dash(intervals: &[f32], offset: f32) -> Dash {
    Dash::new(intervals, offset).unwrap()
}

const INK: (u8, u8, u8, u8) = (30, 40, 90, 255);

fn ink() -> PaintSpec {
    solid(INK.0, INK.1, INK.2, INK.3)
}

// --- Joins, caps, miter limit -------------------------------------------------------

scene!(stroke_join_miter, 128, 80, |s| s.shape(stroked(
    zigzag(12.3, 14.6),
    ink(),
    Stroke::new(11.0).with_join(LineJoin::Miter)
)));

scene!(stroke_join_round, 128, 80, |s| s.shape(stroked(
    zigzag(12.3, 14.6),
    ink(),
    Stroke::new(11.0).with_join(LineJoin::Round)
)));

scene!(stroke_join_bevel, 128, 80, |s| s.shape(stroked(
    zigzag(12.3, 14.6),
    ink(),
    Stroke::new(11.0).with_join(LineJoin::Bevel)
)));

scene!(stroke_cap_butt, 112, 64, |s| s
    .shape(stroked(
        polyline(&[(20.5, 20.2), (90.0, 20.2)]),
        ink(),
        Stroke::new(14.0)
    ))
    .shape(stroked(
        polyline(&[(25.3, 50.0), (85.6, 36.1)]),
        solid(200, 40, 40, 255),
        Stroke::new(7.5)
    )));

scene!(stroke_cap_round, 112, 64, |s| s
    .shape(stroked(
        polyline(&[(20.5, 20.2), (90.0, 20.2)]),
        ink(),
        Stroke::new(14.0).with_cap(LineCap::Round)
    ))
    .shape(stroked(
        polyline(&[(25.3, 50.0), (85.6, 36.1)]),
        solid(200, 40, 40, 255),
        Stroke::new(7.5).with_cap(LineCap::Round)
    )));

scene!(stroke_cap_square, 112, 64, |s| s
    .shape(stroked(
        polyline(&[(20.5, 20.2), (90.0, 20.2)]),
        ink(),
        Stroke::new(14.0).with_cap(LineCap::Square)
    ))
    .shape(stroked(
        polyline(&[(25.3, 50.0), (85.6, 36.1)]),
        solid(200, 40, 40, 255),
        Stroke::new(7.5).with_cap(LineCap::Square)
    )));

scene!(stroke_miter_limit_fallback, 160, 96, |s| {
    // Corners of 12°, 25°, 40° and 70°: with the default limit of 4 (a corner of
    // about 29°) the first two are bevelled, the others mitred; with a limit of 12
    // all four are mitred.
    let corner = |x: f32, y: f32, deg: f32| {
        let a = deg.to_radians();
        polyline(&[
            (x + 30.0, y),
            (x, y),
            (x + 30.0 * a.cos(), y - 30.0 * a.sin()),
        ])
    };
    let mut s = s;
    for (i, deg) in [12.0, 25.0, 40.0, 70.0].into_iter().enumerate() {
        let x = 20.0 + 36.0 * i as f32;
        s = s
            .shape(stroked(corner(x, 40.0, deg), ink(), Stroke::new(4.0)))
            .shape(stroked(
                corner(x, 88.0, deg),
                solid(160, 30, 60, 255),
                Stroke::new(4.0).with_miter_limit(12.0),
            ));
    }
    s
});

scene!(stroke_closed_star, 128, 128, |s| s.shape(stroked(
    star(64.2, 66.4, 52.0),
    solid(20, 110, 60, 200),
    Stroke::new(7.0)
)));

// --- Curves, cusps, degenerate input -----------------------------------------------

scene!(stroke_cubics_round, 160, 120, |s| s
    .shape(stroked(
        svg("M 12 100 C 40 -20 90 160 150 20"),
        ink(),
        Stroke::new(6.0)
            .with_join(LineJoin::Round)
            .with_cap(LineCap::Round)
    ))
    .shape(stroked(
        svg("M 20 20 C 140 20 20 110 140 110 S 40 60 30 110"),
        solid(220, 90, 20, 180),
        Stroke::new(9.0)
            .with_join(LineJoin::Round)
            .with_cap(LineCap::Butt)
    )));

scene!(stroke_quads_square_caps, 128, 96, |s| s.shape(stroked(
    svg("M 10 80 Q 40 5 64 60 T 118 30"),
    ink(),
    Stroke::new(8.0)
        .with_cap(LineCap::Square)
        .with_join(LineJoin::Bevel)
)));

scene!(stroke_thick_circle, 128, 128, |s| s.shape(stroked(
    Path::circle(63.7, 64.2, 40.0).unwrap(),
    solid(130, 20, 160, 255),
    Stroke::new(22.0)
)));

scene!(stroke_tight_curve, 128, 128, |s| s.shape(stroked(
    // A loop much tighter than the stroke is wide.
    svg("M 20 100 C 120 0 10 0 100 100"),
    solid(20, 80, 160, 220),
    Stroke::new(26.0).with_join(LineJoin::Miter)
)));

scene!(stroke_cusp, 128, 96, |s| s
    .shape(stroked(
        // Control points crossed over: a cusp at the middle of the curve.
        svg("M 14 60 C 110 20 18 20 114 60"),
        ink(),
        Stroke::new(10.0)
    ))
    .shape(stroked(
        svg("M 20 88 C 108 72 20 72 108 88"),
        solid(200, 50, 50, 255),
        Stroke::new(5.0).with_cap(LineCap::Round)
    )));

scene!(stroke_degenerate_segments, 128, 96, |s| {
    // Repeated points inside polylines, zero-length subpaths (dots with round and
    // square caps, nothing with butt), a curve whose control points coincide with
    // its ends.
    let mut pb = PathBuilder::new();
    pb.move_to(10.0, 20.0)
        .line_to(40.0, 20.0)
        .line_to(40.0, 20.0)
        .line_to(60.0, 40.0)
        .line_to(60.0, 40.0)
        .line_to(60.0, 40.0)
        .line_to(90.0, 12.0);
    pb.move_to(100.0, 60.0)
        .cubic_to(100.0, 60.0, 120.0, 80.0, 120.0, 80.0);
    let mut dots = PathBuilder::new();
    dots.move_to(20.3, 70.6).line_to(20.3, 70.6);
    dots.move_to(50.0, 70.0).line_to(50.0, 70.0);
    s.shape(stroked(
        pb.finish().unwrap(),
        ink(),
        Stroke::new(6.0)
            .with_cap(LineCap::Round)
            .with_join(LineJoin::Round),
    ))
    .shape(stroked(
        dots.finish().unwrap(),
        solid(200, 40, 40, 255),
        Stroke::new(12.0).with_cap(LineCap::Round),
    ))
    .shape(stroked(
        polyline(&[(80.0, 72.0), (80.0, 72.0)]),
        solid(40, 150, 40, 255),
        Stroke::new(12.0).with_cap(LineCap::Square),
    ))
    .shape(stroked(
        polyline(&[(100.0, 30.0), (100.0, 30.0)]),
        solid(40, 150, 40, 255),
        Stroke::new(12.0),
    ))
});

scene!(stroke_self_overlap_translucent, 128, 128, |s| s.shape(
    stroked(
        // Crossing itself, drawn half transparent: overlaps are covered once.
        svg("M 10 20 L 118 100 L 118 20 L 10 100 Z M 64 10 C 0 60 128 60 64 118"),
        solid(200, 20, 60, 128),
        Stroke::new(12.0).with_join(LineJoin::Round)
    )
));

scene!(stroke_very_wide, 128, 128, |s| s.shape(stroked(
    polyline(&[(20.0, 30.0), (100.0, 40.0), (40.0, 100.0)]),
    solid(20, 120, 140, 255),
    Stroke::new(40.0)
        .with_join(LineJoin::Round)
        .with_cap(LineCap::Round)
)));

// --- Hairlines ----------------------------------------------------------------------

scene!(stroke_hairline_axis_aligned, 96, 96, |s| s
    .shape(stroked(
        Path::rect(Rect::new(10.5, 10.5, 85.5, 50.5)).unwrap(),
        ink(),
        Stroke::new(0.0)
    ))
    .shape(stroked(
        polyline(&[(10.0, 60.25), (85.0, 60.25)]),
        ink(),
        Stroke::new(0.0)
    ))
    .shape(stroked(
        polyline(&[(20.75, 65.0), (20.75, 90.0)]),
        solid(200, 20, 20, 255),
        Stroke::new(0.0)
    )));

scene!(stroke_hairline_thin_widths, 128, 96, |s| {
    let mut s = s;
    for (i, w) in [0.25f32, 0.5, 0.75, 1.0].into_iter().enumerate() {
        let y = 12.0 + 22.0 * i as f32;
        s = s.shape(stroked(
            polyline(&[(8.0, y + 0.3), (60.0, y + 8.0), (120.0, y + 3.0)]),
            ink(),
            Stroke::new(w),
        ));
    }
    s
});

scene!(stroke_hairline_curves, 128, 128, |s| s
    .shape(stroked(
        Path::circle(64.0, 64.0, 50.0).unwrap(),
        ink(),
        Stroke::new(0.6)
    ))
    .shape(stroked(
        svg("M 10 110 C 40 10 90 10 118 110"),
        solid(180, 30, 30, 255),
        Stroke::new(0.4)
    ))
    .shape(
        // 0.5 wide scaled by 1.5: 0.75 px in device space, still a hairline.
        stroked(
            Path::ellipse(42.0, 42.0, 20.0, 12.0).unwrap(),
            solid(20, 140, 60, 255),
            Stroke::new(0.5)
        )
        .transform(Transform::scale(1.5, 1.5))
    ));

// --- Dashes ---------------------------------------------------------------------------

scene!(stroke_dash_lines_offsets, 128, 96, |s| {
    let mut s = s;
    for (i, offset) in [0.0f32, 3.5, 11.0, -6.25].into_iter().enumerate() {
        let y = 14.0 + 22.0 * i as f32;
        s = s.shape(stroked(
            polyline(&[(8.3, y), (120.0, y + 6.0)]),
            ink(),
            Stroke::new(5.0).with_dash(dash(&[12.0, 6.0, 3.0, 6.0], offset)),
        ));
    }
    s
});

scene!(stroke_dash_curves, 128, 128, |s| s
    .shape(stroked(
        Path::circle(64.0, 64.0, 48.0).unwrap(),
        ink(),
        Stroke::new(6.0).with_dash(dash(&[14.0, 7.0], 4.0))
    ))
    .shape(stroked(
        svg("M 16 100 C 40 60 90 120 112 40"),
        solid(200, 60, 20, 255),
        Stroke::new(4.0)
            .with_cap(LineCap::Round)
            .with_dash(dash(&[9.0, 6.0], 0.0))
    )));

scene!(stroke_dash_across_corners, 128, 96, |s| s.shape(stroked(
    zigzag(14.0, 20.0),
    ink(),
    Stroke::new(7.0)
        .with_join(LineJoin::Round)
        .with_cap(LineCap::Square)
        .with_dash(dash(&[30.0, 8.0], 10.0))
)));

scene!(stroke_dash_closed_seam, 112, 112, |s| s.shape(stroked(
    // Perimeter 320; the first dash starts 20 into the pattern, so the last dash
    // runs through the start corner into it.
    Path::rect(Rect::new(16.0, 16.0, 96.0, 96.0)).unwrap(),
    solid(40, 120, 60, 255),
    Stroke::new(8.0).with_dash(dash(&[50.0, 10.0], 20.0))
)));

scene!(stroke_dash_dots, 128, 48, |s| s.shape(stroked(
    polyline(&[(10.0, 24.0), (118.0, 24.0)]),
    ink(),
    Stroke::new(8.0)
        .with_cap(LineCap::Round)
        .with_dash(dash(&[0.0, 14.0], 0.0))
)));

// --- Transforms -----------------------------------------------------------------------

scene!(stroke_under_skew, 128, 128, |s| s.shape(
    stroked(
        star(50.0, 64.0, 40.0),
        ink(),
        Stroke::new(6.0).with_join(LineJoin::Round)
    )
    .transform(Transform::skew_x(0.45).then_translate(-10.0, 0.0))
));

scene!(stroke_non_uniform_scale, 128, 128, |s| s
    .shape(
        // Width 4 scaled 3× across: 12 px at the left and right, 4 at top and bottom.
        stroked(
            Path::circle(0.0, 0.0, 16.0).unwrap(),
            solid(150, 40, 140, 255),
            Stroke::new(4.0)
        )
        .transform(Transform::scale(3.0, 1.0).then_translate(64.0, 40.0))
    )
    .shape(
        stroked(zigzag(0.0, 0.0), ink(), Stroke::new(3.0))
            .transform(Transform::scale(1.1, 0.5).then_translate(8.0, 80.0))
    ));

scene!(stroke_rotated_dashes, 128, 128, |s| s.shape(
    stroked(
        Path::rect(Rect::new(-40.0, -25.0, 40.0, 25.0)).unwrap(),
        ink(),
        Stroke::new(5.0).with_dash(dash(&[16.0, 5.0], 2.0))
    )
    .transform(
        Transform::rotate(0.6)
            .then_scale(1.2, 1.0)
            .then_translate(64.0, 64.0)
    )
));

// --- Strokes under clips --------------------------------------------------------------

scene!(stroke_clipped_gradient, 128, 128, |s| s
    .clip(
        Path::circle(64.0, 64.0, 50.0).unwrap(),
        FillRule::NonZero,
        Transform::IDENTITY
    )
    .shape(stroked(
        zigzag(10.0, 30.0),
        PaintSpec::Linear {
            start: Point::new(0.0, 0.0),
            end: Point::new(128.0, 128.0),
            stops: rainbow(),
            spread: SpreadMode::Pad
        },
        Stroke::new(18.0).with_join(LineJoin::Round)
    )));

scene!(stroke_clipped_pattern_nested, 128, 128, |s| s
    .clip(
        star(64.0, 64.0, 62.0),
        FillRule::NonZero,
        Transform::IDENTITY
    )
    .clip_rect(Rect::new(8.0, 20.0, 120.0, 108.0), Transform::IDENTITY)
    .shape(
        stroked(
            Path::circle(64.0, 64.0, 36.0).unwrap(),
            PaintSpec::Pattern {
                image: Image::from_fn(8, 8, |x, y| {
                    if (x + y) % 4 < 2 {
                        PremulRgba8::new(220, 60, 30, 255)
                    } else {
                        PremulRgba8::new(30, 30, 120, 255)
                    }
                }),
                spread: SpreadMode::Repeat,
                filter: Filter::Nearest
            },
            Stroke::new(30.0)
        )
        .paint_transform(Transform::scale(2.0, 2.0))
    ));

// --- Clips ------------------------------------------------------------------------

scene!(clip_circle_gradient, 128, 128, |s| s
    .clip(
        Path::circle(60.3, 66.8, 47.5).unwrap(),
        FillRule::NonZero,
        Transform::IDENTITY
    )
    .shape(Shape::new(
        full(128.0, 128.0),
        PaintSpec::Linear {
            start: Point::new(10.0, 0.0),
            end: Point::new(118.0, 30.0),
            stops: rainbow(),
            spread: SpreadMode::Reflect
        }
    )));

scene!(clip_nested, 128, 128, |s| s
    .clip(
        Path::circle(64.0, 64.0, 56.0).unwrap(),
        FillRule::NonZero,
        Transform::IDENTITY
    )
    .clip(
        Path::rect(Rect::new(-40.0, -25.0, 40.0, 25.0)).unwrap(),
        FillRule::NonZero,
        Transform::rotate(0.5).then_translate(64.0, 64.0)
    )
    .clip(
        star(64.0, 66.0, 60.0),
        FillRule::EvenOdd,
        Transform::IDENTITY
    )
    .shape(Shape::new(full(128.0, 128.0), solid(20, 40, 160, 255)))
    .shape(Shape::new(
        Path::circle(80.0, 50.0, 30.0).unwrap(),
        solid(250, 120, 0, 160)
    )));

scene!(clip_pixel_rect_fast_path, 96, 96, |s| s
    .clip_rect(Rect::new(10.0, 20.0, 70.0, 80.0), Transform::IDENTITY)
    .clip_rect(Rect::new(5.0, 5.0, 40.0, 40.0), Transform::scale(2.0, 2.0))
    .shape(Shape::new(
        Path::circle(48.0, 48.0, 45.0).unwrap(),
        solid(200, 30, 90, 255)
    )));

scene!(clip_fractional_rect, 96, 96, |s| s
    .clip_rect(Rect::new(10.3, 20.6, 70.25, 80.75), Transform::IDENTITY)
    .shape(Shape::new(full(96.0, 96.0), solid(10, 130, 70, 255))));

scene!(clip_image_pattern, 128, 128, |s| s
    .clip(
        Path::ellipse(64.0, 64.0, 58.0, 34.0).unwrap(),
        FillRule::NonZero,
        Transform::rotate_about(0.4, Point::new(64.0, 64.0))
    )
    .shape(
        Shape::new(
            full(128.0, 128.0),
            PaintSpec::Pattern {
                image: Image::from_fn(16, 16, |x, y| {
                    if (x / 4 + y / 4) % 2 == 0 {
                        PremulRgba8::new((x * 15) as u8, 40, 200, 255)
                    } else {
                        PremulRgba8::new(250, 240, 230, 255)
                    }
                }),
                spread: SpreadMode::Repeat,
                filter: Filter::Bilinear
            }
        )
        .paint_transform(Transform::scale(3.0, 3.0))
    ));

scene!(clip_evenodd_radial, 128, 128, |s| s
    .clip(
        star(64.0, 64.0, 60.0),
        FillRule::EvenOdd,
        Transform::IDENTITY
    )
    .shape(Shape::new(
        full(128.0, 128.0),
        PaintSpec::Radial {
            start: Point::new(64.0, 64.0),
            start_radius: 0.0,
            end: Point::new(64.0, 64.0),
            end_radius: 40.0,
            stops: rainbow(),
            spread: SpreadMode::Repeat
        }
    )));
