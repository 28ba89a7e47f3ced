#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

pub mod codes;
mod document;
mod error;
pub mod fix;
pub mod locate;
pub mod model;
pub mod ndjson;
pub mod parallel;
pub mod personal;
pub mod schema;
pub mod upgrade;
pub mod validate;
mod walk;

pub use document::{
    Document, DocumentKind, KindVisitor, ParsedDocument, check_json, from_json, oversized,
    validate_json_by_value, validate_value,
};
pub use error::{Error, SchemaError};
pub use model::{
    Dataset, FaultReport, Feedback, Municipality, Observation, Partnership, Profile, Project,
    Proposal,
};
pub use schema::schema_for;
pub use validate::{CellRef, Issue, Lang, Limits, Options, Params, Report, Severity, Validate};
