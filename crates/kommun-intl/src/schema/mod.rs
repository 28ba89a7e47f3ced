//! The published JSON Schemas: one per document kind, generated from the model, committed under
//! `schemas/` and checked for drift.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::document::DocumentKind;
use crate::error::SchemaError;
use crate::model::{
    Dataset, FaultReport, Feedback, Municipality, Observation, Partnership, Project,
};

/// Where the schemas are published; the `$id` of each is this plus its file name.
pub const BASE_URI: &str = "https://kommun-intl.github.io/kommun-intl/schemas/v1/";

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

static SCHEMAS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    DocumentKind::ALL
        .iter()
        .map(|&kind| match kind {
            DocumentKind::Dataset => generate::<Dataset>(kind),
            DocumentKind::Municipality => generate::<Municipality>(kind),
            DocumentKind::Partnership => generate::<Partnership>(kind),
            DocumentKind::Project => generate::<Project>(kind),
            DocumentKind::Observation => generate::<Observation>(kind),
            DocumentKind::Feedback => generate::<Feedback>(kind),
            DocumentKind::FaultReport => generate::<FaultReport>(kind),
        })
        .collect()
});

/// The JSON Schema of a kind.
#[must_use]
pub fn schema_for(kind: DocumentKind) -> &'static Value {
    let i = DocumentKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    &SCHEMAS[i]
}

/// True when a kind's schema refers to itself, directly or not (a `$defs` entry reachable from
/// its own body), so that its documents can nest without a bound set by the model.
#[must_use]
pub fn is_recursive(kind: DocumentKind) -> bool {
    static RECURSIVE: LazyLock<Vec<bool>> =
        LazyLock::new(|| DocumentKind::ALL.iter().map(|&k| has_cycle(schema_for(k))).collect());
    let i = DocumentKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    RECURSIVE[i]
}

/// The `$defs` names that `schema` refers to, at any depth (not through other definitions).
fn refs<'s>(schema: &'s Value, out: &mut Vec<&'s str>) {
    match schema {
        Value::Object(o) => {
            for (k, v) in o {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => {
                        out.extend(r.strip_prefix("#/$defs/"));
                    }
                    ("$defs", _) => {}
                    _ => refs(v, out),
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

/// True when some `$defs` entry can reach itself through `$ref`s.
fn has_cycle(root: &Value) -> bool {
    let Some(defs) = root.get("$defs").and_then(Value::as_object) else { return false };
    defs.keys().any(|start| {
        let mut seen = std::collections::HashSet::new();
        let mut todo = vec![start.as_str()];
        while let Some(name) = todo.pop() {
            let mut next = Vec::new();
            if let Some(def) = defs.get(name) {
                refs(def, &mut next);
            }
            for n in next {
                if n == start {
                    return true;
                }
                if seen.insert(n) {
                    todo.push(n);
                }
            }
        }
        false
    })
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
