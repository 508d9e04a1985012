//! Conversion to and from [`image::ImageBuffer`] (feature `image`), zero-copy where the
//! layouts match.
//!
//! Only formats the `image` crate has map: straight-alpha sRGB-encoded gray, gray-alpha,
//! RGB and RGBA in `u8`, `u16` and (except gray-alpha) `f32`. Premultiplied and
//! linear-light images convert first, so the meaning of the values travels with them.
//!
//! ```
//! use chiaro_pixel::{Image, Rgba8, View};
//!
//! let ours = Image::filled(3, 2, Rgba8::new(1, 2, 3, 4));
//! let theirs: image::RgbaImage = ours.into_image_buffer(); // moves the buffer
//! assert_eq!(theirs.get_pixel(2, 1).0, [1, 2, 3, 4]);
//! let view = View::<Rgba8>::from_image_buffer(&theirs); // borrows it
//! assert_eq!(view.get(2, 1), Some(&Rgba8::new(1, 2, 3, 4)));
//! let back: Image<Rgba8> = Image::from(theirs);
//! assert_eq!(back.size(), (3, 2));
//! ```

use alloc::vec::Vec;
use core::ops::Deref;

use image::ImageBuffer;

use crate::format::{
    Gray8, Gray16, GrayA8, GrayA16, GrayF32, Rgb8, Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32,
};
use crate::{Image, Pixel, View};

/// A chiaro format with a same-layout counterpart among `image`'s pixel types.
pub trait ImageCompatible: Pixel {
    /// The `image` crate's pixel type with the same channels in the same order.
    type ImagePixel: image::Pixel<Subpixel = Self::Channel> + 'static;
}

macro_rules! compatible {
    ($($ours:ty => $theirs:ty),+ $(,)?) => {$(
        impl ImageCompatible for $ours {
            type ImagePixel = $theirs;
        }
    )+};
}

compatible! {
    Gray8 => image::Luma<u8>,
    GrayA8 => image::LumaA<u8>,
    Rgb8 => image::Rgb<u8>,
    Rgba8 => image::Rgba<u8>,
    Gray16 => image::Luma<u16>,
    GrayA16 => image::LumaA<u16>,
    Rgb16 => image::Rgb<u16>,
    Rgba16 => image::Rgba<u16>,
    GrayF32 => image::Luma<f32>,
    RgbF32 => image::Rgb<f32>,
    RgbaF32 => image::Rgba<f32>,
}

/// The `image` buffer type matching format `P`.
pub type BufferOf<P> = ImageBuffer<<P as ImageCompatible>::ImagePixel, Vec<<P as Pixel>::Channel>>;

impl<P: ImageCompatible> Image<P> {
    /// Moves the pixels into an `image::ImageBuffer`. Never copies: chiaro's pixels
    /// are whole numbers of channels with the channel's alignment.
    pub fn into_image_buffer(self) -> BufferOf<P> {
        let (width, height) = self.size();
        let channels: Vec<P::Channel> = bytemuck::allocation::cast_vec(self.into_raw());
        // The length is exactly width × height × CHANNELS, which is what `from_raw` needs.
        match ImageBuffer::from_raw(width, height, channels) {
            Some(buffer) => buffer,
            None => ImageBuffer::new(0, 0),
        }
    }

    /// Copies an `image` buffer with any container into a new image.
    pub fn from_image_buffer<C>(buffer: &ImageBuffer<P::ImagePixel, C>) -> Self
    where
        C: Deref<Target = [P::Channel]>,
    {
        View::from_image_buffer(buffer).to_image()
    }
}

impl<P: ImageCompatible> From<BufferOf<P>> for Image<P> {
    /// Takes the buffer's allocation when its capacity is a whole number of pixels, and
    /// copies otherwise.
    fn from(buffer: BufferOf<P>) -> Self {
        let (width, height) = buffer.dimensions();
        let mut channels = buffer.into_raw();
        let pixels = width as usize * height as usize;
        channels.truncate(pixels * P::CHANNELS);
        let data: Vec<P> = bytemuck::allocation::try_cast_vec(channels)
            .unwrap_or_else(|(_, channels)| bytemuck::allocation::pod_collect_to_vec(&channels));
        Image::from_parts(width, height, data)
    }
}

impl<'a, P: ImageCompatible> View<'a, P> {
    /// Borrows an `image` buffer with any container as a view, without copying.
    pub fn from_image_buffer<C>(buffer: &'a ImageBuffer<P::ImagePixel, C>) -> Self
    where
        C: Deref<Target = [P::Channel]>,
    {
        let (width, height) = buffer.dimensions();
        let raw: &'a [P::Channel] = buffer.as_raw();
        // `ImageBuffer` guarantees its container holds width × height pixels.
        View::from_channels(raw, width, height, width as usize * P::CHANNELS)
            .unwrap_or_else(|_| View::from_raw_parts(&[], crate::view::Layout::EMPTY))
    }

    /// Copies the view into a new `image` buffer.
    pub fn to_image_buffer(&self) -> BufferOf<P> {
        self.to_image().into_image_buffer()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixteen_bit_round_trip_keeps_values() {
        let ours = Image::from_fn(3, 2, |x, y| {
            Rgba16::new(
                u16::try_from(x * 1000).unwrap_or(0),
                u16::try_from(y).unwrap_or(0),
                65535,
                7,
            )
        });
        let theirs = ours.clone().into_image_buffer();
        assert_eq!(theirs.get_pixel(2, 1).0, [2000, 1, 65535, 7]);
        assert_eq!(Image::<Rgba16>::from(theirs), ours);
    }

    #[test]
    fn into_image_buffer_moves_the_allocation() {
        let ours = Image::filled(4, 4, Gray8::new(3));
        let ptr = ours.as_bytes().as_ptr();
        let theirs = ours.into_image_buffer();
        assert_eq!(theirs.as_raw().as_ptr(), ptr);
    }

    #[test]
    fn buffers_with_slack_are_copied_correctly() {
        // A capacity that is not a whole number of pixels cannot be reused in place.
        let mut raw = Vec::with_capacity(3 * 2 * 3 + 1);
        raw.extend((0..18u8).collect::<Vec<_>>());
        let theirs = image::RgbImage::from_raw(3, 2, raw).unwrap();
        let ours = Image::<Rgb8>::from(theirs);
        assert_eq!(ours.get(2, 1), Some(&Rgb8::new(15, 16, 17)));
        let view = View::<Rgb8>::from_image_buffer(&ours.clone().into_image_buffer()).to_image();
        assert_eq!(view, ours);
    }
}
