//! Plain power-law gamma, for formats and devices that use one (`v = l^(1/γ)`).

/// A power-law transfer function with exponent `γ`: `decode(v) = v^γ`,
/// `encode(l) = l^(1/γ)`. Negative values are mirrored (`decode(−v) = −decode(v)`), so
/// out-of-range data keeps its sign.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gamma {
    gamma: f32,
}

impl Gamma {
    /// The common display gamma 2.2.
    pub const G2_2: Self = Self { gamma: 2.2 };
    /// Gamma 1.8 (classic Macintosh).
    pub const G1_8: Self = Self { gamma: 1.8 };

    /// A power law with exponent `gamma`, which must be finite and positive; `None`
    /// exactly when it is not.
    pub fn new(gamma: f32) -> Option<Self> {
        (gamma.is_finite() && gamma > 0.0).then_some(Self { gamma })
    }

    /// The exponent.
    pub fn exponent(self) -> f32 {
        self.gamma
    }

    /// Encoded value to linear light: `v^γ`.
    pub fn decode(self, v: f32) -> f32 {
        libm::powf(v.abs(), self.gamma).copysign(v)
    }

    /// Linear light to encoded value: `l^(1/γ)`.
    pub fn encode(self, l: f32) -> f32 {
        libm::powf(l.abs(), 1.0 / self.gamma).copysign(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_sign() {
        let g = Gamma::G2_2;
        assert!((g.decode(0.5) - 0.217_637_64).abs() < 1e-6);
        for i in 0..=100 {
            let v = i as f32 / 100.0;
            assert!((g.encode(g.decode(v)) - v).abs() < 1e-6);
        }
        assert_eq!(g.decode(-0.5), -g.decode(0.5));
        assert!(Gamma::new(0.0).is_none() && Gamma::new(f32::NAN).is_none());
        assert_eq!(Gamma::new(2.4).map(Gamma::exponent), Some(2.4));
    }
}
