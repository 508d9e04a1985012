//! Quantization quality against a peer: chiaro's quantizer and `color_quant`'s NeuQuant
//! (the quantizer the `image` crate uses for GIF) reduce the same photo-like image to
//! 16, 64 and 256 colours; the mean CIEDE2000 difference of each result to the original
//! is printed as a table (`cargo test -p chiaro-benches --test quantize_quality --
//! --nocapture`) and chiaro's must be lower at every size.
//!
//! Both run without dithering, so the error measures the palette and the mapping alone.
//! NeuQuant uses sampling factor 10, its documented default, and maps each pixel with
//! its own `index_of`. Speed is compared in `benches/quantize.rs`.

use chiaro::color::delta_e::delta_e_2000;
use chiaro::color::quantize::{QuantizeOptions, quantize};
use chiaro::color::space::{ColorSpace, Lab};
use chiaro::pixel::{Image, Rgb8, Rgba8};
use chiaro_benches::{photo_rgba8, photo_scene_rgba8};
use color_quant::NeuQuant;

fn lab(r: u8, g: u8, b: u8) -> Lab {
    Lab::from_srgb8(Rgb8::new(r, g, b))
}

/// Mean CIEDE2000 from each original pixel to the palette entry its index names.
fn mean_delta_e(original: &[Lab], indices: &[u8], palette: &[Lab]) -> f64 {
    let total: f64 = original
        .iter()
        .zip(indices)
        .map(|(&o, &i)| f64::from(delta_e_2000(o, palette[usize::from(i)])))
        .sum();
    total / original.len() as f64
}

/// `(chiaro, NeuQuant)` mean ΔE2000 for each size, printing a table.
fn compare(name: &str, image: &Image<Rgba8>) -> Vec<(u16, f64, f64)> {
    let original: Vec<Lab> = image.pixels().map(|p| lab(p.r, p.g, p.b)).collect();
    let bytes = image.as_bytes();
    let (w, h) = image.size();
    println!("\n{name}, {w}×{h}, mean CIEDE2000 to the original (lower is better):\n");
    println!("| colours | chiaro | NeuQuant (color_quant, sample factor 10) |");
    println!("|---:|---:|---:|");
    let mut rows = Vec::new();
    for colors in [16u16, 64, 256] {
        let indexed = quantize(image.as_view(), &QuantizeOptions::new(colors)).expect("2 to 256");
        assert!(indexed.palette().len() <= usize::from(colors));
        let palette: Vec<Lab> = indexed
            .palette()
            .iter()
            .map(|c| lab(c.r, c.g, c.b))
            .collect();
        let ours = mean_delta_e(&original, indexed.indices(), &palette);

        let nq = NeuQuant::new(10, usize::from(colors), bytes);
        let indices: Vec<u8> = bytes
            .chunks_exact(4)
            .map(|p| u8::try_from(nq.index_of(p)).expect("at most 256 entries"))
            .collect();
        let map = nq.color_map_rgba();
        let palette: Vec<Lab> = map.chunks_exact(4).map(|c| lab(c[0], c[1], c[2])).collect();
        let theirs = mean_delta_e(&original, &indices, &palette);

        println!("| {colors} | {ours:.3} | {theirs:.3} |");
        rows.push((colors, ours, theirs));
    }
    rows
}

#[test]
fn chiaro_beats_neuquant_on_a_photo_like_scene() {
    let rows = compare("photo_scene_rgba8", &photo_scene_rgba8(512, 512));
    let mut last = f64::INFINITY;
    for (colors, ours, theirs) in rows {
        assert!(
            ours < theirs,
            "{colors} colours: chiaro {ours:.3} vs NeuQuant {theirs:.3}"
        );
        assert!(ours < last, "more colours, less error");
        last = ours;
    }
}

#[test]
fn chiaro_beats_neuquant_on_the_gradient_test_image() {
    // The benches' generic input: two ramps and noise, a different colour distribution.
    for (colors, ours, theirs) in compare("photo_rgba8 (opaque)", &opaque(&photo_rgba8(512, 512))) {
        assert!(
            ours < theirs,
            "{colors} colours: chiaro {ours:.3} vs NeuQuant {theirs:.3}"
        );
    }
}

fn opaque(image: &Image<Rgba8>) -> Image<Rgba8> {
    let (w, h) = image.size();
    Image::from_fn(w, h, |x, y| {
        let p = image.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, 255)
    })
}
