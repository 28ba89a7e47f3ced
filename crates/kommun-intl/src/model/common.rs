//! Common value types: ids, texts, dates, timestamps, web addresses, money, sources and the
//! [`Personal`] marker.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::pattern::{self, Pattern};
use crate::codes::CurrencyCode;
use crate::validate::{Ctx, Validate, rules};

/// Declares a string newtype: serialised as a plain string, with a hand-written JSON Schema.
macro_rules! string_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string; call [`Validate::validate`] to check it.
            pub fn new(value: impl Into<String>) -> Self {
                $name(value.into())
            }

            /// The string as written.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(&self.0, f)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_owned())
            }
        }
    };
}
pub(crate) use string_type;

/// Reads `null` as the field's default: `null` counts as an absent optional field, and a field
/// with a default is optional (the schema of such a field says `null` too:
/// `#[schemars(with = "Option<T>")]`).
pub(crate) fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Reads a list as [`null_as_default`] does, with room made at once for as many items as the
/// format says the list holds, up to [`LIST_RESERVE`]'s worth (a count is no promise). serde's
/// own `Vec` makes room for at most 1 MiB's worth: a register's list of thousands of
/// partnerships (a kilobyte each) then grew by copying, a third of it three times over. Only
/// a format that knows the count says it (a Python list; JSON text does not).
pub(crate) fn null_as_empty_list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct List<T>(std::marker::PhantomData<T>);

    impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for List<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list or null")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
            d.deserialize_seq(self)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let most = LIST_RESERVE / std::mem::size_of::<T>().max(1);
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(most));
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(items)
        }
    }

    d.deserialize_option(List(std::marker::PhantomData))
}

/// The most room [`null_as_empty_list`] makes before it has read an item: 16 MiB.
const LIST_RESERVE: usize = 16 << 20;

/// Compiles a pattern used both in a schema and in Rust.
pub(crate) fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("the crate's patterns compile")
}

/// The pattern of an [`Id`].
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9_-]{0,63}$";
pub(crate) static ID_RE: Pattern = Pattern::new(ID_PATTERN, pattern::id);

string_type! {
    /// An identifier, unique within its collection: 1 to 64 characters of `a-z`, `0-9`, `-` and
    /// `_`, starting with a letter or digit (`kecskemet`, `green-building-a-z-2`).
    Id
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An identifier, unique within its collection: 1 to 64 characters of a-z, 0-9, `-` and `_`, starting with a letter or digit.",
            "type": "string",
            "pattern": ID_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::ID_FORMAT]),
        })
    }
}

impl Validate for Id {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !ID_RE.is_match(&self.0) {
            ctx.report(&rules::ID_FORMAT, &[]);
        }
    }
}

/// Characters that no text may hold: control characters (C0, DEL and C1, NEL among them).
/// Multi-line text allows tab, LF and CR; single-line text allows no line break at all, so it
/// also forbids Unicode's LINE SEPARATOR and PARAGRAPH SEPARATOR (U+2028, U+2029).
#[cfg(test)]
fn forbidden(c: char, multiline: bool) -> bool {
    let control = c <= '\u{1f}' || ('\u{7f}'..='\u{9f}').contains(&c);
    (control && !(multiline && matches!(c, '\t' | '\n' | '\r')))
        || (!multiline && matches!(c, '\u{2028}' | '\u{2029}'))
}

/// True when the text holds a character that [`forbidden`] rejects, read from its UTF-8 bytes:
/// C0 controls are single bytes below 0x20, DEL is 0x7F, the C1 controls U+0080 to U+009F
/// are `0xC2 0x80` to `0xC2 0x9F` (0xC2 is never a continuation byte) and U+2028 and U+2029
/// are `0xE2 0x80 0xA8` and `0xE2 0x80 0xA9`.
fn has_forbidden(b: &[u8], multiline: bool) -> bool {
    // Most text has no byte below 0x20 (other than line breaks), no DEL, no 0xC2 and (in
    // single-line text) no 0xE2: a branch-free pass over each block clears it, and only a
    // block with a suspect byte is read exactly. 0xC2 starts U+0080 to U+00BF, of which only
    // U+0080 to U+009F are forbidden, and 0xE2 starts U+2000 to U+2FFF (the exact read looks
    // past the block for the bytes that follow).
    #[allow(clippy::needless_bitwise_bool)]
    let suspect = |c: u8| {
        (c < 0x20 && !(multiline && matches!(c, b'\t' | b'\n' | b'\r')))
            | (c == 0x7F)
            | (c == 0xC2)
            | (!multiline & (c == 0xE2))
    };
    pattern::any_suspect_block(b, suspect, |r| has_forbidden_exact(b, r.start, r.end, multiline))
}

