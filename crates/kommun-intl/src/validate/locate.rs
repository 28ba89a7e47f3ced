//! Gives issues their line and column in the source text, through the public span scan
//! ([`crate::locate::spans`]).
//!
//! Runs only when a document has issues: the valid path never pays for it.

use std::collections::{HashMap, HashSet};

use super::issue::Issue;
use super::rules;
use crate::locate::{Span, spans, sweep};

/// The byte offset of a position as `serde_json` reports it: a 1-based line and a column
/// counted in bytes, 0 right after a line break. (Issues count columns in characters; convert
/// with [`crate::locate::line_column`].)
pub(crate) fn serde_offset(text: &[u8], line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text).nth(line - 2).map_or(text.len(), |p| p + 1)
    };
    line_start.saturating_add(column.saturating_sub(1)).min(text.len())
}

/// Fills in `line` and `column` of every issue: from its byte offset when the reporter knew
/// it (`offset_of` the issue's index), else from where its pointer is found in `text`. One scan for
/// the pointers and one sweep for the positions, however many issues there are.
pub(crate) fn locate(
    text: &[u8],
    issues: &mut [Issue],
    offset_of: impl Fn(usize) -> Option<usize>,
) {
    let todo: Vec<usize> =
        (0..issues.len()).filter(|&i| issues[i].line.is_none() && offset_of(i).is_none()).collect();
    // Issues placed as they were reported (the explaining walk of a text) need no scan.
    let found = if todo.is_empty() { HashMap::new() } else { find(text, issues, &todo) };
    let mut at: Vec<(usize, usize)> = Vec::with_capacity(issues.len());
    for (i, issue) in issues.iter().enumerate() {
        if issue.line.is_some() {
            continue;
        }
        if let Some(offset) = offset_of(i) {
            at.push((offset, i));
            continue;
        }
        let mut pointer = issue.pointer.as_str();
        loop {
            if let Some(span) = found.get(pointer) {
                let at_key = issue.rule.code == rules::UNKNOWN_FIELD.code;
                let key = span.key.as_ref().filter(|_| at_key);
                at.push((key.map_or(span.value.start, |k| k.start), i));
                break;
            }
            match pointer.rfind('/') {
                Some(j) => pointer = &pointer[..j],
                None => break,
            }
        }
    }
    at.sort_unstable();
    sweep(text, at.iter().map(|&(o, _)| o), |n, (line, column)| {
        let (offset, i) = at[n];
        issues[i].line = Some(line);
        issues[i].column = Some(column);
        issues[i].offset = Some(offset);
    });
}

/// The spans of the pointers of the issues `todo` and of every prefix of them: a pointer to
/// a value that is not in the text (a defaulted field) points at its nearest ancestor that is.
fn find<'i>(text: &[u8], issues: &'i [Issue], todo: &[usize]) -> HashMap<&'i str, Span> {
    let mut prefixes: HashSet<&str> = HashSet::new();
    for &i in todo {
        let p = issues[i].pointer.as_str();
        let mut end = p.len();
        loop {
            if !prefixes.insert(&p[..end]) {
                break;
            }
            match p[..end].rfind('/') {
                Some(j) => end = j,
                None => break,
            }
        }
    }
    let prefixes: Vec<&str> = prefixes.into_iter().collect();
    prefixes.iter().zip(spans(text, &prefixes)).filter_map(|(p, span)| Some((*p, span?))).collect()
}
