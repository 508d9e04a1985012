//! Golden scenes for filling (chiaro-draw part 1), each rendered by chiaro and by
//! tiny-skia from one description and compared within the tolerance stated in
//! `golden/mod.rs`. One test per scene, so a failure names it.
//!
//! Intentional differences from tiny-skia, and how the scenes avoid them:
//! - chiaro interpolates gradient colours premultiplied (CSS), tiny-skia straight
//!   then premultiplies; they agree when every stop is opaque, which every gradient
//!   here is (premultiplied mixing is tested in chiaro-draw's unit tests).
//! - chiaro can interpolate in linear light or Oklab; tiny-skia's default mixes
//!   encoded values, which is `Interpolation::Srgb`, used here.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test scenes: small images, coordinates and colour bytes"
)]

mod golden;

use chiaro::draw::geom::Rect;
use chiaro::draw::paint::{Filter, SpreadMode};
use chiaro::draw::path::CornerRadii;
use chiaro::draw::{BlendMode, FillRule, Path, PathBuilder, Point, Transform, Vec2};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};
use golden::{PaintSpec, Scene, Shape, check};

fn solid(r: u8, g: u8, b: u8, a: u8) -> PaintSpec {
    PaintSpec::Solid(Rgba8::new(r, g, b, a))
}

fn poly(points: &[(f32, f32)]) -> Path {
    let pts: Vec<Point> = points.iter().map(|&(x, y)| Point::new(x, y)).collect();
    Path::polygon(&pts).unwrap()
}

