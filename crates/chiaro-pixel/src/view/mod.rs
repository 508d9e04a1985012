//! Borrowed views with any row stride: [`View`] and [`ViewMut`].
//!
//! A view borrows a buffer of channels, so it can describe an [`Image`], a region of
//! one, or memory from elsewhere (a decoder's output, a GPU mapping, a tensor) without
//! copying. Rows may be padded: the stride is the distance from one row to the next.
//!
//! Views hand out rows first (`row`, `rows`, `rows_mut`): whole-row slices are what
//! loops vectorize over. Per-pixel `get` exists for convenience and bounds-checks every
//! call.

mod layout;
mod rows;

pub(crate) use layout::Layout;
pub use rows::{Rows, RowsMut};

use alloc::vec::Vec;
use core::fmt;

use crate::cast;
use crate::{Image, LayoutError, Pixel, Rect, RegionError, SizeMismatch};

/// A read-only view of `width × height` pixels with a row stride.
///
/// Cheap to copy. Created by [`Image::as_view`], [`View::new`], [`View::with_stride`],
/// [`View::from_bytes`] or [`View::sub_view`].
///
/// ```
/// use chiaro_pixel::{Rect, Rgb8, View};
///
/// // Five RGB pixels per row, rows padded to 16 bytes, three rows.
/// let bytes = [7u8; 16 * 2 + 15];
/// let view = View::<Rgb8>::from_bytes(&bytes, 5, 3, 16)?;
/// assert_eq!(view.row(2).unwrap().len(), 5);
/// let corner = view.sub_view(Rect::new(3, 1, 2, 2))?;
/// assert_eq!(corner.get(1, 1), Some(&Rgb8::new(7, 7, 7)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct View<'a, P: Pixel> {
    /// Exactly `layout.min_len()` channels, starting at pixel (0, 0).
    data: &'a [P::Channel],
    layout: Layout,
}

/// A mutable view of `width × height` pixels with a row stride.
///
/// Exclusive, like `&mut`: two `ViewMut`s of overlapping pixels cannot exist. The
/// splitting methods ([`split_at_row`](ViewMut::split_at_row),
/// [`row_chunks_mut`](ViewMut::row_chunks_mut), [`tiles_mut`](ViewMut::tiles_mut))
/// hand out disjoint parts that can be worked on at the same time, on other threads
/// too.
///
/// Overlapping mutable views are rejected at compile time:
///
/// ```compile_fail,E0499
/// use chiaro_pixel::{Image, Rect, Rgba8};
///
/// let mut image = Image::<Rgba8>::new(8, 8);
/// let mut view = image.as_view_mut();
/// let mut left = view.sub_view_mut(Rect::new(0, 0, 6, 8)).unwrap();
/// let mut right = view.sub_view_mut(Rect::new(4, 0, 4, 8)).unwrap(); // overlaps `left`
/// left.fill(Rgba8::WHITE);
/// right.fill(Rgba8::BLACK);
/// ```
///
/// Disjoint parts come from a split, which the borrow checker accepts:
///
/// ```
/// use chiaro_pixel::{Image, Rgba8};
///
/// let mut image = Image::<Rgba8>::new(8, 8);
/// let (mut top, mut bottom) = image.as_view_mut().split_at_row(4)?;
/// top.fill(Rgba8::WHITE);
/// bottom.fill(Rgba8::BLACK);
/// assert_eq!(image.get(0, 3), Some(&Rgba8::WHITE));
/// assert_eq!(image.get(0, 4), Some(&Rgba8::BLACK));
/// # Ok::<(), chiaro_pixel::RowOutOfRange>(())
/// ```
pub struct ViewMut<'a, P: Pixel> {
    /// Exactly `layout.min_len()` channels, starting at pixel (0, 0).
    data: &'a mut [P::Channel],
    layout: Layout,
}

impl<P: Pixel> Clone for View<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: Pixel> Copy for View<'_, P> {}

impl<P: Pixel> fmt::Debug for View<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("View")
            .field("width", &self.layout.width)
            .field("height", &self.layout.height)
            .field("stride_bytes", &self.stride_bytes())
            .finish_non_exhaustive()
    }
}

