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
//! Conversion uses fixed-point arithmetic. Encoding holds each channel as `c · 128` in
//! 16 bits and applies signed 2¹⁵ weights with a rounding multiply-high (7 fractional
//! bits per term), rounding the sum once; chroma first takes the exact block average of
//! those values. Decoding uses 2¹⁶ weights with one rounding per value. Against the
//! exact per-colour [`Spec::encode`], 4:4:4 code values differ by at most 1 LSB; a
//! full-range 4:4:4 round trip RGB8 → Y′CbCr → RGB8 is within 1 LSB per channel, and a
//! limited-range one within 2 LSB, for all 2²⁴ colours and all three matrices (tested
//! exhaustively).

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

/// Encoding coefficients: signed 16-bit weights in 2¹⁵ fixed point, applied to channel
/// values held as `c · 128` with a rounding multiply-high, `(a · w + 2¹⁴) >> 15` (one
/// SIMD instruction on 16-bit lanes). Each term keeps 7 fractional bits and is rounded
/// once; the sum is rounded once more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EncodeCoeffs {
    /// Luma weights for R, G, B.
    pub(crate) y: [i16; 3],
    /// Added to the luma terms before the final `>> 7`: the range's offset and ½.
    pub(crate) y_bias: i16,
    /// Cb weights for R, G, B (summing to zero).
    pub(crate) cb: [i16; 3],
    /// Cr weights for R, G, B (summing to zero).
    pub(crate) cr: [i16; 3],
}

/// Added to the chroma terms before the final `>> 7`: 128 and ½, in 1/128 units. The
/// addition saturates at 32767, as `adds_epi16` does.
pub(crate) const CHROMA_BIAS: i16 = (128 << 7) + 64;

/// Rounds to the nearest integer.
#[expect(
    clippy::cast_possible_truncation,
    reason = "coefficients are far below 2^31"
)]
fn fixed(v: f64) -> i32 {
    libm::round(v) as i32
}

/// A weight, which is below 2¹⁵ in magnitude by construction.
fn weight(v: i32) -> i16 {
    i16::try_from(v).unwrap_or(i16::MAX)
}

/// A channel byte as its 16-bit working value `c · 128`.
#[inline(always)]
pub(crate) fn widen(c: u8) -> i16 {
    i16::from(c) << 7
}

/// Rounding average of two non-negative working values, as `avg_epu16` computes it.
/// Working values are even, so the rounding never applies and the average is exact.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "the average of two i16 values is an i16"
)]
pub(crate) fn avg(a: i16, b: i16) -> i16 {
    ((i32::from(a) + i32::from(b) + 1) >> 1) as i16
}

/// One term: `(a · w + 2¹⁴) >> 15`, as `mulhrs_epi16` computes it.
#[inline(always)]
#[expect(
    clippy::cast_possible_truncation,
    reason = "working values are at most 32640, so |a · w + 2^14| < 2^30 and the term fits"
)]
pub(crate) fn mulhrs(a: i16, w: i16) -> i16 {
    ((i32::from(a) * i32::from(w) + (1 << 14)) >> 15) as i16
}

/// The final `>> 7` of a sum as a byte, as `srli_epi16` then `packus_epi16` compute it
/// (the sums are non-negative by construction).
#[inline(always)]
#[expect(
    clippy::cast_sign_loss,
    reason = "the bits as unsigned, as the logical shift reads them"
)]
fn byte(v: i16) -> u8 {
    ((v as u16) >> 7).min(255) as u8
}

impl EncodeCoeffs {
    pub(crate) fn new(spec: Spec) -> Self {
        let m = spec.matrix;
        let one = 32768.0;
        let (y_offset, ys) = spec.range.luma();
        let ys = ys / 255.0 * one;
        let cs = spec.range.chroma() / 255.0 * one;
        // Luma weights sum to the range's scale, so greys stay grey.
        let (yr, yb) = (fixed(m.kr() * ys), fixed(m.kb() * ys));
        let yg = fixed(ys) - yr - yb;
        // Chroma weights sum to zero, so greys have chroma exactly 128.
        let half = fixed(0.5 * cs);
        let cb_r = fixed(m.kr() / (2.0 * (1.0 - m.kb())) * cs);
        let cr_b = fixed(m.kb() / (2.0 * (1.0 - m.kr())) * cs);
        EncodeCoeffs {
            y: [weight(yr), weight(yg), weight(yb)],
            y_bias: weight(fixed(y_offset * 128.0 + 64.0)),
            cb: [weight(-cb_r), weight(cb_r - half), weight(half)],
            cr: [weight(half), weight(cr_b - half), weight(-cr_b)],
        }
    }

