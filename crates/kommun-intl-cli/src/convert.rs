//! `kommun-intl convert`: Open311 GeoReport v2 (JSON, XML, the POST form) to fault reports and
//! back. Every issue of the reading goes to stderr, as `path:line:col: severity[code]: message
//! (at POINTER)`; the converted documents go to stdout (one as JSON, several as NDJSON,
//! written as they come) or, with `--output DIR`, to one file per input.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use kommun_intl::codes::CountryCode;
use kommun_intl::{FaultReport, Lang, Options, Profile, Report, Severity};
use kommun_intl_open311::{
    Format, PostResponse, read_post_responses, read_requests, write_post_responses, write_requests,
};

use crate::inputs::{self, Documents, FileKinds, Input, Source};
use crate::{env, exit, parse_lang, profile};

/// What `convert` reads and writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Shape {
    /// Open311 GeoReport v2 service requests: JSON, XML or the POST form (told by the text).
    Open311,
    /// Fault reports (`kommun-intl schema fault-report`): JSON or NDJSON.
    FaultReport,
    /// The body of an Open311 POST Service Request response (`service_request_id` or
    /// `token`, `service_notice`, `account_id`): JSON or XML, told by the text. Converts
    /// `--to open311`, checked, in the `--format` asked for.
    Open311Response,
}

/// The Open311 format to write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum WireFormat {
    /// GeoReport v2 JSON.
    #[default]
    Json,
    /// GeoReport v2 XML.
    Xml,
}

/// Arguments of `convert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively: .json, .xml and .form files for Open311;
    /// .json, .ndjson and .jsonl for fault reports) or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// What the inputs are.
    #[arg(long, value_enum)]
    pub from: Shape,
    /// What to write.
    #[arg(long, value_enum)]
    pub to: Shape,
    /// The Open311 format to write (with `--to open311`).
    #[arg(long, value_enum, default_value_t)]
    pub format: WireFormat,
    /// Write one file per input into this directory (created if missing) instead of stdout.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Language of the messages: `sv` or `en`.
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[command(flatten)]
    pub profile: profile::Arg,
}

fn is_open311_file(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    matches!(ext.as_str(), "json" | "xml" | "form")
}

const OPEN311_FILES: FileKinds =
    FileKinds { wanted: is_open311_file, patterns: "*.json, *.xml, *.form" };

/// Where the converted documents go.
enum Sink {
    /// Stdout: the first document waits until the second shows whether there are several.
    Stdout { held: Option<serde_json::Value>, several: bool },
    /// One file per input in a directory.
    Dir(PathBuf),
}

