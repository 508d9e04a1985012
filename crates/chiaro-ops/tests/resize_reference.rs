//! Resize against an exact reference written here: a plain `f64` separable convolution
//! with the same kernels, support widened by the scale factor when shrinking, windows
//! cut at the edges and renormalized, alpha premultiplied, and one rounding at the end.
//!
//! Every convolution filter must be within ±1 of it on at least 99% of channel values,
//! shrinking and enlarging, on a photo-like image, a sharp-edged checkerboard and an
//! RGBA image with varying alpha (compared premultiplied, colour × alpha). Run with
//! `--nocapture` to see the percentages.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test data and sizes are in range by construction"
)]

use chiaro_ops::resize::{self, Filter, ResizeOptions};
use chiaro_pixel::{
    Gray8, Gray16, GrayA8, Image, LinRgbaF32, PremulRgba8, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16,
};

const FILTERS: [Filter; 5] = [
    Filter::Box,
    Filter::Bilinear,
    Filter::CatmullRom,
    Filter::Mitchell,
    Filter::Lanczos3,
];

// ---------------------------------------------------------------------------------
// The reference.

fn kernel(filter: Filter, x: f64) -> f64 {
    let cubic = |b: f64, c: f64| {
        let x = x.abs();
        if x < 1.0 {
            ((12.0 - 9.0 * b - 6.0 * c) * x.powi(3)
                + (-18.0 + 12.0 * b + 6.0 * c) * x * x
                + (6.0 - 2.0 * b))
                / 6.0
        } else if x < 2.0 {
            ((-b - 6.0 * c) * x.powi(3)
                + (6.0 * b + 30.0 * c) * x * x
                + (-12.0 * b - 48.0 * c) * x
                + (8.0 * b + 24.0 * c))
                / 6.0
        } else {
            0.0
        }
    };
    let sinc = |x: f64| {
        if x == 0.0 {
            1.0
        } else {
            (std::f64::consts::PI * x).sin() / (std::f64::consts::PI * x)
        }
    };
    match filter {
        Filter::Box => f64::from(u8::from(x > -0.5 && x <= 0.5)),
        Filter::Bilinear => (1.0 - x.abs()).max(0.0),
        Filter::CatmullRom => cubic(0.0, 0.5),
        Filter::Mitchell => cubic(1.0 / 3.0, 1.0 / 3.0),
        Filter::Lanczos3 => {
            if (-3.0..3.0).contains(&x) {
                sinc(x) * sinc(x / 3.0)
            } else {
                0.0
            }
        }
        Filter::Nearest => unreachable!("not a convolution"),
        _ => unreachable!("no other filters"),
    }
}

/// For each output sample, every input sample with its weight, normalized. An
/// unchanged size is the identity (as in Pillow), whatever the filter.
fn reference_weights(len: usize, out: usize, filter: Filter) -> Vec<Vec<(usize, f64)>> {
    if len == out {
        return (0..out).map(|i| vec![(i, 1.0)]).collect();
    }
    let scale = len as f64 / out as f64;
    let stretch = scale.max(1.0);
    (0..out)
        .map(|i| {
            let centre = (i as f64 + 0.5) * scale;
            let taps: Vec<(usize, f64)> = (0..len)
                .map(|j| (j, kernel(filter, (j as f64 + 0.5 - centre) / stretch)))
                .filter(|&(_, w)| w != 0.0)
                .collect();
            let sum: f64 = taps.iter().map(|t| t.1).sum();
            taps.into_iter().map(|(j, w)| (j, w / sum)).collect()
        })
        .collect()
}

