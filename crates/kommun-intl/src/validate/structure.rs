//! Explains a document that does not fit the model: walks the parsed JSON against the kind's
//! generated schema and reports every structural problem (wrong types, missing and unknown
//! fields, unknown codes) with "did you mean" hints. Wherever a part of the document does fit
//! its Rust type, that part is parsed and its rules run as on the fast path, so one pass still
//! reports semantic problems beside the structural ones.
//!
//! This is the slow path: valid documents never come here.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::{Ctx, Validate, rules};
use crate::model;

type Typed = fn(&Value, &mut Ctx) -> bool;

pub(crate) fn typed<T: DeserializeOwned + Validate>(v: &Value, ctx: &mut Ctx) -> bool {
    match T::deserialize(v) {
        Ok(t) => {
            t.validate_into(ctx);
            true
        }
        Err(_) => false,
    }
}

macro_rules! registry {
    ($($t:ty),* $(,)?) => {
        LazyLock::new(|| {
            let mut m: HashMap<String, Typed> = HashMap::new();
            $( m.insert(<$t as schemars::JsonSchema>::schema_name().into_owned(), typed::<$t> as Typed); )*
            m
        })
    };
}

/// Every `$defs` entry that has rules of its own, by schema name.
static TYPED: LazyLock<HashMap<String, Typed>> = registry![
    model::Id,
    model::Text,
    model::LongText,
    model::LocalizedText,
    model::PartialDate,
    model::Timestamp,
    model::Url,
    model::HttpsUrl,
    model::Source,
    model::Amount,
    model::Money,
    model::Email,
    model::Phone,
    model::PostalAddress,
    model::SubdivisionCode,
    model::WikidataId,
    model::MunicipalityCode,
    model::OrgNumber,
    model::OrgUnit,
    model::Municipality,
    model::FundingSource,
    model::PartnerBody,
    model::Partnership,
    model::Project,
    model::Observation,
    model::Membership,
    model::Dataset,
    model::Contact,
    model::Feedback,
    model::FaultReport,
];

/// Walks `value` against the root `schema` of a document kind.
pub(crate) fn explain(schema: &Value, value: &Value, ctx: &mut Ctx) {
    let empty = Map::new();
    let defs = schema.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
    Walker { defs }.walk(schema, value, ctx);
}

/// The codes a schema allows and its `x-aliases`.
type Codes<'s> = (Vec<&'s str>, Option<&'s Map<String, Value>>);

struct Walker<'s> {
    defs: &'s Map<String, Value>,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// True when `v` has the JSON Schema type `expected` (an integer is also a number, and a number
/// with no fraction also an integer).
pub(crate) fn type_matches(expected: &str, v: &Value) -> bool {
    let found = json_type(v);
    expected == found
        || expected == "number" && found == "integer"
        || expected == "integer" && v.as_f64().is_some_and(|f| f.fract() == 0.0)
}

/// The nearest candidate to `input`: the same apart from case, else within a small edit
/// distance.
pub(crate) fn nearest<'a>(
    input: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    if let Some(c) = candidates.clone().find(|c| c.eq_ignore_ascii_case(input)) {
        return Some(c);
    }
    let limit = (input.chars().count() / 3).max(1);
    let input = input.to_lowercase();
    let length = input.chars().count();
    candidates
        .filter_map(|c| {
            let c_lower = c.to_lowercase();
            // The distance is at least the difference in length: skip the quadratic work for a
            // candidate that cannot be near (a megabyte-long key against a field name).
            if c_lower.chars().count().abs_diff(length) > limit {
                return None;
            }
            // The optimal string alignment distance counts a swap of two neighbours as one
            // edit, like Damerau-Levenshtein, without its hash map of the alphabet.
            Some((strsim::osa_distance(&input, &c_lower), c))
        })
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

impl<'s> Walker<'s> {
    fn resolve(&self, schema: &'s Value) -> &'s Value {
        let mut s = schema;
        for _ in 0..16 {
            match s.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
                Some(name) => match self.defs.get(name) {
                    Some(def) => s = def,
                    None => break,
                },
                None => break,
            }
        }
        s
    }

