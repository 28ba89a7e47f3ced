//! Walks a parsed JSON document beside its kind's generated schema, telling for every value
//! which `$defs` type it is, whether it is personal data and whether the schema knows it.
//!
//! Used by [`crate::fix`] and [`crate::personal`]; the validator has its own walker
//! (`validate::structure`), which reports issues instead.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::document::DocumentKind;
use crate::schema::schema_for;
use crate::validate::structure::type_matches;

/// One value met on the walk.
pub(crate) struct Visit<'a> {
    /// Its JSON Pointer.
    pub pointer: &'a str,
    /// The value.
    pub value: &'a Value,
    /// The innermost `$defs` type it was resolved to (`Phone`, `PostalAddress`), if any.
    pub def: Option<&'a str>,
    /// True when the schema marks it, or a value it lies in, `x-personal-data`.
    pub personal: bool,
    /// False for a member the schema does not know, and everything inside one.
    pub known: bool,
}

/// Calls `f` for every value of `document`, parents before children.
pub(crate) fn walk(kind: DocumentKind, document: &Value, f: &mut dyn FnMut(&Visit<'_>)) {
    let schema = schema_for(kind);
    let empty = Map::new();
    let defs = schema.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
    let mut pointer = String::new();
    Walker { defs, f }.node(Some(schema), document, &mut pointer, false, None);
}

/// True when documents of `kind` can hold personal data.
pub(crate) fn has_personal_data(kind: DocumentKind) -> bool {
    static HAS: LazyLock<Vec<bool>> = LazyLock::new(|| {
        DocumentKind::ALL.iter().map(|&k| mentions_personal(schema_for(k))).collect()
    });
    DocumentKind::ALL.iter().position(|&k| k == kind).is_some_and(|i| HAS[i])
}

fn mentions_personal(schema: &Value) -> bool {
    match schema {
        Value::Object(map) => {
            map.get("x-personal-data") == Some(&Value::Bool(true))
                || map.values().any(mentions_personal)
        }
        Value::Array(items) => items.iter().any(mentions_personal),
        _ => false,
    }
}

fn is_personal(schema: &Value) -> bool {
    schema.get("x-personal-data") == Some(&Value::Bool(true))
}

struct Walker<'s, 'f> {
    defs: &'s Map<String, Value>,
    f: &'f mut dyn FnMut(&Visit<'_>),
}

