//! The [`Pixel`] trait: what a pixel type says about its memory layout and meaning.
//!
//! The trait holds layout facts only (channel type and count, channel order, alpha
//! mode, encoding). Conversions live in [`crate::convert`](mod@crate::convert); arithmetic belongs to the
//! crates that need it. Keeping the trait small keeps generic code fast to compile and
//! easy to write.

use core::fmt::Debug;

use bytemuck::Pod;

/// The numeric type of one channel: `u8`, `u16` or `f32`.
///
/// The trait is sealed: conversions between depths follow fixed rules (see
/// [`crate::convert`](mod@crate::convert)) that are defined for these three types only.
pub trait Channel:
    Pod
    + Copy
    + Default
    + PartialEq
    + PartialOrd
    + Debug
    + Send
    + Sync
    + 'static
    + crate::convert::ChannelMath
{
    /// Which of the three channel types this is.
    const TYPE: ChannelType;
    /// The value that means "full": 255, 65535 or 1.0.
    const MAX: Self;
    /// The value that means "none": 0 or 0.0.
    const ZERO: Self;
}

impl Channel for u8 {
    const TYPE: ChannelType = ChannelType::U8;
    const MAX: Self = u8::MAX;
    const ZERO: Self = 0;
}

impl Channel for u16 {
    const TYPE: ChannelType = ChannelType::U16;
    const MAX: Self = u16::MAX;
    const ZERO: Self = 0;
}

impl Channel for f32 {
    const TYPE: ChannelType = ChannelType::F32;
    const MAX: Self = 1.0;
    const ZERO: Self = 0.0;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::SrgbEncoded {}
    impl Sealed for super::LinearLight {}
    impl Sealed for super::OtherEncoding {}
}

/// The channel type of a pixel format, as a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChannelType {
    /// 8-bit unsigned integer, 0–255.
    U8,
    /// 16-bit unsigned integer, 0–65535.
    U16,
    /// 32-bit float, nominally 0.0–1.0.
    F32,
}

impl ChannelType {
    /// Size of one channel in bytes.
    pub const fn size(self) -> usize {
        match self {
            ChannelType::U8 => 1,
            ChannelType::U16 => 2,
            ChannelType::F32 => 4,
        }
    }

    /// Rank by precision, used to decide where conversions do their arithmetic:
    /// `u8 < u16 < f32`.
    pub(crate) const fn precision(self) -> u8 {
        match self {
            ChannelType::U8 => 0,
            ChannelType::U16 => 1,
            ChannelType::F32 => 2,
        }
    }
}

/// Whether and how a pixel format stores alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlphaMode {
    /// No alpha channel: every pixel is opaque.
    Opaque,
    /// Colour channels are independent of alpha ("straight", "unassociated").
    Straight,
    /// Colour channels are already multiplied by alpha ("associated"). This is the
    /// form compositing and filtering need.
    Premultiplied,
}

/// How colour values relate to light.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// sRGB transfer function applied ("gamma-encoded"): what files and screens hold.
    /// Averaging these values is not averaging light.
    Srgb,
    /// Linear light: values proportional to physical intensity, with sRGB primaries.
    /// Blending, resizing and blurring are physically correct here.
    Linear,
    /// Neither: a type outside the RGB families, such as Lab or a data channel.
    Other,
}

/// The order and meaning of a pixel's channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColorModel {
    /// One luma channel.
    Gray,
    /// Luma then alpha.
    GrayAlpha,
    /// Red, green, blue.
    Rgb,
    /// Red, green, blue, alpha.
    Rgba,
    /// Blue, green, red, alpha (the byte order of many Windows and GPU surfaces).
    Bgra,
    /// Anything else; see the type's documentation.
    Other,
}

impl ColorModel {
    /// Number of channels the model has, or `None` for [`ColorModel::Other`].
    pub const fn channels(self) -> Option<usize> {
        match self {
            ColorModel::Gray => Some(1),
            ColorModel::GrayAlpha => Some(2),
            ColorModel::Rgb => Some(3),
            ColorModel::Rgba | ColorModel::Bgra => Some(4),
            ColorModel::Other => None,
        }
    }
}

