//! GitLab Code Quality JSON, the report a merge request shows beside the diff
//! (`artifacts: reports: codequality: kommun-intl.json`): one array, one object per issue.
//!
//! ```json
//! [{"description": "Unknown field `agrement_type`. (/partnerships/0/agrement_type)",
//!   "check_name": "structure.unknown_field", "fingerprint": "3b8f...", "severity": "major",
//!   "location": {"path": "data/register.json", "lines": {"begin": 12}}}]
//! ```
//!
//! Errors are `major`, warnings `minor`; a file that could not be read is a `blocker`. The
//! fingerprint (which GitLab compares between the target branch and the merge request to tell
//! new issues from fixed ones) is a hash of the path, the code and the JSON Pointer (and the
//! line of an NDJSON document), not of the line: an issue keeps it when lines above it move.

use std::collections::HashMap;
use std::io::{self, Write};

use kommun_intl::{Lang, Report, Severity};
use serde_json::{Value, json};

use super::json::write_indented;
use super::{DocInfo, FileInfo, FileStats, Piece, Settings, Sink, Totals, pointer_in_parens};

/// The GitLab format.
pub struct Gitlab<'w> {
    out: Box<dyn Write + 'w>,
    lang: Lang,
    written: u64,
    /// How many times each fingerprint's input was seen, to keep fingerprints unique.
    seen: HashMap<u128, u32>,
}

impl<'w> Gitlab<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Gitlab<'w> {
        Gitlab { out, lang: settings.lang, written: 0, seen: HashMap::new() }
    }

    fn write(&mut self, entry: &Value) -> io::Result<()> {
        write!(self.out, "{}\n  ", if self.written == 0 { "[" } else { "," })?;
        self.written += 1;
        write_indented(&mut self.out, entry, "  ")
    }

    /// A fingerprint unique within the run: the hash of `parts`, and of how many times the
    /// same parts came before.
    fn fingerprint(&mut self, parts: &[&str]) -> String {
        let base = fnv1a(parts, 0);
        let n = self.seen.entry(base).or_insert(0);
        let hash = if *n == 0 { base } else { fnv1a(parts, *n) };
        *n += 1;
        format!("{hash:032x}")
    }
}

/// FNV-1a, 128 bits, over the parts (each followed by a NUL) and a repeat count: stable across
/// platforms and releases, which the standard library's hasher does not promise.
fn fnv1a(parts: &[&str], repeat: u32) -> u128 {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = OFFSET;
    let bytes = parts.iter().flat_map(|p| p.bytes().chain([0])).chain(repeat.to_le_bytes());
    for b in bytes {
        hash ^= u128::from(b);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// The path as GitLab matches it against the repository: forward slashes, no leading `./`.
fn repo_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.strip_prefix("./").unwrap_or(&path).to_owned()
}

impl Sink for Gitlab<'_> {
    /// Nothing rendered ahead: a fingerprint depends on the issues written before it.
    fn write_document(
        &mut self,
        file: &FileInfo<'_>,
        doc: &DocInfo<'_>,
        report: &Report,
        _piece: Piece,
    ) -> io::Result<()> {
        let path = repo_path(file.path);
        let line_of_doc = doc.first_line.to_string();
        for issue in &report.issues {
            let document = if doc.ndjson { line_of_doc.as_str() } else { "" };
            let fingerprint = self.fingerprint(&[&path, document, issue.code, &issue.pointer]);
            let severity = match issue.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
            };
            let description =
                format!("{} {}", issue.message(self.lang), pointer_in_parens(&issue.pointer));
            let line = issue.line.map_or(doc.first_line, |l| l as usize);
            let entry = json!({
                "description": description,
                "check_name": issue.code,
                "fingerprint": fingerprint,
                "severity": severity,
                "location": { "path": path, "lines": { "begin": line } },
            });
            self.write(&entry)?;
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if let Some(reason) = &stats.failure {
            let path = repo_path(file.path);
            let fingerprint = self.fingerprint(&[&path, "input"]);
            let entry = json!({
                "description": reason,
                "check_name": "input",
                "fingerprint": fingerprint,
                "severity": "blocker",
                "location": { "path": path, "lines": { "begin": 1 } },
            });
            self.write(&entry)?;
        }
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        if self.written == 0 {
            writeln!(self.out, "[]")?;
        } else {
            writeln!(self.out, "\n]")?;
        }
        self.out.flush()
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_unique() {
        let mut sink = Gitlab::new(Box::new(io::sink()), sink_settings());
        let a = sink.fingerprint(&["a.json", "", "text.empty", "/x"]);
        let again = sink.fingerprint(&["a.json", "", "text.empty", "/x"]);
        let other = sink.fingerprint(&["a.json", "", "text.empty", "/y"]);
        assert_eq!(a.len(), 32);
        assert_ne!(a, again);
        assert_ne!(a, other);
        let mut fresh = Gitlab::new(Box::new(io::sink()), sink_settings());
        assert_eq!(fresh.fingerprint(&["a.json", "", "text.empty", "/x"]), a);
    }

    fn sink_settings() -> Settings {
        Settings {
            lang: Lang::En,
            styles: crate::env::Styles::default(),
            quiet: false,
            deny_warnings: false,
        }
    }

    #[test]
    fn paths_are_repository_paths() {
        assert_eq!(repo_path("./data\\a.json"), "data/a.json");
    }
}
