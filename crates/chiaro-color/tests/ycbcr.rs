//! Y′CbCr against the standards' equations, exhaustive 8-bit round trips, and planar
//! subsampling.

#![allow(
    clippy::cast_possible_truncation,
    reason = "tests take the bytes of 24-bit colour indices and round reference data on purpose"
)]

use chiaro_color::ycbcr::planar::{
    Plane, PlaneSizeError, Planes, PlanesMut, Sample8, Subsampling, Upsampling, YCbCrImage,
    rgb_to_ycbcr, ycbcr_to_rgb,
};
use chiaro_color::ycbcr::{Matrix, Range, Spec, YCbCr8};
use chiaro_pixel::{Image, Rect, Rgb8, Rgba8};

const ALL_SPECS: [Spec; 6] = [
    Spec::new(Matrix::Bt601, Range::Full),
    Spec::new(Matrix::Bt601, Range::Limited),
    Spec::new(Matrix::Bt709, Range::Full),
    Spec::new(Matrix::Bt709, Range::Limited),
    Spec::new(Matrix::Bt2020, Range::Full),
    Spec::new(Matrix::Bt2020, Range::Limited),
];

/// The equations as the standards print them: BT.601 (Cb divisor 1.772, Cr 1.402),
/// BT.709 (1.8556, 1.5748), BT.2020 (1.8814, 1.4746), with 8-bit quantization
/// Y = 219 Y′ + 16, C = 224 C + 128 (limited) or 255 Y′, 255 C + 128 (full).
fn standard(m: Matrix, range: Range, c: Rgb8) -> [f64; 3] {
    let (kr, kb, dcb, dcr) = match m {
        Matrix::Bt601 => (0.299, 0.114, 1.772, 1.402),
        Matrix::Bt709 => (0.2126, 0.0722, 1.8556, 1.5748),
        Matrix::Bt2020 => (0.2627, 0.0593, 1.8814, 1.4746),
    };
    let [r, g, b] = [c.r, c.g, c.b].map(|v| f64::from(v) / 255.0);
    let y = kr * r + (1.0 - kr - kb) * g + kb * b;
    let (cb, cr) = ((b - y) / dcb, (r - y) / dcr);
    match range {
        Range::Full => [255.0 * y, 128.0 + 255.0 * cb, 128.0 + 255.0 * cr],
        Range::Limited => [16.0 + 219.0 * y, 128.0 + 224.0 * cb, 128.0 + 224.0 * cr],
    }
}

#[test]
fn per_colour_matches_the_standards() {
    for spec in ALL_SPECS {
        for i in (0..1u32 << 24).step_by(4099) {
            let c = Rgb8::new((i >> 16) as u8, (i >> 8) as u8, i as u8);
            let ours = spec.encode_f64(c);
            let theirs = standard(spec.matrix, spec.range, c);
            for k in 0..3 {
                assert!((ours[k] - theirs[k]).abs() < 1e-9, "{spec:?} {c:?}");
            }
        }
    }
}

/// Every RGB8 colour once, as a 4096×4096 image.
fn all_colours() -> Image<Rgb8> {
    Image::from_fn(4096, 4096, |x, y| {
        let i = y * 4096 + x;
        Rgb8::new((i >> 16) as u8, (i >> 8) as u8, i as u8)
    })
}

fn max_channel_diff(a: Rgb8, b: Rgb8) -> u8 {
    a.r.abs_diff(b.r)
        .max(a.g.abs_diff(b.g))
        .max(a.b.abs_diff(b.b))
}

#[test]
fn exact_round_trip_over_all_2_pow_24_colours() {
    for spec in ALL_SPECS {
        let bound = if spec.range == Range::Full { 1 } else { 2 };
        let mut worst = 0;
        for i in 0..1u32 << 24 {
            let c = Rgb8::new((i >> 16) as u8, (i >> 8) as u8, i as u8);
            worst = worst.max(max_channel_diff(spec.decode(spec.encode(c)), c));
        }
        assert!(worst <= bound, "{spec:?}: worst {worst}");
    }
}

