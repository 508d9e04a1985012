//! Colormaps: a number in `[0, 1]` to a colour, for heatmaps of tensors, feature maps,
//! depth maps and other scalar fields.
//!
//! | map | character |
//! |---|---|
//! | [`VIRIDIS`](Colormap::VIRIDIS) | perceptually uniform, blue-purple to yellow; the safe default |
//! | [`MAGMA`](Colormap::MAGMA) | perceptually uniform, black to pale yellow through purple and orange |
//! | [`INFERNO`](Colormap::INFERNO) | perceptually uniform, black to yellow through purple and orange |
//! | [`PLASMA`](Colormap::PLASMA) | perceptually uniform, deep blue to yellow through magenta |
//! | [`CIVIDIS`](Colormap::CIVIDIS) | perceptually uniform, blue to yellow, readable with colour-vision deficiency |
//! | [`TURBO`](Colormap::TURBO) | a smooth rainbow, dark blue to dark red; not uniform in lightness |
//! | [`JET`](Colormap::JET) | the classic rainbow (matplotlib's definition); kept for compatibility |
//! | [`GRAY`](Colormap::GRAY) | black to white |
//!
//! Every map can be [`reversed`](Colormap::reversed). The five perceptual maps and turbo
//! use matplotlib's 256-entry tables (sRGB-encoded); jet and gray are evaluated from
//! their piecewise-linear definitions.
//!
//! # Sampling rule
//!
//! [`Colormap::map`] clamps `t` to `[0, 1]` (NaN counts as `0.0`), then, for a table
//! map, interpolates linearly between the two nearest of the 256 entries at position
//! `t · 255`, in the table's sRGB-encoded values, and rounds once to 8 bits (half up).
//! So `map(i / 255)` is table entry `i` exactly, rounded. Interpolating the encoded
//! values is what matplotlib's tables were designed for: their entries are spaced
//! closely enough (at most 7.5 levels of 255 apart, in turbo) that the path between
//! neighbours is straight to the eye either way.
//!
//! matplotlib itself does not interpolate: it picks entry `min(⌊t · 256⌋, 255)` and
//! truncates to bytes, so its output differs from [`map`](Colormap::map) by up to one
//! entry's step plus one level; [`lut`](Colormap::lut)`()[i]` is within one level of
//! matplotlib's entry `i` (rounding against truncation).
//!
//! For whole images, [`Colormap::lut`] samples the map at 256 points once, and
//! [`heatmap`](crate::heatmap::heatmap) indexes it.
//!
//! ```
//! use chiaro_color::colormap::Colormap;
//! use chiaro_pixel::Rgb8;
//!
//! assert_eq!(Colormap::VIRIDIS.map(0.0), Rgb8::new(0x44, 0x01, 0x54));
//! assert_eq!(Colormap::VIRIDIS.map(1.0), Rgb8::new(0xfd, 0xe7, 0x25));
//! // Reversing swaps the ends; out-of-range inputs clamp.
//! assert_eq!(Colormap::VIRIDIS.reversed().map(0.0), Colormap::VIRIDIS.map(1.0));
//! assert_eq!(Colormap::VIRIDIS.map(7.0), Colormap::VIRIDIS.map(1.0));
//! // Names as matplotlib spells them, `_r` for reversed.
//! assert_eq!(Colormap::from_name("magma_r"), Some(Colormap::MAGMA.reversed()));
//! ```

mod tables;

use core::fmt;

use chiaro_pixel::{Rgb8, RgbF32};

/// Which colormap, without the direction. See [`Colormap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColormapKind {
    /// matplotlib's viridis.
    Viridis,
    /// matplotlib's magma.
    Magma,
    /// matplotlib's inferno.
    Inferno,
    /// matplotlib's plasma.
    Plasma,
    /// matplotlib's cividis.
    Cividis,
    /// Google's turbo (as shipped by matplotlib).
    Turbo,
    /// matplotlib's jet, evaluated from its segment data.
    Jet,
    /// Black to white, `v = t`.
    Gray,
}

impl ColormapKind {
    /// The name matplotlib uses, in lower case (`"viridis"`, …, `"gray"`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Viridis => "viridis",
            Self::Magma => "magma",
            Self::Inferno => "inferno",
            Self::Plasma => "plasma",
            Self::Cividis => "cividis",
            Self::Turbo => "turbo",
            Self::Jet => "jet",
            Self::Gray => "gray",
        }
    }
}