    /// Luma of one pixel.
    #[inline(always)]
    pub(crate) fn luma(&self, rgb: [u8; 3]) -> u8 {
        let [r, g, b] = [widen(rgb[0]), widen(rgb[1]), widen(rgb[2])];
        let terms = [
            mulhrs(r, self.y[0]),
            mulhrs(g, self.y[1]),
            mulhrs(b, self.y[2]),
        ];
        byte(
            terms[0]
                .wrapping_add(terms[1])
                .wrapping_add(terms[2])
                .wrapping_add(self.y_bias),
        )
    }

    /// Cb and Cr of a block whose channel averages, as working values, are `avg`.
    #[inline(always)]
    pub(crate) fn chroma(&self, avg: [i16; 3]) -> (u8, u8) {
        let one = |w: [i16; 3]| {
            let t = [
                mulhrs(avg[0], w[0]),
                mulhrs(avg[1], w[1]),
                mulhrs(avg[2], w[2]),
            ];
            byte(
                t[0].wrapping_add(t[1])
                    .wrapping_add(t[2])
                    .saturating_add(CHROMA_BIAS),
            )
        };
        (one(self.cb), one(self.cr))
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
    // Rows converted alone (4:2:2, or the last of an odd height in 4:2:0) go through
    // the two-row kernel too, paired with themselves; the second luma row is written
    // here and dropped.
    let (w, h) = src.size();
    let alone = bw == 2 && (bh == 1 || h % 2 == 1);
    let mut spare = vec![Sample8::default(); if alone { w as usize } else { 0 }];
    let mut luma_rows = yp.rows_mut();
    for (cy, (cb_row, cr_row)) in (0u32..).zip(cbp.rows_mut().zip(crp.rows_mut())) {
        let top = src.row(cy * bh).unwrap_or_default();
        let second = if bh == 2 { src.row(cy * 2 + 1) } else { None };
        let Some(y0) = luma_rows.next() else { break };
        let y1 = if second.is_some() {
            luma_rows.next()
        } else {
            None
        };
        let bottom = second.unwrap_or(top);
        let out = OutRows {
            y0,
            y1,
            cb: cb_row,
            cr: cr_row,
        };
        convert_rows(top, bottom, bw, out, &mut spare, &k);
    }
    Ok(())
}

/// The output rows of one row of chroma blocks; `y1` is `None` when the blocks are one
/// row high.
struct OutRows<'a> {
    y0: &'a mut [Sample8],
    y1: Option<&'a mut [Sample8]>,
    cb: &'a mut [Sample8],
    cr: &'a mut [Sample8],
}

/// Converts the source rows of one row of chroma blocks `bw` pixels wide (`bottom` is
/// `top` when the blocks are one row high). `spare` is scratch as long as a row (or
/// empty), standing in for the second luma row when there is none, so that the two-row
/// kernel can convert those rows too.
fn convert_rows<P: RgbSource>(
    top: &[P],
    bottom: &[P],
    bw: u32,
    out: OutRows<'_>,
    spare: &mut [Sample8],
    k: &EncodeCoeffs,
) {
    let OutRows { y0, mut y1, cb, cr } = out;
    // The fastest kernel converts a prefix of 4:2:0 and 4:2:2 rows.
    let done = match (bw, y1.as_deref_mut()) {
        (2, Some(y1)) => crate::simd::ycbcr::rows_420(top, bottom, y0, y1, cb, cr, k),
        (2, None) => match spare.get_mut(..y0.len()) {
            Some(spare) => crate::simd::ycbcr::rows_420(top, bottom, y0, spare, cb, cr, k),
            None => 0,
        },
        _ => 0,
    };
    // The rest (all of it without AVX2) with the portable kernels.
    let (top, bottom) = (tail(top, done), tail(bottom, done));
    crate::simd::ycbcr::luma_row(top, &mut y0[done..], k);
    if let Some(y1) = y1 {
        crate::simd::ycbcr::luma_row(bottom, &mut y1[done..], k);
    }
    let c = done / bw as usize;
    crate::simd::ycbcr::chroma_row(top, bottom, bw, &mut cb[c..], &mut cr[c..], k);
}

/// The pixels of `row` from `from` on.
fn tail<P>(row: &[P], from: usize) -> &[P] {
    row.get(from..).unwrap_or_default()
}

/// The portable kernels; `crate::simd` selects these or faster builds with identical
/// results.
pub(crate) mod kernels {
    use super::{EncodeCoeffs, RgbSource, Sample8, avg, widen};

