//! `From`/`Into` between chiaro's colour types and the [`palette`] crate's (feature
//! `palette`). The sRGB and linear pixel types convert through `chiaro-pixel`'s own
//! `palette` feature, which this one enables.
//!
//! | chiaro | palette |
//! |---|---|
//! | [`Xyz`] | `Xyz<D65, f32>` |
//! | [`Lab`], [`Lch`] | `Lab<D65, f32>`, `Lch<D65, f32>` |
//! | [`LabD50`], [`LchD50`] | `Lab<D50, f32>`, `Lch<D50, f32>` |
//! | [`Oklab`], [`Oklch`] | `Oklab<f32>`, `Oklch<f32>` |
//! | [`Hsl`], [`Hsv`] | `Hsl<Srgb, f32>`, `Hsv<Srgb, f32>` |
//!
//! Hues are passed as degrees and come back in `[0, 360)`.
//!
//! ```
//! use chiaro_color::space::Lab;
//! let theirs: palette::Lab = Lab::new(53.24, 80.09, 67.2).into();
//! assert_eq!(theirs.l, 53.24);
//! let ours: Lab = theirs.into();
//! assert_eq!(ours, Lab::new(53.24, 80.09, 67.2));
//! ```

use palette::white_point::{D50, D65};

use crate::space::{Hsl, Hsv, Lab, LabD50, Lch, LchD50, Oklab, Oklch, Xyz};

macro_rules! plain {
    ($ours:ty => $theirs:ty { $($o:ident : $t:ident),+ }) => {
        impl From<$ours> for $theirs {
            #[inline]
            fn from(c: $ours) -> Self {
                <$theirs>::new($(c.$o),+)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(c: $theirs) -> Self {
                <$ours>::new($(c.$t),+)
            }
        }
    };
}

plain!(Xyz => palette::Xyz<D65, f32> { x: x, y: y, z: z });
plain!(Lab => palette::Lab<D65, f32> { l: l, a: a, b: b });
plain!(LabD50 => palette::Lab<D50, f32> { l: l, a: a, b: b });
plain!(Oklab => palette::Oklab<f32> { l: l, a: a, b: b });

macro_rules! polar {
    ($ours:ty => $theirs:ty { $first:ident, $chroma:ident, hue, }) => {
        impl From<$ours> for $theirs {
            #[inline]
            fn from(c: $ours) -> Self {
                <$theirs>::new(c.l, c.c, c.h)
            }
        }

        impl From<$theirs> for $ours {
            #[inline]
            fn from(c: $theirs) -> Self {
                <$ours>::new(c.$first, c.$chroma, c.hue.into_positive_degrees())
            }
        }
    };
}

polar!(Lch => palette::Lch<D65, f32> { l, chroma, hue, });
polar!(LchD50 => palette::Lch<D50, f32> { l, chroma, hue, });
polar!(Oklch => palette::Oklch<f32> { l, chroma, hue, });

impl From<Hsl> for palette::Hsl<palette::encoding::Srgb, f32> {
    fn from(c: Hsl) -> Self {
        palette::Hsl::new_srgb(c.h, c.s, c.l)
    }
}

impl From<palette::Hsl<palette::encoding::Srgb, f32>> for Hsl {
    fn from(c: palette::Hsl<palette::encoding::Srgb, f32>) -> Self {
        Hsl::new(c.hue.into_positive_degrees(), c.saturation, c.lightness)
    }
}

impl From<Hsv> for palette::Hsv<palette::encoding::Srgb, f32> {
    fn from(c: Hsv) -> Self {
        palette::Hsv::new_srgb(c.h, c.s, c.v)
    }
}

impl From<palette::Hsv<palette::encoding::Srgb, f32>> for Hsv {
    fn from(c: palette::Hsv<palette::encoding::Srgb, f32>) -> Self {
        Hsv::new(c.hue.into_positive_degrees(), c.saturation, c.value)
    }
}

#[cfg(test)]
mod tests {
    use palette::IntoColor;

    use super::*;
    use crate::space::{ColorSpace, convert};
    use chiaro_pixel::RgbF32;

    #[test]
    fn conversions_agree_through_either_library() {
        let rgb = RgbF32::new(0.8, 0.3, 0.1);
        let ours: Oklch = convert(rgb);
        let theirs: palette::Oklch<f32> = palette::Srgb::<f32>::from(rgb).into_color();
        let back: Oklch = theirs.into();
        assert!((ours.l - back.l).abs() < 1e-5 && (ours.c - back.c).abs() < 1e-5);
        assert!((ours.h - back.h).abs() < 1e-3, "{ours:?} {back:?}");
        let lab: Lab = convert(rgb);
        let p: palette::Lab = lab.into();
        let via: RgbF32 = palette::Srgb::<f32>::from_color_unclamped_lab(p).into();
        assert!((via.r - rgb.r).abs() < 1e-4);
        assert_eq!(
            Xyz::from(palette::Xyz::<D65, f32>::from(Xyz::new(0.1, 0.2, 0.3))),
            Xyz::new(0.1, 0.2, 0.3)
        );
        let hsv = Hsv::new(300.0, 0.5, 0.25);
        assert_eq!(Hsv::from(palette::Hsv::from(hsv)), hsv);
        let _ = Lab::from_srgb8(chiaro_pixel::Rgb8::new(1, 2, 3));
    }

    /// palette's conversion from Lab to sRGB without clamping.
    trait FromLab {
        fn from_color_unclamped_lab(lab: palette::Lab) -> Self;
    }

    impl FromLab for palette::Srgb<f32> {
        fn from_color_unclamped_lab(lab: palette::Lab) -> Self {
            use palette::convert::FromColorUnclamped;
            palette::Srgb::from_color_unclamped(lab)
        }
    }
}
