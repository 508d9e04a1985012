//! The non-separable blend modes (W3C Compositing, section 10.3): `Hue`,
//! `Saturation`, `Color` and `Luminosity`, which mix whole colours through the spec's
//! `Lum`, `SetLum`, `ClipColor`, `Sat` and `SetSat` functions, in `f32` on the straight
//! colours, followed by one rounding of the premultiplied result.

use chiaro_pixel::PremulRgba8;

use super::blend::{outside, union_alpha};
use super::fixed::round_div255_f32;

/// A straight colour, red, green, blue, in 0–1.
pub(super) type Rgb = [f32; 3];

/// A non-separable mode: `(Cb, Cs) → B(Cb, Cs)`.
pub(super) type Mix = fn(Rgb, Rgb) -> Rgb;

/// Composites `s` onto `d` (both valid) with the mixed colour `f(Cb, Cs)`:
/// `co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B`, `αo` exact.
pub(super) fn composite(s: PremulRgba8, d: PremulRgba8, f: Mix) -> PremulRgba8 {
    let a = union_alpha(s.a, d.a);
    let mix = if s.a == 0 || d.a == 0 {
        [0.0; 3]
    } else {
        let straight = |p: PremulRgba8| {
            let a = f32::from(p.a);
            [f32::from(p.r) / a, f32::from(p.g) / a, f32::from(p.b) / a]
        };
        f(straight(d), straight(s))
    };
    let both = f32::from(s.a) * f32::from(d.a);
    let ch = |cs: u8, cb: u8, m: f32| {
        // `outside` < 2^24, so exact in f32.
        #[expect(
            clippy::manual_clamp,
            reason = "`max`/`min` turn a NaN from a degenerate division into 0; `clamp` keeps it"
        )]
        let n = outside(cs, s.a, cb, d.a) as f32 + both * m.max(0.0).min(1.0);
        round_div255_f32(n).min(a)
    };
    PremulRgba8::new(
        ch(s.r, d.r, mix[0]),
        ch(s.g, d.g, mix[1]),
        ch(s.b, d.b, mix[2]),
        a,
    )
}

/// `B = SetLum(SetSat(Cs, Sat(Cb)), Lum(Cb))`.
pub(super) fn hue(cb: Rgb, cs: Rgb) -> Rgb {
    set_lum(set_sat(cs, sat(cb)), lum(cb))
}

/// `B = SetLum(SetSat(Cb, Sat(Cs)), Lum(Cb))`.
pub(super) fn saturation(cb: Rgb, cs: Rgb) -> Rgb {
    set_lum(set_sat(cb, sat(cs)), lum(cb))
}

/// `B = SetLum(Cs, Lum(Cb))`.
pub(super) fn color(cb: Rgb, cs: Rgb) -> Rgb {
    set_lum(cs, lum(cb))
}

/// `B = SetLum(Cb, Lum(Cs))`.
pub(super) fn luminosity(cb: Rgb, cs: Rgb) -> Rgb {
    set_lum(cb, lum(cs))
}

/// `Lum(C) = 0.3·R + 0.59·G + 0.11·B`.
fn lum([r, g, b]: Rgb) -> f32 {
    0.3 * r + 0.59 * g + 0.11 * b
}

/// `Sat(C) = max(C) − min(C)`.
fn sat([r, g, b]: Rgb) -> f32 {
    r.max(g).max(b) - r.min(g).min(b)
}

/// Moves `c` to luminosity `l` (in 0–1) and brings it back into gamut with
/// `ClipColor`, keeping its hue and luminosity.
fn set_lum(c: Rgb, l: f32) -> Rgb {
    let d = l - lum(c);
    clip_color(c.map(|v| v + d))
}

/// The spec's `ClipColor`: scales `c` towards its own luminosity until every channel
/// is within 0–1. The divisions are guarded so a rounding error cannot divide by zero
/// (the spec's exact arithmetic never does).
fn clip_color(c: Rgb) -> Rgb {
    let l = lum(c);
    let n = c[0].min(c[1]).min(c[2]);
    let x = c[0].max(c[1]).max(c[2]);
    if n < 0.0 && l - n > 0.0 {
        let k = l / (l - n);
        return c.map(|v| l + (v - l) * k);
    }
    if x > 1.0 && x - l > 0.0 {
        let k = (1.0 - l) / (x - l);
        return c.map(|v| l + (v - l) * k);
    }
    c
}

/// The spec's `SetSat`: the colour with the same hue and saturation `s`, its minimum
/// at 0.
fn set_sat(c: Rgb, s: f32) -> Rgb {
    // Indices of the minimum, middle and maximum channels.
    let (mut lo, mut mid, mut hi) = (0, 1, 2);
    if c[lo] > c[mid] {
        core::mem::swap(&mut lo, &mut mid);
    }
    if c[mid] > c[hi] {
        core::mem::swap(&mut mid, &mut hi);
    }
    if c[lo] > c[mid] {
        core::mem::swap(&mut lo, &mut mid);
    }
    let mut out = [0.0; 3];
    if c[hi] > c[lo] {
        out[mid] = (c[mid] - c[lo]) * s / (c[hi] - c[lo]);
        out[hi] = s;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::BlendMode;
    use super::*;

    #[test]
    fn hand_computed_examples() {
        let px = PremulRgba8::new;
        // Opaque pure red source over opaque mid gray (Lum = 0.5 at 127.5 … use 102 =
        // 0.4): Color gives red at luminosity 0.4: SetLum((1,0,0), 0.4) = (1.1, 0.1,
        // 0.1) clipped: l = 0.4, x = 1.1 → k = 0.6 / 0.7; R = 0.4 + 0.7·k = 1,
        // G = B = 0.4 − 0.3·k = 0.142857 → 36.43.
        let red = px(255, 0, 0, 255);
        let gray = px(102, 102, 102, 255);
        assert_eq!(BlendMode::Color.apply(red, gray), px(255, 36, 36, 255));
        // Luminosity of gray onto red: the same computation.
        assert_eq!(BlendMode::Luminosity.apply(gray, red), px(255, 36, 36, 255));
        // Hue of red onto gray: Sat(gray) = 0, so SetSat gives black, then SetLum
        // gives the gray back.
        assert_eq!(BlendMode::Hue.apply(red, gray), gray);
        // Saturation of gray (0) onto red: gray at red's luminosity 0.3 → 76.5,
        // rounded up; in f32 0.3·255 = 76.50000…, so allow either neighbour.
        let out = BlendMode::Saturation.apply(gray, red);
        assert!(out.r == out.g && out.g == out.b && (76..=77).contains(&out.r));
        // Both translucent: αs = αb = 0.4 (102); co = 0.4·0.6·C + 0.4·0.6·C' + 0.16·B.
        let s = px(102, 0, 0, 102);
        let d = px(0, 0, 102, 102);
        // Color: B = SetLum((1,0,0), Lum(0,0,1) = 0.11) = (0.89+…): d = −0.19 →
        // (0.81, −0.19, −0.19) clipped: l = 0.11, n = −0.19 → k = 0.11/0.3;
        // R = 0.11 + 0.7·k = 0.366667, G = B = 0.
        // co.r = 0.24 + 0.16·0.366667 = 0.298667 → 76.16; co.b = 0.24 → 61.2.
        assert_eq!(BlendMode::Color.apply(s, d), px(76, 0, 61, 163));
    }
}
