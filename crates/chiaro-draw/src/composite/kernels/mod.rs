//! The fast row kernels, in a portable build and an AVX2 build with the same
//! signatures and bit-identical results. [`crate::simd::composite`] picks one at run
//! time; [`super::row`] decides which kernel a mode and coverage need.

#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub(crate) mod avx2;
pub(crate) mod portable;

#[cfg(all(test, feature = "std", target_arch = "x86_64"))]
mod tests;
