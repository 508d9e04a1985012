//! [`Image`]: an owned, contiguous buffer of pixels.

use alloc::vec::Vec;
use core::fmt;
use core::num::NonZeroU32;

use crate::convert::{FromPixel, convert_in_place};
use crate::split::{RowChunksMut, TilesMut};
use crate::view::Layout;
use crate::{
    LayoutError, Pixel, Rect, RegionError, RowOutOfRange, Rows, RowsMut, SizeMismatch, View,
    ViewMut, cast,
};

/// An owned image: `width × height` pixels of format `P`, row after row with no
/// padding.
///
/// Most operations work on views; [`as_view`](Image::as_view) and
/// [`as_view_mut`](Image::as_view_mut) borrow one, and the common view methods are
/// repeated here for convenience.
///
/// ```
/// use chiaro_pixel::{Image, PremulRgba8, Rgba8};
///
/// let image = Image::from_fn(4, 2, |x, _| Rgba8::new(255, 0, 0, (x * 85) as u8));
/// let premul: Image<PremulRgba8> = image.convert();
/// assert_eq!(premul.get(1, 0), Some(&PremulRgba8::new(85, 0, 0, 85)));
/// ```
#[derive(Clone, PartialEq)]
pub struct Image<P: Pixel> {
    width: u32,
    height: u32,
    data: Vec<P>,
}

impl<P: Pixel> fmt::Debug for Image<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Image")
            .field("format", &core::any::type_name::<P>())
            .field("width", &self.width)
            .field("height", &self.height)
            .finish_non_exhaustive()
    }
}

impl<P: Pixel> Default for Image<P> {
    /// An empty 0×0 image.
    fn default() -> Self {
        Self {
            width: 0,
            height: 0,
            data: Vec::new(),
        }
    }
}

/// `width × height` as a `usize`, if the pixels' bytes fit in memory addresses.
fn pixel_count<P: Pixel>(width: u32, height: u32) -> Result<usize, LayoutError> {
    let n = usize::try_from(u64::from(width) * u64::from(height))
        .map_err(|_| LayoutError::TooLarge { width, height })?;
    match n.checked_mul(P::BYTES) {
        Some(bytes) if bytes <= isize::MAX as usize => Ok(n),
        _ => Err(LayoutError::TooLarge { width, height }),
    }
}

impl<P: Pixel> Image<P> {
    /// A `width × height` image with every channel zero (transparent black, or black
    /// for opaque formats).
    ///
    /// # Panics
    ///
    /// If the image does not fit in memory, like `Vec` does. Use
    /// [`try_new`](Self::try_new) for sizes that come from outside the program.
    pub fn new(width: u32, height: u32) -> Self {
        match Self::try_new(width, height) {
            Ok(image) => image,
            Err(e) => panic!("cannot create a {width}×{height} image: {e}"),
        }
    }

    /// A `width × height` image with every channel zero, or an error if the size
    /// overflows or the allocation fails.
    ///
    /// The buffer comes from the allocator already zeroed, so untouched pages cost no
    /// writes.
    pub fn try_new(width: u32, height: u32) -> Result<Self, LayoutError> {
        let n = pixel_count::<P>(width, height)?;
        let data = bytemuck::allocation::try_zeroed_vec(n).map_err(|()| {
            LayoutError::AllocationFailed {
                bytes: n * P::BYTES,
            }
        })?;
        Ok(Self {
            width,
            height,
            data,
        })
    }

    /// A `width × height` image with every pixel `value`.
    ///
    /// # Panics
    ///
    /// If the image does not fit in memory.
    pub fn filled(width: u32, height: u32, value: P) -> Self {
        let mut image = Self::new(width, height);
        image.data.fill(value);
        image
    }

    /// A `width × height` image with pixel `(x, y)` set to `f(x, y)`, row by row.
    ///
    /// # Panics
    ///
    /// If the image does not fit in memory.
    pub fn from_fn(width: u32, height: u32, mut f: impl FnMut(u32, u32) -> P) -> Self {
        let mut image = Self::new(width, height);
        for (y, row) in (0u32..).zip(image.data.chunks_exact_mut(width.max(1) as usize)) {
            for (x, p) in (0u32..).zip(row) {
                *p = f(x, y);
            }
        }
        image
    }

    /// An image over `data`, which must hold exactly `width × height` pixels, row by
    /// row. Takes ownership without copying.
    pub fn from_raw(width: u32, height: u32, data: Vec<P>) -> Result<Self, LayoutError> {
        let expected = pixel_count::<P>(width, height)?;
        if data.len() != expected {
            return Err(LayoutError::LengthMismatch {
                expected,
                actual: data.len(),
            });
        }
        Ok(Self {
            width,
            height,
            data,
        })
    }

    /// An image copied from `bytes`, which must hold exactly `width × height` pixels in
    /// the format's memory layout (native-endian channels). Any alignment is accepted.
    pub fn from_bytes(width: u32, height: u32, bytes: &[u8]) -> Result<Self, LayoutError> {
        let expected = pixel_count::<P>(width, height)?;
        let expected_bytes = expected * P::BYTES;
        if bytes.len() != expected_bytes {
            return Err(LayoutError::LengthMismatch {
                expected: expected_bytes,
                actual: bytes.len(),
            });
        }
        let mut image = Self::try_new(width, height)?;
        image.as_bytes_mut().copy_from_slice(bytes);
        Ok(image)
    }

