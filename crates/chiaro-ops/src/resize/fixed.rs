//! The 8-bit fixed-point path: one pass into an `i16` intermediate with 6 fraction
//! bits, then the other to `u8` (see [`super::kernels`]). Vertical first unless the
//! cost model says otherwise; see [`resize`]. Straight alpha is premultiplied a source
//! row at a time on the way in and restored on each output row.

use alloc::vec::Vec;

use chiaro_pixel::{AlphaMode, PremulRgba8, Rgba8, View, ViewMut, convert_slice};

use super::weights::{FixedWindows, WEIGHT_BITS};
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
    let (dw, dh) = dst.size();
    let (sw, sh) = src.size();
    // Pass order by cost (taps × samples). At equal cost the vertical pass goes first:
    // its kernel takes 32 channels per step where the horizontal one takes one pixel,
    // and it reads the source in long rows.
    let taps = |w: &FixedWindows| w.lens.iter().map(|&l| l as f64).sum::<f64>();
    let h_first = f64::from(sh) * taps(hf) + f64::from(dw) * taps(vf);
    let v_first = f64::from(sw) * taps(vf) + f64::from(dh) * taps(hf);
    if sh == dh {
        horizontal_only(src, dst, hf);
        Ok(())
    } else if v_first <= 1.1 * h_first {
        vertical_first(src, dst, hf, vf);
        Ok(())
    } else {
        horizontal_first(src, dst, hf, vf, tmp)
    }
}

/// Loads source row `y` into `row` (its first `width × channels` bytes), premultiplied
/// when the pixels have straight alpha.
fn load_row<P: Resample>(src: View<'_, P>, y: usize, row: &mut [u8]) {
    let y = u32::try_from(y).unwrap_or(u32::MAX);
    let bytes: &[u8] = bytemuck::cast_slice(src.row(y).unwrap_or_default());
    let row = &mut row[..bytes.len()];
    if P::ALPHA == AlphaMode::Straight {
        premultiply(P::CHANNELS, bytes, row);
    } else {
        row.copy_from_slice(bytes);
    }
}

/// The horizontal pass of the first `n` (at most four) of the padded source rows in
/// `rows` into the rows of `out`, `stride` values each: four at once, sharing the
/// weight loads, when there are four.
fn horizontal_u8(
    ch: usize,
    rows: &[u8],
    n: usize,
    hf: &FixedWindows,
    out: &mut [i16],
    stride: usize,
) {
    let padded = rows.len() / 4;
    if n == 4 {
        let (r01, r23) = rows.split_at(2 * padded);
        let (r0, r1) = r01.split_at(padded);
        let (r2, r3) = r23.split_at(padded);
        let (o01, o23) = out.split_at_mut(2 * stride);
        let (o0, o1) = o01.split_at_mut(stride);
        let (o2, o3) = o23.split_at_mut(stride);
        simd::h_u8_x4(ch, [r0, r1, r2, r3], hf, [o0, o1, o2, o3]);
    } else {
        for (row, o) in rows
            .chunks_exact(padded)
            .zip(out.chunks_exact_mut(stride))
            .take(n)
        {
            simd::h_u8(ch, row, hf, o);
        }
    }
}

