//! Reading what an image is without decoding it: the header walk of each format.

use std::io::{self, Read};

use chiaro_pixel::Orientation;

use crate::format::{JPEG_SIGNATURE, PNG_SIGNATURE, name_other};
use crate::jpeg::markers::{self, Process};
use crate::{Error, Format, Result, exif};

/// The colour model of the stored samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColorKind {
    /// One grey channel.
    Gray,
    /// Grey and alpha.
    GrayAlpha,
    /// Three colour channels (for JPEG, usually stored as Y′CbCr).
    Rgb,
    /// Colour and alpha.
    Rgba,
    /// Palette indices (PNG).
    Indexed,
    /// Four-channel CMYK or YCCK (JPEG).
    Cmyk,
}

/// What [`probe`] reads from a header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ProbeInfo {
    /// The format.
    pub format: Format,
    /// Width in pixels as stored (before orientation).
    pub width: u32,
    /// Height in pixels as stored.
    pub height: u32,
    /// The stored colour model.
    pub color: ColorKind,
    /// Bits per sample (PNG 1–16; JPEG 8, or the lossless precision).
    pub bit_depth: u8,
    /// Whether pixels carry transparency: an alpha channel or a PNG `tRNS` chunk.
    pub has_alpha: bool,
    /// PNG Adam7 interlacing, or a progressive JPEG.
    pub interlaced: bool,
    /// The EXIF orientation, when declared and valid.
    pub orientation: Option<Orientation>,
    /// Whether an ICC profile is embedded.
    pub has_icc: bool,
    /// Whether a PNG is an animation (APNG).
    pub animated: bool,
}

impl ProbeInfo {
    /// The size as displayed once the orientation is applied.
    pub fn displayed_size(&self) -> (u32, u32) {
        self.orientation
            .unwrap_or_default()
            .displayed_size((self.width, self.height))
    }
}

/// Reads the header of a PNG or JPEG file in memory, without decoding pixels.
///
/// ```
/// use chiaro_codec::{ColorKind, Format, PngOptions, encode_png, probe};
/// use chiaro_pixel::{GrayA8, Image};
///
/// let png = encode_png(Image::<GrayA8>::new(30, 20).as_view(), &PngOptions::default())?;
/// let info = probe(&png)?;
/// assert_eq!((info.format, info.width, info.height), (Format::Png, 30, 20));
/// assert_eq!((info.color, info.bit_depth, info.has_alpha), (ColorKind::GrayAlpha, 8, true));
/// # Ok::<(), chiaro_codec::Error>(())
/// ```
pub fn probe(bytes: &[u8]) -> Result<ProbeInfo> {
    probe_reader(bytes)
}

/// Reads the header of a PNG or JPEG file from `reader`, consuming only the bytes up
/// to the first image data (at most 64 MiB of chunks or segments before it).
pub fn probe_reader<R: Read>(reader: R) -> Result<ProbeInfo> {
    let mut reader = reader.take(HEADER_BUDGET);
    let mut start = [0u8; 8];
    let got = read_up_to(&mut reader, &mut start)?;
    let start = &start[..got];
    if start.starts_with(&PNG_SIGNATURE) {
        probe_png(reader)
    } else if start.starts_with(&JPEG_SIGNATURE) {
        probe_jpeg(start.chain(reader))
    } else {
        Err(Error::UnknownFormat {
            other: name_other(start),
        })
    }
}

/// Bytes a header walk may read before giving up.
const HEADER_BUDGET: u64 = 64 << 20;

/// Fills as much of `buf` as the reader has.
fn read_up_to<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(n)
}

fn probe_jpeg<R: Read>(reader: R) -> Result<ProbeInfo> {
    let h = markers::read_header(reader)?;
    Ok(ProbeInfo {
        format: Format::Jpeg,
        width: u32::from(h.width),
        height: u32::from(h.height),
        color: match h.components() {
            1 => ColorKind::Gray,
            3 => ColorKind::Rgb,
            _ => ColorKind::Cmyk,
        },
        bit_depth: h.precision,
        has_alpha: false,
        interlaced: h.process == Process::Progressive,
        orientation: h.orientation,
        has_icc: h.has_icc,
        animated: false,
    })
}

fn png_malformed(reason: &'static str) -> Error {
    Error::malformed(Format::Png, reason)
}

