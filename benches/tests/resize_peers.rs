//! Resizing at transparent edges, against Pillow's references in
//! `crates/chiaro-ops/tests/fixtures` (made by `generate.py` there): an opaque red
//! square on a transparent background whose hidden colour is green, shrunk to 23×23.
//!
//! chiaro and Pillow premultiply alpha before filtering, so the hidden green never
//! reaches a visible pixel. The `image` crate filters straight alpha: the green of the
//! transparent pixels is averaged into the square's edge, where its visible pixels
//! differ from Pillow's in green by up to 254 levels (93 with Catmull–Rom).
//! `fast_image_resize` premultiplies (by default) and agrees with both.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test data and sizes are in range by construction"
)]

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use chiaro::ops::resize::{self, Filter};
use chiaro::pixel::{Image, Rgba8};

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../crates/chiaro-ops/tests/fixtures"
);

fn load(name: &str) -> Image<Rgba8> {
    let path = Path::new(FIXTURES).join(name);
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(BufReader::new(file))
        .read_info()
        .expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("fits")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    buf.truncate(info.buffer_size());
    assert_eq!(info.color_type, png::ColorType::Rgba, "{name}");
    Image::from_bytes(info.width, info.height, &buf).expect("size")
}

/// Largest channel difference, comparing premultiplied values (what is visible).
fn worst_premultiplied(a: &[u8], b: &[u8]) -> u8 {
    let pm = |p: &[u8]| -> [u8; 4] {
        let m = |c: u8| ((u32::from(c) * u32::from(p[3]) + 127) / 255) as u8;
        [m(p[0]), m(p[1]), m(p[2]), p[3]]
    };
    a.chunks_exact(4)
        .zip(b.chunks_exact(4))
        .flat_map(|(p, q)| {
            let (p, q) = (pm(p), pm(q));
            (0..4).map(move |c| p[c].abs_diff(q[c]))
        })
        .max()
        .unwrap_or(0)
}

/// Largest difference of the green channel, straight, over pixels visible in both: the
/// colour fringe itself.
fn worst_green(a: &[u8], b: &[u8]) -> u8 {
    a.chunks_exact(4)
        .zip(b.chunks_exact(4))
        .filter(|(p, q)| p[3] > 0 && q[3] > 0)
        .map(|(p, q)| p[1].abs_diff(q[1]))
        .max()
        .unwrap_or(0)
}

const FILTERS: [(&str, Filter, image::imageops::FilterType); 3] = [
    (
        "bilinear",
        Filter::Bilinear,
        image::imageops::FilterType::Triangle,
    ),
    (
        "bicubic",
        Filter::CatmullRom,
        image::imageops::FilterType::CatmullRom,
    ),
    (
        "lanczos",
        Filter::Lanczos3,
        image::imageops::FilterType::Lanczos3,
    ),
];

#[test]
fn premultiplying_resizers_have_no_fringe_and_image_does() {
    let src = load("fringe.png");
    let peer = image::RgbaImage::from_raw(64, 64, src.as_bytes().to_vec()).expect("buffer");
    let mut image_worst = 0;
    for (name, ours, theirs) in FILTERS {
        let pillow = load(&format!("fringe_{name}_23x23.png"));
        let chiaro = resize::resize(src.as_view(), 23, 23, ours).expect("resize");
        let image = image::imageops::resize(&peer, 23, 23, theirs);

        let chiaro_green = worst_green(chiaro.as_bytes(), pillow.as_bytes());
        let image_green = worst_green(image.as_raw(), pillow.as_bytes());
        let chiaro_pm = worst_premultiplied(chiaro.as_bytes(), pillow.as_bytes());
        println!(
            "{name}: green vs Pillow: chiaro {chiaro_green}, image {image_green}; \
             premultiplied: chiaro {chiaro_pm}"
        );
        assert_eq!(chiaro_green, 0, "{name}");
        assert!(chiaro.pixels().all(|p| p.g == 0), "{name}");
        // Pillow clamps its 8-bit intermediate, cutting the first pass's negative
        // lobes at the hard edge; chiaro keeps them (see resize_pillow.rs).
        assert!(chiaro_pm <= 12, "{name}: {chiaro_pm}");
        image_worst = image_worst.max(image_green);
    }
    // The straight-alpha filter bleeds the hidden green in.
    assert!(
        image_worst >= 200,
        "image differs from Pillow by only {image_worst}"
    );
}

#[test]
fn fast_image_resize_premultiplies_too() {
    use fast_image_resize as fir;
    let src = load("fringe.png");
    let fir_src =
        fir::images::Image::from_vec_u8(64, 64, src.as_bytes().to_vec(), fir::PixelType::U8x4)
            .expect("source");
    let mut dst = fir::images::Image::new(23, 23, fir::PixelType::U8x4);
    fir::Resizer::new()
        .resize(
            &fir_src,
            &mut dst,
            &fir::ResizeOptions::new()
                .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Bilinear)),
        )
        .expect("resize");
    let pillow = load("fringe_bilinear_23x23.png");
    let chiaro = resize::resize(src.as_view(), 23, 23, Filter::Bilinear).expect("resize");
    assert_eq!(worst_green(dst.buffer(), pillow.as_bytes()), 0);
    assert!(worst_premultiplied(dst.buffer(), chiaro.as_bytes()) <= 1);
}
