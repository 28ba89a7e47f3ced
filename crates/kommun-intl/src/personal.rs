//! Where a document holds personal data, so that tools that show a piece of the source (the
//! CLI's snippets and diffs) can mask it.
//!
//! A value is personal when the schema marks it, or a value it lies in, `"x-personal-data":
//! true` (a feedback's description, a contact's name, e-mail and phone), whatever its type.
//! In a kind that holds personal data, the values of members the schema does not know count
//! as personal too: nothing says that a misspelt `"contakt"` holds no name. A document that is
//! not well-formed JSON cannot be walked; there every string that is not a key, and every
//! number, counts as personal.
//!
//! ```
//! use kommun_intl::{DocumentKind, personal};
//!
//! let text = br#"{"category": "praise", "contact": {"name": "Anna"}}"#;
//! let spans = personal::spans(Some(DocumentKind::Feedback), text);
//! assert_eq!(spans.len(), 1);
//! assert_eq!(&text[spans[0].clone()], b"Anna");
//! assert_eq!(personal::mask("Anna, 0510-77 00 00"), "xxxx, ####-## ## ##");
//! ```

use std::ops::Range;

use serde_json::Value;

use crate::document::DocumentKind;
use crate::locate;
use crate::validate::limits::{self, Limits};
use crate::validate::{Ctx, Options, rules};
use crate::walk;

/// True when documents of `kind` can hold personal data (`feedback`, `fault-report`).
#[must_use]
pub fn has_personal_data(kind: DocumentKind) -> bool {
    walk::has_personal_data(kind)
}

/// The JSON Pointers of every personal scalar (string, number, boolean) in a parsed document
/// of `kind`, in document order. Objects and arrays are not listed, only the values in them,
/// so that their keys and shape stay visible.
#[must_use]
pub fn pointers(kind: DocumentKind, document: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let unknown_is_personal = walk::has_personal_data(kind);
    walk::walk(kind, document, &mut |v| {
        let scalar = !(v.value.is_object() || v.value.is_array() || v.value.is_null());
        if scalar && (v.personal || (!v.known && unknown_is_personal)) {
            out.push(v.pointer.to_owned());
        }
    });
    out
}

/// The byte ranges of `text` that hold personal data: the inside of each personal string (its
/// quotes excluded) and each personal number or literal. Sorted, not overlapping.
///
/// `kind` is `None` when the kind is not known; then the document is treated as one that may
/// hold personal data. If `text` is not well-formed JSON, see the module docs.
#[must_use]
pub fn spans(kind: Option<DocumentKind>, text: &[u8]) -> Vec<Range<usize>> {
    if kind.is_some_and(|k| !walk::has_personal_data(k)) {
        return Vec::new();
    }
    let body = text.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(text);
    let (Some(kind), Ok(document)) = (kind, serde_json::from_slice::<Value>(body)) else {
        return lexical(text);
    };
    // The parsed tree keeps only the last of a repeated key: the values it drops, and
    // everything under them, are still someone's data, so mask as for text that is not JSON.
    if has_duplicate_key(body) {
        return lexical(text);
    }
    let pointers = pointers(kind, &document);
    let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
    let mut out: Vec<Range<usize>> = locate::spans(text, &refs)
        .into_iter()
        .flatten()
        .map(|s| {
            let v = s.value;
            if text.get(v.start) == Some(&b'"') && v.end > v.start + 1 {
                v.start + 1..v.end - 1
            } else {
                v
            }
        })
        .collect();
    out.sort_by_key(|r| r.start);
    out
}

/// Replaces every letter with `x` and every digit with `#`, keeping punctuation, white space
/// and the length in characters: the form of a value shows (a missing `@`, white space at
/// the ends, a national phone number), the value does not.
#[must_use]
pub fn mask(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_numeric() {
                '#'
            } else if c.is_alphabetic() {
                'x'
            } else {
                c
            }
        })
        .collect()
}

