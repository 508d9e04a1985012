//! PNG decoding over the `png` crate, with the header checked against the limits
//! before the pixel buffer is allocated.

use std::io::Cursor;

use chiaro_pixel::{Image, IndexedImage, Pixel, Rgba8};
use png::{BitDepth, ColorType, Transformations};

use crate::metadata::{Animation, PhysicalSize, PhysicalUnit, RenderingIntent, TextEntry};
use crate::{
    DecodeOptions, Decoded, DecodedImage, Error, Format, Metadata, PaletteOutput, Result, exif,
};

/// Decodes the PNG in `data`: the default image of an APNG.
pub(crate) fn decode(data: &[u8], options: &DecodeOptions) -> Result<Decoded> {
    let limits = &options.limits;
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(data),
        png::Limits {
            bytes: limits.alloc_usize(),
        },
    );
    let header = decoder.read_header_info().map_err(map_error)?;
    let (w, h) = (header.width, header.height);
    limits.check_dimensions(w, h)?;
    let indexed =
        header.color_type == ColorType::Indexed && options.palette == PaletteOutput::Indexed;
    // Output bytes per pixel after expansion (an upper bound: tRNS may add alpha).
    let samples: u64 = match header.color_type {
        ColorType::Grayscale | ColorType::GrayscaleAlpha => 2,
        ColorType::Indexed if indexed => 1,
        _ => 4,
    };
    let depth = if header.bit_depth == BitDepth::Sixteen {
        2
    } else {
        1
    };
    let pixels = u64::from(w) * u64::from(h);
    // The decoded bytes, and as much again for the typed copy of 16-bit or indexed data
    // and for an orientation.
    limits.check_alloc(2 * pixels * samples * depth)?;
    decoder.set_transformations(if indexed {
        Transformations::IDENTITY
    } else {
        Transformations::EXPAND
    });
    let mut reader = decoder.read_info().map_err(map_error)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::malformed(Format::Png, "image too large for this machine"))?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(map_error)?;
    buf.truncate(frame.buffer_size());
    // Chunks after the image data (text, mostly) count when they are readable; the
    // pixels are complete either way.
    let _ = reader.finish();
    let info = reader.info();
    let metadata = metadata(info);
    let image = if indexed {
        DecodedImage::Indexed(indexed_image(info, w, h, &buf)?)
    } else {
        let (color, depth) = (frame.color_type, frame.bit_depth);
        typed(color, depth, w, h, buf)?
    };
    Ok(Decoded {
        image,
        format: Format::Png,
        metadata,
        orientation_applied: false,
        truncated: false,
    })
}

/// The expanded samples in their pixel type.
fn typed(color: ColorType, depth: BitDepth, w: u32, h: u32, buf: Vec<u8>) -> Result<DecodedImage> {
    Ok(match (color, depth) {
        (ColorType::Grayscale, BitDepth::Eight) => DecodedImage::Gray8(eight(w, h, buf)?),
        (ColorType::GrayscaleAlpha, BitDepth::Eight) => DecodedImage::GrayA8(eight(w, h, buf)?),
        (ColorType::Rgb, BitDepth::Eight) => DecodedImage::Rgb8(eight(w, h, buf)?),
        (ColorType::Rgba, BitDepth::Eight) => DecodedImage::Rgba8(eight(w, h, buf)?),
        (ColorType::Grayscale, BitDepth::Sixteen) => DecodedImage::Gray16(sixteen(w, h, &buf)?),
        (ColorType::GrayscaleAlpha, BitDepth::Sixteen) => {
            DecodedImage::GrayA16(sixteen(w, h, &buf)?)
        }
        (ColorType::Rgb, BitDepth::Sixteen) => DecodedImage::Rgb16(sixteen(w, h, &buf)?),
        (ColorType::Rgba, BitDepth::Sixteen) => DecodedImage::Rgba16(sixteen(w, h, &buf)?),
        (color, depth) => {
            return Err(Error::malformed(
                Format::Png,
                format!("unexpected output {color:?} at {depth:?}"),
            ));
        }
    })
}

/// 8-bit samples as pixels, reusing the buffer where the allocation allows.
fn eight<P: Pixel>(w: u32, h: u32, bytes: Vec<u8>) -> Result<Image<P>> {
    let pixels: Vec<P> = match bytemuck::allocation::try_cast_vec(bytes) {
        Ok(pixels) => pixels,
        Err((_, bytes)) => bytemuck::allocation::pod_collect_to_vec(&bytes),
    };
    Image::from_raw(w, h, pixels).map_err(layout_error)
}

