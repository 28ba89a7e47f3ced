//! The POST Service Request response: read and written exactly in the spec's JSON and XML.

use kommun_intl::{Lang, Options};
use kommun_intl_open311::{
    Format, Id, PostResponse, read_post_responses, read_post_responses_as, write_post_responses,
};
use proptest::prelude::*;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

/// GeoReport v2's own example of the JSON response.
const SPEC_JSON: &str = r#"[
  {
    "service_request_id": 293944,
    "service_notice": "The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code",
    "account_id": null
  }
]"#;

fn one(text: &[u8]) -> kommun_intl_open311::Response {
    let mut read = read_post_responses(text, &Options::default()).unwrap();
    assert_eq!(read.len(), 1);
    read.remove(0)
}

#[test]
fn the_spec_json_response_is_read_with_its_numeric_id_and_written_back_exactly() {
    let read = one(SPEC_JSON.as_bytes());
    assert!(read.report.is_clean(), "{:?}", read.report);
    let response = &read.response;
    assert_eq!(response.service_request_id, Some(Id::Number(293_944.into())));
    assert_eq!((response.token.as_ref(), response.account_id.as_ref()), (None, None));
    assert!(response.service_notice.as_deref().unwrap().starts_with("The City will inspect"));
    // The same members, the id still a number; `null` and absent are the same to GeoReport.
    let written = write_post_responses(std::slice::from_ref(response), Format::Json);
    let mut expected: serde_json::Value = serde_json::from_str(SPEC_JSON).unwrap();
    expected[0].as_object_mut().unwrap().remove("account_id");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&written).unwrap(), expected);
    assert_eq!(one(written.as_bytes()).response, *response);
}

#[test]
fn a_token_instead_of_an_id_is_read() {
    let read = one(br#"[{"token": "12345", "service_notice": "", "account_id": "anna-77"}]"#);
    assert_eq!(read.response.token, Some(Id::Text("12345".to_owned())));
    assert_eq!(read.response.service_request_id, None);
    let codes: Vec<_> = read.report.issues.iter().map(|i| (i.code, i.pointer.as_str())).collect();
    assert_eq!(codes, [("open311.empty_value", "/service_notice")]);
    // The account is personal: never in Debug, nor in an issue.
    assert!(!format!("{:?}", read.response).contains("anna"));
    assert!(read.report.issues.iter().all(|i| !i.message(Lang::En).contains("anna")));
}

#[test]
fn the_published_xml_response_is_read_and_written_back() {
    let text =
        std::fs::read(format!("{DATA}/codeforamerica--open311/post_service_request.xml")).unwrap();
    let read = one(&text);
    // The notice is surrounded by new lines and tabs; `<account_id/>` is empty: not given.
    let codes: Vec<_> = read.report.issues.iter().map(|i| (i.code, i.line)).collect();
    assert_eq!(codes, [("open311.whitespace_trimmed", Some(5))]);
    assert_eq!(read.response.service_request_id, Some(Id::Text("293944".to_owned())));
    assert_eq!(read.response.account_id, None);
    let xml = write_post_responses(std::slice::from_ref(&read.response), Format::Xml);
    assert!(
        xml.contains(
            "<service_requests>\n  <request>\n    <service_request_id>293944</service_request_id>\n"
        ),
        "{xml}"
    );
    let again = read_post_responses_as(xml.as_bytes(), Format::Xml, &Options::default()).unwrap();
    assert_eq!(again[0].response, read.response);
    assert!(again[0].report.is_clean());
}

#[test]
fn a_service_request_reader_is_not_a_response_reader() {
    // Read as requests, the response lacks the service code; read as a response it is whole.
    let requests =
        kommun_intl_open311::read_requests(SPEC_JSON.as_bytes(), &Options::default()).unwrap();
    assert!(!requests[0].report.is_valid());
    assert!(one(SPEC_JSON.as_bytes()).report.is_valid());
}

fn id() -> impl Strategy<Value = Id> {
    prop_oneof![
        any::<u64>().prop_map(|n| Id::Number(n.into())),
        "[A-Za-z0-9][A-Za-z0-9 _.:-]{0,20}[A-Za-z0-9]".prop_map(Id::Text),
    ]
}

fn response() -> impl Strategy<Value = PostResponse> {
    let notice = "[^\\s\\p{Cc}](?:[^\\p{Cc}]{0,40}[^\\s\\p{Cc}])?";
    (
        prop::option::of(id()),
        prop::option::of(id()),
        prop::option::of(notice),
        prop::option::of(id()),
    )
        .prop_filter("an id or a token", |(i, t, ..)| i.is_some() || t.is_some())
        .prop_map(|(service_request_id, token, service_notice, account_id)| PostResponse {
            service_request_id,
            token,
            service_notice,
            account_id,
        })
}

/// XML has only texts: an id that was a JSON number comes back as its text.
fn as_text(id: Option<Id>) -> Option<Id> {
    id.map(|i| Id::Text(i.to_string()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn responses_round_trip_through_json_and_xml(responses in prop::collection::vec(response(), 1..4)) {
        let json = write_post_responses(&responses, Format::Json);
        let back: Vec<_> = read_post_responses_as(json.as_bytes(), Format::Json, &Options::default())
            .unwrap()
            .into_iter()
            .map(|r| { assert!(r.report.is_clean(), "{:?}", r.report); r.response })
            .collect();
        prop_assert_eq!(&back, &responses);
        let xml = write_post_responses(&responses, Format::Xml);
        let back: Vec<_> = read_post_responses_as(xml.as_bytes(), Format::Xml, &Options::default())
            .unwrap()
            .into_iter()
            .map(|r| { assert!(r.report.is_clean(), "{:?}", r.report); r.response })
            .collect();
        let texts: Vec<_> = responses
            .into_iter()
            .map(|r| PostResponse {
                service_request_id: as_text(r.service_request_id),
                token: as_text(r.token),
                account_id: as_text(r.account_id),
                ..r
            })
            .collect();
        prop_assert_eq!(back, texts);
    }
}
