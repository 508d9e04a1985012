//! Lossless layout transforms: flips, transposes and quarter turns, and the EXIF
//! [`Orientation`] that names them.
//!
//! They live here, in the pixel crate, so that a decoder can show a photo upright
//! without depending on an image-processing crate. Each moves whole pixels, so it is
//! exact for every format.
//!
//! ```
//! use chiaro_pixel::{Gray8, Image, Orientation};
//!
//! // Stored as a camera held on its side would store it: 3 wide, 2 high.
//! let stored = Image::from_fn(3, 2, |x, y| Gray8::new((10 * y + x) as u8));
//! // EXIF orientation 6: turn 90° clockwise to display.
//! let upright = stored.oriented(Orientation::Rotate90);
//! assert_eq!(upright.size(), (2, 3));
//! assert_eq!(upright.row(0), Some(&[Gray8::new(10), Gray8::new(0)][..]));
//! ```

use alloc::vec::Vec;

use crate::{Image, Pixel, View, ViewMut};

/// How a stored image must be turned to display upright: the eight values of the
/// EXIF/TIFF `Orientation` tag (274).
///
/// Each variant names the transform that *displays* the stored pixels, which is what
/// [`Image::oriented`] applies. The swapping variants ([`Transpose`](Self::Transpose),
/// [`Rotate90`](Self::Rotate90), [`Transverse`](Self::Transverse),
/// [`Rotate270`](Self::Rotate270)) exchange width and height.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Orientation {
    /// 1: stored upright.
    #[default]
    Normal,
    /// 2: mirror left to right.
    FlipHorizontal,
    /// 3: turn 180°.
    Rotate180,
    /// 4: mirror top to bottom.
    FlipVertical,
    /// 5: mirror across the top-left to bottom-right diagonal.
    Transpose,
    /// 6: turn 90° clockwise.
    Rotate90,
    /// 7: mirror across the top-right to bottom-left diagonal.
    Transverse,
    /// 8: turn 90° counter-clockwise (270° clockwise).
    Rotate270,
}

impl Orientation {
    /// All eight, in EXIF order.
    pub const ALL: [Self; 8] = [
        Self::Normal,
        Self::FlipHorizontal,
        Self::Rotate180,
        Self::FlipVertical,
        Self::Transpose,
        Self::Rotate90,
        Self::Transverse,
        Self::Rotate270,
    ];

    /// The orientation of an EXIF tag value 1–8; `None` for any other value (0 and 9
    /// occur in the wild: readers treat them as [`Normal`](Self::Normal)).
    pub const fn from_exif(value: u16) -> Option<Self> {
        match value {
            1..=8 => Some(Self::ALL[value as usize - 1]),
            _ => None,
        }
    }

    /// The EXIF tag value, 1–8.
    pub const fn exif_value(self) -> u16 {
        match self {
            Self::Normal => 1,
            Self::FlipHorizontal => 2,
            Self::Rotate180 => 3,
            Self::FlipVertical => 4,
            Self::Transpose => 5,
            Self::Rotate90 => 6,
            Self::Transverse => 7,
            Self::Rotate270 => 8,
        }
    }

    /// Whether displaying exchanges width and height.
    pub const fn swaps_dimensions(self) -> bool {
        matches!(
            self,
            Self::Transpose | Self::Rotate90 | Self::Transverse | Self::Rotate270
        )
    }

    /// The transform that undoes this one: `image.oriented(o).oriented(o.inverse())`
    /// is `image`.
    pub const fn inverse(self) -> Self {
        match self {
            Self::Rotate90 => Self::Rotate270,
            Self::Rotate270 => Self::Rotate90,
            other => other,
        }
    }

    /// The displayed size of a stored `(width, height)`.
    pub const fn displayed_size(self, (width, height): (u32, u32)) -> (u32, u32) {
        if self.swaps_dimensions() {
            (height, width)
        } else {
            (width, height)
        }
    }

    /// Where the stored pixel `(x, y)`, inside a `width` × `height` image, lands when
    /// displayed.
    pub const fn map_point(self, x: u32, y: u32, width: u32, height: u32) -> (u32, u32) {
        let (r, b) = (
            width.wrapping_sub(1).wrapping_sub(x),
            height.wrapping_sub(1).wrapping_sub(y),
        );
        match self {
            Self::Normal => (x, y),
            Self::FlipHorizontal => (r, y),
            Self::Rotate180 => (r, b),
            Self::FlipVertical => (x, b),
            Self::Transpose => (y, x),
            Self::Rotate90 => (b, x),
            Self::Transverse => (b, r),
            Self::Rotate270 => (y, r),
        }
    }
}

