//! JUnit XML, the test report GitLab, Jenkins and Azure Pipelines read: one `<testsuite>` per
//! file, one `<testcase>` per document, one `<failure>` per error (per warning too, with
//! `--deny-warnings`; otherwise warnings go to the test case's `<system-out>`). A file that
//! could not be read, or whose kind could not be told, is a suite with one `<error>`.
//!
//! ```xml
//! <testsuites name="kommun-intl" tests="2" failures="1" errors="0" time="0.004">
//!   <testsuite name="data/feedback.ndjson" tests="2" failures="1" errors="0" skipped="0" time="0.004">
//!     <testcase name="data/feedback.ndjson:1" classname="feedback"/>
//!     <testcase name="data/feedback.ndjson:3" classname="feedback">
//!       <failure type="structure.unknown_code" message="...">data/feedback.ndjson:3:60: ...</failure>
//!     </testcase>
//!   </testsuite>
//! </testsuites>
//! ```
//!
//! The elements and attributes are those of the Jenkins xUnit plugin's `junit-10.xsd`, which the
//! tests check the output against. Each suite's `time` is the seconds its file took (to the
//! millisecond); `<testsuites>` carries the totals of its suites (`tests`, `failures`,
//! `errors`, and `time` as the sum of theirs). `skipped` is on each suite only (always 0:
//! every document is checked), as `junit-10.xsd` has no `skipped` on `<testsuites>`. A suite
//! is written when its file ends (its counts come first), and the suites wait in a spool
//! (memory, then a temporary file past a few MiB) until the totals are known, so memory holds
//! one file's test cases.

use std::fmt::Write as _;
use std::io::{self, Seek, Write};
use std::sync::Arc;
use std::time::Instant;

use tempfile::SpooledTempFile;

use kommun_intl::{DocumentKind, Lang, Report, Severity};

use super::{
    DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals, pointer_in_parens,
};

/// The JUnit format.
pub struct Junit<'w> {
    out: Box<dyn Write + 'w>,
    render: Arc<JunitRender>,
    /// The suites written so far, until the totals of the wrapper are known.
    suites: SpooledTempFile,
    /// The current file's test cases, written out at its end.
    cases: String,
    tests: u64,
    failures: u64,
    /// When the current file started.
    started: Option<Instant>,
    /// Over the whole run.
    total_tests: u64,
    total_failures: u64,
    total_errors: u64,
    total_millis: u128,
}

/// How much of the suites stays in memory before the spool moves to a temporary file.
const SPOOL_IN_MEMORY: usize = 4 * 1024 * 1024;

/// Milliseconds as JUnit's seconds (`1.234`).
fn seconds(millis: u128) -> String {
    format!("{}.{:03}", millis / 1000, millis % 1000)
}

impl<'w> Junit<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Junit<'w> {
        Junit {
            out,
            render: Arc::new(JunitRender {
                lang: settings.lang,
                deny_warnings: settings.deny_warnings,
            }),
            suites: SpooledTempFile::new(SPOOL_IN_MEMORY),
            cases: String::new(),
            tests: 0,
            failures: 0,
            started: None,
            total_tests: 0,
            total_failures: 0,
            total_errors: 0,
            total_millis: 0,
        }
    }
}

