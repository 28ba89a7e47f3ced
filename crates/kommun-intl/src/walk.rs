//! Walks a parsed JSON document beside its kind's compiled schema, telling for every value
//! which `$defs` type it is, whether it is personal data and whether the schema knows it.
//!
//! Used by [`crate::fix`] and [`crate::personal`]; the validator's explaining walk
//! (`validate::structure`) reads the same compiled nodes and reports issues instead.

use serde_json::Value;

use crate::document::DocumentKind;
use crate::schema::compiled::{Compiled, NodeId};
use crate::validate::limits::push_segment;

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
    /// True when the schema knows it: a member the schema names (or of an object it leaves
    /// open), of a type its node allows, inside values that are all known. False for a
    /// member the schema does not know, a value of the wrong type (an object where a text
    /// belongs), and everything inside either.
    pub known: bool,
    /// The member's key, when the value is an object member.
    pub key: Option<&'a str>,
    /// True when the key is one the schema names at this place.
    pub key_known: bool,
}

/// Calls `f` for every value of `document`, parents before children.
pub(crate) fn walk(kind: DocumentKind, document: &Value, f: &mut dyn FnMut(&Visit<'_>)) {
    let compiled = Compiled::of(kind);
    let mut pointer = String::new();
    let root = Slot { node: Some(compiled.root()), personal: false, known: true };
    Walker { c: compiled, f }.node(root, document, &mut pointer, None, true);
}

/// Where the walk is: the node for the value (`None` when the schema does not know it), the
/// personal mark and knowledge inherited from above.
#[derive(Clone, Copy)]
struct Slot {
    node: Option<NodeId>,
    personal: bool,
    known: bool,
}

struct Walker<'c, 'f> {
    c: &'c Compiled,
    f: &'f mut dyn FnMut(&Visit<'_>),
}

impl Walker<'_, '_> {
    fn node(
        &mut self,
        slot: Slot,
        v: &Value,
        pointer: &mut String,
        key: Option<&str>,
        key_known: bool,
    ) {
        let (resolved, def, marked) = match slot.node {
            Some(id) => {
                let r = self.c.resolve(id, v);
                (r.node, r.def, r.personal)
            }
            None => (None, None, false),
        };
        let personal = slot.personal || marked;
        let fits = resolved.is_some_and(|t| self.c.node(t).types.matches(v));
        let known = slot.known && fits;
        (self.f)(&Visit {
            pointer,
            value: v,
            def: if known { def } else { None },
            personal,
            known,
            key,
            key_known,
        });
        let below = |node: Option<NodeId>| Slot { node, personal, known };
        let len = pointer.len();
        match v {
            Value::Object(map) => {
                let open = resolved.is_some_and(|t| {
                    let n = self.c.node(t);
                    !n.closed && n.properties.is_empty()
                });
                for (k, child) in map {
                    push_segment(pointer, k);
                    let member =
                        if known { resolved.and_then(|t| self.c.property(t, k)) } else { None };
                    let slot = match member {
                        Some(m) => below(Some(m)),
                        // An object the schema leaves open: its members are known but untyped.
                        None if known && open => Slot { node: None, personal, known: true },
                        None => Slot { node: None, personal, known: false },
                    };
                    self.untyped_or(slot, child, pointer, Some(k), member.is_some());
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                let item = if known { resolved.and_then(|t| self.c.items(t)) } else { None };
                for (i, child) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    // An array the schema gives no `items`: its items are known but untyped.
                    let slot = match item {
                        Some(n) => below(Some(n)),
                        None => Slot { node: None, personal, known },
                    };
                    self.untyped_or(slot, child, pointer, None, false);
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// Walks a value whose slot may have no node: known but untyped (the members of an open
    /// object), or unknown.
    fn untyped_or(
        &mut self,
        slot: Slot,
        v: &Value,
        pointer: &mut String,
        key: Option<&str>,
        key_known: bool,
    ) {
        if slot.node.is_some() || !slot.known {
            self.node(slot, v, pointer, key, key_known);
            return;
        }
        // Known, untyped: every value below is known as well.
        (self.f)(&Visit {
            pointer,
            value: v,
            def: None,
            personal: slot.personal,
            known: true,
            key,
            key_known,
        });
        let len = pointer.len();
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    push_segment(pointer, k);
                    self.untyped_or(slot, child, pointer, Some(k), true);
                    pointer.truncate(len);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&i.to_string());
                    self.untyped_or(slot, child, pointer, None, false);
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
        assert!(Compiled::of(DocumentKind::Feedback).has_personal_data());
        assert!(Compiled::of(DocumentKind::FaultReport).has_personal_data());
        assert!(!Compiled::of(DocumentKind::Dataset).has_personal_data());
    }

    #[test]
    fn personal_marks_hold_whatever_the_type() {
        let doc = json!({
            "service_code": "klotter", "description": 17, "requested_datetime": "x",
            "contact": {"name": 42, "email": ["a"], "phone": {"x": "b"}}
        });
        let all = visits(DocumentKind::FaultReport, &doc);
        for p in ["/description", "/contact/name", "/contact/email/0", "/contact/phone/x"] {
            assert!(find(&all, p).2, "{p} should be personal");
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_and_all_inside_it_are_unknown() {
        let doc = json!({"id": {"name": "Anna"}, "partner": {"name": {"sv": "Utena"}}});
        let all = visits(DocumentKind::Partnership, &doc);
        assert!(!find(&all, "/id").3);
        assert!(!find(&all, "/id/name").3);
        assert!(find(&all, "/partner/name/sv").3);
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