/// Reads exactly `buf.len()` bytes of a PNG chunk stream.
fn png_fill<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<()> {
    r.read_exact(buf).map_err(|e| match e.kind() {
        io::ErrorKind::UnexpectedEof => png_malformed("file ends before the image data"),
        _ => Error::Io(e),
    })
}

/// Walks the chunks after the signature up to the first `IDAT`.
fn probe_png<R: Read>(mut r: R) -> Result<ProbeInfo> {
    let mut ihdr = None;
    let (mut trns, mut icc, mut animated, mut orientation) = (false, false, false, None);
    let mut body = Vec::new();
    loop {
        let mut head = [0u8; 8];
        png_fill(&mut r, &mut head)?;
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]);
        if len > 0x7FFF_FFFF {
            return Err(png_malformed("chunk length over 2^31 − 1"));
        }
        let kind = [head[4], head[5], head[6], head[7]];
        match &kind {
            b"IDAT" => break,
            b"IEND" => return Err(png_malformed("no image data (IDAT) before IEND")),
            // Read the chunks that matter, skip the rest unread.
            b"IHDR" | b"eXIf" if len <= 1 << 16 => {
                body.resize(len as usize + 4, 0);
                png_fill(&mut r, &mut body)?;
                let (data, crc) = body.split_at(len as usize);
                if &kind == b"IHDR" {
                    let mut hasher = crc32fast::Hasher::new();
                    hasher.update(&kind);
                    hasher.update(data);
                    if hasher.finalize().to_be_bytes() != crc {
                        return Err(png_malformed("IHDR checksum mismatch"));
                    }
                    ihdr = Some(parse_ihdr(data)?);
                } else {
                    orientation = exif::orientation(data);
                }
            }
            _ => {
                let skip = u64::from(len) + 4;
                if io::copy(&mut (&mut r).take(skip), &mut io::sink())? != skip {
                    return Err(png_malformed("file ends before the image data"));
                }
                trns |= &kind == b"tRNS";
                icc |= &kind == b"iCCP";
                animated |= &kind == b"acTL";
            }
        }
        if ihdr.is_none() {
            return Err(png_malformed("the first chunk is not IHDR"));
        }
    }
    let (width, height, bit_depth, color_type, interlaced) =
        ihdr.ok_or_else(|| png_malformed("no IHDR chunk"))?;
    let color = match color_type {
        0 if trns => ColorKind::GrayAlpha,
        0 => ColorKind::Gray,
        2 if trns => ColorKind::Rgba,
        2 => ColorKind::Rgb,
        3 => ColorKind::Indexed,
        4 => ColorKind::GrayAlpha,
        _ => ColorKind::Rgba,
    };
    Ok(ProbeInfo {
        format: Format::Png,
        width,
        height,
        color,
        bit_depth,
        has_alpha: trns || matches!(color_type, 4 | 6),
        interlaced,
        orientation,
        has_icc: icc,
        animated,
    })
}

/// IHDR: width, height, bit depth, colour type, interlace, each checked.
fn parse_ihdr(d: &[u8]) -> Result<(u32, u32, u8, u8, bool)> {
    let [
        w0,
        w1,
        w2,
        w3,
        h0,
        h1,
        h2,
        h3,
        depth,
        color,
        compression,
        filter,
        interlace,
    ] = *d
    else {
        return Err(png_malformed("IHDR is not 13 bytes"));
    };
    let (w, h) = (
        u32::from_be_bytes([w0, w1, w2, w3]),
        u32::from_be_bytes([h0, h1, h2, h3]),
    );
    if w == 0 || h == 0 || w > 0x7FFF_FFFF || h > 0x7FFF_FFFF {
        return Err(png_malformed("IHDR size outside 1 to 2^31 − 1"));
    }
    let depth_ok = match color {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => return Err(png_malformed("IHDR colour type not 0, 2, 3, 4 or 6")),
    };
    if !depth_ok {
        return Err(png_malformed(
            "IHDR bit depth not allowed for its colour type",
        ));
    }
    if compression != 0 || filter != 0 || interlace > 1 {
        return Err(png_malformed(
            "IHDR compression, filter or interlace method unknown",
        ));
    }
    Ok((w, h, depth, color, interlace == 1))
}
