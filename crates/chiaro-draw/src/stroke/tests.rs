//! Stroke outlines checked by the coverage they rasterize to, against areas and
//! coverages computed by hand.

use alloc::vec::Vec;

use chiaro_pixel::{Image, PremulRgba8, Rgba8};

use super::*;
use crate::fill::{FillOptions, Renderer};
use crate::paint::Paint;
use crate::path::PathBuilder;

const SIZE: u32 = 64;

fn polyline(points: &[(f32, f32)], closed: bool) -> Path {
    let mut pb = PathBuilder::new();
    pb.move_to(points[0].0, points[0].1);
    for &(x, y) in &points[1..] {
        pb.line_to(x, y);
    }
    if closed {
        pb.close();
    }
    pb.finish().unwrap()
}

/// Alpha of every pixel after stroking white onto a transparent canvas.
fn render_with(path: &Path, stroke: &Stroke, options: &FillOptions<'_>) -> Vec<u8> {
    let mut img = Image::new(SIZE, SIZE);
    let paint = Paint::solid(Rgba8::new(255, 255, 255, 255));
    Renderer::new()
        .stroke_path(&mut img.as_view_mut(), path, stroke, &paint, options)
        .unwrap();
    img.pixels().map(|p: &PremulRgba8| p.a).collect()
}

fn render(path: &Path, stroke: &Stroke) -> Vec<u8> {
    render_with(path, stroke, &FillOptions::default())
}

fn at(grid: &[u8], x: u32, y: u32) -> u8 {
    grid[(y * SIZE + x) as usize]
}

/// Covered area in pixels.
fn area(grid: &[u8]) -> f64 {
    grid.iter().map(|&a| f64::from(a) / 255.0).sum()
}

#[test]
fn butt_line_is_an_exact_rectangle() {
    let path = polyline(&[(10.0, 20.0), (50.0, 20.0)], false);
    let grid = render(&path, &Stroke::new(4.0));
    for y in 0..SIZE {
        for x in 0..SIZE {
            let inside = (10..50).contains(&x) && (18..22).contains(&y);
            assert_eq!(at(&grid, x, y), if inside { 255 } else { 0 }, "({x}, {y})");
        }
    }
}

#[test]
fn caps_add_what_they_should() {
    let path = polyline(&[(20.0, 20.5), (40.0, 20.5)], false);
    let butt = area(&render(&path, &Stroke::new(6.0)));
    let square = area(&render(&path, &Stroke::new(6.0).with_cap(LineCap::Square)));
    let round = area(&render(&path, &Stroke::new(6.0).with_cap(LineCap::Round)));
    // Edge pixels of half coverage round up: 40 of them add 0.08, 52 add 0.1.
    assert!((butt - 120.0).abs() < 0.1, "{butt}");
    assert!((square - 156.0).abs() < 0.15, "{square}");
    // Two half discs of radius 3, within the tolerance of the arcs.
    let expected = 120.0 + core::f64::consts::PI * 9.0;
    assert!((round - expected).abs() < 0.3, "{round} vs {expected}");
}

#[test]
fn miter_join_fills_the_corner_and_falls_back_to_bevel_past_the_limit() {
    // A right angle: the miter is the full square corner.
    let path = polyline(&[(10.0, 30.0), (30.0, 30.0), (30.0, 50.0)], false);
    let miter = render(&path, &Stroke::new(4.0));
    assert_eq!(at(&miter, 31, 28), 255);
    let bevel = render(&path, &Stroke::new(4.0).with_join(LineJoin::Bevel));
    // The bevel cuts the corner square [30, 32]² along its diagonal.
    assert_eq!(at(&bevel, 31, 28), 0);
    assert!(at(&bevel, 30, 29) > 0);
    let round = area(&render(&path, &Stroke::new(4.0).with_join(LineJoin::Round)));
    let (m, b) = (area(&miter), area(&bevel));
    // Miter adds the corner square (4), bevel half of it, round a quarter disc.
    assert!((m - b - 2.0).abs() < 0.05, "{m} {b}");
    assert!(
        (round - b - (core::f64::consts::PI - 2.0)).abs() < 0.1,
        "{round} {b}"
    );

    // A 20° angle: the miter would reach 1/sin(10°) = 5.76 widths out.
    let (tip_x, tip_y) = (12.0, 40.0);
    let far = (tip_x + 40.0, tip_y - 40.0 * libm::tanf(20f32.to_radians()));
    let path = polyline(&[(52.0, tip_y), (tip_x, tip_y), far], false);
    let limited = render(&path, &Stroke::new(2.0));
    let bevelled = render(&path, &Stroke::new(2.0).with_join(LineJoin::Bevel));
    assert_eq!(limited, bevelled, "past the limit a miter is a bevel");
    let long = render(&path, &Stroke::new(2.0).with_miter_limit(6.0));
    assert!(area(&long) > area(&bevelled) + 2.0);
    // The miter tip lies about 5.7 px left of the corner.
    assert!(at(&long, 8, 40) > 128 && at(&bevelled, 8, 40) == 0);
}

