//! JPEG: decoding over `jpeg-decoder` after this crate's own header checks, and
//! encoding over `jpeg-encoder`.

mod decode;
mod encode;
pub(crate) mod markers;

pub(crate) use decode::decode;
pub use encode::{
    AlphaPolicy, JpegOptions, JpegPixel, Subsampling, encode_jpeg, save_jpeg, write_jpeg,
};