impl<P: Pixel> fmt::Debug for ViewMut<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ViewMut")
            .field("width", &self.layout.width)
            .field("height", &self.layout.height)
            .field("stride_bytes", &self.stride_bytes())
            .finish_non_exhaustive()
    }
}

/// Checks `rect` against a `width × height` area and returns its origin as `u32`s.
fn check_region(rect: Rect, width: u32, height: u32) -> Result<(u32, u32), RegionError> {
    if Rect::from_size(width, height).contains_rect(&rect) {
        // Contained, so the origin is non-negative and at most the bounds.
        let x = u32::try_from(rect.x).unwrap_or(0);
        let y = u32::try_from(rect.y).unwrap_or(0);
        Ok((x, y))
    } else {
        Err(RegionError {
            rect,
            width,
            height,
        })
    }
}

/// The layout and channel offset of `rect` inside `layout`. `rect` must be checked.
fn sub_layout(layout: &Layout, x: u32, y: u32, rect: Rect, channels: usize) -> (usize, Layout) {
    let sub = Layout {
        width: rect.width,
        height: rect.height,
        stride: if rect.is_empty() { 0 } else { layout.stride },
        row_len: rect.width as usize * channels,
    };
    let start = if rect.is_empty() {
        0
    } else {
        layout.row_start(y) + x as usize * channels
    };
    (start, sub)
}

/// The size accessors both view types share.
macro_rules! geometry {
    () => {
        /// Width in pixels.
        #[inline]
        pub fn width(&self) -> u32 {
            self.layout.width
        }

        /// Height in pixels.
        #[inline]
        pub fn height(&self) -> u32 {
            self.layout.height
        }

        /// `(width, height)`.
        #[inline]
        pub fn size(&self) -> (u32, u32) {
            (self.layout.width, self.layout.height)
        }

        /// The rectangle `(0, 0, width, height)`.
        #[inline]
        pub fn bounds(&self) -> Rect {
            Rect::from_size(self.layout.width, self.layout.height)
        }

        /// Whether the view has no pixels.
        #[inline]
        pub fn is_empty(&self) -> bool {
            self.layout.width == 0 || self.layout.height == 0
        }

        /// Bytes from the start of one row to the start of the next (0 for an empty view).
        #[inline]
        pub fn stride_bytes(&self) -> usize {
            self.layout.stride * size_of::<P::Channel>()
        }
    };
}

impl<'a, P: Pixel> View<'a, P> {
    /// A view of contiguous rows: `data` holds at least `width × height` pixels.
    pub fn new(data: &'a [P], width: u32, height: u32) -> Result<Self, LayoutError> {
        let row = usize::try_from(width).map_err(|_| LayoutError::TooLarge { width, height })?;
        Self::with_stride(data, width, height, row)
    }

    /// A view whose rows start `stride` pixels apart.
    pub fn with_stride(
        data: &'a [P],
        width: u32,
        height: u32,
        stride: usize,
    ) -> Result<Self, LayoutError> {
        let stride = stride
            .checked_mul(P::CHANNELS)
            .ok_or(LayoutError::TooLarge { width, height })?;
        Self::from_channels(cast::channels(data), width, height, stride)
            .map_err(|e| in_pixels::<P>(e))
    }

    /// A view over raw channel values whose rows start `stride` channels apart. Useful
    /// when the stride is not a whole number of pixels (an `Rgb8` image with rows
    /// padded to 4 bytes).
    pub fn from_channels(
        data: &'a [P::Channel],
        width: u32,
        height: u32,
        stride: usize,
    ) -> Result<Self, LayoutError> {
        let layout = Layout::new::<P>(data.len(), width, height, stride)?;
        Ok(Self {
            data: &data[..layout.min_len()],
            layout,
        })
    }