/// Escapes text for XML (attribute values and content): the five markup characters, and
/// every character XML 1.0 does not allow (control characters, written as `\u{1b}` first) so
/// that the document stays well-formed whatever a file name or message holds.
pub fn xml(text: &str) -> String {
    let text = crate::env::escape_controls(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not characters XML 1.0 allows (the noncharacters U+FFFE and U+FFFF).
            '\u{FFFE}' | '\u{FFFF}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The test case of one document.
struct JunitRender {
    lang: Lang,
    deny_warnings: bool,
}

impl Render for JunitRender {
    fn render(&self, file: &FileInfo<'_>, doc: &DocInfo<'_>, report: &Report) -> Piece {
        let name = if doc.ndjson {
            format!("{}:{}", file.path, doc.first_line)
        } else {
            file.path.to_owned()
        };
        let classname = doc.kind.map_or("kommun-intl", DocumentKind::name);
        let fails = |s: Severity| s == Severity::Error || self.deny_warnings;
        let failed = report.issues.iter().any(|i| fails(i.severity))
            || (report.truncated_count > 0 && !report.is_valid());
        let mut case = String::new();
        let _ = write!(case, "    <testcase name=\"{}\" classname=\"{classname}\"", xml(&name));
        if report.is_clean() {
            case.push_str("/>\n");
            return Piece { entries: vec![case.into_bytes()], tally: 0 };
        }
        case.push_str(">\n");
        // Escaped line by line, so that the line breaks between them stay.
        let mut out_lines = String::new();
        for issue in &report.issues {
            let place = match (issue.line, issue.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", file.path),
                _ => file.path.to_owned(),
            };
            let message = issue.message(self.lang);
            let line = format!(
                "{place}: {}[{}]: {message} {}",
                issue.severity,
                issue.code,
                pointer_in_parens(&issue.pointer)
            );
            if fails(issue.severity) {
                let _ = writeln!(
                    case,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    xml(issue.code),
                    xml(&message),
                    xml(&line)
                );
            } else {
                out_lines.push_str(&xml(&line));
                out_lines.push('\n');
            }
        }
        if report.truncated_count > 0 {
            let _ =
                writeln!(out_lines, "{}", super::more_issues(report.truncated_count, self.lang));
        }
        if !out_lines.is_empty() {
            let _ = writeln!(case, "      <system-out>{out_lines}</system-out>");
        }
        case.push_str("    </testcase>\n");
        Piece { entries: vec![case.into_bytes()], tally: u64::from(failed) }
    }
}

impl Sink for Junit<'_> {
    fn file_start(&mut self, _file: &FileInfo<'_>) -> io::Result<()> {
        self.started = Some(Instant::now());
        self.cases.clear();
        self.tests = 0;
        self.failures = 0;
        Ok(())
    }

    fn renderer(&self) -> Option<Arc<dyn Render>> {
        Some(self.render.clone())
    }

    fn write_document(
        &mut self,
        _file: &FileInfo<'_>,
        _doc: &DocInfo<'_>,
        _report: &Report,
        piece: Piece,
    ) -> io::Result<()> {
        self.tests += 1;
        self.failures += piece.tally;
        for entry in &piece.entries {
            self.cases.push_str(&String::from_utf8_lossy(entry));
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        let errors = u64::from(stats.failure.is_some());
        let tests = self.tests + errors;
        let millis = self.started.take().map_or(0, |t| t.elapsed().as_millis());
        let out = &mut self.suites;
        write!(
            out,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{}\" errors=\"{errors}\" skipped=\"0\" time=\"{}\"",
            xml(file.path),
            self.failures,
            seconds(millis),
        )?;
        if tests == 0 {
            writeln!(out, "/>")?;
        } else {
            writeln!(out, ">")?;
            out.write_all(self.cases.as_bytes())?;
            if let Some(reason) = &stats.failure {
                writeln!(
                    out,
                    "    <testcase name=\"{}\" classname=\"kommun-intl\">\n      <error type=\"input\" message=\"{}\"/>\n    </testcase>",
                    xml(file.path),
                    xml(reason)
                )?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        self.total_tests += tests;
        self.total_failures += self.failures;
        self.total_errors += errors;
        self.total_millis += millis;
        self.cases.clear();
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        writeln!(self.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(
            self.out,
            "<testsuites name=\"kommun-intl\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{}\">",
            self.total_tests,
            self.total_failures,
            self.total_errors,
            seconds(self.total_millis),
        )?;
        self.suites.rewind()?;
        io::copy(&mut self.suites, &mut self.out)?;
        writeln!(self.out, "</testsuites>")?;
        self.out.flush()
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}

#[cfg(test)]
mod tests {
    use super::{seconds, xml};

    #[test]
    fn times_are_seconds_to_the_millisecond() {
        assert_eq!(seconds(0), "0.000");
        assert_eq!(seconds(1234), "1.234");
        assert_eq!(seconds(61_005), "61.005");
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(xml("a<b & \"c\" 'd'>"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
        assert_eq!(xml("bell\u{7} esc\u{1b}"), "bell\\u{7} esc\\u{1b}");
        assert_eq!(xml("x\u{FFFE}"), "x\\u{fffe}");
    }
}
