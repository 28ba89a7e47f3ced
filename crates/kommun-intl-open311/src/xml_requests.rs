//! GeoReport v2 XML: `<service_requests>` with `<request>` elements (GET Service Requests, GET
//! Service Request, the POST response), or one `<request>`.
//!
//! Open311 defines no XML form for answers or extensions; these are ours, written so that they
//! read back: `<attributes><attribute><code>c</code><value>v</value></attribute>` (several
//! values under `<values>`), and `extended_attributes` as nested elements (a key that is not
//! an XML name as `<member name="key">`, a list as repeated elements).

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
    for child in &request.children {
        if record.fields.iter().any(|(k, _, _)| *k == child.name) {
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

/// An element as JSON: its text when it has no children, else an object of its children
/// (repeated names as lists).
fn tree(element: &Element) -> Value {
    if element.children.is_empty() {
        return Value::String(element.text.clone());
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
                _ => element(&mut out, 2, name, None, value),
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
            element(out, 4, "code", None, code);
        }
        match a.get("value") {
            Some(Value::Array(values)) => {
                out.push_str("        <values>\n");
                for v in values {
                    element(out, 5, "value", None, v);
                }
                out.push_str("        </values>\n");
            }
            Some(v) => element(out, 4, "value", None, v),
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

/// One element at `depth` (two spaces a level): a text, or children for an object or list.
fn element(out: &mut String, depth: usize, name: &str, key: Option<&str>, value: &Value) {
    let indent = "  ".repeat(depth);
    let open = |out: &mut String| {
        out.push_str(&indent);
        out.push('<');
        out.push_str(name);
        if let Some(k) = key {
            out.push_str(" name=\"");
            escape(out, k);
            out.push('"');
        }
        out.push('>');
    };
    match value {
        Value::Array(items) => {
            for item in items {
                element(out, depth, name, key, item);
            }
        }
        Value::Object(members) => {
            open(out);
            out.push('\n');
            for (k, v) in members {
                if is_name(k) {
                    element(out, depth + 1, k, None, v);
                } else {
                    element(out, depth + 1, "member", Some(k), v);
                }
            }
            out.push_str(&indent);
            close(out, name);
        }
        Value::String(s) => {
            open(out);
            escape(out, s);
            close(out, name);
        }
        Value::Null => {
            open(out);
            close(out, name);
        }
        other => {
            open(out);
            out.push_str(&other.to_string());
            close(out, name);
        }
    }
}
