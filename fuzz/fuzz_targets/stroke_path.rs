//! Arbitrary bytes as a path, a transform and a stroke (width, joins, caps, miter
//! limit, dash pattern), stroked onto a 64×64 canvas: must never panic, whatever
//! the numbers (NaN, infinities, negative and huge widths and dash lengths
//! included); invalid strokes and patterns are errors.

#![no_main]

use chiaro_draw::{Dash, FillOptions, LineCap, LineJoin, Paint, PathBuilder, Renderer, Stroke, Transform};
use chiaro_pixel::{Image, PremulRgba8, Rgba8};
use libfuzzer_sys::fuzz_target;

#[path = "bytes.rs"]
mod bytes;
use bytes::Bytes;

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    let transform = Transform::new(b.f32(), b.f32(), b.f32(), b.f32(), b.f32(), b.f32());
    let join = [LineJoin::Miter, LineJoin::Round, LineJoin::Bevel][usize::from(b.u8() % 3)];
    let cap = [LineCap::Butt, LineCap::Round, LineCap::Square][usize::from(b.u8() % 3)];
    let mut stroke = Stroke { width: b.f32(), join, miter_limit: b.f32(), cap, dash: None };
    let dashes = usize::from(b.u8() % 5);
    if dashes > 0 {
        let intervals: Vec<f32> = (0..dashes).map(|_| b.f32()).collect();
        match Dash::new(&intervals, b.f32()) {
            Ok(d) => stroke.dash = Some(d),
            Err(_) => return,
        }
    }
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
    let mut canvas = Image::filled(64, 64, PremulRgba8::new(255, 255, 255, 255));
    let options = FillOptions { transform, ..FillOptions::default() };
    let paint = Paint::solid(Rgba8::new(10, 200, 30, 200));
    let drawn = Renderer::new().stroke_path(&mut canvas.as_view_mut(), &path, &stroke, &paint, &options);
    let valid = stroke.validate().is_ok();
    assert!(valid || drawn.is_err());
    assert!(canvas.pixels().all(|p| p.r <= p.a && p.g <= p.a && p.b <= p.a));
});
