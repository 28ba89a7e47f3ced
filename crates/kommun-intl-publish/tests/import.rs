//! The open-data CSV files read back: `kommun-intl import` of the folder `export --to dcat`
//! writes gives the same register (the corpus's valid registers, the examples, and generated
//! ones), so that the published files are the register, not a summary of it.

use std::path::{Path, PathBuf};

use kommun_intl::Dataset;
use kommun_intl_publish::{Register, csv};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The register as the model reads it.
fn model(bytes: &[u8]) -> Dataset {
    let mut v: serde_json::Value = serde_json::from_slice(bytes).unwrap();
    if let Some(o) = v.as_object_mut() {
        o.remove("$schema");
    }
    serde_json::from_value(v).expect("a valid register")
}

/// Writes the open-data CSV files of `register` and imports the folder.
fn round_trip(register: &[u8]) -> Dataset {
    let owned = Register::from_json(register).expect("a valid register");
    let dir = tempfile::tempdir().unwrap();
    for t in csv::tables(owned.register()) {
        std::fs::write(dir.path().join(&t.name), t.to_csv()).unwrap();
    }
    let back =
        kommun_intl_sheets::read_path(dir.path(), &kommun_intl_sheets::Limits::default()).unwrap();
    assert!(back.read_issues().is_empty(), "{:?}", back.read_issues());
    serde_json::from_value(back.value).expect("the import is a register")
}

fn registers() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let dir = root().join("tests/corpus/valid/dataset");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") || f.extension().is_none_or(|e| e != "json") {
            continue;
        }
        out.push((name, std::fs::read(&f).unwrap()));
    }
    for f in ["examples/lidkoping.json", "crates/kommun-intl-publish/tests/data/full.json"] {
        out.push((f.to_owned(), std::fs::read(root().join(Path::new(f))).unwrap()));
    }
    assert!(out.len() >= 5, "the corpus has valid registers");
    out
}

#[test]
fn the_corpus_registers_come_back_from_their_open_data_files() {
    for (name, bytes) in registers() {
        let want = model(&bytes);
        // A register none of whose fields the schema marks as personal comes back whole.
        assert_eq!(round_trip(&bytes), want, "{name}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Generated registers (the benchmarks' seeded generator) come back the same.
    #[test]
    fn generated_registers_come_back_from_their_open_data_files(seed in 0u64..u64::MAX, partnerships in 1usize..12, projects in 0usize..12) {
        let bytes = kommun_intl_bench::register(seed, partnerships, projects, kommun_intl_bench::Variant::Valid);
        proptest::prop_assert_eq!(round_trip(&bytes), model(&bytes));
    }
}
