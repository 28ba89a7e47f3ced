//! The POST Service Request form (`application/x-www-form-urlencoded`): the request's fields,
//! `attribute[CODE]=value` for one answer and `attribute[CODE][]=value` for each of several.

use std::collections::HashMap;

use serde_json::{Map, Value};

use kommun_intl::model::{AnswerValue, FaultReport};
use kommun_intl::validate::rules;
use kommun_intl::{Options, Report};

use crate::request::{Record, fields};
use crate::text::{Lines, Pos, fail, prepare, shown_name};

/// The fields of a POST request: those of the spec, and `title`, `name` and `address` that
/// servers with extensions take (`address_string` is the spec's name for `address`).
const POST: &[&str] = &[
    "jurisdiction_id",
    "service_code",
    "title",
    "lat",
    "long",
    "address_string",
    "address_id",
    "email",
    "device_id",
    "account_id",
    "first_name",
    "last_name",
    "name",
    "phone",
    "description",
    "media_url",
];

/// Decodes one `+`- and percent-encoded part; `Err(i)` is the byte where the decoded text
/// stops being UTF-8.
fn decode(part: &str) -> Result<String, usize> {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let hex = |b: Option<&u8>| b.and_then(|b| char::from(*b).to_digit(16));
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(h), Some(l)) = (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                    // Two hex digits make one byte.
                    #[allow(clippy::cast_possible_truncation)]
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|e| e.utf8_error().valid_up_to())
}

/// Reads a form body into one record.
pub(crate) fn record(input: &[u8], options: &Options) -> Result<Record, Report> {
    let (text, skipped) = prepare(input, options, &rules::OPEN311_INVALID_UTF8)?;
    let lines = Lines::new(input);
    let limits = options.limits;
    let mut record = Record { textual: true, pos: Some(lines.pos(skipped)), ..Record::default() };
    // The names given so far, with how issues show them once one repeats.
    let mut seen: HashMap<String, Option<String>> = HashMap::new();
    // Per attribute code: its place in `answers`, and whether it came as a list.
    let mut codes: HashMap<String, (usize, bool)> = HashMap::new();
    let mut answers: Vec<(String, Value)> = Vec::new();
    let mut start = skipped;
    for (n, part) in text.split('&').enumerate() {
        let at = start;
        start += part.len() + 1;
        if part.is_empty() {
            continue;
        }
        let pos = lines.pos(at);
        if n >= limits.max_array_length {
            let max = limits.max_array_length.to_string();
            return Err(fail(options, &rules::LIMIT_ARRAY_LENGTH, &[("max", max)], Some(pos)));
        }
        if part.len() > limits.max_string_length {
            let max = limits.max_string_length.to_string();
            return Err(fail(options, &rules::LIMIT_STRING_LENGTH, &[("max", max)], Some(pos)));
        }
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let bad = |offset: usize| {
            fail(
                options,
                &rules::OPEN311_INVALID_UTF8,
                &[("offset", offset.to_string())],
                Some(pos),
            )
        };
        let key = decode(k).map_err(|_| bad(at))?;
        let value = decode(v).map_err(|_| bad(at + k.len() + 1))?;
        let (base, many) = match key.strip_suffix("[]") {
            Some(base) => (base, true),
            None => (key.as_str(), false),
        };
        if let Some(code) = base.strip_prefix("attribute[").and_then(|r| r.strip_suffix(']')) {
            answer(&mut record, &mut codes, &mut answers, code, many, value, pos);
            continue;
        }
        if let Some(shown) = seen.get_mut(&key) {
            // Worked out once per name, however often it repeats.
            let shown =
                shown.get_or_insert_with(|| shown_name(&key, Some(crate::request::FIELDS))).clone();
            record.early.push((
                key,
                &rules::OPEN311_DUPLICATE_FIELD,
                vec![("field", shown)],
                Some(pos),
            ));
            continue;
        }
        seen.insert(key.clone(), None);
        record.fields.push((key, Value::String(value), Some(pos)));
    }
    if !answers.is_empty() {
        let list = answers
            .into_iter()
            .map(|(code, value)| {
                let mut m = Map::new();
                m.insert("code".to_owned(), Value::String(code));
                m.insert("value".to_owned(), value);
                Value::Object(m)
            })
            .collect();
        let pos = record.pos;
        record.fields.push(("attributes".to_owned(), Value::Array(list), pos));
    }
    Ok(record)
}

/// Adds one `attribute[...]` field to the answers.
fn answer(
    record: &mut Record,
    codes: &mut HashMap<String, (usize, bool)>,
    answers: &mut Vec<(String, Value)>,
    code: &str,
    many: bool,
    value: String,
    pos: Pos,
) {
    match codes.get(code) {
        None => {
            codes.insert(code.to_owned(), (answers.len(), many));
            let v =
                if many { Value::Array(vec![Value::String(value)]) } else { Value::String(value) };
            answers.push((code.to_owned(), v));
        }
        Some(&(i, true)) if many => {
            if let Value::Array(list) = &mut answers[i].1 {
                list.push(Value::String(value));
            }
        }
        Some(&(_, was_many)) => {
            let shown = shown_name(code, Some(&[]));
            let (rule, params) = if was_many == many {
                (&rules::OPEN311_DUPLICATE_FIELD, vec![("field", format!("attribute[{shown}]"))])
            } else {
                (&rules::OPEN311_ATTRIBUTE_CONFLICT, vec![("code", shown)])
            };
            record.early.push(("attributes".to_owned(), rule, params, Some(pos)));
        }
    }
}

/// Writes the POST form of a fault report: its POST fields (a POST has no status, times or
/// id) and its answers.
#[must_use]
pub fn write(report: &FaultReport) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    let members = fields(report);
    for &name in POST {
        let member = if name == "address_string" { "address" } else { name };
        if let Some((_, v)) = members.iter().find(|(k, _)| *k == member) {
            match v {
                Value::String(s) => form.append_pair(name, s),
                other => form.append_pair(name, &other.to_string()),
            };
        }
    }
    for a in report.attributes.iter().flatten() {
        match a.value.expose() {
            AnswerValue::One(v) => {
                form.append_pair(&format!("attribute[{}]", a.code), v.as_str());
            }
            AnswerValue::Many(vs) => {
                for v in vs {
                    form.append_pair(&format!("attribute[{}][]", a.code), v.as_str());
                }
            }
        }
    }
    form.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_plus_decode() {
        assert_eq!(decode("a+b%20c%C3%A5").unwrap(), "a b cå");
        assert_eq!(decode("50%").unwrap(), "50%");
        assert_eq!(decode("%zz").unwrap(), "%zz");
        assert!(decode("%FF").is_err());
    }
}
