//! The examples: every fact of Lidköping's page, valid without warnings, and exact round trips.

use kommun_intl::model::{AgreementType, ProgrammeCode, StatMeasure};
use kommun_intl::{Dataset, DocumentKind, FaultReport, Feedback, Lang, Options, Validate};

use crate::prelude::root;

fn read(file: &str) -> Vec<u8> {
    std::fs::read(root().join(file)).expect(file)
}

#[test]
fn examples_are_valid_without_warnings() {
    for file in [
        "examples/lidkoping.json",
        "examples/feedback.json",
        "examples/feedback-anonymous.json",
        "examples/fault-report.json",
    ] {
        let bytes = read(file);
        let kind = DocumentKind::detect(&bytes).expect("examples name their $schema");
        let report = kind.validate_json(&bytes, &Options::default());
        assert!(report.is_clean(), "{file}:\n{report}");
    }
}

#[test]
fn lidkoping_holds_every_fact_of_the_page() {
    let d: Dataset = kommun_intl::from_json(read("examples/lidkoping.json")).unwrap();
    let m = &d.municipality;
    assert_eq!(m.municipality_code.as_str(), "1494");
    assert_eq!(m.phone.as_ref().unwrap().as_str(), "+46510770000");
    assert_eq!(m.fax.as_ref().unwrap().as_str(), "+46510770340");
    assert_eq!(m.email.as_ref().unwrap().as_str(), "kommun@lidkoping.se");
    let address = m.address.as_ref().unwrap();
    assert_eq!(
        (address.street_address.as_str(), address.postal_code.as_str(), address.locality.as_str()),
        ("Skaragatan 8", "531 88", "Lidköping")
    );
    assert_eq!(m.kinds_of_work.as_ref().unwrap().len(), 6);

    let partners: Vec<_> = d
        .partnerships
        .iter()
        .map(|p| {
            (
                p.partner.display_name().unwrap(),
                p.agreement_type.unwrap(),
                p.start.as_ref().unwrap().as_str(),
            )
        })
        .collect();
    assert_eq!(
        partners,
        [
            ("Kecskemét", AgreementType::Twinning, "2004"),
            ("Utena", AgreementType::Twinning, "1997"),
            ("Rockford", AgreementType::IndustrialPartnership, "2006"),
            ("Xindu District", AgreementType::Cooperation, "2011"),
        ]
    );
    let xindu = &d.partnerships[3].partner;
    assert_eq!(xindu.part_of.as_ref().unwrap().display_name(), Some("Chengdu"));
    let rockford_funders: Vec<_> = d.partnerships[2]
        .funding
        .as_ref()
        .unwrap()
        .iter()
        .filter_map(|f| f.name.as_ref())
        .collect();
    assert_eq!(rockford_funders[0].as_str(), "Swedish-American Foundation");

    let projects: Vec<_> = d
        .projects
        .iter()
        .map(|p| (p.title.as_ref().unwrap().sv.as_str(), p.programme.as_ref().unwrap().code))
        .collect();
    assert_eq!(projects.len(), 5);
    assert_eq!(projects.iter().filter(|(t, _)| *t == "Green building A-Z").count(), 2);
    assert!(projects.contains(&("Utbyte med Zambia", ProgrammeCode::Athena)));
    assert_eq!(ProgrammeCode::Athena.funder_type().unwrap().label(Lang::En), "Swedish state");

    let figures: Vec<_> = d
        .statistics
        .iter()
        .map(|o| (o.period.as_str(), o.measure, o.value.as_str(), o.approximate))
        .collect();
    assert_eq!(
        figures,
        [
            ("2015", StatMeasure::InternationalActivities, "98", false),
            ("2015", StatMeasure::ExternalFunding, "1800000", true),
        ]
    );
}

#[test]
fn values_round_trip_unchanged() {
    let d: Dataset = kommun_intl::from_json(read("examples/lidkoping.json")).unwrap();
    let again: Dataset = kommun_intl::from_json(serde_json::to_vec(&d).unwrap()).unwrap();
    assert_eq!(d, again);
    assert!(again.validate().is_clean());
    let f: Feedback = kommun_intl::from_json(read("examples/feedback.json")).unwrap();
    assert_eq!(f, kommun_intl::from_json(serde_json::to_vec(&f).unwrap()).unwrap());
    let r: FaultReport = kommun_intl::from_json(read("examples/fault-report.json")).unwrap();
    assert_eq!(r, kommun_intl::from_json(serde_json::to_vec(&r).unwrap()).unwrap());
}

#[test]
fn money_is_exact() {
    let doc = br#"{"id": "p", "title": {"sv": "P"}, "status": "pipeline",
        "budget": {"total": {"amount": "1800000.05", "currency": "SEK"}}}"#;
    let p: kommun_intl::Project = kommun_intl::from_json(doc).unwrap();
    let grant = p.budget.as_ref().unwrap().total.as_ref().unwrap();
    assert_eq!(grant.amount.as_str(), "1800000.05");
    assert_eq!(grant.amount.to_decimal().unwrap().to_string(), "1800000.05");
    let text = serde_json::to_string(&p).unwrap();
    assert!(text.contains(r#""amount":"1800000.05""#), "{text}");
    assert_eq!(grant.currency.label(Lang::Sv), "svensk krona");
}

#[test]
fn code_lists_have_both_labels() {
    use kommun_intl::codes::{
        CodeList, CountryCode, CurrencyCode, municipalities, municipality_by_code,
    };
    assert_eq!(CountryCode::from_code("HU").unwrap().label(Lang::Sv), "Ungern");
    assert_eq!(CountryCode::from_code("LT").unwrap().label(Lang::Sv), "Litauen");
    assert_eq!(CountryCode::suggest("EL").unwrap().code(), "GR");
    assert_eq!(CountryCode::suggest("UK").unwrap().code(), "GB");
    assert!(CountryCode::all().count() >= 249);
    assert!(
        CurrencyCode::all().all(|c| !c.label(Lang::Sv).is_empty() && !c.label(Lang::En).is_empty())
    );
    assert_eq!(municipalities().len(), 290);
    assert_eq!(municipality_by_code("1494").unwrap().name, "Lidköping");
    for code in AgreementType::all() {
        assert_ne!(code.label(Lang::Sv), "");
        assert_ne!(code.label(Lang::En), "");
    }
    assert_eq!(AgreementType::Twinning.label(Lang::Sv), "Vänortsavtal");
}

#[test]
fn validation_never_reads_the_clock() {
    let doc = br#"{"category": "praise", "description": "Bra!", "channel": "web",
        "submitted_at": "2999-01-01T00:00:00+01:00"}"#;
    assert!(DocumentKind::Feedback.validate_json(doc, &Options::default()).is_clean());
    let with_date =
        Options { reference_date: Some("2026-11-28".parse().unwrap()), ..Options::default() };
    let report = DocumentKind::Feedback.validate_json(doc, &with_date);
    assert_eq!(report.issues[0].code, "submission.in_future");
    assert!(report.is_valid(), "a warning only");
}
