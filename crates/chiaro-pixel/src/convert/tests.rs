#![allow(
    clippy::cast_possible_truncation,
    reason = "test data is small and built from in-range values"
)]

use alloc::string::ToString;
use alloc::vec::Vec;

use super::*;
use crate::format::*;
use crate::{Image, View, ViewMut};

/// Every (colour, alpha) pair, four pixels at a time with distinct colours per channel.
fn all_rgba8_pairs() -> Vec<Rgba8> {
    (0..=255u8)
        .flat_map(|a| (0..=255u8).map(move |c| Rgba8::new(c, c.wrapping_mul(7), !c, a)))
        .collect()
}

/// A small deterministic generator, so tests need no extra dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next().to_le_bytes()[0]).collect()
    }
}

#[test]
fn premultiply_kernel_matches_the_rule_for_all_pairs() {
    let src = all_rgba8_pairs();
    let mut fast = alloc::vec![PremulRgba8::default(); src.len()];
    convert_slice(&src, &mut fast);
    for (s, f) in src.iter().zip(&fast) {
        let rule = PremulRgba8::new(
            u8::premultiply(s.r, s.a),
            u8::premultiply(s.g, s.a),
            u8::premultiply(s.b, s.a),
            s.a,
        );
        assert_eq!(*f, rule, "{s:?}");
    }
    let mut portable = alloc::vec![[0u8; 4]; src.len()];
    kernels::premultiply_rgba8(bytemuck::cast_slice(&src), &mut portable);
    assert_eq!(bytemuck::cast_slice::<_, [u8; 4]>(&fast), &portable[..]);
}

#[test]
fn unpremultiply_kernel_matches_the_rule_for_all_pairs() {
    let src: Vec<PremulRgba8> = all_rgba8_pairs().into_iter().map(bytemuck::cast).collect();
    let mut fast = alloc::vec![Rgba8::default(); src.len()];
    convert_slice(&src, &mut fast);
    for (s, f) in src.iter().zip(&fast) {
        let rule = Rgba8::new(
            u8::unpremultiply(s.r, s.a),
            u8::unpremultiply(s.g, s.a),
            u8::unpremultiply(s.b, s.a),
            s.a,
        );
        assert_eq!(*f, rule, "{s:?}");
    }
}

#[test]
fn premultiply_round_trip_stays_within_the_documented_bound() {
    for a in 0..=255u8 {
        for c in 0..=255u8 {
            let back = Rgba8::new(c, c, c, a).premultiply().unpremultiply();
            let err = u32::from(back.r.abs_diff(c));
            if a == 0 {
                assert_eq!(back.r, 0);
            } else {
                let bound = (u32::from(a) + 255) / (2 * u32::from(a));
                assert!(err <= bound, "c={c} a={a}: error {err} > {bound}");
            }
            if a == 255 {
                assert_eq!(err, 0);
            }
        }
    }
}

#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[test]
fn avx2_builds_match_portable_kernels() {
    let mut rng = Lcg(7);
    let ran = crate::simd::with_avx2(|avx2| {
        // Every (c, a) pair, then random data of odd lengths for the loops' tails.
        let mut inputs: Vec<Vec<[u8; 4]>> = alloc::vec![bytemuck::cast_vec(
            all_rgba8_pairs()
                .into_iter()
                .map(<[u8; 4]>::from)
                .collect::<Vec<_>>()
        )];
        for len in [0usize, 1, 7, 9, 31, 1000, 4099] {
            inputs.push(bytemuck::cast_vec(rng.bytes(len * 4)));
        }
        for src in &inputs {
            let mut portable = alloc::vec![[0u8; 4]; src.len()];
            let mut fast = alloc::vec![[0u8; 4]; src.len()];
            kernels::premultiply_rgba8(src, &mut portable);
            avx2.premultiply_rgba8(src, &mut fast);
            assert_eq!(portable, fast, "premultiply, {} pixels", src.len());
            kernels::unpremultiply_rgba8(src, &mut portable);
            avx2.unpremultiply_rgba8(src, &mut fast);
            assert_eq!(portable, fast, "unpremultiply, {} pixels", src.len());
            let mut in_place = src.clone();
            avx2.unpremultiply_rgba8_in_place(&mut in_place);
            assert_eq!(
                portable,
                in_place,
                "unpremultiply in place, {} pixels",
                src.len()
            );
        }
    });
    if !ran {
        std::eprintln!("AVX2 not available: only the portable kernels were tested");
    }
}

