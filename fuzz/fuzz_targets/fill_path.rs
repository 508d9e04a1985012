//! Arbitrary bytes as a path, a transform, a fill rule and a paint, filled onto a
//! 64×64 canvas: must never panic, and must finish in time bounded by the input's
//! length whatever the coordinates (NaN, infinities and 1e38 included).

#![no_main]

use chiaro_draw::paint::{GradientStop, Interpolation, SpreadMode};
use chiaro_draw::{FillOptions, FillRule, Paint, PathBuilder, Point, Renderer, Transform};
use chiaro_pixel::{Image, PremulRgba8, Rgba8};
use libfuzzer_sys::fuzz_target;

#[path = "bytes.rs"]
mod bytes;
use bytes::Bytes;

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let transform = Transform::new(b.f32(), b.f32(), b.f32(), b.f32(), b.f32(), b.f32());
    let rule = if b.u8() % 2 == 0 { FillRule::NonZero } else { FillRule::EvenOdd };
    let paint_kind = b.u8() % 3;
    let mut pb = PathBuilder::new();
    while !b.0.is_empty() {
        match b.u8() % 5 {
            0 => pb.move_to(b.f32(), b.f32()),
            1 => pb.line_to(b.f32(), b.f32()),
            2 => pb.quad_to(b.f32(), b.f32(), b.f32(), b.f32()),
            3 => pb.cubic_to(b.f32(), b.f32(), b.f32(), b.f32(), b.f32(), b.f32()),
            _ => pb.close(),
        };
    }
    let Ok(path) = pb.finish() else { return };
    let stops = [GradientStop::new(0.0, Rgba8::new(255, 0, 0, 255)), GradientStop::new(1.0, Rgba8::new(0, 0, 255, 128))];
    let paint = match paint_kind {
        0 => Paint::solid(Rgba8::new(10, 200, 30, 200)),
        1 => Paint::linear_gradient(Point::new(0.0, 0.0), Point::new(64.0, 10.0), &stops, SpreadMode::Reflect, Interpolation::Oklab)
            .unwrap(),
        _ => Paint::radial_gradient(Point::new(20.0, 20.0), 3.0, Point::new(40.0, 30.0), 30.0, &stops, SpreadMode::Repeat, Interpolation::Srgb)
            .unwrap(),
    };
    let mut canvas = Image::filled(64, 64, PremulRgba8::new(255, 255, 255, 255));
    let options = FillOptions { rule, transform, ..FillOptions::default() };
    Renderer::new().fill_path(&mut canvas.as_view_mut(), &path, &paint, &options);
    assert!(canvas.pixels().all(|p| p.r <= p.a && p.g <= p.a && p.b <= p.a));
});
