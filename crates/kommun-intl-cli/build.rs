//! Embeds the shared fixtures of `tests/corpus/` so that `kommun-intl explain CODE` can show a
//! real invalid document for each rule and a valid one of the same kind. Without the corpus
//! (a crate built outside the workspace) the list is empty and `explain` says so.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Fixtures larger than this are left out: `explain` shows small examples.
const MAX_BYTES: u64 = 16 * 1024;

fn main() {
    link_position_dependent();
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

/// Links the `kommun-intl` binary at a fixed address (not as a position-independent
/// executable) on Linux. A PIE's loader first writes the address of every pointer in its
/// read-only tables (55,000 relocations, 1.5 MB of `.data.rel.ro` here), which copies each of
/// those pages: about 360 page faults and 0.9 M instructions before `main`, half of a small
/// file's whole run (4.0 ms against 2.6 ms measured; see bench/notes.md). What it gives up is
/// the randomised address of the executable itself (the libraries, the stack and the heap stay
/// randomised), as Go's executables do by default; SECURITY.md says why that is acceptable for
/// the command line, and `KOMMUN_INTL_PIE=1` at build time keeps the PIE. The library and the
/// Python extension are unaffected: this is only the binaries' link.
fn link_position_dependent() {
    println!("cargo::rerun-if-env-changed=KOMMUN_INTL_PIE");
    let keep_pie = std::env::var_os("KOMMUN_INTL_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") && !keep_pie {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
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
