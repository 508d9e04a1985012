//! `f64` logarithm, exponential and power as `const fn`, so lookup tables can be built
//! at compile time without a build script. Accurate to a few units in the last place of
//! `f64`, far below the `f32` precision the tables store; the tests compare every table
//! entry with `libm`.

const LN_2: f64 = core::f64::consts::LN_2;

/// Natural logarithm for finite `x > 0`.
pub(crate) const fn ln(x: f64) -> f64 {
    // x = m · 2^e with m in [√½, √2), from the bits (x is positive and normal here), so
    // that x near 1 takes e = 0 and nothing cancels.
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7FF) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000);
    if m > core::f64::consts::SQRT_2 {
        m /= 2.0;
        e += 1;
    }
    // ln(m) = 2 atanh(z), z = (m − 1)/(m + 1), |z| < 0.172: the series converges fast.
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let mut term = z;
    let mut sum = 0.0;
    let mut k = 1.0;
    while k < 80.0 {
        sum += term / k;
        term *= z2;
        k += 2.0;
    }
    2.0 * sum + e as f64 * LN_2
}

/// `e^x` for `|x|` below about 700.
#[expect(
    clippy::cast_possible_truncation,
    reason = "|x / ln 2| is below about 1010, far inside i64"
)]
pub(crate) const fn exp(x: f64) -> f64 {
    // x = k ln 2 + r with |r| ≤ ln 2 / 2; e^x = 2^k e^r.
    let kf = x / LN_2;
    let k = if kf >= 0.0 {
        (kf + 0.5) as i64
    } else {
        (kf - 0.5) as i64
    };
    let r = x - k as f64 * LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    let mut n = 1.0;
    while n < 30.0 {
        term *= r / n;
        sum += term;
        n += 1.0;
    }
    let scale = f64::from_bits(((k + 1023) as u64) << 52);
    sum * scale
}

/// `x^y` for `x > 0`.
pub(crate) const fn pow(x: f64, y: f64) -> f64 {
    exp(y * ln(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_libm() {
        let mut x = 1e-6;
        while x < 4.0 {
            let rel = |a: f64, b: f64| ((a - b) / b).abs();
            // pow needs ln accurate in absolute terms: its error scales exp's argument.
            let tol = 4.0 * f64::EPSILON * libm::log(x).abs().max(1.0);
            assert!((ln(x) - libm::log(x)).abs() <= tol, "ln {x}");
            assert!(rel(exp(x), libm::exp(x)) < 1e-14, "exp {x}");
            assert!(rel(pow(x, 2.4), libm::pow(x, 2.4)) < 1e-14, "pow {x}");
            assert!(
                rel(pow(x, 1.0 / 2.4), libm::pow(x, 1.0 / 2.4)) < 1e-14,
                "pow {x}"
            );
            x *= 1.013;
        }
        assert!((exp(-3.0) - libm::exp(-3.0)).abs() < 1e-16);
    }
}
