//! The one EXIF field an image decoder needs: the orientation tag, read from and
//! written to a TIFF structure (what JPEG's APP1 `Exif` segment and PNG's `eXIf`
//! chunk hold).
//!
//! Reading walks only IFD0, with every offset checked against the data, so a damaged
//! or hostile block yields `None`, never a panic or an allocation.

use chiaro_pixel::Orientation;

/// The Orientation tag.
const ORIENTATION_TAG: u16 = 0x0112;
/// TIFF type SHORT (u16).
const SHORT: u16 = 3;
/// Bytes per IFD entry.
const ENTRY: usize = 12;

/// Byte order of a TIFF structure.
#[derive(Clone, Copy)]
enum Order {
    Little,
    Big,
}

impl Order {
    fn u16(self, b: &[u8], at: usize) -> Option<u16> {
        let bytes: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
        Some(match self {
            Self::Little => u16::from_le_bytes(bytes),
            Self::Big => u16::from_be_bytes(bytes),
        })
    }

    fn u32(self, b: &[u8], at: usize) -> Option<u32> {
        let bytes: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
        Some(match self {
            Self::Little => u32::from_le_bytes(bytes),
            Self::Big => u32::from_be_bytes(bytes),
        })
    }
}

/// The raw value of the Orientation tag in a TIFF structure starting at its byte-order
/// mark (`II*\0` or `MM\0*`), or `None` if the structure is damaged or has no such
/// tag. Any value is returned, valid (1–8) or not.
pub(crate) fn orientation_value(tiff: &[u8]) -> Option<u16> {
    let order = match tiff.get(..4)? {
        [b'I', b'I', 42, 0] => Order::Little,
        [b'M', b'M', 0, 42] => Order::Big,
        _ => return None,
    };
    let ifd = usize::try_from(order.u32(tiff, 4)?).ok()?;
    let count = usize::from(order.u16(tiff, ifd)?);
    (0..count).find_map(|i| {
        let entry = ifd.checked_add(2)?.checked_add(i.checked_mul(ENTRY)?)?;
        if order.u16(tiff, entry)? != ORIENTATION_TAG || order.u16(tiff, entry + 2)? != SHORT {
            return None;
        }
        // One SHORT fits in the value field, left-justified.
        order.u16(tiff, entry + 8)
    })
}

/// The orientation a TIFF structure declares; `None` when it has none, or an invalid
/// value (0, 9, …: those images are shown as stored).
pub(crate) fn orientation(tiff: &[u8]) -> Option<Orientation> {
    orientation_value(tiff).and_then(Orientation::from_exif)
}

/// A minimal little-endian TIFF structure holding only the Orientation tag, for
/// writing into a file.
pub(crate) fn with_orientation(orientation: Orientation) -> Vec<u8> {
    let mut t = Vec::with_capacity(26);
    t.extend_from_slice(b"II*\0");
    t.extend_from_slice(&8u32.to_le_bytes()); // IFD0 right after the header
    t.extend_from_slice(&1u16.to_le_bytes()); // one entry
    t.extend_from_slice(&ORIENTATION_TAG.to_le_bytes());
    t.extend_from_slice(&SHORT.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes()); // count
    t.extend_from_slice(&orientation.exif_value().to_le_bytes());
    t.extend_from_slice(&[0, 0]); // value field padding
    t.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TIFF structure with the given entries `(tag, type, value)` in IFD0.
    fn tiff(big_endian: bool, entries: &[(u16, u16, u16)]) -> Vec<u8> {
        let u16b = |v: u16| {
            if big_endian {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            }
        };
        let u32b = |v: u32| {
            if big_endian {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            }
        };
        let mut t: Vec<u8> = if big_endian {
            b"MM\0*".to_vec()
        } else {
            b"II*\0".to_vec()
        };
        t.extend_from_slice(&u32b(8));
        t.extend_from_slice(&u16b(u16::try_from(entries.len()).expect("few")));
        for &(tag, ty, value) in entries {
            t.extend_from_slice(&u16b(tag));
            t.extend_from_slice(&u16b(ty));
            t.extend_from_slice(&u32b(1));
            t.extend_from_slice(&u16b(value));
            t.extend_from_slice(&[0, 0]);
        }
        t.extend_from_slice(&u32b(0));
        t
    }

    #[test]
    fn reads_orientation_in_both_byte_orders_among_other_tags() {
        for big in [false, true] {
            let t = tiff(big, &[(0x010F, 2, 0), (0x0112, 3, 6), (0x0131, 2, 0)]);
            assert_eq!(
                orientation(&t),
                Some(Orientation::Rotate90),
                "big-endian {big}"
            );
        }
    }

    #[test]
    fn invalid_values_and_missing_tags_give_none() {
        assert_eq!(orientation(&tiff(false, &[(0x0112, 3, 0)])), None);
        assert_eq!(orientation_value(&tiff(false, &[(0x0112, 3, 9)])), Some(9));
        assert_eq!(orientation(&tiff(false, &[(0x0112, 3, 9)])), None);
        assert_eq!(orientation(&tiff(true, &[(0x0100, 3, 6)])), None);
        // Wrong type for the tag.
        assert_eq!(orientation(&tiff(false, &[(0x0112, 4, 6)])), None);
    }

    #[test]
    fn damaged_structures_give_none_without_panicking() {
        let good = tiff(false, &[(0x0112, 3, 3)]);
        for cut in 0..good.len() {
            let _ = orientation_value(&good[..cut]);
        }
        // An IFD offset and an entry count pointing far outside.
        let mut far = good.clone();
        far[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(orientation(&far), None);
        let mut many = good;
        many[8..10].copy_from_slice(&u16::MAX.to_le_bytes());
        assert_eq!(orientation(&many), Some(Orientation::Rotate180));
        assert_eq!(orientation(b"not tiff at all"), None);
    }

    #[test]
    fn written_structures_read_back() {
        for o in Orientation::ALL {
            assert_eq!(orientation(&with_orientation(o)), Some(o));
        }
    }
}
