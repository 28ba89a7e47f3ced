//! Hostile input: every case gets a clear issue, never a panic, a hang or a blown stack.

use kommun_intl::validate::Limits;
use kommun_intl::{DocumentKind, Options, Report};

use crate::prelude::fixtures;

const FEEDBACK: &str = r#"{"category": "praise", "description": "Bra!", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}"#;

fn check(kind: DocumentKind, text: &[u8]) -> Report {
    kind.validate_json(text, &Options::default())
}

fn codes(report: &Report) -> Vec<(&'static str, String)> {
    report.issues.iter().map(|i| (i.code, i.pointer.clone())).collect()
}

#[test]
fn deep_nesting_is_a_limit_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let report = check(DocumentKind::Feedback, deep.as_bytes());
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].code, "limits.depth");
    assert_eq!(
        report.issues[0].pointer,
        "/0".repeat(63),
        "the pointer names the level past the limit"
    );
    let inside = format!(r#"{{"category": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
    let report = check(DocumentKind::Feedback, inside.as_bytes());
    assert_eq!(report.issues[0].code, "limits.depth");
    let value: serde_json::Value =
        serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap();
    let report = kommun_intl::validate_value(DocumentKind::Feedback, &value, &Options::default());
    assert_eq!(report.issues[0].code, "limits.depth");
}

/// A partner that is part of a partner that is part of ... fits the model at any depth, so
/// the fast path holds recursive kinds to the depth limit too, as `validate_value` does.
#[test]
fn a_deep_chain_that_fits_the_model_still_meets_the_depth_limit() {
    fn chain(levels: usize) -> String {
        let mut partner = r#"{"name": {"sv": "Nordiska rådet"}, "level": "region"}"#.to_owned();
        for _ in 0..levels {
            partner = format!(
                r#"{{"name": {{"sv": "Del"}}, "level": "consortium", "part_of": {partner}}}"#
            );
        }
        format!(r#"{{"id": "kedja", "partner": {partner}, "agreement_type": "cooperation"}}"#)
    }
    assert!(kommun_intl::schema::is_recursive(DocumentKind::Partnership));
    assert!(kommun_intl::schema::is_recursive(DocumentKind::Dataset));
    assert!(!kommun_intl::schema::is_recursive(DocumentKind::Feedback));
    let options = Options::default();
    for (levels, deep) in [(20, false), (70, true)] {
        let text = chain(levels);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let from_text = check(DocumentKind::Partnership, text.as_bytes());
        let from_value = kommun_intl::validate_value(DocumentKind::Partnership, &value, &options);
        let depth = |r: &Report| r.issues.iter().any(|i| i.code == "limits.depth");
        assert_eq!(depth(&from_text), deep, "{levels} levels: {:?}", codes(&from_text));
        assert_eq!(depth(&from_value), deep, "{levels} levels: {:?}", codes(&from_value));
        assert_eq!(from_text.is_valid(), !deep, "{:?}", codes(&from_text));
    }
}

/// Numbers keep their value: a number is read as the nearest double, so writing the model out
/// and reading it back gives the same bytes (the fuzzer found a 55-digit longitude that drifted
/// by one unit in the last place when `serde_json` parsed numbers on its fast path). Here the
/// `jsonschema` dev-dependency also turns on `serde_json/float_roundtrip`, so the build users
/// get, which relies on the workspace's own feature, is checked by the Python test
/// `test_numbers_are_read_as_the_nearest_double` (the extension has no dev-dependencies) and by
/// the fuzz targets.
#[test]
fn numbers_survive_writing_out_and_reading_back() {
    let mut numbers = vec![
        "1444444444444444488888888888888888888888888888888888883.157".to_owned(),
        "58.50350000000000000000000000001".to_owned(),
        "0.1".to_owned(),
        "2.2250738585072011e-308".to_owned(),
        "9007199254740993".to_owned(),
    ];
    // Digits of every length around the 17 that a double holds.
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    for len in 1..=40 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let digits: String = format!("{x}{x}{x}").chars().take(len).collect();
        numbers.push(format!("1.{digits}e{}", x % 300));
    }
    for n in numbers {
        let text = format!(
            r#"{{"service_code": "belysning", "lat": 58.5, "long": {n}, "requested_datetime": "2026-11-27T18:42:00+01:00"}}"#
        );
        let (value, _) = kommun_intl::check_json::<kommun_intl::FaultReport>(
            text.as_bytes(),
            &Options::default(),
        );
        let value = value.unwrap_or_else(|| panic!("{n} fits the model"));
        let once = serde_json::to_vec(&value).unwrap();
        let again: kommun_intl::FaultReport = serde_json::from_slice(&once).unwrap();
        assert_eq!(serde_json::to_vec(&again).unwrap(), once, "{n} drifted");
        let exact: f64 = n.parse().unwrap();
        assert_eq!(value.long, Some(exact), "{n} was not read as the nearest double");
    }
}

