//! Resize against Pillow: references made once by `tests/fixtures/generate.py` and
//! committed as small PNGs (Pillow 13.0.0).
//!
//! Filter mapping: `NEAREST` → [`Filter::Nearest`], `BOX` → [`Filter::Box`],
//! `BILINEAR` → [`Filter::Bilinear`], `BICUBIC` (Keys `a = −½`) →
//! [`Filter::CatmullRom`], `LANCZOS` → [`Filter::Lanczos3`]. [`Filter::Mitchell`] has no
//! Pillow twin; it is tested against the exact reference only (`resize_reference.rs`).
//!
//! Pillow rounds its intermediate to 8 bits and clamps it between the passes, where
//! chiaro keeps 6 more fraction bits and the ringing, so the two differ by a level here
//! and there; the bounds: ±1 on at least 99% of channel values and a mean absolute
//! difference of at most 1.5 per filter. RGBA is compared premultiplied (Pillow
//! premultiplies too, in 8 bits).

#![allow(
    clippy::cast_possible_truncation,
    reason = "test data and sizes are in range by construction"
)]

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use chiaro_ops::resize::{self, Filter};
use chiaro_pixel::{Image, Rgb8, Rgba8};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Decodes a committed PNG to its width, height and 8-bit channels.
fn load(name: &str) -> (u32, u32, usize, Vec<u8>) {
    let path = Path::new(FIXTURES).join(name);
    let file = File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(BufReader::new(file))
        .read_info()
        .expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("fits")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    buf.truncate(info.buffer_size());
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{name}");
    let ch = info.color_type.samples();
    (info.width, info.height, ch, buf)
}

fn rgb(name: &str) -> Image<Rgb8> {
    let (w, h, ch, data) = load(name);
    assert_eq!(ch, 3, "{name}");
    Image::from_bytes(w, h, &data).expect("size")
}

fn rgba(name: &str) -> Image<Rgba8> {
    let (w, h, ch, data) = load(name);
    assert_eq!(ch, 4, "{name}");
    Image::from_bytes(w, h, &data).expect("size")
}

const CONVOLUTIONS: [(&str, Filter); 4] = [
    ("box", Filter::Box),
    ("bilinear", Filter::Bilinear),
    ("bicubic", Filter::CatmullRom),
    ("lanczos", Filter::Lanczos3),
];

const SIZES: [(u32, u32); 2] = [(61, 43), (48, 32)];

/// Share of values within ±1 (percent), mean absolute difference, largest difference.
fn compare(ours: &[u8], theirs: &[u8]) -> (f64, f64, u8) {
    assert_eq!(ours.len(), theirs.len());
    let mut within = 0_u32;
    let mut sum = 0_u64;
    let mut worst = 0;
    for (&a, &b) in ours.iter().zip(theirs) {
        let d = a.abs_diff(b);
        within += u32::from(d <= 1);
        sum += u64::from(d);
        worst = worst.max(d);
    }
    let n = ours.len() as f64;
    (100.0 * f64::from(within) / n, sum as f64 / n, worst)
}

/// Straight RGBA bytes premultiplied (colour × alpha / 255, rounded), alpha as is.
fn premultiplied(bytes: &[u8]) -> Vec<u8> {
    bytes
        .chunks_exact(4)
        .flat_map(|p| {
            let a = u32::from(p[3]);
            let m = |c: u8| ((u32::from(c) * a + 127) / 255) as u8;
            [m(p[0]), m(p[1]), m(p[2]), p[3]]
        })
        .collect()
}

#[test]
fn photo_downscales_match_pillow() {
    let src = rgb("photo.png");
    for (w, h) in SIZES {
        for (name, filter) in CONVOLUTIONS {
            let ours = resize::resize(src.as_view(), w, h, filter).unwrap();
            let theirs = rgb(&format!("photo_{name}_{w}x{h}.png"));
            let (share, mad, worst) = compare(ours.as_bytes(), theirs.as_bytes());
            println!("photo {w}x{h} {name}: {share:.2}% within ±1, MAD {mad:.3}, max {worst}");
            assert!(share >= 99.0, "{name} {w}x{h}: {share}%");
            assert!(mad <= 1.5, "{name} {w}x{h}: MAD {mad}");
        }
    }
}