/// Mirrors a view left to right, in place.
pub fn flip_horizontal<P: Pixel>(mut view: ViewMut<'_, P>) {
    for row in view.rows_mut() {
        row.reverse();
    }
}

/// Mirrors a view top to bottom, in place.
pub fn flip_vertical<P: Pixel>(view: ViewMut<'_, P>) {
    let height = view.height();
    let mut rows: Vec<&mut [P]> = view.into_rows().collect();
    for y in 0..(height / 2) as usize {
        let (top, bottom) = rows.split_at_mut(y + 1);
        if let (Some(a), Some(b)) = (top.last_mut(), bottom.iter_mut().rev().nth(y)) {
            a.swap_with_slice(b);
        }
    }
}

/// Turns a view 180°, in place.
pub fn rotate180<P: Pixel>(mut view: ViewMut<'_, P>) {
    flip_horizontal(view.as_view_mut());
    flip_vertical(view);
}

/// Side of the square tiles the transposing copies work in, so that reads and writes
/// both stay within a few cache lines.
const TILE: u32 = 16;

/// A new image holding `src` with each pixel `(x, y)` at `place(x, y)`, for the four
/// transforms that exchange width and height, copying tile by tile.
fn swapped<P: Pixel>(src: View<'_, P>, place: impl Fn(u32, u32) -> (u32, u32)) -> Image<P> {
    let (w, h) = src.size();
    let mut out = Image::filled(h, w, P::default());
    let out_width = h as usize;
    let data = out.as_mut_slice();
    for ty in (0..h).step_by(TILE as usize) {
        for tx in (0..w).step_by(TILE as usize) {
            for y in ty..(ty + TILE).min(h) {
                let Some(row) = src.row(y) else { continue };
                for x in tx..(tx + TILE).min(w) {
                    let (dx, dy) = place(x, y);
                    if let (Some(d), Some(&s)) = (
                        data.get_mut(dy as usize * out_width + dx as usize),
                        row.get(x as usize),
                    ) {
                        *d = s;
                    }
                }
            }
        }
    }
    out
}

/// A new image mirrored across the top-left to bottom-right diagonal (EXIF 5).
pub fn transpose<P: Pixel>(src: View<'_, P>) -> Image<P> {
    swapped(src, |x, y| (y, x))
}

/// A new image turned 90° clockwise (EXIF 6).
pub fn rotate90<P: Pixel>(src: View<'_, P>) -> Image<P> {
    let h = src.height();
    swapped(src, |x, y| (h - 1 - y, x))
}

/// A new image turned 90° counter-clockwise (EXIF 8).
pub fn rotate270<P: Pixel>(src: View<'_, P>) -> Image<P> {
    let w = src.width();
    swapped(src, |x, y| (y, w - 1 - x))
}

/// A new image mirrored across the top-right to bottom-left diagonal (EXIF 7).
pub fn transverse<P: Pixel>(src: View<'_, P>) -> Image<P> {
    let (w, h) = src.size();
    swapped(src, |x, y| (h - 1 - y, w - 1 - x))
}

/// A new image of `src` as displayed under `orientation`.
pub fn oriented<P: Pixel>(src: View<'_, P>, orientation: Orientation) -> Image<P> {
    match orientation {
        Orientation::Transpose => transpose(src),
        Orientation::Rotate90 => rotate90(src),
        Orientation::Transverse => transverse(src),
        Orientation::Rotate270 => rotate270(src),
        other => src.to_image().oriented(other),
    }
}

