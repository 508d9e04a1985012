//! [`IndexedImage`]: palette indices plus a palette.

use alloc::vec::Vec;

use crate::{Gray8, Image, IndexedError, LayoutError, Orientation, Rgba8, SizeMismatch, ViewMut};

/// An image of `u8` palette indices and a palette of at most 256 [`Rgba8`] colours.
///
/// # Guarantees
///
/// Every index is less than the palette's length: checked on construction and on every
/// change, so lookups cannot go out of range and expansion cannot fail.
///
/// ```
/// use chiaro_pixel::{IndexedError, IndexedImage, Rgba8};
///
/// let palette = vec![Rgba8::BLACK, Rgba8::WHITE];
/// let image = IndexedImage::new(2, 2, vec![0, 1, 1, 0], palette.clone())?;
/// assert_eq!(image.expand().get(1, 0), Some(&Rgba8::WHITE));
///
/// let bad = IndexedImage::new(2, 2, vec![0, 1, 2, 0], palette);
/// assert!(matches!(bad, Err(IndexedError::IndexOutOfRange { x: 0, y: 1, index: 2, .. })));
/// # Ok::<(), IndexedError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexedImage {
    width: u32,
    height: u32,
    indices: Vec<u8>,
    palette: Vec<Rgba8>,
}

/// The first position whose index is not below `len`, if any.
fn first_bad_index(indices: &[u8], width: u32, len: usize) -> Option<(u32, u32, u8)> {
    if len > usize::from(u8::MAX) {
        return None;
    }
    let pos = indices.iter().position(|&i| usize::from(i) >= len)?;
    let w = width.max(1) as usize;
    let x = u32::try_from(pos % w).unwrap_or(u32::MAX);
    let y = u32::try_from(pos / w).unwrap_or(u32::MAX);
    Some((x, y, indices[pos]))
}

