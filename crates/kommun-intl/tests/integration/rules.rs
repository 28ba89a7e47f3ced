//! The rule catalogue: unique codes, both languages, placeholders that the params fill, and the
//! README's rule table.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use kommun_intl::Lang;
use kommun_intl::validate::rules::{ALL, Check, Rule};

use crate::prelude::{root, updating};

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for r in ALL {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let (family, name) = r.code.split_once('.').expect("family.name");
        for part in [family, name] {
            assert!(
                !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{} is not lowercase snake_case",
                r.code
            );
        }
    }
}

#[test]
fn every_rule_has_both_messages_and_its_placeholders_are_its_params() {
    for r in ALL {
        for lang in Lang::ALL {
            let t = r.template(lang);
            assert!(t.trim().len() > 10, "{} lacks a {} message", r.code, lang.tag());
            let used: BTreeSet<&str> = Rule::placeholders(t).into_iter().collect();
            let declared: BTreeSet<&str> = r.params.iter().copied().collect();
            assert_eq!(used, declared, "{} ({}): placeholders vs params", r.code, lang.tag());
        }
        assert_ne!(r.sv, r.en, "{}: the Swedish message is the English one", r.code);
    }
}

#[test]
fn keyword_rules_name_a_json_schema_keyword() {
    let keywords = [
        "pattern",
        "minLength",
        "maxLength",
        "minItems",
        "uniqueItems",
        "format",
        "maximum",
        "anyOf",
        "if",
    ];
    for r in ALL {
        if let Check::Keyword(k) = r.check {
            assert!(keywords.contains(&k), "{}: unexpected keyword {k}", r.code);
        }
    }
}

/// The rule table in the README, between its markers.
fn rule_table() -> String {
    let mut out =
        String::from("| code | severity | schema | English | Svenska |\n|---|---|---|---|---|\n");
    for r in ALL {
        let schema = match r.check {
            Check::Text => "JSON text".to_owned(),
            Check::Structure => "structure".to_owned(),
            Check::Sheet => "spreadsheet".to_owned(),
            Check::Keyword(k) => format!("`{k}`"),
            Check::Rule => "`x-rules`".to_owned(),
        };
        let esc = |s: &str| s.replace('|', "\\|");
        let _ = writeln!(
            out,
            "| `{}` | {} | {schema} | {} | {} |",
            r.code,
            r.severity,
            esc(r.en),
            esc(r.sv)
        );
    }
    out
}

#[test]
fn readme_rule_table_is_current() {
    const START: &str = "<!-- rules:start -->\n";
    const END: &str = "<!-- rules:end -->";
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md lacks the rule table markers");
    };
    let current = &readme[a + START.len()..b];
    let table = rule_table();
    if current != table {
        if updating() {
            let new = format!("{}{table}{}", &readme[..a + START.len()], &readme[b..]);
            std::fs::write(&path, new).expect("write README.md");
        } else {
            panic!("README.md's rule table is out of date; run `KOMMUN_INTL_UPDATE=1 cargo test`");
        }
    }
}

/// An unknown code that is a code's label gets that code as its hint, and a short code list is
/// named whole (`tests/corpus/invalid/feedback/category_as_swedish_label.json`).
#[test]
fn hints_know_the_labels_and_short_lists_are_named() {
    let text = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/corpus/invalid/feedback/category_as_swedish_label.json"),
    )
    .unwrap();
    let report =
        kommun_intl::DocumentKind::Feedback.validate_json(&text, &kommun_intl::Options::default());
    let hints: Vec<_> = report.issues.iter().map(|i| i.suggestion()).collect();
    assert_eq!(hints, [Some("praise"), Some("web")]);
    let category = &report.issues[0];
    assert_eq!(
        category.allowed(),
        Some("praise, question, suggestion, complaint, view, fault_report, other")
    );
    assert!(
        category
            .message(kommun_intl::Lang::Sv)
            .contains("Menade du `praise`? Koderna här är: praise,")
    );
    // A near label is enough, in either language; a long list (countries) is not listed.
    let near = br#"{"category": "Klagomal", "description": "x", "channel": "E-mail", "submitted_at": "2026-11-28T09:30:00+01:00"}"#;
    let report =
        kommun_intl::DocumentKind::Feedback.validate_json(near, &kommun_intl::Options::default());
    let hints: Vec<_> = report.issues.iter().map(|i| i.suggestion()).collect();
    assert_eq!(hints, [Some("complaint"), Some("email")]);
    let country = br#"{"id": "x", "partner": {"name": {"sv": "X"}, "country": "Tyskland"}}"#;
    let report = kommun_intl::DocumentKind::Partnership
        .validate_json(country, &kommun_intl::Options::default());
    assert_eq!(report.issues[0].suggestion(), Some("DE"));
    assert_eq!(report.issues[0].allowed(), None);
}