/// A colormap: a [`ColormapKind`] and a direction. Small and `Copy`; pass it by value.
///
/// Build one from the constants ([`Colormap::VIRIDIS`], …), from a [`ColormapKind`], or
/// by name with [`from_name`](Self::from_name). See the [module docs](self) for the
/// sampling rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colormap {
    kind: ColormapKind,
    reversed: bool,
}

impl Default for Colormap {
    /// [`Colormap::VIRIDIS`].
    fn default() -> Self {
        Self::VIRIDIS
    }
}

impl From<ColormapKind> for Colormap {
    fn from(kind: ColormapKind) -> Self {
        Self::new(kind)
    }
}

impl fmt::Display for Colormap {
    /// The [`name`](Colormap::name), e.g. `viridis` or `magma_r`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Colormap {
    /// Viridis, dark blue-purple (`#440154`) to yellow (`#fde725`).
    pub const VIRIDIS: Self = Self::new(ColormapKind::Viridis);
    /// Magma, black (`#000004`) to pale yellow (`#fcfdbf`).
    pub const MAGMA: Self = Self::new(ColormapKind::Magma);
    /// Inferno, black (`#000004`) to yellow (`#fcffa4`).
    pub const INFERNO: Self = Self::new(ColormapKind::Inferno);
    /// Plasma, deep blue (`#0d0887`) to yellow (`#f0f921`).
    pub const PLASMA: Self = Self::new(ColormapKind::Plasma);
    /// Cividis, dark blue (`#00224e`) to yellow (`#fee838`).
    pub const CIVIDIS: Self = Self::new(ColormapKind::Cividis);
    /// Turbo, dark blue (`#30123b`) to dark red (`#7a0403`).
    pub const TURBO: Self = Self::new(ColormapKind::Turbo);
    /// Jet, dark blue (`#000080`) to dark red (`#800000`).
    pub const JET: Self = Self::new(ColormapKind::Jet);
    /// Gray, black to white.
    pub const GRAY: Self = Self::new(ColormapKind::Gray);

    /// Every colormap, in the forward direction.
    pub const ALL: [Self; 8] = [
        Self::VIRIDIS,
        Self::MAGMA,
        Self::INFERNO,
        Self::PLASMA,
        Self::CIVIDIS,
        Self::TURBO,
        Self::JET,
        Self::GRAY,
    ];

    /// The colormap `kind`, in the forward direction.
    pub const fn new(kind: ColormapKind) -> Self {
        Self {
            kind,
            reversed: false,
        }
    }

    /// The same map run the other way: `m.reversed().map(t) == m.map(1 − t)`.
    /// Reversing twice gives the original.
    #[must_use]
    pub const fn reversed(self) -> Self {
        Self {
            kind: self.kind,
            reversed: !self.reversed,
        }
    }

    /// Whether this map runs backwards.
    pub const fn is_reversed(self) -> bool {
        self.reversed
    }

    /// Which map, regardless of direction.
    pub const fn kind(self) -> ColormapKind {
        self.kind
    }

