//! Geometric transforms: crop, flips, transposes, quarter turns, rotation by any angle,
//! affine warps and EXIF orientation.
//!
//! The lossless layout transforms (flips, transposes, quarter turns, [`oriented`]) are
//! chiaro-pixel's [`orient`](chiaro_pixel::orient) functions, re-exported here: they
//! move whole pixels, so they are exact for every format. [`rotate`] and [`warp`]
//! resample by inverse mapping (each destination pixel centre is mapped back into the
//! source and sampled there with the chosen [`Interpolation`]); samples that fall
//! outside the source read as the background colour, so edges blend into it.
//! Straight alpha is premultiplied for the interpolation, as in the filters.
//!
//! Coordinates: pixel `(x, y)` covers `x..x+1` × `y..y+1`, its centre is at
//! `(x + 0.5, y + 0.5)`, and y grows downwards, so a positive angle turns clockwise on
//! screen, as [`rotate90`] does.

mod crop;
mod exif;
mod interpolate;
mod rotate;
mod warp;

pub use chiaro_pixel::Orientation;
pub use chiaro_pixel::orient::{
    flip_horizontal, flip_vertical, oriented, rotate90, rotate180, rotate270, transpose, transverse,
};
pub use crop::{crop, crop_mut};
pub use exif::{ExifOrientationError, apply_exif_orientation, orientation_from_exif};
pub use interpolate::Interpolation;
pub use rotate::{RotateOptions, rotate, rotated_size};
pub use warp::{WarpError, warp};
