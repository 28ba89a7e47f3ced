//! Explains a document that does not fit the model: walks the parsed JSON against the kind's
//! compiled schema ([`crate::schema::Compiled`]) and reports every structural problem (wrong types, missing and unknown
//! fields, unknown codes) with "did you mean" hints. Wherever a part of the document does fit
//! its Rust type, that part is parsed and its rules run as on the fast path, so one pass still
//! reports semantic problems beside the structural ones.
//!
//! This is the slow path: valid documents never come here.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::personal;
use crate::schema::compiled::{Codes, Compiled, NodeId, json_type};

use super::{Ctx, Validate, rules};
use crate::model;

/// The typed check of a definition: parses the value as its Rust type and, if it fits, runs
/// its rules; false when it does not fit.
pub(crate) type Typed = fn(&Value, &mut Ctx) -> bool;

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

/// The typed check of the definition `name`, if it has rules of its own.
pub(crate) fn check_of(name: &str) -> Option<Typed> {
    TYPED.get(name).copied()
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
    model::ServiceCode,
    model::Profile,
    model::Service,
];

/// How the walk treats the keys of members the schema does not know: they may be someone's
/// data (a fragment of a description cut by an unescaped quote becomes a key), so issue
/// pointers and messages show them only where nothing suggests that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keys {
    /// A kind without personal data, named by the caller: keys are shown.
    Shown,
    /// A kind that holds personal data, or one the document named itself: a key is shown
    /// when it is a field name somewhere in the schema, or looks like a misspelt one
    /// (lower-case snake case, near a field name), and does not lie in personal data.
    Guarded,
}

impl Keys {
    /// The policy for a kind, told by the caller (`trusted`) or by the document.
    pub(crate) fn for_kind(compiled: &Compiled, trusted: bool) -> Keys {
        if trusted && !compiled.has_personal_data() { Keys::Shown } else { Keys::Guarded }
    }

    /// True when the unknown `key` is shown as it is (else masked). `inside_personal`: the
    /// member lies in a personal value; `suggestion`: the field name it is nearest.
    pub(crate) fn shows(
        self,
        compiled: &Compiled,
        key: &str,
        inside_personal: bool,
        suggestion: Option<&str>,
    ) -> bool {
        let typo_like = || {
            suggestion.is_some()
                && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        };
        match self {
            _ if inside_personal => false,
            Keys::Shown => true,
            Keys::Guarded => compiled.is_field_name(key) || typo_like(),
        }
    }
}

/// Fields of the first published schemas (v1) that v2 renamed, with the field that took
/// their place: the hint for a document not yet rewritten by `kommun-intl upgrade` (where the
/// object has the new field).
const RENAMED: &[(&str, &str)] = &[
    ("former_names", "names"),
    ("funder_type", "funders"),
    ("grant", "budget"),
    ("id", "service_request_id"),
    ("submitted_at", "requested_datetime"),
    ("address_string", "address"),
    ("media_urls", "media_url"),
];

/// Walks `value` against the compiled schema of its kind, from the root.
pub(crate) fn explain(compiled: &Compiled, value: &Value, keys: Keys, ctx: &mut Ctx) {
    Walker { c: compiled, keys }.walk(compiled.root(), value, false, ctx);
}

/// Walks `value` against one node of a compiled schema (a value that stands for a part of a
/// record, such as an alternative to one of its facts).
pub(crate) fn explain_at(
    compiled: &Compiled,
    node: NodeId,
    value: &Value,
    keys: Keys,
    ctx: &mut Ctx,
) {
    Walker { c: compiled, keys }.walk(node, value, false, ctx);
}

struct Walker<'c> {
    c: &'c Compiled,
    keys: Keys,
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

