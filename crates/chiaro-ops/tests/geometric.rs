//! Golden-value tests of the geometric transforms.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are built from small coordinates; the casts fit or wrap on purpose"
)]

use chiaro_draw::Transform;
use chiaro_ops::geometric::{
    Interpolation, Orientation, RotateOptions, WarpError, apply_exif_orientation, crop,
    flip_horizontal, flip_vertical, orientation_from_exif, oriented, rotate, rotate90, rotate180,
    rotate270, rotated_size, transpose, transverse, warp,
};
use chiaro_pixel::{Gray8, Image, Rect, Rgba8, RgbaF32};

fn sample(w: u32, h: u32) -> Image<Rgba8> {
    Image::from_fn(w, h, |x, y| {
        Rgba8::new(
            (x * 7 + y) as u8,
            (y * 13) as u8,
            (x ^ y) as u8,
            255 - (x + y) as u8,
        )
    })
}

#[test]
fn four_quarter_turns_are_the_identity() {
    let src = sample(7, 5);
    let mut img = src.clone();
    for _ in 0..4 {
        img = rotate90(img.as_view());
    }
    assert_eq!(img, src);
    let mut half = src.clone();
    rotate180(half.as_view_mut());
    rotate180(half.as_view_mut());
    assert_eq!(half, src);
    assert_eq!(rotate270(rotate90(src.as_view()).as_view()), src);
}

#[test]
fn flips_and_transposes_are_exact() {
    let src = sample(6, 4);
    let mut h = src.clone();
    flip_horizontal(h.as_view_mut());
    let mut v = src.clone();
    flip_vertical(v.as_view_mut());
    let t = transpose(src.as_view());
    let tv = transverse(src.as_view());
    assert_eq!(t.size(), (4, 6));
    for y in 0..4 {
        for x in 0..6 {
            let p = src.get(x, y).unwrap();
            assert_eq!(h.get(5 - x, y), Some(p));
            assert_eq!(v.get(x, 3 - y), Some(p));
            assert_eq!(t.get(y, x), Some(p));
            assert_eq!(tv.get(3 - y, 5 - x), Some(p));
        }
    }
    assert_eq!(transpose(t.as_view()), src);
}

#[test]
fn crop_is_a_view_without_copy() {
    let src = sample(10, 8);
    let part = crop(src.as_view(), Rect::new(3, 2, 4, 5)).unwrap();
    assert_eq!(part.size(), (4, 5));
    assert_eq!(part.get(0, 0), src.get(3, 2));
    // Same memory: the view's first pixel is the source's pixel.
    assert!(core::ptr::eq(
        part.get(1, 1).unwrap(),
        src.get(4, 3).unwrap()
    ));
    assert!(crop(src.as_view(), Rect::new(8, 0, 4, 4)).is_err());
}

#[test]
fn exif_codes_one_to_eight() {
    let src = sample(5, 3);
    for code in 1..=8u16 {
        let o = orientation_from_exif(code).unwrap();
        assert_eq!(o.exif_value(), code);
        assert_eq!(
            apply_exif_orientation(src.as_view(), code).unwrap(),
            oriented(src.as_view(), o)
        );
    }
    assert_eq!(
        apply_exif_orientation(src.as_view(), 6).unwrap(),
        rotate90(src.as_view())
    );
    assert_eq!(orientation_from_exif(1), Ok(Orientation::Normal));
    for bad in [0u16, 9, 255, u16::MAX] {
        assert_eq!(orientation_from_exif(bad).unwrap_err().code, bad);
        assert!(apply_exif_orientation(src.as_view(), bad).is_err());
    }
}

#[test]
fn rotate_by_zero_and_warp_by_identity_are_exact_copies() {
    let src = sample(9, 6);
    for interpolation in [
        Interpolation::Nearest,
        Interpolation::Bilinear,
        Interpolation::Bicubic,
    ] {
        let options = RotateOptions {
            expand: true,
            background: Rgba8::default(),
            interpolation,
        };
        assert_eq!(rotate(src.as_view(), 0.0, &options).unwrap(), src);
        assert_eq!(rotate(src.as_view(), 360.0, &options).unwrap(), src);
        let same = warp(
            src.as_view(),
            Transform::identity(),
            src.size(),
            interpolation,
            Rgba8::default(),
        );
        assert_eq!(same.unwrap(), src);
    }
}

