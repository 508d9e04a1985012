//! Run-time selection of the AVX2 kernels: the only module tree with `unsafe` code.
//! Each call of a `#[target_feature]` function follows feature detection and carries a
//! `// SAFETY:` comment; the kernels themselves live beside their portable versions.

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection"
)]
pub(crate) mod filter;
pub(crate) mod resize;
