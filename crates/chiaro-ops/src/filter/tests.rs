//! The AVX2 builds of the cascade kernels against the portable ones, on random rows.

#![allow(
    clippy::cast_possible_truncation,
    reason = "random bytes are the high bits of a u64; the f32 reciprocal is meant to round"
)]

use alloc::vec;
use alloc::vec::Vec;

use super::cascade::{Taps, radii_for_sigma};
use crate::simd::filter::{self as dispatched, portable};

fn random(seed: u64, n: usize) -> Vec<u8> {
    let mut s = seed | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 32) as u8
        })
        .collect()
}

/// A row with its edge pixels repeated, as the cascade expects.
fn padded(row: &[u8], ch: usize, taps: &Taps) -> Vec<u8> {
    let mut pad = Vec::new();
    for _ in 0..taps.left_pad() {
        pad.extend_from_slice(&row[..ch]);
    }
    pad.extend_from_slice(row);
    for _ in 0..taps.reach {
        pad.extend_from_slice(&row[row.len() - ch..]);
    }
    pad
}

#[test]
fn avx2_cascade_kernels_match_the_portable_ones() {
    if !std::arch::is_x86_feature_detected!("avx2") {
        return;
    }
    for sigma in [0.8, 2.0, 5.0, 17.0, 60.0] {
        let taps = Taps::new(radii_for_sigma(sigma));
        let inv = (1.0 / taps.norm as f64) as f32;
        for (ch, w) in [(4usize, 37usize), (4, 300), (1, 53), (3, 20), (2, 9)] {
            let pad = padded(&random(w as u64 * 31 + ch as u64, w * ch), ch, &taps);
            let (mut a, mut b) = (vec![0u8; w * ch], vec![0u8; w * ch]);
            dispatched::cascade_horizontal_u8(&pad, ch, &taps, &mut a, inv);
            portable::cascade_horizontal_u8(&pad, ch, &taps, &mut b, inv);
            assert_eq!(a, b, "horizontal sigma {sigma} ch {ch} w {w}");
            if ch == 4 {
                let pad2 = padded(&random(w as u64 * 7, w * 8), 8, &taps);
                let (mut a, mut b) = (vec![0u8; w * 8], vec![0u8; w * 8]);
                dispatched::cascade_horizontal_pair_u8(&pad2, &taps, &mut a, inv);
                portable::cascade_horizontal_pair_u8(&pad2, &taps, &mut b, inv);
                assert_eq!(a, b, "pair sigma {sigma} w {w}");
            }
        }
        for len in [8usize, 61, 1024] {
            let rows: Vec<Vec<u8>> = (0..8).map(|i| random(i * 97 + len as u64, len)).collect();
            let pos = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
            let neg = [&rows[4][..], &rows[5][..], &rows[6][..], &rows[7][..]];
            let start: Vec<u32> = random(5, len)
                .iter()
                .map(|&v| u32::from(v) * 1000)
                .collect();
            let (mut a1, mut a2, mut a3) = (start.clone(), start.clone(), start.clone());
            let (mut b1, mut b2, mut b3) = (start.clone(), start.clone(), start.clone());
            let (mut oa, mut ob) = (vec![0u8; len], vec![0u8; len]);
            for _ in 0..3 {
                dispatched::cascade_vertical_u8(
                    pos,
                    neg,
                    [&mut a1, &mut a2, &mut a3],
                    Some(&mut oa),
                    inv,
                );
                portable::cascade_vertical_u8(
                    pos,
                    neg,
                    [&mut b1, &mut b2, &mut b3],
                    Some(&mut ob),
                    inv,
                );
                assert_eq!(
                    (&a1, &a2, &a3, &oa),
                    (&b1, &b2, &b3, &ob),
                    "vertical sigma {sigma}"
                );
            }
        }
    }
}
