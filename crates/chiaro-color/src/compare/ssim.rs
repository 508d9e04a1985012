//! Structural similarity (SSIM) of Wang, Bovik, Sheikh and Simoncelli (2004).
//!
//! The local statistics (means, variances, covariance) are Gaussian-weighted sums over
//! an 11×11 window, computed separably: a horizontal pass per input row into a ring of
//! 11 rows, then a vertical pass per output row. Memory is O(width), time O(pixels ·
//! 11) per statistic, in `f64` (`f32` is 40% faster but loses up to 1e-6 to
//! cancellation in `E[x²] − μ²` on flat areas). Luma is centred on 128 before filtering
//! for the same reason; the tests hold the result to a direct evaluation of the
//! textbook formula.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{SizeMismatch, View};

use super::check_size;
use super::visible::{VisibleColor, luma_over};

/// Window length (taps per axis).
const WINDOW: usize = 11;
/// Standard deviation of the Gaussian window, in pixels.
const SIGMA: f64 = 1.5;
/// `(K1·L)²` with `K1 = 0.01`, `L = 255`.
const C1: f64 = 6.5025;
/// `(K2·L)²` with `K2 = 0.03`, `L = 255`.
const C2: f64 = 58.5225;
/// Luma is filtered as `luma − CENTRE`.
const CENTRE: f64 = 128.0;

/// Mean structural similarity of two images' luma, in `[−1, 1]`: 1.0 exactly for
/// identical images, lower the less alike they are.
///
/// The standard SSIM of Wang et al. (2004): an 11×11 Gaussian window with σ = 1.5,
/// `K1 = 0.01`, `K2 = 0.03`, `L = 255`, the index averaged over every position where
/// the window lies inside the image ("valid" filtering, as in the authors' reference
/// code without its optional downsampling, and as scikit-image's
/// `structural_similarity(gaussian_weights=True, sigma=1.5,
/// use_sample_covariance=False, data_range=255)` does).
///
/// - **Luma**: Rec. 709 weights (0.2126, 0.7152, 0.0722) on the encoded values for
///   RGB formats; the value itself for gray formats.
/// - **Alpha**: each image is seen over black and over white (see
///   [`VisibleColor`]) and the result is the mean of the two SSIMs, so a difference
///   in alpha counts even where the colour under it is black (or white).
/// - **Small images**: along an axis shorter than 11 pixels the window shrinks to the
///   image's length, keeping σ = 1.5 and renormalizing, so there is one window
///   position along that axis. Two empty images give 1.0.
///
/// Returns [`SizeMismatch`] when the sizes differ. A 512×512 image takes a few
/// milliseconds.
///
/// ```
/// use chiaro_color::compare::ssim;
/// use chiaro_pixel::{Gray8, Image};
///
/// let a = Image::from_fn(64, 64, |x, y| Gray8::new(((x * 7 + y * 3) % 256) as u8));
/// let b = Image::from_fn(64, 64, |x, y| Gray8::new(((x * 7 + y * 3) % 256) as u8 ^ 1));
/// assert_eq!(ssim(a.as_view(), a.as_view())?, 1.0);
/// let s = ssim(a.as_view(), b.as_view())?;
/// assert!(s < 1.0 && s > 0.99, "{s}");
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn ssim<P: VisibleColor>(a: View<'_, P>, b: View<'_, P>) -> Result<f64, SizeMismatch> {
    check_size(&a, &b)?;
    if a.is_empty() {
        return Ok(1.0);
    }
    let s = if P::HAS_ALPHA {
        0.5 * (ssim_over(a, b, 0.0) + ssim_over(a, b, 255.0))
    } else {
        ssim_over(a, b, 0.0)
    };
    Ok(s.clamp(-1.0, 1.0))
}

/// `usize` as `f64`: exact for anything that counts pixels in memory.
#[expect(clippy::cast_precision_loss, reason = "exact below 2^53")]
fn usize_f64(n: usize) -> f64 {
    n as f64
}

/// Gaussian weights (σ = [`SIGMA`]) over `len` taps centred on the middle, summing to 1.
fn gaussian(len: usize) -> Vec<f64> {
    let centre = usize_f64(len.saturating_sub(1)) / 2.0;
    let raw: Vec<f64> = (0..len)
        .map(|i| {
            let d = usize_f64(i) - centre;
            libm::exp(-d * d / (2.0 * SIGMA * SIGMA))
        })
        .collect();
    let sum: f64 = raw.iter().sum();
    raw.iter().map(|w| w / sum).collect()
}

/// `dst[i] = Σₖ weights[k] · src[i + k]`.
#[inline]
fn filter_row(src: &[f64], weights: &[f64], dst: &mut [f64]) {
    dst.fill(0.0);
    for (k, &w) in weights.iter().enumerate() {
        for (d, s) in dst.iter_mut().zip(src.get(k..).unwrap_or_default()) {
            *d += w * s;
        }
    }
}