/// Separable `f64` convolution of `ch`-channel data, no rounding or clamping between
/// the passes.
fn reference(
    src: &[f64],
    (w, h): (usize, usize),
    ch: usize,
    (dw, dh): (usize, usize),
    filter: Filter,
) -> Vec<f64> {
    let hx = reference_weights(w, dw, filter);
    let vy = reference_weights(h, dh, filter);
    let mut tmp = vec![0.0; h * dw * ch];
    for y in 0..h {
        for (x, taps) in hx.iter().enumerate() {
            for &(j, k) in taps {
                for c in 0..ch {
                    tmp[(y * dw + x) * ch + c] += src[(y * w + j) * ch + c] * k;
                }
            }
        }
    }
    let mut out = vec![0.0; dh * dw * ch];
    for (y, taps) in vy.iter().enumerate() {
        for &(j, k) in taps {
            for i in 0..dw * ch {
                out[y * dw * ch + i] += tmp[j * dw * ch + i] * k;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Test images.

/// A deterministic generator for the noise of the test images.
struct Rng(u64);

impl Rng {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1_u64 << 53) as f64
    }
}

fn to_u8(v: f64) -> u8 {
    v.round().clamp(0.0, 255.0) as u8
}

/// Photo-like: smooth shading, a few hard-edged objects, fine texture and sensor noise.
fn photo(w: u32, h: u32) -> Image<Rgb8> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    Image::from_fn(w, h, |x, y| {
        let (fx, fy) = (f64::from(x) / f64::from(w), f64::from(y) / f64::from(h));
        let sky = 60.0 + 150.0 * (1.0 - fy) + 30.0 * (fx * 5.0).sin();
        let texture = 25.0 * ((f64::from(x) * 0.9).sin() * (f64::from(y) * 0.7).cos());
        let (dx, dy) = (fx - 0.6, fy - 0.55);
        let disc = if dx * dx + dy * dy < 0.04 { 1.0 } else { 0.0 };
        let bar = if (0.15..0.25).contains(&fx) { 1.0 } else { 0.0 };
        let mut c = [sky + texture, sky * 0.8 + texture, 200.0 - sky * 0.5];
        if disc > 0.0 {
            c = [230.0, 40.0 + 60.0 * fy, 30.0];
        }
        if bar > 0.0 {
            c = [20.0 + texture, 20.0, 35.0];
        }
        let noise = 12.0 * (rng.unit() - 0.5);
        Rgb8::new(
            to_u8(c[0] + noise),
            to_u8(c[1] + noise),
            to_u8(c[2] + noise),
        )
    })
}

/// Black and white squares of `cell` pixels: the hardest case for ringing.
fn checkerboard(w: u32, h: u32, cell: u32) -> Image<Gray8> {
    Image::from_fn(w, h, |x, y| {
        Gray8::new(if (x / cell + y / cell).is_multiple_of(2) {
            0
        } else {
            255
        })
    })
}

/// The photo's colours under alpha that varies: a ramp, a transparent hole and an
/// opaque band, all with hard edges.
fn rgba(w: u32, h: u32) -> Image<Rgba8> {
    let photo = photo(w, h);
    Image::from_fn(w, h, |x, y| {
        let p = photo.get(x, y).copied().unwrap_or_default();
        let (fx, fy) = (f64::from(x) / f64::from(w), f64::from(y) / f64::from(h));
        let (dx, dy) = (fx - 0.3, fy - 0.4);
        let a = if dx * dx + dy * dy < 0.02 {
            0.0
        } else if (0.7..0.8).contains(&fy) {
            255.0
        } else {
            255.0 * fx
        };
        Rgba8::new(p.r, p.g, p.b, to_u8(a))
    })
}

// ---------------------------------------------------------------------------------
// Comparison.

/// Share of channel values within ±1 of the rounded reference, and the largest error.
fn within_one(ours: &[f64], exact: &[f64]) -> (f64, f64) {
    assert_eq!(ours.len(), exact.len());
    let mut ok = 0;
    let mut worst: f64 = 0.0;
    for (&o, &e) in ours.iter().zip(exact) {
        let d = (o.round() - e.clamp(0.0, 255.0).round()).abs();
        worst = worst.max(d);
        if d <= 1.0 {
            ok += 1;
        }
    }
    (100.0 * f64::from(ok) / ours.len() as f64, worst)
}

fn channels_f64(bytes: &[u8]) -> Vec<f64> {
    bytes.iter().map(|&v| f64::from(v)).collect()
}

/// Premultiplied values of straight RGBA bytes: colour × alpha / 255, alpha as is.
fn premultiplied(bytes: &[u8]) -> Vec<f64> {
    bytes
        .chunks_exact(4)
        .flat_map(|p| {
            let a = f64::from(p[3]);
            [
                f64::from(p[0]) * a / 255.0,
                f64::from(p[1]) * a / 255.0,
                f64::from(p[2]) * a / 255.0,
                a,
            ]
        })
        .collect()
}

/// The third shrinks rows much more than columns, which runs the vertical pass first;
/// the last two keep one size, which is left as it is.
type Case = ((u32, u32), (u32, u32), &'static str);

const SIZES: [Case; 6] = [
    ((240, 180), (67, 50), "down 3.6x"),
    ((240, 180), (60, 45), "down 4x"),
    ((240, 180), (200, 23), "down 1.2x by 7.8x"),
    ((50, 40), (173, 131), "up 3.4x"),
    ((240, 180), (71, 180), "width only"),
    ((50, 40), (50, 131), "height only"),
];

#[test]
fn photo_within_one_of_the_exact_convolution() {
    for (src_size, dst, dir) in SIZES {
        let img = photo(src_size.0, src_size.1);
        let exact_src = channels_f64(img.as_bytes());
        for filter in FILTERS {
            let ours = resize::resize(img.as_view(), dst.0, dst.1, filter).unwrap();
            let exact = reference(
                &exact_src,
                (src_size.0 as usize, src_size.1 as usize),
                3,
                (dst.0 as usize, dst.1 as usize),
                filter,
            );
            let (share, worst) = within_one(&channels_f64(ours.as_bytes()), &exact);
            println!("photo {dir} {filter:?}: {share:.3}% within ±1, worst {worst}");
            assert!(share >= 99.0, "photo {dir} {filter:?}: {share}%");
        }
    }
}

#[test]
fn checkerboard_within_one_of_the_exact_convolution() {
    for (src_size, dst, dir) in SIZES {
        let img = checkerboard(src_size.0, src_size.1, 5);
        let exact_src = channels_f64(img.as_bytes());
        for filter in FILTERS {
            let ours = resize::resize(img.as_view(), dst.0, dst.1, filter).unwrap();
            let exact = reference(
                &exact_src,
                (src_size.0 as usize, src_size.1 as usize),
                1,
                (dst.0 as usize, dst.1 as usize),
                filter,
            );
            let (share, worst) = within_one(&channels_f64(ours.as_bytes()), &exact);
            println!("checkerboard {dir} {filter:?}: {share:.3}% within ±1, worst {worst}");
            assert!(share >= 99.0, "checkerboard {dir} {filter:?}: {share}%");
        }
    }
}

#[test]
fn rgba_within_one_of_the_exact_convolution_premultiplied() {
    for (src_size, dst, dir) in SIZES {
        let img = rgba(src_size.0, src_size.1);
        // The reference filters exactly premultiplied values (no 8-bit rounding).
        let exact_src = premultiplied(img.as_bytes());
        for filter in FILTERS {
            let ours = resize::resize(img.as_view(), dst.0, dst.1, filter).unwrap();
            let exact = reference(
                &exact_src,
                (src_size.0 as usize, src_size.1 as usize),
                4,
                (dst.0 as usize, dst.1 as usize),
                filter,
            );
            let (share, worst) = within_one(&premultiplied(ours.as_bytes()), &exact);
            println!("rgba {dir} {filter:?}: {share:.3}% within ±1, worst {worst}");
            assert!(share >= 99.0, "rgba {dir} {filter:?}: {share}%");

            // The premultiplied format gives the same filtering without the round trip.
            let premul: Image<PremulRgba8> = img.convert();
            let ours = resize::resize(premul.as_view(), dst.0, dst.1, filter).unwrap();
            let (share, _) = within_one(&channels_f64(ours.as_bytes()), &exact);
            assert!(share >= 99.0, "premultiplied {dir} {filter:?}: {share}%");
        }
    }
}

/// Straight alpha is premultiplied on the way in, a row at a time (into a ring of rows
/// when the vertical pass goes first), and restored on the way out: exactly what
/// premultiplying the whole image, resizing that and restoring alpha gives. The images
/// are tall so the ring wraps many times; the sizes take both pass orders.
#[test]
fn straight_alpha_equals_resizing_the_premultiplied_image() {
    for (src_size, dst) in [
        ((61, 700), (23, 41)),
        ((300, 97), (29, 31)),
        ((40, 333), (40, 70)),
        ((61, 300), (23, 300)),
        ((37, 50), (90, 130)),
    ] {
        let img = rgba(src_size.0, src_size.1);
        let premul: Image<PremulRgba8> = img.convert();
        for filter in FILTERS {
            let straight = resize::resize(img.as_view(), dst.0, dst.1, filter).unwrap();
            let via: Image<Rgba8> = resize::resize(premul.as_view(), dst.0, dst.1, filter)
                .unwrap()
                .convert();
            assert!(
                straight == via,
                "{filter:?} {src_size:?} -> {dst:?}: straight alpha differs"
            );
        }
    }
}

#[test]
fn gray_alpha_within_one_premultiplied() {
    let img = rgba(120, 90);
    let ga = Image::from_fn(120, 90, |x, y| {
        let p = img.get(x, y).copied().unwrap_or_default();
        GrayA8::new(p.g, p.a)
    });
    let exact_src: Vec<f64> = ga
        .as_bytes()
        .chunks_exact(2)
        .flat_map(|p| [f64::from(p[0]) * f64::from(p[1]) / 255.0, f64::from(p[1])])
        .collect();
    for filter in FILTERS {
        let ours = resize::resize(ga.as_view(), 37, 29, filter).unwrap();
        let ours_pm: Vec<f64> = ours
            .as_bytes()
            .chunks_exact(2)
            .flat_map(|p| [f64::from(p[0]) * f64::from(p[1]) / 255.0, f64::from(p[1])])
            .collect();
        let exact = reference(&exact_src, (120, 90), 2, (37, 29), filter);
        let (share, _) = within_one(&ours_pm, &exact);
        assert!(share >= 99.0, "gray-alpha {filter:?}: {share}%");
    }
}

#[test]
fn sixteen_bit_and_float_follow_the_reference() {
    let img = photo(120, 90);
    let wide: Image<Rgb16> = img.convert();
    let float: Image<RgbF32> = img.convert();
    let exact_src: Vec<f64> = wide
        .as_slice()
        .iter()
        .flat_map(|p| [p.r, p.g, p.b].map(f64::from))
        .collect();
    for filter in FILTERS {
        for (dw, dh) in [(41, 29), (250, 170)] {
            let exact = reference(&exact_src, (120, 90), 3, (dw, dh), filter);
            let ours = resize::resize(wide.as_view(), dw as u32, dh as u32, filter).unwrap();
            let mut ok = 0;
            for (p, e) in ours
                .as_slice()
                .iter()
                .flat_map(|p| [p.r, p.g, p.b])
                .zip(&exact)
            {
                if (f64::from(p) - e.clamp(0.0, 65535.0).round()).abs() <= 1.0 {
                    ok += 1;
                }
            }
            let share = 100.0 * f64::from(ok) / exact.len() as f64;
            assert!(share >= 99.0, "16-bit {filter:?} {dw}x{dh}: {share}%");

            let ours = resize::resize(float.as_view(), dw as u32, dh as u32, filter).unwrap();
            let worst = ours
                .as_slice()
                .iter()
                .flat_map(|p| [p.r, p.g, p.b])
                .zip(&exact)
                .map(|(p, e)| (f64::from(p) - e / 65535.0).abs())
                .fold(0.0, f64::max);
            // Float output keeps the ringing unclamped: the whole range matches.
            assert!(worst < 1e-5, "f32 {filter:?} {dw}x{dh}: {worst}");
        }
    }
}

#[test]
fn sixteen_bit_alpha_is_premultiplied() {
    // Opaque red next to transparent green: no green may appear.
    let img = Image::from_fn(40, 10, |x, _| {
        if x < 20 {
            Rgba16::new(65535, 0, 0, 65535)
        } else {
            Rgba16::new(0, 65535, 0, 0)
        }
    });
    for filter in FILTERS {
        let out = resize::resize(img.as_view(), 13, 4, filter).unwrap();
        for p in out.pixels() {
            assert!(p.g == 0, "{filter:?}: {p:?}");
            if p.a > 0 {
                assert!(p.r > 65000, "{filter:?}: {p:?}");
            }
        }
    }
}

#[test]
fn no_colour_fringes_at_transparent_edges() {
    // Opaque red on a transparent background whose hidden colour is green.
    let img = Image::from_fn(96, 96, |x, y| {
        if (30..66).contains(&x) && (30..66).contains(&y) {
            Rgba8::new(255, 0, 0, 255)
        } else {
            Rgba8::new(0, 255, 0, 0)
        }
    });
    for filter in FILTERS {
        for (w, h) in [(29, 29), (211, 211)] {
            let out = resize::resize(img.as_view(), w, h, filter).unwrap();
            for p in out.pixels() {
                assert_eq!(p.g, 0, "{filter:?} {w}: {p:?}");
                if p.a >= 8 {
                    assert!(p.r >= 250, "{filter:?} {w}: {p:?}");
                }
            }
        }
    }
}

#[test]
fn flat_images_stay_flat() {
    let img = Image::filled(77, 51, Rgba8::new(200, 100, 50, 128));
    for filter in FILTERS {
        for (w, h) in [(20, 13), (200, 130), (77, 200)] {
            let out = resize::resize(img.as_view(), w, h, filter).unwrap();
            let premul = Rgba8::new(200, 100, 50, 128).premultiply().unpremultiply();
            assert!(out.pixels().all(|p| *p == premul), "{filter:?} {w}x{h}");
        }
    }
}

#[test]
fn nearest_takes_pixel_centres_exactly() {
    // Each pixel holds its own coordinates.
    let sizes = [(37, 23), (64, 48), (1000, 3), (7, 7)];
    for &(sw, sh) in &sizes {
        let img = Image::from_fn(sw, sh, |x, y| Rgba16::new(x as u16, y as u16, 0, 65535));
        for &(dw, dh) in &[(5, 9), (100, 61), (64, 3), (1, 1), (999, 2)] {
            let out = resize::resize(img.as_view(), dw, dh, Filter::Nearest).unwrap();
            for (x, y, p) in out.enumerate_pixels() {
                // floor((x + 1/2) · sw / dw), exactly.
                let sx = (u128::from(2 * x + 1) * u128::from(sw)) / (2 * u128::from(dw));
                let sy = (u128::from(2 * y + 1) * u128::from(sh)) / (2 * u128::from(dh));
                assert_eq!((u128::from(p.r), u128::from(p.g)), (sx, sy));
            }
        }
    }
}

#[test]
fn linear_light_keeps_the_brightness_of_fine_detail() {
    // One-pixel black and white stripes, halved: encoded averaging gives mid-gray
    // 128; averaging light gives linear 0.5, which is sRGB 188.
    let img = Image::from_fn(64, 8, |x, _| {
        let v = if x % 2 == 0 { 0 } else { 255 };
        Rgb8::new(v, v, v)
    });
    let plain = resize::resize(img.as_view(), 32, 4, Filter::Box).unwrap();
    let linear = resize::resize_with(
        img.as_view(),
        32,
        4,
        ResizeOptions::new(Filter::Box).linear_light(true),
    )
    .unwrap();
    assert!(plain.pixels().all(|p| p.r == 128), "{:?}", plain.get(3, 1));
    assert!(
        linear.pixels().all(|p| p.r == 188),
        "{:?}",
        linear.get(3, 1)
    );
    // Linear formats are linear already: the option changes nothing.
    let lin = Image::from_fn(64, 8, |x, _| LinRgbaF32::new((x % 2) as f32, 0.0, 0.0, 1.0));
    let a = resize::resize(lin.as_view(), 32, 4, Filter::Box).unwrap();
    let b = resize::resize_with(
        lin.as_view(),
        32,
        4,
        ResizeOptions::new(Filter::Box).linear_light(true),
    )
    .unwrap();
    assert_eq!(a, b);
    assert!((a.get(0, 0).unwrap().r - 0.5).abs() < 1e-6);
}

#[test]
fn sixteen_bit_gray_keeps_its_precision() {
    // A ramp of 16-bit values that 8 bits cannot hold, halved with a box filter: each
    // output is the mean of two neighbours, exactly.
    let img = Image::from_fn(512, 2, |x, _| Gray16::new(1000 + x as u16 * 3));
    let out = resize::resize(img.as_view(), 256, 1, Filter::Box).unwrap();
    for (x, p) in out.pixels().enumerate() {
        let expected = 1000 + (2 * x as u16) * 3 + 1; // (a + a + 3) / 2, rounded half up
        assert!(p.v.abs_diff(expected) <= 1, "{x}: {} vs {expected}", p.v);
    }
}

#[test]
fn strided_views_in_and_out() {
    use chiaro_pixel::Rect;
    let big = photo(200, 150);
    let region = Rect::new(17, 9, 120, 101);
    let crop = big.sub_view(region).unwrap().to_image();
    for filter in [Filter::Nearest, Filter::Bilinear, Filter::Lanczos3] {
        // Shrinking both ways, and rows much more (the vertical pass first).
        for (w, h) in [(41, 33), (100, 9)] {
            let from_view = resize::resize(big.sub_view(region).unwrap(), w, h, filter).unwrap();
            let from_copy = resize::resize(crop.as_view(), w, h, filter).unwrap();
            assert!(from_view == from_copy, "{filter:?} {w}x{h}");

            // Into a sub-view of a larger image: the rest stays untouched.
            let mut canvas = Image::filled(w + 10, h + 6, Rgb8::new(1, 2, 3));
            let inner = Rect::new(4, 3, w, h);
            resize::resize_into(
                crop.as_view(),
                canvas.sub_view_mut(inner).unwrap(),
                ResizeOptions::new(filter),
            )
            .unwrap();
            assert!(canvas.sub_view(inner).unwrap().to_image() == from_copy);
            let untouched = canvas
                .enumerate_pixels()
                .filter(|&(x, y, _)| !(4..4 + w).contains(&x) || !(3..3 + h).contains(&y))
                .all(|(_, _, p)| *p == Rgb8::new(1, 2, 3));
            assert!(untouched, "{filter:?} {w}x{h}");
        }
    }
}

#[test]
fn bad_sizes_are_errors() {
    use resize::ResizeError;
    let img = photo(8, 6);
    assert_eq!(
        resize::resize(img.as_view(), 0, 5, Filter::Bilinear),
        Err(ResizeError::ZeroSize {
            width: 0,
            height: 5
        })
    );
    let empty = Image::<Rgb8>::new(0, 4);
    assert_eq!(
        resize::resize(empty.as_view(), 3, 3, Filter::Lanczos3),
        Err(ResizeError::EmptySource {
            width: 0,
            height: 4
        })
    );
    assert_eq!(
        resize::resize(img.as_view(), u32::MAX, u32::MAX, Filter::Nearest),
        Err(ResizeError::TooLarge {
            width: u32::MAX,
            height: u32::MAX
        })
    );
    assert!(resize::thumbnail(img.as_view(), 0, 10, Filter::Box).is_err());
    assert!(resize::fill(img.as_view(), 10, 0, Filter::Box, resize::Anchor::Top).is_err());
    let err = resize::resize(img.as_view(), 0, 0, Filter::Box).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot resize to 0×0: both sizes must be non-zero"
    );
}

#[test]
fn helpers_keep_the_aspect_ratio() {
    let img = photo(300, 200);
    let t = resize::thumbnail(img.as_view(), 90, 90, Filter::CatmullRom).unwrap();
    assert_eq!(t.size(), (90, 60));
    // Already small enough: a copy, not an enlargement.
    let same = resize::thumbnail(img.as_view(), 1000, 1000, Filter::CatmullRom).unwrap();
    assert!(same == img);
    let f = resize::fit(img.as_view(), 1000, 1000, Filter::CatmullRom).unwrap();
    assert_eq!(f.size(), (1000, 667));
    // Fill crops the excess at the anchor: the right edge keeps the right columns.
    let right = resize::fill(
        img.as_view(),
        100,
        200,
        Filter::Nearest,
        resize::Anchor::Right,
    )
    .unwrap();
    assert_eq!(right.size(), (100, 200));
    assert_eq!(right.get(99, 0), img.get(299, 0));
    let left = resize::fill(
        img.as_view(),
        100,
        200,
        Filter::Nearest,
        resize::Anchor::Left,
    )
    .unwrap();
    assert_eq!(left.get(0, 199), img.get(0, 199));
}

#[test]
fn extreme_shrinking_uses_exact_enough_weights() {
    // Windows of thousands of taps are too long for 14-bit weights (each would round
    // to a few units); the 8-bit formats switch to the float path there.
    let img = rgba(3000, 4);
    let exact_src = premultiplied(img.as_bytes());
    for filter in FILTERS {
        let ours = resize::resize(img.as_view(), 3, 2, filter).unwrap();
        let exact = reference(&exact_src, (3000, 4), 4, (3, 2), filter);
        let (share, worst) = within_one(&premultiplied(ours.as_bytes()), &exact);
        assert!(
            share == 100.0,
            "{filter:?}: {share}% within ±1, worst {worst}"
        );
    }
}

#[test]
fn a_reused_resizer_gives_what_a_fresh_one_gives() {
    let rgb = photo(90, 70);
    let gray = checkerboard(70, 90, 3);
    let mut resizer = resize::Resizer::new(ResizeOptions::new(Filter::Lanczos3));
    for (w, h) in [(30, 20), (30, 20), (41, 77), (30, 20)] {
        // The second call finds the weights of the first.
        let a = resizer.resize(rgb.as_view(), w, h).unwrap();
        assert!(a == resizer.resize(rgb.as_view(), w, h).unwrap());
        assert!(a == resize::resize(rgb.as_view(), w, h, Filter::Lanczos3).unwrap());
        let b = resizer.resize(gray.as_view(), w, h).unwrap();
        assert!(b == resize::resize(gray.as_view(), w, h, Filter::Lanczos3).unwrap());
    }
}
