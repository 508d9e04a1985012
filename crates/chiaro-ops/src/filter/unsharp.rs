//! Unsharp mask and sharpen.

use alloc::vec;

use chiaro_pixel::{Image, Pixel, View};

use super::convolve::{Kernel, convolve};
use super::error::check_finite;
use super::rows::for_each_row;
use super::sample::{load_working, max_value, store_working};
use super::{FilterError, gaussian_blur, gaussian_blur_exact};

/// Sharpens by adding back the detail a blur removes:
/// `out = src + amount · (src − blur(src, sigma))`, per colour channel, wherever
/// `|src − blur|` exceeds `threshold` (a fraction of the channel's full scale, 0–1;
/// 0 sharpens everywhere, larger values leave smooth areas and noise alone).
///
/// The blur is [`gaussian_blur_exact`] for `sigma ≤ 2` and [`gaussian_blur`] above.
/// Alpha is kept; straight alpha is premultiplied for the arithmetic; integer results
/// are clamped to their range (and premultiplied colour to alpha).
///
/// # Errors
///
/// [`FilterError::Sigma`] as for the blurs; [`FilterError::NotFinite`] when `amount`
/// or `threshold` is NaN or infinite.
pub fn unsharp_mask<P: Pixel>(
    src: View<'_, P>,
    sigma: f32,
    amount: f32,
    threshold: f32,
) -> Result<Image<P>, FilterError> {
    let amount = check_finite(amount, "amount")?;
    let threshold = check_finite(threshold, "threshold")?.max(0.0) * max_value::<P::Channel>();
    let blurred = if sigma <= 2.0 {
        gaussian_blur_exact(src, sigma)?
    } else {
        gaussian_blur(src, sigma)?
    };
    let mut dst = Image::<P>::new(src.width(), src.height());
    let ch = P::CHANNELS;
    let colour = if P::HAS_ALPHA { ch - 1 } else { ch };
    for_each_row(&mut dst, |y, out, acc| {
        let y = u32::try_from(y).unwrap_or(u32::MAX);
        let (Some(s), Some(b)) = (src.row(y), blurred.row(y)) else {
            return;
        };
        acc.clear();
        acc.resize(s.len() * ch, 0.0);
        let mut soft = vec![0.0; s.len() * ch];
        load_working(s, acc);
        load_working(b, &mut soft);
        for (px, bx) in acc.chunks_exact_mut(ch).zip(soft.chunks_exact(ch)) {
            for (v, &bv) in px[..colour].iter_mut().zip(&bx[..colour]) {
                let detail = *v - bv;
                if detail.abs() > threshold {
                    *v += amount * detail;
                }
            }
        }
        store_working(acc, out);
    });
    Ok(dst)
}

/// A fixed 3 × 3 sharpen: `5·centre − (up + down + left + right)`, edges extended;
/// see [`convolve`] for rounding and alpha.
pub fn sharpen<P: Pixel>(src: View<'_, P>) -> Image<P> {
    let weights = alloc::vec![0.0, -1.0, 0.0, -1.0, 5.0, -1.0, 0.0, -1.0, 0.0];
    match Kernel::new(3, 3, weights) {
        Ok(kernel) => convolve(src, &kernel),
        // The kernel above is valid; an error cannot happen.
        Err(_) => src.to_image(),
    }
}
