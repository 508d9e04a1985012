//! Conversion between [`DecodedImage`] and `image::DynamicImage` (feature `image`),
//! moving the pixel buffers without copying.

use chiaro_pixel::Image;
use image::DynamicImage;

use crate::DecodedImage;

impl From<DecodedImage> for DynamicImage {
    /// The matching `DynamicImage` variant; an indexed image is expanded to RGBA8.
    fn from(image: DecodedImage) -> Self {
        match image {
            DecodedImage::Gray8(i) => Self::ImageLuma8(i.into_image_buffer()),
            DecodedImage::GrayA8(i) => Self::ImageLumaA8(i.into_image_buffer()),
            DecodedImage::Rgb8(i) => Self::ImageRgb8(i.into_image_buffer()),
            DecodedImage::Rgba8(i) => Self::ImageRgba8(i.into_image_buffer()),
            DecodedImage::Gray16(i) => Self::ImageLuma16(i.into_image_buffer()),
            DecodedImage::GrayA16(i) => Self::ImageLumaA16(i.into_image_buffer()),
            DecodedImage::Rgb16(i) => Self::ImageRgb16(i.into_image_buffer()),
            DecodedImage::Rgba16(i) => Self::ImageRgba16(i.into_image_buffer()),
            DecodedImage::Indexed(i) => Self::ImageRgba8(i.expand().into_image_buffer()),
        }
    }
}

impl From<DynamicImage> for DecodedImage {
    /// The matching variant; `f32` images (which no variant holds) become 16-bit, as
    /// `image`'s own `to_rgb16`/`to_rgba16` round them.
    fn from(image: DynamicImage) -> Self {
        match image {
            DynamicImage::ImageLuma8(b) => Self::Gray8(Image::from(b)),
            DynamicImage::ImageLumaA8(b) => Self::GrayA8(Image::from(b)),
            DynamicImage::ImageRgb8(b) => Self::Rgb8(Image::from(b)),
            DynamicImage::ImageRgba8(b) => Self::Rgba8(Image::from(b)),
            DynamicImage::ImageLuma16(b) => Self::Gray16(Image::from(b)),
            DynamicImage::ImageLumaA16(b) => Self::GrayA16(Image::from(b)),
            DynamicImage::ImageRgb16(b) => Self::Rgb16(Image::from(b)),
            DynamicImage::ImageRgba16(b) => Self::Rgba16(Image::from(b)),
            DynamicImage::ImageRgb32F(b) => {
                Self::Rgb16(Image::from(DynamicImage::ImageRgb32F(b).to_rgb16()))
            }
            other => Self::Rgba16(Image::from(other.to_rgba16())),
        }
    }
}

#[cfg(test)]
mod tests {
    use chiaro_pixel::{GrayA16, Rgb8};

    use super::*;

    #[test]
    fn variants_map_both_ways_without_changing_pixels() {
        let rgb = DecodedImage::Rgb8(Image::from_fn(3, 2, |x, y| {
            Rgb8::new(
                u8::try_from(x).unwrap_or(0),
                u8::try_from(y).unwrap_or(0),
                7,
            )
        }));
        let gray_alpha = DecodedImage::GrayA16(Image::filled(2, 2, GrayA16::new(60_000, 1)));
        for image in [rgb, gray_alpha] {
            let dynamic = DynamicImage::from(image.clone());
            assert_eq!(DecodedImage::from(dynamic), image);
        }
    }
}