#[test]
fn fast_paths_match_per_pixel_rules() {
    let mut rng = Lcg(11);
    let bytes = rng.bytes(4 * 997);
    let rgba: &[Rgba8] = bytemuck::cast_slice(&bytes);
    let rgb: &[Rgb8] = bytemuck::cast_slice(&bytes[..3 * 997]);
    let gray: &[Gray8] = bytemuck::cast_slice(&bytes[..997]);
    let bgra: &[Bgra8] = bytemuck::cast_slice(&bytes);

    fn check<S: Pixel, D: Pixel + FromPixel<S>>(src: &[S]) {
        let mut fast = alloc::vec![D::default(); src.len()];
        convert_slice(src, &mut fast);
        let slow: Vec<D> = src.iter().map(|&s| D::from_pixel(s)).collect();
        assert_eq!(
            fast,
            slow,
            "{} → {}",
            core::any::type_name::<S>(),
            core::any::type_name::<D>()
        );
    }
    check::<Rgb8, Rgba8>(rgb);
    check::<Rgba8, Rgb8>(rgba);
    check::<Rgba8, Bgra8>(rgba);
    check::<Bgra8, Rgba8>(bgra);
    check::<Gray8, Rgba8>(gray);
    check::<Rgba8, Rgba8>(rgba);
}

#[test]
fn in_place_conversion_matches_copying_conversion() {
    let src = Image::from_raw(256, 256, all_rgba8_pairs()).unwrap();
    let copied: Image<PremulRgba8> = src.convert();
    let ptr = src.as_slice().as_ptr() as usize;
    let in_place: Image<PremulRgba8> = src.clone().into_converted();
    assert_eq!(copied, in_place);
    let bgra: Image<Bgra8> = src.clone().into_converted();
    assert_eq!(
        bgra.get(3, 200),
        Some(&src.get(3, 200).unwrap().into_pixel())
    );
    // Generic in-place path (no dedicated kernel): RgbaF32 → PremulRgbaF32.
    let f: Image<RgbaF32> = src.convert();
    let pf: Image<PremulRgbaF32> = f.clone().into_converted();
    assert_eq!(pf, f.convert::<PremulRgbaF32>());
    // Same-size conversion really reuses the buffer.
    let reused: Image<PremulRgba8> = src.into_converted();
    assert_eq!(reused.as_slice().as_ptr() as usize, ptr);
}

#[test]
fn spot_values() {
    // Depth.
    assert_eq!(
        Rgb16::from_pixel(Rgb8::new(0, 128, 255)),
        Rgb16::new(0, 32896, 65535)
    );
    assert_eq!(
        Rgb8::from_pixel(Rgb16::new(128, 129, 65535)),
        Rgb8::new(0, 1, 255)
    );
    assert_eq!(
        RgbaF32::from_pixel(Rgba8::new(255, 0, 51, 255)),
        RgbaF32::new(1.0, 0.0, 0.2, 1.0)
    );
    assert_eq!(
        Rgb8::from_pixel(RgbF32::new(-1.0, 0.5, f32::NAN)),
        Rgb8::new(0, 128, 0)
    );
    // Alpha added and dropped.
    assert_eq!(
        Rgba16::from_pixel(Gray8::new(1)),
        Rgba16::new(257, 257, 257, 65535)
    );
    assert_eq!(Rgb8::from_pixel(Rgba8::new(9, 8, 7, 0)), Rgb8::new(9, 8, 7));
    assert_eq!(
        GrayA8::from_pixel(Rgba8::new(255, 255, 255, 3)),
        GrayA8::new(255, 3)
    );
    // Premultiplied sources unpremultiply before losing alpha.
    assert_eq!(
        Rgb8::from_pixel(PremulRgba8::new(50, 25, 0, 100)),
        Rgb8::new(128, 64, 0)
    );
    assert_eq!(
        Gray8::from_pixel(PremulRgba8::new(0, 0, 0, 0)),
        Gray8::new(0)
    );
    // Premultiplying at the higher depth: 16-bit alpha 0x8080 then rounded once.
    assert_eq!(
        PremulRgba8::from_pixel(Rgba16::new(65535, 0, 0, 0x8080)),
        PremulRgba8::new(128, 0, 0, 128)
    );
    // Premultiplied to premultiplied across depths is a plain depth change.
    assert_eq!(
        PremulRgbaF32::from_pixel(PremulRgba8::new(51, 0, 0, 102)),
        PremulRgbaF32::new(0.2, 0.0, 0.0, 0.4)
    );
    // Luma in encoded and in linear values.
    assert_eq!(Gray8::from_pixel(Rgb8::new(255, 0, 0)), Gray8::new(54));
    let y = LinGrayF32::from_pixel(LinRgbF32::new(0.0, 1.0, 0.0)).v;
    assert!((y - 0.7152).abs() < 1e-7);
    assert_eq!(
        Gray16::from_pixel(Rgb16::new(65535, 65535, 0)),
        Gray16::new(60803)
    );
    // BGRA order.
    assert_eq!(
        Bgra8::from_pixel(Rgb8::new(1, 2, 3)),
        Bgra8::new(3, 2, 1, 255)
    );
    // Method syntax.
    assert_eq!(
        Rgba8::new(255, 255, 255, 128).premultiply(),
        PremulRgba8::new(128, 128, 128, 128)
    );
    assert_eq!(LinRgbaF32::new(0.5, 0.5, 0.5, 0.5).premultiply().r, 0.25);
}

