//! Exhaustive checks of the conversion rules through the public API.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are at most 256 pixels wide, so coordinates fit every channel type"
)]

use chiaro_pixel::{
    FromPixel, Gray8, Gray16, GrayF32, Image, IntoPixel, PremulRgba8, Rgb8, Rgba8, Rgba16, RgbaF32,
    convert,
};

#[test]
fn u8_to_u16_to_u8_is_identity_for_all_values() {
    for v in 0..=255u8 {
        let wide = Gray16::from_pixel(Gray8::new(v));
        assert_eq!(wide.v, u16::from(v) * 257);
        assert_eq!(Gray8::from_pixel(wide), Gray8::new(v));
    }
}

#[test]
fn u8_to_f32_to_u8_is_identity_for_all_values() {
    for v in 0..=255u8 {
        let f = GrayF32::from_pixel(Gray8::new(v));
        assert_eq!(f.v, f32::from(v) / 255.0);
        assert_eq!(Gray8::from_pixel(f), Gray8::new(v));
    }
}

#[test]
fn whole_image_round_trips_through_16_bit_and_float() {
    let all: Vec<Rgba8> = (0..=255u8)
        .flat_map(|a| (0..=255u8).map(move |c| Rgba8::new(c, 255 - c, c / 2, a)))
        .collect();
    let image = Image::from_raw(256, 256, all).unwrap();
    let via16: Image<Rgba8> = image.convert::<Rgba16>().convert();
    let viaf: Image<Rgba8> = image.convert::<RgbaF32>().convert();
    assert_eq!(via16, image);
    assert_eq!(viaf, image);
}

/// premultiply → unpremultiply over all 65,536 (c, a) pairs, whole-image path.
#[test]
fn premultiply_round_trip_bound_over_all_pairs() {
    let all: Vec<Rgba8> = (0..=255u8)
        .flat_map(|a| (0..=255u8).map(move |c| Rgba8::new(c, c, c, a)))
        .collect();
    let image = Image::from_raw(256, 256, all).unwrap();
    let back: Image<Rgba8> = image.convert::<PremulRgba8>().into_converted();
    let mut worst = [0u8; 256];
    for (p, q) in image.pixels().zip(back.pixels()) {
        let err = p.r.abs_diff(q.r);
        worst[usize::from(p.a)] = worst[usize::from(p.a)].max(err);
        if p.a == 0 {
            assert_eq!(*q, Rgba8::TRANSPARENT);
        } else {
            let bound = (u32::from(p.a) + 255) / (2 * u32::from(p.a));
            assert!(u32::from(err) <= bound, "{p:?} came back as {q:?}");
        }
    }
    assert_eq!(worst[255], 0, "opaque pixels survive exactly");
    assert_eq!(worst[1], 127);
    assert!(worst[86..255].iter().all(|&e| e <= 1));
}

#[test]
fn rgb_to_rgba_matches_the_image_crate_semantics() {
    // Opaque alpha added, colour unchanged: the same result `image` gives.
    let src = Image::from_fn(33, 17, |x, y| Rgb8::new(x as u8, y as u8, (x * y) as u8));
    let out: Image<Rgba8> = src.convert();
    for ((_, _, s), d) in src.enumerate_pixels().zip(out.pixels()) {
        assert_eq!(*d, Rgba8::new(s.r, s.g, s.b, 255));
    }
    let mut strided = vec![Rgba8::TRANSPARENT; 40 * 17];
    let dst = chiaro_pixel::ViewMut::with_stride(&mut strided, 33, 17, 40).unwrap();
    convert(src.as_view(), dst).unwrap();
    assert_eq!(strided[40 * 16 + 32], out.get(32, 16).copied().unwrap());
    assert_eq!(strided[39], Rgba8::TRANSPARENT);
    assert_eq!(
        Rgb8::new(1, 2, 3).into_pixel::<Rgba8>(),
        Rgba8::new(1, 2, 3, 255)
    );
}
