//! Rewrites documents of the first published shape (schemas `v1`) into the current one (`v2`).
//!
//! What changed, and what the rewrite does (nothing else is touched; a document already in the
//! current shape comes back as it was):
//!
//! | v1 | v2 |
//! | --- | --- |
//! | a partner's `former_names: ["Gamla namnet"]` | `names: [{"name": "Gamla namnet", "kind": "former"}]` |
//! | a project's `programme: "interreg"` | `programme: {"code": "interreg"}` |
//! | a project's `funder_type: "eu"` | `funders: [{"type": "eu"}]` (or the funder of its grant) |
//! | a project's `grant: {"amount", "currency"}` | `budget: {"grants": [{"funder": {"type": ...}, "amount": {...}}]}` |
//! | a fault report's `id`, `submitted_at`, `address_string` | Open311's `service_request_id`, `requested_datetime`, `address` |
//! | a fault report's `media_urls: [a]` | `media_url: a` (more photos: the first, the others in `extended_attributes.media_urls`) |
//! | `$schema` naming a `v1` schema by its `$id` | the `v2` `$id` |
//!
//! v2 also made fields optional that v1 required (a partnership's `agreement_type`, a
//! partner's `name` and `level`, a project's `title` and `status`) and added many: a v1
//! document that was valid stays valid once rewritten.
//!
//! ```
//! use kommun_intl::{DocumentKind, upgrade};
//! use serde_json::json;
//!
//! let mut project = json!({"id": "p", "title": {"sv": "P"}, "status": "implementation",
//!     "programme": "athena", "funder_type": "national_government",
//!     "grant": {"amount": "80000", "currency": "SEK"}});
//! let changes = upgrade::upgrade(DocumentKind::Project, &mut project);
//! assert_eq!(changes.len(), 2);
//! assert_eq!(project["programme"], json!({"code": "athena"}));
//! assert_eq!(project["budget"]["grants"][0]["funder"], json!({"type": "national_government"}));
//! assert!(project.get("funder_type").is_none() && project.get("grant").is_none());
//! assert!(upgrade::upgrade(DocumentKind::Project, &mut project).is_empty());
//! ```

use serde_json::{Map, Value, json};

use crate::document::DocumentKind;

/// One rewrite: where, and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The JSON Pointer of the member rewritten (in the document before the rewrite).
    pub pointer: String,
    /// What was done, in English.
    pub what: &'static str,
}

/// Rewrites a parsed document of `kind` from the v1 shape to the current one, in place; returns
/// what it changed (nothing for a document already current). Key order is kept; a rewritten
/// member takes the place of the one it replaces.
pub fn upgrade(kind: DocumentKind, document: &mut Value) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut pointer = String::new();
    if let Some(root) = document.as_object_mut() {
        schema_id(root, &mut changes);
        match kind {
            DocumentKind::Dataset => dataset(root, &mut pointer, &mut changes),
            DocumentKind::Partnership => partnership(root, &mut pointer, &mut changes),
            DocumentKind::Project => project(root, &mut pointer, &mut changes),
            DocumentKind::FaultReport => fault_report(root, &mut changes),
            _ => {}
        }
    }
    changes
}

fn schema_id(root: &mut Map<String, Value>, changes: &mut Vec<Change>) {
    const OLD: &str = "https://kommun-intl.github.io/kommun-intl/schemas/v1/";
    if let Some(Value::String(s)) = root.get_mut("$schema")
        && let Some(file) = s.strip_prefix(OLD)
    {
        *s = format!("{}{file}", crate::schema::BASE_URI);
        changes.push(Change { pointer: "/$schema".into(), what: "the v2 schema's $id" });
    }
}

/// Runs `f` on each object of the array at `key`, with the pointer of each.
fn each(
    map: &mut Map<String, Value>,
    key: &str,
    pointer: &mut String,
    changes: &mut Vec<Change>,
    f: fn(&mut Map<String, Value>, &mut String, &mut Vec<Change>),
) {
    let Some(Value::Array(items)) = map.get_mut(key) else { return };
    let len = pointer.len();
    for (i, item) in items.iter_mut().enumerate() {
        if let Some(obj) = item.as_object_mut() {
            pointer.push('/');
            pointer.push_str(key);
            pointer.push('/');
            pointer.push_str(&i.to_string());
            f(obj, pointer, changes);
            pointer.truncate(len);
        }
    }
}

