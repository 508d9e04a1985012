//! Colormaps against matplotlib's own output, their perceptual properties, and
//! heatmaps and overlays through the public API.

use chiaro_color::colormap::{Colormap, ColormapKind};
use chiaro_color::heatmap::{
    HeatmapError, Range, heatmap, heatmap_into, overlay_heatmap, overlay_heatmap_rgb,
};
use chiaro_color::space::{ColorSpace, Lab, Oklab};
use chiaro_pixel::{Image, Rect, Rgb8, Rgba8, SizeMismatch, View, ViewMut};

const REFERENCE: &str = include_str!("data/colormap_reference.csv");

/// `(map, t, [r, g, b])` rows of matplotlib's `colormaps[map](t, bytes=True)`.
fn reference_rows() -> Vec<(Colormap, f32, [u8; 3])> {
    let rows: Vec<_> = REFERENCE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("map,"))
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            let map = Colormap::from_name(f[0]).expect("known map name");
            let t: f32 = f[1].parse().unwrap();
            let c = [2, 3, 4].map(|i| f[i].parse::<u8>().unwrap());
            (map, t, c)
        })
        .collect();
    assert_eq!(rows.len(), 42, "6 maps × 7 values of t");
    rows
}

/// The entry matplotlib picks for `t ∈ [0, 1]`: `min(int(t · 256), 255)`.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "truncation is matplotlib's rule; t · 256 is in 0..=256"
)]
fn matplotlib_index(t: f32) -> usize {
    ((f64::from(t) * 256.0) as usize).min(255)
}

/// matplotlib's float-to-byte conversion for `v ∈ [0, 1]`: `int(v · 255)`, truncating.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "truncation is matplotlib's rule; v · 255 is in 0..=255"
)]
fn matplotlib_byte(v: f32) -> u8 {
    (f64::from(v) * 255.0) as u8
}

fn byte(v: u32) -> u8 {
    u8::try_from(v).unwrap()
}

fn entry_t(i: usize) -> f32 {
    i as f32 / 255.0
}

fn max_channel_diff(a: Rgb8, b: [u8; 3]) -> u8 {
    [a.r.abs_diff(b[0]), a.g.abs_diff(b[1]), a.b.abs_diff(b[2])]
        .into_iter()
        .max()
        .unwrap()
}

#[test]
fn tables_reproduce_matplotlib_exactly_under_its_own_rule() {
    // matplotlib picks entry min(int(t·256), 255) and truncates value·255 to a byte.
    // `map_f32(i / 255)` is entry i exactly, so applying that rule to our tables must
    // give matplotlib's bytes: this checks the data, not our sampling.
    for (map, t, want) in reference_rows() {
        let e = map.map_f32(entry_t(matplotlib_index(t)));
        let got = [e.r, e.g, e.b].map(matplotlib_byte);
        assert_eq!(got, want, "{map}({t})");
    }
}

#[test]
fn lut_entries_are_within_one_level_of_matplotlibs() {
    // The same entry, rounded by chiaro and truncated by matplotlib: 0 or +1 level.
    for (map, t, want) in reference_rows() {
        let got = map.lut()[matplotlib_index(t)];
        for (g, w) in [got.r, got.g, got.b].into_iter().zip(want) {
            assert!(g == w || g == w + 1, "{map}({t}): {got:?} vs {want:?}");
        }
    }
}

#[test]
fn interpolated_map_is_close_to_matplotlib() {
    // matplotlib's entry for these t lies up to 0.75 entries from our position t·255
    // (e.g. t = 0.75: entry 192 against position 191.25). Adjacent entries differ by at
    // most 7.5 levels (turbo), so the colours can differ by 0.75 · 7.5 ≈ 5.6 levels,
    // plus 1 for truncation against rounding: tolerance 7.
    const TOLERANCE: u8 = 7;
    let mut worst = 0;
    for (map, t, want) in reference_rows() {
        let d = max_channel_diff(map.map(t), want);
        assert!(
            d <= TOLERANCE,
            "{map}({t}) = {:?}, matplotlib {want:?}",
            map.map(t)
        );
        worst = worst.max(d);
    }
    // The ends coincide exactly up to truncation.
    for (map, t, want) in reference_rows() {
        if t == 0.0 || t == 1.0 {
            assert!(max_channel_diff(map.map(t), want) <= 1, "{map}({t})");
        }
    }
    println!("worst difference from matplotlib: {worst} levels");
    assert!(
        worst > 0,
        "the comparison should see matplotlib's truncation"
    );
}

