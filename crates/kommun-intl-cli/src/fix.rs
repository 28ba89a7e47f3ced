//! `kommun-intl fix`: applies the core's fixes to files in place, or previews them as a diff.
//!
//! The core decides what changes ([`kommun_intl::fix::fixes`]); this command reads, writes
//! and prints. Each fix replaces the bytes of one value, so every other byte of the file stays
//! as it was. Personal values never appear in what is printed: the diff masks them.
//!
//! Writing loses nothing:
//! - the new text goes to a temporary file in the same directory, readable by its owner only,
//!   which is renamed over the original once it is complete and on disk; a run interrupted by
//!   a signal removes it, and a killed run leaves the original as it was (and a file no one
//!   else can read);
//! - the original's mode, and its owner and group where the process may set them, are kept; a
//!   read-only file, a file with other hard links (renaming would split them) and a file whose
//!   owner could not be kept are refused with a message, and nothing is written;
//! - a file that changes while it is being fixed (its size, modification time or inode differ
//!   when the new text is ready) is left alone: another writer's data is not lost;
//! - the summary counts only the files actually written.
//!
//! Memory stays flat for NDJSON however long the file, in `fix` and in `fix --diff`: lines are
//! read one at a time (each within the document size limit), and the report of a streamed
//! file is spooled to an unnamed temporary file until the file has been written.

use std::fs::{File, Metadata};
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kommun_intl::fix::{self as core_fix, Fix};
use kommun_intl::personal::{self, Trust};
use kommun_intl::validate::{Limits, RuleSelection};
use kommun_intl::{DocumentKind, Lang, locate};

use crate::config::{ConfigArgs, Resolver};
use crate::diff::{Diff, Masker};
use crate::env::{self, Styles, paint};
use crate::inputs::{self, Input, Source, read_line_limited};
use crate::report::count;
use crate::snippet::mask_bytes;
use crate::write::{self, write_safely};
use crate::{ColorChoice, exit, parse_kind, parse_lang};

/// Arguments of `fix`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively for .json, .ndjson and .jsonl files) or `-`
    /// (read stdin, write the fixed text to stdout).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The document kind; by default the configuration's for the file, else each file's
    /// `$schema` tells it.
    #[arg(long, value_parser = parse_kind, value_name = "KIND")]
    pub kind: Option<DocumentKind>,
    /// Print what would change as a unified diff (personal values masked) and write nothing;
    /// exit 1 if anything would change.
    #[arg(long)]
    pub diff: bool,
    /// Language of the messages: `sv` or `en` [default: the configuration's, else the
    /// system's: LC_ALL, LC_MESSAGES or LANG, or the platform's own setting]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// Print nothing but errors (and the diff, with --diff).
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
    pub config: ConfigArgs,
}

/// The fixes of one document, with where it starts.
struct DocFixes {
    first_line: usize,
    fixes: Vec<Fix>,
}

/// What a run did.
#[derive(Default)]
struct Outcome {
    /// Values fixed in files written (or, with `--diff`, that would be).
    fixes: u64,
    /// Files written (or, with `--diff`, that would be).
    files: u64,
    failures: u64,
    not_json: u64,
}

struct Run<'a> {
    args: &'a Args,
    planner: Planner,
    styles: Styles,
    limit: usize,
    out: BufWriter<io::StdoutLock<'static>>,
    outcome: Outcome,
}

/// Decides the fixes of each document, and says which are not JSON.
struct Planner {
    /// The kind of the current input: `--kind`, else its configuration's.
    told: Option<DocumentKind>,
    /// The current input's configured rules: a fix whose rule does not report is not made.
    rules: Option<Arc<RuleSelection>>,
    lang: Lang,
    not_json: u64,
}

/// An input to fix, with its kind and rules (see [`Planner`]).
type Planned = (Input, Option<DocumentKind>, Option<Arc<RuleSelection>>);