impl Walker<'_> {
    fn unknown_code(codes: &Codes, v: &Value, personal: bool, ctx: &mut Ctx) {
        let shown: String = match v {
            Value::String(s) => s.chars().take(60).collect(),
            other => other.to_string().chars().take(60).collect(),
        };
        let shown = if personal { personal::mask(&shown) } else { shown };
        let mut params = vec![("value", shown)];
        if let Some(s) = v.as_str() {
            params.extend(codes.hints(s));
        } else if let Some(allowed) = codes.allowed() {
            params.push(("allowed", allowed));
        }
        ctx.report(&rules::UNKNOWN_CODE, &params);
    }

    fn walk(&self, id: NodeId, v: &Value, personal: bool, ctx: &mut Ctx) {
        let node = self.c.node(id);
        let personal = personal || node.personal;
        if node.never {
            ctx.report(&rules::INVALID_VALUE, &[]);
            return;
        }
        if let Some(check) = node.check
            && check(v, ctx)
        {
            return;
        }
        if let Some(target) = node.reference {
            self.walk(target, v, personal, ctx);
            return;
        }
        if let Some(codes) = &node.codes {
            if v.is_null() && self.c.allows_null(id) {
                return;
            }
            if !v.as_str().is_some_and(|s| codes.contains(s)) {
                if v.is_string() {
                    Self::unknown_code(codes, v, personal, ctx);
                } else {
                    ctx.report(
                        &rules::WRONG_TYPE,
                        &[("expected", "string".into()), ("found", json_type(v).into())],
                    );
                }
            }
            return;
        }
        if !node.branches.is_empty() {
            self.union(&node.branches, v, personal, ctx);
            return;
        }
        for &s in &node.all_of {
            self.walk(s, v, personal, ctx);
        }
        if !node.types.matches(v) {
            ctx.report(
                &rules::WRONG_TYPE,
                &[("expected", node.types.describe()), ("found", json_type(v).into())],
            );
            return;
        }
        match v {
            Value::Object(map) => self.object(id, map, personal, ctx),
            Value::Array(items) => {
                if let Some(item) = node.items {
                    for (i, value) in items.iter().enumerate() {
                        ctx.index(i, |ctx| self.walk(item, value, personal, ctx));
                    }
                }
            }
            _ => {}
        }
    }

    fn union(&self, branches: &[NodeId], v: &Value, personal: bool, ctx: &mut Ctx) {
        let mut best: Option<Ctx> = None;
        for &b in branches {
            if !v.is_null() && self.c.node(self.c.target(b).0).types.is_null_only() {
                continue;
            }
            let mut trial = ctx.fork();
            self.walk(b, v, personal, &mut trial);
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

    fn object(&self, id: NodeId, map: &Map<String, Value>, personal: bool, ctx: &mut Ctx) {
        let node = self.c.node(id);
        for field in &node.required {
            if !map.contains_key(&**field) {
                ctx.report(&rules::MISSING_FIELD, &[("field", field.to_string())]);
            }
        }
        for (key, value) in map {
            match node.properties.iter().find(|(k, _)| **k == **key) {
                Some(&(_, prop)) => ctx.field(key, |ctx| self.walk(prop, value, personal, ctx)),
                None if node.closed => {
                    let missing =
                        node.properties.iter().map(|(k, _)| &**k).filter(|k| !map.contains_key(*k));
                    let suggestion = nearest(key, missing).or_else(|| {
                        RENAMED
                            .iter()
                            .find(|(old, new)| {
                                *old == key.as_str()
                                    && node.properties.iter().any(|(k, _)| **k == **new)
                            })
                            .map(|(_, new)| *new)
                    });
                    let near = suggestion.or_else(|| nearest(key, self.c.field_names()));
                    let shown = self.keys.shows(self.c, key, personal, near);
                    let report = |ctx: &mut Ctx| {
                        let field: String = key.chars().take(60).collect();
                        let field = if shown { field } else { personal::mask(&field) };
                        let mut params = vec![("field", field)];
                        if let Some(hint) = suggestion {
                            params.push(("suggestion", hint.to_owned()));
                        }
                        ctx.report(&rules::UNKNOWN_FIELD, &params);
                    };
                    if shown {
                        ctx.field(key, report);
                    } else {
                        ctx.masked_field(key, report);
                    }
                }
                None => {}
            }
        }
    }
}
