//! Disjoint mutable splits of a [`ViewMut`]: at a row, into bands of rows, into tiles.
//!
//! Every part is a separate exclusive borrow, so the parts can be filled at the same
//! time (see the `rayon` feature) with no possibility of a data race, and no `unsafe`:
//! rows are separated with `split_at_mut`.
//!
//! Bands of whole rows are themselves [`ViewMut`]s. Tiles side by side share rows in
//! memory, so a tile cannot be one strided slice without aliasing its neighbour; a
//! [`TileMut`] instead holds one slice per row (a small allocation per tile).

use alloc::vec::Vec;
use core::iter::FusedIterator;
use core::num::NonZeroU32;

use crate::view::Layout;
use crate::{Pixel, Rect, RowOutOfRange, ViewMut};

impl<'a, P: Pixel> ViewMut<'a, P> {
    /// Splits into rows `0..y` and `y..height`. `y` may equal the height (the second
    /// part is then empty).
    pub fn split_at_row(self, y: u32) -> Result<(ViewMut<'a, P>, ViewMut<'a, P>), RowOutOfRange> {
        let (data, layout) = self.into_raw_parts();
        if y > layout.height {
            return Err(RowOutOfRange {
                row: y,
                height: layout.height,
            });
        }
        let top_layout = Layout {
            height: y,
            ..layout
        }
        .normalized();
        let bottom_layout = Layout {
            height: layout.height - y,
            ..layout
        }
        .normalized();
        let split = if y == layout.height {
            data.len()
        } else {
            layout.row_start(y)
        };
        let (top, bottom) = data.split_at_mut(split);
        let top = &mut top[..top_layout.min_len()];
        Ok((
            ViewMut::from_raw_parts(top, top_layout),
            ViewMut::from_raw_parts(bottom, bottom_layout),
        ))
    }

    /// Splits into bands of `rows` rows each, top to bottom; the last band may be
    /// shorter. The bands cover every pixel exactly once.
    pub fn row_chunks_mut(self, rows: NonZeroU32) -> RowChunksMut<'a, P> {
        RowChunksMut {
            rest: Some(self),
            rows: rows.get(),
        }
    }

    /// Splits into tiles of `tile_width × tile_height`, row of tiles by row of tiles,
    /// left to right; tiles on the right and bottom edges may be smaller. The tiles
    /// cover every pixel exactly once.
    pub fn tiles_mut(self, tile_width: NonZeroU32, tile_height: NonZeroU32) -> TilesMut<'a, P> {
        TilesMut {
            bands: self.row_chunks_mut(tile_height),
            band_y: 0,
            tile_height: tile_height.get(),
            tile_width: tile_width.get(),
            current: Vec::new().into_iter(),
        }
    }
}

impl Layout {
    /// The same layout with the stride zeroed when there are no pixels, as the view
    /// constructors do.
    fn normalized(self) -> Self {
        if self.width == 0 || self.height == 0 {
            Self { stride: 0, ..self }
        } else {
            self
        }
    }
}

/// Bands of rows, from [`ViewMut::row_chunks_mut`].
#[derive(Debug)]
pub struct RowChunksMut<'a, P: Pixel> {
    rest: Option<ViewMut<'a, P>>,
    rows: u32,
}

impl<'a, P: Pixel> Iterator for RowChunksMut<'a, P> {
    type Item = ViewMut<'a, P>;

    fn next(&mut self) -> Option<ViewMut<'a, P>> {
        let rest = self.rest.take()?;
        if rest.height() == 0 {
            return None;
        }
        let take = self.rows.min(rest.height());
        // `take` ≤ height, so the split cannot fail; keep the iterator total anyway.
        let (band, rest) = rest.split_at_row(take).ok()?;
        self.rest = Some(rest);
        Some(band)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self
            .rest
            .as_ref()
            .map_or(0, |r| r.height().div_ceil(self.rows) as usize);
        (n, Some(n))
    }
}

impl<P: Pixel> ExactSizeIterator for RowChunksMut<'_, P> {}
impl<P: Pixel> FusedIterator for RowChunksMut<'_, P> {}

/// Tiles, from [`ViewMut::tiles_mut`].
#[derive(Debug)]
pub struct TilesMut<'a, P: Pixel> {
    bands: RowChunksMut<'a, P>,
    band_y: u32,
    tile_width: u32,
    tile_height: u32,
    current: alloc::vec::IntoIter<TileMut<'a, P>>,
}

impl<'a, P: Pixel> Iterator for TilesMut<'a, P> {
    type Item = TileMut<'a, P>;

    fn next(&mut self) -> Option<TileMut<'a, P>> {
        loop {
            if let Some(tile) = self.current.next() {
                return Some(tile);
            }
            let band = self.bands.next()?;
            let (width, height) = band.size();
            let y = self.band_y;
            self.band_y += self.tile_height;
            if width == 0 {
                continue;
            }
            let columns = width.div_ceil(self.tile_width);
            let mut tiles: Vec<TileMut<'a, P>> = (0..columns)
                .map(|i| {
                    let x = i * self.tile_width;
                    let w = self.tile_width.min(width - x);
                    TileMut {
                        rect: Rect::new(to_i32(x), to_i32(y), w, height),
                        rows: Vec::with_capacity(height as usize),
                    }
                })
                .collect();
            for row in band.into_rows() {
                for (tile, piece) in tiles
                    .iter_mut()
                    .zip(row.chunks_mut(self.tile_width as usize))
                {
                    tile.rows.push(piece);
                }
            }
            self.current = tiles.into_iter();
        }
    }
}

