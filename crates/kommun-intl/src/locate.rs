//! Where values are in the source text: byte spans of JSON Pointers, and line and column of a
//! byte offset.
//!
//! Tools that edit a file in place (`kommun-intl fix`) or show a piece of it (the CLI's source
//! snippets) need to know exactly which bytes hold a value. [`spans`] scans the text once and
//! returns, for each pointer asked for, the bytes of its value and, for an object member, of
//! its key, without re-serialising anything.
//!
//! ```
//! use kommun_intl::locate::{line_column, spans};
//!
//! let text = br#"{"phone": "0510-77 00 00", "tags": [1, 2]}"#;
//! let found = spans(text, &["/phone", "/tags/1", "/nope"]);
//! let phone = found[0].as_ref().unwrap();
//! assert_eq!(&text[phone.value.clone()], br#""0510-77 00 00""#);
//! assert_eq!(&text[phone.key.clone().unwrap()], br#""phone""#);
//! assert_eq!(&text[found[1].as_ref().unwrap().value.clone()], b"2");
//! assert!(found[2].is_none());
//! assert_eq!(line_column(text, phone.value.start), (1, 11));
//! ```

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Where one value is in the text, as byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// The member's key with its quotes, when the value is an object member.
    pub key: Option<Range<usize>>,
    /// The value: a string with its quotes, a number, a literal, or a whole object or array
    /// from its opening to its closing bracket.
    pub value: Range<usize>,
}

/// Finds the span of each pointer (RFC 6901) in `text`. The result has one entry per pointer,
/// in order; `None` where the text has no such value or is malformed before it.
///
/// The text should be well-formed JSON (the scan does not check it), but the scan never
/// panics: on malformed input it stops and returns what it found so far. A byte order mark is
/// skipped. If a key occurs twice in one object, the last one wins, as in `serde_json`.
#[must_use]
pub fn spans(text: &[u8], pointers: &[&str]) -> Vec<Option<Span>> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let mut prefixes = HashSet::new();
    for p in pointers {
        let mut end = p.len();
        loop {
            prefixes.insert(&p[..end]);
            match p[..end].rfind('/') {
                Some(j) => end = j,
                None => break,
            }
        }
    }
    let wanted: HashSet<&str> = pointers.iter().copied().collect();
    let mut scan =
        Scan { b: text, i: 0, path: String::new(), prefixes, wanted, found: HashMap::new() };
    if text.starts_with(&[0xEF, 0xBB, 0xBF]) {
        scan.i = 3;
    }
    let _ = scan.value(None);
    pointers.iter().map(|p| scan.found.get(*p).cloned()).collect()
}

/// The 1-based line and column of a byte offset; the column counts characters, as the
/// validator's issues do. An offset past the end counts as the end. For many offsets, use
/// [`line_columns`], which costs one pass for all of them.
#[must_use]
pub fn line_column(text: &[u8], offset: usize) -> (u32, u32) {
    line_columns(text, &[offset])[0]
}

/// The line and column (as [`line_column`] gives them) of each offset, in the order given:
/// the offsets are sorted and the text read once up to the last of them, so the cost is
/// linear in the text however many offsets there are and however long their lines.
#[must_use]
pub fn line_columns(text: &[u8], offsets: &[usize]) -> Vec<(u32, u32)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![(1, 1); offsets.len()];
    sweep(text, order.iter().map(|&i| offsets[i]), |n, position| out[order[n]] = position);
    out
}

/// The sweep of [`line_columns`]: calls `found` with the index and the line and column of
/// each offset of `sorted`, which must be in ascending order.
pub(crate) fn sweep(
    text: &[u8],
    sorted: impl Iterator<Item = usize>,
    mut found: impl FnMut(usize, (u32, u32)),
) {
    // The cursor: a byte position, its line and the characters before it on its line. A byte
    // order mark is not a character an editor shows: columns start after it.
    let bom = if text.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let (mut pos, mut line, mut column) = (bom, 1usize, 0usize);
    for (n, offset) in sorted.enumerate() {
        let offset = offset.clamp(bom, text.len().max(bom));
        let between = &text[pos..offset];
        match memchr::memrchr(b'\n', between) {
            Some(last) => {
                line += memchr::memchr_iter(b'\n', between).count();
                column = chars(&between[last + 1..]);
            }
            None => column += chars(between),
        }
        pos = offset;
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        found(n, (to_u32(line), to_u32(column + 1)));
    }
}

/// The characters in UTF-8 bytes: every byte that does not continue a character. (A byte
/// that is not UTF-8 counts as one, as a replacement character would.)
fn chars(bytes: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte has its top bit set and the next one clear.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        continuations += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder();
    bytes.len() - continuations - rest.iter().filter(|&&b| b & 0xC0 == 0x80).count()
}

struct Scan<'t, 'p> {
    b: &'t [u8],
    i: usize,
    path: String,
    /// Every pointer asked for and each of its prefixes: where the scan must descend.
    prefixes: HashSet<&'p str>,
    wanted: HashSet<&'p str>,
    found: HashMap<String, Span>,
}

