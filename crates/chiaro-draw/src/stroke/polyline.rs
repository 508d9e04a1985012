//! Paths flattened for stroking: polylines in user space whose vertices say whether
//! they are corners (where two segments of the path meet, joined as the stroke says)
//! or points inside a curve (joined round, so the outline follows the curve's offset
//! within the tolerance however sharply it bends).

use alloc::vec::Vec;

use crate::geom::{Point, Vec2};
use crate::path::{Path, PathEl, Segment, flatten_segment};

/// A polyline vertex.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Vertex {
    pub(crate) p: Point,
    /// Where segments of the path meet (or a subpath starts or ends), as opposed to
    /// a point inside a flattened curve.
    pub(crate) corner: bool,
    /// At a corner: the unit tangent of the path arriving and leaving (zero where
    /// unknown, and inside curves), which joins and caps use instead of the
    /// directions of the flattened edges, so a cap ends square to the curve itself.
    pub(crate) t_in: Vec2,
    pub(crate) t_out: Vec2,
}

impl Vertex {
    /// A corner with no tangents of its own (the edges' directions are used).
    pub(crate) fn corner(p: Point) -> Self {
        Vertex {
            p,
            corner: true,
            t_in: Vec2::ZERO,
            t_out: Vec2::ZERO,
        }
    }

    /// The tangent arriving, or `edge` when unknown.
    pub(crate) fn tangent_in(&self, edge: Vec2) -> Vec2 {
        if self.t_in == Vec2::ZERO {
            edge
        } else {
            self.t_in
        }
    }

    /// The tangent leaving, or `edge` when unknown.
    pub(crate) fn tangent_out(&self, edge: Vec2) -> Vec2 {
        if self.t_out == Vec2::ZERO {
            edge
        } else {
            self.t_out
        }
    }
}

/// One polyline of [`Polylines`]: a range of its vertices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Polyline {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Whether the last vertex joins back to the first.
    pub(crate) closed: bool,
    /// For a polyline of one vertex (a zero-length subpath or dash): the direction
    /// of the path there, which a square cap is turned to.
    pub(crate) dir: Vec2,
}

/// Polylines with no two consecutive vertices closer than the minimum length given
/// when they were built (a closed polyline's last vertex is not that close to its
/// first either). A polyline of one vertex is a dot.
#[derive(Clone, Debug, Default)]
pub(crate) struct Polylines {
    pub(crate) vertices: Vec<Vertex>,
    pub(crate) lines: Vec<Polyline>,
    /// Start of the polyline being built, if one is.
    open: Option<usize>,
}

/// Direction of a dot when the path gives none.
pub(crate) const DEFAULT_DIR: Vec2 = Vec2::new(1.0, 0.0);

impl Polylines {
    pub(crate) fn clear(&mut self) {
        self.vertices.clear();
        self.lines.clear();
        self.open = None;
    }

    /// The polylines with their vertices.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Polyline, &[Vertex])> + '_ {
        self.lines
            .iter()
            .map(|l| (*l, &self.vertices[l.start..l.end]))
    }

    /// Starts a polyline at `v`, ending any open one as open.
    pub(crate) fn begin(&mut self, v: Vertex) {
        self.end(false, DEFAULT_DIR, 0.0);
        self.open = Some(self.vertices.len());
        self.vertices.push(Vertex { corner: true, ..v });
    }

    /// Adds a vertex, or merges it into the last one if within `min_len` of it (the
    /// last one keeps its position and becomes a corner if `v` was one).
    pub(crate) fn push(&mut self, v: Vertex, min_len: f32) {
        let Some(last) = self.vertices.last_mut() else {
            return;
        };
        if self.open.is_none() {
            return;
        }
        if (v.p - last.p).length_squared() <= min_len * min_len {
            last.corner |= v.corner;
            if last.t_in == Vec2::ZERO {
                last.t_in = v.t_in;
            }
        } else {
            self.vertices.push(v);
        }
    }

    /// Sets the tangent leaving the last vertex.
    fn set_tangent_out(&mut self, t: Vec2) {
        if self.open.is_some()
            && let Some(last) = self.vertices.last_mut()
        {
            last.t_out = t;
        }
    }

    /// Ends the polyline being built, if any.
    pub(crate) fn end(&mut self, closed: bool, dir: Vec2, min_len: f32) {
        let Some(start) = self.open.take() else {
            return;
        };
        let mut end = self.vertices.len();
        if closed && end - start >= 2 {
            let (first, last) = (self.vertices[start].p, self.vertices[end - 1].p);
            if (last - first).length_squared() <= min_len * min_len {
                let dropped = self.vertices.pop();
                end -= 1;
                if let Some(d) = dropped {
                    self.vertices[start].t_in = d.t_in;
                }
            }
        }
        self.vertices[end - 1].corner = true;
        self.lines.push(Polyline {
            start,
            end,
            closed: closed && end - start >= 2,
            dir,
        });
    }
}

