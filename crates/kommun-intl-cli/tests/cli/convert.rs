//! `kommun-intl convert`: Open311 to fault reports and back.

use crate::{data, run};

#[test]
fn xml_requests_convert_to_ndjson_with_their_warnings() {
    let r = run(
        &["convert", "open311/requests.xml", "--from", "open311", "--to", "fault-report"],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("xml_to_ndjson_stdout", r.stdout);
    insta::assert_snapshot!("xml_to_ndjson_stderr", r.stderr);
}

#[test]
fn one_json_request_on_stdin_converts_to_one_pretty_document() {
    let text = std::fs::read(data().join("open311/request.json")).unwrap();
    let r = run(&["convert", "-", "--from", "open311", "--to", "fault-report"], Some(&text));
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("json_to_one_stdout", r.stdout);
    insta::assert_snapshot!("json_to_one_stderr", r.stderr);
}

#[test]
fn a_form_converts_without_echoing_personal_values() {
    let r = run(
        &["convert", "open311/request.form", "--from", "open311", "--to", "fault-report"],
        None,
    );
    assert_eq!(r.code, 1, "a duplicate answer is an error: {}", r.stderr);
    insta::assert_snapshot!("form_stderr", r.stderr);
    for personal in ["anna", "Anna", "trasig", "av", "på"] {
        assert!(!r.stderr.contains(personal), "{personal} in {}", r.stderr);
    }
}

#[test]
fn fault_reports_convert_to_open311_xml_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let r = run(
        &[
            "convert",
            "open311/requests.xml",
            "--from",
            "open311",
            "--to",
            "fault-report",
            "--output",
            out,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ndjson = dir.path().join("requests.ndjson");
    let r = run(
        &[
            "convert",
            ndjson.to_str().unwrap(),
            "--from",
            "fault-report",
            "--to",
            "open311",
            "--format",
            "xml",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("fault_reports_to_xml", r.stdout);
    // The second request's swapped axes are still there to warn about, and nothing else.
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("warning[fault_report.axes_swapped]"), "{}", r.stderr);
}

#[test]
fn a_service_list_loads_as_the_profile() {
    let r = run(
        &[
            "convert",
            "open311/requests.xml",
            "--from",
            "open311",
            "--to",
            "fault-report",
            "--profile",
            "open311/services.json",
        ],
        None,
    );
    // `belysning` is Lidköping's, not this list's; `klotter` is in both.
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[fault_report.unknown_service]"), "{}", r.stderr);
    assert_eq!(r.stderr.matches("unknown_service").count(), 1, "{}", r.stderr);
}

#[test]
fn the_same_shape_on_both_sides_is_a_usage_error() {
    let r = run(&["convert", "open311/request.json", "--from", "open311", "--to", "open311"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--from and --to are the same"), "{}", r.stderr);
}

#[test]
fn country_says_where_the_reports_of_a_service_list_lie() {
    // A report in Oslo, against a service list (which states no country).
    let oslo = br#"[{"service_code": "klotter", "lat": 59.9139, "long": 10.7522}]"#;
    let args = ["convert", "-", "--from", "open311", "--to", "fault-report"];
    let profile = ["--profile", "open311/services.json"];
    let sweden = run(&[&args[..], &profile[..]].concat(), Some(oslo));
    assert_eq!(sweden.code, 0, "{}", sweden.stderr);
    assert!(sweden.stderr.contains("warning[fault_report.outside_area]"), "{}", sweden.stderr);
    let norway = run(&[&args[..], &profile[..], &["--country", "no"]].concat(), Some(oslo));
    assert_eq!(norway.code, 0, "{}", norway.stderr);
    assert!(!norway.stderr.contains("outside_area"), "{}", norway.stderr);
    // In Sweden, the same profile in Norway finds the point outside.
    let lidkoping = br#"[{"service_code": "klotter", "lat": 58.5035, "long": 13.1577}]"#;
    let r = run(&[&args[..], &profile[..], &["--country", "NO"]].concat(), Some(lidkoping));
    assert!(r.stderr.contains("warning[fault_report.outside_area]"), "{}", r.stderr);
}

#[test]
fn country_is_refused_without_a_service_list() {
    let args = ["convert", "open311/request.json", "--from", "open311", "--to", "fault-report"];
    let r = run(&[&args[..], &["--country", "NO"]].concat(), None);
    assert_eq!(r.code, 2, "--country needs --profile: {}", r.stderr);
    let r = run(
        &[&args[..], &["--country", "XX", "--profile", "open311/services.json"]].concat(),
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("`XX` is not an ISO 3166-1 alpha-2 country code"), "{}", r.stderr);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("profile.json");
    std::fs::write(&file, r#"{"id": "oslo"}"#).unwrap();
    let file = file.to_str().unwrap();
    let r = run(&[&args[..], &["--country", "NO", "--profile", file]].concat(), None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("names its country itself"), "{}", r.stderr);
}

#[test]
fn a_post_response_converts_between_json_and_xml() {
    let json = r#"[{"service_request_id": 293944, "service_notice": " Vi tittar på det. ", "account_id": "anna-77"}]"#;
    let json = json.as_bytes();
    let args = ["convert", "-", "--from", "open311-response", "--to", "open311"];
    let r = run(&[&args[..], &["--format", "xml"]].concat(), Some(json));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("<service_request_id>293944</service_request_id>"), "{}", r.stdout);
    assert!(
        r.stdout.contains("<service_notice>Vi tittar på det.</service_notice>"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("warning[open311.whitespace_trimmed]"), "{}", r.stderr);
    assert!(!r.stderr.contains("anna"), "{}", r.stderr);
    let back = run(&args, Some(r.stdout.as_bytes()));
    assert_eq!(back.code, 0, "{}", back.stderr);
    let value: serde_json::Value = serde_json::from_str(&back.stdout).unwrap();
    assert_eq!(
        value,
        serde_json::json!([{"service_request_id": "293944", "service_notice": "Vi tittar på det.", "account_id": "anna-77"}])
    );
    // Without an id or a token it is an error; as a fault report it is no conversion at all.
    let r = run(&args, Some(br#"[{"service_notice": "x"}]"#));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[open311.response_without_id]"), "{}", r.stderr);
    let r =
        run(&["convert", "-", "--from", "open311-response", "--to", "fault-report"], Some(json));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("it is no fault report"), "{}", r.stderr);
}
