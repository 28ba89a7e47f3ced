//! GeoReport v2 XML: `<service_requests>` with `<request>` elements (GET Service Requests, GET
//! Service Request, the POST response), or one `<request>`.
//!
//! Open311 defines no XML form for answers or extensions; these are ours, written so that they
//! read back: `<attributes><attribute><code>c</code><value>v</value></attribute>` (several
//! values under `<values>`), and `extended_attributes` as nested elements (a key that is not
//! an XML name as `<member name="key">`). XML has only texts, so inside `extended_attributes`
//! a `type` attribute says what JSON type a value that is not a text has: `type="number"`,
//! `"boolean"`, `"null"`, `"object"` (for an empty one) and `"array"`, whose items are its
//! `<item>` children. Read back, these are exactly the JSON written; XML without them (what
//! servers write) reads as texts, repeated elements as a list and a single one as its value.

use std::collections::HashSet;

use serde_json::{Map, Value};

use kommun_intl::validate::rules;
use kommun_intl::{Options, Report};

use crate::request::Record;
use crate::text::{fail, shown_name};
use crate::xml::{Element, escape, is_name, parse};

/// The records of an XML document of service requests.
pub(crate) fn records(input: &[u8], options: &Options) -> Result<Vec<Record>, Report> {
    let root = parse(input, options)?;
    let requests: Vec<&Element> = match root.name.as_str() {
        "service_requests" | "requests" => root.all("request").collect(),
        "request" | "service_request" => vec![&root],
        _ => {
            let expected = "service_requests".to_owned();
            return Err(fail(
                options,
                &rules::OPEN311_NOT_OPEN311,
                &[("expected", expected)],
                Some(root.pos),
            ));
        }
    };
    Ok(requests.into_iter().map(record).collect())
}

fn record(request: &Element) -> Record {
    let mut record = Record { textual: true, pos: Some(request.pos), ..Record::default() };
    // The names read so far: a search of the fields for each child was quadratic.
    let mut seen: HashSet<&str> = HashSet::new();
    for child in &request.children {
        if !seen.insert(&child.name) {
            let shown = shown_name(&child.name, Some(crate::request::FIELDS));
            record.early.push((
                child.name.clone(),
                &rules::OPEN311_DUPLICATE_FIELD,
                vec![("field", shown)],
                Some(child.pos),
            ));
            continue;
        }
        let value = match child.name.as_str() {
            "attributes" => answers(child),
            "extended_attributes" => tree(child),
            _ if !child.children.is_empty() => tree(child),
            _ => Value::String(child.text.clone()),
        };
        record.fields.push((child.name.clone(), value, Some(child.pos)));
    }
    record
}

/// `<attributes>` as the fault report's list of answers.
fn answers(element: &Element) -> Value {
    let list = element
        .all("attribute")
        .map(|a| {
            let text = |name: &str| a.all(name).next().map(|e| Value::String(e.text.clone()));
            let value = match a.all("values").next() {
                Some(values) => Value::Array(
                    values.all("value").map(|v| Value::String(v.text.clone())).collect(),
                ),
                None => text("value").unwrap_or(Value::Null),
            };
            let mut m = Map::new();
            m.insert("code".to_owned(), text("code").unwrap_or(Value::Null));
            m.insert("value".to_owned(), value);
            Value::Object(m)
        })
        .collect();
    Value::Array(list)
}

/// An element as JSON: the type its `type` attribute says; without one, its text when it has
/// no children, else an object of its children (repeated names as lists). A `type` whose text
/// is not of that type leaves the text.
fn tree(element: &Element) -> Value {
    let text = || Value::String(element.text.clone());
    match element.kind.as_deref() {
        Some("array") => return Value::Array(element.children.iter().map(tree).collect()),
        Some("null") => return Value::Null,
        Some("object") if element.children.is_empty() => return Value::Object(Map::new()),
        Some("number") => {
            return serde_json::from_str::<serde_json::Number>(element.text.trim())
                .map_or_else(|_| text(), Value::Number);
        }
        Some("boolean") => {
            return match element.text.trim() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => text(),
            };
        }
        _ => {}
    }
    if element.children.is_empty() {
        return text();
    }
    let mut out = Map::new();
    for child in &element.children {
        let key = match (&child.key, child.name.as_str()) {
            (Some(k), "member") => k.clone(),
            _ => child.name.clone(),
        };
        let value = tree(child);
        match out.get_mut(&key) {
            Some(Value::Array(list)) => list.push(value),
            Some(first) => {
                let first = first.take();
                out.insert(key, Value::Array(vec![first, value]));
            }
            None => {
                out.insert(key, value);
            }
        }
    }
    Value::Object(out)
}

