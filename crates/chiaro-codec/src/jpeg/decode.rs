//! JPEG decoding over `jpeg-decoder`, with the header read and checked first.

use chiaro_pixel::{Gray16, Image, Rgb8};
use jpeg_decoder::{Decoder, PixelFormat};

use super::markers::{self, Header, Process};
use crate::{
    DecodeOptions, Decoded, DecodedImage, Error, Format, JpegScale, Metadata, Result, exif,
};

/// The end-of-image marker.
const EOI: [u8; 2] = [0xFF, 0xD9];

/// The bytes a full decode may allocate, from the header: each component's sample
/// plane padded to whole MCUs, the coefficients of every component for a
/// multi-scan (progressive) file, the output pixels, and a copy of them for a colour
/// conversion or an orientation.
fn estimated_alloc(h: &Header, scale: JpegScale) -> u64 {
    let (hmax, vmax) = h.max_sampling();
    let mcu_w = 8 * u64::from(hmax);
    let mcu_h = 8 * u64::from(vmax);
    let padded =
        u64::from(h.width).div_ceil(mcu_w) * mcu_w * u64::from(h.height).div_ceil(mcu_h) * mcu_h;
    let components = h.components() as u64;
    let coefficients = if h.process == Process::Progressive {
        2 * padded * components
    } else {
        0
    };
    let (w, hh) = scale.apply((u32::from(h.width), u32::from(h.height)));
    let out = u64::from(w) * u64::from(hh) * components.max(3);
    padded * components + coefficients + 2 * out
}

/// Decodes the JPEG in `data`.
pub(crate) fn decode(data: &[u8], options: &DecodeOptions) -> Result<Decoded> {
    let header = markers::read_header(data)?;
    let limits = &options.limits;
    limits.check_dimensions(u32::from(header.width), u32::from(header.height))?;
    limits.check_alloc(estimated_alloc(&header, options.jpeg_scale))?;

    // A file without its end marker gets one, so that the decoder finishes what is
    // there; it was truncated if the decoder read that far. (A complete file followed
    // by other bytes ends with them, but the decoder stops at its own marker.)
    let with_end: Vec<u8>;
    let input = if data.ends_with(&EOI) {
        data
    } else {
        with_end = [data, &EOI[..]].concat();
        &with_end
    };
    let mut reader = input;
    let outcome = run_decoder(&mut reader, &header, options);
    let truncated = !data.ends_with(&EOI) && reader.is_empty();
    let Decoding {
        pixels,
        info,
        icc_profile,
        exif,
    } = outcome.map_err(|e| {
        if truncated {
            Error::malformed(
                Format::Jpeg,
                "the file ends inside its image data (truncated); a baseline scan cut short \
                 cannot be decoded in part",
            )
        } else {
            map_error(e)
        }
    })?;
    let metadata = Metadata {
        orientation: header.orientation,
        icc_profile,
        exif,
        physical_size: header.density,
        ..Metadata::default()
    };
    // An EXIF block the header reader could not see (after the frame header) still
    // counts.
    let metadata = Metadata {
        orientation: metadata
            .orientation
            .or_else(|| metadata.exif.as_deref().and_then(exif::orientation)),
        ..metadata
    };
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let image = match info.pixel_format {
        PixelFormat::L8 => DecodedImage::Gray8(image_from(w, h, pixels)?),
        PixelFormat::RGB24 => DecodedImage::Rgb8(image_from(w, h, pixels)?),
        PixelFormat::L16 => {
            let samples = pixels
                .chunks_exact(2)
                .map(|b| Gray16::new(u16::from_ne_bytes([b[0], b[1]])))
                .collect();
            DecodedImage::Gray16(Image::from_raw(w, h, samples).map_err(layout_error)?)
        }
        PixelFormat::CMYK32 => DecodedImage::Rgb8(cmyk_to_rgb(w, h, &pixels)?),
    };
    Ok(Decoded {
        image,
        format: Format::Jpeg,
        metadata,
        orientation_applied: false,
        truncated,
    })
}