    /// Luma of one row.
    #[inline(always)]
    pub(crate) fn luma_row<P: RgbSource>(src: &[P], dst: &mut [Sample8], k: &EncodeCoeffs) {
        for (s, d) in src.iter().zip(dst) {
            d.v = k.luma(s.rgb());
        }
    }

    /// Chroma of one row of blocks `block_width` pixels wide, from one or two source rows
    /// (pass the same row twice for 4:4:4 and 4:2:2). A block cut short by the right or
    /// bottom edge repeats its last pixel, which averages over the pixels present.
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
        for (i, (b, r)) in cb.iter_mut().zip(cr.iter_mut()).enumerate() {
            let x = i * bw;
            let (Some(&t0), Some(&b0)) = (top.get(x), bottom.get(x)) else {
                break;
            };
            let (t1, b1) = if bw == 2 {
                (
                    top.get(x + 1).copied().unwrap_or(t0),
                    bottom.get(x + 1).copied().unwrap_or(b0),
                )
            } else {
                (t0, b0)
            };
            // The block's average as the SIMD kernel forms it: averages of the working
            // values, first of the rows, then of the two columns (exact: they are even).
            let [t0, t1, b0, b1] = [t0.rgb(), t1.rgb(), b0.rgb(), b1.rgb()];
            let mean = |i: usize| {
                avg(
                    avg(widen(t0[i]), widen(b0[i])),
                    avg(widen(t1[i]), widen(b1[i])),
                )
            };
            let mean = [mean(0), mean(1), mean(2)];
            (b.v, r.v) = k.chroma(mean);
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

    /// A conversion with only the portable kernels, for comparison with the dispatched
    /// path.
    fn portable<P: RgbSource>(src: View<'_, P>, sub: Subsampling, spec: Spec) -> [Vec<u8>; 3] {
        let k = EncodeCoeffs::new(spec);
        let (w, h) = src.size();
        let (bw, bh) = sub.factors();
        let (cw, ch) = sub.chroma_size(w, h);
        let mut y = vec![Sample8::default(); (w * h) as usize];
        let mut cb = vec![Sample8::default(); (cw * ch) as usize];
        let mut cr = vec![Sample8::default(); (cw * ch) as usize];
        for (row, out) in src.rows().zip(y.chunks_mut(w.max(1) as usize)) {
            kernels::luma_row(row, out, &k);
        }
        for cy in 0..ch {
            let top = src.row(cy * bh).unwrap_or_default();
            let bottom = if bh == 2 { src.row(cy * 2 + 1) } else { None }.unwrap_or(top);
            let at = (cy * cw) as usize..((cy + 1) * cw) as usize;
            kernels::chroma_row(top, bottom, bw, &mut cb[at.clone()], &mut cr[at], &k);
        }
        [y, cb, cr].map(|p| p.into_iter().map(|s| s.v).collect())
    }

    fn dispatched<P: RgbSource>(src: View<'_, P>, sub: Subsampling, spec: Spec) -> [Vec<u8>; 3] {
        let img = YCbCrImage::from_rgb(src, sub, spec);
        let p = img.planes();
        [p.y, p.cb, p.cr].map(|v| v.pixels().map(|s| s.v).collect())
    }

    #[test]
    fn fast_kernel_matches_portable() {
        let mut state = 0x1234_5678_9ABC_DEF0u64;
        let mut byte = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        };
        for (w, h) in [
            (1, 2),
            (2, 3),
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
                for sub in [Subsampling::S420, Subsampling::S422, Subsampling::S444] {
                    assert_eq!(
                        dispatched(rgb.as_view(), sub, spec),
                        portable(rgb.as_view(), sub, spec),
                        "rgb {w}x{h} {sub:?}"
                    );
                    assert_eq!(
                        dispatched(rgba.as_view(), sub, spec),
                        portable(rgba.as_view(), sub, spec),
                        "rgba {w}x{h} {sub:?}"
                    );
                }
            }
        }
        // A region of a larger image: rows with a stride, starting mid-row.
        let big = Image::from_fn(90, 9, |_, _| Rgb8::new(byte(), byte(), byte()));
        let region = big
            .sub_view(chiaro_pixel::Rect::new(7, 1, 67, 7))
            .expect("inside");
        for sub in [Subsampling::S420, Subsampling::S422] {
            assert_eq!(
                dispatched(region, sub, Spec::JPEG),
                portable(region, sub, Spec::JPEG)
            );
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
            dispatched(extremes.as_view(), Subsampling::S420, Spec::JPEG),
            portable(extremes.as_view(), Subsampling::S420, Spec::JPEG)
        );
    }
}
