//! The 8-bit fixed-point path: one pass into an `i16` intermediate with 6 fraction
//! bits, then the other to `u8` (see [`super::kernels`]). Vertical first unless the
//! cost model says otherwise or the format has straight alpha; see [`resize`].

use alloc::vec::Vec;

use chiaro_pixel::{AlphaMode, PremulRgba8, Rgba8, View, ViewMut, convert_slice};

use super::weights::FixedWindows;
use super::{Resample, ResizeError, each_chunk, each_row, each_row_chunk, grow};
use crate::simd::resize as simd;

/// The longest window the fixed-point weights serve; longer ones go to the float path.
pub(super) const MAX_TAPS: usize = 256;

/// Resizes 8-bit `src` into `dst` with the windows `hf` (columns) and `vf` (rows).
pub(super) fn resize<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
    hf: &FixedWindows,
    vf: &FixedWindows,
    tmp: &mut Vec<i16>,
) -> Result<(), ResizeError> {
    let ch = P::CHANNELS;
    let (dw, dh) = dst.size();
    let (sw, sh) = src.size();
    let straight = P::ALPHA == AlphaMode::Straight;
    // Room for the kernels to read whole groups of four taps past the last pixel.
    let padded = (sw as usize + hf.stride + 8) * ch;
    let row_len = sw as usize * ch;

    // Pass order by cost (taps × samples). At equal cost the vertical pass goes first:
    // its kernel takes 32 channels per step where the horizontal one takes one pixel,
    // and it reads the source in long rows. It needs the source rows as they are, so
    // straight alpha (premultiplied row by row) goes horizontal first.
    let taps = |w: &FixedWindows| w.lens.iter().map(|&l| l as f64).sum::<f64>();
    let h_first = f64::from(sh) * taps(hf) + f64::from(dw) * taps(vf);
    let v_first = f64::from(sw) * taps(vf) + f64::from(dh) * taps(hf);
    if !straight && v_first <= 1.1 * h_first {
        // In bands of four output rows: the vertical pass fills four intermediate rows,
        // which the horizontal pass consumes at once while they are in cache (and the
        // four rows share its weight loads).
        let bytes = src.as_bytes();
        let stride = src.stride_bytes();
        each_row_chunk(dst, 4, |y, band| {
            let mut tmp = alloc::vec![0_i16; 4 * padded];
            let n = band.height() as usize;
            for (j, row) in tmp.chunks_exact_mut(padded).take(n).enumerate() {
                let (row, _pad) = row.split_at_mut(row_len);
                simd::v_u8_i16(bytes, stride, vf.starts[y + j] as usize, vf.of(y + j), row);
            }
            let from = |j: usize| &tmp[j * padded..][..padded];
            let mut rows = band
                .into_rows()
                .map(|r| bytemuck::cast_slice_mut::<P, u8>(r));
            match (rows.next(), rows.next(), rows.next(), rows.next()) {
                (Some(o0), Some(o1), Some(o2), Some(o3)) => {
                    let src = [from(0), from(1), from(2), from(3)];
                    simd::h_i16_u8_x4(ch, src, hf, [o0, o1, o2, o3]);
                }
                (o0, o1, o2, _) => {
                    for (j, o) in [o0, o1, o2].into_iter().enumerate() {
                        if let Some(o) = o {
                            simd::h_i16_u8(ch, from(j), hf, o);
                        }
                    }
                }
            }
        });
        return Ok(());
    }

    // Horizontal first. The intermediate holds only the source rows some output row
    // reads.
    let row_lo = vf.starts.iter().copied().min().unwrap_or(0) as usize;
    let row_hi = (0..vf.starts.len())
        .map(|i| vf.starts[i] as usize + vf.lens[i] as usize)
        .max()
        .unwrap_or(0);
    let stride = dw as usize * ch;
    let tmp = grow(tmp, (row_hi - row_lo).checked_mul(stride), dw, dh)?;

    // Four rows at a time share the weights (the last group may be shorter).
    let load = |row: &mut [u8], r: usize| {
        let y = u32::try_from(row_lo + r).unwrap_or(u32::MAX);
        let bytes: &[u8] = bytemuck::cast_slice(src.row(y).unwrap_or_default());
        if straight {
            premultiply(ch, bytes, &mut row[..row_len]);
        } else {
            row[..row_len].copy_from_slice(bytes);
        }
    };
    each_chunk(
        tmp,
        4 * stride,
        || alloc::vec![0_u8; 4 * padded],
        |rows, g, out| {
            let n = out.len() / stride;
            for (j, row) in rows.chunks_exact_mut(padded).take(n).enumerate() {
                load(row, 4 * g + j);
            }
            if n == 4 {
                let (r01, r23) = rows.split_at(2 * padded);
                let (r0, r1) = r01.split_at(padded);
                let (r2, r3) = r23.split_at(padded);
                let (o01, o23) = out.split_at_mut(2 * stride);
                let (o0, o1) = o01.split_at_mut(stride);
                let (o2, o3) = o23.split_at_mut(stride);
                simd::h_u8_x4(ch, [r0, r1, r2, r3], hf, [o0, o1, o2, o3]);
            } else {
                for (row, o) in rows.chunks_exact(padded).zip(out.chunks_exact_mut(stride)) {
                    simd::h_u8(ch, row, hf, o);
                }
            }
        },
    );

    let tmp = &tmp[..];
    each_row(
        dst,
        || alloc::vec![0_u8; if straight { stride } else { 0 }],
        |scratch, y, row| {
            let start = vf.starts[y] as usize - row_lo;
            let bytes: &mut [u8] = bytemuck::cast_slice_mut(row);
            if straight {
                simd::v_u8(tmp, stride, start, vf.of(y), scratch);
                unpremultiply(ch, scratch, bytes);
            } else {
                simd::v_u8(tmp, stride, start, vf.of(y), bytes);
            }
        },
    );
    Ok(())
}

/// Premultiplies one row of straight-alpha pixels (alpha last) by chiaro-pixel's rule,
/// `round(c·a / 255)`.
fn premultiply(ch: usize, src: &[u8], dst: &mut [u8]) {
    if ch == 4 {
        convert_slice::<Rgba8, PremulRgba8>(
            bytemuck::cast_slice(src),
            bytemuck::cast_slice_mut(dst),
        );
        return;
    }
    for (s, d) in src.chunks_exact(ch).zip(dst.chunks_exact_mut(ch)) {
        let a = u32::from(s[ch - 1]);
        for c in 0..ch - 1 {
            let t = u32::from(s[c]) * a + 128;
            #[expect(clippy::cast_possible_truncation, reason = "c·a/255 ≤ 255")]
            let v = ((t + (t >> 8)) >> 8) as u8;
            d[c] = v;
        }
        d[ch - 1] = s[ch - 1];
    }
}

/// Restores straight alpha: `min(255, round(c·255 / a))`, zero colour at zero alpha.
fn unpremultiply(ch: usize, src: &[u8], dst: &mut [u8]) {
    if ch == 4 {
        convert_slice::<PremulRgba8, Rgba8>(
            bytemuck::cast_slice(src),
            bytemuck::cast_slice_mut(dst),
        );
        return;
    }
    for (s, d) in src.chunks_exact(ch).zip(dst.chunks_exact_mut(ch)) {
        let a = u32::from(s[ch - 1]);
        for c in 0..ch - 1 {
            d[c] = if a == 0 {
                0
            } else {
                let v = (u32::from(s[c]) * 510 + a) / (2 * a);
                u8::try_from(v.min(255)).unwrap_or(u8::MAX)
            };
        }
        d[ch - 1] = s[ch - 1];
    }
}