/// Masks the given byte ranges of `text` (see [`mask`]); the rest is kept as it is. Ranges
/// that do not fall on character boundaries are widened to them.
#[must_use]
pub fn mask_ranges(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in ranges {
        let mut start = r.start.clamp(at, text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = r.end.clamp(start, text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if start < at {
            start = at;
        }
        out.push_str(&text[at..start]);
        out.push_str(&mask(&text[start..end]));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// True when an object of the (well-formed) text has the same key twice, at any depth.
fn has_duplicate_key(text: &[u8]) -> bool {
    let unlimited = Limits {
        max_document_size: usize::MAX,
        max_depth: usize::MAX,
        max_string_length: usize::MAX,
        max_array_length: usize::MAX,
    };
    let mut ctx = Ctx::new(&Options { limits: unlimited, ..Options::default() });
    limits::scan(text, &unlimited, &mut ctx);
    ctx.finish().issues.iter().any(|i| i.code() == rules::JSON_DUPLICATE_KEY.code)
}

/// For text that is not JSON: every string except keys, and every bare token (a number, an
/// unquoted word, the tail of a string cut by an unescaped quote) except `true`, `false` and
/// `null`. A key is a string that follows `{` or `,` and is followed by `:`; a string after a
/// value (`"a@b.se": 1` after `"email":`) is not one, whatever follows it.
fn lexical(text: &[u8]) -> Vec<Range<usize>> {
    let is_delimiter = |b: u8| matches!(b, b'"' | b'{' | b'}' | b'[' | b']' | b',' | b':');
    let mut out = Vec::new();
    // The last byte of structure or value seen: a key can only follow `{` or `,`.
    let mut before = b'{';
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < text.len() && text[j] != b'"' {
                    j += if text[j] == b'\\' { 2 } else { 1 };
                }
                let end = j.min(text.len());
                let mut k = end + 1;
                while k < text.len() && text[k].is_ascii_whitespace() {
                    k += 1;
                }
                let is_key = matches!(before, b'{' | b',') && text.get(k) == Some(&b':');
                if !is_key && end > start {
                    out.push(start..end);
                }
                before = b'"';
                i = end + 1;
            }
            b if is_delimiter(b) => {
                before = b;
                i += 1;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < text.len() && !is_delimiter(text[i]) && !text[i].is_ascii_whitespace() {
                    i += 1;
                }
                if !matches!(&text[start..i], b"true" | b"false" | b"null") {
                    out.push(start..i);
                }
                before = b'v';
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(kind: Option<DocumentKind>, text: &str) -> String {
        mask_ranges(text, &spans(kind, text.as_bytes()))
    }

    #[test]
    fn masks_personal_fields_and_unknown_members() {
        let text = r#"{"category": "praise", "description": " Åsa ringde 0510-123 ", "channel": "web",
  "submitted_at": "2026-11-28T09:30:00+01:00",
  "contact": {"name": "Åsa", "email": "a@b.se", "phone": 46510, "nmae": "Åsa"},
  "contakt": {"namn": "Åsa"}}"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert!(!got.contains("Åsa") && !got.contains("a@b") && !got.contains("46510"), "{got}");
        assert!(got.contains(r#""description": " xxx xxxxxx ####-### ""#), "{got}");
        assert!(got.contains(r#""email": "x@x.xx""#), "{got}");
        assert!(got.contains(r#""phone": #####"#), "{got}");
        assert!(got.contains(r#""category": "praise""#), "{got}");
        assert!(got.contains(r#""submitted_at": "2026-11-28T09:30:00+01:00""#), "{got}");
        assert!(got.contains(r#""contakt": {"namn": "xxx"}"#), "{got}");
    }

    #[test]
    fn kinds_without_personal_data_are_left_alone() {
        let text = r#"{"id": "x", "partner": {"name": {"sv": "Utena"}}}"#;
        assert_eq!(masked(Some(DocumentKind::Partnership), text), text);
        assert!(!has_personal_data(DocumentKind::Dataset));
        assert!(has_personal_data(DocumentKind::Feedback));
    }

    #[test]
    fn malformed_text_masks_every_value_string_and_number() {
        let text = r#"{"contact": {"name": "Anna", "phone": 46510 "#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert_eq!(got, r#"{"contact": {"name": "xxxx", "phone": ##### "#);
        let got = masked(None, r#"{"a": "Anna"#);
        assert_eq!(got, r#"{"a": "xxxx"#);
    }

    /// Broken text can put personal data where the JSON grammar puts none: bare words, the
    /// tail of a string cut by an unescaped quote, a value followed by `:`.
    #[test]
    fn malformed_text_masks_bare_words_and_values_that_look_like_keys() {
        let text = r#"{"description": "Ring "Kanariesson" nu", "contact": {"name": Åsa Berg}, "email": "a@b.se": 1, "ok": true}"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert_eq!(
            got,
            r#"{"description": "xxxx "xxxxxxxxxxx" xx", "contact": {"name": xxx xxxx}, "email": "x@x.xx": #, "ok": true}"#
        );
    }

    #[test]
    fn mask_keeps_length_and_form() {
        assert_eq!(mask("+46 510-77"), "+## ###-##");
        assert_eq!(mask("Ölme\\n"), "xxxx\\x");
        assert_eq!(mask_ranges("aåb", &[1..2, 4..4]), "axb");
    }
}
