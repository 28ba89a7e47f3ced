//! GeoReport v2 JSON: a list of requests (GET Service Requests, GET Service Request, the POST
//! response), or one request object.

use serde_json::{Map, Value};

use kommun_intl::locate::spans;
use kommun_intl::validate::limits::duplicate_keys;
use kommun_intl::validate::rules;
use kommun_intl::{Options, Report};

use crate::request::Record;
use crate::text::{Lines, fail, prepare, shown_name};

/// Parses JSON text within the limits, with JSON's own issues for what is wrong with it.
pub(crate) fn parse(input: &[u8], options: &Options) -> Result<(Value, usize), Report> {
    let (text, skipped) = prepare(input, options, &rules::JSON_INVALID_UTF8)?;
    if text.trim().is_empty() {
        return Err(fail(options, &rules::JSON_EMPTY, &[], None));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(v) => Ok((v, skipped)),
        Err(e) => {
            let offset = lines_offset(text, e.line(), e.column());
            let pos = Some(Lines::new(input).pos(skipped + offset));
            let message = e.to_string();
            let detail = message.split(" at line ").next().unwrap_or_default().to_owned();
            Err(if e.is_eof() {
                fail(options, &rules::JSON_TRUNCATED, &[], pos)
            } else if detail.contains("recursion limit") {
                let max = options.limits.max_depth.min(128).to_string();
                fail(options, &rules::LIMIT_DEPTH, &[("max", max)], pos)
            } else {
                fail(options, &rules::JSON_SYNTAX, &[("detail", detail)], pos)
            })
        }
    }
}

/// The byte offset of serde_json's 1-based line and (byte) column.
fn lines_offset(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// The records of a JSON document: each object of the top-level list, or the one object, with
/// the place of each field.
/// `expected` names the document for the issue when it is not a list of objects; a key given
/// twice is an early `json.duplicate_key` of its record, its name shown when it is (or is
/// near) one of `known`, or (`None`, public documents) when it is plain.
pub(crate) fn records(
    input: &[u8],
    options: &Options,
    expected: &'static str,
    known: Option<&[&str]>,
) -> Result<Vec<Record>, Report> {
    let (value, skipped) = parse(input, options)?;
    let (objects, prefix): (Vec<Map<String, Value>>, bool) = match value {
        Value::Array(items) => {
            let mut objects = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::Object(o) => objects.push(o),
                    _ => return Err(not_a(expected, options)),
                }
            }
            (objects, true)
        }
        Value::Object(o) => (vec![o], false),
        _ => return Err(not_a(expected, options)),
    };
    // One scan of the text finds every field's key.
    let text = &input[skipped..];
    let mut pointers = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        let base = if prefix { format!("/{i}") } else { String::new() };
        pointers.push(base.clone());
        for k in o.keys() {
            let mut p = base.clone();
            kommun_intl_push_segment(&mut p, k);
            pointers.push(p);
        }
    }
    let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
    let found = spans(text, &refs);
    let lines = Lines::new(input);
    let mut at =
        found.into_iter().map(|s| s.map(|s| lines.pos(skipped + s.key.unwrap_or(s.value).start)));
    let mut records: Vec<Record> = objects
        .into_iter()
        .map(|o| {
            let pos = at.next().flatten();
            let fields = o.into_iter().map(|(k, v)| (k, v, at.next().flatten())).collect();
            Record { fields, textual: false, pos, early: Vec::new() }
        })
        .collect();
    // The parsed tree kept the last of a repeated key; the core's scan finds the others.
    for (pointer, offset) in duplicate_keys(text) {
        let mut segments = pointer.split('/').skip(1).map(unescape);
        let index = if prefix { segments.next().and_then(|i| i.parse().ok()) } else { Some(0) };
        let (Some(record), Some(field)) = (index.and_then(|i| records.get_mut(i)), segments.next())
        else {
            continue;
        };
        let key = segments.last().unwrap_or_else(|| field.clone());
        let shown = shown_name(&key, known);
        let pos = Some(lines.pos(skipped + offset));
        record.early.push((field, &rules::JSON_DUPLICATE_KEY, vec![("key", shown)], pos));
    }
    Ok(records)
}

/// A JSON Pointer segment as the key it stands for (RFC 6901).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

fn kommun_intl_push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    pointer.push_str(&segment.replace('~', "~0").replace('/', "~1"));
}

fn not_a(expected: &'static str, options: &Options) -> Report {
    fail(options, &rules::OPEN311_NOT_OPEN311, &[("expected", expected.to_owned())], None)
}

/// Writes requests as a GeoReport JSON list, one member per line.
pub(crate) fn write(requests: &[Vec<(&'static str, Value)>]) -> String {
    let list: Vec<Value> = requests
        .iter()
        .map(|fields| {
            Value::Object(fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect())
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&list).unwrap_or_default();
    out.push('\n');
    out
}
