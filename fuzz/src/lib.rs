//! Invariants shared by the fuzz targets.
//!
//! Every target feeds hostile input to one entry point of the library and then checks what came
//! back with these functions. A broken invariant panics, which libFuzzer reports as a crash and
//! saves under `fuzz/artifacts/<target>/`.
//!
//! The first byte of most targets' input chooses the document kind and the options (see
//! [`setup`]); the rest is the document.

// Every check here panics on a broken invariant: that is how libFuzzer learns of it.
#![allow(clippy::missing_panics_doc)]

use std::fmt::Debug;

use kommun_intl::validate::{Check, Limits, Rule};
use kommun_intl::{Document, DocumentKind, Issue, Lang, Options, Report, Severity};
use serde_json::Value;

/// The kind and options a selector byte stands for. The low four bits pick the kind (modulo the
/// number of kinds); the high bits switch on a reference date (bit 4), a cap of three issues
/// (bit 5) and tight limits (bit 6), so that small inputs reach every limit. A byte from 0 to 6
/// means that kind with the default options.
#[must_use]
pub fn setup(selector: u8) -> (DocumentKind, Options) {
    let kind = DocumentKind::ALL[usize::from(selector & 0x0F) % DocumentKind::ALL.len()];
    let mut options = Options::default();
    if selector & 0x10 != 0 {
        // A fixed "today", so that runs are reproducible.
        options.reference_date = "2026-11-28".parse().ok();
    }
    if selector & 0x20 != 0 {
        options.max_issues = 3;
    }
    if selector & 0x40 != 0 {
        options.limits = Limits {
            max_document_size: 512,
            max_depth: 4,
            max_string_length: 24,
            max_array_length: 4,
        };
    }
    (kind, options)
}

/// The (code, pointer) pairs of a report, sorted.
#[must_use]
pub fn codes(report: &Report) -> Vec<(&'static str, String)> {
    let mut v: Vec<_> = report.issues.iter().map(|i| (i.code, i.pointer.clone())).collect();
    v.sort();
    v
}

/// True for issues about the text itself (encoding, syntax, limits, duplicate keys).
#[must_use]
pub fn is_text_level(issue: &Issue) -> bool {
    issue.rule().check == Check::Text
}

/// True for issues about the shape of the document (types, fields, codes).
#[must_use]
pub fn is_structural(issue: &Issue) -> bool {
    matches!(issue.rule().check, Check::Text | Check::Structure)
}

/// Checks what holds for every report: an invalid report has an issue, the counts add up, every
/// message renders in both languages with all its parameters, pointers are pointers.
pub fn check_report(report: &Report) {
    if !report.is_valid() {
        assert!(!report.issues.is_empty(), "an invalid report without issues: {report:?}");
    }
    let kept_errors = report.errors().count();
    let kept_warnings = report.warnings().count();
    assert_eq!(kept_errors + kept_warnings, report.issues.len());
    assert!(report.error_count() >= kept_errors);
    if report.truncated_count == 0 {
        assert_eq!(report.error_count(), kept_errors, "{report:?}");
        assert_eq!(report.warning_count(), kept_warnings, "{report:?}");
    }
    for issue in &report.issues {
        check_issue(issue);
    }
    let _ = report.to_string();
    let _ = format!("{report:?}");
}

/// Checks one issue (see [`check_report`]).
pub fn check_issue(issue: &Issue) {
    assert!(
        issue.pointer.is_empty() || issue.pointer.starts_with('/'),
        "not a JSON Pointer: {issue:?}"
    );
    assert_eq!(
        issue.severity == Severity::Error,
        issue.rule().severity == Severity::Error,
        "{issue:?}"
    );
    assert!(Rule::by_code(issue.code).is_some(), "a code outside the catalogue: {issue:?}");
    for lang in Lang::ALL {
        let message = issue.message(lang);
        assert!(!message.trim().is_empty(), "an empty message: {issue:?}");
        for name in Rule::placeholders(issue.rule().template(lang)) {
            assert!(issue.params.contains_key(name), "no parameter `{name}`: {issue:?}");
        }
    }
    assert_eq!(issue.line.is_some(), issue.column.is_some(), "half a position: {issue:?}");
    let _ = issue.to_string();
    let _ = format!("{issue:?}");
}

