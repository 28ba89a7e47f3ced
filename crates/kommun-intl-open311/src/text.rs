//! Positions in a text and the checks every format shares: size, encoding, byte order mark.

use std::collections::HashMap;

use kommun_intl::validate::{Ctx, rules};
use kommun_intl::{Issue, Limits, Options, Report};

/// A place in the text: 1-based line and column (in characters), and the byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: u32,
    pub column: u32,
    pub offset: usize,
}

/// Where each line of a text starts, to turn byte offsets into lines and columns. Columns
/// count characters from the line's start, or from the last place asked for on the same line:
/// asked in the order of the text (as the readers do), all places of a text cost one pass,
/// however long its lines.
pub(crate) struct Lines<'t> {
    text: &'t [u8],
    starts: Vec<usize>,
    last: std::cell::Cell<Pos>,
}

impl<'t> Lines<'t> {
    /// Indexes the lines of `text` (one pass).
    pub fn new(text: &'t [u8]) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(memchr_lines(text));
        Lines { text, starts, last: std::cell::Cell::new(Pos { line: 1, column: 1, offset: 0 }) }
    }

    /// The position of a byte offset.
    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let last = self.last.get();
        let (from, column) =
            if last.line == to_u32(line) && last.offset <= offset && last.offset >= start {
                (last.offset, last.column)
            } else {
                (start, 1)
            };
        let counted = self.text[from..offset].iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        let pos =
            Pos { line: to_u32(line), column: column.saturating_add(to_u32(counted)), offset };
        self.last.set(pos);
        pos
    }
}

fn memchr_lines(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    text.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i + 1)
}

/// Where each member of a converted document came from: places by JSON Pointer (a later place
/// of the same pointer replaces the earlier one).
#[derive(Default)]
pub(crate) struct Places(HashMap<String, Pos>);

impl Places {
    /// Records where the member at `pointer` is.
    pub fn push(&mut self, pointer: String, pos: Pos) {
        self.0.insert(pointer, pos);
    }

    /// The place of the longest recorded pointer that `pointer` starts with, whole tokens at
    /// a time: one lookup for each token of `pointer`, however many places there are (a search
    /// of every place for every issue was quadratic on a request of many unknown fields).
    pub fn find(&self, pointer: &str) -> Option<Pos> {
        let mut prefix = pointer;
        loop {
            if let Some(pos) = self.0.get(prefix) {
                return Some(*pos);
            }
            prefix = &prefix[..prefix.rfind('/')?];
        }
    }

    /// Gives every issue of `report` without a place the place of its pointer (or `fallback`).
    pub fn locate(&self, report: &mut Report, fallback: Option<Pos>) {
        for issue in &mut report.issues {
            if issue.line.is_none()
                && let Some(pos) = self.find(&issue.pointer).or(fallback)
            {
                place(issue, pos);
            }
        }
    }
}

/// Gives an issue its place in the text.
pub(crate) fn place(issue: &mut Issue, pos: Pos) {
    issue.line = Some(pos.line);
    issue.column = Some(pos.column);
    issue.offset = Some(pos.offset);
}

/// The report of the problems a reader found before converting: `report` puts each item's
/// issue into the context and says where in the text it is.
pub(crate) fn placed<T>(
    options: &Options,
    items: &[T],
    report: impl Fn(&mut Ctx, &T) -> Option<Pos>,
) -> Report {
    let mut ctx = Ctx::new(options);
    let positions: Vec<Option<Pos>> = items.iter().map(|item| report(&mut ctx, item)).collect();
    let mut out = ctx.finish();
    for (issue, pos) in out.issues.iter_mut().zip(positions) {
        if let Some(pos) = pos {
            place(issue, pos);
        }
    }
    out
}

/// The report of one issue of `rule` at `pos` (at the document root).
pub(crate) fn fail(
    options: &Options,
    rule: &'static kommun_intl::validate::Rule,
    params: &[(&'static str, String)],
    pos: Option<Pos>,
) -> Report {
    let mut ctx = Ctx::new(options);
    ctx.report(rule, params);
    let mut report = ctx.finish();
    if let (Some(issue), Some(pos)) = (report.issues.first_mut(), pos) {
        place(issue, pos);
    }
    report
}

/// The checks before any format reads the text: the size limit, UTF-8 (under `rule`), and a
/// byte order mark, which is skipped. Returns the text to read and how many bytes were skipped.
pub(crate) fn prepare<'t>(
    input: &'t [u8],
    options: &Options,
    rule: &'static kommun_intl::validate::Rule,
) -> Result<(&'t str, usize), Report> {
    let limits: &Limits = &options.limits;
    if input.len() > limits.max_document_size {
        let max = limits.max_document_size.to_string();
        return Err(fail(options, &rules::LIMIT_DOCUMENT_SIZE, &[("max", max)], None));
    }
    let (text, skipped) = match input.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (input, 0),
    };
    match std::str::from_utf8(text) {
        Ok(s) => Ok((s, skipped)),
        Err(e) => {
            let offset = skipped + e.valid_up_to();
            let pos = Lines::new(input).pos(offset);
            Err(fail(options, rule, &[("offset", offset.to_string())], Some(pos)))
        }
    }
}

/// A field name as issues show it. Names the sender chose may be data (a person's name as a
/// key): in requests, which hold personal data, a name is shown only when it is, or is close
/// to, one of `known` (a misspelt field), as the core shows the keys of personal kinds;
/// otherwise it is masked. Service lists are public: their names show as written.
pub(crate) fn shown_name(name: &str, known: Option<&[&str]>) -> String {
    let short: String = name.chars().take(60).collect();
    let plain = !name.is_empty()
        && name.len() <= 60
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.:[]".contains(&b));
    let shown = match known {
        None => plain,
        Some(known) => plain && known.iter().any(|k| near(name, k)),
    };
    if shown { short } else { kommun_intl::personal::mask(&short) }
}

/// True when `a` is `b` but for at most two edits (and a third of its length).
fn near(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    let d = row[b.len()];
    d <= 2 && d * 3 <= b.len()
}

/// Joins several reports into one, keeping at most `max` issues in all.
pub(crate) fn merge(reports: impl IntoIterator<Item = Report>, max: usize) -> Report {
    let mut issues = Vec::new();
    let (mut truncated, mut errors) = (0, 0);
    for r in reports {
        errors += r.error_count();
        truncated += r.truncated_count;
        for issue in r.issues {
            if issues.len() < max {
                issues.push(issue);
            } else {
                truncated += 1;
            }
        }
    }
    Report::from_parts(issues, truncated, errors).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let lines = Lines::new("ab\nçd\n".as_bytes());
        assert_eq!(lines.pos(0), Pos { line: 1, column: 1, offset: 0 });
        assert_eq!(lines.pos(3), Pos { line: 2, column: 1, offset: 3 });
        assert_eq!(lines.pos(5), Pos { line: 2, column: 2, offset: 5 });
        // Asked out of order, the count starts again from the line's start.
        assert_eq!(lines.pos(1), Pos { line: 1, column: 2, offset: 1 });
    }

    #[test]
    fn names_that_may_be_data_are_masked() {
        assert_eq!(shown_name("key_service", None), "key_service");
        assert_eq!(shown_name("anna@example.se", None), "xxxx@xxxxxxx.xx");
        let known: &[&str] = &["zipcode", "service_code"];
        assert_eq!(shown_name("zip_code", Some(known)), "zip_code");
        assert_eq!(shown_name("Annasson", Some(known)), "xxxxxxxx");
    }
}
