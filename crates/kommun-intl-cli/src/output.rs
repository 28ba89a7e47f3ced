//! Printing reports.

use std::io::{self, Write};

use kommun_intl::{DocumentKind, Lang, Report};
use serde_json::json;

/// The outcome for one file.
pub struct FileResult {
    /// The path as given.
    pub path: String,
    /// The kind it was validated as.
    pub kind: DocumentKind,
    /// The report.
    pub report: Report,
}

/// `path:line:col: severity[code]: message`, one line per issue, then a summary.
pub fn human(out: &mut impl Write, results: &[FileResult], lang: Lang) -> io::Result<()> {
    let (mut errors, mut warnings) = (0, 0);
    for r in results {
        for issue in &r.report.issues {
            let place = match (issue.line, issue.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", r.path),
                _ => r.path.clone(),
            };
            let pointer = if issue.pointer.is_empty() { "/" } else { issue.pointer.as_str() };
            writeln!(
                out,
                "{place}: {}[{}]: {} ({pointer})",
                issue.severity(),
                issue.code(),
                issue.message(lang)
            )?;
        }
        if r.report.truncated_count > 0 {
            writeln!(out, "{}: ... {} more issue(s) not shown", r.path, r.report.truncated_count)?;
        }
        errors += r.report.error_count();
        warnings += r.report.warning_count();
    }
    let files = results.len();
    match lang {
        Lang::Sv => {
            writeln!(out, "{files} fil(er) kontrollerade: {errors} fel, {warnings} varning(ar)")
        }
        Lang::En => {
            writeln!(out, "{files} file(s) checked: {errors} error(s), {warnings} warning(s)")
        }
    }
}

/// One JSON object: `{"files": [{"path", "kind", "valid", "issues", "truncated"}]}`.
pub fn json(out: &mut impl Write, results: &[FileResult], lang: Lang) -> io::Result<()> {
    let files: Vec<_> = results
        .iter()
        .map(|r| {
            let issues: Vec<_> = r
                .report
                .issues
                .iter()
                .map(|i| {
                    json!({
                        "code": i.code(),
                        "severity": i.severity().as_str(),
                        "pointer": i.pointer,
                        "line": i.line,
                        "column": i.column,
                        "message": i.message(lang),
                        "params": i.params,
                    })
                })
                .collect();
            json!({
                "path": r.path,
                "kind": r.kind.name(),
                "valid": r.report.is_valid(),
                "issues": issues,
                "truncated": r.report.truncated_count,
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &json!({ "files": files }))?;
    writeln!(out)
}