/// The lines of a text (split at `\n`, as the validator counts them), each with its length in
/// characters.
pub struct Lines {
    text: Vec<Vec<char>>,
}

impl Lines {
    /// Splits a text into lines.
    #[must_use]
    pub fn new(text: &[u8]) -> Lines {
        Lines {
            text: text
                .split(|&b| b == b'\n')
                .map(|l| String::from_utf8_lossy(l).chars().collect())
                .collect(),
        }
    }

    /// How many lines there are (an empty text has one, empty, line).
    #[must_use]
    pub fn count(&self) -> usize {
        self.text.len()
    }

    /// The character at a 1-based position, `None` at the end of a line.
    #[must_use]
    pub fn char_at(&self, line: u32, column: u32) -> Option<char> {
        let line = self.text.get(usize::try_from(line).ok()?.checked_sub(1)?)?;
        line.get(usize::try_from(column).ok()?.checked_sub(1)?).copied()
    }

    /// Panics unless the issue's position lies in the text: a line that exists and a column
    /// from 1 to one past the line's last character. With `required`, the issue must have one.
    pub fn check(&self, issue: &Issue, required: bool) {
        let (Some(line), Some(column)) = (issue.line, issue.column) else {
            assert!(!required, "an issue from text without a position: {issue:?}");
            return;
        };
        let index = usize::try_from(line).expect("u32 fits usize");
        assert!(
            (1..=self.count()).contains(&index),
            "line {line} outside a text of {} line(s): {issue:?}",
            self.count()
        );
        let len = self.text[index - 1].len();
        let column = usize::try_from(column).expect("u32 fits usize");
        assert!(
            (1..=len + 1).contains(&column),
            "column {column} outside line {line} of {len} character(s): {issue:?}"
        );
    }
}

/// Checks that every issue of a report from `text` has a position inside it.
pub fn check_positions(report: &Report, text: &[u8]) {
    let lines = Lines::new(text);
    for issue in &report.issues {
        lines.check(issue, true);
    }
}

/// Every string of a document with its JSON Pointer, and every key.
fn strings(document: &Value) -> (Vec<(String, &str)>, Vec<&str>) {
    let (mut values, mut keys) = (Vec::new(), Vec::new());
    let mut todo = vec![(String::new(), document)];
    while let Some((pointer, v)) = todo.pop() {
        match v {
            Value::String(s) => values.push((pointer, s.as_str())),
            Value::Array(a) => {
                todo.extend(a.iter().enumerate().map(|(i, c)| (format!("{pointer}/{i}"), c)));
            }
            Value::Object(o) => {
                for (k, c) in o {
                    keys.push(k.as_str());
                    let escaped = k.replace('~', "~0").replace('/', "~1");
                    todo.push((format!("{pointer}/{escaped}"), c));
                }
            }
            _ => {}
        }
    }
    (values, keys)
}

/// The personal strings of a document (see `kommun_intl::personal::pointers`) that could not
/// turn up in any output by chance: at least six characters, only letters, digits and inner
/// spaces, with an upper-case or non-ASCII letter (codes, field names and numbers have none), no
/// `x` (what masking writes), and found in no other string or key of the document, from where
/// it may rightly be quoted.
#[must_use]
pub fn secrets(kind: DocumentKind, document: &Value) -> Vec<String> {
    let personal = kommun_intl::personal::pointers(kind, document);
    if personal.is_empty() {
        return Vec::new();
    }
    let (values, keys) = strings(document);
    let mut others: Vec<&str> = keys;
    let mut candidates = Vec::new();
    for (pointer, s) in values {
        if personal.contains(&pointer) {
            candidates.push(s);
        } else {
            others.push(s);
        }
    }
    let telling = |s: &str| {
        s.chars().count() >= 6
            && s.trim() == s
            && s.chars().all(|c| c.is_alphanumeric() || c == ' ')
            && s.chars().any(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_ascii()))
            && !s.contains(['x', 'X'])
    };
    candidates
        .into_iter()
        .filter(|p| telling(p) && !others.iter().any(|o| o.contains(*p)))
        .map(str::to_owned)
        .collect()
}