impl<P: Pixel> Image<P> {
    /// The image as displayed under `orientation`: in place for the transforms that
    /// keep the size, into a new buffer for the four that exchange width and height.
    #[must_use]
    pub fn oriented(mut self, orientation: Orientation) -> Self {
        match orientation {
            Orientation::Normal => self,
            Orientation::FlipHorizontal => {
                flip_horizontal(self.as_view_mut());
                self
            }
            Orientation::Rotate180 => {
                rotate180(self.as_view_mut());
                self
            }
            Orientation::FlipVertical => {
                flip_vertical(self.as_view_mut());
                self
            }
            swapping => oriented(self.as_view(), swapping),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Gray8, Rect, Rgb8};

    /// A `w` × `h` image (each side below 256) whose pixels are all different.
    fn numbered(w: u32, h: u32) -> Image<Rgb8> {
        let byte = |v: u32| u8::try_from(v % 256).unwrap_or(0);
        Image::from_fn(w, h, |x, y| Rgb8::new(byte(x), byte(y), byte(x * 7 + y)))
    }

    #[test]
    fn exif_values_round_trip_and_reject_the_rest() {
        for (i, o) in Orientation::ALL.into_iter().enumerate() {
            assert_eq!(o.exif_value() as usize, i + 1);
            assert_eq!(Orientation::from_exif(o.exif_value()), Some(o));
        }
        for bad in [0, 9, 255, u16::MAX] {
            assert_eq!(Orientation::from_exif(bad), None);
        }
    }

    #[test]
    fn every_orientation_matches_its_pixel_mapping() {
        // Sizes around the tile edge, including empty and one-pixel images.
        for (w, h) in [(0, 0), (1, 1), (3, 2), (17, 5), (16, 33), (40, 1)] {
            let src = numbered(w, h);
            for o in Orientation::ALL {
                let out = src.clone().oriented(o);
                assert_eq!(out.size(), o.displayed_size((w, h)), "{o:?} {w}x{h}");
                for (x, y, &p) in src.enumerate_pixels() {
                    let (dx, dy) = o.map_point(x, y, w, h);
                    assert_eq!(out.get(dx, dy), Some(&p), "{o:?} {w}x{h} at {x},{y}");
                }
            }
        }
    }

    #[test]
    fn the_mapping_is_what_the_exif_table_says() {
        // A 2×1 image [a b]. Turning it clockwise (6) takes the left end to the top,
        // giving a column [a; b]; counter-clockwise (8) gives [b; a].
        let (a, b) = (Gray8::new(1), Gray8::new(2));
        let src = Image::from_raw(2, 1, alloc::vec![a, b]).expect("2×1");
        let col = |img: Image<Gray8>| img.into_raw();
        assert_eq!(col(src.clone().oriented(Orientation::Rotate90)), [a, b]);
        assert_eq!(col(src.clone().oriented(Orientation::Rotate270)), [b, a]);
        assert_eq!(col(src.clone().oriented(Orientation::Transpose)), [a, b]);
        assert_eq!(col(src.clone().oriented(Orientation::Transverse)), [b, a]);
        assert_eq!(
            col(src.clone().oriented(Orientation::FlipHorizontal)),
            [b, a]
        );
        assert_eq!(col(src.oriented(Orientation::FlipVertical)), [a, b]);
    }

    #[test]
    fn inverse_undoes_and_four_quarter_turns_are_identity() {
        let src = numbered(19, 7);
        for o in Orientation::ALL {
            assert_eq!(src.clone().oriented(o).oriented(o.inverse()), src, "{o:?}");
        }
        let turned = (0..4).fold(src.clone(), |img, _| img.oriented(Orientation::Rotate90));
        assert_eq!(turned, src);
    }

    #[test]
    fn views_with_a_stride_orient_like_images() {
        let big = numbered(30, 20);
        let rect = Rect::new(3, 2, 17, 11);
        let region = big.sub_view(rect).expect("inside");
        let copy = region.to_image();
        for o in Orientation::ALL {
            assert_eq!(oriented(region, o), copy.clone().oriented(o), "{o:?}");
        }
    }

    #[test]
    fn in_place_flips_touch_only_the_view() {
        let mut big = numbered(10, 10);
        let before = big.clone();
        let rect = Rect::new(2, 2, 5, 4);
        rotate180(big.sub_view_mut(rect).expect("inside"));
        for (x, y, p) in big.enumerate_pixels() {
            let inside = (2..7).contains(&x) && (2..6).contains(&y);
            let expected = if inside {
                before.get(2 + 6 - x, 2 + 5 - y)
            } else {
                before.get(x, y)
            };
            assert_eq!(Some(p), expected, "at {x},{y}");
        }
    }

    #[test]
    fn indexed_images_orient_like_their_expansion() {
        let palette = alloc::vec![
            crate::Rgba8::BLACK,
            crate::Rgba8::WHITE,
            crate::Rgba8::TRANSPARENT
        ];
        let indices = (0..35u8).map(|i| (i * 7 + i / 5) % 3).collect();
        let indexed = crate::IndexedImage::new(7, 5, indices, palette).expect("valid");
        for o in Orientation::ALL {
            let turned = indexed.clone().oriented(o);
            assert_eq!(turned.expand(), indexed.expand().oriented(o), "{o:?}");
        }
    }
}