#[test]
fn huge_documents_and_strings_hit_their_limits() {
    let big =
        format!(r#"{{"category": "praise", "description": "{}"}}"#, "a".repeat(100 * 1024 * 1024));
    let report = check(DocumentKind::Feedback, big.as_bytes());
    assert_eq!(report.issues.len(), 1);
    assert_eq!(report.issues[0].code, "limits.document_size");
    let loose = Options {
        limits: Limits { max_document_size: usize::MAX, ..Limits::default() },
        ..Options::default()
    };
    let report = DocumentKind::Feedback.validate_json(big.as_bytes(), &loose);
    assert_eq!(codes(&report), [("limits.string_length", "/description".to_owned())]);
}

#[test]
fn a_million_items_is_the_array_limit() {
    let items = vec!["0"; 1_000_001].join(",");
    let doc = format!(r#"{{"category": "praise", "media": [{items}]}}"#);
    let report = check(DocumentKind::Feedback, doc.as_bytes());
    // `media` is no field of a feedback, nor near one: in a kind that holds personal data
    // such a key may be someone's and is masked, in the pointer too.
    assert_eq!(codes(&report), [("limits.array_length", "/xxxxx/1000000".to_owned())]);
}

#[test]
fn long_valid_lists_are_checked_in_linear_time() {
    let areas = vec![r#""culture""#; 200_000].join(",");
    let doc = format!(
        r#"{{"id": "x", "partner": {{"name": {{"sv": "X"}}, "level": "city", "country": "HU"}}, "agreement_type": "twinning", "areas": [{areas}]}}"#
    );
    let report = check(DocumentKind::Partnership, doc.as_bytes());
    assert_eq!(report.error_count(), 199_999);
    assert_eq!(report.issues.len(), kommun_intl::validate::DEFAULT_MAX_ISSUES);
}

#[test]
fn encoding_problems_are_named() {
    let mut bad = FEEDBACK.as_bytes().to_vec();
    bad[40] = 0xFF;
    let report = check(DocumentKind::Feedback, &bad);
    assert_eq!(report.issues[0].code, "json.invalid_utf8");
    assert_eq!(report.issues[0].params["offset"], "40");

    let with_bom = [b"\xEF\xBB\xBF".as_slice(), FEEDBACK.as_bytes()].concat();
    let report = check(DocumentKind::Feedback, &with_bom);
    assert_eq!(codes(&report), [("json.byte_order_mark", String::new())]);
    assert!(report.is_valid());
}

#[test]
fn numbers_json_cannot_hold_are_named() {
    for (text, code) in [
        (r#"{"service_code": "klotter", "lat": NaN, "long": 13.1}"#, "json.non_finite_number"),
        (
            r#"{"service_code": "klotter", "lat": -Infinity, "long": 13.1}"#,
            "json.non_finite_number",
        ),
        (r#"{"service_code": "klotter", "lat": 1e400, "long": 13.1}"#, "json.number_out_of_range"),
    ] {
        let report = check(DocumentKind::FaultReport, text.as_bytes());
        assert_eq!(report.issues[0].code, code, "{text}");
    }
    let wide = r#"{"service_code": "klotter", "lat": 123456789012345678901234567890, "long": 13.1, "requested_datetime": "2026-11-28T09:30:00+01:00"}"#;
    let report = check(DocumentKind::FaultReport, wide.as_bytes());
    assert_eq!(codes(&report), [("coordinates.out_of_range", "/lat".to_owned())]);
}

#[test]
fn duplicate_keys_are_found_at_any_level() {
    let top = r#"{"category": "praise", "category": "question", "description": "Bra!", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}"#;
    assert_eq!(
        codes(&check(DocumentKind::Feedback, top.as_bytes())),
        [("json.duplicate_key", "/category".to_owned())]
    );
    let nested = r#"{"category": "praise", "description": "Bra!", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00", "contact": {"email": "a@example.se", "email": "b@example.se"}}"#;
    let report = check(DocumentKind::Feedback, nested.as_bytes());
    assert_eq!(codes(&report), [("json.duplicate_key", "/contact/email".to_owned())]);
    assert!(!report.to_string().contains("example.se"), "a personal value leaked");
}

#[test]
fn empty_truncated_and_non_object_documents() {
    assert_eq!(check(DocumentKind::Feedback, b"").issues[0].code, "json.empty");
    assert_eq!(check(DocumentKind::Feedback, b"  \n ").issues[0].code, "json.empty");
    assert_eq!(
        check(DocumentKind::Feedback, &FEEDBACK.as_bytes()[..50]).issues[0].code,
        "json.truncated"
    );
    for text in ["[]", "\"x\"", "42", "null", "true"] {
        let report = check(DocumentKind::Feedback, text.as_bytes());
        assert_eq!(codes(&report), [("structure.wrong_type", String::new())], "{text}");
    }
}

/// Every corpus document, cut short at many points and with bytes flipped: never a panic, and
/// always either valid or at least one issue.
#[test]
fn mutated_corpus_documents_never_panic() {
    let mut runs = 0;
    for f in fixtures() {
        let len = f.bytes.len();
        let step = (len / 40).max(1);
        for cut in (0..f.bytes.trim_ascii_end().len()).step_by(step) {
            let report = f.kind.validate_json(&f.bytes[..cut], &Options::default());
            assert!(!report.is_valid(), "{} cut at {cut} is valid", f.name());
            runs += 1;
        }
        for (n, at) in (0..len).step_by(step).enumerate() {
            let mut bytes = f.bytes.clone();
            bytes[at] = [b'"', b'{', b']', b'\\', 0xC3, b'0', b',', b' '][n % 8];
            let report = f.kind.validate_json(&bytes, &Options::default());
            assert!(report.is_valid() || !report.issues.is_empty(), "{} mutated at {at}", f.name());
            runs += 1;
        }
    }
    assert!(runs > 0);
}

/// Found by the fuzzer: `serde_json` counts columns in bytes and puts an error right after a
/// line break at column 0; issues count columns in characters, from 1.
#[test]
fn syntax_error_positions_are_characters_from_one() {
    let cut = b"{\n  \"category\": \"praise\",\n";
    let report = check(DocumentKind::Feedback, cut);
    assert_eq!(codes(&report), [("json.truncated", String::new())]);
    assert_eq!((report.issues[0].line, report.issues[0].column), (Some(3), Some(1)));

    let text = "{\"description\": \"åäö\" x}";
    let report = check(DocumentKind::Feedback, text.as_bytes());
    assert_eq!(report.issues[0].code, "json.syntax");
    let column = text.chars().position(|c| c == 'x').unwrap() + 1;
    assert_eq!(
        (report.issues[0].line, report.issues[0].column),
        (Some(1), u32::try_from(column).ok())
    );
}

/// Found while writing the fuzz invariants: the parsed tree keeps only the last of a repeated
/// key, so the personal values of the earlier ones were left out of the spans the CLI masks.
#[test]
fn personal_values_under_repeated_keys_are_masked() {
    let text = r#"{"category": "praise", "description": "Anna Svensson", "description": "B",
  "contact": {"phone": "0701234567"}, "contact": {"name": "Karl Karlsson", "name": "C"}}"#;
    let spans = kommun_intl::personal::spans(
        Some(DocumentKind::Feedback),
        kommun_intl::personal::Trust::Told,
        text.as_bytes(),
    );
    let masked = kommun_intl::personal::mask_ranges(text, &spans);
    for secret in ["Anna", "Karl", "0701234567"] {
        assert!(!masked.contains(secret), "{secret} shows in {masked}");
    }
}

/// Found while reviewing what the fuzzer cannot reach (its inputs are a few kilobytes): "did you
/// mean" compared every unknown key and code with every candidate in quadratic time, so a few
/// megabyte-long keys took many seconds. A candidate whose length alone rules it out is skipped.
#[test]
fn long_unknown_keys_and_codes_are_quick() {
    let key = "k".repeat(256 * 1024);
    let members: Vec<String> = (0..4).map(|i| format!(r#""{key}{i}": 1"#)).collect();
    let long = "p".repeat(256 * 1024);
    let doc = format!(r#"{{"category": "{long}", "channel": "{long}", {}}}"#, members.join(", "));
    let start = std::time::Instant::now();
    let report = check(DocumentKind::Feedback, doc.as_bytes());
    let elapsed = start.elapsed();
    let count = |code: &str| report.issues.iter().filter(|i| i.code == code).count();
    assert_eq!(count("structure.unknown_field"), 4);
    assert_eq!(count("structure.unknown_code"), 2);
    assert!(report.issues.iter().all(|i| i.suggestion().is_none()));
    assert!(elapsed.as_secs() < 5, "took {elapsed:?}");
}

#[test]
fn a_located_issue_past_the_cap_does_not_move_a_kept_one() {
    // Two duplicate keys with a cap of one: the second is only counted, and the first keeps
    // its own position.
    let text = b"{\"category\": \"praise\", \"category\": \"praise\", \"description\": \"Bra!\",\n \"submitted_at\": \"2026-11-28T09:30:00+01:00\", \"channel\": \"web\", \"channel\": \"web\"}";
    let options = Options { max_issues: 1, ..Options::default() };
    let report = DocumentKind::Feedback.validate_json(text, &options);
    assert_eq!(report.truncated_count, 1);
    assert_eq!(report.issues[0].pointer, "/category");
    assert_eq!((report.issues[0].line, report.issues[0].column), (Some(1), Some(24)));
}

/// The time `f` takes at each size, best of five (the least disturbed by the rest of the
/// machine: under a load of several times the cores, best of three still flaked).
fn timings(sizes: [usize; 3], f: impl Fn(usize)) -> [f64; 3] {
    sizes.map(|n| {
        (0..5)
            .map(|_| {
                let t = std::time::Instant::now();
                f(n);
                t.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    })
}

/// Fails when the time at four times the size is more than two and a half times what linear
/// growth gives (linear: 4x, quadratic: 16x), leaving room for a busy machine.
fn assert_linear(what: &str, t: [f64; 3]) {
    let ratio = t[2] / t[0].max(1e-4);
    assert!(ratio < 10.0, "{what} grows faster than linear: {t:?} (x{ratio:.1} for 4x the size)");
}

/// Former quadratic cases of the explaining path, all on one line as web forms send them:
/// many repeated keys, and many issues on one line (each located by its column).
#[test]
fn one_line_documents_are_explained_in_linear_time() {
    let options = Options { max_issues: usize::MAX, ..Options::default() };
    let repeated = |n: usize| {
        let members: Vec<String> = (0..n).map(|_| r#""category": "praise""#.to_owned()).collect();
        format!("{{{}}}", members.join(", "))
    };
    let t = timings([3_000, 6_000, 12_000], |n| {
        let text = repeated(n);
        let report = DocumentKind::Feedback.validate_json(text.as_bytes(), &options);
        assert_eq!(report.issues.iter().filter(|i| i.code == "json.duplicate_key").count(), n - 1);
        assert!(report.issues.iter().all(|i| i.line == Some(1)));
    });
    assert_linear("repeated keys", t);
    let unknown = |n: usize| {
        let members: Vec<String> = (0..n).map(|i| format!(r#""f{i}": {i}"#)).collect();
        format!("{{{}}}", members.join(", "))
    };
    let t = timings([3_000, 6_000, 12_000], |n| {
        let text = unknown(n);
        let report = DocumentKind::Partnership.validate_json(text.as_bytes(), &options);
        let last = report.issues.iter().filter_map(|i| i.column).max().unwrap();
        assert!(last as usize > text.len() - 20, "the last issue is at the end of the line");
    });
    assert_linear("issues on one line", t);
}

/// A register's references (`replaces`, `network`, a project's `partnership` and `networks`)
/// are looked up in the ids of the register, not searched for one by one: n partnerships that
/// each name another, n networks and n projects that name them (a list search made this
/// quadratic).
#[test]
fn a_registers_references_are_checked_in_linear_time() {
    let register = |n: usize| {
        let networks: Vec<String> = (0..n)
            .map(|i| {
                format!(r#"{{"id": "n{i}", "name": {{"sv": "Nätverk {i}"}}, "kind": "ring"}}"#)
            })
            .collect();
        let partnerships: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "p{i}", "partner": {{"name": {{"sv": "Ort {i}"}}, "country": "FI"}}, "network": "n{i}", "replaces": ["p{}"]}}"#,
                    n - 1 - i
                )
            })
            .collect();
        let projects: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"id": "q{i}", "title": {{"sv": "Projekt {i}"}}, "status": "pipeline", "partnership": "p{i}", "networks": ["n{i}"]}}"#
                )
            })
            .collect();
        format!(
            r#"{{"municipality": {{"id": "sigtuna", "name": {{"sv": "Sigtuna kommun"}}, "municipality_code": "0191"}}, "networks": [{}], "partnerships": [{}], "projects": [{}]}}"#,
            networks.join(","),
            partnerships.join(","),
            projects.join(",")
        )
    };
    let texts = [4_000, 8_000, 16_000].map(register);
    // `timings` is given the index of each size's text, built beforehand.
    let t = timings([0, 1, 2], |i| {
        let report = check(DocumentKind::Dataset, texts[i].as_bytes());
        assert!(report.is_valid(), "{report}");
    });
    assert_linear("a register's references", t);
}

/// Limits hold on the fast path as on the explaining one: a document that fits the model but
/// holds a string, an array or a nesting past the limits gets the same issue either way.
#[test]
fn limits_are_the_same_on_both_paths() {
    let big_schema =
        format!(r#"{{"$schema": "{}", {}"#, "x".repeat(2 * 1024 * 1024), &FEEDBACK[1..]);
    let report = check(DocumentKind::Feedback, big_schema.as_bytes());
    assert_eq!(codes(&report), [("limits.string_length", "/$schema".to_owned())]);
    let broken = big_schema.replace("\"praise\"", "\"beröm\"");
    let report = check(DocumentKind::Feedback, broken.as_bytes());
    assert_eq!(codes(&report), [("limits.string_length", "/$schema".to_owned())]);
    let tight = Options {
        limits: Limits { max_array_length: 3, max_string_length: 8, ..Limits::default() },
        ..Options::default()
    };
    let media = r#"{"service_code": "klotter", "lat": 58.5, "long": 13.1, "requested_datetime": "2026-11-28T09:30:00+01:00", "extended_attributes": {"media_urls": ["https://a.se/1", "https://a.se/2", "https://a.se/3", "https://a.se/4"]}}"#;
    let report = DocumentKind::FaultReport.validate_json(media.as_bytes(), &tight);
    assert_eq!(report.issues[0].code, "limits.string_length", "{report}");
    let value: serde_json::Value = serde_json::from_str(&big_schema).unwrap();
    let report = kommun_intl::validate_value(DocumentKind::Feedback, &value, &Options::default());
    assert_eq!(codes(&report), [("limits.string_length", "/$schema".to_owned())]);
}
