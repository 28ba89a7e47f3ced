//! Writes every benchmark workload to a directory (default `bench-data/`), with a
//! `manifest.json` that lists each file, its kind, size, record count and kommun-intl's
//! verdict (per line for NDJSON), for the Python benchmarks and the CLI memory measurement.
//!
//! ```text
//! cargo run --release -p kommun-intl-bench --bin gen-bench-data -- [DIR]
//! ```

use std::path::PathBuf;

use kommun_intl::{Options, ndjson};
use kommun_intl_bench::{Scale, workloads};
use serde_json::json;

fn main() -> std::io::Result<()> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "bench-data".to_owned()));
    std::fs::create_dir_all(&dir)?;
    let options = Options::default();
    let mut entries = Vec::new();
    for w in workloads(Scale::FULL) {
        let path = dir.join(w.file_name());
        std::fs::write(&path, &w.bytes)?;
        let (records, invalid): (usize, Vec<usize>) = if w.is_ndjson() {
            let mut records = 0;
            let mut invalid = Vec::new();
            for (i, (n, line)) in ndjson::lines(&w.bytes).enumerate() {
                records += 1;
                if !ndjson::validate_line(w.kind, line, n, &options).is_valid() {
                    invalid.push(i);
                }
            }
            (records, invalid)
        } else {
            let valid = w.kind.validate_json(&w.bytes, &options).is_valid();
            (1, if valid { vec![] } else { vec![0] })
        };
        eprintln!(
            "{:<28} {:>12} bytes, {records} records, {} invalid",
            w.file_name(),
            w.bytes.len(),
            invalid.len()
        );
        entries.push(json!({
            "name": w.name,
            "family": format!("{:?}", w.family),
            "variant": w.variant.name(),
            "kind": w.kind.name(),
            "file": w.file_name(),
            "ndjson": w.is_ndjson(),
            "bytes": w.bytes.len(),
            "records": records,
            "valid": invalid.is_empty(),
            "invalid_records": invalid,
        }));
    }
    let manifest = json!({ "seed": kommun_intl_bench::SEED, "workloads": entries });
    std::fs::write(dir.join("manifest.json"), serde_json::to_vec_pretty(&manifest)?)?;
    Ok(())
}
