//! Colour-space conversions against published reference values and against the
//! `palette` crate, computing in `f64`, on 20,000 random colours: max abs error ≤ 1e-4.

#![allow(
    clippy::cast_possible_truncation,
    reason = "tests take the bytes of 24-bit colour indices and round reference data on purpose"
)]

use chiaro_color::space::{ColorSpace, Hsl, Hsv, Lab, LabD50, Lch, Oklab, Oklch, Xyz, convert};
use chiaro_pixel::{LinRgbF32, Rgb8, RgbF32};
use palette::chromatic_adaptation::AdaptIntoUnclamped;
use palette::white_point::{D50, D65};
use palette::{IntoColor, Srgb};

/// Random sRGB colours in 0–1, from a fixed-seed generator.
fn random_colors(n: usize) -> Vec<[f32; 3]> {
    let mut s = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 40) as f32 / (1u64 << 24) as f32
    };
    (0..n).map(|_| [next(), next(), next()]).collect()
}

fn max_diff(a: [f32; 3], b: [f64; 3]) -> f64 {
    (0..3)
        .map(|i| (f64::from(a[i]) - b[i]).abs())
        .fold(0.0, f64::max)
}

/// Hue difference on the circle, in degrees.
fn hue_diff(a: f32, b: f64) -> f64 {
    let d = (f64::from(a) - b).rem_euclid(360.0);
    d.min(360.0 - d)
}

const TOL: f64 = 1e-4;

#[test]
fn lab_of_primaries_and_white_matches_published_values() {
    // Lindbloom's published values for sRGB with D65 (0.95047, 1, 1.08883).
    let cases = [
        ([1.0, 1.0, 1.0], [100.0, 0.0, 0.0]),
        ([1.0, 0.0, 0.0], [53.2408, 80.0925, 67.2032]),
        ([0.0, 1.0, 0.0], [87.7347, -86.1827, 83.1793]),
        ([0.0, 0.0, 1.0], [32.2970, 79.1875, -107.8602]),
        ([0.0, 0.0, 0.0], [0.0, 0.0, 0.0]),
    ];
    for (rgb, want) in cases {
        let lab: Lab = convert(RgbF32::from(rgb));
        assert!(max_diff(lab.into(), want) < 1e-4, "{rgb:?}: {lab:?}");
        let back: RgbF32 = convert(lab);
        assert!(max_diff(back.into(), rgb.map(f64::from)) < 1e-5, "{rgb:?}");
    }
}

#[test]
fn oklab_matches_ottossons_published_pairs() {
    // XYZ (D65) → Oklab, published to three decimals.
    let cases = [
        ([0.950, 1.000, 1.089], [1.000, 0.000, 0.000]),
        ([1.000, 0.000, 0.000], [0.450, 1.236, -0.019]),
        ([0.000, 1.000, 0.000], [0.922, -0.671, 0.263]),
        ([0.000, 0.000, 1.000], [0.153, -1.415, -0.449]),
    ];
    for (xyz, want) in cases {
        let ok: Oklab = convert(Xyz::from(xyz));
        assert!(max_diff(ok.into(), want) < 1e-3, "{xyz:?}: {ok:?}");
    }
    // sRGB red, as given with the linear-sRGB matrices (and in CSS Color 4).
    let red: Oklab = convert(RgbF32::new(1.0, 0.0, 0.0));
    assert!(
        max_diff(red.into(), [0.62796, 0.22486, 0.12585]) < 1e-5,
        "{red:?}"
    );
    let white: Oklab = convert(RgbF32::new(1.0, 1.0, 1.0));
    assert!(max_diff(white.into(), [1.0, 0.0, 0.0]) < 1e-4, "{white:?}");
}

