//! `cargo xtask conformance`: decoder conformance suites over the shared test data
//! (PngSuite, JPEG samples, EXIF orientation set) when it is present.
//!
//! The data lives outside the repository, at `../shared/testdata` next to the
//! workspace, or wherever `CHIARO_TESTDATA` points. Without it the step is skipped, so
//! `cargo test` on its own never needs it.
//!
//! The suites are the tests in `benches/tests/codec_conformance.rs` (they compare with
//! peer decoders, which live in the benches package); this runs them with their
//! tables printed.

use std::path::PathBuf;

use crate::{cargo, run_step, workspace_root};

/// Where the shared test data is expected.
pub(crate) fn testdata_dir() -> PathBuf {
    std::env::var_os("CHIARO_TESTDATA").map_or_else(
        || workspace_root().join("../shared/testdata"),
        PathBuf::from,
    )
}

pub(crate) fn run() -> Result<(), String> {
    let dir = testdata_dir();
    println!("\n==> conformance: {}", dir.display());
    if !dir.is_dir() {
        println!("conformance: test data not found; skipped");
        return Ok(());
    }
    run_step(
        "conformance suites",
        cargo()
            .args([
                "test",
                "--package",
                "chiaro-benches",
                "--test",
                "codec_conformance",
                "--",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("CHIARO_TESTDATA", &dir),
    )
}