    /// A view over bytes whose rows start `stride_bytes` apart, without copying.
    ///
    /// The bytes must be aligned for the channel type (1 for `u8`, 2 for `u16`, 4 for
    /// `f32` formats) and the stride must be a whole number of channels; otherwise this
    /// returns an error, never undefined behaviour. To accept any alignment, copy with
    /// [`Image::from_bytes`].
    pub fn from_bytes(
        bytes: &'a [u8],
        width: u32,
        height: u32,
        stride_bytes: usize,
    ) -> Result<Self, LayoutError> {
        let (stride, whole, len) = byte_layout::<P>(bytes.len(), stride_bytes)?;
        let data = bytemuck::try_cast_slice(&bytes[..whole]).map_err(|_| misaligned::<P>())?;
        Self::from_channels(data, width, height, stride).map_err(|e| in_bytes::<P>(e, len))
    }

    /// Assembles a view from parts already checked by the caller.
    #[inline]
    pub(crate) fn from_raw_parts(data: &'a [P::Channel], layout: Layout) -> Self {
        debug_assert_eq!(data.len(), layout.min_len());
        Self { data, layout }
    }

    geometry!();

    /// Row `y`, or `None` past the last row.
    #[inline]
    pub fn row(&self, y: u32) -> Option<&'a [P]> {
        if y >= self.layout.height {
            return None;
        }
        let start = self.layout.row_start(y);
        Some(cast::pixels::<P>(
            &self.data[start..start + self.layout.row_len],
        ))
    }

    /// The rows, top to bottom. The fast way to visit every pixel.
    #[inline]
    pub fn rows(&self) -> Rows<'a, P> {
        Rows::new(self.data, self.layout)
    }

    /// Every pixel, row by row.
    pub fn pixels(self) -> impl Iterator<Item = &'a P> + 'a {
        self.rows().flatten()
    }

    /// Every pixel with its coordinates, row by row.
    pub fn enumerate_pixels(self) -> impl Iterator<Item = (u32, u32, &'a P)> + 'a {
        self.rows()
            .zip(0u32..)
            .flat_map(|(row, y)| (0u32..).zip(row).map(move |(x, p)| (x, y, p)))
    }

    /// The pixel at `(x, y)`, or `None` outside the view. Checks bounds on every call:
    /// prefer [`rows`](Self::rows) in loops.
    #[inline]
    pub fn get(&self, x: u32, y: u32) -> Option<&'a P> {
        self.row(y)?.get(x as usize)
    }

    /// The region `rect` of this view, which must lie inside it.
    pub fn sub_view(&self, rect: Rect) -> Result<View<'a, P>, RegionError> {
        let (x, y) = check_region(rect, self.layout.width, self.layout.height)?;
        let (start, layout) = sub_layout(&self.layout, x, y, rect, P::CHANNELS);
        let data = &self.data[start..start + layout.min_len()];
        Ok(View { data, layout })
    }

    /// The pixels as one slice, when rows follow each other without padding.
    pub fn as_slice(&self) -> Option<&'a [P]> {
        self.layout
            .is_contiguous()
            .then(|| cast::pixels::<P>(self.data))
    }

    /// The bytes from the first pixel to the last, including padding between rows.
    pub fn as_bytes(&self) -> &'a [u8] {
        bytemuck::cast_slice(self.data)
    }

    /// Copies the pixels into a new contiguous image. Allocates.
    pub fn to_image(&self) -> Image<P> {
        let mut out = Vec::with_capacity(self.layout.width as usize * self.layout.height as usize);
        for row in self.rows() {
            out.extend_from_slice(row);
        }
        Image::from_parts(self.layout.width, self.layout.height, out)
    }
}

impl<'a, P: Pixel> ViewMut<'a, P> {
    /// A mutable view of contiguous rows: `data` holds at least `width × height` pixels.
    pub fn new(data: &'a mut [P], width: u32, height: u32) -> Result<Self, LayoutError> {
        let row = usize::try_from(width).map_err(|_| LayoutError::TooLarge { width, height })?;
        Self::with_stride(data, width, height, row)
    }

    /// A mutable view whose rows start `stride` pixels apart.
    pub fn with_stride(
        data: &'a mut [P],
        width: u32,
        height: u32,
        stride: usize,
    ) -> Result<Self, LayoutError> {
        let stride = stride
            .checked_mul(P::CHANNELS)
            .ok_or(LayoutError::TooLarge { width, height })?;
        Self::from_channels(cast::channels_mut(data), width, height, stride)
            .map_err(|e| in_pixels::<P>(e))
    }

