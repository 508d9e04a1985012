//! [`BlendMode`]: the Porter–Duff operators and the blend modes, and their per-pixel
//! application.

use chiaro_pixel::PremulRgba8;

use super::fixed::{lerp, over, over_coverage, sanitize};
use super::{blend, non_separable, porter_duff};

/// How a source pixel combines with the destination pixel under it: one of the
/// Porter–Duff operators or one of the blend modes of
/// [W3C Compositing and Blending Level 1](https://www.w3.org/TR/compositing-1/).
///
/// All of them work on premultiplied [`PremulRgba8`] in its sRGB encoding, as the
/// canvas, CSS and SVG do. With `αs`, `αb` the source and destination (backdrop)
/// alphas and `cs`, `cb` premultiplied colours, all in 0–1:
///
/// - **Porter–Duff** (spec section 9): `co = cs·Fa + cb·Fb` and `αo = αs·Fa + αb·Fb`,
///   with the factors `Fa`, `Fb` listed at each operator.
/// - **Blend modes** (spec section 10) mix colours with a function `B(Cb, Cs)` of the
///   *straight* colours `Cs = cs/αs`, `Cb = cb/αb` and composite the mix with
///   source-over: `co = cs·(1 − αb) + cb·(1 − αs) + αs·αb·B(Cb, Cs)`,
///   `αo = αs + αb·(1 − αs)`. The *separable* modes apply `B` to each channel alone;
///   the *non-separable* ones (`Hue`, `Saturation`, `Color`, `Luminosity`) mix whole
///   colours.
///
/// # Rounding
///
/// Results are the spec value times 255, rounded to the nearest integer:
///
/// - every Porter–Duff operator, and `Multiply`, `Screen`, `Overlay`, `Darken`,
///   `Lighten`, `HardLight`, `Difference` and `Exclusion`, are computed in integers and
///   rounded exactly (the value `n / 255` of an integer `n` is never a tie);
/// - `ColorDodge` and `ColorBurn` are exact rationals, rounded exactly (ties up);
/// - `SoftLight`, `Hue`, `Saturation`, `Color` and `Luminosity` need a square root or
///   divisions of colours and use `f32` with one final rounding: each colour channel is
///   within 1 of the correctly rounded value, and equal to it unless the exact value
///   lies within 0.01 of a half-way point (the tests sweep random pixels to check
///   both).
///
/// The result alpha is always exact.
///
/// # Invalid pixels
///
/// A premultiplied colour channel above its alpha has no meaning. [`apply`] clamps each
/// colour channel of both inputs to that pixel's alpha before computing, so any input
/// gives a valid result (no colour channel above alpha) and nothing overflows.
///
/// # Outside the source
///
/// Some operators change the destination where the source is transparent (`Clear`,
/// `Source`, `SourceIn`, `DestinationIn`, `SourceOut`, `DestinationAtop`): see
/// [`transparent_source_is_noop`](Self::transparent_source_is_noop). chiaro follows
/// the canvas and Skia convention: a fill or [`blit`](crate::composite::blit) only
/// composites inside the source's extent and its coverage; pixels outside a shape, a
/// mask or a blitted image are left alone whatever the mode.
///
/// [`apply`]: Self::apply
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum BlendMode {
    /// No colour: `Fa = 0`, `Fb = 0`.
    Clear,
    /// The source replaces the destination (canvas `copy`): `Fa = 1`, `Fb = 0`.
    Source,
    /// The destination is kept: `Fa = 0`, `Fb = 1`.
    Destination,
    /// The source over the destination, the usual way of drawing: `Fa = 1`,
    /// `Fb = 1 − αs`.
    #[default]
    SourceOver,
    /// The destination over the source: `Fa = 1 − αb`, `Fb = 1`.
    DestinationOver,
    /// The source where the destination is: `Fa = αb`, `Fb = 0`.
    SourceIn,
    /// The destination where the source is: `Fa = 0`, `Fb = αs`.
    DestinationIn,
    /// The source where the destination is not: `Fa = 1 − αb`, `Fb = 0`.
    SourceOut,
    /// The destination where the source is not (an eraser): `Fa = 0`, `Fb = 1 − αs`.
    DestinationOut,
    /// The source over the destination, only where the destination is: `Fa = αb`,
    /// `Fb = 1 − αs`.
    SourceAtop,
    /// The destination over the source, only where the source is: `Fa = 1 − αb`,
    /// `Fb = αs`.
    DestinationAtop,
    /// Source and destination where the other is not: `Fa = 1 − αb`, `Fb = 1 − αs`.
    Xor,
    /// The sum, clamped to 1 (canvas `lighter`, CSS `plus-lighter`): `Fa = 1`,
    /// `Fb = 1`.
    Plus,
    /// `B = Cb · Cs`: darkens.
    Multiply,
    /// `B = Cb + Cs − Cb · Cs`: lightens.
    Screen,
    /// `HardLight` with the layers swapped: multiplies or screens by the backdrop.
    Overlay,
    /// `B = min(Cb, Cs)`.
    Darken,
    /// `B = max(Cb, Cs)`.
    Lighten,
    /// Brightens the backdrop towards the source: `B = min(1, Cb / (1 − Cs))`
    /// (0 where `Cb = 0`, 1 where `Cs = 1`).
    ColorDodge,
    /// Darkens the backdrop towards the source: `B = 1 − min(1, (1 − Cb) / Cs)`
    /// (1 where `Cb = 1`, 0 where `Cs = 0`).
    ColorBurn,
    /// Multiplies (`Cs ≤ ½`: `Cb · 2Cs`) or screens (`Screen(Cb, 2Cs − 1)`) by the
    /// source.
    HardLight,
    /// A softer `HardLight`, after the spec's formula with `D(Cb)` (`√Cb` above ¼).
    SoftLight,
    /// `B = |Cb − Cs|`.
    Difference,
    /// `B = Cb + Cs − 2 · Cb · Cs`: a lower-contrast `Difference`.
    Exclusion,
    /// The hue of the source with the saturation and luminosity of the backdrop.
    Hue,
    /// The saturation of the source with the hue and luminosity of the backdrop.
    Saturation,
    /// The hue and saturation of the source with the luminosity of the backdrop.
    Color,
    /// The luminosity of the source with the hue and saturation of the backdrop.
    Luminosity,
}

