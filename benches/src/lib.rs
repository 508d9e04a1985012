//! Deterministic inputs shared by chiaro's benchmarks, so every peer in a group gets
//! the same pixels.

use chiaro::pixel::{Image, Rgb8, Rgba8};

/// Side length of the large square inputs the issue-level targets are stated for.
pub const LARGE: u32 = 4096;

/// A photo-like opaque RGB image: smooth gradients with a little deterministic noise,
/// so that no peer can take a constant-colour shortcut.
pub fn photo_rgb8(width: u32, height: u32) -> Image<Rgb8> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    Image::from_fn(width, height, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state & 0x0F) as u32;
        Rgb8::new(
            channel(x * 255 / width.max(1) + noise),
            channel(y * 255 / height.max(1) + noise),
            channel((x + y) * 127 / (width + height).max(1) + noise),
        )
    })
}

/// The photo with a diagonal alpha gradient (straight alpha), covering every alpha
/// value many times.
pub fn photo_rgba8(width: u32, height: u32) -> Image<Rgba8> {
    let rgb = photo_rgb8(width, height);
    let span = (width + height).max(1);
    Image::from_fn(width, height, |x, y| {
        let p = rgb.get(x, y).copied().unwrap_or_default();
        Rgba8::new(p.r, p.g, p.b, channel((x + y) * 255 / span))
    })
}

fn channel(v: u32) -> u8 {
    u8::try_from(v.min(255)).unwrap_or(u8::MAX)
}
