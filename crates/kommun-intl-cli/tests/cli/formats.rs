//! The output of every format on the same inputs, as committed snapshots.

use serde_json::Value;

use crate::run;

/// A register with problems of every sort, an NDJSON export of feedback (a valid line, a
/// blank line, an invalid one, one in the future, a cut-off one) and a valid file.
const INPUTS: &[&str] =
    &["register.json", "feedback.ndjson", "valid-feedback.json", "--reference-date", "2026-12-01"];

fn validate(extra: &[&str]) -> crate::Run {
    let mut args = vec!["validate"];
    args.extend_from_slice(extra);
    args.extend_from_slice(INPUTS);
    run(&args, None)
}

#[test]
fn human() {
    let r = validate(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn human_in_swedish() {
    let r = validate(&["--lang", "sv"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn human_quiet() {
    let r = validate(&["--quiet"]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn json() {
    let r = validate(&["--format", "json"]);
    assert_eq!(r.code, 1);
    let parsed: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let files = parsed["files"].as_array().expect("files");
    assert_eq!(files.len(), 3);
    for file in files {
        for key in ["path", "kind", "valid", "issues", "truncated", "documents"] {
            assert!(file.get(key).is_some(), "file lacks {key}");
        }
        for issue in file["issues"].as_array().expect("issues") {
            for key in ["code", "severity", "pointer", "line", "column", "message", "params", "url"]
            {
                assert!(issue.get(key).is_some(), "issue lacks {key}");
            }
        }
    }
    assert_eq!(parsed["summary"]["valid"], false);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn github() {
    let r = validate(&["--format", "github"]);
    assert_eq!(r.code, 1);
    for line in r.stdout.lines().filter(|l| l.starts_with("::")) {
        assert!(line.starts_with("::error file=") || line.starts_with("::warning file="), "{line}");
    }
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn sarif() {
    let r = validate(&["--format", "sarif"]);
    assert_eq!(r.code, 1);
    let log: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), kommun_intl::validate::rules::ALL.len());
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        let index = usize::try_from(result["ruleIndex"].as_u64().expect("ruleIndex")).unwrap();
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let code = result["ruleId"].as_str().expect("ruleId");
        let page = format!("https://kommun-intl.github.io/kommun-intl/rules/{code}/");
        assert_eq!(rules[index]["helpUri"], page.as_str());
        assert!(["error", "warning"].contains(&result["level"].as_str().expect("level")));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().expect("startLine") >= 1);
        assert!(region["startColumn"].as_u64().expect("startColumn") >= 1);
    }
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    // The rule catalogue is long and already covered by `rules`; snapshot the results.
    insta::assert_snapshot!(serde_json::to_string_pretty(&run["results"]).unwrap());
}

#[test]
fn every_format_agrees_on_the_issues() {
    let json: Value = serde_json::from_str(&validate(&["--format", "json"]).stdout).unwrap();
    let mut from_json: Vec<(String, u64, u64)> = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for i in file["issues"].as_array().unwrap() {
            from_json.push((
                i["code"].as_str().unwrap().to_owned(),
                i["line"].as_u64().unwrap(),
                i["column"].as_u64().unwrap(),
            ));
        }
    }
    let sarif: Value = serde_json::from_str(&validate(&["--format", "sarif"]).stdout).unwrap();
    let from_sarif: Vec<(String, u64, u64)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            (
                r["ruleId"].as_str().unwrap().to_owned(),
                region["startLine"].as_u64().unwrap(),
                region["startColumn"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(from_json, from_sarif);
    let github = validate(&["--format", "github"]).stdout;
    let quiet = validate(&["--quiet"]).stdout;
    for (code, line, column) in &from_json {
        assert!(github.contains(&format!("line={line},col={column},title={code}")), "{code}");
        assert!(quiet.contains(&format!(":{line}:{column}: ")), "{code}");
    }
    assert_eq!(quiet.lines().count(), from_json.len());
}

/// A schema the format's owner publishes, copied into `tests/vendor/` (see its README).
fn vendored(name: &str) -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor").join(name);
    serde_json::from_str(&std::fs::read_to_string(path).expect("vendored schema")).unwrap()
}

/// The issues of the run as the JSON format gives them: (code, severity, line).
fn json_issues() -> Vec<(String, String, u64)> {
    let json: Value = serde_json::from_str(&validate(&["--format", "json"]).stdout).unwrap();
    let mut out = Vec::new();
    for file in json["files"].as_array().unwrap() {
        for i in file["issues"].as_array().unwrap() {
            out.push((
                i["code"].as_str().unwrap().to_owned(),
                i["severity"].as_str().unwrap().to_owned(),
                i["line"].as_u64().unwrap(),
            ));
        }
    }
    out
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    let validator = jsonschema::draft4::new(&vendored("sarif-schema-2.1.0.json")).unwrap();
    let mut unreadable = validate(&["--format", "sarif"]);
    // A file that cannot be read is a notification, which the schema checks too.
    let with_failure =
        crate::run(&["validate", "--format", "sarif", "register.json", "nowhere.json"], None);
    for r in [&mut unreadable, &mut { with_failure }] {
        let log: Value = serde_json::from_str(&r.stdout).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn gitlab_is_a_code_quality_report() {
    let r = validate(&["--format", "gitlab"]);
    assert_eq!(r.code, 1);
    let entry_schema = jsonschema::validator_for(&vendored("gitlab-codeclimate.json")).unwrap();
    let report: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let entries = report.as_array().expect("an array");
    let mut fingerprints = std::collections::HashSet::new();
    let mut seen = Vec::new();
    for entry in entries {
        let errors: Vec<String> = entry_schema.iter_errors(entry).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{entry}: {errors:?}");
        // What GitLab's documentation adds to its schema.
        let severity = entry["severity"].as_str().unwrap();
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity));
        assert!(fingerprints.insert(entry["fingerprint"].as_str().unwrap().to_owned()), "unique");
        let path = entry["location"]["path"].as_str().unwrap();
        assert!(!path.starts_with('/') && !path.starts_with("./"), "{path}");
        let line = entry["location"]["lines"]["begin"].as_u64().unwrap();
        assert!(line >= 1);
        let level = if severity == "major" { "error" } else { "warning" };
        seen.push((entry["check_name"].as_str().unwrap().to_owned(), level.to_owned(), line));
    }
    assert_eq!(seen, json_issues());
    // The same run gives the same fingerprints (GitLab compares them between pipelines).
    assert_eq!(validate(&["--format", "gitlab"]).stdout, r.stdout);
    insta::assert_snapshot!(r.stdout);
    let empty = crate::run(&["validate", "--format", "gitlab", "valid-feedback.json"], None);
    assert_eq!((empty.code, empty.stdout.as_str()), (0, "[]\n"));
}

#[test]
fn jsonl_is_one_issue_per_line() {
    let r = validate(&["--format", "jsonl"]);
    assert_eq!(r.code, 1);
    let mut seen = Vec::new();
    for line in r.stdout.lines() {
        let record: Value = serde_json::from_str(line).expect("each line is one JSON value");
        assert!(record["path"].is_string(), "{line}");
        for key in ["code", "severity", "pointer", "line", "column", "message", "params"] {
            assert!(record.get(key).is_some(), "{line} lacks {key}");
        }
        if record["path"] == "feedback.ndjson" {
            assert!(record["document_line"].as_u64().is_some(), "{line}");
        }
        seen.push((
            record["code"].as_str().unwrap().to_owned(),
            record["severity"].as_str().unwrap().to_owned(),
            record["line"].as_u64().unwrap(),
        ));
    }
    assert_eq!(seen, json_issues());
    insta::assert_snapshot!(r.stdout);
    let failed = crate::run(&["validate", "--format", "jsonl", "nowhere.json"], None);
    let record: Value = serde_json::from_str(failed.stdout.trim_end()).unwrap();
    assert!(record["error"].as_str().unwrap().starts_with("cannot read"), "{record}");
}

#[test]
fn junit_has_a_suite_per_file_and_a_case_per_document() {
    let r = validate(&["--format", "junit"]);
    assert_eq!(r.code, 1);
    let out = &r.stdout;
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"), "{out}");
    assert_eq!(out.matches("<testsuite ").count(), 3);
    // register.json is one document; feedback.ndjson has five lines, one blank.
    assert_eq!(out.matches("<testcase ").count(), 1 + 4 + 1);
    let errors = json_issues().iter().filter(|(_, s, _)| s == "error").count();
    assert_eq!(out.matches("<failure ").count(), errors);
    // With --deny-warnings, warnings fail too.
    let denied = validate(&["--format", "junit", "--deny-warnings"]).stdout;
    assert_eq!(denied.matches("<failure ").count(), json_issues().len());
    // The wrapper's totals are the sums of its suites' (times to the millisecond).
    let sums = |element: &str| -> Vec<u64> {
        ["tests", "failures", "errors", "time"]
            .iter()
            .map(|name| {
                out.lines()
                    .filter(|l| l.trim_start().starts_with(&format!("<{element} ")))
                    .map(|l| {
                        let v = attribute(l, name);
                        if *name == "time" { v.replace('.', "").parse::<u64>() } else { v.parse() }
                            .unwrap_or_else(|_| panic!("{name} in {l}"))
                    })
                    .sum()
            })
            .collect()
    };
    assert_eq!(sums("testsuites"), sums("testsuite"));
    assert_eq!(sums("testsuites")[..3], [6, 3, 0]);
    insta::assert_snapshot!(without_times(&r.stdout));
}

/// The value of the attribute `name` in one line of XML.
fn attribute<'l>(line: &'l str, name: &str) -> &'l str {
    let start = line.find(&format!(" {name}=\"")).map(|i| i + name.len() + 3);
    let start = start.unwrap_or_else(|| panic!("no {name} in {line}"));
    &line[start..start + line[start..].find('"').unwrap()]
}

/// The report with every `time` as `T`: how long a run takes is not the same every time.
fn without_times(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find(" time=\"") {
        let value = i + " time=\"".len();
        out.push_str(&rest[..value]);
        out.push('T');
        rest = &rest[value + rest[value..].find('"').unwrap()..];
    }
    out + rest
}
