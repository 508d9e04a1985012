//! chiaro-pixel conversions against the `image` crate and `fast_image_resize`, on the
//! same 4096×4096 input in each group.

use std::hint::black_box;

use chiaro::pixel::interop::image::{BufferOf, ImageCompatible};
use chiaro::pixel::{FromPixel, Image, PremulRgba8, Rgb8, Rgba8, convert};
use chiaro_benches::{LARGE, photo_rgb8, photo_rgba8};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fast_image_resize as fr;
use image::buffer::ConvertBuffer;

/// `S → D`, allocating the result, against `image`'s `ImageBuffer::convert` (which
/// `DynamicImage::to_rgba8` and friends call) on the same pixels.
fn allocating_conversion<S, D>(c: &mut Criterion, name: &str, ours: Image<S>)
where
    S: ImageCompatible,
    D: ImageCompatible + FromPixel<S>,
    BufferOf<S>: ConvertBuffer<BufferOf<D>>,
{
    let theirs = ours.clone().into_image_buffer();
    let (w, h) = ours.size();
    let mut group = c.benchmark_group(format!("pixel/{name}/{w}x{h}"));
    group.sample_size(20);
    group.throughput(Throughput::Bytes(
        u64::from(w) * u64::from(h) * D::BYTES as u64,
    ));
    group.bench_function("chiaro", |b| b.iter(|| black_box(ours.convert::<D>())));
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            let out: BufferOf<D> = black_box(&theirs).convert();
            black_box(out)
        })
    });
    group.finish();
}

fn rgb8_to_rgba8(c: &mut Criterion) {
    allocating_conversion::<Rgb8, Rgba8>(c, "rgb8_to_rgba8", photo_rgb8(LARGE, LARGE));
}

fn rgba8_to_rgb8(c: &mut Criterion) {
    allocating_conversion::<Rgba8, Rgb8>(c, "rgba8_to_rgb8", photo_rgba8(LARGE, LARGE));
}

/// `Rgba8 → PremulRgba8` into an existing buffer, as `fast_image_resize`'s `MulDiv`
/// does: at 4096×4096 (64 MiB each way, bound by memory bandwidth, with `memcpy` of
/// the same bytes as the floor) and at 512×512 (1 MiB, cache-resident, where the
/// kernel's own speed shows).
fn premultiply(c: &mut Criterion) {
    for side in [LARGE, 512] {
        let src = photo_rgba8(side, side);
        let mut dst = Image::<PremulRgba8>::new(side, side);
        let fr_src = fr::images::ImageRef::new(side, side, src.as_bytes(), fr::PixelType::U8x4)
            .expect("valid image");
        let mut fr_dst = fr::images::Image::new(side, side, fr::PixelType::U8x4);
        let mul_div = fr::MulDiv::default();

        let mut group = c.benchmark_group(format!("pixel/rgba8_to_premul/{side}x{side}"));
        group.sample_size(if side == LARGE { 20 } else { 100 });
        group.throughput(Throughput::Bytes(u64::from(side) * u64::from(side) * 4));
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
        // Copying the same bytes: the memory-bandwidth floor for a conversion this size.
        let mut copy = Image::<Rgba8>::new(side, side);
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

    let mut group = c.benchmark_group(format!("pixel/premul_to_rgba8/{LARGE}x{LARGE}"));
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

criterion_group!(
    benches,
    rgb8_to_rgba8,
    premultiply,
    unpremultiply,
    rgba8_to_rgb8
);
criterion_main!(benches);
