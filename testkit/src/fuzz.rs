//! The entry points of the codec fuzz targets, and their seed inputs.
//!
//! The cargo-fuzz targets in `fuzz/` call these functions, and so does the stable
//! regression test (`crates/chiaro-codec/tests/fuzz_corpus.rs`) over every file in the
//! corpora and artifacts: one definition, so a crash found by fuzzing replays under
//! `cargo test`. Each entry point may return errors; it must not panic, hang or
//! allocate past its limits.

use std::hint::black_box;

use chiaro_codec::{
    DecodeOptions, JpegOptions, JpegScale, Limits, PaletteOutput, PngOptions, Subsampling,
    decode_with, encode_jpeg, encode_png, encode_png_indexed, probe, probe_reader,
};
use chiaro_pixel::{Gray8, Gray16, GrayA8, IndexedImage, Orientation, Rgba8, Rgba16};

/// Tight limits: fuzzed headers may claim anything, and the fuzzer's memory is small.
pub const LIMITS: Limits = Limits {
    max_width: 4096,
    max_height: 4096,
    max_pixels: 1 << 22,
    max_alloc_bytes: 64 << 20,
};

/// The names of the codec targets, as `fuzz/Cargo.toml` declares them.
pub const TARGETS: [&str; 4] = ["decode_png", "decode_jpeg", "probe", "decode_any"];

/// Runs the named target's entry point on `data`; `false` for an unknown name.
pub fn run(target: &str, data: &[u8]) -> bool {
    match target {
        "decode_png" => decode_png(data),
        "decode_jpeg" => decode_jpeg(data),
        "probe" => probe_any(data),
        "decode_any" => decode_any(data),
        _ => return false,
    }
    true
}

fn options() -> DecodeOptions {
    DecodeOptions::new().with_limits(LIMITS)
}

/// Checks what a successful decode promises: the size within the limits.
fn check(decoded: &chiaro_codec::Decoded) {
    let (w, h) = decoded.image.size();
    assert!(
        LIMITS.check_dimensions(w, h).is_ok(),
        "decoded {w}×{h} past the limits"
    );
    black_box(decoded);
}

/// PNG decoding, palettes expanded and kept indexed, orientation applied or not.
pub fn decode_png(data: &[u8]) {
    for palette in [PaletteOutput::Expand, PaletteOutput::Indexed] {
        let o = options().with_palette(palette);
        if let Ok(d) = decode_with(data, &o) {
            check(&d);
        }
    }
    let _ = decode_with(data, &options().with_orientation(false));
}

/// JPEG decoding at every scale.
pub fn decode_jpeg(data: &[u8]) {
    for scale in [JpegScale::Full, JpegScale::Half, JpegScale::Eighth] {
        if let Ok(d) = decode_with(data, &options().with_jpeg_scale(scale)) {
            check(&d);
        }
    }
}

/// Probing from bytes and from a reader, which must agree.
pub fn probe_any(data: &[u8]) {
    let a = probe(data);
    let b = probe_reader(data);
    assert_eq!(
        a.as_ref().ok(),
        b.as_ref().ok(),
        "probe and probe_reader disagree"
    );
}

/// Whatever the format: probe, then decode with the default options under the tight
/// limits. When both succeed they must agree on the size.
pub fn decode_any(data: &[u8]) {
    let info = probe(data);
    if let Ok(d) = decode_with(data, &options().with_orientation(false)) {
        check(&d);
        if let Ok(info) = info {
            let (w, h) = d.image.size();
            assert_eq!(
                (info.width, info.height),
                (w, h),
                "probe and decode disagree"
            );
        }
    }
}

/// Small valid files of every kind the decoders handle, named by what they are: seeds
/// for the fuzz corpora, and inputs of the regression test on a clean checkout.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let photo = crate::photo_scene_rgb8(24, 17);
    let rgba = crate::photo_rgba8(13, 9);
    let mut out = Vec::new();
    let png = PngOptions::new();
    let mut add = |name: &str, bytes: Option<Vec<u8>>| {
        if let Some(bytes) = bytes {
            out.push((name.to_owned(), bytes));
        }
    };
    add("rgb8.png", encode_png(photo.as_view(), &png).ok());
    add("rgba8.png", encode_png(rgba.as_view(), &png).ok());
    add(
        "gray8.png",
        encode_png(photo.convert::<Gray8>().as_view(), &png).ok(),
    );
    add(
        "graya8.png",
        encode_png(rgba.convert::<GrayA8>().as_view(), &png).ok(),
    );
    add(
        "gray16.png",
        encode_png(photo.convert::<Gray16>().as_view(), &png).ok(),
    );
    add(
        "rgba16.png",
        encode_png(rgba.convert::<Rgba16>().as_view(), &png).ok(),
    );
    let palette = vec![Rgba8::BLACK, Rgba8::new(200, 30, 60, 128), Rgba8::WHITE];
    let indices = (0..35u8).map(|i| i % 3).collect();
    if let Ok(indexed) = IndexedImage::new(7, 5, indices, palette) {
        add("indexed2.png", encode_png_indexed(&indexed, &png).ok());
    }
    add(
        "oriented.png",
        encode_png(
            photo.as_view(),
            &PngOptions::new().with_orientation(Orientation::Rotate90),
        )
        .ok(),
    );
    let jpeg = |o: JpegOptions| encode_jpeg(photo.as_view(), &o).ok();
    add("baseline420.jpg", jpeg(JpegOptions::new(80)));
    add(
        "baseline444.jpg",
        jpeg(JpegOptions::new(90).with_subsampling(Subsampling::S444)),
    );
    add(
        "progressive.jpg",
        jpeg(JpegOptions::new(80).with_progressive(true)),
    );
    add(
        "restarts.jpg",
        jpeg(JpegOptions::new(80).with_restart_interval(Some(1))),
    );
    add(
        "oriented_icc.jpg",
        jpeg(
            JpegOptions::new(70)
                .with_orientation(Orientation::Transverse)
                .with_icc_profile(vec![7; 300]),
        ),
    );
    add(
        "gray.jpg",
        encode_jpeg(photo.convert::<Gray8>().as_view(), &JpegOptions::new(75)).ok(),
    );
    out
}
