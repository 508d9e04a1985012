//! Per-pixel CIEDE2000 between two images: [`delta_e_map`], [`delta_e_map_over`] and
//! the [`DeltaEMap`] they return.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Gray8, Image, Rgb8, SizeMismatch, View};

use super::check_size;
use super::visible::{VisibleColor, shown_over};
use crate::delta_e::delta_e_2000;
use crate::space::{ColorSpace, Lab};

/// CIEDE2000 colour difference at every pixel of two images, from [`delta_e_map`].
///
/// Values are ΔE₀₀ (≈ 1 is a just-noticeable difference, 100 is black against white),
/// stored row by row, `width × height` of them; 0 where the pixels look the same.
#[derive(Clone, Debug, PartialEq)]
pub struct DeltaEMap {
    width: u32,
    height: u32,
    values: Vec<f32>,
}

impl DeltaEMap {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// `(width, height)`.
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// ΔE₀₀ at `(x, y)`, or `None` outside the map.
    pub fn get(&self, x: u32, y: u32) -> Option<f32> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let index = y as usize * self.width as usize + x as usize;
        self.values.get(index).copied()
    }

    /// Every value, row by row.
    pub fn values(&self) -> &[f32] {
        &self.values
    }

    /// Every value, row by row, without copying.
    pub fn into_values(self) -> Vec<f32> {
        self.values
    }

    /// The largest difference; 0 for identical or empty images.
    pub fn max(&self) -> f32 {
        self.values.iter().fold(0.0, |m, &v| m.max(v))
    }

    /// The mean difference over all pixels; 0 for empty images.
    pub fn mean(&self) -> f64 {
        if self.values.is_empty() {
            return 0.0;
        }
        let sum: f64 = self.values.iter().map(|&v| f64::from(v)).sum();
        #[expect(clippy::cast_precision_loss, reason = "exact below 2^53 pixels")]
        let count = self.values.len() as f64;
        sum / count
    }

    /// Number of pixels whose difference is greater than `threshold`:
    /// `count_above(1.0)` counts the noticeable ones.
    pub fn count_above(&self, threshold: f32) -> u64 {
        self.values.iter().map(|&v| u64::from(v > threshold)).sum()
    }

    /// The first pixel, in row order, with the largest difference; `None` when every
    /// difference is 0.
    pub fn worst(&self) -> Option<(u32, u32)> {
        let max = self.max();
        if max <= 0.0 || self.width == 0 {
            return None;
        }
        let index = self.values.iter().position(|&v| v == max)?;
        let w = self.width as usize;
        Some((
            u32::try_from(index % w).ok()?,
            u32::try_from(index / w).ok()?,
        ))
    }

    /// The map as a gray picture for saving: 0 (black) for no difference up to 255
    /// (white) at `full_scale` and above, rounded. A `full_scale` that is not positive
    /// shows every difference as white.
    pub fn to_image(&self, full_scale: f32) -> Image<Gray8> {
        let scale = if full_scale > 0.0 {
            255.0 / full_scale
        } else {
            f32::INFINITY
        };
        let gray = |v: f32| {
            let s = (v * scale).min(255.0);
            // `s` is in 0..=255 (values are not negative; 0 · ∞ is handled first).
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "s is in 0..=255"
            )]
            let g = if v > 0.0 { (s + 0.5) as u8 } else { 0 };
            Gray8::new(g)
        };
        let pixels = self.values.iter().map(|&v| gray(v)).collect();
        Image::from_raw(self.width, self.height, pixels).unwrap_or_default()
    }
}

/// Bits of the Lab cache's index: 4096 entries, 64 KiB.
const CACHE_BITS: u32 = 12;

/// A direct-mapped cache of `Lab::from_srgb8`, keyed by the packed colour. Images
/// hold far fewer distinct colours than pixels, and neighbours repeat, so most
/// lookups skip the conversion's cube roots.
struct LabCache {
    keys: Vec<u32>,
    labs: Vec<Lab>,
}

impl LabCache {
    fn new() -> Self {
        // No packed 24-bit colour equals u32::MAX: every slot starts empty.
        Self {
            keys: vec![u32::MAX; 1 << CACHE_BITS],
            labs: vec![Lab::default(); 1 << CACHE_BITS],
        }
    }

    #[inline]
    fn lab(&mut self, [r, g, b]: [u8; 3]) -> Lab {
        let key = u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b);
        // Fibonacci hashing: the top bits of a multiplication by 2³²/φ.
        let slot = (key.wrapping_mul(0x9E37_79B9) >> (32 - CACHE_BITS)) as usize;
        match (self.keys.get_mut(slot), self.labs.get_mut(slot)) {
            (Some(k), Some(lab)) => {
                if *k != key {
                    *k = key;
                    *lab = Lab::from_srgb8(Rgb8::new(r, g, b));
                }
                *lab
            }
            _ => Lab::from_srgb8(Rgb8::new(r, g, b)),
        }
    }
}

