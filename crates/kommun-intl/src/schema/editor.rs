//! What an editor's JSON language service shows (VS Code's and the others built on
//! `vscode-json-languageservice`), added to every generated schema: a `title` on each
//! definition, `markdownDescription` beside each `description` (the doc comments are Markdown),
//! and `enumDescriptions`/`markdownEnumDescriptions` from a code list's `x-labels` (English,
//! with the Swedish label beside it). The `patternErrorMessage` of a pattern-checked string is
//! declared beside its type, from the rules the pattern stands for
//! ([`crate::validate::rules::Rule::pattern_message`]).
//!
//! Validators ignore these keywords (JSON Schema 2020-12 lets unknown keywords be
//! annotations); ajv's strict mode needs them declared (`schemas/ajv-keywords.cjs`).

use serde_json::{Map, Value};

/// The keywords beyond JSON Schema 2020-12 that the schemas carry: ours (`x-`) and the editor
/// annotations. `schemas/ajv-keywords.cjs` declares the same list to ajv (a test compares).
pub const EXTRA_KEYWORDS: &[&str] = &[
    "x-rules",
    "x-labels",
    "x-aliases",
    "x-personal-data",
    "markdownDescription",
    "enumDescriptions",
    "markdownEnumDescriptions",
    "patternErrorMessage",
];

/// Adds the editor annotations to a schema and every schema inside it. Running it twice gives
/// the same schema.
pub fn annotate(schema: &mut Value) {
    if let Some(Value::Object(defs)) = schema.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            if let Value::Object(def) = def {
                def.entry("title").or_insert_with(|| title_of(name).into());
            }
        }
    }
    walk(schema);
}

fn walk(node: &mut Value) {
    match node {
        Value::Object(obj) => {
            annotate_node(obj);
            for (key, child) in obj.iter_mut() {
                match (key.as_str(), child) {
                    // Maps from names to schemas: a property may be called `description`.
                    ("properties" | "patternProperties" | "$defs", Value::Object(map)) => {
                        map.values_mut().for_each(walk);
                    }
                    // Values of these are data (codes, labels, examples), not schemas.
                    ("enum" | "const" | "default" | "examples" | "x-labels" | "x-aliases", _) => {}
                    (_, child) => walk(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(walk),
        _ => {}
    }
}

fn annotate_node(obj: &mut Map<String, Value>) {
    if let Some(Value::String(d)) = obj.get("description") {
        let d = d.clone();
        obj.insert("markdownDescription".into(), d.into());
    }
    let (Some(Value::Array(codes)), Some(Value::Object(labels))) =
        (obj.get("enum"), obj.get("x-labels"))
    else {
        return;
    };
    let mut plain = Vec::with_capacity(codes.len());
    let mut markdown = Vec::with_capacity(codes.len());
    for code in codes {
        let label = code.as_str().and_then(|c| labels.get(c));
        let part = |lang: &str| label.and_then(|l| l.get(lang)).and_then(Value::as_str);
        let (p, m) = match (part("en"), part("sv")) {
            (Some(en), Some(sv)) => (format!("{en} (sv: {sv})"), format!("**{en}** (sv: *{sv}*)")),
            (Some(one), None) | (None, Some(one)) => (one.to_owned(), format!("**{one}**")),
            (None, None) => (String::new(), String::new()),
        };
        plain.push(Value::String(p));
        markdown.push(Value::String(m));
    }
    obj.insert("enumDescriptions".into(), plain.into());
    obj.insert("markdownEnumDescriptions".into(), markdown.into());
}

/// A definition's name as words: `FeedbackCategory` -> `Feedback category`.
fn title_of(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::document::DocumentKind;
    use crate::validate::rules::DOCS_URI;

    /// Every node with a `pattern` says, in the rule's words, what the pattern wants.
    #[test]
    fn every_pattern_has_its_message() {
        fn check(node: &Value, at: &str, missing: &mut Vec<String>) {
            match node {
                Value::Object(obj) => {
                    if obj.contains_key("pattern") && !obj.contains_key("patternErrorMessage") {
                        missing.push(at.to_owned());
                    }
                    for (k, v) in obj {
                        check(v, &format!("{at}/{k}"), missing);
                    }
                }
                Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        check(v, &format!("{at}/{i}"), missing);
                    }
                }
                _ => {}
            }
        }
        let mut missing = Vec::new();
        for kind in DocumentKind::ALL {
            check(crate::schema_for(kind), kind.name(), &mut missing);
        }
        assert!(missing.is_empty(), "a pattern without patternErrorMessage: {missing:?}");
    }

    /// The ajv plugin shipped beside the schemas declares exactly these keywords.
    #[test]
    fn the_ajv_plugin_declares_the_extra_keywords() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schemas/ajv-keywords.cjs");
        let text = std::fs::read_to_string(path).expect("schemas/ajv-keywords.cjs");
        let list = text.split("const KEYWORDS = [").nth(1).and_then(|t| t.split("];").next());
        let declared: Vec<&str> = list
            .unwrap_or_default()
            .split(',')
            .map(|k| k.trim().trim_matches('"'))
            .filter(|k| !k.is_empty())
            .collect();
        assert_eq!(declared, EXTRA_KEYWORDS);
    }

    #[test]
    fn schemas_are_published_on_the_documentation_site() {
        assert!(crate::schema::BASE_URI.starts_with(DOCS_URI));
    }

    #[test]
    fn titles_read_as_words() {
        assert_eq!(title_of("FeedbackCategory"), "Feedback category");
        assert_eq!(title_of("Id"), "Id");
    }

    #[test]
    fn labels_become_enum_descriptions_and_annotating_twice_changes_nothing() {
        let mut schema = json!({
            "properties": { "description": { "$ref": "#/$defs/Channel" } },
            "$defs": { "Channel": {
                "description": "How it `arrived`.",
                "enum": ["web", "fax"],
                "x-labels": { "web": { "sv": "Webbformulär", "en": "Web form" } },
            }},
        });
        annotate(&mut schema);
        let once = schema.clone();
        annotate(&mut schema);
        assert_eq!(schema, once);
        assert_eq!(schema["properties"], json!({ "description": { "$ref": "#/$defs/Channel" } }));
        let def = &schema["$defs"]["Channel"];
        assert_eq!(def["title"], "Channel");
        assert_eq!(def["markdownDescription"], "How it `arrived`.");
        assert_eq!(def["enumDescriptions"], json!(["Web form (sv: Webbformulär)", ""]));
        assert_eq!(def["markdownEnumDescriptions"][0], "**Web form** (sv: *Webbformulär*)");
    }
}