#[test]
fn fixed_point_planar_path_over_all_2_pow_24_colours() {
    let src = all_colours();
    for spec in ALL_SPECS {
        let ycc = YCbCrImage::from_rgb(src.as_view(), Subsampling::S444, spec);
        let planes = ycc.planes();
        // Code values within 1 LSB of the exact rounding.
        let mut worst_code = 0u8;
        for ((p, y), (cb, cr)) in src
            .pixels()
            .zip(planes.y.pixels())
            .zip(planes.cb.pixels().zip(planes.cr.pixels()))
        {
            let exact = spec.encode(*p);
            worst_code = worst_code
                .max(exact.y.abs_diff(y.v))
                .max(exact.cb.abs_diff(cb.v))
                .max(exact.cr.abs_diff(cr.v));
        }
        assert!(worst_code <= 1, "{spec:?}: code values off by {worst_code}");
        // Round trip within the stated bound.
        let back = ycc.to_rgb8(Upsampling::Nearest);
        let worst = src
            .pixels()
            .zip(back.pixels())
            .map(|(a, b)| max_channel_diff(*a, *b))
            .max();
        let bound = if spec.range == Range::Full { 1 } else { 2 };
        assert!(
            worst <= Some(bound),
            "{spec:?}: round trip off by {worst:?}"
        );
    }
}

#[test]
fn fixed_point_decode_is_within_one_of_exact_for_all_code_values() {
    for spec in ALL_SPECS {
        let codes = Image::from_fn(4096, 4096, |x, y| Sample8 {
            v: ((y * 4096 + x) >> 16) as u8,
        });
        let cb = Image::from_fn(4096, 4096, |x, y| Sample8 {
            v: ((y * 4096 + x) >> 8) as u8,
        });
        let cr = Image::from_fn(4096, 4096, |x, y| Sample8 {
            v: (y * 4096 + x) as u8,
        });
        let planes = Planes {
            y: codes.as_view(),
            cb: cb.as_view(),
            cr: cr.as_view(),
        };
        let mut out = Image::<Rgb8>::new(4096, 4096);
        ycbcr_to_rgb(
            planes,
            out.as_view_mut(),
            Subsampling::S444,
            spec,
            Upsampling::Nearest,
        )
        .unwrap();
        let mut worst = 0;
        for (i, p) in out.pixels().enumerate() {
            let code = YCbCr8 {
                y: (i >> 16) as u8,
                cb: (i >> 8) as u8,
                cr: i as u8,
            };
            worst = worst.max(max_channel_diff(*p, spec.decode(code)));
        }
        assert!(worst <= 1, "{spec:?}: {worst}");
    }
}

#[test]
fn flat_colours_round_trip_exactly_with_odd_sizes() {
    for spec in ALL_SPECS {
        for sub in [Subsampling::S444, Subsampling::S422, Subsampling::S420] {
            for (w, h) in [(1, 1), (5, 3), (7, 8), (2, 9)] {
                for c in [
                    Rgb8::new(0, 0, 0),
                    Rgb8::new(255, 255, 255),
                    Rgb8::new(200, 37, 90),
                ] {
                    let src = Image::filled(w, h, c);
                    let ycc = YCbCrImage::from_rgb(src.as_view(), sub, spec);
                    let exact = spec.decode(spec.encode(c));
                    for up in [Upsampling::Nearest, Upsampling::Bilinear] {
                        let back = ycc.to_rgb8(up);
                        assert!(
                            back.pixels()
                                .all(|p| max_channel_diff(*p, exact) <= 1
                                    && *p == back.as_slice()[0]),
                            "{spec:?} {sub:?} {w}x{h} {up:?}"
                        );
                    }
                    // Full range keeps flat colours within 1 LSB of the original.
                    if spec.range == Range::Full {
                        let back = ycc.to_rgb8(Upsampling::Bilinear);
                        assert!(max_channel_diff(back.as_slice()[0], c) <= 1);
                    }
                }
            }
        }
    }
}

