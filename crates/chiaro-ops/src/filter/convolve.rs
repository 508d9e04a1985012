//! Convolution with any kernel, and a separable fast path.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Image, Pixel, View};

use super::FilterError;
use super::sample::{load_working, store_working};

/// The longest side a [`Kernel`] (or a separable factor) may have.
pub const MAX_KERNEL_SIZE: usize = 4097;

/// A convolution kernel: odd width and height, row-major finite weights, centred on
/// its middle weight. Weights are used as given (not normalized): a kernel whose
/// weights sum to 1 keeps a flat image flat.
///
/// # Guarantees
///
/// Width and height are odd, in `1..=MAX_KERNEL_SIZE`, and every weight is finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Kernel {
    width: usize,
    height: usize,
    weights: Vec<f32>,
    factors: Option<(Vec<f32>, Vec<f32>)>,
}

fn check_weights(width: usize, height: usize, weights: &[f32]) -> Result<(), FilterError> {
    let odd = |n: usize| n % 2 == 1 && n <= MAX_KERNEL_SIZE;
    if odd(width)
        && odd(height)
        && width.checked_mul(height) == Some(weights.len())
        && weights.iter().all(|w| w.is_finite())
    {
        Ok(())
    } else {
        Err(FilterError::Kernel)
    }
}

impl Kernel {
    /// A kernel of `width × height` weights, row by row.
    ///
    /// # Errors
    ///
    /// [`FilterError::Kernel`] when a side is even, zero or above
    /// [`MAX_KERNEL_SIZE`], when `weights` does not hold exactly `width × height`
    /// values, or when one is not finite.
    pub fn new(width: usize, height: usize, weights: Vec<f32>) -> Result<Self, FilterError> {
        check_weights(width, height, &weights)?;
        Ok(Self {
            width,
            height,
            weights,
            factors: None,
        })
    }

    /// The separable kernel `vertical ⊗ horizontal` (weight `(x, y)` is
    /// `horizontal[x] · vertical[y]`), which [`convolve`] applies as two 1-D passes:
    /// `w + h` multiplications per pixel instead of `w · h`.
    ///
    /// # Errors
    ///
    /// As [`Kernel::new`], for either factor.
    pub fn separable(horizontal: Vec<f32>, vertical: Vec<f32>) -> Result<Self, FilterError> {
        check_weights(horizontal.len(), 1, &horizontal)?;
        check_weights(1, vertical.len(), &vertical)?;
        let weights = vertical
            .iter()
            .flat_map(|&v| horizontal.iter().map(move |&h| h * v))
            .collect();
        Ok(Self {
            width: horizontal.len(),
            height: vertical.len(),
            weights,
            factors: Some((horizontal, vertical)),
        })
    }

    /// Width in weights (odd).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in weights (odd).
    pub fn height(&self) -> usize {
        self.height
    }

    /// The weights, row by row.
    pub fn weights(&self) -> &[f32] {
        &self.weights
    }

    /// The horizontal and vertical factors of a kernel built with
    /// [`Kernel::separable`].
    pub fn factors(&self) -> Option<(&[f32], &[f32])> {
        self.factors.as_ref().map(|(h, v)| (&h[..], &v[..]))
    }
}

/// `src` convolved with `kernel`, edges extended (clamped): pixels outside the image
/// repeat the nearest edge pixel.
///
/// Arithmetic is `f32` on raw channel values; integer formats are rounded to nearest
/// and clamped to their range once at the end, float formats are not clamped. Straight
/// alpha is premultiplied before and unpremultiplied after; premultiplied integer
/// output keeps colour within alpha. A kernel built with [`Kernel::separable`] runs as
/// two 1-D passes.
///
/// ```
/// use chiaro_ops::filter::{Kernel, convolve};
/// use chiaro_pixel::{Gray8, Image};
///
/// // A horizontal difference.
/// let kernel = Kernel::new(3, 1, vec![-1.0, 0.0, 1.0])?;
/// let ramp = Image::from_fn(4, 1, |x, _| Gray8::new(10 * x as u8));
/// let diff = convolve(ramp.as_view(), &kernel);
/// let row: Vec<u8> = diff.pixels().map(|p| p.v).collect();
/// assert_eq!(row, [10, 20, 20, 10]);
/// # Ok::<(), chiaro_ops::filter::FilterError>(())
/// ```
pub fn convolve<P: Pixel>(src: View<'_, P>, kernel: &Kernel) -> Image<P> {
    if let Some((h, v)) = kernel.factors() {
        return separable(src, h, v);
    }
    let (w, h) = (src.width() as usize, src.height() as usize);
    let mut dst = Image::<P>::new(src.width(), src.height());
    if dst.is_empty() {
        return dst;
    }
    let ch = P::CHANNELS;
    let (rx, ry) = (kernel.width / 2, kernel.height / 2);
    let padded = padded_rows(src, rx);
    let stride = (w + 2 * rx) * ch;
    let row_of = |y: usize| &padded[y * stride..][..stride];
    let run = |y: usize, out: &mut [P], acc: &mut Vec<f32>| {
        acc.clear();
        acc.resize(w * ch, 0.0);
        for (j, krow) in kernel.weights.chunks_exact(kernel.width).enumerate() {
            let sy = (y + j).saturating_sub(ry).min(h - 1);
            let line = row_of(sy);
            for (i, &k) in krow.iter().enumerate() {
                if k != 0.0 {
                    axpy(acc, k, &line[i * ch..]);
                }
            }
        }
        store_working(acc, out);
    };
    for_each_row(&mut dst, run);
    dst
}

