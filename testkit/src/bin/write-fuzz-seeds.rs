//! Writes the fuzz targets' seed corpora: the generated files of
//! `chiaro_testkit::fuzz::seeds`, and the PNG and JPEG files of a test-data folder
//! when one is given.
//!
//! Usage: `write-fuzz-seeds <corpus-dir> [<testdata-dir>]`; each target gets
//! `<corpus-dir>/<target>/`.

use std::path::{Path, PathBuf};

use chiaro_testkit::fuzz::{TARGETS, seeds};

/// Seeds larger than this are left out: fuzzers work best on small inputs.
const MAX_SEED: u64 = 16 * 1024;

/// Whether `target` takes files with this extension.
fn wants(target: &str, ext: &str) -> bool {
    match target {
        "decode_png" => ext == "png",
        "decode_jpeg" => ext == "jpg",
        _ => true,
    }
}

/// PNG and JPEG files under `dir`, recursively.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "png" || e == "jpg") {
            out.push(p);
        }
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first().map(PathBuf::from) else {
        eprintln!("usage: write-fuzz-seeds <corpus-dir> [<testdata-dir>]");
        std::process::exit(2);
    };
    let mut shared = Vec::new();
    if let Some(dir) = args.get(1) {
        files(Path::new(dir), &mut shared);
    }
    for target in TARGETS {
        let dir = corpus.join(target);
        std::fs::create_dir_all(&dir)?;
        let mut written = 0;
        for (name, bytes) in seeds() {
            let ext = name.rsplit('.').next().unwrap_or_default();
            if wants(target, ext) {
                std::fs::write(dir.join(format!("seed-{name}")), bytes)?;
                written += 1;
            }
        }
        for path in &shared {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            let small = path.metadata().is_ok_and(|m| m.len() <= MAX_SEED);
            if wants(target, ext) && small {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
                std::fs::copy(path, dir.join(format!("shared-{name}")))?;
                written += 1;
            }
        }
        println!("{target}: {written} seeds in {}", dir.display());
    }
    Ok(())
}
