//! Property tests: sub-views and every split cover each pixel of a strided view exactly
//! once, leave the padding between rows alone, and report where each part lies.

#![allow(
    clippy::cast_possible_truncation,
    reason = "test images are at most 256 pixels wide, so coordinates fit every channel type"
)]

use std::num::NonZeroU32;

use chiaro_pixel::{Rect, Rgba16, ViewMut};
use proptest::prelude::*;

/// Padding value: must never change.
const PAD: Rgba16 = Rgba16::new(0xDEAD, 0xDEAD, 0xDEAD, 0xDEAD);

/// A buffer for a `width × height` view with `stride` pixels per row, where each pixel
/// holds `(visits, x, y, 0)` and padding holds `PAD`.
fn buffer(width: u32, height: u32, stride: usize) -> Vec<Rgba16> {
    let rows = height.max(1) as usize;
    let mut buf = vec![PAD; stride * rows];
    for y in 0..height as usize {
        for x in 0..width as usize {
            buf[y * stride + x] = Rgba16::new(0, x as u16, y as u16, 0);
        }
    }
    buf
}

/// Checks that every pixel was visited `expected(x, y)` times and padding is intact.
fn check(
    buf: &[Rgba16],
    width: u32,
    height: u32,
    stride: usize,
    expected: impl Fn(u32, u32) -> u16,
) {
    for (i, p) in buf.iter().enumerate() {
        let (x, y) = ((i % stride) as u32, (i / stride) as u32);
        if x < width && y < height {
            assert_eq!(
                (p.g, p.b),
                (x as u16, y as u16),
                "pixel moved at ({x}, {y})"
            );
            assert_eq!(p.r, expected(x, y), "visits at ({x}, {y})");
        } else {
            assert_eq!(*p, PAD, "padding written at index {i}");
        }
    }
}

/// Marks one visit of a pixel at `(x, y)` in the original view's coordinates.
fn visit(p: &mut Rgba16, x: u32, y: u32) {
    assert_eq!(
        (p.g, p.b),
        (x as u16, y as u16),
        "part reports the wrong position"
    );
    p.r += 1;
}

