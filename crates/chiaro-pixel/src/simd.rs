//! Run-time selection of the conversion kernels: the only module with `unsafe` code.
//!
//! Each kernel in [`crate::convert::kernels`] is safe, portable Rust. Here it is
//! compiled a second time inside a `#[target_feature(enable = "avx2")]` function, so
//! LLVM vectorizes it with 256-bit registers, and a dispatcher calls that copy when the
//! CPU has AVX2. Users build with default flags (x86-64 baseline, SSE2), so without
//! this the fast path would never be taken.
//!
//! Measured on 4096×4096 (`cargo xtask bench pixel`): premultiplying `Rgba8` takes
//! about 12 ms with the baseline build of the kernel and about 8.5 ms (memory speed)
//! with the AVX2 build, which is what it takes to match `fast_image_resize`, which
//! selects AVX2 the same way.
//!
//! The only unsafe operation is calling a `#[target_feature]` function, which is sound
//! exactly when the CPU supports the feature; the call sits directly under the check.
//! Without `std` there is no run-time detection and the portable build is used.

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection"
)]

use crate::convert::kernels;

/// Declares each kernel once and generates its AVX2 build and its dispatcher.
macro_rules! dispatch {
    ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?); )+) => {
        #[cfg(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64")))]
        mod avx2 {
            use super::kernels;
            $(
                #[target_feature(enable = "avx2")]
                pub(super) fn $name($($arg: $ty),*) {
                    kernels::$name($($arg),*)
                }
            )+
        }

        $(
            #[inline]
            pub(crate) fn $name($($arg: $ty),*) {
                #[cfg(all(feature = "std", any(target_arch = "x86", target_arch = "x86_64")))]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU supports AVX2, as detected on the line above, which
                    // is the only requirement of calling a `#[target_feature(enable =
                    // "avx2")]` function; its body is safe code.
                    return unsafe { avx2::$name($($arg),*) };
                }
                kernels::$name($($arg),*)
            }
        )+
    };
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

/// The AVX2 builds, for tests that compare them with the portable kernels.
#[cfg(all(
    test,
    feature = "std",
    any(target_arch = "x86", target_arch = "x86_64")
))]
pub(crate) mod avx2_for_tests {
    /// Runs `f` with the AVX2 build of `premultiply_rgba8` if the CPU has AVX2.
    pub(crate) fn premultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) -> bool {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 detected on the line above.
            unsafe { super::avx2::premultiply_rgba8(src, dst) };
            true
        } else {
            false
        }
    }

    /// Runs the AVX2 build of `unpremultiply_rgba8` if the CPU has AVX2.
    pub(crate) fn unpremultiply_rgba8(src: &[[u8; 4]], dst: &mut [[u8; 4]]) -> bool {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 detected on the line above.
            unsafe { super::avx2::unpremultiply_rgba8(src, dst) };
            true
        } else {
            false
        }
    }
}
