//! Y′CbCr: luma and colour-difference coding of sRGB-encoded values, as JPEG, video and
//! most camera and ML pipelines use it.
//!
//! - [`Matrix`]: the luma coefficients of ITU-R BT.601, BT.709 or BT.2020 (the
//!   non-constant-luminance form, applied to encoded R′G′B′).
//! - [`Range`]: full (0–255, JPEG/JFIF) or limited "studio" range (Y′ 16–235,
//!   Cb/Cr 16–240, video).
//! - Per colour: [`Matrix::to_ycbcr`] / [`Matrix::to_rgb`] on analogue values
//!   ([`YCbCrF32`], Y′ 0–1, Cb/Cr −½–½), and [`Spec::encode`] / [`Spec::decode`] on 8-bit
//!   code values ([`YCbCr8`]), exactly rounded from the `f64` equations.
//! - Whole images: the [`planar`] module, 4:4:4, 4:2:2 and 4:2:0.
//!
//! The equations (K<sub>G</sub> = 1 − K<sub>R</sub> − K<sub>B</sub>):
//!
//! ```text
//! Y′ = K_R R′ + K_G G′ + K_B B′
//! Cb = (B′ − Y′) / (2 (1 − K_B))        Cr = (R′ − Y′) / (2 (1 − K_R))
//! full range:    Y = 255 Y′,        C = 128 + 255 Cb
//! limited range: Y = 16 + 219 Y′,   C = 128 + 224 Cb
//! ```
//!
//! Round trips through 8-bit code values: RGB8 → YCbCr8 → RGB8 is within 1 LSB per
//! channel in full range and within 2 LSB in limited range (whose code values are
//! coarser), for all 2²⁴ inputs and all three matrices (tested exhaustively).

pub mod planar;

use chiaro_pixel::{Rgb8, RgbF32};

use crate::space::f32x3;

/// The luma coefficients of a standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Matrix {
    /// ITU-R BT.601 (standard definition; JPEG/JFIF): K<sub>R</sub> 0.299,
    /// K<sub>B</sub> 0.114.
    Bt601,
    /// ITU-R BT.709 (HD video): K<sub>R</sub> 0.2126, K<sub>B</sub> 0.0722.
    Bt709,
    /// ITU-R BT.2020, non-constant luminance (UHD video): K<sub>R</sub> 0.2627,
    /// K<sub>B</sub> 0.0593.
    Bt2020,
}

impl Matrix {
    /// All three matrices.
    pub const ALL: [Matrix; 3] = [Matrix::Bt601, Matrix::Bt709, Matrix::Bt2020];

    /// K<sub>R</sub>, the red weight of luma.
    pub const fn kr(self) -> f64 {
        match self {
            Matrix::Bt601 => 0.299,
            Matrix::Bt709 => 0.2126,
            Matrix::Bt2020 => 0.2627,
        }
    }

    /// K<sub>B</sub>, the blue weight of luma.
    pub const fn kb(self) -> f64 {
        match self {
            Matrix::Bt601 => 0.114,
            Matrix::Bt709 => 0.0722,
            Matrix::Bt2020 => 0.0593,
        }
    }

    /// K<sub>G</sub> = 1 − K<sub>R</sub> − K<sub>B</sub>.
    pub const fn kg(self) -> f64 {
        1.0 - self.kr() - self.kb()
    }

    /// Analogue Y′CbCr of an encoded R′G′B′ colour, in `f64`.
    pub fn to_ycbcr_f64(self, [r, g, b]: [f64; 3]) -> [f64; 3] {
        let y = self.kr() * r + self.kg() * g + self.kb() * b;
        [
            y,
            (b - y) / (2.0 * (1.0 - self.kb())),
            (r - y) / (2.0 * (1.0 - self.kr())),
        ]
    }

    /// Encoded R′G′B′ of an analogue Y′CbCr colour, in `f64`.
    pub fn to_rgb_f64(self, [y, cb, cr]: [f64; 3]) -> [f64; 3] {
        let r = y + 2.0 * (1.0 - self.kr()) * cr;
        let b = y + 2.0 * (1.0 - self.kb()) * cb;
        let g = (y - self.kr() * r - self.kb() * b) / self.kg();
        [r, g, b]
    }

