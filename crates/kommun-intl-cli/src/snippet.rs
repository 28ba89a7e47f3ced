//! Source snippets in the style of rustc: the line of the issue, with a caret under the spot,
//! and personal values masked.
//!
//! Each snippet costs a bounded amount of work however long its line and however many issues
//! share it: only a window of the line around the caret is decoded and masked, and the masked
//! ranges in it are found by binary search.

use std::io::{self, Write};
use std::ops::Range;

use anstyle::Style;
use kommun_intl::personal::{self, Trust};
use kommun_intl::{DocumentKind, Issue, locate};
use unicode_width::UnicodeWidthChar;

use crate::env::{Styles, paint};

/// The widest source line shown, in terminal columns; longer lines are cut around the caret.
const MAX_WIDTH: usize = 100;
/// How much of a cut line to show before the caret.
const BEFORE_CARET: usize = 40;
/// The most bytes of a line read on either side of the caret: enough for the widest window of
/// four-byte characters.
const WINDOW_BYTES: usize = MAX_WIDTH * 4;
/// A tab is shown as this many spaces.
const TAB: &str = "    ";

/// `text[range]` as UTF-8, with the parts that the document's personal `ranges` (sorted, not
/// overlapping, in document offsets) cover masked (see [`personal::mask`]). Only the ranges
/// that meet `range` are looked at.
pub fn mask_bytes(text: &[u8], ranges: &[Range<usize>], range: Range<usize>) -> String {
    let range = range.start.min(text.len())..range.end.min(text.len());
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    let first = ranges.partition_point(|r| r.end <= range.start);
    for r in &ranges[first..] {
        if r.start >= range.end {
            break;
        }
        let start = r.start.max(at);
        let end = r.end.min(range.end);
        if start >= end {
            continue;
        }
        out.push_str(&String::from_utf8_lossy(&text[at..start]));
        out.push_str(&personal::mask(&String::from_utf8_lossy(&text[start..end])));
        at = end;
    }
    out.push_str(&String::from_utf8_lossy(&text[at..range.end]));
    out
}

/// What is needed to draw snippets for the issues of one document.
pub struct Snippets<'a> {
    text: &'a [u8],
    /// Byte ranges of personal values (masked in every snippet).
    personal: Vec<Range<usize>>,
    /// Where each line starts.
    line_starts: Vec<usize>,
    /// The span of each issue's pointer, in the order of the issues.
    spans: Vec<Option<locate::Span>>,
}

impl<'a> Snippets<'a> {
    /// Prepares snippets for `issues` of a document whose kind is `kind` (`None` when it could
    /// not be told), told by the caller or not (`trust`).
    pub fn new(
        kind: Option<DocumentKind>,
        trust: Trust,
        text: &'a [u8],
        issues: &[Issue],
    ) -> Snippets<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        let pointers: Vec<&str> = issues.iter().map(|i| i.pointer.as_str()).collect();
        let spans = locate::spans(text, &pointers);
        Snippets { text, personal: personal::spans(kind, trust, text), line_starts, spans }
    }

    /// The byte range of the line holding `offset`, without its line ending (and, on the
    /// first line, without a byte order mark).
    fn line_of(&self, offset: usize) -> (usize, Range<usize>) {
        let index = self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1);
        let mut start = self.line_starts[index];
        if start == 0 && self.text.starts_with(&[0xEF, 0xBB, 0xBF]) {
            start = 3;
        }
        let mut end = self.line_starts.get(index + 1).map_or(self.text.len(), |&n| n - 1);
        if end > start && self.text[end - 1] == b'\r' {
            end -= 1;
        }
        (index, start..end.max(start))
    }

    /// How many bytes to underline from `offset`: the whole value (or key) when it starts
    /// there, up to the end of the line; else none (one caret is drawn).
    fn underline(&self, i: usize, issue: &Issue, offset: usize, line_end: usize) -> usize {
        let Some(Some(span)) = self.spans.get(i) else { return 0 };
        let range = if issue.code == "structure.unknown_field" {
            span.key.clone().unwrap_or(span.value.clone())
        } else {
            span.value.clone()
        };
        if range.start == offset { range.end.min(line_end).saturating_sub(offset) } else { 0 }
    }

    /// Writes the snippet of the `i`th issue: the gutter, the source line and the caret line
    /// with `label` after the carets. Nothing when the issue has no position.
    pub fn render(
        &self,
        out: &mut dyn Write,
        styles: &Styles,
        (i, issue): (usize, &Issue),
        caret: Style,
        label: &str,
    ) -> io::Result<()> {
        let (Some(line_no), Some(offset)) = (issue.line, issue.offset) else { return Ok(()) };
        let offset = offset.min(self.text.len());
        let (_, line) = self.line_of(offset);
        let offset = offset.clamp(line.start, line.end);
        // A window of the line around the caret, on character boundaries.
        let is_start = |b: u8| b & 0xC0 != 0x80;
        let mut from = offset.saturating_sub(WINDOW_BYTES).max(line.start);
        while from < offset && !is_start(self.text[from]) {
            from += 1;
        }
        let mut to = offset.saturating_add(WINDOW_BYTES).min(line.end);
        while to < line.end && !is_start(self.text[to]) {
            to += 1;
        }
        let underline = self.underline(i, issue, offset, line.end).min(to - offset);
        let before: Vec<char> =
            mask_bytes(self.text, &self.personal, from..offset).chars().collect();
        let marked: Vec<char> =
            mask_bytes(self.text, &self.personal, offset..offset + underline).chars().collect();
        let after: Vec<char> =
            mask_bytes(self.text, &self.personal, offset + underline..to).chars().collect();
        let chars: Vec<char> = before.iter().chain(&marked).chain(&after).copied().collect();
        let first = before.len();
        let count = marked.len().max(1);

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
        // Cut the window around the caret.
        let (mut start, mut end) = (0, chars.len());
        if width(0..chars.len()) > MAX_WIDTH || from > line.start || to < line.end {
            while start < first && width(start..first) > BEFORE_CARET {
                start += 1;
            }
            while end > start + 1 && width(start..end) > MAX_WIDTH {
                end -= 1;
            }
        }
        let ellipsis_before = if start > 0 || from > line.start { "…" } else { "" };
        let ellipsis_after = if end < chars.len() || to < line.end { "…" } else { "" };
        let shown: String = chars[start..end]
            .iter()
            .map(|&c| match c {
                '\t' => TAB.to_owned(),
                // Control characters (ESC, BEL, CR, C1) never reach the terminal.
                c if c.is_control() || crate::env::is_bidi_control(c) => '\u{fffd}'.to_string(),
                c => c.to_string(),
            })
            .collect();
        let caret_at = width(start..first.max(start)) + usize::from(!ellipsis_before.is_empty());
        let caret_len = if first < end { width(first..(first + count).min(end)).max(1) } else { 1 };

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
            paint(out, caret, &crate::env::escape_controls(label))?;
        }
        writeln!(out)
    }

    /// The gutter's padding for a hint line under this issue's snippet.
    pub fn pad(issue: &Issue) -> String {
        " ".repeat(issue.line.map_or(1, |l| l.to_string().len()))
    }
}
