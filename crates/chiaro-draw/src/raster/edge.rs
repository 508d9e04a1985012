//! Lines clipped to the window being drawn, in window coordinates.

use alloc::vec::Vec;

use chiaro_pixel::Rect as PixelRect;

use crate::geom::Point;
use crate::path::Segment;

/// A line inside the window, in window coordinates (`0 ≤ x ≤ width`,
/// `0 ≤ y ≤ height`), never horizontal. Kept in the direction it was drawn: downward
/// lines (`y1 > y0`) add to the winding number to their right, upward ones subtract.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Line {
    pub(crate) x0: f32,
    pub(crate) y0: f32,
    pub(crate) x1: f32,
    pub(crate) y1: f32,
}

impl Line {
    #[inline]
    pub(crate) fn top(&self) -> f32 {
        self.y0.min(self.y1)
    }

    #[inline]
    pub(crate) fn bottom(&self) -> f32 {
        self.y0.max(self.y1)
    }
}

/// Where a segment lies relative to the window.
pub(crate) enum Placement {
    /// Covers no pixel of the window and changes no winding in it.
    Outside,
    /// Entirely to the left: it only shifts the winding of the rows it spans, exactly
    /// as the straight line between its ends would.
    Left(Point, Point),
    /// May cross the window: flatten it.
    Crossing,
}

/// The pixel rectangle being drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Window {
    rect: PixelRect,
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
}

impl Window {
    pub(crate) fn new(rect: PixelRect) -> Self {
        Self {
            rect,
            x0: f64::from(rect.x),
            y0: f64::from(rect.y),
            w: f64::from(rect.width),
            h: f64::from(rect.height),
        }
    }

    #[inline]
    pub(crate) fn width(&self) -> u32 {
        self.rect.width
    }

    #[inline]
    pub(crate) fn height(&self) -> u32 {
        self.rect.height
    }

    /// Target column of window column 0. The window lies inside the target, whose
    /// coordinates are never negative.
    #[inline]
    pub(crate) fn left(&self) -> u32 {
        self.rect.x.unsigned_abs()
    }

    /// Target row of window row 0.
    #[inline]
    pub(crate) fn top(&self) -> u32 {
        self.rect.y.unsigned_abs()
    }

    /// Decides from the control points, which hold the curve, whether `seg` can
    /// touch the window.
    pub(crate) fn classify(&self, seg: &Segment) -> Placement {
        let (mut x_min, mut x_max, mut y_min, mut y_max) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        let mut add = |p: Point| {
            x_min = x_min.min(p.x);
            x_max = x_max.max(p.x);
            y_min = y_min.min(p.y);
            y_max = y_max.max(p.y);
        };
        match *seg {
            Segment::Line(a, b) => {
                add(a);
                add(b);
            }
            Segment::Quad(a, b, c) => {
                add(a);
                add(b);
                add(c);
            }
            Segment::Cubic(a, b, c, d) => {
                add(a);
                add(b);
                add(c);
                add(d);
            }
        }
        let (x_min, x_max) = (f64::from(x_min), f64::from(x_max));
        let (y_min, y_max) = (f64::from(y_min), f64::from(y_max));
        if y_max <= self.y0 || y_min >= self.y0 + self.h || x_min >= self.x0 + self.w {
            Placement::Outside
        } else if x_max <= self.x0 {
            Placement::Left(seg.start(), seg.end())
        } else {
            Placement::Crossing
        }
    }

