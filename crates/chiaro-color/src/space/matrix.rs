//! 3×3 matrices in `f64`, built at compile time from chromaticities, so no constant
//! is typed in by hand.

/// A row-major 3×3 matrix.
pub(crate) type Mat3 = [[f64; 3]; 3];

/// `m · v`.
#[inline(always)]
pub(crate) const fn mul_vec(m: &Mat3, v: [f64; 3]) -> [f64; 3] {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

/// `a · b`.
pub(crate) const fn mul(a: &Mat3, b: &Mat3) -> Mat3 {
    let mut out = [[0.0; 3]; 3];
    let mut i = 0;
    while i < 3 {
        let mut j = 0;
        while j < 3 {
            out[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
            j += 1;
        }
        i += 1;
    }
    out
}

/// The inverse, by cofactors. The matrices inverted here are far from singular.
pub(crate) const fn invert(m: &Mat3) -> Mat3 {
    let c00 = m[1][1] * m[2][2] - m[1][2] * m[2][1];
    let c01 = m[1][2] * m[2][0] - m[1][0] * m[2][2];
    let c02 = m[1][0] * m[2][1] - m[1][1] * m[2][0];
    let det = m[0][0] * c00 + m[0][1] * c01 + m[0][2] * c02;
    let d = 1.0 / det;
    [
        [
            c00 * d,
            (m[0][2] * m[2][1] - m[0][1] * m[2][2]) * d,
            (m[0][1] * m[1][2] - m[0][2] * m[1][1]) * d,
        ],
        [
            c01 * d,
            (m[0][0] * m[2][2] - m[0][2] * m[2][0]) * d,
            (m[0][2] * m[1][0] - m[0][0] * m[1][2]) * d,
        ],
        [
            c02 * d,
            (m[0][1] * m[2][0] - m[0][0] * m[2][1]) * d,
            (m[0][0] * m[1][1] - m[0][1] * m[1][0]) * d,
        ],
    ]
}

/// `diag(v)`.
const fn diag(v: [f64; 3]) -> Mat3 {
    [[v[0], 0.0, 0.0], [0.0, v[1], 0.0], [0.0, 0.0, v[2]]]
}

/// The RGB→XYZ matrix of a colour space from its primaries' chromaticities `(x, y)` and
/// the XYZ of its white point (with Y = 1).
pub(crate) const fn rgb_to_xyz(primaries: [[f64; 2]; 3], white: [f64; 3]) -> Mat3 {
    // Columns: the XYZ of each primary at Y = 1.
    let mut m = [[0.0; 3]; 3];
    let mut i = 0;
    while i < 3 {
        let [x, y] = primaries[i];
        m[0][i] = x / y;
        m[1][i] = 1.0;
        m[2][i] = (1.0 - x - y) / y;
        i += 1;
    }
    // Scale each primary so that RGB (1, 1, 1) maps to the white point.
    let s = mul_vec(&invert(&m), white);
    mul(&m, &diag(s))
}

/// Bradford chromatic adaptation from white `from` to white `to` (XYZ, Y = 1).
pub(crate) const fn bradford(from: [f64; 3], to: [f64; 3]) -> Mat3 {
    const MA: Mat3 = [
        [0.8951, 0.2664, -0.1614],
        [-0.7502, 1.7135, 0.0367],
        [0.0389, -0.0685, 1.0296],
    ];
    let src = mul_vec(&MA, from);
    let dst = mul_vec(&MA, to);
    let scale = diag([dst[0] / src[0], dst[1] / src[1], dst[2] / src[2]]);
    mul(&invert(&MA), &mul(&scale, &MA))
}

/// Rounds a matrix to `f32`.
#[expect(
    clippy::cast_possible_truncation,
    reason = "rounding to f32 is the point"
)]
pub(crate) const fn to_f32(m: &Mat3) -> [[f32; 3]; 3] {
    [
        [m[0][0] as f32, m[0][1] as f32, m[0][2] as f32],
        [m[1][0] as f32, m[1][1] as f32, m[1][2] as f32],
        [m[2][0] as f32, m[2][1] as f32, m[2][2] as f32],
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverse_is_an_inverse() {
        let m = [[0.4, 0.3, 0.2], [0.1, 0.7, 0.05], [0.02, 0.1, 0.9]];
        let p = mul(&m, &invert(&m));
        for (i, row) in p.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                let want = if i == j { 1.0 } else { 0.0 };
                assert!((v - want).abs() < 1e-14);
            }
        }
    }
}