#[test]
fn rgba_downscales_match_pillow_premultiplied() {
    let src = rgba("photo_rgba.png");
    for (w, h) in SIZES {
        for (name, filter) in CONVOLUTIONS {
            let ours = resize::resize(src.as_view(), w, h, filter).unwrap();
            let theirs = rgba(&format!("photo_rgba_{name}_{w}x{h}.png"));
            let (share, mad, worst) = compare(
                &premultiplied(ours.as_bytes()),
                &premultiplied(theirs.as_bytes()),
            );
            println!("rgba {w}x{h} {name}: {share:.2}% within ±1, MAD {mad:.3}, max {worst}");
            assert!(share >= 99.0, "{name} {w}x{h}: {share}%");
            assert!(mad <= 1.5, "{name} {w}x{h}: MAD {mad}");
        }
    }
}

/// Pillow's nearest neighbour maps output pixel centres through a float affine
/// transform, `x0 + (x + ½)·scale` accumulated in floating point; chiaro computes
/// `⌊(2x + 1)·sw / 2dw⌋` exactly. They agree except where the exact position is a whole
/// number (a tie between two source pixels) and Pillow's float lands just below it.
/// Pixels that differ must be exactly such ties, sampled one pixel early.
#[test]
fn nearest_matches_pillow_except_at_ties() {
    for (file, src) in [
        ("photo", rgba_of(rgb("photo.png"))),
        ("photo_rgba", rgba("photo_rgba.png")),
    ] {
        for (w, h) in SIZES {
            let ours = resize::resize(src.as_view(), w, h, Filter::Nearest).unwrap();
            let theirs = if file == "photo" {
                rgba_of(rgb(&format!("photo_nearest_{w}x{h}.png")))
            } else {
                rgba(&format!("photo_rgba_nearest_{w}x{h}.png"))
            };
            let (sw, sh) = src.size();
            let mut differ = 0;
            for (x, y, p) in ours.enumerate_pixels() {
                let q = theirs.get(x, y).unwrap();
                if p == q {
                    continue;
                }
                differ += 1;
                // Which axis is a tie: (2x + 1)·sw divisible by 2dw.
                let tie_x = (u64::from(2 * x + 1) * u64::from(sw)) % (2 * u64::from(w)) == 0;
                let tie_y = (u64::from(2 * y + 1) * u64::from(sh)) % (2 * u64::from(h)) == 0;
                let sx = (u64::from(2 * x + 1) * u64::from(sw) / (2 * u64::from(w))) as u32;
                let sy = (u64::from(2 * y + 1) * u64::from(sh) / (2 * u64::from(h))) as u32;
                let early = [
                    (sx - u32::from(tie_x), sy),
                    (sx, sy - u32::from(tie_y)),
                    (sx - u32::from(tie_x), sy - u32::from(tie_y)),
                ];
                assert!(
                    (tie_x || tie_y) && early.iter().any(|&(a, b)| src.get(a, b) == Some(q)),
                    "{file} {w}x{h}: ({x}, {y}) differs and is not a tie"
                );
            }
            println!(
                "nearest {file} {w}x{h}: {differ} of {} pixels differ (ties)",
                w * h
            );
        }
    }
}

fn rgba_of(img: Image<Rgb8>) -> Image<Rgba8> {
    img.convert()
}

/// The hidden colour of transparent pixels must not reach the output: chiaro and Pillow
/// both premultiply, so no green appears and the two agree closely at the red square's
/// edges. (At these hard edges Pillow's clamping of the intermediate to 8 bits cuts the
/// negative lobes of the first pass, which chiaro keeps: Catmull–Rom differs by up to 5
/// levels there and Lanczos3 by up to 10, against up to 224 for a resize that does not premultiply; see
/// `benches/tests/resize_peers.rs`.)
#[test]
fn transparent_edges_match_pillow() {
    let src = rgba("fringe.png");
    for (name, filter) in CONVOLUTIONS {
        let ours = resize::resize(src.as_view(), 23, 23, filter).unwrap();
        let theirs = rgba(&format!("fringe_{name}_23x23.png"));
        let (_, _, worst) = compare(
            &premultiplied(ours.as_bytes()),
            &premultiplied(theirs.as_bytes()),
        );
        println!("fringe {name}: largest difference from Pillow {worst}");
        assert!(worst <= 12, "{name}: {worst}");
        assert!(ours.pixels().all(|p| p.g == 0), "{name}: green fringe");
    }
}
