//! The engine of the adjustments: which channels are colour, and running a function
//! over every pixel, row by row (in parallel with `rayon`), through 256-entry lookup
//! tables for 8-bit straight or opaque formats and in normalized `f32` otherwise.

use chiaro_pixel::{AlphaMode, Channel, ChannelType, ColorModel, Pixel, ViewMut};

use super::AdjustError;
use crate::filter::sample::{channels_mut, load, max_value, store};

/// Where red, green and blue (or the single grey) live within a pixel.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Layout {
    /// One grey channel at index 0.
    Gray,
    /// Red, green, blue at these indices.
    Rgb([usize; 3]),
}

impl Layout {
    pub(crate) fn of<P: Pixel>() -> Result<Self, AdjustError> {
        match P::MODEL {
            ColorModel::Gray | ColorModel::GrayAlpha => Ok(Self::Gray),
            ColorModel::Rgb | ColorModel::Rgba => Ok(Self::Rgb([0, 1, 2])),
            ColorModel::Bgra => Ok(Self::Rgb([2, 1, 0])),
            _ => Err(AdjustError::UnsupportedModel),
        }
    }

    /// The colour channel indices (one for grey, three for RGB).
    pub(crate) fn colour(&self) -> &[usize] {
        match self {
            Self::Gray => &[0],
            Self::Rgb(i) => i,
        }
    }
}

/// Rec. 709 luma of linear-in-code values (the weights chiaro-pixel's grey conversions
/// use).
#[inline]
pub(crate) fn luma([r, g, b]: [f32; 3]) -> f32 {
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// Runs `f` on every row of `view`.
pub(crate) fn rows<P: Pixel>(view: ViewMut<'_, P>, f: impl Fn(&mut [P]) + Sync) {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        view.par_rows_mut().for_each(&f);
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut view = view;
        for row in view.rows_mut() {
            f(row);
        }
    }
}

/// Applies `f(slot, value)` to every colour channel of every pixel, `slot` being the
/// channel's place in [`Layout::colour`] (0 for grey, 0–2 for red, green, blue) and
/// `value` the straight colour normalized to 0–1. Integer results are rounded to
/// nearest and clamped; alpha is kept.
pub(crate) fn per_channel<P: Pixel>(
    view: ViewMut<'_, P>,
    f: impl Fn(usize, f32) -> f32 + Sync,
) -> Result<(), AdjustError> {
    let layout = Layout::of::<P>()?;
    let colour = layout.colour();
    if P::Channel::TYPE == ChannelType::U8 && P::ALPHA != AlphaMode::Premultiplied {
        let mut luts = [[0u8; 256]; 3];
        for (slot, lut) in luts.iter_mut().enumerate().take(colour.len()) {
            for (v, out) in lut.iter_mut().enumerate() {
                *out = crate::filter::sample::round_u8(f(slot, v as f32 / 255.0) * 255.0);
            }
        }
        let ch = P::CHANNELS;
        rows(view, |row| {
            let bytes: &mut [u8] = bytemuck::cast_slice_mut(row);
            for px in bytes.chunks_exact_mut(ch) {
                for (slot, &i) in colour.iter().enumerate() {
                    px[i] = luts[slot][usize::from(px[i])];
                }
            }
        });
        return Ok(());
    }
    per_pixel_normalized::<P>(view, |px| {
        for (slot, &i) in colour.iter().enumerate() {
            px[i] = f(slot, px[i]);
        }
    });
    Ok(())
}

/// Applies `f` to the straight, normalized channels of every pixel (alpha last where
/// the format has one), then stores them back (premultiplying again if needed,
/// rounding and clamping integers).
pub(crate) fn per_pixel_normalized<P: Pixel>(view: ViewMut<'_, P>, f: impl Fn(&mut [f32]) + Sync) {
    let ch = P::CHANNELS;
    let max = max_value::<P::Channel>();
    let int = P::Channel::TYPE != ChannelType::F32;
    rows(view, |row| {
        let mut buf = alloc::vec::Vec::new();
        for px in row.chunks_mut(64) {
            buf.clear();
            buf.resize(px.len() * ch, 0.0);
            let vals = &mut buf[..];
            load(bytemuck::cast_slice::<P, P::Channel>(px), vals);
            for p in vals.chunks_exact_mut(ch) {
                for v in p.iter_mut() {
                    *v /= max;
                }
                let alpha = if P::HAS_ALPHA { p[ch - 1] } else { 1.0 };
                if P::IS_PREMULTIPLIED {
                    let k = if alpha > 0.0 { 1.0 / alpha } else { 0.0 };
                    for v in &mut p[..ch - 1] {
                        *v *= k;
                    }
                }
                f(p);
                for v in p.iter_mut() {
                    if int {
                        *v = v.clamp(0.0, 1.0);
                    }
                }
                if P::IS_PREMULTIPLIED {
                    let a = p[ch - 1];
                    for v in &mut p[..ch - 1] {
                        *v *= a;
                    }
                }
                for v in p.iter_mut() {
                    *v *= max;
                }
            }
            store(vals, channels_mut(px));
        }
    });
}

/// Applies `f` to the straight RGB of every pixel, normalized to 0–1; a grey pixel
/// enters as `[v, v, v]` and leaves as the luma of the result.
pub(crate) fn per_rgb<P: Pixel>(
    view: ViewMut<'_, P>,
    f: impl Fn([f32; 3]) -> [f32; 3] + Sync,
) -> Result<(), AdjustError> {
    let layout = Layout::of::<P>()?;
    per_pixel_normalized::<P>(view, |px| match layout {
        Layout::Gray => px[0] = luma(f([px[0]; 3])),
        Layout::Rgb([r, g, b]) => {
            let out = f([px[r], px[g], px[b]]);
            (px[r], px[g], px[b]) = (out[0], out[1], out[2]);
        }
    });
    Ok(())
}

/// The value of a channel, normalized, for the histogram's 256 bins.
#[inline]
pub(crate) fn bin<C: Channel>(c: C) -> usize {
    match C::TYPE {
        ChannelType::U8 => usize::from(bytemuck::cast::<C, u8>(c)),
        ChannelType::U16 => usize::from(bytemuck::cast::<C, u16>(c) >> 8),
        ChannelType::F32 => {
            let v = bytemuck::cast::<C, f32>(c);
            #[expect(clippy::cast_possible_truncation, reason = "clamped to 0..=255 first")]
            let b = (v * 255.0 + 0.5).clamp(0.0, 255.0) as usize;
            b
        }
    }
}
