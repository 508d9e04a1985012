//! chiaro-color's quantizer and palette mapping against `color_quant`'s NeuQuant (the
//! quantizer the `image` crate uses for GIF), on the same photo-like input.
//!
//! Each `quantize` group times building the palette and mapping every pixel to it, no
//! dithering, for both. `remap` and `nearest` time mapping alone, each to a 256-colour
//! palette of its own built beforehand: chiaro's `remap` (its cached whole-image path)
//! and one `Nearest::nearest` call per pixel (Oklab, and RGB in `nearest_rgb`), against
//! NeuQuant's `index_of` per pixel. `nearest_build` times building the search.
//! The dithering groups have no peer (the `image` crate's `dither` needs its
//! `color_quant` feature, off in this workspace); they show what dithering costs over
//! plain mapping. Error against the original is compared in `tests/quantize_quality.rs`.

use std::hint::black_box;

use chiaro::color::quantize::{
    Dither, Metric, Nearest, QuantizeOptions, RemapOptions, palette_for, quantize, remap,
};
use chiaro::pixel::Rgb8;
use chiaro_benches::photo_scene_rgba8;
use color_quant::NeuQuant;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// NeuQuant's sampling factor: 10 is its documented default trade-off (1 is slowest
/// and best, 30 fastest).
const SAMPLE_FACTOR: i32 = 10;

fn neuquant_indices(nq: &NeuQuant, rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| u8::try_from(nq.index_of(p)).unwrap_or(u8::MAX))
        .collect()
}

fn quantize_groups(c: &mut Criterion) {
    let side = 512;
    let image = photo_scene_rgba8(side, side);
    let bytes = image.as_bytes();
    for colors in [16u16, 64, 256] {
        let mut group = c.benchmark_group(format!("color/quantize_{colors}/{side}x{side}"));
        group.sample_size(10);
        group.throughput(Throughput::Elements(u64::from(side) * u64::from(side)));
        let options = QuantizeOptions::new(colors);
        group.bench_function("chiaro", |b| {
            b.iter(|| quantize(black_box(image.as_view()), &options).expect("2 to 256 colours"))
        });
        group.bench_function("peer/color_quant", |b| {
            b.iter(|| {
                let nq = NeuQuant::new(SAMPLE_FACTOR, usize::from(colors), black_box(bytes));
                let indices = neuquant_indices(&nq, bytes);
                (nq.color_map_rgba(), indices)
            })
        });
        group.finish();
    }
}

fn mapping_groups(c: &mut Criterion) {
    let side = 1024;
    let image = photo_scene_rgba8(side, side);
    let bytes = image.as_bytes();
    let pixels = u64::from(side) * u64::from(side);
    let palette = palette_for(image.as_view(), &QuantizeOptions::new(256)).expect("an image");
    let nq = NeuQuant::new(SAMPLE_FACTOR, 256, bytes);

    let mut group = c.benchmark_group(format!("color/remap_256/{side}x{side}"));
    group.sample_size(20);
    group.throughput(Throughput::Elements(pixels));
    let options = RemapOptions::new();
    group.bench_function("chiaro", |b| {
        b.iter(|| remap(black_box(image.as_view()), &palette, &options))
    });
    group.bench_function("peer/color_quant", |b| {
        b.iter(|| neuquant_indices(&nq, black_box(bytes)))
    });
    group.finish();

    for (label, metric) in [
        ("nearest_256", Metric::Oklab),
        ("nearest_rgb_256", Metric::Rgb),
    ] {
        let mut group = c.benchmark_group(format!("color/{label}/{side}x{side}"));
        group.sample_size(20);
        group.throughput(Throughput::Elements(pixels));
        let search = Nearest::new(&palette, metric);
        group.bench_function("chiaro", |b| {
            b.iter(|| {
                black_box(image.as_slice())
                    .iter()
                    .map(|p| search.nearest(Rgb8::new(p.r, p.g, p.b)))
                    .collect::<Vec<u8>>()
            })
        });
        group.bench_function("peer/color_quant", |b| {
            b.iter(|| neuquant_indices(&nq, black_box(bytes)))
        });
        group.finish();
    }

    let mut group = c.benchmark_group(format!("color/nearest_build_256/{side}x{side}"));
    group.bench_function("chiaro", |b| {
        b.iter(|| Nearest::new(black_box(&palette), Metric::Oklab))
    });
    group.finish();

    for (name, dither) in [
        ("floyd_steinberg", Dither::FloydSteinberg),
        ("bayer8", Dither::Bayer8),
    ] {
        let mut group = c.benchmark_group(format!("color/{name}_256/{side}x{side}"));
        group.sample_size(10);
        group.throughput(Throughput::Elements(pixels));
        let options = RemapOptions::new().with_dither(dither);
        group.bench_function("chiaro", |b| {
            b.iter(|| remap(black_box(image.as_view()), &palette, &options))
        });
        group.finish();
    }
}

criterion_group!(benches, quantize_groups, mapping_groups);
criterion_main!(benches);