#[test]
fn closed_rectangle_is_a_ring() {
    let path = polyline(
        &[(10.0, 10.0), (50.0, 10.0), (50.0, 40.0), (10.0, 40.0)],
        true,
    );
    let grid = render(&path, &Stroke::new(2.0));
    assert_eq!(at(&grid, 9, 9), 255, "mitred outer corner");
    assert_eq!(at(&grid, 30, 25), 0, "the hole");
    assert_eq!(at(&grid, 30, 10), 255);
    // Outer 42×32 minus inner 38×28.
    assert!((area(&grid) - (42.0 * 32.0 - 38.0 * 28.0)).abs() < 0.05);
}

#[test]
fn zero_length_subpaths_draw_dots_with_round_and_square_caps() {
    let mut pb = PathBuilder::new();
    pb.move_to(20.0, 20.0).line_to(20.0, 20.0);
    let path = pb.finish().unwrap();
    assert_eq!(area(&render(&path, &Stroke::new(8.0))), 0.0);
    let square = render(&path, &Stroke::new(8.0).with_cap(LineCap::Square));
    assert!((area(&square) - 64.0).abs() < 0.05);
    assert_eq!(at(&square, 16, 16), 255);
    let round = area(&render(&path, &Stroke::new(8.0).with_cap(LineCap::Round)));
    assert!(
        (round - core::f64::consts::PI * 16.0).abs() < 0.4,
        "{round}"
    );
    // A closed zero-length subpath too.
    let mut pb = PathBuilder::new();
    pb.move_to(20.0, 20.0).close();
    pb.move_to(20.0, 20.0).line_to(20.0, 20.0).close();
    let path = pb.finish().unwrap();
    let dots = area(&render(&path, &Stroke::new(8.0).with_cap(LineCap::Round)));
    assert!((dots - round).abs() < 0.01);
}

#[test]
fn overlapping_subpaths_add_up_instead_of_cancelling() {
    // Two crossing strokes drawn in opposite directions, and a dot on one of them.
    let mut pb = PathBuilder::new();
    pb.move_to(10.0, 32.0).line_to(54.0, 32.0);
    pb.move_to(32.0, 54.0).line_to(32.0, 10.0);
    pb.move_to(20.0, 32.0).line_to(20.0, 32.0);
    let path = pb.finish().unwrap();
    let grid = render(&path, &Stroke::new(6.0).with_cap(LineCap::Round));
    assert_eq!(at(&grid, 32, 32), 255);
    assert_eq!(at(&grid, 20, 32), 255);
}