#[test]
fn chroma_is_the_average_of_its_block() {
    let spec = Spec::JPEG;
    let colours = [
        Rgb8::new(255, 0, 0),
        Rgb8::new(0, 255, 0),
        Rgb8::new(0, 0, 255),
        Rgb8::new(10, 20, 30),
    ];
    let src = Image::from_fn(3, 3, |x, y| colours[((x % 2) + 2 * (y % 2)) as usize]);
    let ycc = YCbCrImage::from_rgb(src.as_view(), Subsampling::S420, spec);
    let planes = ycc.planes();
    let avg = |idx: &[usize]| -> [f64; 3] {
        let mut s = [0.0; 3];
        for &i in idx {
            let v = spec.encode_f64(colours[i]);
            for k in 0..3 {
                s[k] += v[k] / idx.len() as f64;
            }
        }
        s
    };
    // Full 2×2 block, a 1×2 right-edge block, and the 1×1 corner.
    for ((cx, cy), idx) in [
        ((0, 0), vec![0, 1, 2, 3]),
        ((1, 0), vec![0, 2]),
        ((1, 1), vec![0]),
    ] {
        let want = avg(&idx);
        let cb = planes.cb.get(cx, cy).unwrap().v;
        let cr = planes.cr.get(cx, cy).unwrap().v;
        assert!(
            (f64::from(cb) - want[1]).abs() <= 0.51,
            "cb {cx},{cy}: {cb} vs {}",
            want[1]
        );
        assert!(
            (f64::from(cr) - want[2]).abs() <= 0.51,
            "cr {cx},{cy}: {cr} vs {}",
            want[2]
        );
    }
}

#[test]
fn bilinear_upsampling_weights() {
    // Chroma columns 100 and 200 (4:2:2, one row): pixels 0..4 get 100, 100·¾+200·¼,
    // 100·¼+200·¾, 200 (edges clamp).
    let y = Image::filled(4, 1, Sample8 { v: 128 });
    let cb = Image::from_raw(2, 1, vec![Sample8 { v: 100 }, Sample8 { v: 200 }]).unwrap();
    let cr = Image::filled(2, 1, Sample8 { v: 128 });
    let planes = Planes {
        y: y.as_view(),
        cb: cb.as_view(),
        cr: cr.as_view(),
    };
    let mut out = Image::<Rgb8>::new(4, 1);
    // Compare against decoding each expected chroma directly.
    ycbcr_to_rgb(
        planes,
        out.as_view_mut(),
        Subsampling::S422,
        Spec::JPEG,
        Upsampling::Bilinear,
    )
    .unwrap();
    for (x, want_cb) in [(0, 100), (1, 125), (2, 175), (3, 200)] {
        let want = Spec::JPEG.decode(YCbCr8 {
            y: 128,
            cb: want_cb,
            cr: 128,
        });
        assert!(
            max_channel_diff(*out.get(x, 0).unwrap(), want) <= 1,
            "x {x}"
        );
    }
}

#[test]
fn strided_planes_and_rgba_sources() {
    let src = Image::from_fn(6, 4, |x, y| {
        Rgba8::new((x * 40) as u8, (y * 60) as u8, 90, 7)
    });
    let mut big = Image::<Sample8>::new(20, 20);
    let (mut cb, mut cr) = (Image::<Sample8>::new(3, 2), Image::<Sample8>::new(3, 2));
    let y = big.sub_view_mut(Rect::new(3, 5, 6, 4)).unwrap();
    rgb_to_ycbcr(
        src.as_view(),
        PlanesMut {
            y,
            cb: cb.as_view_mut(),
            cr: cr.as_view_mut(),
        },
        Subsampling::S420,
        Spec::JPEG,
    )
    .unwrap();
    let want = Spec::JPEG.encode(Rgb8::new(200, 180, 90)).y;
    assert!(big.get(3 + 5, 5 + 3).unwrap().v.abs_diff(want) <= 1);
    assert_eq!(
        big.get(2, 5).unwrap().v,
        0,
        "outside the sub-view untouched"
    );
}

#[test]
fn plane_size_errors_name_the_plane() {
    let src = Image::<Rgb8>::new(5, 5);
    let (mut y, mut cb, mut cr) = (Image::new(5, 5), Image::new(3, 3), Image::new(2, 3));
    let err = rgb_to_ycbcr(
        src.as_view(),
        PlanesMut {
            y: y.as_view_mut(),
            cb: cb.as_view_mut(),
            cr: cr.as_view_mut(),
        },
        Subsampling::S420,
        Spec::JPEG,
    )
    .unwrap_err();
    assert_eq!(
        err,
        PlaneSizeError {
            plane: Plane::Cr,
            expected: (3, 3),
            actual: (2, 3)
        }
    );
    assert_eq!(err.to_string(), "Cr plane is 2×3 but must be 3×3");
}