/// Writes requests as a GeoReport XML document.
pub(crate) fn write(requests: &[Vec<(&'static str, Value)>]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests>\n");
    for fields in requests {
        out.push_str("  <request>\n");
        for (name, value) in fields {
            match *name {
                "attributes" => write_answers(&mut out, value),
                "extended_attributes" => typed(&mut out, 2, name, None, value),
                _ => element(&mut out, 2, name, value),
            }
        }
        out.push_str("  </request>\n");
    }
    out.push_str("</service_requests>\n");
    out
}

fn write_answers(out: &mut String, value: &Value) {
    out.push_str("    <attributes>\n");
    for a in value.as_array().into_iter().flatten() {
        out.push_str("      <attribute>\n");
        if let Some(code) = a.get("code") {
            element(out, 4, "code", code);
        }
        match a.get("value") {
            Some(Value::Array(values)) => {
                out.push_str("        <values>\n");
                for v in values {
                    element(out, 5, "value", v);
                }
                out.push_str("        </values>\n");
            }
            Some(v) => element(out, 4, "value", v),
            None => {}
        }
        out.push_str("      </attribute>\n");
    }
    out.push_str("    </attributes>\n");
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// One element at `depth` (two spaces a level) of a spec field: its text (a number as
/// written); an object or list, which only extensions have, as [`typed`] writes it.
fn element(out: &mut String, depth: usize, name: &str, value: &Value) {
    let text = match value {
        Value::Array(_) | Value::Object(_) => return typed(out, depth, name, None, value),
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    out.push_str(&"  ".repeat(depth));
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape(out, &text);
    close(out, name);
}

/// One element inside `extended_attributes` at `depth`, its JSON type said where it is not a
/// text (see the module's docs).
fn typed(out: &mut String, depth: usize, name: &str, key: Option<&str>, value: &Value) {
    let indent = "  ".repeat(depth);
    let open = |out: &mut String, kind: Option<&str>, empty: bool| {
        out.push_str(&indent);
        out.push('<');
        out.push_str(name);
        if let Some(k) = key {
            out.push_str(" name=\"");
            escape(out, k);
            out.push('"');
        }
        if let Some(kind) = kind {
            out.push_str(" type=\"");
            out.push_str(kind);
            out.push('"');
        }
        out.push_str(if empty { "/>\n" } else { ">" });
    };
    let children =
        |out: &mut String, kind: Option<&str>, items: &mut dyn Iterator<Item = (&str, &Value)>| {
            open(out, kind, false);
            out.push('\n');
            for (k, v) in items {
                if is_name(k) {
                    typed(out, depth + 1, k, None, v);
                } else {
                    typed(out, depth + 1, "member", Some(k), v);
                }
            }
            out.push_str(&indent);
            close(out, name);
        };
    match value {
        Value::Array(items) if items.is_empty() => open(out, Some("array"), true),
        Value::Array(items) => {
            children(out, Some("array"), &mut items.iter().map(|v| ("item", v)));
        }
        Value::Object(members) if members.is_empty() => open(out, Some("object"), true),
        Value::Object(members) => {
            children(out, None, &mut members.iter().map(|(k, v)| (k.as_str(), v)));
        }
        Value::Null => open(out, Some("null"), true),
        Value::String(s) => {
            open(out, None, false);
            escape(out, s);
            close(out, name);
        }
        Value::Number(n) => {
            open(out, Some("number"), false);
            out.push_str(&n.to_string());
            close(out, name);
        }
        Value::Bool(b) => {
            open(out, Some("boolean"), false);
            out.push_str(if *b { "true" } else { "false" });
            close(out, name);
        }
    }
}