    /// The codes a schema allows, when it is a code list (or a union of them).
    fn codes(&self, schema: &'s Value) -> Option<Codes<'s>> {
        let s = self.resolve(schema);
        if let Some(list) = s.get("enum").and_then(Value::as_array) {
            let aliases = s.get("x-aliases").and_then(Value::as_object);
            return Some((list.iter().filter_map(Value::as_str).collect(), aliases));
        }
        if let Some(c) = s.get("const").and_then(Value::as_str) {
            return Some((vec![c], None));
        }
        let branches = s.get("anyOf").or_else(|| s.get("oneOf"))?.as_array()?;
        let mut all = Vec::new();
        let mut aliases = None;
        for b in branches {
            if self.resolve(b).get("type").and_then(Value::as_str) == Some("null") {
                continue;
            }
            let (codes, a) = self.codes(b)?;
            all.extend(codes);
            aliases = aliases.or(a);
        }
        Some((all, aliases))
    }

    fn unknown_code(
        codes: &[&str],
        aliases: Option<&Map<String, Value>>,
        v: &Value,
        ctx: &mut Ctx,
    ) {
        let shown = match v {
            Value::String(s) => s.chars().take(60).collect(),
            other => other.to_string().chars().take(60).collect(),
        };
        let mut params = vec![("value", shown)];
        if let Some(s) = v.as_str() {
            let alias = aliases
                .and_then(|a| a.get(s).or_else(|| a.get(&s.to_ascii_uppercase())))
                .and_then(Value::as_str);
            if let Some(hint) = alias.or_else(|| nearest(s, codes.iter().copied())) {
                params.push(("suggestion", hint.to_owned()));
            }
        }
        ctx.report(&rules::UNKNOWN_CODE, &params);
    }

    fn walk(&self, schema: &'s Value, v: &Value, ctx: &mut Ctx) {
        let Some(obj) = schema.as_object() else {
            if schema == &Value::Bool(false) {
                ctx.report(&rules::INVALID_VALUE, &[]);
            }
            return;
        };
        if let Some(name) =
            obj.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"))
        {
            if let Some(f) = TYPED.get(name)
                && f(v, ctx)
            {
                return;
            }
            if let Some(def) = self.defs.get(name) {
                self.walk(def, v, ctx);
            }
            return;
        }
        if let Some((codes, aliases)) = self.codes(schema) {
            if v.is_null() && self.allows_null(schema) {
                return;
            }
            if !v.as_str().is_some_and(|s| codes.contains(&s)) {
                if v.is_string() {
                    Self::unknown_code(&codes, aliases, v, ctx);
                } else {
                    ctx.report(
                        &rules::WRONG_TYPE,
                        &[("expected", "string".into()), ("found", json_type(v).into())],
                    );
                }
            }
            return;
        }
        let is_union = !obj.contains_key("type") && !obj.contains_key("properties");
        if let (true, Some(branches)) =
            (is_union, obj.get("anyOf").or_else(|| obj.get("oneOf")).and_then(Value::as_array))
        {
            self.union(branches, v, ctx);
            return;
        }
        if let Some(all) = obj.get("allOf").and_then(Value::as_array) {
            for s in all {
                self.walk(s, v, ctx);
            }
        }
        if let Some(t) = obj.get("type") {
            let expected: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if !expected.is_empty() && !expected.iter().any(|e| type_matches(e, v)) {
                ctx.report(
                    &rules::WRONG_TYPE,
                    &[("expected", expected.join(" or ")), ("found", json_type(v).into())],
                );
                return;
            }
        }
        match v {
            Value::Object(map) => self.object(obj, map, ctx),
            Value::Array(items) => {
                if let Some(item_schema) = obj.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        ctx.index(i, |ctx| self.walk(item_schema, item, ctx));
                    }
                }
            }
            _ => {}
        }
    }

    fn allows_null(&self, schema: &'s Value) -> bool {
        let s = self.resolve(schema);
        let branches = s.get("anyOf").or_else(|| s.get("oneOf")).and_then(Value::as_array);
        branches.is_some_and(|b| {
            b.iter().any(|b| self.resolve(b).get("type").and_then(Value::as_str) == Some("null"))
        })
    }

    fn union(&self, branches: &'s [Value], v: &Value, ctx: &mut Ctx) {
        let mut best: Option<Ctx> = None;
        for b in branches {
            let resolved = self.resolve(b);
            if !v.is_null() && resolved.get("type").and_then(Value::as_str) == Some("null") {
                continue;
            }
            let mut trial = ctx.fork();
            self.walk(b, v, &mut trial);
            if trial.issue_count() == 0 {
                ctx.absorb(trial);
                return;
            }
            if best.as_ref().is_none_or(|b| trial.issue_count() < b.issue_count()) {
                best = Some(trial);
            }
        }
        match best {
            Some(trial) => ctx.absorb(trial),
            None => ctx.report(
                &rules::WRONG_TYPE,
                &[("expected", "a value".into()), ("found", json_type(v).into())],
            ),
        }
    }

    fn object(&self, schema: &'s Map<String, Value>, map: &Map<String, Value>, ctx: &mut Ctx) {
        let empty = Map::new();
        let props = schema.get("properties").and_then(Value::as_object).unwrap_or(&empty);
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for field in required.iter().filter_map(Value::as_str) {
                if !map.contains_key(field) {
                    ctx.report(&rules::MISSING_FIELD, &[("field", field.to_owned())]);
                }
            }
        }
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        for (key, value) in map {
            match props.get(key) {
                Some(prop) => ctx.field(key, |ctx| self.walk(prop, value, ctx)),
                None if closed => ctx.field(key, |ctx| {
                    let mut params = vec![("field", key.chars().take(60).collect::<String>())];
                    let missing =
                        props.keys().filter(|k| !map.contains_key(*k)).map(String::as_str);
                    if let Some(hint) = nearest(key, missing) {
                        params.push(("suggestion", hint.to_owned()));
                    }
                    ctx.report(&rules::UNKNOWN_FIELD, &params);
                }),
                None => {}
            }
        }
    }
}
