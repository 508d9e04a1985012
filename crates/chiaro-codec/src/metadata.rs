//! What a file says about its pixels besides the pixels.

use chiaro_pixel::Orientation;

/// Metadata read from a file. Fields a format does not carry stay empty.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Metadata {
    /// The EXIF orientation the file declares (JPEG APP1 `Exif`, PNG `eXIf`); `None`
    /// when absent or invalid (0, 9, …), which means "shown as stored".
    pub orientation: Option<Orientation>,
    /// The embedded ICC profile (JPEG APP2 chunks reassembled, PNG `iCCP`
    /// decompressed).
    pub icc_profile: Option<Vec<u8>>,
    /// The raw EXIF block, starting at its TIFF header.
    pub exif: Option<Vec<u8>>,
    /// PNG `gAMA`: the file gamma (0.45455 for an sRGB-like encoding).
    pub gamma: Option<f32>,
    /// PNG `sRGB`: the file is sRGB, with this rendering intent.
    pub srgb_intent: Option<RenderingIntent>,
    /// Pixel density or aspect (PNG `pHYs`, JPEG JFIF density).
    pub physical_size: Option<PhysicalSize>,
    /// PNG text chunks (`tEXt`, `zTXt`, `iTXt`), in file order by kind.
    pub text: Vec<TextEntry>,
    /// APNG animation control: the decoded image is the default image, whatever this
    /// says.
    pub animation: Option<Animation>,
}

/// An ICC rendering intent, as PNG's `sRGB` chunk names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RenderingIntent {
    /// Perceptual.
    Perceptual,
    /// Media-relative colorimetric.
    RelativeColorimetric,
    /// Saturation.
    Saturation,
    /// ICC-absolute colorimetric.
    AbsoluteColorimetric,
}

/// Pixels per unit along each axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PhysicalSize {
    /// Pixels per unit horizontally.
    pub x: u32,
    /// Pixels per unit vertically.
    pub y: u32,
    /// The unit.
    pub unit: PhysicalUnit,
}

impl PhysicalSize {
    /// A density in dots per inch, stored as PNG stores it (pixels per metre, rounded).
    pub fn from_dpi(dpi: f64) -> Self {
        let per_metre = (dpi / 0.0254).round().clamp(0.0, f64::from(u32::MAX));
        // In range after the clamp; `as` then only drops the (zero) fraction.
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to the u32 range and rounded"
        )]
        let v = per_metre as u32;
        Self {
            x: v,
            y: v,
            unit: PhysicalUnit::Metre,
        }
    }

    /// The horizontal and vertical density in dots per inch, when the unit allows.
    pub fn dpi(&self) -> Option<(f64, f64)> {
        let per_inch = match self.unit {
            PhysicalUnit::Metre => 0.0254,
            PhysicalUnit::Centimetre => 2.54,
            PhysicalUnit::Inch => 1.0,
            PhysicalUnit::Aspect => return None,
        };
        Some((f64::from(self.x) * per_inch, f64::from(self.y) * per_inch))
    }
}

/// The unit of a [`PhysicalSize`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhysicalUnit {
    /// No unit: the two values give only the pixel aspect ratio.
    Aspect,
    /// Per metre (PNG).
    Metre,
    /// Per centimetre (JFIF).
    Centimetre,
    /// Per inch (JFIF).
    Inch,
}

/// One text chunk.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TextEntry {
    /// The keyword ("Title", "Author", "Comment", …).
    pub keyword: String,
    /// The text.
    pub text: String,
}

impl TextEntry {
    /// A keyword and its text.
    pub fn new(keyword: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            keyword: keyword.into(),
            text: text.into(),
        }
    }
}

/// APNG animation control.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Animation {
    /// Frames in the animation.
    pub frames: u32,
    /// How many times it plays; 0 means forever.
    pub plays: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dpi_round_trips_through_pixels_per_metre() {
        let p = PhysicalSize::from_dpi(300.0);
        assert_eq!(p.x, 11_811);
        let (x, y) = p.dpi().expect("metres");
        assert!((x - 300.0).abs() < 0.01 && (y - 300.0).abs() < 0.01);
        let aspect = PhysicalSize {
            x: 1,
            y: 4,
            unit: PhysicalUnit::Aspect,
        };
        assert_eq!(aspect.dpi(), None);
    }
}
