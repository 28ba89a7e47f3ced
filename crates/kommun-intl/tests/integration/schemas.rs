//! The published schemas: no drift, valid against the 2020-12 meta-schema, and in agreement
//! with the library on every corpus fixture (checked by an independent validator).

use std::collections::BTreeSet;

use kommun_intl::validate::rules::{self, Check};
use kommun_intl::{DocumentKind, Severity, schema};
use serde_json::Value;

use crate::prelude::{fixtures, root, updating};

#[test]
fn committed_schemas_match_the_code() {
    let dir = root().join("schemas");
    if updating() {
        schema::write_all(&dir, None).expect("write schemas");
    }
    if let Err(e) = schema::check_all(&dir) {
        panic!("{e}\n(or run `KOMMUN_INTL_UPDATE=1 cargo test`)");
    }
}

#[test]
fn drift_is_detected() {
    let dir = std::env::temp_dir().join(format!("kommun-intl-drift-{}", std::process::id()));
    schema::write_all(&dir, None).expect("write schemas");
    assert!(schema::check_all(&dir).is_ok());
    let file = dir.join(schema::file_name(DocumentKind::Feedback));
    let text = std::fs::read_to_string(&file).unwrap().replace("Praise", "Prise");
    std::fs::write(&file, text).unwrap();
    let err = schema::check_all(&dir).expect_err("an edited schema must fail the check");
    assert!(err.to_string().contains(schema::REGENERATE_COMMAND), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn schemas_are_valid_draft_2020_12_with_stable_ids() {
    let mut ids = BTreeSet::new();
    for kind in DocumentKind::ALL {
        let s = schema::schema_for(kind);
        if let Err(e) = jsonschema::meta::validate(s) {
            panic!("{kind}: not a valid schema: {e}");
        }
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let id = s["$id"].as_str().expect("$id");
        assert!(id.ends_with(&schema::file_name(kind)), "{id}");
        assert!(ids.insert(id.to_owned()), "duplicate $id {id}");
        assert_eq!(DocumentKind::from_schema_uri(id), Some(kind));
    }
}

fn collect_rules(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::Array(list)) = m.get("x-rules") {
                out.extend(list.iter().filter_map(Value::as_str).map(str::to_owned));
            }
            m.values().for_each(|v| collect_rules(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_rules(v, out)),
        _ => {}
    }
}

#[test]
fn x_rules_name_exactly_the_rules_json_schema_cannot_express() {
    let mut listed = BTreeSet::new();
    for kind in DocumentKind::ALL {
        collect_rules(schema::schema_for(kind), &mut listed);
    }
    let library: BTreeSet<String> =
        rules::ALL.iter().filter(|r| r.check == Check::Rule).map(|r| r.code.to_owned()).collect();
    let unknown: Vec<_> = listed.difference(&library).collect();
    let unlisted: Vec<_> = library.difference(&listed).collect();
    assert!(unknown.is_empty(), "x-rules name codes that are not library rules: {unknown:?}");
    assert!(unlisted.is_empty(), "rules missing from every schema's x-rules: {unlisted:?}");
}

#[test]
fn personal_fields_are_marked_in_the_schema() {
    let s = schema::schema_for(DocumentKind::Feedback);
    assert_eq!(s.pointer("/properties/description/x-personal-data"), Some(&Value::Bool(true)));
    let contact = &s["$defs"]["Contact"];
    assert_eq!(contact["x-personal-data"], true);
    for field in ["name", "email", "phone"] {
        assert_eq!(contact["properties"][field]["x-personal-data"], true, "Contact.{field}");
    }
    let f = schema::schema_for(DocumentKind::FaultReport);
    assert_eq!(f.pointer("/properties/description/x-personal-data"), Some(&Value::Bool(true)));
}

#[test]
fn code_lists_carry_both_labels() {
    let s = schema::schema_for(DocumentKind::Dataset);
    for (name, def) in s["$defs"].as_object().unwrap() {
        let Some(codes) = def.get("enum").and_then(Value::as_array) else { continue };
        let labels = def.get("x-labels").unwrap_or_else(|| panic!("{name} has no x-labels"));
        for code in codes {
            let l = &labels[code.as_str().unwrap()];
            assert!(l["sv"].is_string() && l["en"].is_string(), "{name}.{code} lacks a label");
        }
    }
}

/// Structural fixtures (an expected error from the schema's own keywords) must fail the schema;
/// semantic ones (every expected error a library rule) must pass it and fail the library.
#[test]
fn schema_and_library_agree_on_every_fixture() {
    let validators: Vec<_> = DocumentKind::ALL
        .iter()
        .map(|&k| {
            jsonschema::options()
                .should_validate_formats(true)
                .build(schema::schema_for(k))
                .expect("schema compiles")
        })
        .collect();
    let mut failures = Vec::new();
    let mut checked = 0;
    for f in fixtures() {
        let Ok(doc) = serde_json::from_slice::<Value>(&f.bytes) else {
            // Not JSON at all: no schema validator can read it; the library must reject it.
            assert!(f.invalid, "{} is not JSON but sits under valid/", f.name());
            continue;
        };
        let text_level = f
            .expected_issues()
            .iter()
            .any(|(code, _)| rules::Rule::by_code(code).is_some_and(|r| r.check == Check::Text));
        if text_level {
            // Duplicate keys, byte order marks and limits are below what a schema validator sees.
            continue;
        }
        let i = DocumentKind::ALL.iter().position(|&k| k == f.kind).unwrap();
        let schema_ok = validators[i].is_valid(&doc);
        let structural = f.expected_issues().iter().any(|(code, _)| {
            let rule = rules::Rule::by_code(code).unwrap_or_else(|| panic!("unknown code {code}"));
            rule.severity == Severity::Error && rule.check != Check::Rule
        });
        checked += 1;
        if schema_ok == structural {
            let errors: Vec<_> = validators[i].iter_errors(&doc).map(|e| e.to_string()).collect();
            failures.push(format!(
                "{}: schema says {}, library expects a {} fixture; schema errors: {errors:?}",
                f.name(),
                if schema_ok { "valid" } else { "invalid" },
                if structural { "structural" } else { "semantic or valid" }
            ));
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A profile's schema holds its codes as enums: the fixtures whose only errors are codes
/// outside the profile fail it, and the fixtures valid under the profile pass it.
#[test]
fn profile_schemas_reject_exactly_the_codes_outside_the_profile() {
    let outside = [
        rules::FAULT_REPORT_UNKNOWN_SERVICE.code,
        rules::FAULT_REPORT_UNKNOWN_STATUS.code,
        rules::FEEDBACK_CATEGORY_NOT_OFFERED.code,
        rules::FEEDBACK_CHANNEL_NOT_OFFERED.code,
        rules::FEEDBACK_UNKNOWN_UNIT.code,
    ];
    let mut checked = 0;
    for f in fixtures() {
        let Some(name) = f.expected.as_ref().and_then(|e| e.pointer("/options/profile")) else {
            continue;
        };
        let profile = crate::prelude::corpus_profile(name.as_str().expect("a profile name"));
        let schema = schema::schema_with_profile(f.kind, &profile);
        let v = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
        let doc: Value = serde_json::from_slice(&f.bytes).unwrap();
        let codes = f.expected_issues();
        let want_invalid = codes.iter().any(|(c, _)| outside.contains(&c.as_str()));
        let structural = codes
            .iter()
            .any(|(c, _)| rules::Rule::by_code(c).is_some_and(|r| r.check != Check::Rule));
        if structural {
            continue;
        }
        checked += 1;
        let errors: Vec<_> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert_eq!(!errors.is_empty(), want_invalid, "{}: {errors:?}", f.name());
    }
    assert!(checked >= 10, "only {checked} fixtures with a profile");
}

#[test]
fn examples_pass_their_schema() {
    for (file, kind) in [
        ("examples/lidkoping.json", DocumentKind::Dataset),
        ("examples/feedback.json", DocumentKind::Feedback),
        ("examples/feedback-anonymous.json", DocumentKind::Feedback),
        ("examples/fault-report.json", DocumentKind::FaultReport),
    ] {
        let doc: Value =
            serde_json::from_slice(&std::fs::read(root().join(file)).unwrap()).unwrap();
        let v = jsonschema::options()
            .should_validate_formats(true)
            .build(schema::schema_for(kind))
            .unwrap();
        let errors: Vec<_> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}
