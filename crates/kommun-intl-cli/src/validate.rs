//! `kommun-intl validate`: every input through the core, every report to the chosen format.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use kommun_intl::personal::Trust;
use kommun_intl::{DocumentKind, Lang, Options, Report, ndjson};

use crate::config::{self, ConfigError, ReferenceDate, Resolver};
use crate::env::{self, Styles};
use crate::inputs::{self, Documents, Failure, Input};
use crate::progress::Progress;
use crate::report::{self, DocInfo, FileInfo, FileStats, Piece, Render, Settings, Sink, Totals};
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
    let bar = !args.quiet && env::stderr_is_terminal();
    let total =
        bar.then(|| inputs.iter().map(|(i, _)| i.as_ref().ok()?.size_now()).sum()).flatten();
    let mut progress = Progress::new(bar, total);

    let mut totals = Totals::default();
    let run = (|| -> io::Result<()> {
        let mut reader =
            Reader { inputs: &inputs, next: 0, open: None, decided: Decided::default() };
        let mut reporter = Reporter {
            sink: &mut *sink,
            progress: &mut progress,
            terminal,
            stats: FileStats::default(),
        };
        let renderer = reporter.sink.renderer();
        let renderer = renderer.as_deref();
        // While the pool checks the batches read ahead, this thread reports the oldest and
        // reads the next (see `parallel::pipeline`); a batch of one document is checked here.
        kommun_intl::parallel::pipeline(
            |spare| {
                let mut batch = spare.unwrap_or_default();
                reader.fill(&mut batch).then(|| {
                    decide(&inputs, &mut batch, &mut reader);
                    batch
                })
            },
            |batch| check(&inputs, batch, renderer),
            |batch| batch.documents() > 1,
            |batch| reporter.report(&inputs, batch, &mut totals),
        )?;
        totals.fixable = reporter.sink.fixable();
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

/// Documents are read ahead in batches of at most this many (or [`BATCH_BYTES`] of text),
/// checked on every core, then reported in the order they were read: memory stays bounded
/// however long the input, and the output is the same as one document at a time. A batch's
/// texts are kept end to end in one buffer, reused from batch to batch (no allocation per
/// document on the thread that reads and reports). That thread reads and reports while the pool
/// checks the batches read ahead, and checks with it between (`parallel::pipeline`). 512 documents
/// (about 150 KB of feedback) stay in the cores' caches between reading and checking: on the
/// 1,000,000-line stream two cores took 0.46 s against 0.48 s with 1024 and 0.50 s with 256
/// (measured with one batch in flight at a time).
const BATCH_DOCUMENTS: usize = 512;
/// See [`BATCH_DOCUMENTS`].
const BATCH_BYTES: usize = 4 << 20;

/// A batch of items and their texts, end to end.
#[derive(Default)]
struct Batch {
    items: Vec<Item>,
    text: Vec<u8>,
}

impl Batch {
    fn documents(&self) -> usize {
        self.items.iter().filter(|item| matches!(item, Item::Doc(_))).count()
    }
}

/// What the reading side hands to the reporting side, in input order.
enum Item {
    /// Input `i` (an index into the planned inputs) begins.
    Start(usize),
    /// A document of the input that began last.
    Doc(Job),
    /// Input `input` ends: how reading it ended, and the bytes read after its last document.
    End { input: usize, failure: Option<String>, bytes: u64 },
    /// Input `i` is reported whole as it comes: a spreadsheet, or one that could not be found.
    Whole(usize),
}

/// One document read, and what becomes of it.
struct Job {
    /// The input it comes from.
    input: usize,
    /// Where its text is in the batch's buffer.
    text: Range<usize>,
    first_line: usize,
    ndjson: bool,
    /// Bytes of the input read for it (for the progress bar).
    bytes: u64,
    /// What it is checked as, decided in input order (see [`check_batch`]).
    verdict: Verdict,
}

enum Verdict {
    /// Not yet decided.
    Pending,
    /// Checked as this kind (`None`: the text is not JSON), with this trust; once checked, the
    /// report, and its piece of the output if the format renders ahead.
    Checked { kind: Option<DocumentKind>, trust: Trust, report: Option<(Report, Option<Piece>)> },
    /// Its kind cannot be told: the input's reading stops here, with this reason.
    KindUnknown(String),
    /// After a document whose kind could not be told: not reported.
    Skipped,
}

/// The input being read and where it is.
struct Open {
    input: usize,
    docs: Documents,
    /// Bytes read when the last document was taken.
    read: u64,
}

/// Reads the planned inputs into batches of [`Item`]s.
struct Reader<'a> {
    inputs: &'a [Planned],
    next: usize,
    open: Option<Open>,
    /// What is decided about the documents of the input that began last.
    decided: Decided,
}

/// What the documents read so far of one input decide for the rest.
#[derive(Default)]
struct Decided {
    /// The kind the first document named (for NDJSON lines that name none).
    kind: Option<DocumentKind>,
    /// A document's kind could not be told: the input's reading stops there.
    stopped: bool,
}

impl Reader<'_> {
    /// Fills `batch` (empty) with the next items and their texts; false when nothing is left.
    fn fill(&mut self, batch: &mut Batch) -> bool {
        let Batch { items: batch, text } = batch;
        let (mut documents, mut bytes) = (0, 0);
        while documents < BATCH_DOCUMENTS && bytes < BATCH_BYTES {
            let Some(open) = &mut self.open else {
                let Some((entry, setup)) = self.inputs.get(self.next) else { break };
                let i = self.next;
                self.next += 1;
                match entry {
                    Ok(input) if !input.sheet => {
                        batch.push(Item::Start(i));
                        match Documents::open(input, setup.options.limits.max_document_size) {
                            Ok(docs) => self.open = Some(Open { input: i, docs, read: 0 }),
                            Err(e) => batch.push(Item::End {
                                input: i,
                                failure: Some(format!("cannot read: {e}")),
                                bytes: 0,
                            }),
                        }
                    }
                    _ => batch.push(Item::Whole(i)),
                }
                continue;
            };
            let ndjson = open.docs.is_ndjson();
            let failure = match open.docs.next_doc() {
                Ok(Some(doc)) => {
                    let start = text.len();
                    text.extend_from_slice(doc.text);
                    let first_line = doc.first_line;
                    documents += 1;
                    bytes += doc.text.len() + 1;
                    let read = open.docs.bytes_read - open.read;
                    open.read = open.docs.bytes_read;
                    batch.push(Item::Doc(Job {
                        input: open.input,
                        text: start..text.len(),
                        first_line,
                        ndjson,
                        bytes: read,
                        verdict: Verdict::Pending,
                    }));
                    continue;
                }
                Ok(None) => None,
                Err(e) => Some(format!("cannot read: {e}")),
            };
            let limit = self.inputs[open.input].1.options.limits.max_document_size;
            let stopped = open.docs.stopped_at.map(|line| {
                format!(
                    "reading stopped at line {line}, which is larger than the limit of {limit} \
                     bytes; the rest is not checked"
                )
            });
            let bytes = open.docs.bytes_read - open.read;
            batch.push(Item::End { input: open.input, failure: failure.or(stopped), bytes });
            self.open = None;
        }
        !batch.is_empty()
    }

    /// Stops reading the open input (its documents after one whose kind cannot be told are
    /// not reported, so they need not be read).
    fn stop_open(&mut self, batch: &mut Vec<Item>) {
        if let Some(open) = self.open.take() {
            let bytes = open.docs.bytes_read - open.read;
            batch.push(Item::End { input: open.input, failure: None, bytes });
        }
    }
}

