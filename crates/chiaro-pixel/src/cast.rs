//! The one place where channel slices become pixel slices and back, through
//! `bytemuck`. [`Pixel::LAYOUT_CHECK`] guarantees at compile time that a pixel is a
//! whole number of channels with the channel's alignment, so these casts cannot fail.

use crate::Pixel;

/// Channels to pixels. The length must be a multiple of `P::CHANNELS`.
#[inline(always)]
pub(crate) fn pixels<P: Pixel>(channels: &[P::Channel]) -> &[P] {
    let () = P::LAYOUT_CHECK;
    bytemuck::cast_slice(channels)
}

/// Channels to pixels, mutably. The length must be a multiple of `P::CHANNELS`.
#[inline(always)]
pub(crate) fn pixels_mut<P: Pixel>(channels: &mut [P::Channel]) -> &mut [P] {
    let () = P::LAYOUT_CHECK;
    bytemuck::cast_slice_mut(channels)
}

/// Pixels to channels.
#[inline(always)]
pub(crate) fn channels<P: Pixel>(pixels: &[P]) -> &[P::Channel] {
    let () = P::LAYOUT_CHECK;
    bytemuck::cast_slice(pixels)
}

/// Pixels to channels, mutably.
#[inline(always)]
pub(crate) fn channels_mut<P: Pixel>(pixels: &mut [P]) -> &mut [P::Channel] {
    let () = P::LAYOUT_CHECK;
    bytemuck::cast_slice_mut(pixels)
}

/// Reinterprets a slice of `S` as a slice of `T` when they are the same type, for
/// choosing a concrete kernel from generic code. `None` when the types differ.
#[inline(always)]
pub(crate) fn same_type<S: Pixel, T: Pixel>(s: &[S]) -> Option<&[T]> {
    if core::any::TypeId::of::<S>() == core::any::TypeId::of::<T>() {
        bytemuck::try_cast_slice(s).ok()
    } else {
        None
    }
}

/// Mutable form of [`same_type`].
#[inline(always)]
pub(crate) fn same_type_mut<S: Pixel, T: Pixel>(s: &mut [S]) -> Option<&mut [T]> {
    if core::any::TypeId::of::<S>() == core::any::TypeId::of::<T>() {
        bytemuck::try_cast_slice_mut(s).ok()
    } else {
        None
    }
}
