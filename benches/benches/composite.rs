//! chiaro-draw compositing against tiny-skia on the same pixels, with `memcpy` of the
//! same bytes as the memory-bandwidth floor: source-over of a translucent layer onto
//! an opaque canvas (`blit` vs `Pixmap::draw_pixmap`), and a translucent solid
//! rectangle (`fill_rect` vs `Pixmap::fill_rect`), both 2048×2048.
//!
//! tiny-skia's premultiplied RGBA8 has the same byte layout as `PremulRgba8`, so both
//! get identical bytes. Before timing, each group checks the two results agree within
//! tiny-skia's rounding (it divides by 255 approximately), so neither skips work.

use std::hint::black_box;

use chiaro::draw::composite::{CompositeOptions, blit, fill_rect};
use chiaro::pixel::{Image, PremulRgba8, Rect, Rgba8};
use chiaro_benches::photo_rgba8;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Side of the square layer and canvas.
const SIDE: u32 = 2048;

/// A tiny-skia pixmap holding the same premultiplied bytes.
fn pixmap(image: &Image<PremulRgba8>) -> tiny_skia::Pixmap {
    let size = tiny_skia::IntSize::from_wh(image.width(), image.height()).expect("non-empty");
    tiny_skia::Pixmap::from_vec(image.as_bytes().to_vec(), size).expect("matching length")
}

/// The largest channel difference between two byte buffers.
fn max_diff(a: &[u8], b: &[u8]) -> u8 {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.abs_diff(*y))
        .max()
        .unwrap_or(0)
}

/// An opaque photo-like canvas.
fn canvas() -> Image<PremulRgba8> {
    let photo = photo_rgba8(SIDE, SIDE);
    Image::from_fn(SIDE, SIDE, |x, y| {
        let p = photo.get(SIDE - 1 - x, y).copied().unwrap_or_default();
        PremulRgba8::new(p.b, p.r, p.g, 255)
    })
}

/// Source-over of a 2048² layer whose alpha runs over every value (the testkit's
/// photo with a diagonal alpha ramp, premultiplied) onto an opaque canvas.
fn source_over_layer(c: &mut Criterion) {
    let layer: Image<PremulRgba8> = photo_rgba8(SIDE, SIDE).into_converted();
    let base = canvas();
    let ts_layer = pixmap(&layer);
    let ts_paint = tiny_skia::PixmapPaint::default();
    let identity = tiny_skia::Transform::identity();
    let options = CompositeOptions::new();

    // Same work, same answer (tiny-skia's approximate division is off by ≤ 1–2).
    let mut ours = base.clone();
    blit(&mut ours.as_view_mut(), layer.as_view(), 0, 0, &options);
    let mut theirs = pixmap(&base);
    theirs.draw_pixmap(0, 0, ts_layer.as_ref(), &ts_paint, identity, None);
    let diff = max_diff(ours.as_bytes(), theirs.data());
    assert!(diff <= 2, "source-over results differ by {diff}");

    let mut group = c.benchmark_group(format!("composite/source_over_layer/{SIDE}x{SIDE}"));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(SIDE) * u64::from(SIDE) * 4));
    // Compositing onto the same canvas again and again: it stays opaque, so every
    // iteration does the same work.
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            blit(
                &mut ours.as_view_mut(),
                black_box(layer.as_view()),
                0,
                0,
                &options,
            )
        })
    });
    group.bench_function("peer/tiny-skia", |b| {
        b.iter(|| {
            theirs.draw_pixmap(
                0,
                0,
                black_box(ts_layer.as_ref()),
                &ts_paint,
                identity,
                None,
            )
        })
    });
    let mut copy = base.clone();
    group.bench_function("floor/memcpy", |b| {
        b.iter(|| {
            copy.as_mut_slice()
                .copy_from_slice(black_box(layer.as_slice()))
        })
    });
    group.finish();
}

/// A translucent solid colour over the whole 2048² canvas.
fn fill_rect_translucent(c: &mut Criterion) {
    let base = canvas();
    let straight = Rgba8::new(200, 120, 40, 160);
    let color = straight.premultiply();
    let rect = Rect::new(0, 0, SIDE, SIDE);
    let options = CompositeOptions::new();
    let mut paint = tiny_skia::Paint::default();
    paint.set_color_rgba8(straight.r, straight.g, straight.b, straight.a);
    paint.anti_alias = false;
    let ts_rect = tiny_skia::Rect::from_xywh(0.0, 0.0, SIDE as f32, SIDE as f32).expect("finite");
    let identity = tiny_skia::Transform::identity();

    let mut ours = base.clone();
    fill_rect(&mut ours.as_view_mut(), rect, color, &options);
    let mut theirs = pixmap(&base);
    theirs.fill_rect(ts_rect, &paint, identity, None);
    let diff = max_diff(ours.as_bytes(), theirs.data());
    assert!(diff <= 2, "fill results differ by {diff}");

    let mut group = c.benchmark_group(format!("composite/fill_rect_translucent/{SIDE}x{SIDE}"));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(SIDE) * u64::from(SIDE) * 4));
    group.bench_function("chiaro", |b| {
        b.iter(|| fill_rect(&mut ours.as_view_mut(), rect, black_box(color), &options))
    });
    group.bench_function("peer/tiny-skia", |b| {
        b.iter(|| theirs.fill_rect(ts_rect, black_box(&paint), identity, None))
    });
    let mut copy = base.clone();
    group.bench_function("floor/memcpy", |b| {
        b.iter(|| {
            copy.as_mut_slice()
                .copy_from_slice(black_box(base.as_slice()))
        })
    });
    group.finish();
}

criterion_group!(benches, source_over_layer, fill_rect_translucent);
criterion_main!(benches);
