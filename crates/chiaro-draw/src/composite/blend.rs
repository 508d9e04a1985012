//! The separable blend modes (W3C Compositing, section 10.2) on valid premultiplied
//! pixels.
//!
//! Each channel is `round(N / 255)` with
//! `N = 255² · co = cs·(255 − αb) + cb·(255 − αs) + T`, where everything is in 0–255
//! and `T = αs·αb·B(Cb, Cs)` (scaled by 255²) is the mixed part. Multiplying `B` by
//! `αs·αb` cancels the division by alpha that un-premultiplying needs, so for most
//! modes `T` is an integer polynomial in the premultiplied values (for `Multiply`,
//! `T = cs·cb`) and the result is exactly rounded. `ColorDodge` and `ColorBurn` have a
//! rational `T` and are rounded exactly too; `SoftLight` has a square root and uses
//! `f32`.
//!
//! The branch conditions of the spec (`Cs ≤ ½`, `Cb ≤ ¼`, `Cb = 1`, …) are evaluated
//! in integers on the premultiplied values (`2·cs ≤ αs`, …), so they are exact as well.

use chiaro_pixel::PremulRgba8;

use super::fixed::{div255, narrow, round_div255_f32};
use crate::math;

/// One channel of a separable mode: `(cs, αs, cb, αb) → co`, all in 0–255.
pub(super) type Channel = fn(u8, u8, u8, u8) -> u8;

/// A separable mode applied to each colour channel, with the exact source-over alpha.
#[inline]
pub(super) fn separable(s: PremulRgba8, d: PremulRgba8, f: Channel) -> PremulRgba8 {
    let a = union_alpha(s.a, d.a);
    let ch = |cs: u8, cb: u8| f(cs, s.a, cb, d.a).min(a);
    PremulRgba8::new(ch(s.r, d.r), ch(s.g, d.g), ch(s.b, d.b), a)
}

/// `αs + αb·(1 − αs)`, exactly rounded.
#[inline]
pub(super) fn union_alpha(sa: u8, da: u8) -> u8 {
    sa + narrow(div255(u32::from(da) * (255 - u32::from(sa))))
}

/// `cs·(255 − αb) + cb·(255 − αs)`: the source outside the backdrop plus the backdrop
/// outside the source, scaled by 255².
#[inline]
pub(super) fn outside(cs: u8, sa: u8, cb: u8, da: u8) -> u32 {
    u32::from(cs) * (255 - u32::from(da)) + u32::from(cb) * (255 - u32::from(sa))
}

/// `round((outside + t) / 255)` for an integer mixed part `t`.
#[inline]
fn exact(cs: u8, sa: u8, cb: u8, da: u8, t: u32) -> u8 {
    narrow(div255(outside(cs, sa, cb, da) + t).min(255))
}

/// `round((outside + p / q) / 255)`, ties up, for a rational mixed part `p / q`
/// (`q > 0`): `⌊(2·(outside·q + p) + 255·q) / (510·q)⌋`. With `q ≤ 255` and
/// `p ≤ 255³` every term fits `u32`.
#[inline]
fn rational(cs: u8, sa: u8, cb: u8, da: u8, p: u32, q: u32) -> u8 {
    let n = outside(cs, sa, cb, da) * q + p;
    narrow(((2 * n + 255 * q) / (510 * q)).min(255))
}

/// Widens the four channel inputs.
#[inline(always)]
fn wide(cs: u8, sa: u8, cb: u8, da: u8) -> (u32, u32, u32, u32) {
    (u32::from(cs), u32::from(sa), u32::from(cb), u32::from(da))
}

/// `B = Cb·Cs`: `T = cs·cb`.
pub(super) fn multiply(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, _, b, _) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, s * b)
}

/// `B = Cb + Cs − Cb·Cs`: `T = αs·cb + αb·cs − cs·cb`.
pub(super) fn screen(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, sa_ * b + da_ * s - s * b)
}

/// `HardLight` with `Cs` and `Cb` swapped: `T = 2·cs·cb` where `2·cb ≤ αb`, else
/// `αs·αb − 2·(αb − cb)·(αs − cs)`.
pub(super) fn overlay(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    let t = if 2 * b <= da_ {
        2 * s * b
    } else {
        sa_ * da_ - 2 * (da_ - b) * (sa_ - s)
    };
    exact(cs, sa, cb, da, t)
}

