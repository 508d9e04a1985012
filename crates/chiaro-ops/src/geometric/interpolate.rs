//! Sampling a premultiplied `f32` copy of the source at fractional positions.

use alloc::vec;
use alloc::vec::Vec;

use chiaro_pixel::{Pixel, View};

use crate::filter::sample::load_working;

/// How [`rotate`](super::rotate) and [`warp`](super::warp) sample the source between
/// pixel centres.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Interpolation {
    /// The pixel the point falls in: exact values, blocky edges.
    Nearest,
    /// Linear between the four nearest pixel centres.
    #[default]
    Bilinear,
    /// Catmull–Rom cubic over the sixteen nearest (sharper; may overshoot, clamped for
    /// integer formats).
    Bicubic,
}

/// The source as premultiplied `f32` working values, and the background likewise.
pub(crate) struct Source {
    data: Vec<f32>,
    width: i64,
    height: i64,
    ch: usize,
    background: Vec<f32>,
}

impl Source {
    pub(crate) fn new<P: Pixel>(src: View<'_, P>, background: P) -> Self {
        let (w, h, ch) = (src.width() as usize, src.height() as usize, P::CHANNELS);
        let mut data = vec![0.0; w * h * ch];
        if w > 0 {
            for (line, row) in data.chunks_exact_mut(w * ch).zip(src.rows()) {
                load_working(row, line);
            }
        }
        let mut bg = vec![0.0; ch];
        load_working(core::slice::from_ref(&background), &mut bg);
        Self {
            data,
            width: i64::from(src.width()),
            height: i64::from(src.height()),
            ch,
            background: bg,
        }
    }

    /// The pixel at integer `(x, y)`, or the background outside.
    #[inline]
    fn texel(&self, x: i64, y: i64) -> &[f32] {
        if x < 0 || y < 0 || x >= self.width || y >= self.height {
            return &self.background;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "within the image: fits usize"
        )]
        let i = (y * self.width + x) as usize * self.ch;
        &self.data[i..i + self.ch]
    }

    /// Samples at `(x, y)` in pixel-index space (pixel `(i, j)`'s centre is `(i, j)`)
    /// into `out`.
    pub(crate) fn sample(&self, mode: Interpolation, x: f64, y: f64, out: &mut [f32]) {
        if !(x.is_finite() && y.is_finite()) {
            out.copy_from_slice(&self.background);
            return;
        }
        // Far outside: the background, without forming huge integers.
        let margin = 4.0;
        if x < -margin
            || y < -margin
            || x > self.width as f64 + margin
            || y > self.height as f64 + margin
        {
            out.copy_from_slice(&self.background);
            return;
        }
        #[expect(clippy::cast_possible_truncation, reason = "|x|, |y| < 2³¹ + 4 here")]
        match mode {
            Interpolation::Nearest => {
                let (i, j) = (libm::floor(x + 0.5) as i64, libm::floor(y + 0.5) as i64);
                out.copy_from_slice(self.texel(i, j));
            }
            Interpolation::Bilinear => {
                let (fx, fy) = (libm::floor(x), libm::floor(y));
                let (i, j) = (fx as i64, fy as i64);
                let (tx, ty) = ((x - fx) as f32, (y - fy) as f32);
                out.fill(0.0);
                for (dj, wy) in [(0, 1.0 - ty), (1, ty)] {
                    for (di, wx) in [(0, 1.0 - tx), (1, tx)] {
                        let w = wx * wy;
                        if w != 0.0 {
                            for (o, &v) in out.iter_mut().zip(self.texel(i + di, j + dj)) {
                                *o += w * v;
                            }
                        }
                    }
                }
            }
            Interpolation::Bicubic => {
                let (fx, fy) = (libm::floor(x), libm::floor(y));
                let (i, j) = (fx as i64, fy as i64);
                let wx = catmull_rom((x - fx) as f32);
                let wy = catmull_rom((y - fy) as f32);
                out.fill(0.0);
                for (dj, &ky) in (-1..=2).zip(&wy) {
                    for (di, &kx) in (-1..=2).zip(&wx) {
                        let w = kx * ky;
                        if w != 0.0 {
                            for (o, &v) in out.iter_mut().zip(self.texel(i + di, j + dj)) {
                                *o += w * v;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Catmull–Rom weights of the taps at −1, 0, 1, 2 for a fraction `t` in `[0, 1)`.
fn catmull_rom(t: f32) -> [f32; 4] {
    let (t2, t3) = (t * t, t * t * t);
    [
        0.5 * (-t3 + 2.0 * t2 - t),
        0.5 * (3.0 * t3 - 5.0 * t2 + 2.0),
        0.5 * (-3.0 * t3 + 4.0 * t2 + t),
        0.5 * (t3 - t2),
    ]
}
