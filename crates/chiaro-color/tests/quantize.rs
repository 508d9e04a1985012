//! Palettes, nearest-colour search, quantization and dithering, through the public API.

use chiaro_color::delta_e::delta_e_2000;
use chiaro_color::quantize::{
    Dither, Metric, Nearest, Palette, PaletteError, QuantizeError, QuantizeOptions, RemapOptions,
    palette_for, quantize, remap,
};
use chiaro_color::space::{ColorSpace, Lab};
use chiaro_color::transfer::srgb8_to_linear;
use chiaro_pixel::{Image, IndexedImage, Rect, Rgb8, Rgba8, View};
use proptest::prelude::*;

/// xorshift64*, so every run sees the same "random" data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[7]
    }
    fn rgb(&mut self) -> Rgb8 {
        Rgb8::new(self.byte(), self.byte(), self.byte())
    }
    fn unit(&mut self) -> f32 {
        f32::from(u16::from_le_bytes([self.byte(), self.byte()])) / 65535.0
    }
}

fn byte(v: f32) -> u8 {
    let v = v.round().clamp(0.0, 255.0);
    (0..=255u8).find(|&b| f32::from(b) >= v).unwrap_or(255)
}

/// A photo-like test image: smooth lighting over a few coloured objects, a sky
/// gradient, texture and sensor noise, so it has tens of thousands of colours
/// arranged as in a photograph rather than a uniform cube.
fn photo(width: u32, height: u32) -> Image<Rgba8> {
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    let (w, h) = (width as f32, height as f32);
    Image::from_fn(width, height, |x, y| {
        let (u, v) = (x as f32 / w, y as f32 / h);
        let mut c = if v < 0.45 {
            // Sky: blue to hazy orange.
            let t = v / 0.45;
            [40.0 + 190.0 * t, 90.0 + 100.0 * t, 200.0 - 60.0 * t]
        } else {
            // Ground: greens and browns with stripes of texture.
            let t = (v - 0.45) / 0.55;
            let tex = ((u * 53.0).sin() * (v * 71.0).cos() + 1.0) * 0.5;
            [
                60.0 + 80.0 * tex * (1.0 - t),
                120.0 - 70.0 * t + 30.0 * tex,
                30.0 + 20.0 * tex,
            ]
        };
        // A red ball with shading and a highlight.
        let (dx, dy) = ((u - 0.35) / 0.15, (v - 0.65) / 0.15);
        let r2 = dx * dx + dy * dy;
        if r2 < 1.0 {
            let shade = 0.25 + 0.75 * (1.0 - r2).sqrt() * (0.6 - 0.4 * dx - 0.4 * dy).max(0.0);
            c = [220.0 * shade + 30.0, 25.0 * shade, 20.0 * shade];
            if (dx + 0.4).powi(2) + (dy + 0.4).powi(2) < 0.04 {
                c = [250.0, 235.0, 230.0];
            }
        }
        // A skin-toned ellipse.
        let (ex, ey) = ((u - 0.75) / 0.1, (v - 0.6) / 0.16);
        if ex * ex + ey * ey < 1.0 {
            let shade = 1.0 - 0.35 * (ex * ex + ey * ey) + 0.15 * ex;
            c = [225.0 * shade, 170.0 * shade, 140.0 * shade];
        }
        let noise = (rng.unit() - 0.5) * 6.0;
        Rgba8::new(
            byte(c[0] + noise),
            byte(c[1] + noise + (rng.unit() - 0.5) * 3.0),
            byte(c[2] + noise),
            255,
        )
    })
}

fn mean_delta_e_2000(original: View<'_, Rgba8>, indexed: &IndexedImage) -> f64 {
    let lab = |c: &Rgba8| Lab::from_srgb8(Rgb8::new(c.r, c.g, c.b));
    let palette: Vec<Lab> = indexed.palette().iter().map(lab).collect();
    let out = indexed.indices();
    let mut sum = 0.0f64;
    for (p, &i) in original.pixels().zip(out) {
        sum += f64::from(delta_e_2000(lab(p), palette[usize::from(i)]));
    }
    sum / out.len() as f64
}

fn brute_force(palette: &Palette, metric: Metric, c: Rgb8) -> u8 {
    let any_visible = palette.colors().iter().any(|e| e.a != 0);
    let mut best = (f32::INFINITY, 0u8);
    for (i, e) in (0..=u8::MAX).zip(palette.colors()) {
        if any_visible && e.a == 0 {
            continue;
        }
        let d = metric.distance(c, Rgb8::new(e.r, e.g, e.b));
        if d < best.0 {
            best = (d, i);
        }
    }
    best.1
}

