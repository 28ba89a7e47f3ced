//! Document kinds and the entry points that parse and validate JSON.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::Error;
use crate::model::{
    Dataset, FaultReport, Feedback, Municipality, Observation, Partnership, Project,
};
use crate::schema;
use crate::validate::{Ctx, Options, Report, Validate, limits, locate, rules, structure};

/// The kinds of document, one JSON Schema each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocumentKind {
    /// A municipality's register: [`Dataset`].
    Dataset,
    /// One [`Municipality`].
    Municipality,
    /// One [`Partnership`].
    Partnership,
    /// One [`Project`].
    Project,
    /// One statistics [`Observation`].
    Observation,
    /// One citizen [`Feedback`].
    Feedback,
    /// One [`FaultReport`].
    FaultReport,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::Dataset,
        DocumentKind::Municipality,
        DocumentKind::Partnership,
        DocumentKind::Project,
        DocumentKind::Observation,
        DocumentKind::Feedback,
        DocumentKind::FaultReport,
    ];

    /// The kind's name (`dataset`, `fault-report`), as in schema file names and the CLI.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Dataset => "dataset",
            DocumentKind::Municipality => "municipality",
            DocumentKind::Partnership => "partnership",
            DocumentKind::Project => "project",
            DocumentKind::Observation => "observation",
            DocumentKind::Feedback => "feedback",
            DocumentKind::FaultReport => "fault-report",
        }
    }

    /// The names of all kinds, comma-separated.
    #[must_use]
    pub fn names() -> String {
        DocumentKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }

    /// The kind a `$schema` value names: its last path segment is `<kind>.schema.json`
    /// (`../schemas/dataset.schema.json` or the schema's `$id`).
    #[must_use]
    pub fn from_schema_uri(uri: &str) -> Option<DocumentKind> {
        let last = uri.rsplit(['/', '\\']).next()?;
        let last = last.split(['#', '?']).next()?;
        let name = last.strip_suffix(".schema.json").or_else(|| last.strip_suffix(".json"))?;
        DocumentKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Tells the kind from the document's `$schema` member.
    pub fn detect(json: &[u8]) -> Result<DocumentKind, Error> {
        #[derive(serde::Deserialize)]
        struct Probe {
            #[serde(rename = "$schema")]
            schema: Option<Value>,
        }
        let kinds = DocumentKind::names();
        let probe: Probe = serde_json::from_slice(json).map_err(|_| Error::KindNotDetected {
            reason: "it is not a JSON object",
            kinds: kinds.clone(),
        })?;
        let Some(Value::String(uri)) = probe.schema else {
            return Err(Error::KindNotDetected { reason: "it has no `$schema`", kinds });
        };
        DocumentKind::from_schema_uri(&uri)
            .ok_or(Error::KindNotDetected { reason: "its `$schema` names no known schema", kinds })
    }

    /// Parses and validates a JSON document of this kind.
    #[must_use]
    pub fn validate_json(self, json: &[u8], options: &Options) -> Report {
        match self {
            DocumentKind::Dataset => check_json::<Dataset>(json, options).1,
            DocumentKind::Municipality => check_json::<Municipality>(json, options).1,
            DocumentKind::Partnership => check_json::<Partnership>(json, options).1,
            DocumentKind::Project => check_json::<Project>(json, options).1,
            DocumentKind::Observation => check_json::<Observation>(json, options).1,
            DocumentKind::Feedback => check_json::<Feedback>(json, options).1,
            DocumentKind::FaultReport => check_json::<FaultReport>(json, options).1,
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DocumentKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.name() == wanted)
            .ok_or_else(|| Error::UnknownKind { name: s.to_owned(), kinds: DocumentKind::names() })
    }
}

/// A type that can stand alone as a document.
pub trait Document: DeserializeOwned + Serialize + Validate + schemars::JsonSchema {
    /// Its kind.
    const KIND: DocumentKind;
}

macro_rules! documents {
    ($($t:ty => $k:ident),*) => {
        $(impl Document for $t { const KIND: DocumentKind = DocumentKind::$k; })*
    };
}
documents!(Dataset => Dataset, Municipality => Municipality, Partnership => Partnership,
    Project => Project, Observation => Observation, Feedback => Feedback, FaultReport => FaultReport);