fn dims() -> impl Strategy<Value = (u32, u32, usize)> {
    (0u32..24, 0u32..24, 0usize..5).prop_map(|(w, h, pad)| (w, h, w as usize + pad))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn split_at_row_covers_once((w, h, stride) in dims(), at in 0u32..25) {
        let at = at.min(h);
        let mut buf = buffer(w, h, stride);
        let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
        let (mut top, mut bottom) = view.split_at_row(at).unwrap();
        prop_assert_eq!(top.height() + bottom.height(), h);
        for (y, row) in (0u32..).zip(top.rows_mut()) {
            for (x, p) in (0u32..).zip(row) { visit(p, x, y); }
        }
        for (y, row) in (at..).zip(bottom.rows_mut()) {
            for (x, p) in (0u32..).zip(row) { visit(p, x, y); }
        }
        check(&buf, w, h, stride, |_, _| 1);
    }

    #[test]
    fn row_chunks_cover_once((w, h, stride) in dims(), n in 1u32..8) {
        let mut buf = buffer(w, h, stride);
        let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
        let chunks = view.row_chunks_mut(NonZeroU32::new(n).unwrap());
        prop_assert_eq!(chunks.len(), h.div_ceil(n) as usize);
        let mut y0 = 0;
        for mut band in chunks {
            prop_assert!(band.height() >= 1 && band.height() <= n);
            for (y, row) in (y0..).zip(band.rows_mut()) {
                for (x, p) in (0u32..).zip(row) { visit(p, x, y); }
            }
            y0 += band.height();
        }
        prop_assert_eq!(y0, h);
        check(&buf, w, h, stride, |_, _| 1);
    }

    #[test]
    fn tiles_cover_once((w, h, stride) in dims(), tw in 1u32..8, th in 1u32..8) {
        let mut buf = buffer(w, h, stride);
        let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
        let tiles = view.tiles_mut(NonZeroU32::new(tw).unwrap(), NonZeroU32::new(th).unwrap());
        let mut area = 0u64;
        for mut tile in tiles {
            let r = tile.rect();
            prop_assert!(r.width >= 1 && r.width <= tw && r.height >= 1 && r.height <= th);
            prop_assert!(Rect::from_size(w, h).contains_rect(&r));
            area += r.area();
            for (y, row) in (r.y as u32..).zip(tile.rows_mut()) {
                prop_assert_eq!(row.len(), r.width as usize);
                for (x, p) in (r.x as u32..).zip(row) { visit(p, x, y); }
            }
        }
        prop_assert_eq!(area, u64::from(w) * u64::from(h));
        check(&buf, w, h, stride, |_, _| 1);
    }

    #[test]
    fn sub_views_touch_only_their_rect(
        (w, h, stride) in dims(),
        rx in 0u32..24, ry in 0u32..24, rw in 0u32..24, rh in 0u32..24,
        inner in (0u32..24, 0u32..24, 0u32..24, 0u32..24),
    ) {
        let mut buf = buffer(w, h, stride);
        let mut view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
        let rect = Rect::new(rx as i32, ry as i32, rw, rh);
        let inside = Rect::from_size(w, h).contains_rect(&rect);
        let sub = view.sub_view_mut(rect);
        prop_assert_eq!(sub.is_ok(), inside);
        let Ok(sub) = sub else { return Ok(()) };
        // A second, nested region, relative to the first.
        let (ix, iy, iw, ih) = inner;
        let nested = Rect::new(ix as i32, iy as i32, iw, ih);
        let nested_inside = rect.width >= ix + iw && rect.height >= iy + ih;
        let target = sub.into_sub_view(nested);
        prop_assert_eq!(target.is_ok(), nested_inside);
        let Ok(mut target) = target else { return Ok(()) };
        let (x0, y0) = (rx + ix, ry + iy);
        for (y, row) in (y0..).zip(target.rows_mut()) {
            for (x, p) in (x0..).zip(row) { visit(p, x, y); }
        }
        let abs = Rect::new(x0 as i32, y0 as i32, iw, ih);
        check(&buf, w, h, stride, |x, y| u16::from(abs.contains(x.into(), y.into())));
    }
}

#[cfg(feature = "rayon")]
mod parallel {
    use super::*;
    use rayon::prelude::*;
    use std::sync::Mutex;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn par_rows_cover_once((w, h, stride) in dims()) {
            let mut buf = buffer(w, h, stride);
            let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
            let rows = view.par_rows_mut();
            prop_assert_eq!(rows.len(), h as usize);
            rows.enumerate().for_each(|(y, row)| {
                for (x, p) in (0u32..).zip(row) { visit(p, x, y as u32); }
            });
            check(&buf, w, h, stride, |_, _| 1);
        }

        #[test]
        fn par_row_chunks_cover_once((w, h, stride) in dims(), n in 1u32..8) {
            let mut buf = buffer(w, h, stride);
            let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
            let heights = Mutex::new(Vec::new());
            view.par_row_chunks_mut(NonZeroU32::new(n).unwrap()).enumerate().for_each(|(i, mut band)| {
                heights.lock().unwrap().push((i, band.height()));
                let y0 = i as u32 * n;
                for (y, row) in (y0..).zip(band.rows_mut()) {
                    for (x, p) in (0u32..).zip(row) { visit(p, x, y); }
                }
            });
            let total: u32 = heights.into_inner().unwrap().iter().map(|&(_, h)| h).sum();
            prop_assert_eq!(total, h);
            check(&buf, w, h, stride, |_, _| 1);
        }

        #[test]
        fn par_tiles_cover_once((w, h, stride) in dims(), tw in 1u32..8, th in 1u32..8) {
            let mut buf = buffer(w, h, stride);
            let view = ViewMut::with_stride(&mut buf, w, h, stride).unwrap();
            view.par_tiles_mut(NonZeroU32::new(tw).unwrap(), NonZeroU32::new(th).unwrap())
                .for_each(|mut tile| {
                    let r = tile.rect();
                    for (y, row) in (r.y as u32..).zip(tile.rows_mut()) {
                        for (x, p) in (r.x as u32..).zip(row) { visit(p, x, y); }
                    }
                });
            check(&buf, w, h, stride, |_, _| 1);
        }
    }
}
