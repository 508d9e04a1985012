//! Run-time selection of the AVX2 kernels: the only module tree with `unsafe` code.
//! Each call of a `#[target_feature]` function follows feature detection, and the
//! cache prefetches of the vertical resize kernels are hints that cannot fault; every
//! block carries a `// SAFETY:` comment. The kernels themselves live beside their portable
//! versions.

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection, cache prefetches"
)]
pub(crate) mod filter;
pub(crate) mod resize;
