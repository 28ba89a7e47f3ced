//! Personal data never leaks: canary strings in every personal field of invalid documents must
//! not appear in any message, parameter, `Debug` or `Display` output.

use kommun_intl::{DocumentKind, Feedback, Lang, Options, Report};
use serde_json::{Value, json};

const CANARY: &str = "KANARIEFAGEL";

fn personal_variants() -> Vec<(DocumentKind, Value)> {
    let long = format!("{CANARY} ").repeat(600);
    let contacts = [
        json!({ "name": format!(" {CANARY}"), "email": format!("{CANARY}@@example"), "phone": format!("+46 {CANARY}") }),
        json!({ "name": long.trim(), "email": format!("{CANARY}.example.se"), "phone": "+46 12" }),
        json!({ "name": format!("{CANARY}\u{7}"), "email": format!("x@{CANARY}"), "phone": "0510-77 00 00", "nmae": CANARY }),
        json!({ "name": 42, "email": [CANARY], "phone": { "x": CANARY } }),
    ];
    let descriptions = [
        json!(format!("  {CANARY}")),
        json!(long.clone()),
        json!(format!("{CANARY}\u{0}")),
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
                    "submitted_at": "2026-11-28T09:30:00+01:00", "contact": contact
                }),
            ));
        }
    }
    out
}

fn assert_clean(what: &str, text: &str) {
    assert!(!text.contains(CANARY), "{what} leaks personal data: {text}");
}

fn check_report(report: &Report) {
    assert!(!report.is_valid(), "the variant should be invalid");
    for issue in &report.issues {
        for lang in Lang::ALL {
            assert_clean("a message", &issue.message(lang));
        }
        for (k, v) in &issue.params {
            assert_clean(&format!("param {k}"), v);
        }
        assert_clean("Issue Debug", &format!("{issue:?}"));
        assert_clean("Issue Display", &issue.to_string());
    }
    assert_clean("Report Debug", &format!("{report:?}"));
    assert_clean("Report Display", &report.to_string());
    assert_clean("Error Display", &kommun_intl::Error::Invalid(report.clone()).to_string());
}

#[test]
fn canaries_in_personal_fields_never_reach_any_output() {
    let options = Options::default();
    for (kind, doc) in personal_variants() {
        let text = serde_json::to_vec(&doc).unwrap();
        check_report(&kind.validate_json(&text, &options));
        check_report(&kommun_intl::validate_value(kind, &doc, &options));
    }
}

#[test]
fn debug_of_a_value_hides_personal_fields() {
    let doc = json!({
        "category": "question", "description": format!("Hej, jag heter {CANARY}."),
        "channel": "email", "submitted_at": "2026-11-28T09:30:00+01:00",
        "contact": { "name": CANARY, "email": "kanariefagel@example.se", "phone": "+46510770000" }
    });
    let value: Feedback = kommun_intl::from_json(serde_json::to_vec(&doc).unwrap()).unwrap();
    let debug = format!("{value:?} {value:#?}");
    assert_clean("Feedback Debug", &debug);
    assert!(!debug.contains("kanariefagel@example.se"), "{debug}");
    assert!(!debug.contains("510770000"), "{debug}");
    // The values are still there for whoever asks for them explicitly.
    let contact = value.contact.as_ref().unwrap();
    assert_eq!(contact.name.as_ref().unwrap().expose().as_str(), CANARY);
}
