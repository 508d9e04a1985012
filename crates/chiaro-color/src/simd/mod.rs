//! Run-time selection of the bulk kernels.

pub(crate) mod ycbcr;