/// [`has_forbidden`] for the bytes `from..to` of `b`, byte by byte.
fn has_forbidden_exact(b: &[u8], from: usize, to: usize, multiline: bool) -> bool {
    (from..to).any(|i| {
        let c = b[i];
        match c {
            0..0x20 => !(multiline && matches!(c, b'\t' | b'\n' | b'\r')),
            0x7F => true,
            0xC2 => b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
            0xE2 => {
                !multiline && b.get(i + 1..i + 3).is_some_and(|n| matches!(n, [0x80, 0xA8 | 0xA9]))
            }
            _ => false,
        }
    })
}

/// White space that a text may not start or end with: Unicode's `White_Space`, plus U+FEFF (a
/// byte order mark pasted into a field), which ECMAScript's `\s` also counts.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// [`is_space`] for an ASCII byte: Unicode's `White_Space` in ASCII is tab to carriage return,
/// and space.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    // Two comparisons rather than a test of a set, so that a pass over a block vectorises.
    #[allow(clippy::needless_bitwise_bool)]
    let space = (b == b' ') | (b.wrapping_sub(b'\t') < 5);
    space
}

// The same sets as regular-expression classes, written out so that every regex dialect
// (ECMAScript in editors, Rust, Python) reads them alike.
macro_rules! space {
    () => {
        r"\t\n\x0B\x0C\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF"
    };
}
macro_rules! control {
    () => {
        r"\x00-\x1F\x7F-\x9F"
    };
}
macro_rules! control_multiline {
    () => {
        r"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F"
    };
}

// Single-line text: no control character and no line break, U+2028 and U+2029 among them
// (white space, so the first and last classes have them already).
const TEXT_PATTERN: &str = concat!(
    "^[^",
    space!(),
    control!(),
    "](?:[^",
    control!(),
    r"\u2028\u2029",
    "]*[^",
    space!(),
    control!(),
    "])?$"
);
const LONG_TEXT_PATTERN: &str = concat!(
    "^[^",
    space!(),
    control_multiline!(),
    "](?:[^",
    control_multiline!(),
    "]*[^",
    space!(),
    control_multiline!(),
    "])?$"
);

/// The longest [`Text`], in characters.
pub const TEXT_MAX: usize = 500;
/// The longest [`LongText`], in characters (Open311's limit for a description).
pub const LONG_TEXT_MAX: usize = 4000;

pub(crate) fn check_text(ctx: &mut Ctx, s: &str, max: usize, multiline: bool) {
    if s.is_empty() {
        ctx.report(&rules::TEXT_EMPTY, &[]);
        return;
    }
    let (first, last) = (s.as_bytes()[0], s.as_bytes()[s.len() - 1]);
    let untrimmed = if first.is_ascii() && last.is_ascii() {
        is_ascii_space(first) || is_ascii_space(last)
    } else {
        s.starts_with(is_space) || s.ends_with(is_space)
    };
    if untrimmed {
        ctx.report(&rules::TEXT_UNTRIMMED, &[]);
    }
    if has_forbidden(s.as_bytes(), multiline) {
        ctx.report(&rules::TEXT_CONTROL_CHAR, &[]);
    }
    if s.len() > max {
        let length = s.chars().count();
        if length > max {
            ctx.report(
                &rules::TEXT_TOO_LONG,
                &[("max", max.to_string()), ("length", length.to_string())],
            );
        }
    }
}

string_type! {
    /// A short single-line text (a name, a title): 1 to 500 characters, no surrounding white
    /// space, no control characters or line breaks.
    Text
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A single-line text: 1 to 500 characters, no surrounding white space, no control characters or line breaks.",
            "type": "string",
            "minLength": 1,
            "maxLength": TEXT_MAX,
            "pattern": TEXT_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::TEXT_UNTRIMMED, &rules::TEXT_CONTROL_CHAR]),
        })
    }
}

impl Validate for Text {
    fn validate_into(&self, ctx: &mut Ctx) {
        check_text(ctx, &self.0, TEXT_MAX, false);
    }
}

string_type! {
    /// A free text that may span lines: 1 to 4000 characters, no surrounding white space, no
    /// control characters other than tab and line breaks.
    LongText
}

