//! `kommun-intl fix`: applies the core's fixes to files in place, or previews them as a diff.
//!
//! The core decides what changes ([`kommun_intl::fix::fixes`]); this command reads, writes
//! and prints. Each fix replaces the bytes of one value, so every other byte of the file stays
//! as it was. A file is written to a temporary file in the same directory and renamed over the
//! original, so an interrupted run leaves either the old file or the new one, never half of
//! one. Personal values never appear in what is printed: the diff masks them.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use kommun_intl::fix::{self as core_fix, Fix};
use kommun_intl::{DocumentKind, Lang, locate, personal};

use crate::env::{self, Styles, paint};
use crate::inputs::{self, Input, Source};
use crate::report::count;
use crate::snippet::mask_bytes;
use crate::{ColorChoice, exit, parse_kind, parse_lang};

/// Arguments of `fix`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively for .json, .ndjson and .jsonl files) or `-`
    /// (read stdin, write the fixed text to stdout).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The document kind; by default each file's `$schema` tells it.
    #[arg(long, value_parser = parse_kind, value_name = "KIND")]
    pub kind: Option<DocumentKind>,
    /// Print what would change as a unified diff (personal values masked) and write nothing;
    /// exit 1 if anything would change.
    #[arg(long)]
    pub diff: bool,
    /// Language of the messages: `sv` or `en` [default: from LC_ALL, LC_MESSAGES or LANG]
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
}

/// The fixes of one document, with where it starts.
struct DocFixes {
    kind: DocumentKind,
    first_line: usize,
    text: Vec<u8>,
    fixes: Vec<Fix>,
}

/// What a run did.
#[derive(Default)]
struct Outcome {
    fixes: u64,
    files: u64,
    failures: u64,
    not_json: u64,
}

struct Run<'a> {
    args: &'a Args,
    lang: Lang,
    styles: Styles,
    out: BufWriter<io::StdoutLock<'static>>,
    outcome: Outcome,
}

