//! Gives issues their line and column in the source text, through the public span scan
//! ([`crate::locate::spans`]).
//!
//! Runs only when a document has issues: the valid path never pays for it.

use std::collections::{HashMap, HashSet};

use super::issue::Issue;
use super::rules;
use crate::locate::{Span, spans};

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

/// Fills in `line` and `column` of every issue whose pointer is found in `text`.
pub(crate) fn locate(text: &[u8], issues: &mut [Issue]) {
    let todo: Vec<usize> = (0..issues.len()).filter(|&i| issues[i].line.is_none()).collect();
    if todo.is_empty() {
        return;
    }
    // Ask for every prefix too: a pointer to a value that is not in the text (a defaulted
    // field) points at its nearest ancestor that is.
    let mut prefixes: HashSet<&str> = HashSet::new();
    for &i in &todo {
        let p = issues[i].pointer.as_str();
        let mut end = p.len();
        loop {
            prefixes.insert(&p[..end]);
            match p[..end].rfind('/') {
                Some(j) => end = j,
                None => break,
            }
        }
    }
    let prefixes: Vec<&str> = prefixes.into_iter().collect();
    let found: HashMap<&str, Span> = prefixes
        .iter()
        .zip(spans(text, &prefixes))
        .filter_map(|(p, span)| Some((*p, span?)))
        .collect();
    let mut offsets: Vec<(usize, usize)> = Vec::with_capacity(todo.len());
    for &i in &todo {
        let mut pointer = issues[i].pointer.as_str();
        loop {
            if let Some(span) = found.get(pointer) {
                let at_key = issues[i].rule.code == rules::UNKNOWN_FIELD.code;
                let key = span.key.as_ref().filter(|_| at_key);
                offsets.push((key.map_or(span.value.start, |k| k.start), i));
                break;
            }
            match pointer.rfind('/') {
                Some(j) => pointer = &pointer[..j],
                None => break,
            }
        }
    }
    offsets.sort_unstable();
    let (mut line, mut line_start, mut pos) = (1u32, 0usize, 0usize);
    for (offset, i) in offsets {
        let offset = offset.min(text.len());
        while pos < offset {
            if text[pos] == b'\n' {
                line += 1;
                line_start = pos + 1;
            }
            pos += 1;
        }
        let column = String::from_utf8_lossy(&text[line_start..offset]).chars().count();
        issues[i].line = Some(line);
        issues[i].column = Some(u32::try_from(column).unwrap_or(u32::MAX).saturating_add(1));
    }
}