    /// Analogue Y′CbCr of an encoded sRGB colour.
    pub fn to_ycbcr(self, c: RgbF32) -> YCbCrF32 {
        f32x3(self.to_ycbcr_f64([c.r, c.g, c.b].map(f64::from))).into()
    }

    /// Encoded sRGB of an analogue Y′CbCr colour (not clamped).
    pub fn to_rgb(self, c: YCbCrF32) -> RgbF32 {
        f32x3(self.to_rgb_f64([c.y, c.cb, c.cr].map(f64::from))).into()
    }
}

/// Full or limited code range of 8-bit Y′CbCr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Range {
    /// Y 0–255, Cb/Cr 0–255 centred on 128 (JPEG/JFIF, most still images).
    Full,
    /// Y 16–235, Cb/Cr 16–240 centred on 128 ("studio" or "TV" range, video).
    Limited,
}

impl Range {
    /// `(offset, scale)` of luma code values: `Y = offset + scale · Y′`.
    pub const fn luma(self) -> (f64, f64) {
        match self {
            Range::Full => (0.0, 255.0),
            Range::Limited => (16.0, 219.0),
        }
    }

    /// Scale of chroma code values: `C = 128 + scale · Cb`.
    pub const fn chroma(self) -> f64 {
        match self {
            Range::Full => 255.0,
            Range::Limited => 224.0,
        }
    }
}

/// A complete 8-bit Y′CbCr coding: matrix and range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Spec {
    /// Luma coefficients.
    pub matrix: Matrix,
    /// Code range.
    pub range: Range,
}

impl Spec {
    /// BT.601 full range: JPEG/JFIF.
    pub const JPEG: Spec = Spec {
        matrix: Matrix::Bt601,
        range: Range::Full,
    };
    /// BT.601 limited range: SD video.
    pub const BT601: Spec = Spec {
        matrix: Matrix::Bt601,
        range: Range::Limited,
    };
    /// BT.709 limited range: HD video.
    pub const BT709: Spec = Spec {
        matrix: Matrix::Bt709,
        range: Range::Limited,
    };
    /// BT.2020 limited range: UHD video.
    pub const BT2020: Spec = Spec {
        matrix: Matrix::Bt2020,
        range: Range::Limited,
    };

    /// Creates a coding from its parts.
    pub const fn new(matrix: Matrix, range: Range) -> Self {
        Spec { matrix, range }
    }

    /// Code values of an 8-bit sRGB colour, in `f64` before rounding.
    pub fn encode_f64(self, c: Rgb8) -> [f64; 3] {
        let rgb = [c.r, c.g, c.b].map(|v| f64::from(v) / 255.0);
        let [y, cb, cr] = self.matrix.to_ycbcr_f64(rgb);
        let (offset, scale) = self.range.luma();
        let cs = self.range.chroma();
        [offset + scale * y, 128.0 + cs * cb, 128.0 + cs * cr]
    }

    /// 8-bit code values of an 8-bit sRGB colour, exactly rounded.
    pub fn encode(self, c: Rgb8) -> YCbCr8 {
        let [y, cb, cr] = self.encode_f64(c).map(round_u8);
        YCbCr8 { y, cb, cr }
    }

    /// 8-bit sRGB of 8-bit code values, exactly rounded and clamped.
    pub fn decode(self, c: YCbCr8) -> Rgb8 {
        let (offset, scale) = self.range.luma();
        let cs = self.range.chroma();
        let analogue = [
            (f64::from(c.y) - offset) / scale,
            (f64::from(c.cb) - 128.0) / cs,
            (f64::from(c.cr) - 128.0) / cs,
        ];
        let [r, g, b] = self
            .matrix
            .to_rgb_f64(analogue)
            .map(|v| round_u8(v * 255.0));
        Rgb8 { r, g, b }
    }
}

/// Rounds half up and clamps to 0–255.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "clamped to 0..=255 first"
)]
fn round_u8(v: f64) -> u8 {
    libm::floor(v + 0.5).clamp(0.0, 255.0) as u8
}

