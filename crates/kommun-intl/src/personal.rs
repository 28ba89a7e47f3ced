//! Where a document holds personal data, so that tools that show a piece of the source (the
//! CLI's snippets and diffs) can mask it.
//!
//! Nothing is shown that the compiled schema ([`crate::schema::Compiled`]) does not prove to
//! be free of personal data. A value is shown only when the schema knows it (a member it
//! names, of a type its node allows, inside values that are all known) and no node on the way
//! to it is marked `"x-personal-data": true`. So a feedback's description, a contact's name,
//! e-mail and phone, every value of a member the schema does not know (nothing says that a
//! misspelt `"contakt"` holds no name), every value inside a value of the wrong type (an
//! object where a text belongs), a bare string or number where a document belongs: all
//! masked, whatever the kind. A key is shown when the schema names it at its place, or when
//! it looks like a misspelt field name (lower-case snake case near one) outside personal data;
//! other keys (a fragment of a text cut by an unescaped quote becomes one) are masked.
//!
//! Only a document whose kind the caller told ([`Trust::Told`]), whose kind holds no personal
//! data and which fits that kind throughout, is shown whole.
//!
//! A document that is not well-formed JSON cannot be walked; there every string and every bare
//! token (a number, an unquoted word) is masked, but `true`, `false`, `null` and the keys
//! that are field names of the kind.
//!
//! ```
//! use kommun_intl::{DocumentKind, personal};
//! use kommun_intl::personal::Trust;
//!
//! let text = br#"{"category": "praise", "contact": {"name": "Anna"}}"#;
//! let spans = personal::spans(Some(DocumentKind::Feedback), Trust::Told, text);
//! assert_eq!(spans.len(), 1);
//! assert_eq!(&text[spans[0].clone()], b"Anna");
//! assert_eq!(personal::mask("Anna, 0510-77 00 00"), "xxxx, ####-## ## ##");
//! ```

use std::ops::Range;

use serde_json::Value;

use crate::document::DocumentKind;
use crate::locate;
use crate::schema::Compiled;
use crate::validate::limits;
use crate::validate::structure::Keys;
use crate::walk;

/// Where the kind of a document came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// The caller named it (`--kind`, a typed API): it may prove a document free of personal
    /// data.
    Told,
    /// The document named it itself (`$schema`), or the caller guessed: it proves nothing
    /// about where personal data is.
    FromDocument,
}

/// True when documents of `kind` can hold personal data (`feedback`, `fault-report`).
#[must_use]
pub fn has_personal_data(kind: DocumentKind) -> bool {
    Compiled::of(kind).has_personal_data()
}

/// The JSON Pointers of every scalar (string, number, boolean) of a parsed document of `kind`
/// that the schema does not prove free of personal data (see the module docs), in document
/// order. Objects and arrays are not listed, only the values in them, so that their keys and
/// shape stay visible.
#[must_use]
pub fn pointers(kind: DocumentKind, document: &Value) -> Vec<String> {
    plan(kind, Trust::FromDocument, document).values
}

/// What to mask in a parsed document: the pointers of values and of members whose key is
/// masked; `fits` when every value is known.
struct Plan {
    values: Vec<String>,
    keys: Vec<String>,
    fits: bool,
}

fn plan(kind: DocumentKind, trust: Trust, document: &Value) -> Plan {
    let compiled = Compiled::of(kind);
    let policy = Keys::for_document(compiled, trust == Trust::Told, Some(document));
    let mut out = Plan { values: Vec::new(), keys: Vec::new(), fits: true };
    walk::walk(kind, document, &mut |v| {
        out.fits &= v.known;
        let scalar = !(v.value.is_object() || v.value.is_array() || v.value.is_null());
        if scalar && (v.personal || !v.known) {
            out.values.push(v.pointer.to_owned());
        }
        if let Some(key) = v.key
            && !v.key_known
        {
            // The hint a misspelt key would get: a field name of the kind near it.
            let near = || compiled.is_near_field_name(key);
            if !policy.shows(compiled, key, v.personal, near) {
                out.keys.push(v.pointer.to_owned());
            }
        }
    });
    out
}