    /// A mutable view over raw channel values whose rows start `stride` channels apart.
    pub fn from_channels(
        data: &'a mut [P::Channel],
        width: u32,
        height: u32,
        stride: usize,
    ) -> Result<Self, LayoutError> {
        let layout = Layout::new::<P>(data.len(), width, height, stride)?;
        Ok(Self {
            data: &mut data[..layout.min_len()],
            layout,
        })
    }

    /// A mutable view over bytes whose rows start `stride_bytes` apart; see
    /// [`View::from_bytes`] for the alignment rule.
    pub fn from_bytes(
        bytes: &'a mut [u8],
        width: u32,
        height: u32,
        stride_bytes: usize,
    ) -> Result<Self, LayoutError> {
        let (stride, whole, len) = byte_layout::<P>(bytes.len(), stride_bytes)?;
        let data =
            bytemuck::try_cast_slice_mut(&mut bytes[..whole]).map_err(|_| misaligned::<P>())?;
        Self::from_channels(data, width, height, stride).map_err(|e| in_bytes::<P>(e, len))
    }

    /// Assembles a view from parts already checked by the caller.
    #[inline]
    pub(crate) fn from_raw_parts(data: &'a mut [P::Channel], layout: Layout) -> Self {
        debug_assert_eq!(data.len(), layout.min_len());
        Self { data, layout }
    }

    /// The parts, for splitting.
    #[inline]
    pub(crate) fn into_raw_parts(self) -> (&'a mut [P::Channel], Layout) {
        (self.data, self.layout)
    }

    /// A read-only view of the same pixels, borrowing this one.
    #[inline]
    pub fn as_view(&self) -> View<'_, P> {
        View {
            data: self.data,
            layout: self.layout,
        }
    }

    /// A shorter-lived mutable view of the same pixels, so that a consuming method can
    /// be called without giving this view up.
    #[inline]
    pub fn as_view_mut(&mut self) -> ViewMut<'_, P> {
        ViewMut {
            data: self.data,
            layout: self.layout,
        }
    }

    /// Turns this view into a read-only one with the same lifetime.
    #[inline]
    pub fn into_view(self) -> View<'a, P> {
        View {
            data: self.data,
            layout: self.layout,
        }
    }

    geometry!();

    /// Row `y`, or `None` past the last row.
    #[inline]
    pub fn row(&self, y: u32) -> Option<&[P]> {
        self.as_view().row(y)
    }

    /// Row `y`, mutably, or `None` past the last row.
    #[inline]
    pub fn row_mut(&mut self, y: u32) -> Option<&mut [P]> {
        if y >= self.layout.height {
            return None;
        }
        let start = self.layout.row_start(y);
        Some(cast::pixels_mut::<P>(
            &mut self.data[start..start + self.layout.row_len],
        ))
    }

    /// The rows, top to bottom.
    #[inline]
    pub fn rows(&self) -> Rows<'_, P> {
        self.as_view().rows()
    }

    /// The rows, top to bottom, mutably. The fast way to change every pixel.
    #[inline]
    pub fn rows_mut(&mut self) -> RowsMut<'_, P> {
        RowsMut::new(self.data, self.layout)
    }

    /// Turns the view into its rows, keeping the full lifetime.
    #[inline]
    pub fn into_rows(self) -> RowsMut<'a, P> {
        RowsMut::new(self.data, self.layout)
    }

    /// Every pixel, row by row.
    pub fn pixels(&self) -> impl Iterator<Item = &P> {
        self.rows().flatten()
    }

    /// Every pixel, row by row, mutably.
    pub fn pixels_mut(&mut self) -> impl Iterator<Item = &mut P> {
        self.rows_mut().flatten()
    }

    /// The pixel at `(x, y)`, or `None` outside the view.
    #[inline]
    pub fn get(&self, x: u32, y: u32) -> Option<&P> {
        self.as_view().get(x, y)
    }

    /// The pixel at `(x, y)`, mutably, or `None` outside the view.
    #[inline]
    pub fn get_mut(&mut self, x: u32, y: u32) -> Option<&mut P> {
        self.row_mut(y)?.get_mut(x as usize)
    }

    /// Sets every pixel to `value`.
    pub fn fill(&mut self, value: P) {
        for row in self.rows_mut() {
            row.fill(value);
        }
    }

    /// Copies `src`, which must be the same size, into this view.
    pub fn copy_from(&mut self, src: View<'_, P>) -> Result<(), SizeMismatch> {
        SizeMismatch::check(src.size(), self.size())?;
        for (d, s) in self.rows_mut().zip(src.rows()) {
            d.copy_from_slice(s);
        }
        Ok(())
    }

    /// A read-only view of the region `rect`, which must lie inside this view.
    pub fn sub_view(&self, rect: Rect) -> Result<View<'_, P>, RegionError> {
        self.as_view().sub_view(rect)
    }

    /// A mutable view of the region `rect`, borrowing this view.
    pub fn sub_view_mut(&mut self, rect: Rect) -> Result<ViewMut<'_, P>, RegionError> {
        self.as_view_mut().into_sub_view(rect)
    }

    /// Narrows this view to the region `rect`, keeping the full lifetime.
    pub fn into_sub_view(self, rect: Rect) -> Result<ViewMut<'a, P>, RegionError> {
        let (x, y) = check_region(rect, self.layout.width, self.layout.height)?;
        let (start, layout) = sub_layout(&self.layout, x, y, rect, P::CHANNELS);
        let data = &mut self.data[start..start + layout.min_len()];
        Ok(ViewMut { data, layout })
    }

    /// The pixels as one slice, when rows follow each other without padding.
    pub fn as_slice(&self) -> Option<&[P]> {
        self.as_view().as_slice()
    }

    /// The pixels as one mutable slice, when rows follow each other without padding.
    pub fn as_mut_slice(&mut self) -> Option<&mut [P]> {
        self.layout
            .is_contiguous()
            .then(|| cast::pixels_mut::<P>(self.data))
    }

    /// The bytes from the first pixel to the last, including padding between rows.
    pub fn as_bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.data)
    }

    /// The bytes from the first pixel to the last, mutably, including padding between
    /// rows.
    pub fn as_bytes_mut(&mut self) -> &mut [u8] {
        bytemuck::cast_slice_mut(self.data)
    }

    /// Copies the pixels into a new contiguous image. Allocates.
    pub fn to_image(&self) -> Image<P> {
        self.as_view().to_image()
    }
}

