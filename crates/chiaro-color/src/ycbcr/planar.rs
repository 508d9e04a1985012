//! Planar Y′CbCr images: separate Y, Cb and Cr planes, with chroma at full resolution
//! (4:4:4), halved horizontally (4:2:2) or halved both ways (4:2:0).
//!
//! Planes are ordinary chiaro views of [`Sample8`], so they may have any stride and may
//! be regions of larger buffers (a decoder's or a video frame's).
//!
//! # Siting and resampling
//!
//! - **Down-sampling** averages the block of pixels each chroma sample covers (2×1 for
//!   4:2:2, 2×2 for 4:2:0): the chroma sample is *centred* between its pixels, the
//!   JPEG/JFIF and MPEG-1 siting. At a right or bottom edge of odd size the block is
//!   cut short and the average is over the pixels present. Averaging happens on the
//!   full-precision sums, before the single rounding.
//! - **Up-sampling** ([`Upsampling`]): `Nearest` repeats each chroma sample over its
//!   block; `Bilinear` interpolates between the centred samples with weights ¾ and ¼
//!   per axis (9/16, 3/16, 3/16, 1/16 in 4:2:0; libjpeg's "fancy" up-sampling), clamping
//!   at the edges. Both reproduce a flat colour exactly.
//!
//! # Precision
//!
//! Conversion uses fixed-point arithmetic (coefficients scaled by 2¹⁵ when encoding,
//! 2¹⁶ when decoding), with one rounding per value. Against the exact per-colour
//! [`Spec::encode`], 4:4:4 code values differ by at most 1 LSB; a full-range 4:4:4
//! round trip RGB8 → Y′CbCr → RGB8 is within 1 LSB per channel, and a limited-range one
//! within 2 LSB, for all 2²⁴ colours and all three matrices (tested exhaustively).

use alloc::vec;
use core::fmt;

use chiaro_pixel::{Image, Pixel, Rgb8, View, ViewMut};

use super::Spec;
pub use crate::bulk::{RgbSource, RgbTarget};

/// One 8-bit sample of a plane.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Sample8 {
    /// The code value.
    pub v: u8,
}

impl Pixel for Sample8 {
    type Channel = u8;
    type Encoding = chiaro_pixel::OtherEncoding;
    const CHANNELS: usize = 1;
    const MODEL: chiaro_pixel::ColorModel = chiaro_pixel::ColorModel::Other;
    const ALPHA: chiaro_pixel::AlphaMode = chiaro_pixel::AlphaMode::Opaque;
}

/// How much chroma resolution is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subsampling {
    /// Chroma at full resolution.
    S444,
    /// Chroma halved horizontally.
    S422,
    /// Chroma halved horizontally and vertically (JPEG's and video's usual choice).
    S420,
}

impl Subsampling {
    /// Pixels per chroma sample, `(horizontally, vertically)`.
    pub const fn factors(self) -> (u32, u32) {
        match self {
            Subsampling::S444 => (1, 1),
            Subsampling::S422 => (2, 1),
            Subsampling::S420 => (2, 2),
        }
    }

    /// Size of the chroma planes for a `width × height` image (rounded up).
    pub const fn chroma_size(self, width: u32, height: u32) -> (u32, u32) {
        let (h, v) = self.factors();
        (width.div_ceil(h), height.div_ceil(v))
    }
}

/// How chroma is brought back to full resolution; see the [module docs](self).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Upsampling {
    /// Repeat each chroma sample over its block.
    Nearest,
    /// Interpolate between centred samples (¾ and ¼ per axis).
    #[default]
    Bilinear,
}

/// Which plane an error is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plane {
    /// The luma plane.
    Y,
    /// The blue-difference plane.
    Cb,
    /// The red-difference plane.
    Cr,
}

/// A plane whose size does not fit the image and subsampling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaneSizeError {
    /// The plane.
    pub plane: Plane,
    /// The size it must have, `(width, height)`.
    pub expected: (u32, u32),
    /// The size it has.
    pub actual: (u32, u32),
}

impl fmt::Display for PlaneSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} plane is {}×{} but must be {}×{}",
            self.plane, self.actual.0, self.actual.1, self.expected.0, self.expected.1
        )
    }
}

