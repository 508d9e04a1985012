//! Wu's colour quantizer (Xiaolin Wu, "Efficient Statistical Computations for Optimal
//! Color Quantization", Graphics Gems II, 1991), in Oklab.
//!
//! The colours are binned into a 64 × 32 × 32 grid over Oklab's `L`, `a` and `b` (cells
//! about 0.016 wide on every axis, a little under one just-noticeable difference),
//! keeping per cell the pixel count, the sums of the coordinates and the sum of squared
//! norms, all of the *exact* Oklab values. Cumulative sums of these moments give any
//! box's count, mean and variance from eight lookups each. Starting from one box over
//! everything, the box with the largest total squared error is cut in two, along the
//! axis and at the plane that leave the least error, until there are as many boxes as
//! colours wanted or nothing left to cut. Each box's mean is a palette colour.

use alloc::vec;
use alloc::vec::Vec;

/// Cells along `L`, `a` and `b`.
const BINS: [usize; 3] = [64, 32, 32];
/// Range of each axis binned; the sRGB gamut lies within it (a ∈ [−0.234, 0.277],
/// b ∈ [−0.312, 0.199]). Values outside go to the edge cells.
const RANGE: [(f32, f32); 3] = [(0.0, 1.0), (-0.24, 0.28), (-0.32, 0.20)];
/// Strides of the cumulative table, which has one more plane per axis (index 0 is the
/// empty prefix).
const STRIDE_L: usize = (BINS[1] + 1) * (BINS[2] + 1);
const STRIDE_A: usize = BINS[2] + 1;
const TABLE: usize = (BINS[0] + 1) * STRIDE_L;

/// Count, sums of `L`, `a`, `b`, and sum of `L² + a² + b²`.
type Moments = [f64; 5];

fn add(a: Moments, b: Moments) -> Moments {
    [
        a[0] + b[0],
        a[1] + b[1],
        a[2] + b[2],
        a[3] + b[3],
        a[4] + b[4],
    ]
}

fn sub(a: Moments, b: Moments) -> Moments {
    [
        a[0] - b[0],
        a[1] - b[1],
        a[2] - b[2],
        a[3] - b[3],
        a[4] - b[4],
    ]
}

/// The cell (1-based, as in the cumulative table) of `v` on `axis`.
#[inline]
fn bin(v: f32, axis: usize) -> usize {
    let (lo, hi) = RANGE[axis];
    let t = (v - lo) / (hi - lo) * BINS[axis] as f32;
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..BINS first; NaN casts to 0"
    )]
    let i = t.clamp(0.0, (BINS[axis] - 1) as f32) as usize;
    i + 1
}

/// A box of cells `lo[k] < i ≤ hi[k]` on each axis `k`.
#[derive(Clone, Copy, Debug)]
struct Cube {
    lo: [usize; 3],
    hi: [usize; 3],
}

/// The cumulative moments.
struct Table {
    m: Vec<Moments>,
}

impl Table {
    fn build(points: &[[f32; 3]], weights: &[u32]) -> Self {
        let mut m = vec![[0.0f64; 5]; TABLE];
        for (p, &w) in points.iter().zip(weights) {
            let i = bin(p[0], 0) * STRIDE_L + bin(p[1], 1) * STRIDE_A + bin(p[2], 2);
            let w = f64::from(w);
            let [l, a, b] = p.map(f64::from);
            if let Some(cell) = m.get_mut(i) {
                *cell = add(*cell, [w, w * l, w * a, w * b, w * (l * l + a * a + b * b)]);
            }
        }
        // Prefix sums along each axis in turn make m[l][a][b] the sum over the box
        // (0, l] × (0, a] × (0, b].
        for l in 1..=BINS[0] {
            for a in 1..=BINS[1] {
                for b in 1..=BINS[2] {
                    let i = l * STRIDE_L + a * STRIDE_A + b;
                    m[i] = add(m[i], m[i - 1]);
                }
            }
        }
        for l in 1..=BINS[0] {
            for a in 1..=BINS[1] {
                for b in 1..=BINS[2] {
                    let i = l * STRIDE_L + a * STRIDE_A + b;
                    m[i] = add(m[i], m[i - STRIDE_A]);
                }
            }
        }
        for l in 1..=BINS[0] {
            for a in 1..=BINS[1] {
                for b in 1..=BINS[2] {
                    let i = l * STRIDE_L + a * STRIDE_A + b;
                    m[i] = add(m[i], m[i - STRIDE_L]);
                }
            }
        }
        Self { m }
    }