/// Black, white and transparent survive every conversion of a family exactly.
#[test]
fn every_pair_keeps_black_white_and_transparent() {
    fn extremes<P: ToRgba>() -> [P; 3] {
        let max = <P::Channel as Channel>::MAX;
        let zero = <P::Channel as Channel>::ZERO;
        [
            P::from_rgba([zero, zero, zero, max]),
            P::from_rgba([max, max, max, max]),
            P::from_rgba([zero, zero, zero, zero]),
        ]
    }
    fn pair<S: ToRgba, D: ToRgba + FromPixel<S>>() {
        let [s_black, s_white, s_clear] = extremes::<S>();
        let [d_black, d_white, d_clear] = extremes::<D>();
        assert_eq!(
            D::from_pixel(s_black),
            d_black,
            "{}",
            core::any::type_name::<(S, D)>()
        );
        assert_eq!(
            D::from_pixel(s_white),
            d_white,
            "{}",
            core::any::type_name::<(S, D)>()
        );
        if S::HAS_ALPHA && D::HAS_ALPHA {
            assert_eq!(
                D::from_pixel(s_clear),
                d_clear,
                "{}",
                core::any::type_name::<(S, D)>()
            );
        }
        // And through a strided view, which takes the row-by-row path.
        let mut buf = alloc::vec![s_white; 7];
        buf[2] = s_black;
        let src = View::with_stride(&buf, 2, 2, 5).unwrap();
        let mut out = alloc::vec![D::default(); 4];
        convert(src, ViewMut::new(&mut out, 2, 2).unwrap()).unwrap();
        assert_eq!(out, [d_white, d_white, d_white, d_white]);
    }
    macro_rules! all_pairs {
        ([$($s:ty),+]) => { all_pairs!(@outer [$($s),+] [$($s),+]); };
        (@outer [$($s:ty),+] $all:tt) => { $( all_pairs!(@inner $s $all); )+ };
        (@inner $s:ty [$($d:ty),+]) => { $( pair::<$s, $d>(); )+ };
    }
    all_pairs!([
        Gray8,
        GrayA8,
        Rgb8,
        Rgba8,
        PremulRgba8,
        Bgra8,
        Gray16,
        GrayA16,
        Rgb16,
        Rgba16,
        GrayF32,
        RgbF32,
        RgbaF32,
        PremulRgbaF32
    ]);
    all_pairs!([LinGrayF32, LinRgbF32, LinRgbaF32, LinPremulRgbaF32]);
}

#[test]
fn convert_rejects_size_mismatch() {
    let src = Image::<Rgb8>::new(3, 2);
    let mut dst = Image::<Rgba8>::new(2, 3);
    let err = convert(src.as_view(), dst.as_view_mut()).unwrap_err();
    assert_eq!(err.to_string(), "source is 3×2 but destination is 2×3");
}