/// CIEDE2000 between the colours two images show, pixel by pixel.
///
/// Opaque formats are compared as they are (gray as `(v, v, v)`). Formats with alpha
/// are seen over black and over white, and each value is the larger of the two
/// differences, so a difference only in alpha still shows (see [`VisibleColor`]);
/// [`delta_e_map_over`] uses one background of your choice instead.
///
/// Lab values come from [`Lab::from_srgb8`] through a small cache, and pixels that are
/// equal cost only the comparison, so golden-test images, which mostly match, are
/// cheap. Returns [`SizeMismatch`] when the sizes differ.
///
/// ```
/// use chiaro_color::compare::delta_e_map;
/// use chiaro_pixel::{Image, Rgb8};
///
/// let black = Image::filled(3, 2, Rgb8::new(0, 0, 0));
/// let white = Image::filled(3, 2, Rgb8::new(255, 255, 255));
/// let map = delta_e_map(black.as_view(), white.as_view())?;
/// assert!((map.get(2, 1).unwrap() - 100.0).abs() < 1e-3);
/// assert_eq!(map.count_above(99.0), 6);
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn delta_e_map<P: VisibleColor>(
    a: View<'_, P>,
    b: View<'_, P>,
) -> Result<DeltaEMap, SizeMismatch> {
    const BLACK_AND_WHITE: [[u8; 3]; 2] = [[0; 3], [255; 3]];
    let backgrounds = if P::HAS_ALPHA {
        &BLACK_AND_WHITE[..]
    } else {
        &BLACK_AND_WHITE[..1]
    };
    map(a, b, backgrounds)
}

/// CIEDE2000 between the colours two images show over the opaque `background`, pixel
/// by pixel. The same as [`delta_e_map`] for opaque formats.
///
/// ```
/// use chiaro_color::compare::delta_e_map_over;
/// use chiaro_pixel::{Image, Rgb8, Rgba8};
///
/// // Transparent and opaque white look the same on a white page…
/// let clear = Image::filled(2, 2, Rgba8::new(0, 0, 0, 0));
/// let white = Image::filled(2, 2, Rgba8::new(255, 255, 255, 255));
/// let page = Rgb8::new(255, 255, 255);
/// assert_eq!(delta_e_map_over(clear.as_view(), white.as_view(), page)?.max(), 0.0);
/// // …but not on a gray one.
/// let gray = Rgb8::new(128, 128, 128);
/// assert!(delta_e_map_over(clear.as_view(), white.as_view(), gray)?.max() > 30.0);
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn delta_e_map_over<P: VisibleColor>(
    a: View<'_, P>,
    b: View<'_, P>,
    background: Rgb8,
) -> Result<DeltaEMap, SizeMismatch> {
    map(a, b, &[[background.r, background.g, background.b]])
}

fn map<P: VisibleColor>(
    a: View<'_, P>,
    b: View<'_, P>,
    backgrounds: &[[u8; 3]],
) -> Result<DeltaEMap, SizeMismatch> {
    check_size(&a, &b)?;
    let (width, height) = a.size();
    let mut cache = LabCache::new();
    let mut values = Vec::with_capacity(width as usize * height as usize);
    for (row_a, row_b) in a.rows().zip(b.rows()) {
        values.extend(row_a.iter().zip(row_b).map(|(pa, pb)| {
            if pa == pb {
                return 0.0;
            }
            backgrounds.iter().fold(0.0f32, |worst, &bg| {
                let (ca, cb) = (shown_over(pa, bg), shown_over(pb, bg));
                if ca == cb {
                    worst
                } else {
                    worst.max(delta_e_2000(cache.lab(ca), cache.lab(cb)))
                }
            })
        }));
    }
    Ok(DeltaEMap {
        width,
        height,
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_returns_the_conversion() {
        let mut cache = LabCache::new();
        for i in 0..20_000u32 {
            let c = (i.wrapping_mul(2_654_435_761) >> 8).to_be_bytes();
            let rgb = [c[1], c[2], c[3]];
            let want = Lab::from_srgb8(Rgb8::new(rgb[0], rgb[1], rgb[2]));
            assert_eq!(cache.lab(rgb), want);
            assert_eq!(cache.lab(rgb), want);
        }
        // The empty-slot marker is not a colour.
        assert_eq!(
            cache.lab([255; 3]),
            Lab::from_srgb8(Rgb8::new(255, 255, 255))
        );
    }

    #[test]
    fn image_scales_and_saturates() {
        let map = DeltaEMap {
            width: 2,
            height: 2,
            values: vec![0.0, 1.0, 2.0, 9.0],
        };
        let img = map.to_image(2.0);
        let got: Vec<u8> = img.pixels().map(|p| p.v).collect();
        assert_eq!(got, [0, 128, 255, 255]);
        let img = map.to_image(0.0);
        let got: Vec<u8> = img.pixels().map(|p| p.v).collect();
        assert_eq!(got, [0, 255, 255, 255]);
        assert_eq!(map.worst(), Some((1, 1)));
        assert_eq!(map.get(1, 0), Some(1.0));
        assert_eq!(map.get(2, 0), None);
    }
}