/// Runs `f` on the object at `key`.
fn at(
    map: &mut Map<String, Value>,
    key: &str,
    pointer: &mut String,
    changes: &mut Vec<Change>,
    f: fn(&mut Map<String, Value>, &mut String, &mut Vec<Change>),
) {
    let Some(Value::Object(obj)) = map.get_mut(key) else { return };
    let len = pointer.len();
    pointer.push('/');
    pointer.push_str(key);
    f(obj, pointer, changes);
    pointer.truncate(len);
}

fn dataset(root: &mut Map<String, Value>, pointer: &mut String, changes: &mut Vec<Change>) {
    each(root, "partnerships", pointer, changes, partnership);
    each(root, "projects", pointer, changes, project);
}

fn partnership(p: &mut Map<String, Value>, pointer: &mut String, changes: &mut Vec<Change>) {
    at(p, "partner", pointer, changes, partner);
    each(p, "other_parties", pointer, changes, partner);
}

fn partner(body: &mut Map<String, Value>, pointer: &mut String, changes: &mut Vec<Change>) {
    if let Some(Value::Array(former)) = body.get("former_names").cloned()
        && !body.contains_key("names")
    {
        let names: Vec<Value> =
            former.into_iter().map(|n| json!({ "name": n, "kind": "former" })).collect();
        replace(body, "former_names", "names", Value::Array(names));
        changes.push(Change {
            pointer: format!("{pointer}/former_names"),
            what: "former_names became names of kind former",
        });
    }
    at(body, "part_of", pointer, changes, partner);
}

fn project(p: &mut Map<String, Value>, pointer: &mut String, changes: &mut Vec<Change>) {
    if let Some(Value::String(code)) = p.get("programme").cloned() {
        p.insert("programme".into(), json!({ "code": code }));
        changes.push(Change {
            pointer: format!("{pointer}/programme"),
            what: "the programme code became a programme object",
        });
    }
    let funder = p.get("funder_type").cloned().filter(Value::is_string);
    match (p.get("grant").cloned(), funder) {
        (Some(grant), funder) if !p.contains_key("budget") => {
            let mut line = Map::new();
            if let Some(kind) = &funder {
                line.insert("funder".into(), json!({ "type": kind }));
            }
            line.insert("amount".into(), grant);
            replace(p, "grant", "budget", json!({ "grants": [line] }));
            p.remove("funder_type");
            changes.push(Change {
                pointer: format!("{pointer}/grant"),
                what: "the grant became a line of the budget, with its funder",
            });
        }
        (None, Some(kind)) if !p.contains_key("funders") => {
            replace(p, "funder_type", "funders", json!([{ "type": kind }]));
            changes.push(Change {
                pointer: format!("{pointer}/funder_type"),
                what: "funder_type became funders",
            });
        }
        _ => {}
    }
}

fn fault_report(r: &mut Map<String, Value>, changes: &mut Vec<Change>) {
    let renames = [
        ("id", "service_request_id", "id became Open311's service_request_id"),
        ("submitted_at", "requested_datetime", "submitted_at became Open311's requested_datetime"),
        ("address_string", "address", "address_string became Open311's address"),
    ];
    for (old, new, what) in renames {
        if let Some(value) = r.get(old).cloned()
            && !r.contains_key(new)
        {
            replace(r, old, new, value);
            changes.push(Change { pointer: format!("/{old}"), what });
        }
    }
    if let Some(Value::Array(urls)) = r.get("media_urls").cloned()
        && !r.contains_key("media_url")
    {
        let mut urls = urls.into_iter();
        match urls.next() {
            Some(first) => replace(r, "media_urls", "media_url", first),
            None => {
                r.remove("media_urls");
            }
        }
        let rest: Vec<Value> = urls.collect();
        if !rest.is_empty() {
            let extended = r.entry("extended_attributes").or_insert_with(|| json!({}));
            if let Some(extended) = extended.as_object_mut() {
                extended.insert("media_urls".into(), Value::Array(rest));
            }
        }
        changes.push(Change {
            pointer: "/media_urls".into(),
            what: "media_urls became Open311's media_url (the others in extended_attributes)",
        });
    }
}

/// Replaces the member `old` by `new` with `value`, in the old one's place.
fn replace(map: &mut Map<String, Value>, old: &str, new: &str, value: Value) {
    let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
    let mut value = Some(value);
    for (k, v) in entries {
        if k == old {
            map.insert(new.to_owned(), value.take().unwrap_or_default());
        } else {
            map.insert(k, v);
        }
    }
}
