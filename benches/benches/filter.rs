//! Gaussian blur of a 2048×2048 RGBA8 photo-like image against `libblur` (fixed-point
//! kernel, one thread, run-time AVX2), `image::imageops::blur` and `imageproc`'s
//! `gaussian_blur_f32`, all at σ = 5 in the same group; and chiaro alone at σ = 2 and
//! σ = 50, whose times show the cost does not grow with σ.
//!
//! chiaro blurs straight-alpha `Rgba8` premultiplied (it premultiplies and
//! unpremultiplies inside the call); the peers blur the channels as stored. The
//! `gaussian-s5-premul` group blurs the canvas format, `PremulRgba8`, which needs
//! neither.
//! Every entry allocates its output, as the peers' APIs do.

use std::hint::black_box;

use chiaro::ops::filter::{box_blur, gaussian_blur};
use chiaro::pixel::{Image, PremulRgba8, Rgba8};
use chiaro_benches::photo_rgba8;
use criterion::{Criterion, criterion_group, criterion_main};
use libblur::{
    BlurImage, BlurImageMut, ConvolutionMode, EdgeMode, EdgeMode2D, FastBlurChannels,
    GaussianBlurParams, ThreadingPolicy,
};

const SIZE: u32 = 2048;

fn libblur_gaussian(src: &Image<Rgba8>, sigma: f64) -> BlurImageMut<'static, u8> {
    let source = BlurImage::borrow(src.as_bytes(), SIZE, SIZE, FastBlurChannels::Channels4);
    let mut dst = BlurImageMut::alloc(SIZE, SIZE, FastBlurChannels::Channels4);
    libblur::gaussian_blur(
        &source,
        &mut dst,
        GaussianBlurParams::new_from_sigma(sigma),
        EdgeMode2D::new(EdgeMode::Clamp),
        ThreadingPolicy::Single,
        ConvolutionMode::FixedPoint,
    )
    .expect("valid parameters");
    dst
}

fn gaussian(c: &mut Criterion) {
    let src = photo_rgba8(SIZE, SIZE);
    let premul: Image<PremulRgba8> = src.convert();
    let theirs = image::RgbaImage::from_raw(SIZE, SIZE, src.as_bytes().to_vec()).expect("size");

    let mut group = c.benchmark_group(format!("filter/gaussian-s5/{SIZE}x{SIZE}"));
    group.sample_size(10);
    group.bench_function("chiaro", |b| {
        b.iter(|| gaussian_blur(black_box(src.as_view()), 5.0).expect("valid sigma"));
    });
    group.bench_function("peer/libblur", |b| {
        b.iter(|| libblur_gaussian(black_box(&src), 5.0));
    });
    group.bench_function("peer/image", |b| {
        b.iter(|| image::imageops::blur(black_box(&theirs), 5.0));
    });
    group.bench_function("peer/imageproc", |b| {
        b.iter(|| imageproc::filter::gaussian_blur_f32(black_box(&theirs), 5.0));
    });
    group.finish();

    // The canvas format: no premultiplying inside the call.
    let mut group = c.benchmark_group(format!("filter/gaussian-s5-premul/{SIZE}x{SIZE}"));
    group.sample_size(10);
    group.bench_function("chiaro", |b| {
        b.iter(|| gaussian_blur(black_box(premul.as_view()), 5.0).expect("valid sigma"));
    });
    group.finish();

    for sigma in [2.0f32, 50.0] {
        let mut group = c.benchmark_group(format!("filter/gaussian-s{sigma}/{SIZE}x{SIZE}"));
        group.sample_size(10);
        group.bench_function("chiaro", |b| {
            b.iter(|| gaussian_blur(black_box(src.as_view()), sigma).expect("valid sigma"));
        });
        group.finish();
    }

    let mut group = c.benchmark_group(format!("filter/box-r10/{SIZE}x{SIZE}"));
    group.sample_size(10);
    group.bench_function("chiaro", |b| {
        b.iter(|| box_blur(black_box(src.as_view()), 10).expect("valid radius"));
    });
    group.finish();
}

criterion_group!(group, gaussian);
criterion_main!(group);