impl JsonSchema for LongText {
    fn schema_name() -> Cow<'static, str> {
        "LongText".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A free text that may span lines: 1 to 4000 characters, no surrounding white space, no control characters other than tab and line breaks.",
            "type": "string",
            "minLength": 1,
            "maxLength": LONG_TEXT_MAX,
            "pattern": LONG_TEXT_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::TEXT_UNTRIMMED, &rules::TEXT_CONTROL_CHAR]),
        })
    }
}

impl Validate for LongText {
    fn validate_into(&self, ctx: &mut Ctx) {
        check_text(ctx, &self.0, LONG_TEXT_MAX, true);
    }
}

/// A text in Swedish, optionally also in English.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// The Swedish text (or the name as written locally, for a place abroad).
    pub sv: Text,
    /// The English text, when there is one.
    pub en: Option<Text>,
}

impl LocalizedText {
    /// A text in Swedish only.
    #[must_use]
    pub fn sv(text: &str) -> LocalizedText {
        LocalizedText { sv: Text::from(text), en: None }
    }
}

impl Validate for LocalizedText {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("sv", &self.sv);
        ctx.check("en", &self.en);
    }
}

/// The pattern of a [`PartialDate`].
pub const PARTIAL_DATE_PATTERN: &str =
    "^(?:[0-9]{3}X|[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?)$";
pub(crate) static PARTIAL_DATE_RE: Pattern =
    Pattern::new(PARTIAL_DATE_PATTERN, pattern::partial_date);

/// The number ASCII digits write (the pattern has made them digits).
fn decimal(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

/// True when day `d` of month `m` of year `y` exists in the (proleptic) Gregorian calendar, as
/// `NaiveDate::from_ymd_opt` has it for the years four digits write; a sum, not a date.
fn is_calendar_day(y: u32, m: u32, d: u32) -> bool {
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 28 + u32::from(leap),
        _ => return false,
    };
    (1..=days).contains(&d)
}

string_type! {
    /// A date that may be known only in part (ISO 8601, with EDTF's `X` for an unknown year of
    /// a decade): `2004-05-17`, `2004-05`, `2004`, or `194X` for "the 1940s".
    PartialDate
}

impl PartialDate {
    /// The first and last day the date may mean, or `None` if it is malformed or no such day.
    #[must_use]
    pub fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let s = self.0.as_str();
        if !PARTIAL_DATE_RE.is_match(s) {
            return None;
        }
        if let Some(decade) = s.strip_suffix('X') {
            let y: i32 = decade.parse::<i32>().ok()? * 10;
            return Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y + 9, 12, 31)?,
            ));
        }
        // The pattern has shaped it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in ASCII digits.
        let bytes = s.as_bytes();
        let y = i32::try_from(decimal(&bytes[..4])).ok()?;
        match (bytes.get(5..7).map(decimal), bytes.get(8..10).map(decimal)) {
            (None, _) => {
                Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?))
            }
            (Some(m), None) => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                Some((first, next.pred_opt()?))
            }
            (Some(m), Some(d)) => {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                Some((day, day))
            }
        }
    }

    /// For a date that matches the pattern: true unless it names a day its month lacks
    /// (`2023-02-29`), exactly when [`PartialDate::range`] is `Some`. The pattern has bounded
    /// the month and the day, so only a whole date needs the calendar.
    fn day_exists(&self) -> bool {
        let b = self.0.as_bytes();
        b.len() != 10 || is_calendar_day(decimal(&b[..4]), decimal(&b[5..7]), decimal(&b[8..10]))
    }

    /// The date of a day known exactly.
    #[must_use]
    pub fn from_date(date: NaiveDate) -> PartialDate {
        PartialDate(format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
    }

    /// True when this date certainly lies before `other` (every day it may mean is before every
    /// day `other` may mean).
    #[must_use]
    pub fn certainly_before(&self, other: &PartialDate) -> bool {
        match (self.range(), other.range()) {
            (Some((_, last)), Some((first, _))) => last < first,
            _ => false,
        }
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date that may be known only in part: YYYY-MM-DD, YYYY-MM, YYYY, or YYYX for a decade (EDTF, e.g. 194X).",
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::DATE_FORMAT]),
            "examples": ["2004", "2004-05", "2004-05-17", "194X"],
            "x-rules": [rules::DATE_INVALID.code],
        })
    }
}

impl Validate for PartialDate {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !PARTIAL_DATE_RE.is_match(&self.0) {
            ctx.report(&rules::DATE_FORMAT, &[]);
        } else if !self.day_exists() {
            ctx.report(&rules::DATE_INVALID, &[]);
        }
    }
}