impl Sink {
    fn document(&mut self, value: serde_json::Value) -> io::Result<()> {
        let Sink::Stdout { held, several } = self else { return Ok(()) };
        let mut out = io::stdout().lock();
        if let Some(first) = held.take() {
            *several = true;
            writeln!(out, "{}", serde_json::to_string(&first)?)?;
        }
        if *several {
            writeln!(out, "{}", serde_json::to_string(&value)?)
        } else {
            *held = Some(value);
            Ok(())
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        if let Sink::Stdout { held: Some(one), .. } = self {
            let mut out = io::stdout().lock();
            writeln!(out, "{}", serde_json::to_string_pretty(one)?)?;
        }
        Ok(())
    }
}

/// Prints a report's issues on stderr (`index` for a document of several in one input).
fn print_issues(display: &str, index: Option<usize>, report: &Report, lang: Lang) -> bool {
    let mut err = io::stderr().lock();
    for issue in &report.issues {
        let at = match (issue.line, issue.column) {
            (Some(l), Some(c)) => format!("{display}:{l}:{c}"),
            _ => display.to_owned(),
        };
        let severity = match issue.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let which = index.map(|i| format!("request {i}, ")).unwrap_or_default();
        let pointer = if issue.pointer.is_empty() { "/" } else { issue.pointer.as_str() };
        let _ = writeln!(
            err,
            "{}: {severity}[{}]: {} ({which}at {})",
            env::escape_controls(&at),
            issue.code,
            env::escape_controls(&issue.message(lang)),
            env::escape_controls(pointer),
        );
    }
    if report.truncated_count > 0 {
        let _ = writeln!(
            err,
            "{}: {} more issue(s) not shown",
            env::escape_controls(display),
            report.truncated_count
        );
    }
    report.is_valid()
}

/// The name of an input's output file: its stem and `extension`.
fn output_name(input: &Input, extension: &str) -> String {
    let stem = match &input.source {
        Source::Stdin => "stdin".to_owned(),
        Source::File(p) => {
            p.file_stem().map_or_else(|| "output".to_owned(), |s| s.to_string_lossy().into_owned())
        }
    };
    format!("{stem}.{extension}")
}

/// Runs `convert`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let lang = env::lang(args.lang);
    if args.from == args.to {
        env::error("--from and --to are the same; convert between open311 and fault-report");
        return exit::USAGE;
    }
    if args.to == Shape::Open311Response
        || (args.from == Shape::Open311Response && args.to != Shape::Open311)
    {
        env::error(
            "a POST response converts only --from open311-response --to open311 (JSON or XML, \
             with --format); it is no fault report",
        );
        return exit::USAGE;
    }
    let Ok(profile) = args.profile.load(lang) else { return exit::USAGE };
    if let Some(dir) = &args.output
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        env::error(&format!("cannot create {}: {e}", dir.display()));
        return exit::USAGE;
    }
    let options = Options { profile, ..Options::default() };
    let kinds = if args.from == Shape::FaultReport { &inputs::DATA_FILES } else { &OPEN311_FILES };
    let mut responses = Vec::new();
    let mut sink = match &args.output {
        Some(dir) => Sink::Dir(dir.clone()),
        None => Sink::Stdout { held: None, several: false },
    };
    let (mut invalid, mut failures) = (false, false);
    let mut reports = Vec::new();
    for entry in inputs::expand_files(&args.paths, false, false, true, kinds) {
        let input = match entry {
            Ok(i) => i,
            Err(f) => {
                env::error(&format!("{}: {}", f.display, f.reason));
                failures = true;
                continue;
            }
        };
        let result = match args.from {
            Shape::Open311 => from_open311(&input, &options, lang, &mut sink),
            Shape::FaultReport => from_fault_reports(&input, &options, lang, args, &mut reports),
            Shape::Open311Response => {
                from_post_responses(&input, &options, lang, args, &mut responses)
            }
        };
        match result {
            Ok(valid) => invalid |= !valid,
            Err(e) => {
                env::error(&format!("{}: {e}", input.display));
                failures = true;
            }
        }
    }
    let finished = if args.to == Shape::Open311 && args.output.is_none() {
        let mut out = io::stdout().lock();
        let text = if args.from == Shape::Open311Response {
            write_post_responses(&responses, wire(args.format))
        } else {
            write_requests(&reports, wire(args.format))
        };
        out.write_all(text.as_bytes())
    } else {
        sink.finish()
    };
    if let Err(e) = finished {
        env::error(&format!("cannot write: {e}"));
        failures = true;
    }
    if failures {
        exit::USAGE
    } else if invalid {
        exit::INVALID
    } else {
        exit::VALID
    }
}

fn wire(format: WireFormat) -> Format {
    match format {
        WireFormat::Json => Format::Json,
        WireFormat::Xml => Format::Xml,
    }
}

fn read_whole(input: &Input, limit: usize) -> io::Result<Vec<u8>> {
    let mut text = Vec::new();
    let cap = limit as u64 + 1;
    match &input.source {
        Source::Stdin => io::stdin().lock().take(cap).read_to_end(&mut text)?,
        Source::File(p) => std::fs::File::open(p)?.take(cap).read_to_end(&mut text)?,
    };
    Ok(text)
}

/// Reads an Open311 input with `read`, printing the issues of each item it gives: `Err` with
/// whether it is valid when the document itself could not be read (its issues printed), else
/// the items and whether none of them has an error.
fn read_printing<T>(
    input: &Input,
    options: &Options,
    lang: Lang,
    read: impl Fn(&[u8], &Options) -> Result<Vec<T>, Report>,
    report_of: impl Fn(&T) -> &Report,
) -> io::Result<Result<(Vec<T>, bool), bool>> {
    let text = read_whole(input, options.limits.max_document_size)?;
    let items = match read(&text, options) {
        Ok(r) => r,
        Err(report) => return Ok(Err(print_issues(&input.display, None, &report, lang))),
    };
    let several = items.len() > 1;
    let mut valid = true;
    for (i, item) in items.iter().enumerate() {
        valid &= print_issues(&input.display, several.then_some(i), report_of(item), lang);
    }
    Ok(Ok((items, valid)))
}

