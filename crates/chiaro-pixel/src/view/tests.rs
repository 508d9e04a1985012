#![allow(
    clippy::cast_possible_truncation,
    reason = "test data is small and built from in-range values"
)]

use alloc::string::ToString;
use alloc::vec;
use alloc::vec::Vec;
use core::num::NonZeroU32;

use super::*;
use crate::RowOutOfRange;
use crate::format::{Gray8, Gray16, Rgb8, RgbaF32};

fn nz(v: u32) -> NonZeroU32 {
    NonZeroU32::new(v).unwrap()
}

/// A 5×3 gray view over a 7-wide buffer whose values encode their position.
fn numbered() -> Vec<Gray8> {
    (0..7 * 3).map(|i| Gray8::new(i as u8)).collect()
}

#[test]
fn rows_skip_padding() {
    let buf = numbered();
    let view = View::with_stride(&buf, 5, 3, 7).unwrap();
    let rows: Vec<Vec<u8>> = view
        .rows()
        .map(|r| r.iter().map(|p| p.v).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec![0, 1, 2, 3, 4],
            vec![7, 8, 9, 10, 11],
            vec![14, 15, 16, 17, 18]
        ]
    );
    let back: Vec<u8> = view.rows().rev().map(|r| r[0].v).collect();
    assert_eq!(back, [14, 7, 0]);
    assert_eq!(view.rows().len(), 3);
    assert_eq!(view.get(4, 2), Some(&Gray8::new(18)));
    assert_eq!(view.get(5, 0), None, "padding is not part of the view");
    assert_eq!(view.row(3), None);
    assert_eq!(view.as_slice(), None);
    assert_eq!(view.pixels().count(), 15);
    assert_eq!(
        view.enumerate_pixels().last(),
        Some((4, 2, &Gray8::new(18)))
    );
}

#[test]
fn last_row_needs_no_padding() {
    let buf = vec![Gray8::default(); 7 * 2 + 5];
    assert!(View::with_stride(&buf, 5, 3, 7).is_ok());
    assert_eq!(
        View::with_stride(&buf[..18], 5, 3, 7).unwrap_err(),
        LayoutError::BufferTooSmall {
            needed: 19,
            actual: 18
        }
    );
}

#[test]
fn rows_mut_from_both_ends() {
    let mut buf = numbered();
    let mut view = ViewMut::with_stride(&mut buf, 5, 3, 7).unwrap();
    let mut rows = view.rows_mut();
    let last = rows.next_back().unwrap();
    let first = rows.next().unwrap();
    let middle = rows.next().unwrap();
    assert!(rows.next().is_none() && rows.next_back().is_none());
    last[0] = Gray8::new(100);
    first[0] = Gray8::new(101);
    middle[4] = Gray8::new(102);
    assert_eq!(buf[14].v, 100);
    assert_eq!(buf[0].v, 101);
    assert_eq!(buf[11].v, 102);
    assert_eq!(buf[5].v, 5, "padding untouched");
}

#[test]
fn from_bytes_checks_alignment_stride_and_length() {
    let bytes = vec![0u8; 64];
    // f32 channels need 4-byte alignment; offset 1 cannot be.
    assert_eq!(
        View::<RgbaF32>::from_bytes(&bytes[1..], 1, 1, 16).unwrap_err(),
        LayoutError::Misaligned { required: 4 }
    );
    assert_eq!(
        View::<Gray16>::from_bytes(&bytes, 2, 2, 5).unwrap_err(),
        LayoutError::StrideNotChannelMultiple {
            stride_bytes: 5,
            channel_bytes: 2
        }
    );
    assert_eq!(
        View::<Rgb8>::from_bytes(&bytes, 4, 2, 11).unwrap_err(),
        LayoutError::StrideTooSmall {
            stride_bytes: 11,
            row_bytes: 12
        }
    );
    assert_eq!(
        View::<Rgb8>::from_bytes(&bytes, 4, 5, 16).unwrap_err(),
        LayoutError::BufferTooSmall {
            needed: 76,
            actual: 64
        }
    );
    // Rows padded to 16 bytes: not a whole number of Rgb8 pixels, still fine.
    let view = View::<Rgb8>::from_bytes(&bytes, 5, 4, 16).unwrap();
    assert_eq!(view.stride_bytes(), 16);
    assert_eq!(view.as_bytes().len(), 16 * 3 + 15);
}

#[test]
fn huge_dimensions_are_errors_not_panics() {
    let buf = vec![Gray8::default(); 4];
    assert!(View::new(&buf, u32::MAX, u32::MAX).is_err());
    assert!(View::with_stride(&buf, 1, 2, usize::MAX).is_err());
    assert!(View::<RgbaF32>::from_bytes(&[], u32::MAX, 2, usize::MAX - 3).is_err());
    assert!(Image::<RgbaF32>::try_new(u32::MAX, u32::MAX).is_err());
}

