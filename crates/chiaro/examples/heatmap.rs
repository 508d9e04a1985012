//! Renders a heatmap of a synthetic 2-D field (as a model's activation map might look)
//! over a gradient image, and writes the result as PPM and PAM files.
//!
//! ```text
//! cargo run --release --example heatmap [OUTPUT_DIR]
//! ```
//!
//! Files go to `target/chiaro-out` unless a directory is given: `heatmap.ppm` (the
//! overlay), `heatmap-field.pam` (the heatmap alone, with transparent NaN holes) and
//! `colormaps.ppm` (every built-in colormap as a strip).

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use chiaro::color::colormap::Colormap;
use chiaro::color::heatmap::{Range, heatmap, overlay_heatmap_rgb};
use chiaro::prelude::*;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 400;

/// A smooth field with three peaks and a ripple, with a rectangular hole of NaN
/// (missing data) that the heatmap leaves transparent.
fn field(width: u32, height: u32) -> Vec<f32> {
    let peaks = [
        (0.25f32, 0.35f32, 0.12f32, 1.0f32),
        (0.7, 0.6, 0.18, 0.8),
        (0.55, 0.2, 0.07, 0.6),
    ];
    let mut data = Vec::with_capacity((width * height) as usize);
    for y in 0..height {
        for x in 0..width {
            let (u, v) = (x as f32 / width as f32, y as f32 / height as f32);
            if (0.82..0.92).contains(&u) && (0.1..0.3).contains(&v) {
                data.push(f32::NAN);
                continue;
            }
            let mut value = 0.08 * (u * 40.0).sin() * (v * 25.0).cos();
            for (px, py, r, a) in peaks {
                let d2 = (u - px).powi(2) + (v - py).powi(2);
                value += a * (-d2 / (2.0 * r * r)).exp();
            }
            data.push(value);
        }
    }
    data
}

/// A soft gradient standing in for a photograph.
fn base(width: u32, height: u32) -> Image<Rgb8> {
    Image::from_fn(width, height, |x, y| {
        let (u, v) = (x as f32 / width as f32, y as f32 / height as f32);
        RgbF32::new(
            0.25 + 0.5 * u,
            0.35 + 0.3 * (1.0 - v),
            0.5 + 0.4 * v * (1.0 - u),
        )
        .into_pixel()
    })
}

fn write_ppm(path: &Path, image: &Image<Rgb8>) -> Result<(), Box<dyn Error>> {
    let mut bytes = format!("P6\n{} {}\n255\n", image.width(), image.height()).into_bytes();
    bytes.extend_from_slice(image.as_bytes());
    fs::write(path, bytes)?;
    println!("wrote {}", path.display());
    Ok(())
}

fn write_pam(path: &Path, image: &Image<Rgba8>) -> Result<(), Box<dyn Error>> {
    let header = format!(
        "P7\nWIDTH {}\nHEIGHT {}\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n",
        image.width(),
        image.height()
    );
    let mut bytes = header.into_bytes();
    bytes.extend_from_slice(image.as_bytes());
    fs::write(path, bytes)?;
    println!("wrote {}", path.display());
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("target/chiaro-out"), PathBuf::from);
    fs::create_dir_all(&out)?;

    let data = field(WIDTH, HEIGHT);
    let (min, max) = Range::Auto.resolve(&data)?;
    println!("field range {min:.3} .. {max:.3} (NaN hole left transparent)");
    let heat = heatmap(&data, WIDTH, HEIGHT, Range::Auto, Colormap::INFERNO)?;
    write_pam(&out.join("heatmap-field.pam"), &heat)?;

    // Blend at 60% opacity, in linear light.
    let mut picture = base(WIDTH, HEIGHT);
    overlay_heatmap_rgb(picture.as_view_mut(), heat.as_view(), 0.6)?;
    write_ppm(&out.join("heatmap.ppm"), &picture)?;

    // Every colormap as a horizontal strip, for reference.
    let strip_height = 24;
    let maps = Colormap::ALL;
    let strips = Image::from_fn(512, strip_height * u32::try_from(maps.len())?, |x, y| {
        maps[(y / strip_height) as usize].map(x as f32 / 511.0)
    });
    write_ppm(&out.join("colormaps.ppm"), &strips)?;
    Ok(())
}
