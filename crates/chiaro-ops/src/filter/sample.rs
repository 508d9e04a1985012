//! Channel-level plumbing shared by the filters: raw channel values to and from `f32`
//! working rows, and premultiplying straight alpha around a filter.
//!
//! Working values are the raw channel values (0–255 for `u8`, 0–65535 for `u16`, the
//! stored float for `f32`), so integer formats round once, on the way out.

use chiaro_pixel::{AlphaMode, Channel, ChannelType, Pixel};

/// The channels of a pixel row, in memory order.
#[inline]
pub(crate) fn channels<P: Pixel>(row: &[P]) -> &[P::Channel] {
    bytemuck::cast_slice(row)
}

/// The channels of a pixel row, mutably.
#[inline]
pub(crate) fn channels_mut<P: Pixel>(row: &mut [P]) -> &mut [P::Channel] {
    bytemuck::cast_slice_mut(row)
}

/// Whether a filter must premultiply `P` before mixing neighbouring pixels and
/// unpremultiply after: true for straight alpha.
#[inline]
pub(crate) const fn needs_premultiply<P: Pixel>() -> bool {
    matches!(P::ALPHA, AlphaMode::Straight)
}

/// Index of the alpha channel within a pixel: the last channel for every chiaro
/// format that has one (`GrayA`, `Rgba`, `Bgra`).
#[inline]
pub(crate) const fn alpha_index<P: Pixel>() -> usize {
    P::CHANNELS - 1
}

/// The largest raw value of the channel type, as `f32`.
#[inline]
pub(crate) fn max_value<C: Channel>() -> f32 {
    match C::TYPE {
        ChannelType::U8 => 255.0,
        ChannelType::U16 => 65535.0,
        ChannelType::F32 => 1.0,
    }
}

/// Raw channel values as `f32`, appended to nothing: `dst[i] = src[i]`.
pub(crate) fn load<C: Channel>(src: &[C], dst: &mut [f32]) {
    match C::TYPE {
        ChannelType::U8 => {
            let src: &[u8] = bytemuck::cast_slice(src);
            for (d, &s) in dst.iter_mut().zip(src) {
                *d = f32::from(s);
            }
        }
        ChannelType::U16 => {
            let src: &[u16] = bytemuck::cast_slice(src);
            for (d, &s) in dst.iter_mut().zip(src) {
                *d = f32::from(s);
            }
        }
        ChannelType::F32 => {
            let src: &[f32] = bytemuck::cast_slice(src);
            dst[..src.len()].copy_from_slice(src);
        }
    }
}

/// `f32` working values back to channels: integers are rounded to nearest and clamped
/// to their range (NaN becomes 0); floats are stored as they are.
pub(crate) fn store<C: Channel>(src: &[f32], dst: &mut [C]) {
    match C::TYPE {
        ChannelType::U8 => {
            let dst: &mut [u8] = bytemuck::cast_slice_mut(dst);
            for (d, &s) in dst.iter_mut().zip(src) {
                *d = round_u8(s);
            }
        }
        ChannelType::U16 => {
            let dst: &mut [u16] = bytemuck::cast_slice_mut(dst);
            for (d, &s) in dst.iter_mut().zip(src) {
                *d = round_u16(s);
            }
        }
        ChannelType::F32 => {
            let dst: &mut [f32] = bytemuck::cast_slice_mut(dst);
            dst.copy_from_slice(&src[..dst.len()]);
        }
    }
}

/// Rounds to nearest and clamps to `0..=255`; NaN gives 0.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    reason = "float-to-int `as` saturates, and the value is clamped first"
)]
pub(crate) fn round_u8(v: f32) -> u8 {
    (v + 0.5).clamp(0.0, 255.0) as u8
}

/// Rounds to nearest and clamps to `0..=65535`; NaN gives 0.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    reason = "float-to-int `as` saturates, and the value is clamped first"
)]
pub(crate) fn round_u16(v: f32) -> u16 {
    (v + 0.5).clamp(0.0, 65535.0) as u16
}

/// Premultiplies a row of `f32` working values with `ch` channels per pixel in
/// place: colour × alpha ÷ `max`, the alpha channel last.
pub(crate) fn premultiply_f32(row: &mut [f32], ch: usize, max: f32) {
    let inv = 1.0 / max;
    for px in row.chunks_exact_mut(ch) {
        if let Some((a, colour)) = px.split_last_mut() {
            let k = *a * inv;
            for c in colour {
                *c *= k;
            }
        }
    }
}

/// Undoes [`premultiply_f32`]: colour × `max` ÷ alpha, zero where alpha is zero, and
/// (when `clamp`) colour limited to `0..=max` first, as integer formats need.
pub(crate) fn unpremultiply_f32(row: &mut [f32], ch: usize, max: f32, clamp: bool) {
    for px in row.chunks_exact_mut(ch) {
        if let Some((a, colour)) = px.split_last_mut() {
            if clamp {
                *a = a.clamp(0.0, max);
            }
            let alpha = *a;
            let k = if alpha > 0.0 { max / alpha } else { 0.0 };
            for c in colour {
                let v = if clamp { c.clamp(0.0, alpha) } else { *c };
                *c = v * k;
            }
        }
    }
}

/// Limits premultiplied colour to its alpha (integer formats only, where a colour
/// above alpha is invalid), after a filter with negative weights.
pub(crate) fn clamp_premultiplied(row: &mut [f32], ch: usize, max: f32) {
    for px in row.chunks_exact_mut(ch) {
        if let Some((a, colour)) = px.split_last_mut() {
            *a = a.clamp(0.0, max);
            for c in colour {
                *c = c.clamp(0.0, *a);
            }
        }
    }
}

/// A row of `P` as premultiplied `f32` working values (premultiplying straight alpha).
pub(crate) fn load_working<P: Pixel>(row: &[P], dst: &mut [f32]) {
    load(channels(row), dst);
    if needs_premultiply::<P>() {
        premultiply_f32(dst, P::CHANNELS, max_value::<P::Channel>());
    }
}

/// Premultiplied `f32` working values back to a row of `P`, rounding integer formats
/// and keeping premultiplied colour within alpha.
pub(crate) fn store_working<P: Pixel>(src: &mut [f32], row: &mut [P]) {
    let int = !matches!(P::Channel::TYPE, ChannelType::F32);
    let max = max_value::<P::Channel>();
    if needs_premultiply::<P>() {
        unpremultiply_f32(src, P::CHANNELS, max, int);
    } else if int && P::IS_PREMULTIPLIED {
        clamp_premultiplied(src, P::CHANNELS, max);
    }
    store(src, channels_mut(row));
}