impl<'a, P: Pixel> From<ViewMut<'a, P>> for View<'a, P> {
    fn from(v: ViewMut<'a, P>) -> Self {
        v.into_view()
    }
}

/// Checks a byte stride for a byte buffer of `len` bytes. Returns the stride in
/// channels, the length in bytes of the whole channels (trailing bytes that do not form
/// one are ignored) and `len`.
fn byte_layout<P: Pixel>(
    len: usize,
    stride_bytes: usize,
) -> Result<(usize, usize, usize), LayoutError> {
    let channel = size_of::<P::Channel>();
    if !stride_bytes.is_multiple_of(channel) {
        return Err(LayoutError::StrideNotChannelMultiple {
            stride_bytes,
            channel_bytes: channel,
        });
    }
    Ok((stride_bytes / channel, len - len % channel, len))
}

/// The error for bytes not aligned to the channel type.
fn misaligned<P: Pixel>() -> LayoutError {
    LayoutError::Misaligned {
        required: align_of::<P::Channel>(),
    }
}

/// Restates a layout error from channel units in pixel units.
fn in_pixels<P: Pixel>(e: LayoutError) -> LayoutError {
    match e {
        LayoutError::BufferTooSmall { needed, actual } => LayoutError::BufferTooSmall {
            needed: needed.div_ceil(P::CHANNELS),
            actual: actual / P::CHANNELS,
        },
        other => other,
    }
}

/// Restates a layout error from channel units in bytes.
fn in_bytes<P: Pixel>(e: LayoutError, bytes: usize) -> LayoutError {
    match e {
        LayoutError::BufferTooSmall { needed, .. } => LayoutError::BufferTooSmall {
            needed: needed.saturating_mul(size_of::<P::Channel>()),
            actual: bytes,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests;
