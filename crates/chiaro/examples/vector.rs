//! Draws a vector scene with chiaro-draw and writes it as a PNG: a sky of a
//! two-point conical gradient, hills from SVG path data filled with linear gradients
//! mixed in Oklab, a sun through a circular clip, translucent overlapping discs in
//! three blend modes, a pentagram under both fill rules, a sweep-gradient dial, and
//! strokes: a round-joined ridge line, a dashed flight path, hairlines of
//! increasing width and a mitred outline.
//!
//! ```text
//! cargo run --release --example vector [OUTPUT_DIR]
//! ```
//!
//! The file goes to `target/chiaro-out/vector.png` unless a directory is given.

use std::error::Error;
use std::path::PathBuf;

use chiaro::codec::{PngOptions, save_png};
use chiaro::draw::paint::{GradientStop, Interpolation, SpreadMode};
use chiaro::draw::{
    BlendMode, Dash, FillOptions, FillRule, LineCap, LineJoin, Paint, Painter, Path, Point, Rect,
    Stroke, Transform,
};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};

const WIDTH: u32 = 960;
const HEIGHT: u32 = 540;

fn stops(list: &[(f32, [u8; 4])]) -> Vec<GradientStop> {
    list.iter()
        .map(|&(o, [r, g, b, a])| GradientStop::new(o, Rgba8::new(r, g, b, a)))
        .collect()
}