/// Decides what every document of a batch is checked as: the kinds their `$schema`s name are
/// found on every core, then each document's kind is decided in input order (it may depend on
/// the input's first document). A batch is decided when it is read, before the one before it
/// has been checked: what is decided depends on nothing a check finds.
///
/// Each document is judged alone: its kind is `--kind`, else its own `$schema`, else (an NDJSON
/// line without one) the kind of the input's first document. Only `--kind` is the caller's
/// word; a kind a document names proves nothing about its data.
fn decide(inputs: &[Planned], batch: &mut Batch, reader: &mut Reader<'_>) {
    let Batch { items: batch, text: texts } = batch;
    let unknown = |item: &Item| match item {
        Item::Doc(job) if inputs[job.input].1.kind.is_none() => Some(job.text.clone()),
        _ => None,
    };
    // With `--kind`, nothing to find (and no work to hand to the pool).
    let detected = if batch.iter().any(|item| unknown(item).is_some()) {
        kommun_intl::parallel::map(batch, |item| {
            let text = &texts[unknown(item)?];
            Some(DocumentKind::detect(inputs::strip_bom(text)).map_err(|e| e.to_string()))
        })
    } else {
        batch.iter().map(|_| None).collect()
    };
    // In input order: the kind of each document, and where an input stops.
    let decided = &mut reader.decided;
    let mut stop_open = false;
    for (item, found) in batch.iter_mut().zip(detected) {
        let job = match item {
            Item::Start(_) => {
                *decided = Decided::default();
                continue;
            }
            Item::Doc(job) => job,
            Item::End { .. } | Item::Whole(_) => continue,
        };
        if decided.stopped {
            job.verdict = Verdict::Skipped;
            continue;
        }
        let (kind, trust) = match (inputs[job.input].1.kind, found) {
            (Some(k), _) => (Some(k), Trust::Told),
            (None, Some(Ok(k))) => {
                decided.kind.get_or_insert(k);
                (Some(k), Trust::FromDocument)
            }
            (None, _) if job.ndjson && decided.kind.is_some() => {
                (decided.kind, Trust::FromDocument)
            }
            // Text that is not JSON needs no kind to be reported as such.
            (None, _) if !inputs::is_json(&texts[job.text.clone()]) => (None, Trust::FromDocument),
            (None, found) => {
                let reason = found.and_then(Result::err).unwrap_or_default();
                job.verdict = Verdict::KindUnknown(format!("{reason}; use --kind"));
                decided.stopped = true;
                stop_open |= reader.open.as_ref().is_some_and(|o| o.input == job.input);
                continue;
            }
        };
        job.verdict = Verdict::Checked { kind, trust, report: None };
    }
    if stop_open {
        reader.stop_open(batch);
    }
}