/// Type-level encoding marker, so that an API can require linear light (or sRGB) in its
/// signature: `fn blur<P: Pixel<Encoding = LinearLight>>(…)`.
///
/// Sealed: the two RGB families are [`SrgbEncoded`] and [`LinearLight`]; everything else
/// (Lab, Oklab, YCbCr, data) is [`OtherEncoding`].
pub trait EncodingFamily: sealed::Sealed + Send + Sync + 'static {
    /// The family as a value.
    const ENCODING: Encoding;
}

/// Marker for the sRGB-encoded family (`Rgba8`, `RgbF32`, `Gray16`, …).
#[derive(Debug)]
pub enum SrgbEncoded {}

/// Marker for the linear-light family (`LinRgbaF32`, `LinPremulRgbaF32`, …).
#[derive(Debug)]
pub enum LinearLight {}

/// Marker for pixel types outside the two RGB families: colour spaces such as Lab or
/// Oklab, and data channels. chiaro's [`FromPixel`](crate::FromPixel) conversions do not
/// apply to them.
#[derive(Debug)]
pub enum OtherEncoding {}

impl EncodingFamily for OtherEncoding {
    const ENCODING: Encoding = Encoding::Other;
}

impl EncodingFamily for SrgbEncoded {
    const ENCODING: Encoding = Encoding::Srgb;
}

impl EncodingFamily for LinearLight {
    const ENCODING: Encoding = Encoding::Linear;
}

