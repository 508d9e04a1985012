//! The row kernels against the per-pixel rule [`BlendMode::apply_with_coverage`], on
//! random rows of every length up to a few blocks, for every mode.

use alloc::vec::Vec;

use chiaro_pixel::PremulRgba8;

use super::BlendMode;
use super::fixed::{sanitize, scale};
use super::row::{
    row_mask, row_mask_with_opacity, row_span, row_span_with_opacity, solid_mask, solid_span,
};

/// A small deterministic generator (xorshift64*), so failures reproduce.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn byte(&mut self) -> u8 {
        self.next_u64().to_le_bytes()[0]
    }

    /// A coverage value, biased towards 0 and 255, which the kernels special-case.
    pub(crate) fn coverage(&mut self) -> u8 {
        match self.byte() % 4 {
            0 => 0,
            1 => 255,
            _ => self.byte(),
        }
    }

    /// A valid premultiplied pixel, often opaque or transparent.
    pub(crate) fn pixel(&mut self) -> PremulRgba8 {
        let a = match self.byte() % 5 {
            0 => 0,
            1 => 255,
            _ => self.byte(),
        };
        let mut c = || {
            let v = u16::from(self.byte()) % (u16::from(a) + 1);
            u8::try_from(v).unwrap_or(a)
        };
        let (r, g, b) = (c(), c(), c());
        PremulRgba8::new(r, g, b, a)
    }

    /// Any four bytes: often invalid (colour above alpha).
    pub(crate) fn any_pixel(&mut self) -> PremulRgba8 {
        let [r, g, b, a, ..] = self.next_u64().to_le_bytes();
        PremulRgba8::new(r, g, b, a)
    }

    pub(crate) fn pixels(&mut self, n: usize) -> Vec<PremulRgba8> {
        (0..n).map(|_| self.pixel()).collect()
    }

    pub(crate) fn coverages(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.coverage()).collect()
    }
}

/// Row lengths covering empty rows, tails and several blocks of eight.
const LENGTHS: [usize; 9] = [0, 1, 7, 8, 9, 16, 23, 40, 300];

#[test]
fn solid_kernels_follow_the_per_pixel_rule() {
    let mut rng = Rng::new(1);
    for mode in BlendMode::ALL {
        for len in LENGTHS {
            for _ in 0..4 {
                let src = rng.pixel();
                let dst = rng.pixels(len);
                let c = rng.coverage();
                let mut out = dst.clone();
                solid_span(mode, src, &mut out, c);
                for (i, (&d, &o)) in dst.iter().zip(&out).enumerate() {
                    assert_eq!(
                        o,
                        mode.apply_with_coverage(src, d, c),
                        "{mode:?} {src:?} {d:?} c={c} i={i}"
                    );
                }
                let cov = rng.coverages(len);
                let mut out = dst.clone();
                solid_mask(mode, src, &mut out, &cov);
                for (i, ((&d, &o), &c)) in dst.iter().zip(&out).zip(&cov).enumerate() {
                    assert_eq!(
                        o,
                        mode.apply_with_coverage(src, d, c),
                        "{mode:?} {src:?} {d:?} c={c} i={i}"
                    );
                }
            }
        }
    }
}

#[test]
fn row_kernels_follow_the_per_pixel_rule_with_opacity() {
    let mut rng = Rng::new(2);
    for mode in BlendMode::ALL {
        for len in LENGTHS {
            for opacity in [255, 0, 1, 128, rng.byte()] {
                let src = rng.pixels(len);
                let dst = rng.pixels(len);
                let c = rng.coverage();
                let mut out = dst.clone();
                row_span_with_opacity(mode, &src, &mut out, c, opacity);
                for (i, ((&s, &d), &o)) in src.iter().zip(&dst).zip(&out).enumerate() {
                    let want = mode.apply_with_coverage(scale(s, opacity), d, c);
                    assert_eq!(o, want, "{mode:?} {s:?} {d:?} c={c} o={opacity} i={i}");
                }
                let cov = rng.coverages(len);
                let mut out = dst.clone();
                row_mask_with_opacity(mode, &src, &mut out, &cov, opacity);
                for (i, (((&s, &d), &o), &c)) in
                    src.iter().zip(&dst).zip(&out).zip(&cov).enumerate()
                {
                    let want = mode.apply_with_coverage(scale(s, opacity), d, c);
                    assert_eq!(o, want, "{mode:?} {s:?} {d:?} c={c} o={opacity} i={i}");
                }
            }
        }
    }
}

