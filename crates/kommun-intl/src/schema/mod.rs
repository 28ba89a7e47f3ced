//! The published JSON Schemas: one per document kind, generated from the model, committed under
//! `schemas/` and checked for drift.

pub mod compiled;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

pub use compiled::Compiled;

use crate::document::{Document, DocumentKind, KindVisitor};
use crate::error::SchemaError;

/// Where the schemas are published; the `$id` of each is this plus its file name.
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
    Value::Object(out)
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

/// The schema of a kind as committed: pretty-printed JSON with a final newline.
#[must_use]
pub fn render(kind: DocumentKind) -> String {
    let mut text = serde_json::to_string_pretty(schema_for(kind)).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes every kind's schema into `dir`; returns the files written.
pub fn write_all(dir: &Path) -> Result<Vec<PathBuf>, SchemaError> {
    std::fs::create_dir_all(dir).map_err(|source| SchemaError::Io {
        action: "create",
        path: dir.to_owned(),
        source,
    })?;
    let mut written = Vec::new();
    for kind in DocumentKind::ALL {
        let path = dir.join(file_name(kind));
        std::fs::write(&path, render(kind)).map_err(|source| SchemaError::Io {
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
            Ok(text) if text == render(kind) => {}
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
