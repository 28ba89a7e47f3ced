//! Shared helpers: paths, the corpus, and the update switch for generated files.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// True when generated files should be rewritten instead of checked
/// (`KOMMUN_INTL_UPDATE=1 cargo test`).
pub fn updating() -> bool {
    std::env::var_os("KOMMUN_INTL_UPDATE").is_some_and(|v| v == "1")
}

/// One fixture of `tests/corpus/`.
#[derive(Debug)]
pub struct Fixture {
    pub path: PathBuf,
    pub kind: kommun_intl::DocumentKind,
    pub bytes: Vec<u8>,
    /// True under `invalid/`.
    pub invalid: bool,
    /// The `NAME.expected.json` beside it: always beside an invalid fixture, beside a valid
    /// one when it needs options (`issues` then empty).
    pub expected: Option<Value>,
}

/// The profile a fixture's `options.profile` names: `tests/corpus/valid/profile/NAME.json`.
pub fn corpus_profile(name: &str) -> kommun_intl::Profile {
    let path = root().join("tests/corpus/valid/profile").join(format!("{name}.json"));
    let text = std::fs::read(&path).unwrap_or_else(|_| panic!("no profile {}", path.display()));
    kommun_intl::from_json(text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

impl Fixture {
    pub fn name(&self) -> String {
        self.path.strip_prefix(root()).unwrap_or(&self.path).display().to_string()
    }

    pub fn options(&self) -> kommun_intl::Options {
        let mut options = kommun_intl::Options::default();
        if let Some(date) = self
            .expected
            .as_ref()
            .and_then(|e| e.pointer("/options/reference_date"))
            .and_then(Value::as_str)
        {
            options.reference_date = Some(date.parse().expect("reference_date is YYYY-MM-DD"));
        }
        if let Some(name) = self
            .expected
            .as_ref()
            .and_then(|e| e.pointer("/options/profile"))
            .and_then(Value::as_str)
        {
            options.profile = Some(std::sync::Arc::new(corpus_profile(name)));
        }
        options
    }

    /// The expected (code, pointer) pairs, sorted.
    pub fn expected_issues(&self) -> Vec<(String, String)> {
        let Some(expected) = &self.expected else { return vec![] };
        let mut v: Vec<(String, String)> = expected["issues"]
            .as_array()
            .expect("`issues` is an array")
            .iter()
            .map(|i| {
                (
                    i["code"].as_str().expect("code").to_owned(),
                    i["pointer"].as_str().expect("pointer").to_owned(),
                )
            })
            .collect();
        v.sort();
        v
    }
}

/// Every fixture under `tests/corpus/{valid,invalid}/<kind>/`.
pub fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    for verdict in ["valid", "invalid"] {
        let dir = root().join("tests/corpus").join(verdict);
        let Ok(kinds) = std::fs::read_dir(&dir) else { continue };
        let mut kinds: Vec<_> = kinds.map(|e| e.expect("dir entry").path()).collect();
        kinds.sort();
        for kind_dir in kinds {
            let kind_name = kind_dir.file_name().unwrap().to_string_lossy().into_owned();
            let mut files: Vec<_> = std::fs::read_dir(&kind_dir)
                .expect("kind dir")
                .map(|e| e.expect("entry").path())
                .filter(|p| {
                    let n = p.file_name().unwrap().to_string_lossy();
                    n.ends_with(".json") && !n.ends_with(".expected.json")
                })
                .collect();
            files.sort();
            for path in files {
                let invalid = verdict == "invalid";
                let e = path.with_extension("expected.json");
                let expected = (invalid || e.is_file()).then(|| {
                    let text = std::fs::read(&e)
                        .unwrap_or_else(|_| panic!("{} has no {}", path.display(), e.display()));
                    serde_json::from_slice::<Value>(&text).expect("expected file is JSON")
                });
                let kind = expected
                    .as_ref()
                    .and_then(|e| e.get("kind"))
                    .and_then(Value::as_str)
                    .unwrap_or(&kind_name)
                    .parse()
                    .expect("kind directory names a kind");
                let bytes = std::fs::read(&path).expect("fixture");
                out.push(Fixture { path, kind, bytes, invalid, expected });
            }
        }
    }
    out
}
