//! Normalising what has one right form, as edits to the original text.
//!
//! [`fixes`] decides which values change and to what; it is pure and reads nothing but the
//! text. Each [`Fix`] replaces the bytes of one string value, so applying them ([`apply`])
//! keeps key order, indentation, escapes and every other byte of the file as it was.
//!
//! What is fixed:
//! - phone numbers that are valid but not in E.164 form: `0510-77 00 00` -> `+46510770000`;
//! - Swedish postal codes (in an address whose country is `SE`): `53188` -> `531 88`;
//! - country codes: upper case and the EU's aliases, `se` -> `SE`, `EL` -> `GR`, `UK` -> `GB`;
//! - white space around any other string the schema knows (but `$schema`).
//!
//! ```
//! use kommun_intl::{DocumentKind, fix};
//!
//! let text = br#"{"id": "x", "partner": {"name": {"sv": " Utena "}, "level": "municipality",
//!   "country": "lt"}, "agreement_type": "twinning"}"#;
//! let fixes = fix::fixes(DocumentKind::Partnership, text).unwrap();
//! assert_eq!(fixes.len(), 2);
//! let fixed = fix::apply(text, &fixes);
//! assert_eq!(fixed, br#"{"id": "x", "partner": {"name": {"sv": "Utena"}, "level": "municipality",
//!   "country": "LT"}, "agreement_type": "twinning"}"#);
//! assert!(fix::fixes(DocumentKind::Partnership, &fixed).unwrap().is_empty());
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::codes::CountryCode;
use crate::document::DocumentKind;
use crate::locate;
use crate::model::{Phone, PostalAddress};
use crate::validate::{Lang, Rule, rules};
use crate::walk;

/// What a fix does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FixKind {
    /// A phone number rewritten in E.164 form.
    Phone,
    /// A Swedish postal code written `NNN NN`.
    PostalCode,
    /// A country code in upper case, or an alias replaced by its ISO 3166-1 code.
    CountryCode,
    /// White space removed from the ends of a text.
    Trim,
}

impl FixKind {
    /// A short stable name: `phone`, `postal_code`, `country_code`, `trim`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            FixKind::Phone => "phone",
            FixKind::PostalCode => "postal_code",
            FixKind::CountryCode => "country_code",
            FixKind::Trim => "trim",
        }
    }

    /// What the fix does, in a language.
    #[must_use]
    pub fn describe(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (FixKind::Phone, Lang::En) => "phone number rewritten in E.164 form",
            (FixKind::Phone, Lang::Sv) => "telefonnumret skrivet i E.164-form",
            (FixKind::PostalCode, Lang::En) => "postal code written NNN NN",
            (FixKind::PostalCode, Lang::Sv) => "postnumret skrivet NNN NN",
            (FixKind::CountryCode, Lang::En) => "country code written as in ISO 3166-1",
            (FixKind::CountryCode, Lang::Sv) => "landskoden skriven som i ISO 3166-1",
            (FixKind::Trim, Lang::En) => "white space removed from the ends",
            (FixKind::Trim, Lang::Sv) => "blanksteg borttagna i början och slutet",
        }
    }
}

impl FixKind {
    /// The rule whose issue the fix takes away: a configuration that does not report the rule
    /// (`ignore`) turns its fix off too.
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        match self {
            FixKind::Phone => &rules::PHONE_NOT_E164,
            FixKind::PostalCode => &rules::POSTAL_CODE_FORMAT,
            FixKind::CountryCode => &rules::UNKNOWN_CODE,
            FixKind::Trim => &rules::TEXT_UNTRIMMED,
        }
    }
}

impl fmt::Display for FixKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One edit: replace `text[start..end]` (a whole string value, quotes included) with
/// `replacement` (a JSON string literal, quotes included).
///
/// `Debug` hides the replacement of a personal value.
#[derive(Clone, PartialEq, Eq)]
pub struct Fix {
    /// The JSON Pointer of the value.
    pub pointer: String,
    /// Where the value starts in the text (its opening quote).
    pub start: usize,
    /// Where it ends (after its closing quote).
    pub end: usize,
    /// The new JSON text of the value.
    pub replacement: String,
    /// What the fix does.
    pub kind: FixKind,
    /// True when the value is personal data: show neither the old nor the new value.
    pub personal: bool,
}

impl fmt::Debug for Fix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: &dyn fmt::Debug = if self.personal { &"<personal>" } else { &self.replacement };
        f.debug_struct("Fix")
            .field("pointer", &self.pointer)
            .field("start", &self.start)
            .field("end", &self.end)
            .field("replacement", shown)
            .field("kind", &self.kind)
            .field("personal", &self.personal)
            .finish()
    }
}