fn star(cx: f32, cy: f32, r: f32) -> Path {
    let pts: Vec<(f32, f32)> = (0..5)
        .map(|i| {
            let a = std::f32::consts::TAU * (i as f32 * 2.0) / 5.0 - std::f32::consts::FRAC_PI_2;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    poly(&pts)
}

fn rainbow() -> Vec<(f32, Rgba8)> {
    vec![
        (0.0, Rgba8::new(230, 30, 40, 255)),
        (0.35, Rgba8::new(250, 210, 20, 255)),
        (0.7, Rgba8::new(20, 160, 90, 255)),
        (1.0, Rgba8::new(30, 60, 220, 255)),
    ]
}

fn checker(size: u32, cell: u32) -> Image<PremulRgba8> {
    Image::from_fn(size, size, |x, y| {
        let on = ((x / cell) + (y / cell)).is_multiple_of(2);
        let t = (x * 255 / size.max(1)) as u8;
        if on {
            PremulRgba8::new(t, 40, 255 - t, 255)
        } else {
            PremulRgba8::new(250, 250, 240, 255)
        }
    })
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

// --- Primitives -------------------------------------------------------------------

scene!(rect_fractional, 64, 64, |s| s.shape(Shape::new(
    Path::rect(Rect::new(10.3, 7.6, 50.8, 41.25)).unwrap(),
    solid(200, 30, 60, 255)
)));

scene!(rect_pixel_aligned, 64, 64, |s| s.shape(Shape::new(
    Path::rect(Rect::new(8.0, 8.0, 40.0, 56.0)).unwrap(),
    solid(20, 90, 200, 255)
)));

scene!(triangle, 128, 128, |s| s.shape(Shape::new(
    poly(&[(12.3, 10.9), (118.2, 40.5), (50.7, 120.1)]),
    solid(10, 120, 60, 255)
)));

scene!(concave_polygon, 128, 128, |s| s.shape(Shape::new(
    poly(&[
        (10.0, 10.0),
        (118.0, 20.0),
        (64.0, 60.0),
        (110.0, 118.0),
        (20.0, 100.0),
        (40.0, 60.0)
    ]),
    solid(120, 40, 160, 255)
)));

scene!(circle_large, 200, 200, |s| s.shape(Shape::new(
    Path::circle(100.3, 99.6, 87.4).unwrap(),
    solid(230, 120, 20, 255)
)));

scene!(circle_tiny, 32, 32, |s| s
    .shape(Shape::new(
        Path::circle(8.5, 8.5, 0.7).unwrap(),
        solid(0, 0, 0, 255)
    ))
    .shape(Shape::new(
        Path::circle(20.2, 12.7, 2.1).unwrap(),
        solid(0, 0, 0, 255)
    ))
    .shape(Shape::new(
        Path::circle(14.0, 24.0, 4.5).unwrap(),
        solid(0, 0, 0, 255)
    )));

scene!(ellipse_rotated, 160, 120, |s| s.shape(
    Shape::new(
        Path::ellipse(0.0, 0.0, 60.0, 25.0).unwrap(),
        solid(40, 100, 180, 255)
    )
    .transform(Transform::rotate(0.6).then_translate(80.0, 60.0))
));

scene!(rounded_rect, 160, 120, |s| s.shape(Shape::new(
    Path::rounded_rect(
        Rect::new(12.5, 10.5, 147.5, 108.5),
        CornerRadii {
            top_left: Vec2::new(30.0, 30.0),
            top_right: Vec2::new(10.0, 20.0),
            bottom_right: Vec2::new(45.0, 15.0),
            bottom_left: Vec2::new(0.0, 0.0),
        },
    )
    .unwrap(),
    solid(60, 60, 60, 255)
)));

scene!(quadratic_curves, 128, 128, |s| s.shape(Shape::new(
    {
        let mut pb = PathBuilder::new();
        pb.move_to(10.0, 110.0)
            .quad_to(64.0, -40.0, 118.0, 110.0)
            .quad_to(64.0, 60.0, 10.0, 110.0)
            .close();
        pb.finish().unwrap()
    },
    solid(180, 20, 120, 255)
)));

scene!(cubic_self_intersecting, 128, 128, |s| s.shape(Shape::new(
    {
        let mut pb = PathBuilder::new();
        pb.move_to(10.0, 64.0)
            .cubic_to(40.0, -30.0, 140.0, 150.0, 118.0, 64.0)
            .cubic_to(90.0, -20.0, -10.0, 160.0, 10.0, 64.0)
            .close();
        pb.finish().unwrap()
    },
    solid(20, 140, 160, 255)
)));

scene!(svg_heart, 128, 128, |s| {
    s.shape(Shape::new(
    Path::from_svg("M64 112 C 20 80 4 52 18 30 C 30 10 56 14 64 34 C 72 14 98 10 110 30 C 124 52 108 80 64 112 Z")
        .unwrap(),
    solid(210, 20, 50, 255)
))
});

scene!(arcs, 128, 128, |s| s.shape(Shape::new(
    Path::from_svg("M20 100 A 40 40 0 0 1 100 100 A 30 50 30 1 0 60 30 Z").unwrap(),
    solid(90, 50, 10, 255)
)));

// --- Fill rules and overlaps ------------------------------------------------------

scene!(star_nonzero, 128, 128, |s| s.shape(Shape::new(
    star(64.0, 66.0, 58.0),
    solid(240, 180, 0, 255)
)));

scene!(star_evenodd, 128, 128, |s| s.shape(
    Shape::new(star(64.0, 66.0, 58.0), solid(240, 180, 0, 255)).rule(FillRule::EvenOdd)
));

// Every edge at a fractional position: tiny-skia quantizes such edges to its
// supersampling grid (up to 26/255 here), chiaro's coverage is the exact area.
scene!(nested_squares_evenodd, 160, 160, |s| s.shape(
    Shape::new(
        {
            let mut pb = PathBuilder::new();
            for i in 0..4 {
                let o = 10.0 + i as f32 * 16.3;
                pb.push_rect(Rect::new(o, o, 160.0 - o, 160.0 - o));
            }
            pb.finish().unwrap()
        },
        solid(0, 0, 128, 255)
    )
    .rule(FillRule::EvenOdd)
));

scene!(translucent_overlaps, 128, 128, |s| s
    .shape(Shape::new(
        Path::circle(48.0, 50.0, 36.0).unwrap(),
        solid(255, 0, 0, 128)
    ))
    .shape(Shape::new(
        Path::circle(80.0, 50.0, 36.0).unwrap(),
        solid(0, 200, 0, 128)
    ))
    .shape(Shape::new(
        Path::circle(64.0, 80.0, 36.0).unwrap(),
        solid(0, 0, 255, 128)
    )));

// --- Transforms -------------------------------------------------------------------

scene!(transform_skew, 160, 128, |s| s.shape(
    Shape::new(
        Path::rect(Rect::new(0.0, 0.0, 80.0, 80.0)).unwrap(),
        solid(100, 30, 200, 255)
    )
    .transform(Transform::skew(0.5, 0.2).then_translate(20.0, 10.0))
));

scene!(transform_nonuniform_scale, 160, 128, |s| s.shape(
    Shape::new(star(0.0, 0.0, 1.0), solid(30, 30, 30, 255))
        .transform(Transform::scale(70.0, 50.0).then_translate(80.0, 64.0))
));

// --- Edges, sizes, robustness -----------------------------------------------------

scene!(crossing_target_edges, 100, 80, |s| s
    .shape(Shape::new(
        Path::circle(0.0, 0.0, 30.5).unwrap(),
        solid(200, 0, 0, 255)
    ))
    .shape(Shape::new(
        Path::circle(100.0, 80.0, 30.5).unwrap(),
        solid(0, 0, 200, 255)
    ))
    .shape(Shape::new(
        poly(&[(-20.0, 60.0), (50.0, 40.0), (120.0, 95.0)]),
        solid(0, 150, 0, 255)
    ))
    .shape(Shape::new(
        Path::rect(Rect::new(60.5, -10.0, 110.0, 20.25)).unwrap(),
        solid(90, 90, 0, 255)
    )));

scene!(huge_shapes, 64, 64, |s| s
    .shape(Shape::new(
        poly(&[(-1e6, -1e6), (1e6, -1e6), (32.5, 1e6)]),
        solid(0, 100, 200, 255)
    ))
    .shape(Shape::new(
        Path::circle(32.0, -99_950.0, 100_000.0).unwrap(),
        solid(200, 50, 0, 255)
    )));

scene!(thin_slivers, 64, 64, |s| s
    .shape(Shape::new(
        Path::rect(Rect::new(5.2, 2.0, 5.5, 60.0)).unwrap(),
        solid(0, 0, 0, 255)
    ))
    .shape(Shape::new(
        poly(&[(10.0, 10.0), (60.0, 12.0), (60.0, 12.4)]),
        solid(0, 0, 0, 255)
    ))
    .shape(Shape::new(
        Path::rect(Rect::new(20.0, 30.1, 58.0, 30.35)).unwrap(),
        solid(0, 0, 0, 255)
    )));

// Without anti-aliasing chiaro samples pixel centres exactly; tiny-skia rounds edge
// positions, so a few pixels whose centre lies within a fraction of a pixel of an
// edge differ (the harness allows them for aliased shapes; see
// `aliased_disagreements_are_tiny_skia_rounding`).
scene!(aliased_fill, 96, 96, |s| s
    .shape(Shape::new(Path::circle(40.0, 44.0, 30.3).unwrap(), solid(0, 0, 0, 255)).aliased())
    .shape(
        Shape::new(
            poly(&[(50.2, 10.7), (90.1, 50.3), (60.6, 90.9)]),
            solid(200, 0, 0, 255)
        )
        .aliased()
    ));

scene!(transparent_target, 96, 96, |s| s
    .background(PremulRgba8::TRANSPARENT)
    .shape(Shape::new(
        Path::circle(48.0, 48.0, 40.0).unwrap(),
        solid(30, 200, 100, 160)
    ))
    .shape(
        Shape::new(star(48.0, 50.0, 30.0), solid(250, 250, 0, 255)).rule(FillRule::EvenOdd)
    ));

// --- Gradients --------------------------------------------------------------------

fn linear(spread: SpreadMode) -> PaintSpec {
    PaintSpec::Linear {
        start: Point::new(40.0, 30.0),
        end: Point::new(100.0, 70.0),
        stops: rainbow(),
        spread,
    }
}

scene!(linear_pad, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    linear(SpreadMode::Pad)
)));

scene!(linear_repeat, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    linear(SpreadMode::Repeat)
)));

