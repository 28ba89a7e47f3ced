//! The human format, in the style of rustc and ruff:
//!
//! ```text
//! bad.json:12:7: error[structure.unknown_field]: Unknown field `agrement_type`.
//!    |
//! 12 |       "agrement_type": "twinning",
//!    |       ^^^^^^^^^^^^^^^ /partnerships/0/agrement_type
//!    = hint: did you mean `agreement_type`?
//! ```

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::Arc;

use kommun_intl::{Issue, Lang, Report, Severity, fix};

use super::{DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals, summary};
use crate::env::{escape_controls, paint};
use crate::snippet::Snippets;

/// The codes whose issue `kommun-intl fix` can take away, when it has a fix at the issue's
/// pointer.
const FIXABLE: &[&str] =
    &["text.untrimmed", "phone.not_e164", "address.postal_code_format", "structure.unknown_code"];

/// The human format.
pub struct Human<'w> {
    out: Box<dyn Write + 'w>,
    render: Arc<HumanRender>,
    fixable: u64,
}

/// What the human format writes for one document.
struct HumanRender {
    settings: Settings,
}

impl<'w> Human<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Human<'w> {
        Human { out, render: Arc::new(HumanRender { settings }), fixable: 0 }
    }
}

impl HumanRender {
    fn severity_word(&self, severity: Severity) -> &'static str {
        match (severity, self.settings.lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Error, Lang::Sv) => "fel",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Warning, Lang::Sv) => "varning",
        }
    }

    fn header(
        &self,
        out: &mut Vec<u8>,
        path: &str,
        issue: &Issue,
        message: &str,
    ) -> io::Result<()> {
        let styles = self.settings.styles;
        let place = match (&issue.cell, issue.line, issue.column) {
            (Some(cell), _, _) => format!("{path}:{cell}:"),
            (None, Some(l), Some(c)) => format!("{path}:{l}:{c}:"),
            _ => format!("{path}:"),
        };
        let severity = match issue.severity {
            Severity::Error => styles.error,
            Severity::Warning => styles.warning,
        };
        let label = format!("{}[{}]", self.severity_word(issue.severity), issue.code);
        paint(out, styles.path, &escape_controls(&place))?;
        write!(out, " ")?;
        paint(out, severity, &label)?;
        paint(out, styles.message, &format!(": {}", escape_controls(message)))?;
        writeln!(out)
    }

    fn hint(&self, out: &mut Vec<u8>, pad: &str, text: &str) -> io::Result<()> {
        let word = match self.settings.lang {
            Lang::En => "hint",
            Lang::Sv => "tips",
        };
        paint(out, self.settings.styles.gutter, &format!("{pad} ="))?;
        write!(out, " ")?;
        paint(out, self.settings.styles.hint, &format!("{word}:"))?;
        writeln!(out, " {text}")
    }

    /// The pointers of the document that `fix` would change, if any issue could be one.
    fn fix_pointers(doc: &DocInfo<'_>, report: &Report) -> HashSet<String> {
        let Some(kind) = doc.kind else { return HashSet::new() };
        if !report.issues.iter().any(|i| FIXABLE.contains(&i.code)) {
            return HashSet::new();
        }
        fix::fixes(kind, doc.text)
            .map(|fixes| fixes.into_iter().map(|f| f.pointer).collect())
            .unwrap_or_default()
    }

    /// Writes the document's issues to `out`; returns how many `fix` can fix.
    fn write(
        &self,
        out: &mut Vec<u8>,
        file: &FileInfo<'_>,
        doc: &DocInfo<'_>,
        report: &Report,
    ) -> io::Result<u64> {
        if report.issues.is_empty() && report.truncated_count == 0 {
            return Ok(0);
        }
        let lang = self.settings.lang;
        let fixable = Self::fix_pointers(doc, report);
        if self.settings.quiet {
            for issue in &report.issues {
                let pointer = super::pointer_in_parens(&issue.pointer);
                let message = format!("{} {pointer}", issue.message(lang));
                self.header(out, file.path, issue, &message)?;
            }
        } else {
            let snippets = Snippets::new(doc.kind, doc.trust, doc.text, &report.issues);
            for (i, issue) in report.issues.iter().enumerate() {
                let message = issue.rule().render(lang, &issue.params);
                self.header(out, file.path, issue, &message)?;
                let caret = match issue.severity {
                    Severity::Error => self.settings.styles.error,
                    Severity::Warning => self.settings.styles.warning,
                };
                let pad = Snippets::pad(issue);
                if let Some(cell) = &issue.cell {
                    // A spreadsheet has no source line to show: the column and the pointer.
                    let column = match lang {
                        Lang::En => "column",
                        Lang::Sv => "kolumn",
                    };
                    let pointer = super::shown_pointer(&issue.pointer);
                    let text = if cell.header.is_empty() {
                        pointer.to_owned()
                    } else {
                        format!("{column} `{}`, {pointer}", escape_controls(&cell.header))
                    };
                    paint(out, self.settings.styles.gutter, &format!("{pad} |"))?;
                    writeln!(out, " {text}")?;
                } else {
                    snippets.render(
                        out,
                        &self.settings.styles,
                        (i, issue),
                        caret,
                        &issue.pointer,
                    )?;
                }
                if let Some(s) = issue.suggestion() {
                    let text = match lang {
                        Lang::En => format!("did you mean `{s}`?"),
                        Lang::Sv => format!("menade du `{s}`?"),
                    };
                    self.hint(out, &pad, &text)?;
                }
                if let Some(allowed) = issue.allowed() {
                    let text = match lang {
                        Lang::En => format!("the codes here are: {allowed}"),
                        Lang::Sv => format!("koderna här är: {allowed}"),
                    };
                    self.hint(out, &pad, &text)?;
                }
                if FIXABLE.contains(&issue.code) && fixable.contains(&issue.pointer) {
                    let text = match lang {
                        Lang::En => "`kommun-intl fix` can fix this",
                        Lang::Sv => "`kommun-intl fix` kan rätta detta",
                    };
                    self.hint(out, &pad, text)?;
                }
                writeln!(out)?;
            }
        }
        let fixed = report
            .issues
            .iter()
            .filter(|i| FIXABLE.contains(&i.code) && fixable.contains(&i.pointer))
            .count() as u64;
        if report.truncated_count > 0 {
            let n = report.truncated_count;
            let line = match lang {
                Lang::En => format!(
                    "{}:{}: {n} more {} in this document not shown (see --max-issues)",
                    file.path,
                    doc.first_line,
                    if n == 1 { "issue" } else { "issues" }
                ),
                Lang::Sv => format!(
                    "{}:{}: ytterligare {n} problem i dokumentet visas inte (se --max-issues)",
                    file.path, doc.first_line
                ),
            };
            paint(out, self.settings.styles.dim, &escape_controls(&line))?;
            writeln!(out)?;
            if !self.settings.quiet {
                writeln!(out)?;
            }
        }
        Ok(fixed)
    }
}

impl Render for HumanRender {
    fn render(&self, file: &FileInfo<'_>, doc: &DocInfo<'_>, report: &Report) -> Piece {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let tally = self.write(&mut out, file, doc, report).unwrap_or_default();
        Piece::whole(out, tally)
    }
}

impl Sink for Human<'_> {
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
        self.fixable += piece.tally;
        for entry in piece.entries {
            self.out.write_all(&entry)?;
        }
        Ok(())
    }

    fn file_end(&mut self, _file: &FileInfo<'_>, _stats: &FileStats) -> io::Result<()> {
        Ok(())
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        if !self.render.settings.quiet {
            let line = summary(totals, self.render.settings.lang);
            paint(&mut self.out, self.render.settings.styles.header, &line)?;
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    fn fixable(&self) -> u64 {
        self.fixable
    }

    fn out(&mut self) -> &mut dyn Write {
        &mut *self.out
    }
}
