//! Requests and service lists of public Open311 implementations, as found
//! (`tests/data/README.md`): each converts, and validates with exactly the issues asserted
//! here, every one of them true of the file.

use std::path::PathBuf;
use std::sync::Arc;

use kommun_intl::codes::CountryCode;
use kommun_intl::{Options, Profile, Report};
use kommun_intl_open311::{profile_from_services, read_requests};

fn data(path: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Each issue as (code, pointer).
fn issues(report: &Report) -> Vec<(&'static str, String)> {
    report.issues.iter().map(|i| (i.code, i.pointer.clone())).collect()
}

/// The profile a city's service list gives, in the city's country.
fn city(list: &str, country: &str) -> Profile {
    let read = profile_from_services(&data(list), &[], &Options::default())
        .unwrap_or_else(|r| panic!("{list}: {r}"));
    let mut profile = read.profile;
    profile.country = CountryCode::from_code(country);
    profile
}

#[test]
fn san_franciscos_service_list_loads_with_its_untrimmed_descriptions_noted() {
    let read = profile_from_services(
        &data("codeforamerica--open311/services.xml"),
        &[],
        &Options::default(),
    )
    .unwrap();
    assert_eq!(read.profile.services.len(), 36);
    assert_eq!(read.profile.service("006").unwrap().service_name.as_str(), "Damaged_Tree");
    // 28 descriptions end in a line break or a space; nothing else is wrong.
    assert_eq!(read.report.warning_count(), 28);
    for issue in &read.report.issues {
        assert_eq!(issue.code, "open311.whitespace_trimmed");
        assert!(issue.pointer.starts_with("/services/") && issue.pointer.ends_with("/description"));
        assert!(issue.line.is_some());
    }
    assert!(read.report.is_valid());
}

#[test]
fn san_franciscos_requests_validate_against_its_list_with_one_truthful_warning_each() {
    let options = Options {
        profile: Some(Arc::new(city("codeforamerica--open311/services.xml", "US"))),
        ..Options::default()
    };
    // The same two requests, in the client gem's fixtures and in node-open311's.
    for (file, count) in [
        ("codeforamerica--open311/service_requests.xml", 2),
        ("codeforamerica--open311/get_service_request.xml", 1),
        ("oiva--node-open311/service-requests.xml", 2),
        ("oiva--node-open311/service-request.xml", 1),
    ] {
        let requests = read_requests(&data(file), &options).unwrap();
        assert_eq!(requests.len(), count, "{file}");
        for r in &requests {
            // `media_url` ends in a space before `</media_url>`.
            assert_eq!(
                issues(&r.report),
                [("open311.whitespace_trimmed", "/media_url".to_owned())],
                "{file}"
            );
            let report = r.fault_report().unwrap();
            assert_eq!(report.service_code.as_str(), "006");
            assert!(!report.media_url.unwrap().as_str().ends_with(' '));
        }
    }
    // Line and column point at the element in the XML.
    let requests =
        read_requests(&data("codeforamerica--open311/service_requests.xml"), &options).unwrap();
    assert_eq!(
        (requests[1].report.issues[0].line, requests[1].report.issues[0].column),
        (Some(39), Some(2))
    );
}

#[test]
fn outside_its_country_a_request_is_said_to_be_outside_not_swapped() {
    // San Francisco's requests, judged by Lidköping's profile: outside Sweden, not "swapped?".
    let requests =
        read_requests(&data("codeforamerica--open311/service_requests.xml"), &Options::default())
            .unwrap();
    let codes: Vec<_> = issues(&requests[0].report);
    assert!(codes.contains(&("fault_report.outside_area", "/lat".to_owned())), "{codes:?}");
    assert!(
        codes.contains(&("fault_report.unknown_service", "/service_code".to_owned())),
        "{codes:?}"
    );
    assert!(!codes.iter().any(|(c, _)| *c == "fault_report.axes_swapped"));
}

#[test]
fn other_service_lists_load_as_found() {
    for (file, services, expected) in [
        // The spec's own example list.
        ("bensheldon--open311status/service_list.json", 3, vec![]),
        // Helsinki's Swedish list: service 234 has `"keywords": ""`.
        (
            "City-of-Helsinki--issues-example/services_sv.json",
            10,
            vec![("open311.empty_value", "/services/9/keywords".to_owned())],
        ),
        // The same list as XML (an empty `<keywords>` is how XML says none).
        ("City-of-Helsinki--issues-example/services_sv.xml", 10, vec![]),
        ("mysociety--open311-adapter/services.xml", 1, vec![]),
    ] {
        let read = profile_from_services(&data(file), &[], &Options::default()).unwrap();
        assert_eq!(read.profile.services.len(), services, "{file}");
        assert_eq!(issues(&read.report), expected, "{file}");
    }
    let helsinki = city("City-of-Helsinki--issues-example/services_sv.json", "FI");
    assert_eq!(helsinki.service("172").unwrap().service_name.as_str(), "Vandalism");
}

#[test]
fn a_definition_for_a_service_the_list_lacks_is_an_error() {
    // The gem's definition is of `DMV66`, mySociety's of `DF`: neither is in its list.
    for (list, definition) in [
        ("codeforamerica--open311/services.xml", "codeforamerica--open311/service_definition.xml"),
        ("mysociety--open311-adapter/services.xml", "mysociety--open311-adapter/service.xml"),
    ] {
        let err = profile_from_services(&data(list), &[&data(definition)], &Options::default())
            .unwrap_err();
        assert_eq!(issues(&err), [("open311.definition_unknown_service", String::new())]);
    }
}

#[test]
fn definitions_load_with_their_attributes() {
    // mySociety's definition, given the one service it defines (its list is of another).
    let list = b"<services><service><service_code>DF</service_code><service_name>Dog fouling</service_name><metadata>true</metadata><type>batch</type></service></services>";
    let read = profile_from_services(
        list,
        &[&data("mysociety--open311-adapter/service.xml")],
        &Options::default(),
    )
    .unwrap();
    let attributes = read.profile.service("DF").unwrap().attributes.as_ref().unwrap();
    assert_eq!(attributes.len(), 6);
    // `<automated>` is mySociety's own, left out with a warning for each attribute.
    assert!(
        read.report.issues.iter().all(|i| i.code == "open311.field_ignored"),
        "{}",
        read.report
    );
    assert!(read.report.warning_count() >= 1);
    // The gem's definition has its `<attribute>` without `<attributes>` around it.
    let list = b"<services><service><service_code>DMV66</service_code><service_name>DMV</service_name></service></services>";
    let read = profile_from_services(
        list,
        &[&data("codeforamerica--open311/service_definition.xml")],
        &Options::default(),
    )
    .unwrap();
    let attribute = &read.profile.service("DMV66").unwrap().attributes.as_ref().unwrap()[0];
    assert_eq!(attribute.code.as_str(), "WHISHETN");
    assert_eq!(attribute.values.as_ref().unwrap().len(), 2);
}

#[test]
fn chicago_and_bloomington_convert_and_say_what_cannot_be_checked() {
    // No service list of theirs is at hand (Bloomington's names a person), so their codes are
    // unknown to the profile: an error that says exactly that, and nothing untrue besides.
    let us = Options {
        profile: Some(Arc::new(city("bensheldon--open311status/service_list.json", "US"))),
        ..Options::default()
    };
    let chicago =
        read_requests(&data("bensheldon--open311status/service_requests.json"), &us).unwrap();
    assert_eq!(chicago.len(), 2);
    for r in &chicago {
        assert_eq!(
            issues(&r.report),
            [("fault_report.unknown_service", "/service_code".to_owned())]
        );
    }
    let bloomington =
        read_requests(&data("bensheldon--open311status/bloomington_requests.json"), &us).unwrap();
    assert_eq!(bloomington.len(), 21);
    let mut seen = std::collections::BTreeMap::new();
    for r in &bloomington {
        for (code, pointer) in issues(&r.report) {
            *seen.entry((code, pointer)).or_insert(0) += 1;
        }
    }
    let seen: Vec<_> = seen.into_iter().map(|((c, p), n)| (c, p, n)).collect();
    assert_eq!(
        seen,
        [
            // Two requests have neither coordinates (null) nor an address.
            ("fault_report.location_missing", String::new(), 2),
            // `0`, `0` (six requests) stands for "unknown" there; it is not in the United States.
            ("fault_report.outside_area", "/lat".to_owned(), 6),
            ("fault_report.unknown_service", "/service_code".to_owned(), 21),
            ("open311.empty_value", "/address".to_owned(), 1),
            ("open311.empty_value", "/description".to_owned(), 3),
            ("open311.empty_value", "/media_url".to_owned(), 20),
            ("open311.empty_value", "/zipcode".to_owned(), 6),
        ]
    );
}