#[test]
fn hairlines_cover_in_proportion_to_their_width() {
    // Horizontal and vertical hairlines: a one-pixel band about the line, times the
    // width.
    for (width, y, rows) in [
        (0.0, 10.25, [(9, 0.25), (10, 0.75)]),
        (0.5, 10.5, [(10, 1.0), (11, 0.0)]),
        (0.25, 20.0, [(19, 0.5), (20, 0.5)]),
    ] {
        let weight = if width == 0.0 { 1.0 } else { width };
        let horizontal = polyline(&[(5.0, y), (40.0, y)], false);
        let vertical = polyline(&[(y, 5.0), (y, 40.0)], false);
        let h = render(&horizontal, &Stroke::new(width));
        let v = render(&vertical, &Stroke::new(width));
        for (row, cover) in rows {
            let expected = (cover * weight * 255.0f32).round();
            for x in 5..40 {
                let (hv, vv) = (f32::from(at(&h, x, row)), f32::from(at(&v, row, x)));
                assert!(
                    (hv - expected).abs() <= 1.0,
                    "w {width}: ({x}, {row}) {hv} vs {expected}"
                );
                assert!(
                    (vv - expected).abs() <= 1.0,
                    "w {width}: ({row}, {x}) {vv} vs {expected}"
                );
            }
        }
        // Nothing beyond the ends (butt caps) or beside the band.
        assert_eq!(at(&h, 4, rows[0].0), 0);
        assert_eq!(at(&h, 40, rows[0].0), 0);
    }

    // A 45° hairline through pixel centres: the unit square about the line loses two
    // corner triangles with legs 1 − √½; its diagonal neighbours get a triangle with
    // legs √½.
    let diagonal = polyline(&[(0.5, 0.5), (60.5, 60.5)], false);
    let d = render(&diagonal, &Stroke::new(0.0));
    let leg = 1.0 - core::f64::consts::FRAC_1_SQRT_2;
    let centre = (1.0 - leg * leg) * 255.0;
    let side = 0.25 * 255.0;
    for i in 5..55 {
        assert!(
            (f64::from(at(&d, i, i)) - centre).abs() <= 1.0,
            "{i}: {}",
            at(&d, i, i)
        );
        assert!((f64::from(at(&d, i, i + 1)) - side).abs() <= 1.0);
        assert!((f64::from(at(&d, i + 1, i)) - side).abs() <= 1.0);
        assert_eq!(at(&d, i, i + 2), 0);
    }

    // Width 0.5 under a 1.5× scale maps to 0.75 px: still a hairline, at 3/4.
    let options = FillOptions::with_transform(Transform::scale(1.5, 1.5));
    let line = polyline(&[(4.0, 7.0), (30.0, 7.0)], false);
    let scaled = render_with(&line, &Stroke::new(0.5), &options);
    // y = 10.5 in device space: row 10 gets the whole pixel band.
    assert!(
        (i32::from(at(&scaled, 20, 10)) - 191).abs() <= 1,
        "{}",
        at(&scaled, 20, 10)
    );
    assert_eq!(at(&scaled, 20, 9), 0);
}

#[test]
fn strokes_are_made_in_user_space_then_transformed() {
    // Width 2 scaled 3× vertically: a horizontal line 6 px thick, a vertical line 2.
    let options = FillOptions::with_transform(Transform::scale(1.0, 3.0));
    let h = render_with(
        &polyline(&[(10.0, 5.0), (50.0, 5.0)], false),
        &Stroke::new(2.0),
        &options,
    );
    assert!((area(&h) - 40.0 * 6.0).abs() < 0.05);
    assert_eq!(at(&h, 30, 12), 255);
    assert_eq!(at(&h, 30, 18), 0);
    let v = render_with(
        &polyline(&[(30.0, 2.0), (30.0, 18.0)], false),
        &Stroke::new(2.0),
        &options,
    );
    assert!((area(&v) - 2.0 * 48.0).abs() < 0.05);
}

#[test]
fn curves_are_offset_within_the_tolerance() {
    // A circle of radius 20 stroked 10 wide: a ring between radii 15 and 25.
    let circle = Path::circle(32.0, 32.0, 20.0).unwrap();
    let ring = area(&render(&circle, &Stroke::new(10.0)));
    let exact = core::f64::consts::PI * (25.0 * 25.0 - 15.0 * 15.0);
    assert!((ring - exact).abs() / exact < 0.003, "{ring} vs {exact}");
    let outline = Stroke::new(10.0).outline(&circle, 0.01).unwrap();
    for p in outline.points() {
        let r = p.distance(Point::new(32.0, 32.0));
        let off = (r - 25.0).abs().min((r - 15.0).abs());
        // Within the tolerance of the flattening plus the bezier's own ~0.03% error.
        assert!(off < 0.02 + 0.006, "{r}");
    }
}

#[test]
fn a_cusp_gets_a_round_end() {
    // A cubic whose control points fold back on themselves has a cusp at its
    // middle; the pen leaves a disc there, whatever the join.
    let mut pb = PathBuilder::new();
    pb.move_to(10.0, 32.0)
        .cubic_to(54.0, 32.0, 10.0, 32.0, 54.0, 32.0);
    let path = pb.finish().unwrap();
    let grid = render(&path, &Stroke::new(8.0));
    // The cusp is at x = 32; its disc reaches 4 px to the right of the straight
    // stroke's end... and the stroke is one solid band with no holes.
    for x in 12..52 {
        assert_eq!(at(&grid, x, 32), 255, "{x}");
        assert_eq!(at(&grid, x, 29), 255, "{x}");
    }
}

