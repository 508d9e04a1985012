//! Encoded file sizes against the `image` crate's encoders at the same settings, on
//! the photo-like scene: chiaro's must be within 10 % (smaller is fine). Printed with
//! `cargo test -p chiaro-benches --test codec_sizes -- --nocapture`.
//!
//! `image`'s JPEG encoder always writes full-resolution chroma (its docs say 4:2:2, its
//! frame header says 1×1 for every component) and the standard Huffman tables, so
//! chiaro is measured with those settings too, and with its defaults (4:2:0, fitted
//! tables) for information. A smaller file only counts if it is not a worse picture,
//! so the PSNR of each decode is compared as well. `image`'s PNG encoder wraps the
//! same `png` crate.

use chiaro::codec::{
    Compression, JpegOptions, PngOptions, Subsampling, decode, encode_jpeg, encode_png,
};
use chiaro::color::compare::psnr;
use chiaro::pixel::{Image, Rgba8};
use chiaro_benches::photo_scene_rgb8;
use image::ImageEncoder;

fn within(ours: usize, theirs: usize) -> bool {
    ours as f64 <= theirs as f64 * 1.10
}

#[test]
fn jpeg_sizes_match_image_at_the_same_settings() {
    let source = photo_scene_rgb8(640, 480);
    println!("JPEG, 640×480 scene (bytes):");
    for q in [50, 75, 85, 95] {
        let ours_file = encode_jpeg(
            source.as_view(),
            &JpegOptions::new(q)
                .with_subsampling(Subsampling::S444)
                .with_optimized_huffman(false),
        )
        .expect("encodes");
        let mut theirs_file = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut theirs_file, q)
            .encode(source.as_bytes(), 640, 480, image::ExtendedColorType::Rgb8)
            .expect("encodes");
        let quality = |file: &[u8]| {
            let back = decode(file).expect("decodes").image.into_rgb8();
            psnr(source.as_view(), back.as_view()).expect("same size")
        };
        let (ours, theirs) = (ours_file.len(), theirs_file.len());
        let (ours_db, theirs_db) = (quality(&ours_file), quality(&theirs_file));
        let defaults = encode_jpeg(source.as_view(), &JpegOptions::new(q))
            .expect("encodes")
            .len();
        println!(
            "  q{q}: chiaro 4:4:4 {ours:>6} ({ours_db:.2} dB)  image {theirs:>6} ({theirs_db:.2} dB)  \
             ratio {:.3}   (chiaro defaults, 4:2:0 fitted tables: {defaults})",
            ours as f64 / theirs as f64
        );
        assert!(within(ours, theirs), "q{q}: {ours} vs {theirs}");
        assert!(
            ours_db >= theirs_db - 0.5,
            "q{q}: {ours_db:.2} dB vs {theirs_db:.2} dB"
        );
    }
}

#[test]
fn png_sizes_match_image_at_the_same_settings() {
    let rgb = photo_scene_rgb8(512, 512);
    let source = Image::from_fn(512, 512, |x, y| {
        let p = rgb.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, u8::try_from((x + y) / 4).unwrap_or(255))
    });
    println!("PNG, 512×512 RGBA scene (bytes):");
    for (ours_level, theirs_level) in [
        (Compression::Fast, image::codecs::png::CompressionType::Fast),
        (
            Compression::Default,
            image::codecs::png::CompressionType::Default,
        ),
        (Compression::Best, image::codecs::png::CompressionType::Best),
    ] {
        let ours = encode_png(
            source.as_view(),
            &PngOptions::new().with_compression(ours_level),
        )
        .expect("encodes")
        .len();
        let mut theirs = Vec::new();
        image::codecs::png::PngEncoder::new_with_quality(
            &mut theirs,
            theirs_level,
            image::codecs::png::FilterType::Adaptive,
        )
        .write_image(source.as_bytes(), 512, 512, image::ExtendedColorType::Rgba8)
        .expect("encodes");
        println!(
            "  {ours_level:?}: chiaro {ours:>8}  image {:>8}  ratio {:.3}",
            theirs.len(),
            ours as f64 / theirs.len() as f64
        );
        assert!(
            within(ours, theirs.len()),
            "{ours_level:?}: {ours} vs {}",
            theirs.len()
        );
    }
}
