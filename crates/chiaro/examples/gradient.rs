//! Builds an image with chiaro's pixel crate and writes it as PAM, PPM and PGM files.
//!
//! A hue sweep from left to right fades from opaque at the top to transparent at the
//! bottom. The example premultiplies it (reusing the buffer), shows that premultiplied
//! colour is exactly the picture composited over black, converts back and reports the
//! round-trip error against the documented bound, and converts to 16-bit and to luma.
//!
//! ```text
//! cargo run --release --example gradient [OUTPUT_DIR]
//! ```
//!
//! Files go to `target/chiaro-out` unless a directory is given.

use std::error::Error;
use std::fs;
use std::io::Write;
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};

use chiaro::prelude::*;

const WIDTH: u32 = 768;
const HEIGHT: u32 = 256;

/// Fully saturated sRGB colour for a hue in `0.0..6.0` (sextants of the colour wheel).
fn hue(h: f32) -> [f32; 3] {
    let x = 1.0 - (h % 2.0 - 1.0).abs();
    match h {
        ..1.0 => [1.0, x, 0.0],
        ..2.0 => [x, 1.0, 0.0],
        ..3.0 => [0.0, 1.0, x],
        ..4.0 => [0.0, x, 1.0],
        ..5.0 => [x, 0.0, 1.0],
        _ => [1.0, 0.0, x],
    }
}

fn gradient() -> Image<Rgba8> {
    let mut image = Image::<Rgba8>::new(WIDTH, HEIGHT);
    // Fill in disjoint bands of rows: each band is its own exclusive view, so this loop
    // could run on several threads (the `rayon` feature's `par_row_chunks_mut`).
    let band_height = NonZeroU32::new(32).expect("non-zero");
    for (band_index, mut band) in (0u32..).zip(image.row_chunks_mut(band_height)) {
        let y0 = band_index * band_height.get();
        for (y, row) in (y0..).zip(band.rows_mut()) {
            let alpha = 1.0 - y as f32 / (HEIGHT - 1) as f32;
            for (x, px) in (0u32..).zip(row.iter_mut()) {
                let [r, g, b] = hue(x as f32 * 6.0 / WIDTH as f32);
                // Straight alpha: the colour is the same whatever the alpha.
                *px = RgbaF32::new(r, g, b, alpha).into_pixel();
            }
        }
    }
    image
}

fn write_file(path: &Path, header: &str, data: &[u8]) -> Result<(), Box<dyn Error>> {
    let mut file = fs::File::create(path)?;
    file.write_all(header.as_bytes())?;
    file.write_all(data)?;
    println!("wrote {}", path.display());
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/chiaro-out"), PathBuf::from);
    fs::create_dir_all(&out)?;

    let straight = gradient();

    // Premultiply in place: Rgba8 and PremulRgba8 have the same size, so the buffer is
    // reused and nothing is allocated.
    let premul: Image<PremulRgba8> = straight.clone().into_converted();

    // Premultiplied colour channels are the picture composited over black.
    let over_black = Image::from_fn(WIDTH, HEIGHT, |x, y| {
        let p = premul.get(x, y).copied().unwrap_or_default();
        Rgb8::new(p.r, p.g, p.b)
    });

    // Back to straight alpha: exact where opaque, coarser as alpha falls.
    let back: Image<Rgba8> = premul.into_converted();
    let mut worst_excess = 0i32;
    for (a, b) in straight.pixels().zip(back.pixels()) {
        if a.a > 0 {
            let bound = (i32::from(a.a) + 255) / (2 * i32::from(a.a));
            let err = i32::from(
                a.r.abs_diff(b.r)
                    .max(a.g.abs_diff(b.g))
                    .max(a.b.abs_diff(b.b)),
            );
            worst_excess = worst_excess.max(err - bound);
        }
    }
    println!(
        "premultiply → unpremultiply: {} (error beyond the documented bound: {worst_excess})",
        if worst_excess <= 0 {
            "within bound"
        } else {
            "OUT OF BOUND"
        }
    );

    let wide: Image<Rgba16> = straight.convert();
    let luma: Image<Gray8> = straight.convert();

    let pam = |depth: u32, maxval: u32, tupltype: &str| {
        format!(
            "P7\nWIDTH {WIDTH}\nHEIGHT {HEIGHT}\nDEPTH {depth}\nMAXVAL {maxval}\nTUPLTYPE {tupltype}\nENDHDR\n"
        )
    };
    write_file(
        &out.join("gradient.pam"),
        &pam(4, 255, "RGB_ALPHA"),
        back.as_bytes(),
    )?;
    // PAM samples wider than 8 bits are big-endian.
    let wide_be: Vec<u8> = wide
        .pixels()
        .flat_map(|p| [p.r, p.g, p.b, p.a])
        .flat_map(u16::to_be_bytes)
        .collect();
    write_file(
        &out.join("gradient-16.pam"),
        &pam(4, 65535, "RGB_ALPHA"),
        &wide_be,
    )?;
    write_file(
        &out.join("over-black.ppm"),
        &format!("P6\n{WIDTH} {HEIGHT}\n255\n"),
        over_black.as_bytes(),
    )?;
    write_file(
        &out.join("luma.pgm"),
        &format!("P5\n{WIDTH} {HEIGHT}\n255\n"),
        luma.as_bytes(),
    )?;
    if worst_excess > 0 {
        return Err("round trip exceeded the documented bound".into());
    }
    Ok(())
}