#[test]
fn viridis_starts_and_ends_at_its_published_colours() {
    assert_eq!(Colormap::VIRIDIS.map(0.0), Rgb8::new(0x44, 0x01, 0x54));
    assert_eq!(Colormap::VIRIDIS.map(1.0), Rgb8::new(0xfd, 0xe7, 0x25));
    assert_eq!(Colormap::VIRIDIS.lut()[0], Rgb8::new(0x44, 0x01, 0x54));
    assert_eq!(Colormap::VIRIDIS.lut()[255], Rgb8::new(0xfd, 0xe7, 0x25));
}

#[test]
fn perceptual_maps_increase_in_lightness() {
    for map in [
        Colormap::VIRIDIS,
        Colormap::MAGMA,
        Colormap::INFERNO,
        Colormap::PLASMA,
        Colormap::CIVIDIS,
    ] {
        // Unrounded colours at 1021 points: CIE L* and Oklab L strictly increase.
        let mut prev = (f32::NEG_INFINITY, f32::NEG_INFINITY);
        for k in 0..=1020u16 {
            let c = map.map_f32(f32::from(k) / 1020.0);
            let l = (
                Lab::from_xyz_f64(c.to_xyz_f64()).l,
                Oklab::from_xyz_f64(c.to_xyz_f64()).l,
            );
            assert!(
                l.0 > prev.0 && l.1 > prev.1,
                "{map} at {k}/1020: {l:?} after {prev:?}"
            );
            prev = l;
        }
        // The 8-bit LUT, through `from_srgb8`. Rounding each channel to 8 bits moves L*
        // by up to about 0.1 either way, which can exceed the climb of a single step
        // (viridis climbs by as little as ~0.05 around entry 95), so neighbouring
        // entries may dip slightly (0.032 at worst, measured); over four entries L*
        // must still rise.
        let l: Vec<f32> = map
            .lut()
            .into_iter()
            .map(|c| Lab::from_srgb8(c).l)
            .collect();
        for i in 1..256 {
            assert!(
                l[i] > l[i - 1] - 0.05,
                "{map} LUT entry {i}: L* {} after {}",
                l[i],
                l[i - 1]
            );
        }
        for i in 4..256 {
            assert!(
                l[i] > l[i - 4],
                "{map} LUT entries {}..={i}: {:?}",
                i - 4,
                &l[i - 4..=i]
            );
        }
    }
}

#[test]
fn turbo_and_jet_are_not_monotone_in_lightness() {
    // They peak in the middle: the reason to prefer the perceptual maps.
    for map in [Colormap::TURBO, Colormap::JET] {
        let l = |t: f32| Lab::from_srgb8(map.map(t)).l;
        assert!(l(0.5) > l(0.0) && l(0.5) > l(1.0), "{map}");
    }
}

#[test]
fn reversed_is_map_of_one_minus_t() {
    for map in Colormap::ALL {
        let r = map.reversed();
        assert_eq!(r.name().strip_suffix("_r"), Some(map.name()));
        for k in 0..=512u16 {
            let t = f32::from(k) / 512.0;
            assert_eq!(r.map(t), map.map(1.0 - t), "{map} at {t}");
        }
        let (lut, rlut) = (map.lut(), r.lut());
        for i in 0..256 {
            assert_eq!(rlut[i], lut[255 - i], "{map} entry {i}");
        }
    }
}

#[test]
fn kinds_and_names() {
    let kinds = Colormap::ALL.map(Colormap::kind);
    assert_eq!(kinds[0], ColormapKind::Viridis);
    assert_eq!(kinds[7], ColormapKind::Gray);
    let names = Colormap::ALL.map(Colormap::name);
    assert_eq!(
        names,
        [
            "viridis", "magma", "inferno", "plasma", "cividis", "turbo", "jet", "gray"
        ]
    );
    assert_eq!(
        Colormap::from_name("TURBO_r"),
        Some(Colormap::TURBO.reversed())
    );
    assert_eq!(Colormap::from_name("hot"), None);
}

// ---- heatmap ----

fn opaque(c: Rgb8) -> Rgba8 {
    Rgba8::new(c.r, c.g, c.b, 255)
}

#[test]
fn auto_range_maps_min_to_the_first_colour_and_max_to_the_last() {
    let map = Colormap::INFERNO;
    let data = [3.0, -2.0, 0.5, 8.0, f32::NAN, 3.0];
    let img = heatmap(&data, 3, 2, Range::Auto, map).unwrap();
    assert_eq!(img.size(), (3, 2));
    assert_eq!(img.get(1, 0), Some(&opaque(map.map(0.0))));
    assert_eq!(img.get(0, 1), Some(&opaque(map.map(1.0))));
    // 3.0 is half way: level round(127.5) = 128.
    assert_eq!(img.get(0, 0), Some(&opaque(map.lut()[128])));
    assert_eq!(img.get(2, 1), Some(&opaque(map.lut()[128])));
    // 0.5 is a quarter: level round(63.75) = 64.
    assert_eq!(img.get(2, 0), Some(&opaque(map.lut()[64])));
}

