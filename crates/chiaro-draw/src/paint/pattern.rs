//! Image patterns.

use chiaro_pixel::{PremulRgba8, View};

use super::{PaintError, SpreadMode};
use crate::geom::Transform;
use crate::math;

/// How a pattern samples its image between pixel centres.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Filter {
    /// The pixel whose square holds the point: sharp, blocky when magnified.
    Nearest,
    /// Linear interpolation between the four nearest pixel centres.
    #[default]
    Bilinear,
}

/// An image used as a paint; see [`Paint::pattern`](super::Paint::pattern).
#[derive(Clone, Debug)]
pub struct Pattern<'a> {
    pub(crate) image: View<'a, PremulRgba8>,
    pub(crate) spread: SpreadMode,
    pub(crate) filter: Filter,
    pub(crate) transform: Transform,
}

impl<'a> Pattern<'a> {
    pub(crate) fn new(
        image: View<'a, PremulRgba8>,
        spread: SpreadMode,
        filter: Filter,
    ) -> Result<Self, PaintError> {
        if image.is_empty() {
            return Err(PaintError::EmptyImage);
        }
        Ok(Self {
            image,
            spread,
            filter,
            transform: Transform::IDENTITY,
        })
    }

    /// Fills `out` with the pattern along device row `y` from column `x`, given the
    /// device-to-image transform.
    pub(crate) fn shade(&self, to_image: &Transform, x: u32, y: u32, out: &mut [PremulRgba8]) {
        let m = to_image;
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        let u0 = m.a * fx + m.c * fy + m.e;
        let v0 = m.b * fx + m.d * fy + m.f;
        let (w, h) = (self.image.width(), self.image.height());
        let spread = self.spread;
        match self.filter {
            Filter::Nearest => {
                for (i, px) in out.iter_mut().enumerate() {
                    let (u, v) = (u0 + m.a * i as f32, v0 + m.b * i as f32);
                    let (Some(ix), Some(iy)) = (
                        wrap(math::floor(u), w, spread),
                        wrap(math::floor(v), h, spread),
                    ) else {
                        *px = PremulRgba8::TRANSPARENT;
                        continue;
                    };
                    *px = self.pixel(ix, iy);
                }
            }
            Filter::Bilinear => {
                for (i, px) in out.iter_mut().enumerate() {
                    let u = u0 + m.a * i as f32 - 0.5;
                    let v = v0 + m.b * i as f32 - 0.5;
                    let (fu, fv) = (math::floor(u), math::floor(v));
                    let (wu, wv) = (u - fu, v - fv);
                    let (x0, x1) = (wrap(fu, w, spread), wrap(fu + 1.0, w, spread));
                    let (y0, y1) = (wrap(fv, h, spread), wrap(fv + 1.0, h, spread));
                    let (Some(x0), Some(x1), Some(y0), Some(y1)) = (x0, x1, y0, y1) else {
                        *px = PremulRgba8::TRANSPARENT;
                        continue;
                    };
                    let (p00, p10) = (self.pixel(x0, y0), self.pixel(x1, y0));
                    let (p01, p11) = (self.pixel(x0, y1), self.pixel(x1, y1));
                    let mix = |a: u8, b: u8, c: u8, d: u8| {
                        let top = f32::from(a) + (f32::from(b) - f32::from(a)) * wu;
                        let bottom = f32::from(c) + (f32::from(d) - f32::from(c)) * wu;
                        to_u8(top + (bottom - top) * wv)
                    };
                    let a = mix(p00.a, p10.a, p01.a, p11.a);
                    *px = PremulRgba8::new(
                        mix(p00.r, p10.r, p01.r, p11.r).min(a),
                        mix(p00.g, p10.g, p01.g, p11.g).min(a),
                        mix(p00.b, p10.b, p01.b, p11.b).min(a),
                        a,
                    );
                }
            }
        }
    }

    #[inline(always)]
    fn pixel(&self, x: u32, y: u32) -> PremulRgba8 {
        self.image
            .get(x, y)
            .copied()
            .unwrap_or(PremulRgba8::TRANSPARENT)
    }
}

/// An integer pixel coordinate (given as a whole float) folded into `0..len` by the
/// spread mode; `None` for NaN.
#[inline(always)]
fn wrap(c: f32, len: u32, spread: SpreadMode) -> Option<u32> {
    if c.is_nan() {
        return None;
    }
    // Beyond ±2^31 every mode's answer is already decided by the sign for Pad, and
    // arbitrary for the repeating modes (f32 has no fractional precision there).
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating float-to-int cast"
    )]
    let i = c as i64;
    let n = i64::from(len);
    let folded = match spread {
        SpreadMode::Pad => i.clamp(0, n - 1),
        SpreadMode::Repeat => i.rem_euclid(n),
        SpreadMode::Reflect => {
            let m = i.rem_euclid(2 * n);
            if m >= n { 2 * n - 1 - m } else { m }
        }
    };
    u32::try_from(folded).ok()
}

#[inline(always)]
fn to_u8(v: f32) -> u8 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "saturating cast after rounding a value in [0, 255]"
    )]
    let b = (v + 0.5) as u8;
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiaro_pixel::Image;

    #[test]
    fn wrap_folds_by_mode() {
        assert_eq!(wrap(-3.0, 4, SpreadMode::Pad), Some(0));
        assert_eq!(wrap(9.0, 4, SpreadMode::Pad), Some(3));
        assert_eq!(wrap(-1.0, 4, SpreadMode::Repeat), Some(3));
        assert_eq!(wrap(9.0, 4, SpreadMode::Repeat), Some(1));
        assert_eq!(wrap(4.0, 4, SpreadMode::Reflect), Some(3));
        assert_eq!(wrap(-1.0, 4, SpreadMode::Reflect), Some(0));
        assert_eq!(wrap(-5.0, 4, SpreadMode::Reflect), Some(3));
        assert_eq!(wrap(f32::NAN, 4, SpreadMode::Pad), None);
        assert_eq!(wrap(1e30, 4, SpreadMode::Repeat).map(|v| v < 4), Some(true));
    }

    #[test]
    fn nearest_and_bilinear_sample_pixel_centres() {
        let img = Image::from_fn(2, 1, |x, _| {
            if x == 0 {
                PremulRgba8::new(0, 0, 0, 255)
            } else {
                PremulRgba8::new(200, 100, 0, 255)
            }
        });
        let p = Pattern::new(img.as_view(), SpreadMode::Pad, Filter::Nearest).unwrap();
        let mut out = [PremulRgba8::TRANSPARENT; 4];
        // Scale 2: device pixels 0,1 → image pixel 0; 2,3 → pixel 1.
        p.shade(&Transform::scale(0.5, 0.5), 0, 0, &mut out);
        assert_eq!(out.map(|c| c.r), [0, 0, 200, 200]);
        let p = Pattern::new(img.as_view(), SpreadMode::Pad, Filter::Bilinear).unwrap();
        p.shade(&Transform::scale(0.5, 0.5), 0, 0, &mut out);
        // Centres at u = 0.25, 0.75, 1.25, 1.75: weights 0, 0.25, 0.75, 1 (padded).
        assert_eq!(out.map(|c| c.r), [0, 50, 150, 200]);
    }
}
