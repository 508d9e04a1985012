//! [`Palette`]: a validated list of 1 to 256 colours, and the fixed palettes.

use alloc::vec::Vec;
use core::fmt;

use chiaro_pixel::{IndexedError, IndexedImage, Rgba8};

/// Why a list of colours, or a fixed palette's parameters, is not a valid [`Palette`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PaletteError {
    /// No colours were given.
    Empty,
    /// More than 256 colours were given.
    TooLarge {
        /// Number of colours given.
        len: usize,
    },
    /// A grayscale ramp was asked for with fewer than 2 or more than 256 levels.
    Levels {
        /// Number of levels asked for.
        levels: u16,
    },
}

impl fmt::Display for PaletteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Empty => f.write_str("palette has no colours; at least 1 is needed"),
            Self::TooLarge { len } => {
                write!(f, "palette has {len} colours; at most 256 are allowed")
            }
            Self::Levels { levels } => {
                write!(f, "grayscale ramp of {levels} levels; 2 to 256 are allowed")
            }
        }
    }
}

impl core::error::Error for PaletteError {}

/// A palette: 1 to 256 [`Rgba8`] colours, addressed by `u8` index.
///
/// # Guarantees
///
/// A palette holds at least one and at most 256 colours, so every palette index fits a
/// `u8` and every `Palette` can back an [`IndexedImage`]. Duplicates are allowed; when
/// two entries are equally near a colour, searches pick the lower index.
///
/// Entries whose alpha is 0 are *transparent entries*: a search by colour never picks
/// one for a visible pixel (unless the palette has nothing else), and pixels below the
/// alpha threshold map to the first of them (see
/// [`RemapOptions::alpha_threshold`](super::RemapOptions::alpha_threshold)).
///
/// ```
/// use chiaro_color::quantize::{Palette, PaletteError};
/// use chiaro_pixel::Rgba8;
///
/// let bw = Palette::new(vec![Rgba8::BLACK, Rgba8::WHITE])?;
/// assert_eq!(bw.len(), 2);
/// assert_eq!(Palette::new(vec![]), Err(PaletteError::Empty));
/// assert_eq!(Palette::grayscale(5)?.get(2), Some(Rgba8::new(128, 128, 128, 255)));
/// assert_eq!(Palette::web_safe().len(), 216);
/// # Ok::<(), PaletteError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Palette {
    colors: Vec<Rgba8>,
}

impl Palette {
    /// A palette of `colors`, which must hold 1 to 256 entries.
    pub fn new(colors: Vec<Rgba8>) -> Result<Self, PaletteError> {
        match colors.len() {
            0 => Err(PaletteError::Empty),
            len if len > 256 => Err(PaletteError::TooLarge { len }),
            _ => Ok(Self { colors }),
        }
    }

    /// A palette copied from `colors`, which must hold 1 to 256 entries.
    pub fn from_slice(colors: &[Rgba8]) -> Result<Self, PaletteError> {
        match colors.len() {
            0 => Err(PaletteError::Empty),
            len if len > 256 => Err(PaletteError::TooLarge { len }),
            _ => Ok(Self {
                colors: colors.to_vec(),
            }),
        }
    }

    /// An opaque gray ramp of `levels` (2 to 256) entries from black to white, evenly
    /// spaced in 8-bit sRGB values: entry `i` is `round(i · 255 / (levels − 1))`.
    ///
    /// Spacing is even in encoded values, as in GIF and PNG grayscale images, not in
    /// light. `grayscale(256)` holds every 8-bit gray.
    pub fn grayscale(levels: u16) -> Result<Self, PaletteError> {
        if !(2..=256).contains(&levels) {
            return Err(PaletteError::Levels { levels });
        }
        let steps = u32::from(levels - 1);
        let colors = (0..u32::from(levels))
            .map(|i| {
                let v = u8::try_from((i * 255 + steps / 2) / steps).unwrap_or(u8::MAX);
                Rgba8::new(v, v, v, 255)
            })
            .collect();
        Ok(Self { colors })
    }

    /// The 216-colour web-safe palette: every combination of the channel values 0, 51,
    /// 102, 153, 204 and 255, opaque, in order of red, then green, then blue (blue
    /// varying fastest), so entry `36·r + 6·g + b` has channels `51·(r, g, b)`.
    pub fn web_safe() -> Self {
        let mut colors = Vec::with_capacity(216);
        for r in 0..6u8 {
            for g in 0..6u8 {
                for b in 0..6u8 {
                    colors.push(Rgba8::new(r * 51, g * 51, b * 51, 255));
                }
            }
        }
        Self { colors }
    }

    /// Number of entries, 1 to 256.
    #[inline]
    pub fn len(&self) -> usize {
        self.colors.len()
    }

