//! Paths through the public API: SVG path data, arcs, shapes, measuring and interop.

use core::f32::consts::{FRAC_PI_2, FRAC_PI_4, PI, TAU};

use chiaro_draw::path::{CornerRadii, PathEl, PathMeasure, Segment, SvgError, SvgErrorKind, Verb};
use chiaro_draw::{Path, PathBuilder, Point, Rect, Vec2};
use proptest::prelude::*;

fn pt(x: f32, y: f32) -> Point {
    Point::new(x, y)
}

fn svg(s: &str) -> Path {
    Path::from_svg(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn els(p: &Path) -> Vec<PathEl> {
    p.elements().collect()
}

fn err(s: &str) -> (usize, SvgErrorKind) {
    let e = Path::from_svg(s).expect_err(s);
    (e.position, e.kind)
}

fn near(a: Point, b: Point, tol: f32) -> bool {
    a.distance(b) <= tol
}

/// Every point of every segment sampled finely.
fn samples(p: &Path) -> Vec<Point> {
    let mut out = Vec::new();
    for seg in p.segments() {
        for i in 0..=64 {
            out.push(seg.eval(i as f32 / 64.0));
        }
    }
    out
}

/// The largest |distance to c − r| over the curved segments' samples.
fn max_radial_error(p: &Path, c: Point, r: f32) -> f32 {
    let mut worst: f32 = 0.0;
    for seg in p.segments() {
        if matches!(seg, Segment::Line(..)) {
            continue;
        }
        for i in 0..=64 {
            let q = seg.eval(i as f32 / 64.0);
            worst = worst.max((q.distance(c) - r).abs());
        }
    }
    worst
}

/// The point at distance `d` along `path`, found independently of `PathMeasure`:
/// 20 000 chords per segment, summed in `f64`.
fn dense_point_at(path: &Path, d: f32) -> Point {
    let d = f64::from(d);
    let mut acc = 0.0f64;
    let mut last = None;
    for seg in path.segments() {
        let mut prev = seg.start();
        for i in 1..=20_000 {
            let q = seg.eval(i as f32 / 20_000.0);
            let len = f64::from(prev.distance(q));
            if acc + len >= d {
                #[expect(clippy::cast_possible_truncation, reason = "a fraction in [0, 1]")]
                let f = if len > 0.0 {
                    ((d - acc) / len) as f32
                } else {
                    0.0
                };
                return prev.lerp(q, f);
            }
            acc += len;
            prev = q;
        }
        last = Some(seg.end());
    }
    last.unwrap_or(Point::ZERO)
}

// ---------------------------------------------------------------- SVG: commands

#[test]
fn lines_absolute_and_relative() {
    let expected = [
        PathEl::MoveTo(pt(10.0, 20.0)),
        PathEl::LineTo(pt(30.0, 40.0)),
        PathEl::LineTo(pt(50.0, 40.0)),
        PathEl::LineTo(pt(50.0, 60.0)),
        PathEl::Close,
    ];
    assert_eq!(els(&svg("M10 20 L30 40 H50 V60 Z")), expected);
    assert_eq!(els(&svg("m10 20 l20 20 h20 v20 z")), expected);
}

#[test]
fn cubics_and_smooth_cubics() {
    let c = [
        PathEl::MoveTo(pt(0.0, 0.0)),
        PathEl::CubicTo(pt(10.0, 0.0), pt(20.0, 10.0), pt(20.0, 20.0)),
    ];
    assert_eq!(els(&svg("M0 0 C10 0 20 10 20 20")), c);
    assert_eq!(els(&svg("m0 0 c10 0 20 10 20 20")), c);
    // S reflects the previous second control point (20, 10) about (20, 20).
    let s = PathEl::CubicTo(pt(20.0, 30.0), pt(30.0, 40.0), pt(40.0, 40.0));
    assert_eq!(els(&svg("M0 0 C10 0 20 10 20 20 S30 40 40 40"))[2], s);
    assert_eq!(els(&svg("M0 0 c10 0 20 10 20 20 s10 20 20 20"))[2], s);
    // Without a previous cubic the first control point is the current point.
    assert_eq!(
        els(&svg("M5 5 L10 10 S20 20 30 10"))[2],
        PathEl::CubicTo(pt(10.0, 10.0), pt(20.0, 20.0), pt(30.0, 10.0))
    );
    // A repeated S reflects the previous S.
    assert_eq!(
        els(&svg("M0 0 S10 0 10 10 20 20 30 20"))[2],
        PathEl::CubicTo(pt(10.0, 20.0), pt(20.0, 20.0), pt(30.0, 20.0))
    );
}

#[test]
fn quads_and_smooth_quads() {
    let q = [
        PathEl::MoveTo(pt(0.0, 0.0)),
        PathEl::QuadTo(pt(10.0, 0.0), pt(10.0, 10.0)),
        PathEl::QuadTo(pt(10.0, 20.0), pt(10.0, 30.0)),
        PathEl::QuadTo(pt(10.0, 40.0), pt(0.0, 40.0)),
    ];
    assert_eq!(els(&svg("M0 0 Q10 0 10 10 T10 30 0 40")), q);
    assert_eq!(els(&svg("m0 0 q10 0 10 10 t0 20 -10 10")), q);
    // T after a non-quadratic uses the current point as control.
    assert_eq!(
        els(&svg("M0 0 L5 5 T10 0"))[2],
        PathEl::QuadTo(pt(5.0, 5.0), pt(10.0, 0.0))
    );
    // C then T: no reflection across kinds.
    assert_eq!(
        els(&svg("M0 0 C1 1 2 2 3 3 T5 5"))[2],
        PathEl::QuadTo(pt(3.0, 3.0), pt(5.0, 5.0))
    );
}

#[test]
fn arcs_absolute_and_relative() {
    let a = svg("M0 0 A5 5 0 0 1 10 0");
    assert_eq!(a, svg("m0 0 a5 5 0 0 1 10 0"));
    assert_eq!(*a.points().last().unwrap(), pt(10.0, 0.0));
    assert!(a.verbs()[1..].iter().all(|v| *v == Verb::Cubic));
    assert!(max_radial_error(&a, pt(5.0, 0.0), 5.0) < 2.8e-4 * 5.0 + 1e-5);
    // Sweep 1 is clockwise on screen: from the left end over the top.
    let b = a.tight_bounds();
    assert!((b.y0 + 5.0).abs() < 1e-3 && b.y1.abs() < 1e-5, "{b:?}");
    // Relative arcs start from the current point.
    let r = svg("M10 10 a5 5 0 0 1 10 0");
    assert_eq!(*r.points().last().unwrap(), pt(20.0, 10.0));
}

#[test]
fn implicit_repeats_and_moveto_pairs() {
    assert_eq!(
        els(&svg("M0 0 1 1 2 2")),
        [
            PathEl::MoveTo(pt(0.0, 0.0)),
            PathEl::LineTo(pt(1.0, 1.0)),
            PathEl::LineTo(pt(2.0, 2.0)),
        ]
    );
    assert_eq!(
        els(&svg("m1 1 1 1 1 1")),
        [
            PathEl::MoveTo(pt(1.0, 1.0)),
            PathEl::LineTo(pt(2.0, 2.0)),
            PathEl::LineTo(pt(3.0, 3.0)),
        ]
    );
    assert_eq!(svg("M0 0 H1 2 3").points().last(), Some(&pt(3.0, 0.0)));
    assert_eq!(svg("M0 0 v1,2,3").points().last(), Some(&pt(0.0, 6.0)));
    assert_eq!(svg("M0 0 C1 1 2 2 3 3 4 4 5 5 6 6").verbs().len(), 3);
}

#[test]
fn close_then_draw_restarts_at_the_subpath_start() {
    assert_eq!(
        els(&svg("M1 1 L2 1 Z L3 3")),
        [
            PathEl::MoveTo(pt(1.0, 1.0)),
            PathEl::LineTo(pt(2.0, 1.0)),
            PathEl::Close,
            PathEl::MoveTo(pt(1.0, 1.0)),
            PathEl::LineTo(pt(3.0, 3.0)),
        ]
    );
    // A relative moveto after Z is relative to the closed subpath's start.
    assert_eq!(
        els(&svg("M1 1 L5 1 z m1 1 l1 0"))[3],
        PathEl::MoveTo(pt(2.0, 2.0))
    );
    // Z Z and lone moves add nothing.
    assert_eq!(svg("M0 0 L1 0 Z Z").verbs().len(), 3);
    assert!(svg("M1 1 M2 2").is_empty());
}

#[test]
fn packed_numbers_flags_and_separators() {
    assert_eq!(
        els(&svg("M.5.5-1-2e1")),
        [
            PathEl::MoveTo(pt(0.5, 0.5)),
            PathEl::LineTo(pt(-1.0, -20.0))
        ]
    );
    assert_eq!(svg("M0,0L1e2.5").points()[1], pt(100.0, 0.5));
    assert_eq!(svg("M0 0L1E+2-1.e-1").points()[1], pt(100.0, -0.1));
    assert_eq!(svg("M0 0 L+1 +.5").points()[1], pt(1.0, 0.5));
    assert_eq!(svg("M0 0a1 1 0 00.5.5"), svg("M0 0 a1 1 0 0 0 .5 .5"));
    assert_eq!(svg("M0 0a10 10 0 1110 10"), svg("M0 0 a10,10,0,1,1,10,10"));
    assert_eq!(svg("M0 0a10 10 0 1,0-5-5"), svg("M0 0 a10 10 0 1 0 -5 -5"));
    assert_eq!(svg("\tM\n1\r,\x0C2 L 3 , 4 "), svg("M1 2L3 4"));
    assert!(svg("").is_empty());
    assert!(svg(" \n\t").is_empty());
    // Underflow is fine: it is zero.
    assert_eq!(svg("M1e-60 0 L1 1").points()[0], pt(0.0, 0.0));
}

#[test]
fn errors_name_their_position() {
    use SvgErrorKind::*;
    assert_eq!(err("L1 2"), (0, ExpectedMoveTo));
    assert_eq!(err("  1 2"), (2, ExpectedMoveTo));
    assert_eq!(err("M"), (1, ExpectedNumber));
    assert_eq!(err("M1 2 L"), (6, ExpectedNumber));
    assert_eq!(err("M1 2 L 3"), (8, ExpectedNumber));
    assert_eq!(err("M1,,2"), (3, ExpectedNumber));
    assert_eq!(err("M,1 2"), (1, ExpectedNumber));
    assert_eq!(err("M1 2 L 3 4 ,L"), (12, ExpectedNumber));
    assert_eq!(err("M1 2 L - 4"), (7, ExpectedNumber));
    assert_eq!(err("M1 2 L . 4"), (7, ExpectedNumber));
    assert_eq!(err("M1 2 é"), (5, ExpectedCommand));
    assert_eq!(err("M1 2 Z 3"), (7, ExpectedCommand));
    assert_eq!(err("M1 2 L1e 2"), (7, ExpectedNumber));
    assert_eq!(err("M1 2 L1 2e"), (9, ExpectedCommand));
    assert_eq!(err("M0 0 A1 1 0 2 0 1 1"), (12, ExpectedFlag));
    assert_eq!(err("M0 0 A1 1 0 1"), (13, ExpectedFlag));
    assert_eq!(err("M 1e999 0"), (2, NonFinite));
    assert_eq!(err("M0 0 L 1 -3.5e38"), (9, NonFinite));
    assert_eq!(err("M0 0 l3e38 0 3e38 0"), (13, NonFinite));
    assert_eq!(err("M3e38 0 H-3e38 h-3e38"), (16, NonFinite));
    // An arc scaled up to reach its far end point overflows.
    assert_eq!(err("M-3e38 0 A1 1 0 0 1 3e38 0"), (10, NonFinite));
    let e = Path::from_svg("M1 2 é").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid SVG path data at byte 5: expected a path command"
    );
    let _: &dyn std::error::Error = &e;
    assert_eq!(
        e,
        SvgError {
            position: 5,
            kind: ExpectedCommand
        }
    );
}

#[test]
fn to_svg_round_trips() {
    for s in [
        "M10 20 L30 40 H50 V60 Z",
        "M0 0 C10 0 20 10 20 20 S30 40 40 40 Q1 2 3 4 T5 6 Z m 3 3 l 1 1",
        "M300,200 h-150 a150,150 0 1,0 150,-150 z",
        "M0 0 L0.1 0.2 L1e-7 -1e20 L3.4028235e38 -3.4028235e38 L1.17549435e-38 1",
        "M1 1 L2 2 Z L 3 3",
    ] {
        let p = svg(s);
        let text = p.to_svg();
        assert_eq!(Path::from_svg(&text).unwrap(), p, "{s} -> {text}");
    }
    assert_eq!(svg("m1 2 l3 4 z").to_svg(), "M1 2 L4 6 Z");
    assert_eq!(Path::new().to_svg(), "");
    assert_eq!(svg("M0 0 L1e30 1e-30").to_svg(), "M0 0 L1e30 1e-30");
}

// ---------------------------------------------------------------- arcs

#[test]
fn svg_spec_pie_chart_arcs() {
    // SVG 1.1 §8.3.8's example "arcs01": both arcs are on circles of radius 150.
    let p = svg("M300,200 h-150 a150,150 0 1,0 150,-150 z");
    assert!(max_radial_error(&p, pt(300.0, 200.0), 150.0) < 150.0 * 2.8e-4);
    // Large arc drawn in the negative-angle direction: from the left point down
    // round the bottom and right side to the top.
    let b = p.tight_bounds();
    assert!(
        (b.x0 - 150.0).abs() < 1e-3 && (b.x1 - 450.0).abs() < 0.05,
        "{b:?}"
    );
    assert!(
        (b.y0 - 50.0).abs() < 1e-3 && (b.y1 - 350.0).abs() < 0.05,
        "{b:?}"
    );
    let q = svg("M275,175 v-150 a150,150 0 0,0 -150,150 z");
    assert!(max_radial_error(&q, pt(275.0, 175.0), 150.0) < 150.0 * 2.8e-4);
    let b = q.tight_bounds();
    assert!(
        (b.x0 - 125.0).abs() < 1e-3 && (b.y0 - 25.0).abs() < 1e-3,
        "{b:?}"
    );
    assert!(
        samples(&q)
            .iter()
            .any(|&s| near(s, pt(275.0 - 106.066, 175.0 - 106.066), 0.1))
    );
}

#[test]
fn svg_arc_flags_pick_the_four_arcs() {
    let h = 10.0 - 75f32.sqrt(); // the small arc's height for r = 10, chord 10
    let cases = [
        (false, true, -h, 0.0),
        (false, false, 0.0, h),
        (true, true, -(20.0 - h), 0.0),
        (true, false, 0.0, 20.0 - h),
    ];
    for (large, sweep, y0, y1) in cases {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0)
            .svg_arc_to(10.0, 10.0, 0.0, large, sweep, 10.0, 0.0);
        let p = pb.finish().unwrap();
        let b = p.tight_bounds();
        assert!(
            (b.y0 - y0).abs() < 0.01 && (b.y1 - y1).abs() < 0.01,
            "{large} {sweep}: {b:?}"
        );
    }
}

