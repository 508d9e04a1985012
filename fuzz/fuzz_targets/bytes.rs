//! Reading fuzz input as numbers, shared by the drawing targets.

/// The fuzz input, consumed from the front; reads past the end give zeros.
pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    pub fn u8(&mut self) -> u8 {
        let (b, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        b
    }

    pub fn f32(&mut self) -> f32 {
        // Mostly small numbers, sometimes raw bit patterns (NaN, ±inf, huge).
        let tag = self.u8();
        let bits = u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()]);
        if tag < 200 { (bits % 20_000) as f32 / 100.0 - 50.0 } else { f32::from_bits(bits) }
    }
}
