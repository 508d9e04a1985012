//! Run-time selection of the compositing kernels of [`crate::composite::kernels`].
//!
//! Each kernel has a portable build and an AVX2 build with the same signature and
//! identical results (a test compares them on random rows). Users build with default
//! flags (x86-64 baseline, SSE2), so without run-time selection the AVX2 build would
//! never run. Detection is `is_x86_feature_detected!`, a cached atomic load, checked
//! once per row. Without `std` there is no run-time detection and the portable build
//! runs.
//!
//! The only unsafe operation is calling a `#[target_feature]` function, which is sound
//! exactly when the CPU supports the feature; each call sits directly under the check.

use chiaro_pixel::PremulRgba8;

#[cfg(all(feature = "std", target_arch = "x86_64"))]
use crate::composite::kernels::avx2;
use crate::composite::kernels::portable;

/// Declares each kernel once and generates its dispatcher, which calls the AVX2 build
/// when the CPU has AVX2 and the portable build otherwise, and (in tests) the
/// `Avx2` method that calls the AVX2 build directly.
macro_rules! dispatch {
    ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?); )+) => {
        $(
            #[inline]
            pub(crate) fn $name($($arg: $ty),*) {
                #[cfg(all(feature = "std", target_arch = "x86_64"))]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU supports AVX2, as detected on the line above,
                    // which is the only requirement of calling a
                    // `#[target_feature(enable = "avx2")]` function; its body is safe
                    // code.
                    return unsafe { avx2::$name($($arg),*) };
                }
                portable::$name($($arg),*)
            }
        )+

        /// Proof that the CPU has AVX2, for tests that compare the AVX2 builds with
        /// the portable ones.
        #[cfg(all(test, feature = "std", target_arch = "x86_64"))]
        pub(crate) struct Avx2(());

        #[cfg(all(test, feature = "std", target_arch = "x86_64"))]
        impl Avx2 {
            /// `Some` exactly when the CPU has AVX2.
            pub(crate) fn detect() -> Option<Self> {
                std::arch::is_x86_feature_detected!("avx2").then_some(Self(()))
            }

            $(
                pub(crate) fn $name(&self, $($arg: $ty),*) {
                    // SAFETY: an `Avx2` is only constructed by `detect`, after AVX2
                    // was detected.
                    unsafe { avx2::$name($($arg),*) }
                }
            )+
        }
    };
}

dispatch! {
    fn over_solid(src: PremulRgba8, dst: &mut [PremulRgba8]);
    fn over_solid_mask(src: PremulRgba8, dst: &mut [PremulRgba8], coverage: &[u8]);
    fn over_row(src: &[PremulRgba8], dst: &mut [PremulRgba8]);
    fn over_row_span(src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: u8);
    fn over_row_mask(src: &[PremulRgba8], dst: &mut [PremulRgba8], coverage: &[u8]);
    fn copy_row(src: &[PremulRgba8], dst: &mut [PremulRgba8]);
    fn scale_row(src: &[PremulRgba8], dst: &mut [PremulRgba8], k: u8);
}