/// `Cs ≤ ½`: `Multiply(Cb, 2·Cs)`, else `Screen(Cb, 2·Cs − 1)`: `T = 2·cs·cb` where
/// `2·cs ≤ αs`, else `αs·αb − 2·(αb − cb)·(αs − cs)`.
pub(super) fn hard_light(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    let t = if 2 * s <= sa_ {
        2 * s * b
    } else {
        sa_ * da_ - 2 * (da_ - b) * (sa_ - s)
    };
    exact(cs, sa, cb, da, t)
}

/// `B = min(Cb, Cs)`: `T = min(αs·cb, αb·cs)`.
pub(super) fn darken(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, (sa_ * b).min(da_ * s))
}

/// `B = max(Cb, Cs)`: `T = max(αs·cb, αb·cs)`.
pub(super) fn lighten(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, (sa_ * b).max(da_ * s))
}

/// `B = |Cb − Cs|`: `T = |αs·cb − αb·cs|`.
pub(super) fn difference(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, (sa_ * b).abs_diff(da_ * s))
}

/// `B = Cb + Cs − 2·Cb·Cs`: `T = αs·cb + αb·cs − 2·cs·cb`.
pub(super) fn exclusion(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    exact(cs, sa, cb, da, sa_ * b + da_ * s - 2 * s * b)
}

/// `B = 0` where `Cb = 0`, 1 where `Cs = 1`, else `min(1, Cb / (1 − Cs))`:
/// `T = min(αs·αb, αs²·cb / (αs − cs))`.
pub(super) fn color_dodge(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    if sa_ == 0 || da_ == 0 || b == 0 {
        return exact(cs, sa, cb, da, 0);
    }
    let full = sa_ * da_;
    if s >= sa_ {
        return exact(cs, sa, cb, da, full);
    }
    let (p, q) = (sa_ * sa_ * b, sa_ - s);
    if p >= full * q {
        return exact(cs, sa, cb, da, full);
    }
    rational(cs, sa, cb, da, p, q)
}

/// `B = 1` where `Cb = 1`, 0 where `Cs = 0`, else `1 − min(1, (1 − Cb) / Cs)`:
/// `T = αs·αb − min(αs·αb, αs²·(αb − cb) / cs)`.
pub(super) fn color_burn(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    if sa_ == 0 || da_ == 0 {
        return exact(cs, sa, cb, da, 0);
    }
    let full = sa_ * da_;
    if b >= da_ {
        return exact(cs, sa, cb, da, full);
    }
    if s == 0 {
        return exact(cs, sa, cb, da, 0);
    }
    let (p, q) = (sa_ * sa_ * (da_ - b), s);
    if p >= full * q {
        return exact(cs, sa, cb, da, 0);
    }
    // outside + full − p/q = ((outside + full)·q − p) / q, with the numerator > 0.
    rational(cs, sa, cb, da, full * q - p, q)
}

/// The spec's soft light, in `f32` on the straight colours:
/// `Cs ≤ ½`: `Cb − (1 − 2·Cs)·Cb·(1 − Cb)`, else `Cb + (2·Cs − 1)·(D(Cb) − Cb)` with
/// `D(Cb) = ((16·Cb − 12)·Cb + 4)·Cb` for `Cb ≤ ¼` and `√Cb` above.
pub(super) fn soft_light(cs: u8, sa: u8, cb: u8, da: u8) -> u8 {
    let (s, sa_, b, da_) = wide(cs, sa, cb, da);
    if sa_ == 0 || da_ == 0 {
        return exact(cs, sa, cb, da, 0);
    }
    let fs = f32::from(cs) / f32::from(sa);
    let fb = f32::from(cb) / f32::from(da);
    let mix = if 2 * s <= sa_ {
        fb - (1.0 - 2.0 * fs) * fb * (1.0 - fb)
    } else {
        let d = if 4 * b <= da_ {
            ((16.0 * fb - 12.0) * fb + 4.0) * fb
        } else {
            math::sqrt(fb)
        };
        fb + (2.0 * fs - 1.0) * (d - fb)
    };
    let outside = outside(cs, sa, cb, da);
    // Both integers are below 2^24, so exact in f32.
    let n = outside as f32 + (sa_ * da_) as f32 * mix.clamp(0.0, 1.0);
    round_div255_f32(n)
}

