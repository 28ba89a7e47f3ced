//! Each Open311 wire rule on a small input: exactly the issues expected, at the pointers
//! expected; together they raise every `open311.*` rule of the catalogue.

use std::collections::BTreeSet;

use kommun_intl::validate::rules;
use kommun_intl::{Options, Profile, Report};
use kommun_intl_open311::{profile_from_services, read_post_responses, read_requests};

/// What an input is read as.
#[derive(Clone, Copy)]
enum As {
    Requests,
    Services,
    /// The body of a POST Service Request response.
    Response,
}

/// (name, what it is, input, expected (code, pointer) issues of the first request or of the
/// document).
/// A case: name, what it is, input, expected issues.
type Case = (&'static str, As, &'static str, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "coordinates written as strings in JSON",
        As::Requests,
        r#"[{"service_code": "belysning", "lat": "58.5035", "long": " 13.1577 "}]"#,
        &[("open311.number_as_string", "/lat"), ("open311.number_as_string", "/long")],
    ),
    (
        "coordinates as XML text are simply numbers",
        As::Requests,
        "<service_requests><request><service_code>belysning</service_code><lat>58.5035</lat><long>13.1577</long></request></service_requests>",
        &[],
    ),
    (
        "a coordinate that is no number",
        As::Requests,
        "<request><service_code>belysning</service_code><address>Skaragatan 8</address><lat>north</lat><long>13.1577</long></request>",
        &[("fault_report.coordinates_incomplete", ""), ("open311.number_invalid", "/lat")],
    ),
    (
        "an empty service_name in JSON",
        As::Requests,
        r#"[{"service_code": "belysning", "service_name": "", "address": "Skaragatan 8"}]"#,
        &[("open311.empty_value", "/service_name")],
    ),
    (
        "white space around a value",
        As::Requests,
        "<request><service_code> belysning\n</service_code><address>Skaragatan 8</address></request>",
        &[("open311.whitespace_trimmed", "/service_code")],
    ),
    (
        "several statuses packed in one",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "status": "closed - duplicate"}]"#,
        &[("open311.status_packed", "/status")],
    ),
    (
        "a status with punctuation around it (found by the fuzzer: it gave an empty detailed status)",
        As::Requests,
        "<request><service_code>belysning</service_code><address>Skaragatan 8</address><status>Closed.</status></request>",
        &[],
    ),
    (
        "a status that says neither open nor closed",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "status": "open/closed"}]"#,
        &[("open311.status_unknown", "/status")],
    ),
    (
        "a local time, with the profile's time zone",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "requested_datetime": "2026-11-28T09:30:00"}]"#,
        &[("open311.timestamp_local", "/requested_datetime")],
    ),
    (
        "a local time that happens twice (the autumn's last Sunday)",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "updated_datetime": "2026-10-25 02:30:00"}]"#,
        &[
            ("open311.timestamp_no_offset", "/updated_datetime"),
            ("timestamp.invalid", "/updated_datetime"),
        ],
    ),
    (
        "a field the spec does not have (its name masked: it may be data)",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "geometry": {"type": "Point"}}]"#,
        &[("open311.unknown_field", "/extended_attributes/xxxxxxxx")],
    ),
    (
        "a field twice in XML",
        As::Requests,
        "<request><service_code>belysning</service_code><address>Skaragatan 8</address><address>Stenportsgatan 1</address></request>",
        &[("open311.duplicate_field", "/address")],
    ),
    (
        "a key twice in JSON (serde_json alone keeps the last): the core's duplicate-key rule",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "address": "Stenportsgatan 1"}]"#,
        &[("json.duplicate_key", "/address")],
    ),
    (
        "a contact field twice in JSON",
        As::Requests,
        r#"{"service_code": "belysning", "address": "Skaragatan 8", "email": "a@example.se", "email": "b@example.se"}"#,
        &[("json.duplicate_key", "/contact/email")],
    ),
    (
        "a key twice inside an extension in JSON",
        As::Requests,
        r#"[{"service_code": "belysning", "address": "Skaragatan 8", "extended_attributes": {"x": 1, "x": 2}}]"#,
        &[("json.duplicate_key", "/extended_attributes")],
    ),
    (
        "a key twice in a JSON service list",
        As::Services,
        r#"[{"service_code": "a", "service_name": "A", "service_name": "B"}]"#,
        &[("json.duplicate_key", "/services/0/service_name")],
    ),
    (
        "a POST response with neither an id nor a token",
        As::Response,
        r#"[{"service_notice": "Vi åtgärdar felet inom en vecka.", "account_id": null}]"#,
        &[("open311.response_without_id", "")],
    ),
    (
        "a POST response field that is neither a text nor a number",
        As::Response,
        r#"[{"service_request_id": true, "token": "t-1", "service_notice": ["a"]}]"#,
        &[("open311.value_type", "/service_request_id"), ("open311.value_type", "/service_notice")],
    ),
    (
        "a POST response field the spec does not have (its name masked unless near a field)",
        As::Response,
        "<service_requests><request><service_request_id>1</service_request_id><service_notise>x</service_notise><Anna>y</Anna></request></service_requests>",
        &[("open311.field_ignored", "/service_notise"), ("open311.field_ignored", "/xxxx")],
    ),
    (
        "a POST response key twice in JSON",
        As::Response,
        r#"[{"token": "t-1", "token": "t-2"}]"#,
        &[("json.duplicate_key", "/token")],
    ),
    (
        "a POST response is no form",
        As::Response,
        "service_request_id=1",
        &[("open311.not_open311", "")],
    ),
    (
        "an answer given as one value and as a list",
        As::Requests,
        "service_code=belysning&address_string=Skaragatan+8&attribute[typ]=a&attribute[typ][]=b",
        &[("open311.attribute_conflict", "/attributes")],
    ),
    ("not a list of requests", As::Requests, r#""open""#, &[("open311.not_open311", "")]),
    (
        "an XML document of something else",
        As::Requests,
        "<feed><entry/></feed>",
        &[("open311.not_open311", "")],
    ),
    (
        "broken XML",
        As::Requests,
        "<service_requests><request></service_requests>",
        &[("open311.xml_syntax", "")],
    ),
    (
        "a DTD",
        As::Requests,
        "<!DOCTYPE request SYSTEM \"file:///etc/passwd\"><request/>",
        &[("open311.xml_doctype", "")],
    ),
    (
        "an entity XML does not define",
        As::Requests,
        "<request>&xxe;</request>",
        &[("open311.xml_entity", "")],
    ),
    (
        "another encoding declared",
        As::Requests,
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?><request/>",
        &[("open311.encoding", "")],
    ),
    (
        "a form value that is not UTF-8 once decoded",
        As::Requests,
        "service_code=belysning&description=%E5",
        &[("open311.invalid_utf8", "")],
    ),
    (
        "a service list field that is not true or false",
        As::Services,
        r#"[{"service_code": "a", "service_name": "A", "metadata": "yes"}]"#,
        &[("open311.boolean_invalid", "/services/0/metadata")],
    ),
    (
        "a service list field the spec does not have",
        As::Services,
        r#"[{"service_code": "a", "service_name": "A", "key_service": true}]"#,
        &[("open311.field_ignored", "/services/0/key_service")],
    ),
];