/// Only the width changes: each output row is the horizontal pass of its source row,
/// rounded to `u8` by a one-tap vertical pass (the rounding the two-pass order makes),
/// four rows at a time with no intermediate image.
fn horizontal_only<P: Resample>(src: View<'_, P>, dst: ViewMut<'_, P>, hf: &FixedWindows) {
    let ch = P::CHANNELS;
    let dw = dst.width() as usize;
    let straight = P::ALPHA == AlphaMode::Straight;
    // Room for the kernels to read whole groups of four taps past the last pixel.
    let padded = (src.width() as usize + hf.stride + 8) * ch;
    let stride = dw * ch;
    let one = [1_i16 << WEIGHT_BITS];
    each_row_chunk(
        dst,
        4,
        || {
            (
                alloc::vec![0_u8; 4 * padded],
                alloc::vec![0_i16; 4 * stride],
                alloc::vec![0_u8; if straight { stride } else { 0 }],
            )
        },
        |(rows, mid, out), y, band| {
            let n = band.height() as usize;
            for (j, row) in rows.chunks_exact_mut(padded).take(n).enumerate() {
                load_row(src, y + j, row);
            }
            horizontal_u8(ch, rows, n, hf, mid, stride);
            for (j, row) in band.into_rows().enumerate() {
                let bytes: &mut [u8] = bytemuck::cast_slice_mut(row);
                if straight {
                    simd::v_u8(mid, stride, j, &one, out);
                    unpremultiply(ch, out, bytes);
                } else {
                    simd::v_u8(mid, stride, j, &one, bytes);
                }
            }
        },
    );
}