/// A pixel format: a plain-old-data struct of `CHANNELS` values of one [`Channel`] type.
///
/// The type states everything a buffer of it means: the channel type, the channel
/// order ([`ColorModel`]), the [`AlphaMode`] and the [`Encoding`]. Functions that only
/// make sense for one combination say so in their signature, so that compositing
/// straight alpha as premultiplied, or resizing sRGB values as if they were light, does
/// not compile.
///
/// # Implementing it for your own type
///
/// Other crates may implement `Pixel` for their own formats (a Lab pixel, a label map)
/// to use [`Image`](crate::Image) and the views. The type must be `#[repr(C)]` and
/// consist of exactly `CHANNELS` fields of type `Channel`; this is checked at compile
/// time when the type is first used in a view or image. Conversions with
/// [`FromPixel`](crate::FromPixel) exist only between chiaro's own formats.
pub trait Pixel: Pod + Default + PartialEq + Debug + Send + Sync + 'static {
    /// The numeric type of each channel.
    type Channel: Channel;
    /// The encoding family, as a type: [`SrgbEncoded`], [`LinearLight`], or
    /// [`OtherEncoding`] for types outside the RGB families.
    type Encoding: EncodingFamily;
    /// Number of channels.
    const CHANNELS: usize;
    /// Channel order and meaning.
    const MODEL: ColorModel;
    /// Whether alpha is absent, straight or premultiplied.
    const ALPHA: AlphaMode;

    /// The encoding family as a value.
    const ENCODING: Encoding = <Self::Encoding as EncodingFamily>::ENCODING;
    /// Whether the format has an alpha channel.
    const HAS_ALPHA: bool = !matches!(Self::ALPHA, AlphaMode::Opaque);
    /// Whether colour channels are premultiplied by alpha.
    const IS_PREMULTIPLIED: bool = matches!(Self::ALPHA, AlphaMode::Premultiplied);
    /// Size of one pixel in bytes.
    const BYTES: usize = core::mem::size_of::<Self>();

    /// Compile-time check that the type is `CHANNELS` consecutive `Channel` values.
    /// Referenced by every constructor of images and views.
    #[doc(hidden)]
    const LAYOUT_CHECK: () = {
        assert!(
            core::mem::size_of::<Self>() == Self::CHANNELS * core::mem::size_of::<Self::Channel>(),
            "a Pixel type must be exactly CHANNELS values of its Channel type"
        );
        assert!(
            core::mem::align_of::<Self>() == core::mem::align_of::<Self::Channel>(),
            "a Pixel type must have the alignment of its Channel type"
        );
        assert!(
            Self::CHANNELS > 0,
            "a Pixel type must have at least one channel"
        );
    };

    /// The channels in memory order.
    #[inline]
    fn channels(&self) -> &[Self::Channel] {
        crate::cast::channels(core::slice::from_ref(self))
    }

    /// The channels in memory order, mutably.
    #[inline]
    fn channels_mut(&mut self) -> &mut [Self::Channel] {
        crate::cast::channels_mut(core::slice::from_mut(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::*;

    fn facts<P: Pixel>() -> (usize, ColorModel, AlphaMode, Encoding, ChannelType, usize) {
        (
            P::CHANNELS,
            P::MODEL,
            P::ALPHA,
            P::ENCODING,
            P::Channel::TYPE,
            P::BYTES,
        )
    }

    #[test]
    fn every_format_states_its_layout() {
        use AlphaMode::*;
        use ChannelType::*;
        use ColorModel::*;
        use Encoding::*;
        assert_eq!(facts::<Gray8>(), (1, Gray, Opaque, Srgb, U8, 1));
        assert_eq!(facts::<GrayA8>(), (2, GrayAlpha, Straight, Srgb, U8, 2));
        assert_eq!(facts::<Rgb8>(), (3, Rgb, Opaque, Srgb, U8, 3));
        assert_eq!(facts::<Rgba8>(), (4, Rgba, Straight, Srgb, U8, 4));
        assert_eq!(
            facts::<PremulRgba8>(),
            (4, Rgba, Premultiplied, Srgb, U8, 4)
        );
        assert_eq!(facts::<Bgra8>(), (4, Bgra, Straight, Srgb, U8, 4));
        assert_eq!(facts::<Gray16>(), (1, Gray, Opaque, Srgb, U16, 2));
        assert_eq!(facts::<GrayA16>(), (2, GrayAlpha, Straight, Srgb, U16, 4));
        assert_eq!(facts::<Rgb16>(), (3, Rgb, Opaque, Srgb, U16, 6));
        assert_eq!(facts::<Rgba16>(), (4, Rgba, Straight, Srgb, U16, 8));
        assert_eq!(facts::<GrayF32>(), (1, Gray, Opaque, Srgb, F32, 4));
        assert_eq!(facts::<RgbF32>(), (3, Rgb, Opaque, Srgb, F32, 12));
        assert_eq!(facts::<RgbaF32>(), (4, Rgba, Straight, Srgb, F32, 16));
        assert_eq!(
            facts::<PremulRgbaF32>(),
            (4, Rgba, Premultiplied, Srgb, F32, 16)
        );
        assert_eq!(facts::<LinGrayF32>(), (1, Gray, Opaque, Linear, F32, 4));
        assert_eq!(facts::<LinRgbF32>(), (3, Rgb, Opaque, Linear, F32, 12));
        assert_eq!(facts::<LinRgbaF32>(), (4, Rgba, Straight, Linear, F32, 16));
        assert_eq!(
            facts::<LinPremulRgbaF32>(),
            (4, Rgba, Premultiplied, Linear, F32, 16)
        );
    }

    #[test]
    fn derived_flags_follow_the_alpha_mode() {
        let flags = [
            (Rgb8::HAS_ALPHA, Rgb8::IS_PREMULTIPLIED),
            (Rgba8::HAS_ALPHA, Rgba8::IS_PREMULTIPLIED),
            (PremulRgba8::HAS_ALPHA, PremulRgba8::IS_PREMULTIPLIED),
        ];
        assert_eq!(flags, [(false, false), (true, false), (true, true)]);
        assert_eq!(ColorModel::Bgra.channels(), Some(4));
        assert_eq!(ColorModel::Other.channels(), None);
    }

    #[test]
    fn channels_are_in_memory_order() {
        let mut p = Bgra8::new(1, 2, 3, 4);
        assert_eq!(p.channels(), &[1, 2, 3, 4]);
        p.channels_mut()[2] = 9;
        assert_eq!(p.r, 9);
        assert_eq!(<[u16; 2]>::from(GrayA16::new(7, 8)), [7, 8]);
        assert_eq!(RgbF32::from([0.5, 0.25, 1.0]).g, 0.25);
    }

    #[test]
    fn checked_premultiplied_pixels() {
        assert_eq!(
            PremulRgba8::checked(10, 20, 30, 30),
            Some(PremulRgba8::new(10, 20, 30, 30))
        );
        assert_eq!(PremulRgba8::checked(10, 31, 30, 30), None);
    }
}