fn report(what: As, input: &str) -> Report {
    let options = Options::default();
    match what {
        As::Requests => match read_requests(input.as_bytes(), &options) {
            Ok(mut requests) => requests.remove(0).report,
            Err(report) => report,
        },
        As::Services => match profile_from_services(input.as_bytes(), &[], &options) {
            Ok(list) => list.report,
            Err(report) => report,
        },
        As::Response => match read_post_responses(input.as_bytes(), &options) {
            Ok(mut responses) => responses.remove(0).report,
            Err(report) => report,
        },
    }
}

#[test]
fn each_quirk_gets_exactly_its_issues() {
    let mut failures = Vec::new();
    for (name, what, input, expected) in CASES {
        let got: Vec<(&str, String)> =
            report(*what, input).issues.iter().map(|i| (i.code, i.pointer.clone())).collect();
        let want: Vec<(&str, String)> =
            expected.iter().map(|(c, p)| (*c, (*p).to_owned())).collect();
        if got != want {
            failures.push(format!("{name}:\n  expected {want:?}\n  got      {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cases_raise_every_open311_rule() {
    let mut seen: BTreeSet<&str> =
        CASES.iter().flat_map(|c| c.3.iter().map(|(code, _)| *code)).collect();
    // The definition rule needs two documents: tests/open311/realworld.rs raises it; a
    // detailed status needs a profile with statuses: see below.
    seen.insert(rules::OPEN311_DEFINITION_UNKNOWN_SERVICE.code);
    seen.insert(rules::OPEN311_STATUS_DETAILED.code);
    let missing: Vec<_> = rules::ALL
        .iter()
        .map(|r| r.code)
        .filter(|c| c.starts_with("open311.") && !seen.contains(c))
        .collect();
    assert!(missing.is_empty(), "no case raises {missing:?}");
}

#[test]
fn every_wire_issue_has_a_line_and_column() {
    for (name, what, input, _) in CASES {
        for issue in &report(*what, input).issues {
            assert!(
                issue.line.is_some() || issue.code == "open311.not_open311",
                "{name}: {issue:?}"
            );
        }
    }
}

#[test]
fn a_detailed_status_written_as_the_status_is_read_through_the_profile() {
    let mut profile = Profile::clone(Profile::builtin());
    profile.statuses = Some(serde_json::from_str(r#"[{"code": "in_progress", "open311": "open"}, {"code": "fixed", "open311": "closed"}]"#).unwrap());
    let options = Options { profile: Some(std::sync::Arc::new(profile)), ..Options::default() };
    let input = br#"[{"service_code": "belysning", "address": "Skaragatan 8", "status": "fixed"}]"#;
    let request = read_requests(input, &options).unwrap().remove(0);
    let got: Vec<_> = request.report.issues.iter().map(|i| (i.code, i.pointer.as_str())).collect();
    assert_eq!(got, [("open311.status_detailed", "/status")]);
    let report = request.fault_report().unwrap();
    assert_eq!(
        (report.status.code(), report.detailed_status.unwrap().as_str()),
        ("closed", "fixed")
    );
    // Without statuses in the profile, the same word is not certain.
    let request = read_requests(input, &Options::default()).unwrap().remove(0);
    assert_eq!(request.report.issues[0].code, "open311.status_unknown");
}

#[test]
fn a_key_given_twice_is_found_at_its_second_place_and_never_quoted() {
    let text = "[{\"service_code\": \"belysning\", \"address\": \"Skaragatan 8\",\n\
                \"extended_attributes\": {\"anna.svensson\": 1,\n \"anna.svensson\": 2}}]";
    let report = report(As::Requests, text);
    let issue = report.issues.iter().find(|i| i.code == "json.duplicate_key").unwrap();
    assert_eq!((issue.line, issue.column), (Some(3), Some(2)));
    for lang in [kommun_intl::Lang::En, kommun_intl::Lang::Sv] {
        assert!(!issue.message(lang).contains("anna"), "{}", issue.message(lang));
    }
    assert!(!issue.pointer.contains("anna"));
}
