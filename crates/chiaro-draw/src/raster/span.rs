//! The interface between rasterizing and compositing.

use alloc::vec::Vec;

/// Receives a fill's coverage, one horizontal span at a time, in target pixel
/// coordinates. Spans arrive row by row from the top; within a row from the left;
/// no pixel is covered by two spans of one fill. Pixels in no span have coverage 0.
pub trait SpanSink {
    /// `len` pixels of row `y` starting at column `x`, all with coverage `coverage`
    /// (1–255; 255 is fully covered).
    fn solid_span(&mut self, x: u32, y: u32, len: u32, coverage: u8);

    /// Pixels of row `y` starting at column `x`, one coverage byte per pixel (bytes
    /// may be 0).
    fn mask_span(&mut self, x: u32, y: u32, coverage: &[u8]);
}

/// A [`SpanSink`] that records what it receives, for tests and debugging: it can
/// turn the spans into a coverage grid and notices pixels covered twice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanRecorder {
    /// Every span as `(x, y, coverage per pixel)`.
    pub spans: Vec<(u32, u32, Vec<u8>)>,
}

impl SpanRecorder {
    /// An empty recorder.
    pub fn new() -> Self {
        Self::default()
    }

    /// The coverage of a `width × height` grid: `grid[y * width + x]`. Spans outside
    /// the grid are cut off.
    ///
    /// # Errors
    ///
    /// `Err((x, y))` names the first pixel two spans both covered.
    pub fn to_grid(&self, width: u32, height: u32) -> Result<Vec<u8>, (u32, u32)> {
        let mut grid = alloc::vec![0u8; width as usize * height as usize];
        let mut seen = alloc::vec![false; grid.len()];
        for (x, y, cov) in &self.spans {
            if *y >= height {
                continue;
            }
            for (i, &c) in cov.iter().enumerate() {
                let px = *x as usize + i;
                if px >= width as usize {
                    break;
                }
                let at = *y as usize * width as usize + px;
                if seen[at] {
                    #[expect(clippy::cast_possible_truncation, reason = "px < width: u32")]
                    return Err((px as u32, *y));
                }
                seen[at] = true;
                grid[at] = c;
            }
        }
        Ok(grid)
    }
}

impl SpanSink for SpanRecorder {
    fn solid_span(&mut self, x: u32, y: u32, len: u32, coverage: u8) {
        self.spans.push((x, y, alloc::vec![coverage; len as usize]));
    }

    fn mask_span(&mut self, x: u32, y: u32, coverage: &[u8]) {
        self.spans.push((x, y, coverage.to_vec()));
    }
}
