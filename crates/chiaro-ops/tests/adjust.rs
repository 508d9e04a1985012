//! Golden-value tests of the colour adjustments and histograms.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are built from small coordinates; the casts fit or wrap on purpose"
)]

use chiaro_ops::adjust::{
    AdjustError, auto_contrast, brightness, color_balance, contrast, equalize, gamma, grayscale,
    histogram, hue_rotate, invert, saturation, sepia, threshold,
};
use chiaro_pixel::{Gray8, Gray16, Image, PremulRgba8, Rgb8, Rgba8, RgbaF32};

fn photo(w: u32, h: u32) -> Image<Rgba8> {
    Image::from_fn(w, h, |x, y| {
        Rgba8::new(
            (x * 9) as u8,
            (y * 7 + x) as u8,
            ((x * y) % 251) as u8,
            (200 + x % 56) as u8,
        )
    })
}

#[test]
fn invert_twice_is_the_identity() {
    let src = photo(23, 11);
    let mut img = src.clone();
    invert(img.as_view_mut()).unwrap();
    assert_eq!(
        img.get(2, 3),
        Some(&Rgba8::new(
            255 - 18,
            255 - 23,
            255 - 6,
            src.get(2, 3).unwrap().a
        ))
    );
    invert(img.as_view_mut()).unwrap();
    assert_eq!(img, src);
    let g16 = Image::from_fn(5, 5, |x, y| Gray16::new((x * 9000 + y * 77) as u16));
    let mut g = g16.clone();
    invert(g.as_view_mut()).unwrap();
    invert(g.as_view_mut()).unwrap();
    assert_eq!(g, g16);
}

#[test]
fn histogram_sums_to_the_pixel_count() {
    let img = photo(31, 17);
    let h = histogram(img.as_view());
    assert_eq!(h.channels(), 4);
    for c in 0..4 {
        assert_eq!(h.channel(c).unwrap().iter().sum::<u64>(), 31 * 17);
    }
    assert_eq!(h.total(), 31 * 17);
    assert!(h.channel(4).is_none());
    let flat = Image::filled(4, 4, Gray16::new(0x1234));
    assert_eq!(histogram(flat.as_view()).channel(0).unwrap()[0x12], 16);
}

#[test]
fn neutral_parameters_keep_the_image() {
    let src = photo(13, 9);
    let mut img = src.clone();
    brightness(img.as_view_mut(), 0.0).unwrap();
    contrast(img.as_view_mut(), 1.0).unwrap();
    gamma(img.as_view_mut(), 1.0).unwrap();
    saturation(img.as_view_mut(), 1.0).unwrap();
    hue_rotate(img.as_view_mut(), 360.0).unwrap();
    sepia(img.as_view_mut(), 0.0).unwrap();
    color_balance(img.as_view_mut(), 1.0, 1.0, 1.0).unwrap();
    assert_eq!(img, src);
}

#[test]
fn tone_curves_have_the_stated_values() {
    let mut img = Image::from_fn(256, 1, |x, _| Gray8::new(x as u8));
    brightness(img.as_view_mut(), 0.2).unwrap();
    assert_eq!(img.get(0, 0).unwrap().v, 51);
    assert_eq!(img.get(250, 0).unwrap().v, 255);
    let mut img = Image::from_fn(256, 1, |x, _| Gray8::new(x as u8));
    contrast(img.as_view_mut(), 0.0).unwrap();
    assert!(img.pixels().all(|p| p.v == 128));
    let mut img = Image::from_fn(256, 1, |x, _| Gray8::new(x as u8));
    gamma(img.as_view_mut(), 2.0).unwrap();
    assert_eq!(img.get(64, 0).unwrap().v, 128); // √(64/255) · 255 = 127.7
    assert_eq!(
        (img.get(0, 0).unwrap().v, img.get(255, 0).unwrap().v),
        (0, 255)
    );
    let mut img = Image::from_fn(256, 1, |x, _| Gray8::new(x as u8));
    threshold(img.as_view_mut(), 0.5).unwrap();
    assert_eq!(
        (img.get(127, 0).unwrap().v, img.get(128, 0).unwrap().v),
        (0, 255)
    );
}