#[test]
fn values_are_quantized_to_the_nearest_lut_level() {
    let map = Colormap::TURBO.reversed();
    let lut = map.lut();
    // 256 values 0..=255 with range 0..255 hit every level once.
    let data: Vec<f32> = (0..=255u8).map(f32::from).collect();
    let img = heatmap(
        &data,
        16,
        16,
        Range::Fixed {
            min: 0.0,
            max: 255.0,
        },
        map,
    )
    .unwrap();
    for (i, p) in img.pixels().enumerate() {
        assert_eq!(*p, opaque(lut[i]), "level {i}");
    }
    // Between levels the nearer one wins.
    let data = [10.4, 10.6];
    let img = heatmap(
        &data,
        2,
        1,
        Range::Fixed {
            min: 0.0,
            max: 255.0,
        },
        map,
    )
    .unwrap();
    assert_eq!(img.as_slice(), &[opaque(lut[10]), opaque(lut[11])]);
}

#[test]
fn nan_is_transparent_and_infinities_clamp() {
    let map = Colormap::VIRIDIS;
    let data = [
        f32::NAN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        0.0,
        1.0,
        -f32::NAN,
    ];
    let img = heatmap(&data, 6, 1, Range::Auto, map).unwrap();
    assert_eq!(
        img.as_slice(),
        &[
            Rgba8::TRANSPARENT,
            opaque(map.map(1.0)),
            opaque(map.map(0.0)),
            opaque(map.map(0.0)),
            opaque(map.map(1.0)),
            Rgba8::TRANSPARENT,
        ]
    );
    // Every NaN payload is NaN.
    let odd_nan = f32::from_bits(0x7fc0_1234);
    let img = heatmap(&[odd_nan], 1, 1, Range::Auto, map).unwrap();
    assert_eq!(img.as_slice()[0].a, 0);
}

#[test]
fn fixed_range_clamps_values_outside_it() {
    let map = Colormap::PLASMA;
    let data = [-100.0, -1.0, 0.0, 1.0, 100.0, 0.5];
    let img = heatmap(
        &data,
        3,
        2,
        Range::Fixed {
            min: -1.0,
            max: 1.0,
        },
        map,
    )
    .unwrap();
    let first = opaque(map.map(0.0));
    let last = opaque(map.map(1.0));
    assert_eq!(
        img.as_slice(),
        &[
            first,
            first,
            opaque(map.lut()[128]),
            last,
            last,
            opaque(map.lut()[191])
        ]
    );
}

#[test]
fn constant_and_non_finite_fields_have_defined_colours() {
    let map = Colormap::MAGMA;
    let first = opaque(map.map(0.0));
    let last = opaque(map.map(1.0));
    // A constant field is uniformly the first colour (matplotlib does the same).
    let img = heatmap(&[7.0; 6], 3, 2, Range::Auto, map).unwrap();
    assert!(img.pixels().all(|&p| p == first));
    // No finite values: the range is 0..0; +∞ above it, −∞ below, NaN transparent.
    let data = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY];
    let img = heatmap(&data, 3, 1, Range::Auto, map).unwrap();
    assert_eq!(img.as_slice(), &[Rgba8::TRANSPARENT, last, first]);
    // Equal fixed bounds: a step at the bound.
    let img = heatmap(
        &[0.5, 1.0, 1.5],
        3,
        1,
        Range::Fixed { min: 1.0, max: 1.0 },
        map,
    )
    .unwrap();
    assert_eq!(img.as_slice(), &[first, first, last]);
}

#[test]
fn wrong_length_and_bad_ranges_are_errors() {
    let err = heatmap(&[0.0; 5], 3, 2, Range::Auto, Colormap::JET).unwrap_err();
    assert_eq!(
        err,
        HeatmapError::LengthMismatch {
            expected: 6,
            actual: 5
        }
    );
    assert_eq!(
        err.to_string(),
        "heatmap data has 5 values but the image has 6 pixels"
    );

    for (min, max) in [(1.0, -1.0), (f32::NAN, 1.0), (0.0, f32::INFINITY)] {
        let err = heatmap(&[0.0; 6], 3, 2, Range::Fixed { min, max }, Colormap::JET).unwrap_err();
        assert!(matches!(err, HeatmapError::InvalidRange { .. }), "{err:?}");
    }
    let err = heatmap(
        &[0.0],
        1,
        1,
        Range::Fixed { min: 2.0, max: 1.0 },
        Colormap::JET,
    )
    .unwrap_err();
    assert_eq!(err, HeatmapError::InvalidRange { min: 2.0, max: 1.0 });
    // Errors are boxable and carry no source except for allocation failures.
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(boxed.source().is_none());
}

