//! Run-time selection of the conversion kernels: the only module with `unsafe` code.
//!
//! Each kernel has a portable build in [`crate::convert::kernels`] and an AVX2 build in
//! [`avx2`], with the same signature and identical results (tests compare them). Users
//! build with default flags (x86-64 baseline, SSE2), so without run-time selection the
//! AVX2 build would never run.
//!
//! Measured on 4096×4096 with `cargo xtask bench pixel`, one core:
//!
//! | kernel | portable build | AVX2 build | peer |
//! |---|---:|---:|---:|
//! | premultiply `Rgba8`, 4096² | 12 ms | 9.4 ms (`memcpy` speed) | `fast_image_resize` 9.2 ms |
//! | premultiply `Rgba8`, 512² (in cache) | — | 63 µs | `fast_image_resize` 71 µs |
//! | unpremultiply `PremulRgba8`, 4096² | 23 ms (table) | 12 ms | `fast_image_resize` 10 ms (approximate) |
//!
//! The only unsafe operation is calling a `#[target_feature]` function, which is sound
//! exactly when the CPU supports the feature; each call sits directly under the check.
//! Without `std` there is no run-time detection and the portable build is used.

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection"
)]

#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) mod avx2;

use crate::convert::kernels;

/// Declares each kernel once and generates its dispatcher, which calls the AVX2 build
/// in [`avx2`] when the CPU has AVX2 and the portable build otherwise.
macro_rules! dispatch {
    ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?); )+) => {$(
        #[inline]
        pub(crate) fn $name($($arg: $ty),*) {
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU supports AVX2, as detected on the line above, which is
                // the only requirement of calling a `#[target_feature(enable = "avx2")]`
                // function; its body is safe code.
                return unsafe { avx2::$name($($arg),*) };
            }
            kernels::$name($($arg),*)
        }
    )+};
}

dispatch! {
    fn premultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn premultiply_rgba8_in_place(buf: &mut [[u8; 4]]);
    fn unpremultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn unpremultiply_rgba8_in_place(buf: &mut [[u8; 4]]);
    fn rgb8_to_rgba8(src: &[[u8; 3]], dst: &mut [[u8; 4]]);
    fn rgba8_to_rgb8(src: &[[u8; 4]], dst: &mut [[u8; 3]]);
    fn swap_rb8(src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn swap_rb8_in_place(buf: &mut [[u8; 4]]);
    fn gray8_to_rgba8(src: &[u8], dst: &mut [[u8; 4]]);
}

/// Runs `f` only when the CPU has AVX2, for tests that compare the AVX2 builds with the
/// portable ones. Returns whether it ran.
#[cfg(all(test, feature = "std", target_arch = "x86_64"))]
pub(crate) fn with_avx2(f: impl FnOnce(&dyn Avx2Kernels)) -> bool {
    struct Detected;
    impl Avx2Kernels for Detected {
        fn premultiply_rgba8(&self, src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
            // SAFETY: `Detected` is only constructed after AVX2 was detected.
            unsafe { avx2::premultiply_rgba8(src, dst) }
        }
        fn unpremultiply_rgba8(&self, src: &[[u8; 4]], dst: &mut [[u8; 4]]) {
            // SAFETY: `Detected` is only constructed after AVX2 was detected.
            unsafe { avx2::unpremultiply_rgba8(src, dst) }
        }
        fn unpremultiply_rgba8_in_place(&self, buf: &mut [[u8; 4]]) {
            // SAFETY: `Detected` is only constructed after AVX2 was detected.
            unsafe { avx2::unpremultiply_rgba8_in_place(buf) }
        }
    }
    if std::arch::is_x86_feature_detected!("avx2") {
        f(&Detected);
        true
    } else {
        false
    }
}

/// The AVX2 kernels tests exercise directly.
#[cfg(all(test, feature = "std", target_arch = "x86_64"))]
pub(crate) trait Avx2Kernels {
    fn premultiply_rgba8(&self, src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn unpremultiply_rgba8(&self, src: &[[u8; 4]], dst: &mut [[u8; 4]]);
    fn unpremultiply_rgba8_in_place(&self, buf: &mut [[u8; 4]]);
}
