//! Property tests: generated valid values round-trip through JSON clean and equal, and mutated
//! documents never panic and always get a verdict (valid, or at least one issue).
//!
//! The number of cases defaults to 64 per property so that `make test` stays quick; set
//! `PROPTEST_CASES` for a longer run. The random seed is fixed so that CI is repeatable; set
//! `PROPTEST_RNG_SEED` to explore other inputs.

use std::collections::HashSet;
use std::hash::Hash;

use kommun_intl::codes::{CodeList, CountryCode, CurrencyCode};
use kommun_intl::model::project::{Budget, Grant};
use kommun_intl::model::{
    ActivityStatus, AgreementType, Amount, Channel, Contact, CooperationArea, Email,
    FaultReportStatus, FeedbackCategory, FeedbackStatus, FundingSource, FundingSourceType, Id,
    LocalizedText, LongText, Money, NameKind, PartialDate, PartnerBody, PartnerLevel,
    PartnershipStatus, Personal, Phone, PlaceName, Programme, ProgrammeCode, ServiceCode, Source,
    SubdivisionCode, Text, Timestamp, Url, WikidataId,
};
use kommun_intl::{
    Document, DocumentKind, FaultReport, Feedback, Options, Partnership, Project, Report,
    check_json, validate_value,
};
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};
use serde_json::Value;

use crate::prelude::fixtures;

