//! Exact signed-area accumulation of lines into cells.
//!
//! Each row of the band has `row_len` cells. A line piece inside one pixel, spanning
//! `dy` of the row's height (negative when it goes up) with mean horizontal position
//! `m` within the pixel, covers `dy·(1 − m)` of that pixel to its right and `dy` of
//! every pixel beyond it. The piece adds `dy·(1 − m)` to the pixel's cell and `dy·m`
//! to the next, so the prefix sum of a row is, at every pixel, the area-weighted
//! winding number: the exact coverage for one non-overlapping shape. Pieces crossing
//! several pixels are cut at pixel boundaries first.
//!
//! The cells a line touched are marked per 8-pixel block in a bitmask per row. The
//! sweep sums only marked blocks, treats unmarked stretches as constant, and zeroes
//! what it read, so the buffer is all zeros between fills without being cleared.

use alloc::vec::Vec;

use super::edge::Line;
use crate::math;

/// Pixels per occupancy block.
pub(crate) const BLOCK: usize = 8;

/// Cells a band may hold (256 KiB of `f32`): big enough that typical fills are one
/// band, small enough to stay in L2 cache.
const BAND_CELLS: usize = 1 << 16;

#[derive(Debug, Default)]
pub(crate) struct Accumulator {
    /// `band_rows × row_len` cells.
    pub(crate) cells: Vec<f32>,
    /// Per cell, the total height of the downward and of the upward line pieces
    /// inside its pixel. Both non-zero, or either above 1, only where edges of more
    /// than one crossing pass through the pixel (not for consecutive pieces of one
    /// edge chain): the sweep uses it to find pixels that need exact treatment.
    pub(crate) down: Vec<f32>,
    /// See [`down`](Self::down).
    pub(crate) up: Vec<f32>,
    /// Whether `down` and `up` are kept (only for fills the sweep checks for
    /// overlaps; otherwise they stay zero).
    pub(crate) track_extents: bool,
    /// `band_rows × words_per_row` occupancy words; bit `b` of word `w` marks block
    /// `64·w + b`.
    pub(crate) blocks: Vec<u64>,
    pub(crate) row_len: usize,
    pub(crate) words_per_row: usize,
    width: f32,
}

impl Accumulator {
    /// Sizes the buffers for a window `width` wide and returns the rows per band.
    pub(crate) fn prepare(&mut self, width: u32, height: u32) -> u32 {
        // Two spare cells: a piece at the right edge writes into the cell after it.
        self.row_len = (width as usize + 2).div_ceil(BLOCK) * BLOCK;
        self.words_per_row = (self.row_len / BLOCK).div_ceil(64);
        let rows = (BAND_CELLS / self.row_len).clamp(1, height.max(1) as usize);
        // Every cell is zero between fills, so resizing keeps the invariant.
        self.cells.resize(rows * self.row_len, 0.0);
        self.down.resize(rows * self.row_len, 0.0);
        self.up.resize(rows * self.row_len, 0.0);
        self.blocks.resize(rows * self.words_per_row, 0);
        self.width = width as f32;
        #[expect(clippy::cast_possible_truncation, reason = "rows <= height: u32")]
        let rows = rows as u32;
        rows
    }

    pub(crate) fn row_len(&self) -> usize {
        self.row_len
    }

    #[inline(always)]
    fn mark(&mut self, row: usize, cell: usize) {
        let block = cell / BLOCK;
        self.blocks[row * self.words_per_row + block / 64] |= 1u64 << (block % 64);
    }

    #[inline(always)]
    fn add_extent(&mut self, cell: usize, d: f32) {
        if !self.track_extents {
            return;
        }
        if d > 0.0 {
            self.down[cell] += d;
        } else {
            self.up[cell] -= d;
        }
    }