const TIMESTAMP_PATTERN: &str = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$";
pub(crate) static TIMESTAMP_RE: Pattern = Pattern::new(TIMESTAMP_PATTERN, pattern::timestamp);

string_type! {
    /// A point in time, RFC 3339 with a UTC offset: `2026-11-28T09:30:00+01:00`.
    Timestamp
}

impl Timestamp {
    /// The time, if the text is a valid RFC 3339 timestamp.
    #[must_use]
    pub fn parse(&self) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        if !self.is_valid() {
            return None;
        }
        chrono::DateTime::parse_from_rfc3339(&self.0).ok()
    }
}

impl Timestamp {
    /// True when the text is a valid timestamp: exactly when [`Timestamp::parse`] succeeds,
    /// read from the bytes that the pattern has already shaped (no parser, no allocation).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        let b = self.0.as_bytes();
        if !TIMESTAMP_RE.is_match(&self.0) {
            return false;
        }
        // The pattern fixed every position: YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM).
        let num = |r: std::ops::Range<usize>| decimal(&b[r]);
        // The offset in minutes east of UTC.
        let offset = if b[b.len() - 1] == b'Z' {
            Some(0)
        } else {
            let (h, m) = (num(b.len() - 5..b.len() - 3), num(b.len() - 2..b.len()));
            let minutes = i64::from(h * 60 + m);
            let signed = if b[b.len() - 6] == b'-' { -minutes } else { minutes };
            (h <= 23 && m <= 59).then_some(signed)
        };
        let (hour, minute, second) = (num(11..13), num(14..16), num(17..19));
        // RFC 3339 5.7: a leap second (:60) falls at 23:59:60 UTC, so at the minute that the
        // offset shifts to that instant, as the JSON-Schema-Test-Suite reads it too. (RFC 3339
        // also confines it to the end of a month in which one was inserted: not checked.)
        let leap_ok = |offset: i64| {
            second < 60 || (i64::from(hour * 60 + minute) - offset).rem_euclid(1440) == 23 * 60 + 59
        };
        offset.is_some_and(leap_ok)
            && is_calendar_day(num(0..4), num(5..7), num(8..10))
            && hour <= 23
            && minute <= 59
            && second <= 60
    }

    /// Checks a submission time: well-formed, and with a reference date, not after it.
    pub(crate) fn check_submission(&self, ctx: &mut Ctx) {
        self.validate_into(ctx);
        if let Some(today) = ctx.reference_date()
            && self.parse().is_some_and(|at| at.date_naive() > today)
        {
            ctx.report(&rules::SUBMITTED_IN_FUTURE, &[]);
        }
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A point in time, RFC 3339 with a UTC offset, e.g. 2026-11-28T09:30:00+01:00.",
            "type": "string",
            "format": "date-time",
            "pattern": TIMESTAMP_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::TIMESTAMP_INVALID]),
        })
    }
}

impl Validate for Timestamp {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !self.is_valid() {
            ctx.report(&rules::TIMESTAMP_INVALID, &[]);
        }
    }
}

// Not `\S`: dialects disagree on U+0085 and U+FEFF; the class is written out as for texts.
const URL_PATTERN: &str = concat!(r"^https?://[^", space!(), "]+$");
pub(crate) static URL_RE: Pattern = Pattern::new(URL_PATTERN, pattern::url);

fn check_url_parses(ctx: &mut Ctx, s: &str) {
    if !url_is_as_written(s) {
        ctx.report(&rules::URL_INVALID, &[]);
    }
}

/// True when the web address parses and its host is the one written: the URL parser (WHATWG's
/// rules, as browsers read addresses) repairs much, and a repaired host is not what the source
/// says. So the host as written must be there (`https:///x` has none: the parser takes `x`),
/// have no empty label (`https://.`), and read the same once parsed, but for case and the
/// ASCII form of an internationalised name: nothing dropped (a zero-width space), mapped
/// (full-width letters), decoded (`%41`) or renumbered (`0x7f.1`).
fn url_is_as_written(s: &str) -> bool {
    is_plain_url(s) || url_parses_as_written(s)
}