scene!(linear_reflect, 160, 120, |s| s.shape(Shape::new(
    Path::circle(80.0, 60.0, 58.0).unwrap(),
    linear(SpreadMode::Reflect)
)));

scene!(linear_hard_stops, 160, 64, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 64.0)).unwrap(),
    PaintSpec::Linear {
        start: Point::new(10.0, 0.0),
        end: Point::new(150.0, 0.0),
        stops: vec![
            (0.0, Rgba8::new(255, 0, 0, 255)),
            (0.5, Rgba8::new(255, 0, 0, 255)),
            (0.5, Rgba8::new(0, 0, 255, 255)),
            (1.0, Rgba8::new(0, 255, 255, 255)),
        ],
        spread: SpreadMode::Pad,
    }
)));

fn radial(spread: SpreadMode) -> PaintSpec {
    PaintSpec::Radial {
        start: Point::new(80.0, 60.0),
        start_radius: 0.0,
        end: Point::new(80.0, 60.0),
        end_radius: 35.0,
        stops: rainbow(),
        spread,
    }
}

scene!(radial_pad, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    radial(SpreadMode::Pad)
)));

scene!(radial_repeat, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    radial(SpreadMode::Repeat)
)));

scene!(radial_reflect, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    radial(SpreadMode::Reflect)
)));