/// Checks that no personal value of a document reaches its report. Values enter a report only
/// through issue parameters (messages, `Debug` and `Display` are made of them, the code, the
/// severity, the position and the pointer, whose keys are not personal), so the parameters and
/// pointers are what is checked.
pub fn check_no_personal_data(kind: DocumentKind, document: &Value, report: &Report) {
    let secrets = secrets(kind, document);
    for issue in &report.issues {
        for secret in &secrets {
            for (name, value) in &issue.params {
                assert!(
                    !value.contains(secret.as_str()),
                    "param {name} leaks {secret:?}: {issue:?}"
                );
            }
            assert!(!issue.pointer.contains(secret.as_str()), "the pointer leaks {secret:?}");
        }
    }
}

/// Checks the byte ranges that `kommun_intl::personal::spans` gives for a text: sorted, not
/// overlapping, inside the text; masking them keeps the length in characters; and, for
/// well-formed JSON, leaves no personal value (see [`secrets`]) readable.
pub fn check_personal_spans(kind: DocumentKind, text: &[u8], document: Option<&Value>) {
    use kommun_intl::personal::Trust;
    for (asked, trust) in
        [(Some(kind), Trust::Told), (Some(kind), Trust::FromDocument), (None, Trust::FromDocument)]
    {
        let spans = kommun_intl::personal::spans(asked, trust, text);
        let mut end = 0;
        for r in &spans {
            assert!(r.start >= end && r.start <= r.end && r.end <= text.len(), "{spans:?}");
            end = r.end;
        }
        let Ok(s) = std::str::from_utf8(text) else { continue };
        let masked = kommun_intl::personal::mask_ranges(s, &spans);
        assert_eq!(masked.chars().count(), s.chars().count(), "masking changed the length");
        if let (Some(kind), Some(document)) = (asked, document) {
            for secret in secrets(kind, document) {
                assert!(!masked.contains(&secret), "masked text shows {secret:?}: {masked}");
            }
        }
    }
}