/// [`url_is_as_written`] by the URL parser.
fn url_parses_as_written(s: &str) -> bool {
    let Ok(parsed) = url::Url::parse(s) else { return false };
    let Some(authority) = authority(s) else { return false };
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let written = if host_port.starts_with('[') {
        &host_port[..host_port.find(']').map_or(host_port.len(), |i| i + 1)]
    } else {
        host_port.rsplit_once(':').map_or(host_port, |(h, _)| h)
    };
    match parsed.host() {
        Some(url::Host::Domain(ascii)) => {
            let labels = written.strip_suffix('.').unwrap_or(written);
            !labels.is_empty() && labels.split('.').all(|l| !l.is_empty()) && {
                let written = written.to_lowercase();
                written == ascii || idna::domain_to_unicode(ascii).0 == written
            }
        }
        Some(url::Host::Ipv4(ip)) => written == ip.to_string(),
        Some(url::Host::Ipv6(_)) => written.starts_with('['),
        None => false,
    }
}

/// The authority of an address as written: after `https://` or `http://`, up to the path,
/// query or fragment; `None` without either scheme (the pattern, which has matched wherever
/// this is asked, requires one).
fn authority(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"))?;
    let len = rest.bytes().position(|c| matches!(c, b'/' | b'?' | b'#' | b'\\'));
    Some(&rest[..len.unwrap_or(rest.len())])
}

/// True for the common web address that the URL parser takes as written without needing to be
/// asked (most of them): after `https://` or `http://` (the pattern has matched), a host of
/// non-empty labels of ASCII letters, digits and `-`, none an internationalised `xn--` label,
/// the last starting with a letter (so the host is a name, not an IPv4 address, which the parser
/// would renumber), and no user, port or trailing dot; whatever follows the host (path, query,
/// fragment) the parser takes as it comes. Every other address is parsed in full.
fn is_plain_url(s: &str) -> bool {
    let Some(authority) = authority(s) else { return false };
    let mut last: &[u8] = &[];
    for label in authority.as_bytes().split(|&b| b == b'.') {
        let plain = label.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-');
        if !plain
            || label.is_empty()
            || label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
        {
            return false;
        }
        last = label;
    }
    last.first().is_some_and(u8::is_ascii_alphabetic)
}

string_type! {
    /// A web address starting with `https://` or `http://`, with a host as written (see
    /// `url.invalid`).
    Url
}

impl JsonSchema for Url {
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A web address starting with https:// or http://.",
            "type": "string",
            "pattern": URL_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::URL_SCHEME]),
            "x-rules": [rules::URL_INVALID.code],
        })
    }
}

impl Validate for Url {
    fn validate_into(&self, ctx: &mut Ctx) {
        if URL_RE.is_match(&self.0) {
            check_url_parses(ctx, &self.0);
        } else {
            ctx.report(&rules::URL_SCHEME, &[]);
        }
    }
}

/// Where a fact comes from.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page or document.
    pub url: Url,
    /// When it was read.
    pub retrieved: Option<PartialDate>,
    /// What it says, where sources disagree.
    pub note: Option<Text>,
}

impl Validate for Source {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("url", &self.url);
        ctx.check("retrieved", &self.retrieved);
        ctx.check("note", &self.note);
    }
}

const AMOUNT_PATTERN: &str = r"^(?:0|[1-9][0-9]*)(?:\.[0-9]{1,2})?$";
pub(crate) static AMOUNT_RE: Pattern = Pattern::new(AMOUNT_PATTERN, pattern::amount);
static NEGATIVE_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"^-(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$"));
static DECIMALS_RE: LazyLock<Regex> = LazyLock::new(|| regex(r"^(?:0|[1-9][0-9]*)\.[0-9]{3,}$"));

string_type! {
    /// An exact non-negative decimal amount, written as a string with at most two decimals
    /// (`"1800000"`, `"1250.50"`), so that no floating-point rounding can change it.
    Amount
}

impl Amount {
    /// The amount as an exact decimal, if well-formed.
    #[must_use]
    pub fn to_decimal(&self) -> Option<rust_decimal::Decimal> {
        if AMOUNT_RE.is_match(&self.0) { self.0.parse().ok() } else { None }
    }
}

impl JsonSchema for Amount {
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact non-negative decimal number in a string, with at most two decimals, e.g. \"1800000\" or \"1250.50\".",
            "type": "string",
            "pattern": AMOUNT_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::MONEY_FORMAT, &rules::MONEY_NEGATIVE, &rules::MONEY_TOO_MANY_DECIMALS]),
        })
    }
}

impl Validate for Amount {
    fn validate_into(&self, ctx: &mut Ctx) {
        if AMOUNT_RE.is_match(&self.0) {
            return;
        }
        let rule = if NEGATIVE_RE.is_match(&self.0) {
            &rules::MONEY_NEGATIVE
        } else if DECIMALS_RE.is_match(&self.0) {
            &rules::MONEY_TOO_MANY_DECIMALS
        } else {
            &rules::MONEY_FORMAT
        };
        ctx.report(rule, &[]);
    }
}

