//! SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning among them): one
//! run, the whole rule catalogue as the tool's rules, one result per issue.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::Arc;

use kommun_intl::validate::rules;
use kommun_intl::{Lang, Report, Severity};
use serde_json::{Value, json};

use super::json::write_indented;
use super::{DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals, write_listed};

/// The SARIF format.
pub struct Sarif<'w> {
    out: Box<dyn Write + 'w>,
    lang: Lang,
    render: Arc<SarifRender>,
    started: bool,
    results: u64,
    notifications: Vec<Value>,
}

impl<'w> Sarif<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Sarif<'w> {
        Sarif {
            out,
            lang: settings.lang,
            render: Arc::new(SarifRender(settings.lang)),
            started: false,
            results: 0,
            notifications: Vec::new(),
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let rules: Vec<Value> = rules::ALL
            .iter()
            .map(|r| {
                let schema = crate::catalogue::schema_word(r.check);
                json!({
                    "id": r.code,
                    "shortDescription": { "text": r.template(self.lang) },
                    "fullDescription": { "text": r.template(self.lang) },
                    "help": { "text": format!("kommun-intl explain {}", r.code) },
                    "helpUri": r.url(),
                    "defaultConfiguration": { "level": level(r.severity) },
                    "properties": { "schema": schema, "en": r.en, "sv": r.sv },
                })
            })
            .collect();
        let tool = json!({
            "driver": {
                "name": "kommun-intl",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "language": self.lang.tag(),
                "rules": rules,
            }
        });
        write!(
            self.out,
            "{{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
        )?;
        write_indented(&mut self.out, &tool, "      ")?;
        write!(self.out, ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A path as a relative URI reference: forward slashes, and everything but unreserved
/// characters and `/` percent-encoded.
fn uri(path: &str) -> String {
    if path == crate::inputs::STDIN_NAME {
        return "stdin".to_owned();
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The results of one document's issues.
struct SarifRender(Lang);

impl Render for SarifRender {
    fn render(&self, file: &FileInfo<'_>, _doc: &DocInfo<'_>, report: &Report) -> Piece {
        let mut entries = Vec::with_capacity(report.issues.len());
        for issue in &report.issues {
            let index = rules::ALL.iter().position(|r| r.code == issue.code);
            let mut physical = json!({ "artifactLocation": { "uri": uri(file.path) } });
            if let (Some(line), Some(column)) = (issue.line, issue.column) {
                physical["region"] = json!({ "startLine": line, "startColumn": column });
            }
            let mut result = json!({
                "ruleId": issue.code,
                "level": level(issue.severity),
                "message": { "text": issue.message(self.0) },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{
                        "fullyQualifiedName": issue.pointer,
                        "kind": "value",
                    }],
                }],
            });
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            // A value of a spreadsheet: the cell as a second logical location, and as
            // properties for tools that show them.
            if let Some(c) = &issue.cell {
                if let Some(l) = result["locations"][0]["logicalLocations"].as_array_mut() {
                    l.push(json!({
                        "fullyQualifiedName": c.to_string(),
                        "name": c.cell,
                        "kind": "element",
                    }));
                }
                result["properties"] =
                    json!({ "sheet": c.sheet, "cell": c.cell, "header": c.header });
            }
            let mut entry = b"\n        ".to_vec();
            // Writing to memory cannot fail.
            let _ = write_indented(&mut entry, &result, "        ");
            entries.push(entry);
        }
        Piece { entries, tally: 0 }
    }
}

impl Sink for Sarif<'_> {
    fn file_start(&mut self, _file: &FileInfo<'_>) -> io::Result<()> {
        self.start()
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
        write_listed(&mut *self.out, piece, &mut self.results)
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if let Some(reason) = &stats.failure {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": reason },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(file.path) } } }],
            }));
        }
        Ok(())
    }

    fn finish(&mut self, _totals: &Totals) -> io::Result<()> {
        self.start()?;
        let invocation = json!([{
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        }]);
        write!(
            self.out,
            "{}],\n      \"invocations\": ",
            if self.results > 0 { "\n      " } else { "" }
        )?;
        write_indented(&mut self.out, &invocation, "      ")?;
        writeln!(self.out, "\n    }}\n  ]\n}}")?;
        self.out.flush()
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_relative_uri_references() {
        assert_eq!(uri("./data/Lidköping register.json"), "data/Lidk%C3%B6ping%20register.json");
        assert_eq!(uri("a\\b.json"), "a/b.json");
        assert_eq!(uri("<stdin>"), "stdin");
    }
}
