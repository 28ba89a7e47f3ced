//! Finds the line and column of JSON Pointers in source text.
//!
//! Runs only when a document has issues: the valid path never pays for it. The text has
//! already been parsed by `serde_json` (so it is well-formed and at most 128 levels deep); the
//! scanner still stops quietly at anything unexpected.

use std::collections::{HashMap, HashSet};

use super::issue::Issue;
use super::rules;

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    path: String,
    /// Every pointer asked for, and every prefix of one (where the scan records positions and
    /// descends).
    prefixes: HashSet<String>,
    /// Pointer -> (offset of the member's key, offset of the value).
    found: HashMap<String, (Option<usize>, usize)>,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips a string starting at `"`; returns its raw bytes without the quotes.
    fn string(&mut self) -> Option<(usize, usize)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.i += 1;
        let start = self.i;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some((start, self.i - 1));
                }
                _ => self.i += 1,
            }
        }
        None
    }

    fn value(&mut self, key_at: Option<usize>) -> Option<()> {
        self.ws();
        let at = self.i;
        let descend = self.prefixes.contains(&self.path);
        if descend {
            self.found.insert(self.path.clone(), (key_at, at));
        }
        match self.peek()? {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.peek()? {
                        b'}' => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let key_at = self.i;
                    let (s, e) = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    let len = self.path.len();
                    if descend {
                        let raw = &self.b[s..e];
                        let key: String = if raw.contains(&b'\\') {
                            serde_json::from_slice(&self.b[s - 1..=e]).ok()?
                        } else {
                            String::from_utf8_lossy(raw).into_owned()
                        };
                        self.path.push('/');
                        self.path.push_str(&key.replace('~', "~0").replace('/', "~1"));
                        self.value(Some(key_at))?;
                    } else {
                        self.skip()?;
                    }
                    self.path.truncate(len);
                }
            }
            b'[' => {
                self.i += 1;
                let mut index = 0usize;
                loop {
                    self.ws();
                    match self.peek()? {
                        b']' => {
                            self.i += 1;
                            return Some(());
                        }
                        b',' => {
                            self.i += 1;
                            continue;
                        }
                        _ => {}
                    }
                    let len = self.path.len();
                    if descend {
                        self.path.push('/');
                        self.path.push_str(&index.to_string());
                        self.value(None)?;
                    } else {
                        self.skip()?;
                    }
                    self.path.truncate(len);
                    index += 1;
                }
            }
            _ => self.skip(),
        }
    }

    /// Skips one value without recording anything.
    fn skip(&mut self) -> Option<()> {
        self.ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    self.i += 1;
                }
                b',' if depth == 0 => return Some(()),
                _ => self.i += 1,
            }
            if depth == 0 && matches!(self.b.get(self.i.wrapping_sub(1)), Some(b'"' | b'}' | b']'))
            {
                // A complete string or container at the top level of this value.
                return Some(());
            }
        }
    }
}

/// Converts a byte offset to a 1-based (line, column), counting columns in characters.
pub(crate) fn line_column(text: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&text[line_start..offset]).chars().count() + 1;
    (line, column)
}

/// The byte offset of a position as `serde_json` reports it: a 1-based line and a column
/// counted in bytes, 0 right after a line break. (Issues count columns in characters; convert
/// with [`line_column`].)
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
    let mut prefixes = HashSet::new();
    for &i in &todo {
        let p = &issues[i].pointer;
        let mut end = p.len();
        loop {
            prefixes.insert(p[..end].to_owned());
            match p[..end].rfind('/') {
                Some(j) => end = j,
                None => break,
            }
        }
    }
    let mut scanner =
        Scanner { b: text, i: 0, path: String::new(), prefixes, found: HashMap::new() };
    // Skip a byte order mark so that columns on the first line stay right.
    if text.starts_with(&[0xEF, 0xBB, 0xBF]) {
        scanner.i = 3;
    }
    let _ = scanner.value(None);
    let mut offsets: Vec<(usize, usize)> = Vec::with_capacity(todo.len());
    for &i in &todo {
        // A pointer to a value that is not in the text (a defaulted field) points at its
        // nearest ancestor that is.
        let mut pointer = issues[i].pointer.as_str();
        loop {
            if let Some(&(key, value)) = scanner.found.get(pointer) {
                let at_key = issues[i].rule.code == rules::UNKNOWN_FIELD.code;
                offsets.push((if at_key { key.unwrap_or(value) } else { value }, i));
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
