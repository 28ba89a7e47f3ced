//! Embeds the shared fixtures of `tests/corpus/` so that `kommun-intl explain CODE` can show a
//! real invalid document for each rule and a valid one of the same kind. Without the corpus
//! (a crate built outside the workspace) the list is empty and `explain` says so.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Fixtures larger than this are left out: `explain` shows small examples.
const MAX_BYTES: u64 = 16 * 1024;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let corpus = manifest.join("../../tests/corpus");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={}", corpus.display());
    let mut code = String::from("&[\n");
    for verdict in ["invalid", "valid"] {
        for kind_dir in sorted(&corpus.join(verdict)) {
            let Some(kind) = kind_dir.file_name().and_then(|n| n.to_str()).map(str::to_owned)
            else {
                continue;
            };
            for file in sorted(&kind_dir) {
                let Some(name) = file.file_name().and_then(|n| n.to_str()) else { continue };
                let Some(stem) = name.strip_suffix(".json") else { continue };
                if stem.ends_with(".expected")
                    || file.metadata().map_or(true, |m| m.len() > MAX_BYTES)
                {
                    continue;
                }
                let expected = file.with_file_name(format!("{stem}.expected.json"));
                let expected = if expected.is_file() {
                    format!("Some(include_bytes!({:?}))", abs(&expected))
                } else {
                    "None".to_owned()
                };
                let _ = writeln!(
                    code,
                    "    crate::corpus::Example {{ invalid: {}, kind: {kind:?}, name: {stem:?}, text: include_bytes!({:?}), expected: {expected} }},",
                    verdict == "invalid",
                    abs(&file),
                );
            }
        }
    }
    code.push(']');
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out_dir.join("corpus.rs"), code).expect("OUT_DIR is writable");
    // The spreadsheet fixtures (`tests/corpus/sheets/NAME.csv`, `.xlsx`, ...), each with its
    // `NAME.expected.json`: the examples of the `sheet.*` rules.
    let mut sheets = String::from("&[\n");
    for file in sorted(&corpus.join("sheets")) {
        let Some(name) = file.file_name().and_then(|n| n.to_str()) else { continue };
        let Some((stem, ext)) = name.rsplit_once('.') else { continue };
        let expected = file.with_file_name(format!("{stem}.expected.json"));
        if !file.is_file()
            || name.ends_with(".expected.json")
            || !expected.is_file()
            || file.metadata().map_or(true, |m| m.len() > MAX_BYTES)
        {
            continue;
        }
        let _ = writeln!(
            sheets,
            "    crate::corpus::SheetExample {{ name: {stem:?}, extension: {ext:?}, text: include_bytes!({:?}), expected: include_bytes!({:?}) }},",
            abs(&file),
            abs(&expected),
        );
    }
    sheets.push(']');
    std::fs::write(out_dir.join("sheets.rs"), sheets).expect("OUT_DIR is writable");
}

fn sorted(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
}

fn abs(path: &Path) -> String {
    path.canonicalize().unwrap_or_else(|_| path.to_owned()).display().to_string()
}
