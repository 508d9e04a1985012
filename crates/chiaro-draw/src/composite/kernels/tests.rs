//! Every AVX2 kernel against its portable twin, bit for bit, on random rows (valid and
//! invalid pixels, all coverage patterns, every tail length). Runs only where the CPU
//! has AVX2; elsewhere the test passes without checking (and says so).

use alloc::vec::Vec;
use std::eprintln;

use chiaro_pixel::PremulRgba8;

use super::portable;
use crate::composite::tests::Rng;
use crate::simd::composite::Avx2;

/// A row of `n` pixels: valid ones, or any bytes when `invalid`.
fn row(rng: &mut Rng, n: usize, invalid: bool) -> Vec<PremulRgba8> {
    (0..n)
        .map(|_| {
            if invalid {
                rng.any_pixel()
            } else {
                rng.pixel()
            }
        })
        .collect()
}

#[test]
fn avx2_builds_match_portable_kernels() {
    let Some(avx2) = Avx2::detect() else {
        eprintln!("no AVX2 on this CPU: AVX2 kernels not compared");
        return;
    };
    let mut rng = Rng::new(0xA5A5);
    for round in 0..400 {
        let n = match round % 4 {
            0 => round % 40,
            1 => 8 * (round % 9),
            _ => rng.byte() as usize,
        };
        let invalid = round % 3 == 0;
        let src = row(&mut rng, n, invalid);
        let dst = row(&mut rng, n, invalid);
        let cov: Vec<u8> = match round % 5 {
            0 => (0..n).map(|_| 0).collect(),
            1 => (0..n).map(|_| 255).collect(),
            2 => (0..n).map(|_| rng.byte()).collect(),
            _ => rng.coverages(n),
        };
        let color = if invalid {
            rng.any_pixel()
        } else {
            rng.pixel()
        };
        let k = rng.coverage();
        // A sub-slice starting at an odd pixel, so loads are not 32-byte aligned.
        let skew = usize::from(n > 0);

        let check = |name: &str, a: &[PremulRgba8], b: &[PremulRgba8]| {
            assert_eq!(a, b, "{name}: n = {n}, round = {round}");
        };

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::over_solid(color, &mut a[skew..]);
        avx2.over_solid(color, &mut b[skew..]);
        check("over_solid", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::over_solid_mask(color, &mut a, &cov);
        avx2.over_solid_mask(color, &mut b, &cov);
        check("over_solid_mask", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::over_row(&src[skew..], &mut a[skew..]);
        avx2.over_row(&src[skew..], &mut b[skew..]);
        check("over_row", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::over_row_span(&src, &mut a, k);
        avx2.over_row_span(&src, &mut b, k);
        check("over_row_span", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::over_row_mask(&src, &mut a, &cov);
        avx2.over_row_mask(&src, &mut b, &cov);
        check("over_row_mask", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::copy_row(&src, &mut a);
        avx2.copy_row(&src, &mut b);
        check("copy_row", &a, &b);

        let (mut a, mut b) = (dst.clone(), dst.clone());
        portable::scale_row(&src, &mut a, k);
        avx2.scale_row(&src, &mut b, k);
        check("scale_row", &a, &b);
    }
}

#[test]
fn avx2_kernels_take_the_common_prefix_of_mismatched_slices() {
    let Some(avx2) = Avx2::detect() else {
        return;
    };
    let mut rng = Rng::new(7);
    let src = row(&mut rng, 21, false);
    let dst = row(&mut rng, 37, false);
    let cov = rng.coverages(13);
    let (mut a, mut b) = (dst.clone(), dst.clone());
    portable::over_row(&src, &mut a);
    avx2.over_row(&src, &mut b);
    assert_eq!(a, b);
    assert_eq!(a[21..], dst[21..]);
    let (mut a, mut b) = (dst.clone(), dst.clone());
    portable::over_row_mask(&src, &mut a, &cov);
    avx2.over_row_mask(&src, &mut b, &cov);
    assert_eq!(a, b);
    assert_eq!(a[13..], dst[13..]);
}
