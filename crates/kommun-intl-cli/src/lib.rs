//! `kommun-intl`: validate and fix the data of a municipality's international work, print the
//! rule catalogue and write the JSON Schemas.
//!
//! The commands are thin: every decision about the data (validity, messages, fixes, which
//! values are personal) is the core crate's; this crate reads files, prints and writes.
//!
//! The library holds the whole command line (the binary calls [`main`]) and opens one door
//! beside it: [`render`], the report path as `validate` prints it, for the fuzz target that
//! holds every output format to the same promises as the command.

mod catalogue;
mod config;
mod convert;
mod corpus;
mod diff;
mod env;
mod fix;
mod inputs;
mod open_data;
mod profile;
mod progress;
mod render;
mod report;
mod schema;
mod sheets;
mod snippet;
mod upgrade;
mod validate;
mod write;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use kommun_intl::{DocumentKind, Lang};

/// Validate and fix data about a Swedish municipality's international work: registers of
/// partner towns and projects, statistics, citizen feedback and fault reports.
#[derive(Debug, Parser)]
#[command(name = "kommun-intl", version, about, long_about = None, after_help = EXIT_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXIT_HELP: &str = "Exit status: 0 valid (warnings allowed), 1 invalid data (or, with \
--deny-warnings, a warning; with `fix --diff`, something to fix), 2 usage or I/O error.";

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate files, directories (recursively: .json, .ndjson, .jsonl), spreadsheets
    /// (.xlsx, .ods, .csv, a folder of CSV files) or `-` for stdin.
    #[command(after_help = EXIT_HELP)]
    Validate(validate::Args),
    /// Normalise what has one right form, in place: phone numbers, postal codes, country
    /// codes, white space around texts.
    #[command(after_help = EXIT_HELP)]
    Fix(fix::Args),
    /// Rewrite documents of the first published shape (schemas v1) into the current one.
    #[command(after_help = EXIT_HELP)]
    Upgrade(upgrade::Args),
    /// Convert Open311 GeoReport v2 service requests (JSON, XML, POST form) to fault reports,
    /// or fault reports to Open311.
    #[command(after_help = EXIT_HELP)]
    Convert(convert::Args),
    /// Print a JSON Schema, or write or check all of them.
    Schema(schema::Args),
    /// Print the rule catalogue: every issue code with its severity and messages.
    Rules(catalogue::RulesArgs),
    /// Explain one rule, with an invalid and a valid example.
    Explain(catalogue::ExplainArgs),
    /// Render a register as the municipality's page: a static site in Swedish or English.
    #[command(after_help = EXIT_HELP)]
    Render(render::Args),
    /// Export a register: as a workbook or a folder of CSV files (xlsx, csv), or as open data
    /// (CSV with a DCAT-AP-SE description, IATI activity XML, Wikidata QuickStatements).
    #[command(after_help = EXIT_HELP)]
    Export(open_data::Args),
    /// Print a register kept as a spreadsheet (.xlsx, .ods, .csv or a folder of CSV files)
    /// as JSON.
    Import(sheets::ImportArgs),
    /// Write an empty register workbook: headers in both languages, drop-down lists, notes
    /// and a help sheet.
    Template(sheets::TemplateArgs),
}

/// How to print issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: error[code]: message`, the source line and a hint, for people.
    Human,
    /// One JSON object for all files, for programs.
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// JUnit XML: a test suite per file, a test case per document, a failure per error (GitLab,
    /// Jenkins, Azure Pipelines test reports).
    Junit,
    /// GitLab Code Quality JSON (`artifacts: reports: codequality:`), for merge requests.
    Gitlab,
    /// JSON Lines: one issue per line, for log pipelines.
    Jsonl,
}

/// When to colour the output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When printing to a terminal (and `NO_COLOR` is not set).
    #[default]
    Auto,
    /// Always (unless `NO_COLOR` is set).
    Always,
    /// Never.
    Never,
}

/// The exit statuses.
pub mod exit {
    /// Every file is valid (warnings allowed).
    pub const VALID: u8 = 0;
    /// At least one document has an error (or a warning, with `--deny-warnings`).
    pub const INVALID: u8 = 1;
    /// Bad usage, or a file could not be read or written.
    pub const USAGE: u8 = 2;
}

/// Parses a kind name for clap.
pub fn parse_kind(s: &str) -> Result<DocumentKind, String> {
    s.parse().map_err(|e: kommun_intl::Error| e.to_string())
}

/// Parses a language tag for clap.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse().map_err(|e: kommun_intl::validate::UnknownLang| e.to_string())
}

/// The report of one document as `kommun-intl validate` prints it in `format`, with the
/// summary line: for tests and the fuzz target, which check what people and programs see.
/// `trust` says whether the kind was the caller's (`--kind`) or the document's own.
///
/// # Panics
///
/// Never on any input: writing to memory cannot fail, so a failure would be a bug in a
/// format, which the fuzz target is there to find.
#[must_use]
pub fn render(
    format: Format,
    lang: Lang,
    quiet: bool,
    colour: bool,
    (kind, trust): (Option<DocumentKind>, kommun_intl::personal::Trust),
    text: &[u8],
    report: &kommun_intl::Report,
) -> Vec<u8> {
    let mut out = Vec::new();
    let settings =
        report::Settings { lang, styles: env::Styles::new(colour), quiet, deny_warnings: false };
    let mut sink = report::sink(format, Box::new(&mut out), settings);
    let doc = report::DocInfo { kind, trust, text, first_line: 1, ndjson: false };
    let result = report::one_document(&mut *sink, "input.json", &doc, report, false);
    drop(sink);
    // Writing to memory cannot fail; a format that could would be a bug worth a crash here.
    result.expect("writing a report to memory");
    out
}

/// Runs the command line: parses the arguments, runs the command, returns its exit status.
#[must_use]
pub fn main() -> ExitCode {
    ExitCode::from(run(std::env::args_os()))
}

/// Runs the command line with these arguments (the first is the program's name, as in
/// `std::env::args_os`) and returns the exit status (see [`exit`]). The Python package's
/// `kommun-intl` command calls this, so the wheel carries the whole CLI.
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { exit::USAGE } else { exit::VALID };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Fix(args) => fix::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Upgrade(args) => upgrade::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Rules(args) => catalogue::rules(&args),
        Command::Explain(args) => catalogue::explain(&args),
        Command::Render(args) => render::run(&args),
        Command::Export(args) => open_data::run(&args),
        Command::Import(args) => sheets::import(&args),
        Command::Template(args) => sheets::template(&args),
    }
}