#[test]
fn pre_scaled_rows_equal_the_opacity_forms() {
    // The paint pipeline scales its rows by opacity itself and calls the plain forms.
    let mut rng = Rng::new(5);
    for mode in BlendMode::ALL {
        let src = rng.pixels(300);
        let pre: Vec<_> = src.iter().map(|&p| scale(p, 90)).collect();
        let dst = rng.pixels(300);
        let cov = rng.coverages(300);
        let (mut a, mut b) = (dst.clone(), dst.clone());
        row_span_with_opacity(mode, &src, &mut a, 200, 90);
        row_span(mode, &pre, &mut b, 200);
        assert_eq!(a, b, "{mode:?}");
        row_mask_with_opacity(mode, &src, &mut a, &cov, 90);
        row_mask(mode, &pre, &mut b, &cov);
        assert_eq!(a, b, "{mode:?}");
    }
}

#[test]
fn opacity_longer_than_one_chunk() {
    // Rows longer than the stack buffer of opacity-scaled pixels.
    let mut rng = Rng::new(3);
    let src = rng.pixels(1000);
    let dst = rng.pixels(1000);
    let cov = rng.coverages(1000);
    for mode in [BlendMode::SourceOver, BlendMode::Xor] {
        let mut a = dst.clone();
        row_mask_with_opacity(mode, &src, &mut a, &cov, 77);
        for (((&s, &d), &o), &c) in src.iter().zip(&dst).zip(&a).zip(&cov) {
            assert_eq!(o, mode.apply_with_coverage(scale(s, 77), d, c));
        }
    }
}

#[test]
fn invalid_pixels_give_valid_results_or_are_left_alone() {
    let mut rng = Rng::new(4);
    for mode in BlendMode::ALL {
        let src: Vec<_> = (0..37).map(|_| rng.any_pixel()).collect();
        let dst: Vec<_> = (0..37).map(|_| rng.any_pixel()).collect();
        let cov = rng.coverages(37);
        for opacity in [255, 100] {
            let mut out = dst.clone();
            row_mask_with_opacity(mode, &src, &mut out, &cov, opacity);
            for ((&d, &o), &c) in dst.iter().zip(&out).zip(&cov) {
                if c == 0 || mode == BlendMode::Destination {
                    assert_eq!(o, d, "{mode:?}: must not write");
                } else {
                    assert_eq!(o, sanitize(o), "{mode:?}: invalid result {o:?}");
                }
            }
            let mut out = dst.clone();
            solid_span(mode, src[0], &mut out, 200);
            solid_mask(mode, src[1], &mut out, &cov);
            row_span_with_opacity(mode, &src, &mut out, 255, opacity);
            row_span(mode, &src, &mut out, 9);
            row_mask(mode, &src, &mut out, &cov);
        }
    }
}

#[test]
fn mismatched_lengths_use_the_common_prefix() {
    // Debug builds assert on this; release builds must not panic or overrun.
    if cfg!(debug_assertions) {
        return;
    }
    let src = [PremulRgba8::new(9, 9, 9, 9); 5];
    let mut dst = [PremulRgba8::TRANSPARENT; 20];
    row_span(BlendMode::SourceOver, &src, &mut dst, 255);
    assert_eq!(dst[4], src[0]);
    assert_eq!(dst[5], PremulRgba8::TRANSPARENT);
    solid_mask(BlendMode::SourceOver, src[0], &mut dst, &[255; 3]);
    row_mask(BlendMode::Source, &src, &mut dst, &[255; 12]);
}
