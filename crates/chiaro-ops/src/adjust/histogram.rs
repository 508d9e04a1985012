//! Histograms per channel, equalization and auto-contrast.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Pixel, View, ViewMut};

use super::AdjustError;
use super::apply::{Layout, bin, per_channel};
use super::error::check;

/// Counts of channel values in 256 bins, one set per channel (alpha included), in
/// memory order. 8-bit values are their own bin; 16-bit values fall in bin `v >> 8`;
/// float values in bin `round(v · 255)`, clamped to 0–255.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Histogram {
    bins: Vec<[u64; 256]>,
}

impl Histogram {
    /// The bins of channel `index` (memory order), or `None` past the last channel.
    pub fn channel(&self, index: usize) -> Option<&[u64; 256]> {
        self.bins.get(index)
    }

    /// Number of channels counted.
    pub fn channels(&self) -> usize {
        self.bins.len()
    }

    /// Number of pixels counted (the sum of any one channel's bins).
    pub fn total(&self) -> u64 {
        self.bins.first().map_or(0, |b| b.iter().sum())
    }
}

/// The per-channel histogram of `src`.
///
/// ```
/// use chiaro_ops::adjust::histogram;
/// use chiaro_pixel::{Gray8, Image};
///
/// let image = Image::from_fn(16, 4, |x, _| Gray8::new(x as u8));
/// let h = histogram(image.as_view());
/// assert_eq!(h.total(), 64);
/// assert_eq!(h.channel(0).unwrap()[3], 4);
/// ```
pub fn histogram<P: Pixel>(src: View<'_, P>) -> Histogram {
    let ch = P::CHANNELS;
    let mut bins = vec![[0u64; 256]; ch];
    for row in src.rows() {
        let values: &[P::Channel] = bytemuck::cast_slice(row);
        for px in values.chunks_exact(ch) {
            for (b, &v) in bins.iter_mut().zip(px) {
                b[bin(v)] += 1;
            }
        }
    }
    Histogram { bins }
}

/// Spreads each colour channel's values so that their cumulative distribution becomes
/// as even as 256 levels allow (classic histogram equalization, per channel; alpha
/// kept). Exact for 8-bit formats; 16-bit and float values are mapped by their bin,
/// so they come out on 256 levels.
///
/// # Errors
///
/// [`AdjustError::UnsupportedModel`] for formats without known colour channels.
pub fn equalize<P: Pixel>(view: ViewMut<'_, P>) -> Result<(), AdjustError> {
    let layout = Layout::of::<P>()?;
    let hist = histogram(view.as_view());
    let maps: Vec<[f32; 256]> = layout
        .colour()
        .iter()
        .map(|&i| {
            let bins = hist.channel(i).copied().unwrap_or([0; 256]);
            let total: u64 = bins.iter().sum();
            let first = bins.iter().copied().find(|&c| c > 0).unwrap_or(0);
            let mut map = [0.0f32; 256];
            let mut cdf = 0u64;
            for (m, &c) in map.iter_mut().zip(&bins) {
                cdf += c;
                *m = if total > first {
                    (cdf.saturating_sub(first)) as f32 / (total - first) as f32
                } else {
                    0.0
                };
            }
            map
        })
        .collect();
    per_channel(view, |slot, v| {
        #[expect(clippy::cast_possible_truncation, reason = "clamped to 0..=255")]
        let b = (v * 255.0 + 0.5).clamp(0.0, 255.0) as usize;
        maps[slot][b]
    })
}

/// Stretches each colour channel linearly so that its darkest and brightest values
/// (ignoring the `cutoff` fraction of pixels at each end, 0 ≤ `cutoff` < 0.5) become
/// black and white; alpha is kept. A channel with a single value is left alone.
///
/// # Errors
///
/// [`AdjustError::OutOfRange`] for `cutoff` outside `0..0.5`,
/// [`AdjustError::NotFinite`] for NaN; [`AdjustError::UnsupportedModel`] for formats
/// without known colour channels.
pub fn auto_contrast<P: Pixel>(view: ViewMut<'_, P>, cutoff: f32) -> Result<(), AdjustError> {
    let cutoff = check(cutoff, "cutoff", |c| (0.0..0.5).contains(&c))?;
    let layout = Layout::of::<P>()?;
    let hist = histogram(view.as_view());
    let ranges: Vec<(f32, f32)> = layout
        .colour()
        .iter()
        .map(|&i| {
            let bins = hist.channel(i).copied().unwrap_or([0; 256]);
            let total: u64 = bins.iter().sum();
            #[expect(clippy::cast_possible_truncation, reason = "a count below total")]
            let cut = (total as f64 * f64::from(cutoff)) as u64;
            let (mut lo, mut hi, mut acc) = (0usize, 255usize, 0u64);
            for (b, &c) in bins.iter().enumerate() {
                acc += c;
                if acc > cut {
                    lo = b;
                    break;
                }
            }
            acc = 0;
            for (b, &c) in bins.iter().enumerate().rev() {
                acc += c;
                if acc > cut {
                    hi = b;
                    break;
                }
            }
            (lo as f32 / 255.0, hi as f32 / 255.0)
        })
        .collect();
    per_channel(view, |slot, v| {
        let (lo, hi) = ranges[slot];
        if hi > lo { (v - lo) / (hi - lo) } else { v }
    })
}
