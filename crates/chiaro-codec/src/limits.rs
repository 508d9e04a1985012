//! Resource limits for decoding untrusted input.

use core::fmt;

use crate::{Error, Result};

/// How large an image a decoder accepts. Checked from the file's header, before any
/// pixel buffer is allocated; an image over any limit is refused with
/// [`Error::LimitExceeded`].
///
/// The defaults suit a server that takes uploads:
///
/// | limit | default |
/// |---|---|
/// | [`max_width`](Self::max_width), [`max_height`](Self::max_height) | 32,768 pixels |
/// | [`max_pixels`](Self::max_pixels) | 67,108,864 (64 Mi, 8192 × 8192) |
/// | [`max_alloc_bytes`](Self::max_alloc_bytes) | 512 MiB |
///
/// `max_alloc_bytes` bounds the decoded pixels plus the decoder's own working buffers
/// (estimated from the header: for a progressive JPEG, the coefficients of every
/// component) and, when reading from a stream, the bytes read.
///
/// ```
/// use chiaro_codec::Limits;
///
/// let thumbnails = Limits { max_pixels: 4_000_000, ..Limits::default() };
/// assert!(thumbnails.check_dimensions(1920, 1080).is_ok());
/// assert!(thumbnails.check_dimensions(4000, 3000).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Widest image accepted, in pixels.
    pub max_width: u32,
    /// Tallest image accepted, in pixels.
    pub max_height: u32,
    /// Most pixels (width × height) accepted.
    pub max_pixels: u64,
    /// Most bytes a decode may allocate for pixels and working buffers.
    pub max_alloc_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_width: 32_768,
            max_height: 32_768,
            max_pixels: 1 << 26,
            max_alloc_bytes: 512 << 20,
        }
    }
}

impl Limits {
    /// No limits at all: for trusted input only.
    pub const fn none() -> Self {
        Self {
            max_width: u32::MAX,
            max_height: u32::MAX,
            max_pixels: u64::MAX,
            max_alloc_bytes: u64::MAX,
        }
    }

    /// Checks an image's dimensions against the width, height and pixel limits.
    pub fn check_dimensions(&self, width: u32, height: u32) -> Result<()> {
        check(
            LimitKind::Width,
            u64::from(width),
            u64::from(self.max_width),
        )?;
        check(
            LimitKind::Height,
            u64::from(height),
            u64::from(self.max_height),
        )?;
        let pixels = u64::from(width) * u64::from(height);
        check(LimitKind::Pixels, pixels, self.max_pixels)
    }

    /// Checks an allocation (bytes) against [`max_alloc_bytes`](Self::max_alloc_bytes).
    pub fn check_alloc(&self, bytes: u64) -> Result<()> {
        check(LimitKind::AllocBytes, bytes, self.max_alloc_bytes)
    }

    /// `max_alloc_bytes` as a `usize`, saturating.
    pub(crate) fn alloc_usize(&self) -> usize {
        usize::try_from(self.max_alloc_bytes).unwrap_or(usize::MAX)
    }
}

fn check(limit: LimitKind, value: u64, max: u64) -> Result<()> {
    if value > max {
        Err(Error::LimitExceeded { limit, value, max })
    } else {
        Ok(())
    }
}

/// Which of the [`Limits`] an image exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LimitKind {
    /// [`Limits::max_width`].
    Width,
    /// [`Limits::max_height`].
    Height,
    /// [`Limits::max_pixels`].
    Pixels,
    /// [`Limits::max_alloc_bytes`].
    AllocBytes,
}

impl LimitKind {
    /// The unit of the values compared.
    pub(crate) const fn unit(self) -> &'static str {
        match self {
            Self::Width | Self::Height | Self::Pixels => "pixels",
            Self::AllocBytes => "bytes",
        }
    }

    /// The [`Limits`] field.
    pub(crate) const fn field(self) -> &'static str {
        match self {
            Self::Width => "max_width",
            Self::Height => "max_height",
            Self::Pixels => "max_pixels",
            Self::AllocBytes => "max_alloc_bytes",
        }
    }
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Width => "width",
            Self::Height => "height",
            Self::Pixels => "pixel count",
            Self::AllocBytes => "allocation",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_limit_is_checked_and_named() {
        let l = Limits::default();
        let kind = |r: Result<()>| match r {
            Err(Error::LimitExceeded { limit, .. }) => Some(limit),
            _ => None,
        };
        assert_eq!(kind(l.check_dimensions(32_768, 2048)), None);
        assert_eq!(kind(l.check_dimensions(32_769, 1)), Some(LimitKind::Width));
        assert_eq!(kind(l.check_dimensions(1, 40_000)), Some(LimitKind::Height));
        assert_eq!(
            kind(l.check_dimensions(8193, 8192)),
            Some(LimitKind::Pixels)
        );
        assert_eq!(kind(l.check_alloc(512 << 20)), None);
        assert_eq!(
            kind(l.check_alloc((512 << 20) + 1)),
            Some(LimitKind::AllocBytes)
        );
        assert_eq!(
            kind(Limits::none().check_dimensions(u32::MAX, u32::MAX)),
            None
        );
    }
}
