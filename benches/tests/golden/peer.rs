//! chiaro's geometry in tiny-skia's terms, shared by the golden tests and the
//! drawing benchmarks.

#![allow(dead_code, reason = "each user takes part of it")]

use chiaro::draw::path::PathEl;
use chiaro::draw::{LineCap, LineJoin, Path, Stroke, Transform};

/// chiaro's transform as tiny-skia's.
pub(crate) fn ts_transform(t: Transform) -> tiny_skia::Transform {
    tiny_skia::Transform::from_row(t.a, t.b, t.c, t.d, t.e, t.f)
}

/// chiaro's path as tiny-skia's, element by element (`None` for an empty path).
pub(crate) fn ts_path(path: &Path) -> Option<tiny_skia::Path> {
    let mut pb = tiny_skia::PathBuilder::new();
    for el in path.elements() {
        match el {
            PathEl::MoveTo(p) => pb.move_to(p.x, p.y),
            PathEl::LineTo(p) => pb.line_to(p.x, p.y),
            PathEl::QuadTo(c, p) => pb.quad_to(c.x, c.y, p.x, p.y),
            PathEl::CubicTo(c1, c2, p) => pb.cubic_to(c1.x, c1.y, c2.x, c2.y, p.x, p.y),
            PathEl::Close => pb.close(),
        }
    }
    pb.finish()
}

/// chiaro's stroke as tiny-skia's.
pub(crate) fn ts_stroke(stroke: &Stroke) -> tiny_skia::Stroke {
    tiny_skia::Stroke {
        width: stroke.width,
        miter_limit: stroke.miter_limit,
        line_cap: match stroke.cap {
            LineCap::Butt => tiny_skia::LineCap::Butt,
            LineCap::Round => tiny_skia::LineCap::Round,
            LineCap::Square => tiny_skia::LineCap::Square,
        },
        line_join: match stroke.join {
            LineJoin::Miter => tiny_skia::LineJoin::Miter,
            LineJoin::Round => tiny_skia::LineJoin::Round,
            LineJoin::Bevel => tiny_skia::LineJoin::Bevel,
        },
        dash: stroke.dash.as_ref().map(|d| {
            tiny_skia::StrokeDash::new(d.intervals().to_vec(), d.phase()).expect("a valid dash")
        }),
    }
}
