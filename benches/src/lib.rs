//! Inputs shared by chiaro's benchmarks: the synthetic images of `chiaro-testkit`, so
//! every peer in a group gets the same pixels, and the sizes the targets are stated for.

pub use chiaro_testkit::{photo_rgb8, photo_rgba8, photo_scene_rgb8, photo_scene_rgba8};

/// Side length of the large square inputs the issue-level targets are stated for.
pub const LARGE: u32 = 4096;