    #[inline]
    fn at(&self, l: usize, a: usize, b: usize) -> Moments {
        self.m
            .get(l * STRIDE_L + a * STRIDE_A + b)
            .copied()
            .unwrap_or([0.0; 5])
    }

    /// The moments of the pixels in `c`.
    fn volume(&self, c: &Cube) -> Moments {
        let [l0, a0, b0] = c.lo;
        let [l1, a1, b1] = c.hi;
        let plus = add(
            add(self.at(l1, a1, b1), self.at(l1, a0, b0)),
            add(self.at(l0, a1, b0), self.at(l0, a0, b1)),
        );
        let minus = add(
            add(self.at(l1, a1, b0), self.at(l1, a0, b1)),
            add(self.at(l0, a1, b1), self.at(l0, a0, b0)),
        );
        sub(plus, minus)
    }
}

/// `|Σp|² / n`: what a box's squared error falls short of `Σ|p|²`.
fn explained(m: &Moments) -> f64 {
    if m[0] > 0.0 {
        (m[1] * m[1] + m[2] * m[2] + m[3] * m[3]) / m[0]
    } else {
        0.0
    }
}

/// Total squared error of the pixels in a box about their mean.
fn error(m: &Moments) -> f64 {
    (m[4] - explained(m)).max(0.0)
}

/// The best cut of `c`: the two halves, or `None` when no cut leaves pixels on both
/// sides.
fn best_cut(table: &Table, c: &Cube) -> Option<(Cube, Cube)> {
    let whole = table.volume(c);
    let mut best: Option<(f64, usize, usize)> = None;
    for axis in 0..3 {
        for at in c.lo[axis] + 1..c.hi[axis] {
            let mut lower = *c;
            lower.hi[axis] = at;
            let low = table.volume(&lower);
            let high = sub(whole, low);
            if low[0] <= 0.0 || high[0] <= 0.0 {
                continue;
            }
            let score = explained(&low) + explained(&high);
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, axis, at));
            }
        }
    }
    let (_, axis, at) = best?;
    let mut lower = *c;
    let mut upper = *c;
    lower.hi[axis] = at;
    upper.lo[axis] = at;
    Some((lower, upper))
}

/// Up to `k` clusters of the weighted Oklab `points`: each cluster's mean and weight.
pub(crate) fn wu(points: &[[f32; 3]], weights: &[u32], k: usize) -> Vec<([f32; 3], f64)> {
    let table = Table::build(points, weights);
    let mut cubes = vec![Cube {
        lo: [0; 3],
        hi: BINS,
    }];
    // Squared error of each cube, or a negative value once it cannot be cut.
    let mut errors = vec![error(&table.volume(&cubes[0]))];
    while cubes.len() < k {
        let Some((next, &e)) = errors
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        else {
            break;
        };
        if e <= 0.0 {
            break;
        }
        match best_cut(&table, &cubes[next]) {
            Some((lower, upper)) => {
                errors[next] = error(&table.volume(&lower));
                cubes[next] = lower;
                errors.push(error(&table.volume(&upper)));
                cubes.push(upper);
            }
            None => errors[next] = -1.0,
        }
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "means of f32 values fit f32"
    )]
    let clusters = cubes
        .iter()
        .map(|c| table.volume(c))
        .filter(|m| m[0] > 0.0)
        .map(|m| {
            let mean = [m[1] / m[0], m[2] / m[0], m[3] / m[0]].map(|v| v as f32);
            (mean, m[0])
        })
        .collect();
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_well_apart_clusters() {
        let points = [
            [0.2, 0.0, 0.0],
            [0.21, 0.0, 0.0],
            [0.8, 0.1, -0.1],
            [0.81, 0.1, -0.1],
            [0.5, -0.2, 0.15],
        ];
        let weights = [10, 10, 5, 5, 1];
        let clusters = wu(&points, &weights, 3);
        assert_eq!(clusters.len(), 3);
        let total: f64 = clusters.iter().map(|c| c.1).sum();
        assert_eq!(total, 31.0);
        assert!(
            clusters
                .iter()
                .any(|(m, w)| *w == 20.0 && (m[0] - 0.205).abs() < 1e-6)
        );
        assert!(
            clusters
                .iter()
                .any(|(m, w)| *w == 1.0 && (m[1] + 0.2).abs() < 1e-6)
        );
    }

    #[test]
    fn stops_when_nothing_can_be_cut() {
        let clusters = wu(&[[0.5, 0.0, 0.0]], &[100], 16);
        assert_eq!(clusters.len(), 1);
        assert!(wu(&[], &[], 16).is_empty());
    }
}
