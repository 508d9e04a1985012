//! Replays the fuzz targets' inputs on stable: the committed regression inputs
//! (`fuzz/corpus/<target>/regressions/`), the local corpora and crash artifacts when a
//! fuzzing run left them, and the generated seeds, through the same entry points the
//! targets call (`chiaro_testkit::fuzz`).

use std::path::{Path, PathBuf};

use chiaro_testkit::fuzz::{TARGETS, run, seeds};

/// Every file directly in `dir` and in its subfolders, one level down.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(inputs(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn every_fuzz_input_replays_without_panicking() {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
    let mut replayed = 0;
    for target in TARGETS {
        for dir in [
            fuzz.join("corpus").join(target),
            fuzz.join("artifacts").join(target),
        ] {
            for file in inputs(&dir) {
                let data = std::fs::read(&file).unwrap_or_default();
                assert!(run(target, &data), "{target} is a target");
                replayed += 1;
            }
        }
        for (_, data) in seeds() {
            run(target, &data);
            // Damaged seeds too: every prefix a quarter apart, and a byte flipped.
            for cut in [data.len() / 4, data.len() / 2, 3 * data.len() / 4] {
                run(target, &data[..cut]);
            }
            let mut flipped = data.clone();
            let mid = flipped.len() / 2;
            flipped[mid] ^= 0xA5;
            run(target, &flipped);
            replayed += 5;
        }
    }
    println!(
        "replayed {replayed} inputs through {} targets",
        TARGETS.len()
    );
}