#[test]
fn quarter_turns_through_the_any_angle_path_match_the_lossless_ones() {
    let src = sample(9, 6);
    for interpolation in [
        Interpolation::Nearest,
        Interpolation::Bilinear,
        Interpolation::Bicubic,
    ] {
        let options = RotateOptions {
            expand: true,
            background: Rgba8::default(),
            interpolation,
        };
        assert_eq!(
            rotate(src.as_view(), 90.0, &options).unwrap(),
            rotate90(src.as_view())
        );
        assert_eq!(
            rotate(src.as_view(), -90.0, &options).unwrap(),
            rotate270(src.as_view())
        );
        let mut half = src.clone();
        rotate180(half.as_view_mut());
        assert_eq!(rotate(src.as_view(), 180.0, &options).unwrap(), half);
    }
    // Just off 90°: the interior agrees within a level or two with bilinear sampling of a
    // smooth image.
    let smooth = Image::from_fn(40, 40, |x, y| Gray8::new((x * 3 + y * 2) as u8));
    let near = rotate(smooth.as_view(), 90.001, &RotateOptions::default()).unwrap();
    let exact = rotate90(smooth.as_view());
    for y in 5..35 {
        for x in 5..35 {
            let (a, b) = (near.get(x, y).unwrap().v, exact.get(x, y).unwrap().v);
            assert!(a.abs_diff(b) <= 1, "({x}, {y}): {a} vs {b}");
        }
    }
}

#[test]
fn rotation_sizes_and_background() {
    assert_eq!(rotated_size((10, 4), 90.0).unwrap(), (4, 10));
    assert_eq!(rotated_size((10, 4), 45.0).unwrap(), (10, 10));
    assert_eq!(rotated_size((10, 10), 45.0).unwrap(), (15, 15));
    assert!(rotated_size((10, 4), f32::NAN).is_err());
    let src = Image::filled(10, 10, Gray8::new(200));
    let options = RotateOptions {
        expand: true,
        background: Gray8::new(7),
        interpolation: Interpolation::Bilinear,
    };
    let out = rotate(src.as_view(), 45.0, &options).unwrap();
    assert_eq!(out.size(), (15, 15));
    assert_eq!(out.get(0, 0), Some(&Gray8::new(7)));
    assert_eq!(out.get(7, 7), Some(&Gray8::new(200)));
    let kept = rotate(
        src.as_view(),
        45.0,
        &RotateOptions {
            expand: false,
            ..options
        },
    )
    .unwrap();
    assert_eq!(kept.size(), (10, 10));
    assert!(rotate(src.as_view(), f32::INFINITY, &options).is_err());
}

#[test]
fn warp_translates_scales_and_rejects_bad_transforms() {
    let src = Image::from_fn(8, 8, |x, y| Gray8::new((x * 10 + y) as u8));
    let moved = warp(
        src.as_view(),
        Transform::translate(2.0, 3.0),
        (8, 8),
        Interpolation::Nearest,
        Gray8::new(255),
    )
    .unwrap();
    assert_eq!(moved.get(2, 3), src.get(0, 0));
    assert_eq!(moved.get(7, 7), src.get(5, 4));
    assert_eq!(moved.get(1, 1), Some(&Gray8::new(255)));
    let doubled = warp(
        src.as_view(),
        Transform::scale(2.0, 2.0),
        (16, 16),
        Interpolation::Nearest,
        Gray8::new(0),
    )
    .unwrap();
    assert_eq!(doubled.get(5, 9), src.get(2, 4));
    assert_eq!(
        warp(
            src.as_view(),
            Transform::scale(0.0, 1.0),
            (8, 8),
            Interpolation::Bilinear,
            Gray8::new(0)
        ),
        Err(WarpError::Singular)
    );
    let nan = Transform::new(f32::NAN, 0.0, 0.0, 1.0, 0.0, 0.0);
    assert_eq!(
        warp(
            src.as_view(),
            nan,
            (8, 8),
            Interpolation::Bilinear,
            Gray8::new(0)
        ),
        Err(WarpError::NotFinite)
    );
    assert!(
        warp(
            src.as_view(),
            Transform::identity(),
            (u32::MAX, u32::MAX),
            Interpolation::Bilinear,
            Gray8::new(0)
        )
        .is_err()
    );
}

#[test]
fn rotation_premultiplies_straight_alpha() {
    // Opaque red on transparent black: edges fade in alpha, not towards black.
    let src = Image::from_fn(16, 16, |x, y| {
        if (4..12).contains(&x) && (4..12).contains(&y) {
            RgbaF32::new(1.0, 0.0, 0.0, 1.0)
        } else {
            RgbaF32::new(0.0, 0.0, 0.0, 0.0)
        }
    });
    let out = rotate(src.as_view(), 30.0, &RotateOptions::default()).unwrap();
    let mut partial = 0;
    for p in out.pixels() {
        if p.a > 1e-3 {
            assert!((p.r - 1.0).abs() < 1e-3, "{p:?}");
        }
        if p.a > 1e-3 && p.a < 0.999 {
            partial += 1;
        }
    }
    assert!(partial > 0);
}
