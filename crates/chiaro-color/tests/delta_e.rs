//! CIEDE2000 against the 34 published test pairs of Sharma, Wu & Dalal (2005).

#![allow(
    clippy::cast_possible_truncation,
    reason = "tests take the bytes of 24-bit colour indices and round reference data on purpose"
)]

use chiaro_color::delta_e::{delta_e_2000, delta_e_2000_f64};
use chiaro_color::space::Lab;

const DATA: &str = include_str!("data/ciede2000_sharma.csv");

fn pairs() -> Vec<(u32, [f64; 3], [f64; 3], f64)> {
    let rows: Vec<_> = DATA
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("pair") && !l.trim().is_empty())
        .map(|l| {
            let v: Vec<f64> = l
                .split(',')
                .map(|f| f.trim().parse().expect("number"))
                .collect();
            (v[0] as u32, [v[1], v[2], v[3]], [v[4], v[5], v[6]], v[7])
        })
        .collect();
    assert_eq!(rows.len(), 34, "the published table has 34 pairs");
    rows
}

#[test]
fn reproduces_all_34_published_pairs_in_f64() {
    for (n, a, b, want) in pairs() {
        let got = delta_e_2000_f64(a, b, [1.0; 3]);
        assert!((got - want).abs() <= 1e-4, "pair {n}: {got:.6} vs {want}");
        let swapped = delta_e_2000_f64(b, a, [1.0; 3]);
        assert!(
            (swapped - want).abs() <= 1e-4,
            "pair {n} swapped: {swapped:.6}"
        );
    }
}

#[test]
fn reproduces_all_34_published_pairs_through_the_f32_api() {
    for (n, a, b, want) in pairs() {
        let lab = |v: [f64; 3]| Lab::new(v[0] as f32, v[1] as f32, v[2] as f32);
        let got = f64::from(delta_e_2000(lab(a), lab(b)));
        assert!((got - want).abs() <= 1e-4, "pair {n}: {got:.6} vs {want}");
    }
}
