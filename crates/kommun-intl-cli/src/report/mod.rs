//! The output formats. Each is a [`Sink`] that the validation loop feeds file by file and
//! document by document, so that output streams as input does: nothing waits for the end but
//! the closing summary.

mod github;
mod gitlab;
mod human;
mod json;
mod jsonl;
mod junit;
mod sarif;

use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::Arc;

use kommun_intl::{DocumentKind, Lang, Report};

use crate::Format;
use crate::env::Styles;
pub use human::Human;

/// One input as the output names it.
pub struct FileInfo<'a> {
    /// The path as given or found (`<stdin>` for standard input).
    pub path: &'a str,
}

/// One document with its source text.
pub struct DocInfo<'a> {
    /// The kind it was validated as; `None` when the kind could not be told (the text is not
    /// JSON, which the report says).
    pub kind: Option<DocumentKind>,
    /// Whether the caller named the kind (`--kind`) or the document did.
    pub trust: kommun_intl::personal::Trust,
    /// The document's text.
    pub text: &'a [u8],
    /// The line of the input it starts on.
    pub first_line: usize,
    /// True for a line of an NDJSON input (one of many documents), false for a whole file.
    pub ndjson: bool,
}

/// What happened to one file.
#[derive(Clone, Debug, Default)]
pub struct FileStats {
    /// The kind of its documents, once known.
    pub kind: Option<DocumentKind>,
    /// Documents read.
    pub documents: u64,
    /// Errors, including those beyond the cap.
    pub errors: u64,
    /// Warnings, including those beyond the cap.
    pub warnings: u64,
    /// Issues found beyond the cap and not shown.
    pub truncated: u64,
    /// Why the file could not be read to the end, if it could not.
    pub failure: Option<String>,
    /// The failure is a document whose kind could not be told (it was read).
    pub kind_unknown: bool,
    /// The failure is a directory that holds no data files (no file at all).
    pub no_data_files: bool,
}

/// The whole run.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Files read (or attempted).
    pub files: u64,
    /// Documents read.
    pub documents: u64,
    /// Errors.
    pub errors: u64,
    /// Warnings.
    pub warnings: u64,
    /// Issues that `kommun-intl fix` can fix.
    pub fixable: u64,
    /// Inputs that failed: files that could not be read, documents whose kind could not be
    /// told, directories without data files.
    pub failures: u64,
    /// Of the failures, documents whose kind could not be told.
    pub kinds_unknown: u64,
    /// Of the failures, directories without data files (not counted as files).
    pub empty_dirs: u64,
}

impl Totals {
    /// Adds one file's figures.
    pub fn add(&mut self, stats: &FileStats) {
        self.files += u64::from(!stats.no_data_files);
        self.kinds_unknown += u64::from(stats.kind_unknown);
        self.empty_dirs += u64::from(stats.no_data_files);
        self.documents += stats.documents;
        self.errors += stats.errors;
        self.warnings += stats.warnings;
        self.failures += u64::from(stats.failure.is_some());
    }
}

/// One document's output, made by a format's [`Render`] before it is written: on any thread,
/// for many documents at once; [`Sink::write_document`] writes it in input order.
#[derive(Debug, Default)]
pub struct Piece {
    /// What the format writes for the document: one entry per issue, or one for all (a
    /// format that separates its entries writes the separators as it writes them).
    pub entries: Vec<Vec<u8>>,
    /// A count the format keeps over the run (human: the issues `fix` can fix; JUnit: 1 for a
    /// failed test case).
    pub tally: u64,
}

impl Piece {
    /// A piece of one entry, `out`; none when `out` is empty (most documents are clean, and
    /// their pieces then cost no allocation).
    #[must_use]
    pub fn whole(out: Vec<u8>, tally: u64) -> Piece {
        Piece { entries: if out.is_empty() { Vec::new() } else { vec![out] }, tally }
    }
}

/// The part of a format that renders one document's output from that document alone.
pub trait Render: Send + Sync {
    /// The document's piece of the output.
    fn render(&self, file: &FileInfo<'_>, doc: &DocInfo<'_>, report: &Report) -> Piece;
}

