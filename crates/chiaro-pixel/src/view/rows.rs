//! Row iterators.

use core::iter::FusedIterator;

use super::Layout;
use crate::{Pixel, cast};

/// The rows of a view, top to bottom. Created by [`View::rows`](crate::View::rows).
#[derive(Debug)]
pub struct Rows<'a, P: Pixel> {
    data: &'a [P::Channel],
    stride: usize,
    row_len: usize,
    /// Next row from the front.
    front: u32,
    /// One past the next row from the back.
    back: u32,
}

impl<P: Pixel> Clone for Rows<'_, P> {
    fn clone(&self) -> Self {
        Self { ..*self }
    }
}

impl<'a, P: Pixel> Rows<'a, P> {
    pub(crate) fn new(data: &'a [P::Channel], layout: Layout) -> Self {
        Self {
            data,
            stride: layout.stride,
            row_len: layout.row_len,
            front: 0,
            back: layout.height,
        }
    }

    #[inline(always)]
    fn row(&self, y: u32) -> &'a [P] {
        let start = y as usize * self.stride;
        cast::pixels::<P>(&self.data[start..start + self.row_len])
    }
}

impl<'a, P: Pixel> Iterator for Rows<'a, P> {
    type Item = &'a [P];

    #[inline]
    fn next(&mut self) -> Option<&'a [P]> {
        if self.front == self.back {
            return None;
        }
        let row = self.row(self.front);
        self.front += 1;
        Some(row)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.back - self.front) as usize;
        (n, Some(n))
    }
}

impl<'a, P: Pixel> DoubleEndedIterator for Rows<'a, P> {
    #[inline]
    fn next_back(&mut self) -> Option<&'a [P]> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        Some(self.row(self.back))
    }
}

impl<P: Pixel> ExactSizeIterator for Rows<'_, P> {}
impl<P: Pixel> FusedIterator for Rows<'_, P> {}

/// The rows of a view, top to bottom, mutably. Created by
/// [`ViewMut::rows_mut`](crate::ViewMut::rows_mut).
#[derive(Debug)]
pub struct RowsMut<'a, P: Pixel> {
    /// The rows not yet handed out: at least `(remaining - 1) × stride + row_len`
    /// channels when `remaining > 0`.
    data: &'a mut [P::Channel],
    stride: usize,
    row_len: usize,
    remaining: u32,
}

impl<'a, P: Pixel> RowsMut<'a, P> {
    pub(crate) fn new(data: &'a mut [P::Channel], layout: Layout) -> Self {
        Self {
            data,
            stride: layout.stride,
            row_len: layout.row_len,
            remaining: layout.height,
        }
    }
}

impl<'a, P: Pixel> Iterator for RowsMut<'a, P> {
    type Item = &'a mut [P];

    #[inline]
    fn next(&mut self) -> Option<&'a mut [P]> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let data = core::mem::take(&mut self.data);
        let (row, rest) = if self.remaining == 0 {
            (data, Default::default())
        } else {
            data.split_at_mut(self.stride)
        };
        self.data = rest;
        Some(cast::pixels_mut::<P>(&mut row[..self.row_len]))
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining as usize;
        (n, Some(n))
    }
}

impl<'a, P: Pixel> DoubleEndedIterator for RowsMut<'a, P> {
    #[inline]
    fn next_back(&mut self) -> Option<&'a mut [P]> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let data = core::mem::take(&mut self.data);
        let (rest, row) = data.split_at_mut(self.remaining as usize * self.stride);
        self.data = rest;
        Some(cast::pixels_mut::<P>(&mut row[..self.row_len]))
    }
}

impl<P: Pixel> ExactSizeIterator for RowsMut<'_, P> {}
impl<P: Pixel> FusedIterator for RowsMut<'_, P> {}