/// An amount of money in a currency, as a source states it: exact, or approximate ("cirka 2
/// miljoner kronor"), and perhaps given in a second currency too ("25 miljoner euro (ca 230
/// miljoner kronor)"), each kept as stated.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["money.currency_repeated"]))]
pub struct Money {
    /// The amount.
    pub amount: Amount,
    /// The ISO 4217 currency.
    pub currency: CurrencyCode,
    /// True when the source gives the amount as approximate (*cirka*, *drygt*, a rounded
    /// "1,8 miljoner").
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "null_as_default"
    )]
    #[schemars(with = "Option<bool>", extend("default" = false))]
    pub approximate: bool,
    /// The same amount as the source also states it, in other currencies.
    #[schemars(length(min = 1))]
    pub also: Option<Vec<MoneyValue>>,
}

/// An amount in a currency, as a source also states an amount (see [`Money::also`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyValue {
    /// The amount.
    pub amount: Amount,
    /// The ISO 4217 currency.
    pub currency: CurrencyCode,
    /// True when the source gives it as approximate.
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "null_as_default"
    )]
    #[schemars(with = "Option<bool>", extend("default" = false))]
    pub approximate: bool,
}

impl Money {
    /// An exact amount.
    #[must_use]
    pub fn exact(amount: &str, currency: CurrencyCode) -> Money {
        Money { amount: Amount::from(amount), currency, approximate: false, also: None }
    }
}

impl Validate for Money {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("amount", &self.amount);
        let Some(also) = &self.also else { return };
        ctx.field("also", |ctx| {
            if also.is_empty() {
                ctx.report(&rules::LIST_EMPTY, &[]);
            }
            for (i, other) in also.iter().enumerate() {
                ctx.index(i, |ctx| {
                    ctx.check("amount", &other.amount);
                    let repeated = other.currency == self.currency
                        || also[..i].iter().any(|o| o.currency == other.currency);
                    if repeated {
                        ctx.report_at(
                            "currency",
                            &rules::MONEY_CURRENCY_REPEATED,
                            &[("currency", other.currency.to_string())],
                        );
                    }
                });
            }
        });
    }
}

// At least one part, and the parts in order, without look-ahead (not every dialect has it).
const DURATION_PATTERN: &str = "^P(?:[0-9]+Y(?:[0-9]+M)?(?:[0-9]+W)?(?:[0-9]+D)?|[0-9]+M(?:[0-9]+W)?(?:[0-9]+D)?|[0-9]+W(?:[0-9]+D)?|[0-9]+D)$";
static DURATION_RE: LazyLock<Regex> = LazyLock::new(|| regex(DURATION_PATTERN));

string_type! {
    /// A length of time, ISO 8601 (`P3Y` three years, `P6M` six months, `P2D` two days).
    Duration
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A length of time, ISO 8601: P3Y (three years), P6M, P2D.",
            "type": "string",
            "pattern": DURATION_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::DURATION_FORMAT]),
        })
    }
}

impl Validate for Duration {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !DURATION_RE.is_match(self.as_str()) {
            ctx.report(&rules::DURATION_FORMAT, &[]);
        }
    }
}

/// A value that is personal data (a name, an e-mail address, a phone number, free text written
/// by a citizen).
///
/// It serialises as the plain value and is marked `"x-personal-data": true` in the schema. Its
/// `Debug` output never shows the value, and no validation message or parameter ever contains
/// it. Read it with [`Personal::expose`].
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Personal<T>(T);

impl<'a, T: From<&'a str>> From<&'a str> for Personal<T> {
    /// Marks a text as personal: `contact.email = Some("anna@example.se".into())`.
    fn from(value: &'a str) -> Self {
        Personal(T::from(value))
    }
}

impl<T> Personal<T> {
    /// Marks a value as personal.
    pub fn new(value: T) -> Self {
        Personal(value)
    }

    /// The value. Take care where it goes.
    pub fn expose(&self) -> &T {
        &self.0
    }

    /// The value, unwrapped.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Personal<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<personal>")
    }
}

impl<T: JsonSchema> JsonSchema for Personal<T> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        format!("Personal_{}", T::schema_name()).into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = generator.subschema_for::<T>();
        schema.insert("x-personal-data".to_owned(), true.into());
        schema
    }
}

