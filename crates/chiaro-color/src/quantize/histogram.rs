//! The distinct colours of an image and how often each occurs.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Rgb8, Rgba8, View};

/// An empty slot: its key is not a 24-bit colour.
const EMPTY: u64 = u64::MAX;

/// Distinct opaque colours (as `0xRRGGBB`) with their pixel counts, plus the number of
/// pixels below the alpha threshold.
#[derive(Debug, Default)]
pub(crate) struct Histogram {
    pub(crate) colors: Vec<u32>,
    pub(crate) counts: Vec<u32>,
    pub(crate) transparent: u64,
}

/// An open-addressing hash table from 24-bit colour to count, linear probing, kept at
/// most half full. Key and count share one `u64` slot (key above, count below), so a
/// probe touches one cache line.
struct Table {
    slots: Vec<u64>,
    bits: u32,
    len: usize,
}

impl Table {
    fn new(bits: u32) -> Self {
        Self {
            slots: vec![EMPTY; 1 << bits],
            bits,
            len: 0,
        }
    }

    #[inline(always)]
    fn add(&mut self, key: u32, n: u32) {
        let mask = self.slots.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> (32 - self.bits)) as usize;
        loop {
            let Some(s) = self.slots.get_mut(slot) else {
                return;
            };
            if *s == EMPTY {
                *s = (u64::from(key) << 32) | u64::from(n);
                self.len += 1;
                if self.len * 2 > self.slots.len() {
                    self.grow();
                }
                return;
            }
            if (*s >> 32) == u64::from(key) {
                let count = s.to_le_bytes();
                let count = u32::from_le_bytes([count[0], count[1], count[2], count[3]]);
                *s = (u64::from(key) << 32) | u64::from(count.saturating_add(n));
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let mut bigger = Self::new(self.bits + 1);
        for &s in &self.slots {
            if s != EMPTY {
                let (key, count) = split(s);
                bigger.add(key, count);
            }
        }
        *self = bigger;
    }
}

/// A slot's key and count.
#[inline(always)]
fn split(slot: u64) -> (u32, u32) {
    let b = slot.to_le_bytes();
    (
        u32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
    )
}

/// The colour of a key `0xRRGGBB`.
#[inline]
pub(crate) fn rgb_of(key: u32) -> Rgb8 {
    let [_, r, g, b] = key.to_be_bytes();
    Rgb8::new(r, g, b)
}

/// Counts the distinct colours of the pixels whose alpha is at least `alpha_threshold`;
/// the others are counted as transparent.
pub(crate) fn histogram(image: View<'_, Rgba8>, alpha_threshold: u8) -> Histogram {
    let mut table = Table::new(12);
    let mut transparent = 0u64;
    // Runs of one colour are common in images; count them before touching the table.
    let mut run_key = u32::MAX;
    let mut run_len = 0u32;
    for row in image.rows() {
        for p in row {
            if p.a < alpha_threshold {
                transparent += 1;
                continue;
            }
            let key = (u32::from(p.r) << 16) | (u32::from(p.g) << 8) | u32::from(p.b);
            if key == run_key && run_len < u32::MAX {
                run_len += 1;
            } else {
                if run_len > 0 {
                    table.add(run_key, run_len);
                }
                run_key = key;
                run_len = 1;
            }
        }
    }
    if run_len > 0 {
        table.add(run_key, run_len);
    }
    let mut colors = Vec::with_capacity(table.len);
    let mut counts = Vec::with_capacity(table.len);
    for &s in &table.slots {
        if s != EMPTY {
            let (key, count) = split(s);
            colors.push(key);
            counts.push(count);
        }
    }
    Histogram {
        colors,
        counts,
        transparent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiaro_pixel::Image;

    #[test]
    fn counts_every_colour_once() {
        let image = Image::from_fn(300, 200, |x, y| {
            let v = u8::try_from((x * 7 + y * 3) % 251).unwrap_or(0);
            Rgba8::new(v, v / 2, 255 - v, if x < 10 { 0 } else { 255 })
        });
        let h = histogram(image.as_view(), 128);
        assert_eq!(h.transparent, 10 * 200);
        assert_eq!(h.colors.len(), 251);
        assert_eq!(
            h.counts.iter().map(|&c| u64::from(c)).sum::<u64>(),
            290 * 200
        );
        let mut sorted = h.colors.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 251);
    }

    #[test]
    fn grows_past_many_colours() {
        let image = Image::from_fn(512, 512, |x, y| {
            Rgba8::new(
                u8::try_from(x % 256).unwrap_or(0),
                u8::try_from(y % 256).unwrap_or(0),
                u8::try_from((x / 256) * 2 + y / 256).unwrap_or(0),
                255,
            )
        });
        let h = histogram(image.as_view(), 1);
        assert_eq!(h.colors.len(), 512 * 512);
        assert!(h.counts.iter().all(|&c| c == 1));
    }
}
