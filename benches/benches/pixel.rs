//! chiaro-pixel conversions against the `image` crate and `fast_image_resize`, on the
//! same 4096×4096 input in each group.

use std::hint::black_box;

use chiaro::pixel::{Image, PremulRgba8, Rgb8, Rgba8, convert};
use chiaro_benches::{LARGE, photo_rgb8, photo_rgba8};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fast_image_resize as fr;
use image::buffer::ConvertBuffer;

fn size_label() -> String {
    format!("{LARGE}x{LARGE}")
}

/// `Rgb8 → Rgba8`, allocating the result, as `image`'s `convert` does.
fn rgb8_to_rgba8(c: &mut Criterion) {
    let ours = photo_rgb8(LARGE, LARGE);
    let theirs =
        image::RgbImage::from_raw(LARGE, LARGE, ours.as_bytes().to_vec()).expect("same size");
    let mut group = c.benchmark_group(format!("pixel/rgb8_to_rgba8/{}", size_label()));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(LARGE) * u64::from(LARGE) * 4));
    group.bench_function("chiaro", |b| b.iter(|| black_box(ours.convert::<Rgba8>())));
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            let out: image::RgbaImage = black_box(&theirs).convert();
            black_box(out)
        })
    });
    group.finish();
}

/// `Rgba8 → PremulRgba8` into an existing buffer, as `fast_image_resize`'s `MulDiv`
/// does.
fn premultiply(c: &mut Criterion) {
    let src = photo_rgba8(LARGE, LARGE);
    let mut dst = Image::<PremulRgba8>::new(LARGE, LARGE);
    let fr_src = fr::images::ImageRef::new(LARGE, LARGE, src.as_bytes(), fr::PixelType::U8x4)
        .expect("valid image");
    let mut fr_dst = fr::images::Image::new(LARGE, LARGE, fr::PixelType::U8x4);
    let mul_div = fr::MulDiv::default();

    let mut group = c.benchmark_group(format!("pixel/rgba8_to_premul/{}", size_label()));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(LARGE) * u64::from(LARGE) * 4));
    group.bench_function("chiaro", |b| {
        b.iter(|| convert(black_box(src.as_view()), dst.as_view_mut()).expect("same size"))
    });
    group.bench_function("peer/fast_image_resize", |b| {
        b.iter(|| {
            mul_div
                .multiply_alpha(black_box(&fr_src), &mut fr_dst)
                .expect("same size")
        })
    });
    // Copying the same bytes: the memory-bandwidth floor for any conversion of this size.
    let mut copy = Image::<Rgba8>::new(LARGE, LARGE);
    group.bench_function("floor/memcpy", |b| {
        b.iter(|| {
            copy.as_mut_slice()
                .copy_from_slice(black_box(src.as_slice()))
        })
    });
    group.finish();

    // Both must compute the same exactly rounded values, or the race is meaningless.
    assert_eq!(
        dst.as_bytes(),
        fr_dst.buffer(),
        "premultiplied results differ"
    );
}

/// `PremulRgba8 → Rgba8` into an existing buffer. chiaro rounds exactly;
/// `fast_image_resize` uses an 8.8 fixed-point reciprocal that is off by one for some
/// pairs, so the outputs are not compared.
fn unpremultiply(c: &mut Criterion) {
    let src: Image<PremulRgba8> = photo_rgba8(LARGE, LARGE).into_converted();
    let mut dst = Image::<Rgba8>::new(LARGE, LARGE);
    let fr_src = fr::images::ImageRef::new(LARGE, LARGE, src.as_bytes(), fr::PixelType::U8x4)
        .expect("valid image");
    let mut fr_dst = fr::images::Image::new(LARGE, LARGE, fr::PixelType::U8x4);
    let mul_div = fr::MulDiv::default();

    let mut group = c.benchmark_group(format!("pixel/premul_to_rgba8/{}", size_label()));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(LARGE) * u64::from(LARGE) * 4));
    group.bench_function("chiaro", |b| {
        b.iter(|| convert(black_box(src.as_view()), dst.as_view_mut()).expect("same size"))
    });
    group.bench_function("peer/fast_image_resize", |b| {
        b.iter(|| {
            mul_div
                .divide_alpha(black_box(&fr_src), &mut fr_dst)
                .expect("same size")
        })
    });
    group.finish();
}

/// The same pixels through `image`'s `Rgba → Rgb` path, for the opposite direction.
fn rgba8_to_rgb8(c: &mut Criterion) {
    let ours = photo_rgba8(LARGE, LARGE);
    let theirs =
        image::RgbaImage::from_raw(LARGE, LARGE, ours.as_bytes().to_vec()).expect("same size");
    let mut group = c.benchmark_group(format!("pixel/rgba8_to_rgb8/{}", size_label()));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(u64::from(LARGE) * u64::from(LARGE) * 3));
    group.bench_function("chiaro", |b| b.iter(|| black_box(ours.convert::<Rgb8>())));
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            let out: image::RgbImage = black_box(&theirs).convert();
            black_box(out)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    rgb8_to_rgba8,
    premultiply,
    unpremultiply,
    rgba8_to_rgb8
);
criterion_main!(benches);
