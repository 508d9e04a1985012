//! Golden-value tests of the filters: blur impulse responses against the sampled
//! Gaussian, mean preservation, alpha handling, box blur against a naive reference.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are built from small coordinates; the casts fit or wrap on purpose"
)]

use chiaro_ops::filter::{
    FilterError, MAX_SIGMA, box_blur, gaussian_blur, gaussian_blur_exact, gaussian_kernel,
};
use chiaro_pixel::{
    Gray8, Gray16, GrayF32, Image, Pixel, PremulRgba8, Rgb8, Rgba8, Rgba16, RgbaF32,
};

/// A deterministic pseudo-random byte stream.
fn bytes(seed: u64) -> impl FnMut() -> u8 {
    let mut s = seed.max(1);
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 24) as u8
    }
}

fn sampled_gaussian(sigma: f64, x: f64) -> f64 {
    (-(x * x) / (2.0 * sigma * sigma)).exp() / (sigma * (2.0 * std::f64::consts::PI).sqrt())
}

/// The fast blur's 1-D impulse response (a one-row image: the vertical pass of a
/// single row is the identity) is within 7 % of the sampled Gaussian's peak.
#[test]
fn fast_blur_impulse_matches_the_sampled_gaussian_within_7_percent_of_peak_from_sigma_2() {
    for sigma in [2.0f32, 2.5, 3.0, 3.5, 4.0, 5.0, 6.5, 8.0, 13.0, 20.0, 50.0] {
        let w = 16 * sigma.ceil() as u32 + 1;
        let c = w / 2;
        let src = Image::from_fn(w, 1, |x, _| GrayF32::new(if x == c { 1.0 } else { 0.0 }));
        let out = gaussian_blur(src.as_view(), sigma).unwrap();
        let s = f64::from(sigma);
        let peak = sampled_gaussian(s, 0.0);
        let mut worst = 0.0f64;
        let mut sum = 0.0f64;
        for (x, p) in out.pixels().enumerate() {
            let g = sampled_gaussian(s, x as f64 - f64::from(c));
            worst = worst.max((f64::from(p.v) - g).abs());
            sum += f64::from(p.v);
        }
        assert!(
            worst <= 0.07 * peak,
            "sigma {sigma}: worst {worst} vs peak {peak} ({:.2} %)",
            100.0 * worst / peak
        );
        assert!((sum - 1.0).abs() < 1e-6, "sigma {sigma}: mass {sum}");
    }
}

/// The same in two dimensions on `u16`: a 65535 impulse, compared with the product of
/// two sampled Gaussians, within 7 % of the peak plus one level of rounding.
#[test]
fn fast_blur_2d_impulse_on_u16() {
    let sigma = 5.0f32;
    let n = 81;
    let src = Image::from_fn(n, n, |x, y| {
        Gray16::new(if x == n / 2 && y == n / 2 { 65535 } else { 0 })
    });
    let out = gaussian_blur(src.as_view(), sigma).unwrap();
    let s = f64::from(sigma);
    let peak = 65535.0 * sampled_gaussian(s, 0.0).powi(2);
    for (x, y, p) in out.enumerate_pixels() {
        let dx = f64::from(x) - f64::from(n / 2);
        let dy = f64::from(y) - f64::from(n / 2);
        let g = 65535.0 * sampled_gaussian(s, dx) * sampled_gaussian(s, dy);
        let err = (f64::from(p.v) - g).abs();
        assert!(err <= 0.14 * peak + 1.0, "({x}, {y}): {} vs {g}", p.v);
    }
}

/// The exact path is the sampled kernel: an impulse comes back as the kernel itself.
#[test]
fn exact_blur_impulse_is_the_sampled_kernel() {
    for sigma in [0.5f32, 1.0, 2.0, 3.5] {
        let kernel = gaussian_kernel(sigma).unwrap();
        let w = kernel.len() as u32 + 10;
        let c = w / 2;
        let src = Image::from_fn(w, 1, |x, _| GrayF32::new(if x == c { 1.0 } else { 0.0 }));
        let out = gaussian_blur_exact(src.as_view(), sigma).unwrap();
        let r = kernel.len() / 2;
        for (x, p) in out.pixels().enumerate() {
            let k = (x + r).checked_sub(c as usize).and_then(|i| kernel.get(i));
            let expected = k.copied().unwrap_or(0.0);
            assert!((p.v - expected).abs() < 1e-6, "sigma {sigma} x {x}");
            let g = sampled_gaussian(f64::from(sigma), x as f64 - f64::from(c));
            if sigma >= 1.0 {
                assert!((f64::from(p.v) - g).abs() < 1e-4, "sigma {sigma} x {x}");
            }
        }
    }
}

