//! Run-time selection of the bulk kernels: the only module with `unsafe` code.
//!
//! Kernels have a portable build and, where a benchmark showed it pays, an AVX2 build
//! written with intrinsics in safe `#[target_feature]` functions. The only unsafe
//! operation is calling one of those after `is_x86_feature_detected!` confirmed the CPU
//! supports it; each call sits directly under its check. Without `std` there is no
//! run-time detection and the portable builds run.
//!
//! Measured on 4096×4096 RGB8, one core: RGB8 → Y′CbCr 4:2:0 takes about 59 ms with the
//! portable kernels (LLVM does not vectorize the three-byte pixel loads) and about
//! 5.3 ms with the AVX2 kernel (`cargo xtask bench ycbcr420`).

#![allow(
    unsafe_code,
    reason = "calls of #[target_feature] functions after detection"
)]

pub(crate) mod ycbcr;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod ycbcr_avx2;