impl<T: Validate> Validate for Personal<T> {
    fn validate_into(&self, ctx: &mut Ctx) {
        self.0.validate_into(ctx);
    }

    fn checks_nothing(&self) -> bool {
        self.0.checks_nothing()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Options;

    fn hand_ok(s: &str, max: usize, multiline: bool) -> bool {
        let options = Options::default();
        let mut ctx = Ctx::new(&options);
        check_text(&mut ctx, s, max, multiline);
        ctx.finish().is_clean()
    }

    /// Whatever the plain-address shortcut accepts, the URL parser accepts as written too.
    #[test]
    fn a_plain_address_is_one_the_parser_takes_as_written() {
        use proptest::prelude::*;
        let host = "[a-zA-Z0-9.\\-_:@%\\[\\]]{0,20}";
        let tail = "(|[/?#\\\\][a-zA-Z0-9./?#%:@&=+~\\-_ä]{0,12})";
        // Anything near a host, and hosts of labels (most of them plain).
        let labels = "[a-zA-Z0-9\\-]{0,6}(\\.[a-zA-Z0-9\\-]{0,6}){0,3}";
        for host in [host, labels] {
            let address = format!("(https?)://{host}{tail}");
            let config = proptest::test_runner::Config::with_cases(2000);
            let mut runner = proptest::test_runner::TestRunner::new(config);
            runner
                .run(&proptest::string::string_regex(&address).unwrap(), |s| {
                    if is_plain_url(&s) {
                        prop_assert!(url_parses_as_written(&s), "{s:?}");
                    }
                    Ok(())
                })
                .unwrap();
        }
        for s in [
            "https://www.lidkoping.se/kommun/internationellt",
            "http://a-b.example.org?q=1#x",
            "https://Lidkoping.SE/",
            "https://1.2.3.com/x",
        ] {
            assert!(is_plain_url(s) && url_parses_as_written(s), "{s}");
        }
        for s in [
            "https://1.2.3.4/",
            "https://0x7f.1/",
            "https://example.com./",
            "https://a..b/",
            "https:///x",
            "https://user@example.com/",
            "https://example.com:99999/",
            "https://xn--lidkping-n4a.se/",
            "https://exa\u{200b}mple.com/",
        ] {
            assert!(!is_plain_url(s), "{s}");
        }
    }

    /// The calendar's sum agrees with chrono's dates on every day number of every month number
    /// two digits write, in years of every kind (leap by 4, by 400, not by 100).
    #[test]
    fn the_calendar_day_is_chronos() {
        for y in [0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 9996, 9999] {
            for m in 0..=99 {
                for d in 0..=99 {
                    let chrono = NaiveDate::from_ymd_opt(i32::try_from(y).unwrap(), m, d).is_some();
                    assert_eq!(is_calendar_day(y, m, d), chrono, "{y}-{m}-{d}");
                }
            }
        }
    }

    /// A date that matches the pattern names a day that exists exactly when it has a range.
    #[test]
    fn day_exists_exactly_when_a_date_has_a_range() {
        let mut invalid = 0;
        for year in ["0000", "1900", "2000", "2023", "2024", "9999", "194X", "999X"] {
            let mut dates = vec![PartialDate(year.to_owned())];
            for month in 1..=12 {
                dates.push(PartialDate(format!("{year}-{month:02}")));
                for day in 1..=31 {
                    dates.push(PartialDate(format!("{year}-{month:02}-{day:02}")));
                }
            }
            for date in dates.into_iter().filter(|d| PARTIAL_DATE_RE.is_match(&d.0)) {
                assert_eq!(date.day_exists(), date.range().is_some(), "{}", date.0);
                invalid += usize::from(!date.day_exists());
            }
        }
        // In each of the six whole years, the 31st of four months and 30 and 31 February; and
        // 29 February in the three that are not leap years (1900, 2023, 9999; 0000 is one).
        assert_eq!(invalid, 6 * 6 + 3, "days that do not exist");
    }

    /// The byte scan finds exactly the characters that `forbidden` rejects.
    #[test]
    fn byte_scan_matches_the_character_rule() {
        for multiline in [false, true] {
            for cp in (0..0x800u32).chain(0x2000..0x2100).chain([0x2fff, 0xfeff, 0x1_f600]) {
                let Some(c) = char::from_u32(cp) else { continue };
                let pad = "a".repeat(31);
                for s in [
                    format!("{c}"),
                    format!("a{c}b"),
                    format!("é{c}"),
                    format!("{c}\u{c2}"),
                    format!("{c}\u{2000}"),
                    // Across the 32-byte blocks of the fast pass.
                    format!("{pad}{c}"),
                    format!("{pad}a{c}b"),
                    format!("{pad}{pad}é{c}{pad}"),
                ] {
                    assert_eq!(
                        has_forbidden(s.as_bytes(), multiline),
                        s.chars().any(|c| forbidden(c, multiline)),
                        "{s:?} multiline={multiline}"
                    );
                }
            }
        }
    }

    /// chrono's RFC 3339 parser, with the leap second confined to 23:59:60 UTC: chrono takes
    /// `:60` at any minute, so a `:60` is read as `:59` and must then be 23:59:59 UTC.
    fn oracle(s: &str) -> bool {
        use chrono::Timelike;
        let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) else { return false };
        if !TIMESTAMP_RE.is_match(s) {
            return false;
        }
        if &s[17..19] != "60" {
            return true;
        }
        let utc = t.naive_utc();
        utc.hour() == 23 && utc.minute() == 59
    }

