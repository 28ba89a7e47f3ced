//! The explaining path reads a text once into a spanned tree and places each issue as it is
//! reported; a text the tree does not take (a limit, a syntax error, a repeated key) is read
//! the first way, as a `serde_json::Value` whose issues are found by their pointers. Both ways
//! must give the same report to the last parameter and column: here on every corpus document,
//! mutated, as every kind.

use kommun_intl::validate::Limits;
use kommun_intl::{DocumentKind, Options, Report};

use crate::prelude::fixtures;

/// Everything a report says.
fn full(report: &Report) -> String {
    format!("{report:?} {} {}", report.error_count(), report.warning_count())
}

fn same(kind: DocumentKind, text: &[u8], options: &Options) {
    let by_tree = kind.validate_json(text, options);
    let by_value = kommun_intl::validate_json_by_value(kind, text, options);
    assert_eq!(
        full(&by_tree),
        full(&by_value),
        "{kind} differs on {}",
        String::from_utf8_lossy(text)
    );
}

/// Small changes that keep most documents well-formed: another value in place of a string,
/// a member more, an escape.
fn mutations(text: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![text.to_vec()];
    let quotes: Vec<usize> =
        text.iter().enumerate().filter(|&(_, &b)| b == b'"').map(|(i, _)| i).collect();
    let values: [&[u8]; 8] =
        [b"\"Praise\"", b"3", b"-0", b"1.5e3", b"{\"a\": 1}", b"[1, \"x\"]", b"\" x \"", b"null"];
    for (n, pair) in quotes.chunks(2).enumerate().step_by(3) {
        if let [open, close] = *pair {
            let mut m = text.to_vec();
            m.splice(open..=close, values[n % values.len()].iter().copied());
            out.push(m);
        }
    }
    let members: [&[u8]; 4] =
        [b"\"nmae\": 1, ", b"\"Anna Berg\": \"x\", ", b"\"a/b~c\": [1], ", b"\"\\u00e5\": {}, "];
    for (n, at) in text.iter().enumerate().filter(|&(_, &b)| b == b'{').map(|(i, _)| i).enumerate()
    {
        if n % 2 == 0 {
            let mut m = text.to_vec();
            let after = at + 1;
            m.splice(after..after, members[n / 2 % members.len()].iter().copied());
            out.push(m);
        }
    }
    out
}

#[test]
fn the_tree_and_the_value_explain_alike() {
    let tight = Options {
        limits: Limits {
            max_document_size: 4096,
            max_depth: 4,
            max_string_length: 24,
            max_array_length: 4,
        },
        ..Options::default()
    };
    let options = [
        Options::default(),
        Options { kind_from_document: true, ..Options::default() },
        Options { max_issues: 3, ..Options::default() },
        tight,
    ];
    let mut runs = 0;
    for f in fixtures() {
        for text in mutations(&f.bytes) {
            for kind in DocumentKind::ALL {
                for o in &options {
                    same(kind, &text, o);
                    runs += 1;
                }
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

/// The issues of one typed check past the number it places itself are placed at the end, in
/// one pass over the text, at the same places.
#[test]
fn many_rule_issues_of_one_record_are_placed_alike() {
    let areas = vec![r#""culture""#; 40].join(", ");
    let text = format!(
        r#"{{"municipality": {{"id": "lidkoping", "name": {{"sv": "Lidköping"}}, "municipality_code": "1494"}},
  "partnerships": [
    {{"id": "x", "partner": {{"name": {{"sv": "X"}}, "level": "city", "country": "HU"}},
      "agreement_type": "twinning", "areas": [{areas}]}},
    {{"id": "y", "partner": 3}}
  ]}}"#
    );
    let report = DocumentKind::Dataset.validate_json(text.as_bytes(), &Options::default());
    assert!(report.issues.iter().filter(|i| i.code == "list.duplicate").count() > 16);
    same(DocumentKind::Dataset, text.as_bytes(), &Options::default());
}
