//! With the `rayon` feature, resizing splits rows across threads; the output must be
//! bit-identical to one thread, for any pool size, every filter and both pass orders.
//! Without the feature the same row functions run in order: the fingerprint test runs
//! in both builds against one constant, and also with `--no-default-features`, where
//! there is no run-time detection and the portable kernels run instead of AVX2.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test data and sizes are in range by construction"
)]

use chiaro_ops::resize::{self, Filter, ResizeOptions};
use chiaro_pixel::{Gray8, Image, PremulRgba8, Rgb8, Rgba8, Rgba16, RgbaF32};

#[cfg(feature = "rayon")]
fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
        .install(f)
}

fn pattern(w: u32, h: u32) -> Image<Rgba8> {
    Image::from_fn(w, h, |x, y| {
        let v = (x * 7 + y * 13) ^ (x * y);
        Rgba8::new(
            v as u8,
            (v >> 3) as u8,
            (x * 255 / w) as u8,
            (y * 255 / h) as u8,
        )
    })
}

const FILTERS: [Filter; 6] = [
    Filter::Nearest,
    Filter::Box,
    Filter::Bilinear,
    Filter::CatmullRom,
    Filter::Mitchell,
    Filter::Lanczos3,
];

/// Shrinking both ways, shrinking rows much more (vertical pass first), enlarging,
/// and only the width (one pass).
const SIZES: [(u32, u32); 4] = [(53, 37), (150, 13), (311, 207), (61, 119)];

#[cfg(feature = "rayon")]
fn check<P: resize::Resample + Send + Sync>(img: &Image<P>, options: ResizeOptions) {
    for (w, h) in SIZES {
        let one = in_pool(1, || {
            resize::resize_with(img.as_view(), w, h, options).unwrap()
        });
        for threads in [2, 3, 7] {
            let many = in_pool(threads, || {
                resize::resize_with(img.as_view(), w, h, options).unwrap()
            });
            assert!(one == many, "{options:?} {w}x{h} on {threads} threads");
        }
    }
}

#[cfg(feature = "rayon")]
#[test]
fn any_thread_count_gives_the_same_pixels() {
    let rgba = pattern(157, 119);
    let rgb: Image<Rgb8> = rgba.convert();
    let gray: Image<Gray8> = rgba.convert();
    let premul: Image<PremulRgba8> = rgba.convert();
    let wide: Image<Rgba16> = rgba.convert();
    let float: Image<RgbaF32> = rgba.convert();
    for filter in FILTERS {
        let options = ResizeOptions::new(filter);
        check(&rgba, options);
        check(&rgb, options);
        check(&premul, options);
    }
    for filter in [Filter::Bilinear, Filter::Lanczos3] {
        let options = ResizeOptions::new(filter);
        check(&gray, options);
        check(&wide, options);
        check(&float, options);
        check(&rgba, options.linear_light(true));
    }
}

/// FNV-1a over the bytes of many resizes.
fn fingerprint() -> u64 {
    let rgba = pattern(157, 119);
    let rgb: Image<Rgb8> = rgba.convert();
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for filter in FILTERS {
        for (w, h) in SIZES {
            eat(resize::resize(rgba.as_view(), w, h, filter)
                .unwrap()
                .as_bytes());
            eat(resize::resize(rgb.as_view(), w, h, filter)
                .unwrap()
                .as_bytes());
        }
    }
    hash
}

#[test]
fn same_pixels_with_and_without_rayon() {
    assert_eq!(fingerprint(), FINGERPRINT, "{:#x}", fingerprint());
}

const FINGERPRINT: u64 = 0xdba8_7291_35b1_db40;