#[test]
fn svg_arc_radii_scale_up_and_degenerate_cases() {
    // Radius 1 cannot reach 10 units: scaled to 5, a half circle.
    let p = svg("M0 0 A1 1 0 0 1 10 0");
    assert!(max_radial_error(&p, pt(5.0, 0.0), 5.0) < 5.0 * 2.8e-4);
    // Elliptical radii scale uniformly: rx:ry stays 2:1.
    let e = svg("M0 0 A2 1 0 0 1 20 0");
    let b = e.tight_bounds();
    assert!((b.y0 + 5.0).abs() < 0.01, "{b:?}");
    // Zero radius: a line. Same end points: nothing.
    assert_eq!(
        els(&svg("M0 0 A0 5 0 0 1 10 0"))[1],
        PathEl::LineTo(pt(10.0, 0.0))
    );
    assert!(svg("M0 0 A5 5 0 0 1 0 0").is_empty());
    // Negative radii count by absolute value.
    assert_eq!(svg("M0 0 A-5 -5 0 0 1 10 0"), svg("M0 0 A5 5 0 0 1 10 0"));
}

#[test]
fn rotated_svg_arc_lies_on_its_ellipse() {
    // Spec example "arcs02"-style: rx 25, ry 50, rotated −30°.
    let p = svg("M600,350 l50,-25 a25,50 -30 0,1 50,-25");
    let path_end = *p.points().last().unwrap();
    assert_eq!(path_end, pt(700.0, 300.0));
    // Every arc sample satisfies the rotated ellipse's equation about the centre
    // that SVG's endpoint-to-centre conversion gives, recomputed here in f64.
    let (s, c) = (-30f32).to_radians().sin_cos();
    let arc: Vec<Point> = samples(&p).into_iter().skip(65).collect();
    let (x1, y1, x2, y2) = (650.0f64, 325.0f64, 700.0f64, 300.0f64);
    let (sd, cd) = (f64::from(s), f64::from(c));
    let (dx, dy) = ((x1 - x2) / 2.0, (y1 - y2) / 2.0);
    let (xp, yp) = (cd * dx + sd * dy, -sd * dx + cd * dy);
    let (mut rx, mut ry) = (25.0f64, 50.0f64);
    let lam = xp * xp / (rx * rx) + yp * yp / (ry * ry);
    if lam > 1.0 {
        rx *= lam.sqrt();
        ry *= lam.sqrt();
    }
    // Negative root: the flags are equal (fA == fS).
    let k = -((rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp)
        / (rx * rx * yp * yp + ry * ry * xp * xp))
        .max(0.0)
        .sqrt();
    let (cxp, cyp) = (k * rx * yp / ry, -k * ry * xp / rx);
    let cx = cd * cxp - sd * cyp + (x1 + x2) / 2.0;
    let cy = sd * cxp + cd * cyp + (y1 + y2) / 2.0;
    for q in arc {
        let (qx, qy) = (f64::from(q.x) - cx, f64::from(q.y) - cy);
        let (u, v) = (cd * qx + sd * qy, -sd * qx + cd * qy);
        let f = (u / rx).powi(2) + (v / ry).powi(2);
        assert!((f.sqrt() - 1.0).abs() < 3e-4, "{q:?}: {f}");
    }
}