#[test]
fn heatmap_into_writes_a_strided_sub_view_only() {
    let background = Rgba8::new(1, 2, 3, 4);
    let mut canvas = Image::filled(7, 5, background);
    let data = [0.0, 1.0, 2.0, 3.0, f32::NAN, 5.0];
    let region = Rect::new(2, 1, 3, 2);
    let map = Colormap::CIVIDIS;
    heatmap_into(
        &data,
        Range::Auto,
        map,
        canvas.sub_view_mut(region).unwrap(),
    )
    .unwrap();
    let expected = heatmap(&data, 3, 2, Range::Auto, map).unwrap();
    for (x, y, p) in canvas.enumerate_pixels() {
        let inside = (2..5).contains(&x) && (1..3).contains(&y);
        if inside {
            assert_eq!(Some(p), expected.get(x - 2, y - 1), "({x}, {y})");
        } else {
            assert_eq!(*p, background, "({x}, {y}) outside the region was written");
        }
    }
    assert_eq!(canvas.get(4, 2), Some(&opaque(map.map(1.0))));
    assert_eq!(canvas.get(3, 2), Some(&Rgba8::TRANSPARENT));

    // Errors leave the view unchanged.
    let before = canvas.clone();
    let err = heatmap_into(
        &data[..5],
        Range::Auto,
        map,
        canvas.sub_view_mut(region).unwrap(),
    );
    assert_eq!(
        err,
        Err(HeatmapError::LengthMismatch {
            expected: 6,
            actual: 5
        })
    );
    let bad = Range::Fixed {
        min: f32::NAN,
        max: 0.0,
    };
    assert!(heatmap_into(&data, bad, map, canvas.sub_view_mut(region).unwrap()).is_err());
    assert_eq!(canvas, before);
}

#[test]
fn heatmap_into_a_view_over_user_memory_with_padding() {
    // Two rows of 2 pixels with a stride of 3 pixels.
    let mut buf = vec![Rgba8::new(9, 9, 9, 9); 6];
    let view = ViewMut::with_stride(&mut buf, 2, 2, 3).unwrap();
    heatmap_into(&[0.0, 1.0, 1.0, 0.0], Range::Auto, Colormap::GRAY, view).unwrap();
    let (black, white) = (Rgba8::new(0, 0, 0, 255), Rgba8::new(255, 255, 255, 255));
    let pad = Rgba8::new(9, 9, 9, 9);
    assert_eq!(buf, [black, white, pad, white, black, pad]);
}

// ---- overlay ----

fn one(p: Rgba8) -> Image<Rgba8> {
    Image::filled(1, 1, p)
}

#[test]
fn opacity_zero_leaves_the_base_unchanged() {
    let base: Image<Rgba8> = Image::from_fn(16, 16, |x, y| {
        Rgba8::new(byte(x * 16), byte(y * 16), 77, byte(x * 8 + y))
    });
    let overlay = Image::from_fn(16, 16, |x, y| Rgba8::new(255, 0, byte(x + y), 200));
    let mut out = base.clone();
    overlay_heatmap(out.as_view_mut(), overlay.as_view(), 0.0).unwrap();
    assert_eq!(out, base);
    // Transparent overlay pixels at full opacity also leave it.
    let clear = Image::filled(16, 16, Rgba8::TRANSPARENT);
    overlay_heatmap(out.as_view_mut(), clear.as_view(), 1.0).unwrap();
    assert_eq!(out, base);
}

#[test]
fn opaque_overlay_at_full_opacity_replaces_the_base() {
    let mut base = Image::from_fn(8, 8, |x, y| Rgba8::new(byte(x), byte(y), 0, byte(x * 30)));
    let overlay = Image::from_fn(8, 8, |x, y| Rgba8::new(200, byte(x * y), 13, 255));
    overlay_heatmap(base.as_view_mut(), overlay.as_view(), 1.0).unwrap();
    assert_eq!(base, overlay);

    let mut rgb = Image::filled(8, 8, Rgb8::new(1, 2, 3));
    overlay_heatmap_rgb(rgb.as_view_mut(), overlay.as_view(), 1.0).unwrap();
    for (p, o) in rgb.pixels().zip(overlay.pixels()) {
        assert_eq!(*p, Rgb8::new(o.r, o.g, o.b));
    }
}

