//! Service lists (GET Service List, `services.json` / `services.xml`) and service definitions
//! (GET Service Definition) as a [`Profile`].

use std::collections::HashMap;

use serde_json::{Map, Value};

use kommun_intl::model::Profile;
use kommun_intl::validate::{Ctx, rules};
use kommun_intl::{DocumentKind, Options, Report};

use crate::request::{Early, clean};
use crate::text::{Places, Pos, fail, merge, placed, shown_name};
use crate::xml::{Element, parse};
use crate::{Format, detect};

const SERVICE: &[&str] =
    &["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
const ATTRIBUTE: &[&str] = &[
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
    "values",
];

/// A profile read from an Open311 service list, with what the reading found.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceList {
    /// The profile, with the list's services (and the definitions' attributes); its id is
    /// `open311` until the caller names it.
    pub profile: Profile,
    /// Warnings (and errors, when the profile is unusable no profile is returned) with
    /// pointers into the profile's JSON.
    pub report: Report,
}

/// A service list or definition as JSON objects, with places (XML only) and whether the
/// values came as text.
struct Read {
    items: Vec<(Map<String, Value>, Option<Pos>)>,
    textual: bool,
    places: Vec<(String, Pos)>,
    /// Problems the reader found (a key given twice): the item, then as [`Record::early`].
    early: Vec<(usize, Early)>,
}

/// Reads a service list (JSON or XML) and any service definitions (each JSON or XML) as a
/// profile. Errors (an unreadable document, a definition for a service the list lacks, a
/// service the profile cannot hold) give the report instead.
pub fn profile_from_services(
    services: &[u8],
    definitions: &[&[u8]],
    options: &Options,
) -> Result<ServiceList, Report> {
    let list = read(services, "services", options)?;
    let mut early = vec![placed(options, &list.early, |ctx, (i, (field, rule, params, pos))| {
        ctx.field("services", |ctx| ctx.index(*i, |ctx| ctx.report_at(field, rule, params)));
        *pos
    })];
    let mut ctx = Ctx::new(options);
    let mut places = Places::default();
    let mut out = Vec::new();
    ctx.field("services", |ctx| {
        for (i, (item, pos)) in list.items.into_iter().enumerate() {
            if let Some(pos) = pos {
                places.push(format!("/services/{i}"), pos);
            }
            out.push(ctx.index(i, |ctx| service(ctx, item, list.textual)));
        }
    });
    // Each place of the list is `/{i}/...`, inside its service.
    for (p, pos) in list.places {
        places.push(format!("/services{p}"), pos);
    }
    // The first service of each code, as the definitions name them.
    let mut by_code: HashMap<String, usize> = HashMap::new();
    for (i, s) in out.iter().enumerate() {
        if let Some(code) = s.get("service_code").and_then(Value::as_str) {
            by_code.entry(code.to_owned()).or_insert(i);
        }
    }
    for text in definitions {
        let def = read(text, "service_definition", options)?;
        let attribute_places = attribute_places(&def.places);
        for (j, (item, pos)) in def.items.into_iter().enumerate() {
            let code =
                item.get("service_code").and_then(Value::as_str).map(|s| s.trim().to_owned());
            let Some(&i) = code.as_ref().and_then(|code| by_code.get(code)) else {
                let shown = shown_name(code.as_deref().unwrap_or_default(), None);
                return Err(fail(
                    options,
                    &rules::OPEN311_DEFINITION_UNKNOWN_SERVICE,
                    &[("code", shown)],
                    pos,
                ));
            };
            early.push(placed(options, &def.early, |ctx, (_, (field, rule, params, pos))| {
                ctx.field("services", |ctx| ctx.index(i, |ctx| ctx.report_at(field, rule, params)));
                *pos
            }));
            let attributes = ctx.field("services", |ctx| {
                ctx.index(i, |ctx| {
                    ctx.field("attributes", |ctx| definition(ctx, &item, def.textual))
                })
            });
            for (rest, pos) in attribute_places.get(&j).into_iter().flatten() {
                places.push(format!("/services/{i}/attributes{rest}"), *pos);
            }
            if !attributes.is_empty() {
                out[i].insert("attributes".to_owned(), Value::Array(attributes));
            }
        }
    }
    let mut profile = Map::new();
    profile.insert("id".to_owned(), Value::String("open311".to_owned()));
    profile
        .insert("services".to_owned(), Value::Array(out.into_iter().map(Value::Object).collect()));
    let value = Value::Object(profile);
    let checked = kommun_intl::validate_value(DocumentKind::Profile, &value, options);
    early.extend([ctx.finish(), checked]);
    let mut report = merge(early, options.max_issues);
    places.locate(&mut report, None);
    match serde_json::from_value::<Profile>(value) {
        Ok(profile) if report.is_valid() => Ok(ServiceList { profile, report }),
        _ => Err(report),
    }
}

