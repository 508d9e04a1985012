//! Inputs shared by chiaro's benchmarks: the synthetic images of `chiaro-testkit`, so
//! every peer in a group gets the same pixels, and the sizes the targets are stated for.

pub use chiaro_testkit::{photo_rgb8, photo_rgba8, photo_scene_rgb8, photo_scene_rgba8};

/// Side length of the large square inputs the issue-level targets are stated for.
pub const LARGE: u32 = 4096;

/// A small deterministic random source (xorshift64*), so every peer in a group draws
/// the same random shapes and every run draws the same ones.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (zero is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    /// The next value, uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let v = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40;
        v as f32 / (1u64 << 24) as f32
    }

    /// A value uniform in `[lo, hi)`.
    pub fn range(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * self.unit()
    }

    /// A byte uniform in `lo..=hi`.
    pub fn byte(&mut self, lo: u8, hi: u8) -> u8 {
        let span = f32::from(hi - lo) + 1.0;
        #[expect(
            clippy::cast_possible_truncation,
            reason = "the value lies in lo..=hi, inside u8"
        )]
        let b = (f32::from(lo) + (self.unit() * span).floor()).min(f32::from(hi)) as u8;
        b
    }
}