#[test]
fn agrees_with_palette_on_random_colors() {
    let colors = random_colors(20_000);
    let mut worst = [0.0f64; 8];
    for c in colors {
        let ours = RgbF32::from(c);
        let theirs = Srgb::new(f64::from(c[0]), f64::from(c[1]), f64::from(c[2]));

        let lin: LinRgbF32 = convert(ours);
        let p_lin: palette::LinSrgb<f64> = theirs.into_linear();
        worst[0] = worst[0].max(max_diff(lin.into(), [p_lin.red, p_lin.green, p_lin.blue]));

        let xyz: Xyz = convert(ours);
        let p_xyz: palette::Xyz<D65, f64> = theirs.into_color();
        worst[1] = worst[1].max(max_diff(xyz.into(), [p_xyz.x, p_xyz.y, p_xyz.z]));

        let lab: Lab = convert(ours);
        let p_lab: palette::Lab<D65, f64> = theirs.into_color();
        worst[2] = worst[2].max(max_diff(lab.into(), [p_lab.l, p_lab.a, p_lab.b]));

        let ok: Oklab = convert(ours);
        let p_ok: palette::Oklab<f64> = theirs.into_color();
        worst[3] = worst[3].max(max_diff(ok.into(), [p_ok.l, p_ok.a, p_ok.b]));

        let lch: Lch = convert(ours);
        let p_lch: palette::Lch<D65, f64> = theirs.into_color();
        worst[4] = worst[4].max(
            (f64::from(lch.l) - p_lch.l)
                .abs()
                .max((f64::from(lch.c) - p_lch.chroma).abs()),
        );
        if p_lch.chroma > 1e-2 {
            worst[4] = worst[4].max(hue_diff(lch.h, p_lch.hue.into_positive_degrees()) * 1e-2);
        }

        let hsl = Hsl::from(ours);
        let p_hsl: palette::Hsl<palette::encoding::Srgb, f64> = theirs.into_color();
        worst[5] = worst[5].max(
            (f64::from(hsl.s) - p_hsl.saturation)
                .abs()
                .max((f64::from(hsl.l) - p_hsl.lightness).abs()),
        );
        if hsl.s > 1e-3 {
            worst[5] = worst[5].max(hue_diff(hsl.h, p_hsl.hue.into_positive_degrees()) * 1e-2);
        }
        let hsv = Hsv::from(ours);
        let p_hsv: palette::Hsv<palette::encoding::Srgb, f64> = theirs.into_color();
        worst[6] = worst[6].max(
            (f64::from(hsv.s) - p_hsv.saturation)
                .abs()
                .max((f64::from(hsv.v) - p_hsv.value).abs()),
        );

        // And back: palette's Lab and Oklab into our sRGB.
        let back: RgbF32 = convert(Lab::new(p_lab.l as f32, p_lab.a as f32, p_lab.b as f32));
        let back_ok: RgbF32 = convert(Oklab::new(p_ok.l as f32, p_ok.a as f32, p_ok.b as f32));
        let want = c.map(f64::from);
        worst[7] = worst[7]
            .max(max_diff(back.into(), want))
            .max(max_diff(back_ok.into(), want));
    }
    let names = [
        "linear",
        "xyz",
        "lab",
        "oklab",
        "lch (hue /100)",
        "hsl (hue /100)",
        "hsv",
        "lab/oklab → srgb",
    ];
    for (name, w) in names.iter().zip(worst) {
        assert!(w <= TOL, "{name}: max abs error {w:e}");
    }
}

#[test]
fn d50_lab_matches_palette_with_bradford() {
    for c in random_colors(10_000) {
        let ours: LabD50 = convert(RgbF32::from(c));
        let xyz: palette::Xyz<D65, f64> =
            Srgb::new(f64::from(c[0]), f64::from(c[1]), f64::from(c[2])).into_color();
        let xyz50: palette::Xyz<D50, f64> = xyz.adapt_into_unclamped();
        let theirs: palette::Lab<D50, f64> = xyz50.into_color();
        assert!(
            max_diff(ours.into(), [theirs.l, theirs.a, theirs.b]) <= TOL,
            "{c:?}"
        );
    }
}

#[test]
fn every_pair_round_trips() {
    fn trip<A: ColorSpace + Into<[f32; 3]>, B: ColorSpace>(a: A) -> f64 {
        let there: B = convert(a);
        let back: A = convert(there);
        let a3: [f32; 3] = a.into();
        max_diff(back.into(), a3.map(f64::from))
    }
    for c in random_colors(2000) {
        let rgb = RgbF32::from(c);
        let lab: Lab = convert(rgb);
        let ok: Oklab = convert(rgb);
        let errs = [
            trip::<RgbF32, Xyz>(rgb),
            trip::<RgbF32, Lch>(rgb),
            trip::<RgbF32, Oklch>(rgb),
            trip::<RgbF32, LabD50>(rgb),
            trip::<RgbF32, Hsl>(rgb),
            trip::<RgbF32, Hsv>(rgb),
            trip::<Lab, Oklab>(lab) / 100.0,
            trip::<Oklab, Hsv>(ok),
        ];
        for e in errs {
            assert!(e < 2e-5, "{c:?}: {errs:?}");
        }
    }
}

#[test]
fn srgb8_helpers_round_trip_every_grey_and_primary() {
    for v in 0..=255u8 {
        for rgb in [
            Rgb8::new(v, v, v),
            Rgb8::new(v, 0, 0),
            Rgb8::new(0, v, 255 - v),
        ] {
            assert_eq!(Lab::from_srgb8(rgb).to_srgb8(), rgb);
            assert_eq!(Oklab::from_srgb8(rgb).to_srgb8(), rgb);
        }
    }
}
