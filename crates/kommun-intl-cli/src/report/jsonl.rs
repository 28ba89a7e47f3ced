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
use std::sync::Arc;

use kommun_intl::{Lang, Report};
use serde_json::{Value, json};

use super::json::issue_json;
use super::{DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals};

/// The JSON Lines format.
pub struct Jsonl<'w> {
    out: Box<dyn Write + 'w>,
    render: Arc<JsonlRender>,
}

/// The lines of one document's issues.
struct JsonlRender(Lang);

impl Render for JsonlRender {
    fn render(&self, file: &FileInfo<'_>, doc: &DocInfo<'_>, report: &Report) -> Piece {
        let mut out = Vec::new();
        for issue in &report.issues {
            let mut record = json!({ "path": file.path });
            if doc.ndjson {
                record["document_line"] = json!(doc.first_line);
            }
            if let (Value::Object(record), Value::Object(fields)) =
                (&mut record, issue_json(issue, self.0))
            {
                record.extend(fields);
            }
            line(&mut out, &record);
        }
        if report.truncated_count > 0 {
            line(&mut out, &json!({ "path": file.path, "truncated": report.truncated_count }));
        }
        Piece::whole(out, 0)
    }
}

/// One line of JSON (to memory, which cannot fail).
fn line(out: &mut Vec<u8>, value: &Value) {
    let _ = serde_json::to_writer(&mut *out, value);
    out.push(b'\n');
}

impl<'w> Jsonl<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Jsonl<'w> {
        Jsonl { out, render: Arc::new(JsonlRender(settings.lang)) }
    }
}

impl Sink for Jsonl<'_> {
    fn renderer(&self) -> Option<Arc<dyn Render>> {
        Some(self.render.clone())
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if let Some(reason) = &stats.failure {
            let mut out = Vec::new();
            line(&mut out, &json!({ "path": file.path, "error": reason }));
            self.out.write_all(&out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        self.out.flush()
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}