/// One Open311 input to fault reports; true when nothing in it is an error.
fn from_open311(input: &Input, options: &Options, lang: Lang, sink: &mut Sink) -> io::Result<bool> {
    let (requests, valid) = match read_printing(input, options, lang, read_requests, |r| &r.report)?
    {
        Ok(read) => read,
        Err(valid) => return Ok(valid),
    };
    let mut values = Vec::with_capacity(requests.len());
    for request in requests {
        match sink {
            Sink::Dir(_) => values.push(request.value),
            Sink::Stdout { .. } => sink.document(request.value)?,
        }
    }
    if let Sink::Dir(dir) = sink {
        let (name, body) = if let [one] = values.as_slice() {
            (output_name(input, "json"), serde_json::to_string_pretty(one)? + "\n")
        } else {
            let mut body = String::new();
            for v in &values {
                body.push_str(&serde_json::to_string(v)?);
                body.push('\n');
            }
            (output_name(input, "ndjson"), body)
        };
        std::fs::write(dir.join(name), body)?;
    }
    Ok(valid)
}

/// One input of fault reports (JSON or NDJSON) to Open311; true when every report is valid.
/// Without `--output` the reports are gathered into one list of requests.
fn from_fault_reports(
    input: &Input,
    options: &Options,
    lang: Lang,
    args: &Args,
    all: &mut Vec<FaultReport>,
) -> io::Result<bool> {
    let mut docs = Documents::open(input, options.limits.max_document_size)?;
    let mut valid = true;
    let mut mine = Vec::new();
    let mut i = 0;
    while let Some(doc) = docs.next_doc()? {
        let (report, issues) = kommun_intl::check_json::<FaultReport>(doc.text, options);
        let ndjson = docs_index(i, doc.first_line);
        valid &= print_issues(&input.display, ndjson, &issues, lang);
        if let Some(report) = report.filter(|_| issues.is_valid()) {
            mine.push(report);
        }
        i += 1;
    }
    match &args.output {
        Some(dir) => {
            let ext = wire(args.format).name();
            std::fs::write(
                dir.join(output_name(input, ext)),
                write_requests(&mine, wire(args.format)),
            )?;
        }
        None => all.extend(mine),
    }
    Ok(valid)
}

/// One POST response body to Open311 (JSON or XML, as `--format` says); true when nothing in
/// it is an error. Without `--output` the responses are gathered into one list.
fn from_post_responses(
    input: &Input,
    options: &Options,
    lang: Lang,
    args: &Args,
    all: &mut Vec<PostResponse>,
) -> io::Result<bool> {
    let (read, valid) =
        match read_printing(input, options, lang, read_post_responses, |r| &r.report)? {
            Ok(read) => read,
            Err(valid) => return Ok(valid),
        };
    let mine: Vec<PostResponse> = read.into_iter().map(|r| r.response).collect();
    match &args.output {
        Some(dir) => {
            let format = wire(args.format);
            let name = output_name(input, format.name());
            std::fs::write(dir.join(name), write_post_responses(&mine, format))?;
        }
        None => all.extend(mine),
    }
    Ok(valid)
}

/// The index shown for a document of an NDJSON input (none for the first of a whole file).
fn docs_index(i: usize, first_line: usize) -> Option<usize> {
    (i > 0 || first_line > 1).then_some(i)
}

/// The profile a service list gives, for `--profile services.xml` (in `country`, by default
/// Sweden: a service list does not say).
pub fn profile_from_services(text: &[u8], country: Option<CountryCode>) -> Result<Profile, Report> {
    kommun_intl_open311::profile_from_services(text, &[], &Options::default())
        .map(|l| Profile { country: country.or(l.profile.country), ..l.profile })
}