impl BlendMode {
    /// Every mode, Porter–Duff operators first, in declaration order.
    pub const ALL: [BlendMode; 28] = {
        use BlendMode::*;
        [
            Clear,
            Source,
            Destination,
            SourceOver,
            DestinationOver,
            SourceIn,
            DestinationIn,
            SourceOut,
            DestinationOut,
            SourceAtop,
            DestinationAtop,
            Xor,
            Plus,
            Multiply,
            Screen,
            Overlay,
            Darken,
            Lighten,
            ColorDodge,
            ColorBurn,
            HardLight,
            SoftLight,
            Difference,
            Exclusion,
            Hue,
            Saturation,
            Color,
            Luminosity,
        ]
    };

    /// Whether this is a Porter–Duff operator (`Clear` … `Plus`) rather than a blend
    /// mode.
    pub const fn is_porter_duff(self) -> bool {
        use BlendMode::*;
        matches!(
            self,
            Clear
                | Source
                | Destination
                | SourceOver
                | DestinationOver
                | SourceIn
                | DestinationIn
                | SourceOut
                | DestinationOut
                | SourceAtop
                | DestinationAtop
                | Xor
                | Plus
        )
    }

    /// Whether this is a separable blend mode (`Multiply` … `Exclusion`), which mixes
    /// each colour channel on its own.
    pub const fn is_separable(self) -> bool {
        !self.is_porter_duff() && !self.is_non_separable()
    }

    /// Whether this is a non-separable blend mode (`Hue`, `Saturation`, `Color`,
    /// `Luminosity`), which mixes whole colours.
    pub const fn is_non_separable(self) -> bool {
        use BlendMode::*;
        matches!(self, Hue | Saturation | Color | Luminosity)
    }

    /// Whether a fully transparent source leaves every destination pixel unchanged:
    /// true for source-over, the blend modes and the other operators whose `Fb` is 1
    /// where `αs = 0`; false for `Clear`, `Source`, `SourceIn`, `DestinationIn`,
    /// `SourceOut` and `DestinationAtop`, which clear or change the destination there.
    ///
    /// Where this is false, the extent of a drawing matters: chiaro composites only
    /// inside the source's extent and coverage (see [`BlendMode`], "Outside the
    /// source"), so a caller that wants, say, `SourceIn` to clear everything outside a
    /// shape must draw over the whole target. Where it is true, a transparent source or
    /// zero opacity can be skipped.
    pub const fn transparent_source_is_noop(self) -> bool {
        use BlendMode::*;
        !matches!(
            self,
            Clear | Source | SourceIn | DestinationIn | SourceOut | DestinationAtop
        )
    }

