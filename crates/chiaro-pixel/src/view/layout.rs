//! Validation of a strided layout, shared by every view and image constructor.

use crate::{LayoutError, Pixel};

/// A validated strided layout, in channels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Channels from the start of one row to the start of the next. Zero for views
    /// without pixels.
    pub(crate) stride: usize,
    /// Channels in one row: `width × CHANNELS`.
    pub(crate) row_len: usize,
}

impl Layout {
    /// The layout of a 0×0 view.
    #[cfg(feature = "image")]
    pub(crate) const EMPTY: Layout = Layout {
        width: 0,
        height: 0,
        stride: 0,
        row_len: 0,
    };

    /// Checks a layout over a buffer of `len` channels. On success the view uses the
    /// first `min_len()` channels: the last row needs no padding after it.
    pub(crate) fn new<P: Pixel>(
        len: usize,
        width: u32,
        height: u32,
        stride: usize,
    ) -> Result<Self, LayoutError> {
        let () = P::LAYOUT_CHECK;
        let too_large = LayoutError::TooLarge { width, height };
        let row_len = usize::try_from(width)
            .ok()
            .and_then(|w| w.checked_mul(P::CHANNELS))
            .ok_or(too_large)?;
        let channel = size_of::<P::Channel>();
        if stride < row_len {
            return Err(LayoutError::StrideTooSmall {
                stride_bytes: stride.saturating_mul(channel),
                row_bytes: row_len.saturating_mul(channel),
            });
        }
        let layout = if width == 0 || height == 0 {
            Self {
                width,
                height,
                stride: 0,
                row_len,
            }
        } else {
            Self {
                width,
                height,
                stride,
                row_len,
            }
        };
        let needed = layout.checked_min_len().ok_or(too_large)?;
        // Every byte offset must fit in isize for slices to exist at all.
        if needed
            .checked_mul(channel)
            .is_none_or(|b| b > isize::MAX as usize)
        {
            return Err(too_large);
        }
        if len < needed {
            return Err(LayoutError::BufferTooSmall {
                needed,
                actual: len,
            });
        }
        Ok(layout)
    }

    fn checked_min_len(&self) -> Option<usize> {
        if self.width == 0 || self.height == 0 {
            return Some(0);
        }
        let rows_before_last = usize::try_from(self.height - 1).ok()?;
        rows_before_last
            .checked_mul(self.stride)?
            .checked_add(self.row_len)
    }

    /// Channels spanned from the first pixel to the last. Validated by `new`.
    #[inline]
    pub(crate) fn min_len(&self) -> usize {
        if self.width == 0 || self.height == 0 {
            0
        } else {
            (self.height as usize - 1) * self.stride + self.row_len
        }
    }

    /// Offset of row `y`, which must be `< height`.
    #[inline(always)]
    pub(crate) fn row_start(&self, y: u32) -> usize {
        y as usize * self.stride
    }

    /// Whether rows follow each other without padding.
    #[inline]
    pub(crate) fn is_contiguous(&self) -> bool {
        self.stride == self.row_len || self.height <= 1
    }
}