#[test]
fn canvas_arc_sweeps() {
    // Clockwise quarter: from (10, 0) to (0, 10), one cubic.
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, 0.0, FRAC_PI_2, false);
    let p = pb.finish().unwrap();
    assert_eq!(p.verbs(), [Verb::Move, Verb::Cubic]);
    assert!(near(p.points()[0], pt(10.0, 0.0), 1e-5));
    assert!(near(p.points()[3], pt(0.0, 10.0), 1e-5));
    // Anticlockwise between the same angles: the other three quarters, via the top.
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, 0.0, FRAC_PI_2, true);
    let p = pb.finish().unwrap();
    assert_eq!(p.verbs().len(), 4);
    assert!(near(*p.points().last().unwrap(), pt(0.0, 10.0), 1e-4));
    let b = p.tight_bounds();
    assert!(
        (b.y0 + 10.0).abs() < 1e-3 && (b.x0 + 10.0).abs() < 1e-3,
        "{b:?}"
    );
    assert!(max_radial_error(&p, Point::ZERO, 10.0) <= 10.0 * 2.8e-4);
    // More than a full turn clamps to one full circle.
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, 1.0, 1.0 + 5.0 * TAU, false);
    let p = pb.finish().unwrap();
    assert_eq!(p.verbs().len(), 5);
    assert!(near(p.points()[0], *p.points().last().unwrap(), 1e-4));
    // start > end clockwise goes forward round to end.
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, FRAC_PI_2, 0.0, false);
    let p = pb.finish().unwrap();
    assert_eq!(p.verbs().len(), 4);
    // Equal angles: just the point (a lone move, dropped).
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, 1.0, 1.0, false);
    assert!(pb.finish().unwrap().is_empty());
}