/// Runs `fix`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    write::clean_up_on_signals();
    // The configuration is validate's: found upwards from each path, or --config, or none.
    let configured = Resolver::new(&args.config).and_then(|mut resolver| {
        let lang = resolver.lang(args.lang, &args.paths)?;
        Ok((lang, resolver.inputs(&args.paths, args.ndjson, args.follow_links)?))
    });
    let (lang, found) = match configured {
        Ok(c) => c,
        Err(e) => {
            e.print();
            return exit::USAGE;
        }
    };
    let mut failures = 0;
    let inputs: Vec<Planned> = found
        .into_iter()
        .filter_map(|found| {
            let (kind, rules) = (args.kind.or(found.kind), found.rules());
            found
                .input
                .map_err(|f| {
                    failures += 1;
                    env::error(&format!("{}: {}", f.display, f.reason));
                })
                .ok()
                .map(|input| (input, kind, rules))
        })
        .filter(|(input, ..)| {
            if input.sheet {
                env::note(&format!(
                    "{}: skipped: spreadsheets are not fixed in place (`kommun-intl import` \
                     gives the register as JSON)",
                    input.display
                ));
            }
            !input.sheet
        })
        .collect();
    let styles = Styles::new(env::colour(args.color, io::stdout().is_terminal()));
    let out = BufWriter::new(io::stdout().lock());
    let limit = Limits::default().max_document_size;
    let planner = Planner { told: args.kind, rules: None, lang, not_json: 0 };
    let mut run = Run { args, planner, styles, limit, out, outcome: Outcome::default() };
    for (input, kind, rules) in &inputs {
        run.planner.told = *kind;
        run.planner.rules.clone_from(rules);
        match run.input(input) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                let _ = run.out.flush();
                env::error(&format!("{}: {e}", input.display));
                run.outcome.failures += 1;
            }
        }
    }
    let _ = run.out.flush();
    run.outcome.not_json = run.planner.not_json;
    let o = &run.outcome;
    // A run that found only text that is not JSON has said so; "nothing to fix" would be
    // untrue of it.
    let quiet_summary = o.fixes == 0 && (o.not_json > 0 || o.failures > 0 || failures > 0);
    if (!args.quiet || args.diff) && !quiet_summary {
        let values = count(o.fixes, lang, ("value", "values"), ("värde", "värden"));
        let files = count(o.files, lang, ("file", "files"), ("fil", "filer"));
        let line = match (args.diff, lang, o.fixes) {
            (_, Lang::En, 0) => "Nothing to fix.".to_owned(),
            (_, Lang::Sv, 0) => "Inget att rätta.".to_owned(),
            (true, Lang::En, _) => format!("Would fix {values} in {files}."),
            (true, Lang::Sv, _) => format!("Skulle rätta {values} i {files}."),
            (false, Lang::En, _) => format!("Fixed {values} in {files}."),
            (false, Lang::Sv, _) => format!("Rättade {values} i {files}."),
        };
        // The diff owns stdout; the summary goes beside it.
        if args.diff || inputs.iter().any(|(i, ..)| i.source == Source::Stdin) {
            eprintln!("{line}");
        } else {
            let mut out = io::stdout().lock();
            let _ = paint(&mut out, styles.header, &line).and_then(|()| writeln!(out));
        }
    }
    if failures > 0 || o.failures > 0 {
        exit::USAGE
    } else if o.not_json > 0 || (args.diff && o.fixes > 0) {
        exit::INVALID
    } else {
        exit::VALID
    }
}