/// Flattens `path` within `tolerance` into `out`, replacing its contents; vertices
/// closer than `min_len` to the previous one are merged into it.
pub(crate) fn flatten(path: &Path, tolerance: f32, min_len: f32, out: &mut Polylines) {
    out.clear();
    let mut last = Point::ZERO;
    let mut start = Point::ZERO;
    for el in path.elements() {
        let seg = match el {
            PathEl::MoveTo(p) => {
                out.begin(Vertex::corner(p));
                last = p;
                start = p;
                continue;
            }
            PathEl::Close => {
                out.end(true, DEFAULT_DIR, min_len);
                last = start;
                continue;
            }
            PathEl::LineTo(p) => Segment::Line(last, p),
            PathEl::QuadTo(c, p) => Segment::Quad(last, c, p),
            PathEl::CubicTo(c1, c2, p) => Segment::Cubic(last, c1, c2, p),
        };
        let end = seg.end();
        let (t0, t1) = end_tangents(&seg);
        out.set_tangent_out(t0);
        flatten_segment(&seg, tolerance, &mut |_, b| {
            let v = if b == end {
                Vertex {
                    t_in: t1,
                    ..Vertex::corner(b)
                }
            } else {
                Vertex {
                    corner: false,
                    ..Vertex::corner(b)
                }
            };
            out.push(v, min_len);
        });
        last = end;
    }
    out.end(false, DEFAULT_DIR, min_len);
}

/// Unit tangents of `seg` at its start and end (zero for a segment of no extent),
/// from its first and last control points distinct from the ends.
fn end_tangents(seg: &Segment) -> (Vec2, Vec2) {
    let pts: &[Point] = match seg {
        Segment::Line(a, b) => &[*a, *b],
        Segment::Quad(a, b, c) => &[*a, *b, *c],
        Segment::Cubic(a, b, c, d) => &[*a, *b, *c, *d],
    };
    let (first, last) = (pts[0], pts[pts.len() - 1]);
    let t0 = pts[1..]
        .iter()
        .find_map(|&q| (q - first).normalize())
        .unwrap_or(Vec2::ZERO);
    let t1 = pts[..pts.len() - 1]
        .iter()
        .rev()
        .find_map(|&q| (last - q).normalize())
        .unwrap_or(Vec2::ZERO);
    (t0, t1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::PathBuilder;

    fn flat(path: &Path) -> Polylines {
        let mut out = Polylines::default();
        flatten(path, 0.1, 1e-3, &mut out);
        out
    }

    #[test]
    fn lines_keep_their_corners_and_curves_their_inner_points() {
        let mut pb = PathBuilder::new();
        pb.move_to(0.0, 0.0)
            .line_to(10.0, 0.0)
            .quad_to(20.0, 0.0, 20.0, 10.0);
        let p = flat(&pb.finish().unwrap());
        let (line, v) = p.iter().next().unwrap();
        assert!(!line.closed);
        assert!(v.len() > 3);
        assert!(v[0].corner && v[1].corner && v[v.len() - 1].corner);
        assert!(v[2..v.len() - 1].iter().all(|v| !v.corner));
    }

    #[test]
    fn zero_length_segments_are_merged_into_dots() {
        let mut pb = PathBuilder::new();
        pb.move_to(5.0, 5.0).line_to(5.0, 5.0);
        pb.move_to(1.0, 1.0).line_to(1.0, 1.0).close();
        pb.move_to(0.0, 0.0)
            .line_to(4.0, 0.0)
            .line_to(4.0, 0.0)
            .line_to(4.0, 3.0)
            .line_to(0.0, 0.0)
            .close();
        let p = flat(&pb.finish().unwrap());
        let all: Vec<_> = p.iter().map(|(l, v)| (l.closed, v.len())).collect();
        // The closing vertex equal to the start is dropped: three corners remain.
        assert_eq!(all, [(false, 1), (false, 1), (true, 3)]);
    }
}