/// A flat image stays exactly flat under every blur, in every format.
#[test]
fn blurs_keep_flat_images_exactly_flat() {
    let rgba = Image::filled(37, 23, Rgba8::new(201, 17, 99, 140));
    let opaque = Image::filled(37, 23, Rgba8::new(201, 17, 99, 255));
    let premul = Image::filled(37, 23, PremulRgba8::new(120, 17, 99, 140));
    let gray16 = Image::filled(37, 23, Gray16::new(54321));
    let rgb = Image::filled(37, 23, Rgb8::new(1, 128, 255));
    for sigma in [0.0f32, 0.7, 2.0, 5.0, 31.0, 300.0] {
        // Straight alpha goes through premultiplied u8: flat, within the round-trip
        // bound of premultiplying at alpha 140 (one level).
        let out = gaussian_blur(rgba.as_view(), sigma).unwrap();
        let first = *out.get(0, 0).unwrap();
        assert!(out.pixels().all(|p| *p == first), "{sigma}");
        let (a, b) = (first.channels(), Rgba8::new(201, 17, 99, 140));
        for (x, y) in a.iter().zip(b.channels()) {
            assert!(x.abs_diff(*y) <= 1, "{sigma}: {first:?}");
        }
        assert_eq!(
            gaussian_blur(opaque.as_view(), sigma).unwrap(),
            opaque,
            "{sigma}"
        );
        assert_eq!(gaussian_blur(premul.as_view(), sigma).unwrap(), premul);
        assert_eq!(gaussian_blur(gray16.as_view(), sigma).unwrap(), gray16);
        assert_eq!(gaussian_blur(rgb.as_view(), sigma).unwrap(), rgb);
        if sigma <= 31.0 {
            assert_eq!(gaussian_blur_exact(rgb.as_view(), sigma).unwrap(), rgb);
        }
    }
    for radius in [0, 1, 4, 100] {
        assert_eq!(box_blur(rgb.as_view(), radius).unwrap(), rgb);
    }
}

/// Sum of a random image is kept to within rounding (half a level per pixel).
#[test]
fn blur_preserves_the_mean_of_random_images() {
    let mut next = bytes(7);
    let src = Image::from_fn(64, 64, |_, _| Gray8::new(next()));
    let mean = |img: &Image<Gray8>| {
        img.pixels().map(|p| f64::from(p.v)).sum::<f64>() / f64::from(img.width() * img.height())
    };
    for sigma in [1.0f32, 3.0, 9.0] {
        let out = gaussian_blur(src.as_view(), sigma).unwrap();
        // Clamped edges weight edge pixels more, so allow the edge effect too.
        assert!((mean(&out) - mean(&src)).abs() < 1.5, "{sigma}");
    }
}

/// Transparent black next to opaque red: with premultiplied blurring the visible
/// pixels stay red instead of darkening towards black.
#[test]
fn straight_alpha_blur_has_no_dark_halo() {
    let src = Image::from_fn(40, 8, |x, _| {
        if x < 20 {
            Rgba8::new(255, 0, 0, 255)
        } else {
            Rgba8::new(0, 0, 0, 0)
        }
    });
    for out in [
        gaussian_blur(src.as_view(), 3.0).unwrap(),
        gaussian_blur_exact(src.as_view(), 3.0).unwrap(),
        box_blur(src.as_view(), 3).unwrap(),
    ] {
        let mut faded = 0;
        for p in out.pixels() {
            if p.a > 0 {
                assert!(p.r >= 254 && p.g == 0 && p.b == 0, "{p:?}");
            }
            if p.a > 0 && p.a < 255 {
                faded += 1;
            }
        }
        assert!(faded > 0);
    }
    let float = Image::from_fn(40, 1, |x, _| {
        if x < 20 {
            RgbaF32::new(1.0, 0.0, 0.0, 1.0)
        } else {
            RgbaF32::new(0.0, 0.0, 0.0, 0.0)
        }
    });
    for p in gaussian_blur(float.as_view(), 3.0).unwrap().pixels() {
        if p.a > 1e-6 {
            assert!((p.r - 1.0).abs() < 1e-4, "{p:?}");
        }
    }
    let deep = Image::from_fn(40, 1, |x, _| {
        if x < 20 {
            Rgba16::new(65535, 0, 0, 65535)
        } else {
            Rgba16::new(0, 0, 0, 0)
        }
    });
    for p in gaussian_blur(deep.as_view(), 3.0).unwrap().pixels() {
        if p.a > 0 {
            assert!(p.r >= 65500, "{p:?}");
        }
    }
}

