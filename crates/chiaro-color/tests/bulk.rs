//! Whole-image conversions: exhaustive over all 2^24 sRGB8 colours.

#![allow(
    clippy::cast_possible_truncation,
    reason = "tests take the bytes of 24-bit colour indices and round reference data on purpose"
)]

use chiaro_color::bulk::{
    Encoded, Linear, lab_to_srgb8, oklab_to_srgb8, srgb8_to_lab, srgb8_to_oklab, to_encoded,
    to_linear,
};
use chiaro_color::space::{ColorSpace, Lab, Oklab};
use chiaro_pixel::{
    Bgra8, Gray8, GrayA8, Image, LinGrayF32, LinPremulRgbaF32, LinRgbF32, LinRgbaF32, PremulRgba8,
    Rgb8, Rgb16, Rgba8, Rgba16, RgbaF32, View, ViewMut,
};

/// Every RGB8 colour once, as a 4096×4096 image.
fn all_colours() -> Image<Rgb8> {
    Image::from_fn(4096, 4096, |x, y| {
        let i = y * 4096 + x;
        Rgb8::new((i >> 16) as u8, (i >> 8) as u8, i as u8)
    })
}

fn worst(a: [f32; 3], b: [f32; 3], acc: &mut [f32; 3]) {
    for k in 0..3 {
        acc[k] = acc[k].max((a[k] - b[k]).abs());
    }
}

#[test]
fn lab_fast_path_error_and_round_trip_over_all_colours() {
    let src = all_colours();
    let mut lab = Image::<Lab>::new(4096, 4096);
    srgb8_to_lab(src.as_view(), lab.as_view_mut()).unwrap();
    let mut err = [0.0f32; 3];
    for (p, l) in src.pixels().zip(lab.pixels()) {
        worst((*l).into(), Lab::from_srgb8(*p).into(), &mut err);
    }
    println!("sRGB8 → Lab fast path, max abs error vs exact: {err:?}");
    assert!(
        err[0] <= 5e-5 && err[1] <= 2e-4 && err[2] <= 2e-4,
        "{err:?}"
    );
    let mut back = Image::<Rgb8>::new(4096, 4096);
    lab_to_srgb8(lab.as_view(), back.as_view_mut()).unwrap();
    assert!(back == src, "Lab → sRGB8 must restore every colour");
}

#[test]
fn oklab_fast_path_error_and_round_trip_over_all_colours() {
    let src = all_colours();
    let mut ok = Image::<Oklab>::new(4096, 4096);
    srgb8_to_oklab(src.as_view(), ok.as_view_mut()).unwrap();
    let mut err = [0.0f32; 3];
    for (p, l) in src.pixels().zip(ok.pixels()) {
        worst((*l).into(), Oklab::from_srgb8(*p).into(), &mut err);
    }
    println!("sRGB8 → Oklab fast path, max abs error vs exact: {err:?}");
    assert!(err.iter().all(|&e| e <= 2e-6), "{err:?}");
    let mut back = Image::<Rgba8>::new(4096, 4096);
    oklab_to_srgb8(ok.as_view(), back.as_view_mut()).unwrap();
    assert!(
        back.pixels()
            .zip(src.pixels())
            .all(|(b, s)| [b.r, b.g, b.b] == [s.r, s.g, s.b] && b.a == 255),
        "Oklab → sRGB8 must restore every colour"
    );
}

#[test]
fn lab_to_srgb8_clips_out_of_gamut() {
    let lab = Image::from_raw(
        2,
        1,
        vec![Lab::new(50.0, 200.0, 0.0), Lab::new(120.0, 0.0, 0.0)],
    )
    .unwrap();
    let mut out = Image::<Rgb8>::new(2, 1);
    lab_to_srgb8(lab.as_view(), out.as_view_mut()).unwrap();
    assert_eq!(out.get(1, 0), Some(&Rgb8::new(255, 255, 255)));
    assert_eq!(out.get(0, 0).unwrap().r, 255);
}

