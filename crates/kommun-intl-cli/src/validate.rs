//! `kommun-intl validate`: every input through the core, every report to the chosen format.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use kommun_intl::personal::Trust;
use kommun_intl::{DocumentKind, Lang, Options, Report, ndjson};

use crate::config::{self, ConfigError, ReferenceDate, Resolver};
use crate::env::{self, Styles};
use crate::inputs::{self, Documents, Failure, Input};
use crate::progress::Progress;
use crate::report::{self, DocInfo, FileInfo, FileStats, Settings, Sink, Totals};
use crate::{ColorChoice, Format, exit, parse_kind, parse_lang};

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively for .json, .ndjson and .jsonl files) or `-`
    /// for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The document kind; by default the configuration's for the file, else each file's
    /// `$schema` tells it (for NDJSON, the first line's).
    #[arg(long, value_parser = parse_kind, value_name = "KIND")]
    pub kind: Option<DocumentKind>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of the messages: `sv` or `en` [default: the configuration's, else the
    /// system's: LC_ALL, LC_MESSAGES or LANG, or the platform's own setting]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Keep at most this many issues per document; the rest are counted [default: the
    /// configuration's, else 1000]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_issues: Option<u64>,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// "Today", for the rules that compare with it (a planned end that has passed, a
    /// submission in the future): `today` (the date in Sweden) or a date; without it (and
    /// without `reference-date` in the configuration) those rules do not run.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = config::parse_reference_date)]
    pub reference_date: Option<ReferenceDate>,
    /// Print only the issues, one line each: no source, no summary, no progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Read every input as NDJSON, one document per line, whatever its name.
    #[arg(long)]
    pub ndjson: bool,
    /// When to colour the output (never when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
    /// In directories, follow symbolic links that lead out of the directory too.
    #[arg(long)]
    pub follow_links: bool,
    #[command(flatten)]
    pub profile: crate::profile::Arg,
    #[command(flatten)]
    pub config: config::ConfigArgs,
}

/// What one input is checked with: its kind (`None`: each document's `$schema` tells it) and
/// the options, from the command line over its configuration.
struct Setup {
    kind: Option<DocumentKind>,
    options: Options,
}

/// One input (or the reason it cannot be read) and how to check it.
type Planned = (Result<Input, Failure>, Setup);

/// The language, the inputs and how to check each, from the command line and the
/// configurations found; or the error to print.
fn prepare(args: &Args) -> Result<(Lang, Vec<Planned>), ConfigError> {
    let mut resolver = Resolver::new(&args.config)?;
    let lang = resolver.lang(args.lang, &args.paths)?;
    // A bad `--profile` has printed its error already.
    let Ok(given_profile) = args.profile.load(lang) else { return Err(ConfigError(Vec::new())) };
    let mut out = Vec::new();
    for found in resolver.inputs(&args.paths, args.ndjson, args.follow_links)? {
        let profile = match (&given_profile, &found.profile) {
            (Some(p), _) => Some(Arc::clone(p)),
            (None, Some(path)) => Some(resolver.profile(path, lang)?),
            (None, None) => None,
        };
        let config = found.loaded.as_ref().map(|c| &c.config);
        let max_issues = args
            .max_issues
            .and_then(|n| usize::try_from(n).ok())
            .or(config.and_then(|c| c.max_issues))
            .unwrap_or(kommun_intl::validate::DEFAULT_MAX_ISSUES);
        let reference_date =
            args.reference_date.or(config.and_then(|c| c.reference_date)).map(ReferenceDate::date);
        let options = Options {
            max_issues,
            reference_date,
            profile,
            rules: found.rules(),
            ..Options::default()
        };
        out.push((found.input, Setup { kind: args.kind.or(found.kind), options }));
    }
    Ok((lang, out))
}

/// Runs `validate`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let (lang, inputs) = match prepare(args) {
        Ok(prepared) => prepared,
        Err(e) => {
            e.print();
            return exit::USAGE;
        }
    };
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let colour = args.format == Format::Human && env::colour(args.color, terminal);
    let settings = Settings {
        lang,
        styles: Styles::new(colour),
        quiet: args.quiet,
        deny_warnings: args.deny_warnings,
    };
    let out: Box<dyn Write> = Box::new(BufWriter::new(stdout.lock()));
    let mut sink = report::sink(args.format, out, settings);
    let total =
        inputs.iter().map(|(i, _)| i.as_ref().ok().and_then(|i| i.size)).sum::<Option<u64>>();
    let mut progress = Progress::new(!args.quiet && env::stderr_is_terminal(), total);

    let mut totals = Totals::default();
    let run = (|| -> io::Result<()> {
        for (entry, setup) in &inputs {
            let (display, stats) = match entry {
                Ok(input) => (
                    &input.display,
                    check_input(input, setup, &mut *sink, &mut progress, terminal)?,
                ),
                Err(failure) => {
                    let file = FileInfo { path: &failure.display };
                    let stats = FileStats {
                        failure: Some(failure.reason.clone()),
                        no_data_files: failure.empty_dir,
                        ..FileStats::default()
                    };
                    sink.file_start(&file)?;
                    sink.file_end(&file, &stats)?;
                    (&failure.display, stats)
                }
            };
            if let Some(reason) = &stats.failure {
                progress.suspend(|| env::error(&format!("{display}: {reason}")));
            }
            totals.add(&stats);
        }
        totals.fixable = sink.fixable();
        progress.suspend(|| sink.finish(&totals))
    })();
    progress.finish();
    match run {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            env::error(&format!("cannot write the output: {e}"));
            return exit::USAGE;
        }
    }
    if totals.failures > 0 {
        exit::USAGE
    } else if totals.errors > 0 || (args.deny_warnings && totals.warnings > 0) {
        exit::INVALID
    } else {
        exit::VALID
    }
}

