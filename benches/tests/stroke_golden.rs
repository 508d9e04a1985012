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
use chiaro::draw::{FillRule, Path, Point, Transform};
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
