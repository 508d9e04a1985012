//! Conversions to and from other geometry crates, each behind its own feature.
//!
//! Everything here is a trait implementation (plus
//! [`Path::from_kurbo_shape`](crate::Path::from_kurbo_shape)), so this module has no
//! items of its own; it documents what converts to what.
//!
//! # `kurbo` feature
//!
//! | from | to | how |
//! |---|---|---|
//! | `&kurbo::BezPath`, `kurbo::BezPath` | [`Path`](crate::Path) | `TryFrom`; [`PathError::NonFinite`](crate::path::PathError) when a coordinate is not finite or does not fit in `f32` |
//! | any `kurbo::Shape` | [`Path`](crate::Path) | [`Path::from_kurbo_shape`](crate::Path::from_kurbo_shape)`(&shape, tolerance)`, same errors |
//! | `&Path`, `Path` | `kurbo::BezPath` | `From`, exact (`f32` widens to `f64`) |
//! | `kurbo::Point` ↔ [`Point`](crate::Point), `kurbo::Vec2` ↔ [`Vec2`](crate::Vec2) | | `From` both ways |
//! | `kurbo::Affine` ↔ [`Transform`](crate::Transform) | | `From` both ways; both list coefficients as `[a b c d e f]` |
//! | `kurbo::Rect` ↔ [`Rect`](crate::Rect) | | `From` both ways; into `Rect` the corners are ordered |
//!
//! Conversions from kurbo's `f64` to `f32` round to nearest; values beyond `f32`'s
//! range become infinite, which only the path conversions report as errors.
//!
//! # `mint` feature
//!
//! | ours | mint |
//! |---|---|
//! | [`Point`](crate::Point) | `mint::Point2<f32>` (also `mint::IntoMint`) |
//! | [`Vec2`](crate::Vec2) | `mint::Vector2<f32>` (also `mint::IntoMint`) |
//! | [`Transform`](crate::Transform) | `mint::RowMatrix2x3<f32>`: rows `[a c e]`, `[b d f]` |
//! | [`Transform`](crate::Transform) | `mint::ColumnMatrix2x3<f32>`: columns `[a b]`, `[c d]`, `[e f]` |
//!
//! All are `From` both ways and exact.

#[cfg(feature = "kurbo")]
mod kurbo;
#[cfg(feature = "mint")]
mod mint;