pub fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(64);
    let seed =
        std::env::var("PROPTEST_RNG_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x6b69);
    ProptestConfig {
        cases,
        rng_seed: proptest::test_runner::RngSeed::Fixed(seed),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies for valid field values.

fn code<T: CodeList + std::fmt::Debug>() -> impl Strategy<Value = T> {
    select(T::all().to_vec())
}

/// Up to `max` distinct entries of a code list, at least one.
fn codes<T: CodeList + std::fmt::Debug>(max: usize) -> impl Strategy<Value = Vec<T>> {
    let all = T::all().to_vec();
    let max = max.min(all.len());
    subsequence(all, 1..=max)
}

fn country() -> impl Strategy<Value = CountryCode> {
    select(CountryCode::all().collect::<Vec<_>>())
}

fn currency() -> impl Strategy<Value = CurrencyCode> {
    select(CurrencyCode::all().collect::<Vec<_>>())
}

/// Keeps the first of equal entries, so that a generated list has no duplicates.
fn unique<T: Eq + Hash + Clone>(items: Vec<T>) -> Vec<T> {
    let mut seen = HashSet::new();
    items.into_iter().filter(|i| seen.insert(i.clone())).collect()
}

fn list<T: Eq + Hash + Clone + std::fmt::Debug>(
    item: impl Strategy<Value = T>,
    max: usize,
) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(item, 1..=max).prop_map(unique)
}

fn id() -> impl Strategy<Value = Id> {
    "[a-z0-9][a-z0-9_-]{0,30}".prop_map(Id::new)
}

fn regex(pattern: &str) -> impl Strategy<Value = String> + use<> {
    proptest::string::string_regex(pattern).expect("a valid pattern")
}

/// A character that may start or end a text: not white space (U+FEFF counts as white space),
/// not a control character.
const EDGE: &str = r"[^\s\p{Cc}\x{FEFF}]";

fn text() -> impl Strategy<Value = Text> {
    regex(&format!(r"{EDGE}(?:[^\p{{Cc}}]{{0,40}}{EDGE})?")).prop_map(Text::new)
}

fn long_text() -> impl Strategy<Value = LongText> {
    regex(&format!(r"{EDGE}(?:(?:[^\p{{Cc}}]|[\t\n\r]){{0,80}}{EDGE})?")).prop_map(LongText::new)
}

fn localized() -> impl Strategy<Value = LocalizedText> {
    (text(), prop::option::of(text())).prop_map(|(sv, en)| LocalizedText { sv, en })
}

/// A date known to the day, month, year or decade, in the given years.
fn partial_date(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = PartialDate> {
    (years, 0u8..4, 1u32..=12, 1u32..=28).prop_map(|(y, precision, m, d)| {
        PartialDate::new(match precision {
            0 => format!("{y:04}"),
            1 => format!("{y:04}-{m:02}"),
            2 => format!("{y:04}-{m:02}-{d:02}"),
            _ => format!("{:03}X", y / 10),
        })
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    let date = (1970i32..=2099, 1u32..=12, 1u32..=28);
    let time = (0u32..24, 0u32..60, 0u32..60, prop::option::of("[0-9]{1,9}"));
    let offset = prop_oneof![
        Just("Z".to_owned()),
        ("[+-]", 0u32..=14, select(vec![0u32, 30, 45]))
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}"))
    ];
    (date, time, offset).prop_map(|((y, mo, d), (h, mi, s, frac), offset)| {
        let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
        Timestamp::new(format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{frac}{offset}"))
    })
}

/// A host name. No `--` in it: `xn--` would start a punycode label, which random letters are not.
fn host() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5})?\\.(se|com|org|hu)"
}

fn https_url() -> impl Strategy<Value = Url> {
    (host(), "(/[a-z0-9._-]{1,8}){0,3}").prop_map(|(h, p)| Url::new(format!("https://{h}{p}")))
}

fn url() -> impl Strategy<Value = Url> {
    ("https?", host(), "(/[a-z0-9._-]{1,8}){0,3}")
        .prop_map(|(s, h, p)| Url::new(format!("{s}://{h}{p}")))
}

fn email() -> impl Strategy<Value = Email> {
    ("[a-z][a-z0-9]{0,10}(\\.[a-z0-9]{1,6})?", host())
        .prop_map(|(l, h)| Email::new(format!("{l}@{h}")))
}

/// Swedish mobile numbers in E.164 form.
fn phone() -> impl Strategy<Value = Phone> {
    "\\+467[02369][0-9]{7}".prop_map(Phone::new)
}

fn contact() -> impl Strategy<Value = Contact> {
    (prop::option::of(text()), prop::option::of(email()), prop::option::of(phone())).prop_map(
        |(name, email, phone)| Contact {
            name: name.map(Personal::new),
            email: email.map(Personal::new),
            phone: phone.map(Personal::new),
            ..Contact::default()
        },
    )
}

fn amount() -> impl Strategy<Value = Amount> {
    "(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?".prop_map(Amount::new)
}

fn source() -> impl Strategy<Value = Source> {
    (url(), prop::option::of(partial_date(1990..=2030)), prop::option::of(text()))
        .prop_map(|(url, retrieved, note)| Source { url, retrieved, note })
}

/// A country, with a subdivision of it that ISO 3166-2 has, where there is one.
fn country_and_subdivision() -> impl Strategy<Value = (CountryCode, Option<SubdivisionCode>)> {
    let known = ["US-IL", "SE-O", "HU-BK", "DE-BY", "FI-18", "CN-SC"];
    prop_oneof![
        country().prop_map(|c| (c, None)),
        select(known.to_vec()).prop_map(|s| {
            let country = CountryCode::from_code(&s[..2]).expect("a country");
            (country, Some(SubdivisionCode::new(s)))
        }),
    ]
}

fn partner() -> impl Strategy<Value = PartnerBody> {
    let leaf = (
        localized(),
        prop::option::of(list(text(), 3)),
        prop::option::of(code::<PartnerLevel>()),
        country_and_subdivision(),
        prop::option::of(code()),
        prop::option::of("Q[1-9][0-9]{0,9}".prop_map(WikidataId::new)),
    )
        .prop_map(
            |(name, former_names, level, (country, subdivision), former_country, wikidata)| {
                let names = former_names.map(|names: Vec<Text>| {
                    names
                        .into_iter()
                        .map(|name| PlaceName {
                            name,
                            lang: None,
                            kind: Some(NameKind::Former),
                            from: None,
                            until: None,
                        })
                        .collect()
                });
                PartnerBody {
                    name: Some(name),
                    names,
                    level,
                    country: Some(country),
                    former_country,
                    subdivision,
                    wikidata,
                    ..PartnerBody::default()
                }
            },
        );
    leaf.prop_recursive(2, 3, 1, |inner| {
        (inner.clone(), prop::option::of(inner)).prop_map(|(mut body, part_of)| {
            body.part_of = part_of.map(Box::new);
            body
        })
    })
}

fn funding() -> impl Strategy<Value = FundingSource> {
    (code::<FundingSourceType>(), prop::option::of(text())).prop_map(|(kind, name)| {
        let name =
            if kind.needs_name() { name.or_else(|| Some(Text::from("Stiftelsen"))) } else { name };
        FundingSource { kind, name }
    })
}

// ---------------------------------------------------------------------------------------------
// Strategies for valid documents.

fn feedback() -> impl Strategy<Value = Feedback> {
    (
        (
            prop::option::of(Just("../schemas/feedback.schema.json".to_owned())),
            prop::option::of(text()),
        ),
        code::<FeedbackCategory>(),
        long_text(),
        prop::option::of(id()),
        code::<Channel>(),
        timestamp(),
        prop::option::of(contact()),
        any::<bool>(),
        code::<FeedbackStatus>(),
    )
        .prop_map(
            |(
                (schema, id),
                category,
                description,
                concerns_unit,
                channel,
                at,
                contact,
                reply,
                status,
            )| {
                let wants_reply = reply && contact.as_ref().is_some_and(Contact::can_reply);
                Feedback {
                    schema,
                    id,
                    category,
                    description: Personal::new(description),
                    concerns_unit,
                    channel,
                    service: None,
                    submitted_at: at,
                    contact,
                    wants_reply,
                    status,
                }
            },
        )
}

fn fault_report() -> impl Strategy<Value = FaultReport> {
    // Inland Sweden (the lakes included), so that there is not even a warning.
    let coordinates = prop::option::of((57.5f64..=60.0, 12.5f64..=16.0));
    let services: Vec<ServiceCode> = kommun_intl::Profile::builtin()
        .services
        .iter()
        .map(|s| ServiceCode::new(s.service_code.as_str()))
        .collect();
    (
        (prop::option::of(text()), prop::option::of(Just("lidkoping.se".to_owned()))),
        prop::sample::select(services),
        (prop::option::of(long_text()), prop::option::of(text())),
        coordinates,
        (prop::option::of(text()), prop::option::of(text()), prop::option::of(text())),
        prop::option::of(https_url()),
        (prop::option::of(timestamp()), prop::option::of(timestamp())),
        prop::option::of(contact()),
        (code::<FaultReportStatus>(), prop::option::of(long_text()), prop::option::of(text())),
    )
        .prop_map(
            |(
                (id, jurisdiction),
                service_code,
                (description, title),
                coordinates,
                (address, address_id, zipcode),
                media_url,
                (requested, updated),
                contact,
                (status, status_notes, agency),
            )| {
                // A place is required: coordinates, an address or an address id.
                let address = if coordinates.is_none() && address_id.is_none() {
                    address.or_else(|| Some(Text::from("Skaragatan 8, Lidköping")))
                } else {
                    address
                };
                FaultReport {
                    service_request_id: id,
                    jurisdiction_id: jurisdiction.map(Text::new),
                    service_code,
                    title: title.map(Personal::new),
                    description: description.map(Personal::new),
                    lat: coordinates.map(|c| c.0),
                    long: coordinates.map(|c| c.1),
                    address,
                    address_id,
                    zipcode,
                    media_url,
                    requested_datetime: requested,
                    updated_datetime: updated,
                    contact,
                    status,
                    status_notes: status_notes.map(Personal::new),
                    agency_responsible: agency,
                    ..FaultReport::default()
                }
            },
        )
}

fn partnership() -> impl Strategy<Value = Partnership> {
    (
        (id(), partner(), prop::option::of(list(partner(), 2)), code::<AgreementType>()),
        (prop::option::of(codes::<CooperationArea>(4)), prop::option::of(list(funding(), 3))),
        // Start up to 2000, every later date after it, so that no end comes before the start.
        (
            prop::option::of(partial_date(1950..=2000)),
            prop::option::of(list(partial_date(2001..=2030), 3)),
            prop::option::of(partial_date(2001..=2040)),
        ),
        (prop::option::of(partial_date(2001..=2030)), prop::option::of(text())),
        code::<PartnershipStatus>(),
        (prop::option::of(text()), prop::option::of(list(source(), 2))),
    )
        .prop_map(
            |(
                (id, partner, other_parties, agreement_type),
                (areas, funding),
                (start, renewals, planned_end),
                (end, end_reason),
                status,
                (notes, sources),
            )| {
                // An end (or a reason for one) only for a partnership that has ended.
                let ended = status == PartnershipStatus::Ended;
                Partnership {
                    id,
                    partner,
                    other_parties,
                    agreement_type: Some(agreement_type),
                    areas,
                    funding,
                    start,
                    renewals,
                    planned_end,
                    end: end.filter(|_| ended),
                    end_reason: end_reason.filter(|_| ended),
                    status,
                    notes,
                    sources,
                    ..Partnership::default()
                }
            },
        )
}

fn project() -> impl Strategy<Value = Project> {
    (
        (id(), localized(), prop::option::of(text()), prop::option::of(long_text())),
        (prop::option::of(list(id(), 3)), prop::option::of(list(country(), 4))),
        (prop::option::of(code::<ProgrammeCode>()), any::<bool>(), code::<FundingSourceType>()),
        code::<ActivityStatus>(),
        (prop::option::of(partial_date(1990..=2015)), prop::option::of(partial_date(2016..=2040))),
        prop::option::of((amount(), currency(), any::<bool>()).prop_map(
            |(amount, currency, approximate)| Money { amount, currency, approximate, also: None },
        )),
        (prop::option::of(codes::<CooperationArea>(3)), prop::option::of(url())),
    )
        .prop_map(
            |(
                (id, title, acronym, description),
                (departments, participating_countries),
                (programme, with_funder, other),
                status,
                (start, end),
                grant,
                (areas, website),
            )| {
                // The funder must fit the programme, and the dates its years.
                let funder_type = with_funder
                    .then(|| programme.and_then(ProgrammeCode::funder_type).unwrap_or(other));
                let funders = funder_type.map(|kind| {
                    let name = kind.needs_name().then(|| Text::from("Stiftelsen Kulturstöd"));
                    vec![FundingSource { kind, name }]
                });
                let fits = programme.and_then(ProgrammeCode::years).is_none_or(|(from, to)| {
                    let year = |d: &Option<PartialDate>, default: i32| {
                        d.as_ref().map_or(default, |d| d.as_str()[..4].parse().unwrap_or(default))
                    };
                    year(&end, i32::MAX) >= from && year(&start, i32::MIN) <= to + 2
                });
                let (start, end) = if fits { (start, end) } else { (None, None) };
                let budget = grant.map(|amount| Budget {
                    grants: Some(vec![Grant { amount: Some(amount), ..Grant::default() }]),
                    ..Budget::default()
                });
                Project {
                    id,
                    title: Some(title),
                    acronym,
                    description,
                    departments,
                    participating_countries,
                    programme: programme.map(|code| Programme {
                        code,
                        name: (code == ProgrammeCode::Other).then(|| Text::from("Stadsprogrammet")),
                        ..Programme::new(code)
                    }),
                    funders,
                    status: Some(status),
                    start,
                    end,
                    budget,
                    areas,
                    website,
                    ..Project::default()
                }
            },
        )
}

// ---------------------------------------------------------------------------------------------
// Valid values round-trip.

fn assert_round_trip<T: Document + PartialEq + std::fmt::Debug>(value: &T) {
    let report = value.validate();
    assert!(report.is_clean(), "a generated value is not clean:\n{report}\n{value:#?}");
    for json in [serde_json::to_vec(value).unwrap(), serde_json::to_vec_pretty(value).unwrap()] {
        let (back, report) = check_json::<T>(&json, &Options::default());
        assert!(
            report.is_clean(),
            "its JSON is not clean:\n{report}{}",
            String::from_utf8_lossy(&json)
        );
        assert_eq!(back.as_ref(), Some(value), "it parses back different");
    }
    let tree = serde_json::to_value(value).unwrap();
    let report = validate_value(T::KIND, &tree, &Options::default());
    assert!(report.is_clean(), "as a parsed value it is not clean:\n{report}");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_feedback_round_trips(value in feedback()) {
        assert_round_trip(&value);
    }

    #[test]
    fn valid_fault_reports_round_trip(value in fault_report()) {
        assert_round_trip(&value);
    }

    #[test]
    fn valid_partnerships_round_trip(value in partnership()) {
        assert_round_trip(&value);
    }

    #[test]
    fn valid_projects_round_trip(value in project()) {
        assert_round_trip(&value);
    }
}

// ---------------------------------------------------------------------------------------------
// Mutated documents get a verdict.

/// A valid document of some kind: a generated value or a valid corpus fixture.
pub fn valid_document() -> impl Strategy<Value = (DocumentKind, Vec<u8>)> {
    let corpus: Vec<(DocumentKind, Vec<u8>)> = fixtures()
        .into_iter()
        .filter(|f| f.expected.is_none())
        .map(|f| (f.kind, f.bytes))
        .collect();
    prop_oneof![
        feedback().prop_map(|v| (DocumentKind::Feedback, pretty(&v))),
        fault_report().prop_map(|v| (DocumentKind::FaultReport, pretty(&v))),
        partnership().prop_map(|v| (DocumentKind::Partnership, pretty(&v))),
        project().prop_map(|v| (DocumentKind::Project, pretty(&v))),
        select(corpus),
    ]
}

fn pretty(value: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap()
}

/// One change to the bytes of a document.
#[derive(Clone, Debug)]
enum ByteEdit {
    Set(Index, u8),
    Delete(Index, usize),
    Insert(Index, Vec<u8>),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let hostile = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..4),
        select(
            [
                &b"\""[..],
                b"{",
                b"}",
                b"[",
                b"]",
                b",",
                b":",
                b"\\",
                b"\\u",
                b"null",
                b"NaN",
                b"1e999",
                b"\xEF\xBB\xBF",
                b"\xFF",
                b"\n"
            ]
            .map(<[u8]>::to_vec)
            .to_vec()
        ),
    ];
    prop_oneof![
        (any::<Index>(), any::<u8>()).prop_map(|(i, b)| ByteEdit::Set(i, b)),
        (any::<Index>(), 1usize..16).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (any::<Index>(), hostile).prop_map(|(i, b)| ByteEdit::Insert(i, b)),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &ByteEdit) {
    if bytes.is_empty() {
        return;
    }
    match edit {
        ByteEdit::Set(i, b) => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        ByteEdit::Delete(i, n) => {
            let at = i.index(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        ByteEdit::Insert(i, b) => {
            let at = i.index(bytes.len() + 1);
            bytes.splice(at..at, b.iter().copied());
        }
    }
}

/// One change to the parsed tree of a document.
#[derive(Clone, Debug)]
enum TreeEdit {
    /// Renames a member of an object.
    Rename(Index, String),
    /// Replaces a value by one of another type.
    Swap(Index, Value),
    /// Removes a member or an item.
    Remove(Index),
}

fn any_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
        Just(serde_json::json!(["x", 1])),
        Just(serde_json::json!({"sv": "x"})),
    ]
}

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        (any::<Index>(), "[a-z_$]{1,12}|\\PC{0,6}").prop_map(|(i, k)| TreeEdit::Rename(i, k)),
        (any::<Index>(), any_json()).prop_map(|(i, v)| TreeEdit::Swap(i, v)),
        any::<Index>().prop_map(TreeEdit::Remove),
    ]
}

