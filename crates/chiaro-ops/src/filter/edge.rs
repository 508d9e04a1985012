//! Sobel edge detection.

use chiaro_pixel::{Image, Pixel, View};

use super::rows::{clamp_index, for_each_row, raw};
use super::sample::store;

/// The Sobel gradient magnitude `√(gx² + gy²)` of each colour channel (3 × 3 Sobel
/// kernels on the stored values, edges extended), rounded and clamped to the channel
/// range for integer formats; the alpha channel, if any, is copied from `src`.
///
/// A flat image gives zero everywhere; a vertical step of height `d` gives `4d` on the
/// two columns beside it (clamped).
pub fn sobel<P: Pixel>(src: View<'_, P>) -> Image<P> {
    let (w, h) = (src.width() as usize, src.height() as usize);
    let mut dst = Image::<P>::new(src.width(), src.height());
    if dst.is_empty() {
        return dst;
    }
    let ch = P::CHANNELS;
    let colour = if P::HAS_ALPHA { ch - 1 } else { ch };
    let data = raw(src);
    let line = w * ch;
    let at = |x: usize, y: usize, c: usize| data[y * line + x * ch + c];
    for_each_row(&mut dst, |y, out, acc| {
        acc.clear();
        acc.resize(line, 0.0);
        let (up, down) = (clamp_index(y, -1, h), clamp_index(y, 1, h));
        for x in 0..w {
            let (l, r) = (clamp_index(x, -1, w), clamp_index(x, 1, w));
            for c in 0..ch {
                acc[x * ch + c] = if c < colour {
                    let gx = (at(r, up, c) + 2.0 * at(r, y, c) + at(r, down, c))
                        - (at(l, up, c) + 2.0 * at(l, y, c) + at(l, down, c));
                    let gy = (at(l, down, c) + 2.0 * at(x, down, c) + at(r, down, c))
                        - (at(l, up, c) + 2.0 * at(x, up, c) + at(r, up, c));
                    libm::sqrtf(gx * gx + gy * gy)
                } else {
                    at(x, y, c)
                };
            }
        }
        store(acc, super::sample::channels_mut(out));
    });
    dst
}
