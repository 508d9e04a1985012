//! Dispatch of the planar Y′CbCr kernels.

use crate::bulk::RgbSource;
use crate::ycbcr::planar::{EncodeCoeffs, Sample8, kernels};

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

/// 4:2:0 conversion of two rows (pass a row twice for 4:2:2) with the fastest available
/// kernel. Converts a prefix of the rows and returns its length (zero without a fast
/// kernel); the caller finishes the rest with the portable kernels, which give
/// identical results.
#[inline]
pub(crate) fn rows_420<P: RgbSource>(
    src0: &[P],
    src1: &[P],
    y0: &mut [Sample8],
    y1: &mut [Sample8],
    cb: &mut [Sample8],
    cr: &mut [Sample8],
    k: &EncodeCoeffs,
) -> usize {
    #[cfg(all(feature = "std", target_arch = "x86_64"))]
    if std::arch::is_x86_feature_detected!("avx2") {
        let (b0, b1): (&[u8], &[u8]) = (bytemuck::cast_slice(src0), bytemuck::cast_slice(src1));
        return match P::CHANNELS {
            // SAFETY: the CPU supports AVX2, as detected above, which is the only
            // requirement of these `#[target_feature(enable = "avx2")]` functions.
            3 => unsafe {
                super::ycbcr_avx2::rows_420::<3>(
                    bytemuck::cast_slice(b0),
                    bytemuck::cast_slice(b1),
                    y0,
                    y1,
                    cb,
                    cr,
                    k,
                )
            },
            // SAFETY: as above.
            4 => unsafe {
                super::ycbcr_avx2::rows_420::<4>(
                    bytemuck::cast_slice(b0),
                    bytemuck::cast_slice(b1),
                    y0,
                    y1,
                    cb,
                    cr,
                    k,
                )
            },
            _ => 0,
        };
    }
    let _ = (src0, src1, y0, y1, cb, cr, k);
    0
}