/// Big-endian 16-bit samples as pixels.
fn sixteen<P: Pixel>(w: u32, h: u32, bytes: &[u8]) -> Result<Image<P>> {
    let samples: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .collect();
    let pixels: Vec<P> = match bytemuck::allocation::try_cast_vec(samples) {
        Ok(pixels) => pixels,
        Err((_, samples)) => bytemuck::allocation::pod_collect_to_vec(&samples),
    };
    Image::from_raw(w, h, pixels).map_err(layout_error)
}

/// Unpacks 1-, 2-, 4- or 8-bit palette indices and pairs them with the palette and
/// its `tRNS` alpha.
fn indexed_image(info: &png::Info<'_>, w: u32, h: u32, packed: &[u8]) -> Result<IndexedImage> {
    let bits = info.bit_depth as usize;
    let plte = info.palette.as_deref().unwrap_or_default();
    let trns = info.trns.as_deref().unwrap_or_default();
    let palette: Vec<Rgba8> = plte
        .chunks_exact(3)
        .enumerate()
        .map(|(i, c)| Rgba8::new(c[0], c[1], c[2], trns.get(i).copied().unwrap_or(255)))
        .collect();
    let width = w as usize;
    let row_bytes = (width * bits).div_ceil(8);
    let mut indices = Vec::with_capacity(width * h as usize);
    let per_byte = 8 / bits.max(1);
    let mask = u8::try_from((1u16 << bits) - 1).unwrap_or(u8::MAX);
    for row in packed.chunks_exact(row_bytes.max(1)).take(h as usize) {
        let unpacked = row
            .iter()
            .flat_map(|&b| (0..per_byte).map(move |k| (b >> (8 - bits * (k + 1))) & mask));
        indices.extend(unpacked.take(width));
    }
    IndexedImage::new(w, h, indices, palette).map_err(|e| {
        Error::malformed(
            Format::Png,
            format!("palette index outside the palette: {e}"),
        )
    })
}

/// The metadata `info` holds.
fn metadata(info: &png::Info<'_>) -> Metadata {
    let exif = info.exif_metadata.as_deref().map(<[u8]>::to_vec);
    let text = info
        .uncompressed_latin1_text
        .iter()
        .map(|t| TextEntry::new(&t.keyword, &t.text))
        .chain(info.compressed_latin1_text.iter().filter_map(|t| {
            t.get_text()
                .ok()
                .map(|text| TextEntry::new(&t.keyword, text))
        }))
        .chain(info.utf8_text.iter().filter_map(|t| {
            t.get_text()
                .ok()
                .map(|text| TextEntry::new(&t.keyword, text))
        }))
        .collect();
    Metadata {
        orientation: exif.as_deref().and_then(exif::orientation),
        icc_profile: info.icc_profile.as_deref().map(<[u8]>::to_vec),
        exif,
        gamma: info.gama_chunk.map(|g| g.into_value()),
        srgb_intent: info.srgb.map(|i| match i {
            png::SrgbRenderingIntent::Perceptual => RenderingIntent::Perceptual,
            png::SrgbRenderingIntent::RelativeColorimetric => RenderingIntent::RelativeColorimetric,
            png::SrgbRenderingIntent::Saturation => RenderingIntent::Saturation,
            png::SrgbRenderingIntent::AbsoluteColorimetric => RenderingIntent::AbsoluteColorimetric,
        }),
        physical_size: info.pixel_dims.map(|d| PhysicalSize {
            x: d.xppu,
            y: d.yppu,
            unit: match d.unit {
                png::Unit::Meter => PhysicalUnit::Metre,
                png::Unit::Unspecified => PhysicalUnit::Aspect,
            },
        }),
        text,
        animation: info.animation_control.map(|a| Animation {
            frames: a.num_frames,
            plays: a.num_plays,
        }),
    }
}

fn layout_error(e: chiaro_pixel::LayoutError) -> Error {
    Error::malformed(
        Format::Png,
        format!("decoded data does not fit the header: {e}"),
    )
}

/// The `png` crate's error in this crate's terms.
pub(crate) fn map_error(e: png::DecodingError) -> Error {
    match e {
        png::DecodingError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            Error::malformed(Format::Png, "file ends early")
        }
        png::DecodingError::IoError(io) => Error::Io(io),
        png::DecodingError::Format(f) => Error::malformed(Format::Png, f.to_string()),
        png::DecodingError::LimitsExceeded => Error::malformed(
            Format::Png,
            "a chunk needs more memory than Limits::max_alloc_bytes allows",
        ),
        other => Error::malformed(Format::Png, other.to_string()),
    }
}
