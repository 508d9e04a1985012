//! Run-time selection of the AVX2 kernels: the only module tree with `unsafe` code.

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection"
)]
pub(crate) mod composite;
pub(crate) mod paint;