impl<P: Pixel> FusedIterator for TilesMut<'_, P> {}

/// Pixel coordinates within a view fit `i32` for any view that fits in memory on 32-bit
/// targets; saturate rather than wrap on larger ones.
fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// One tile of a [`ViewMut`], from [`ViewMut::tiles_mut`]: an exclusive borrow of a
/// rectangle of pixels, held as one slice per row.
#[derive(Debug)]
pub struct TileMut<'a, P: Pixel> {
    rect: Rect,
    rows: Vec<&'a mut [P]>,
}

impl<'a, P: Pixel> TileMut<'a, P> {
    /// Where the tile lies in the view it was split from.
    #[inline]
    pub fn rect(&self) -> Rect {
        self.rect
    }

    /// Width in pixels.
    #[inline]
    pub fn width(&self) -> u32 {
        self.rect.width
    }

    /// Height in pixels.
    #[inline]
    pub fn height(&self) -> u32 {
        self.rect.height
    }

    /// Row `y` of the tile, or `None` past its last row.
    #[inline]
    pub fn row(&self, y: u32) -> Option<&[P]> {
        self.rows.get(y as usize).map(|r| &**r)
    }

    /// Row `y` of the tile, mutably, or `None` past its last row.
    #[inline]
    pub fn row_mut(&mut self, y: u32) -> Option<&mut [P]> {
        self.rows.get_mut(y as usize).map(|r| &mut **r)
    }

    /// The tile's rows, top to bottom.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[P]> {
        self.rows.iter().map(|r| &**r)
    }

    /// The tile's rows, top to bottom, mutably.
    pub fn rows_mut(&mut self) -> impl ExactSizeIterator<Item = &mut [P]> {
        self.rows.iter_mut().map(|r| &mut **r)
    }

    /// Turns the tile into its rows, keeping the full lifetime.
    pub fn into_rows(self) -> alloc::vec::IntoIter<&'a mut [P]> {
        self.rows.into_iter()
    }

    /// The pixel at `(x, y)` within the tile, or `None` outside it.
    #[inline]
    pub fn get(&self, x: u32, y: u32) -> Option<&P> {
        self.row(y)?.get(x as usize)
    }

    /// The pixel at `(x, y)` within the tile, mutably, or `None` outside it.
    #[inline]
    pub fn get_mut(&mut self, x: u32, y: u32) -> Option<&mut P> {
        self.row_mut(y)?.get_mut(x as usize)
    }

    /// Sets every pixel of the tile to `value`.
    pub fn fill(&mut self, value: P) {
        for row in &mut self.rows {
            row.fill(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;
    use alloc::vec::Vec;

    use super::*;
    use crate::format::Gray8;

    fn nz(v: u32) -> NonZeroU32 {
        NonZeroU32::new(v).unwrap_or(NonZeroU32::MIN)
    }

    #[test]
    fn bands_report_their_count_and_heights() {
        let mut buf = vec![Gray8::default(); 4 * 10];
        let view = ViewMut::with_stride(&mut buf, 3, 10, 4).unwrap();
        let chunks = view.row_chunks_mut(nz(4));
        assert_eq!(chunks.len(), 3);
        assert_eq!(chunks.map(|b| b.height()).collect::<Vec<_>>(), [4, 4, 2]);
    }

    #[test]
    fn tiles_of_a_strided_view_leave_padding_alone() {
        let mut buf = vec![Gray8::new(7); 5 * 3];
        let view = ViewMut::with_stride(&mut buf, 4, 3, 5).unwrap();
        for mut tile in view.tiles_mut(nz(3), nz(2)) {
            tile.fill(Gray8::new(1));
            assert_eq!(tile.rows().len(), tile.height() as usize);
        }
        let padding: Vec<u8> = buf.iter().skip(4).step_by(5).map(|p| p.v).collect();
        assert_eq!(padding, [7, 7, 7]);
        assert_eq!(buf.iter().filter(|p| p.v == 1).count(), 12);
    }

    #[test]
    fn split_at_zero_and_at_height() {
        let mut buf = vec![Gray8::default(); 6];
        let view = ViewMut::new(&mut buf, 3, 2).unwrap();
        let (top, bottom) = view.split_at_row(0).unwrap();
        assert_eq!((top.size(), bottom.size()), ((3, 0), (3, 2)));
        let (top, rest) = bottom.split_at_row(2).unwrap();
        assert_eq!((top.height(), rest.height()), (2, 0));
        assert!(rest.split_at_row(1).is_err());
    }

    #[test]
    fn tile_rows_keep_the_full_lifetime() {
        let mut buf = vec![Gray8::default(); 4];
        let rows: Vec<&mut [Gray8]> = ViewMut::new(&mut buf, 2, 2)
            .unwrap()
            .tiles_mut(nz(2), nz(2))
            .flat_map(TileMut::into_rows)
            .collect();
        assert_eq!(rows.len(), 2);
    }
}
