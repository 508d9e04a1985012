//! `cargo xtask fuzz [--seconds N] [--target T]`: runs the cargo-fuzz targets in
//! `fuzz/`, each for N seconds (60 by default), and reports how many inputs each
//! executed.
//!
//! cargo-fuzz needs a nightly toolchain (for the sanitizer flags); the command uses the
//! installed `nightly` and installs cargo-fuzz with `cargo install` if it is missing.
//! Before running, the corpora in `fuzz/corpus/<target>/` are seeded with generated
//! files and, when present, the PNG and JPEG files of the shared test data. Each
//! target runs with a 2 GB RSS limit. A crash leaves its input in
//! `fuzz/artifacts/<target>/`; `crates/chiaro-codec/tests/fuzz_corpus.rs` replays
//! those under `cargo test`, and a fixed crash's input belongs in
//! `fuzz/corpus/<target>/regressions/`, which is committed.

use std::process::{Command, Stdio};

use crate::{cargo, conformance, run_step, workspace_root};

/// The targets, in the order they run.
const TARGETS: [&str; 8] = [
    "decode_png",
    "decode_jpeg",
    "probe",
    "decode_any",
    "pixel_layout",
    "svg_path",
    "fill_path",
    "stroke_path",
];

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut seconds = 60u32;
    let mut only: Option<String> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .ok_or("fuzz: --seconds needs a number")?;
            }
            "--target" => only = Some(it.next().ok_or("fuzz: --target needs a name")?.clone()),
            a => return Err(format!("fuzz: unexpected argument {a}")),
        }
    }
    let targets: Vec<&str> = match &only {
        Some(t) if TARGETS.contains(&t.as_str()) => vec![t.as_str()],
        Some(t) => {
            return Err(format!(
                "fuzz: no target {t}; targets: {}",
                TARGETS.join(", ")
            ));
        }
        None => TARGETS.to_vec(),
    };

    ensure_cargo_fuzz()?;
    let corpus = workspace_root().join("fuzz/corpus");
    let mut seed = cargo();
    seed.args([
        "run",
        "--quiet",
        "--package",
        "chiaro-testkit",
        "--bin",
        "write-fuzz-seeds",
        "--",
    ])
    .arg(&corpus);
    let testdata = conformance::testdata_dir();
    if testdata.is_dir() {
        seed.arg(&testdata);
    }
    run_step("seed corpora", &mut seed)?;

    let mut report = Vec::new();
    for target in targets {
        println!("\n==> fuzz {target} for {seconds} s");
        let dir = corpus.join(target);
        std::fs::create_dir_all(&dir).map_err(|e| format!("fuzz: {e}"))?;
        let output = Command::new("cargo")
            .current_dir(workspace_root())
            .args(["+nightly", "fuzz", "run", target])
            .arg(&dir)
            .args([
                "--",
                &format!("-max_total_time={seconds}"),
                "-rss_limit_mb=2048",
                "-max_len=262144",
                "-print_final_stats=1",
            ])
            .stdout(Stdio::inherit())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("fuzz: could not start cargo fuzz: {e}"))?;
        let log = String::from_utf8_lossy(&output.stderr);
        let runs = executions(&log);
        if !output.status.success() {
            let tail: Vec<&str> = log.lines().rev().take(40).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            eprintln!("{}", tail.join("\n"));
            return Err(format!(
                "fuzz: {target} failed ({}); its input is in fuzz/artifacts/{target}/",
                output.status
            ));
        }
        report.push((target, runs));
    }
    println!("\nfuzzing: no crashes");
    println!("| target | executions | per second |");
    println!("|---|---:|---:|");
    for (target, runs) in report {
        let rate = runs.map_or(0, |r| r / u64::from(seconds.max(1)));
        let runs = runs.map_or_else(|| "?".into(), |r| r.to_string());
        println!("| {target} | {runs} | {rate} |");
    }
    Ok(())
}

/// libFuzzer's final count: `Done N runs in S second(s)`, or `stat::number_of_executed_units`.
fn executions(log: &str) -> Option<u64> {
    log.lines().rev().find_map(|line| {
        if let Some(rest) = line.strip_prefix("Done ") {
            rest.split_whitespace().next()?.parse().ok()
        } else if let Some(rest) = line.strip_prefix("stat::number_of_executed_units:") {
            rest.trim().parse().ok()
        } else {
            None
        }
    })
}

/// Installs cargo-fuzz unless `cargo fuzz` already answers.
fn ensure_cargo_fuzz() -> Result<(), String> {
    let present = Command::new("cargo")
        .args(["+nightly", "fuzz", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if present {
        return Ok(());
    }
    run_step(
        "install cargo-fuzz",
        Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]),
    )
}
