//! Inputs: directories, standard input, NDJSON, and what cannot be read; exit codes.

use crate::run;

#[test]
fn a_directory_is_walked_for_data_files_in_name_order() {
    let r = run(&["validate", "--format", "json", "walk"], None);
    let parsed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let paths: Vec<&str> =
        parsed["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    // Hidden directories, `*.schema.json` and other extensions are skipped.
    assert_eq!(paths, ["walk/a.json", "walk/sub/b.ndjson", "walk/sub/c.jsonl"]);
    assert_eq!(parsed["summary"]["documents"], 4);
    assert_eq!(parsed["summary"]["errors"], 1);
    assert_eq!(r.code, 1);
}

#[test]
fn stdin_is_read_whole_or_as_ndjson() {
    let whole = std::fs::read(crate::data().join("register.json")).unwrap();
    let from_stdin = run(&["validate", "--quiet", "-"], Some(&whole));
    let from_file = run(&["validate", "--quiet", "register.json"], None);
    assert_eq!(from_stdin.code, 1);
    assert_eq!(from_stdin.stdout, from_file.stdout.replace("register.json", "<stdin>"));

    let lines = std::fs::read(crate::data().join("feedback.ndjson")).unwrap();
    let from_stdin = run(&["validate", "--quiet", "-"], Some(&lines));
    let from_file = run(&["validate", "--quiet", "feedback.ndjson"], None);
    assert_eq!(from_stdin.stdout, from_file.stdout.replace("feedback.ndjson", "<stdin>"));
    assert!(from_stdin.stdout.contains("<stdin>:3:"), "{}", from_stdin.stdout);
}

#[test]
fn ndjson_issues_name_the_line_of_the_file() {
    let r = run(&["validate", "--quiet", "feedback.ndjson"], None);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines.iter().any(|l| l.starts_with("feedback.ndjson:3:") && l.contains("webb")));
    assert!(lines.iter().any(|l| l.starts_with("feedback.ndjson:5:") && l.contains("json.")));
    assert!(!r.stdout.contains("feedback.ndjson:1:"), "the first line is valid");
}

#[test]
fn ndjson_flag_reads_any_file_line_by_line() {
    let r = run(&["validate", "--format", "json", "--ndjson", "walk/a.json"], None);
    // a.json is pretty-printed: read line by line, its lines are not documents.
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("\"documents\": 7"), "{}", r.stdout);
}

#[test]
fn exit_codes() {
    assert_eq!(run(&["validate", "valid-feedback.json"], None).code, 0);
    // Warnings alone pass, unless denied.
    assert_eq!(run(&["validate", "warning-only.json"], None).code, 0);
    assert_eq!(run(&["validate", "--deny-warnings", "warning-only.json"], None).code, 1);
    assert_eq!(run(&["validate", "register.json"], None).code, 1);
    assert_eq!(run(&["validate", "truncated.json"], None).code, 1);
    // Usage and I/O errors are 2, and win over invalid data.
    assert_eq!(run(&["validate"], None).code, 2);
    assert_eq!(run(&["validate", "--format", "yaml", "register.json"], None).code, 2);
    assert_eq!(run(&["validate", "--reference-date", "28/11/2026", "register.json"], None).code, 2);
    assert_eq!(run(&["validate", "missing.json"], None).code, 2);
    assert_eq!(run(&["validate", "register.json", "missing.json"], None).code, 2);
    assert_eq!(run(&["validate", "no-schema.json"], None).code, 2);
    assert_eq!(run(&["validate", "--kind", "feedback", "no-schema.json"], None).code, 0);
    assert_eq!(run(&["validate", "--kind", "nonsense", "no-schema.json"], None).code, 2);
    assert_eq!(run(&["--version"], None).code, 0);
}