#[test]
fn dashes_follow_the_pattern_by_arc_length() {
    let line = polyline(&[(2.0, 10.5), (62.0, 10.5)], false);
    let dashed = Stroke::new(1.0).with_dash(Dash::new(&[10.0, 5.0], 0.0).unwrap());
    let grid = render(&line, &dashed);
    let row: Vec<u8> = (0..SIZE).map(|x| at(&grid, x, 10)).collect();
    // Dashes over [2, 12), [17, 27), [32, 42), [47, 57), and [62, 62) is nothing.
    for x in 0..SIZE {
        let d = x as i32 - 2;
        let on = (0..60).contains(&d) && d % 15 < 10;
        assert_eq!(row[x as usize], if on { 255 } else { 0 }, "{x}");
    }
    // An offset of 12 starts 2 units into the first gap; a negative offset counts
    // back from the pattern's end.
    let shifted = Stroke::new(1.0).with_dash(Dash::new(&[10.0, 5.0], 12.0).unwrap());
    let back = Stroke::new(1.0).with_dash(Dash::new(&[10.0, 5.0], -3.0).unwrap());
    assert_eq!(render(&line, &shifted), render(&line, &back));
    let g = render(&line, &shifted);
    assert_eq!(at(&g, 2, 10), 0);
    assert_eq!(at(&g, 4, 10), 0);
    assert_eq!(at(&g, 5, 10), 255);

    // Around a corner the length is measured along the path.
    let corner = polyline(&[(10.0, 10.5), (20.5, 10.5), (20.5, 40.0)], false);
    let g = render(
        &corner,
        &Stroke::new(1.0).with_dash(Dash::new(&[15.0, 5.0], 0.0).unwrap()),
    );
    // The first dash runs 10.5 along x and 4.5 down to y = 15; the gap to y = 20;
    // then on to y = 35.
    assert_eq!(at(&g, 20, 14), 255);
    assert_eq!(at(&g, 20, 16), 0);
    assert_eq!(at(&g, 20, 19), 0);
    assert_eq!(at(&g, 20, 21), 255);
    assert_eq!(at(&g, 20, 34), 255);
    assert_eq!(at(&g, 20, 36), 0);
}

#[test]
fn a_closed_contour_starting_in_a_dash_joins_it_to_the_last() {
    // A square of perimeter 160 with dashes of 30 and gaps of 10, offset 20: the
    // last dash ends at the start point inside the pattern's first dash, and
    // continues into it as one dash across the corner.
    let square = polyline(
        &[(10.0, 10.0), (50.0, 10.0), (50.0, 50.0), (10.0, 50.0)],
        true,
    );
    let stroke = Stroke::new(4.0).with_dash(Dash::new(&[30.0, 10.0], 20.0).unwrap());
    let mut stroker = Stroker::new();
    stroker.outline(&square, &stroke, 0.05).unwrap();
    let mut lines = Polylines::default();
    dash::dash(
        &{
            let mut p = Polylines::default();
            polyline::flatten(&square, 0.05, 1e-4, &mut p);
            p
        },
        stroke.dash.as_ref().unwrap(),
        1e-4,
        &mut lines,
    )
    .unwrap();
    // Four dashes: [0,10) joined with [150,160), then [20,50), [60,90), [100,130)...
    let lens: Vec<usize> = lines.iter().map(|(_, v)| v.len()).collect();
    assert_eq!(lines.lines.len(), 4, "{lens:?}");
    // The corner at the start is mitred, not capped.
    let grid = render(&square, &stroke);
    assert_eq!(at(&grid, 8, 8), 255);
    // A dash longer than the contour leaves it closed.
    let solid = Stroke::new(4.0).with_dash(Dash::new(&[500.0, 10.0], 0.0).unwrap());
    assert_eq!(render(&square, &solid), render(&square, &Stroke::new(4.0)));
}

#[test]
fn zero_length_dashes_are_dots() {
    let line = polyline(&[(4.0, 20.0), (60.0, 20.0)], false);
    let dots = Stroke::new(4.0)
        .with_cap(LineCap::Round)
        .with_dash(Dash::new(&[0.0, 10.0], 0.0).unwrap());
    let grid = render(&line, &dots);
    for cx in [4, 14, 24, 34, 44, 54] {
        assert_eq!(at(&grid, cx, 20), 255, "{cx}");
        assert_eq!(at(&grid, cx + 5, 20), 0, "{cx}");
    }
    let butt = Stroke::new(4.0).with_dash(Dash::new(&[0.0, 10.0], 0.0).unwrap());
    assert_eq!(area(&render(&line, &butt)), 0.0);
}