/// Where a validation run's results go.
pub trait Sink {
    /// A file starts.
    fn file_start(&mut self, _file: &FileInfo<'_>) -> io::Result<()> {
        Ok(())
    }
    /// The format's renderer, when what it writes for a document depends on nothing but the
    /// document: then a run renders its documents on every core, ahead of writing them. `None`
    /// (the default): each document is rendered as it is written. Shared, so that documents
    /// are rendered while the sink writes the ones before them.
    fn renderer(&self) -> Option<Arc<dyn Render>> {
        None
    }
    /// One document of the file, with its report (called for valid documents too): rendered,
    /// then written.
    fn document(
        &mut self,
        file: &FileInfo<'_>,
        doc: &DocInfo<'_>,
        report: &Report,
    ) -> io::Result<()> {
        let piece = self.renderer().map(|r| r.render(file, doc, report)).unwrap_or_default();
        self.write_document(file, doc, report, piece)
    }
    /// Writes one document: `piece` is what the format's renderer made of it (empty for a
    /// format without one, which writes from the report). By default, its entries one after
    /// the other.
    fn write_document(
        &mut self,
        _file: &FileInfo<'_>,
        _doc: &DocInfo<'_>,
        _report: &Report,
        piece: Piece,
    ) -> io::Result<()> {
        let out = self.out();
        for entry in piece.entries {
            out.write_all(&entry)?;
        }
        Ok(())
    }
    /// The file is done.
    fn file_end(&mut self, file: &FileInfo<'_>, stats: &FileStats) -> io::Result<()>;
    /// The run is done.
    fn finish(&mut self, totals: &Totals) -> io::Result<()>;
    /// Issues found so far that `kommun-intl fix` can fix (only the human format looks).
    fn fixable(&self) -> u64 {
        0
    }
    /// Where the output goes.
    fn out(&mut self) -> &mut dyn Write;
    /// Flushes what is buffered.
    fn flush(&mut self) -> io::Result<()> {
        self.out().flush()
    }
}

/// Writes the entries of `piece` as members of a JSON array being streamed: a comma before
/// each but the first; `written` counts the members so far.
fn write_listed(out: &mut dyn Write, piece: Piece, written: &mut u64) -> io::Result<()> {
    for entry in piece.entries {
        if *written > 0 {
            out.write_all(b",")?;
        }
        *written += 1;
        out.write_all(&entry)?;
    }
    Ok(())
}

/// Options every format may use.
#[derive(Clone, Copy)]
pub struct Settings {
    /// The language of messages.
    pub lang: Lang,
    /// Colours (human format only).
    pub styles: Styles,
    /// Only the issue lines: no source snippets, no summary.
    pub quiet: bool,
    /// Warnings fail too (`--deny-warnings`): formats with a pass or fail per document count
    /// them as failures.
    pub deny_warnings: bool,
}

/// Writes the whole output of a run over one document: its file, its report, the summary.
/// `fixable`: count the issues `fix` can fix in the summary, as `validate` does.
pub fn one_document(
    sink: &mut dyn Sink,
    path: &str,
    doc: &DocInfo<'_>,
    report: &Report,
    fixable: bool,
) -> io::Result<()> {
    let file = FileInfo { path };
    sink.file_start(&file)?;
    sink.document(&file, doc, report)?;
    let stats = FileStats {
        kind: doc.kind,
        documents: 1,
        errors: report.error_count() as u64,
        warnings: report.warning_count() as u64,
        truncated: report.truncated_count as u64,
        ..FileStats::default()
    };
    sink.file_end(&file, &stats)?;
    let mut totals = Totals::default();
    totals.add(&stats);
    if fixable {
        totals.fixable = sink.fixable();
    }
    sink.finish(&totals)
}

/// The sink for a format, writing to `out`.
pub fn sink<'w>(
    format: Format,
    out: Box<dyn Write + 'w>,
    settings: Settings,
) -> Box<dyn Sink + 'w> {
    match format {
        Format::Human => Box::new(Human::new(out, settings)),
        Format::Json => Box::new(json::Json::new(out, settings)),
        Format::Github => Box::new(github::Github::new(out, settings)),
        Format::Sarif => Box::new(sarif::Sarif::new(out, settings)),
        Format::Junit => Box::new(junit::Junit::new(out, settings)),
        Format::Gitlab => Box::new(gitlab::Gitlab::new(out, settings)),
        Format::Jsonl => Box::new(jsonl::Jsonl::new(out, settings)),
    }
}