fn star(cx: f32, cy: f32, r: f32) -> Result<Path, Box<dyn Error>> {
    let points: Vec<Point> = (0..5)
        .map(|i| {
            let a = std::f32::consts::TAU * (i as f32 * 2.0) / 5.0 - std::f32::consts::FRAC_PI_2;
            Point::new(cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    Ok(Path::polygon(&points)?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/chiaro-out"), PathBuf::from);
    std::fs::create_dir_all(&out)?;

    let mut canvas = Image::filled(WIDTH, HEIGHT, PremulRgba8::new(0, 0, 0, 255));
    let mut painter = Painter::new(canvas.as_view_mut());
    let plain = FillOptions::default();
    let full = Path::rect(Rect::new(0.0, 0.0, WIDTH as f32, HEIGHT as f32))?;

    // Sky: a two-point conical gradient, focus low on the horizon.
    let sky = Paint::radial_gradient(
        Point::new(620.0, 330.0),
        10.0,
        Point::new(480.0, 200.0),
        700.0,
        &stops(&[
            (0.0, [255, 214, 150, 255]),
            (0.25, [250, 140, 90, 255]),
            (1.0, [40, 30, 90, 255]),
        ]),
        SpreadMode::Pad,
        Interpolation::Oklab,
    )?;
    painter.fill_path(&full, &sky, &plain);

    // The sun, clipped by the horizon rectangle (pixel-aligned: no mask is built).
    painter.push_clip_rect(
        Rect::new(0.0, 0.0, WIDTH as f32, 360.0),
        &Transform::IDENTITY,
    );
    let sun = Paint::radial_gradient(
        Point::new(620.0, 330.0),
        0.0,
        Point::new(620.0, 330.0),
        70.0,
        &stops(&[
            (0.0, [255, 250, 220, 255]),
            (0.8, [255, 200, 120, 255]),
            (1.0, [255, 160, 90, 0]),
        ]),
        SpreadMode::Pad,
        Interpolation::LinearLight,
    )?;
    painter.fill_path(&Path::circle(620.0, 330.0, 70.0)?, &sun, &plain);
    painter.pop_clip();

    // Hills from SVG path data, each a vertical gradient mixed in Oklab.
    let hills = [
        (
            "M0 380 C 160 300 300 330 460 370 S 760 300 960 360 L 960 540 L 0 540 Z",
            [60, 90, 120],
            [20, 40, 60],
        ),
        (
            "M0 430 C 200 380 330 420 520 440 S 800 390 960 420 L 960 540 L 0 540 Z",
            [40, 110, 90],
            [10, 50, 40],
        ),
    ];
    for (data, top, bottom) in hills {
        let paint = Paint::linear_gradient(
            Point::new(0.0, 330.0),
            Point::new(0.0, 540.0),
            &stops(&[
                (0.0, [top[0], top[1], top[2], 255]),
                (1.0, [bottom[0], bottom[1], bottom[2], 255]),
            ]),
            SpreadMode::Pad,
            Interpolation::Oklab,
        )?;
        painter.fill_path(&Path::from_svg(data)?, &paint, &plain);
    }

    // Translucent discs composited three ways.
    for (i, mode) in [
        BlendMode::SourceOver,
        BlendMode::Screen,
        BlendMode::Multiply,
    ]
    .into_iter()
    .enumerate()
    {
        let x = 110.0 + i as f32 * 150.0;
        let options = FillOptions {
            blend: mode,
            ..FillOptions::default()
        };
        for (dx, dy, color) in [
            (0.0, 0.0, [230, 60, 60, 180]),
            (45.0, 0.0, [60, 200, 90, 180]),
            (22.0, 38.0, [70, 110, 240, 180]),
        ] {
            let disc = Path::circle(x + dx, 110.0 + dy, 42.0)?;
            painter.fill_path(
                &disc,
                &Paint::solid(Rgba8::new(color[0], color[1], color[2], color[3])),
                &options,
            );
        }
    }

    // A pentagram under each fill rule, the second rotated by the fill transform.
    let gold = Paint::solid(Rgba8::new(250, 210, 70, 255));
    painter.fill_path(&star(600.0, 470.0, 50.0)?, &gold, &plain);
    let turned = FillOptions {
        rule: FillRule::EvenOdd,
        transform: Transform::rotate_about(0.3, Point::new(740.0, 470.0)),
        ..FillOptions::default()
    };
    painter.fill_path(&star(740.0, 470.0, 50.0)?, &gold, &turned);

    // A dial: a sweep gradient in a ring (even-odd: the inner circle is a hole).
    let mut ring = chiaro::draw::PathBuilder::new();
    ring.push_circle(860.0, 110.0, 70.0)
        .push_circle(860.0, 110.0, 40.0);
    let dial = Paint::sweep_gradient(
        Point::new(860.0, 110.0),
        0.0,
        std::f32::consts::TAU,
        &stops(&[
            (0.0, [255, 60, 60, 255]),
            (0.33, [60, 255, 60, 255]),
            (0.67, [60, 60, 255, 255]),
            (1.0, [255, 60, 60, 255]),
        ]),
        SpreadMode::Pad,
        Interpolation::Oklab,
    )?;
    let even_odd = FillOptions {
        rule: FillRule::EvenOdd,
        ..FillOptions::default()
    };
    painter.fill_path(&ring.finish()?, &dial, &even_odd);

    // Strokes: a round-joined ridge line along the far hills, a dashed flight path
    // with round caps, hairlines of a horizon grid fading with width, and the
    // pentagram outlined with mitred corners.
    let ridge = Path::from_svg("M0 380 C 160 300 300 330 460 370 S 760 300 960 360")?;
    let ridge_stroke = Stroke::new(3.0).with_join(LineJoin::Round);
    let pale = Paint::solid(Rgba8::new(220, 235, 255, 200));
    painter.stroke_path(&ridge, &ridge_stroke, &pale, &plain)?;
    let flight = Path::from_svg("M 60 250 C 220 150 340 320 520 210 S 780 120 900 230")?;
    let dashed = Stroke::new(4.0)
        .with_cap(LineCap::Round)
        .with_dash(Dash::new(&[14.0, 10.0], 0.0)?);
    painter.stroke_path(
        &flight,
        &dashed,
        &Paint::solid(Rgba8::new(255, 255, 255, 230)),
        &plain,
    )?;
    for i in 0..12 {
        let y = 500.0 + i as f32 * 3.5;
        let mut line = chiaro::draw::PathBuilder::new();
        line.move_to(0.0, y).line_to(WIDTH as f32, y);
        let width = 0.1 + i as f32 * 0.08;
        painter.stroke_path(
            &line.finish()?,
            &Stroke::new(width),
            &Paint::solid(Rgba8::new(200, 255, 230, 255)),
            &plain,
        )?;
    }
    let outline = Stroke::new(4.0).with_join(LineJoin::Miter);
    let ink = Paint::solid(Rgba8::new(120, 60, 0, 255));
    painter.stroke_path(&star(600.0, 470.0, 50.0)?, &outline, &ink, &plain)?;
    drop(painter);

    let path = out.join("vector.png");
    save_png(
        canvas.convert::<Rgba8>().as_view(),
        &path,
        &PngOptions::default(),
    )?;
    println!("wrote {} ({WIDTH}×{HEIGHT})", path.display());
    Ok(())
}