impl Run<'_> {
    fn trust(&self) -> Trust {
        if self.planner.told.is_some() { Trust::Told } else { Trust::FromDocument }
    }

    fn input(&mut self, input: &Input) -> io::Result<()> {
        match &input.source {
            Source::Stdin => self.stdin(input),
            Source::File(path) => {
                let target = std::fs::canonicalize(path)?;
                let before = std::fs::metadata(&target)?;
                if !before.is_file() {
                    return Err(io::Error::other("not a regular file; nothing fixed"));
                }
                if input.ndjson.unwrap_or(false) {
                    self.ndjson_file(input, &target, &before)
                } else {
                    self.whole_file(input, &target, &before)
                }
            }
        }
    }

    /// Reads at most the size limit; more is an error.
    fn read_bounded(&self, reader: impl Read) -> io::Result<Vec<u8>> {
        let mut text = Vec::new();
        reader.take(self.limit as u64 + 1).read_to_end(&mut text)?;
        if text.len() > self.limit {
            return Err(io::Error::other(format!(
                "larger than the limit of {} bytes; nothing fixed",
                self.limit
            )));
        }
        Ok(text)
    }

    fn stdin(&mut self, input: &Input) -> io::Result<()> {
        let text = self.read_bounded(io::stdin().lock())?;
        let ndjson = input.ndjson.unwrap_or_else(|| is_ndjson(&text));
        let docs = self.planner.plan(input, &text, ndjson)?;
        let n = fix_count(&docs);
        if self.args.diff {
            self.diff_text(input, &text, &docs, ndjson)?;
        } else {
            self.out.write_all(&apply(&text, &docs, ndjson))?;
        }
        self.outcome.fixes += n;
        self.outcome.files += u64::from(n > 0);
        Ok(())
    }

    fn whole_file(&mut self, input: &Input, target: &Path, before: &Metadata) -> io::Result<()> {
        let text = self.read_bounded(File::open(target)?)?;
        let docs = self.planner.plan(input, &text, false)?;
        let n = fix_count(&docs);
        if n == 0 {
            return Ok(());
        }
        if self.args.diff {
            self.diff_text(input, &text, &docs, false)?;
        } else {
            let new = apply(&text, &docs, false);
            write_safely(target, before, |w| w.write_all(&new))?;
            self.report(input, &text, &docs)?;
        }
        self.outcome.fixes += n;
        self.outcome.files += 1;
        Ok(())
    }

    /// One line per fix: where, what; never the value.
    fn report(&mut self, input: &Input, text: &[u8], docs: &[DocFixes]) -> io::Result<()> {
        if self.args.quiet {
            return Ok(());
        }
        let styles = self.styles;
        let (lang, display) = (self.planner.lang, input.display.clone());
        for d in docs {
            report_fixes(&mut self.out, styles, lang, &display, text, d)?;
        }
        Ok(())
    }

    /// A unified diff of a whole text's change, with personal values masked on both sides.
    fn diff_text(
        &mut self,
        input: &Input,
        text: &[u8],
        docs: &[DocFixes],
        ndjson: bool,
    ) -> io::Result<()> {
        if fix_count(docs) == 0 {
            return Ok(());
        }
        let new = apply(text, docs, ndjson);
        let mut masker = TextMasker::new(self.planner.told, self.trust(), text, &new, ndjson);
        let (a, b) = (format!("a/{}", input.display), format!("b/{}", input.display));
        let mut diff = Diff::new(&mut self.out, self.styles, &a, &b);
        let old_lines = text.split_inclusive(|&b| b == b'\n');
        let new_lines = new.split_inclusive(|&b| b == b'\n');
        for (i, (old, fixed)) in old_lines.zip(new_lines).enumerate() {
            let (old, fixed) = (strip_ending(old), strip_ending(fixed));
            if old == fixed {
                diff.same(&mut masker, i + 1, old)?;
            } else {
                diff.changed(&mut masker, i + 1, old, fixed)?;
            }
        }
        diff.finish(&mut masker)?;
        Ok(())
    }

    /// NDJSON from a file, streamed line by line: into a temporary file that replaces the
    /// original if something changed, or into a diff.
    fn ndjson_file(&mut self, input: &Input, target: &Path, before: &Metadata) -> io::Result<()> {
        let mut reader = BufReader::with_capacity(1 << 16, File::open(target)?);
        let mut kind = self.planner.told;
        let trust = self.trust();
        let planner = &mut self.planner;
        let mut n = 0u64;
        if self.args.diff {
            let (a, b) = (format!("a/{}", input.display), format!("b/{}", input.display));
            let styles = self.styles;
            let mut masker = LineMasker { told: planner.told, kind: None, trust };
            let mut diff = Diff::new(&mut self.out, styles, &a, &b);
            let mut number = 0;
            loop {
                let mut buf = Vec::new();
                if line_or_stop(&mut reader, &mut buf, self.limit, number + 1)? == 0 {
                    break;
                }
                number += 1;
                let body = strip_ending(&buf);
                let fixed = planner.line(input, &mut kind, body, number)?;
                masker.kind = kind;
                match fixed {
                    Some((d, new)) => {
                        n += d.fixes.len() as u64;
                        diff.changed(&mut masker, number, body, &new)?;
                    }
                    None => diff.same(&mut masker, number, body)?,
                }
            }
            diff.finish(&mut masker)?;
            self.outcome.fixes += n;
            self.outcome.files += u64::from(n > 0);
            return Ok(());
        }
        // The report waits in an unnamed file until the new file is in place.
        let mut spool = BufWriter::new(tempfile::tempfile()?);
        let (styles, lang, display) = (self.styles, planner.lang, input.display.clone());
        let quiet = self.args.quiet;
        let limit = self.limit;
        let written = write_safely(target, before, |w| {
            let mut buf = Vec::new();
            let mut number = 0;
            loop {
                buf.clear();
                if line_or_stop(&mut reader, &mut buf, limit, number + 1)? == 0 {
                    break;
                }
                number += 1;
                let body = strip_ending(&buf);
                if body.iter().all(u8::is_ascii_whitespace) {
                    w.write_all(&buf)?;
                    continue;
                }
                match planner.line(input, &mut kind, body, number)? {
                    Some((d, new)) => {
                        w.write_all(&new)?;
                        w.write_all(&buf[body.len()..])?;
                        n += d.fixes.len() as u64;
                        if !quiet {
                            report_fixes(&mut spool, styles, lang, &display, body, &d)?;
                        }
                    }
                    None => w.write_all(&buf)?,
                }
            }
            Ok(n > 0)
        });
        match written {
            Ok(true) => {
                let mut spool = spool.into_inner().map_err(io::IntoInnerError::into_error)?;
                spool.rewind()?;
                io::copy(&mut spool, &mut self.out)?;
                self.outcome.fixes += n;
                self.outcome.files += 1;
                Ok(())
            }
            Ok(false) => Ok(()),
            Err(e) => Err(e),
        }
    }
}