#[test]
fn half_black_over_white_is_half_the_light() {
    // 0.5 linear encodes to 187.5… → 188; blending encoded values would give 128.
    let black = one(Rgba8::new(0, 0, 0, 255));
    let mut base = one(Rgba8::new(255, 255, 255, 255));
    overlay_heatmap(base.as_view_mut(), black.as_view(), 0.5).unwrap();
    assert_eq!(base.as_slice(), &[Rgba8::new(188, 188, 188, 255)]);

    let mut rgb = Image::filled(1, 1, Rgb8::new(255, 255, 255));
    overlay_heatmap_rgb(rgb.as_view_mut(), black.as_view(), 0.5).unwrap();
    assert_eq!(rgb.as_slice(), &[Rgb8::new(188, 188, 188)]);

    // The overlay's own alpha counts the same way as opacity.
    let half_black = one(Rgba8::new(0, 0, 0, 128));
    let mut rgb = Image::filled(1, 1, Rgb8::new(255, 255, 255));
    overlay_heatmap_rgb(rgb.as_view_mut(), half_black.as_view(), 1.0).unwrap();
    // alpha 128/255 = 0.50196: 1 − a = 0.49804 linear → 187.3… → 187.
    assert_eq!(rgb.as_slice(), &[Rgb8::new(187, 187, 187)]);
}

#[test]
fn overlay_keeps_straight_alpha_right() {
    // Opaque overlay at 0.5 over a transparent base: the overlay's colour at alpha 0.5.
    let mut base = one(Rgba8::TRANSPARENT);
    let red = one(Rgba8::new(255, 0, 0, 255));
    overlay_heatmap(base.as_view_mut(), red.as_view(), 0.5).unwrap();
    assert_eq!(base.as_slice(), &[Rgba8::new(255, 0, 0, 128)]);
    // Over an opaque base the result stays opaque.
    let mut base = one(Rgba8::new(0, 0, 255, 255));
    overlay_heatmap(base.as_view_mut(), red.as_view(), 0.25).unwrap();
    assert_eq!(base.as_slice()[0].a, 255);
    assert_eq!(base.as_slice()[0].g, 0);
}

#[test]
fn heatmap_over_a_photo_keeps_nan_pixels_clear() {
    let data = [0.0, f32::NAN, 1.0, 0.5];
    let map = heatmap(&data, 2, 2, Range::Auto, Colormap::TURBO).unwrap();
    let photo = Image::filled(2, 2, Rgb8::new(90, 120, 150));
    let mut out = photo.clone();
    overlay_heatmap_rgb(out.as_view_mut(), map.as_view(), 0.6).unwrap();
    assert_eq!(out.get(1, 0), photo.get(1, 0));
    assert_ne!(out.get(0, 0), photo.get(0, 0));
}

#[test]
fn overlay_into_a_strided_sub_view() {
    let mut canvas = Image::filled(5, 4, Rgba8::WHITE);
    let black = Image::filled(2, 2, Rgba8::BLACK);
    let region = Rect::new(1, 1, 2, 2);
    overlay_heatmap(canvas.sub_view_mut(region).unwrap(), black.as_view(), 0.5).unwrap();
    for (x, y, p) in canvas.enumerate_pixels() {
        let inside = (1..3).contains(&x) && (1..3).contains(&y);
        let want = if inside {
            Rgba8::new(188, 188, 188, 255)
        } else {
            Rgba8::WHITE
        };
        assert_eq!(*p, want, "({x}, {y})");
    }
}

#[test]
fn overlay_size_mismatch_is_an_error() {
    let mut base = Image::filled(4, 3, Rgba8::WHITE);
    let overlay = Image::filled(3, 4, Rgba8::BLACK);
    let err = overlay_heatmap(base.as_view_mut(), overlay.as_view(), 0.5).unwrap_err();
    assert_eq!(
        err,
        SizeMismatch {
            source: (3, 4),
            destination: (4, 3)
        }
    );
    assert!(base.pixels().all(|&p| p == Rgba8::WHITE));

    let mut rgb = Image::filled(2, 2, Rgb8::new(0, 0, 0));
    let err = overlay_heatmap_rgb(rgb.as_view_mut(), overlay.as_view(), 0.5).unwrap_err();
    assert_eq!(err.destination, (2, 2));
    // Even when nothing would be drawn.
    let empty: View<'_, Rgba8> = View::new(&[], 0, 0).unwrap();
    assert!(overlay_heatmap_rgb(rgb.as_view_mut(), empty, 0.0).is_err());
}
