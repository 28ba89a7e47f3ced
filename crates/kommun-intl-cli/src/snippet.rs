//! Source snippets in the style of rustc: the line of the issue, with a caret under the spot,
//! and personal values masked.

use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

use anstyle::Style;
use kommun_intl::{DocumentKind, Issue, locate, personal};
use unicode_width::UnicodeWidthChar;

use crate::env::{Styles, paint};

/// The widest source line shown, in terminal columns; longer lines are cut around the caret.
const MAX_WIDTH: usize = 100;
/// How much of a cut line to show before the caret.
const BEFORE_CARET: usize = 40;
/// A tab is shown as this many spaces.
const TAB: &str = "    ";

/// `text` (which starts at byte `offset` of the document) as UTF-8, with the parts that the
/// document's personal `ranges` cover masked (see [`personal::mask`]).
pub fn mask_bytes(text: &[u8], ranges: &[Range<usize>], offset: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        let start = r.start.saturating_sub(offset).max(at);
        let end = r.end.saturating_sub(offset).min(text.len());
        if r.end <= offset || start >= end {
            continue;
        }
        out.push_str(&String::from_utf8_lossy(&text[at..start]));
        out.push_str(&personal::mask(&String::from_utf8_lossy(&text[start..end])));
        at = end;
    }
    out.push_str(&String::from_utf8_lossy(&text[at..]));
    out
}

/// What is needed to draw snippets for the issues of one document.
pub struct Snippets<'a> {
    text: &'a [u8],
    first_line: usize,
    /// Byte ranges of personal values (masked in every snippet).
    personal: Vec<Range<usize>>,
    /// Where each line starts.
    line_starts: Vec<usize>,
    /// The span of each issue's pointer.
    spans: HashMap<String, locate::Span>,
}

impl<'a> Snippets<'a> {
    /// Prepares snippets for `issues` of a document (`first_line`: where it starts in its
    /// input, for NDJSON).
    pub fn new(
        kind: Option<DocumentKind>,
        text: &'a [u8],
        first_line: usize,
        issues: &[Issue],
    ) -> Snippets<'a> {
        let mut line_starts = vec![0];
        line_starts
            .extend(text.iter().enumerate().filter(|&(_, &b)| b == b'\n').map(|(i, _)| i + 1));
        let pointers: Vec<&str> = issues.iter().map(|i| i.pointer.as_str()).collect();
        let spans = locate::spans(text, &pointers)
            .into_iter()
            .zip(&pointers)
            .filter_map(|(s, p)| Some(((*p).to_owned(), s?)))
            .collect();
        Snippets { text, first_line, personal: personal::spans(kind, text), line_starts, spans }
    }

    /// The byte range of a line of the document (0-based), without its line ending.
    fn line_range(&self, index: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(index)?;
        let mut end = self.line_starts.get(index + 1).map_or(self.text.len(), |&n| n - 1);
        if end > start && self.text[end - 1] == b'\r' {
            end -= 1;
        }
        Some(start..end)
    }

    /// The line with personal values masked, as characters.
    fn masked_line(&self, range: &Range<usize>) -> Vec<char> {
        mask_bytes(&self.text[range.clone()], &self.personal, range.start).chars().collect()
    }

    /// How many characters to underline: the whole value (or key) when it starts at the
    /// issue's position and ends on the same line, else one.
    fn underline(&self, issue: &Issue, index: usize, column: usize, line: &Range<usize>) -> usize {
        let Some(span) = self.spans.get(&issue.pointer) else { return 1 };
        let range = if issue.code() == "structure.unknown_field" {
            span.key.clone().unwrap_or(span.value.clone())
        } else {
            span.value.clone()
        };
        if range.start < line.start || range.start > line.end {
            return 1;
        }
        let before = String::from_utf8_lossy(&self.text[line.start..range.start]).chars().count();
        if before + 1 != column || self.line_starts.get(index) != Some(&line.start) {
            return 1;
        }
        let end = range.end.min(line.end);
        String::from_utf8_lossy(&self.text[range.start..end]).chars().count().max(1)
    }

    /// Writes the snippet of one issue: the gutter, the source line and the caret line with
    /// `label` after the carets. Nothing when the issue has no position.
    pub fn render(
        &self,
        out: &mut dyn Write,
        styles: &Styles,
        issue: &Issue,
        caret: Style,
        label: &str,
    ) -> io::Result<()> {
        let (Some(line_no), Some(column)) = (issue.line, issue.column) else { return Ok(()) };
        let (line_no, column) = (line_no as usize, column as usize);
        let Some(index) = line_no.checked_sub(self.first_line) else { return Ok(()) };
        let Some(range) = self.line_range(index) else { return Ok(()) };
        let chars = self.masked_line(&range);
        let first = column.saturating_sub(1).min(chars.len());
        let count = self.underline(issue, index, column, &range).min(chars.len() - first).max(1);

        // Display cells of each character, and their running sum.
        let cell = |c: char| match c {
            '\t' => TAB.len(),
            c if c.is_control() => 1,
            c => c.width().unwrap_or(0),
        };
        let mut sums = Vec::with_capacity(chars.len() + 1);
        sums.push(0usize);
        for &c in &chars {
            sums.push(sums.last().copied().unwrap_or(0) + cell(c));
        }
        let width = |r: Range<usize>| sums[r.end] - sums[r.start];
        // Cut a long line around the caret.
        let (mut from, mut to) = (0, chars.len());
        if width(0..chars.len()) > MAX_WIDTH {
            while from < first && width(from..first) > BEFORE_CARET {
                from += 1;
            }
            while to > from + 1 && width(from..to) > MAX_WIDTH {
                to -= 1;
            }
        }
        let ellipsis_before = if from > 0 { "…" } else { "" };
        let ellipsis_after = if to < chars.len() { "…" } else { "" };
        let shown: String = chars[from..to]
            .iter()
            .map(|&c| match c {
                '\t' => TAB.to_owned(),
                c if c.is_control() => '\u{fffd}'.to_string(),
                c => c.to_string(),
            })
            .collect();
        let caret_at = width(from..first.max(from)) + usize::from(from > 0);
        let caret_len = if first < to { width(first..(first + count).min(to)).max(1) } else { 1 };

        let number = line_no.to_string();
        let pad = " ".repeat(number.len());
        paint(out, styles.gutter, &format!("{pad} |"))?;
        writeln!(out)?;
        paint(out, styles.gutter, &format!("{number} |"))?;
        writeln!(out, " {ellipsis_before}{shown}{ellipsis_after}")?;
        paint(out, styles.gutter, &format!("{pad} |"))?;
        write!(out, " {}", " ".repeat(caret_at))?;
        paint(out, caret, &"^".repeat(caret_len))?;
        if !label.is_empty() {
            write!(out, " ")?;
            paint(out, caret, label)?;
        }
        writeln!(out)
    }

    /// The gutter's padding for a hint line under this issue's snippet.
    pub fn pad(issue: &Issue) -> String {
        " ".repeat(issue.line.map_or(1, |l| l.to_string().len()))
    }
}