/// The places of a definition's attributes (`/{j}/attributes...`), by the index `j` of the
/// definition they are in, each as what follows `attributes`.
fn attribute_places(places: &[(String, Pos)]) -> HashMap<usize, Vec<(&str, Pos)>> {
    let mut by_item: HashMap<usize, Vec<(&str, Pos)>> = HashMap::new();
    for (p, pos) in places {
        let Some((j, rest)) = p.strip_prefix('/').and_then(|p| p.split_once('/')) else {
            continue;
        };
        let Some(rest) = rest.strip_prefix("attributes") else { continue };
        if let (Ok(j), true) = (j.parse(), rest.is_empty() || rest.starts_with('/')) {
            by_item.entry(j).or_default().push((rest, *pos));
        }
    }
    by_item
}

/// Reads a JSON list (or one object) or an XML document whose root is `root`.
fn read(text: &[u8], root: &'static str, options: &Options) -> Result<Read, Report> {
    let not =
        |pos| fail(options, &rules::OPEN311_NOT_OPEN311, &[("expected", root.to_owned())], pos);
    if detect(text) != Format::Xml {
        let mut places = Vec::new();
        let mut early = Vec::new();
        let items = crate::json::records(text, options, root, None)?
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                early.extend(r.early.into_iter().map(|e| (i, e)));
                let mut m = Map::new();
                for (k, v, pos) in r.fields {
                    if let Some(pos) = pos {
                        places.push((format!("/{i}/{k}"), pos));
                    }
                    m.insert(k, v);
                }
                (m, r.pos)
            })
            .collect();
        return Ok(Read { items, textual: false, places, early });
    }
    let element = parse(text, options)?;
    let mut places = Vec::new();
    let items = match (root, element.name.as_str()) {
        ("services", "services") => element
            .all("service")
            .enumerate()
            .map(|(i, s)| (flat(s, &format!("/{i}"), &mut places), Some(s.pos)))
            .collect(),
        ("service_definition", "service_definition") => {
            let mut m = Map::new();
            for c in element.all("service_code") {
                m.insert(c.name.clone(), Value::String(c.text.clone()));
            }
            // Some servers leave out the `<attributes>` wrapper.
            let wrapped: Vec<&Element> =
                element.all("attributes").flat_map(|a| a.all("attribute")).collect();
            let list =
                if wrapped.is_empty() { element.all("attribute").collect() } else { wrapped };
            let attributes = list
                .into_iter()
                .enumerate()
                .map(|(i, a)| {
                    places.push((format!("/0/attributes/{i}"), a.pos));
                    Value::Object(flat(a, &format!("/0/attributes/{i}"), &mut places))
                })
                .collect();
            m.insert("attributes".to_owned(), Value::Array(attributes));
            vec![(m, Some(element.pos))]
        }
        _ => return Err(not(Some(element.pos))),
    };
    Ok(Read { items, textual: true, places, early: Vec::new() })
}

