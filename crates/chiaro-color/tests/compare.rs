//! Image comparison: exact statistics on known differences, SSIM against an `f64`
//! evaluation of the textbook formula, ΔE maps against per-pixel CIEDE2000, strided
//! views, size errors and empty images.

use chiaro_color::compare::{
    VisibleColor, compare, compare_where, delta_e_map, delta_e_map_over, difference_image,
    difference_map, psnr, ssim,
};
use chiaro_color::delta_e::delta_e_2000;
use chiaro_color::space::{ColorSpace, Lab};
use chiaro_pixel::{
    Bgra8, Gray8, GrayA8, Image, Pixel, PremulRgba8, Rect, Rgb8, Rgba8, SizeMismatch, View,
};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn byte(&mut self) -> u8 {
        self.next().to_be_bytes()[0]
    }

    /// Uniform in `-amplitude..=amplitude`.
    fn noise(&mut self, amplitude: i32) -> i32 {
        let span = u64::try_from(2 * amplitude + 1).unwrap();
        i32::try_from(self.next() % span).unwrap() - amplitude
    }
}

fn random_image<P: Pixel<Channel = u8>>(w: u32, h: u32, rng: &mut Rng) -> Image<P> {
    Image::from_fn(w, h, |_, _| {
        let mut p = P::default();
        for c in p.channels_mut() {
            *c = rng.byte();
        }
        p
    })
}

/// A smooth picture with some structure, so SSIM has something to measure.
fn scene(w: u32, h: u32) -> Image<Rgb8> {
    Image::from_fn(w, h, |x, y| {
        let r = u8::try_from((x * 255) / w.max(1)).unwrap();
        let g = u8::try_from((y * 255) / h.max(1)).unwrap();
        let b = if (x / 8 + y / 8) % 2 == 0 { 40 } else { 200 };
        Rgb8::new(r, g, b)
    })
}

