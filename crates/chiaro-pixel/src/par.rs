//! Parallel iteration over disjoint parts of a view (feature `rayon`).
//!
//! The parts are the same as the sequential splits in [`crate::split`], so the
//! guarantee is the same: each pixel belongs to exactly one part, and no part can be
//! reached from another thread while this one holds it.
//!
//! ```
//! use chiaro_pixel::{Image, Rgba8};
//! use rayon::prelude::*;
//!
//! let mut image = Image::<Rgba8>::new(64, 48);
//! image.par_rows_mut().enumerate().for_each(|(y, row)| {
//!     row.fill(Rgba8::new(0, y as u8, 0, 255));
//! });
//! assert_eq!(image.get(5, 47), Some(&Rgba8::new(0, 47, 0, 255)));
//! ```

use alloc::vec::Vec;
use core::num::NonZeroU32;

use rayon::iter::Either;
use rayon::prelude::*;

use crate::split::TileMut;
use crate::view::Layout;
use crate::{Image, Pixel, ViewMut, cast};

impl<'a, P: Pixel> ViewMut<'a, P> {
    /// The rows as a parallel iterator, top to bottom.
    pub fn par_rows_mut(self) -> impl IndexedParallelIterator<Item = &'a mut [P]> {
        let (data, layout) = self.into_raw_parts();
        if layout.stride == 0 {
            // No pixels: `height` empty rows (or none).
            return Either::Right(
                (0..layout.height)
                    .into_par_iter()
                    .map(|_| <&mut [P]>::default()),
            );
        }
        let row_len = layout.row_len;
        Either::Left(
            data.par_chunks_mut(layout.stride)
                .map(move |chunk| cast::pixels_mut::<P>(&mut chunk[..row_len])),
        )
    }

    /// Bands of `rows` rows as a parallel iterator; see
    /// [`row_chunks_mut`](Self::row_chunks_mut).
    pub fn par_row_chunks_mut(
        self,
        rows: NonZeroU32,
    ) -> impl IndexedParallelIterator<Item = ViewMut<'a, P>> {
        let (data, layout) = self.into_raw_parts();
        let rows = rows.get();
        let bands = layout.height.div_ceil(rows);
        let band = move |i: u32| Layout {
            height: rows.min(layout.height - i * rows),
            ..layout
        };
        if layout.stride == 0 {
            return Either::Right((0..bands).into_par_iter().map(move |i| {
                ViewMut::from_raw_parts(
                    Default::default(),
                    Layout {
                        stride: 0,
                        ..band(i)
                    },
                )
            }));
        }
        let chunk = layout.stride.saturating_mul(rows as usize);
        Either::Left(
            data.par_chunks_mut(chunk)
                .zip(0..bands)
                .map(move |(chunk, i)| {
                    let layout = band(i);
                    ViewMut::from_raw_parts(&mut chunk[..layout.min_len()], layout)
                }),
        )
    }

    /// Tiles as a parallel iterator; see [`tiles_mut`](Self::tiles_mut).
    pub fn par_tiles_mut(
        self,
        tile_width: NonZeroU32,
        tile_height: NonZeroU32,
    ) -> impl IndexedParallelIterator<Item = TileMut<'a, P>> {
        self.tiles_mut(tile_width, tile_height)
            .collect::<Vec<_>>()
            .into_par_iter()
    }
}

impl<P: Pixel> Image<P> {
    /// The rows as a parallel iterator; see [`ViewMut::par_rows_mut`].
    pub fn par_rows_mut(&mut self) -> impl IndexedParallelIterator<Item = &mut [P]> {
        self.as_view_mut().par_rows_mut()
    }

    /// Bands of rows as a parallel iterator; see [`ViewMut::par_row_chunks_mut`].
    pub fn par_row_chunks_mut(
        &mut self,
        rows: NonZeroU32,
    ) -> impl IndexedParallelIterator<Item = ViewMut<'_, P>> {
        self.as_view_mut().par_row_chunks_mut(rows)
    }

    /// Tiles as a parallel iterator; see [`ViewMut::par_tiles_mut`].
    pub fn par_tiles_mut(
        &mut self,
        tile_width: NonZeroU32,
        tile_height: NonZeroU32,
    ) -> impl IndexedParallelIterator<Item = TileMut<'_, P>> {
        self.as_view_mut().par_tiles_mut(tile_width, tile_height)
    }
}