impl<'s> Walker<'s, '_> {
    fn def(&self, schema: &'s Value) -> Option<(&'s str, &'s Value)> {
        let name = schema.get("$ref")?.as_str()?.strip_prefix("#/$defs/")?;
        Some((name, self.defs.get(name)?))
    }

    /// Follows `$ref`s and picks the branch of a union the value belongs to; returns the
    /// resolved schema (if the value fits one), its innermost `$defs` name and whether any
    /// step was marked personal.
    fn resolve(
        &self,
        mut schema: &'s Value,
        v: &Value,
        mut def: Option<&'s str>,
    ) -> (Option<&'s Value>, Option<&'s str>, bool) {
        let mut personal = is_personal(schema);
        for _ in 0..32 {
            if let Some((name, target)) = self.def(schema) {
                def = Some(name);
                schema = target;
                personal |= is_personal(schema);
                continue;
            }
            let union = schema.get("type").is_none()
                && schema.get("properties").is_none()
                && schema.get("enum").is_none();
            let branches =
                schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array);
            if let (true, Some(branches)) = (union, branches) {
                // Personal marks on any branch cover the value, whichever branch it takes.
                personal |= branches.iter().any(is_personal);
                // The branch the value fits, else the first one it could have meant (not
                // `null`), so that a misspelt code still meets its type.
                let chosen = branches.iter().find(|b| self.fits(b, v)).or_else(|| {
                    branches.iter().find(|b| v.is_null() || !self.fits(b, &Value::Null))
                });
                match chosen {
                    Some(b) => {
                        schema = b;
                        continue;
                    }
                    None => return (None, def, personal),
                }
            }
            return (Some(schema), def, personal);
        }
        (None, def, personal)
    }

    /// A shallow check: could `v` be of this (union branch) schema?
    fn fits(&self, schema: &'s Value, v: &Value) -> bool {
        let mut s = schema;
        for _ in 0..32 {
            match self.def(s) {
                Some((_, target)) => s = target,
                None => break,
            }
        }
        if let Some(list) = s.get("enum").and_then(Value::as_array) {
            return list.contains(v);
        }
        if let Some(c) = s.get("const") {
            return c == v;
        }
        match s.get("type") {
            Some(Value::String(t)) => type_matches(t, v),
            Some(Value::Array(ts)) => {
                ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, v))
            }
            _ => match s.get("anyOf").or_else(|| s.get("oneOf")).and_then(Value::as_array) {
                Some(branches) => branches.iter().any(|b| self.fits(b, v)),
                None => true,
            },
        }
    }

    fn node(
        &mut self,
        schema: Option<&'s Value>,
        v: &Value,
        pointer: &mut String,
        personal: bool,
        def: Option<&'s str>,
    ) {
        let known = schema.is_some();
        let (resolved, def, marked) = match schema {
            Some(s) => self.resolve(s, v, def),
            None => (None, None, false),
        };
        let personal = personal || marked;
        (self.f)(&Visit {
            pointer,
            value: v,
            def: if known { def } else { None },
            personal,
            known,
        });
        let len = pointer.len();
        match v {
            Value::Object(map) => {
                let props = resolved.and_then(|s| s.get("properties")).and_then(Value::as_object);
                for (key, child) in map {
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    let child_schema = if known {
                        props.and_then(|p| p.get(key)).or_else(|| {
                            // An object the schema leaves open: its members are known but
                            // untyped.
                            let open = resolved.is_some_and(|s| {
                                s.get("additionalProperties") != Some(&Value::Bool(false))
                                    && s.get("properties").is_none()
                            });
                            open.then_some(&Value::Bool(true))
                        })
                    } else {
                        None
                    };
                    self.node(child_schema, child, pointer, personal, None);
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                let item_schema = resolved.and_then(|s| s.get("items"));
                for (i, child) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    let child_schema =
                        if known { item_schema.or(Some(&Value::Bool(true))) } else { None };
                    self.node(child_schema, child, pointer, personal, None);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn visits(kind: DocumentKind, doc: &Value) -> Vec<(String, Option<String>, bool, bool)> {
        let mut out = Vec::new();
        walk(kind, doc, &mut |v| {
            out.push((v.pointer.to_owned(), v.def.map(str::to_owned), v.personal, v.known));
        });
        out
    }

    fn find<'a>(
        all: &'a [(String, Option<String>, bool, bool)],
        pointer: &str,
    ) -> &'a (String, Option<String>, bool, bool) {
        all.iter().find(|v| v.0 == pointer).unwrap_or_else(|| panic!("{pointer} not visited"))
    }

    #[test]
    fn tells_types_personal_data_and_unknown_members() {
        let doc = json!({
            "category": "praise", "description": "Bra", "channel": "web",
            "submitted_at": "2026-11-28T09:30:00+01:00",
            "contact": {"name": "A", "phone": "0510-77 00 00", "nmae": ["B"]},
            "extra": {"x": "y"}
        });
        let all = visits(DocumentKind::Feedback, &doc);
        assert_eq!(find(&all, "/category").1.as_deref(), Some("FeedbackCategory"));
        assert!(!find(&all, "/category").2);
        assert!(find(&all, "/description").2);
        let phone = find(&all, "/contact/phone");
        assert_eq!((phone.1.as_deref(), phone.2, phone.3), (Some("Phone"), true, true));
        let typo = find(&all, "/contact/nmae/0");
        assert_eq!((typo.2, typo.3), (true, false));
        let extra = find(&all, "/extra/x");
        assert_eq!((extra.2, extra.3), (false, false));
        assert!(has_personal_data(DocumentKind::Feedback));
        assert!(has_personal_data(DocumentKind::FaultReport));
        assert!(!has_personal_data(DocumentKind::Dataset));
    }

    #[test]
    fn personal_marks_hold_whatever_the_type() {
        let doc = json!({
            "service_code": "klotter", "description": 17, "submitted_at": "x",
            "contact": {"name": 42, "email": ["a"], "phone": {"x": "b"}}
        });
        let all = visits(DocumentKind::FaultReport, &doc);
        for p in ["/description", "/contact/name", "/contact/email/0", "/contact/phone/x"] {
            assert!(find(&all, p).2, "{p} should be personal");
        }
    }

    #[test]
    fn unions_pick_the_branch_that_fits() {
        let doc = json!({"period": "2015", "measure": "external_funding", "value": "1800000",
            "unit": "SEK", "approximate": true});
        let all = visits(DocumentKind::Observation, &doc);
        assert_eq!(find(&all, "/unit").1.as_deref(), Some("CurrencyCode"));
        let doc = json!({"municipality": {"address": {"country": "SE"}}});
        let all = visits(DocumentKind::Dataset, &doc);
        assert_eq!(find(&all, "/municipality/address").1.as_deref(), Some("PostalAddress"));
        assert_eq!(find(&all, "/municipality/address/country").1.as_deref(), Some("CountryCode"));
    }
}
