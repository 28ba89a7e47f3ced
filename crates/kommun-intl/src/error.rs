//! The crate's error types.

use std::path::PathBuf;

use crate::validate::Report;

/// Why a document could not be read as a typed value.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document has at least one error; the report lists every issue.
    #[error("the document is invalid: {} error(s), {} warning(s)", .0.error_count(), .0.warning_count())]
    Invalid(Report),
    /// A kind name that is not one of the document kinds.
    #[error("unknown document kind `{name}`; the kinds are: {kinds}")]
    UnknownKind {
        /// The name given.
        name: String,
        /// The known kinds, comma-separated.
        kinds: String,
    },
    /// The kind was not given and the document's `$schema` does not tell it.
    #[error("cannot tell the kind of the document: {reason}; give the kind (one of: {kinds})")]
    KindNotDetected {
        /// What was missing.
        reason: &'static str,
        /// The known kinds, comma-separated.
        kinds: String,
    },
}

/// A problem writing or checking the committed schema files.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// A schema file could not be read or written.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The files differ from what the code generates.
    #[error("schemas are out of date: {files:?} differ from the generated ones; run `{command}`")]
    Drift {
        /// The files that differ or are missing.
        files: Vec<PathBuf>,
        /// The command that regenerates them.
        command: &'static str,
    },
}
