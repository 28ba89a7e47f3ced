//! The published JSON Schemas: one per document kind, generated from the model, committed under
//! `schemas/` and checked for drift.

pub mod compiled;
pub mod editor;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

pub use compiled::Compiled;

use crate::document::{Document, DocumentKind, KindVisitor};
use crate::error::SchemaError;
use crate::model::Profile;

/// Where the schemas are published; the `$id` of each is this plus its file name.
/// It is under the documentation site ([`crate::validate::rules::DOCS_URI`]); `make docs`
/// publishes each file there.
pub const BASE_URI: &str = "https://kommun-intl.github.io/kommun-intl/schemas/v2/";

/// The command that rewrites the committed schemas.
pub const REGENERATE_COMMAND: &str = "cargo run -- schema --write schemas/";

/// The file name of a kind's schema (`dataset.schema.json`).
#[must_use]
pub fn file_name(kind: DocumentKind) -> String {
    format!("{}.schema.json", kind.name())
}

/// The stable `$id` of a kind's schema.
#[must_use]
pub fn schema_id(kind: DocumentKind) -> String {
    format!("{BASE_URI}{}", file_name(kind))
}

fn generate<T: JsonSchema>(kind: DocumentKind) -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let Value::Object(body) = schema.to_value() else { unreachable!("a root schema is an object") };
    let mut out = Map::new();
    out.insert("$schema".into(), "https://json-schema.org/draft/2020-12/schema".into());
    out.insert("$id".into(), schema_id(kind).into());
    for (k, v) in body {
        if k != "$schema" {
            out.insert(k, v);
        }
    }
    let mut schema = Value::Object(out);
    editor::annotate(&mut schema);
    schema
}

/// The JSON Schema of a kind, generated on first use and kept for the process.
#[must_use]
pub fn schema_for(kind: DocumentKind) -> &'static Value {
    struct Generate(DocumentKind);
    impl KindVisitor for Generate {
        type Output = Value;
        fn visit<T: Document>(self) -> Value {
            generate::<T>(self.0)
        }
    }
    static SCHEMAS: [OnceLock<Value>; DocumentKind::ALL.len()] =
        [const { OnceLock::new() }; DocumentKind::ALL.len()];
    SCHEMAS[kind.index()].get_or_init(|| kind.visit(Generate(kind)))
}

/// True when a kind's schema refers to itself, directly or not, so that its documents can
/// nest without a bound set by the model.
#[must_use]
pub fn is_recursive(kind: DocumentKind) -> bool {
    Compiled::of(kind).is_recursive()
}

/// The schema of a kind for one municipality: its services, feedback categories, channels,
/// units and detailed statuses become the `enum`s (with the municipality's names as
/// `x-labels`), so that an editor completes its codes. The `$id` is the profile's own
/// (`.../schemas/v2/profiles/<profile id>/<kind>.schema.json`).
#[must_use]
pub fn schema_with_profile(kind: DocumentKind, profile: &Profile) -> Value {
    let mut schema = schema_for(kind).clone();
    let id = format!("{BASE_URI}profiles/{}/{}", profile.id, file_name(kind));
    schema["$id"] = id.into();
    for (def, property, codes) in profile.code_lists() {
        // A definition is in `$defs`, or is the root itself (its `title`).
        let at_root = schema.get("title").and_then(Value::as_str) == Some(def);
        let node =
            if at_root { Some(&mut schema) } else { schema.pointer_mut(&format!("/$defs/{def}")) };
        let node = match property {
            None => node,
            Some(p) => node.and_then(|d| d.pointer_mut(&format!("/properties/{p}"))),
        };
        let Some(Value::Object(node)) = node else { continue };
        // A profile that leaves units or statuses out does not restrict them.
        if codes.values.is_empty() {
            continue;
        }
        node.insert("enum".into(), codes.values.iter().map(|c| Value::from(&**c)).collect());
        let labels: Map<String, Value> = codes
            .values
            .iter()
            .zip(&codes.labels)
            .filter_map(|(c, l)| {
                let l = l.as_ref()?;
                Some((c.to_string(), serde_json::json!({ "sv": &*l.sv, "en": &*l.en })))
            })
            .collect();
        node.insert("x-labels".into(), Value::Object(labels));
    }
    editor::annotate(&mut schema);
    schema
}

/// The schema of a kind as committed: pretty-printed JSON with a final newline. With a profile,
/// the municipality's ([`schema_with_profile`]).
#[must_use]
pub fn render(kind: DocumentKind, profile: Option<&Profile>) -> String {
    let mut text = match profile {
        None => serde_json::to_string_pretty(schema_for(kind)),
        Some(p) => serde_json::to_string_pretty(&schema_with_profile(kind, p)),
    }
    .unwrap_or_default();
    text.push('\n');
    text
}

/// Writes every kind's schema into `dir` (a profile's, with one); returns the files written.
pub fn write_all(dir: &Path, profile: Option<&Profile>) -> Result<Vec<PathBuf>, SchemaError> {
    std::fs::create_dir_all(dir).map_err(|source| SchemaError::Io {
        action: "create",
        path: dir.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for kind in DocumentKind::ALL {
        let path = dir.join(file_name(kind));
        std::fs::write(&path, render(kind, profile)).map_err(|source| SchemaError::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Checks that `dir` holds exactly the generated schemas.
pub fn check_all(dir: &Path) -> Result<(), SchemaError> {
    let mut differ = Vec::new();
    for kind in DocumentKind::ALL {
        let path = dir.join(file_name(kind));
        match std::fs::read_to_string(&path) {
            Ok(text) if text == render(kind, None) => {}
            Ok(_) => differ.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => differ.push(path),
            Err(source) => return Err(SchemaError::Io { action: "read", path, source }),
        }
    }
    if differ.is_empty() {
        Ok(())
    } else {
        Err(SchemaError::Drift { files: differ, command: REGENERATE_COMMAND })
    }
}