fn opaque(c: Rgb8) -> Rgba8 {
    Rgba8::new(c.r, c.g, c.b, 255)
}

// ---------------------------------------------------------------------------------
// Palettes

#[test]
fn palette_validation_names_the_length() {
    assert_eq!(Palette::new(Vec::new()), Err(PaletteError::Empty));
    let err = Palette::new(vec![Rgba8::BLACK; 300]).unwrap_err();
    assert_eq!(err, PaletteError::TooLarge { len: 300 });
    assert_eq!(
        err.to_string(),
        "palette has 300 colours; at most 256 are allowed"
    );
    assert!(Palette::try_from(vec![Rgba8::WHITE; 256]).is_ok());
    assert_eq!(Palette::try_from(&[][..]), Err(PaletteError::Empty));
    let e: &dyn core::error::Error = &err;
    assert!(e.source().is_none());
}

#[test]
fn fixed_palettes() {
    let gray = Palette::grayscale(4).unwrap();
    let values: Vec<(u8, u8, u8, u8)> =
        gray.colors().iter().map(|c| (c.r, c.g, c.b, c.a)).collect();
    assert_eq!(
        values,
        [
            (0, 0, 0, 255),
            (85, 85, 85, 255),
            (170, 170, 170, 255),
            (255, 255, 255, 255)
        ]
    );
    assert_eq!(
        Palette::grayscale(0),
        Err(PaletteError::Levels { levels: 0 })
    );
    assert_eq!(
        Palette::grayscale(300),
        Err(PaletteError::Levels { levels: 300 })
    );
    let web = Palette::web_safe();
    assert_eq!(web.len(), 216);
    for (i, c) in web.colors().iter().enumerate() {
        let expect = [i / 36, i / 6 % 6, i % 6].map(|v| u8::try_from(v * 51).unwrap());
        assert_eq!([c.r, c.g, c.b], expect);
    }
}

// ---------------------------------------------------------------------------------
// Nearest colour

#[test]
fn nearest_equals_brute_force_for_both_metrics() {
    let mut rng = Rng(42);
    for metric in [Metric::Rgb, Metric::Oklab] {
        for len in [1, 2, 5, 16, 100, 256] {
            // Some palettes crowd into a corner; some have transparent entries.
            let crowd = rng.byte() < 128;
            let colors: Vec<Rgba8> = (0..len)
                .map(|_| {
                    let c = rng.rgb();
                    let c = if crowd {
                        Rgb8::new(c.r / 6, c.g / 6 + 100, c.b / 6)
                    } else {
                        c
                    };
                    Rgba8::new(c.r, c.g, c.b, if rng.byte() < 8 { 0 } else { 255 })
                })
                .collect();
            let palette = Palette::new(colors).unwrap();
            let search = Nearest::new(&palette, metric);
            for _ in 0..3000 {
                let c = rng.rgb();
                assert_eq!(
                    search.nearest(c),
                    brute_force(&palette, metric, c),
                    "{metric:?} {len} {c:?}"
                );
            }
        }
    }
}

#[test]
fn nearest_breaks_ties_by_lowest_index() {
    // Every gray is equidistant (in RGB) from the two entries that straddle it evenly.
    let palette = Palette::new(vec![
        Rgba8::new(200, 200, 200, 255),
        Rgba8::new(100, 100, 100, 255),
        Rgba8::new(100, 100, 100, 255),
    ])
    .unwrap();
    let search = Nearest::new(&palette, Metric::Rgb);
    assert_eq!(search.nearest(Rgb8::new(150, 150, 150)), 0);
    assert_eq!(
        search.nearest(Rgb8::new(149, 149, 149)),
        1,
        "never the duplicate"
    );
    for v in 0..=255u8 {
        let c = Rgb8::new(v, v, v);
        assert_eq!(search.nearest(c), brute_force(&palette, Metric::Rgb, c));
    }
}

proptest! {
    #[test]
    fn nearest_matches_brute_force_on_arbitrary_palettes(
        entries in prop::collection::vec(any::<[u8; 4]>(), 1..=256),
        queries in prop::collection::vec(any::<[u8; 3]>(), 1..64),
        oklab in any::<bool>(),
    ) {
        let metric = if oklab { Metric::Oklab } else { Metric::Rgb };
        let colors = entries.iter().map(|&[r, g, b, a]| Rgba8::new(r, g, b, a)).collect();
        let palette = Palette::new(colors).unwrap();
        let search = Nearest::new(&palette, metric);
        for &[r, g, b] in &queries {
            let c = Rgb8::new(r, g, b);
            prop_assert_eq!(search.nearest(c), brute_force(&palette, metric, c));
        }
    }
}

