//! [`Mask`]: an 8-bit coverage mask placed in destination coordinates.

use chiaro_pixel::{Gray8, Rect, View};

use super::fixed::mul;

/// A coverage mask: a [`View`] of [`Gray8`] coverage values (0 = none, 255 = full)
/// whose top-left pixel sits at `(x, y)` in the destination's coordinates.
///
/// Destination pixels outside the mask get coverage 0, so compositing through a mask
/// never touches them, whatever the mode. Cheap to copy.
///
/// ```
/// use chiaro_draw::composite::Mask;
/// use chiaro_pixel::{Gray8, Image, Rect};
///
/// let coverage = Image::from_fn(4, 2, |x, _| Gray8::new((x * 85) as u8));
/// let mask = Mask::at(coverage.as_view(), 10, -1);
/// assert_eq!(mask.bounds(), Rect::new(10, -1, 4, 2));
/// assert_eq!(mask.coverage(12, 0), 170);
/// assert_eq!(mask.coverage(0, 0), 0); // outside
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Mask<'a> {
    view: View<'a, Gray8>,
    x: i32,
    y: i32,
}

impl<'a> Mask<'a> {
    /// A mask whose top-left pixel covers destination pixel `(0, 0)`.
    #[inline]
    pub fn new(view: View<'a, Gray8>) -> Self {
        Self::at(view, 0, 0)
    }

    /// A mask whose top-left pixel covers destination pixel `(x, y)`; any offset,
    /// also far outside the destination, is allowed.
    #[inline]
    pub fn at(view: View<'a, Gray8>, x: i32, y: i32) -> Self {
        Self { view, x, y }
    }

    /// The coverage values.
    #[inline]
    pub fn view(&self) -> View<'a, Gray8> {
        self.view
    }

    /// Where the mask's top-left pixel sits in destination coordinates.
    #[inline]
    pub fn origin(&self) -> (i32, i32) {
        (self.x, self.y)
    }

    /// The destination pixels the mask covers (including those where its value is 0).
    #[inline]
    pub fn bounds(&self) -> Rect {
        Rect::new(self.x, self.y, self.view.width(), self.view.height())
    }

    /// The coverage of destination pixel `(x, y)`: 0 outside the mask. Checks bounds
    /// on every call; compositing reads whole rows instead.
    pub fn coverage(&self, x: i32, y: i32) -> u8 {
        let mx = u32::try_from(i64::from(x) - i64::from(self.x));
        let my = u32::try_from(i64::from(y) - i64::from(self.y));
        match (mx, my) {
            (Ok(mx), Ok(my)) => self.view.get(mx, my).map_or(0, |g| g.v),
            _ => 0,
        }
    }

    /// Multiplies `coverage`, the coverage of destination pixels `x .. x + len` of
    /// row `y`, by the mask's: each value becomes `round(c · m / 255)`, and 0 where
    /// the mask does not reach. How a shape's anti-aliasing coverage and a mask
    /// combine.
    pub(crate) fn apply(&self, x: u32, y: u32, coverage: &mut [u8]) {
        let row = u32::try_from(i64::from(y) - i64::from(self.y))
            .ok()
            .and_then(|my| self.view.row(my));
        let Some(row) = row else {
            coverage.fill(0);
            return;
        };
        let row: &[u8] = bytemuck::cast_slice(row);
        // Mask column of the span's first pixel; negative when the span starts left of
        // the mask.
        let start = i64::from(x) - i64::from(self.x);
        for (c, i) in coverage.iter_mut().zip(start..) {
            let m = usize::try_from(i).ok().and_then(|i| row.get(i)).copied();
            *c = m.map_or(0, |m| mul(*c, m));
        }
    }

    /// The coverage of destination row `y`, columns `x .. x + len`, which must lie
    /// inside [`bounds`](Self::bounds); `None` if they do not.
    pub(crate) fn row(&self, x: i64, y: i64, len: usize) -> Option<&'a [u8]> {
        let mx = usize::try_from(x - i64::from(self.x)).ok()?;
        let my = u32::try_from(y - i64::from(self.y)).ok()?;
        let row: &'a [Gray8] = self.view.row(my)?;
        let bytes: &'a [u8] = bytemuck::cast_slice(row);
        bytes.get(mx..mx.checked_add(len)?)
    }
}

#[cfg(test)]
mod tests {
    use chiaro_pixel::Image;

    use super::*;

    #[test]
    fn apply_multiplies_and_zeroes_outside() {
        let values = Image::from_fn(3, 2, |x, y| {
            Gray8::new([[255, 128, 0], [64, 1, 200]][y as usize][x as usize])
        });
        let mask = Mask::at(values.as_view(), 2, 1);
        // Row 1, pixels 0..6: outside, outside, 255, 128, 0, outside.
        let mut c = [200u8; 6];
        mask.apply(0, 1, &mut c);
        // round(200 · 128 / 255) = round(100.39) = 100.
        assert_eq!(c, [0, 0, 200, 100, 0, 0]);
        let mut c = [255u8; 2];
        mask.apply(3, 2, &mut c);
        assert_eq!(c, [1, 200]);
        let mut c = [255u8; 4];
        mask.apply(0, 0, &mut c);
        assert_eq!(c, [0; 4]);
        mask.apply(u32::MAX - 1, 2, &mut c);
        assert_eq!(c, [0; 4]);
        // Agrees with `coverage` everywhere.
        for y in 0..4u8 {
            for x in 0..7u8 {
                let mut c = [255u8];
                mask.apply(u32::from(x), u32::from(y), &mut c);
                assert_eq!(c[0], mask.coverage(i32::from(x), i32::from(y)));
            }
        }
    }
}