/// What the decoder returns.
struct Decoding {
    pixels: Vec<u8>,
    info: jpeg_decoder::ImageInfo,
    icc_profile: Option<Vec<u8>>,
    exif: Option<Vec<u8>>,
}

/// Runs `jpeg-decoder` over `reader` at the requested scale.
fn run_decoder(
    reader: &mut &[u8],
    header: &Header,
    options: &DecodeOptions,
) -> Result<Decoding, jpeg_decoder::Error> {
    let mut decoder = Decoder::new(reader);
    decoder.set_max_decoding_buffer_size(options.limits.alloc_usize());
    if options.jpeg_scale != JpegScale::Full && header.process != Process::Lossless {
        let (w, h) = options
            .jpeg_scale
            .apply((u32::from(header.width), u32::from(header.height)));
        let to_u16 = |v: u32| u16::try_from(v).unwrap_or(u16::MAX);
        decoder.scale(to_u16(w), to_u16(h))?;
    }
    let pixels = decoder.decode()?;
    let info = decoder
        .info()
        .ok_or_else(|| jpeg_decoder::Error::Format("no frame decoded".into()))?;
    Ok(Decoding {
        pixels,
        info,
        icc_profile: decoder.icc_profile(),
        exif: decoder.exif_data().map(<[u8]>::to_vec),
    })
}

/// An image over the decoder's buffer without copying it where the allocation allows.
fn image_from<P: chiaro_pixel::Pixel>(w: u32, h: u32, bytes: Vec<u8>) -> Result<Image<P>> {
    let pixels: Vec<P> = match bytemuck::allocation::try_cast_vec(bytes) {
        Ok(pixels) => pixels,
        Err((_, bytes)) => bytemuck::allocation::pod_collect_to_vec(&bytes),
    };
    Image::from_raw(w, h, pixels).map_err(layout_error)
}

/// The decoder's CMYK (ink amounts: it undoes the inversion Adobe applications store)
/// as RGB by the usual formula without colour management: `R = (255 − C)(255 − K) /
/// 255`, rounded, and likewise for G from M and B from Y.
fn cmyk_to_rgb(w: u32, h: u32, cmyk: &[u8]) -> Result<Image<Rgb8>> {
    let ink = |c: u8, k: u8| {
        let v = u32::from(255 - c) * u32::from(255 - k);
        u8::try_from((v + 127) / 255).unwrap_or(u8::MAX)
    };
    let pixels = cmyk
        .chunks_exact(4)
        .map(|p| Rgb8::new(ink(p[0], p[3]), ink(p[1], p[3]), ink(p[2], p[3])))
        .collect();
    Image::from_raw(w, h, pixels).map_err(layout_error)
}

fn layout_error(e: chiaro_pixel::LayoutError) -> Error {
    Error::malformed(
        Format::Jpeg,
        format!("decoded data does not fit the frame: {e}"),
    )
}

/// The decoder's error in this crate's terms.
fn map_error(e: jpeg_decoder::Error) -> Error {
    match e {
        jpeg_decoder::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::malformed(Format::Jpeg, "file ends inside a segment")
        }
        jpeg_decoder::Error::Io(io) => Error::Io(io),
        jpeg_decoder::Error::Format(reason) => Error::malformed(Format::Jpeg, reason),
        jpeg_decoder::Error::Unsupported(feature) => {
            Error::unsupported(Format::Jpeg, format!("{feature:?}"))
        }
        other => Error::malformed(Format::Jpeg, other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmyk_conversion_is_the_plain_formula() {
        let img = cmyk_to_rgb(3, 1, &[0, 0, 0, 0, 255, 255, 255, 0, 0, 128, 255, 64]).expect("3×1");
        assert_eq!(img.as_slice()[0], Rgb8::new(255, 255, 255));
        assert_eq!(img.as_slice()[1], Rgb8::new(0, 0, 0));
        // (255 − 0)(255 − 64)/255 = 191; (127)(191)/255 = 95.1; 0.
        assert_eq!(img.as_slice()[2], Rgb8::new(191, 95, 0));
    }
}