#[test]
fn canvas_arc_connects_to_the_current_point_and_rejects_bad_input() {
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0).arc(50.0, 0.0, 10.0, PI, TAU, false);
    let p = pb.finish().unwrap();
    assert_eq!(p.verbs()[..2], [Verb::Move, Verb::Line]);
    assert!(near(p.points()[1], pt(40.0, 0.0), 1e-4));
    // Clockwise from π to 2π passes over the top (y < 0).
    assert!(p.tight_bounds().y0 < -9.99);
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0)
        .line_to(1.0, 0.0)
        .arc(0.0, 0.0, -1.0, 0.0, 1.0, false);
    assert_eq!(pb.finish().unwrap().verbs().len(), 2);
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0)
        .arc(0.0, 0.0, 1.0, 0.0, f32::INFINITY, false);
    assert!(pb.finish().is_err());
    let mut pb = PathBuilder::new();
    pb.svg_arc_to(f32::NAN, 1.0, 0.0, false, false, 1.0, 1.0);
    assert!(pb.finish().is_err());
}

#[test]
fn canvas_ellipse_is_rotated_and_parametric() {
    let mut pb = PathBuilder::new();
    pb.ellipse(100.0, 50.0, 40.0, 20.0, FRAC_PI_4, 0.0, TAU, false);
    let p = pb.finish().unwrap();
    let (s, c) = FRAC_PI_4.sin_cos();
    // Angle 0 is the end of the rotated x radius.
    assert!(near(
        p.points()[0],
        pt(100.0 + 40.0 * c, 50.0 + 40.0 * s),
        1e-4
    ));
    for q in samples(&p) {
        let (dx, dy) = (q.x - 100.0, q.y - 50.0);
        let (u, v) = (c * dx + s * dy, -s * dx + c * dy);
        let f = ((u / 40.0).powi(2) + (v / 20.0).powi(2)).sqrt();
        assert!((f - 1.0).abs() < 3e-4, "{q:?}");
    }
}

