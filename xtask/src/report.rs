//! Reads criterion's output files and renders the chiaro-versus-peer table.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde_json::Value;

/// One benchmark's result.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Measurement {
    /// Criterion's group id, plus the parameter if the benchmark has one.
    pub(crate) group: String,
    /// `chiaro` or `peer/<crate>`.
    pub(crate) function: String,
    /// Median time per iteration in nanoseconds.
    pub(crate) median_ns: f64,
}

/// Finds every `new/benchmark.json` under `root` written at or after `since` and reads
/// its median from the neighbouring `estimates.json`.
pub(crate) fn collect(root: &Path, since: SystemTime) -> Result<Vec<Measurement>, String> {
    let mut files = Vec::new();
    find_benchmark_files(root, &mut files);
    let mut out = Vec::new();
    for file in files {
        let fresh = fs::metadata(&file)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= since);
        if !fresh {
            continue;
        }
        let dir = file.parent().unwrap_or(root);
        let bench = read_json(&file)?;
        let estimates = read_json(&dir.join("estimates.json"))?;
        out.push(
            parse(&bench, &estimates)
                .ok_or_else(|| format!("unexpected format in {}", dir.display()))?,
        );
    }
    out.sort_by(|a, b| (&a.group, &a.function).cmp(&(&b.group, &b.function)));
    Ok(out)
}

fn find_benchmark_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "new") {
                let file = path.join("benchmark.json");
                if file.is_file() {
                    out.push(file);
                }
            } else {
                find_benchmark_files(&path, out);
            }
        }
    }
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("parsing {}: {e}", path.display()))
}

/// Builds a measurement from criterion's `benchmark.json` and `estimates.json`.
pub(crate) fn parse(bench: &Value, estimates: &Value) -> Option<Measurement> {
    let group_id = bench.get("group_id")?.as_str()?;
    let function = bench.get("function_id")?.as_str()?.to_string();
    let group = match bench.get("value_str").and_then(Value::as_str) {
        Some(v) => format!("{group_id}/{v}"),
        None => group_id.to_string(),
    };
    let median_ns = estimates.get("median")?.get("point_estimate")?.as_f64()?;
    Some(Measurement {
        group,
        function,
        median_ns,
    })
}

/// Formats nanoseconds with a unit that keeps three significant digits.
pub(crate) fn format_time(ns: f64) -> String {
    let (value, unit) = if ns >= 1e9 {
        (ns / 1e9, "s")
    } else if ns >= 1e6 {
        (ns / 1e6, "ms")
    } else if ns >= 1e3 {
        (ns / 1e3, "µs")
    } else {
        (ns, "ns")
    };
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    format!("{value:.decimals$} {unit}")
}

/// One row per (group, peer): chiaro's median, the peer's, and peer ÷ chiaro (above 1
/// means chiaro is faster). Reference rows such as `floor/memcpy` (the bandwidth floor)
/// are listed like peers under their full name. Groups without a chiaro or a peer
/// result are listed with a dash in the missing column.
pub(crate) fn markdown(results: &[Measurement]) -> String {
    /// chiaro's median and each comparison's (name, median) in one group.
    #[derive(Default)]
    struct Group<'a> {
        chiaro: Option<f64>,
        others: Vec<(&'a str, f64)>,
    }
    let mut groups: BTreeMap<&str, Group<'_>> = BTreeMap::new();
    for m in results {
        let entry = groups.entry(&m.group).or_default();
        if m.function == "chiaro" {
            entry.chiaro = Some(m.median_ns);
        } else {
            let peer = m.function.strip_prefix("peer/").unwrap_or(&m.function);
            entry.others.push((peer, m.median_ns));
        }
    }
    let mut s = String::from(
        "| benchmark group | chiaro median | peer | peer median | peer / chiaro |\n|---|---:|---|---:|---:|\n",
    );
    for (
        group,
        Group {
            chiaro: ours,
            others: peers,
        },
    ) in &groups
    {
        let ours_text = ours.map_or_else(|| "–".to_string(), format_time);
        if peers.is_empty() {
            s.push_str(&format!("| {group} | {ours_text} | – | – | – |\n"));
        }
        for (peer, theirs) in peers {
            let ratio = ours.map_or_else(|| "–".to_string(), |o| format!("{:.2}", theirs / o));
            s.push_str(&format!(
                "| {group} | {ours_text} | {peer} | {} | {ratio} |\n",
                format_time(*theirs)
            ));
        }
    }
    s.push_str(
        "\nRatios above 1 mean chiaro is faster. `floor/…` rows are references, not peers: \
         a ratio near 1 there means chiaro runs at that floor. Medians from one criterion run.\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(group: &str, function: &str, median_ns: f64) -> Measurement {
        Measurement {
            group: group.into(),
            function: function.into(),
            median_ns,
        }
    }

    #[test]
    fn parses_criterion_files() {
        let bench: Value = serde_json::from_str(
            r#"{"group_id":"pixel/x","function_id":"peer/image","value_str":"4096","throughput":null,
                "full_id":"pixel/x/peer/image/4096","directory_name":"pixel_x/peer_image/4096","title":"t"}"#,
        )
        .unwrap();
        let estimates: Value = serde_json::from_str(
            r#"{"mean":{"point_estimate":2.0},"median":{"confidence_interval":{"confidence_level":0.95,
                "lower_bound":1.0,"upper_bound":2.0},"point_estimate":1500000.0,"standard_error":1.0}}"#,
        )
        .unwrap();
        assert_eq!(
            parse(&bench, &estimates),
            Some(m("pixel/x/4096", "peer/image", 1.5e6))
        );
    }

    #[test]
    fn pairs_each_peer_with_chiaro() {
        let table = markdown(&[
            m("g", "chiaro", 10e6),
            m("g", "peer/image", 25e6),
            m("g", "peer/fast_image_resize", 5e6),
            m("h", "peer/image", 1e3),
        ]);
        assert!(
            table.contains("| g | 10.0 ms | image | 25.0 ms | 2.50 |"),
            "{table}"
        );
        assert!(
            table.contains("| g | 10.0 ms | fast_image_resize | 5.00 ms | 0.50 |"),
            "{table}"
        );
        assert!(table.contains("| h | – | image | 1.00 µs | – |"), "{table}");
    }

    #[test]
    fn formats_times() {
        assert_eq!(format_time(950.0), "950 ns");
        assert_eq!(format_time(12_345.0), "12.3 µs");
        assert_eq!(format_time(1.5e9), "1.50 s");
    }
}
