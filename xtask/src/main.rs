//! Project automation for chiaro, run as `cargo xtask <command>`.
//!
//! - `ci`: everything continuous integration checks, in order (see [`ci`](mod@ci)).
//! - `bench [FILTER] [--quick] [--both-builds]`: runs the criterion benchmarks and prints, and writes
//!   to `target/bench-report.md`, chiaro's median beside each peer's (see [`bench`](mod@bench)).
//! - `conformance`: runs the decoder conformance suites over `../shared/testdata`
//!   when that folder exists (see [`conformance`](mod@conformance)).
//! - `fuzz [--seconds N] [--target T]`: runs the cargo-fuzz targets (see
//!   [`fuzz`](mod@fuzz)).

mod bench;
mod ci;
mod conformance;
mod fuzz;
mod report;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  ci                       fmt check, clippy -D warnings, tests, no_std build + portable-kernel tests,
                           docs -D warnings,
                           conformance (when ../shared/testdata exists)
  bench [FILTER] [--quick] [--both-builds]
                           criterion benchmarks (also in an x86-64-v3 build); writes target/bench-report.md
  conformance              decoder conformance suites over ../shared/testdata
  fuzz [--seconds N] [--target T]
                           runs each cargo-fuzz target N seconds (default 60); installs cargo-fuzz
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("ci") => ci::run(),
        Some("bench") => bench::run(&args[1..]),
        Some("conformance") => conformance::run(),
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The cargo target directory, honouring `CARGO_TARGET_DIR`.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| workspace_root().join("target"), PathBuf::from)
}

/// A `cargo` command in the workspace root, using the cargo that runs this xtask.
fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(workspace_root());
    cmd
}

/// Runs a command, echoing it, and fails with its description if it fails.
fn run_step(name: &str, cmd: &mut Command) -> Result<(), String> {
    let shown = format!(
        "{} {}",
        cmd.get_program().to_string_lossy(),
        cmd.get_args()
            .map(|a| a.to_string_lossy())
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("\n==> {name}: {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("{name}: could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed: `{shown}` exited with {status}"))
    }
}