#[test]
fn arc_to_rounds_corners() {
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0)
        .arc_to(100.0, 0.0, 100.0, 100.0, 30.0)
        .line_to(100.0, 100.0);
    let p = pb.finish().unwrap();
    assert_eq!(p.points()[1], pt(70.0, 0.0));
    assert!(max_radial_error(&p, pt(70.0, 30.0), 30.0) < 30.0 * 2.8e-4);
    let pts = p.points();
    assert!(near(pts[pts.len() - 2], pt(100.0, 30.0), 1e-4));
    // Anticlockwise turn: the arc bends the other way.
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0).arc_to(100.0, 0.0, 100.0, -100.0, 30.0);
    let p = pb.finish().unwrap();
    assert!(max_radial_error(&p, pt(70.0, -30.0), 30.0) < 30.0 * 2.8e-4);
    // Collinear: a line to (x1, y1). No current point: a move only.
    let mut pb = PathBuilder::new();
    pb.move_to(0.0, 0.0).arc_to(10.0, 0.0, 20.0, 0.0, 5.0);
    assert_eq!(els(&pb.finish().unwrap())[1], PathEl::LineTo(pt(10.0, 0.0)));
    let mut pb = PathBuilder::new();
    pb.arc_to(10.0, 0.0, 20.0, 5.0, 5.0);
    assert_eq!(pb.current_point(), Some(pt(10.0, 0.0)));
}

// ---------------------------------------------------------------- shapes

#[test]
fn rounded_rect_radii_scale_and_wind_clockwise() {
    let r = Rect::new(0.0, 0.0, 100.0, 50.0);
    let p = Path::rounded_rect(r, CornerRadii::uniform(40.0)).unwrap();
    // 40 + 40 > 50: every radius scales by 50/80 to 25.
    assert_eq!(p.points()[0], pt(0.0, 25.0));
    // The left edge has no straight part left: the top-left corner comes first.
    assert_eq!(p.verbs()[1], Verb::Cubic);
    let corner = p.segments().next().unwrap();
    for i in 0..=16 {
        let q = corner.eval(i as f32 / 16.0);
        assert!(
            (q.distance(pt(25.0, 25.0)) - 25.0).abs() < 25.0 * 2.8e-4,
            "{q:?}"
        );
    }
    let b = p.tight_bounds();
    assert!(
        (b.x0, b.y0) == (0.0, 0.0) && (b.x1 - 100.0).abs() < 1e-4 && (b.y1 - 50.0).abs() < 1e-4
    );
    assert_eq!(
        p,
        Path::rounded_rect(r, CornerRadii::uniform(25.0)).unwrap()
    );
    // Clockwise: the signed area (shoelace over samples) is positive with y down.
    let s = samples(&p);
    let area: f32 = s
        .windows(2)
        .map(|w| w[0].to_vec2().cross(w[1].to_vec2()))
        .sum::<f32>()
        * 0.5;
    assert!(area > 0.0);
    // Mixed radii: only the top-left corner is rounded.
    let q = Path::rounded_rect(r, CornerRadii::new(10.0, 0.0, 0.0, 0.0)).unwrap();
    assert_eq!(
        q.verbs(),
        [
            Verb::Move,
            Verb::Line,
            Verb::Cubic,
            Verb::Line,
            Verb::Line,
            Verb::Close
        ]
    );
    assert!(Path::rounded_rect(r, CornerRadii::uniform(f32::NAN)).is_err());
}