    /// matplotlib's name: `"viridis"`, or `"viridis_r"` when reversed.
    pub const fn name(self) -> &'static str {
        match (self.kind, self.reversed) {
            (ColormapKind::Viridis, false) => "viridis",
            (ColormapKind::Viridis, true) => "viridis_r",
            (ColormapKind::Magma, false) => "magma",
            (ColormapKind::Magma, true) => "magma_r",
            (ColormapKind::Inferno, false) => "inferno",
            (ColormapKind::Inferno, true) => "inferno_r",
            (ColormapKind::Plasma, false) => "plasma",
            (ColormapKind::Plasma, true) => "plasma_r",
            (ColormapKind::Cividis, false) => "cividis",
            (ColormapKind::Cividis, true) => "cividis_r",
            (ColormapKind::Turbo, false) => "turbo",
            (ColormapKind::Turbo, true) => "turbo_r",
            (ColormapKind::Jet, false) => "jet",
            (ColormapKind::Jet, true) => "jet_r",
            (ColormapKind::Gray, false) => "gray",
            (ColormapKind::Gray, true) => "gray_r",
        }
    }

    /// The map named `name` as matplotlib spells it (ASCII case ignored), with an
    /// optional `_r` suffix for the reversed map; `"grey"` is accepted for gray.
    /// `None` for any other name.
    pub fn from_name(name: &str) -> Option<Self> {
        let (base, reversed) = match name.len().checked_sub(2) {
            Some(cut) if name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case("_r") => {
                (&name[..cut], true)
            }
            _ => (name, false),
        };
        let kind = if base.eq_ignore_ascii_case("grey") {
            ColormapKind::Gray
        } else {
            Self::ALL
                .iter()
                .map(|m| m.kind)
                .find(|k| k.name().eq_ignore_ascii_case(base))?
        };
        Some(Self { kind, reversed })
    }

    /// The colour at `t`, 8-bit sRGB. `t` is clamped to `[0, 1]`; NaN counts as `0.0`
    /// (before any reversal). Interpolated and rounded once, as the
    /// [module docs](self#sampling-rule) describe.
    #[inline]
    pub fn map(self, t: f32) -> Rgb8 {
        let [r, g, b] = self.eval(t);
        Rgb8::new(unit_to_u8(r), unit_to_u8(g), unit_to_u8(b))
    }

    /// The colour at `t`, sRGB-encoded `f32` in `[0, 1]`, not rounded to 8 bits. Same
    /// clamping and interpolation as [`map`](Self::map).
    #[inline]
    pub fn map_f32(self, t: f32) -> RgbF32 {
        RgbF32::from(self.eval(t).map(to_f32))
    }

    /// The map sampled at 256 points: entry `i` is [`map`](Self::map)`(i / 255)`.
    ///
    /// For a table map that is the table itself, rounded to 8 bits. Index it with
    /// `round(t · 255)` to colour many values at the cost of one lookup each; the
    /// result is the map at `t` quantized to 256 levels (within half an entry of the
    /// interpolated colour).
    pub fn lut(self) -> [Rgb8; 256] {
        core::array::from_fn(|i| self.map(index_to_unit(i)))
    }

    /// The unrounded colour at `t`, sRGB-encoded, in `f64`.
    fn eval(self, t: f32) -> [f64; 3] {
        // `clamp` passes NaN through; NaN counts as 0.
        let t = if t.is_nan() {
            0.0
        } else {
            f64::from(t.clamp(0.0, 1.0))
        };
        // The position in table entries, 0–255. Exact: an f32 times 255 fits in f64's
        // mantissa, and so does 255 minus it.
        let p = t * 255.0;
        let p = if self.reversed { 255.0 - p } else { p };
        let p = snap(p);
        match self.kind {
            ColormapKind::Viridis => sample_table(&tables::VIRIDIS, p),
            ColormapKind::Magma => sample_table(&tables::MAGMA, p),
            ColormapKind::Inferno => sample_table(&tables::INFERNO, p),
            ColormapKind::Plasma => sample_table(&tables::PLASMA, p),
            ColormapKind::Cividis => sample_table(&tables::CIVIDIS, p),
            ColormapKind::Turbo => sample_table(&tables::TURBO, p),
            ColormapKind::Jet => {
                let u = p / 255.0;
                [
                    piecewise(&JET_RED, u),
                    piecewise(&JET_GREEN, u),
                    piecewise(&JET_BLUE, u),
                ]
            }
            ColormapKind::Gray => [p / 255.0; 3],
        }
    }
}

/// Positions closer than this (in table entries) to an entry take the entry exactly.
///
/// `i as f32 / 255.0` is not exactly `i / 255`, so `t · 255` misses `i` by up to about
/// 1.5·10⁻⁵; snapping makes `map(i / 255)` equal entry `i` however `t` was rounded, and
/// makes a reversed map hit the same points as the forward one (jet has exact ties
/// between two 8-bit levels at some `i / 255`). It moves the result by at most 10⁻⁴ of
/// one entry's step (below 10⁻³ of a level).
const SNAP: f64 = 1e-4;