/// The fixes for a document of `kind`, in text order. Fails only when the text is not JSON.
pub fn fixes(kind: DocumentKind, text: &[u8]) -> Result<Vec<Fix>, serde_json::Error> {
    let body = text.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(text);
    let document: Value = serde_json::from_slice(body)?;
    // Pointer -> (new value, kind, personal). Parents are visited first, so a postal code
    // decided at its address is not overridden by the plain trim of its text.
    let mut planned: BTreeMap<String, (String, FixKind, bool)> = BTreeMap::new();
    walk::walk(kind, &document, &mut |v| {
        if !v.known || planned.contains_key(v.pointer) {
            return;
        }
        if v.def == Some("PostalAddress") {
            if let Some((new, pointer)) = postal_code(v.value, v.pointer) {
                planned.insert(pointer, (new, FixKind::PostalCode, v.personal));
            }
            return;
        }
        let Some(s) = v.value.as_str() else { return };
        if v.pointer == "/$schema" {
            return;
        }
        let planned_fix = match v.def {
            Some("Phone") => Phone::new(s.trim())
                .e164()
                .filter(|e| e != s)
                .map(|e| (e, FixKind::Phone))
                .or_else(|| trimmed(s)),
            Some("CountryCode") if CountryCode::from_code(s).is_none() => {
                CountryCode::suggest(s).map(|c| (c.code().to_owned(), FixKind::CountryCode))
            }
            _ => trimmed(s),
        };
        if let Some((new, fix_kind)) = planned_fix {
            planned.insert(v.pointer.to_owned(), (new, fix_kind, v.personal));
        }
    });
    if planned.is_empty() {
        return Ok(Vec::new());
    }
    let pointers: Vec<&str> = planned.keys().map(String::as_str).collect();
    let spans = locate::spans(text, &pointers);
    let mut out: Vec<Fix> = planned
        .iter()
        .zip(spans)
        .filter_map(|((pointer, (new, kind, personal)), span)| {
            let range = span?.value;
            let raw = text.get(range.clone())?;
            let replacement = if *kind == FixKind::Trim {
                trim_raw(raw)?
            } else {
                serde_json::to_string(new).ok()?
            };
            (replacement.as_bytes() != raw).then(|| Fix {
                pointer: pointer.clone(),
                start: range.start,
                end: range.end,
                replacement,
                kind: *kind,
                personal: *personal,
            })
        })
        .collect();
    out.sort_by_key(|f| f.start);
    Ok(out)
}

/// Applies fixes (from [`fixes`] on the same text) and returns the new text.
#[must_use]
pub fn apply(text: &[u8], fixes: &[Fix]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    let mut sorted: Vec<&Fix> = fixes.iter().collect();
    sorted.sort_by_key(|f| f.start);
    for f in sorted {
        if f.start < at || f.end > text.len() || f.start > f.end {
            continue;
        }
        out.extend_from_slice(&text[at..f.start]);
        out.extend_from_slice(f.replacement.as_bytes());
        at = f.end;
    }
    out.extend_from_slice(&text[at..]);
    out
}

fn trimmed(s: &str) -> Option<(String, FixKind)> {
    let t = s.trim();
    (t.len() != s.len() && !t.is_empty()).then(|| (t.to_owned(), FixKind::Trim))
}

/// The postal code of a Swedish address in its one right form, with its pointer.
fn postal_code(address: &Value, pointer: &str) -> Option<(String, String)> {
    let country = address.get("country")?.as_str()?;
    if CountryCode::suggest(country)?.code() != "SE" {
        return None;
    }
    let code = address.get("postal_code")?.as_str()?;
    let normal = PostalAddress::normalise_se_postal_code(code)?;
    (normal != code).then(|| (normal, format!("{pointer}/postal_code")))
}