impl core::error::Error for PlaneSizeError {}

/// Three planes to write.
#[derive(Debug)]
pub struct PlanesMut<'a> {
    /// Luma, the image's size.
    pub y: ViewMut<'a, Sample8>,
    /// Blue difference, [`Subsampling::chroma_size`].
    pub cb: ViewMut<'a, Sample8>,
    /// Red difference, [`Subsampling::chroma_size`].
    pub cr: ViewMut<'a, Sample8>,
}

/// Three planes to read.
#[derive(Clone, Copy, Debug)]
pub struct Planes<'a> {
    /// Luma, the image's size.
    pub y: View<'a, Sample8>,
    /// Blue difference, [`Subsampling::chroma_size`].
    pub cb: View<'a, Sample8>,
    /// Red difference, [`Subsampling::chroma_size`].
    pub cr: View<'a, Sample8>,
}

fn check_sizes(
    (w, h): (u32, u32),
    sub: Subsampling,
    sizes: [(u32, u32); 3],
) -> Result<(), PlaneSizeError> {
    let chroma = sub.chroma_size(w, h);
    for (plane, expected, actual) in [
        (Plane::Y, (w, h), sizes[0]),
        (Plane::Cb, chroma, sizes[1]),
        (Plane::Cr, chroma, sizes[2]),
    ] {
        if expected != actual {
            return Err(PlaneSizeError {
                plane,
                expected,
                actual,
            });
        }
    }
    Ok(())
}

/// Encoding coefficients in 2¹⁵ fixed point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EncodeCoeffs {
    /// Luma weights for R, G, B.
    pub(crate) y: [i32; 3],
    /// Cb weights.
    pub(crate) cb: [i32; 3],
    /// Cr weights.
    pub(crate) cr: [i32; 3],
    /// Luma code offset (0 or 16).
    pub(crate) y_offset: i32,
}

/// Rounds to the nearest integer.
#[expect(
    clippy::cast_possible_truncation,
    reason = "coefficients are far below 2^31"
)]
fn fixed(v: f64) -> i32 {
    libm::round(v) as i32
}

impl EncodeCoeffs {
    pub(crate) const SHIFT: u32 = 15;

    pub(crate) fn new(spec: Spec) -> Self {
        let m = spec.matrix;
        let one = f64::from(1u32 << Self::SHIFT);
        let (y_offset, ys) = spec.range.luma();
        let ys = ys / 255.0 * one;
        let cs = spec.range.chroma() / 255.0 * one;
        // Luma weights sum to the range's scale, so greys stay grey.
        let (yr, yb) = (fixed(m.kr() * ys), fixed(m.kb() * ys));
        let y = [yr, fixed(ys) - yr - yb, yb];
        // Chroma weights sum to zero, so greys have chroma exactly 128.
        let half = fixed(0.5 * cs);
        let cb_r = fixed(-m.kr() / (2.0 * (1.0 - m.kb())) * cs);
        let cb = [cb_r, -half - cb_r, half];
        let cr_b = fixed(-m.kb() / (2.0 * (1.0 - m.kr())) * cs);
        let cr = [half, -half - cr_b, cr_b];
        EncodeCoeffs {
            y,
            cb,
            cr,
            y_offset: fixed(y_offset),
        }
    }

    /// Luma of one pixel.
    #[inline(always)]
    pub(crate) fn luma(&self, [r, g, b]: [i32; 3]) -> u8 {
        let v = self.y[0] * r + self.y[1] * g + self.y[2] * b;
        clamp_u8((v + (1 << (Self::SHIFT - 1))) >> Self::SHIFT, self.y_offset)
    }

    /// Chroma of the sum of `1 << log2_n` pixels' channels.
    #[inline(always)]
    pub(crate) fn chroma(&self, w: [i32; 3], [r, g, b]: [i32; 3], log2_n: u32) -> u8 {
        let shift = Self::SHIFT + log2_n;
        let v = w[0] * r + w[1] * g + w[2] * b;
        clamp_u8((v + (1 << (shift - 1))) >> shift, 128)
    }
}

