//! Colour difference: ΔE\*76, CIEDE2000 and Euclidean Oklab distance.
//!
//! | function | formula | use |
//! |---|---|---|
//! | [`delta_e_76`] | Euclidean distance in [`Lab`] | cheap; overstates differences in saturated colours |
//! | [`delta_e_2000`] | CIEDE2000 (CIE 142-2001), `kL = kC = kH = 1` | the standard perceptual difference; ≈ 1 is just noticeable |
//! | [`delta_e_ok`] | Euclidean distance in [`Oklab`] | nearly as uniform as CIEDE2000 at a fraction of the cost; ≈ 0.02 is just noticeable |
//!
//! CIEDE2000 follows Sharma, Wu and Dalal (2005), computed in `f64`, and reproduces all
//! 34 of their published test pairs to 1e-4 (`tests/delta_e.rs`), including pairs 10
//! and 14, whose hues differ by exactly 180° and so sit on the formula's hue
//! discontinuity: `libm`'s deterministic `atan2` keeps them on the `≤ 180°` side.

use crate::space::{Lab, Oklab};

/// Euclidean length of a difference.
fn norm3(d: [f32; 3]) -> f32 {
    libm::sqrtf(d[0] * d[0] + d[1] * d[1] + d[2] * d[2])
}

/// Euclidean distance in Lab (CIE 1976).
pub fn delta_e_76(a: Lab, b: Lab) -> f32 {
    norm3([a.l - b.l, a.a - b.a, a.b - b.b])
}

/// Euclidean distance in Oklab.
pub fn delta_e_ok(a: Oklab, b: Oklab) -> f32 {
    norm3([a.l - b.l, a.a - b.a, a.b - b.b])
}

/// `x⁷`, without `std`'s `powi`.
fn pow7(x: f64) -> f64 {
    let x2 = x * x;
    x2 * x2 * x2 * x
}

fn square(x: f64) -> f64 {
    x * x
}

/// CIEDE2000 colour difference with unit weights.
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub fn delta_e_2000(a: Lab, b: Lab) -> f32 {
    delta_e_2000_f64(
        [a.l, a.a, a.b].map(f64::from),
        [b.l, b.a, b.b].map(f64::from),
        [1.0; 3],
    ) as f32
}

/// CIEDE2000 colour difference with parametric weights `[kL, kC, kH]` (textiles commonly
/// use `kL = 2`).
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub fn delta_e_2000_weighted(a: Lab, b: Lab, weights: [f32; 3]) -> f32 {
    let to64 = |c: Lab| [c.l, c.a, c.b].map(f64::from);
    delta_e_2000_f64(to64(a), to64(b), weights.map(f64::from)) as f32
}

/// Hue angle in degrees in `[0, 360)`, 0 when both components are zero.
fn hue(b: f64, a: f64) -> f64 {
    if a == 0.0 && b == 0.0 {
        return 0.0;
    }
    let h = libm::atan2(b, a).to_degrees();
    if h < 0.0 { h + 360.0 } else { h }
}

/// CIEDE2000 in `f64` on `[L, a, b]` triples with weights `[kL, kC, kH]`.
pub fn delta_e_2000_f64(lab1: [f64; 3], lab2: [f64; 3], [kl, kc, kh]: [f64; 3]) -> f64 {
    const POW25_7: f64 = 6_103_515_625.0; // 25^7
    let [l1, a1, b1] = lab1;
    let [l2, a2, b2] = lab2;

    let c_bar = (libm::hypot(a1, b1) + libm::hypot(a2, b2)) / 2.0;
    let c_bar7 = pow7(c_bar);
    let g = 0.5 * (1.0 - libm::sqrt(c_bar7 / (c_bar7 + POW25_7)));
    let a1p = (1.0 + g) * a1;
    let a2p = (1.0 + g) * a2;
    let c1p = libm::hypot(a1p, b1);
    let c2p = libm::hypot(a2p, b2);
    let h1p = hue(b1, a1p);
    let h2p = hue(b2, a2p);

    let dl = l2 - l1;
    let dc = c2p - c1p;
    let chroma_product = c1p * c2p;
    let dh = if chroma_product == 0.0 {
        0.0
    } else {
        let d = h2p - h1p;
        if d.abs() <= 180.0 {
            d
        } else if d > 180.0 {
            d - 360.0
        } else {
            d + 360.0
        }
    };
    let d_big_h = 2.0 * libm::sqrt(chroma_product) * libm::sin((dh / 2.0).to_radians());

    let l_bar = (l1 + l2) / 2.0;
    let c_bar_p = (c1p + c2p) / 2.0;
    let h_bar = if chroma_product == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };

    let cos_deg = |d: f64| libm::cos(d.to_radians());
    let t = 1.0 - 0.17 * cos_deg(h_bar - 30.0)
        + 0.24 * cos_deg(2.0 * h_bar)
        + 0.32 * cos_deg(3.0 * h_bar + 6.0)
        - 0.20 * cos_deg(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * libm::exp(-square((h_bar - 275.0) / 25.0));
    let c_bar_p7 = pow7(c_bar_p);
    let r_c = 2.0 * libm::sqrt(c_bar_p7 / (c_bar_p7 + POW25_7));
    let l50 = square(l_bar - 50.0);
    let s_l = 1.0 + 0.015 * l50 / libm::sqrt(20.0 + l50);
    let s_c = 1.0 + 0.045 * c_bar_p;
    let s_h = 1.0 + 0.015 * c_bar_p * t;
    let r_t = -libm::sin((2.0 * d_theta).to_radians()) * r_c;

    let tl = dl / (kl * s_l);
    let tc = dc / (kc * s_c);
    let th = d_big_h / (kh * s_h);
    libm::sqrt(tl * tl + tc * tc + th * th + r_t * tc * th)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_colors_have_no_difference() {
        let c = Lab::new(50.0, 20.0, -30.0);
        assert_eq!(delta_e_2000(c, c), 0.0);
        assert_eq!(delta_e_76(c, c), 0.0);
        assert_eq!(
            delta_e_ok(Oklab::new(0.5, 0.1, 0.0), Oklab::new(0.5, 0.1, 0.0)),
            0.0
        );
    }

    #[test]
    fn simple_cases() {
        assert_eq!(
            delta_e_76(Lab::new(50.0, 0.0, 0.0), Lab::new(53.0, 4.0, 0.0)),
            5.0
        );
        // Greys differ in lightness only; S_L at L = 50 is 1.
        let d = delta_e_2000(Lab::new(49.0, 0.0, 0.0), Lab::new(51.0, 0.0, 0.0));
        assert!((d - 2.0).abs() < 1e-3, "{d}");
        // Symmetric.
        let (p, q) = (Lab::new(30.0, 40.0, -10.0), Lab::new(35.0, -20.0, 15.0));
        assert!((delta_e_2000(p, q) - delta_e_2000(q, p)).abs() < 1e-5);
        // Weights scale the lightness term.
        let w = delta_e_2000_weighted(
            Lab::new(49.0, 0.0, 0.0),
            Lab::new(51.0, 0.0, 0.0),
            [2.0, 1.0, 1.0],
        );
        assert!((w - 1.0).abs() < 1e-3, "{w}");
    }
}
