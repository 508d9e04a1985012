//! Between the sRGB-encoded and linear-light pixel families.

use chiaro_pixel::{
    Bgra8, Channel, ChannelType, ColorModel, FromPixel, Gray8, Gray16, GrayA8, GrayA16, GrayF32,
    LinGrayF32, LinPremulRgbaF32, LinRgbF32, LinRgbaF32, Pixel, PremulRgba8, PremulRgbaF32, Rgb8,
    Rgb16, RgbF32, Rgba8, Rgba16, RgbaF32, SizeMismatch, View, ViewMut,
};

use crate::transfer::{
    linear_to_srgb, linear_to_srgb8, linear_to_srgb16, srgb_to_linear, srgb8_to_linear,
    srgb16_to_linear,
};

/// A chiaro pixel format holding sRGB-encoded values, which [`to_linear`] can decode.
/// Implemented for all 14 formats of the family.
pub trait Encoded: Pixel {
    /// The pixel as straight-alpha linear light.
    fn decode(self) -> LinRgbaF32;
    /// The pixel from straight-alpha linear light, exactly rounded.
    fn encode(light: LinRgbaF32) -> Self;
}

/// A chiaro pixel format holding linear light, which [`to_encoded`] can encode.
/// Implemented for the four formats of the family.
pub trait Linear: Pixel {
    /// The pixel as straight-alpha linear RGBA.
    fn to_rgba(self) -> LinRgbaF32;
    /// The pixel from straight-alpha linear RGBA (gray formats take luminance).
    fn from_rgba(light: LinRgbaF32) -> Self;
}

/// Decodes any encoded pixel: 8- and 16-bit values by table, floats exactly.
/// Premultiplied pixels are divided by alpha in `f32` first, so no colour is lost to
/// 8-bit rounding at low alpha.
#[inline(always)]
fn decode<S>(s: S) -> LinRgbaF32
where
    S: Pixel,
    Rgba8: FromPixel<S>,
    Rgba16: FromPixel<S>,
    RgbaF32: FromPixel<S>,
{
    if S::IS_PREMULTIPLIED {
        let f = RgbaF32::from_pixel(s);
        return LinRgbaF32::new(
            srgb_to_linear(f.r),
            srgb_to_linear(f.g),
            srgb_to_linear(f.b),
            f.a,
        );
    }
    match S::Channel::TYPE {
        ChannelType::U8 => {
            let c = Rgba8::from_pixel(s);
            let [r, g, b] = [c.r, c.g, c.b].map(srgb8_to_linear);
            LinRgbaF32::new(r, g, b, f32::from(c.a) / 255.0)
        }
        ChannelType::U16 => {
            let c = Rgba16::from_pixel(s);
            let [r, g, b] = [c.r, c.g, c.b].map(srgb16_to_linear);
            LinRgbaF32::new(r, g, b, f32::from(c.a) / 65535.0)
        }
        ChannelType::F32 => {
            let c = RgbaF32::from_pixel(s);
            LinRgbaF32::new(
                srgb_to_linear(c.r),
                srgb_to_linear(c.g),
                srgb_to_linear(c.b),
                c.a,
            )
        }
    }
}

/// Encodes straight linear RGBA into any encoded format, exactly rounded. Gray
/// formats take the luminance of the linear colour, then encode it.
#[inline(always)]
fn encode<D>(mut l: LinRgbaF32) -> D
where
    D: Pixel + FromPixel<Rgba8> + FromPixel<Rgba16> + FromPixel<RgbaF32>,
{
    if matches!(D::MODEL, ColorModel::Gray | ColorModel::GrayAlpha) {
        let y = LinGrayF32::from_pixel(l).v;
        l = LinRgbaF32::new(y, y, y, l.a);
    }
    match D::Channel::TYPE {
        ChannelType::U8 => D::from_pixel(Rgba8::new(
            linear_to_srgb8(l.r),
            linear_to_srgb8(l.g),
            linear_to_srgb8(l.b),
            Gray8::from_pixel(GrayF32::new(l.a)).v,
        )),
        ChannelType::U16 => D::from_pixel(Rgba16::new(
            linear_to_srgb16(l.r),
            linear_to_srgb16(l.g),
            linear_to_srgb16(l.b),
            Gray16::from_pixel(GrayF32::new(l.a)).v,
        )),
        ChannelType::F32 => D::from_pixel(RgbaF32::new(
            linear_to_srgb(l.r),
            linear_to_srgb(l.g),
            linear_to_srgb(l.b),
            l.a,
        )),
    }
}

macro_rules! encoded {
    ($($t:ty),+) => {$(
        impl Encoded for $t {
            #[inline(always)]
            fn decode(self) -> LinRgbaF32 {
                decode(self)
            }
            #[inline(always)]
            fn encode(light: LinRgbaF32) -> Self {
                encode(light)
            }
        }
    )+};
}

encoded!(
    Gray8,
    GrayA8,
    Rgb8,
    Rgba8,
    PremulRgba8,
    Bgra8,
    Gray16,
    GrayA16,
    Rgb16,
    Rgba16,
    GrayF32,
    RgbF32,
    RgbaF32,
    PremulRgbaF32
);