    /// Assembles an image whose length the caller has checked.
    pub(crate) fn from_parts(width: u32, height: u32, data: Vec<P>) -> Self {
        debug_assert_eq!(data.len() as u64, u64::from(width) * u64::from(height));
        Self {
            width,
            height,
            data,
        }
    }

    /// The pixels, row by row, giving up the image.
    pub fn into_raw(self) -> Vec<P> {
        self.data
    }

    /// Width in pixels.
    #[inline]
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in pixels.
    #[inline]
    pub fn height(&self) -> u32 {
        self.height
    }

    /// `(width, height)`.
    #[inline]
    pub fn size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    /// The rectangle `(0, 0, width, height)`.
    #[inline]
    pub fn bounds(&self) -> Rect {
        Rect::from_size(self.width, self.height)
    }

    /// Whether the image has no pixels.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The contiguous layout; valid because the length was checked on construction.
    fn layout(&self) -> Layout {
        let row_len = self.width as usize * P::CHANNELS;
        let stride = if self.data.is_empty() { 0 } else { row_len };
        Layout {
            width: self.width,
            height: self.height,
            stride,
            row_len,
        }
    }

    /// A read-only view of the whole image.
    #[inline]
    pub fn as_view(&self) -> View<'_, P> {
        View::from_raw_parts(cast::channels(&self.data), self.layout())
    }

    /// A mutable view of the whole image.
    #[inline]
    pub fn as_view_mut(&mut self) -> ViewMut<'_, P> {
        let layout = self.layout();
        let data = cast::channels_mut(&mut self.data);
        ViewMut::from_raw_parts(data, layout)
    }

    /// The pixels as one slice, row by row.
    #[inline]
    pub fn as_slice(&self) -> &[P] {
        &self.data
    }

    /// The pixels as one mutable slice, row by row.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [P] {
        &mut self.data
    }

    /// The pixels' bytes, without copying.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(&self.data)
    }

    /// The pixels' bytes, mutably, without copying.
    #[inline]
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        bytemuck::cast_slice_mut(&mut self.data)
    }

    /// Row `y`, or `None` past the last row.
    #[inline]
    pub fn row(&self, y: u32) -> Option<&[P]> {
        let w = self.width as usize;
        self.data
            .get(y as usize * w..(y as usize + 1) * w)
            .filter(|_| y < self.height)
    }

    /// Row `y`, mutably, or `None` past the last row.
    #[inline]
    pub fn row_mut(&mut self, y: u32) -> Option<&mut [P]> {
        let w = self.width as usize;
        if y >= self.height {
            return None;
        }
        self.data.get_mut(y as usize * w..(y as usize + 1) * w)
    }

    /// The rows, top to bottom.
    #[inline]
    pub fn rows(&self) -> Rows<'_, P> {
        self.as_view().rows()
    }

    /// The rows, top to bottom, mutably.
    #[inline]
    pub fn rows_mut(&mut self) -> RowsMut<'_, P> {
        self.as_view_mut().into_rows()
    }

    /// Every pixel, row by row.
    pub fn pixels(&self) -> core::slice::Iter<'_, P> {
        self.data.iter()
    }

    /// Every pixel, row by row, mutably.
    pub fn pixels_mut(&mut self) -> core::slice::IterMut<'_, P> {
        self.data.iter_mut()
    }

    /// Every pixel with its coordinates, row by row.
    pub fn enumerate_pixels(&self) -> impl Iterator<Item = (u32, u32, &P)> {
        self.as_view().enumerate_pixels()
    }

    /// The pixel at `(x, y)`, or `None` outside the image.
    #[inline]
    pub fn get(&self, x: u32, y: u32) -> Option<&P> {
        if x >= self.width {
            return None;
        }
        self.row(y)?.get(x as usize)
    }

    /// The pixel at `(x, y)`, mutably, or `None` outside the image.
    #[inline]
    pub fn get_mut(&mut self, x: u32, y: u32) -> Option<&mut P> {
        if x >= self.width {
            return None;
        }
        self.row_mut(y)?.get_mut(x as usize)
    }

    /// Sets every pixel to `value`.
    pub fn fill(&mut self, value: P) {
        self.data.fill(value);
    }

    /// Copies `src`, which must be the same size, into this image.
    pub fn copy_from(&mut self, src: View<'_, P>) -> Result<(), SizeMismatch> {
        self.as_view_mut().copy_from(src)
    }

    /// A read-only view of the region `rect`, which must lie inside the image. No copy.
    pub fn sub_view(&self, rect: Rect) -> Result<View<'_, P>, RegionError> {
        self.as_view().sub_view(rect)
    }

    /// A mutable view of the region `rect`, which must lie inside the image. No copy.
    pub fn sub_view_mut(&mut self, rect: Rect) -> Result<ViewMut<'_, P>, RegionError> {
        self.as_view_mut().into_sub_view(rect)
    }

    /// Splits into rows `0..y` and `y..height`; see [`ViewMut::split_at_row`].
    pub fn split_at_row_mut(
        &mut self,
        y: u32,
    ) -> Result<(ViewMut<'_, P>, ViewMut<'_, P>), RowOutOfRange> {
        self.as_view_mut().split_at_row(y)
    }

    /// Bands of `rows` rows; see [`ViewMut::row_chunks_mut`].
    pub fn row_chunks_mut(&mut self, rows: NonZeroU32) -> RowChunksMut<'_, P> {
        self.as_view_mut().row_chunks_mut(rows)
    }

    /// Tiles; see [`ViewMut::tiles_mut`].
    pub fn tiles_mut(
        &mut self,
        tile_width: NonZeroU32,
        tile_height: NonZeroU32,
    ) -> TilesMut<'_, P> {
        self.as_view_mut().tiles_mut(tile_width, tile_height)
    }

    /// A copy converted to format `D` by the rules in [`crate::convert`](mod@crate::convert). Allocates.
    pub fn convert<D: Pixel + FromPixel<P>>(&self) -> Image<D> {
        self.as_view().convert()
    }

    /// Converts to format `D`, reusing this image's buffer when the two formats have the
    /// same size and alignment (`Rgba8` ⇄ `PremulRgba8` ⇄ `Bgra8`, `RgbaF32` ⇄
    /// `LinPremulRgbaF32`…), and allocating otherwise.
    pub fn into_converted<D: Pixel + FromPixel<P>>(self) -> Image<D> {
        let (width, height) = (self.width, self.height);
        match convert_in_place::<P, D>(self.data) {
            Ok(data) => Image::from_parts(width, height, data),
            Err(data) => Image {
                width,
                height,
                data,
            }
            .convert(),
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::format::{Gray8, Rgb8, RgbaF32};

    #[test]
    fn from_raw_requires_the_exact_length() {
        assert!(Image::from_raw(3, 2, vec![Gray8::default(); 6]).is_ok());
        assert_eq!(
            Image::from_raw(3, 2, vec![Gray8::default(); 7]).unwrap_err(),
            LayoutError::LengthMismatch {
                expected: 6,
                actual: 7
            }
        );
    }

    #[test]
    fn from_bytes_accepts_any_alignment() {
        let floats = [0.25f32, 0.5, 0.75, 1.0];
        let mut bytes = vec![0u8; 1];
        bytes.extend(floats.iter().flat_map(|f| f.to_ne_bytes()));
        // Offset 1 cannot be 4-byte aligned for f32: the copy must handle it.
        let image = Image::<RgbaF32>::from_bytes(1, 1, &bytes[1..]).unwrap();
        assert_eq!(image.get(0, 0), Some(&RgbaF32::new(0.25, 0.5, 0.75, 1.0)));
        assert!(matches!(
            Image::<RgbaF32>::from_bytes(1, 1, &bytes[2..]),
            Err(LayoutError::LengthMismatch {
                expected: 16,
                actual: 15
            })
        ));
    }

    #[test]
    fn sizes_that_cannot_exist_are_errors() {
        assert_eq!(
            Image::<RgbaF32>::try_new(u32::MAX, u32::MAX).unwrap_err(),
            LayoutError::TooLarge {
                width: u32::MAX,
                height: u32::MAX
            }
        );
        assert!(Image::<Gray8>::from_raw(u32::MAX, u32::MAX, vec![]).is_err());
    }

    #[test]
    fn from_fn_visits_coordinates_row_by_row() {
        let image = Image::from_fn(3, 2, |x, y| {
            Rgb8::new(x.to_le_bytes()[0], y.to_le_bytes()[0], 0)
        });
        assert_eq!(image.get(2, 1), Some(&Rgb8::new(2, 1, 0)));
        assert_eq!(image.row(1).map(<[Rgb8]>::len), Some(3));
        assert_eq!(image.row(2), None);
        assert_eq!(image.get(3, 0), None);
        assert_eq!(Image::from_fn(0, 4, |_, _| Gray8::new(1)).size(), (0, 4));
    }

    #[test]
    fn bytes_and_raw_round_trip() {
        let mut image = Image::filled(2, 2, Rgb8::new(1, 2, 3));
        image.as_bytes_mut()[3] = 9;
        assert_eq!(image.get(1, 0), Some(&Rgb8::new(9, 2, 3)));
        assert_eq!(image.as_bytes().len(), 12);
        let raw = image.clone().into_raw();
        assert_eq!(Image::from_raw(2, 2, raw).unwrap(), image);
        let copy = Image::<Rgb8>::from_bytes(2, 2, image.as_bytes()).unwrap();
        assert_eq!(copy, image);
    }

    #[test]
    fn debug_does_not_print_pixels() {
        let text = alloc::format!("{:?}", Image::<Gray8>::new(1000, 1000));
        assert!(text.len() < 100, "{text}");
        assert!(text.contains("1000"));
    }
}
