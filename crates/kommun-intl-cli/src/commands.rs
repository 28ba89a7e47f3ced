//! The subcommands.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use kommun_intl::{DocumentKind, Lang, Options, schema};

use crate::output::{self, FileResult};
use crate::{Format, exit};

/// Arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The files to validate.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The document kind; by default it is read from each document's `$schema`.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<DocumentKind>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the messages: `sv` or `en`.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    pub lang: Lang,
    /// Keep at most this many issues per document.
    #[arg(long, default_value_t = kommun_intl::validate::DEFAULT_MAX_ISSUES)]
    pub max_issues: usize,
}

fn parse_kind(s: &str) -> Result<DocumentKind, String> {
    s.parse().map_err(|e: kommun_intl::Error| e.to_string())
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: kommun_intl::validate::UnknownLang| e.to_string())
}

/// Runs `validate`; returns the exit status.
pub fn validate(args: &ValidateArgs) -> u8 {
    let options = Options { max_issues: args.max_issues, ..Options::default() };
    let mut results = Vec::new();
    let mut status = exit::VALID;
    for path in &args.files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                status = exit::USAGE;
                continue;
            }
        };
        let kind = match args.kind.map_or_else(|| DocumentKind::detect(&bytes), Ok) {
            Ok(k) => k,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                status = exit::USAGE;
                continue;
            }
        };
        let report = kind.validate_json(&bytes, &options);
        if !report.is_valid() && status == exit::VALID {
            status = exit::INVALID;
        }
        results.push(FileResult { path: path.display().to_string(), kind, report });
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Human => output::human(&mut out, &results, args.lang),
        Format::Json => output::json(&mut out, &results, args.lang),
    };
    if written.and_then(|()| out.flush()).is_err() {
        return exit::USAGE;
    }
    status
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The kind whose schema to print.
    #[arg(value_parser = parse_kind, conflicts_with_all = ["write", "check"])]
    pub kind: Option<DocumentKind>,
    /// Write every schema into this directory.
    #[arg(long, value_name = "DIR", conflicts_with = "check")]
    pub write: Option<PathBuf>,
    /// Check that this directory holds exactly the generated schemas.
    #[arg(long, value_name = "DIR")]
    pub check: Option<PathBuf>,
}

/// Runs `schema`; returns the exit status.
pub fn schema(args: &SchemaArgs) -> u8 {
    if let Some(dir) = &args.write {
        return match schema::write_all(dir) {
            Ok(files) => {
                for f in files {
                    eprintln!("wrote {}", f.display());
                }
                exit::VALID
            }
            Err(e) => {
                eprintln!("error: {e}");
                exit::USAGE
            }
        };
    }
    if let Some(dir) = &args.check {
        return match schema::check_all(dir) {
            Ok(()) => exit::VALID,
            Err(e @ kommun_intl::SchemaError::Drift { .. }) => {
                eprintln!("error: {e}");
                exit::INVALID
            }
            Err(e) => {
                eprintln!("error: {e}");
                exit::USAGE
            }
        };
    }
    let Some(kind) = args.kind else {
        eprintln!(
            "error: name a kind ({}), or use --write DIR or --check DIR",
            DocumentKind::names()
        );
        return exit::USAGE;
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out.write_all(schema::render(kind).as_bytes()).is_err() {
        return exit::USAGE;
    }
    exit::VALID
}