    /// Clips the device-space line `a → b` to the window and appends what is left,
    /// in window coordinates.
    pub(crate) fn push_clipped(&self, a: Point, b: Point, out: &mut Vec<Line>) {
        let (mut xa, mut ya) = (f64::from(a.x) - self.x0, f64::from(a.y) - self.y0);
        let (mut xb, mut yb) = (f64::from(b.x) - self.x0, f64::from(b.y) - self.y0);
        if !(xa.is_finite() && ya.is_finite() && xb.is_finite() && yb.is_finite()) || ya == yb {
            return;
        }
        let (w, h) = (self.w, self.h);
        if ya.max(yb) <= 0.0 || ya.min(yb) >= h || xa.min(xb) >= w {
            return;
        }
        // Clip to the rows, interpolating from the original ends.
        let (ox0, oy0, ox1, oy1) = (xa, ya, xb, yb);
        let x_at = |y: f64| ox0 + (y - oy0) * ((ox1 - ox0) / (oy1 - oy0));
        if ya < 0.0 {
            xa = x_at(0.0);
            ya = 0.0;
        } else if ya > h {
            xa = x_at(h);
            ya = h;
        }
        if yb < 0.0 {
            xb = x_at(0.0);
            yb = 0.0;
        } else if yb > h {
            xb = x_at(h);
            yb = h;
        }
        if xa.min(xb) >= w {
            return;
        }
        if xa.max(xb) <= w && xa.min(xb) >= 0.0 {
            push(out, xa, ya, xb, yb);
            return;
        }
        // Split where the line crosses x = 0 and x = w; left parts move onto x = 0,
        // right parts are dropped.
        let mut cuts = [0.0f64, 1.0, 1.0, 1.0];
        let mut n = 1;
        let dx = xb - xa;
        for edge in [0.0, w] {
            let t = (edge - xa) / dx;
            if t > 0.0 && t < 1.0 {
                cuts[n] = t;
                n += 1;
            }
        }
        cuts[n] = 1.0;
        cuts[1..n].sort_unstable_by(f64::total_cmp);
        let lerp = |t: f64| (xa + dx * t, ya + (yb - ya) * t);
        for i in 0..n {
            let (t0, t1) = (cuts[i], cuts[i + 1]);
            let (px0, py0) = if t0 == 0.0 { (xa, ya) } else { lerp(t0) };
            let (px1, py1) = if t1 == 1.0 { (xb, yb) } else { lerp(t1) };
            let mid = (px0 + px1) * 0.5;
            if mid >= w {
                continue;
            }
            if mid <= 0.0 {
                push(out, 0.0, py0, 0.0, py1);
            } else {
                push(out, px0.clamp(0.0, w), py0, px1.clamp(0.0, w), py1);
            }
        }
    }
}

#[inline]
fn push(out: &mut Vec<Line>, x0: f64, y0: f64, x1: f64, y1: f64) {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "clipped to the window, whose size fits f32 well enough"
    )]
    let line = Line {
        x0: x0 as f32,
        y0: y0 as f32,
        x1: x1 as f32,
        y1: y1 as f32,
    };
    if line.y0 != line.y1 {
        out.push(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Window {
        Window::new(PixelRect::new(10, 20, 100, 50))
    }

    fn clip(a: (f32, f32), b: (f32, f32)) -> Vec<Line> {
        let mut out = Vec::new();
        window().push_clipped(Point::new(a.0, a.1), Point::new(b.0, b.1), &mut out);
        out
    }

    #[test]
    fn inside_lines_are_shifted_into_window_coordinates() {
        assert_eq!(
            clip((20.0, 30.0), (40.0, 60.0)),
            [Line {
                x0: 10.0,
                y0: 10.0,
                x1: 30.0,
                y1: 40.0
            }]
        );
    }

    #[test]
    fn rows_outside_and_the_right_side_are_dropped() {
        assert!(clip((20.0, 0.0), (40.0, 20.0)).is_empty());
        assert!(clip((20.0, 70.0), (40.0, 90.0)).is_empty());
        assert!(clip((110.0, 30.0), (200.0, 60.0)).is_empty());
        assert!(clip((20.0, 30.0), (90.0, 30.0)).is_empty(), "horizontal");
    }

    #[test]
    fn left_parts_move_onto_the_left_edge() {
        assert_eq!(
            clip((-100.0, 30.0), (0.0, 60.0)),
            [Line {
                x0: 0.0,
                y0: 10.0,
                x1: 0.0,
                y1: 40.0
            }]
        );
        // Crossing x = 0 (window x = 0 is device x = 10) at y = 45 (window 25).
        let got = clip((0.0, 40.0), (20.0, 50.0));
        assert_eq!(
            got,
            [
                Line {
                    x0: 0.0,
                    y0: 20.0,
                    x1: 0.0,
                    y1: 25.0
                },
                Line {
                    x0: 0.0,
                    y0: 25.0,
                    x1: 10.0,
                    y1: 30.0
                },
            ]
        );
    }

    #[test]
    fn long_lines_are_cut_at_both_sides_and_rows() {
        let got = clip((-1e30, -1e30), (1e30, 1e30));
        for l in &got {
            for v in [l.x0, l.x1] {
                assert!((0.0..=100.0).contains(&v), "{got:?}");
            }
            for v in [l.y0, l.y1] {
                assert!((0.0..=50.0).contains(&v), "{got:?}");
            }
        }
        let span: f32 = got.iter().map(|l| l.y1 - l.y0).sum();
        assert_eq!(span, 50.0, "the winding of every row survives: {got:?}");
    }
}