/// The byte ranges of `text` that hold personal data, or may: the inside of each masked string
/// (its quotes excluded), each masked number or literal, and each masked key. Sorted, not
/// overlapping.
///
/// `kind` is `None` when the kind is not known; then the text is masked as one that is not
/// JSON. See the module docs for what is masked.
#[must_use]
pub fn spans(kind: Option<DocumentKind>, trust: Trust, text: &[u8]) -> Vec<Range<usize>> {
    let body = text.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(text);
    let (Some(kind), Ok(document)) = (kind, serde_json::from_slice::<Value>(body)) else {
        return lexical(kind, text);
    };
    // The parsed tree keeps only the last of a repeated key: the values it drops, and
    // everything under them, are still someone's data, so mask as for text that is not JSON.
    if !limits::duplicate_keys(body).is_empty() {
        return lexical(Some(kind), text);
    }
    let plan = plan(kind, trust, &document);
    if trust == Trust::Told && plan.fits && !has_personal_data(kind) {
        return Vec::new();
    }
    let refs: Vec<&str> = plan.values.iter().chain(&plan.keys).map(String::as_str).collect();
    let found = locate::spans(text, &refs);
    let (values, keys) = found.split_at(plan.values.len());
    let inside = |r: Range<usize>| {
        if text.get(r.start) == Some(&b'"') && r.end > r.start + 1 {
            r.start + 1..r.end - 1
        } else {
            r
        }
    };
    let mut out: Vec<Range<usize>> = values
        .iter()
        .flatten()
        .map(|s| inside(s.value.clone()))
        .chain(keys.iter().flatten().filter_map(|s| s.key.clone()).map(inside))
        .collect();
    out.sort_by_key(|r| r.start);
    out.dedup();
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

/// For text that is not JSON: every string and every bare token (a number, an unquoted word,
/// the tail of a string cut by an unescaped quote) but `true`, `false` and `null`. A key is
/// kept when it is a field name of the kind (of any kind, if the kind is not known) and is
/// one: a string that follows `{` or `,` and is followed by `:`.
fn lexical(kind: Option<DocumentKind>, text: &[u8]) -> Vec<Range<usize>> {
    let is_field_name = |name: &[u8]| {
        let Ok(name) = std::str::from_utf8(name) else { return false };
        match kind {
            Some(k) => Compiled::of(k).is_field_name(name),
            None => DocumentKind::ALL.iter().any(|&k| Compiled::of(k).is_field_name(name)),
        }
    };
    let is_delimiter = |b: u8| matches!(b, b'"' | b'{' | b'}' | b'[' | b']' | b',' | b':');
    let mut out = Vec::new();
    // The last byte of structure or value seen: a key can only follow `{` or `,`.
    let mut before = b'{';
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'"' => {
                let start = i + 1;
                let end = (limits::skip_string(text, i) - 1).max(start).min(text.len());
                // An unterminated string runs to the end: there is no closing quote to skip.
                let closed = end < text.len() && text[end] == b'"';
                let mut k = end + usize::from(closed);
                while k < text.len() && text[k].is_ascii_whitespace() {
                    k += 1;
                }
                let is_key = matches!(before, b'{' | b',') && text.get(k) == Some(&b':');
                if !(is_key && is_field_name(&text[start..end])) && end > start {
                    out.push(start..end);
                }
                before = b'"';
                i = end + usize::from(closed);
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
        mask_ranges(text, &spans(kind, Trust::Told, text.as_bytes()))
    }

    fn masked_untrusted(kind: Option<DocumentKind>, text: &str) -> String {
        mask_ranges(text, &spans(kind, Trust::FromDocument, text.as_bytes()))
    }

    #[test]
    fn masks_personal_fields_and_unknown_members() {
        let text = r#"{"category": "praise", "description": " Åsa ringde 0510-123 ", "channel": "web",
  "submitted_at": "2026-11-28T09:30:00+01:00",
  "contact": {"name": "Åsa", "email": "a@b.se", "phone": 46510, "nmae": "Åsa"},
  "contakt": {"namn": "Åsa"}, "Åsa Berg": 1}"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert!(!got.contains("Åsa") && !got.contains("a@b") && !got.contains("46510"), "{got}");
        assert!(got.contains(r#""description": " xxx xxxxxx ####-### ""#), "{got}");
        assert!(got.contains(r#""email": "x@x.xx""#), "{got}");
        assert!(got.contains(r#""phone": #####"#), "{got}");
        assert!(got.contains(r#""category": "praise""#), "{got}");
        assert!(got.contains(r#""submitted_at": "2026-11-28T09:30:00+01:00""#), "{got}");
        // Keys the schema does not name: a misspelt field name stays readable, but not inside
        // personal data; other keys are masked.
        assert!(got.contains(r#""xxxx": "xxx""#), "{got}");
        assert!(got.contains(r#""contakt": {"namn": "xxx"}"#), "{got}");
        assert!(got.contains(r#""xxx xxxx": #"#), "{got}");
    }

    #[test]
    fn kinds_without_personal_data_are_left_alone_only_when_told_and_fitting() {
        let text = r#"{"id": "x", "partner": {"name": {"sv": "Utena"}}}"#;
        assert_eq!(masked(Some(DocumentKind::Partnership), text), text);
        assert_eq!(masked_untrusted(Some(DocumentKind::Partnership), text), text);
        assert!(!has_personal_data(DocumentKind::Dataset));
        assert!(has_personal_data(DocumentKind::Feedback));
        // A feedback that names itself a partnership: nothing the partnership schema does not
        // know is shown, told or not.
        let text = r#"{"id": "x", "description": "Ring Åsa", "contact": {"name": "Åsa"}, "agrement_type": "Åsa"}"#;
        for got in [
            masked(Some(DocumentKind::Partnership), text),
            masked_untrusted(Some(DocumentKind::Partnership), text),
        ] {
            assert!(!got.contains("Åsa"), "{got}");
            assert!(got.contains(r#""id": "x""#), "{got}");
        }
        // A misspelt field name stays readable; a key that is not one does not.
        let got = masked_untrusted(Some(DocumentKind::Partnership), text);
        assert!(got.contains(r#""agrement_type": "xxx""#), "{got}");
        assert!(got.contains(r#""xxxxxxxxxxx": "xxxx xxx""#), "{got}");
    }

    #[test]
    fn values_of_the_wrong_type_and_whole_wrong_documents_are_masked() {
        // An object where a text that is not personal belongs.
        let text = r#"{"id": {"name": "Åsa"}, "partner": {"name": {"sv": "Utena"}}}"#;
        let got = masked(Some(DocumentKind::Partnership), text);
        assert!(!got.contains("Åsa") && got.contains("Utena"), "{got}");
        // A feedback export wrapped in an array; a bare string as a document.
        let text = r#"[{"category": "praise", "description": "Åsa"}]"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert!(!got.contains("Åsa") && !got.contains("praise"), "{got}");
        assert_eq!(masked(Some(DocumentKind::Feedback), r#""Åsa""#), r#""xxx""#);
        assert_eq!(masked(Some(DocumentKind::Dataset), "46510"), "#####");
    }

    #[test]
    fn malformed_text_masks_every_value_string_and_number() {
        let text = r#"{"contact": {"name": "Anna", "phone": 46510 "#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert_eq!(got, r#"{"contact": {"name": "xxxx", "phone": ##### "#);
        let got = masked(None, r#"{"a": "Anna"#);
        assert_eq!(got, r#"{"x": "xxxx"#);
    }

    /// Broken text can put personal data where the JSON grammar puts none: bare words, the
    /// tail of a string cut by an unescaped quote, a value followed by `:`, a fragment of a
    /// text that looks like a key.
    #[test]
    fn malformed_text_masks_bare_words_and_values_that_look_like_keys() {
        let text = r#"{"description": "Ring "Kanariesson" nu", "contact": {"name": Åsa Berg}, "email": "a@b.se": 1, "ok": true}"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert_eq!(
            got,
            r#"{"description": "xxxx "xxxxxxxxxxx" xx", "contact": {"name": xxx xxxx}, "email": "x@x.xx": #, "xx": true}"#
        );
        let text = r#"{"description": "Hej ", "Åsa Berg": 1", "channel": "web"}"#;
        let got = masked(Some(DocumentKind::Feedback), text);
        assert_eq!(got, r#"{"description": "xxx ", "xxx xxxx": #", "xxxxxxx": "xxx"}"#);
    }

    #[test]
    fn mask_keeps_length_and_form() {
        assert_eq!(mask("+46 510-77"), "+## ###-##");
        assert_eq!(mask("Ölme\\n"), "xxxx\\x");
        assert_eq!(mask_ranges("aåb", &[1..2, 4..4]), "axb");
    }
}
