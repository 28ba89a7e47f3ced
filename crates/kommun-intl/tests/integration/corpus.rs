//! The whole corpus through the library: exact codes and pointers, one pass.

use std::collections::BTreeSet;

use kommun_intl::validate::rules;

use crate::prelude::{Fixture, fixtures};

fn actual(f: &Fixture) -> (Vec<(String, String)>, kommun_intl::Report) {
    let report = f.kind.validate_json(&f.bytes, &f.options());
    let mut v: Vec<(String, String)> =
        report.issues.iter().map(|i| (i.code.to_owned(), i.pointer.clone())).collect();
    v.sort();
    (v, report)
}

#[test]
fn every_fixture_gets_exactly_its_expected_issues() {
    let all = fixtures();
    assert!(!all.is_empty(), "tests/corpus is empty");
    let mut failures = Vec::new();
    for f in &all {
        let (got, _) = actual(f);
        let want = f.expected_issues();
        if got != want {
            failures.push(format!("{}\n  expected {want:?}\n  got      {got:?}", f.name()));
        }
    }
    assert!(failures.is_empty(), "{} fixture(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn invalid_fixtures_fail_and_valid_ones_pass() {
    for f in fixtures() {
        let (_, report) = actual(&f);
        let has_error_expected = f.invalid
            && f.expected_issues().iter().any(|(code, _)| {
                rules::Rule::by_code(code)
                    .is_some_and(|r| r.severity == kommun_intl::Severity::Error)
            });
        assert_eq!(report.is_valid(), !has_error_expected, "{}", f.name());
    }
}

#[test]
fn issues_from_text_carry_line_and_column() {
    for f in fixtures() {
        let (_, report) = actual(&f);
        for issue in &report.issues {
            assert!(
                issue.line.is_some() && issue.column.is_some(),
                "{}: {} at {} has no position",
                f.name(),
                issue.code,
                issue.pointer
            );
        }
    }
}

#[test]
fn the_corpus_covers_every_rule() {
    let mut seen = BTreeSet::new();
    let mut invalid = 0;
    for f in fixtures() {
        if f.invalid {
            invalid += 1;
        }
        seen.extend(f.expected_issues().into_iter().map(|(code, _)| code));
    }
    assert!(invalid >= 60, "only {invalid} invalid fixtures; the corpus needs at least 60");
    // The fallback for input that fits no more precise rule; no document is known to reach it.
    // The size limits need documents of megabytes: tests/integration/hostile.rs covers them.
    let unreachable = [
        rules::INVALID_VALUE.code,
        rules::LIMIT_DOCUMENT_SIZE.code,
        rules::LIMIT_STRING_LENGTH.code,
        rules::LIMIT_ARRAY_LENGTH.code,
    ];
    // Spreadsheet rules judge workbooks and CSV files, not JSON: the fixtures of
    // crates/kommun-intl-sheets cover every one of them (its test `every_sheet_rule_has_a_fixture`).
    // The Open311 wire rules concern XML, forms and GeoReport JSON, which no document of this
    // corpus is: kommun-intl-open311's tests cover each of them.
    let missing: Vec<_> = rules::ALL
        .iter()
        .filter(|r| r.check != rules::Check::Sheet)
        .map(|r| r.code)
        .filter(|c| !seen.contains(*c) && !unreachable.contains(c) && !c.starts_with("open311."))
        .collect();
    assert!(missing.is_empty(), "no fixture covers {missing:?}");
}

#[test]
fn dict_input_gives_the_same_issues_as_text() {
    for f in fixtures() {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(&f.bytes) else { continue };
        let text_level = f.expected_issues().iter().any(|(code, _)| {
            rules::Rule::by_code(code).is_some_and(|r| r.check == rules::Check::Text)
        });
        if text_level {
            // Duplicate keys and byte order marks exist only in text, not in a parsed value.
            continue;
        }
        let report = kommun_intl::validate_value(f.kind, &value, &f.options());
        let mut got: Vec<(String, String)> =
            report.issues.iter().map(|i| (i.code.to_owned(), i.pointer.clone())).collect();
        got.sort();
        assert_eq!(got, actual(&f).0, "{}", f.name());
    }
}

/// `DocumentKind::from_deserializer` then `ParsedDocument::validate` gives `validate_value`'s
/// report for every fixture whose value fits the model, and `None` for every other: what the
/// Python binding's fast path for dicts relies on. (The limits are the deserializer's to hold,
/// and `serde_json::Value`'s does not: the fixtures about limits are left out.)
#[test]
fn a_document_read_by_a_deserializer_gets_the_report_of_its_value() {
    let mut read = 0;
    for f in fixtures() {
        let Ok(value) = serde_json::from_slice::<serde_json::Value>(&f.bytes) else { continue };
        if f.expected_issues().iter().any(|(code, _)| code.starts_with("limits.")) {
            continue;
        }
        let options = f.options();
        let by_value = kommun_intl::validate_value(f.kind, &value, &options);
        match f.kind.from_deserializer(&value) {
            Some(parsed) => {
                read += 1;
                assert_eq!(parsed.kind(), f.kind, "{}", f.name());
                assert_eq!(parsed.validate(&options), by_value, "{}", f.name());
            }
            None => assert!(!by_value.is_valid(), "{}: fits by value only", f.name()),
        }
    }
    assert!(read > 0);
}

#[test]
fn the_cap_keeps_the_first_issues_and_counts_the_rest() {
    let many: Vec<_> =
        (0..30).map(|i| format!(r#"{{"id": "Bad Id {i}", "organisation": " x"}}"#)).collect();
    let doc = format!(
        r#"{{"municipality": {{"id": "lidkoping", "name": {{"sv": "Lidköpings kommun"}}, "municipality_code": "1494"}}, "memberships": [{}]}}"#,
        many.join(",")
    );
    let options = kommun_intl::Options { max_issues: 10, ..Default::default() };
    let report = kommun_intl::DocumentKind::Dataset.validate_json(doc.as_bytes(), &options);
    assert_eq!(report.issues.len(), 10);
    assert_eq!(report.truncated_count, 50);
    assert_eq!(report.error_count(), 60);
    assert!(!report.is_valid());
}