impl IndexedImage {
    /// An indexed image of `width × height` indices, row by row, over `palette`.
    ///
    /// Fails if `indices` does not hold exactly `width × height` entries, if the
    /// palette has more than 256 entries, or if an index is not below the palette's
    /// length; that error names the first bad position.
    pub fn new(
        width: u32,
        height: u32,
        indices: Vec<u8>,
        palette: Vec<Rgba8>,
    ) -> Result<Self, IndexedError> {
        let expected = usize::try_from(u64::from(width) * u64::from(height))
            .map_err(|_| LayoutError::TooLarge { width, height })?;
        if indices.len() != expected {
            return Err(LayoutError::LengthMismatch {
                expected,
                actual: indices.len(),
            }
            .into());
        }
        if palette.len() > 256 {
            return Err(IndexedError::PaletteTooLarge { len: palette.len() });
        }
        if let Some((x, y, index)) = first_bad_index(&indices, width, palette.len()) {
            return Err(IndexedError::IndexOutOfRange {
                x,
                y,
                index,
                palette_len: palette.len(),
            });
        }
        Ok(Self {
            width,
            height,
            indices,
            palette,
        })
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

    /// The indices, row by row.
    #[inline]
    pub fn indices(&self) -> &[u8] {
        &self.indices
    }

    /// The palette.
    #[inline]
    pub fn palette(&self) -> &[Rgba8] {
        &self.palette
    }

    fn position(&self, x: u32, y: u32) -> Option<usize> {
        (x < self.width && y < self.height).then(|| y as usize * self.width as usize + x as usize)
    }

    /// The index at `(x, y)`, or `None` outside the image.
    #[inline]
    pub fn index(&self, x: u32, y: u32) -> Option<u8> {
        self.indices.get(self.position(x, y)?).copied()
    }

    /// The colour at `(x, y)`, or `None` outside the image.
    #[inline]
    pub fn color(&self, x: u32, y: u32) -> Option<Rgba8> {
        self.palette.get(usize::from(self.index(x, y)?)).copied()
    }

    /// Sets the index at `(x, y)`, which must be inside the image and below the
    /// palette's length.
    pub fn set_index(&mut self, x: u32, y: u32, index: u8) -> Result<(), IndexedError> {
        let (width, height) = (self.width, self.height);
        let pos = self
            .position(x, y)
            .ok_or(IndexedError::PositionOutOfBounds {
                x,
                y,
                width,
                height,
            })?;
        if usize::from(index) >= self.palette.len() {
            return Err(IndexedError::IndexOutOfRange {
                x,
                y,
                index,
                palette_len: self.palette.len(),
            });
        }
        self.indices[pos] = index;
        Ok(())
    }

    /// Replaces the palette, which must cover every index in use.
    pub fn set_palette(&mut self, palette: Vec<Rgba8>) -> Result<(), IndexedError> {
        if palette.len() > 256 {
            return Err(IndexedError::PaletteTooLarge { len: palette.len() });
        }
        if let Some((x, y, index)) = first_bad_index(&self.indices, self.width, palette.len()) {
            return Err(IndexedError::IndexOutOfRange {
                x,
                y,
                index,
                palette_len: palette.len(),
            });
        }
        self.palette = palette;
        Ok(())
    }

    /// The indices and the palette, giving up the image.
    pub fn into_parts(self) -> (Vec<u8>, Vec<Rgba8>) {
        (self.indices, self.palette)
    }

    /// The palette padded to 256 entries, so that any `u8` looks up without a check.
    fn full_palette(&self) -> [Rgba8; 256] {
        let mut full = [Rgba8::TRANSPARENT; 256];
        for (slot, &c) in full.iter_mut().zip(&self.palette) {
            *slot = c;
        }
        full
    }

    /// The image as displayed under `orientation`: the indices reordered as
    /// [`Image::oriented`] reorders pixels, the palette unchanged.
    #[must_use]
    pub fn oriented(self, orientation: Orientation) -> Self {
        let Self {
            width,
            height,
            indices,
            palette,
        } = self;
        let as_gray: Vec<Gray8> = bytemuck::allocation::cast_vec(indices);
        let turned = match Image::from_raw(width, height, as_gray) {
            Ok(image) => image.oriented(orientation),
            // `indices` always holds width × height entries.
            Err(_) => Image::default(),
        };
        let (width, height) = turned.size();
        Self {
            width,
            height,
            indices: bytemuck::allocation::cast_vec(turned.into_raw()),
            palette,
        }
    }

    /// The image as `Rgba8` pixels. Allocates.
    pub fn expand(&self) -> Image<Rgba8> {
        let mut out = Image::new(self.width, self.height);
        let full = self.full_palette();
        for (d, &i) in out.as_mut_slice().iter_mut().zip(&self.indices) {
            *d = full[usize::from(i)];
        }
        out
    }

    /// Writes the image as `Rgba8` pixels into `dst`, which must be the same size.
    pub fn expand_into(&self, mut dst: ViewMut<'_, Rgba8>) -> Result<(), SizeMismatch> {
        SizeMismatch::check(self.size(), dst.size())?;
        let full = self.full_palette();
        let rows = self.indices.chunks_exact(self.width.max(1) as usize);
        for (d, s) in dst.rows_mut().zip(rows) {
            for (d, &i) in d.iter_mut().zip(s) {
                *d = full[usize::from(i)];
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn palette(n: usize) -> Vec<Rgba8> {
        (0..n)
            .map(|i| Rgba8::new(u8::try_from(i).unwrap_or(255), 0, 0, 255))
            .collect()
    }

    #[test]
    fn rejects_wrong_length_and_big_palettes() {
        assert!(matches!(
            IndexedImage::new(3, 2, vec![0; 5], palette(1)),
            Err(IndexedError::Layout(LayoutError::LengthMismatch {
                expected: 6,
                actual: 5
            }))
        ));
        assert_eq!(
            IndexedImage::new(1, 1, vec![0], palette(257)),
            Err(IndexedError::PaletteTooLarge { len: 257 })
        );
    }

    #[test]
    fn names_the_first_bad_index() {
        let mut idx = vec![0u8; 12];
        idx[7] = 9;
        idx[10] = 200;
        assert_eq!(
            IndexedImage::new(4, 3, idx, palette(9)),
            Err(IndexedError::IndexOutOfRange {
                x: 3,
                y: 1,
                index: 9,
                palette_len: 9
            })
        );
    }

    #[test]
    fn empty_palette_only_fits_an_empty_image() {
        assert!(IndexedImage::new(0, 0, vec![], vec![]).is_ok());
        assert!(IndexedImage::new(1, 1, vec![0], vec![]).is_err());
    }

    #[test]
    fn full_palette_accepts_every_index() {
        let idx: Vec<u8> = (0..=255).collect();
        let image = IndexedImage::new(16, 16, idx, palette(256)).unwrap();
        assert_eq!(image.color(15, 15), Some(Rgba8::new(255, 0, 0, 255)));
    }

    #[test]
    fn set_index_and_palette_keep_the_guarantee() {
        let mut image = IndexedImage::new(2, 1, vec![0, 1], palette(2)).unwrap();
        assert!(matches!(
            image.set_index(0, 0, 2),
            Err(IndexedError::IndexOutOfRange { .. })
        ));
        assert!(matches!(
            image.set_index(2, 0, 0),
            Err(IndexedError::PositionOutOfBounds { .. })
        ));
        image.set_index(1, 0, 0).unwrap();
        image.set_palette(palette(1)).unwrap();
        assert!(image.set_palette(vec![]).is_err());
        assert_eq!(image.expand().as_slice(), &[Rgba8::new(0, 0, 0, 255); 2]);
    }

    #[test]
    fn expand_into_checks_size_and_writes_through_stride() {
        let image = IndexedImage::new(2, 2, vec![0, 1, 1, 0], palette(2)).unwrap();
        let mut buf = vec![Rgba8::TRANSPARENT; 3 * 2];
        let view = ViewMut::with_stride(&mut buf, 2, 2, 3).unwrap();
        image.expand_into(view).unwrap();
        assert_eq!(buf[1], Rgba8::new(1, 0, 0, 255));
        assert_eq!(buf[2], Rgba8::TRANSPARENT, "padding untouched");
        assert_eq!(buf[3], Rgba8::new(1, 0, 0, 255));
        let mut small = Image::<Rgba8>::new(1, 2);
        assert!(image.expand_into(small.as_view_mut()).is_err());
    }
}
