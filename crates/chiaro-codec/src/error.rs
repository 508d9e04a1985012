//! The one error type of the crate.

use std::borrow::Cow;
use std::{fmt, io};

use crate::Format;
use crate::limits::LimitKind;

/// Why decoding, probing or encoding failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Reading the input or writing the output failed.
    Io(io::Error),
    /// The bytes are not an image this crate reads: no known signature. `other` names the
    /// format when it is a known one this crate does not handle (GIF, WebP, …).
    UnknownFormat {
        /// The format the signature belongs to, when recognised.
        other: Option<&'static str>,
    },
    /// The input claims to be `format` but breaks its rules: a bad signature, checksum,
    /// header field or compressed stream, or it ends early.
    Malformed {
        /// The format being read.
        format: Format,
        /// What is wrong, in words.
        reason: Cow<'static, str>,
    },
    /// The input is valid but uses something this crate does not implement (arithmetic
    /// coded or 12-bit JPEG, …), or an encoder was asked for something its format
    /// cannot hold.
    Unsupported {
        /// The format concerned.
        format: Format,
        /// The feature, in words.
        feature: Cow<'static, str>,
    },
    /// The image is larger than the [`Limits`](crate::Limits) allow. Raised from the
    /// header, before any pixel buffer is allocated.
    LimitExceeded {
        /// Which limit.
        limit: LimitKind,
        /// The image's value for it (pixels, bytes, …).
        value: u64,
        /// The limit's setting.
        max: u64,
    },
    /// An argument is outside what the function accepts (JPEG quality 0, an image too
    /// large for the format, …).
    InvalidParameter(Cow<'static, str>),
}

impl Error {
    pub(crate) fn malformed(format: Format, reason: impl Into<Cow<'static, str>>) -> Self {
        Self::Malformed {
            format,
            reason: reason.into(),
        }
    }

    pub(crate) fn unsupported(format: Format, feature: impl Into<Cow<'static, str>>) -> Self {
        Self::Unsupported {
            format,
            feature: feature.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "I/O error: {e}"),
            Self::UnknownFormat { other: Some(name) } => {
                write!(f, "{name} images are not supported (only PNG and JPEG)")
            }
            Self::UnknownFormat { other: None } => {
                f.write_str("not a PNG or JPEG file: unrecognised signature")
            }
            Self::Malformed { format, reason } => write!(f, "malformed {format}: {reason}"),
            Self::Unsupported { format, feature } => {
                write!(f, "unsupported {format} feature: {feature}")
            }
            Self::LimitExceeded { limit, value, max } => write!(
                f,
                "image exceeds the {limit} limit: {value} {unit} against a limit of {max} \
                 (Limits::{field})",
                unit = limit.unit(),
                field = limit.field(),
            ),
            Self::InvalidParameter(what) => write!(f, "invalid parameter: {what}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Self::Io(e)
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_errors_name_the_limit_the_value_and_the_setting() {
        let e = Error::LimitExceeded {
            limit: LimitKind::Width,
            value: 100_000,
            max: 16_384,
        };
        assert_eq!(
            e.to_string(),
            "image exceeds the width limit: 100000 pixels against a limit of 16384 \
             (Limits::max_width)"
        );
    }
}
