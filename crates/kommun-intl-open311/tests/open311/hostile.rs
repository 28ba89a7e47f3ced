//! Hostile input on the Open311 surfaces: one clear issue within the limits JSON has, in
//! linear time, never a panic, never a personal value in an issue.

use std::time::{Duration, Instant};

use kommun_intl::{Lang, Limits, Options, Report};
use kommun_intl_open311::{profile_from_services, read_requests};

/// The codes of the document-level report a hostile input gets, and how long it took.
fn refused(input: &[u8], options: &Options) -> (Vec<&'static str>, Duration) {
    let start = Instant::now();
    let result = read_requests(input, options);
    let took = start.elapsed();
    // Not `expect_err`: its message would print the whole document.
    let Err(report) = result else { panic!("a hostile document is refused whole") };
    (report.issues.iter().map(|i| i.code).collect(), took)
}

/// Generous for a debug build on a shared machine; a quadratic path would take minutes.
const QUICK: Duration = Duration::from_secs(10);

#[test]
fn entity_expansion_and_external_entities_never_start() {
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">{}]><service_requests><request><description>&lol9;</description></request></service_requests>",
        (1..10)
            .map(|i| format!(
                "<!ENTITY lol{i} \"{}\">",
                format!("&lol{};", if i == 1 { String::new() } else { (i - 1).to_string() })
                    .repeat(10)
            ))
            .collect::<Vec<_>>()
            .concat()
    );
    let (codes, took) = refused(laughs.as_bytes(), &Options::default());
    assert_eq!(codes, ["open311.xml_doctype"]);
    assert!(took < QUICK);
    let xxe = b"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><request><description>&xxe;</description></request>";
    assert_eq!(refused(xxe, &Options::default()).0, ["open311.xml_doctype"]);
    // Without a DTD, a reference to an entity is refused too.
    assert_eq!(
        refused(b"<request><description>&xxe;</description></request>", &Options::default()).0,
        ["open311.xml_entity"]
    );
}

#[test]
fn deep_nesting_huge_texts_and_huge_tags_stop_at_the_limits() {
    let deep = "<service_requests>".to_owned() + &"<request>".repeat(1_000_000);
    let (codes, took) = refused(deep.as_bytes(), &Options::default());
    assert_eq!(codes, ["limits.depth"]);
    assert!(took < QUICK, "{took:?}");
    let big =
        format!("<request><description>{}</description></request>", "x".repeat(2 * 1024 * 1024));
    assert_eq!(refused(big.as_bytes(), &Options::default()).0, ["limits.string_length"]);
    let tag = format!("<request a=\"{}\"/>", "x".repeat(2 * 1024 * 1024));
    assert_eq!(refused(tag.as_bytes(), &Options::default()).0, ["limits.string_length"]);
    let entities =
        format!("<request><description>{}</description></request>", "&amp;".repeat(1_100_000));
    assert_eq!(refused(entities.as_bytes(), &Options::default()).0, ["limits.string_length"]);
}

#[test]
fn too_many_elements_or_fields_stop_at_the_array_limit() {
    let small = Options {
        limits: Limits { max_array_length: 1000, ..Limits::default() },
        ..Options::default()
    };
    let many = "<service_requests>".to_owned() + &"<request/>".repeat(2000) + "</service_requests>";
    assert_eq!(refused(many.as_bytes(), &small).0, ["limits.array_length"]);
    let form = (0..2000).map(|i| format!("f{i}=x")).collect::<Vec<_>>().join("&");
    assert_eq!(refused(form.as_bytes(), &small).0, ["limits.array_length"]);
}

#[test]
fn documents_over_the_size_limit_are_not_read() {
    let small = Options {
        limits: Limits { max_document_size: 100, ..Limits::default() },
        ..Options::default()
    };
    let text = format!("[{{\"description\": \"{}\"}}]", "x".repeat(200));
    assert_eq!(refused(text.as_bytes(), &small).0, ["limits.document_size"]);
    let err = profile_from_services(text.as_bytes(), &[], &small).unwrap_err();
    assert_eq!(err.issues[0].code, "limits.document_size");
}

#[test]
fn forms_with_thousands_of_fields_are_read_in_linear_time() {
    // 100,000 answers, each its own attribute, and 100,000 repeats of one field.
    let answers = (0..100_000).map(|i| format!("attribute[a{i}]=x")).collect::<Vec<_>>().join("&");
    let form = format!("service_code=belysning&address_string=Skaragatan+8&{answers}");
    let start = Instant::now();
    let requests = read_requests(form.as_bytes(), &Options::default()).unwrap();
    assert!(start.elapsed() < QUICK, "{:?}", start.elapsed());
    assert_eq!(requests[0].value["attributes"].as_array().unwrap().len(), 100_000);
    let repeats = "description=x&".repeat(100_000) + "service_code=belysning";
    let start = Instant::now();
    let report = &read_requests(repeats.as_bytes(), &Options::default()).unwrap()[0].report;
    assert!(start.elapsed() < QUICK, "{:?}", start.elapsed());
    // Every repeat is counted; the first thousand issues are kept.
    assert_eq!(report.error_count(), 99_999 + 1);
    assert_eq!(report.issues.len(), 1000);
}

