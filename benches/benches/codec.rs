//! chiaro-codec against the crates it wraps (`png`, `jpeg-decoder`, `jpeg-encoder`,
//! called directly with the same settings: the wrapper's overhead), against the `image`
//! crate, and against `zune-jpeg` for JPEG decoding. Inputs are synthetic photo-like
//! scenes: a 4000×3000 JPEG (q90, 4:2:0, as cameras and web images are) and a
//! 2048×2048 RGBA PNG with an alpha gradient.

use std::hint::black_box;
use std::io::Cursor;

use chiaro::codec::{
    Compression, DecodeOptions, JpegOptions, JpegScale, PngOptions, decode_with, encode_jpeg,
    encode_png,
};
use chiaro::pixel::{Image, Rgb8, Rgba8};
use chiaro_benches::photo_scene_rgb8;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const JPEG_W: u32 = JPEG_W16 as u32;
const JPEG_H: u32 = JPEG_H16 as u32;
const JPEG_W16: u16 = 4000;
const JPEG_H16: u16 = 3000;
const PNG_SIDE: u32 = 2048;

/// The photo-like scene, 4000×3000.
fn jpeg_source() -> Image<Rgb8> {
    photo_scene_rgb8(JPEG_W, JPEG_H)
}

/// The scene as a q90 4:2:0 baseline JPEG, as `jpeg-encoder` writes it with averaged
/// chroma.
fn jpeg_file(source: &Image<Rgb8>) -> Vec<u8> {
    encode_jpeg(source.as_view(), &JpegOptions::new(90)).expect("encodes")
}

/// Full-size decode: chiaro, `jpeg-decoder` itself, `image`, `zune-jpeg`.
fn jpeg_decode(c: &mut Criterion) {
    let jpeg = jpeg_file(&jpeg_source());
    let options = DecodeOptions::new();
    let mut group = c.benchmark_group(format!("codec/jpeg_decode/{JPEG_W}x{JPEG_H}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(u64::from(JPEG_W * JPEG_H)));
    group.bench_function("chiaro", |b| {
        b.iter(|| decode_with(black_box(&jpeg), &options).expect("decodes"))
    });
    group.bench_function("peer/jpeg-decoder", |b| {
        b.iter(|| {
            jpeg_decoder::Decoder::new(black_box(&jpeg[..]))
                .decode()
                .expect("decodes")
        })
    });
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            image::load_from_memory_with_format(black_box(&jpeg), image::ImageFormat::Jpeg)
                .expect("decodes")
        })
    });
    group.bench_function("peer/zune-jpeg", |b| {
        b.iter(|| {
            zune_jpeg::JpegDecoder::new(zune_core::bytestream::ZCursor::new(black_box(&jpeg)))
                .decode()
                .expect("decodes")
        })
    });
    group.finish();
}

/// Decode at 1/8 scale (DCT-domain, for thumbnails): chiaro against `jpeg-decoder`'s
/// own `scale`. Compare chiaro's time here with its full decode above for the speed-up.
fn jpeg_decode_eighth(c: &mut Criterion) {
    let jpeg = jpeg_file(&jpeg_source());
    let options = DecodeOptions::new().with_jpeg_scale(JpegScale::Eighth);
    let mut group = c.benchmark_group(format!("codec/jpeg_decode_eighth/{JPEG_W}x{JPEG_H}"));
    group.sample_size(10);
    group.bench_function("chiaro", |b| {
        b.iter(|| decode_with(black_box(&jpeg), &options).expect("decodes"))
    });
    group.bench_function("peer/jpeg-decoder", |b| {
        b.iter(|| {
            let mut d = jpeg_decoder::Decoder::new(black_box(&jpeg[..]));
            d.scale(500, 375).expect("scales");
            d.decode().expect("decodes")
        })
    });
    group.finish();
}