/// Trims white space from the ends of a JSON string literal as written, keeping its escapes:
/// literal white space and escapes that stand for white space (`\n`, `\t`, `\u00a0`) go, the
/// rest of the bytes stay.
fn trim_raw(raw: &[u8]) -> Option<String> {
    let inner = std::str::from_utf8(raw.strip_prefix(b"\"")?.strip_suffix(b"\"")?).ok()?;
    // Each unit of the literal: its byte range and the character it stands for.
    let mut units: Vec<(usize, usize, char)> = Vec::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            units.push((i, i + c.len_utf8(), c));
            continue;
        }
        let (j, e) = chars.next()?;
        let decoded = match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => {
                let hex = inner.get(j + 1..j + 5)?;
                for _ in 0..4 {
                    chars.next();
                }
                char::from_u32(u32::from_str_radix(hex, 16).ok()?).unwrap_or('\u{fffd}')
            }
            other => other,
        };
        let end = chars.peek().map_or(inner.len(), |&(k, _)| k);
        units.push((i, end, decoded));
    }
    let first = units.iter().position(|u| !u.2.is_whitespace());
    let last = units.iter().rposition(|u| !u.2.is_whitespace());
    let body = match (first, last) {
        (Some(a), Some(b)) => &inner[units[a].0..units[b].1],
        _ => "",
    };
    Some(format!("\"{body}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(kind: DocumentKind, text: &str) -> String {
        let f = fixes(kind, text.as_bytes()).expect("JSON");
        String::from_utf8(apply(text.as_bytes(), &f)).expect("UTF-8")
    }

    #[test]
    fn municipality_phone_postal_code_and_country() {
        let text = r#"{
  "id": "lidkoping",
  "name": {"sv": "Lidköpings kommun "},
  "municipality_code": "1494",
  "address": {"street_address": "Skaragatan 8", "postal_code": "53188", "locality": "Lidköping", "country": "se"},
  "phone": "0510-77 00 00",
  "fax": "+46510771000"
}"#;
        let got = fixed(DocumentKind::Municipality, text);
        let want = text
            .replace("kommun \"", "kommun\"")
            .replace("\"53188\"", "\"531 88\"")
            .replace("\"se\"", "\"SE\"")
            .replace("\"0510-77 00 00\"", "\"+46510770000\"");
        assert_eq!(got, want);
        assert_eq!(fixed(DocumentKind::Municipality, &got), got, "fixing twice changes nothing");
    }

    #[test]
    fn aliases_and_foreign_postal_codes() {
        let text = r#"{"municipality": {"id": "x", "name": {"sv": "X"}, "municipality_code": "1494",
 "address": {"street_address": "A 1", "postal_code": "12345", "locality": "B", "country": "UK"}},
 "partnerships": [{"partner": {"country": "EL"}}]}"#;
        let got = fixed(DocumentKind::Dataset, text);
        assert!(got.contains(r#""postal_code": "12345""#), "{got}");
        assert!(got.contains(r#""country": "GB""#), "{got}");
        assert!(got.contains(r#""country": "GR""#), "{got}");
    }

    #[test]
    fn trimming_keeps_escapes_and_other_bytes() {
        let text = "{\"category\": \"praise\", \"description\": \"\\n  Tack f\\u00f6r \\\"allt\\\"\\t \", \"channel\": \"web\",\n\t\"submitted_at\": \"2026-11-28T09:30:00+01:00\", \"contact\": {\"phone\": \" 0510-77 00 00\"}}";
        let f = fixes(DocumentKind::Feedback, text.as_bytes()).unwrap();
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.personal));
        assert_eq!(f[0].replacement, "\"Tack f\\u00f6r \\\"allt\\\"\"");
        assert_eq!(f[1].kind, FixKind::Phone);
        assert!(!format!("{f:?}").contains("+46"), "Debug hides personal values");
        let got = fixed(DocumentKind::Feedback, text);
        assert!(got.ends_with("\"contact\": {\"phone\": \"+46510770000\"}}"), "{got}");
        assert!(got.contains(",\n\t\"submitted_at\""));
    }

    #[test]
    fn leaves_unknown_members_schema_and_wrong_types_alone() {
        let text = r#"{"$schema": " x ", "category": " praise", "extra": " y ", "description": 5}"#;
        let got = fixed(DocumentKind::Feedback, text);
        assert_eq!(
            got,
            r#"{"$schema": " x ", "category": "praise", "extra": " y ", "description": 5}"#
        );
    }

    #[test]
    fn not_json_is_an_error_and_nothing_to_fix_is_empty() {
        assert!(fixes(DocumentKind::Feedback, b"{").is_err());
        let text =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/lidkoping.json"))
                .unwrap();
        assert!(fixes(DocumentKind::Dataset, &text).unwrap().is_empty());
    }

    #[test]
    fn trim_raw_handles_white_space_only_and_surrogates() {
        assert_eq!(trim_raw(br#"" \n ""#).as_deref(), Some(r#""""#));
        assert_eq!(trim_raw(br#"" \ud83d\ude00 ""#).as_deref(), Some(r#""\ud83d\ude00""#));
        assert_eq!(trim_raw(br#""\u00a0a""#).as_deref(), Some(r#""a""#));
    }
}