/// Parses and validates `text` as a `T` and checks every invariant of the text path:
/// positions inside the text, no personal data in the output, and, when the text fits the model,
/// that the typed value serialises to a document that validates with the same rule issues and
/// no structural one, by text and as a parsed value.
pub fn check_document<T: Document + Debug>(text: &[u8], options: &Options) {
    let (value, report) = kommun_intl::check_json::<T>(text, options);
    check_report(&report);
    check_positions(&report, text);
    if value.is_none() {
        assert!(!report.is_valid(), "no value, yet a valid report: {report:?}");
    }
    // The explaining path reads a text into a spanned tree; a text it does not take goes the
    // first way (a `serde_json::Value`, issues found by pointer). Both give the same report.
    let by_value = kommun_intl::validate_json_by_value(T::KIND, text, options);
    assert_eq!(
        (format!("{report:?}"), report.error_count(), report.warning_count()),
        (format!("{by_value:?}"), by_value.error_count(), by_value.warning_count()),
        "the tree and the value explain differently"
    );
    // The fast path's typed parse (with errors that format nothing) takes what
    // `serde_json::from_slice` takes, into the same value; only a limit stops one it takes.
    let body = text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(text);
    match (serde_json::from_slice::<T>(body), &value) {
        (Ok(loud), Some(quiet)) => assert_eq!(
            serde_json::to_vec(&loud).expect("serialises"),
            serde_json::to_vec(quiet).expect("serialises"),
            "the fast path read another value"
        ),
        (Ok(_), None) => assert!(
            report.issues.iter().any(|i| i.code.starts_with("limits.")),
            "serde_json takes the text, the fast path does not: {report:?}"
        ),
        (Err(_), Some(_)) => panic!("the fast path took a text serde_json refuses"),
        (Err(_), None) => {}
    }
    if let Ok(document) = serde_json::from_slice::<Value>(text) {
        check_no_personal_data(T::KIND, &document, &report);
    }
    let Some(value) = value else { return };
    let _ = format!("{value:?}");

    // The typed value serialises, and what it serialises to fits the model again.
    let again = serde_json::to_vec(&value).expect("a typed value serialises");
    let options = Options { reference_date: options.reference_date, ..Options::default() };
    let (back, second) = kommun_intl::check_json::<T>(&again, &options);
    check_report(&second);
    check_positions(&second, &again);
    let structural: Vec<_> = second.issues.iter().filter(|i| is_structural(i)).collect();
    assert!(structural.is_empty(), "the re-serialised value has structural issues: {structural:?}");
    let back = back.expect("the re-serialised value parses");
    assert_eq!(serde_json::to_vec(&back).expect("serialises"), again, "serialising is not stable");

    // The rules see the same value, so they say the same things (when nothing was cut off).
    if report.truncated_count == 0 {
        let before: Vec<_> = {
            let mut v: Vec<_> = report
                .issues
                .iter()
                .filter(|i| !is_text_level(i))
                .map(|i| (i.code, i.pointer.clone()))
                .collect();
            v.sort();
            v
        };
        assert_eq!(before, codes(&second), "the rules changed their mind after a round trip");
    }

    // The parsed-value path agrees with the text path.
    let tree = serde_json::to_value(&back).expect("serialises");
    let third = kommun_intl::validate_value(T::KIND, &tree, &options);
    check_report(&third);
    assert!(third.issues.iter().all(|i| i.line.is_none()), "positions without text: {third:?}");
    assert_eq!(codes(&third), codes(&second), "validate_value disagrees with validate_json");
}

/// Runs [`check_document`] for the model type of `kind` (through the one registry of kinds).
pub fn check_kind(kind: DocumentKind, text: &[u8], options: &Options) {
    struct Check<'a>(&'a [u8], &'a Options);
    impl kommun_intl::KindVisitor for Check<'_> {
        type Output = ();
        fn visit<T: kommun_intl::Document>(self) {
            check_document::<T>(self.0, self.1);
        }
    }
    kind.visit(Check(text, options));
}

/// Reads an Open311 document of `format` and checks every report (and, for each request that
/// is a fault report, runs `round_trip` on it): the invariants of [`check_report`], positions
/// inside the text, no personal value of the request in its issues.
pub fn check_open311(
    data: &[u8],
    format: kommun_intl_open311::Format,
    round_trip: impl Fn(&kommun_intl::FaultReport),
) {
    let lines = data.split(|&b| b == b'\n').count();
    let inside = |report: &Report| {
        for issue in &report.issues {
            if let Some(line) = issue.line {
                assert!((line as usize) <= lines, "a line past the text: {issue:?}");
            }
            if let Some(offset) = issue.offset {
                assert!(offset <= data.len(), "an offset past the text: {issue:?}");
            }
        }
    };
    match kommun_intl_open311::read_requests_as(data, format, &Options::default()) {
        Err(report) => {
            check_report(&report);
            assert!(!report.is_valid(), "refused without an error: {report:?}");
            inside(&report);
        }
        Ok(requests) => {
            for request in requests {
                check_report(&request.report);
                inside(&request.report);
                check_no_personal_data(DocumentKind::FaultReport, &request.value, &request.report);
                if let Some(report) = request.fault_report() {
                    round_trip(&report);
                }
            }
        }
    }
}
