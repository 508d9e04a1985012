//! A JPEG header reader: the segments before the first scan, read from any byte
//! source with one bounded buffer, so that probing and limit checks never depend on
//! the decoder allocating first.
//!
//! It reads the frame header (size, precision, components, coding process), the EXIF
//! orientation, whether an ICC profile is present, the Adobe colour transform and the
//! JFIF density, and rejects what the decoder cannot handle with a clear error.

use std::io::Read;

use chiaro_pixel::Orientation;

use crate::metadata::{PhysicalSize, PhysicalUnit};
use crate::{Error, Format, Result, exif};

/// How the frame is coded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Process {
    /// SOF0.
    Baseline,
    /// SOF1: Huffman, sequential, 8-bit (or 12-bit, refused).
    Extended,
    /// SOF2.
    Progressive,
    /// SOF3.
    Lossless,
}

/// What the header says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Header {
    pub(crate) width: u16,
    pub(crate) height: u16,
    /// Bits per sample.
    pub(crate) precision: u8,
    /// Per component: horizontal and vertical sampling factors (1–4).
    pub(crate) sampling: Vec<(u8, u8)>,
    pub(crate) process: Process,
    pub(crate) orientation: Option<Orientation>,
    pub(crate) has_icc: bool,
    /// APP14 "Adobe" transform flag: 0 none (RGB or CMYK), 1 YCbCr, 2 YCCK.
    pub(crate) adobe_transform: Option<u8>,
    pub(crate) density: Option<PhysicalSize>,
}

impl Header {
    /// Components in the frame: 1, 3 or 4.
    pub(crate) fn components(&self) -> usize {
        self.sampling.len()
    }

    /// The largest sampling factors, which set the MCU size.
    pub(crate) fn max_sampling(&self) -> (u8, u8) {
        self.sampling
            .iter()
            .fold((1, 1), |(h, v), &(ch, cv)| (h.max(ch), v.max(cv)))
    }
}

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;

fn malformed(reason: &'static str) -> Error {
    Error::malformed(Format::Jpeg, reason)
}

fn unsupported(feature: &'static str) -> Error {
    Error::unsupported(Format::Jpeg, feature)
}

/// Reads exactly `buf.len()` bytes; an early end is a malformed file.
fn fill<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<()> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        std::io::ErrorKind::UnexpectedEof => malformed("file ends inside the header"),
        _ => Error::Io(e),
    })
}

fn byte<R: Read>(r: &mut R) -> Result<u8> {
    let mut b = [0u8];
    fill(r, &mut b)?;
    Ok(b[0])
}

/// The next marker code, skipping fill bytes (`FF FF …`). Bytes between segments that
/// are not a marker are a malformed file.
fn next_marker<R: Read>(r: &mut R) -> Result<u8> {
    if byte(r)? != 0xFF {
        return Err(malformed("expected a marker between segments"));
    }
    loop {
        match byte(r)? {
            0xFF => continue,
            0x00 => return Err(malformed("stuffed zero byte outside a scan")),
            code => return Ok(code),
        }
    }
}

/// Reads the header of the JPEG in `r`, up to (not into) the first scan.
pub(crate) fn read_header<R: Read>(mut r: R) -> Result<Header> {
    let mut soi = [0u8; 2];
    fill(&mut r, &mut soi)?;
    if soi != [0xFF, SOI] {
        return Err(malformed("missing start-of-image marker"));
    }
    let mut segment = vec![0u8; 0];
    let mut frame: Option<Frame> = None;
    let mut header_extras = Extras::default();
    loop {
        let marker = next_marker(&mut r)?;
        match marker {
            // Standalone markers carry no length.
            0x01 | 0xD0..=0xD7 => continue,
            SOI => return Err(malformed("second start-of-image marker")),
            EOI => return Err(malformed("end of image before any scan")),
            _ => {}
        }
        let mut len = [0u8; 2];
        fill(&mut r, &mut len)?;
        let len = usize::from(u16::from_be_bytes(len));
        let body_len = len
            .checked_sub(2)
            .ok_or_else(|| malformed("segment length below 2"))?;
        segment.resize(body_len, 0);
        fill(&mut r, &mut segment)?;
        match marker {
            0xC0..=0xC3 => {
                if frame.is_some() {
                    return Err(malformed("more than one frame header"));
                }
                frame = Some(parse_frame(marker, &segment)?);
            }
            0xC5..=0xC7 => return Err(unsupported("hierarchical (differential) coding")),
            0xC9..=0xCB | 0xCD..=0xCF => return Err(unsupported("arithmetic coding")),
            SOS => break,
            0xE0 => header_extras.app0(&segment),
            0xE1 => header_extras.app1(&segment),
            0xE2 => header_extras.app2(&segment),
            0xEE => header_extras.app14(&segment),
            _ => {}
        }
    }
    let Frame {
        width,
        height,
        precision,
        sampling,
        process,
    } = frame.ok_or_else(|| malformed("scan before the frame header"))?;
    Ok(Header {
        width,
        height,
        precision,
        sampling,
        process,
        orientation: header_extras.orientation,
        has_icc: header_extras.has_icc,
        adobe_transform: header_extras.adobe_transform,
        density: header_extras.density,
    })
}