// ---------------------------------------------------------------------------------
// Quantization

#[test]
fn few_colours_quantize_losslessly_with_every_dither() {
    let mut rng = Rng(3);
    let colors: Vec<Rgb8> = (0..40).map(|_| rng.rgb()).collect();
    let image = Image::from_fn(61, 37, |x, y| {
        opaque(colors[((x * 7 + y * 3) % 40) as usize])
    });
    for dither in [Dither::None, Dither::FloydSteinberg, Dither::Bayer8] {
        for metric in [Metric::Rgb, Metric::Oklab] {
            let options = QuantizeOptions::new(40)
                .with_dither(dither)
                .with_metric(metric);
            let indexed = quantize(image.as_view(), &options).unwrap();
            assert_eq!(indexed.palette().len(), 40);
            assert_eq!(indexed.expand(), image, "{dither:?} {metric:?}");
        }
    }
}

#[test]
fn a_flat_image_has_one_entry() {
    let c = Rgba8::new(12, 200, 99, 255);
    let image = Image::filled(33, 17, c);
    for colors in [2, 16, 256] {
        let indexed = quantize(image.as_view(), &QuantizeOptions::new(colors)).unwrap();
        assert_eq!(indexed.palette(), &[c]);
        assert!(indexed.indices().iter().all(|&i| i == 0));
    }
}

#[test]
fn transparent_pixels_share_one_transparent_entry() {
    let photo = photo(64, 64);
    let image = Image::from_fn(64, 64, |x, y| {
        let mut p = *photo.get(x, y).unwrap();
        // A transparent band with varied colours and alphas below the threshold.
        if (20..30).contains(&x) {
            p.a = u8::try_from((x * 7 + y) % 128).unwrap();
        }
        // Alpha at or above the threshold is quantized as opaque colour.
        if x == 40 {
            p.a = 128;
        }
        p
    });
    let indexed = quantize(image.as_view(), &QuantizeOptions::new(16)).unwrap();
    let palette = indexed.palette();
    assert!(palette.len() <= 16);
    assert_eq!(palette[0], Rgba8::TRANSPARENT);
    assert_eq!(palette.iter().filter(|c| c.a == 0).count(), 1);
    assert!(palette[1..].iter().all(|c| c.a == 255));
    for (x, y, p) in image.enumerate_pixels() {
        let i = indexed.index(x, y).unwrap();
        assert_eq!(i == 0, p.a < 128, "({x}, {y}) alpha {}", p.a);
    }
    // Threshold 0: nothing is transparent and there is no transparent entry.
    let options = QuantizeOptions::new(16).with_alpha_threshold(0);
    let indexed = quantize(image.as_view(), &options).unwrap();
    assert!(indexed.palette().iter().all(|c| c.a == 255));
    // All transparent: a single entry.
    let clear = Image::filled(5, 5, Rgba8::new(9, 9, 9, 3));
    let indexed = quantize(clear.as_view(), &QuantizeOptions::new(8)).unwrap();
    assert_eq!(indexed.palette(), &[Rgba8::TRANSPARENT]);
}

#[test]
fn more_colours_give_lower_error_on_a_photo() {
    let image = photo(256, 192);
    let mut last = f64::INFINITY;
    for colors in [16, 64, 256] {
        let indexed = quantize(image.as_view(), &QuantizeOptions::new(colors)).unwrap();
        assert!(indexed.palette().len() <= usize::from(colors));
        let error = mean_delta_e_2000(image.as_view(), &indexed);
        assert!(error < last, "{colors}: {error} ≥ {last}");
        assert!(error < 6.0, "{colors}: {error}");
        last = error;
    }
    assert!(last < 2.0, "256 colours: {last}");
}

#[test]
fn refinement_lowers_the_error() {
    let image = photo(128, 128);
    let wu_only = quantize(
        image.as_view(),
        &QuantizeOptions::new(16).with_refine_passes(0),
    )
    .unwrap();
    let refined = quantize(image.as_view(), &QuantizeOptions::new(16)).unwrap();
    let (a, b) = (
        mean_delta_e_2000(image.as_view(), &wu_only),
        mean_delta_e_2000(image.as_view(), &refined),
    );
    assert!(b < a, "refined {b} vs Wu alone {a}");
}

#[test]
fn palette_for_matches_quantize() {
    let image = photo(96, 64);
    let options = QuantizeOptions::new(32);
    let palette = palette_for(image.as_view(), &options).unwrap();
    let indexed = quantize(image.as_view(), &options).unwrap();
    assert_eq!(palette.colors(), indexed.palette());
    let again = remap(image.as_view(), &palette, &options.remap_options());
    assert_eq!(again, indexed);
}