#[test]
fn unreadable_inputs_are_reported_in_every_format() {
    let r = run(&["validate", "missing.json", "valid-feedback.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("error: missing.json: cannot read"), "{}", r.stderr);
    assert!(r.stdout.contains("1 file could not be read"), "{}", r.stdout);

    let r = run(&["validate", "--format", "json", "no-schema.json"], None);
    assert!(r.stderr.contains("it has no `$schema`"), "{}", r.stderr);
    let parsed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(parsed["files"][0]["error"].as_str().unwrap().contains("--kind"));

    let r = run(&["validate", "--format", "sarif", "missing.json"], None);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    assert_eq!(invocation["toolExecutionNotifications"].as_array().unwrap().len(), 1);

    let r = run(&["validate", "--format", "github", "missing.json"], None);
    assert!(r.stdout.starts_with("::error file=missing.json::cannot read"), "{}", r.stdout);
}

#[test]
fn max_issues_caps_each_document_and_counts_the_rest() {
    let r = run(&["validate", "--format", "json", "--max-issues", "2", "register.json"], None);
    let parsed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let file = &parsed["files"][0];
    assert_eq!(file["issues"].as_array().unwrap().len(), 2);
    assert!(file["truncated"].as_u64().unwrap() > 0);
    let human = run(&["validate", "--max-issues", "2", "register.json"], None).stdout;
    assert!(human.contains("not shown (see --max-issues)"), "{human}");
}

#[test]
fn reference_date_turns_on_the_rules_that_need_today() {
    let without = run(&["validate", "--quiet", "feedback.ndjson"], None).stdout;
    assert!(!without.contains("submission.in_future"));
    let with =
        run(&["validate", "--quiet", "--reference-date", "2026-12-01", "feedback.ndjson"], None);
    assert!(
        with.stdout.contains("feedback.ndjson:4:") && with.stdout.contains("submission.in_future")
    );
}

#[test]
fn the_summary_counts_what_each_input_was() {
    let empty = tempfile::tempdir().unwrap();
    let dir = empty.path().to_str().unwrap();
    let r = run(&["validate", dir], None);
    assert_eq!(r.code, 2);
    // An empty directory is not a file that could not be read.
    assert_eq!(
        r.stdout,
        "Checked 0 files, 0 documents: no errors, no warnings; 1 directory holds no data files.\n"
    );
    // A document whose kind cannot be told is counted as that.
    let r = run(&["validate", "no-schema.json", "valid-feedback.json"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stdout.ends_with("Checked 2 files, 2 documents: no errors, no warnings; the kind of 1 document could not be told (give --kind).\n"),
        "{}",
        r.stdout
    );
    let sv = run(&["validate", "--lang", "sv", "no-schema.json", "nowhere.json"], None);
    assert!(
        sv.stdout.ends_with(
            "; 1 fil kunde inte läsas; typen av 1 dokument kunde inte avgöras (ange --kind).\n"
        ),
        "{}",
        sv.stdout
    );
}

#[test]
fn issues_come_in_document_order_and_are_counted_as_people_count() {
    let r = run(&["validate", "--format", "json", "register.json", "feedback.ndjson"], None);
    let parsed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for file in parsed["files"].as_array().unwrap() {
        let at: Vec<(u64, u64)> = file["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["line"].as_u64().unwrap(), i["column"].as_u64().unwrap()))
            .collect();
        let mut sorted = at.clone();
        sorted.sort_unstable();
        assert_eq!(at, sorted, "{}", file["path"]);
    }
    let github =
        run(&["validate", "--format", "github", "--max-issues", "5", "register.json"], None);
    assert!(
        github.stdout.contains("1 more issue not shown (see --max-issues)"),
        "{}",
        github.stdout
    );
}

/// Documents are read ahead in batches and checked on every core, then reported in input
/// order: over several batches and files, the output is what checking them one at a time gives,
/// on any number of threads.
#[test]
fn documents_checked_on_every_core_are_reported_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let line = |n: usize| {
        let category = if n % 7 == 3 { "beröm" } else { "praise" };
        let schema = if n == 1 { r#""$schema": "feedback.schema.json", "# } else { "" };
        format!(
            r#"{{{schema}"category": "{category}", "description": "Rad {n}", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}}"#
        )
    };
    let lines = |count: usize| (1..=count).map(line).collect::<Vec<_>>().join("\n");
    // The second file's first line names no kind: its reading stops there, the third is read.
    let files = [
        ("a.ndjson", lines(1500)),
        ("b.ndjson", format!("{{\"a\": 1}}\n{}", lines(3000))),
        ("c.ndjson", lines(2600)),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let json_on = |threads: Option<&str>, args: &[&str]| -> serde_json::Value {
        let mut c = crate::command();
        c.current_dir(dir.path());
        if let Some(n) = threads {
            c.env("RAYON_NUM_THREADS", n);
        }
        serde_json::from_str(&crate::run_with(c, args, None).stdout).unwrap()
    };
    let json = |args: &[&str]| json_on(None, args);
    let all_args = ["validate", "--format", "json", "a.ndjson", "b.ndjson", "c.ndjson"];
    let all = json(&all_args);
    let files_of = |v: &serde_json::Value| v["files"].as_array().unwrap().clone();
    // One thread, three, and every core: the same output.
    for threads in ["1", "3"] {
        assert_eq!(files_of(&json_on(Some(threads), &all_args)), files_of(&all), "{threads}");
    }
    let mut one_at_a_time = Vec::new();
    for (name, _) in &files {
        one_at_a_time.extend(files_of(&json(&["validate", "--format", "json", name])));
    }
    assert_eq!(files_of(&all), one_at_a_time);
    let found = files_of(&all);
    let lines_of = |f: &serde_json::Value| -> Vec<u64> {
        f["issues"].as_array().unwrap().iter().map(|i| i["line"].as_u64().unwrap()).collect()
    };
    let expected: Vec<u64> = (1..=1500).filter(|n| n % 7 == 3).collect();
    assert_eq!(lines_of(&found[0]), expected);
    assert_eq!(found[1]["documents"], 1, "{}", found[1]);
    assert!(found[1]["error"].as_str().is_some_and(|e| e.contains("--kind")), "{}", found[1]);
    assert_eq!(found[2]["documents"], 2600);
    assert_eq!(all["summary"]["documents"], 1500 + 1 + 2600);
}
