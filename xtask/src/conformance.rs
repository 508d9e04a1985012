//! `cargo xtask conformance`: decoder conformance suites over the shared test data
//! (PngSuite, JPEG samples, EXIF orientation set) when it is present.
//!
//! The data lives outside the repository, at `../shared/testdata` next to the
//! workspace, or wherever `CHIARO_TESTDATA` points. Without it the step is skipped, so
//! `cargo test` on its own never needs it. Suites are registered here as the crates
//! that decode files arrive; until then there is nothing to run.

use std::path::PathBuf;

use crate::workspace_root;

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
    // No decoder crate exists yet, so no suite is registered.
    println!("conformance: no suites registered yet (they arrive with chiaro-codec)");
    Ok(())
}