#[test]
fn errors_and_empty_images() {
    let image = Image::filled(4, 4, Rgba8::WHITE);
    for colors in [0, 1, 257, 1000] {
        assert_eq!(
            quantize(image.as_view(), &QuantizeOptions::new(colors)),
            Err(QuantizeError::Colors { colors })
        );
    }
    assert_eq!(
        QuantizeError::Colors { colors: 1 }.to_string(),
        "cannot quantize to 1 colours; 2 to 256 are allowed"
    );
    let empty = Image::<Rgba8>::new(0, 7);
    let indexed = quantize(empty.as_view(), &QuantizeOptions::new(16)).unwrap();
    assert_eq!(indexed.size(), (0, 7));
    assert!(indexed.palette().is_empty());
    assert_eq!(
        palette_for(empty.as_view(), &QuantizeOptions::new(16)),
        Err(QuantizeError::NoPixels)
    );
}

#[test]
fn odd_shapes_and_strided_views_never_panic() {
    let image = photo(37, 23);
    let palette = palette_for(image.as_view(), &QuantizeOptions::new(8)).unwrap();
    for rect in [
        Rect::new(0, 0, 1, 1),
        Rect::new(3, 4, 1, 19),
        Rect::new(5, 0, 31, 1),
        Rect::new(2, 3, 30, 17),
    ] {
        let view = image.sub_view(rect).unwrap();
        for dither in [Dither::None, Dither::FloydSteinberg, Dither::Bayer8] {
            let indexed = remap(view, &palette, &RemapOptions::new().with_dither(dither));
            assert_eq!(indexed.size(), view.size());
            let q = quantize(view, &QuantizeOptions::new(4).with_dither(dither)).unwrap();
            assert_eq!(q.size(), view.size());
        }
    }
    // The strided view maps exactly as a copy of it does.
    let view = image.sub_view(Rect::new(2, 3, 30, 17)).unwrap();
    let options = RemapOptions::new().with_dither(Dither::FloydSteinberg);
    assert_eq!(
        remap(view, &palette, &options),
        remap(view.to_image().as_view(), &palette, &options)
    );
}

// ---------------------------------------------------------------------------------
// Remapping and dithering

#[test]
fn remap_onto_web_safe_is_exact_for_web_safe_colours() {
    let web = Palette::web_safe();
    let image = Image::from_fn(36, 6, |x, y| {
        web.get(u8::try_from(y * 36 + x).unwrap()).unwrap()
    });
    for metric in [Metric::Rgb, Metric::Oklab] {
        for dither in [Dither::None, Dither::FloydSteinberg] {
            let options = RemapOptions::new().with_metric(metric).with_dither(dither);
            let indexed = remap(image.as_view(), &web, &options);
            let expect: Vec<u8> = (0..=215).collect();
            assert_eq!(indexed.indices(), &expect[..], "{metric:?} {dither:?}");
        }
    }
}

#[test]
fn floyd_steinberg_keeps_the_mean_light_of_a_flat_gray() {
    // sRGB 128 is 21.6 % of white's light. Dithered over black and white, the share of
    // white pixels must match that in linear light (not the 50 % of encoded values).
    let target = f64::from(srgb8_to_linear(128));
    let image = Image::filled(128, 128, Rgba8::new(128, 128, 128, 255));
    let bw = Palette::grayscale(2).unwrap();
    for metric in [Metric::Rgb, Metric::Oklab] {
        let options = RemapOptions::new()
            .with_dither(Dither::FloydSteinberg)
            .with_metric(metric);
        let indexed = remap(image.as_view(), &bw, &options);
        let white = indexed.indices().iter().filter(|&&i| i == 1).count();
        let share = white as f64 / (128.0 * 128.0);
        assert!(
            (share - target).abs() < 0.005,
            "{metric:?}: {share} vs {target}"
        );
        // Spread out, not in blocks: every 8×8 tile gets some white.
        for ty in 0..16 {
            for tx in 0..16 {
                let any = (0..64).any(|k| indexed.index(tx * 8 + k % 8, ty * 8 + k / 8) == Some(1));
                assert!(any, "tile ({tx}, {ty})");
            }
        }
    }
    // The same holds along a ramp, band by band (error flows between neighbouring
    // columns, so single columns vary more).
    let ramp = Image::from_fn(64, 256, |x, _| {
        let v = u8::try_from(x * 4).unwrap();
        Rgba8::new(v, v, v, 255)
    });
    let indexed = remap(
        ramp.as_view(),
        &bw,
        &RemapOptions::new().with_dither(Dither::FloydSteinberg),
    );
    for band in 0..8 {
        let columns = band * 8..band * 8 + 8;
        let white = columns
            .clone()
            .flat_map(|x| (0..256).map(move |y| (x, y)))
            .filter(|&(x, y)| indexed.index(x, y) == Some(1))
            .count();
        let want: f64 = columns
            .map(|x| f64::from(srgb8_to_linear(u8::try_from(x * 4).unwrap())))
            .sum::<f64>()
            / 8.0;
        let share = white as f64 / 2048.0;
        // Error diffused past the left and right edges is lost, hence the margin.
        assert!(
            (share - want).abs() < 0.025,
            "band {band}: {share} vs {want}"
        );
    }
}

