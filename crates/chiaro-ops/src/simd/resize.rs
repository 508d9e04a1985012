//! Run-time selection of the resampling kernels of [`crate::resize::kernels`].
//!
//! Each kernel has a portable build and an AVX2 build with identical results (tests
//! below compare them on random rows and windows). The 8-bit kernels are written with
//! intrinsics, in the scheme `fast_image_resize` also uses: `_mm256_madd_epi16`
//! multiplies pairs of 16-bit samples by pairs of 16-bit weights and adds each pair into
//! a 32-bit lane. The horizontal pass takes four taps of one output pixel per
//! instruction (one byte shuffle puts the same channel of two neighbouring pixels side
//! by side, widened to 16 bits); the vertical pass interleaves two rows and takes 32
//! columns per iteration.
//! Integer sums do not depend on their order, so the AVX2 builds equal the portable
//! ones exactly. The float kernels are the portable source compiled again with AVX2
//! enabled; they add in the same order (no fused multiply-add), so they are identical
//! too.
//!
//! The unsafe operations are calling a `#[target_feature]` function, which is sound
//! exactly when the CPU supports the feature (each call sits directly under the
//! check), and the vertical kernels' cache prefetches, which cannot fault.
//! Without `std` there is no run-time detection and the portable build runs.

use crate::resize::kernels;
use crate::resize::weights::{FixedWindows, FloatWindows};

/// Declares each kernel with its portable build and generates its dispatcher, which
/// calls the AVX2 build in [`avx2`] when the CPU has AVX2, and (in tests) the `Avx2`
/// methods that call the AVX2 builds directly.
macro_rules! dispatch {
    ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $portable:path; )+) => {
        $(
            #[inline]
            pub(crate) fn $name($($arg: $ty),*) {
                #[cfg(all(feature = "std", target_arch = "x86_64"))]
                if std::arch::is_x86_feature_detected!("avx2") {
                    // SAFETY: the CPU supports AVX2, as detected on the line above,
                    // which is the only requirement of calling a
                    // `#[target_feature(enable = "avx2")]` function; its body is safe
                    // code.
                    return unsafe { avx2::$name($($arg),*) };
                }
                $portable($($arg),*)
            }
        )+

        /// Proof that the CPU has AVX2, for tests that compare the AVX2 builds with
        /// the portable ones.
        #[cfg(all(test, feature = "std", target_arch = "x86_64"))]
        pub(crate) struct Avx2(());

        #[cfg(all(test, feature = "std", target_arch = "x86_64"))]
        impl Avx2 {
            /// `Some` exactly when the CPU has AVX2.
            pub(crate) fn detect() -> Option<Self> {
                std::arch::is_x86_feature_detected!("avx2").then_some(Self(()))
            }

            $(
                pub(crate) fn $name(&self, $($arg: $ty),*) {
                    // SAFETY: an `Avx2` is only constructed by `detect`, after AVX2
                    // was detected.
                    unsafe { avx2::$name($($arg),*) }
                }
            )+
        }
    };
}

