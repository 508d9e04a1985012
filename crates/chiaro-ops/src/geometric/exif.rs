//! EXIF orientation codes 1–8.

use core::fmt;

use chiaro_pixel::{Image, Orientation, Pixel, View};

/// An EXIF orientation value outside 1–8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExifOrientationError {
    /// The value read.
    pub code: u16,
}

impl fmt::Display for ExifOrientationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EXIF orientation {} is not one of 1–8", self.code)
    }
}

impl core::error::Error for ExifOrientationError {}

/// The [`Orientation`] of an EXIF `Orientation` tag value.
///
/// # Errors
///
/// [`ExifOrientationError`] for any value outside 1–8 (0 and 9 occur in the wild;
/// callers that want to show such files anyway treat them as
/// [`Orientation::Normal`]).
///
/// ```
/// use chiaro_ops::geometric::{Orientation, orientation_from_exif};
///
/// assert_eq!(orientation_from_exif(6), Ok(Orientation::Rotate90));
/// assert!(orientation_from_exif(0).is_err());
/// ```
pub fn orientation_from_exif(code: u16) -> Result<Orientation, ExifOrientationError> {
    Orientation::from_exif(code).ok_or(ExifOrientationError { code })
}

/// `src` as displayed under the EXIF orientation `code` (a new image; see
/// [`oriented`](super::oriented)).
///
/// # Errors
///
/// [`ExifOrientationError`] for any value outside 1–8.
pub fn apply_exif_orientation<P: Pixel>(
    src: View<'_, P>,
    code: u16,
) -> Result<Image<P>, ExifOrientationError> {
    Ok(super::oriented(src, orientation_from_exif(code)?))
}