#[test]
fn circles_ellipses_polygons() {
    let c = Path::circle(10.0, 20.0, 5.0).unwrap();
    assert_eq!(c.points()[0], pt(15.0, 20.0));
    assert_eq!(c.points()[3], pt(10.0, 25.0)); // first quarter ends at the bottom
    assert_eq!(c.verbs().last(), Some(&Verb::Close));
    let o = Path::oval(Rect::new(5.0, 15.0, 15.0, 25.0)).unwrap();
    assert_eq!(o, c);
    let e = Path::ellipse(0.0, 0.0, 20.0, 10.0).unwrap();
    assert_eq!(e.tight_bounds(), Rect::new(-20.0, -10.0, 20.0, 10.0));
    assert!(Path::ellipse(0.0, 0.0, -1.0, 1.0).unwrap().is_empty());
    let tri = [pt(0.0, 0.0), pt(10.0, 0.0), pt(0.0, 10.0)];
    let pg = Path::polygon(&tri).unwrap();
    assert_eq!(
        pg.verbs(),
        [Verb::Move, Verb::Line, Verb::Line, Verb::Close]
    );
    let pl = Path::polyline(&tri).unwrap();
    assert_eq!(pl.verbs(), [Verb::Move, Verb::Line, Verb::Line]);
    assert!(Path::polyline(&[]).unwrap().is_empty());
    // Zero-size shapes are kept as degenerate subpaths.
    assert_eq!(
        Path::rect(Rect::new(1.0, 1.0, 1.0, 5.0))
            .unwrap()
            .verbs()
            .len(),
        5
    );
    assert_eq!(Path::circle(0.0, 0.0, 0.0).unwrap().verbs().len(), 6);
}

// ---------------------------------------------------------------- measuring

#[test]
fn tight_bounds_of_a_turned_circle_beat_control_point_bounds() {
    let mut pb = PathBuilder::new();
    pb.arc(0.0, 0.0, 10.0, FRAC_PI_4, FRAC_PI_4 + TAU, false);
    let p = pb.finish().unwrap();
    let t = p.tight_bounds();
    for v in [t.x0, t.y0] {
        assert!((v + 10.0).abs() < 10.0 * 2.8e-4, "{t:?}");
    }
    for v in [t.x1, t.y1] {
        assert!((v - 10.0).abs() < 10.0 * 2.8e-4, "{t:?}");
    }
    let b = p.bounds();
    assert!(b.x1 > 10.5 && b.y0 < -10.5, "{b:?}");
    assert_eq!(Path::new().tight_bounds(), Rect::EMPTY);
}

#[test]
fn circle_length_is_two_pi_r() {
    let c = Path::circle(0.0, 0.0, 100.0).unwrap();
    for tol in [0.01, 0.1, 1.0, 10.0] {
        let len = c.length(tol);
        assert!(
            (len - TAU * 100.0).abs() < TAU * 100.0 * 2e-4,
            "{tol}: {len}"
        );
        assert_eq!(PathMeasure::new(&c, tol).length(), len);
    }
    let sq = Path::rect(Rect::new(0.0, 0.0, 3.0, 4.0)).unwrap();
    assert_eq!(sq.length(0.1), 14.0);
    assert_eq!(Path::new().length(0.1), 0.0);
}

#[test]
fn points_and_tangents_by_distance() {
    let line = svg("M0 0 L10 0 L10 10");
    let m = PathMeasure::new(&line, 0.1);
    assert_eq!(m.length(), 20.0);
    assert_eq!(
        m.point_and_tangent_at(2.5),
        Some((pt(2.5, 0.0), Vec2::new(1.0, 0.0)))
    );
    assert_eq!(
        m.point_and_tangent_at(15.0),
        Some((pt(10.0, 5.0), Vec2::new(0.0, 1.0)))
    );
    assert_eq!(m.point_and_tangent_at(-3.0).unwrap().0, pt(0.0, 0.0));
    assert_eq!(m.point_and_tangent_at(99.0).unwrap().0, pt(10.0, 10.0));
    assert_eq!(m.point_and_tangent_at(f32::NAN), None);
    assert_eq!(
        PathMeasure::new(&Path::new(), 0.1).point_and_tangent_at(0.0),
        None
    );

    let r = 50.0;
    let c = Path::circle(0.0, 0.0, r).unwrap();
    let m = PathMeasure::new(&c, 0.05);
    for i in 0..16 {
        let d = m.length() * i as f32 / 16.0;
        let (p, t) = m.point_and_tangent_at(d).unwrap();
        let expect = dense_point_at(&c, d);
        assert!(near(p, expect, 1e-3), "{d}: {p:?} vs {expect:?}");
        // Starts at angle 0 and runs clockwise on screen, about d / r radians on.
        let angle = d / r;
        assert!(near(p, pt(r * angle.cos(), r * angle.sin()), r * 1e-3));
        assert!((p.to_vec2().length() - r).abs() < r * 2.8e-4);
        assert!((t.length() - 1.0).abs() < 1e-5);
        assert!(
            t.dot(p.to_vec2()).abs() < 0.02 * r,
            "tangent {t:?} at {p:?}"
        );
        assert!(t.cross(Vec2::new(-p.y, p.x)).abs() < 0.02 * r);
        assert!(t.dot(Vec2::new(-p.y, p.x)) > 0.0, "clockwise travel");
    }
}