dispatch! {
    fn h_u8_3(src: &[u8], w: &FixedWindows, out: &mut [i16]) => kernels::h_u8::<3>;
    fn h_u8_4(src: &[u8], w: &FixedWindows, out: &mut [i16]) => kernels::h_u8::<4>;
    fn h_u8_3_x4(src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) => h_u8_x4_portable::<3>;
    fn h_u8_4_x4(src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) => h_u8_x4_portable::<4>;
    fn v_u8(src: &[i16], stride: usize, start: usize, weights: &[i16], out: &mut [u8])
        => kernels::v_u8;
    fn v_u8_i16(src: &[u8], stride: usize, start: usize, weights: &[i16], out: &mut [i16])
        => kernels::v_u8_i16;
    fn h_i16_u8_3(src: &[i16], w: &FixedWindows, out: &mut [u8]) => kernels::h_i16_u8::<3>;
    fn h_i16_u8_4(src: &[i16], w: &FixedWindows, out: &mut [u8]) => kernels::h_i16_u8::<4>;
    fn h_i16_u8_3_x4(src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4])
        => h_i16_u8_x4_portable::<3>;
    fn h_i16_u8_4_x4(src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4])
        => h_i16_u8_x4_portable::<4>;
    fn h_f32_1(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<1>;
    fn h_f32_2(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<2>;
    fn h_f32_3(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<3>;
    fn h_f32_4(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<4>;
    fn v_f32(src: &[f32], stride: usize, start: usize, weights: &[f32], out: &mut [f32])
        => kernels::v_f32;
}

/// The horizontal 8-bit kernel for `ch` channels (1 to 4). One and two channels use
/// the portable build.
pub(crate) fn h_u8(ch: usize, src: &[u8], w: &FixedWindows, out: &mut [i16]) {
    match ch {
        1 => kernels::h_u8::<1>(src, w, out),
        2 => kernels::h_u8::<2>(src, w, out),
        3 => h_u8_3(src, w, out),
        _ => h_u8_4(src, w, out),
    }
}

/// Four rows of [`kernels::h_u8`], one after the other.
fn h_u8_x4_portable<const CH: usize>(src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) {
    for (s, o) in src.into_iter().zip(out) {
        kernels::h_u8::<CH>(s, w, o);
    }
}

/// The horizontal 8-bit kernel over four rows at once (sharing the weights), for `ch`
/// channels; the result is that of [`h_u8`] on each row.
pub(crate) fn h_u8_x4(ch: usize, src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) {
    match ch {
        3 => h_u8_3_x4(src, w, out),
        4 => h_u8_4_x4(src, w, out),
        _ => {
            for (s, o) in src.into_iter().zip(out) {
                h_u8(ch, s, w, o);
            }
        }
    }
}

/// The second-pass horizontal 8-bit kernel (after a vertical first pass) for `ch`
/// channels (1 to 4). One and two channels use the portable build.
pub(crate) fn h_i16_u8(ch: usize, src: &[i16], w: &FixedWindows, out: &mut [u8]) {
    match ch {
        1 => kernels::h_i16_u8::<1>(src, w, out),
        2 => kernels::h_i16_u8::<2>(src, w, out),
        3 => h_i16_u8_3(src, w, out),
        _ => h_i16_u8_4(src, w, out),
    }
}

/// Four rows of [`kernels::h_i16_u8`], one after the other.
fn h_i16_u8_x4_portable<const CH: usize>(src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4]) {
    for (s, o) in src.into_iter().zip(out) {
        kernels::h_i16_u8::<CH>(s, w, o);
    }
}

/// [`h_i16_u8`] over four rows at once.
pub(crate) fn h_i16_u8_x4(ch: usize, src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4]) {
    match ch {
        3 => h_i16_u8_3_x4(src, w, out),
        4 => h_i16_u8_4_x4(src, w, out),
        _ => {
            for (s, o) in src.into_iter().zip(out) {
                h_i16_u8(ch, s, w, o);
            }
        }
    }
}

/// The horizontal float kernel for `ch` channels (1 to 4).
pub(crate) fn h_f32(ch: usize, src: &[f32], w: &FloatWindows, out: &mut [f32]) {
    match ch {
        1 => h_f32_1(src, w, out),
        2 => h_f32_2(src, w, out),
        3 => h_f32_3(src, w, out),
        _ => h_f32_4(src, w, out),
    }
}

/// AVX2 builds. Safe code but for `prefetch`: inside a
/// `#[target_feature(enable = "avx2")]` function the value intrinsics are safe to call;
/// loads and stores go through `bytemuck` casts of fixed-size arrays taken from slices.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
mod avx2 {
    use core::arch::x86_64::{
        __m128i, __m256i, _MM_HINT_T0, _mm_add_epi32, _mm_packs_epi32, _mm_packus_epi16,
        _mm_prefetch, _mm_set1_epi32, _mm_srai_epi32, _mm256_add_epi32,
        _mm256_broadcastsi128_si256, _mm256_castsi256_si128, _mm256_extracti128_si256,
        _mm256_madd_epi16, _mm256_packs_epi32, _mm256_packus_epi16, _mm256_permute2x128_si256,
        _mm256_permute4x64_epi64, _mm256_set_m128i, _mm256_set1_epi32, _mm256_setr_epi8,
        _mm256_setzero_si256, _mm256_shuffle_epi8, _mm256_srai_epi32, _mm256_unpackhi_epi8,
        _mm256_unpackhi_epi16, _mm256_unpacklo_epi8, _mm256_unpacklo_epi16,
    };

    use crate::resize::kernels::{self, H_SHIFT, V_SHIFT};
    use crate::resize::weights::{FixedWindows, FloatWindows};

    #[expect(clippy::cast_possible_wrap, reason = "small shift counts")]
    const H_IMM: i32 = H_SHIFT as i32;
    #[expect(clippy::cast_possible_wrap, reason = "small shift counts")]
    const V_IMM: i32 = V_SHIFT as i32;

    #[inline(always)]
    fn load16(s: &[u8]) -> __m128i {
        let a: [u8; 16] = s[..16].try_into().expect("16 bytes");
        bytemuck::cast(a)
    }

    #[inline(always)]
    fn load_u8x32(s: &[u8]) -> __m256i {
        let a: [u8; 32] = s[..32].try_into().expect("32 bytes");
        bytemuck::cast(a)
    }

    #[inline(always)]
    fn load_i16x8(s: &[i16]) -> __m128i {
        let a: [i16; 8] = s[..8].try_into().expect("8 values");
        bytemuck::cast(a)
    }

    #[inline(always)]
    fn load_i16x16(s: &[i16]) -> __m256i {
        let a: [i16; 16] = s[..16].try_into().expect("16 values");
        bytemuck::cast(a)
    }

    /// Horizontal pass, four channels.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_u8_4(src: &[u8], w: &FixedWindows, out: &mut [i16]) {
        // Taps 0,1 in the low half and 2,3 in the high half: the same channel of two
        // neighbouring pixels side by side, widened to 16 bits by the zero bytes.
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, -1, 4, -1, 1, -1, 5, -1, 2, -1, 6, -1, 3, -1, 7, -1,
            8, -1, 12, -1, 9, -1, 13, -1, 10, -1, 14, -1, 11, -1, 15, -1,
        );
        h_u8_n::<4>(src, w, out, shuffle);
    }

    /// Horizontal pass, three channels: as four, with the fourth lane zero.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_u8_3(src: &[u8], w: &FixedWindows, out: &mut [i16]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, -1, 3, -1, 1, -1, 4, -1, 2, -1, 5, -1, -1, -1, -1, -1,
            6, -1, 9, -1, 7, -1, 10, -1, 8, -1, 11, -1, -1, -1, -1, -1,
        );
        h_u8_n::<3>(src, w, out, shuffle);
    }

    /// Four taps per step: sixteen bytes (four pixels and more) broadcast to both
    /// halves, one byte shuffle that pairs and widens them, one `madd` with the spread
    /// weights (see [`FixedWindows::spread`]), which leaves one 32-bit sum per channel
    /// and half.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn h_u8_n<const CH: usize>(src: &[u8], w: &FixedWindows, out: &mut [i16], shuffle: __m256i) {
        let round = _mm_set1_epi32(1 << (H_SHIFT - 1));
        for (i, o) in out.chunks_exact_mut(CH).enumerate() {
            let start = w.starts[i] as usize * CH;
            let weights = w.spread_of(i);
            let groups = weights.len() / 16;
            // Four taps read 16 bytes, which for three channels runs 4 bytes past the
            // window: the caller's padding holds them.
            let px = &src[start..start + groups * 4 * CH + 16 - 4 * CH];
            let mut acc = _mm256_setzero_si256();
            for (g, k) in weights.chunks_exact(16).enumerate() {
                let p = _mm256_broadcastsi128_si256(load16(&px[g * 4 * CH..]));
                let p = _mm256_shuffle_epi8(p, shuffle);
                acc = _mm256_add_epi32(acc, _mm256_madd_epi16(p, load_i16x16(k)));
            }
            let s = _mm_add_epi32(
                _mm256_castsi256_si128(acc),
                _mm256_extracti128_si256::<1>(acc),
            );
            let s = _mm_srai_epi32::<H_IMM>(_mm_add_epi32(s, round));
            let v: [i16; 8] = bytemuck::cast(_mm_packs_epi32(s, s));
            o.copy_from_slice(&v[..CH]);
        }
    }

    /// Four rows of [`h_u8_4`] at once.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_u8_4_x4(src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, -1, 4, -1, 1, -1, 5, -1, 2, -1, 6, -1, 3, -1, 7, -1,
            8, -1, 12, -1, 9, -1, 13, -1, 10, -1, 14, -1, 11, -1, 15, -1,
        );
        h_u8_n_x4::<4>(src, w, out, shuffle);
    }

    /// Four rows of [`h_u8_3`] at once.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_u8_3_x4(src: [&[u8]; 4], w: &FixedWindows, out: [&mut [i16]; 4]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, -1, 3, -1, 1, -1, 4, -1, 2, -1, 5, -1, -1, -1, -1, -1,
            6, -1, 9, -1, 7, -1, 10, -1, 8, -1, 11, -1, -1, -1, -1, -1,
        );
        h_u8_n_x4::<3>(src, w, out, shuffle);
    }

    /// [`h_u8_n`] over four rows: each group of weights is loaded once for the four,
    /// and the four sums are reduced and narrowed together.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn h_u8_n_x4<const CH: usize>(
        src: [&[u8]; 4],
        w: &FixedWindows,
        out: [&mut [i16]; 4],
        shuffle: __m256i,
    ) {
        let round = _mm256_set1_epi32(1 << (H_SHIFT - 1));
        let [o0, o1, o2, o3] = out;
        let n = o0.len() / CH;
        for i in 0..n {
            let start = w.starts[i] as usize * CH;
            let weights = w.spread_of(i);
            let groups = weights.len() / 16;
            let end = start + groups * 4 * CH + 16 - 4 * CH;
            let px = [
                &src[0][start..end],
                &src[1][start..end],
                &src[2][start..end],
                &src[3][start..end],
            ];
            let mut acc = [_mm256_setzero_si256(); 4];
            for (g, k) in weights.chunks_exact(16).enumerate() {
                let k = load_i16x16(k);
                for r in 0..4 {
                    let p = _mm256_broadcastsi128_si256(load16(&px[r][g * 4 * CH..]));
                    let p = _mm256_shuffle_epi8(p, shuffle);
                    acc[r] = _mm256_add_epi32(acc[r], _mm256_madd_epi16(p, k));
                }
            }
            // [row 0 | row 1] and [row 2 | row 3], each the sum of its two halves.
            let s01 = _mm256_add_epi32(
                _mm256_permute2x128_si256::<0x20>(acc[0], acc[1]),
                _mm256_permute2x128_si256::<0x31>(acc[0], acc[1]),
            );
            let s23 = _mm256_add_epi32(
                _mm256_permute2x128_si256::<0x20>(acc[2], acc[3]),
                _mm256_permute2x128_si256::<0x31>(acc[2], acc[3]),
            );
            let s01 = _mm256_srai_epi32::<H_IMM>(_mm256_add_epi32(s01, round));
            let s23 = _mm256_srai_epi32::<H_IMM>(_mm256_add_epi32(s23, round));
            // Lanes: [row 0, row 2 | row 1, row 3], four values each.
            let v: [i16; 16] = bytemuck::cast(_mm256_packs_epi32(s01, s23));
            let at = i * CH;
            o0[at..at + CH].copy_from_slice(&v[0..CH]);
            o2[at..at + CH].copy_from_slice(&v[4..4 + CH]);
            o1[at..at + CH].copy_from_slice(&v[8..8 + CH]);
            o3[at..at + CH].copy_from_slice(&v[12..12 + CH]);
        }
    }

    /// How far ahead of the columns in hand the vertical kernels ask for each row's
    /// data, in bytes. A vertical window reads one cache line from each of up to
    /// hundreds of rows per step, more streams than the hardware prefetcher follows;
    /// asking eight lines ahead lets the loads of different rows overlap.
    const AHEAD: usize = 512;

    /// Asks the CPU to start loading the cache line that holds `src[at]`. It changes
    /// nothing but the cache, and needs no bounds check: an address past the end is
    /// only a wasted hint.
    #[inline(always)]
    fn prefetch<T>(src: &[T], at: usize) {
        let p = src.as_ptr().wrapping_add(at);
        // SAFETY: a prefetch is a hint that reads nothing into the program and cannot
        // fault, whatever the address; `wrapping_add` makes no claim about it either.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast()) }
    }

    /// Two weights as one 32-bit lane for `madd`: `k0` low, `k1` high.
    #[inline(always)]
    fn pair(k0: i16, k1: i16) -> i32 {
        (i32::from(k1) << 16) | i32::from(k0.cast_unsigned())
    }

    /// The weights of a vertical window as `madd` pairs broadcast to every lane,
    /// formed once per output row.
    struct WeightPairs {
        /// The first `n` are used; an odd last weight is paired with zero.
        pairs: [__m256i; 128],
        n: usize,
        /// Whether the window has an odd number of rows.
        odd: bool,
    }

    impl WeightPairs {
        #[target_feature(enable = "avx2")]
        #[inline]
        fn new(weights: &[i16]) -> Self {
            // `MAX_TAPS` bounds the window; longer ones never reach these kernels.
            debug_assert!(
                weights.len() <= 256,
                "windows longer than MAX_TAPS use the float path"
            );
            let mut pairs = [_mm256_setzero_si256(); 128];
            for (p, k) in pairs.iter_mut().zip(weights.chunks(2)) {
                *p = _mm256_set1_epi32(pair(k[0], k.get(1).copied().unwrap_or(0)));
            }
            Self {
                pairs,
                n: weights.len().div_ceil(2).min(128),
                odd: weights.len() % 2 == 1,
            }
        }
    }

    /// Walks a vertical window two rows at a time: `f(row k, row k + 1, weights)` with
    /// `L` elements of each row from offset `at` (row `start` of the window, at the
    /// column in hand), the weight pair broadcast to every lane. An odd last row is
    /// paired with itself at weight zero. Each row's data [`AHEAD`] bytes on is
    /// prefetched.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn each_row_pair<T, const L: usize>(
        src: &[T],
        stride: usize,
        at: usize,
        w: &WeightPairs,
        mut f: impl FnMut(&[T; L], &[T; L], __m256i),
    ) {
        let ahead = AHEAD / core::mem::size_of::<T>();
        let row = |o: usize| -> &[T; L] { src[o..o + L].try_into().expect("L elements") };
        let full = w.n - usize::from(w.odd);
        let mut o = at;
        for &kv in &w.pairs[..full] {
            prefetch(src, o + ahead);
            prefetch(src, o + stride + ahead);
            f(row(o), row(o + stride), kv);
            o += 2 * stride;
        }
        if w.odd {
            prefetch(src, o + ahead);
            let r = row(o);
            f(r, r, w.pairs[full]);
        }
    }

    /// Vertical pass: 32 columns per step, two rows per `madd`.
    #[target_feature(enable = "avx2")]
    pub(super) fn v_u8(src: &[i16], stride: usize, start: usize, weights: &[i16], out: &mut [u8]) {
        let width = out.len();
        let round = _mm256_set1_epi32(1 << (V_SHIFT - 1));
        let pairs = WeightPairs::new(weights);
        let mut x = 0;
        while x + 32 <= width {
            let mut acc = [_mm256_setzero_si256(); 4];
            each_row_pair::<i16, 32>(src, stride, start * stride + x, &pairs, |r0, r1, kv| {
                for h in 0..2 {
                    let p = load_i16x16(&r0[h * 16..]);
                    let q = load_i16x16(&r1[h * 16..]);
                    acc[2 * h] = _mm256_add_epi32(
                        acc[2 * h],
                        _mm256_madd_epi16(_mm256_unpacklo_epi16(p, q), kv),
                    );
                    acc[2 * h + 1] = _mm256_add_epi32(
                        acc[2 * h + 1],
                        _mm256_madd_epi16(_mm256_unpackhi_epi16(p, q), kv),
                    );
                }
            });
            let s = acc.map(|a| _mm256_srai_epi32::<V_IMM>(_mm256_add_epi32(a, round)));
            // Unpacking and packing both work within 128-bit lanes, so the columns come
            // back in order up to one final 64-bit permutation.
            let lo = _mm256_packs_epi32(s[0], s[1]);
            let hi = _mm256_packs_epi32(s[2], s[3]);
            let b = _mm256_permute4x64_epi64::<0b11_01_10_00>(_mm256_packus_epi16(lo, hi));
            let b: [u8; 32] = bytemuck::cast(b);
            out[x..x + 32].copy_from_slice(&b);
            x += 32;
        }
        if x < width {
            kernels::v_u8(&src[x..], stride, start, weights, &mut out[x..]);
        }
    }

    /// Vertical pass first: 64 columns of `u8` per step, two rows per `madd`. The two
    /// rows' bytes are interleaved, then widened with zeros into `[row k, row k + 1]`
    /// pairs of 16-bit values. The weight pairs are formed once per row of output.
    #[target_feature(enable = "avx2")]
    pub(super) fn v_u8_i16(
        src: &[u8],
        stride: usize,
        start: usize,
        weights: &[i16],
        out: &mut [i16],
    ) {
        let width = out.len();
        let round = _mm256_set1_epi32(1 << (H_SHIFT - 1));
        let zero = _mm256_setzero_si256();
        let pairs = WeightPairs::new(weights);
        let mut x = 0;
        while x + 64 <= width {
            let mut acc = [_mm256_setzero_si256(); 8];
            each_row_pair::<u8, 64>(src, stride, start * stride + x, &pairs, |r0, r1, kv| {
                for h in 0..2 {
                    let a = load_u8x32(&r0[32 * h..]);
                    let b = load_u8x32(&r1[32 * h..]);
                    let lo = _mm256_unpacklo_epi8(a, b);
                    let hi = _mm256_unpackhi_epi8(a, b);
                    let p = [
                        _mm256_unpacklo_epi8(lo, zero),
                        _mm256_unpackhi_epi8(lo, zero),
                        _mm256_unpacklo_epi8(hi, zero),
                        _mm256_unpackhi_epi8(hi, zero),
                    ];
                    for (j, p) in p.into_iter().enumerate() {
                        acc[4 * h + j] = _mm256_add_epi32(acc[4 * h + j], _mm256_madd_epi16(p, kv));
                    }
                }
            });
            let s = acc.map(|a| _mm256_srai_epi32::<H_IMM>(_mm256_add_epi32(a, round)));
            for h in 0..2 {
                // Lanes hold columns [0..4 | 16..20], [4..8 | 20..24], [8..12 | 24..28],
                // [12..16 | 28..32]; packing pairs them, the 128-bit permutes order them.
                let x01 = _mm256_packs_epi32(s[4 * h], s[4 * h + 1]);
                let x23 = _mm256_packs_epi32(s[4 * h + 2], s[4 * h + 3]);
                let first: [i16; 16] = bytemuck::cast(_mm256_permute2x128_si256::<0x20>(x01, x23));
                let second: [i16; 16] = bytemuck::cast(_mm256_permute2x128_si256::<0x31>(x01, x23));
                let at = x + 32 * h;
                out[at..at + 16].copy_from_slice(&first);
                out[at + 16..at + 32].copy_from_slice(&second);
            }
            x += 64;
        }
        if x < width {
            kernels::v_u8_i16(&src[x..], stride, start, weights, &mut out[x..]);
        }
    }

    /// Horizontal pass second, four channels: four `i16` pixels are 32 bytes, two per
    /// 128-bit half, so one in-lane shuffle pairs the taps.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_i16_u8_4(src: &[i16], w: &FixedWindows, out: &mut [u8]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
            0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
        );
        h_i16_u8_n::<4>(src, w, out, shuffle);
    }

    /// Horizontal pass second, three channels: pixels 0,1 and 2,3 loaded into the two
    /// halves separately (12 bytes each), the fourth lane zero.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_i16_u8_3(src: &[i16], w: &FixedWindows, out: &mut [u8]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11, -1, -1, -1, -1,
            0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11, -1, -1, -1, -1,
        );
        h_i16_u8_n::<3>(src, w, out, shuffle);
    }

    #[target_feature(enable = "avx2")]
    #[inline]
    fn h_i16_u8_n<const CH: usize>(
        src: &[i16],
        w: &FixedWindows,
        out: &mut [u8],
        shuffle: __m256i,
    ) {
        let round = _mm_set1_epi32(1 << (V_SHIFT - 1));
        for (i, o) in out.chunks_exact_mut(CH).enumerate() {
            let start = w.starts[i] as usize * CH;
            let weights = w.spread_of(i);
            let groups = weights.len() / 16;
            // Each half reads 8 values: for three channels 2 past the two pixels.
            let px = &src[start..start + groups * 4 * CH + 8 - 2 * CH];
            let mut acc = _mm256_setzero_si256();
            for (g, k) in weights.chunks_exact(16).enumerate() {
                let base = g * 4 * CH;
                let lo = load_i16x8(&px[base..]);
                let hi = load_i16x8(&px[base + 2 * CH..]);
                let p = _mm256_shuffle_epi8(_mm256_set_m128i(hi, lo), shuffle);
                acc = _mm256_add_epi32(acc, _mm256_madd_epi16(p, load_i16x16(k)));
            }
            let s = _mm_add_epi32(
                _mm256_castsi256_si128(acc),
                _mm256_extracti128_si256::<1>(acc),
            );
            let s = _mm_srai_epi32::<V_IMM>(_mm_add_epi32(s, round));
            let s = _mm_packs_epi32(s, s);
            let v: [u8; 16] = bytemuck::cast(_mm_packus_epi16(s, s));
            o.copy_from_slice(&v[..CH]);
        }
    }

    /// Four rows of [`h_i16_u8_4`] at once.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_i16_u8_4_x4(src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
            0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
        );
        h_i16_u8_n_x4::<4>(src, w, out, shuffle);
    }

    /// Four rows of [`h_i16_u8_3`] at once.
    #[target_feature(enable = "avx2")]
    pub(super) fn h_i16_u8_3_x4(src: [&[i16]; 4], w: &FixedWindows, out: [&mut [u8]; 4]) {
        #[rustfmt::skip]
        let shuffle = _mm256_setr_epi8(
            0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11, -1, -1, -1, -1,
            0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11, -1, -1, -1, -1,
        );
        h_i16_u8_n_x4::<3>(src, w, out, shuffle);
    }

    /// [`h_i16_u8_n`] over four rows, sharing each group's weights.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn h_i16_u8_n_x4<const CH: usize>(
        src: [&[i16]; 4],
        w: &FixedWindows,
        out: [&mut [u8]; 4],
        shuffle: __m256i,
    ) {
        let round = _mm256_set1_epi32(1 << (V_SHIFT - 1));
        let [o0, o1, o2, o3] = out;
        let n = o0.len() / CH;
        for i in 0..n {
            let start = w.starts[i] as usize * CH;
            let weights = w.spread_of(i);
            let groups = weights.len() / 16;
            let end = start + groups * 4 * CH + 8 - 2 * CH;
            let px = [
                &src[0][start..end],
                &src[1][start..end],
                &src[2][start..end],
                &src[3][start..end],
            ];
            let mut acc = [_mm256_setzero_si256(); 4];
            for (g, k) in weights.chunks_exact(16).enumerate() {
                let k = load_i16x16(k);
                let base = g * 4 * CH;
                for r in 0..4 {
                    let lo = load_i16x8(&px[r][base..]);
                    let hi = load_i16x8(&px[r][base + 2 * CH..]);
                    let p = _mm256_shuffle_epi8(_mm256_set_m128i(hi, lo), shuffle);
                    acc[r] = _mm256_add_epi32(acc[r], _mm256_madd_epi16(p, k));
                }
            }
            let s01 = _mm256_add_epi32(
                _mm256_permute2x128_si256::<0x20>(acc[0], acc[1]),
                _mm256_permute2x128_si256::<0x31>(acc[0], acc[1]),
            );
            let s23 = _mm256_add_epi32(
                _mm256_permute2x128_si256::<0x20>(acc[2], acc[3]),
                _mm256_permute2x128_si256::<0x31>(acc[2], acc[3]),
            );
            let s01 = _mm256_srai_epi32::<V_IMM>(_mm256_add_epi32(s01, round));
            let s23 = _mm256_srai_epi32::<V_IMM>(_mm256_add_epi32(s23, round));
            // i16 lanes [row 0, row 2 | row 1, row 3]; bytes likewise, twice.
            let p = _mm256_packs_epi32(s01, s23);
            let v: [u8; 32] = bytemuck::cast(_mm256_packus_epi16(p, p));
            let at = i * CH;
            o0[at..at + CH].copy_from_slice(&v[0..CH]);
            o2[at..at + CH].copy_from_slice(&v[4..4 + CH]);
            o1[at..at + CH].copy_from_slice(&v[16..16 + CH]);
            o3[at..at + CH].copy_from_slice(&v[20..20 + CH]);
        }
    }

    /// The portable float kernels, compiled again with AVX2 enabled.
    macro_rules! recompiled {
        ($( fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $portable:path; )+) => {$(
            #[target_feature(enable = "avx2")]
            pub(super) fn $name($($arg: $ty),*) {
                $portable($($arg),*)
            }
        )+};
    }

    recompiled! {
        fn h_f32_1(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<1>;
        fn h_f32_2(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<2>;
        fn h_f32_3(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<3>;
        fn h_f32_4(src: &[f32], w: &FloatWindows, out: &mut [f32]) => kernels::h_f32::<4>;
        fn v_f32(src: &[f32], stride: usize, start: usize, weights: &[f32], out: &mut [f32])
            => kernels::v_f32;
    }
}

#[cfg(all(test, feature = "std", target_arch = "x86_64"))]
mod tests {
    use alloc::vec::Vec;

    use super::*;
    use crate::resize::Filter;
    use crate::resize::weights::Windows;

    /// A small xorshift generator, so the test data is fixed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn byte(&mut self) -> u8 {
            self.next().to_le_bytes()[0]
        }
    }

    const FILTERS: [Filter; 5] = [
        Filter::Box,
        Filter::Bilinear,
        Filter::CatmullRom,
        Filter::Mitchell,
        Filter::Lanczos3,
    ];

    #[test]
    fn avx2_kernels_equal_the_portable_ones() {
        let Some(avx2) = Avx2::detect() else { return };
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for filter in FILTERS {
            for (a, b) in [(97, 13), (13, 97), (64, 64), (300, 101), (5, 1), (1, 7)] {
                let fw = FixedWindows::new(&Windows::new(a, b, filter), 4);
                for ch in [3, 4] {
                    let n = (a as usize + fw.stride + 8) * ch;
                    let mut src: Vec<u8> = (0..n).map(|_| rng.byte()).collect();
                    src[a as usize * ch..].fill(0);
                    let mut p = alloc::vec![0_i16; b as usize * ch];
                    let mut q = p.clone();
                    if ch == 3 {
                        kernels::h_u8::<3>(&src, &fw, &mut p);
                        avx2.h_u8_3(&src, &fw, &mut q);
                    } else {
                        kernels::h_u8::<4>(&src, &fw, &mut p);
                        avx2.h_u8_4(&src, &fw, &mut q);
                    }
                    assert_eq!(p, q, "{filter:?} {a}->{b} ×{ch}");
                }
                // Four rows at once equal four single rows.
                for ch in [3, 4] {
                    let n = (a as usize + fw.stride + 8) * ch;
                    let rows: Vec<Vec<u8>> = (0..4)
                        .map(|_| {
                            let mut r: Vec<u8> = (0..n).map(|_| rng.byte()).collect();
                            r[a as usize * ch..].fill(0);
                            r
                        })
                        .collect();
                    let mut p = alloc::vec![alloc::vec![0_i16; b as usize * ch]; 4];
                    let mut q = p.clone();
                    for (r, o) in rows.iter().zip(&mut p) {
                        if ch == 3 {
                            kernels::h_u8::<3>(r, &fw, o);
                        } else {
                            kernels::h_u8::<4>(r, &fw, o);
                        }
                    }
                    let src = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
                    let [q0, q1, q2, q3] = &mut q[..] else {
                        unreachable!()
                    };
                    let out = [&mut q0[..], &mut q1[..], &mut q2[..], &mut q3[..]];
                    if ch == 3 {
                        avx2.h_u8_3_x4(src, &fw, out);
                    } else {
                        avx2.h_u8_4_x4(src, &fw, out);
                    }
                    assert_eq!(p, q, "{filter:?} {a}->{b} ×{ch}, four rows");
                }
                // Vertical: `a` intermediate rows of 77 values with ringing.
                let vw = FixedWindows::new(&Windows::new(a, b, filter), 1);
                let stride = 77;
                let src: Vec<i16> = (0..a as usize * stride)
                    .map(|_| i16::from(rng.byte()) * 80 - 2000)
                    .collect();
                for i in 0..b as usize {
                    let mut p = alloc::vec![0_u8; stride];
                    let mut q = p.clone();
                    let start = vw.starts[i] as usize;
                    kernels::v_u8(&src, stride, start, vw.of(i), &mut p);
                    avx2.v_u8(&src, stride, start, vw.of(i), &mut q);
                    assert_eq!(p, q, "{filter:?} {a}->{b} row {i}");
                }
                // The other pass order: vertical from u8 rows, then horizontal from i16.
                let rows: Vec<u8> = (0..a as usize * stride).map(|_| rng.byte()).collect();
                for i in 0..b as usize {
                    let mut p = alloc::vec![0_i16; stride];
                    let mut q = p.clone();
                    let start = vw.starts[i] as usize;
                    kernels::v_u8_i16(&rows, stride, start, vw.of(i), &mut p);
                    avx2.v_u8_i16(&rows, stride, start, vw.of(i), &mut q);
                    assert_eq!(p, q, "{filter:?} {a}->{b} u8 row {i}");
                }
                for ch in [3, 4] {
                    let n = (a as usize + fw.stride + 8) * ch;
                    let mut src: Vec<i16> =
                        (0..n).map(|_| i16::from(rng.byte()) * 80 - 2000).collect();
                    src[a as usize * ch..].fill(0);
                    let mut p = alloc::vec![0_u8; b as usize * ch];
                    let mut q = p.clone();
                    if ch == 3 {
                        kernels::h_i16_u8::<3>(&src, &fw, &mut p);
                        avx2.h_i16_u8_3(&src, &fw, &mut q);
                    } else {
                        kernels::h_i16_u8::<4>(&src, &fw, &mut p);
                        avx2.h_i16_u8_4(&src, &fw, &mut q);
                    }
                    assert_eq!(p, q, "{filter:?} {a}->{b} i16 ×{ch}");
                }
                for ch in [3, 4] {
                    let n = (a as usize + fw.stride + 8) * ch;
                    let rows: Vec<Vec<i16>> = (0..4)
                        .map(|_| {
                            let mut r: Vec<i16> =
                                (0..n).map(|_| i16::from(rng.byte()) * 80 - 2000).collect();
                            r[a as usize * ch..].fill(0);
                            r
                        })
                        .collect();
                    let mut p = alloc::vec![alloc::vec![0_u8; b as usize * ch]; 4];
                    let mut q = p.clone();
                    for (r, o) in rows.iter().zip(&mut p) {
                        if ch == 3 {
                            kernels::h_i16_u8::<3>(r, &fw, o);
                        } else {
                            kernels::h_i16_u8::<4>(r, &fw, o);
                        }
                    }
                    let src = [&rows[0][..], &rows[1][..], &rows[2][..], &rows[3][..]];
                    let [q0, q1, q2, q3] = &mut q[..] else {
                        unreachable!()
                    };
                    let out = [&mut q0[..], &mut q1[..], &mut q2[..], &mut q3[..]];
                    if ch == 3 {
                        avx2.h_i16_u8_3_x4(src, &fw, out);
                    } else {
                        avx2.h_i16_u8_4_x4(src, &fw, out);
                    }
                    assert_eq!(p, q, "{filter:?} {a}->{b} i16 ×{ch}, four rows");
                }
                // Float kernels.
                let fl = FloatWindows::new(&Windows::new(a, b, filter));
                let src: Vec<f32> = (0..a as usize * 4)
                    .map(|_| f32::from(rng.byte()) / 255.0)
                    .collect();
                for ch in 1..=4 {
                    let mut p = alloc::vec![0.0_f32; b as usize * ch];
                    let mut q = p.clone();
                    match ch {
                        1 => {
                            kernels::h_f32::<1>(&src, &fl, &mut p);
                            avx2.h_f32_1(&src, &fl, &mut q);
                        }
                        2 => {
                            kernels::h_f32::<2>(&src, &fl, &mut p);
                            avx2.h_f32_2(&src, &fl, &mut q);
                        }
                        3 => {
                            kernels::h_f32::<3>(&src, &fl, &mut p);
                            avx2.h_f32_3(&src, &fl, &mut q);
                        }
                        _ => {
                            kernels::h_f32::<4>(&src, &fl, &mut p);
                            avx2.h_f32_4(&src, &fl, &mut q);
                        }
                    }
                    assert_eq!(p, q, "{filter:?} {a}->{b} f32 ×{ch}");
                }
                let mut p = alloc::vec![0.0_f32; 4];
                let mut q = p.clone();
                kernels::v_f32(&src, 4, fl.starts[0] as usize, fl.of(0), &mut p);
                avx2.v_f32(&src, 4, fl.starts[0] as usize, fl.of(0), &mut q);
                assert_eq!(p, q);
            }
        }
    }
}
