//! Chooses a dedicated kernel for a conversion between two concrete formats, from
//! generic code, by comparing types.

use crate::cast::{same_type, same_type_mut};
use crate::format::{Bgra8, Gray8, PremulRgba8, Rgb8, Rgba8};
use crate::{Pixel, simd};

/// Reinterprets a pixel slice as its channel arrays (a no-op cast).
fn arrays<P: Pixel, const N: usize>(s: &[P]) -> &[[u8; N]] {
    bytemuck::cast_slice(s)
}

fn arrays_mut<P: Pixel, const N: usize>(s: &mut [P]) -> &mut [[u8; N]] {
    bytemuck::cast_slice_mut(s)
}

/// Converts with a dedicated kernel if there is one for `S → D`; returns whether it
/// did. `src` and `dst` have the same length.
pub(super) fn convert<S: Pixel, D: Pixel>(src: &[S], dst: &mut [D]) -> bool {
    if let Some(d) = same_type_mut::<D, S>(dst) {
        d.copy_from_slice(src);
        return true;
    }
    macro_rules! kernel {
        ($s:ty => $d:ty, $kernel:path, $ns:literal, $nd:literal) => {
            if let (Some(s), Some(d)) = (same_type::<S, $s>(src), same_type_mut::<D, $d>(dst)) {
                $kernel(arrays::<$s, $ns>(s), arrays_mut::<$d, $nd>(d));
                return true;
            }
        };
    }
    kernel!(Rgb8 => Rgba8, simd::rgb8_to_rgba8, 3, 4);
    kernel!(Rgba8 => Rgb8, simd::rgba8_to_rgb8, 4, 3);
    kernel!(Rgba8 => PremulRgba8, simd::premultiply_rgba8, 4, 4);
    kernel!(PremulRgba8 => Rgba8, simd::unpremultiply_rgba8, 4, 4);
    kernel!(Rgba8 => Bgra8, simd::swap_rb8, 4, 4);
    kernel!(Bgra8 => Rgba8, simd::swap_rb8, 4, 4);
    if let (Some(s), Some(d)) = (same_type::<S, Gray8>(src), same_type_mut::<D, Rgba8>(dst)) {
        simd::gray8_to_rgba8(bytemuck::cast_slice(s), arrays_mut::<Rgba8, 4>(d));
        return true;
    }
    false
}

/// Converts in place with a dedicated kernel if there is one: `buf` is typed `D` but
/// holds pixels of format `S` of the same size. Returns whether it did.
pub(super) fn convert_in_place<S: Pixel, D: Pixel>(buf: &mut [D]) -> bool {
    if same_type::<S, D>(&[]).is_some() {
        return true;
    }
    macro_rules! kernel {
        ($s:ty => $d:ty, $kernel:path) => {
            if same_type::<S, $s>(&[]).is_some() {
                if let Some(b) = same_type_mut::<D, $d>(buf) {
                    $kernel(arrays_mut::<$d, 4>(b));
                    return true;
                }
            }
        };
    }
    kernel!(Rgba8 => PremulRgba8, simd::premultiply_rgba8_in_place);
    kernel!(PremulRgba8 => Rgba8, simd::unpremultiply_rgba8_in_place);
    kernel!(Rgba8 => Bgra8, simd::swap_rb8_in_place);
    kernel!(Bgra8 => Rgba8, simd::swap_rb8_in_place);
    false
}