/// `acc[i] += k · x[i]` over `acc`'s length.
#[inline]
fn axpy(acc: &mut [f32], k: f32, x: &[f32]) {
    let x = &x[..acc.len()];
    for (a, &v) in acc.iter_mut().zip(x) {
        *a += k * v;
    }
}

/// Every row of `src` as premultiplied `f32` working values with `r` extended pixels
/// on each side.
fn padded_rows<P: Pixel>(src: View<'_, P>, r: usize) -> Vec<f32> {
    let (w, ch) = (src.width() as usize, P::CHANNELS);
    let stride = (w + 2 * r) * ch;
    let mut out = vec![0.0f32; stride * src.height() as usize];
    for (line, row) in out.chunks_exact_mut(stride).zip(src.rows()) {
        pad_row(row, r, line);
    }
    out
}

/// One row as premultiplied working values, `r` extended pixels either side.
fn pad_row<P: Pixel>(row: &[P], r: usize, line: &mut [f32]) {
    let ch = P::CHANNELS;
    let w = row.len();
    load_working(row, &mut line[r * ch..(r + w) * ch]);
    if w == 0 {
        return;
    }
    for i in 0..r {
        line.copy_within(r * ch..(r + 1) * ch, i * ch);
        line.copy_within((r + w - 1) * ch..(r + w) * ch, (r + w + i) * ch);
    }
}

/// Runs `f(y, row, scratch)` for every row of `dst`, in parallel with `rayon`; each
/// row's result depends only on `y`, so the split cannot change it.
fn for_each_row<P: Pixel>(dst: &mut Image<P>, f: impl Fn(usize, &mut [P], &mut Vec<f32>) + Sync) {
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

/// The separable path: a horizontal pass into an `f32` buffer, then a vertical pass
/// over whole rows of it.
pub(crate) fn separable<P: Pixel>(src: View<'_, P>, kx: &[f32], ky: &[f32]) -> Image<P> {
    let (w, h) = (src.width() as usize, src.height() as usize);
    let mut dst = Image::<P>::new(src.width(), src.height());
    if dst.is_empty() {
        return dst;
    }
    let ch = P::CHANNELS;
    let (rx, ry) = (kx.len() / 2, ky.len() / 2);
    let line_len = w * ch;
    let mut tmp = vec![0.0f32; line_len * h];
    let horizontal = |y: usize, out: &mut [f32], pad: &mut Vec<f32>| {
        let Some(row) = src.row(u32::try_from(y).unwrap_or(u32::MAX)) else {
            return;
        };
        pad.clear();
        pad.resize((w + 2 * rx) * ch, 0.0);
        pad_row(row, rx, pad);
        out.fill(0.0);
        for (i, &k) in kx.iter().enumerate() {
            if k != 0.0 {
                axpy(out, k, &pad[i * ch..]);
            }
        }
    };
    #[cfg(feature = "rayon")]
    {
        use rayon::prelude::*;
        tmp.par_chunks_mut(line_len)
            .enumerate()
            .for_each_init(Vec::new, |pad, (y, out)| horizontal(y, out, pad));
    }
    #[cfg(not(feature = "rayon"))]
    {
        let mut pad = Vec::new();
        for (y, out) in tmp.chunks_exact_mut(line_len).enumerate() {
            horizontal(y, out, &mut pad);
        }
    }
    let tmp = &tmp;
    let vertical = |y: usize, out: &mut [P], acc: &mut Vec<f32>| {
        acc.clear();
        acc.resize(line_len, 0.0);
        for (j, &k) in ky.iter().enumerate() {
            if k != 0.0 {
                let sy = (y + j).saturating_sub(ry).min(h - 1);
                axpy(acc, k, &tmp[sy * line_len..][..line_len]);
            }
        }
        store_working(acc, out);
    };
    for_each_row(&mut dst, vertical);
    dst
}
