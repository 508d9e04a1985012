//! Arbitrary sizes, strides and bytes through every constructor that validates a
//! caller's buffer: views over bytes, sub-views, splits, conversions and indexed
//! images. Nothing may panic, and no size may allocate beyond the input.

#![no_main]

use std::hint::black_box;
use std::num::NonZeroU32;

use chiaro_pixel::{
    FromPixel, Gray8, Gray16, IndexedImage, Pixel, PremulRgba8, Rect, Rgb8, Rgba8, RgbaF32, View,
    ViewMut,
};
use libfuzzer_sys::fuzz_target;

fn word(data: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    for (i, v) in b.iter_mut().enumerate() {
        *v = data.get(at + i).copied().unwrap_or(0);
    }
    u32::from_le_bytes(b)
}

fn exercise<P: Pixel>(params: &[u8], bytes: &mut [u8])
where
    Rgba8: FromPixel<P>,
{
    let (w, h, stride) = (word(params, 0), word(params, 4), word(params, 8) as usize);
    if let Ok(view) = View::<P>::from_bytes(bytes, w, h, stride) {
        for row in view.rows() {
            black_box(row);
        }
        let rect = Rect::new(word(params, 12) as i32, word(params, 16) as i32, word(params, 20), word(params, 24));
        if let Ok(sub) = view.sub_view(rect) {
            black_box(sub.convert::<Rgba8>());
        }
        black_box(view.get(word(params, 28), word(params, 32)));
    }
    if let Ok(mut view) = ViewMut::<P>::from_bytes(bytes, w, h, stride) {
        let n = NonZeroU32::new(word(params, 36) % 64 + 1).unwrap_or(NonZeroU32::MIN);
        for mut tile in view.as_view_mut().tiles_mut(n, n) {
            tile.fill(P::default());
        }
        let _ = view.split_at_row(word(params, 40));
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 45 {
        return;
    }
    let (params, rest) = data.split_at(44);
    let mut bytes = rest.to_vec();
    match params[43] % 6 {
        0 => exercise::<Gray8>(params, &mut bytes),
        1 => exercise::<Rgb8>(params, &mut bytes),
        2 => exercise::<Rgba8>(params, &mut bytes),
        3 => exercise::<PremulRgba8>(params, &mut bytes),
        4 => exercise::<Gray16>(params, &mut bytes),
        _ => exercise::<RgbaF32>(params, &mut bytes),
    }
    // Indexed images: dimensions from the header, indices and palette from the rest.
    let palette_len = usize::from(params[42]);
    let palette: Vec<Rgba8> = (0..palette_len).map(|i| Rgba8::new(i as u8, 0, 0, 255)).collect();
    let (w, h) = (word(params, 0) % 1024, word(params, 4) % 1024);
    if let Ok(image) = IndexedImage::new(w, h, rest.to_vec(), palette) {
        black_box(image.expand());
    }
});
