//! Y′CbCr accuracy against a peer: chiaro's planar conversion and `yuvutils-rs`
//! (`rgb_to_yuv420`, Balanced mode, the mode `benches/color.rs` times) convert the same
//! photo-like image to BT.601 full-range 4:2:0; each luma plane is compared with the
//! exactly rounded equations ([`Spec::encode`]). The share of samples off by one is
//! printed (`cargo test -p chiaro-benches --test ycbcr_accuracy -- --nocapture`);
//! chiaro's must be lower than the peer's, below 1 %, and never off by more than one.
//!
//! Only luma is compared: both libraries average chroma blocks, but at different
//! points of their fixed-point pipelines, so there is no single exact reference for a
//! block's chroma short of choosing one library's order of operations.

use chiaro::color::ycbcr::Spec;
use chiaro::color::ycbcr::planar::{PlanesMut, Sample8, Subsampling, rgb_to_ycbcr};
use chiaro::pixel::Image;
use chiaro_benches::photo_rgb8;

/// Share of samples that differ from the exact value by one, and the largest difference.
fn errors(exact: &[u8], got: impl Iterator<Item = u8>) -> (f64, u8) {
    let (mut off, mut worst) = (0usize, 0u8);
    for (&e, g) in exact.iter().zip(got) {
        let d = e.abs_diff(g);
        off += usize::from(d == 1);
        worst = worst.max(d);
    }
    (off as f64 / exact.len() as f64, worst)
}

#[test]
fn luma_closer_to_exact_than_yuvutils() {
    let side = 512;
    let src = photo_rgb8(side, side);
    let spec = Spec::JPEG;
    let exact: Vec<u8> = src.pixels().map(|&p| spec.encode(p).y).collect();

    let (cw, ch) = Subsampling::S420.chroma_size(side, side);
    let (mut y, mut cb, mut cr) = (
        Image::<Sample8>::new(side, side),
        Image::<Sample8>::new(cw, ch),
        Image::<Sample8>::new(cw, ch),
    );
    let planes = PlanesMut {
        y: y.as_view_mut(),
        cb: cb.as_view_mut(),
        cr: cr.as_view_mut(),
    };
    rgb_to_ycbcr(src.as_view(), planes, Subsampling::S420, spec).expect("sizes");
    let ours = errors(&exact, y.pixels().map(|s| s.v));

    let mut theirs = yuvutils_rs::YuvPlanarImageMut::<u8>::alloc(
        side,
        side,
        yuvutils_rs::YuvChromaSubsampling::Yuv420,
    );
    yuvutils_rs::rgb_to_yuv420(
        &mut theirs,
        src.as_bytes(),
        side * 3,
        yuvutils_rs::YuvRange::Full,
        yuvutils_rs::YuvStandardMatrix::Bt601,
        yuvutils_rs::YuvConversionMode::Balanced,
    )
    .expect("valid planes");
    let peer = errors(&exact, theirs.y_plane.borrow().iter().copied());

    println!("luma off by one from the exact BT.601 value ({side}×{side} photo-like image):");
    println!(
        "  chiaro          {:6.2} %  (max {})",
        ours.0 * 100.0,
        ours.1
    );
    println!(
        "  yuvutils-rs     {:6.2} %  (max {})",
        peer.0 * 100.0,
        peer.1
    );
    assert!(ours.1 <= 1, "chiaro off by {}", ours.1);
    assert!(
        ours.0 < 0.01,
        "chiaro off by one in {:.2} %",
        ours.0 * 100.0
    );
    assert!(ours.0 < peer.0, "chiaro {ours:?} vs yuvutils-rs {peer:?}");
}