    /// The mode's name in the W3C spec and the canvas `globalCompositeOperation` /
    /// CSS `mix-blend-mode` keywords: `"source-over"`, `"multiply"`, `"copy"` for
    /// [`Source`](Self::Source), `"destination"`, `"lighter"` for
    /// [`Plus`](Self::Plus), `"color-dodge"`, ….
    pub const fn name(self) -> &'static str {
        use BlendMode::*;
        match self {
            Clear => "clear",
            Source => "copy",
            Destination => "destination",
            SourceOver => "source-over",
            DestinationOver => "destination-over",
            SourceIn => "source-in",
            DestinationIn => "destination-in",
            SourceOut => "source-out",
            DestinationOut => "destination-out",
            SourceAtop => "source-atop",
            DestinationAtop => "destination-atop",
            Xor => "xor",
            Plus => "lighter",
            Multiply => "multiply",
            Screen => "screen",
            Overlay => "overlay",
            Darken => "darken",
            Lighten => "lighten",
            ColorDodge => "color-dodge",
            ColorBurn => "color-burn",
            HardLight => "hard-light",
            SoftLight => "soft-light",
            Difference => "difference",
            Exclusion => "exclusion",
            Hue => "hue",
            Saturation => "saturation",
            Color => "color",
            Luminosity => "luminosity",
        }
    }

    /// The mode named `name` (exactly as [`name`](Self::name) spells it, or the
    /// aliases `"source"`, `"plus-lighter"` and `"normal"` for source-over), or `None`
    /// for any other string.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "source" => return Some(BlendMode::Source),
            "plus-lighter" => return Some(BlendMode::Plus),
            "normal" => return Some(BlendMode::SourceOver),
            _ => {}
        }
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Composites one source pixel onto one destination pixel with coverage
    /// `coverage` (0–255, from anti-aliasing or a mask): the rule every kernel, fill
    /// and [`blit`](crate::composite::blit) follows.
    ///
    /// - `coverage = 0` returns `dst` unchanged, and `coverage = 255` is
    ///   [`apply`](Self::apply).
    /// - In between, the result is `lerp(dst, apply(src, dst), coverage / 255)`, each
    ///   channel `round((dst·(255 − c) + r·c) / 255)` (the Skia / tiny-skia rule).
    /// - For [`SourceOver`](Self::SourceOver), which equals
    ///   `src·c + dst·(1 − αs·c)` in exact arithmetic, chiaro computes that form:
    ///   the source scaled by the coverage (`round(src · c / 255)`, all four
    ///   channels), then source-over. It is what the fast kernels compute, with one
    ///   rounding fewer than the interpolation.
    ///
    /// Error against the real-valued formula: for an exactly rounded mode the
    /// interpolation is within 1 (the operator's rounding, weighted by `c`, plus the
    /// interpolation's); source-over is within 1.5 (the scaled source and the scaled
    /// destination are each rounded, and the destination's weight `255 − αs·c`
    /// carries the rounding of the scaled alpha).
    ///
    /// ```
    /// use chiaro_draw::composite::BlendMode;
    /// use chiaro_pixel::PremulRgba8;
    ///
    /// let white = PremulRgba8::new(255, 255, 255, 255);
    /// let black = PremulRgba8::new(0, 0, 0, 255);
    /// // A quarter-covered white pixel over black: 25 % gray.
    /// assert_eq!(
    ///     BlendMode::SourceOver.apply_with_coverage(white, black, 64),
    ///     PremulRgba8::new(64, 64, 64, 255)
    /// );
    /// assert_eq!(BlendMode::Clear.apply_with_coverage(white, black, 0), black);
    /// ```
    #[inline]
    pub fn apply_with_coverage(
        self,
        src: PremulRgba8,
        dst: PremulRgba8,
        coverage: u8,
    ) -> PremulRgba8 {
        match (self, coverage) {
            (_, 0) => dst,
            (BlendMode::SourceOver, c) => over_coverage(src, dst, c),
            (_, 255) => self.apply(src, dst),
            (_, c) => lerp(sanitize(dst), self.apply(src, dst), c),
        }
    }

    /// Composites one source pixel onto one destination pixel, with full coverage and
    /// opacity. See [`BlendMode`] for the formulas, the rounding and how invalid pixels
    /// are clamped.
    ///
    /// ```
    /// use chiaro_draw::composite::BlendMode;
    /// use chiaro_pixel::PremulRgba8;
    ///
    /// // Half-transparent red over opaque blue.
    /// let red = PremulRgba8::new(128, 0, 0, 128);
    /// let blue = PremulRgba8::new(0, 0, 255, 255);
    /// assert_eq!(BlendMode::SourceOver.apply(red, blue), PremulRgba8::new(128, 0, 127, 255));
    /// // The blue kept only where the red is.
    /// assert_eq!(BlendMode::DestinationIn.apply(red, blue), PremulRgba8::new(0, 0, 128, 128));
    /// ```
    pub fn apply(self, src: PremulRgba8, dst: PremulRgba8) -> PremulRgba8 {
        use BlendMode::*;
        let s = sanitize(src);
        let d = sanitize(dst);
        let (sa, da) = (s.a, d.a);
        match self {
            Clear => PremulRgba8::TRANSPARENT,
            Source => s,
            Destination => d,
            SourceOver => over(s, d),
            DestinationOver => over(d, s),
            SourceIn => porter_duff::weighted(s, d, da, 0),
            DestinationIn => porter_duff::weighted(s, d, 0, sa),
            SourceOut => porter_duff::weighted(s, d, 255 - da, 0),
            DestinationOut => porter_duff::weighted(s, d, 0, 255 - sa),
            SourceAtop => porter_duff::weighted(s, d, da, 255 - sa),
            DestinationAtop => porter_duff::weighted(s, d, 255 - da, sa),
            Xor => porter_duff::weighted(s, d, 255 - da, 255 - sa),
            Plus => porter_duff::plus(s, d),
            Multiply => blend::separable(s, d, blend::multiply),
            Screen => blend::separable(s, d, blend::screen),
            Overlay => blend::separable(s, d, blend::overlay),
            Darken => blend::separable(s, d, blend::darken),
            Lighten => blend::separable(s, d, blend::lighten),
            ColorDodge => blend::separable(s, d, blend::color_dodge),
            ColorBurn => blend::separable(s, d, blend::color_burn),
            HardLight => blend::separable(s, d, blend::hard_light),
            SoftLight => blend::separable(s, d, blend::soft_light),
            Difference => blend::separable(s, d, blend::difference),
            Exclusion => blend::separable(s, d, blend::exclusion),
            Hue => non_separable::composite(s, d, non_separable::hue),
            Saturation => non_separable::composite(s, d, non_separable::saturation),
            Color => non_separable::composite(s, d, non_separable::color),
            Luminosity => non_separable::composite(s, d, non_separable::luminosity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_partitions_all_modes() {
        for m in BlendMode::ALL {
            let kinds = [m.is_porter_duff(), m.is_separable(), m.is_non_separable()];
            assert_eq!(kinds.iter().filter(|k| **k).count(), 1, "{m:?}");
        }
        assert_eq!(
            BlendMode::ALL.iter().filter(|m| m.is_porter_duff()).count(),
            13
        );
        assert_eq!(
            BlendMode::ALL.iter().filter(|m| m.is_separable()).count(),
            11
        );
    }

    #[test]
    fn names_round_trip() {
        for m in BlendMode::ALL {
            assert_eq!(BlendMode::from_name(m.name()), Some(m));
        }
        assert_eq!(BlendMode::from_name("plus-lighter"), Some(BlendMode::Plus));
        assert_eq!(BlendMode::from_name("Multiply"), None);
    }

    #[test]
    fn transparent_source_noop_matches_apply() {
        // The flag is a claim about `apply`: check it on a spread of destinations.
        let dsts = [
            PremulRgba8::new(10, 20, 30, 40),
            PremulRgba8::new(255, 0, 128, 255),
            PremulRgba8::new(1, 1, 0, 1),
        ];
        for m in BlendMode::ALL {
            let noop = dsts
                .iter()
                .all(|&d| m.apply(PremulRgba8::TRANSPARENT, d) == d);
            assert_eq!(noop, m.transparent_source_is_noop(), "{m:?}");
        }
    }
}