/// An element of texts as an object; `<values>` as a list of `{key, name}`.
fn flat(element: &Element, pointer: &str, places: &mut Vec<(String, Pos)>) -> Map<String, Value> {
    let mut m = Map::new();
    for c in &element.children {
        places.push((format!("{pointer}/{}", c.name), c.pos));
        let value = if c.name == "values" {
            let values = c.all("value").map(|v| {
                let mut kv = Map::new();
                for part in &v.children {
                    kv.insert(part.name.clone(), Value::String(part.text.clone()));
                }
                Value::Object(kv)
            });
            let values: Vec<Value> = values.collect();
            if values.is_empty() { Value::Null } else { Value::Array(values) }
        } else {
            Value::String(c.text.clone())
        };
        m.entry(c.name.clone()).or_insert(value);
    }
    m
}

/// One service of a list, as the profile's.
fn service(ctx: &mut Ctx, item: Map<String, Value>, textual: bool) -> Map<String, Value> {
    let mut out = Map::new();
    for (name, value) in item {
        if !SERVICE.contains(&name.as_str()) {
            let shown = shown_name(&name, None);
            ctx.report_at(&shown, &rules::OPEN311_FIELD_IGNORED, &[("field", shown.clone())]);
            continue;
        }
        let v = ctx.field(&name, |ctx| match name.as_str() {
            "metadata" => boolean(ctx, &name, value),
            "keywords" => keywords(ctx, value, textual),
            _ => clean(ctx, &name, value, textual),
        });
        if let Some(v) = v {
            out.insert(name, v);
        }
    }
    out
}

/// The attributes of a service definition.
fn definition(ctx: &mut Ctx, item: &Map<String, Value>, textual: bool) -> Vec<Value> {
    let Some(Value::Array(list)) = item.get("attributes") else { return Vec::new() };
    let mut out = Vec::new();
    for (i, a) in list.iter().enumerate() {
        let Value::Object(a) = a else {
            out.push(a.clone());
            continue;
        };
        let mut m = Map::new();
        ctx.index(i, |ctx| {
            for (name, value) in a.clone() {
                if !ATTRIBUTE.contains(&name.as_str()) {
                    let shown = shown_name(&name, None);
                    ctx.report_at(
                        &shown,
                        &rules::OPEN311_FIELD_IGNORED,
                        &[("field", shown.clone())],
                    );
                    continue;
                }
                let v = ctx.field(&name, |ctx| match name.as_str() {
                    "variable" | "required" => boolean(ctx, &name, value),
                    "order" => order(ctx, value),
                    "values" => Some(value).filter(|v| !v.is_null()),
                    _ => clean(ctx, &name, value, textual),
                });
                if let Some(v) = v {
                    m.insert(name, v);
                }
            }
        });
        out.push(Value::Object(m));
    }
    out
}

fn boolean(ctx: &mut Ctx, field: &str, value: Value) -> Option<Value> {
    match value {
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => {
                ctx.report(&rules::OPEN311_BOOLEAN_INVALID, &[("field", field.to_owned())]);
                None
            }
        },
        Value::Null => None,
        other => Some(other),
    }
}

fn order(ctx: &mut Ctx, value: Value) -> Option<Value> {
    match value {
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => {
            let Ok(n) = s.trim().parse::<u32>() else {
                ctx.report(&rules::OPEN311_NUMBER_INVALID, &[("field", "order".to_owned())]);
                return None;
            };
            Some(Value::from(n))
        }
        Value::Null => None,
        other => Some(other),
    }
}

/// Keywords: Open311 writes them as one comma-separated text.
fn keywords(ctx: &mut Ctx, value: Value, textual: bool) -> Option<Value> {
    match clean(ctx, "keywords", value, textual)? {
        Value::String(s) => {
            let words: Vec<Value> = s
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(|w| Value::String(w.to_owned()))
                .collect();
            (!words.is_empty()).then_some(Value::Array(words))
        }
        other => Some(other),
    }
}