#[test]
fn empty_views() {
    let buf: Vec<Gray8> = Vec::new();
    let wide = View::new(&buf, 0, 5).unwrap();
    assert!(wide.is_empty());
    assert_eq!(wide.rows().count(), 5);
    assert!(wide.rows().all(|r| r.is_empty()));
    let flat = View::new(&buf, 5, 0).unwrap();
    assert_eq!(flat.rows().count(), 0);
    assert_eq!(
        flat.sub_view(Rect::new(2, 0, 3, 0)).map(|v| v.size()),
        Ok((3, 0))
    );
    let mut none: Vec<Gray8> = Vec::new();
    let view = ViewMut::new(&mut none, 0, 3).unwrap();
    assert_eq!(
        view.row_chunks_mut(nz(2))
            .map(|b| b.height())
            .collect::<Vec<_>>(),
        [2, 1]
    );
    let view = ViewMut::new(&mut none, 0, 3).unwrap();
    assert_eq!(view.tiles_mut(nz(2), nz(2)).count(), 0);
}

#[test]
fn sub_view_errors_name_rect_and_bounds() {
    let image = Image::<Gray8>::new(10, 4);
    let err = image.sub_view(Rect::new(-1, 0, 2, 2)).unwrap_err();
    assert_eq!(
        err,
        RegionError {
            rect: Rect::new(-1, 0, 2, 2),
            width: 10,
            height: 4
        }
    );
    assert_eq!(
        err.to_string(),
        "region 2×2 at (-1, 0) is not within the 10×4 bounds"
    );
    assert!(image.sub_view(Rect::new(8, 3, 3, 1)).is_err());
    assert!(image.sub_view(Rect::new(8, 3, 2, 1)).is_ok());
    assert!(image.sub_view(Rect::new(i32::MAX, 0, u32::MAX, 1)).is_err());
}

#[test]
fn nested_sub_views_address_the_right_pixels() {
    let image = Image::from_fn(9, 7, |x, y| Gray8::new((y * 16 + x) as u8));
    let a = image.sub_view(Rect::new(2, 1, 6, 5)).unwrap();
    let b = a.sub_view(Rect::new(1, 2, 3, 2)).unwrap();
    assert_eq!(b.get(0, 0), Some(&Gray8::new(3 * 16 + 3)));
    assert_eq!(b.get(2, 1), Some(&Gray8::new(4 * 16 + 5)));
    assert_eq!(b.to_image().as_slice().len(), 6);
}

#[test]
fn split_at_row_and_bounds() {
    let mut image = Image::<Gray8>::new(3, 4);
    let (mut top, mut bottom) = image.split_at_row_mut(1).unwrap();
    top.fill(Gray8::new(1));
    bottom.fill(Gray8::new(2));
    assert_eq!(
        image.rows().map(|r| r[2].v).collect::<Vec<_>>(),
        [1, 2, 2, 2]
    );
    let (top, bottom) = image.split_at_row_mut(4).unwrap();
    assert_eq!((top.height(), bottom.height()), (4, 0));
    assert_eq!(
        image.split_at_row_mut(5).unwrap_err(),
        RowOutOfRange { row: 5, height: 4 }
    );
}

#[test]
fn tiles_know_where_they_are() {
    let mut image = Image::<Gray16>::new(7, 5);
    let rects: Vec<Rect> = image.tiles_mut(nz(3), nz(2)).map(|t| t.rect()).collect();
    assert_eq!(rects.len(), 9);
    assert_eq!(rects[0], Rect::new(0, 0, 3, 2));
    assert_eq!(rects[2], Rect::new(6, 0, 1, 2));
    assert_eq!(rects[8], Rect::new(6, 4, 1, 1));
    for mut tile in image.tiles_mut(nz(3), nz(2)) {
        let r = tile.rect();
        tile.fill(Gray16::new((r.y * 10 + r.x) as u16));
        assert!(tile.get(r.width, 0).is_none());
    }
    assert_eq!(image.get(4, 3), Some(&Gray16::new(23)));
}

#[test]
fn copy_from_checks_size() {
    let src = Image::filled(2, 2, Gray8::new(9));
    let mut dst = Image::<Gray8>::new(4, 4);
    let mut region = dst.sub_view_mut(Rect::new(1, 1, 2, 2)).unwrap();
    region.copy_from(src.as_view()).unwrap();
    assert_eq!(dst.as_slice().iter().filter(|p| p.v == 9).count(), 4);
    assert_eq!(dst.get(2, 2), Some(&Gray8::new(9)));
    assert!(dst.copy_from(src.as_view()).is_err());
}
