//! Personal data never leaks, with the shared canaries of `tests/canary/canaries.txt`: each
//! canary in every personal field of many generated invalid variants (every combination of
//! contact and description shapes, through `validate_json` and `validate_value`) must not
//! appear in any message, parameter, `Debug` or `Display` output.
//!
//! The shared canary documents of `tests/canary/` go through every surface (these `Debug` and
//! `Display` forms by way of `examples/canary_dump.rs`, the Python API and the CLI) in
//! `bindings/python/tests/test_canary_everywhere.py`.

use kommun_intl::{DocumentKind, Feedback, Lang, Options, Report};
use serde_json::{Value, json};

use crate::prelude::root;

/// The canary strings, one a line; blank lines and `#` comments skipped.
fn canaries() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/canary/canaries.txt")).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn personal_variants(canary: &str) -> Vec<(DocumentKind, Value)> {
    let long = format!("{canary} ").repeat(600);
    let contacts = [
        json!({ "name": format!(" {canary}"), "email": format!("{canary}@@example"), "phone": format!("+46 {canary}") }),
        json!({ "name": long.trim(), "email": format!("{canary}.example.se"), "phone": "+46 12" }),
        json!({ "name": format!("{canary}\u{7}"), "email": format!("x@{canary}"), "phone": "0510-77 00 00", "nmae": canary }),
        json!({ "name": 42, "email": [canary], "phone": { "x": canary } }),
    ];
    let descriptions = [
        json!(format!("  {canary}")),
        json!(long.clone()),
        json!(format!("{canary}\u{0}")),
        json!(""),
        json!(17),
    ];
    let mut out = Vec::new();
    for contact in &contacts {
        for description in &descriptions {
            out.push((
                DocumentKind::Feedback,
                json!({
                    "category": "complaint", "description": description, "channel": "web",
                    "submitted_at": "2026-11-28T09:30:00", "contact": contact, "wants_reply": true
                }),
            ));
            out.push((
                DocumentKind::FaultReport,
                json!({
                    "service_code": "klotter", "description": description, "lat": 95.0,
                    "requested_datetime": "2026-11-28T09:30:00+01:00", "contact": contact
                }),
            ));
        }
    }
    out
}

fn assert_clean(canaries: &[String], what: &str, text: &str) {
    let text = text.to_lowercase();
    for canary in canaries {
        assert!(!text.contains(&canary.to_lowercase()), "{what} leaks {canary}: {text}");
    }
}

fn check_report(canaries: &[String], report: &Report) {
    let clean = |what: &str, text: &str| assert_clean(canaries, what, text);
    assert!(!report.is_valid(), "the variant should be invalid");
    for issue in &report.issues {
        for lang in Lang::ALL {
            clean("a message", &issue.message(lang));
        }
        for (k, v) in &issue.params {
            clean(&format!("param {k}"), v);
        }
        clean("Issue Debug", &format!("{issue:?}"));
        clean("Issue Display", &issue.to_string());
    }
    clean("Report Debug", &format!("{report:?}"));
    clean("Report Display", &report.to_string());
    clean("Error Display", &kommun_intl::Error::Invalid(report.clone()).to_string());
}

#[test]
fn canaries_in_personal_fields_never_reach_any_output() {
    let canaries = canaries();
    assert!(canaries.len() >= 5, "{canaries:?}");
    let options = Options::default();
    for canary in &canaries {
        for (kind, doc) in personal_variants(canary) {
            let text = serde_json::to_vec(&doc).unwrap();
            check_report(&canaries, &kind.validate_json(&text, &options));
            check_report(&canaries, &kommun_intl::validate_value(kind, &doc, &options));
        }
    }
}

#[test]
fn debug_of_a_value_hides_personal_fields_that_are_still_there() {
    let canaries = canaries();
    let text = std::fs::read(root().join("tests/canary/feedback.valid.json")).unwrap();
    let value: Feedback = kommun_intl::from_json(text).unwrap();
    assert_clean(&canaries, "Feedback Debug", &format!("{value:?} {value:#?}"));
    // The values are still there for whoever asks for them explicitly.
    let contact = value.contact.as_ref().unwrap();
    assert_eq!(contact.name.as_ref().unwrap().expose().as_str(), "Sjöfågelsdotter Kanariesson");
    assert!(value.description.expose().as_str().contains("KANARIEFAGEL"));
}
