//! `cargo xtask bench [FILTER] [--quick] [--both-builds]`: runs the criterion
//! benchmarks of the `chiaro-benches` package and reports chiaro against each peer.
//!
//! `--both-builds` runs them twice: in a default build (what users compile) and in a
//! build with `RUSTFLAGS="-C target-cpu=x86-64-v3"` (in `target/x86-64-v3`), because
//! peers that choose SIMD at compile time (tiny-skia) are fast only in the second,
//! while chiaro chooses at run time. The report then has a table per build.
//!
//! Every benchmark group runs chiaro (function id `chiaro`) and one or more peers
//! (`peer/<crate>`) on the same input. After the run, the report is built from the
//! `benchmark.json` and `estimates.json` files criterion writes under
//! `target/criterion`, keeping only those written by this run.

use std::time::SystemTime;

use crate::{cargo, report, run_step, target_dir};

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut filter = None;
    let mut quick = false;
    let mut both = false;
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            "--both-builds" => both = true,
            a if a.starts_with('-') => return Err(format!("bench: unknown option {a}")),
            a if filter.is_none() => filter = Some(a.to_string()),
            a => return Err(format!("bench: unexpected argument {a}")),
        }
    }

    let mut builds = vec![("default build", target_dir(), None)];
    if both {
        builds.push((
            "x86-64-v3 build (RUSTFLAGS=\"-C target-cpu=x86-64-v3\")",
            target_dir().join("x86-64-v3"),
            Some("-C target-cpu=x86-64-v3"),
        ));
    }
    let mut report_text = String::new();
    for (label, dir, rustflags) in builds {
        let started = SystemTime::now();
        let mut cmd = cargo();
        cmd.env("CARGO_TARGET_DIR", &dir);
        if let Some(flags) = rustflags {
            cmd.env("RUSTFLAGS", flags);
        }
        cmd.args(["bench", "--package", "chiaro-benches", "--"]);
        if let Some(f) = &filter {
            cmd.arg(f);
        }
        if quick {
            cmd.arg("--quick");
        }
        run_step(&format!("benchmarks, {label}"), &mut cmd)?;

        let results = report::collect(&dir.join("criterion"), started)?;
        if results.is_empty() {
            return Err(format!(
                "bench: no benchmark results were written by the {label}"
            ));
        }
        let table = report::markdown(&results);
        report_text.push_str(&format!("### {label}\n\n{table}\n"));
    }
    println!("\n{report_text}");
    let path = target_dir().join("bench-report.md");
    std::fs::write(&path, &report_text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}
