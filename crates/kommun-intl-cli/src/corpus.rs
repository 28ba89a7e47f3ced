//! The shared fixtures of `tests/corpus/`, embedded at build time (see `build.rs`).

/// One fixture.
#[derive(Debug)]
pub struct Example {
    /// True for `invalid/`, false for `valid/`.
    pub invalid: bool,
    /// The kind directory it lies in (`feedback`).
    pub kind: &'static str,
    /// The file name without `.json`.
    pub name: &'static str,
    /// The document.
    pub text: &'static [u8],
    /// The `NAME.expected.json` beside an invalid fixture.
    pub expected: Option<&'static [u8]>,
}

/// Every embedded fixture: the invalid ones first, each group sorted by kind and name.
pub static CORPUS: &[Example] = include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

impl Example {
    /// The path in the repository.
    pub fn path(&self) -> String {
        let verdict = if self.invalid { "invalid" } else { "valid" };
        format!("tests/corpus/{verdict}/{}/{}.json", self.kind, self.name)
    }

    /// The parsed expectation.
    pub fn expectation(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(self.expected?).ok()
    }

    /// The options its expectation names: `reference_date`, and `profile`, the name of a
    /// profile fixture (`tests/corpus/valid/profile/NAME.json`).
    pub fn options(&self) -> kommun_intl::Options {
        let expectation = self.expectation();
        let option = |name: &str| {
            expectation.as_ref()?.get("options")?.get(name)?.as_str().map(str::to_owned)
        };
        kommun_intl::Options {
            reference_date: option("reference_date").and_then(|d| d.parse().ok()),
            profile: option("profile").and_then(|name| {
                let e =
                    CORPUS.iter().find(|e| !e.invalid && e.kind == "profile" && e.name == name)?;
                kommun_intl::from_json(e.text).ok().map(std::sync::Arc::new)
            }),
            ..kommun_intl::Options::default()
        }
    }

    /// The name of the profile its expectation names, if any.
    pub fn profile_name(&self) -> Option<String> {
        self.expectation()?.get("options")?.get("profile")?.as_str().map(str::to_owned)
    }

    /// The codes the fixture is expected to raise.
    pub fn codes(&self) -> Vec<String> {
        self.expectation()
            .and_then(|e| {
                e.get("issues")?.as_array().map(|issues| {
                    issues
                        .iter()
                        .filter_map(|i| i.get("code")?.as_str().map(str::to_owned))
                        .collect()
                })
            })
            .unwrap_or_default()
    }
}

/// One spreadsheet fixture of `tests/corpus/sheets/`: the examples of the `sheet.*` rules.
#[derive(Debug)]
pub struct SheetExample {
    /// The file name without its extension (a CSV file's sheet name).
    pub name: &'static str,
    /// The extension (`csv`, `xlsx`).
    pub extension: &'static str,
    /// The file.
    pub text: &'static [u8],
    /// Its `NAME.expected.json`: `[code, cell, pointer]` of each issue.
    pub expected: &'static [u8],
}

/// Every embedded spreadsheet fixture, by name.
pub static SHEETS: &[SheetExample] = include!(concat!(env!("OUT_DIR"), "/sheets.rs"));

impl SheetExample {
    /// The path in the repository.
    pub fn path(&self) -> String {
        format!("tests/corpus/sheets/{}.{}", self.name, self.extension)
    }

    /// The codes the fixture is expected to raise.
    pub fn codes(&self) -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(self.expected).unwrap_or_default();
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.get(0)?.as_str().map(str::to_owned))
            .collect()
    }

    /// The file read as the CLI reads it.
    pub fn read(&self, limits: &kommun_intl_sheets::Limits) -> kommun_intl_sheets::Register {
        let format = kommun_intl_sheets::Format::of_path(std::path::Path::new(&self.path()))
            .unwrap_or(kommun_intl_sheets::Format::Csv);
        kommun_intl_sheets::read_bytes(format, self.name, self.text, limits)
    }

    /// True for a workbook (binary), false for a CSV file (text).
    pub fn is_workbook(&self) -> bool {
        self.extension != "csv"
    }
}