#[test]
fn bayer_is_deterministic_periodic_and_balanced() {
    let bw = Palette::grayscale(2).unwrap();
    // Offsets are in 8-bit values, so the split is balanced there under the RGB metric.
    let options = RemapOptions::new()
        .with_dither(Dither::Bayer8)
        .with_metric(Metric::Rgb);
    for v in [0u8, 1, 32, 64, 100, 128, 191, 254, 255] {
        let image = Image::filled(24, 16, Rgba8::new(v, v, v, 255));
        let a = remap(image.as_view(), &bw, &options);
        let b = remap(image.as_view(), &bw, &options);
        assert_eq!(a, b);
        // Period 8 in both directions.
        for y in 0..16 {
            for x in 0..24 {
                assert_eq!(a.index(x, y), a.index(x % 8, y % 8));
            }
        }
        // Within one tile, the share of white follows the encoded value: within one of
        // the 64 thresholds.
        let white = (0..64)
            .filter(|&k| a.index(k % 8, k / 8) == Some(1))
            .count();
        let want = f64::from(v) / 255.0 * 64.0;
        assert!(
            (white as f64 - want).abs() <= 1.0,
            "{v}: {white} of 64, want {want}"
        );
    }
    // Ordered dithering over a 16-level ramp uses only the two nearest levels.
    let ramp16 = Palette::grayscale(16).unwrap();
    let image = Image::filled(8, 8, Rgba8::new(100, 100, 100, 255));
    let indexed = remap(image.as_view(), &ramp16, &options);
    let mut used: Vec<u8> = indexed.indices().to_vec();
    used.sort_unstable();
    used.dedup();
    assert_eq!(used, [5, 6], "100 lies between 85 and 102");
}

#[test]
fn dithering_lowers_banding_error_on_a_smooth_gradient() {
    // Averaged over 8×8 blocks, a dithered gradient is closer to the original in light
    // than the banded one: the point of dithering. The web-safe palette spans the
    // whole gamut, so every colour is reachable by mixing.
    let image = Image::from_fn(128, 64, |x, y| {
        let v = u8::try_from(x * 2).unwrap();
        Rgba8::new(v, u8::try_from(y * 2 + 40).unwrap(), 255 - v, 255)
    });
    let web = Palette::web_safe();
    let block_error = |dither: Dither, metric: Metric| {
        let options = RemapOptions::new().with_dither(dither).with_metric(metric);
        let indexed = remap(image.as_view(), &web, &options);
        let mut total = 0.0f64;
        for by in 0..8 {
            for bx in 0..16 {
                let (mut want, mut got) = ([0.0f64; 3], [0.0f64; 3]);
                for k in 0..64 {
                    let (x, y) = (bx * 8 + k % 8, by * 8 + k / 8);
                    let p = image.get(x, y).unwrap();
                    let q = indexed.color(x, y).unwrap();
                    for (c, (a, b)) in [(p.r, q.r), (p.g, q.g), (p.b, q.b)].into_iter().enumerate()
                    {
                        want[c] += f64::from(srgb8_to_linear(a)) / 64.0;
                        got[c] += f64::from(srgb8_to_linear(b)) / 64.0;
                    }
                }
                total += (0..3).map(|c| (want[c] - got[c]).abs()).sum::<f64>();
            }
        }
        total / 128.0
    };
    for metric in [Metric::Rgb, Metric::Oklab] {
        let none = block_error(Dither::None, metric);
        let fs = block_error(Dither::FloydSteinberg, metric);
        let bayer = block_error(Dither::Bayer8, metric);
        // Per block, the summed channel error in linear light.
        assert!(
            fs < 0.02 && fs < none / 3.0,
            "{metric:?}: FS {fs} vs none {none}"
        );
        assert!(
            bayer < none / 2.0,
            "{metric:?}: Bayer {bayer} vs none {none}"
        );
    }
}
