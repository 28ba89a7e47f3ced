//! A fault report converts to a GeoReport request (JSON, XML) and back without loss, and its
//! POST fields survive the POST form.

use kommun_intl::model::{
    AnswerValue, AttributeAnswer, Contact, Email, ExtendedAttributes, FaultReport,
    FaultReportStatus, LongText, Personal, Phone, ServiceCode, Text, Timestamp, Url,
};
use kommun_intl::{Options, Validate as _};
use kommun_intl_open311::{Format, read_requests_as, write_form, write_requests};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde_json::{Map, Value};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64);
    Config { cases, rng_seed: RngSeed::Fixed(0x0311), ..Config::default() }
}

/// Characters a text may start and end with (no white space, no control character).
const EDGE: &str = r"[^\s\p{Cc}\x{FEFF}]";

fn re(pattern: &str) -> impl Strategy<Value = String> + use<> {
    proptest::string::string_regex(pattern).expect("a valid pattern")
}

fn text() -> impl Strategy<Value = Text> {
    re(&format!(r"{EDGE}(?:[^\p{{Cc}}]{{0,30}}{EDGE})?")).prop_map(Text::new)
}

/// Free text with tabs and line breaks, carriage returns among them (XML must keep those).
fn long_text() -> impl Strategy<Value = LongText> {
    re(&format!(r"{EDGE}(?:(?:[^\p{{Cc}}]|[\t\n\r]){{0,60}}{EDGE})?")).prop_map(LongText::new)
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (
        1990i32..=2099,
        1u32..=12,
        1u32..=28,
        0u32..24,
        0u32..60,
        0u32..60,
        prop::option::of("[0-9]{1,6}"),
        "(Z|[+-](0[0-9]|1[0-4]):(00|30))",
    )
        .prop_map(|(y, mo, d, h, mi, s, f, o)| {
            let f = f.map(|f| format!(".{f}")).unwrap_or_default();
            Timestamp::new(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{f}{o}"))
        })
}

fn answers(textual_lists: bool) -> impl Strategy<Value = Vec<AttributeAnswer>> {
    let min = usize::from(textual_lists);
    let value = prop_oneof![
        long_text().prop_map(AnswerValue::One),
        prop::collection::vec(long_text(), min..3).prop_map(AnswerValue::Many),
    ];
    prop::collection::btree_map("[A-Za-z0-9_]{1,8}", value, 1..4).prop_map(|m| {
        m.into_iter()
            .map(|(code, v)| AttributeAnswer { code: Text::new(code), value: Personal::new(v) })
            .collect()
    })
}

/// Extensions: any JSON, in JSON and in XML (whose `type` attributes say what is not a text):
/// numbers, booleans, nulls, empty, one-item and nested lists, empty objects.
fn extended() -> impl Strategy<Value = ExtendedAttributes> {
    let key = "[a-z_][a-z0-9_]{0,6}|[0-9 ][a-z ]{0,4}";
    let leaf = prop_oneof![
        text().prop_map(|t| Value::String(t.to_string())),
        any::<i32>().prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
        (-1e6f64..1e6).prop_map(Value::from),
        Just(Value::Null),
    ];
    let tree = leaf.prop_recursive(3, 12, 3, move |inner| {
        prop_oneof![
            prop::collection::btree_map(key, inner.clone(), 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
            prop::collection::vec(inner, 0..3).prop_map(Value::Array),
        ]
    });
    prop::collection::btree_map(key, tree, 1..4)
        .prop_map(|m| ExtendedAttributes(m.into_iter().collect::<Map<String, Value>>()))
}

fn contact() -> impl Strategy<Value = Contact> {
    (
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of("[a-z]{1,8}@[a-z]{1,8}\\.se"),
        prop::option::of("\\+467[02369][0-9]{7}"),
    )
        .prop_map(|(name, first, last, email, phone)| Contact {
            name: name.map(Personal::new),
            first_name: first.map(Personal::new),
            last_name: last.map(Personal::new),
            email: email.map(|e| Personal::new(Email::new(e))),
            phone: phone.map(|p| Personal::new(Phone::new(p))),
        })
        // A contact with nothing in it is no contact: Open311 has no place for an empty one.
        .prop_filter("an empty contact", |c| c != &Contact::default())
}

fn fault_report() -> impl Strategy<Value = FaultReport> {
    let o = |s: BoxedStrategy<Text>| prop::option::of(s);
    (
        (
            o(text().boxed()),
            o(text().boxed()),
            o(text().boxed()),
            "[a-z0-9_]{1,12}",
            o(text().boxed()),
        ),
        (
            prop::option::of(text().prop_map(Personal::new)),
            prop::option::of(long_text().prop_map(Personal::new)),
        ),
        (
            prop::option::of((-90f64..=90.0, -180f64..=180.0)),
            o(text().boxed()),
            o(text().boxed()),
            o(text().boxed()),
        ),
        (prop::option::of("https?://[a-z]{1,8}\\.se(/[a-z0-9]{1,5}){0,2}".prop_map(Url::new)),),
        (
            prop::option::of(timestamp()),
            prop::option::of(timestamp()),
            prop::option::of(timestamp()),
        ),
        (
            prop::sample::select(vec![FaultReportStatus::Open, FaultReportStatus::Closed]),
            o(text().boxed()),
            prop::option::of(long_text().prop_map(Personal::new)),
            o(text().boxed()),
            prop::option::of(long_text()),
        ),
        (
            prop::option::of(contact()),
            prop::option::of(text().prop_map(Personal::new)),
            prop::option::of(text().prop_map(Personal::new)),
        ),
        (prop::option::of(answers(false)), prop::option::of(extended())),
    )
        .prop_map(
            |(
                (id, token, jurisdiction, code, service_name),
                (title, description),
                (point, address, address_id, zipcode),
                (media_url,),
                (requested, updated, expected),
                (status, detailed, notes, agency, notice),
                (contact, device, account),
                (attributes, extended_attributes),
            )| FaultReport {
                schema: None,
                service_request_id: id,
                token,
                jurisdiction_id: jurisdiction,
                service_code: ServiceCode::new(code),
                service_name,
                title,
                description,
                lat: point.map(|p| p.0),
                long: point.map(|p| p.1),
                address,
                address_id,
                zipcode,
                media_url,
                requested_datetime: requested,
                updated_datetime: updated,
                expected_datetime: expected,
                status,
                detailed_status: detailed,
                status_notes: notes,
                agency_responsible: agency,
                service_notice: notice,
                contact,
                device_id: device,
                account_id: account,
                attributes,
                extended_attributes,
            },
        )
}

fn read_one(text: &str, format: Format) -> FaultReport {
    let mut requests = read_requests_as(text.as_bytes(), format, &Options::default())
        .unwrap_or_else(|r| panic!("{format:?} does not read back: {r}\n{text}"));
    assert_eq!(requests.len(), 1);
    let request = requests.remove(0);
    // Nothing written by us is a quirk to warn about.
    let wire: Vec<_> =
        request.report.issues.iter().filter(|i| i.code.starts_with("open311.")).collect();
    assert!(wire.is_empty(), "{wire:?}\n{text}");
    request.fault_report().unwrap_or_else(|| panic!("not a fault report: {}", request.value))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn json_round_trip_is_lossless(report in fault_report()) {
        let text = write_requests(std::slice::from_ref(&report), Format::Json);
        prop_assert_eq!(read_one(&text, Format::Json), report);
    }

    #[test]
    fn xml_round_trip_is_lossless(report in fault_report()) {
        let text = write_requests(std::slice::from_ref(&report), Format::Xml);
        prop_assert_eq!(read_one(&text, Format::Xml), report);
    }

    #[test]
    fn the_post_form_keeps_every_post_field(report in fault_report(), answers in answers(true)) {
        let report = FaultReport { attributes: Some(answers), ..report };
        let text = write_form(&report);
        // A POST carries what the person sends; the rest is the server's to give.
        let posted = FaultReport {
            jurisdiction_id: report.jurisdiction_id.clone(),
            service_code: report.service_code.clone(),
            title: report.title.clone(),
            lat: report.lat,
            long: report.long,
            address: report.address.clone(),
            address_id: report.address_id.clone(),
            contact: report.contact.clone(),
            description: report.description.clone(),
            media_url: report.media_url.clone(),
            device_id: report.device_id.clone(),
            account_id: report.account_id.clone(),
            attributes: report.attributes.clone(),
            ..FaultReport::default()
        };
        prop_assert_eq!(read_one(&text, Format::Form), posted);
    }
}

#[test]
fn a_list_of_requests_reads_back_in_order() {
    let reports: Vec<FaultReport> = (0..3)
        .map(|i| FaultReport {
            service_request_id: Some(Text::new(format!("r{i}"))),
            service_code: ServiceCode::new("belysning"),
            address: Some(Text::new("Skaragatan 8, Lidköping")),
            ..FaultReport::default()
        })
        .collect();
    for format in [Format::Json, Format::Xml] {
        let text = write_requests(&reports, format);
        let back: Vec<FaultReport> = read_requests_as(text.as_bytes(), format, &Options::default())
            .unwrap()
            .iter()
            .map(|r| r.fault_report().unwrap())
            .collect();
        assert_eq!(back, reports);
        assert!(back.iter().all(|r| r.validate().is_clean()));
    }
}

#[test]
fn xml_extensions_keep_their_json_types_and_servers_xml_stays_texts() {
    let extended: Map<String, Value> = serde_json::from_str(
        r#"{"count": 3, "ratio": 0.5, "urgent": true, "note": null, "tags": ["a"], "none": [], "empty": {}, "nested": [[1, "2"], {"x y": "z"}]}"#,
    )
    .unwrap();
    let report = FaultReport {
        service_code: ServiceCode::new("belysning"),
        address: Some(Text::new("Skaragatan 8, Lidköping")),
        extended_attributes: Some(ExtendedAttributes(extended)),
        ..FaultReport::default()
    };
    let xml = write_requests(std::slice::from_ref(&report), Format::Xml);
    assert!(xml.contains(r#"<count type="number">3</count>"#), "{xml}");
    assert!(
        xml.contains(r#"<tags type="array">"#) && xml.contains(r#"<none type="array"/>"#),
        "{xml}"
    );
    assert_eq!(read_one(&xml, Format::Xml), report);
    // What a server writes has no types: texts, a repeated element a list, a single one a value.
    let server = "<request><service_code>belysning</service_code><address>Skaragatan 8</address>\
                  <extended_attributes><count>3</count><tag>a</tag><tag>b</tag><one>c</one></extended_attributes></request>";
    let read = read_one(server, Format::Xml);
    let got = serde_json::to_value(read.extended_attributes.unwrap()).unwrap();
    assert_eq!(got, serde_json::json!({"count": "3", "tag": ["a", "b"], "one": "c"}));
}