crate::space::color_type! {
    /// Analogue Y′CbCr: Y′ 0–1, Cb and Cr −½–½. Which matrix produced it is not part of
    /// the type; keep it alongside.
    pub struct YCbCrF32 {
        /// Luma Y′.
        y,
        /// Blue-difference chroma.
        cb,
        /// Red-difference chroma.
        cr,
    }
}

/// 8-bit Y′CbCr code values. The [`Spec`] that produced them is not part of the type.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, bytemuck::Pod, bytemuck::Zeroable)]
pub struct YCbCr8 {
    /// Luma code value.
    pub y: u8,
    /// Blue-difference code value.
    pub cb: u8,
    /// Red-difference code value.
    pub cr: u8,
}

impl chiaro_pixel::Pixel for YCbCr8 {
    type Channel = u8;
    type Encoding = chiaro_pixel::OtherEncoding;
    const CHANNELS: usize = 3;
    const MODEL: chiaro_pixel::ColorModel = chiaro_pixel::ColorModel::Other;
    const ALPHA: chiaro_pixel::AlphaMode = chiaro_pixel::AlphaMode::Opaque;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jfif_equations() {
        // JFIF: Y = 0.299 R + 0.587 G + 0.114 B; Cb = 128 − 0.168736 R − 0.331264 G + 0.5 B;
        // Cr = 128 + 0.5 R − 0.418688 G − 0.081312 B.
        for c in [
            Rgb8::new(255, 0, 0),
            Rgb8::new(12, 200, 99),
            Rgb8::new(0, 0, 255),
        ] {
            let (r, g, b) = (f64::from(c.r), f64::from(c.g), f64::from(c.b));
            let want = [
                0.299 * r + 0.587 * g + 0.114 * b,
                128.0 - 0.168_736 * r - 0.331_264 * g + 0.5 * b,
                128.0 + 0.5 * r - 0.418_688 * g - 0.081_312 * b,
            ];
            let got = Spec::JPEG.encode_f64(c);
            for i in 0..3 {
                assert!((got[i] - want[i]).abs() < 1e-3, "{c:?} {got:?} {want:?}");
            }
        }
    }

    #[test]
    fn limited_range_extremes() {
        for m in Matrix::ALL {
            let spec = Spec::new(m, Range::Limited);
            assert_eq!(
                spec.encode(Rgb8::new(0, 0, 0)),
                YCbCr8 {
                    y: 16,
                    cb: 128,
                    cr: 128
                }
            );
            assert_eq!(
                spec.encode(Rgb8::new(255, 255, 255)),
                YCbCr8 {
                    y: 235,
                    cb: 128,
                    cr: 128
                }
            );
            assert_eq!(spec.encode(Rgb8::new(0, 0, 255)).cb, 240);
            assert_eq!(spec.encode(Rgb8::new(255, 0, 0)).cr, 240);
            let full = Spec::new(m, Range::Full);
            assert_eq!(
                full.encode(Rgb8::new(255, 255, 255)),
                YCbCr8 {
                    y: 255,
                    cb: 128,
                    cr: 128
                }
            );
            assert_eq!(full.encode(Rgb8::new(0, 0, 255)).cb, 255);
            assert_eq!(
                full.decode(YCbCr8 {
                    y: 255,
                    cb: 128,
                    cr: 128
                }),
                Rgb8::new(255, 255, 255)
            );
        }
    }

    #[test]
    fn analogue_round_trip() {
        for m in Matrix::ALL {
            let c = RgbF32::new(0.2, 0.7, 0.4);
            let back = m.to_rgb(m.to_ycbcr(c));
            assert!(
                (back.r - c.r).abs() < 1e-6
                    && (back.g - c.g).abs() < 1e-6
                    && (back.b - c.b).abs() < 1e-6
            );
        }
        // BT.709 luma of pure green is K_G.
        let y = Matrix::Bt709.to_ycbcr(RgbF32::new(0.0, 1.0, 0.0)).y;
        assert!((f64::from(y) - 0.7152).abs() < 1e-6);
    }
}
