//! `cargo xtask ci`: the checks continuous integration runs, in the order that fails
//! fastest. `.ci/run` calls exactly this.

use crate::{cargo, conformance, run_step};

/// The test command the README gives; kept in one place so the two cannot drift.
pub(crate) const TEST_ARGS: &[&str] = &["test", "--workspace", "--all-features"];

pub(crate) fn run() -> Result<(), String> {
    run_step("format", cargo().args(["fmt", "--all", "--", "--check"]))?;
    run_step(
        "clippy",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    run_step("tests", cargo().args(TEST_ARGS))?;
    // Without default features chiaro-pixel is no_std + alloc and has no run-time CPU
    // detection, so this also runs every test against the portable kernels alone.
    run_step(
        "no_std build, portable kernels",
        cargo().args(["test", "--package", "chiaro-pixel", "--no-default-features"]),
    )?;
    run_step(
        "no_std build of chiaro-color",
        cargo().args([
            "check",
            "--package",
            "chiaro-color",
            "--no-default-features",
        ]),
    )?;
    // Without default features chiaro-draw is no_std + alloc, takes its maths from
    // libm and runs only the portable kernels: its tests check those alone.
    run_step(
        "no_std build of chiaro-draw, portable kernels",
        cargo().args([
            "test",
            "--package",
            "chiaro-draw",
            "--no-default-features",
            "--lib",
        ]),
    )?;
    run_step(
        "docs",
        cargo()
            .args(["doc", "--workspace", "--no-deps", "--all-features"])
            .env("RUSTDOCFLAGS", "-D warnings"),
    )?;
    conformance::run()?;
    println!("\nci: all checks passed");
    Ok(())
}