#[cfg(test)]
mod tests {
    use super::super::BlendMode;
    use super::*;

    /// Hand-computed examples on opaque and half-transparent pairs.
    #[test]
    fn hand_computed_examples() {
        let px = PremulRgba8::new;
        // Opaque: co = B(Cb, Cs) · 255. Cs = 0.6 (153), Cb = 0.2 (51) in red.
        let s = px(153, 0, 255, 255);
        let d = px(51, 255, 255, 255);
        let check = |mode: BlendMode, r: u8, g: u8, b: u8| {
            assert_eq!(mode.apply(s, d), px(r, g, b, 255), "{mode:?}");
        };
        // 0.6 · 0.2 = 0.12 → 30.6; 0 · 1; 1 · 1.
        check(BlendMode::Multiply, 31, 0, 255);
        // 0.2 + 0.6 − 0.12 = 0.68 → 173.4.
        check(BlendMode::Screen, 173, 255, 255);
        // Cb = 0.2 ≤ ½: 2 · 0.6 · 0.2 = 0.24 → 61.2; Cb = 1: screen(1, ·) = 1.
        check(BlendMode::Overlay, 61, 255, 255);
        // Cs = 0.6 > ½: screen(0.2, 0.2) = 0.36 → 91.8; Cs = 0: 0; Cs = 1: 1.
        check(BlendMode::HardLight, 92, 0, 255);
        check(BlendMode::Darken, 51, 0, 255);
        check(BlendMode::Lighten, 153, 255, 255);
        // |0.2 − 0.6| = 0.4 → 102; |1 − 0| = 1; 0.
        check(BlendMode::Difference, 102, 255, 0);
        // 0.2 + 0.6 − 0.24 = 0.56 → 142.8; 1; 0.
        check(BlendMode::Exclusion, 143, 255, 0);
        // 0.2 / 0.4 = 0.5 → 127.5, rounded up; Cs = 0: Cb = 1; Cs = 1: 1.
        check(BlendMode::ColorDodge, 128, 255, 255);
        // 1 − min(1, 0.8 / 0.6) = 0; Cb = 1 → 1; Cb = 1 → 1.
        check(BlendMode::ColorBurn, 0, 255, 255);

        // Half-transparent source over a 40 % backdrop, red channel only:
        // s = (51, αs = 102) so Cs = 0.5; d = (51, αb = 102) so Cb = 0.5.
        // Multiply: co = cs(1−αb) + cb(1−αs) + αs·αb·0.25
        //          = 0.2·0.6 + 0.2·0.6 + 0.16·0.25 = 0.28 → 71.4; αo = 0.64 → 163.2.
        let s = px(51, 0, 0, 102);
        let d = px(51, 0, 0, 102);
        assert_eq!(BlendMode::Multiply.apply(s, d), px(71, 0, 0, 163));
        // Screen: 0.24 + 0.16 · 0.75 = 0.36 → 91.8.
        assert_eq!(BlendMode::Screen.apply(s, d), px(92, 0, 0, 163));
    }

    #[test]
    fn soft_light_hand_computed() {
        // Opaque, Cs = 0.6 > ½, Cb = 0.2 ≤ ¼: D = ((3.2 − 12)·0.2 + 4)·0.2 = 0.448;
        // B = 0.2 + 0.2 · 0.248 = 0.2496 → 63.648.
        let s = PremulRgba8::new(153, 0, 0, 255);
        let d = PremulRgba8::new(51, 0, 0, 255);
        assert_eq!(
            BlendMode::SoftLight.apply(s, d),
            PremulRgba8::new(64, 0, 0, 255)
        );
        // Cs = 0.2 ≤ ½, Cb = 0.6: B = 0.6 − 0.6·0.6·0.4 = 0.456 → 116.28.
        let s = PremulRgba8::new(51, 0, 0, 255);
        let d = PremulRgba8::new(153, 0, 0, 255);
        assert_eq!(
            BlendMode::SoftLight.apply(s, d),
            PremulRgba8::new(116, 0, 0, 255)
        );
    }
}