scene!(radial_two_point_focal, 160, 120, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
    PaintSpec::Radial {
        start: Point::new(60.0, 50.0),
        start_radius: 5.0,
        end: Point::new(90.0, 65.0),
        end_radius: 50.0,
        stops: rainbow(),
        spread: SpreadMode::Pad,
    }
)));

scene!(radial_transformed, 160, 120, |s| s.shape(
    Shape::new(
        Path::rect(Rect::new(0.0, 0.0, 160.0, 120.0)).unwrap(),
        radial(SpreadMode::Repeat)
    )
    .paint_transform(Transform::rotate_about(0.5, Point::new(80.0, 60.0)).then_scale(1.0, 0.8))
));

scene!(sweep_pad, 128, 128, |s| s.shape(Shape::new(
    Path::circle(64.0, 64.0, 60.0).unwrap(),
    PaintSpec::Sweep {
        center: Point::new(64.0, 64.0),
        start_angle: 0.3,
        end_angle: 4.5,
        stops: rainbow(),
        spread: SpreadMode::Pad,
    }
)));

scene!(sweep_repeat, 128, 128, |s| s.shape(Shape::new(
    Path::rect(Rect::new(0.0, 0.0, 128.0, 128.0)).unwrap(),
    PaintSpec::Sweep {
        center: Point::new(60.0, 70.0),
        // Not 0: tiny-skia 0.12 skips its angle scale and bias when the start angle
        // is 0 (`scale != 1.0 && bias != 0.0` in `SweepGradient::push_stages`), so it
        // would ignore the end angle.
        start_angle: 0.2,
        end_angle: 1.8,
        stops: rainbow(),
        spread: SpreadMode::Repeat,
    }
)));

// --- Patterns ---------------------------------------------------------------------

