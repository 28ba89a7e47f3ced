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
