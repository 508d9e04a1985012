//! Rasterizer tests against analytically computed coverage.

use alloc::vec::Vec;

use chiaro_pixel::Rect as PixelRect;

use super::*;
use crate::geom::Point;
use crate::path::PathBuilder;

fn polygon(points: &[(f32, f32)]) -> Path {
    let mut pb = PathBuilder::new();
    pb.move_to(points[0].0, points[0].1);
    for &(x, y) in &points[1..] {
        pb.line_to(x, y);
    }
    pb.close();
    pb.finish().unwrap()
}

fn render(path: &Path, options: &RasterOptions, w: u32, h: u32) -> Vec<u8> {
    let mut rec = SpanRecorder::new();
    Rasterizer::new().fill(path, options, PixelRect::from_size(w, h), &mut rec);
    rec.to_grid(w, h).expect("a pixel was covered twice")
}

/// Signed area of a polygon (shoelace), f64.
fn area(poly: &[(f64, f64)]) -> f64 {
    let mut a = 0.0;
    for i in 0..poly.len() {
        let (x0, y0) = poly[i];
        let (x1, y1) = poly[(i + 1) % poly.len()];
        a += x0 * y1 - x1 * y0;
    }
    a * 0.5
}

/// Sutherland–Hodgman clip of `poly` against the half-plane `keep(p) >= 0`.
fn clip_half(poly: &[(f64, f64)], keep: impl Fn((f64, f64)) -> f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for i in 0..poly.len() {
        let a = poly[i];
        let b = poly[(i + 1) % poly.len()];
        let (ka, kb) = (keep(a), keep(b));
        if ka >= 0.0 {
            out.push(a);
        }
        if (ka >= 0.0) != (kb >= 0.0) {
            let t = ka / (ka - kb);
            out.push((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
        }
    }
    out
}

/// Exact coverage of pixel (x, y) by a simple polygon.
fn exact_coverage(poly: &[(f64, f64)], x: u32, y: u32) -> f64 {
    let (x0, y0) = (f64::from(x), f64::from(y));
    let mut p = poly.to_vec();
    p = clip_half(&p, |q| q.0 - x0);
    p = clip_half(&p, |q| x0 + 1.0 - q.0);
    p = clip_half(&p, |q| q.1 - y0);
    p = clip_half(&p, |q| y0 + 1.0 - q.1);
    if p.len() < 3 { 0.0 } else { area(&p).abs() }
}

fn assert_matches_exact(points: &[(f32, f32)], w: u32, h: u32, max_err: u8) {
    let grid = render(&polygon(points), &RasterOptions::default(), w, h);
    let poly: Vec<(f64, f64)> = points
        .iter()
        .map(|&(x, y)| (f64::from(x), f64::from(y)))
        .collect();
    for y in 0..h {
        for x in 0..w {
            let want = exact_coverage(&poly, x, y) * 255.0;
            let got = f64::from(grid[(y * w + x) as usize]);
            // `max_err` 0: `got` is the exact value rounded up or down (f32 sums can
            // tip a tie either way).
            assert!(
                (got - want).abs() < f64::from(max_err) + 1.0,
                "pixel ({x}, {y}): got {got}, exact {want:.3} for {points:?}"
            );
        }
    }
}

#[test]
fn rectangle_at_fractional_coordinates_has_exact_coverage() {
    assert_matches_exact(
        &[(2.25, 1.5), (12.75, 1.5), (12.75, 6.125), (2.25, 6.125)],
        16,
        8,
        0,
    );
    // A rectangle inside one pixel.
    assert_matches_exact(&[(3.2, 3.1), (3.7, 3.1), (3.7, 3.6), (3.2, 3.6)], 6, 6, 0);
}

#[test]
fn slanted_and_concave_polygons_have_exact_coverage() {
    assert_matches_exact(&[(1.3, 0.7), (17.9, 4.2), (6.1, 13.6)], 20, 16, 0);
    assert_matches_exact(
        &[
            (0.5, 0.5),
            (15.5, 2.0),
            (8.0, 6.0),
            (14.0, 14.5),
            (1.0, 12.0),
        ],
        16,
        16,
        0,
    );
    // Nearly horizontal and nearly vertical edges crossing many pixels.
    assert_matches_exact(
        &[(0.1, 3.0), (31.9, 4.1), (31.9, 5.0), (0.1, 4.2)],
        32,
        8,
        0,
    );
    assert_matches_exact(
        &[(3.0, 0.1), (4.1, 31.9), (5.0, 31.9), (4.2, 0.1)],
        8,
        32,
        0,
    );
    // Counter-clockwise winding covers the same.
    assert_matches_exact(&[(6.1, 13.6), (17.9, 4.2), (1.3, 0.7)], 20, 16, 0);
}

#[test]
fn large_circle_matches_its_exact_area() {
    // Exact pixel coverage of a disc by adaptive integration over x of the chord
    // length clipped to the pixel's rows.
    fn disc_coverage(cx: f64, cy: f64, r: f64, x: u32, y: u32) -> f64 {
        let (x0, y0) = (f64::from(x), f64::from(y));
        let n = 400;
        let mut sum = 0.0;
        for i in 0..n {
            let px = x0 + (f64::from(i) + 0.5) / f64::from(n);
            let dx = px - cx;
            if dx.abs() >= r {
                continue;
            }
            let h = (r * r - dx * dx).sqrt();
            let (lo, hi) = ((cy - h).max(y0), (cy + h).min(y0 + 1.0));
            sum += (hi - lo).max(0.0);
        }
        sum / f64::from(n)
    }
    let (cx, cy, r) = (50.3f32, 47.8f32, 41.7f32);
    // Sixteen cubic arcs of 22.5°: radial error ≈ 7e-8·r, far below a level.
    let mut pb = PathBuilder::new();
    let n = 16;
    let step = core::f32::consts::TAU / n as f32;
    let k = 4.0 / 3.0 * (step / 4.0).tan() * r;
    pb.move_to(cx + r, cy);
    for i in 0..n {
        let (a0, a1) = (i as f32 * step, (i + 1) as f32 * step);
        let (s0, c0) = a0.sin_cos();
        let (s1, c1) = a1.sin_cos();
        pb.cubic_to(
            cx + r * c0 - k * s0,
            cy + r * s0 + k * c0,
            cx + r * c1 + k * s1,
            cy + r * s1 - k * c1,
            cx + r * c1,
            cy + r * s1,
        );
    }
    pb.close();
    let path = pb.finish().unwrap();
    let options = RasterOptions {
        tolerance: 0.001,
        ..RasterOptions::default()
    };
    let grid = render(&path, &options, 100, 100);
    let (mut worst, mut sum, mut edge) = (0.0f64, 0.0f64, 0u32);
    for y in 0..100 {
        for x in 0..100 {
            let want = disc_coverage(cx.into(), cy.into(), r.into(), x, y) * 255.0;
            let got = f64::from(grid[(y * 100 + x) as usize]);
            worst = worst.max((got - want).abs());
            if want > 0.0 && want < 255.0 {
                sum += (got - want).abs();
                edge += 1;
            }
        }
    }
    // Flattening within 0.001 px moves an edge pixel by at most 0.26 levels; the
    // rest is rounding.
    let mean = sum / f64::from(edge);
    assert!(
        worst <= 1.0 && mean <= 0.3,
        "worst {worst:.3}, mean over edge pixels {mean:.3}"
    );
}

#[test]
fn fill_rules_differ_on_overlaps() {
    // Two overlapping squares wound the same way, then one reversed.
    let mut pb = PathBuilder::new();
    pb.move_to(1.0, 1.0)
        .line_to(6.0, 1.0)
        .line_to(6.0, 6.0)
        .line_to(1.0, 6.0)
        .close();
    pb.move_to(3.0, 3.0)
        .line_to(8.0, 3.0)
        .line_to(8.0, 8.0)
        .line_to(3.0, 8.0)
        .close();
    let same = pb.finish().unwrap();
    let nz = render(&same, &RasterOptions::default(), 10, 10);
    let eo = render(
        &same,
        &RasterOptions {
            rule: FillRule::EvenOdd,
            ..Default::default()
        },
        10,
        10,
    );
    assert_eq!(nz[4 * 10 + 4], 255);
    assert_eq!(eo[4 * 10 + 4], 0);
    assert_eq!(eo[2 * 10 + 2], 255);
    assert_eq!(eo[7 * 10 + 7], 255);
    pb.move_to(1.0, 1.0)
        .line_to(6.0, 1.0)
        .line_to(6.0, 6.0)
        .line_to(1.0, 6.0)
        .close();
    pb.move_to(3.0, 3.0)
        .line_to(3.0, 8.0)
        .line_to(8.0, 8.0)
        .line_to(8.0, 3.0)
        .close();
    let opposite = pb.finish().unwrap();
    let nz = render(&opposite, &RasterOptions::default(), 10, 10);
    assert_eq!(nz[4 * 10 + 4], 0, "opposite windings cancel under non-zero");
}

#[test]
fn self_intersecting_star() {
    // A pentagram: the centre has winding 2.
    let pts: Vec<(f32, f32)> = (0..5)
        .map(|i| {
            let a =
                core::f32::consts::PI * 2.0 * (i as f32 * 2.0) / 5.0 - core::f32::consts::FRAC_PI_2;
            (20.0 + 18.0 * a.cos(), 20.0 + 18.0 * a.sin())
        })
        .collect();
    let star = polygon(&pts);
    let nz = render(&star, &RasterOptions::default(), 40, 40);
    let eo = render(
        &star,
        &RasterOptions {
            rule: FillRule::EvenOdd,
            ..Default::default()
        },
        40,
        40,
    );
    assert_eq!(nz[20 * 40 + 20], 255);
    assert_eq!(eo[20 * 40 + 20], 0);
    assert_eq!(eo[5 * 40 + 20], 255, "a tip is wound once");
}

#[test]
fn aliased_fill_samples_pixel_centres() {
    let tri = [(1.3f32, 0.7f32), (17.9, 4.2), (6.1, 13.6)];
    let path = polygon(&tri);
    let grid = render(
        &path,
        &RasterOptions {
            anti_alias: false,
            ..Default::default()
        },
        20,
        16,
    );
    let inside = |px: f32, py: f32| {
        // Same side of all three edges (the triangle is wound clockwise on screen).
        (0..3).all(|i| {
            let (ax, ay) = tri[i];
            let (bx, by) = tri[(i + 1) % 3];
            (bx - ax) * (py - ay) - (by - ay) * (px - ax) >= 0.0
        })
    };
    for y in 0..16 {
        for x in 0..20 {
            let want = if inside(x as f32 + 0.5, y as f32 + 0.5) {
                255
            } else {
                0
            };
            assert_eq!(grid[(y * 20 + x) as usize], want, "pixel ({x}, {y})");
        }
    }
}

#[test]
fn clipping_to_the_target_and_a_clip_rect() {
    // A square hanging over every edge of an 8×8 target covers all of it.
    let big = polygon(&[(-5.5, -3.25), (12.0, -3.25), (12.0, 9.5), (-5.5, 9.5)]);
    assert!(
        render(&big, &RasterOptions::default(), 8, 8)
            .iter()
            .all(|&c| c == 255)
    );
    // Only the clip rect receives spans.
    let mut rec = SpanRecorder::new();
    Rasterizer::new().fill(
        &big,
        &RasterOptions::default(),
        PixelRect::new(2, 3, 3, 2),
        &mut rec,
    );
    let grid = rec.to_grid(8, 8).unwrap();
    for y in 0..8 {
        for x in 0..8 {
            let inside = (2..5).contains(&x) && (3..5).contains(&y);
            assert_eq!(grid[y * 8 + x], if inside { 255 } else { 0 }, "({x}, {y})");
        }
    }
    // Left of the target, a shape still shifts the winding: a thin sliver at x < 0
    // wrapping a region that reaches into the target.
    let left = polygon(&[(-100.0, 2.0), (4.0, 2.0), (4.0, 4.0), (-100.0, 4.0)]);
    let grid = render(&left, &RasterOptions::default(), 8, 8);
    assert_eq!(&grid[2 * 8..2 * 8 + 8], [255, 255, 255, 255, 0, 0, 0, 0]);
}

#[test]
fn transform_maps_before_rasterizing() {
    let unit = polygon(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]);
    let options = RasterOptions {
        transform: Transform::scale(4.0, 2.0).then_translate(2.0, 1.0),
        ..Default::default()
    };
    let grid = render(&unit, &options, 8, 4);
    for y in 0..4 {
        for x in 0..8 {
            let inside = (2..6).contains(&x) && (1..3).contains(&y);
            assert_eq!(grid[y * 8 + x], if inside { 255 } else { 0 });
        }
    }
    // Non-finite transforms draw nothing.
    for t in [
        Transform::scale(f32::NAN, 1.0),
        Transform::translate(f32::INFINITY, 0.0),
    ] {
        let grid = render(
            &unit,
            &RasterOptions {
                transform: t,
                ..Default::default()
            },
            8,
            4,
        );
        assert!(grid.iter().all(|&c| c == 0));
    }
    // A transform overflowing to infinity draws nothing.
    let grid = render(
        &unit,
        &RasterOptions {
            transform: Transform::scale(3e38, 3e38).then_scale(10.0, 10.0),
            ..Default::default()
        },
        8,
        4,
    );
    assert!(grid.iter().all(|&c| c == 0));
}

#[test]
fn huge_and_degenerate_shapes_stay_bounded() {
    let huge = polygon(&[(-1e30, -1e30), (1e30, -1e30), (1e30, 1e30), (-1e30, 1e30)]);
    let grid = render(&huge, &RasterOptions::default(), 16, 16);
    assert!(grid.iter().all(|&c| c == 255), "{grid:?}");
    // Zero-area shapes: a line, a point.
    for pts in [
        [(1.0, 1.0), (5.0, 5.0), (3.0, 3.0)],
        [(2.0, 2.0), (2.0, 2.0), (2.0, 2.0)],
    ] {
        assert!(
            render(&polygon(&pts), &RasterOptions::default(), 8, 8)
                .iter()
                .all(|&c| c == 0)
        );
    }
    // Tiny: 1/1000 of a pixel gives coverage 0, not garbage.
    let tiny = polygon(&[(3.0, 3.0), (3.001, 3.0), (3.001, 3.001)]);
    assert!(
        render(&tiny, &RasterOptions::default(), 8, 8)
            .iter()
            .all(|&c| c == 0)
    );
    let _ = Point::ZERO;
}

#[test]
fn tall_fills_are_split_into_bands_seamlessly() {
    // 3000 × 40 is several bands of 64K cells.
    let slanted = polygon(&[(0.5, 0.0), (30.5, 0.0), (39.5, 3000.0), (9.5, 3000.0)]);
    let mut rec = SpanRecorder::new();
    Rasterizer::new().fill(
        &slanted,
        &RasterOptions::default(),
        PixelRect::from_size(2000, 3000),
        &mut rec,
    );
    let grid = rec.to_grid(2000, 3000).unwrap();
    let poly = [(0.5, 0.0), (30.5, 0.0), (39.5, 3000.0), (9.5, 3000.0)];
    for y in (0..3000).step_by(37) {
        for x in 0..45 {
            let want = exact_coverage(&poly, x, y) * 255.0;
            let got = f64::from(grid[(y * 2000 + x) as usize]);
            assert!(
                (got - want).abs() <= 1.0,
                "({x}, {y}) got {got} want {want}"
            );
        }
    }
}

/// Winding number of a closed polygon around a point.
fn winding(poly: &[(f64, f64)], px: f64, py: f64) -> i32 {
    let mut w = 0;
    for i in 0..poly.len() {
        let (x0, y0) = poly[i];
        let (x1, y1) = poly[(i + 1) % poly.len()];
        if (y0 <= py) != (y1 <= py) {
            let x = x0 + (py - y0) * (x1 - x0) / (y1 - y0);
            if x < px {
                w += if y1 > y0 { 1 } else { -1 };
            }
        }
    }
    w
}

#[test]
fn self_intersections_are_refined() {
    // A pentagram: windings 0, 1 and 2 meet at its inner vertices, where averaging
    // windings over a pixel would be wrong by up to half a pixel's coverage.
    let pts: Vec<(f32, f32)> = (0..5)
        .map(|i| {
            let a = core::f32::consts::TAU * (i as f32 * 2.0) / 5.0 - core::f32::consts::FRAC_PI_2;
            (16.3 + 14.0 * a.cos(), 16.1 + 14.0 * a.sin())
        })
        .collect();
    let poly: Vec<(f64, f64)> = pts
        .iter()
        .map(|&(x, y)| (f64::from(x), f64::from(y)))
        .collect();
    for rule in [FillRule::NonZero, FillRule::EvenOdd] {
        let grid = render(
            &polygon(&pts),
            &RasterOptions {
                rule,
                ..Default::default()
            },
            32,
            32,
        );
        let mut worst = 0.0f64;
        for y in 0..32u32 {
            for x in 0..32u32 {
                // Reference: 64 × 64 point samples per pixel.
                let mut inside = 0;
                for sy in 0..64 {
                    for sx in 0..64 {
                        let px = f64::from(x) + (f64::from(sx) + 0.5) / 64.0;
                        let py = f64::from(y) + (f64::from(sy) + 0.5) / 64.0;
                        let w = winding(&poly, px, py);
                        let hit = match rule {
                            FillRule::NonZero => w != 0,
                            FillRule::EvenOdd => w % 2 != 0,
                        };
                        inside += i32::from(hit);
                    }
                }
                let want = f64::from(inside) / 4096.0 * 255.0;
                let got = f64::from(grid[(y * 32 + x) as usize]);
                worst = worst.max((got - want).abs());
            }
        }
        // Suspect pixels are sampled on 16 lines: within 1/16 of full plus the
        // reference's own sampling error.
        assert!(worst <= 16.0, "{rule:?}: worst {worst:.2}");
    }
}

#[test]
fn convexity_check_spots_paths_that_cannot_overlap() {
    let tri = polygon(&[(1.0, 1.0), (9.0, 2.0), (4.0, 8.0)]);
    assert!(convex_and_apart(&tri));
    let concave = polygon(&[
        (0.0, 0.0),
        (10.0, 0.0),
        (5.0, 3.0),
        (10.0, 10.0),
        (0.0, 10.0),
    ]);
    assert!(!convex_and_apart(&concave));
    let star: Vec<(f32, f32)> = (0..5)
        .map(|i| {
            let a = core::f32::consts::TAU * (i as f32 * 2.0) / 5.0;
            (10.0 * a.cos(), 10.0 * a.sin())
        })
        .collect();
    assert!(
        !convex_and_apart(&polygon(&star)),
        "a pentagram turns twice"
    );
    let mut pb = PathBuilder::new();
    pb.push_circle(10.0, 10.0, 5.0).push_circle(30.0, 10.0, 5.0);
    assert!(convex_and_apart(&pb.finish().unwrap()));
    pb.push_circle(10.0, 10.0, 5.0).push_circle(18.0, 10.0, 5.0);
    assert!(!convex_and_apart(&pb.finish().unwrap()));
    assert!(convex_and_apart(&Path::circle(0.0, 0.0, 3.0).unwrap()));
}
