//! The configuration file: found upwards, `pyproject.toml`'s table, `--config`, `--isolated`,
//! what each key changes, bad files named by key and line; `.gitignore` in directory walks.

use std::path::Path;

use crate::{command, data, run_with};

/// A directory with a copy of the test data's NDJSON feedback, and a configuration.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("in")).unwrap();
    std::fs::copy(data().join("feedback.ndjson"), dir.path().join("in/feedback.ndjson")).unwrap();
    if !config.is_empty() {
        std::fs::write(dir.path().join("kommun-intl.toml"), config).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> crate::Run {
    let mut c = command();
    c.current_dir(dir);
    run_with(c, args, None)
}

fn codes(stdout: &str) -> Vec<String> {
    let parsed: serde_json::Value = serde_json::from_str(stdout).expect("JSON");
    let mut out = Vec::new();
    for file in parsed["files"].as_array().unwrap() {
        for issue in file["issues"].as_array().unwrap() {
            out.push(format!("{}:{}", issue["code"].as_str().unwrap(), issue["severity"]));
        }
    }
    out
}

#[test]
fn the_configuration_above_the_checked_path_applies() {
    let dir = project(
        "lang = \"sv\"\nreference-date = \"2026-12-01\"\nignore = [\"phone.\"]\n\
         [severity]\n\"submission.in_future\" = \"error\"\n",
    );
    // Run from elsewhere: the configuration is found from the path, not the current directory.
    let r =
        run_in(&data(), &["validate", "--format", "json", dir.path().join("in").to_str().unwrap()]);
    let found = codes(&r.stdout);
    assert!(found.contains(&"submission.in_future:\"error\"".to_owned()), "{found:?}");
    assert!(!found.iter().any(|c| c.starts_with("phone.")), "{found:?}");
    let human = run_in(dir.path(), &["validate", "in"]);
    assert!(human.stdout.contains("Kontrollerade 1 fil"), "{}", human.stdout);
    // The command line wins; --isolated reads nothing.
    let english = run_in(dir.path(), &["validate", "--lang", "en", "in"]);
    assert!(english.stdout.contains("Checked 1 file"), "{}", english.stdout);
    let isolated = run_in(dir.path(), &["validate", "--isolated", "--format", "json", "in"]);
    let found = codes(&isolated.stdout);
    assert!(found.iter().any(|c| c.starts_with("phone.")), "{found:?}");
    assert!(!found.iter().any(|c| c.starts_with("submission.")), "{found:?}");
}

#[test]
fn config_names_a_file_and_files_entries_give_kinds() {
    let dir = project("");
    // No `$schema`: the kind cannot be told, unless the configuration gives it.
    std::fs::write(
        dir.path().join("in/tips.json"),
        r#"{"category": "praise", "description": "Tack!", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}"#,
    )
    .unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let config = elsewhere.path().join("ci.toml");
    std::fs::write(
        &config,
        "max-issues = 1\n[[files]]\nglob = \"in/*.json\"\nkind = \"feedback\"\n",
    )
    .unwrap();
    let without = run_in(dir.path(), &["validate", "in/tips.json"]);
    assert_eq!(without.code, 2, "{}", without.stderr);
    // The globs are relative to the configuration's directory.
    let moved = elsewhere.path().join("in");
    std::fs::create_dir_all(&moved).unwrap();
    std::fs::copy(dir.path().join("in/tips.json"), moved.join("tips.json")).unwrap();
    let with = run_in(
        dir.path(),
        &[
            "validate",
            "--config",
            config.to_str().unwrap(),
            moved.join("tips.json").to_str().unwrap(),
        ],
    );
    assert_eq!(with.code, 0, "{}{}", with.stdout, with.stderr);
    // max-issues applies: one issue kept per document, the rest counted.
    let capped = run_in(
        dir.path(),
        &[
            "validate",
            "--format",
            "json",
            "--config",
            config.to_str().unwrap(),
            "in/feedback.ndjson",
        ],
    );
    let parsed: serde_json::Value = serde_json::from_str(&capped.stdout).unwrap();
    assert!(parsed["files"][0]["truncated"].as_u64().unwrap() > 0, "{}", capped.stdout);
}

#[test]
fn pyproject_counts_only_with_its_table() {
    let dir = project("");
    std::fs::write(dir.path().join("pyproject.toml"), "[project]\nname = \"x\"\n").unwrap();
    let r = run_in(dir.path(), &["validate", "in"]);
    assert!(r.stdout.contains("Checked"), "{}", r.stdout);
    std::fs::write(
        dir.path().join("pyproject.toml"),
        "[project]\nname = \"x\"\n\n[tool.kommun-intl]\nlang = \"sv\"\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["validate", "in"]);
    assert!(r.stdout.contains("Kontrollerade"), "{}", r.stdout);
}

#[test]
fn a_bad_configuration_is_an_error_naming_the_key_and_its_line() {
    let dir = project("lang = \"sv\"\n\n[severity]\n\"submision.in_future\" = \"error\"\n");
    let r = run_in(dir.path(), &["validate", "in"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "", "nothing is checked");
    let file = dir.path().join("kommun-intl.toml");
    assert_eq!(
        r.stderr,
        format!(
            "error: {}:4:1: bad configuration `severity.\"submision.in_future\"`: \
             `submision.in_future` is not a rule code or a prefix of one; did you mean \
             `submission.in_future`?\n",
            file.display()
        )
    );
    let missing = run_in(dir.path(), &["validate", "--config", "nowhere.toml", "in"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.starts_with("error: cannot read nowhere.toml: "), "{}", missing.stderr);
}

#[test]
fn directory_walks_honour_gitignore_unless_told_not_to() {
    let dir = project("");
    std::fs::create_dir_all(dir.path().join("in/build")).unwrap();
    std::fs::write(dir.path().join("in/build/out.json"), "{").unwrap();
    std::fs::write(dir.path().join(".gitignore"), "build/\n").unwrap();
    let paths = |r: &crate::Run| -> Vec<String> {
        let parsed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        parsed["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["path"].as_str().unwrap().to_owned())
            .collect()
    };
    let r = run_in(dir.path(), &["validate", "--format", "json", "in"]);
    assert_eq!(paths(&r), ["in/feedback.ndjson"]);
    // A file named on the command line is checked whatever .gitignore says.
    let named = run_in(dir.path(), &["validate", "--format", "json", "in/build/out.json"]);
    assert_eq!(paths(&named), ["in/build/out.json"]);
    std::fs::write(dir.path().join("kommun-intl.toml"), "respect-gitignore = false\n").unwrap();
    let r = run_in(dir.path(), &["validate", "--format", "json", "in"]);
    assert_eq!(paths(&r), ["in/build/out.json", "in/feedback.ndjson"]);
}

#[test]
fn reference_date_today_turns_the_rules_on() {
    let dir = project("reference-date = \"today\"\n");
    let r = run_in(dir.path(), &["validate", "--quiet", "in"]);
    // The fixture's submission dated 2027-01-05 is in the future for a while yet; a line dated
    // 2026-11-28 is not. Which holds depends on the day, so check what does not.
    assert!(!r.stdout.contains("in/feedback.ndjson:1:"), "{}", r.stdout);
    let cli = run_in(dir.path(), &["validate", "--quiet", "--reference-date", "2026-12-01", "in"]);
    assert!(cli.stdout.contains("submission.in_future"), "{}", cli.stdout);
}

#[test]
fn fix_reads_the_configuration_as_validate_does() {
    // `ignore` turns a rule's fix off; `lang` is the messages'; a glob gives the kind.
    let dir = project("lang = \"sv\"\nignore = [\"phone.not_e164\"]\n");
    let file = dir.path().join("in/tyck-till.json");
    let doc = r#"{"$schema": "https://kommun-intl.github.io/kommun-intl/schemas/v2/feedback.schema.json", "category": "question", "description": "När öppnar biblioteket?", "channel": "web", "submitted_at": "2026-11-28T10:00:00+01:00", "contact": {"phone": "0510-77 00 00"}, "wants_reply": true}"#;
    std::fs::write(&file, doc).unwrap();
    let r = run_in(dir.path(), &["fix", "--diff", "in/tyck-till.json"]);
    assert_eq!(r.code, 0, "nothing left to fix: {}", r.stderr);
    assert!(r.stderr.contains("Inget att rätta."), "{}", r.stderr);
    let isolated = run_in(dir.path(), &["fix", "--diff", "--isolated", "in/tyck-till.json"]);
    assert_eq!(isolated.code, 1, "{}", isolated.stderr);
    assert!(isolated.stdout.contains(r#"+{"$schema"#), "{}", isolated.stdout);
    assert!(isolated.stderr.contains("Would fix 1 value in 1 file."), "{}", isolated.stderr);
    // --config names another file; the command line's --lang wins over it.
    let other = dir.path().join("other.toml");
    std::fs::write(&other, "lang = \"sv\"\n").unwrap();
    let r = run_in(dir.path(), &["fix", "--config", other.to_str().unwrap(), "in/tyck-till.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Rättade 1 värde i 1 fil."), "{}", r.stdout);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        doc.replace("0510-77 00 00", "+46510770000")
    );
    let english =
        run_in(dir.path(), &["fix", "--lang", "en", "--diff", "--isolated", "in/tyck-till.json"]);
    assert!(english.stderr.contains("Nothing to fix."), "{}", english.stderr);

    let dir = project("[[files]]\nglob = \"in/*.json\"\nkind = \"feedback\"\n");
    let plain = r#"{"category": "praise", "description": " Tack ", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}"#;
    std::fs::write(dir.path().join("in/utan-schema.json"), plain).unwrap();
    let r = run_in(dir.path(), &["fix", "--diff", "in/utan-schema.json"]);
    assert_eq!(r.code, 1, "the glob gives the kind: {}", r.stderr);
    assert!(r.stderr.contains("Would fix 1 value in 1 file."), "{}", r.stderr);
    let r = run_in(dir.path(), &["fix", "--diff", "--isolated", "in/utan-schema.json"]);
    assert_eq!(r.code, 2, "no kind without the configuration: {}", r.stderr);
    assert!(r.stderr.contains("use --kind"), "{}", r.stderr);
}

#[test]
fn fix_refuses_a_bad_configuration_naming_the_key() {
    let dir = project("ignore = [\"phone.nope\"]\n");
    let r = run_in(dir.path(), &["fix", "in"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("ignore[0]"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}