/// The frame header's fields.
struct Frame {
    width: u16,
    height: u16,
    precision: u8,
    sampling: Vec<(u8, u8)>,
    process: Process,
}

/// Parses a frame header (SOF0–SOF3) body.
fn parse_frame(marker: u8, s: &[u8]) -> Result<Frame> {
    let process = match marker {
        0xC0 => Process::Baseline,
        0xC1 => Process::Extended,
        0xC2 => Process::Progressive,
        _ => Process::Lossless,
    };
    let [precision, h0, h1, w0, w1, count, ref components @ ..] = *s else {
        return Err(malformed("frame header too short"));
    };
    let (height, width) = (u16::from_be_bytes([h0, h1]), u16::from_be_bytes([w0, w1]));
    match (process, precision) {
        (Process::Lossless, 2..=16) | (_, 8) => {}
        (Process::Lossless, _) => return Err(malformed("lossless precision outside 2–16")),
        (_, 12) => return Err(unsupported("12-bit sample precision")),
        _ => return Err(malformed("sample precision other than 8 or 12")),
    }
    if width == 0 {
        return Err(malformed("frame width is zero"));
    }
    if height == 0 {
        return Err(unsupported(
            "height defined by a DNL marker (frame height zero)",
        ));
    }
    if !matches!(count, 1 | 3 | 4) {
        return Err(unsupported("component count other than 1, 3 or 4"));
    }
    let specs = components
        .get(..3 * usize::from(count))
        .ok_or_else(|| malformed("frame header shorter than its components"))?;
    let sampling = specs
        .chunks_exact(3)
        .map(|c| {
            let (h, v) = (c[1] >> 4, c[1] & 0x0F);
            if (1..=4).contains(&h) && (1..=4).contains(&v) {
                Ok((h, v))
            } else {
                Err(malformed("sampling factor outside 1–4"))
            }
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Frame {
        width,
        height,
        precision,
        sampling,
        process,
    })
}

/// Application segments of interest.
#[derive(Default)]
struct Extras {
    orientation: Option<Orientation>,
    has_icc: bool,
    adobe_transform: Option<u8>,
    density: Option<PhysicalSize>,
}

impl Extras {
    /// JFIF: version, units, x and y density.
    fn app0(&mut self, s: &[u8]) {
        if let [b'J', b'F', b'I', b'F', 0, _, _, units, x0, x1, y0, y1, ..] = *s {
            let (x, y) = (u16::from_be_bytes([x0, x1]), u16::from_be_bytes([y0, y1]));
            let unit = match units {
                1 => PhysicalUnit::Inch,
                2 => PhysicalUnit::Centimetre,
                _ => PhysicalUnit::Aspect,
            };
            if x > 0 && y > 0 {
                self.density = Some(PhysicalSize {
                    x: x.into(),
                    y: y.into(),
                    unit,
                });
            }
        }
    }

    /// EXIF: the first block's orientation.
    fn app1(&mut self, s: &[u8]) {
        if self.orientation.is_none() {
            self.orientation = s.strip_prefix(b"Exif\0\0").and_then(exif::orientation);
        }
    }

    /// ICC profile chunks.
    fn app2(&mut self, s: &[u8]) {
        self.has_icc |= s.starts_with(b"ICC_PROFILE\0");
    }

    /// Adobe: the colour transform flag is the last of 12 bytes.
    fn app14(&mut self, s: &[u8]) {
        if s.starts_with(b"Adobe") {
            self.adobe_transform = s.get(11).copied();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A segment: marker and body with its length.
    fn seg(marker: u8, body: &[u8]) -> Vec<u8> {
        let len = u16::try_from(body.len() + 2).expect("short");
        let mut v = vec![0xFF, marker];
        v.extend_from_slice(&len.to_be_bytes());
        v.extend_from_slice(body);
        v
    }

    fn sof(marker: u8, precision: u8, w: u16, h: u16, sampling: &[u8]) -> Vec<u8> {
        let mut body = vec![precision];
        body.extend_from_slice(&h.to_be_bytes());
        body.extend_from_slice(&w.to_be_bytes());
        body.push(u8::try_from(sampling.len()).expect("few"));
        for (i, &s) in sampling.iter().enumerate() {
            body.extend_from_slice(&[u8::try_from(i + 1).expect("few"), s, 0]);
        }
        seg(marker, &body)
    }

    fn file(segments: &[Vec<u8>]) -> Vec<u8> {
        let mut v = vec![0xFF, SOI];
        for s in segments {
            v.extend_from_slice(s);
        }
        v.extend_from_slice(&seg(SOS, &[1, 1, 0, 0, 63, 0]));
        v
    }

    #[test]
    fn reads_size_sampling_orientation_icc_and_density() {
        let mut exif_body = b"Exif\0\0".to_vec();
        exif_body.extend_from_slice(&exif::with_orientation(Orientation::Rotate270));
        let data = file(&[
            seg(0xE0, b"JFIF\0\x01\x02\x01\x00\x48\x00\x48\0\0"),
            seg(0xE1, &exif_body),
            seg(0xE2, b"ICC_PROFILE\0\x01\x01abc"),
            sof(0xC2, 8, 640, 480, &[0x22, 0x11, 0x11]),
        ]);
        let h = read_header(&data[..]).expect("valid");
        assert_eq!((h.width, h.height, h.precision), (640, 480, 8));
        assert_eq!(h.process, Process::Progressive);
        assert_eq!(h.sampling, [(2, 2), (1, 1), (1, 1)]);
        assert_eq!(h.max_sampling(), (2, 2));
        assert_eq!(h.orientation, Some(Orientation::Rotate270));
        assert!(h.has_icc);
        assert_eq!(
            h.density,
            Some(PhysicalSize {
                x: 72,
                y: 72,
                unit: PhysicalUnit::Inch
            })
        );
    }

    #[test]
    fn refuses_what_the_decoder_cannot_do_with_named_reasons() {
        let reason = |data: Vec<u8>| match read_header(&data[..]) {
            Err(Error::Unsupported { feature, .. }) => format!("unsupported: {feature}"),
            Err(Error::Malformed { reason, .. }) => format!("malformed: {reason}"),
            other => format!("{other:?}"),
        };
        assert_eq!(
            reason(file(&[sof(0xC9, 8, 8, 8, &[0x11])])),
            "unsupported: arithmetic coding"
        );
        assert_eq!(
            reason(file(&[sof(0xC1, 12, 8, 8, &[0x11])])),
            "unsupported: 12-bit sample precision"
        );
        assert_eq!(
            reason(file(&[sof(0xC0, 8, 0, 8, &[0x11])])),
            "malformed: frame width is zero"
        );
        assert!(reason(file(&[sof(0xC0, 8, 8, 0, &[0x11])])).starts_with("unsupported: height"));
        assert!(reason(file(&[sof(0xC0, 8, 8, 8, &[0x11, 0x11])])).contains("component count"));
        assert!(reason(file(&[sof(0xC0, 8, 8, 8, &[0x51])])).contains("sampling factor"));
        assert!(reason(file(&[])).contains("scan before the frame header"));
        assert!(reason(vec![0xFF, SOI, 0xFF, EOI]).contains("end of image"));
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let data = file(&[sof(0xC0, 8, 16, 16, &[0x11])]);
        for cut in 0..data.len() {
            assert!(read_header(&data[..cut]).is_err(), "cut at {cut}");
        }
        assert!(read_header(&data[..]).is_ok());
    }

    #[test]
    fn the_largest_frame_header_is_read_without_decoding() {
        let h = read_header(&file(&[sof(0xC0, 8, 65535, 65535, &[0x11])])[..]).expect("valid");
        assert_eq!((h.width, h.height), (65535, 65535));
    }
}
