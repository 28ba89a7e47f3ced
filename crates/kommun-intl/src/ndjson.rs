//! Newline-delimited JSON: one document per line.

use crate::document::DocumentKind;
use crate::validate::{Options, Report};

/// The non-blank lines of an NDJSON text, each with its 1-based line number. A final line
/// without a newline counts; `\r\n` endings are accepted.
pub fn lines(text: &[u8]) -> impl Iterator<Item = (usize, &[u8])> {
    let mut start = 0;
    let mut number = 0;
    std::iter::from_fn(move || {
        while start <= text.len() {
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
            let line = &text[start..end];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            start = end + 1;
            number += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                return Some((number, line));
            }
        }
        None
    })
}

/// Validates one NDJSON line as a document of `kind`; issue lines are those of the whole
/// file (`line_number` is the line's own 1-based number).
#[must_use]
pub fn validate_line(
    kind: DocumentKind,
    line: &[u8],
    line_number: usize,
    options: &Options,
) -> Report {
    let mut report = kind.validate_json(line, options);
    let offset = u32::try_from(line_number.saturating_sub(1)).unwrap_or(u32::MAX);
    for issue in &mut report.issues {
        issue.line = issue.line.map(|l| l.saturating_add(offset));
    }
    report
}

/// Validates every line of an NDJSON text: one report per non-blank line, with its number, the
/// lines checked on every core ([`crate::parallel`]).
#[must_use]
pub fn validate(kind: DocumentKind, text: &[u8], options: &Options) -> Vec<(usize, Report)> {
    let lines: Vec<(usize, &[u8])> = lines(text).collect();
    crate::parallel::map(&lines, |&(n, line)| (n, validate_line(kind, line, n, options)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_blanks_and_keep_numbers() {
        let text = b"{\"a\":1}\r\n\n  \n{\"b\":2}";
        let got: Vec<_> = lines(text).collect();
        assert_eq!(got, [(1, &b"{\"a\":1}"[..]), (4, &b"{\"b\":2}"[..])]);
    }

    #[test]
    fn issue_lines_are_file_lines() {
        let text = b"{\"category\": \"praise\", \"description\": \"Bra\", \"channel\": \"web\", \"submitted_at\": \"2026-11-28T09:30:00+01:00\"}\n\n{\"category\": \"praise\"}\n";
        let reports = validate(DocumentKind::Feedback, text, &Options::default());
        assert_eq!(reports.len(), 2);
        assert!(reports[0].1.is_clean());
        assert_eq!(reports[1].0, 3);
        assert!(reports[1].1.issues.iter().all(|i| i.line == Some(3)));
    }
}