/// `p ∈ [0, 255]`, or the nearest integer if it is within [`SNAP`] of it.
fn snap(p: f64) -> f64 {
    let nearest = index_to_f64(floor_index(p + 0.5));
    if libm::fabs(p - nearest) < SNAP {
        nearest
    } else {
        p
    }
}

/// Linear interpolation in `table` at position `p ∈ [0, 255]`.
fn sample_table(table: &[[f32; 3]; 256], p: f64) -> [f64; 3] {
    let i = floor_index(p).min(254);
    let f = p - index_to_f64(i);
    let (a, b) = (table[i], table[i + 1]);
    // At f == 0 (or 1) this is the entry exactly.
    core::array::from_fn(|c| {
        let (a, b) = (f64::from(a[c]), f64::from(b[c]));
        a + (b - a) * f
    })
}

/// A channel of a piecewise-linear map: `(x, y)` breakpoints, `x` increasing from 0 to 1.
type Segments = [(f64, f64)];

/// matplotlib's `_jet_data`. Its segments are continuous (`y0 == y1` at every
/// breakpoint), so one `y` per breakpoint describes them.
const JET_RED: [(f64, f64); 5] = [
    (0.0, 0.0),
    (0.35, 0.0),
    (0.66, 1.0),
    (0.89, 1.0),
    (1.0, 0.5),
];
const JET_GREEN: [(f64, f64); 6] = [
    (0.0, 0.0),
    (0.125, 0.0),
    (0.375, 1.0),
    (0.64, 1.0),
    (0.91, 0.0),
    (1.0, 0.0),
];
const JET_BLUE: [(f64, f64); 5] = [
    (0.0, 0.5),
    (0.11, 1.0),
    (0.34, 1.0),
    (0.65, 0.0),
    (1.0, 0.0),
];

/// The piecewise-linear function through `points` at `t ∈ [0, 1]`.
fn piecewise(points: &Segments, t: f64) -> f64 {
    let mut prev = (0.0, 0.0);
    for &(x, y) in points {
        if t <= x {
            let (x0, y0) = prev;
            return if x > x0 {
                y0 + (y - y0) * (t - x0) / (x - x0)
            } else {
                y
            };
        }
        prev = (x, y);
    }
    prev.1
}

/// An encoded value in `[0, 1]` to 8 bits, rounding half up; out-of-range values clamp,
/// NaN gives 0.
#[inline]
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the value is clamped to 0..=255.5 before the saturating cast; NaN casts to 0"
)]
pub(crate) fn unit_to_u8(v: f64) -> u8 {
    (v.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
fn to_f32(v: f64) -> f32 {
    v as f32
}

/// `⌊p⌋` for a position `p ∈ [0, 255.5]`.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "p is in 0..=255.5, so the floor fits; the result is also capped at 255"
)]
fn floor_index(p: f64) -> usize {
    (p as usize).min(255)
}

#[expect(
    clippy::cast_precision_loss,
    reason = "indices are at most 255, exact in f64"
)]
fn index_to_f64(i: usize) -> f64 {
    i as f64
}