#[test]
fn segments_by_distance_make_dashes() {
    let line = svg("M0 0 L10 0 L10 10 Z");
    let m = PathMeasure::new(&line, 0.1);
    assert_eq!(m.contours().len(), 1);
    assert!(m.contours()[0].is_closed());
    let mut pb = PathBuilder::new();
    assert!(m.segment(5.0, 15.0, &mut pb));
    assert_eq!(
        els(&pb.finish().unwrap()),
        [
            PathEl::MoveTo(pt(5.0, 0.0)),
            PathEl::LineTo(pt(10.0, 0.0)),
            PathEl::LineTo(pt(10.0, 5.0)),
        ]
    );
    assert!(!m.segment(5.0, 5.0, &mut pb));
    assert!(!m.segment(30.0, 40.0, &mut PathBuilder::new()) || m.length() > 30.0);

    // A dash pattern over a circle: every dash lies on the circle and the dashes'
    // lengths add up.
    let c = Path::circle(0.0, 0.0, 40.0).unwrap();
    let m = PathMeasure::new(&c, 0.05);
    let mut pb = PathBuilder::new();
    let mut d = 0.0;
    while d < m.length() {
        m.segment(d, d + 7.0, &mut pb);
        d += 10.0;
    }
    let dashes = pb.finish().unwrap();
    assert!(max_radial_error(&dashes, Point::ZERO, 40.0) < 40.0 * 3e-4);
    let expect = {
        let full = (m.length() / 10.0).floor();
        let rest = (m.length() - full * 10.0).min(7.0);
        full * 7.0 + rest
    };
    assert!(
        (dashes.length(0.05) - expect).abs() < 0.01,
        "{} vs {expect}",
        dashes.length(0.05)
    );

    // Across subpaths: the second part starts with its own move.
    let two = svg("M0 0 L10 0 M0 5 L10 5");
    let m = PathMeasure::new(&two, 0.1);
    assert_eq!(m.contours()[1].offset(), 10.0);
    let mut pb = PathBuilder::new();
    m.segment(5.0, 15.0, &mut pb);
    assert_eq!(
        els(&pb.finish().unwrap()),
        [
            PathEl::MoveTo(pt(5.0, 0.0)),
            PathEl::LineTo(pt(10.0, 0.0)),
            PathEl::MoveTo(pt(0.0, 5.0)),
            PathEl::LineTo(pt(5.0, 5.0)),
        ]
    );
    // Joining a dash across a closed contour's start.
    let sq = Path::rect(Rect::new(0.0, 0.0, 10.0, 10.0)).unwrap();
    let m = PathMeasure::new(&sq, 0.1);
    let mut pb = PathBuilder::new();
    m.segment(35.0, 40.0, &mut pb);
    m.segment_joined(0.0, 5.0, &mut pb);
    assert_eq!(
        els(&pb.finish().unwrap()),
        [
            PathEl::MoveTo(pt(0.0, 5.0)),
            PathEl::LineTo(pt(0.0, 0.0)),
            PathEl::LineTo(pt(5.0, 0.0)),
        ]
    );
}

#[test]
fn reversed_twice_is_the_original() {
    let p = svg("M0 0 C10 0 20 10 20 20 Q30 30 40 20 L50 0 Z M5 5 l3 3 a2 2 0 0 1 4 0");
    let r = p.reversed();
    assert_ne!(r, p);
    assert_eq!(r.reversed(), p);
    assert_eq!(r.points()[0], pt(50.0, 0.0));
    assert!((r.length(0.1) - p.length(0.1)).abs() < 1e-3);
    // A reversed circle winds anticlockwise: negative shoelace area.
    let c = Path::circle(0.0, 0.0, 10.0).unwrap().reversed();
    let s = samples(&c);
    let area: f32 = s
        .windows(2)
        .map(|w| w[0].to_vec2().cross(w[1].to_vec2()))
        .sum();
    assert!(area < 0.0);
    assert!(Path::new().reversed().is_empty());
}

// ---------------------------------------------------------------- interop