#[test]
fn requests_and_service_lists_with_many_distinct_fields_are_read_in_linear_time() {
    // One XML request of 30,000 fields, each of its own name and unknown: each is looked up
    // among those before it (a repeat is an issue), and each issue's place among theirs.
    let fields: Vec<String> = (0..30_000).map(|i| format!("<f{i}>x</f{i}>")).collect();
    let xml =
        format!("<request><service_code>belysning</service_code>{}</request>", fields.concat());
    let every = Options { max_issues: usize::MAX, ..Options::default() };
    let start = Instant::now();
    let requests = read_requests(xml.as_bytes(), &every).unwrap();
    assert!(start.elapsed() < QUICK, "{:?}", start.elapsed());
    let unknown = requests[0].report.issues.iter().filter(|i| i.code == "open311.unknown_field");
    assert_eq!(unknown.clone().count(), 30_000);
    assert!(unknown.clone().all(|i| i.line == Some(1)));
    // The last field's issue is at that field, not at the request.
    assert!(unknown.clone().next_back().and_then(|i| i.column).unwrap() as usize > xml.len() - 30);

    // A list of 10,000 services and one JSON document of a definition for each: each
    // definition is looked up by its code, and its places found among its own.
    let n = 10_000;
    let services: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"service_code": "s{i}", "service_name": "Tjänst {i}", "metadata": true, "type": "realtime"}}"#))
        .collect();
    let definitions: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"service_code": "s{i}", "attributes": [{{"code": "a", "datatype": "string", "variable": true, "required": false, "order": 1, "description": "Fråga {i}"}}]}}"#))
        .collect();
    let service_list = format!("[{}]", services.join(","));
    let definition_list = format!("[{}]", definitions.join(","));
    let start = Instant::now();
    let read = profile_from_services(
        service_list.as_bytes(),
        &[definition_list.as_bytes()],
        &Options::default(),
    )
    .unwrap_or_else(|r| panic!("{r}"));
    assert!(start.elapsed() < QUICK, "{:?}", start.elapsed());
    assert_eq!(read.profile.services.len(), n);
    let last = read.profile.service(&format!("s{}", n - 1)).unwrap();
    assert_eq!(last.attributes.as_ref().unwrap().len(), 1);
}

#[test]
fn wrong_encodings_are_refused_with_the_byte() {
    // UTF-16 (with its byte order mark), and Latin-1 in JSON, XML and a form.
    let utf16: Vec<u8> = "<request/>".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16 = [&[0xFF, 0xFE][..], &utf16].concat();
    assert_eq!(refused(&utf16, &Options::default()).0, ["open311.invalid_utf8"]);
    assert_eq!(
        refused(b"[{\"description\": \"G\xe5ngv\xe4g\"}]", &Options::default()).0,
        ["json.invalid_utf8"]
    );
    assert_eq!(
        refused(
            b"<request><description>G\xe5ngv\xe4g</description></request>",
            &Options::default()
        )
        .0,
        ["open311.invalid_utf8"]
    );
    assert_eq!(
        refused(b"description=G\xe5ngv\xe4g", &Options::default()).0,
        ["open311.invalid_utf8"]
    );
}

/// Every text an issue shows: its messages in both languages, its params and its pointer.
fn shown(report: &Report) -> String {
    report
        .issues
        .iter()
        .map(|i| {
            let params: Vec<&str> = i.params.values().map(String::as_str).collect();
            format!(
                "{} {} {} {}",
                i.message(Lang::En),
                i.message(Lang::Sv),
                params.join(" "),
                i.pointer
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_issue_shows_a_personal_value() {
    let secret = "Annasson";
    let inputs: Vec<String> = vec![
        // Broken XML inside the personal fields.
        format!("<request><first_name>{secret}</last_name></request>"),
        format!("<request><{secret}>x</{secret}></request>"),
        // Personal values with their own problems, as JSON, XML and a form.
        format!(
            r#"[{{"service_code": "belysning", "address": "Skaragatan 8", "first_name": " {secret}", "email": "{secret}@", "phone": "{secret}", "device_id": "", "account_id": " {secret} ", "description": "{secret}\u0001"}}]"#
        ),
        format!(
            "<request><service_code>belysning</service_code><email>{secret}</email><phone>{secret}</phone><description> {secret} </description></request>"
        ),
        format!(
            "service_code=belysning&email={secret}&email={secret}&phone={secret}&{secret}={secret}&attribute[{secret}%40x]={secret}&attribute[{secret}%40x][]={secret}"
        ),
        // Unknown members whose keys may be data.
        format!(
            r#"[{{"service_code": "belysning", "address": "x", "{secret}@example.se": "{secret}"}}]"#
        ),
    ];
    for input in inputs {
        let reports: Vec<Report> = match read_requests(input.as_bytes(), &Options::default()) {
            Ok(requests) => requests.into_iter().map(|r| r.report).collect(),
            Err(report) => vec![report],
        };
        for report in reports {
            assert!(!report.issues.is_empty(), "{input}");
            let text = shown(&report);
            assert!(!text.contains(secret), "{input}\n{text}");
        }
    }
}