/// q85 4:2:0 encode with fitted Huffman tables: chiaro, `jpeg-encoder` itself with
/// the same settings, and `image`'s own encoder at q85 (which has one mode: full-
/// resolution chroma, standard tables; `tests/codec_sizes.rs` compares sizes at
/// those settings).
fn jpeg_encode(c: &mut Criterion) {
    let source = jpeg_source();
    let options = JpegOptions::new(85);
    let mut group = c.benchmark_group(format!("codec/jpeg_encode/{JPEG_W}x{JPEG_H}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(u64::from(JPEG_W * JPEG_H)));
    group.bench_function("chiaro", |b| {
        b.iter(|| encode_jpeg(black_box(source.as_view()), &options).expect("encodes"))
    });
    group.bench_function("peer/jpeg-encoder", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            let mut e = jpeg_encoder::Encoder::new(&mut out, 85);
            e.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_2_0);
            e.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
            e.set_optimized_huffman_tables(true);
            e.encode(
                black_box(source.as_bytes()),
                JPEG_W16,
                JPEG_H16,
                jpeg_encoder::ColorType::Rgb,
            )
            .expect("encodes");
            out
        })
    });
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
                .encode(
                    black_box(source.as_bytes()),
                    JPEG_W,
                    JPEG_H,
                    image::ExtendedColorType::Rgb8,
                )
                .expect("encodes");
            out
        })
    });
    group.finish();
}

/// The RGBA scene with a diagonal alpha gradient.
fn png_source() -> Image<Rgba8> {
    let rgb = photo_scene_rgb8(PNG_SIDE, PNG_SIDE);
    Image::from_fn(PNG_SIDE, PNG_SIDE, |x, y| {
        let p = rgb.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, u8::try_from((x + y) / 16).unwrap_or(255))
    })
}

/// Decode of an RGBA PNG written at the default level: chiaro, `png` itself,
/// `image`.
fn png_decode(c: &mut Criterion) {
    let png = encode_png(png_source().as_view(), &PngOptions::default()).expect("encodes");
    let options = DecodeOptions::new();
    let mut group = c.benchmark_group(format!("codec/png_decode/{PNG_SIDE}x{PNG_SIDE}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(u64::from(PNG_SIDE * PNG_SIDE)));
    group.bench_function("chiaro", |b| {
        b.iter(|| decode_with(black_box(&png), &options).expect("decodes"))
    });
    group.bench_function("peer/png", |b| {
        b.iter(|| {
            let mut reader = png::Decoder::new(Cursor::new(black_box(&png[..])))
                .read_info()
                .expect("header");
            let mut buf = vec![0; reader.output_buffer_size().expect("fits")];
            reader.next_frame(&mut buf).expect("decodes");
            buf
        })
    });
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            image::load_from_memory_with_format(black_box(&png), image::ImageFormat::Png)
                .expect("decodes")
        })
    });
    group.finish();
}

/// Fast-preset encode of the RGBA image: chiaro, `png` itself, `image`.
fn png_encode(c: &mut Criterion) {
    let source = png_source();
    let options = PngOptions::new().with_compression(Compression::Fast);
    let mut group = c.benchmark_group(format!("codec/png_encode_fast/{PNG_SIDE}x{PNG_SIDE}"));
    group.sample_size(10);
    group.throughput(Throughput::Elements(u64::from(PNG_SIDE * PNG_SIDE)));
    group.bench_function("chiaro", |b| {
        b.iter(|| encode_png(black_box(source.as_view()), &options).expect("encodes"))
    });
    group.bench_function("peer/png", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            let mut e = png::Encoder::new(&mut out, PNG_SIDE, PNG_SIDE);
            e.set_color(png::ColorType::Rgba);
            e.set_depth(png::BitDepth::Eight);
            e.set_compression(png::Compression::Fast);
            let mut w = e.write_header().expect("header");
            w.write_image_data(black_box(source.as_bytes()))
                .expect("encodes");
            w.finish().expect("finishes");
            out
        })
    });
    group.bench_function("peer/image", |b| {
        b.iter(|| {
            use image::ImageEncoder;
            let mut out = Vec::new();
            image::codecs::png::PngEncoder::new_with_quality(
                &mut out,
                image::codecs::png::CompressionType::Fast,
                image::codecs::png::FilterType::Adaptive,
            )
            .write_image(
                black_box(source.as_bytes()),
                PNG_SIDE,
                PNG_SIDE,
                image::ExtendedColorType::Rgba8,
            )
            .expect("encodes");
            out
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    jpeg_decode,
    jpeg_decode_eighth,
    jpeg_encode,
    png_decode,
    png_encode
);
criterion_main!(benches);
