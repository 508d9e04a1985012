//! Image formats and their detection from the first bytes of a file.

use core::fmt;

/// A format this crate reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Portable Network Graphics (including the default image of an APNG).
    Png,
    /// JPEG (JFIF, EXIF and Adobe variants).
    Jpeg,
}

impl Format {
    /// The format whose signature `bytes` start with, or `None`. Needs the first 8
    /// bytes for PNG and 3 for JPEG; the file name plays no part.
    ///
    /// ```
    /// use chiaro_codec::Format;
    ///
    /// assert_eq!(Format::detect(b"\x89PNG\r\n\x1a\n...."), Some(Format::Png));
    /// assert_eq!(Format::detect(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(Format::Jpeg));
    /// assert_eq!(Format::detect(b"GIF89a"), None);
    /// ```
    pub fn detect(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&PNG_SIGNATURE) {
            Some(Self::Png)
        } else if bytes.starts_with(&JPEG_SIGNATURE) {
            Some(Self::Jpeg)
        } else {
            None
        }
    }

    /// The usual file extensions, lower case, the preferred one first.
    pub const fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Png => &["png", "apng"],
            Self::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
        }
    }

    /// The format a file extension (any case, without the dot) names.
    pub fn from_extension(extension: &str) -> Option<Self> {
        [Self::Png, Self::Jpeg].into_iter().find(|f| {
            f.extensions()
                .iter()
                .any(|e| e.eq_ignore_ascii_case(extension))
        })
    }

    /// The MIME type.
    pub const fn mime_type(self) -> &'static str {
        match self {
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
        })
    }
}

/// The eight bytes every PNG file starts with.
pub(crate) const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// Start of image and the first byte of the next marker.
pub(crate) const JPEG_SIGNATURE: [u8; 3] = [0xFF, 0xD8, 0xFF];

/// A name for formats recognised only to give a clearer error than "unknown".
pub(crate) fn name_other(bytes: &[u8]) -> Option<&'static str> {
    const KNOWN: [(&[u8], &str); 7] = [
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"BM", "BMP"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"\0\0\x01\0", "ICO"),
        (b"qoif", "QOI"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("WebP");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && matches!(&bytes[8..12], b"avif" | b"avis") {
        return Some("AVIF");
    }
    KNOWN
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, name)| name)
}