/// `i / 255` as `f32`, for `i ≤ 255`.
#[expect(
    clippy::cast_precision_loss,
    reason = "indices are at most 255, exact in f32"
)]
pub(crate) fn index_to_unit(i: usize) -> f32 {
    i as f32 / 255.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLES: [(Colormap, &[[f32; 3]; 256]); 6] = [
        (Colormap::VIRIDIS, &tables::VIRIDIS),
        (Colormap::MAGMA, &tables::MAGMA),
        (Colormap::INFERNO, &tables::INFERNO),
        (Colormap::PLASMA, &tables::PLASMA),
        (Colormap::CIVIDIS, &tables::CIVIDIS),
        (Colormap::TURBO, &tables::TURBO),
    ];

    /// Reference rounding, independent of `unit_to_u8`: nearest, in f64.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "table values are in 0..=1, so the rounded value is in 0..=255"
    )]
    fn round8(v: f32) -> u8 {
        assert!((0.0..=1.0).contains(&v));
        (f64::from(v) * 255.0).round() as u8
    }

    fn rgb(hex: u32) -> Rgb8 {
        let [_, r, g, b] = hex.to_be_bytes();
        Rgb8::new(r, g, b)
    }

    #[test]
    fn endpoints_are_the_published_colours() {
        let cases = [
            (Colormap::VIRIDIS, 0x44_01_54, 0xfd_e7_25),
            (Colormap::MAGMA, 0x00_00_04, 0xfc_fd_bf),
            (Colormap::INFERNO, 0x00_00_04, 0xfc_ff_a4),
            (Colormap::PLASMA, 0x0d_08_87, 0xf0_f9_21),
            (Colormap::CIVIDIS, 0x00_22_4e, 0xfe_e8_38),
            (Colormap::TURBO, 0x30_12_3b, 0x7a_04_03),
            (Colormap::JET, 0x00_00_80, 0x80_00_00),
            (Colormap::GRAY, 0x00_00_00, 0xff_ff_ff),
        ];
        for (map, lo, hi) in cases {
            assert_eq!(map.map(0.0), rgb(lo), "{map}(0)");
            assert_eq!(map.map(1.0), rgb(hi), "{map}(1)");
            assert_eq!(map.reversed().map(0.0), rgb(hi), "{map}_r(0)");
            assert_eq!(map.reversed().map(1.0), rgb(lo), "{map}_r(1)");
        }
    }

    #[test]
    fn endpoints_match_the_tables_rounded() {
        for (map, table) in TABLES {
            for (t, e) in [(0.0, table[0]), (1.0, table[255])] {
                assert_eq!(map.map(t), Rgb8::from(e.map(round8)), "{map}({t})");
            }
        }
    }

    #[test]
    fn map_at_entry_positions_is_the_rounded_entry() {
        for (map, table) in TABLES {
            for (i, e) in table.iter().enumerate() {
                let t = index_to_unit(i);
                assert_eq!(map.map(t), Rgb8::from(e.map(round8)), "{map} entry {i}");
                assert_eq!(<[f32; 3]>::from(map.map_f32(t)), *e, "{map} entry {i}");
                // Other ways of computing i/255 land on the entry too.
                let t2 = i as f32 * (1.0 / 255.0);
                assert_eq!(map.map(t2), Rgb8::from(e.map(round8)), "{map} entry {i}");
            }
        }
    }

    #[test]
    fn map_interpolates_between_entries() {
        for (map, table) in TABLES {
            for i in 0..255 {
                for f in [0.25f32, 0.5, 0.75] {
                    let t = (i as f32 + f) / 255.0;
                    let got = <[f32; 3]>::from(map.map_f32(t));
                    for c in 0..3 {
                        let (a, b) = (table[i][c], table[i + 1][c]);
                        let want = a + (b - a) * f;
                        assert!((got[c] - want).abs() < 2e-6, "{map} at {t}: {got:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn inputs_outside_the_unit_interval_clamp_and_nan_counts_as_zero() {
        for map in Colormap::ALL {
            for m in [map, map.reversed()] {
                assert_eq!(m.map(-0.5), m.map(0.0));
                assert_eq!(m.map(f32::NEG_INFINITY), m.map(0.0));
                assert_eq!(m.map(1.5), m.map(1.0));
                assert_eq!(m.map(f32::INFINITY), m.map(1.0));
                assert_eq!(m.map(f32::NAN), m.map(0.0));
            }
        }
    }

    #[test]
    fn reversed_runs_the_other_way() {
        for map in Colormap::ALL {
            let r = map.reversed();
            assert!(r.is_reversed() && !map.is_reversed());
            assert_eq!(r.reversed(), map);
            assert_eq!(r.kind(), map.kind());
            // i/255 and multiples of 1/1024 (where 1 − t is exact).
            for i in 0..=255 {
                let t = index_to_unit(i);
                assert_eq!(
                    r.map(t),
                    map.map(index_to_unit(255 - i)),
                    "{map} at {i}/255"
                );
            }
            for k in 0..=1024u16 {
                let t = f32::from(k) / 1024.0;
                assert_eq!(r.map(t), map.map(1.0 - t), "{map} at {t}");
                assert_eq!(r.map_f32(t), map.map_f32(1.0 - t), "{map} at {t}");
            }
        }
    }

    #[test]
    fn jet_has_its_segment_values_at_the_breakpoints() {
        // (t, r, g, b) from matplotlib's _jet_data; every breakpoint of every channel.
        let cases: [(f32, [f64; 3]); 12] = [
            (0.0, [0.0, 0.0, 0.5]),
            (0.11, [0.0, 0.0, 1.0]),
            (0.125, [0.0, 0.0, 1.0]),
            (0.34, [0.0, 0.86, 1.0]),
            (0.35, [0.0, 0.9, 1.0 - 0.01 / 0.31]),
            (0.375, [0.025 / 0.31, 1.0, 1.0 - 0.035 / 0.31]),
            (0.64, [0.29 / 0.31, 1.0, 0.01 / 0.31]),
            (0.65, [0.30 / 0.31, 1.0 - 0.01 / 0.27, 0.0]),
            (0.66, [1.0, 1.0 - 0.02 / 0.27, 0.0]),
            (0.89, [1.0, 0.02 / 0.27, 0.0]),
            (0.91, [1.0 - 0.5 * 0.02 / 0.11, 0.0, 0.0]),
            (1.0, [0.5, 0.0, 0.0]),
        ];
        for (t, want) in cases {
            let got = Colormap::JET.eval(t);
            for c in 0..3 {
                // f32 breakpoints are within 3e-8 of the decimal ones; slopes are below 10.
                assert!(
                    (got[c] - want[c]).abs() < 1e-6,
                    "jet({t}) = {got:?}, want {want:?}"
                );
            }
        }
        assert_eq!(Colormap::JET.map(0.0), Rgb8::new(0, 0, 128));
        assert_eq!(Colormap::JET.map(0.125), Rgb8::new(0, 0, 255));
        assert_eq!(Colormap::JET.map(0.5), Rgb8::new(123, 255, 123));
        assert_eq!(Colormap::JET.map(0.66), Rgb8::new(255, 236, 0));
        assert_eq!(Colormap::JET.map(1.0), Rgb8::new(128, 0, 0));
    }

    #[test]
    fn gray_is_the_identity() {
        for (i, c) in Colormap::GRAY.lut().into_iter().enumerate() {
            let v = u8::try_from(i).unwrap();
            assert_eq!(c, Rgb8::new(v, v, v));
        }
        assert_eq!(Colormap::GRAY.map_f32(0.3), RgbF32::new(0.3, 0.3, 0.3));
        assert_eq!(Colormap::GRAY.reversed().map(0.0), Rgb8::new(255, 255, 255));
    }

    #[test]
    fn lut_entries_are_the_map_at_i_over_255() {
        for map in Colormap::ALL {
            for m in [map, map.reversed()] {
                let lut = m.lut();
                for (i, &c) in lut.iter().enumerate() {
                    assert_eq!(c, m.map(index_to_unit(i)), "{m} entry {i}");
                }
            }
        }
        let lut = Colormap::VIRIDIS.reversed().lut();
        for (i, e) in tables::VIRIDIS.iter().enumerate() {
            assert_eq!(lut[255 - i], Rgb8::from(e.map(round8)));
        }
    }

    #[test]
    fn names_round_trip() {
        for map in Colormap::ALL {
            for m in [map, map.reversed()] {
                assert_eq!(Colormap::from_name(m.name()), Some(m));
                assert_eq!(alloc::format!("{m}"), m.name());
            }
            assert_eq!(map.name(), map.kind().name());
            assert_eq!(Colormap::from(map.kind()), map);
        }
        assert_eq!(
            Colormap::from_name("Viridis_R"),
            Some(Colormap::VIRIDIS.reversed())
        );
        assert_eq!(Colormap::from_name("grey"), Some(Colormap::GRAY));
        for bad in [
            "", "_r", "r", "viridis_", "viridisr", "hot", "gray_r_r", "é_r", "_é",
        ] {
            assert_eq!(Colormap::from_name(bad), None, "{bad:?}");
        }
        assert_eq!(Colormap::default(), Colormap::VIRIDIS);
    }

    #[test]
    fn unit_to_u8_rounds_half_up_and_clamps() {
        assert_eq!(unit_to_u8(0.5), 128);
        assert_eq!(unit_to_u8(127.49 / 255.0), 127);
        assert_eq!(unit_to_u8(-1.0), 0);
        assert_eq!(unit_to_u8(2.0), 255);
        assert_eq!(unit_to_u8(f64::NAN), 0);
    }
}
