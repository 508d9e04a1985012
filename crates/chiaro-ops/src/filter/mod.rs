//! Filters: convolution, Gaussian and box blur, unsharp mask, sharpen, Sobel edges,
//! median, erosion and dilation.
//!
//! # Edges
//!
//! Every filter extends the image at its edges (clamp-to-edge): a pixel outside the
//! image reads as the nearest edge pixel. A flat image therefore stays flat under every
//! filter whose weights sum to one.
//!
//! # Alpha
//!
//! Filters that mix neighbouring pixels (blurs, convolution, unsharp mask, sharpen)
//! premultiply straight-alpha formats (`Rgba8`, `GrayA8`, `Bgra8`, `RgbaF32`, …)
//! before mixing and unpremultiply after, so a transparent pixel's colour does not
//! bleed into its neighbours (no dark halos). Premultiplied formats (`PremulRgba8`, …)
//! and opaque ones are filtered as they are. The order-statistic filters (median,
//! erosion, dilation) pick existing channel values, so they work per channel on the
//! stored values. Sobel works per colour channel and keeps alpha.
//!
//! # Parallelism
//!
//! With the `rayon` feature, rows (or bands of columns) are split across threads. Every
//! output value is computed by the same operations in the same order whatever the
//! split, so results are bit-identical to the sequential build and independent of the
//! thread count.

mod box_blur;
pub(crate) mod cascade;
mod convolve;
mod edge;
mod error;
mod gaussian;
mod median;
mod morphology;
mod rows;
pub(crate) mod sample;
#[cfg(all(test, feature = "std", target_arch = "x86_64"))]
mod tests;
mod unsharp;

pub use box_blur::{MAX_BOX_RADIUS, box_blur};
pub use convolve::{Kernel, MAX_KERNEL_SIZE, convolve};
pub use edge::sobel;
pub use error::FilterError;
pub use gaussian::{
    MAX_EXACT_SIGMA, MAX_SIGMA, gaussian_blur, gaussian_blur_exact, gaussian_kernel,
};
pub use median::{MAX_MEDIAN_RADIUS, median};
pub use morphology::{MAX_MORPHOLOGY_RADIUS, dilate, erode};
pub use unsharp::{sharpen, unsharp_mask};
