//! Whole images as `f32` channel planes for the neighbourhood filters, and the row
//! loop they share (parallel with `rayon`, each row computed alone).

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Image, Pixel, View};

use super::sample::{channels, load};

/// Every row of `src` as raw channel values, `width × CHANNELS` per row, no padding.
pub(crate) fn raw<P: Pixel>(src: View<'_, P>) -> Vec<f32> {
    let line = src.width() as usize * P::CHANNELS;
    let mut out = vec![0.0; line * src.height() as usize];
    if line > 0 {
        for (d, row) in out.chunks_exact_mut(line).zip(src.rows()) {
            load(channels(row), d);
        }
    }
    out
}

/// Runs `f(y, row, scratch)` for every row of `dst`, in parallel with `rayon`.
pub(crate) fn for_each_row<P: Pixel>(
    dst: &mut Image<P>,
    f: impl Fn(usize, &mut [P], &mut Vec<f32>) + Sync,
) {
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        dst.par_rows_mut()
            .enumerate()
            .for_each_init(Vec::new, |acc, (y, row)| f(y, row, acc));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut acc = Vec::new();
        for (y, row) in dst.rows_mut().enumerate() {
            f(y, row, &mut acc);
        }
    }
}

/// Clamps `i + d` into `0..n` (`n > 0`).
#[inline]
pub(crate) fn clamp_index(i: usize, d: isize, n: usize) -> usize {
    i.saturating_add_signed(d).min(n - 1)
}