#[cfg(feature = "kurbo")]
#[test]
fn kurbo_round_trips() {
    use chiaro_draw::Transform;
    let p = svg("M0 0 C10 0 20 10 20 20 Q30 30 40 20 L50 0 Z M5 5 L8 8");
    let bez = kurbo::BezPath::from(&p);
    assert_eq!(bez.elements().len(), p.verbs().len());
    assert_eq!(Path::try_from(&bez).unwrap(), p);
    assert_eq!(Path::try_from(bez.clone()).unwrap(), p);
    let mut bad = bez;
    bad.line_to((1e300, 0.0));
    assert!(Path::try_from(&bad).is_err());

    let circle = kurbo::Circle::new((5.0, 5.0), 10.0);
    let c = Path::from_kurbo_shape(&circle, 0.01).unwrap();
    assert!(max_radial_error(&c, pt(5.0, 5.0), 10.0) < 0.01);
    let rr = kurbo::RoundedRect::new(0.0, 0.0, 10.0, 20.0, 2.0);
    let b = Path::from_kurbo_shape(&rr, 0.1).unwrap().tight_bounds();
    assert!((b.x1 - 10.0).abs() < 1e-4 && (b.y1 - 20.0).abs() < 1e-4);

    let q = pt(1.5, -2.25);
    assert_eq!(Point::from(kurbo::Point::from(q)), q);
    let v = Vec2::new(3.0, 4.0);
    assert_eq!(Vec2::from(kurbo::Vec2::from(v)), v);
    let t = Transform::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    let a = kurbo::Affine::from(t);
    assert_eq!(a.as_coeffs(), [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
    assert_eq!(Transform::from(a), t);
    // Same mapping on both sides.
    let mapped = a * kurbo::Point::new(1.0, 1.0);
    assert_eq!(Point::from(mapped), t.map_point(pt(1.0, 1.0)));
    let r = Rect::new(1.0, 2.0, 3.0, 4.0);
    assert_eq!(Rect::from(kurbo::Rect::from(r)), r);
    assert_eq!(Rect::from(kurbo::Rect::new(3.0, 4.0, 1.0, 2.0)), r);
}

#[cfg(feature = "mint")]
#[test]
fn mint_round_trips() {
    use chiaro_draw::Transform;
    let q = pt(1.5, -2.25);
    let mq: mint::Point2<f32> = q.into();
    assert_eq!((mq.x, mq.y), (1.5, -2.25));
    assert_eq!(Point::from(mq), q);
    let v = Vec2::new(3.0, 4.0);
    assert_eq!(Vec2::from(mint::Vector2::from(v)), v);
    let t = Transform::new(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
    let row: mint::RowMatrix2x3<f32> = t.into();
    assert_eq!(
        <[[f32; 3]; 2]>::from(row),
        [[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]]
    );
    assert_eq!(Transform::from(row), t);
    let col: mint::ColumnMatrix2x3<f32> = t.into();
    assert_eq!(
        <[[f32; 2]; 3]>::from(col),
        [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
    );
    assert_eq!(Transform::from(col), t);
}

// ---------------------------------------------------------------- fuzz replay

/// The checks of the `svg_path` fuzz target (`fuzz/fuzz_targets/svg_path.rs`).
fn svg_fuzz_check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(path) = Path::from_svg(text) else {
        return;
    };
    let written = path.to_svg();
    assert_eq!(Path::from_svg(&written).as_ref(), Ok(&path), "{written}");
    let b = path.bounds();
    let tolerance = (b.width().max(b.height()) * 1e-3).max(0.01);
    std::hint::black_box(path.flatten(tolerance));
    std::hint::black_box(path.tight_bounds());
    std::hint::black_box(path.reversed());
}

#[test]
fn svg_fuzz_inputs_replay() {
    let long_number = format!("M0 0 L{} 1", "9".repeat(100_000));
    let long_fraction = format!("M0 0 L0.{}1 1", "0".repeat(100_000));
    let many = "M0 0".to_string() + &" 1 1".repeat(20_000);
    let hostile = [
        long_number.as_str(),
        long_fraction.as_str(),
        many.as_str(),
        "M0 0 L1e99999999999999999999 0",
        "M-3.4e38 -3.4e38 C3.4e38 3.4e38 -3.4e38 3.4e38 3.4e38 -3.4e38",
        "M0 0 A3.4e38 1e-45 89 1 1 3e38 3e38",
        "M0 0 A1e-45 1e-45 0 1 0 1e-45 0",
        "M0 0 Q3e38 3e38 -3e38 0 T3e38 0 T-3e38 0",
        "M1e-45 1e-45 a1e-45 1e-45 0 1 1 -1e-45 1e-45 z",
    ];
    for h in hostile {
        svg_fuzz_check(h.as_bytes());
    }
    // Committed regressions and fresh crash artefacts, when present.
    let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    for dir in ["corpus/svg_path/regressions", "artifacts/svg_path"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(data) = std::fs::read(entry.path()) {
                svg_fuzz_check(&data);
            }
        }
    }
}

// ---------------------------------------------------------------- properties

proptest! {
    #[test]
    fn svg_parser_never_panics_on_any_string(s in "\\PC{0,64}") {
        let _ = Path::from_svg(&s);
    }

    #[test]
    fn svg_like_input_round_trips_when_valid(
        s in "[MmLlHhVvCcSsQqTtAaZz0-9 ,.eE+-]{0,80}"
    ) {
        if let Ok(p) = Path::from_svg(&s) {
            let again = Path::from_svg(&p.to_svg()).unwrap();
            prop_assert_eq!(again, p);
        }
    }

    #[test]
    fn reversal_is_an_involution(s in "M[0-9 .-]{3,12}([LQCA][0-9 .-]{3,30}){1,6}Z?") {
        if let Ok(p) = Path::from_svg(&s) {
            prop_assert_eq!(p.reversed().reversed(), p);
        }
    }
}