scene!(pattern_nearest_repeat, 128, 128, |s| s.shape(
    Shape::new(
        Path::circle(64.0, 64.0, 60.0).unwrap(),
        PaintSpec::Pattern {
            image: checker(16, 4),
            spread: SpreadMode::Repeat,
            filter: Filter::Nearest
        }
    )
    .paint_transform(Transform::scale(2.0, 2.0).then_translate(3.0, 5.0))
));

scene!(pattern_bilinear_pad, 128, 128, |s| s.shape(
    Shape::new(
        Path::rect(Rect::new(0.0, 0.0, 128.0, 128.0)).unwrap(),
        PaintSpec::Pattern {
            image: checker(16, 4),
            spread: SpreadMode::Pad,
            filter: Filter::Bilinear
        }
    )
    .paint_transform(Transform::scale(5.0, 4.0).then_translate(20.0, 16.0))
));

scene!(pattern_reflect_rotated, 128, 128, |s| s.shape(
    Shape::new(
        Path::rect(Rect::new(4.0, 4.0, 124.0, 124.0)).unwrap(),
        PaintSpec::Pattern {
            image: checker(24, 6),
            spread: SpreadMode::Reflect,
            filter: Filter::Bilinear
        }
    )
    .paint_transform(
        Transform::rotate(0.4)
            .then_scale(1.7, 1.7)
            .then_translate(30.0, 10.0)
    )
));

// --- Blend modes ------------------------------------------------------------------

fn blend_scene(s: Scene, mode: BlendMode) -> Scene {
    s.shape(Shape::new(
        Path::rect(Rect::new(0.0, 0.0, 96.0, 96.0)).unwrap(),
        linear(SpreadMode::Reflect),
    ))
    .shape(
        Shape::new(
            Path::circle(48.0, 48.0, 36.0).unwrap(),
            solid(40, 160, 220, 200),
        )
        .blend(mode),
    )
}

scene!(blend_multiply, 96, 96, |s| blend_scene(
    s,
    BlendMode::Multiply
));
scene!(blend_screen, 96, 96, |s| blend_scene(s, BlendMode::Screen));
scene!(blend_difference, 96, 96, |s| blend_scene(
    s,
    BlendMode::Difference
));
scene!(blend_source_in_shape, 96, 96, |s| blend_scene(
    s,
    BlendMode::Source
));

