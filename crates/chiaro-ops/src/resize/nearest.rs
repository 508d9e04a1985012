//! [`Filter::Nearest`](super::Filter::Nearest): pixel copies picked by an exact rule.

use alloc::vec::Vec;

use chiaro_pixel::{View, ViewMut};

use super::{Resample, ResizeError, each_row};

/// The source index of each of `out` samples resized from `len`:
/// `⌊(2i + 1)·len / 2·out⌋`, in 64-bit integers (exact for every `u32` size).
pub(crate) fn source_indices(len: u32, out: u32) -> Vec<u32> {
    let (len, out) = (u64::from(len), u64::from(out));
    (0..out)
        .map(|i| {
            let j = ((2 * i + 1) * len) / (2 * out);
            // j < len because 2i + 1 < 2·out.
            u32::try_from(j).unwrap_or(u32::MAX)
        })
        .collect()
}

pub(super) fn resize<P: Resample>(
    src: View<'_, P>,
    dst: ViewMut<'_, P>,
) -> Result<(), ResizeError> {
    let (dw, dh) = dst.size();
    let xs = source_indices(src.width(), dw);
    let ys = source_indices(src.height(), dh);
    each_row(
        dst,
        || (),
        |(), y, row| {
            let from = src.row(ys[y]).unwrap_or_default();
            for (d, &x) in row.iter_mut().zip(&xs) {
                if let Some(&p) = from.get(x as usize) {
                    *d = p;
                }
            }
        },
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_follow_the_centre_rule() {
        assert_eq!(source_indices(4, 2), [1, 3]);
        assert_eq!(source_indices(2, 4), [0, 0, 1, 1]);
        assert_eq!(source_indices(3, 2), [0, 2]);
        assert_eq!(source_indices(5, 5), [0, 1, 2, 3, 4]);
        let big = source_indices(u32::MAX, 3);
        assert_eq!(u64::from(big[2]), (5 * u64::from(u32::MAX)) / 6);
    }
}
