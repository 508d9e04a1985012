//! The Porter–Duff operators (W3C Compositing, section 9) on valid premultiplied
//! pixels, in integers: every result is `round((cs·Fa + cb·Fb) / 255)` with the
//! factors scaled to 0–255, which is exact (see [`super::fixed`]).
//!
//! Source-over and destination-over are [`super::fixed::over`]; `Clear`, `Source` and
//! `Destination` need no arithmetic. [`super::BlendMode::apply`] picks the factors.

use chiaro_pixel::PremulRgba8;

use super::fixed::{div255, narrow};

/// `round((s·fa + d·fb) / 255)` per channel, alpha included, for factors `fa`, `fb` in
/// 0–255 (255 standing for 1). With valid inputs and the factors of a Porter–Duff
/// operator the numerator is at most `255 · 255` and the result is valid: colour and
/// alpha are the same monotone function of the pixels' channels.
#[inline]
pub(super) fn weighted(s: PremulRgba8, d: PremulRgba8, fa: u8, fb: u8) -> PremulRgba8 {
    let (fa, fb) = (u32::from(fa), u32::from(fb));
    let ch = |s: u8, d: u8| narrow(div255(u32::from(s) * fa + u32::from(d) * fb).min(255));
    PremulRgba8::new(ch(s.r, d.r), ch(s.g, d.g), ch(s.b, d.b), ch(s.a, d.a))
}

/// `Plus` (`lighter`): `min(cs + cb, 1)` per channel. Clamping alpha at 255 keeps the
/// colour at most alpha, as `min` is monotone.
#[inline]
pub(super) fn plus(s: PremulRgba8, d: PremulRgba8) -> PremulRgba8 {
    PremulRgba8::new(
        s.r.saturating_add(d.r),
        s.g.saturating_add(d.g),
        s.b.saturating_add(d.b),
        s.a.saturating_add(d.a),
    )
}

#[cfg(test)]
mod tests {
    use super::super::BlendMode;
    use super::*;

    /// Hand-computed examples, one per operator, on the same pair.
    #[test]
    fn hand_computed_examples() {
        // s: 60 % alpha (153) orange-ish; d: 40 % alpha (102) blue-ish.
        let s = PremulRgba8::new(153, 76, 0, 153);
        let d = PremulRgba8::new(0, 51, 102, 102);
        let cases = [
            (BlendMode::Clear, [0, 0, 0, 0]),
            (BlendMode::Source, [153, 76, 0, 153]),
            (BlendMode::Destination, [0, 51, 102, 102]),
            // s + d·(255−153)/255 = s + d·0.4: 51·0.4 = 20.4, 102·0.4 = 40.8.
            (BlendMode::SourceOver, [153, 96, 41, 194]),
            // d + s·(255−102)/255 = d + s·0.6: 153·0.6 = 91.8, 76·0.6 = 45.6.
            (BlendMode::DestinationOver, [92, 97, 102, 194]),
            // s·0.4: 61.2, 30.4, 0, 61.2.
            (BlendMode::SourceIn, [61, 30, 0, 61]),
            // d·0.6: 0, 30.6, 61.2, 61.2.
            (BlendMode::DestinationIn, [0, 31, 61, 61]),
            // s·0.6: 91.8, 45.6, 0, 91.8.
            (BlendMode::SourceOut, [92, 46, 0, 92]),
            // d·0.4: 0, 20.4, 40.8, 40.8.
            (BlendMode::DestinationOut, [0, 20, 41, 41]),
            // s·0.4 + d·0.4: 61.2, 30.4 + 20.4, 40.8, 61.2 + 40.8.
            (BlendMode::SourceAtop, [61, 51, 41, 102]),
            // s·0.6 + d·0.6: 91.8, 45.6 + 30.6, 61.2, 91.8 + 61.2.
            (BlendMode::DestinationAtop, [92, 76, 61, 153]),
            // s·0.6 + d·0.4: 91.8, 45.6 + 20.4, 40.8, 91.8 + 40.8.
            (BlendMode::Xor, [92, 66, 41, 133]),
            (BlendMode::Plus, [153, 127, 102, 255]),
        ];
        for (mode, [r, g, b, a]) in cases {
            assert_eq!(mode.apply(s, d), PremulRgba8::new(r, g, b, a), "{mode:?}");
        }
    }
}