impl Scan<'_, '_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips a string starting at `"`; returns the range with its quotes.
    fn string(&mut self) -> Option<Range<usize>> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.i;
        self.i += 1;
        while let Some(&b) = self.b.get(self.i) {
            match b {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return Some(start..self.i);
                }
                _ => self.i += 1,
            }
        }
        None
    }

    /// Scans one value, recording its span if it is wanted.
    fn value(&mut self, key: Option<Range<usize>>) -> Option<()> {
        self.ws();
        let start = self.i;
        let wanted = self.wanted.contains(self.path.as_str());
        let result =
            if self.prefixes.contains(self.path.as_str()) { self.descend() } else { self.skip() };
        if wanted && start < self.b.len() {
            let mut end = self.i.min(self.b.len()).max(start);
            while end > start && matches!(self.b[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
                end -= 1;
            }
            self.found.insert(self.path.clone(), Span { key, value: start..end });
        }
        result
    }

    /// Scans a value on the way to a wanted pointer, descending into its members.
    fn descend(&mut self) -> Option<()> {
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
                    let key = self.string()?;
                    self.ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    let inner = &self.b[key.start + 1..key.end - 1];
                    let name: String = if inner.contains(&b'\\') {
                        serde_json::from_slice(&self.b[key.clone()]).ok()?
                    } else {
                        String::from_utf8_lossy(inner).into_owned()
                    };
                    let len = self.path.len();
                    self.path.push('/');
                    self.path.push_str(&name.replace('~', "~0").replace('/', "~1"));
                    let r = self.value(Some(key));
                    self.path.truncate(len);
                    r?;
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
                    self.path.push('/');
                    self.path.push_str(&index.to_string());
                    let r = self.value(None);
                    self.path.truncate(len);
                    r?;
                    index += 1;
                }
            }
            _ => self.skip(),
        }
    }

    /// Skips one value without recording anything inside it.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
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
                            depth -= 1;
                            self.i += 1;
                            if depth == 0 {
                                return Some(());
                            }
                        }
                        _ => self.i += 1,
                    }
                }
            }
            _ => {
                // A number or a literal: up to the next delimiter. A value cannot start at a
                // delimiter (`[1 }`): stop there rather than loop without advancing.
                let start = self.i;
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
                (self.i > start).then_some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of<'a>(text: &'a [u8], span: Option<&Span>) -> &'a str {
        std::str::from_utf8(&text[span.expect("found").value.clone()]).unwrap()
    }

    #[test]
    fn finds_values_of_every_type_with_their_keys() {
        let text = br#"{
  "a": "x\"y",
  "b": -12.5e3 ,
  "c": [true, null, {"d": {}}],
  "e~f/g": {"h": [ ]}
}"#;
        let ps = ["", "/a", "/b", "/c", "/c/0", "/c/1", "/c/2/d", "/e~0f~1g", "/e~0f~1g/h"];
        let found = spans(text, &ps);
        let got: Vec<&str> = found.iter().map(|s| text_of(text, s.as_ref())).collect();
        assert_eq!(
            got,
            [
                std::str::from_utf8(text).unwrap(),
                r#""x\"y""#,
                "-12.5e3",
                r#"[true, null, {"d": {}}]"#,
                "true",
                "null",
                "{}",
                r#"{"h": [ ]}"#,
                "[ ]"
            ]
        );
        let a = found[1].as_ref().unwrap();
        assert_eq!(&text[a.key.clone().unwrap()], br#""a""#);
        assert!(found[0].as_ref().unwrap().key.is_none());
        assert!(found[4].as_ref().unwrap().key.is_none());
    }

    #[test]
    fn missing_and_malformed_give_none_without_panicking() {
        let text = br#"{"a": [1, 2], "b": "#;
        let found = spans(text, &["/a/1", "/a/5", "/b", "/zz"]);
        assert_eq!(text_of(text, found[0].as_ref()), "2");
        assert!(found[1].is_none());
        assert!(found[3].is_none());
        for cut in 0..text.len() {
            let _ = spans(&text[..cut], &["/a/0", "/b", ""]);
        }
        assert!(spans(b"", &[""])[0].is_none());
    }

    #[test]
    fn escaped_keys_bom_and_duplicate_keys() {
        let text = "\u{feff}{\"\\u00e5\": 1, \"k\": 2, \"k\": 3}".as_bytes();
        let found = spans(text, &["/å", "/k"]);
        assert_eq!(text_of(text, found[0].as_ref()), "1");
        assert_eq!(text_of(text, found[1].as_ref()), "3");
    }

    #[test]
    fn characters_are_counted_as_bytes_that_start_one() {
        let text = "aå€😀\u{80}x".as_bytes();
        let mut bytes = text.repeat(5);
        bytes.extend_from_slice(&[0x80, 0xBF, 0xC0, 0xFF, 0x7F]);
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                let b = &bytes[start..end];
                assert_eq!(chars(b), b.iter().filter(|&&x| x & 0xC0 != 0x80).count());
            }
        }
    }

    #[test]
    fn root_scalars_and_trailing_white_space() {
        let text = b"  42 \n";
        assert_eq!(text_of(text, spans(text, &[""])[0].as_ref()), "42");
        let text = br#""s""#;
        assert_eq!(text_of(text, spans(text, &[""])[0].as_ref()), r#""s""#);
    }

    #[test]
    fn agrees_with_the_validator_on_positions() {
        let text = "{\"category\": \"praise\",\n  \"description\": \" Bra på\",\n  \"channel\": \"webb\",  \"submitted_at\": \"2026-11-28T09:30:00+01:00\",\n\t\"name\": 1}";
        let report = crate::DocumentKind::Feedback
            .validate_json(text.as_bytes(), &crate::Options::default());
        assert_eq!(report.issues.len(), 3);
        for issue in &report.issues {
            let span = spans(text.as_bytes(), &[issue.pointer.as_str()]).remove(0).unwrap();
            let at = if issue.code == "structure.unknown_field" {
                span.key.unwrap().start
            } else {
                span.value.start
            };
            assert_eq!(Some(line_column(text.as_bytes(), at)), issue.line.zip(issue.column));
        }
        assert_eq!(line_column(text.as_bytes(), 10_000), (4, 12));
    }
}