macro_rules! linear {
    ($($t:ty),+) => {$(
        impl Linear for $t {
            #[inline(always)]
            fn to_rgba(self) -> LinRgbaF32 {
                LinRgbaF32::from_pixel(self)
            }
            #[inline(always)]
            fn from_rgba(light: LinRgbaF32) -> Self {
                <$t>::from_pixel(light)
            }
        }
    )+};
}

linear!(LinGrayF32, LinRgbF32, LinRgbaF32, LinPremulRgbaF32);

/// Decodes an sRGB-encoded view into a linear-light view of the same size, through
/// straight alpha: a premultiplied source is divided by alpha (in `f32`), decoded, and
/// re-multiplied if the destination is premultiplied. Gray destinations receive
/// relative luminance (Rec. 709 weights on linear values).
pub fn to_linear<S: Encoded, D: Linear>(
    src: View<'_, S>,
    mut dst: ViewMut<'_, D>,
) -> Result<(), SizeMismatch> {
    SizeMismatch::check(src.size(), dst.size())?;
    for (s, d) in src.rows().zip(dst.rows_mut()) {
        for (s, d) in s.iter().zip(d) {
            *d = D::from_rgba(s.decode());
        }
    }
    Ok(())
}

/// Encodes a linear-light view into an sRGB-encoded view of the same size, exactly
/// rounded; see [`to_linear`] for the alpha and gray rules.
pub fn to_encoded<S: Linear, D: Encoded>(
    src: View<'_, S>,
    mut dst: ViewMut<'_, D>,
) -> Result<(), SizeMismatch> {
    SizeMismatch::check(src.size(), dst.size())?;
    for (s, d) in src.rows().zip(dst.rows_mut()) {
        for (s, d) in s.iter().zip(d) {
            *d = D::encode(s.to_rgba());
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(
    clippy::cast_possible_truncation,
    reason = "test coordinates are below 256"
)]
mod tests {
    use chiaro_pixel::Image;

    use super::*;
    use crate::transfer::srgb_to_linear_f64;

    #[test]
    fn every_8_bit_value_survives_the_round_trip() {
        let src = Image::from_fn(256, 256, |x, y| {
            Rgba8::new(x as u8, (255 - x) as u8, y as u8, 255)
        });
        for premul in [false, true] {
            let mut back = Image::<Rgba8>::new(256, 256);
            if premul {
                let mut lin = Image::<LinPremulRgbaF32>::new(256, 256);
                to_linear(src.as_view(), lin.as_view_mut()).unwrap();
                to_encoded(lin.as_view(), back.as_view_mut()).unwrap();
            } else {
                let mut lin = Image::<LinRgbF32>::new(256, 256);
                to_linear(src.as_view(), lin.as_view_mut()).unwrap();
                to_encoded(lin.as_view(), back.as_view_mut()).unwrap();
            }
            assert_eq!(back, src);
        }
    }

    #[test]
    fn premultiplied_sources_keep_low_alpha_colour() {
        // Premultiplied (1, 0, 0, 3): straight red is 85/255, decoded exactly in f32.
        let l = PremulRgba8::new(1, 0, 0, 3).decode();
        let want = srgb_to_linear_f64(1.0 / 3.0);
        assert!((f64::from(l.r) - want).abs() < 1e-7, "{l:?}");
        assert!((l.a - 3.0 / 255.0).abs() < 1e-9);
        assert_eq!(
            PremulRgba8::new(0, 0, 0, 0).decode(),
            LinRgbaF32::new(0.0, 0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn gray_targets_take_luminance_in_linear_light() {
        // Pure green: luminance 0.7152 in light, encoded to 8 bits.
        let g = Gray8::encode(LinRgbaF32::new(0.0, 1.0, 0.0, 1.0));
        assert_eq!(g.v, linear_to_srgb8(0.7152));
        let lin = <LinGrayF32 as Linear>::from_rgba(Rgb8::new(0, 255, 0).decode());
        assert!((lin.v - 0.7152).abs() < 1e-6);
    }

    #[test]
    fn sixteen_bit_and_float_paths() {
        let c = Rgba16::new(65535, 32768, 0, 65535).decode();
        assert!((f64::from(c.g) - srgb_to_linear_f64(32768.0 / 65535.0)).abs() < 1e-7);
        assert_eq!(Rgba16::encode(c), Rgba16::new(65535, 32768, 0, 65535));
        let f = RgbaF32::new(0.5, 0.25, 1.0, 0.5);
        let back = RgbaF32::encode(f.decode());
        assert!((back.r - 0.5).abs() < 1e-6 && (back.g - 0.25).abs() < 1e-6 && back.a == 0.5);
    }

    #[test]
    fn size_mismatch() {
        let src = Image::<Rgb8>::new(2, 2);
        let mut dst = Image::<LinRgbF32>::new(2, 3);
        assert!(to_linear(src.as_view(), dst.as_view_mut()).is_err());
    }
}