/// Parses JSON into `T` and validates it in one call: the value (when the JSON fits the model,
/// even with rule errors) and the report of every issue, with line and column.
///
/// Valid input takes the fast path: one typed parse, then the rules. Only input that does not
/// fit the model is parsed a second time to explain every structural problem.
#[must_use]
pub fn check_json<T: Document>(json: &[u8], options: &Options) -> (Option<T>, Report) {
    let mut ctx = Ctx::new(options);
    let value = parse_and_check::<T>(json, &mut ctx);
    let mut report = ctx.finish();
    if !report.issues.is_empty() {
        locate::locate(json, &mut report.issues);
    }
    (value, report)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn parse_and_check<T: Document>(json: &[u8], ctx: &mut Ctx) -> Option<T> {
    let max = ctx.limits().max_document_size;
    if json.len() > max {
        let params = [("size", json.len().to_string()), ("max", max.to_string())];
        ctx.push_located(&rules::LIMIT_DOCUMENT_SIZE, &params, 1, 1);
        return None;
    }
    let body = match json.strip_prefix(BOM) {
        Some(rest) => {
            ctx.push_located(&rules::JSON_BYTE_ORDER_MARK, &[], 1, 1);
            rest
        }
        None => json,
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        ctx.push_located(&rules::JSON_EMPTY, &[], 1, 1);
        return None;
    }
    if let Ok(value) = serde_json::from_slice::<T>(body) {
        // A recursive schema (a partner that is part of a partner ...) lets a document that
        // fits the model nest as deep as serde_json allows: hold it to the configured limit.
        let max_depth = ctx.limits().max_depth.min(128);
        if !(schema::is_recursive(T::KIND) && limits::too_deep(body, max_depth)) {
            value.validate_into(ctx);
            return Some(value);
        }
    }
    explain(T::KIND, body, ctx);
    None
}

/// Parses and validates JSON into `T`, failing with [`Error::Invalid`] if there is any error
/// (warnings are allowed).
pub fn from_json<T: Document>(json: impl AsRef<[u8]>) -> Result<T, Error> {
    match check_json::<T>(json.as_ref(), &Options::default()) {
        (Some(value), report) if report.is_valid() => Ok(value),
        (_, report) => Err(Error::Invalid(report)),
    }
}

/// Validates an already-parsed JSON value as a document of `kind` (no line numbers).
#[must_use]
pub fn validate_value(kind: DocumentKind, value: &Value, options: &Options) -> Report {
    use structure::typed;
    let mut ctx = Ctx::new(options);
    let max = ctx.limits().max_depth.min(128);
    if limits::depth(value) > max {
        ctx.report(&rules::LIMIT_DEPTH, &[("max", max.to_string())]);
        return ctx.finish();
    }
    let fits = match kind {
        DocumentKind::Dataset => typed::<Dataset>(value, &mut ctx),
        DocumentKind::Municipality => typed::<Municipality>(value, &mut ctx),
        DocumentKind::Partnership => typed::<Partnership>(value, &mut ctx),
        DocumentKind::Project => typed::<Project>(value, &mut ctx),
        DocumentKind::Observation => typed::<Observation>(value, &mut ctx),
        DocumentKind::Feedback => typed::<Feedback>(value, &mut ctx),
        DocumentKind::FaultReport => typed::<FaultReport>(value, &mut ctx),
    };
    if !fits {
        structure::explain(schema::schema_for(kind), value, &mut ctx);
        if ctx.issue_count() == 0 {
            ctx.report(&rules::INVALID_VALUE, &[]);
        }
    }
    ctx.finish()
}

/// The slow path: says why a text does not fit the model.
fn explain(kind: DocumentKind, json: &[u8], ctx: &mut Ctx) {
    let before = ctx.issue_count();
    let limits = *ctx.limits();
    if !limits::scan(json, &limits, ctx) {
        return;
    }
    match serde_json::from_slice::<Value>(json) {
        Ok(value) => structure::explain(schema::schema_for(kind), &value, ctx),
        Err(e) => {
            let text = e.to_string();
            let detail = text.split(" at line ").next().unwrap_or(&text).to_owned();
            let (rule, params): (&'static rules::Rule, Vec<(&'static str, String)>) = if e.is_eof()
            {
                (&rules::JSON_TRUNCATED, vec![])
            } else if detail.contains("recursion limit") {
                (&rules::LIMIT_DEPTH, vec![("max", "128".to_owned())])
            } else if detail.contains("number out of range") {
                (&rules::JSON_NUMBER_OUT_OF_RANGE, vec![])
            } else {
                (&rules::JSON_SYNTAX, vec![("detail", detail)])
            };
            let at = locate::serde_offset(json, e.line(), e.column());
            let (line, column) = crate::locate::line_column(json, at);
            ctx.push_located(rule, &params, line, column);
        }
    }
    if ctx.issue_count() == before {
        ctx.report(&rules::INVALID_VALUE, &[]);
    }
}
