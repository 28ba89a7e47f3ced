//! `rules`, `explain` and `schema`.

use crate::run;

#[test]
fn rules_lists_every_code_in_both_languages() {
    let r = run(&["rules"], None);
    assert_eq!(r.code, 0);
    for rule in kommun_intl::validate::rules::ALL {
        assert!(r.stdout.contains(rule.code), "{}", rule.code);
        assert!(r.stdout.contains(rule.en) && r.stdout.contains(rule.sv), "{}", rule.code);
    }
    let r = run(&["rules", "--format", "json"], None);
    let list: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), kommun_intl::validate::rules::ALL.len());
    assert_eq!(list[0]["code"], kommun_intl::validate::rules::ALL[0].code);
}

#[test]
fn explain_shows_the_rule_with_an_invalid_and_a_valid_example() {
    let r = run(&["explain", "phone.not_e164"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("phone.not_e164 (warning)"), "{}", r.stdout);
    assert!(r.stdout.contains("Invalid example: tests/corpus/invalid/"), "{}", r.stdout);
    assert!(r.stdout.contains("warning[phone.not_e164]"), "{}", r.stdout);
    assert!(r.stdout.contains("Valid example: tests/corpus/valid/"), "{}", r.stdout);
    let sv = run(&["explain", "--lang", "sv", "phone.not_e164"], None);
    assert!(
        sv.stdout.contains("Ogiltigt exempel") && sv.stdout.contains("varning[phone.not_e164]")
    );
}

#[test]
fn explain_suggests_a_code_for_a_typo() {
    let r = run(&["explain", "phone.not_e165"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Did you mean `phone.not_e164`?"), "{}", r.stderr);
}

#[test]
fn schema_prints_writes_and_checks() {
    let r = run(&["schema", "feedback"], None);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout, kommun_intl::schema::render(kommun_intl::DocumentKind::Feedback, None));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_eq!(run(&["schema", "--check", d], None).code, 1, "an empty directory drifts");
    assert_eq!(run(&["schema", "--write", d], None).code, 0);
    assert_eq!(run(&["schema", "--check", d], None).code, 0);
    assert_eq!(run(&["schema"], None).code, 2);
}

#[test]
fn explain_a_prefix_lists_every_rule_under_it() {
    let r = run(&["explain", "feedback."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let under: Vec<&str> = kommun_intl::validate::rules::ALL
        .iter()
        .map(|r| r.code)
        .filter(|c| c.starts_with("feedback."))
        .collect();
    let listed: Vec<&str> = r.stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(&listed[..under.len()], &under[..], "{}", r.stdout);
    assert!(r.stdout.ends_with(&format!(
        "\n{} rules; `kommun-intl explain CODE` shows one with its examples.\n",
        under.len()
    )));
    // Without the dot too; Swedish.
    let sv = run(&["explain", "--lang", "sv", "json"], None);
    assert!(sv.stdout.contains("json.syntax") && sv.stdout.contains("regler;"), "{}", sv.stdout);
}
