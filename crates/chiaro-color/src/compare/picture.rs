//! [`difference_image`]: a picture of where two images differ, for people.

use chiaro_pixel::{Image, Rgb8, SizeMismatch, View};

use super::visible::{VisibleColor, luma_over};
use super::{check_size, row_bytes};

/// Red of a differing pixel whose amplified difference is `t`: 96 (dark red) for the
/// smallest up to 255 for 255.
#[inline]
fn red(t: u8) -> u8 {
    // 96 + t · 159 / 255, rounded; at most 255.
    let r = 96 + (u16::from(t) * 159 + 127) / 255;
    u8::try_from(r).unwrap_or(u8::MAX)
}

/// Light gray that keeps a faint copy of `luma` (0–255): 191 for black to 255 for white.
#[inline]
fn faded(luma: f64) -> u8 {
    // 191.25 + luma / 4, in 191.25..=255 for luma in 0..=255.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "the value is clamped to 0..=255 first"
    )]
    let v = (191.25 + luma.clamp(0.0, 255.0) * 0.25 + 0.5) as u8;
    v
}

/// A picture of where `a` and `b` differ, to save when a golden test fails.
///
/// Pixels that are equal show a faded gray copy of `a` (its luma over white, lifted to
/// 191–255), so a reader can tell where the differences are. Pixels that differ are
/// red, however small the difference: their difference `d` (the largest over the
/// channels, stored values as [`compare`](super::compare) sees them) is amplified to
/// `t = min(255, d · amplify)` and shown as red `96 + t · 159/255`, from dark red to
/// full red `(255, 0, 0)`. So `amplify = 1` shows the size of differences, a large
/// `amplify` makes small ones bright, and `amplify = 0` only marks where they are.
///
/// Returns [`SizeMismatch`] when the sizes differ.
///
/// ```
/// use chiaro_color::compare::difference_image;
/// use chiaro_pixel::{Image, Rgb8};
///
/// let a = Image::filled(4, 4, Rgb8::new(0, 0, 0));
/// let mut b = a.clone();
/// *b.get_mut(1, 1).unwrap() = Rgb8::new(0, 3, 0);
/// let picture = difference_image(a.as_view(), b.as_view(), 85)?;
/// assert_eq!(picture.get(1, 1), Some(&Rgb8::new(255, 0, 0)));
/// assert_eq!(picture.get(0, 0), Some(&Rgb8::new(191, 191, 191)));
/// # Ok::<(), chiaro_pixel::SizeMismatch>(())
/// ```
pub fn difference_image<P: VisibleColor>(
    a: View<'_, P>,
    b: View<'_, P>,
    amplify: u8,
) -> Result<Image<Rgb8>, SizeMismatch> {
    check_size(&a, &b)?;
    let mut out = Image::<Rgb8>::new(a.width(), a.height());
    for (out_row, (row_a, row_b)) in out.rows_mut().zip(a.rows().zip(b.rows())) {
        let chans_a = row_bytes(row_a).chunks_exact(P::CHANNELS);
        let chans_b = row_bytes(row_b).chunks_exact(P::CHANNELS);
        for ((o, pa), (ca, cb)) in out_row.iter_mut().zip(row_a).zip(chans_a.zip(chans_b)) {
            let d = ca
                .iter()
                .zip(cb)
                .map(|(x, y)| x.abs_diff(*y))
                .max()
                .unwrap_or(0);
            *o = if d == 0 {
                let v = faded(luma_over(pa, 255.0));
                Rgb8::new(v, v, v)
            } else {
                let t = u8::try_from(u16::from(d) * u16::from(amplify)).unwrap_or(u8::MAX);
                Rgb8::new(red(t), 0, 0)
            };
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramps_span_their_ranges() {
        assert_eq!((red(0), red(1), red(128), red(255)), (96, 97, 176, 255));
        assert_eq!((faded(0.0), faded(128.0), faded(255.0)), (191, 223, 255));
        assert_eq!((faded(-5.0), faded(300.0)), (191, 255));
    }
}