#[test]
fn colour_matrices() {
    let mut img = Image::filled(2, 1, Rgb8::new(200, 100, 50));
    grayscale(img.as_view_mut()).unwrap();
    // 0.2126·200 + 0.7152·100 + 0.0722·50 = 117.6
    assert_eq!(img.get(0, 0), Some(&Rgb8::new(118, 118, 118)));
    let mut a = Image::filled(2, 1, Rgb8::new(200, 100, 50));
    saturation(a.as_view_mut(), 0.0).unwrap();
    assert_eq!(a, img);
    // Grey stays grey under a hue rotation; colour keeps its luma within rounding.
    let mut grey = Image::filled(2, 1, Rgb8::new(90, 90, 90));
    hue_rotate(grey.as_view_mut(), 77.0).unwrap();
    assert_eq!(grey.get(0, 0), Some(&Rgb8::new(90, 90, 90)));
    let mut red = Image::filled(1, 1, Rgb8::new(255, 0, 0));
    hue_rotate(red.as_view_mut(), 120.0).unwrap();
    let p = *red.get(0, 0).unwrap();
    assert!(p.g > p.r && p.g > p.b, "{p:?}");
    let mut s = Image::filled(1, 1, Rgb8::new(255, 255, 255));
    sepia(s.as_view_mut(), 1.0).unwrap();
    assert_eq!(s.get(0, 0), Some(&Rgb8::new(255, 255, 239)));
    let mut b = Image::filled(1, 1, Rgb8::new(100, 100, 100));
    color_balance(b.as_view_mut(), 1.5, 1.0, 0.5).unwrap();
    assert_eq!(b.get(0, 0), Some(&Rgb8::new(150, 100, 50)));
}

#[test]
fn equalize_and_auto_contrast_spread_the_range() {
    let narrow = Image::from_fn(64, 4, |x, _| Gray8::new(100 + (x / 2) as u8));
    let mut img = narrow.clone();
    auto_contrast(img.as_view_mut(), 0.0).unwrap();
    assert_eq!(img.get(0, 0).unwrap().v, 0);
    assert_eq!(img.get(63, 0).unwrap().v, 255);
    let mut eq = narrow.clone();
    equalize(eq.as_view_mut()).unwrap();
    assert_eq!(eq.get(0, 0).unwrap().v, 0);
    assert_eq!(eq.get(63, 0).unwrap().v, 255);
    // Monotonic.
    let row: Vec<u8> = eq.row(0).unwrap().iter().map(|p| p.v).collect();
    assert!(row.windows(2).all(|w| w[0] <= w[1]));
    // A flat image is left alone.
    let flat = Image::filled(4, 4, Gray8::new(77));
    let mut f = flat.clone();
    auto_contrast(f.as_view_mut(), 0.1).unwrap();
    assert_eq!(f, flat);
}

#[test]
fn premultiplied_and_float_formats() {
    let mut p = Image::filled(3, 3, PremulRgba8::new(100, 50, 0, 128));
    invert(p.as_view_mut()).unwrap();
    let q = *p.get(0, 0).unwrap();
    assert_eq!(q.a, 128);
    // Straight (199, 100, 0) inverts to (56, 155, 255), premultiplied at 128.
    assert!(
        q.r.abs_diff(28) <= 1 && q.g.abs_diff(78) <= 1 && q.b.abs_diff(128) <= 1,
        "{q:?}"
    );
    let mut f = Image::filled(2, 2, RgbaF32::new(0.25, 0.5, 1.5, 0.5));
    brightness(f.as_view_mut(), 0.25).unwrap();
    let v = *f.get(1, 1).unwrap();
    assert_eq!((v.r, v.g, v.b, v.a), (0.5, 0.75, 1.75, 0.5));
}

#[test]
fn bad_parameters_are_errors() {
    let mut img = photo(4, 4);
    assert_eq!(
        brightness(img.as_view_mut(), f32::NAN),
        Err(AdjustError::NotFinite { name: "amount" })
    );
    assert!(matches!(
        contrast(img.as_view_mut(), -1.0),
        Err(AdjustError::OutOfRange { .. })
    ));
    assert!(gamma(img.as_view_mut(), 0.0).is_err());
    assert!(gamma(img.as_view_mut(), f32::INFINITY).is_err());
    assert!(saturation(img.as_view_mut(), -0.5).is_err());
    assert!(hue_rotate(img.as_view_mut(), f32::NAN).is_err());
    assert!(sepia(img.as_view_mut(), 1.5).is_err());
    assert!(threshold(img.as_view_mut(), 2.0).is_err());
    assert!(color_balance(img.as_view_mut(), 1.0, -1.0, 1.0).is_err());
    assert!(auto_contrast(img.as_view_mut(), 0.5).is_err());
    assert_eq!(img, photo(4, 4));
}
