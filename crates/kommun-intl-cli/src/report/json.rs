//! The JSON format: one object for the whole run, written as it goes.
//!
//! ```json
//! {"files": [{"path", "issues": [{"code", "severity", "pointer", "line", "column", "message",
//!   "params", "url", "cell"}], "kind", "valid", "documents", "truncated"}],
//!  "summary": {"files", "documents", "errors", "warnings", "valid"}}
//! ```
//!
//! `cell` is `null` for JSON input; for a register read from a spreadsheet it is
//! `{"ref": "Partnerskap!D14", "sheet", "cell", "header"}`, beside the `pointer` of the same
//! value in the equivalent JSON.
//!
//! A file that could not be read has `"error"` with the reason and `"valid": false`.

use std::io::{self, Write};
use std::sync::Arc;

use kommun_intl::{DocumentKind, Issue, Lang, Report};
use serde_json::{Value, json};

use super::{DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals, write_listed};

/// The JSON format.
pub struct Json<'w> {
    out: Box<dyn Write + 'w>,
    render: Arc<JsonRender>,
    started: bool,
    files: u64,
    issues_in_file: u64,
}

impl<'w> Json<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Json<'w> {
        Json {
            out,
            render: Arc::new(JsonRender(settings.lang)),
            started: false,
            files: 0,
            issues_in_file: 0,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            write!(self.out, "{{\n  \"files\": [")?;
        }
        Ok(())
    }
}

/// The issues of one document, each as it stands in the file's `issues`.
struct JsonRender(Lang);

impl Render for JsonRender {
    fn render(&self, _file: &FileInfo<'_>, _doc: &DocInfo<'_>, report: &Report) -> Piece {
        let entries = report
            .issues
            .iter()
            .map(|issue| {
                let mut entry = b"\n        ".to_vec();
                // Writing to memory cannot fail.
                let _ = write_indented(&mut entry, &issue_json(issue, self.0), "        ");
                entry
            })
            .collect();
        Piece { entries, tally: 0 }
    }
}

/// The JSON of one issue, the same fields in every place the project prints one.
pub fn issue_json(issue: &Issue, lang: Lang) -> Value {
    json!({
        "code": issue.code,
        "severity": issue.severity.as_str(),
        "pointer": issue.pointer,
        "line": issue.line,
        "column": issue.column,
        "offset": issue.offset,
        "message": issue.message(lang),
        "params": issue.params,
        "url": issue.rule().url(),
        "cell": issue.cell.as_deref().map(|c| json!({
            "ref": c.to_string(),
            "sheet": c.sheet,
            "cell": c.cell,
            "header": c.header,
        })),
    })
}

/// Writes `value` pretty-printed, every line after the first indented by `indent`.
pub fn write_indented(out: &mut dyn Write, value: &Value, indent: &str) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        out.write_all(first.as_bytes())?;
    }
    for line in lines {
        write!(out, "\n{indent}{line}")?;
    }
    Ok(())
}

/// Writes `"key": value,` members (pretty, indented) of a JSON object being streamed.
fn members(out: &mut dyn Write, indent: &str, members: &[(&str, Value)]) -> io::Result<()> {
    for (i, (key, value)) in members.iter().enumerate() {
        write!(out, "{}\n{indent}{}: ", if i == 0 { "" } else { "," }, Value::from(*key))?;
        write_indented(out, value, indent)?;
    }
    Ok(())
}

impl Sink for Json<'_> {
    fn file_start(&mut self, file: &FileInfo<'_>) -> io::Result<()> {
        self.start()?;
        if self.files > 0 {
            write!(self.out, ",")?;
        }
        self.files += 1;
        self.issues_in_file = 0;
        write!(
            self.out,
            "\n    {{\n      \"path\": {},\n      \"issues\": [",
            Value::from(file.path)
        )
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
        write_listed(&mut *self.out, piece, &mut self.issues_in_file)
    }

    fn file_end(&mut self, _file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if self.issues_in_file > 0 {
            write!(self.out, "\n      ")?;
        }
        write!(self.out, "],")?;
        let mut fields = vec![
            ("kind", json!(stats.kind.map(DocumentKind::name))),
            ("valid", json!(stats.errors == 0 && stats.failure.is_none())),
            ("documents", json!(stats.documents)),
            ("truncated", json!(stats.truncated)),
        ];
        if let Some(reason) = &stats.failure {
            fields.push(("error", json!(reason)));
        }
        members(&mut self.out, "      ", &fields)?;
        write!(self.out, "\n    }}")
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        self.start()?;
        write!(self.out, "{}],\n  \"summary\": ", if self.files > 0 { "\n  " } else { "" })?;
        let summary = json!({
            "files": totals.files,
            "documents": totals.documents,
            "errors": totals.errors,
            "warnings": totals.warnings,
            "valid": totals.errors == 0 && totals.failures == 0,
        });
        write_indented(&mut self.out, &summary, "  ")?;
        writeln!(self.out, "\n}}")?;
        self.out.flush()
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}