/// Every pixel where the aliased renderings differ is decided correctly by chiaro:
/// its centre is inside the circle or triangle exactly when chiaro filled it.
#[test]
fn aliased_disagreements_are_tiny_skia_rounding() {
    let (cx, cy, r) = (40.0f64, 44.0f64, 30.3f64);
    let tri = [(50.2f64, 10.7f64), (90.1, 50.3), (60.6, 90.9)];
    let scene = Scene::new("aliased_check", 96, 96)
        .shape(Shape::new(Path::circle(40.0, 44.0, 30.3).unwrap(), solid(0, 0, 0, 255)).aliased())
        .shape(
            Shape::new(
                poly(&[(50.2, 10.7), (90.1, 50.3), (60.6, 90.9)]),
                solid(200, 0, 0, 255),
            )
            .aliased(),
        );
    let ours = golden::render_chiaro(&scene);
    let theirs = golden::render_tiny_skia(&scene);
    let mut differing = 0;
    for y in 0..96u32 {
        for x in 0..96u32 {
            let (p, q) = (ours.get(x, y).unwrap(), theirs.get(x, y).unwrap());
            if p == q {
                continue;
            }
            differing += 1;
            let (px, py) = (f64::from(x) + 0.5, f64::from(y) + 0.5);
            let in_circle = (px - cx).hypot(py - cy) < r;
            let in_tri = (0..3).all(|i| {
                let (ax, ay) = tri[i];
                let (bx, by) = tri[(i + 1) % 3];
                (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0.0
            });
            let want = if in_tri {
                PremulRgba8::new(200, 0, 0, 255)
            } else if in_circle {
                PremulRgba8::new(0, 0, 0, 255)
            } else {
                PremulRgba8::new(255, 255, 255, 255)
            };
            assert_eq!(*p, want, "pixel ({x}, {y})");
        }
    }
    assert!(differing < 30, "{differing} pixels differ");
}

/// Exact coverage of pixel `(x, y)` by the disc, by fine integration of chord lengths.
fn disc_coverage(cx: f64, cy: f64, r: f64, x: u32, y: u32) -> f64 {
    let (x0, y0) = (f64::from(x), f64::from(y));
    let n = 256;
    let mut sum = 0.0;
    for i in 0..n {
        let px = x0 + (f64::from(i) + 0.5) / f64::from(n);
        let dx = px - cx;
        if dx.abs() >= r {
            continue;
        }
        let h = (r * r - dx * dx).sqrt();
        sum += ((cy + h).min(y0 + 1.0) - (cy - h).max(y0)).max(0.0);
    }
    sum / f64::from(n)
}

/// Mean and worst absolute error (in 1/255 units) of each library's coverage against
/// exact coverage, over the pixels that are partly covered.
fn coverage_errors(
    shape: &Shape,
    w: u32,
    h: u32,
    exact: impl Fn(u32, u32) -> f64,
) -> [(f64, f64); 2] {
    let ours = golden::chiaro_coverage(shape, w, h);
    let theirs = golden::tiny_skia_coverage(shape, w, h);
    let mut out = [(0.0, 0.0); 2];
    let mut count = 0;
    for y in 0..h {
        for x in 0..w {
            let e = exact(x, y) * 255.0;
            if e <= 0.0 || e >= 255.0 {
                continue;
            }
            count += 1;
            for (o, cov) in out.iter_mut().zip([&ours, &theirs]) {
                let d = (f64::from(cov[(y * w + x) as usize]) - e).abs();
                o.0 += d;
                o.1 = f64::max(o.1, d);
            }
        }
    }
    out.map(|(sum, worst)| (sum / f64::from(count), worst))
}

/// chiaro's edge coverage is the exact area; tiny-skia's is supersampled. Against
/// analytically computed coverage of a rectangle at fractional coordinates and of a
/// large circle, chiaro's error is the smaller, both on average and at worst.
#[test]
fn edge_coverage_is_more_exact_than_tiny_skia() {
    let (x0, y0, x1, y1) = (10.3f64, 7.6f64, 50.8f64, 41.25f64);
    let rect = Shape::new(
        Path::rect(Rect::new(x0 as f32, y0 as f32, x1 as f32, y1 as f32)).unwrap(),
        solid(0, 0, 0, 255),
    );
    let [ours, theirs] = coverage_errors(&rect, 64, 64, |x, y| {
        let ox = (f64::from(x + 1).min(x1) - f64::from(x).max(x0)).max(0.0);
        let oy = (f64::from(y + 1).min(y1) - f64::from(y).max(y0)).max(0.0);
        ox * oy
    });
    println!(
        "rectangle: chiaro mean {:.3} worst {:.3}; tiny-skia mean {:.3} worst {:.3}",
        ours.0, ours.1, theirs.0, theirs.1
    );
    assert!(ours.1 <= 0.5 + 1e-3, "chiaro is exact to rounding");
    assert!(ours.0 < theirs.0 && ours.1 < theirs.1);

    let (cx, cy, r) = (100.3f64, 99.6f64, 87.4f64);
    let circle = Shape::new(
        Path::circle(cx as f32, cy as f32, r as f32).unwrap(),
        solid(0, 0, 0, 255),
    );
    let [ours, theirs] = coverage_errors(&circle, 200, 200, |x, y| disc_coverage(cx, cy, r, x, y));
    println!(
        "circle: chiaro mean {:.3} worst {:.3}; tiny-skia mean {:.3} worst {:.3}",
        ours.0, ours.1, theirs.0, theirs.1
    );
    assert!(ours.0 < theirs.0 && ours.1 < theirs.1);
}