    /// Adds the area of `line` within rows `band_top..band_end` (window rows).
    pub(crate) fn add_line(&mut self, line: &Line, band_top: u32, band_end: u32) {
        let (x0, y0, x1, y1, dir) = if line.y1 > line.y0 {
            (line.x0, line.y0, line.x1, line.y1, 1.0)
        } else {
            (line.x1, line.y1, line.x0, line.y0, -1.0)
        };
        let dxdy = (x1 - x0) / (y1 - y0);
        let first = to_row(math::floor(y0)).max(band_top);
        let last = to_row(math::ceil(y1)).min(band_end);
        if first >= last {
            return;
        }
        // Where the line enters each row; the exit of one row is the entry of the next.
        let mut ya = y0.max(first as f32);
        let mut xa = x0 + (ya - y0) * dxdy;
        for r in first..last {
            let yb = y1.min((r + 1) as f32);
            let xb = if yb == y1 { x1 } else { x0 + (yb - y0) * dxdy };
            let dy = yb - ya;
            if dy > 0.0 {
                self.add_piece((r - band_top) as usize, xa, xb, dy * dir);
            }
            ya = yb;
            xa = xb;
        }
    }

    /// Adds a piece within one row, from `xa` to `xb`, spanning `d` of the row's
    /// height (signed).
    #[inline]
    fn add_piece(&mut self, row: usize, xa: f32, xb: f32, d: f32) {
        let w = self.width;
        let (xl, xr) = if xa <= xb { (xa, xb) } else { (xb, xa) };
        let (xl, xr) = (xl.clamp(0.0, w), xr.clamp(0.0, w));
        let base = row * self.row_len;
        let cl = to_cell(xl);
        let cell_end = (cl + 1) as f32;
        let words = row * self.words_per_row;
        if xr <= cell_end {
            let m = (xl + xr) * 0.5 - cl as f32;
            let cells = &mut self.cells[base + cl..base + cl + 2];
            cells[0] += d * (1.0 - m);
            cells[1] += d * m;
            self.add_extent(base + cl, d);
            self.mark_cells(words, cl, cl + 1);
            return;
        }
        // Crosses pixel boundaries: equal x steps carry equal shares of `d`.
        let per_x = d / (xr - xl);
        let mut x = xl;
        let mut c = cl;
        while x < xr {
            let next = ((c + 1) as f32).min(xr);
            let dd = (next - x) * per_x;
            let m = (x + next) * 0.5 - c as f32;
            let cells = &mut self.cells[base + c..base + c + 2];
            cells[0] += dd * (1.0 - m);
            cells[1] += dd * m;
            self.add_extent(base + c, dd);
            x = next;
            c += 1;
        }
        self.mark_cells(words, cl, c);
    }

    /// Marks the blocks holding cells `first..=last` of the row whose words start
    /// at `words`.
    #[inline(always)]
    fn mark_cells(&mut self, words: usize, first: usize, last: usize) {
        let (b0, b1) = (first / BLOCK, last / BLOCK);
        for b in b0..=b1 {
            self.blocks[words + b / 64] |= 1u64 << (b % 64);
        }
    }

    /// Point-sampled variant for fills without anti-aliasing: for each row whose
    /// centre line `y = r + ½` the line crosses (half-open, so shared ends count
    /// once), adds the line's direction to the first pixel whose centre lies at or
    /// right of the crossing.
    pub(crate) fn add_line_sampled(&mut self, line: &Line, band_top: u32, band_end: u32) {
        let (x0, y0, x1, y1, dir) = if line.y1 > line.y0 {
            (line.x0, line.y0, line.x1, line.y1, 1.0)
        } else {
            (line.x1, line.y1, line.x0, line.y0, -1.0)
        };
        let dxdy = (x1 - x0) / (y1 - y0);
        let first = to_row(math::ceil(y0 - 0.5)).max(band_top);
        let last = to_row(math::ceil(y1 - 0.5)).min(band_end);
        let w = self.width;
        for r in first..last {
            let s = r as f32 + 0.5;
            let x = x0 + (s - y0) * dxdy;
            let c = to_cell(math::floor(x + 0.5).clamp(0.0, w));
            let row = (r - band_top) as usize;
            self.cells[row * self.row_len + c] += dir;
            self.mark(row, c);
        }
    }
}

/// A non-negative, in-window float as a row index.
#[inline(always)]
fn to_row(v: f32) -> u32 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating float-to-int cast of an in-window coordinate"
    )]
    let r = v.max(0.0) as u32;
    r
}

/// A non-negative, in-window float as a cell index.
#[inline(always)]
fn to_cell(v: f32) -> usize {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating float-to-int cast of an in-window coordinate"
    )]
    let c = v.max(0.0) as usize;
    c
}