/// "1 file", "2 files"; Swedish and English.
pub fn count(n: u64, lang: Lang, en: (&str, &str), sv: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::En => en,
        Lang::Sv => sv,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "1 more issue not shown", "3 more issues not shown" (see --max-issues).
pub fn more_issues(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 more issue not shown (see --max-issues)".to_owned(),
        (Lang::En, n) => format!("{n} more issues not shown (see --max-issues)"),
        (Lang::Sv, n) => format!("ytterligare {n} problem visas inte (se --max-issues)"),
    }
}

/// The closing summary line, e.g. "Checked 2 files, 3 documents: 1 error, no warnings."
pub fn summary(totals: &Totals, lang: Lang) -> String {
    let files = count(totals.files, lang, ("file", "files"), ("fil", "filer"));
    let docs = count(totals.documents, lang, ("document", "documents"), ("dokument", "dokument"));
    let errors = match (totals.errors, lang) {
        (0, Lang::En) => "no errors".to_owned(),
        (0, Lang::Sv) => "inga fel".to_owned(),
        (n, _) => count(n, lang, ("error", "errors"), ("fel", "fel")),
    };
    let warnings = match (totals.warnings, lang) {
        (0, Lang::En) => "no warnings".to_owned(),
        (0, Lang::Sv) => "inga varningar".to_owned(),
        (n, _) => count(n, lang, ("warning", "warnings"), ("varning", "varningar")),
    };
    let mut line = match lang {
        Lang::En => format!("Checked {files}, {docs}: {errors}, {warnings}"),
        Lang::Sv => format!("Kontrollerade {files}, {docs}: {errors}, {warnings}"),
    };
    if totals.fixable > 0 {
        let n = totals.fixable;
        let _ = match lang {
            Lang::En => write!(line, " ({n} fixable with `kommun-intl fix`)"),
            Lang::Sv => write!(line, " ({n} kan rättas med `kommun-intl fix`)"),
        };
    }
    let unreadable = totals.failures - totals.kinds_unknown - totals.empty_dirs;
    if unreadable > 0 {
        let files = count(unreadable, lang, ("file", "files"), ("fil", "filer"));
        let _ = match lang {
            Lang::En => write!(line, "; {files} could not be read"),
            Lang::Sv => write!(line, "; {files} kunde inte läsas"),
        };
    }
    if totals.kinds_unknown > 0 {
        let n = totals.kinds_unknown;
        let docs = count(n, lang, ("document", "documents"), ("dokument", "dokument"));
        let _ = match lang {
            Lang::En => write!(line, "; the kind of {docs} could not be told (give --kind)"),
            Lang::Sv => write!(line, "; typen av {docs} kunde inte avgöras (ange --kind)"),
        };
    }
    if totals.empty_dirs > 0 {
        let n = totals.empty_dirs;
        let _ = match (lang, n) {
            (Lang::En, 1) => write!(line, "; 1 directory holds no data files"),
            (Lang::En, n) => write!(line, "; {n} directories hold no data files"),
            (Lang::Sv, 1) => write!(line, "; 1 katalog saknar datafiler"),
            (Lang::Sv, n) => write!(line, "; {n} kataloger saknar datafiler"),
        };
    }
    line.push('.');
    line
}

/// The pointer in parentheses after a message: `(/partnerships/0)`, and `(root)` for the
/// whole document (not `((root))`).
pub fn pointer_in_parens(pointer: &str) -> String {
    if pointer.is_empty() { "(root)".to_owned() } else { format!("({pointer})") }
}

/// The pointer as shown to people: the root is `(root)`.
pub fn shown_pointer(pointer: &str) -> &str {
    if pointer.is_empty() { "(root)" } else { pointer }
}
