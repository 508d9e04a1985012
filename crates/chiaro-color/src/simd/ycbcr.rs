//! Dispatch of the planar Y′CbCr kernels.

use crate::ycbcr::planar::{EncodeCoeffs, RgbSource, Sample8, kernels};

/// Luma of one row.
#[inline]
pub(crate) fn luma_row<P: RgbSource>(src: &[P], dst: &mut [Sample8], k: &EncodeCoeffs) {
    kernels::luma_row(src, dst, k);
}

/// Chroma of one row of blocks.
#[inline]
pub(crate) fn chroma_row<P: RgbSource>(
    top: &[P],
    bottom: &[P],
    block_width: u32,
    cb: &mut [Sample8],
    cr: &mut [Sample8],
    k: &EncodeCoeffs,
) {
    kernels::chroma_row(top, bottom, block_width, cb, cr, k);
}
