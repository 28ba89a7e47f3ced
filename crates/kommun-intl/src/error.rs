//! The crate's error types.

use std::path::PathBuf;

use crate::validate::Report;

/// How many issues the `Display` of [`Error::Invalid`] lists; the report has them all.
pub const ISSUES_SHOWN: usize = 5;

/// Why a document could not be read as a typed value.
///
/// The `Display` of an invalid document names its first issues, so that `?` in `main` prints
/// what is wrong:
///
/// ```
/// use kommun_intl::model::Feedback;
///
/// let text = br#"{"category": "praise", "description": "Bra!", "channel": "webb",
///                 "submitted_at": "2026-11-28T09:30:00+01:00"}"#;
/// let err = kommun_intl::from_json::<Feedback>(text).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "the document is invalid: 1 error, no warnings\n  \
///      1:58: error[structure.unknown_code] at /channel: `webb` is not a known code here. \
///      Did you mean `web`? The codes here are: web, email, phone, letter, visit, app, sms, fax, \
///      social_media, third_party."
/// );
/// ```
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document has at least one error; the report lists every issue.
    #[error("{}", invalid(.0))]
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

/// "the document is invalid: 2 errors, 1 warning", then the first issues, one a line.
fn invalid(report: &Report) -> String {
    use std::fmt::Write as _;
    let count = |n: usize, one: &str, many: &str| match n {
        0 => format!("no {many}"),
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    };
    let mut text = format!(
        "the document is invalid: {}, {}",
        count(report.error_count(), "error", "errors"),
        count(report.warning_count(), "warning", "warnings")
    );
    for issue in report.issues.iter().take(ISSUES_SHOWN) {
        let _ = write!(text, "\n  {issue}");
    }
    let more = report.issues.len().saturating_sub(ISSUES_SHOWN) + report.truncated_count;
    if more > 0 {
        let _ = write!(text, "\n  ... and {}", count(more, "more issue", "more issues"));
    }
    text
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
