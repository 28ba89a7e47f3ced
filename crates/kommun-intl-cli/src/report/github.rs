//! The GitHub Actions format: one workflow command per issue, which the run shows as an
//! annotation on the file and line (`::error file=data/x.json,line=3,col=5,title=...::...`).

use std::io::{self, Write};
use std::sync::Arc;

use kommun_intl::{Lang, Report, Severity};

use super::{DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals, summary};

/// The GitHub format.
pub struct Github<'w> {
    out: Box<dyn Write + 'w>,
    lang: Lang,
    render: Arc<GithubRender>,
}

impl<'w> Github<'w> {
    /// Writes to `out`.
    pub fn new(out: Box<dyn Write + 'w>, settings: Settings) -> Github<'w> {
        Github { out, lang: settings.lang, render: Arc::new(GithubRender(settings.lang)) }
    }
}

/// Escapes a workflow command's message: what the runner decodes, then the other control
/// characters (which would reach the log as they are).
fn data(s: &str) -> String {
    let s = s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    crate::env::escape_controls(&s).into_owned()
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow commands of one document's issues.
struct GithubRender(Lang);

impl Render for GithubRender {
    fn render(&self, file: &FileInfo<'_>, _doc: &DocInfo<'_>, report: &Report) -> Piece {
        let mut out = Vec::new();
        // Writing to memory cannot fail.
        let _ = self.write(&mut out, file, report);
        Piece::whole(out, 0)
    }
}

impl GithubRender {
    fn write(&self, out: &mut Vec<u8>, file: &FileInfo<'_>, report: &Report) -> io::Result<()> {
        for issue in &report.issues {
            let command = match issue.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let place = match (issue.line, issue.column) {
                (Some(line), Some(col)) => format!(",line={line},col={col}"),
                _ => String::new(),
            };
            let props =
                format!("file={}{place},title={}", property(file.path), property(issue.code));
            let pointer = super::pointer_in_parens(&issue.pointer);
            let message = match &issue.cell {
                Some(c) if !c.header.is_empty() => {
                    format!("{c} [{}]: {} {pointer}", c.header, issue.message(self.0))
                }
                Some(c) => format!("{c}: {} {pointer}", issue.message(self.0)),
                None => format!("{} {pointer}", issue.message(self.0)),
            };
            writeln!(out, "::{command} {props}::{}", data(&message))?;
        }
        if report.truncated_count > 0 {
            let n = report.truncated_count;
            writeln!(
                out,
                "::warning file={}::{}",
                property(file.path),
                data(&super::more_issues(n, self.0))
            )?;
        }
        Ok(())
    }
}

impl Sink for Github<'_> {
    fn renderer(&self) -> Option<Arc<dyn Render>> {
        Some(self.render.clone())
    }

    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()> {
        if let Some(reason) = &stats.failure {
            writeln!(self.out, "::error file={}::{}", property(file.path), data(reason))?;
        }
        Ok(())
    }

    fn finish(&mut self, totals: &Totals) -> io::Result<()> {
        writeln!(self.out, "{}", summary(totals, self.lang))?;
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
    fn escapes_as_the_runner_expects() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