/// Runs `fix`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let lang = env::lang(args.lang);
    let mut failures = 0;
    let inputs: Vec<Input> = inputs::expand(&args.paths, args.ndjson)
        .into_iter()
        .filter_map(|entry| {
            entry
                .map_err(|f| {
                    failures += 1;
                    env::error(&format!("{}: {}", f.display, f.reason));
                })
                .ok()
        })
        .collect();
    let styles = Styles::new(env::colour(args.color, io::stdout().is_terminal()));
    let out = BufWriter::new(io::stdout().lock());
    let mut run = Run { args, lang, styles, out, outcome: Outcome::default() };
    for input in &inputs {
        match run.input(input) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => break,
            Err(e) => {
                env::error(&format!("{}: {e}", input.display));
                run.outcome.failures += 1;
            }
        }
    }
    let _ = run.out.flush();
    let o = &run.outcome;
    if !args.quiet || args.diff {
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
        if args.diff || inputs.iter().any(|i| i.source == Source::Stdin) {
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
    fn input(&mut self, input: &Input) -> io::Result<()> {
        let ndjson = input.ndjson.unwrap_or(false);
        match (&input.source, ndjson) {
            (Source::Stdin, _) => {
                let mut text = Vec::new();
                io::stdin().read_to_end(&mut text)?;
                let looks_ndjson = input.ndjson.unwrap_or_else(|| is_ndjson(&text));
                let docs = self.plan(input, &text, looks_ndjson)?;
                if self.args.diff {
                    return self.diff(input, &text, &docs, looks_ndjson);
                }
                if docs.iter().any(|d| !d.fixes.is_empty()) {
                    self.outcome.files += 1;
                }
                self.out.write_all(&apply(&text, &docs, looks_ndjson))
            }
            (Source::File(path), false) => {
                let text = std::fs::read(path)?;
                let docs = self.plan(input, &text, false)?;
                if docs.iter().all(|d| d.fixes.is_empty()) {
                    return Ok(());
                }
                if self.args.diff {
                    self.diff(input, &text, &docs, false)
                } else {
                    write_atomic(path, &apply(&text, &docs, false))?;
                    self.report(input, &docs)
                }
            }
            (Source::File(path), true) => self.ndjson_file(input, path),
        }
    }

    /// The fixes of a whole text (one document, or NDJSON read into memory).
    fn plan(&mut self, input: &Input, text: &[u8], ndjson: bool) -> io::Result<Vec<DocFixes>> {
        let mut docs = Vec::new();
        let mut kind = self.args.kind;
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
    /// given. `None` when the document is not JSON (reported).
    fn doc(
        &mut self,
        input: &Input,
        kind: &mut Option<DocumentKind>,
        text: &[u8],
        first_line: usize,
    ) -> io::Result<Option<DocFixes>> {
        let k = match *kind {
            Some(k) => k,
            None => match DocumentKind::detect(inputs::strip_bom(text)) {
                Ok(k) => {
                    *kind = Some(k);
                    k
                }
                Err(e) if inputs::is_json(text) => {
                    return Err(io::Error::other(format!("{e}; use --kind")));
                }
                Err(_) => {
                    self.not_json(input, first_line);
                    return Ok(None);
                }
            },
        };
        let Ok(fixes) = core_fix::fixes(k, text) else {
            self.not_json(input, first_line);
            return Ok(None);
        };
        self.outcome.fixes += fixes.len() as u64;
        Ok(Some(DocFixes { kind: k, first_line, text: text.to_vec(), fixes }))
    }

    fn not_json(&mut self, input: &Input, line: usize) {
        self.outcome.not_json += 1;
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

    /// One line per fix: where, what; never the value.
    fn report(&mut self, input: &Input, docs: &[DocFixes]) -> io::Result<()> {
        self.outcome.files += 1;
        if self.args.quiet {
            return Ok(());
        }
        let word = match self.lang {
            Lang::En => "fixed",
            Lang::Sv => "rättat",
        };
        for d in docs {
            for f in &d.fixes {
                let (line, column) = locate::line_column(&d.text, f.start);
                let line = line as usize + d.first_line - 1;
                paint(
                    &mut self.out,
                    self.styles.path,
                    &format!("{}:{line}:{column}:", input.display),
                )?;
                write!(self.out, " ")?;
                paint(&mut self.out, self.styles.added, &format!("{word}[{}]", f.kind))?;
                writeln!(
                    self.out,
                    ": {} ({})",
                    f.kind.describe(self.lang),
                    crate::report::shown_pointer(&f.pointer)
                )?;
            }
        }
        Ok(())
    }

    /// A unified diff of the change, with personal values masked on both sides.
    fn diff(
        &mut self,
        input: &Input,
        text: &[u8],
        docs: &[DocFixes],
        ndjson: bool,
    ) -> io::Result<()> {
        if docs.iter().all(|d| d.fixes.is_empty()) {
            return Ok(());
        }
        self.outcome.files += 1;
        let new = apply(text, docs, ndjson);
        let (old, new) = if ndjson {
            (mask_ndjson(text, docs), mask_ndjson(&new, docs))
        } else {
            let kind = docs.first().map(|d| d.kind);
            (mask_whole(kind, text), mask_whole(kind, &new))
        };
        let diff = similar::TextDiff::from_lines(&old, &new);
        let a = format!("a/{}", input.display);
        let b = format!("b/{}", input.display);
        let unified = diff.unified_diff().context_radius(3).header(&a, &b).to_string();
        for line in unified.split_inclusive('\n') {
            let style = if line.starts_with("+++") || line.starts_with("---") {
                self.styles.header
            } else if line.starts_with('+') {
                self.styles.added
            } else if line.starts_with('-') {
                self.styles.removed
            } else if line.starts_with("@@") {
                self.styles.gutter
            } else {
                anstyle::Style::new()
            };
            let body = line.strip_suffix('\n').unwrap_or(line);
            paint(&mut self.out, style, body)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// NDJSON from a file: streamed line by line into a temporary file, so that memory stays
    /// flat however long the file; renamed over the original only if something changed.
    fn ndjson_file(&mut self, input: &Input, path: &Path) -> io::Result<()> {
        if self.args.diff {
            let text = std::fs::read(path)?;
            let docs = self.plan(input, &text, true)?;
            return self.diff(input, &text, &docs, true);
        }
        let target = std::fs::canonicalize(path)?;
        let dir = target.parent().unwrap_or(Path::new("."));
        let mut tmp =
            tempfile::Builder::new().prefix(".kommun-intl-").suffix(".tmp").tempfile_in(dir)?;
        let mut reader = BufReader::with_capacity(1 << 16, File::open(&target)?);
        let mut kind = self.args.kind;
        let mut changed = Vec::new();
        {
            let mut w = BufWriter::new(tmp.as_file_mut());
            let mut buf = Vec::new();
            let mut n = 0;
            loop {
                buf.clear();
                if reader.read_until(b'\n', &mut buf)? == 0 {
                    break;
                }
                n += 1;
                let body_len = buf.len()
                    - usize::from(buf.ends_with(b"\n"))
                    - usize::from(buf.ends_with(b"\r\n"));
                let (body, ending) = buf.split_at(body_len);
                if body.iter().all(u8::is_ascii_whitespace) {
                    w.write_all(&buf)?;
                    continue;
                }
                match self.doc(input, &mut kind, body, n)? {
                    Some(d) if !d.fixes.is_empty() => {
                        w.write_all(&core_fix::apply(body, &d.fixes))?;
                        w.write_all(ending)?;
                        changed.push(DocFixes { text: body.to_vec(), ..d });
                    }
                    _ => w.write_all(&buf)?,
                }
            }
            w.flush()?;
        }
        if changed.is_empty() {
            return Ok(());
        }
        persist(tmp, &target)?;
        self.report(input, &changed)
    }
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
                let body_len = line.len()
                    - usize::from(line.ends_with(b"\n"))
                    - usize::from(line.ends_with(b"\r\n"));
                out.extend_from_slice(&core_fix::apply(&line[..body_len], &d.fixes));
                out.extend_from_slice(&line[body_len..]);
                docs.next();
            }
            _ => out.extend_from_slice(line),
        }
    }
    out
}

/// One document's text with its personal values masked.
fn mask_whole(kind: Option<DocumentKind>, text: &[u8]) -> String {
    mask_bytes(text, &personal::spans(kind, text), 0)
}

/// NDJSON text with each line's personal values masked (as the kind of its documents tells).
fn mask_ndjson(text: &[u8], docs: &[DocFixes]) -> String {
    let kind = docs.first().map(|d| d.kind);
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive(|&b| b == b'\n') {
        out.push_str(&mask_bytes(line, &personal::spans(kind, line), 0));
    }
    out
}

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, flushed to
/// disk, given the original's permissions, then renamed over it. A symbolic link is followed:
/// the file it points to is replaced, the link stays.
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp =
        tempfile::Builder::new().prefix(".kommun-intl-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    persist(tmp, &target)
}

fn persist(tmp: tempfile::NamedTempFile, target: &Path) -> io::Result<()> {
    tmp.as_file().sync_all()?;
    let permissions = std::fs::metadata(target)?.permissions();
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}