    /// The byte-level timestamp check agrees with chrono's RFC 3339 parser on every mix of
    /// valid and out-of-range fields (leap years, leap seconds, offsets).
    #[test]
    fn timestamp_check_matches_chrono() {
        let mut checked = 0;
        for y in ["0000", "1900", "2000", "2023", "2024", "9999"] {
            for m in ["00", "01", "02", "04", "12", "13"] {
                for d in ["00", "01", "28", "29", "30", "31", "32"] {
                    for h in ["00", "23", "24"] {
                        for mi in ["00", "59", "60"] {
                            for sec in ["00", "59", "60", "61"] {
                                for frac in ["", ".5", ".123456789"] {
                                    for off in
                                        ["Z", "+00:00", "+23:59", "+24:00", "-05:30", "+01:60"]
                                    {
                                        let s = format!("{y}-{m}-{d}T{h}:{mi}:{sec}{frac}{off}");
                                        let t = Timestamp::new(s.clone());
                                        assert_eq!(t.is_valid(), oracle(&s), "{s}");
                                        assert_eq!(t.is_valid(), t.parse().is_some(), "{s}");
                                        checked += 1;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for s in ["2026-11-28T09:30:00", "2026-11-28 09:30:00Z", "2026-11-28t09:30:00z", ""] {
            let t = Timestamp::new(s.to_owned());
            assert_eq!(t.is_valid(), t.parse().is_some(), "{s}");
        }
        // The leap seconds of the JSON-Schema-Test-Suite, and the day boundary an offset crosses.
        for (s, valid) in [
            ("1998-12-31T23:59:60Z", true),
            ("1998-12-31T15:59:60.123-08:00", true),
            ("1999-01-01T00:59:60+01:00", true),
            ("1998-12-31T23:59:60+01:00", false),
            ("1998-12-31T23:59:61Z", false),
            ("1998-12-31T23:58:60Z", false),
            ("1998-12-31T22:59:60Z", false),
        ] {
            assert_eq!(Timestamp::new(s).is_valid(), valid, "{s}");
        }
        assert!(checked > 100_000);
    }

    /// The hand-written text check accepts exactly what the schema's pattern and lengths accept.
    #[test]
    fn text_check_matches_the_schema_pattern() {
        let single = regex(TEXT_PATTERN);
        let multi = regex(LONG_TEXT_PATTERN);
        let samples = [
            "a",
            "Barn & Skola",
            " a",
            "a ",
            "\u{feff}a",
            "a\u{feff}",
            "a\u{a0}",
            "\u{3000}a",
            "a\tb",
            "a\nb",
            "a\r\nb",
            "a\u{7}b",
            "a\u{85}b",
            "a\u{9f}",
            "\u{0}",
            "å",
            "a  b",
            "a\u{2028}b",
            "a\u{2029}b",
            "\u{2028}",
            "a\u{2028}",
            "a\u{85}",
            "a\u{2027}b",
            "a\u{202a}b",
            "a\u{e2}b",
            "\t",
            "\n",
            "a\n",
            "Kecskemét",
            "a\u{200b}b",
            "",
        ];
        for s in samples {
            let len_ok = !s.is_empty() && s.chars().count() <= TEXT_MAX;
            assert_eq!(
                hand_ok(s, TEXT_MAX, false),
                single.is_match(s) && len_ok,
                "single-line {s:?}"
            );
            assert_eq!(
                hand_ok(s, LONG_TEXT_MAX, true),
                multi.is_match(s) && len_ok,
                "multi-line {s:?}"
            );
        }
    }
}