/// Checks the decided documents of a batch, and renders them by `renderer` (the format's,
/// when it has one), on every core.
fn check(inputs: &[Planned], batch: &mut Batch, renderer: Option<&dyn Render>) {
    let Batch { items: batch, text: texts } = batch;
    let reports = kommun_intl::parallel::map(batch, |item| match item {
        Item::Doc(Job {
            input,
            text,
            first_line,
            ndjson,
            verdict: Verdict::Checked { kind, trust, .. },
            ..
        }) => {
            let options = Options {
                kind_from_document: *trust == Trust::FromDocument,
                ..inputs[*input].1.options.clone()
            };
            let text = &texts[text.clone()];
            let mut report = validate_doc(*kind, text, *first_line, *ndjson, &options);
            // In document order: by line and column (a stable sort: issues at one place keep
            // the order the rules gave them; issues without a position come last).
            report.issues.sort_by_key(|i| (i.line.is_none(), i.line, i.column));
            let piece = renderer.map(|r| {
                let doc = DocInfo {
                    kind: *kind,
                    trust: *trust,
                    text,
                    first_line: *first_line,
                    ndjson: *ndjson,
                };
                r.render(&FileInfo { path: display(inputs, *input) }, &doc, &report)
            });
            Some((report, piece))
        }
        _ => None,
    });
    for (item, got) in batch.iter_mut().zip(reports) {
        if let Item::Doc(Job { verdict: Verdict::Checked { report, .. }, .. }) = item {
            *report = got;
        }
    }
}

/// Reports the items of a batch, in order, to the sink.
struct Reporter<'a> {
    sink: &'a mut dyn Sink,
    progress: &'a mut Progress,
    terminal: bool,
    /// The statistics of the input that began last.
    stats: FileStats,
}