/// Every JSON Pointer in a tree, parents first.
fn pointers(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![(String::new(), value)];
    while let Some((p, v)) = todo.pop() {
        match v {
            Value::Object(o) => {
                for (k, c) in o {
                    todo.push((format!("{p}/{}", k.replace('~', "~0").replace('/', "~1")), c));
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    todo.push((format!("{p}/{i}"), c));
                }
            }
            _ => {}
        }
        out.push(p);
    }
    out
}

fn split_pointer(p: &str) -> (&str, String) {
    let cut = p.rfind('/').unwrap_or(0);
    let last = p[cut..].trim_start_matches('/').replace("~1", "/").replace("~0", "~");
    (&p[..cut], last)
}

fn apply_tree(value: &mut Value, edit: &TreeEdit) {
    let all = pointers(value);
    match edit {
        TreeEdit::Swap(i, new) => {
            let p = &all[i.index(all.len())];
            if let Some(v) = value.pointer_mut(p) {
                *v = new.clone();
            }
        }
        TreeEdit::Rename(i, _) | TreeEdit::Remove(i) => {
            let members: Vec<&String> = all.iter().filter(|p| !p.is_empty()).collect();
            if members.is_empty() {
                return;
            }
            let (parent, last) = split_pointer(members[i.index(members.len())]);
            match value.pointer_mut(parent) {
                Some(Value::Object(o)) => {
                    if let Some(v) = o.shift_remove(&last)
                        && let TreeEdit::Rename(_, key) = edit
                    {
                        o.insert(key.clone(), v);
                    }
                }
                Some(Value::Array(a)) if matches!(edit, TreeEdit::Remove(_)) => {
                    if let Ok(n) = last.parse::<usize>()
                        && n < a.len()
                    {
                        a.remove(n);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The verdict is sound: a report is valid or has at least one issue, and an invalid one has
/// at least one error among its issues.
fn assert_verdict(report: &Report, what: &str) {
    if !report.is_valid() {
        assert!(
            report.errors().next().is_some(),
            "{what}: invalid without an error issue: {report:?}"
        );
    }
    for issue in &report.issues {
        assert!(issue.pointer.is_empty() || issue.pointer.starts_with('/'), "{what}: {issue:?}");
        let _ = issue.to_string();
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn byte_mutations_never_panic(
        (kind, doc) in valid_document(),
        edits in prop::collection::vec(byte_edit(), 1..6),
    ) {
        let mut bytes = doc;
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        let report = kind.validate_json(&bytes, &Options::default());
        assert_verdict(&report, "bytes");
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
            assert_verdict(&validate_value(kind, &value, &Options::default()), "value");
        }
    }

    #[test]
    fn tree_mutations_never_panic(
        (kind, doc) in valid_document(),
        edits in prop::collection::vec(tree_edit(), 1..4),
    ) {
        let mut value: Value = serde_json::from_slice(&doc).unwrap();
        for edit in &edits {
            apply_tree(&mut value, edit);
        }
        let by_value = validate_value(kind, &value, &Options::default());
        assert_verdict(&by_value, "value");
        let text = serde_json::to_vec_pretty(&value).unwrap();
        let by_text = kind.validate_json(&text, &Options::default());
        assert_verdict(&by_text, "text");
        for issue in &by_text.issues {
            assert!(issue.line.is_some(), "an issue from text without a position: {issue:?}");
        }
        // The same tree by text and by value: the same issues.
        let key = |r: &Report| {
            let mut v: Vec<_> = r.issues.iter().map(|i| (i.code, i.pointer.clone())).collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(&by_value), key(&by_text));
    }
}
