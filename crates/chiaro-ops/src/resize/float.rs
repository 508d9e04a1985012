//! The `f32` path: 16-bit and float formats, 8-bit formats in linear light, and 8-bit
//! windows too long for fixed-point weights.
//!
//! Each source row is widened to `f32` in `0..=1` (decoded to linear light and
//! premultiplied where asked or needed), filtered horizontally into an `f32`
//! intermediate, then vertically; each output row is restored (unpremultiplied,
//! encoded) and rounded once to the format's depth. Float formats keep values outside
//! `0..=1` (the ringing of the sharper filters); integer formats clamp.

use alloc::vec::Vec;

use chiaro_color::transfer::{linear_to_srgb, srgb_to_linear, srgb8_to_linear, srgb16_to_linear};
use chiaro_pixel::{AlphaMode, Channel, ChannelType, View, ViewMut};

use super::weights::FloatWindows;
use super::{Resample, ResizeError, each_chunk, each_row, grow};
use crate::simd::resize as simd;

/// A channel type as the float path sees it.
trait Unit: Copy {
    /// To `0..=1` (float channels as they are).
    fn to_unit(self) -> f32;
    /// To linear light, from an sRGB-encoded value.
    fn decode(self) -> f32;
    /// From `0..=1`, rounded once (integers clamp; floats keep the value).
    fn from_unit(v: f32) -> Self;
}

impl Unit for u8 {
    fn to_unit(self) -> f32 {
        f32::from(self) / 255.0
    }
    fn decode(self) -> f32 {
        srgb8_to_linear(self)
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=1 first; NaN casts to 0"
    )]
    fn from_unit(v: f32) -> Self {
        (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
    }
}

impl Unit for u16 {
    fn to_unit(self) -> f32 {
        f32::from(self) / 65535.0
    }
    fn decode(self) -> f32 {
        srgb16_to_linear(self)
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=1 first; NaN casts to 0"
    )]
    fn from_unit(v: f32) -> Self {
        (v.clamp(0.0, 1.0) * 65535.0 + 0.5) as u16
    }
}

impl Unit for f32 {
    fn to_unit(self) -> f32 {
        self
    }
    fn decode(self) -> f32 {
        srgb_to_linear(self)
    }
    fn from_unit(v: f32) -> Self {
        v
    }
}

/// How one format's rows are widened and restored.
#[derive(Clone, Copy)]
struct Codec {
    ch: usize,
    alpha: bool,
    straight: bool,
    premul: bool,
    linear: bool,
}

impl Codec {
    fn load<C: Unit>(self, src: &[C], dst: &mut [f32]) {
        let ch = self.ch;
        let colours = if self.alpha { ch - 1 } else { ch };
        for (s, d) in src.chunks_exact(ch).zip(dst.chunks_exact_mut(ch)) {
            let a = if self.alpha { s[ch - 1].to_unit() } else { 1.0 };
            for c in 0..colours {
                d[c] = if self.premul && self.linear {
                    // Premultiplied encoded values: decode the colour, not the product.
                    if a > 0.0 {
                        srgb_to_linear(s[c].to_unit() / a) * a
                    } else {
                        0.0
                    }
                } else if self.linear {
                    s[c].decode()
                } else {
                    s[c].to_unit()
                };
                if self.straight {
                    d[c] *= a;
                }
            }
            if self.alpha {
                d[ch - 1] = a;
            }
        }
    }

    fn store<C: Unit>(self, src: &[f32], dst: &mut [C]) {
        let ch = self.ch;
        let colours = if self.alpha { ch - 1 } else { ch };
        let divide = self.straight || (self.premul && self.linear);
        for (s, d) in src.chunks_exact(ch).zip(dst.chunks_exact_mut(ch)) {
            let a = if self.alpha { s[ch - 1] } else { 1.0 };
            for c in 0..colours {
                let mut v = s[c];
                if divide {
                    v = if a > 0.0 { v / a } else { 0.0 };
                }
                if self.linear {
                    v = linear_to_srgb(v);
                }
                if self.premul && self.linear {
                    v = v.clamp(0.0, 1.0) * a.clamp(0.0, 1.0);
                }
                d[c] = C::from_unit(v);
            }
            if self.alpha {
                d[ch - 1] = C::from_unit(a);
            }
        }
    }

    fn load_any<P: Resample>(self, px: &[P], dst: &mut [f32]) {
        let c: &[P::Channel] = bytemuck::cast_slice(px);
        match P::Channel::TYPE {
            ChannelType::U8 => self.load::<u8>(bytemuck::cast_slice(c), dst),
            ChannelType::U16 => self.load::<u16>(bytemuck::cast_slice(c), dst),
            ChannelType::F32 => self.load::<f32>(bytemuck::cast_slice(c), dst),
        }
    }

    fn store_any<P: Resample>(self, src: &[f32], px: &mut [P]) {
        let c: &mut [P::Channel] = bytemuck::cast_slice_mut(px);
        match P::Channel::TYPE {
            ChannelType::U8 => self.store::<u8>(src, bytemuck::cast_slice_mut(c)),
            ChannelType::U16 => self.store::<u16>(src, bytemuck::cast_slice_mut(c)),
            ChannelType::F32 => self.store::<f32>(src, bytemuck::cast_slice_mut(c)),
        }
    }
}

/// Resizes `src` into `dst` in `f32` with the windows `hf` (columns) and `vf` (rows).
pub(super) fn resize<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
    hf: &FloatWindows,
    vf: &FloatWindows,
    linear: bool,
    tmp: &mut Vec<f32>,
) -> Result<(), ResizeError> {
    let ch = P::CHANNELS;
    let (dw, dh) = dst.size();
    let row_lo = vf.starts.iter().copied().min().unwrap_or(0) as usize;
    let row_hi = (0..vf.starts.len())
        .map(|i| vf.starts[i] as usize + vf.lens[i] as usize)
        .max()
        .unwrap_or(0);
    let stride = dw as usize * ch;
    let tmp = grow(tmp, (row_hi - row_lo).checked_mul(stride), dw, dh)?;
    let row_len = src.width() as usize * ch;
    let codec = Codec {
        ch,
        alpha: P::HAS_ALPHA,
        straight: P::ALPHA == AlphaMode::Straight,
        premul: P::ALPHA == AlphaMode::Premultiplied,
        linear,
    };

    each_chunk(
        tmp,
        stride,
        || alloc::vec![0.0_f32; row_len],
        |row, r, out| {
            let y = u32::try_from(row_lo + r).unwrap_or(u32::MAX);
            codec.load_any(src.row(y).unwrap_or_default(), row);
            simd::h_f32(ch, row, hf, out);
        },
    );

    let tmp = &tmp[..];
    each_row(
        dst,
        || alloc::vec![0.0_f32; stride],
        |scratch, y, row| {
            let start = vf.starts[y] as usize - row_lo;
            simd::v_f32(tmp, stride, start, vf.of(y), scratch);
            codec.store_any(scratch, row);
        },
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_units_round_trip() {
        for v in 0..=255_u8 {
            assert_eq!(u8::from_unit(v.to_unit()), v);
        }
        for v in (0..=65535_u16).step_by(7) {
            assert_eq!(u16::from_unit(v.to_unit()), v);
        }
        assert_eq!(u8::from_unit(f32::NAN), 0);
        assert_eq!(u8::from_unit(-0.5), 0);
        assert_eq!(u16::from_unit(7.0), 65535);
    }
}