fn add_noise(img: &Image<Rgb8>, amplitude: i32, rng: &mut Rng) -> Image<Rgb8> {
    let mut out = img.clone();
    for p in out.pixels_mut() {
        for c in p.channels_mut() {
            *c = u8::try_from((i32::from(*c) + rng.noise(amplitude)).clamp(0, 255)).unwrap();
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Identical images.

fn assert_identical<P: VisibleColor>(img: &Image<P>) {
    let v = img.as_view();
    let d = compare(v, v).unwrap();
    assert!(d.is_identical());
    assert_eq!((d.max(), d.mean(), d.mse()), (0, 0.0, 0.0));
    assert_eq!(
        (d.differing_pixels(), d.pixels_above(0), d.worst()),
        (0, 0, None)
    );
    assert_eq!(d.pixels_compared(), u64::from(img.width() * img.height()));
    assert_eq!(d.channel_count(), P::CHANNELS);
    assert!(
        d.channels()
            .all(|c| c.max == 0 && c.mean == 0.0 && c.psnr().is_infinite())
    );
    assert_eq!(d.psnr(), f64::INFINITY);
    assert_eq!(psnr(v, v).unwrap(), f64::INFINITY);
    assert_eq!(ssim(v, v).unwrap(), 1.0);
    let map = delta_e_map(v, v).unwrap();
    assert_eq!((map.max(), map.mean(), map.count_above(0.0)), (0.0, 0.0, 0));
    assert_eq!(map.worst(), None);
    assert!(difference_map(v, v).unwrap().pixels().all(|p| p.v == 0));
    let picture = difference_image(v, v, 255).unwrap();
    assert!(
        picture
            .pixels()
            .all(|p| p.r == p.g && p.g == p.b && p.r >= 191)
    );
    assert_eq!(
        d.to_string(),
        format!("identical ({} pixels compared)", d.pixels_compared())
    );
}

#[test]
fn identical_images_have_no_difference_in_every_format() {
    let mut rng = Rng(1);
    assert_identical(&random_image::<Gray8>(37, 21, &mut rng));
    assert_identical(&random_image::<GrayA8>(37, 21, &mut rng));
    assert_identical(&random_image::<Rgb8>(37, 21, &mut rng));
    assert_identical(&random_image::<Rgba8>(37, 21, &mut rng));
    assert_identical(&random_image::<Bgra8>(37, 21, &mut rng));
    let premul: Image<PremulRgba8> = random_image::<Rgba8>(37, 21, &mut rng).into_converted();
    assert_identical(&premul);
    assert_identical(&random_image::<Rgb8>(3, 2, &mut rng));
}

// ---------------------------------------------------------------------------------
// Channel statistics.

#[test]
fn single_pixel_differences_give_exact_statistics() {
    let a = Image::filled(10, 8, Rgba8::new(100, 100, 100, 255));
    let mut b = a.clone();
    *b.get_mut(3, 2).unwrap() = Rgba8::new(100, 104, 100, 255); // off by 4 in green
    *b.get_mut(7, 5).unwrap() = Rgba8::new(90, 100, 100, 250); // 10 in red, 5 in alpha
    *b.get_mut(9, 7).unwrap() = Rgba8::new(110, 100, 100, 255); // 10 in red, found later
    let d = compare(a.as_view(), b.as_view()).unwrap();

    assert_eq!(d.size(), (10, 8));
    assert_eq!(d.pixels_compared(), 80);
    assert_eq!(d.max(), 10);
    assert_eq!(
        d.worst(),
        Some((7, 5)),
        "the first worst pixel in row order"
    );
    assert_eq!(d.differing_pixels(), 3);
    assert_eq!(
        (d.pixels_above(3), d.pixels_above(4), d.pixels_above(9)),
        (3, 2, 2)
    );
    assert_eq!(d.pixels_above(10), 0);
    assert_eq!(d.histogram()[0], 77);
    assert_eq!((d.histogram()[4], d.histogram()[10]), (1, 2));
    assert_eq!(d.histogram().iter().sum::<u64>(), 80);
    // Channels: r has 10 + 10, g has 4, b nothing, a has 5.
    assert_eq!(d.mean(), 29.0 / 320.0);
    assert_eq!(d.mse(), (100.0 + 100.0 + 16.0 + 25.0) / 320.0);
    let [r, g, b_, alpha] = [0, 1, 2, 3].map(|i| d.channel(i).unwrap());
    assert_eq!(
        (r.max, r.mean, r.mse, r.differing),
        (10, 20.0 / 80.0, 200.0 / 80.0, 2)
    );
    assert_eq!(
        (g.max, g.mean, g.mse, g.differing),
        (4, 4.0 / 80.0, 16.0 / 80.0, 1)
    );
    assert_eq!((b_.max, b_.differing, b_.psnr()), (0, 0, f64::INFINITY));
    assert_eq!((alpha.max, alpha.mean, alpha.differing), (5, 5.0 / 80.0, 1));
    assert_eq!(d.channel(4), None);
    assert_eq!(d.channels().len(), 4);
    assert!((g.psnr() - 10.0 * (65025.0f64 / 0.2).log10()).abs() < 1e-12);

    // The same through the other entry points.
    let map = difference_map(a.as_view(), b.as_view()).unwrap();
    assert_eq!(map.get(3, 2), Some(&Gray8::new(4)));
    assert_eq!(map.get(7, 5), Some(&Gray8::new(10)));
    assert_eq!(map.pixels().filter(|p| p.v != 0).count(), 3);
    assert_eq!(psnr(a.as_view(), b.as_view()).unwrap(), d.psnr());
    let text = d.to_string();
    assert!(
        text.starts_with("3 of 80 pixels differ; max 10 at (7, 5); mean 0.0906;"),
        "{text}"
    );
    assert!(text.ends_with("per channel max [10, 4, 0, 5], mean [0.2500, 0.0500, 0.0000, 0.0625]"));
}

#[test]
fn differences_are_symmetric_and_in_memory_order() {
    let a = Image::filled(2, 1, Bgra8::new(10, 20, 30, 40));
    let b = Image::filled(2, 1, Bgra8::new(10, 20, 33, 40)); // red is the third byte
    let ab = compare(a.as_view(), b.as_view()).unwrap();
    let ba = compare(b.as_view(), a.as_view()).unwrap();
    assert_eq!(ab, ba);
    assert_eq!(ab.channel(2).unwrap().max, 3);
}

#[test]
fn uniform_offset_of_one_gives_20_log10_255() {
    let expected = 20.0 * 255.0f64.log10(); // 48.1308…
    assert!((expected - 48.1308).abs() < 1e-4);
    let mut rng = Rng(2);
    let a = random_image::<Rgb8>(64, 48, &mut rng);
    // Every channel off by one, up or down.
    let b = Image::from_fn(64, 48, |x, y| {
        let p = a.get(x, y).unwrap();
        let f = |c: u8| if c == 255 { 254 } else { c + 1 };
        Rgb8::new(f(p.r), f(p.g), f(p.b))
    });
    let got = psnr(a.as_view(), b.as_view()).unwrap();
    assert!((got - expected).abs() < 1e-9, "{got}");
    let d = compare(a.as_view(), b.as_view()).unwrap();
    assert!((d.psnr() - expected).abs() < 1e-9);
    assert!(
        d.channels()
            .all(|c| (c.psnr() - expected).abs() < 1e-9 && c.max == 1)
    );
    assert_eq!((d.mean(), d.max(), d.differing_pixels()), (1.0, 1, 64 * 48));
}

#[test]
fn psnr_of_a_known_mse() {
    // One gray pixel of 16 off by 16: MSE = 256 / 16 = 16.
    let a = Image::filled(4, 4, Gray8::new(50));
    let mut b = a.clone();
    *b.get_mut(0, 3).unwrap() = Gray8::new(66);
    let want = 10.0 * (65025.0f64 / 16.0).log10();
    assert!((psnr(a.as_view(), b.as_view()).unwrap() - want).abs() < 1e-12);
    // Black against white is 0 dB.
    let black = Image::filled(3, 3, Rgb8::new(0, 0, 0));
    let white = Image::filled(3, 3, Rgb8::new(255, 255, 255));
    assert_eq!(psnr(black.as_view(), white.as_view()).unwrap(), 0.0);
}

#[test]
fn compare_where_counts_only_selected_pixels() {
    let a = Image::filled(6, 6, Gray8::new(0));
    let b = Image::from_fn(6, 6, |x, _| Gray8::new(if x < 3 { 2 } else { 50 }));
    let left = compare_where(a.as_view(), b.as_view(), |x, _| x < 3).unwrap();
    let right = compare_where(a.as_view(), b.as_view(), |x, _| x >= 3).unwrap();
    let none = compare_where(a.as_view(), b.as_view(), |_, _| false).unwrap();
    assert_eq!(
        (left.pixels_compared(), left.max(), left.mean()),
        (18, 2, 2.0)
    );
    assert_eq!(
        (right.pixels_compared(), right.max(), right.worst()),
        (18, 50, Some((3, 0)))
    );
    assert_eq!(
        (none.pixels_compared(), none.mean(), none.psnr()),
        (0, 0.0, f64::INFINITY)
    );
    assert!(none.is_identical());
}

// ---------------------------------------------------------------------------------
// SSIM.

/// Gaussian weights as the library defines them, in `f64`.
fn gaussian64(len: usize) -> Vec<f64> {
    let c = (len as f64 - 1.0) / 2.0;
    let raw: Vec<f64> = (0..len)
        .map(|i| (-(i as f64 - c).powi(2) / 4.5).exp())
        .collect();
    let sum: f64 = raw.iter().sum();
    raw.iter().map(|w| w / sum).collect()
}

/// SSIM of two luma planes, straight from the definition: a 2D window at every valid
/// position, statistics in `f64`.
fn ssim_reference(x: &[f64], y: &[f64], w: usize, h: usize) -> f64 {
    let (c1, c2) = ((0.01f64 * 255.0).powi(2), (0.03f64 * 255.0).powi(2));
    let (wx, wy) = (gaussian64(w.min(11)), gaussian64(h.min(11)));
    let mut total = 0.0;
    let mut count = 0.0;
    for oy in 0..=h - wy.len() {
        for ox in 0..=w - wx.len() {
            let (mut mx, mut my, mut xx, mut yy, mut xy) = (0.0, 0.0, 0.0, 0.0, 0.0);
            for (j, wj) in wy.iter().enumerate() {
                for (i, wi) in wx.iter().enumerate() {
                    let k = (oy + j) * w + ox + i;
                    let wt = wi * wj;
                    mx += wt * x[k];
                    my += wt * y[k];
                    xx += wt * x[k] * x[k];
                    yy += wt * y[k] * y[k];
                    xy += wt * x[k] * y[k];
                }
            }
            let (sx, sy, sxy) = (xx - mx * mx, yy - my * my, xy - mx * my);
            total += ((2.0 * mx * my + c1) * (2.0 * sxy + c2))
                / ((mx * mx + my * my + c1) * (sx + sy + c2));
            count += 1.0;
        }
    }
    total / count
}

fn luma_plane(img: &Image<Rgb8>) -> Vec<f64> {
    img.pixels()
        .map(|p| 0.2126 * f64::from(p.r) + 0.7152 * f64::from(p.g) + 0.0722 * f64::from(p.b))
        .collect()
}

#[test]
fn ssim_matches_the_textbook_formula() {
    let mut rng = Rng(3);
    for (w, h) in [
        (1, 1),
        (5, 3),
        (11, 11),
        (12, 17),
        (40, 23),
        (64, 64),
        (3, 30),
    ] {
        let a = scene(w, h);
        for amplitude in [1, 6, 40] {
            let b = add_noise(&a, amplitude, &mut rng);
            let got = ssim(a.as_view(), b.as_view()).unwrap();
            let want = ssim_reference(&luma_plane(&a), &luma_plane(&b), w as usize, h as usize);
            assert!(
                (got - want).abs() < 1e-9,
                "{w}×{h} ±{amplitude}: {got} vs {want}"
            );
        }
        // Unrelated images, where SSIM is far from 1.
        let (x, y) = (
            random_image::<Gray8>(w, h, &mut rng),
            random_image::<Gray8>(w, h, &mut rng),
        );
        let got = ssim(x.as_view(), y.as_view()).unwrap();
        let plane = |i: &Image<Gray8>| i.pixels().map(|p| f64::from(p.v)).collect::<Vec<_>>();
        let want = ssim_reference(&plane(&x), &plane(&y), w as usize, h as usize);
        assert!((got - want).abs() < 1e-9, "{w}×{h} random: {got} vs {want}");
    }
}

#[test]
fn ssim_of_flat_images_is_the_luminance_term() {
    let a = Image::filled(20, 20, Gray8::new(100));
    let b = Image::filled(20, 20, Gray8::new(110));
    let c1 = 6.5025;
    let want = (2.0 * 100.0 * 110.0 + c1) / (100.0f64.powi(2) + 110.0f64.powi(2) + c1);
    let got = ssim(a.as_view(), b.as_view()).unwrap();
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
}

#[test]
fn ssim_falls_with_noise_and_is_symmetric() {
    let mut rng = Rng(4);
    let a = scene(96, 80);
    let mut last = 1.0;
    for amplitude in [1, 4, 16, 64] {
        let b = add_noise(&a, amplitude, &mut rng);
        let ab = ssim(a.as_view(), b.as_view()).unwrap();
        let ba = ssim(b.as_view(), a.as_view()).unwrap();
        assert!((ab - ba).abs() < 1e-9, "{ab} vs {ba}");
        assert!(ab < last && ab > -1.0, "±{amplitude}: {ab} after {last}");
        last = ab;
    }
    assert!(last < 0.5, "{last}");
    // Inverting an image gives a negative structure term.
    let inverted = Image::from_fn(96, 80, |x, y| {
        let p = a.get(x, y).unwrap();
        Rgb8::new(255 - p.r, 255 - p.g, 255 - p.b)
    });
    assert!(ssim(a.as_view(), inverted.as_view()).unwrap() < 0.0);
}

#[test]
fn ssim_sees_alpha_over_black_and_white() {
    // Transparent against opaque black: equal over black, black against white over
    // white, whose SSIM is C1 / (255² + C1).
    let clear = Image::filled(16, 16, PremulRgba8::TRANSPARENT);
    let black = Image::filled(16, 16, PremulRgba8::new(0, 0, 0, 255));
    let over_white = 6.5025 / (255.0f64 * 255.0 + 6.5025);
    let got = ssim(clear.as_view(), black.as_view()).unwrap();
    assert!((got - 0.5 * (1.0 + over_white)).abs() < 1e-12, "{got}");
    // Straight alpha: the colour under zero alpha does not matter.
    let red_clear = Image::filled(16, 16, Rgba8::new(255, 0, 0, 0));
    let blue_clear = Image::filled(16, 16, Rgba8::new(0, 0, 255, 0));
    assert_eq!(
        ssim(red_clear.as_view(), blue_clear.as_view()).unwrap(),
        1.0
    );
    assert!(
        compare(red_clear.as_view(), blue_clear.as_view())
            .unwrap()
            .max()
            == 255
    );
    // The mean of two SSIMs of the composited luma.
    let mut rng = Rng(5);
    let (w, h) = (23, 19);
    let a = random_image::<Rgba8>(w, h, &mut rng);
    let b = random_image::<Rgba8>(w, h, &mut rng);
    let composite = |img: &Image<Rgba8>, bg: f64| -> Vec<f64> {
        img.pixels()
            .map(|p| {
                let y = 0.2126 * f64::from(p.r) + 0.7152 * f64::from(p.g) + 0.0722 * f64::from(p.b);
                let alpha = f64::from(p.a) / 255.0;
                y * alpha + bg * (1.0 - alpha)
            })
            .collect()
    };
    let want = 0.5
        * (ssim_reference(&composite(&a, 0.0), &composite(&b, 0.0), 23, 19)
            + ssim_reference(&composite(&a, 255.0), &composite(&b, 255.0), 23, 19));
    let got = ssim(a.as_view(), b.as_view()).unwrap();
    assert!((got - want).abs() < 1e-9, "{got} vs {want}");
}

// ---------------------------------------------------------------------------------
// ΔE maps.

#[test]
fn black_against_white_is_100_everywhere() {
    let black = Image::filled(7, 5, Rgb8::new(0, 0, 0));
    let white = Image::filled(7, 5, Rgb8::new(255, 255, 255));
    let map = delta_e_map(black.as_view(), white.as_view()).unwrap();
    assert_eq!((map.width(), map.height(), map.values().len()), (7, 5, 35));
    assert!(
        map.values().iter().all(|&v| (v - 100.0).abs() < 1e-3),
        "{:?}",
        map.values()
    );
    assert!((map.max() - 100.0).abs() < 1e-3 && (map.mean() - 100.0).abs() < 1e-3);
    assert_eq!((map.count_above(99.9), map.count_above(100.1)), (35, 0));
    assert_eq!(
        map.worst().map(|(x, y)| map.get(x, y)),
        Some(Some(map.max()))
    );
    // Gray formats mean the same colours.
    let (g0, g1) = (
        Image::filled(7, 5, Gray8::new(0)),
        Image::filled(7, 5, Gray8::new(255)),
    );
    assert_eq!(delta_e_map(g0.as_view(), g1.as_view()).unwrap(), map);
}

#[test]
fn delta_e_map_is_ciede2000_per_pixel() {
    let mut rng = Rng(6);
    let a = random_image::<Rgb8>(41, 29, &mut rng);
    let mut b = random_image::<Rgb8>(41, 29, &mut rng);
    for x in 0..41 {
        *b.get_mut(x, 3).unwrap() = *a.get(x, 3).unwrap(); // some equal pixels
    }
    let map = delta_e_map(a.as_view(), b.as_view()).unwrap();
    for ((x, y, pa), pb) in a.enumerate_pixels().zip(b.pixels()) {
        let want = delta_e_2000(Lab::from_srgb8(*pa), Lab::from_srgb8(*pb));
        assert_eq!(map.get(x, y), Some(want), "({x}, {y})");
    }
    assert_eq!(map.into_values()[3 * 41..4 * 41], [0.0; 41]);
}

#[test]
fn delta_e_map_with_alpha_takes_the_worse_background() {
    let lab = |r, g, b| Lab::from_srgb8(Rgb8::new(r, g, b));
    // Half-covered red against opaque black: over black (128,0,0) vs black, over
    // white (255,127,127) vs black.
    let a = Image::filled(2, 2, Rgba8::new(255, 0, 0, 128));
    let b = Image::filled(2, 2, Rgba8::new(0, 0, 0, 255));
    let over_black = delta_e_2000(lab(128, 0, 0), lab(0, 0, 0));
    let over_white = delta_e_2000(lab(255, 127, 127), lab(0, 0, 0));
    let map = delta_e_map(a.as_view(), b.as_view()).unwrap();
    assert_eq!(map.get(1, 1), Some(over_black.max(over_white)));
    let page = Rgb8::new(0, 0, 0);
    let on_black = delta_e_map_over(a.as_view(), b.as_view(), page).unwrap();
    assert_eq!(on_black.get(0, 0), Some(over_black));
    // The same pixels premultiplied give the same map.
    let (pa, pb) = (
        Image::filled(2, 2, PremulRgba8::new(128, 0, 0, 128)),
        Image::filled(2, 2, PremulRgba8::new(0, 0, 0, 255)),
    );
    assert_eq!(delta_e_map(pa.as_view(), pb.as_view()).unwrap(), map);
    // Transparent against opaque black: invisible over black, 100 over white.
    let clear = Image::filled(2, 2, PremulRgba8::TRANSPARENT);
    let map = delta_e_map(clear.as_view(), pb.as_view()).unwrap();
    assert!((map.max() - 100.0).abs() < 1e-3);
}

// ---------------------------------------------------------------------------------
// Difference picture.

#[test]
fn difference_image_marks_differences_in_red_over_a_faded_copy() {
    let a = Image::from_fn(4, 1, |x, _| {
        if x == 3 {
            Rgb8::new(255, 255, 255)
        } else {
            Rgb8::new(0, 0, 0)
        }
    });
    let mut b = a.clone();
    *b.get_mut(1, 0).unwrap() = Rgb8::new(0, 0, 1); // off by 1
    *b.get_mut(2, 0).unwrap() = Rgb8::new(200, 0, 0); // off by 200
    let plain = difference_image(a.as_view(), b.as_view(), 1).unwrap();
    let px = |img: &Image<Rgb8>, x| *img.get(x, 0).unwrap();
    assert_eq!(px(&plain, 0), Rgb8::new(191, 191, 191), "black faded");
    assert_eq!(px(&plain, 3), Rgb8::new(255, 255, 255), "white stays white");
    assert_eq!(px(&plain, 1), Rgb8::new(97, 0, 0));
    assert_eq!(px(&plain, 2), Rgb8::new(96 + 125, 0, 0)); // 96 + round(200·159/255)
    let loud = difference_image(a.as_view(), b.as_view(), 10).unwrap();
    assert_eq!(
        (px(&loud, 1), px(&loud, 2)),
        (Rgb8::new(102, 0, 0), Rgb8::new(255, 0, 0))
    );
    let marks = difference_image(a.as_view(), b.as_view(), 0).unwrap();
    assert_eq!(
        (px(&marks, 1), px(&marks, 2)),
        (Rgb8::new(96, 0, 0), Rgb8::new(96, 0, 0))
    );
    // Alpha formats: context is the first image over white; alpha differences count.
    let clear = Image::filled(1, 1, Rgba8::new(9, 9, 9, 0));
    let faint = Image::filled(1, 1, Rgba8::new(9, 9, 9, 1));
    assert_eq!(
        difference_image(clear.as_view(), clear.as_view(), 1)
            .unwrap()
            .get(0, 0),
        Some(&Rgb8::new(255, 255, 255))
    );
    assert_eq!(
        difference_image(clear.as_view(), faint.as_view(), 1)
            .unwrap()
            .get(0, 0),
        Some(&Rgb8::new(97, 0, 0))
    );
}

// ---------------------------------------------------------------------------------
// Views, sizes, empty images.

#[test]
fn strided_views_give_the_same_results_as_copies() {
    let mut rng = Rng(7);
    let big_a = random_image::<Rgba8>(50, 40, &mut rng);
    let mut big_b = big_a.clone();
    for p in big_b.pixels_mut().step_by(7) {
        p.g = p.g.wrapping_add(3);
        p.a = p.a.wrapping_sub(1);
    }
    let rect = Rect::new(5, 3, 31, 22);
    let (va, vb) = (big_a.sub_view(rect).unwrap(), big_b.sub_view(rect).unwrap());
    assert!(va.as_slice().is_none(), "the sub-view is strided");
    let (ca, cb) = (va.to_image(), vb.to_image());
    let (ia, ib) = (ca.as_view(), cb.as_view());

    assert_eq!(compare(va, vb).unwrap(), compare(ia, ib).unwrap());
    assert!(!compare(va, vb).unwrap().is_identical());
    assert_eq!(psnr(va, vb).unwrap(), psnr(ia, ib).unwrap());
    assert_eq!(ssim(va, vb).unwrap(), ssim(ia, ib).unwrap());
    assert_eq!(delta_e_map(va, vb).unwrap(), delta_e_map(ia, ib).unwrap());
    assert_eq!(
        difference_map(va, vb).unwrap(),
        difference_map(ia, ib).unwrap()
    );
    assert_eq!(
        difference_image(va, vb, 4).unwrap(),
        difference_image(ia, ib, 4).unwrap()
    );

    // A view over padded rows of bytes.
    let bytes: Vec<u8> = (0..=255u8).cycle().take(16 * 8).collect();
    let padded = View::<Rgb8>::from_bytes(&bytes, 5, 8, 16).unwrap();
    let copy = padded.to_image();
    assert!(compare(padded, copy.as_view()).unwrap().is_identical());
    assert_eq!(ssim(padded, copy.as_view()).unwrap(), 1.0);
}

#[test]
fn size_mismatch_is_an_error_naming_both_sizes() {
    let a = Image::<Rgba8>::new(4, 3);
    let b = Image::<Rgba8>::new(3, 4);
    let (a, b) = (a.as_view(), b.as_view());
    let err = SizeMismatch {
        source: (4, 3),
        destination: (3, 4),
    };
    assert_eq!(compare(a, b).unwrap_err(), err);
    assert_eq!(compare_where(a, b, |_, _| true).unwrap_err(), err);
    assert_eq!(psnr(a, b).unwrap_err(), err);
    assert_eq!(ssim(a, b).unwrap_err(), err);
    assert_eq!(delta_e_map(a, b).unwrap_err(), err);
    assert_eq!(delta_e_map_over(a, b, Rgb8::new(1, 2, 3)).unwrap_err(), err);
    assert_eq!(difference_map(a, b).unwrap_err(), err);
    assert_eq!(difference_image(a, b, 1).unwrap_err(), err);
    let empty = Image::<Rgba8>::new(0, 3);
    assert!(compare(a, empty.as_view()).is_err());
}

#[test]
fn empty_images_compare_as_identical() {
    for (w, h) in [(0, 0), (0, 5), (5, 0)] {
        let e = Image::<PremulRgba8>::new(w, h);
        let v = e.as_view();
        let d = compare(v, v).unwrap();
        assert_eq!(
            (d.pixels_compared(), d.max(), d.mean(), d.worst()),
            (0, 0, 0.0, None)
        );
        assert_eq!(
            (d.psnr(), psnr(v, v).unwrap()),
            (f64::INFINITY, f64::INFINITY)
        );
        assert_eq!(ssim(v, v).unwrap(), 1.0);
        let map = delta_e_map(v, v).unwrap();
        assert_eq!(
            (map.size(), map.max(), map.mean(), map.worst()),
            ((w, h), 0.0, 0.0, None)
        );
        assert_eq!(map.to_image(1.0).size(), (w, h));
        assert_eq!(difference_image(v, v, 1).unwrap().size(), (w, h));
        assert_eq!(difference_map(v, v).unwrap().size(), (w, h));
    }
}
