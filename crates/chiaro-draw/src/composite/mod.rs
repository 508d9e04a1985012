//! Compositing and blending (W3C Compositing and Blending Level 1) on premultiplied
//! pixels.
//!
//! - [`BlendMode`]: all Porter–Duff operators, the separable and the non-separable
//!   blend modes, per pixel with [`BlendMode::apply`] and with coverage with
//!   [`BlendMode::apply_with_coverage`]. Its documentation states the formulas and the
//!   rounding of each.
//! - [`blit`] composites an image onto a view at any offset, and [`fill_rect`] one
//!   colour over a rectangle, both with a [`CompositeOptions`]: mode, global opacity
//!   and a coverage [`Mask`].
//!
//! Everything works on [`PremulRgba8`](chiaro_pixel::PremulRgba8) (sRGB-encoded,
//! premultiplied), the canvas storage format. Straight-alpha images go through
//! chiaro-pixel's explicit conversions first (`into_converted::<PremulRgba8>()`).
//!
//! ```
//! use chiaro_draw::composite::{blit, fill_rect, BlendMode, CompositeOptions, Mask};
//! use chiaro_pixel::{Gray8, Image, PremulRgba8, Rect, Rgba8};
//!
//! let mut canvas = Image::from_fn(8, 8, |_, _| PremulRgba8::new(255, 255, 255, 255));
//!
//! // A straight-alpha sticker, premultiplied explicitly, multiplied onto the canvas.
//! let sticker: Image<PremulRgba8> =
//!     Image::from_fn(4, 4, |_, _| Rgba8::new(255, 0, 0, 128)).into_converted();
//! let multiply = CompositeOptions::new().with_mode(BlendMode::Multiply);
//! blit(&mut canvas.as_view_mut(), sticker.as_view(), 2, 2, &multiply);
//! assert_eq!(canvas.get(3, 3), Some(&PremulRgba8::new(255, 127, 127, 255)));
//!
//! // A black fill through a mask that covers only its left column.
//! let coverage = Image::from_fn(2, 8, |x, _| Gray8::new(if x == 0 { 255 } else { 0 }));
//! let masked = CompositeOptions::new().with_mask(Mask::at(coverage.as_view(), 6, 0));
//! let black = PremulRgba8::new(0, 0, 0, 255);
//! fill_rect(&mut canvas.as_view_mut(), Rect::new(0, 0, 8, 8), black, &masked);
//! assert_eq!(canvas.get(6, 0), Some(&black));
//! assert_eq!(canvas.get(7, 0), Some(&PremulRgba8::new(255, 255, 255, 255)));
//! ```
//!
//! # Coverage and opacity
//!
//! Coverage `c` (0–255, from anti-aliasing and masks) interpolates between the
//! destination and the operator's result: `lerp(dst, op(src, dst), c / 255)`, so
//! `c = 0` leaves the destination alone and `c = 255` is the plain operator (the
//! canvas, Skia and tiny-skia rule). Source-over computes the equal form
//! `src·c + dst·(1 − αs·c)`. Global opacity multiplies the source (all four channels)
//! before the operator. [`BlendMode::apply_with_coverage`] states the rounding.
//!
//! # Speed
//!
//! Every call loops over rows, choosing a row kernel once per row. Source-over (a
//! solid colour or a row of pixels, with constant or per-pixel coverage) and source
//! copies have AVX2 kernels chosen at run time, with portable twins that give
//! bit-identical results (a test compares them on random rows); the other modes run
//! a per-pixel loop over [`BlendMode::apply_with_coverage`]. Measured with
//! `cargo bench -p chiaro-benches --bench composite -- --quick` on a 2-core x86-64
//! VM (480 MiB L3, so these buffers stay in cache), default build flags, medians:
//!
//! | 2048 × 2048 | chiaro | tiny-skia 0.12 | `memcpy` of the same 16 MiB |
//! |---|---:|---:|---:|
//! | source-over of a translucent layer ([`blit`]) | 1.21–1.26 ms | 19.3–19.4 ms | 1.19–1.25 ms |
//! | translucent solid [`fill_rect`] | 0.79–0.84 ms | 9.7–14.3 ms | 1.22 ms |
//!
//! Without AVX2 (or without `std`) the portable kernels run scalar, about 12 times
//! slower than the AVX2 ones (the notes in `composite/kernels/avx2.rs` have the
//! numbers).

mod blend;
pub(crate) mod fixed;
pub(crate) mod kernels;
mod mask;
mod mode;
mod non_separable;
mod options;
mod porter_duff;
mod region;
pub(crate) mod row;

pub use mask::Mask;
pub use mode::BlendMode;
pub use options::CompositeOptions;
pub use region::{blit, fill_rect};

// The row kernels and `scale` are what the rasterizer and paints composite with;
// `blit` and `fill_rect` use the `_with_opacity` forms, so not every build uses all.
#[allow(unused_imports, reason = "not every build calls every row kernel")]
pub(crate) use fixed::scale;
#[allow(unused_imports, reason = "not every build calls every row kernel")]
pub(crate) use row::{
    row_mask, row_mask_with_opacity, row_span, row_span_with_opacity, solid_mask, solid_span,
};

#[cfg(test)]
mod tests;
