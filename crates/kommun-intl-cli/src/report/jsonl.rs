//! JSON Lines: one issue per line, for log pipelines (Loki, Elasticsearch, `jq -c`), with the
//! same fields as the JSON format's issues plus the file and, for NDJSON input, the line the
//! document starts on:
//!
//! ```json
//! {"path":"data/feedback.ndjson","document_line":3,"code":"structure.unknown_code","severity":"error","pointer":"/channel","line":3,"column":60,"offset":59,"message":"...","params":{...}}
//! ```
//!
//! A file that could not be read is a line `{"path": ..., "error": reason}`. Nothing else is
//! written: a valid run prints nothing, and the exit status tells the outcome.

use std::io::{self, Write};

use kommun_intl::{Lang, Report};
use serde_json::{Value, json};

use super::json::issue_json;
use super::{DocInfo, FileInfo, FileStats, Settings, Sink, Totals};

/// The JSON Lines format.
pub struct Jsonl<'w> {
    out: Box<dyn Write + 'w>,
    lang: Lang,
}

impl<'w> Jsonl<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Jsonl<'w> {
        Jsonl { out, lang: settings.lang }
    }

    fn line(&mut self, value: &Value) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, value).map_err(io::Error::other)?;
        self.out.write_all(b"\n")
    }
}

impl Sink for Jsonl<'_> {
    fn document(
        &mut self,
        file: &FileInfo<'_>,
        doc: &DocInfo<'_>,
        report: &Report,
    ) -> io::Result<()> {
        for issue in &report.issues {
            let mut record = json!({ "path": file.path });
            if doc.ndjson {
                record["document_line"] = json!(doc.first_line);
            }
            if let (Value::Object(record), Value::Object(fields)) =
                (&mut record, issue_json(issue, self.lang))
            {
                record.extend(fields);
            }
            self.line(&record)?;
        }
        if report.truncated_count > 0 {
            self.line(&json!({ "path": file.path, "truncated": report.truncated_count }))?;
        }
        Ok(())
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if let Some(reason) = &stats.failure {
            self.line(&json!({ "path": file.path, "error": reason }))?;
        }
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        self.out.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
