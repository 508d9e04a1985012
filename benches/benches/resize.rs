//! Resizing against `fast_image_resize` and the `image` crate: Lanczos3 and bilinear,
//! RGBA8 4096×4096 → 1024×1024 and RGB8 4000×3000 → 400×300, on the synthetic photos
//! of `chiaro-testkit` (the RGBA one has alpha varying across the image).
//!
//! Every contestant premultiplies RGBA: chiaro because `Rgba8` is straight alpha,
//! `fast_image_resize` with its default `mul_div_alpha`, and `image` does not (it
//! filters straight alpha, which is faster but fringes at transparent edges; see
//! `benches/tests/resize_peers.rs`). chiaro and `fast_image_resize` write into a buffer
//! allocated once, each through one reused resizer (chiaro's keeps its weight tables
//! between calls of the same sizes; `fast_image_resize` recomputes its coefficients);
//! `image` allocates its output on every call, as its API does.
//!
//! Both chiaro and `fast_image_resize` pick AVX2 at run time, so the default build is
//! the fair one. With `--features chiaro/rayon` chiaro splits rows across the global
//! thread pool (the peers stay on one thread).

use std::hint::black_box;

use chiaro::ops::resize::{Filter, ResizeOptions, Resizer};
use chiaro::pixel::{Image, Pixel, Rgb8, Rgba8};
use chiaro_benches::{photo_rgb8, photo_rgba8};
use criterion::{Criterion, criterion_group, criterion_main};
use fast_image_resize as fir;

struct Case<P: Pixel> {
    src: Image<P>,
    dst: (u32, u32),
    fir_type: fir::PixelType,
}

fn fir_filter(filter: Filter) -> fir::FilterType {
    match filter {
        Filter::Bilinear => fir::FilterType::Bilinear,
        _ => fir::FilterType::Lanczos3,
    }
}

fn image_filter(filter: Filter) -> image::imageops::FilterType {
    match filter {
        Filter::Bilinear => image::imageops::FilterType::Triangle,
        _ => image::imageops::FilterType::Lanczos3,
    }
}

fn bench_case<P: chiaro::ops::resize::Resample>(
    c: &mut Criterion,
    name: &str,
    case: &Case<P>,
    filter: Filter,
    image_peer: impl Fn() -> usize,
) {
    let (sw, sh) = case.src.size();
    let (dw, dh) = case.dst;
    let mut group = c.benchmark_group(format!(
        "resize/{}/{name}/{sw}x{sh}-{dw}x{dh}",
        format!("{filter:?}").to_lowercase()
    ));
    group.sample_size(10);

    let mut resizer = Resizer::new(ResizeOptions::new(filter));
    let mut out = Image::<P>::new(dw, dh);
    group.bench_function("chiaro", |b| {
        b.iter(|| {
            resizer
                .resize_into(black_box(case.src.as_view()), out.as_view_mut())
                .expect("resize");
        });
    });

    let fir_src =
        fir::images::Image::from_vec_u8(sw, sh, case.src.as_bytes().to_vec(), case.fir_type)
            .expect("source");
    let mut fir_dst = fir::images::Image::new(dw, dh, case.fir_type);
    let mut fir_resizer = fir::Resizer::new();
    let options =
        fir::ResizeOptions::new().resize_alg(fir::ResizeAlg::Convolution(fir_filter(filter)));
    group.bench_function("peer/fast_image_resize", |b| {
        b.iter(|| {
            fir_resizer
                .resize(black_box(&fir_src), &mut fir_dst, &options)
                .expect("resize");
        });
    });

    group.bench_function("peer/image", |b| b.iter(|| black_box(image_peer())));
    group.finish();
}

fn benches(c: &mut Criterion) {
    let rgba = Case::<Rgba8> {
        src: photo_rgba8(4096, 4096),
        dst: (1024, 1024),
        fir_type: fir::PixelType::U8x4,
    };
    let rgba_peer =
        image::RgbaImage::from_raw(4096, 4096, rgba.src.as_bytes().to_vec()).expect("image buffer");
    let rgb = Case::<Rgb8> {
        src: photo_rgb8(4000, 3000),
        dst: (400, 300),
        fir_type: fir::PixelType::U8x3,
    };
    let rgb_peer =
        image::RgbImage::from_raw(4000, 3000, rgb.src.as_bytes().to_vec()).expect("image buffer");

    for filter in [Filter::Lanczos3, Filter::Bilinear] {
        bench_case(c, "rgba8", &rgba, filter, || {
            image::imageops::resize(&rgba_peer, 1024, 1024, image_filter(filter)).len()
        });
        bench_case(c, "rgb8", &rgb, filter, || {
            image::imageops::resize(&rgb_peer, 400, 300, image_filter(filter)).len()
        });
    }
}

criterion_group!(group, benches);
criterion_main!(group);