/// The five statistics SSIM filters, in the order they sit in the buffers.
const STATS: usize = 5;

/// SSIM of `a` and `b` shown over a gray background of luma `background`.
/// Both are non-empty and the same size.
fn ssim_over<P: VisibleColor>(a: View<'_, P>, b: View<'_, P>, background: f64) -> f64 {
    let (width, height) = (a.width() as usize, a.height() as usize);
    let wx = gaussian(width.min(WINDOW));
    let wy = gaussian(height.min(WINDOW));
    let out_w = width + 1 - wx.len();
    let out_h = height + 1 - wy.len();

    // One input row's statistics before filtering: x, y, x², y², xy.
    let mut raw = vec![0.0f64; STATS * width];
    // The last `wy.len()` rows after horizontal filtering, as a ring.
    let mut ring = vec![0.0f64; wy.len() * STATS * out_w];
    // One output row after vertical filtering.
    let mut local = vec![0.0f64; STATS * out_w];
    let mut total = 0.0f64;

    for (y, (row_a, row_b)) in a.rows().zip(b.rows()).enumerate() {
        let (xs, rest) = raw.split_at_mut(width);
        let (ys, rest) = rest.split_at_mut(width);
        for ((xv, yv), (pa, pb)) in xs
            .iter_mut()
            .zip(ys.iter_mut())
            .zip(row_a.iter().zip(row_b))
        {
            *xv = luma_over(pa, background) - CENTRE;
            *yv = luma_over(pb, background) - CENTRE;
        }
        let (xx, rest) = rest.split_at_mut(width);
        let (yy, xy) = rest.split_at_mut(width);
        for ((((xv, yv), xx), yy), xy) in xs.iter().zip(ys.iter()).zip(xx).zip(yy).zip(xy) {
            *xx = xv * xv;
            *yy = yv * yv;
            *xy = xv * yv;
        }

        let slot = (y % wy.len()) * STATS * out_w;
        let slot = &mut ring[slot..slot + STATS * out_w];
        for (src, dst) in raw.chunks_exact(width).zip(slot.chunks_exact_mut(out_w)) {
            filter_row(src, &wx, dst);
        }

        // Rows y + 1 − wy.len() ..= y are filtered: one output row is ready.
        let Some(first) = (y + 1).checked_sub(wy.len()) else {
            continue;
        };
        local.fill(0.0);
        for (j, &w) in wy.iter().enumerate() {
            let slot = ((first + j) % wy.len()) * STATS * out_w;
            for (l, r) in local.iter_mut().zip(&ring[slot..slot + STATS * out_w]) {
                *l += w * r;
            }
        }
        total += ssim_row(&local, out_w);
    }
    total / (usize_f64(out_w) * usize_f64(out_h))
}

/// Sum of the SSIM index over one output row of filtered statistics.
fn ssim_row(local: &[f64], out_w: usize) -> f64 {
    let (mx, rest) = local.split_at(out_w);
    let (my, rest) = rest.split_at(out_w);
    let (exx, rest) = rest.split_at(out_w);
    let (eyy, exy) = rest.split_at(out_w);
    let mut sum = 0.0f64;
    for ((((&mx, &my), &exx), &eyy), &exy) in mx.iter().zip(my).zip(exx).zip(eyy).zip(exy) {
        // Variances and covariance are shift-invariant: use the centred means.
        let sxx = exx - mx * mx;
        let syy = eyy - my * my;
        let sxy = exy - mx * my;
        let (mx, my) = (mx + CENTRE, my + CENTRE);
        let num = (2.0 * mx * my + C1) * (2.0 * sxy + C2);
        let den = (mx * mx + my * my + C1) * (sxx + syy + C2);
        sum += num / den;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_normalized_and_symmetric() {
        for len in 1..=WINDOW {
            let w = gaussian(len);
            let sum: f64 = w.iter().sum();
            assert!((sum - 1.0).abs() < 1e-12, "{len}: {sum}");
            assert!(w.iter().zip(w.iter().rev()).all(|(a, b)| a == b));
        }
        // MATLAB's fspecial('gaussian', 11, 1.5): centre and corner-row weights.
        let w = gaussian(WINDOW);
        assert!((w[5] - 0.266_011_7).abs() < 1e-6, "{}", w[5]);
        assert!((w[0] - 0.001_028_4).abs() < 1e-6, "{}", w[0]);
    }

    #[test]
    fn filter_row_is_a_valid_correlation() {
        let mut dst = [0.0; 3];
        filter_row(&[1.0, 2.0, 3.0, 4.0], &[0.5, 0.5], &mut dst);
        assert_eq!(dst, [1.5, 2.5, 3.5]);
    }
}
