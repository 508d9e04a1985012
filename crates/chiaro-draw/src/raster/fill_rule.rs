//! Fill rules: which winding numbers count as inside.

use crate::math;

/// Which points a fill covers, from the winding number of the path around them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum FillRule {
    /// Inside where the winding number is not zero (SVG `nonzero`, the default).
    #[default]
    NonZero,
    /// Inside where the winding number is odd (SVG `evenodd`).
    EvenOdd,
}

impl FillRule {
    /// Coverage byte of an area-weighted winding number `w` (anti-aliased).
    ///
    /// Non-zero: `min(|w|, 1)`. Even-odd folds `|w|` into `[0, 1]` with period 2, so a
    /// pixel half covered by a doubly wound region reads as half covered.
    #[inline(always)]
    pub(crate) fn coverage(self, w: f32) -> u8 {
        let a = w.abs();
        let a = match self {
            FillRule::NonZero => a,
            FillRule::EvenOdd => {
                let m = a - 2.0 * math::floor(a * 0.5);
                if m > 1.0 { 2.0 - m } else { m }
            }
        };
        if a >= 1.0 {
            255
        } else {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "0 <= a < 1, so the value is below 255.5"
            )]
            let c = (a * 255.0 + 0.5) as u8;
            c
        }
    }

    /// Whether a point with exact winding number `w` is inside.
    #[inline(always)]
    pub(crate) fn inside(self, w: f32) -> bool {
        self.sampled(w) != 0
    }

    /// Whether the rule's coverage is linear in the winding number over `[lo, hi]`,
    /// so that averaging windings over a pixel averages coverage too. Non-zero is
    /// linear on `(-∞, -1]`, `[-1, 0]`, `[0, 1]` and `[1, ∞)`; even-odd on every
    /// `[k, k + 1]`. A small slack absorbs `f32` rounding in the prefix sums.
    #[inline(always)]
    pub(crate) fn linear_between(self, lo: f32, hi: f32) -> bool {
        const E: f32 = 1e-3;
        match self {
            FillRule::NonZero => {
                (lo >= -E && hi <= 1.0 + E)
                    || (lo >= -1.0 - E && hi <= E)
                    || lo >= 1.0 - E
                    || hi <= -1.0 + E
            }
            FillRule::EvenOdd => {
                let k = math::floor(lo + E);
                hi <= k + 1.0 + E
            }
        }
    }

    /// Coverage byte of an exact integer winding number `w` (centre sampling).
    #[inline(always)]
    pub(crate) fn sampled(self, w: f32) -> u8 {
        let w = math::round(w);
        let inside = match self {
            FillRule::NonZero => w != 0.0,
            FillRule::EvenOdd => (w * 0.5 - math::floor(w * 0.5)) != 0.0,
        };
        if inside { 255 } else { 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_map_winding_to_coverage() {
        assert_eq!(FillRule::NonZero.coverage(0.0), 0);
        assert_eq!(FillRule::NonZero.coverage(-0.5), 128);
        assert_eq!(FillRule::NonZero.coverage(2.0), 255);
        assert_eq!(FillRule::EvenOdd.coverage(1.0), 255);
        assert_eq!(FillRule::EvenOdd.coverage(2.0), 0);
        assert_eq!(FillRule::EvenOdd.coverage(-1.5), 128);
        assert_eq!(FillRule::EvenOdd.coverage(3.0), 255);
        assert_eq!(FillRule::NonZero.sampled(-2.0), 255);
        assert_eq!(FillRule::EvenOdd.sampled(-2.0), 0);
        assert_eq!(FillRule::EvenOdd.sampled(-3.0), 255);
        assert_eq!(FillRule::EvenOdd.sampled(0.0), 0);
    }
}
