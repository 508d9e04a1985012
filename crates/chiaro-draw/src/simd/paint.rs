//! Run-time selection of the paint row kernels (`crate::paint::shader::kernels`):
//! the portable source, compiled once for the baseline and once with AVX2 and FMA,
//! where LLVM evaluates eight gradient parameters per instruction and gathers the
//! table entries. Both builds give identical results (no contraction into FMA
//! happens without explicit `mul_add`).

use chiaro_pixel::PremulRgba8;

use crate::paint::SpreadMode;
use crate::paint::gradient::radial::Conical;
use crate::paint::shader::{PAD, REFLECT, REPEAT, SweepParams, kernels};

/// Compiles `kernels::$name::<S>` with AVX2 for each spread mode, and a dispatcher
/// choosing the build and the mode.
macro_rules! row_kernel {
    (fn $name:ident(colors: $cty:ty, $($arg:ident: $ty:ty),* $(,)?);) => {
        pub(crate) mod $name {
            use super::*;

            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            #[target_feature(enable = "avx2,fma")]
            pub(super) fn avx2<const S: u8>(colors: $cty, $($arg: $ty),*) {
                kernels::$name::<S>(colors, $($arg),*)
            }

            pub(super) fn portable<const S: u8>(colors: $cty, $($arg: $ty),*) {
                kernels::$name::<S>(colors, $($arg),*)
            }
        }

        #[allow(clippy::too_many_arguments, reason = "forwards a row kernel's parameters")]
        pub(crate) fn $name(colors: $cty, spread: SpreadMode, $($arg: $ty),*) {
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
                // SAFETY: AVX2 and FMA were detected on the line above, the only
                // requirement of calling these `#[target_feature]` functions.
                unsafe {
                    match spread {
                        SpreadMode::Pad => $name::avx2::<PAD>(colors, $($arg),*),
                        SpreadMode::Repeat => $name::avx2::<REPEAT>(colors, $($arg),*),
                        SpreadMode::Reflect => $name::avx2::<REFLECT>(colors, $($arg),*),
                    }
                }
                return;
            }
            match spread {
                SpreadMode::Pad => $name::portable::<PAD>(colors, $($arg),*),
                SpreadMode::Repeat => $name::portable::<REPEAT>(colors, $($arg),*),
                SpreadMode::Reflect => $name::portable::<REFLECT>(colors, $($arg),*),
            }
        }
    };
}

row_kernel! {
    fn linear_row(colors: &[PremulRgba8], t0: f32, dt: f32, out: &mut [PremulRgba8]);
}

row_kernel! {
    fn radial_row(
        colors: &[PremulRgba8],
        k: &Conical,
        px: f32,
        py: f32,
        dx: f32,
        dy: f32,
        out: &mut [PremulRgba8],
    );
}

row_kernel! {
    fn sweep_row(
        colors: &[PremulRgba8],
        angles: &SweepParams,
        px: f32,
        py: f32,
        dx: f32,
        dy: f32,
        out: &mut [PremulRgba8],
    );
}