impl Planner {
    /// The fixes of a whole text (one document, or NDJSON read into memory).
    fn plan(&mut self, input: &Input, text: &[u8], ndjson: bool) -> io::Result<Vec<DocFixes>> {
        let mut docs = Vec::new();
        let mut kind = self.told;
        if !ndjson {
            if let Some(d) = self.doc(input, &mut kind, text, 1)? {
                docs.push(d);
            }
            return Ok(docs);
        }
        for (n, line) in kommun_intl::ndjson::lines(text) {
            if let Some(d) = self.doc(input, &mut kind, line, n)? {
                docs.push(d);
            }
        }
        Ok(docs)
    }

    /// The fixes of one document; `kind` is the file's, told by the first document if not
    /// given (a later line's own `$schema` decides for that line). `None` when the document
    /// is not JSON (reported).
    fn doc(
        &mut self,
        input: &Input,
        kind: &mut Option<DocumentKind>,
        text: &[u8],
        first_line: usize,
    ) -> io::Result<Option<DocFixes>> {
        let own = DocumentKind::detect(inputs::strip_bom(text));
        let Some(k) = self.told.or(own.as_ref().ok().copied()).or(*kind) else {
            if inputs::is_json(text) {
                let e = own.err().map_or_else(String::new, |e| e.to_string());
                return Err(io::Error::other(format!("{e}; use --kind")));
            }
            self.not_json(input, first_line);
            return Ok(None);
        };
        kind.get_or_insert(k);
        let Ok(mut fixes) = core_fix::fixes(k, text) else {
            self.not_json(input, first_line);
            return Ok(None);
        };
        if let Some(rules) = &self.rules {
            fixes.retain(|f| rules.severity_of(f.kind.rule()).is_some());
        }
        Ok(Some(DocFixes { first_line, fixes }))
    }

    fn not_json(&mut self, input: &Input, line: usize) {
        self.not_json += 1;
        let message = match self.lang {
            Lang::En => format!(
                "{}:{line}: not valid JSON, nothing fixed there (`kommun-intl validate` tells why)",
                input.display
            ),
            Lang::Sv => format!(
                "{}:{line}: inte giltig JSON, inget rättat där (`kommun-intl validate` berättar varför)",
                input.display
            ),
        };
        env::error(&message);
    }

    /// One NDJSON line: its fixes and fixed text, or `None` when nothing changes.
    fn line(
        &mut self,
        input: &Input,
        kind: &mut Option<DocumentKind>,
        body: &[u8],
        number: usize,
    ) -> io::Result<Option<(DocFixes, Vec<u8>)>> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        Ok(self.doc(input, kind, body, number)?.filter(|d| !d.fixes.is_empty()).map(|d| {
            let new = core_fix::apply(body, &d.fixes);
            (d, new)
        }))
    }
}

fn fix_count(docs: &[DocFixes]) -> u64 {
    docs.iter().map(|d| d.fixes.len() as u64).sum()
}

