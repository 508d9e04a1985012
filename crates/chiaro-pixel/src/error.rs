//! Small, matchable error types. Each names the values that were wrong.

use core::fmt;

use crate::Rect;

/// A buffer, size or stride that cannot describe an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LayoutError {
    /// `width × height` pixels (or their bytes) do not fit in `usize`.
    TooLarge {
        /// Requested width in pixels.
        width: u32,
        /// Requested height in pixels.
        height: u32,
    },
    /// The allocator could not provide the buffer.
    AllocationFailed {
        /// Bytes requested.
        bytes: usize,
    },
    /// The buffer is shorter than the layout needs.
    BufferTooSmall {
        /// Elements (pixels, channels or bytes, as the constructor takes) needed.
        needed: usize,
        /// Elements provided.
        actual: usize,
    },
    /// The buffer length is not exactly `width × height` (for constructors that take
    /// ownership and so must not carry slack).
    LengthMismatch {
        /// `width × height`.
        expected: usize,
        /// Length provided.
        actual: usize,
    },
    /// The row stride is shorter than a row.
    StrideTooSmall {
        /// Stride given, in bytes.
        stride_bytes: usize,
        /// Bytes in one row of pixels.
        row_bytes: usize,
    },
    /// The row stride is not a whole number of channels, so rows after the first would
    /// be misaligned.
    StrideNotChannelMultiple {
        /// Stride given, in bytes.
        stride_bytes: usize,
        /// Size of one channel in bytes.
        channel_bytes: usize,
    },
    /// The byte buffer is not aligned for the channel type (`u16` needs 2, `f32` 4).
    /// Copying constructors such as [`Image::from_bytes`](crate::Image::from_bytes)
    /// accept any alignment.
    Misaligned {
        /// Alignment required, in bytes.
        required: usize,
    },
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::TooLarge { width, height } => {
                write!(
                    f,
                    "a {width}×{height} image does not fit in memory addresses"
                )
            }
            Self::AllocationFailed { bytes } => write!(f, "could not allocate {bytes} bytes"),
            Self::BufferTooSmall { needed, actual } => {
                write!(
                    f,
                    "buffer holds {actual} elements but the layout needs {needed}"
                )
            }
            Self::LengthMismatch { expected, actual } => {
                write!(
                    f,
                    "buffer holds {actual} pixels but width × height is {expected}"
                )
            }
            Self::StrideTooSmall {
                stride_bytes,
                row_bytes,
            } => write!(
                f,
                "row stride of {stride_bytes} bytes is shorter than a row of {row_bytes} bytes"
            ),
            Self::StrideNotChannelMultiple {
                stride_bytes,
                channel_bytes,
            } => write!(
                f,
                "row stride of {stride_bytes} bytes is not a multiple of the {channel_bytes}-byte channel"
            ),
            Self::Misaligned { required } => {
                write!(
                    f,
                    "byte buffer is not aligned to {required} bytes for this pixel type"
                )
            }
        }
    }
}

impl core::error::Error for LayoutError {}

/// A rectangle that does not lie within an image's bounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionError {
    /// The rectangle asked for.
    pub rect: Rect,
    /// Width of the image or view it was asked of.
    pub width: u32,
    /// Height of the image or view it was asked of.
    pub height: u32,
}

impl fmt::Display for RegionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = self.rect;
        write!(
            f,
            "region {}×{} at ({}, {}) is not within the {}×{} bounds",
            r.width, r.height, r.x, r.y, self.width, self.height
        )
    }
}

impl core::error::Error for RegionError {}

/// Two images or views that had to be the same size were not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SizeMismatch {
    /// Size of the source, `(width, height)`.
    pub source: (u32, u32),
    /// Size of the destination, `(width, height)`.
    pub destination: (u32, u32),
}

impl SizeMismatch {
    /// `Ok(())` when `source` and `destination` (each `(width, height)`) are equal,
    /// otherwise the error naming both.
    ///
    /// ```
    /// use chiaro_pixel::SizeMismatch;
    ///
    /// assert!(SizeMismatch::check((4, 3), (4, 3)).is_ok());
    /// let err = SizeMismatch::check((4, 3), (3, 4)).unwrap_err();
    /// assert_eq!(err.destination, (3, 4));
    /// ```
    pub fn check(source: (u32, u32), destination: (u32, u32)) -> Result<(), Self> {
        if source == destination {
            Ok(())
        } else {
            Err(Self {
                source,
                destination,
            })
        }
    }
}

impl fmt::Display for SizeMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "source is {}×{} but destination is {}×{}",
            self.source.0, self.source.1, self.destination.0, self.destination.1
        )
    }
}

impl core::error::Error for SizeMismatch {}

/// A row index past the end of a view, given to a split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowOutOfRange {
    /// The row asked for.
    pub row: u32,
    /// Height of the view.
    pub height: u32,
}

impl fmt::Display for RowOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot split at row {} of a view {} rows high",
            self.row, self.height
        )
    }
}

impl core::error::Error for RowOutOfRange {}

/// An [`IndexedImage`](crate::IndexedImage) that would be invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IndexedError {
    /// The palette has more than 256 entries.
    PaletteTooLarge {
        /// Entries given.
        len: usize,
    },
    /// An index refers past the end of the palette.
    IndexOutOfRange {
        /// Column of the first bad index.
        x: u32,
        /// Row of the first bad index.
        y: u32,
        /// The index found there.
        index: u8,
        /// Number of palette entries.
        palette_len: usize,
    },
    /// A position outside the image.
    PositionOutOfBounds {
        /// Column asked for.
        x: u32,
        /// Row asked for.
        y: u32,
        /// Image width.
        width: u32,
        /// Image height.
        height: u32,
    },
    /// The index buffer does not match the dimensions.
    Layout(LayoutError),
}

impl fmt::Display for IndexedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::PaletteTooLarge { len } => {
                write!(f, "palette has {len} entries; at most 256 are allowed")
            }
            Self::IndexOutOfRange {
                x,
                y,
                index,
                palette_len,
            } => write!(
                f,
                "index {index} at ({x}, {y}) is past the end of a {palette_len}-entry palette"
            ),
            Self::PositionOutOfBounds {
                x,
                y,
                width,
                height,
            } => {
                write!(
                    f,
                    "position ({x}, {y}) is outside the {width}×{height} image"
                )
            }
            Self::Layout(e) => write!(f, "index buffer: {e}"),
        }
    }
}

impl core::error::Error for IndexedError {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Self::Layout(e) => Some(e),
            _ => None,
        }
    }
}

impl From<LayoutError> for IndexedError {
    fn from(e: LayoutError) -> Self {
        Self::Layout(e)
    }
}