#[inline(always)]
fn clamp_u8(v: i32, offset: i32) -> u8 {
    u8::try_from((v + offset).clamp(0, 255)).unwrap_or(u8::MAX)
}

/// Decoding coefficients in 2¹⁶ fixed point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DecodeCoeffs {
    /// Scale of `Y − y_offset`.
    y: i32,
    y_offset: i32,
    /// Cr weight of R.
    r_cr: i32,
    /// Cb and Cr weights of G (subtracted).
    g_cb: i32,
    g_cr: i32,
    /// Cb weight of B.
    b_cb: i32,
}

impl DecodeCoeffs {
    const SHIFT: u32 = 16;

    pub(crate) fn new(spec: Spec) -> Self {
        let m = spec.matrix;
        let one = f64::from(1u32 << Self::SHIFT);
        let (y_offset, ys) = spec.range.luma();
        let cs = 255.0 / spec.range.chroma() * one;
        DecodeCoeffs {
            y: fixed(255.0 / ys * one),
            y_offset: fixed(y_offset),
            r_cr: fixed(2.0 * (1.0 - m.kr()) * cs),
            g_cb: fixed(2.0 * m.kb() * (1.0 - m.kb()) / m.kg() * cs),
            g_cr: fixed(2.0 * m.kr() * (1.0 - m.kr()) / m.kg() * cs),
            b_cb: fixed(2.0 * (1.0 - m.kb()) * cs),
        }
    }

    /// RGB of one sample triple.
    #[inline(always)]
    pub(crate) fn rgb(&self, y: u8, cb: u8, cr: u8) -> [u8; 3] {
        let y = (i32::from(y) - self.y_offset) * self.y + (1 << (Self::SHIFT - 1));
        let cb = i32::from(cb) - 128;
        let cr = i32::from(cr) - 128;
        [
            clamp_u8((y + self.r_cr * cr) >> Self::SHIFT, 0),
            clamp_u8((y - self.g_cb * cb - self.g_cr * cr) >> Self::SHIFT, 0),
            clamp_u8((y + self.b_cb * cb) >> Self::SHIFT, 0),
        ]
    }
}

fn wide<P: RgbSource>(p: P) -> [i32; 3] {
    p.rgb().map(i32::from)
}

