//! chiaro-color's bulk conversions against `palette` (per pixel, as users call it) and
//! `yuvutils-rs` (runtime-dispatched SIMD), on the same 4096×4096 input in each group.

use std::hint::black_box;

use chiaro::color::bulk::{srgb8_to_lab, srgb8_to_oklab};
use chiaro::color::space::{Lab, Oklab};
use chiaro::color::ycbcr::Spec;
use chiaro::color::ycbcr::planar::{PlanesMut, Sample8, Subsampling, rgb_to_ycbcr};
use chiaro::pixel::Image;
use chiaro_benches::{LARGE, photo_rgb8};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use palette::{IntoColor, Srgb};

fn pixels() -> u64 {
    u64::from(LARGE) * u64::from(LARGE)
}

/// sRGB8 → Lab (D65) f32, whole image, against `palette` per pixel
/// (`Srgb<u8>::into_format::<f32>().into_color::<Lab>()`).
fn srgb8_to_lab_group(c: &mut Criterion) {
    let src = photo_rgb8(LARGE, LARGE);
    let mut ours = Image::<Lab>::new(LARGE, LARGE);
    let mut theirs =
        vec![palette::Lab::<palette::white_point::D65, f32>::default(); src.as_slice().len()];
    let mut group = c.benchmark_group(format!("color/srgb8_to_lab/{LARGE}x{LARGE}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(pixels()));
    group.bench_function("chiaro", |b| {
        b.iter(|| srgb8_to_lab(black_box(src.as_view()), ours.as_view_mut()).expect("same size"))
    });
    group.bench_function("peer/palette", |b| {
        b.iter(|| {
            for (p, d) in black_box(src.as_slice()).iter().zip(theirs.iter_mut()) {
                *d = Srgb::new(p.r, p.g, p.b).into_format::<f32>().into_color();
            }
        })
    });
    group.finish();
    // Same values, or the race is meaningless: the fast path is within 2e-4 of exact.
    for (a, b) in ours.pixels().zip(&theirs).step_by(997) {
        assert!((a.l - b.l).abs() < 1e-3 && (a.a - b.a).abs() < 1e-3 && (a.b - b.b).abs() < 1e-3);
    }
}

/// sRGB8 → Oklab f32, whole image, against `palette` per pixel.
fn srgb8_to_oklab_group(c: &mut Criterion) {
    let src = photo_rgb8(LARGE, LARGE);
    let mut ours = Image::<Oklab>::new(LARGE, LARGE);
    let mut theirs = vec![palette::Oklab::<f32>::default(); src.as_slice().len()];
    let mut group = c.benchmark_group(format!("color/srgb8_to_oklab/{LARGE}x{LARGE}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(pixels()));
    group.bench_function("chiaro", |b| {
        b.iter(|| srgb8_to_oklab(black_box(src.as_view()), ours.as_view_mut()).expect("same size"))
    });
    group.bench_function("peer/palette", |b| {
        b.iter(|| {
            for (p, d) in black_box(src.as_slice()).iter().zip(theirs.iter_mut()) {
                *d = Srgb::new(p.r, p.g, p.b).into_format::<f32>().into_color();
            }
        })
    });
    group.finish();
}

/// RGB8 → Y′CbCr 4:2:0 planar, BT.601 full range (JPEG), into existing planes, against
/// `yuvutils-rs` (`rgb_to_yuv420`, Balanced mode): at 256×256 (input and planes fit in
/// L2, so the arithmetic shows) and at 4096×4096 (memory traffic dominates).
fn rgb8_to_ycbcr420(c: &mut Criterion) {
    for side in [256, LARGE] {
        rgb8_to_ycbcr420_at(c, side);
    }
}

fn rgb8_to_ycbcr420_at(c: &mut Criterion, side: u32) {
    let src = photo_rgb8(side, side);
    let (cw, ch) = Subsampling::S420.chroma_size(side, side);
    let (mut y, mut cb, mut cr) = (
        Image::<Sample8>::new(side, side),
        Image::<Sample8>::new(cw, ch),
        Image::<Sample8>::new(cw, ch),
    );
    let mut theirs = yuvutils_rs::YuvPlanarImageMut::<u8>::alloc(
        side,
        side,
        yuvutils_rs::YuvChromaSubsampling::Yuv420,
    );
    let mut group = c.benchmark_group(format!("color/rgb8_to_ycbcr420/{side}x{side}"));
    group.sample_size(30);
    group.throughput(Throughput::Bytes(u64::from(side) * u64::from(side) * 3));
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            let planes = PlanesMut {
                y: y.as_view_mut(),
                cb: cb.as_view_mut(),
                cr: cr.as_view_mut(),
            };
            rgb_to_ycbcr(
                black_box(src.as_view()),
                planes,
                Subsampling::S420,
                Spec::JPEG,
            )
            .expect("sizes")
        })
    });
    group.bench_function("peer/yuvutils-rs", |b| {
        b.iter(|| {
            yuvutils_rs::rgb_to_yuv420(
                &mut theirs,
                black_box(src.as_bytes()),
                side * 3,
                yuvutils_rs::YuvRange::Full,
                yuvutils_rs::YuvStandardMatrix::Bt601,
                yuvutils_rs::YuvConversionMode::Balanced,
            )
            .expect("valid planes")
        })
    });
    group.finish();
    // Same luma, within the two libraries' rounding.
    let theirs_y = theirs.y_plane.borrow();
    let differ = y
        .as_slice()
        .iter()
        .zip(theirs_y.iter())
        .filter(|(a, b)| a.v.abs_diff(**b) > 1)
        .count();
    assert_eq!(differ, 0, "luma planes disagree by more than 1");
}

criterion_group!(
    benches,
    srgb8_to_lab_group,
    srgb8_to_oklab_group,
    rgb8_to_ycbcr420
);
criterion_main!(benches);