/// Box blur equals the naive mean over the clamped window, rounded per direction.
#[test]
fn box_blur_matches_a_naive_mean() {
    let mut next = bytes(11);
    let (w, h) = (23u32, 17u32);
    let src = Image::from_fn(w, h, |_, _| Gray8::new(next()));
    for r in [1u32, 2, 5, 30] {
        let out = box_blur(src.as_view(), r).unwrap();
        let ri = r as i64;
        let n = (2 * ri + 1) as f64;
        let at = |x: i64, y: i64| {
            f64::from(
                src.get(
                    x.clamp(0, i64::from(w) - 1) as u32,
                    y.clamp(0, i64::from(h) - 1) as u32,
                )
                .unwrap()
                .v,
            )
        };
        for y in 0..i64::from(h) {
            for x in 0..i64::from(w) {
                // Horizontal mean, rounded (the first pass stores u8), then vertical.
                let mut v = 0.0;
                for dy in -ri..=ri {
                    let yy = (y + dy).clamp(0, i64::from(h) - 1);
                    let hsum: f64 = (-ri..=ri).map(|dx| at(x + dx, yy)).sum();
                    v += (hsum / n + 0.5).floor();
                }
                let expected = (v / n + 0.5).floor();
                let got = f64::from(out.get(x as u32, y as u32).unwrap().v);
                assert_eq!(got, expected, "r {r} at ({x}, {y})");
            }
        }
    }
}

#[test]
fn bad_parameters_are_errors() {
    let img = Image::filled(4, 4, Gray8::new(3));
    for s in [f32::NAN, -1.0, f32::INFINITY, MAX_SIGMA * 2.0] {
        assert!(matches!(
            gaussian_blur(img.as_view(), s),
            Err(FilterError::Sigma { .. })
        ));
        assert!(gaussian_blur_exact(img.as_view(), s).is_err());
    }
    assert!(gaussian_blur_exact(img.as_view(), 300.0).is_err());
    assert!(matches!(
        box_blur(img.as_view(), u32::MAX),
        Err(FilterError::Radius { .. })
    ));
    let empty = Image::<Gray8>::new(0, 5);
    assert_eq!(gaussian_blur(empty.as_view(), 3.0).unwrap().size(), (0, 5));
}

/// Tiny images (smaller than the kernel) and huge sigmas tend to the clamped mean.
#[test]
fn tiny_images_and_huge_sigmas() {
    let img = Image::from_fn(3, 2, |x, y| Gray8::new((x * 50 + y * 100) as u8));
    let out = gaussian_blur(img.as_view(), 1000.0).unwrap();
    assert_eq!(out.size(), (3, 2));
    let one = Image::filled(1, 1, Rgba8::new(9, 8, 7, 255));
    assert_eq!(gaussian_blur(one.as_view(), 40.0).unwrap(), one);
}

mod neighbourhood {
    use super::bytes;
    use chiaro_ops::filter::{
        FilterError, Kernel, convolve, dilate, erode, median, sharpen, sobel, unsharp_mask,
    };
    use chiaro_pixel::{Gray8, Image, Rgb8, Rgba8};

    fn invert(img: &Image<Gray8>) -> Image<Gray8> {
        Image::from_fn(img.width(), img.height(), |x, y| {
            Gray8::new(255 - img.get(x, y).unwrap().v)
        })
    }

    #[test]
    fn median_removes_salt_noise() {
        let clean = Image::from_fn(32, 32, |x, _| Gray8::new(if x < 16 { 40 } else { 180 }));
        let mut noisy = clean.clone();
        let mut next = bytes(3);
        for _ in 0..40 {
            let (x, y) = (u32::from(next()) % 32, u32::from(next()) % 32);
            *noisy.get_mut(x, y).unwrap() = Gray8::new(if next() > 127 { 255 } else { 0 });
        }
        let out = median(noisy.as_view(), 1).unwrap();
        let wrong = out
            .pixels()
            .zip(clean.pixels())
            .filter(|(a, b)| a != b)
            .count();
        assert!(wrong <= 4, "{wrong} pixels still differ");
        assert_eq!(median(clean.as_view(), 2).unwrap(), clean);
        assert!(matches!(
            median(clean.as_view(), 8),
            Err(FilterError::Radius { .. })
        ));
    }

