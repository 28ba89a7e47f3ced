//! Snippets show the form of personal values, not the values, on the shared canary documents
//! (`tests/canary/` at the repository root). That no personal value reaches any output of any
//! command, format, language or colour setting (and `fix`) is checked on the same documents by
//! `bindings/python/tests/test_canary_everywhere.py`, which runs this binary.

use crate::run;

/// The shared canary documents, relative to the test data directory the commands run in.
const CANARY: &str = "../../../../tests/canary";

#[test]
fn snippets_show_the_form_of_personal_values_not_the_values() {
    let files = ["feedback.rules.json", "feedback.structure.json", "feedback.exports.ndjson"]
        .map(|f| format!("{CANARY}/{f}"));
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let r = run(&args, None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let shows = |s: &str| assert!(r.stdout.contains(s), "no `{s}` in:\n{}", r.stdout);
    // The snippet is there, masked: letters as x, digits as #, white space and punctuation
    // kept, whatever the value's type.
    shows(r#""name": " xxxxxxxxxxx xxxxxxxxxxxxxxx","#);
    shows(r#""email": "xxxxxxxxxxx@@xxxxxxx.xx","#);
    shows("\"phone\": \"###-### ## ##\"");
    shows("\"name\": ###########,");
    // Unknown members: their values are masked; their keys stay readable only where they look
    // like a misspelt field name and lie outside personal data (a key can be someone's data).
    shows(concat!(
        "\"kontakt\": { \"namn\": \"xxxxxxxxxxxxxxx\", ",
        "\"xxxxxxxxxxxx\": \"########-####\", \"xxxxxxx\": ########### }"
    ));
    shows("\"contakt\": {\"namn\": \"xxxxxxxxxxx\", \"xxx\": ###########}");
    shows(r#""xxxx": "xxxxxxxxxxx""#);
    assert!(!r.stdout.contains("\"nmae\"") && !r.stdout.contains("personnummer"), "{}", r.stdout);
    // Values that are not personal stay readable.
    shows(r#""category": "complaint", "description": ["xxxxxxxxxxxx"], "channel": "email""#);
    assert!(!r.stdout.contains("Kanariesson"), "{}", r.stdout);
}

/// A feedback document sent as a kind without personal data (`--kind dataset`, the caller's
/// word) does not fit that kind, so the caller's word proves nothing about it: its unknown keys
/// and values stay masked in messages, pointers and snippets.
#[test]
fn a_document_that_does_not_fit_the_kind_it_is_told_stays_masked() {
    let canaries = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/canary/canaries.txt"
    ))
    .unwrap();
    let canaries: Vec<String> = canaries
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    for kind in ["dataset", "municipality"] {
        for format in ["human", "json"] {
            let files = ["feedback.keys.json", "feedback.structure.json", "feedback.valid.json"]
                .map(|f| format!("{CANARY}/{f}"));
            let mut args = vec!["validate", "--kind", kind, "--format", format];
            args.extend(files.iter().map(String::as_str));
            let r = run(&args, None);
            assert_eq!(r.code, 1, "{}", r.stderr);
            assert!(r.stdout.contains("unknown_field"), "{}", r.stdout);
            let out = format!("{}{}", r.stdout, r.stderr).to_lowercase();
            for c in &canaries {
                assert!(!out.contains(c.as_str()), "`{c}` shown with --kind {kind}:\n{out}");
            }
        }
    }
}