/// Writes one line per fix of a document (`text` is its text): where, what; never the value.
fn report_fixes(
    out: &mut dyn Write,
    styles: Styles,
    lang: Lang,
    display: &str,
    text: &[u8],
    d: &DocFixes,
) -> io::Result<()> {
    let word = match lang {
        Lang::En => "fixed",
        Lang::Sv => "rättat",
    };
    let starts: Vec<usize> = d.fixes.iter().map(|f| f.start).collect();
    for (f, (line, column)) in d.fixes.iter().zip(locate::line_columns(text, &starts)) {
        let line = line as usize + d.first_line - 1;
        paint(out, styles.path, &env::escape_controls(&format!("{display}:{line}:{column}:")))?;
        write!(out, " ")?;
        paint(out, styles.added, &format!("{word}[{}]", f.kind))?;
        writeln!(
            out,
            ": {} ({})",
            f.kind.describe(lang),
            env::escape_controls(crate::report::shown_pointer(&f.pointer))
        )?;
    }
    Ok(())
}

/// Masks the lines of a whole text and of its fixed version: the personal spans of each are
/// found once, and each line shown masks only its own part.
struct TextMasker<'t> {
    old: (&'t [u8], Vec<usize>, Vec<std::ops::Range<usize>>),
    new: (&'t [u8], Vec<usize>, Vec<std::ops::Range<usize>>),
    /// For NDJSON, each line is masked as a document of its own instead.
    lines: Option<LineMasker>,
}

impl<'t> TextMasker<'t> {
    fn new(
        told: Option<DocumentKind>,
        trust: Trust,
        old: &'t [u8],
        new: &'t [u8],
        ndjson: bool,
    ) -> TextMasker<'t> {
        let prepare = |text: &'t [u8]| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
            let spans = if ndjson {
                Vec::new()
            } else {
                let kind = told.or_else(|| DocumentKind::detect(inputs::strip_bom(text)).ok());
                personal::spans(kind, trust, text)
            };
            (text, starts, spans)
        };
        let lines = ndjson.then_some(LineMasker { told, kind: told, trust });
        TextMasker { old: prepare(old), new: prepare(new), lines }
    }
}

impl Masker for TextMasker<'_> {
    fn mask(&mut self, number: usize, line: &[u8], new: bool) -> String {
        if let Some(lines) = &mut self.lines {
            return lines.mask(number, line, new);
        }
        let (text, starts, spans) = if new { &self.new } else { &self.old };
        let start = starts.get(number - 1).copied().unwrap_or(text.len());
        mask_bytes(text, spans, start..start + line.len())
    }
}

/// Masks each NDJSON line as a document of its own: of the kind `--kind` names, else its own
/// `$schema`'s, else the file's.
struct LineMasker {
    told: Option<DocumentKind>,
    kind: Option<DocumentKind>,
    trust: Trust,
}

impl Masker for LineMasker {
    fn mask(&mut self, _number: usize, line: &[u8], _new: bool) -> String {
        let kind =
            self.told.or_else(|| DocumentKind::detect(inputs::strip_bom(line)).ok()).or(self.kind);
        mask_bytes(line, &personal::spans(kind, self.trust, line), 0..line.len())
    }
}

/// Reads line `number` of an NDJSON file; one longer than the limit ends the run on the file
/// (nothing is written): what follows it is not read.
fn line_or_stop(
    reader: &mut dyn std::io::BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
    number: usize,
) -> io::Result<usize> {
    let got = read_line_limited(reader, buf, limit)?;
    if !got.complete {
        return Err(io::Error::other(format!(
            "line {number} is larger than the limit of {limit} bytes; nothing fixed"
        )));
    }
    Ok(got.bytes)
}

fn strip_ending(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// True when the first non-blank line of `text` is a JSON value on its own.
fn is_ndjson(text: &[u8]) -> bool {
    kommun_intl::ndjson::lines(text).next().is_some_and(|(_, line)| inputs::is_json(line))
}

/// The text with every document's fixes applied.
fn apply(text: &[u8], docs: &[DocFixes], ndjson: bool) -> Vec<u8> {
    if !ndjson {
        return docs.first().map_or_else(|| text.to_vec(), |d| core_fix::apply(text, &d.fixes));
    }
    let mut out = Vec::with_capacity(text.len());
    let mut docs = docs.iter().peekable();
    for (i, line) in text.split_inclusive(|&b| b == b'\n').enumerate() {
        match docs.peek() {
            Some(d) if d.first_line == i + 1 => {
                let body = strip_ending(line);
                out.extend_from_slice(&core_fix::apply(body, &d.fixes));
                out.extend_from_slice(&line[body.len()..]);
                docs.next();
            }
            _ => out.extend_from_slice(line),
        }
    }
    out
}
