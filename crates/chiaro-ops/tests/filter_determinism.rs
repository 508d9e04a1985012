//! Determinism: every filter, geometric transform and adjustment gives bit-identical
//! output with and without the `rayon` feature and for any thread count. The outputs
//! are hashed and compared with hashes recorded from the sequential build; with
//! `rayon`, the same hashes must come out of pools of 1, 2, 3 and 7 threads.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are built from small coordinates; the casts fit or wrap on purpose"
)]

use chiaro_draw::Transform;
use chiaro_ops::adjust::{equalize, hue_rotate, saturation};
use chiaro_ops::filter::{
    Kernel, box_blur, convolve, dilate, erode, gaussian_blur, gaussian_blur_exact, median, sharpen,
    sobel, unsharp_mask,
};
use chiaro_ops::geometric::{Interpolation, RotateOptions, rotate, warp};
use chiaro_pixel::{Gray16, Image, Pixel, PremulRgba8, Rgb8, Rgba8, RgbaF32};

fn fnv<P: Pixel>(img: &Image<P>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in img.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (u64::from(img.width()) << 32 | u64::from(img.height()))
}

fn inputs() -> (Image<Rgba8>, Image<Gray16>, Image<RgbaF32>) {
    // Wider than one band of the vertical blur pass (256 pixels), odd sizes.
    let rgba = Image::from_fn(301, 67, |x, y| {
        let v = (x * 31 + y * 17) ^ (x * y);
        Rgba8::new(
            v as u8,
            (v >> 3) as u8,
            (x + 3 * y) as u8,
            (128 + (v % 128)) as u8,
        )
    });
    let gray = Image::from_fn(263, 41, |x, y| {
        Gray16::new(((x * 977 + y * 4099) % 65536) as u16)
    });
    let float = Image::from_fn(97, 53, |x, y| {
        RgbaF32::new(
            x as f32 / 97.0,
            y as f32 / 53.0,
            ((x * y) % 7) as f32 / 7.0,
            0.75,
        )
    });
    (rgba, gray, float)
}

fn hashes() -> Vec<u64> {
    let (rgba, gray, float) = inputs();
    let premul: Image<PremulRgba8> = rgba.convert();
    let rgb: Image<Rgb8> = rgba.convert();
    let kernel = Kernel::new(3, 3, vec![0.0, 0.2, 0.0, 0.2, 0.3, 0.1, 0.0, 0.2, 0.0]).unwrap();
    let options = RotateOptions {
        expand: true,
        background: Rgba8::new(1, 2, 3, 4),
        interpolation: Interpolation::Bicubic,
    };
    let mut adjusted = rgba.clone();
    saturation(adjusted.as_view_mut(), 1.7).unwrap();
    hue_rotate(adjusted.as_view_mut(), 40.0).unwrap();
    equalize(adjusted.as_view_mut()).unwrap();
    vec![
        fnv(&gaussian_blur(rgba.as_view(), 3.0).unwrap()),
        fnv(&gaussian_blur(rgba.as_view(), 40.0).unwrap()),
        fnv(&gaussian_blur(rgba.as_view(), 150.0).unwrap()),
        fnv(&gaussian_blur(premul.as_view(), 6.0).unwrap()),
        fnv(&gaussian_blur(rgb.as_view(), 2.0).unwrap()),
        fnv(&gaussian_blur(gray.as_view(), 2.5).unwrap()),
        fnv(&gaussian_blur(float.as_view(), 4.0).unwrap()),
        fnv(&gaussian_blur_exact(rgb.as_view(), 1.5).unwrap()),
        fnv(&box_blur(rgba.as_view(), 5).unwrap()),
        fnv(&convolve(rgba.as_view(), &kernel)),
        fnv(&sharpen(rgba.as_view())),
        fnv(&unsharp_mask(rgba.as_view(), 2.0, 1.0, 0.0).unwrap()),
        fnv(&sobel(gray.as_view())),
        fnv(&median(rgba.as_view(), 2).unwrap()),
        fnv(&erode(rgba.as_view(), 3).unwrap()),
        fnv(&dilate(float.as_view(), 2).unwrap()),
        fnv(&rotate(rgba.as_view(), 33.0, &options).unwrap()),
        fnv(&warp(
            float.as_view(),
            Transform::rotate(0.3).then_scale(1.5, 0.8),
            (120, 60),
            Interpolation::Bilinear,
            RgbaF32::default(),
        )
        .unwrap()),
        fnv(&adjusted),
    ]
}

/// Recorded from the sequential build (no `rayon`).
const EXPECTED: [u64; 19] = [
    0x6d45195164b2f4d8,
    0x9ea301edf0c54943,
    0x6eb55341a015f808,
    0x79f1a9f6bb5e5822,
    0x461f364d93347fe6,
    0x41d97ef5b721a87,
    0x48d305e8436c4fc9,
    0xdfd347167cef2f21,
    0xedef413100e5392b,
    0x4ebf4862786196d7,
    0x8cf28f73c1920000,
    0xbc02a986a05e21c2,
    0x44a3247270ea6eaa,
    0x9d0f332a51cfce49,
    0x891b51f4dd7670b8,
    0x48d7388b87826302,
    0xd21727391015981,
    0xad807bbcdce078f9,
    0x2c59e1e420969fe6,
];

#[test]
fn outputs_match_the_recorded_hashes() {
    let got = hashes();
    assert_eq!(got, EXPECTED, "got {got:#x?}");
}

#[cfg(feature = "rayon")]
#[test]
fn outputs_do_not_depend_on_the_thread_count() {
    for threads in [1, 2, 3, 7] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        assert_eq!(pool.install(hashes), EXPECTED, "{threads} threads");
    }
}
