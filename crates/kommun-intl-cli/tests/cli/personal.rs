//! Personal data never leaves the file: canary values in every personal field (and in fields
//! the schema does not know, and in documents too broken to parse) must not appear in any
//! output of any command, in any format or language, snippets and diffs included.

use crate::{command, run_with};

const CANARIES: &[&str] = &["KANARIEFAGEL", "kanariefagel", "Kanariesson", "46701234567"];

const FILES: &[&str] = &[
    "canary/feedback.json",
    "canary/fault-report.json",
    "canary/exports.ndjson",
    "canary/broken.json",
];

fn assert_clean(what: &str, r: &crate::Run) {
    for canary in CANARIES {
        assert!(!r.stdout.contains(canary), "{what} prints {canary} on stdout:\n{}", r.stdout);
        assert!(!r.stderr.contains(canary), "{what} prints {canary} on stderr:\n{}", r.stderr);
    }
}

fn run_all(args: &[&str]) -> crate::Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend_from_slice(FILES);
    run_with(command(), &all, None)
}

#[test]
fn no_format_prints_a_personal_value() {
    for format in ["human", "json", "github", "sarif"] {
        for lang in ["en", "sv"] {
            let r = run_all(&["validate", "--format", format, "--lang", lang]);
            assert_eq!(r.code, 1, "{format}: {}", r.stderr);
            assert!(!r.stdout.is_empty());
            assert_clean(&format!("validate --format {format} --lang {lang}"), &r);
        }
    }
    let r = run_all(&["validate", "--quiet"]);
    assert_clean("validate --quiet", &r);
    let r = run_all(&["validate", "--color", "always", "--reference-date", "2026-01-01"]);
    assert_clean("validate --color always", &r);
}

#[test]
fn snippets_show_the_form_of_personal_values_not_the_values() {
    let r = run_all(&["validate"]);
    // The snippet is there, masked: letters as x, digits as #, white space kept.
    assert!(r.stdout.contains(r#""name": " xxxxxxxxxxxx xxxxxxxxxxx","#), "{}", r.stdout);
    assert!(r.stdout.contains(r#""email": "xxxxxxxxxxxx@@xxxxxxx.xx","#), "{}", r.stdout);
    assert!(r.stdout.contains(r#""telefon": ###########"#), "{}", r.stdout);
    // Values that are not personal stay readable.
    assert!(r.stdout.contains(r#""channel": "webb""#), "{}", r.stdout);
}

#[test]
fn fix_never_prints_a_personal_value() {
    let dir = tempfile::tempdir().unwrap();
    let canary = dir.path().join("canary");
    std::fs::create_dir(&canary).unwrap();
    for f in FILES {
        std::fs::copy(crate::data().join(f), dir.path().join(f)).unwrap();
    }
    let mut c = command();
    c.current_dir(dir.path());
    let mut args = vec!["fix", "--diff"];
    args.extend_from_slice(FILES);
    let diff = run_with(c, &args, None);
    assert!(diff.stdout.contains("+++ b/canary/feedback.json"), "{}", diff.stdout);
    assert_clean("fix --diff", &diff);
    let mut c = command();
    c.current_dir(dir.path());
    let fixed = run_with(c, &args[..1].iter().chain(FILES).copied().collect::<Vec<_>>(), None);
    assert!(fixed.stdout.contains("fixed[phone]"), "{}", fixed.stdout);
    assert_clean("fix", &fixed);
    // The file itself keeps its values, fixed.
    let text = std::fs::read_to_string(dir.path().join("canary/feedback.json")).unwrap();
    assert!(text.contains(r#""name": "KANARIEFAGEL Kanariesson""#), "{text}");
}