impl Reporter<'_> {
    /// Reports a checked batch and empties it for the next.
    fn report(
        &mut self,
        inputs: &[Planned],
        batch: &mut Batch,
        totals: &mut Totals,
    ) -> io::Result<()> {
        let texts = &batch.text;
        for item in batch.items.drain(..) {
            match item {
                Item::Start(i) => {
                    self.stats = FileStats { kind: inputs[i].1.kind, ..FileStats::default() };
                    self.sink.file_start(&FileInfo { path: display(inputs, i) })?;
                }
                Item::Doc(job) => self.document(inputs, job, texts)?,
                Item::End { input, failure, bytes } => {
                    self.progress.advance(bytes, 0);
                    if let Some(f) = failure {
                        self.stats.failure.get_or_insert(f);
                    }
                    let stats = std::mem::take(&mut self.stats);
                    self.sink.file_end(&FileInfo { path: display(inputs, input) }, &stats)?;
                    self.end(display(inputs, input), &stats, totals);
                }
                Item::Whole(i) => {
                    let stats = match &inputs[i].0 {
                        Ok(input) => {
                            check_sheet(input, &inputs[i].1.options, self.sink, self.progress)?
                        }
                        Err(failure) => {
                            let file = FileInfo { path: &failure.display };
                            let stats = FileStats {
                                failure: Some(failure.reason.clone()),
                                no_data_files: failure.empty_dir,
                                ..FileStats::default()
                            };
                            self.sink.file_start(&file)?;
                            self.sink.file_end(&file, &stats)?;
                            stats
                        }
                    };
                    self.end(display(inputs, i), &stats, totals);
                }
            }
        }
        batch.text.clear();
        // A batch that held one very large document does not keep its memory.
        batch.text.shrink_to(2 * BATCH_BYTES);
        Ok(())
    }

    fn document(&mut self, inputs: &[Planned], job: Job, texts: &[u8]) -> io::Result<()> {
        let stats = &mut self.stats;
        let (kind, trust, report) = match job.verdict {
            Verdict::Checked { kind, trust, report: Some((report, piece)) } => {
                (kind, trust, (report, piece))
            }
            Verdict::KindUnknown(reason) => {
                stats.failure = Some(reason);
                stats.kind_unknown = true;
                stats.documents += 1;
                return Ok(());
            }
            Verdict::Skipped | Verdict::Pending | Verdict::Checked { report: None, .. } => {
                return Ok(());
            }
        };
        if trust == Trust::FromDocument && stats.kind.is_none() {
            stats.kind = kind;
        }
        let (report, piece) = report;
        stats.documents += 1;
        stats.errors += report.error_count() as u64;
        stats.warnings += report.warning_count() as u64;
        stats.truncated += report.truncated_count as u64;
        let file = FileInfo { path: display(inputs, job.input) };
        let info = DocInfo {
            kind,
            trust,
            text: &texts[job.text],
            first_line: job.first_line,
            ndjson: job.ndjson,
        };
        let (sink, clean, terminal) = (&mut *self.sink, report.is_clean(), self.terminal);
        let write = || -> io::Result<()> {
            match piece {
                Some(piece) => sink.write_document(&file, &info, &report, piece)?,
                None => sink.document(&file, &info, &report)?,
            }
            if terminal && !clean { sink.flush() } else { Ok(()) }
        };
        if clean {
            write()?;
        } else {
            self.progress.suspend(write)?;
        }
        self.progress.advance(job.bytes, 1);
        Ok(())
    }

    /// The end of an input: its failure printed, its counts added.
    fn end(&mut self, display: &str, stats: &FileStats, totals: &mut Totals) {
        if let Some(reason) = &stats.failure {
            self.progress.suspend(|| env::error(&format!("{display}: {reason}")));
        }
        totals.add(stats);
    }
}

/// The name of input `i` in output.
fn display(inputs: &[Planned], i: usize) -> &str {
    match &inputs[i].0 {
        Ok(input) => &input.display,
        Err(failure) => &failure.display,
    }
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