    #[test]
    fn erosion_and_dilation_are_dual() {
        let mut next = bytes(5);
        let img = Image::from_fn(29, 17, |_, _| Gray8::new(next()));
        for r in [1, 2, 5] {
            let e = erode(img.as_view(), r).unwrap();
            let d = dilate(invert(&img).as_view(), r).unwrap();
            assert_eq!(e, invert(&d), "radius {r}");
            // Erosion never brightens, dilation never darkens.
            for ((a, b), c) in e
                .pixels()
                .zip(img.pixels())
                .zip(dilate(img.as_view(), r).unwrap().pixels())
            {
                assert!(a.v <= b.v && b.v <= c.v);
            }
        }
        // A single bright pixel grows into a (2r+1)² square.
        let dot = Image::from_fn(9, 9, |x, y| {
            Gray8::new(if (x, y) == (4, 4) { 200 } else { 0 })
        });
        let grown = dilate(dot.as_view(), 2).unwrap();
        assert_eq!(grown.pixels().filter(|p| p.v == 200).count(), 25);
        assert_eq!(erode(grown.as_view(), 2).unwrap(), dot);
    }

    #[test]
    fn sobel_of_flat_is_zero_and_of_a_step_is_four_times_the_step() {
        let flat = Image::filled(8, 8, Rgb8::new(9, 99, 199));
        assert!(
            sobel(flat.as_view())
                .pixels()
                .all(|p| *p == Rgb8::new(0, 0, 0))
        );
        let step = Image::from_fn(8, 4, |x, _| Gray8::new(if x < 4 { 10 } else { 60 }));
        let edges = sobel(step.as_view());
        let row: Vec<u8> = edges.row(1).unwrap().iter().map(|p| p.v).collect();
        assert_eq!(row, [0, 0, 0, 200, 200, 0, 0, 0]);
        // Alpha is kept.
        let rgba = Image::filled(4, 4, Rgba8::new(1, 2, 3, 77));
        assert!(
            sobel(rgba.as_view())
                .pixels()
                .all(|p| *p == Rgba8::new(0, 0, 0, 77))
        );
    }

    #[test]
    fn sharpening_keeps_flat_images_and_steepens_edges() {
        let flat = Image::filled(12, 12, Rgba8::new(50, 100, 150, 200));
        assert_eq!(sharpen(flat.as_view()), flat);
        assert_eq!(unsharp_mask(flat.as_view(), 2.0, 1.5, 0.0).unwrap(), flat);
        let step = Image::from_fn(20, 3, |x, _| Gray8::new(if x < 10 { 100 } else { 150 }));
        let sharp = unsharp_mask(step.as_view(), 1.5, 1.0, 0.0).unwrap();
        assert!(sharp.get(9, 1).unwrap().v < 100 && sharp.get(10, 1).unwrap().v > 150);
        assert_eq!(sharp.get(0, 1).unwrap().v, 100);
        // A threshold above the step leaves it alone.
        assert_eq!(unsharp_mask(step.as_view(), 1.5, 1.0, 0.5).unwrap(), step);
        assert!(unsharp_mask(step.as_view(), 1.5, f32::NAN, 0.0).is_err());
        assert!(unsharp_mask(step.as_view(), -1.0, 1.0, 0.0).is_err());
    }

    #[test]
    fn separable_and_full_kernels_agree() {
        let mut next = bytes(9);
        let img = Image::from_fn(19, 13, |_, _| Rgb8::new(next(), next(), next()));
        let h = vec![0.25, 0.5, 0.25];
        let v = vec![0.1, 0.2, 0.4, 0.2, 0.1];
        let sep = Kernel::separable(h.clone(), v.clone()).unwrap();
        let full = Kernel::new(3, 5, sep.weights().to_vec()).unwrap();
        let (a, b) = (
            convolve(img.as_view(), &sep),
            convolve(img.as_view(), &full),
        );
        for (p, q) in a.pixels().zip(b.pixels()) {
            for (x, y) in [(p.r, q.r), (p.g, q.g), (p.b, q.b)] {
                assert!(x.abs_diff(y) <= 1);
            }
        }
        let identity = Kernel::new(1, 1, vec![1.0]).unwrap();
        assert_eq!(convolve(img.as_view(), &identity), img);
        assert!(Kernel::new(2, 1, vec![0.5, 0.5]).is_err());
        assert!(Kernel::new(3, 1, vec![0.5, f32::NAN, 0.5]).is_err());
        assert!(Kernel::new(3, 3, vec![1.0; 8]).is_err());
        assert!(Kernel::separable(vec![], vec![1.0]).is_err());
    }
}