#[test]
fn invalid_strokes_and_patterns_are_errors() {
    let line = polyline(&[(0.0, 0.0), (10.0, 0.0)], false);
    for w in [-1.0, f32::NAN, f32::INFINITY] {
        assert!(matches!(
            Stroke::new(w).outline(&line, 0.1),
            Err(StrokeError::Width(_))
        ));
    }
    assert!(matches!(
        Stroke::new(1.0).with_miter_limit(0.5).outline(&line, 0.1),
        Err(StrokeError::MiterLimit(_))
    ));
    for (pattern, offset) in [
        (&[][..], 0.0),
        (&[1.0, -1.0][..], 0.0),
        (&[0.0, 0.0][..], 0.0),
        (&[f32::NAN, 1.0][..], 0.0),
        (&[1.0, 1.0][..], f32::INFINITY),
        (&[f32::MAX, f32::MAX][..], 0.0),
    ] {
        assert!(
            matches!(Dash::new(pattern, offset), Err(StrokeError::Dash(_))),
            "{pattern:?}"
        );
    }
    let fine = Stroke::new(1.0).with_dash(Dash::new(&[1e-5, 1e-5], 0.0).unwrap());
    assert_eq!(fine.outline(&line, 0.1), Err(StrokeError::TooManyDashes));
    // Odd patterns repeat.
    assert_eq!(
        Dash::new(&[5.0, 2.0, 1.0], 0.0).unwrap().intervals(),
        [5.0, 2.0, 1.0, 5.0, 2.0, 1.0]
    );
}

#[test]
fn bounds_hold_the_stroke() {
    let path = polyline(&[(10.0, 10.0), (30.0, 10.0)], false);
    assert_eq!(
        Stroke::new(4.0).bounds(&path).unwrap(),
        Rect::new(10.0, 8.0, 30.0, 12.0)
    );
    let square = Stroke::new(4.0).with_cap(LineCap::Square);
    assert_eq!(
        square.bounds(&path).unwrap(),
        Rect::new(8.0, 8.0, 32.0, 12.0)
    );
    assert_eq!(Stroke::new(0.0).bounds(&path).unwrap(), Rect::EMPTY);
}

#[test]
fn dashes_on_curves_are_placed_by_true_arc_length() {
    // A wavy cubic; the point at arc length s found by integrating |B'(t)| in f64
    // over 200,000 steps.
    let p = [
        (16.0f64, 100.0f64),
        (40.0, 10.0),
        (90.0, 140.0),
        (112.0, 30.0),
    ];
    let eval = |t: f64| {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        (
            a * p[0].0 + b * p[1].0 + c * p[2].0 + d * p[3].0,
            a * p[0].1 + b * p[1].1 + c * p[2].1 + d * p[3].1,
        )
    };
    let steps = 200_000;
    let mut table = Vec::with_capacity(steps + 1);
    let mut length = 0.0;
    let mut prev = eval(0.0);
    table.push((0.0, prev));
    for i in 1..=steps {
        let q = eval(i as f64 / steps as f64);
        length += (q.0 - prev.0).hypot(q.1 - prev.1);
        table.push((length, q));
        prev = q;
    }
    let at = |s: f64| table[table.partition_point(|&(l, _)| l < s).min(steps)].1;

    let mut pb = PathBuilder::new();
    pb.move_to(16.0, 100.0)
        .cubic_to(40.0, 10.0, 90.0, 140.0, 112.0, 30.0);
    let path = pb.finish().unwrap();
    let mut flat = Polylines::default();
    polyline::flatten(&path, 0.05, 5e-5, &mut flat);
    let mut dashes = Polylines::default();
    dash::dash(
        &flat,
        &Dash::new(&[9.0, 6.0], 0.0).unwrap(),
        5e-5,
        &mut dashes,
    )
    .unwrap();
    let mut worst = 0.0f64;
    for (k, (_, v)) in dashes.iter().enumerate() {
        let start = at(15.0 * k as f64);
        let got = v[0].p;
        worst = worst.max((f64::from(got.x) - start.0).hypot(f64::from(got.y) - start.1));
    }
    // Every dash is there, and a drift of 0.04 % (the flattening's shortfall of
    // length) would already be 0.06 at the end.
    assert_eq!(dashes.lines.len() as f64, (length / 15.0).ceil());
    assert!(worst < 0.03, "dash starts off by up to {worst}");
}