/// Horizontal pass first, into `tmp`; then the vertical pass from it.
fn horizontal_first<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
    hf: &FixedWindows,
    vf: &FixedWindows,
    tmp: &mut Vec<i16>,
) -> Result<(), ResizeError> {
    let ch = P::CHANNELS;
    let (dw, dh) = dst.size();
    let sw = src.width();
    let straight = P::ALPHA == AlphaMode::Straight;
    // Room for the kernels to read whole groups of four taps past the last pixel.
    let padded = (sw as usize + hf.stride + 8) * ch;

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
    each_chunk(
        tmp,
        4 * stride,
        || alloc::vec![0_u8; 4 * padded],
        |rows, g, out| {
            let n = out.len() / stride;
            for (j, row) in rows.chunks_exact_mut(padded).take(n).enumerate() {
                load_row(src, row_lo + 4 * g + j, row);
            }
            horizontal_u8(ch, rows, n, hf, out, stride);
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

/// Output rows per band of the vertical-first order: the vertical pass fills this many
/// intermediate rows, which the horizontal pass consumes at once while they are in
/// cache (and the rows share its weight loads).
const BAND: usize = 4;

/// The working memory of one task of [`vertical_first`].
struct Band {
    /// Straight alpha only: premultiplied source rows, source row `r` in slot
    /// `r % cap`. The first `mirror` slots are repeated after the last, so every
    /// window's rows lie one after another whatever slot it starts in.
    ring: Vec<u8>,
    cap: usize,
    mirror: usize,
    /// The source rows the ring holds.
    held: core::ops::Range<usize>,
    /// The band's intermediate rows, each padded for the horizontal kernel.
    mid: Vec<i16>,
    /// Straight alpha only: the band's output rows before alpha is restored.
    out: Vec<u8>,
}

impl Band {
    /// Makes sure the ring holds source rows `rows` (at most `cap` of them),
    /// premultiplying those it lacks. Bands move down the image, so each source row is
    /// premultiplied once per task, however many windows read it.
    fn hold<P: Resample>(&mut self, src: View<'_, P>, rows: core::ops::Range<usize>) {
        let row_len = src.width() as usize * P::CHANNELS;
        let held = if rows.start >= self.held.start && rows.start <= self.held.end {
            self.held.clone()
        } else {
            rows.start..rows.start
        };
        for r in held.end..rows.end {
            let y = u32::try_from(r).unwrap_or(u32::MAX);
            let from: &[u8] = bytemuck::cast_slice(src.row(y).unwrap_or_default());
            let slot = r % self.cap;
            premultiply(
                P::CHANNELS,
                from,
                &mut self.ring[slot * row_len..][..row_len],
            );
            if slot < self.mirror {
                let at = slot * row_len;
                self.ring
                    .copy_within(at..at + row_len, at + self.cap * row_len);
            }
        }
        let end = held.end.max(rows.end);
        self.held = held.start.max(end.saturating_sub(self.cap))..end;
    }
}

/// Vertical pass first, in bands of [`BAND`] output rows. Straight alpha is
/// premultiplied a source row at a time into a ring of the rows the band's windows
/// read, and restored on the band's output rows.
fn vertical_first<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
    hf: &FixedWindows,
    vf: &FixedWindows,
) {
    let ch = P::CHANNELS;
    let (sw, _) = src.size();
    let dw = dst.width() as usize;
    let straight = P::ALPHA == AlphaMode::Straight;
    // Room for the kernels to read whole groups of four taps past the last pixel.
    let padded = (sw as usize + hf.stride + 8) * ch;
    let row_len = sw as usize * ch;
    let window = |y: usize| {
        let start = vf.starts[y] as usize;
        start..start + vf.lens[y] as usize
    };
    let band_rows = |y: usize, n: usize| {
        let lo = (y..y + n).map(|j| window(j).start).min().unwrap_or(0);
        let hi = (y..y + n).map(|j| window(j).end).max().unwrap_or(0);
        lo..hi
    };
    // The ring holds twice the most source rows one band reads, so only a few of its
    // rows need a second copy: those the longest window can run into past the end.
    let (cap, mirror) = if straight {
        let span = (0..vf.starts.len())
            .step_by(BAND)
            .map(|y| band_rows(y, BAND.min(vf.starts.len() - y)).len())
            .max()
            .unwrap_or(0);
        (2 * span, vf.stride)
    } else {
        (0, 0)
    };
    each_row_chunk(
        dst,
        u32::try_from(BAND).unwrap_or(1),
        || Band {
            ring: alloc::vec![0_u8; (cap + mirror) * row_len],
            cap,
            mirror,
            held: 0..0,
            mid: alloc::vec![0_i16; BAND * padded],
            out: alloc::vec![0_u8; if straight { BAND * dw * ch } else { 0 }],
        },
        |band, y, rows| {
            let n = rows.height() as usize;
            if straight {
                band.hold(src, band_rows(y, n));
            }
            let Band { ring, mid, out, .. } = band;
            for (j, row) in mid.chunks_exact_mut(padded).take(n).enumerate() {
                let (row, _pad) = row.split_at_mut(row_len);
                let start = vf.starts[y + j] as usize;
                if straight {
                    simd::v_u8_i16(ring, row_len, start % cap, vf.of(y + j), row);
                } else {
                    let (bytes, stride) = (src.as_bytes(), src.stride_bytes());
                    simd::v_u8_i16(bytes, stride, start, vf.of(y + j), row);
                }
            }
            let from = |j: usize| &mid[j * padded..][..padded];
            let mut dst_rows = rows
                .into_rows()
                .map(|r| bytemuck::cast_slice_mut::<P, u8>(r));
            if straight {
                let mut outs = out.chunks_exact_mut(dw * ch);
                horizontal(ch, n, from, hf, || outs.next());
                for (o, d) in out.chunks_exact(dw * ch).zip(dst_rows) {
                    unpremultiply(ch, o, d);
                }
            } else {
                horizontal(ch, n, from, hf, || dst_rows.next());
            }
        },
    );
}

/// The horizontal pass of a band of `n` intermediate rows (`from(j)`) into the rows
/// `next()` yields: four at once when the band is whole.
fn horizontal<'a>(
    ch: usize,
    n: usize,
    from: impl Fn(usize) -> &'a [i16],
    hf: &FixedWindows,
    mut next: impl FnMut() -> Option<&'a mut [u8]>,
) {
    if n == BAND {
        if let (Some(o0), Some(o1), Some(o2), Some(o3)) = (next(), next(), next(), next()) {
            simd::h_i16_u8_x4(
                ch,
                [from(0), from(1), from(2), from(3)],
                hf,
                [o0, o1, o2, o3],
            );
        }
        return;
    }
    for j in 0..n {
        if let Some(o) = next() {
            simd::h_i16_u8(ch, from(j), hf, o);
        }
    }
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