fn add3(a: [i32; 3], b: [i32; 3]) -> [i32; 3] {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

/// Converts `src` into three planes with the given subsampling and coding.
///
/// The planes must have the image's size (luma) and [`Subsampling::chroma_size`]
/// (chroma); the error names the first that does not.
///
/// ```
/// use chiaro_color::ycbcr::Spec;
/// use chiaro_color::ycbcr::planar::{Sample8, Subsampling, PlanesMut, rgb_to_ycbcr};
/// use chiaro_pixel::{Image, Rgb8};
///
/// let rgb = Image::filled(5, 3, Rgb8::new(200, 40, 90)); // odd sizes are fine
/// let (cw, ch) = Subsampling::S420.chroma_size(5, 3);
/// let (mut y, mut cb, mut cr) = (Image::<Sample8>::new(5, 3), Image::new(cw, ch), Image::new(cw, ch));
/// let planes = PlanesMut { y: y.as_view_mut(), cb: cb.as_view_mut(), cr: cr.as_view_mut() };
/// rgb_to_ycbcr(rgb.as_view(), planes, Subsampling::S420, Spec::JPEG)?;
/// assert_eq!(cb.size(), (3, 2));
/// # Ok::<(), chiaro_color::ycbcr::planar::PlaneSizeError>(())
/// ```
pub fn rgb_to_ycbcr<P: RgbSource>(
    src: View<'_, P>,
    dst: PlanesMut<'_>,
    sub: Subsampling,
    spec: Spec,
) -> Result<(), PlaneSizeError> {
    check_sizes(
        src.size(),
        sub,
        [dst.y.size(), dst.cb.size(), dst.cr.size()],
    )?;
    let k = EncodeCoeffs::new(spec);
    let PlanesMut {
        y: mut yp,
        cb: mut cbp,
        cr: mut crp,
    } = dst;
    let (bw, bh) = sub.factors();
    let mut luma_rows = yp.rows_mut();
    for (cy, (cb_row, cr_row)) in (0u32..).zip(cbp.rows_mut().zip(crp.rows_mut())) {
        let top = src.row(cy * bh).unwrap_or_default();
        let second = if bh == 2 { src.row(cy * 2 + 1) } else { None };
        let bottom = second.unwrap_or(top);
        let Some(y0) = luma_rows.next() else { break };
        let mut y1 = if second.is_some() {
            luma_rows.next()
        } else {
            None
        };
        // Whole 4:2:0 row pairs take the fastest kernel for a prefix.
        let done = match y1.as_deref_mut() {
            Some(y1) if bw == 2 => {
                crate::simd::ycbcr::rows_420(top, bottom, y0, y1, cb_row, cr_row, &k)
            }
            _ => 0,
        };
        // The rest (all of it without AVX2) with the portable kernels.
        let (top, bottom) = (tail(top, done), tail(bottom, done));
        crate::simd::ycbcr::luma_row(top, &mut y0[done..], &k);
        if let Some(y1) = y1 {
            crate::simd::ycbcr::luma_row(bottom, &mut y1[done..], &k);
        }
        let c = done / bw as usize;
        crate::simd::ycbcr::chroma_row(top, bottom, bw, &mut cb_row[c..], &mut cr_row[c..], &k);
    }
    Ok(())
}

/// The pixels of `row` from `from` on.
fn tail<P>(row: &[P], from: usize) -> &[P] {
    row.get(from..).unwrap_or_default()
}

/// The portable kernels; `crate::simd` selects these or faster builds with identical
/// results.
pub(crate) mod kernels {
    use super::{EncodeCoeffs, RgbSource, Sample8, add3, wide};

    /// Luma of one row.
    #[inline(always)]
    pub(crate) fn luma_row<P: RgbSource>(src: &[P], dst: &mut [Sample8], k: &EncodeCoeffs) {
        for (s, d) in src.iter().zip(dst) {
            d.v = k.luma(wide(*s));
        }
    }

    /// Chroma of one row of blocks `block_width` pixels wide, from one or two source rows
    /// (pass the same row twice for 4:4:4 and 4:2:2: the sums scale, the average does
    /// not change). The right edge of an odd width repeats its last pixel.
    #[inline(always)]
    pub(crate) fn chroma_row<P: RgbSource>(
        top: &[P],
        bottom: &[P],
        block_width: u32,
        cb: &mut [Sample8],
        cr: &mut [Sample8],
        k: &EncodeCoeffs,
    ) {
        let bw = block_width as usize;
        // Sums of 2 (4:4:4) or 4 (4:2:x) pixels.
        let log2 = if bw == 2 { 2 } else { 1 };
        for (i, (b, r)) in cb.iter_mut().zip(cr.iter_mut()).enumerate() {
            let x = i * bw;
            let (Some(&t0), Some(&b0)) = (top.get(x), bottom.get(x)) else {
                break;
            };
            let mut sum = add3(wide(t0), wide(b0));
            if bw == 2 {
                let t1 = top.get(x + 1).copied().unwrap_or(t0);
                let b1 = bottom.get(x + 1).copied().unwrap_or(b0);
                sum = add3(sum, add3(wide(t1), wide(b1)));
            }
            b.v = k.chroma(k.cb, sum, log2);
            r.v = k.chroma(k.cr, sum, log2);
        }
    }
}

/// Converts three planes back to an RGB image with the given subsampling, coding and
/// up-sampling. The destination's size is the image's; the planes must fit it.
pub fn ycbcr_to_rgb<P: RgbTarget>(
    src: Planes<'_>,
    mut dst: ViewMut<'_, P>,
    sub: Subsampling,
    spec: Spec,
    upsampling: Upsampling,
) -> Result<(), PlaneSizeError> {
    check_sizes(
        dst.size(),
        sub,
        [src.y.size(), src.cb.size(), src.cr.size()],
    )?;
    let k = DecodeCoeffs::new(spec);
    let width = dst.width() as usize;
    let (bw, bh) = sub.factors();
    let mut cb_full = vec![0u8; width];
    let mut cr_full = vec![0u8; width];
    let mut cb_row = vec![0u16; width];
    let mut cr_row = vec![0u16; width];
    for (y, (out, luma)) in (0u32..).zip(dst.rows_mut().zip(src.y.rows())) {
        // Vertical step: chroma for this row at 4× scale (weights ¾/¼ or 1).
        let (cy, near, weight_near) = vertical_tap(y, bh, src.cb.height(), upsampling);
        for (plane, acc) in [(src.cb, &mut cb_row), (src.cr, &mut cr_row)] {
            let a = plane.row(cy).unwrap_or_default();
            let b = plane.row(near).unwrap_or(a);
            let cw = a.len();
            acc.truncate(0);
            acc.extend((0..cw).map(|i| {
                let (p, q) = (
                    u16::from(a[i].v),
                    u16::from(b.get(i).map_or(a[i].v, |s| s.v)),
                );
                p * weight_near.0 + q * weight_near.1
            }));
        }
        // Horizontal step, to full width, one rounding.
        upsample_row(&cb_row, bw, upsampling, &mut cb_full);
        upsample_row(&cr_row, bw, upsampling, &mut cr_full);
        for (((o, l), &cb), &cr) in out.iter_mut().zip(luma).zip(&cb_full).zip(&cr_full) {
            *o = P::from_rgb(k.rgb(l.v, cb, cr));
        }
    }
    Ok(())
}

/// For output row `y`: the nearest chroma row, the other row to blend with, and the
/// weights (summing to 4) of each.
fn vertical_tap(y: u32, bh: u32, rows: u32, up: Upsampling) -> (u32, u32, (u16, u16)) {
    let cy = y / bh;
    if bh == 1 || up == Upsampling::Nearest {
        return (cy, cy, (4, 0));
    }
    // Centred siting: even rows lean on the row above, odd rows on the row below.
    let other = if y.is_multiple_of(2) {
        cy.saturating_sub(1)
    } else {
        (cy + 1).min(rows.saturating_sub(1))
    };
    (cy, other, (3, 1))
}

/// Expands a chroma row held at 4× scale to full width, rounding once.
fn upsample_row(src: &[u16], bw: u32, up: Upsampling, dst: &mut [u8]) {
    let last = src.len().saturating_sub(1);
    for (x, d) in dst.iter_mut().enumerate() {
        let i = x / bw as usize;
        let Some(&near) = src.get(i) else { break };
        let v = if bw == 1 || up == Upsampling::Nearest {
            (u32::from(near) * 4 + 8) >> 4
        } else {
            let other = if x % 2 == 0 {
                i.saturating_sub(1)
            } else {
                (i + 1).min(last)
            };
            let far = src.get(other).copied().unwrap_or(near);
            (3 * u32::from(near) + u32::from(far) + 8) >> 4
        };
        *d = u8::try_from(v).unwrap_or(u8::MAX);
    }
}

/// An owned planar Y′CbCr image.
#[derive(Clone, Debug, PartialEq)]
pub struct YCbCrImage {
    spec: Spec,
    subsampling: Subsampling,
    y: Image<Sample8>,
    cb: Image<Sample8>,
    cr: Image<Sample8>,
}

impl YCbCrImage {
    /// Converts an RGB image. Allocates the three planes.
    pub fn from_rgb<P: RgbSource>(src: View<'_, P>, subsampling: Subsampling, spec: Spec) -> Self {
        let (w, h) = src.size();
        let (cw, ch) = subsampling.chroma_size(w, h);
        let mut out = YCbCrImage {
            spec,
            subsampling,
            y: Image::new(w, h),
            cb: Image::new(cw, ch),
            cr: Image::new(cw, ch),
        };
        // The planes were made to fit.
        let _ = rgb_to_ycbcr(src, out.planes_mut(), subsampling, spec);
        out
    }

    /// Converts back to `Rgb8`. Allocates.
    pub fn to_rgb8(&self, upsampling: Upsampling) -> Image<Rgb8> {
        let mut out = Image::new(self.y.width(), self.y.height());
        let _ = ycbcr_to_rgb(
            self.planes(),
            out.as_view_mut(),
            self.subsampling,
            self.spec,
            upsampling,
        );
        out
    }

    /// The coding.
    pub fn spec(&self) -> Spec {
        self.spec
    }

    /// The subsampling.
    pub fn subsampling(&self) -> Subsampling {
        self.subsampling
    }

    /// `(width, height)` of the image (and of the luma plane).
    pub fn size(&self) -> (u32, u32) {
        self.y.size()
    }

    /// The planes, read-only.
    pub fn planes(&self) -> Planes<'_> {
        Planes {
            y: self.y.as_view(),
            cb: self.cb.as_view(),
            cr: self.cr.as_view(),
        }
    }

    /// The planes, writable.
    pub fn planes_mut(&mut self) -> PlanesMut<'_> {
        PlanesMut {
            y: self.y.as_view_mut(),
            cb: self.cb.as_view_mut(),
            cr: self.cr.as_view_mut(),
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec::Vec;

    use chiaro_pixel::Rgba8;

    use super::*;
    use crate::ycbcr::{Matrix, Range};

    /// 4:2:0 with only the portable kernels, for comparison with the dispatched path.
    fn portable_420<P: RgbSource>(src: View<'_, P>, spec: Spec) -> [Vec<u8>; 3] {
        let k = EncodeCoeffs::new(spec);
        let (w, h) = src.size();
        let (cw, ch) = Subsampling::S420.chroma_size(w, h);
        let mut y = vec![Sample8::default(); (w * h) as usize];
        let mut cb = vec![Sample8::default(); (cw * ch) as usize];
        let mut cr = vec![Sample8::default(); (cw * ch) as usize];
        for (row, out) in src.rows().zip(y.chunks_mut(w.max(1) as usize)) {
            kernels::luma_row(row, out, &k);
        }
        for cy in 0..ch {
            let top = src.row(cy * 2).unwrap_or_default();
            let bottom = src.row(cy * 2 + 1).unwrap_or(top);
            let at = (cy * cw) as usize..((cy + 1) * cw) as usize;
            kernels::chroma_row(top, bottom, 2, &mut cb[at.clone()], &mut cr[at], &k);
        }
        [y, cb, cr].map(|p| p.into_iter().map(|s| s.v).collect())
    }

    fn dispatched_420<P: RgbSource>(src: View<'_, P>, spec: Spec) -> [Vec<u8>; 3] {
        let img = YCbCrImage::from_rgb(src, Subsampling::S420, spec);
        let p = img.planes();
        [p.y, p.cb, p.cr].map(|v| v.pixels().map(|s| s.v).collect())
    }

    #[test]
    fn fast_420_kernel_matches_portable() {
        let mut state = 0x1234_5678_9ABC_DEF0u64;
        let mut byte = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        };
        for (w, h) in [
            (16, 2),
            (17, 3),
            (31, 4),
            (33, 5),
            (64, 2),
            (100, 7),
            (255, 6),
        ] {
            let rgb = Image::from_fn(w, h, |_, _| Rgb8::new(byte(), byte(), byte()));
            let rgba = Image::from_fn(w, h, |_, _| Rgba8::new(byte(), byte(), byte(), byte()));
            for spec in [Spec::JPEG, Spec::new(Matrix::Bt2020, Range::Limited)] {
                assert_eq!(
                    dispatched_420(rgb.as_view(), spec),
                    portable_420(rgb.as_view(), spec),
                    "rgb {w}x{h}"
                );
                assert_eq!(
                    dispatched_420(rgba.as_view(), spec),
                    portable_420(rgba.as_view(), spec),
                    "rgba {w}x{h}"
                );
            }
        }
        // Extremes saturate the same way.
        let extremes = Image::from_fn(48, 4, |x, y| {
            if (x + y) % 2 == 0 {
                Rgb8::new(255, 0, 255)
            } else {
                Rgb8::new(0, 255, 0)
            }
        });
        assert_eq!(
            dispatched_420(extremes.as_view(), Spec::JPEG),
            portable_420(extremes.as_view(), Spec::JPEG)
        );
    }
}
