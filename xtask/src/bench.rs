//! `cargo xtask bench [FILTER] [--quick]`: runs the criterion benchmarks of the
//! `chiaro-benches` package and reports chiaro against each peer.
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
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            a if a.starts_with('-') => return Err(format!("bench: unknown option {a}")),
            a if filter.is_none() => filter = Some(a.to_string()),
            a => return Err(format!("bench: unexpected argument {a}")),
        }
    }

    let started = SystemTime::now();
    let mut cmd = cargo();
    cmd.args(["bench", "--package", "chiaro-benches", "--"]);
    if let Some(f) = &filter {
        cmd.arg(f);
    }
    if quick {
        cmd.arg("--quick");
    }
    run_step("benchmarks", &mut cmd)?;

    let results = report::collect(&target_dir().join("criterion"), started)?;
    if results.is_empty() {
        return Err("bench: no benchmark results were written by this run".into());
    }
    let table = report::markdown(&results);
    println!("\n{table}");
    let path = target_dir().join("bench-report.md");
    std::fs::write(&path, &table).map_err(|e| format!("writing {}: {e}", path.display()))?;
    println!("written to {}", path.display());
    Ok(())
}
