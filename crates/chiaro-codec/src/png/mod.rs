//! PNG over the `png` crate: decoding after this crate's limit checks, and encoding.

mod decode;
mod encode;

pub(crate) use decode::decode;
pub use encode::{
    Compression, PngFilter, PngOptions, PngPixel, encode_png, encode_png_indexed, save_png,
    write_png, write_png_indexed,
};