/// Validates the documents of one input.
fn check_input(
    input: &Input,
    setup: &Setup,
    sink: &mut dyn Sink,
    progress: &mut Progress,
    terminal: bool,
) -> io::Result<FileStats> {
    if input.sheet {
        return check_sheet(input, &setup.options, sink, progress);
    }
    let file = FileInfo { path: &input.display };
    let options = &setup.options;
    let mut stats = FileStats { kind: setup.kind, ..FileStats::default() };
    sink.file_start(&file)?;
    let mut docs = match Documents::open(input, options.limits.max_document_size) {
        Ok(d) => d,
        Err(e) => {
            stats.failure = Some(format!("cannot read: {e}"));
            sink.file_end(&file, &stats)?;
            return Ok(stats);
        }
    };
    let ndjson = docs.is_ndjson();
    let mut read = 0;
    loop {
        let doc = match docs.next_doc() {
            Ok(Some(doc)) => doc,
            Ok(None) => break,
            Err(e) => {
                stats.failure = Some(format!("cannot read: {e}"));
                break;
            }
        };
        // Each document is judged alone: its kind is `--kind`, else its own `$schema`, else
        // (an NDJSON line without one) the kind of the file's first document. Only `--kind`
        // is the caller's word; a kind a document names proves nothing about its data.
        let (kind, trust) = match setup.kind {
            Some(k) => (Some(k), Trust::Told),
            None => match DocumentKind::detect(inputs::strip_bom(doc.text)) {
                Ok(k) => {
                    stats.kind.get_or_insert(k);
                    (Some(k), Trust::FromDocument)
                }
                Err(_) if ndjson && stats.kind.is_some() => (stats.kind, Trust::FromDocument),
                // Text that is not JSON needs no kind to be reported as such.
                Err(_) if !inputs::is_json(doc.text) => (None, Trust::FromDocument),
                Err(e) => {
                    stats.failure = Some(format!("{e}; use --kind"));
                    stats.kind_unknown = true;
                    stats.documents += 1;
                    break;
                }
            },
        };
        let options =
            Options { kind_from_document: trust == Trust::FromDocument, ..options.clone() };
        let mut report = validate_doc(kind, doc.text, doc.first_line, ndjson, &options);
        // In document order: by line and column (a stable sort: issues at one place keep the
        // order the rules gave them; issues without a position come last).
        report.issues.sort_by_key(|i| (i.line.is_none(), i.line, i.column));
        stats.documents += 1;
        stats.errors += report.error_count() as u64;
        stats.warnings += report.warning_count() as u64;
        stats.truncated += report.truncated_count as u64;
        let info = DocInfo { kind, trust, text: doc.text, first_line: doc.first_line, ndjson };
        if report.is_clean() {
            sink.document(&file, &info, &report)?;
        } else {
            progress.suspend(|| -> io::Result<()> {
                sink.document(&file, &info, &report)?;
                if terminal { sink.flush() } else { Ok(()) }
            })?;
        }
        progress.advance(docs.bytes_read - read, 1);
        read = docs.bytes_read;
    }
    progress.advance(docs.bytes_read - read, 0);
    if let Some(line) = docs.stopped_at {
        stats.failure.get_or_insert_with(|| {
            format!(
                "reading stopped at line {line}, which is larger than the limit of {} bytes; \
                 the rest is not checked",
                options.limits.max_document_size
            )
        });
    }
    sink.file_end(&file, &stats)?;
    Ok(stats)
}

/// Validates a register kept as a spreadsheet (a workbook, a CSV file or a folder of them):
/// one document, every issue with its sheet and cell.
fn check_sheet(
    input: &Input,
    options: &Options,
    sink: &mut dyn Sink,
    progress: &mut Progress,
) -> io::Result<FileStats> {
    let file = FileInfo { path: &input.display };
    let mut stats = FileStats { kind: Some(DocumentKind::Dataset), ..FileStats::default() };
    sink.file_start(&file)?;
    let inputs::Source::File(path) = &input.source else {
        stats.failure = Some("a spreadsheet cannot be read from standard input".to_owned());
        sink.file_end(&file, &stats)?;
        return Ok(stats);
    };
    let register = match kommun_intl_sheets::read_path(path, &kommun_intl_sheets::Limits::default())
    {
        Ok(r) => r,
        Err(e) => {
            stats.failure = Some(format!("cannot read: {e}"));
            sink.file_end(&file, &stats)?;
            return Ok(stats);
        }
    };
    let options = Options { kind_from_document: false, ..options.clone() };
    let report = register.validate(&options);
    stats.documents = 1;
    stats.errors = report.error_count() as u64;
    stats.warnings = report.warning_count() as u64;
    stats.truncated = report.truncated_count as u64;
    let info = DocInfo {
        kind: Some(DocumentKind::Dataset),
        trust: Trust::Told,
        text: b"",
        first_line: 1,
        ndjson: false,
    };
    progress.suspend(|| sink.document(&file, &info, &report))?;
    progress.advance(input.size.unwrap_or(0), 1);
    sink.file_end(&file, &stats)?;
    Ok(stats)
}

/// Validates one document; `kind: None` for text that is not JSON (only the syntax is
/// reported, which needs no kind).
fn validate_doc(
    kind: Option<DocumentKind>,
    text: &[u8],
    first_line: usize,
    ndjson: bool,
    options: &Options,
) -> Report {
    let kind = kind.unwrap_or(DocumentKind::Dataset);
    if ndjson {
        ndjson::validate_line(kind, text, first_line, options)
    } else {
        kind.validate_json(text, options)
    }
}