/// Converts a whole view to linear and back.
fn round_trip<S: Encoded, L: Linear>(src: View<'_, S>) -> Image<S> {
    let mut lin = Image::<L>::new(src.width(), src.height());
    to_linear(src, lin.as_view_mut()).unwrap();
    let mut back = Image::<S>::new(src.width(), src.height());
    to_encoded(lin.as_view(), back.as_view_mut()).unwrap();
    back
}

#[test]
fn encoded_to_linear_and_back_is_lossless_for_8_and_16_bit() {
    let rgba = Image::from_fn(256, 256, |x, y| {
        Rgba8::new(x as u8, y as u8, (x ^ y) as u8, 255 - y as u8)
    });
    assert_eq!(round_trip::<Rgba8, LinRgbaF32>(rgba.as_view()), rgba);
    let rgb: Image<Rgb8> = rgba.convert();
    assert_eq!(round_trip::<Rgb8, LinRgbF32>(rgb.as_view()), rgb);
    let bgra: Image<Bgra8> = rgba.convert();
    assert_eq!(round_trip::<Bgra8, LinRgbaF32>(bgra.as_view()), bgra);
    let gray: Image<Gray8> = rgba.convert();
    assert_eq!(round_trip::<Gray8, LinGrayF32>(gray.as_view()), gray);
    let ga: Image<GrayA8> = rgba.convert();
    assert_eq!(round_trip::<GrayA8, LinRgbaF32>(ga.as_view()), ga);
    let wide: Image<Rgba16> = rgba.convert();
    assert_eq!(round_trip::<Rgba16, LinRgbaF32>(wide.as_view()), wide);
    let w3: Image<Rgb16> = rgb.convert();
    assert_eq!(round_trip::<Rgb16, LinRgbF32>(w3.as_view()), w3);
    // Premultiplied through premultiplied linear light: within 1 LSB (two roundings of
    // premultiplied values at low alpha).
    let premul: Image<PremulRgba8> = rgba.convert();
    let back = round_trip::<PremulRgba8, LinPremulRgbaF32>(premul.as_view());
    for (a, b) in premul.pixels().zip(back.pixels()) {
        assert!(
            a.r.abs_diff(b.r) <= 1
                && a.g.abs_diff(b.g) <= 1
                && a.b.abs_diff(b.b) <= 1
                && a.a == b.a,
            "{a:?} {b:?}"
        );
    }
    // Straight alpha survives the premultiplied linear form exactly above alpha 0.
    let back = round_trip::<Rgba8, LinPremulRgbaF32>(rgba.as_view());
    for (a, b) in rgba.pixels().zip(back.pixels()) {
        if a.a > 0 {
            assert_eq!(a, b);
        }
    }
    // Floats: within f32 precision.
    let f: Image<RgbaF32> = rgba.convert();
    let back = round_trip::<RgbaF32, LinRgbaF32>(f.as_view());
    for (a, b) in f.pixels().zip(back.pixels()) {
        assert!((a.r - b.r).abs() < 1e-6 && (a.g - b.g).abs() < 1e-6 && (a.b - b.b).abs() < 1e-6);
    }
}

#[test]
fn strided_views() {
    let src = Image::from_fn(8, 4, |x, y| Rgb8::new((x * 30) as u8, (y * 60) as u8, 7));
    let sub = src.sub_view(chiaro_pixel::Rect::new(2, 1, 5, 3)).unwrap();
    let mut buf = vec![Lab::default(); 9 * 3];
    srgb8_to_lab(sub, ViewMut::with_stride(&mut buf, 5, 3, 9).unwrap()).unwrap();
    let mut err = [0.0f32; 3];
    worst(
        buf[9 + 1].into(),
        Lab::from_srgb8(*src.get(3, 2).unwrap()).into(),
        &mut err,
    );
    assert!(err.iter().all(|&e| e <= 2e-4), "{err:?}");
    assert_eq!(buf[5], Lab::default(), "padding untouched");
}