    /// Always `false`: a palette has at least one entry. Present for the usual
    /// `len`/`is_empty` pair.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.colors.is_empty()
    }

    /// The entries.
    #[inline]
    pub fn colors(&self) -> &[Rgba8] {
        &self.colors
    }

    /// The entry at `index`, or `None` past the end.
    #[inline]
    pub fn get(&self, index: u8) -> Option<Rgba8> {
        self.colors.get(usize::from(index)).copied()
    }

    /// The index of the first transparent entry (alpha 0), if any.
    pub fn transparent_index(&self) -> Option<u8> {
        let i = self.colors.iter().position(|c| c.a == 0)?;
        u8::try_from(i).ok()
    }

    /// The entries, giving up the palette.
    #[inline]
    pub fn into_vec(self) -> Vec<Rgba8> {
        self.colors
    }

    /// An indexed image of `width × height` indices over this palette; fails as
    /// [`IndexedImage::new`] does (wrong length, index past the end).
    pub fn into_indexed(
        self,
        width: u32,
        height: u32,
        indices: Vec<u8>,
    ) -> Result<IndexedImage, IndexedError> {
        IndexedImage::new(width, height, indices, self.colors)
    }
}

impl TryFrom<Vec<Rgba8>> for Palette {
    type Error = PaletteError;

    fn try_from(colors: Vec<Rgba8>) -> Result<Self, PaletteError> {
        Self::new(colors)
    }
}

impl TryFrom<&[Rgba8]> for Palette {
    type Error = PaletteError;

    fn try_from(colors: &[Rgba8]) -> Result<Self, PaletteError> {
        Self::from_slice(colors)
    }
}

impl TryFrom<&IndexedImage> for Palette {
    type Error = PaletteError;

    /// The palette of an indexed image, which may be empty (an empty image) and then
    /// fails.
    fn try_from(image: &IndexedImage) -> Result<Self, PaletteError> {
        Self::from_slice(image.palette())
    }
}

impl From<Palette> for Vec<Rgba8> {
    fn from(p: Palette) -> Self {
        p.colors
    }
}

impl AsRef<[Rgba8]> for Palette {
    fn as_ref(&self) -> &[Rgba8] {
        &self.colors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec;

    #[test]
    fn validates_length() {
        assert_eq!(Palette::new(vec![]), Err(PaletteError::Empty));
        assert_eq!(
            Palette::new(vec![Rgba8::BLACK; 257]),
            Err(PaletteError::TooLarge { len: 257 })
        );
        assert_eq!(
            Palette::from_slice(&[Rgba8::BLACK; 300]),
            Err(PaletteError::TooLarge { len: 300 })
        );
        assert_eq!(
            Palette::new(vec![Rgba8::BLACK; 256]).map(|p| p.len()),
            Ok(256)
        );
        assert_eq!(Palette::new(vec![Rgba8::WHITE]).map(|p| p.len()), Ok(1));
        assert_eq!(
            PaletteError::TooLarge { len: 257 }.to_string(),
            "palette has 257 colours; at most 256 are allowed"
        );
    }

    #[test]
    fn grayscale_ramps() {
        assert_eq!(
            Palette::grayscale(1),
            Err(PaletteError::Levels { levels: 1 })
        );
        assert_eq!(
            Palette::grayscale(257),
            Err(PaletteError::Levels { levels: 257 })
        );
        let two = Palette::grayscale(2).unwrap();
        assert_eq!(two.colors(), &[Rgba8::BLACK, Rgba8::WHITE]);
        let all = Palette::grayscale(256).unwrap();
        for (i, c) in all.colors().iter().enumerate() {
            let v = u8::try_from(i).unwrap();
            assert_eq!(*c, Rgba8::new(v, v, v, 255));
        }
        let sixteen = Palette::grayscale(16).unwrap();
        let values: Vec<u8> = sixteen.colors().iter().map(|c| c.r).collect();
        assert_eq!(values, (0..16).map(|i| i * 17).collect::<Vec<u8>>());
        // Rounded, not truncated: 255 / 3 · 1 = 85, · 2 = 170; 255 / 4 · 1 = 63.75 → 64.
        let four = Palette::grayscale(5).unwrap();
        let values: Vec<u8> = four.colors().iter().map(|c| c.g).collect();
        assert_eq!(values, [0, 64, 128, 191, 255]);
    }

    #[test]
    fn web_safe_is_the_six_level_cube() {
        let p = Palette::web_safe();
        assert_eq!(p.len(), 216);
        assert_eq!(p.get(0), Some(Rgba8::BLACK));
        assert_eq!(p.get(215), Some(Rgba8::WHITE));
        assert_eq!(p.get(36 + 12 + 3), Some(Rgba8::new(51, 102, 153, 255)));
        let mut sorted = p.clone().into_vec();
        sorted.sort_by_key(|c| (c.r, c.g, c.b));
        sorted.dedup();
        assert_eq!(sorted.len(), 216, "all distinct");
        assert!(
            p.colors()
                .iter()
                .all(|c| c.a == 255 && [c.r, c.g, c.b].iter().all(|v| v % 51 == 0))
        );
    }

    #[test]
    fn transparent_index_and_parts() {
        let p = Palette::new(vec![Rgba8::BLACK, Rgba8::TRANSPARENT, Rgba8::TRANSPARENT]).unwrap();
        assert_eq!(p.transparent_index(), Some(1));
        assert_eq!(Palette::web_safe().transparent_index(), None);
        let image = p.clone().into_indexed(2, 1, vec![0, 1]).unwrap();
        assert_eq!(Palette::try_from(&image), Ok(p.clone()));
        assert!(p.into_indexed(1, 1, vec![3]).is_err());
    }
}
