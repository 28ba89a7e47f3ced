//! Inputs: files, directories walked for data files, and standard input; each read as one
//! JSON document or streamed as NDJSON, one document per line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

/// One input to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where it comes from.
    pub source: Source,
    /// Its name in output: the path as given or found, or `<stdin>`.
    pub display: String,
    /// NDJSON (`Some(true)`), one document (`Some(false)`), or decided by the content (stdin).
    pub ndjson: Option<bool>,
    /// Its size in bytes, when known (for the progress bar); see [`Input::size_now`].
    pub size: Option<u64>,
    /// A register kept as a spreadsheet: an `.xlsx`, `.ods` or `.csv` file, or a folder of
    /// CSV files (one per sheet), read by `kommun-intl-sheets` rather than as JSON.
    pub sheet: bool,
}

impl Input {
    /// Its size in bytes: as known, else asked of the file system now (a directory walk does
    /// not ask, so that a run without a progress bar costs no `stat` per file); `None` for
    /// standard input.
    pub fn size_now(&self) -> Option<u64> {
        match (&self.source, self.size) {
            (_, Some(n)) => Some(n),
            (Source::File(p), None) if !self.sheet => std::fs::metadata(p).ok().map(|m| m.len()),
            _ => None,
        }
    }
}

/// The name standard input has in output.
pub const STDIN_NAME: &str = "<stdin>";

/// True for the file names a directory walk picks up: `.json`, `.ndjson` and `.jsonl`, but
/// not JSON Schemas (`*.schema.json`).
fn is_data_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let extension = Path::new(&name).extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(extension, "json" | "ndjson" | "jsonl")
        && !Path::new(&name).file_stem().is_some_and(|s| s.to_string_lossy().ends_with(".schema"))
}

fn is_ndjson_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("ndjson") || e.eq_ignore_ascii_case("jsonl"))
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// A path that yields no input, and why.
#[derive(Debug, Clone)]
pub struct Failure {
    /// The path as given or found.
    pub display: String,
    /// Why it cannot be read.
    pub reason: String,
    /// True for a directory that holds no data files (which is not a file that failed).
    pub empty_dir: bool,
}

/// Expands the paths given on the command line, in order: a file as it is, a directory into
/// its data files (recursively, sorted by name, skipping hidden entries and `*.schema.json`,
/// and, with `gitignore`, what `.gitignore`, `.ignore` and `.git/info/exclude` leave out,
/// in a repository or not), `-` into standard input. A path that cannot be read, or a
/// directory without data files, is a [`Failure`] in its place. A file named on the command
/// line is read whatever the ignore files say.
///
/// A symbolic link met in a directory is followed only when its target lies inside that
/// directory, unless `follow_links` says to follow every link: a link out of the tree (to
/// another user's files, to `/etc`) is skipped with a note on stderr, so that validating a
/// folder never shows what lies outside it.
pub fn expand(
    paths: &[PathBuf],
    force_ndjson: bool,
    follow_links: bool,
    gitignore: bool,
) -> Vec<Result<Input, Failure>> {
    expand_files(paths, force_ndjson, follow_links, gitignore, &DATA_FILES)
}

/// Which files a directory walk picks up, and how the failure names them.
pub struct FileKinds {
    /// True for a file to pick up.
    pub wanted: fn(&Path) -> bool,
    /// The patterns, for the message about a directory without any (`*.json, *.ndjson`).
    pub patterns: &'static str,
}

/// The data files of the model: `.json`, `.ndjson` and `.jsonl`, no JSON Schemas.
pub const DATA_FILES: FileKinds =
    FileKinds { wanted: is_data_file, patterns: "*.json, *.ndjson, *.jsonl" };

/// [`expand`], with the files a directory walk picks up given by `kinds`.
pub fn expand_files(
    paths: &[PathBuf],
    force_ndjson: bool,
    follow_links: bool,
    gitignore: bool,
    kinds: &FileKinds,
) -> Vec<Result<Input, Failure>> {
    let is_data_file = kinds.wanted;
    let mut out = Vec::new();
    let file = |path: &Path, size: Option<u64>| Input {
        source: Source::File(path.to_owned()),
        display: display(path),
        ndjson: Some(force_ndjson || is_ndjson_name(path)),
        size,
        sheet: !force_ndjson && kommun_intl_sheets::Format::of_path(path).is_some(),
    };
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input {
                source: Source::Stdin,
                display: STDIN_NAME.to_owned(),
                ndjson: force_ndjson.then_some(true),
                size: None,
                sheet: false,
            }));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                out.push(Err(Failure {
                    display: display(path),
                    reason: format!("cannot read: {e}"),
                    empty_dir: false,
                }));
                continue;
            }
        };
        if !meta.is_dir() {
            out.push(Ok(file(path, Some(meta.len()))));
            continue;
        }
        // A folder with CSV files in it is a register kept as CSV, one file per sheet; any
        // JSON files below it are validated as well.
        let mut found = false;
        if !force_ndjson && kommun_intl_sheets::is_spreadsheet(path) {
            found = true;
            out.push(Ok(Input {
                source: Source::File(path.clone()),
                display: display(path),
                ndjson: Some(false),
                size: None,
                sheet: true,
            }));
        }
        let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        let walk = ignore::WalkBuilder::new(path)
            .follow_links(follow_links)
            .sort_by_file_name(std::ffi::OsStr::cmp)
            .hidden(true)
            .parents(gitignore)
            .ignore(gitignore)
            .git_ignore(gitignore)
            .git_exclude(gitignore)
            // The user's global excludes would make a run depend on who runs it.
            .git_global(false)
            .require_git(false)
            .build();
        for entry in walk {
            match entry {
                Ok(e) if e.path_is_symlink() && !follow_links && e.depth() > 0 => {
                    let target = std::fs::canonicalize(e.path());
                    match target {
                        Ok(t) if t.starts_with(&root) && t.is_file() && is_data_file(e.path()) => {
                            found = true;
                            out.push(Ok(file(e.path(), t.metadata().ok().map(|m| m.len()))));
                        }
                        Ok(t) if t.starts_with(&root) => {}
                        Ok(_) if is_data_file(e.path()) || e.path().is_dir() => {
                            crate::env::note(&format!(
                                "{}: skipped: a symbolic link out of {} (--follow-links follows it)",
                                display(e.path()),
                                display(path)
                            ));
                        }
                        _ => {}
                    }
                }
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_data_file(e.path()) => {
                    found = true;
                    // Its size is asked only if a progress bar needs it ([`Input::size_now`]).
                    out.push(Ok(file(e.path(), None)));
                }
                Ok(_) => {}
                Err(e) => {
                    let (at, e) = error_path(e, path);
                    out.push(Err(Failure {
                        display: display(&at),
                        reason: format!("cannot read: {e}"),
                        empty_dir: false,
                    }));
                }
            }
        }
        if !found {
            out.push(Err(Failure {
                display: display(path),
                reason: format!("the directory holds no data files ({})", kinds.patterns),
                empty_dir: true,
            }));
        }
    }
    out
}

/// Where a walk's error happened (the walked path when it does not say), and the error
/// without the path (which the failure shows already).
fn error_path(e: ignore::Error, walked: &Path) -> (PathBuf, ignore::Error) {
    match e {
        ignore::Error::WithPath { path, err } => (path, *err),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(*err, walked)
        }
        e => (walked.to_owned(), e),
    }
}

/// One document read from an input.
pub struct Doc<'a> {
    /// Its text (for NDJSON, the line without its line ending), byte order mark and all.
    pub text: &'a [u8],
    /// The line it starts on in the input (1-based).
    pub first_line: usize,
}

/// Reads the documents of one input, one at a time: memory stays that of the longest
/// document however long an NDJSON input is.
pub struct Documents {
    state: State,
    /// Bytes read so far.
    pub bytes_read: u64,
    /// The line at which reading stopped, when a line was longer than the limit.
    pub stopped_at: Option<usize>,
}

enum State {
    Whole { text: Vec<u8>, given: bool, first_line: usize },
    Lines { reader: Box<dyn BufRead>, buf: Vec<u8>, line: usize, pending: bool, limit: usize },
}

const BUFFER: usize = 1 << 16;

impl Documents {
    /// Opens an input. No document is read beyond `limit` bytes (the core's document size
    /// limit): what is read of a longer one is `limit + 1` bytes, which the core reports as
    /// too large, and memory stays bounded whatever the input.
    pub fn open(input: &Input, limit: usize) -> io::Result<Documents> {
        let reader: Box<dyn BufRead> = match &input.source {
            Source::Stdin => Box::new(BufReader::with_capacity(BUFFER, io::stdin())),
            Source::File(path) => Box::new(BufReader::with_capacity(BUFFER, File::open(path)?)),
        };
        Documents::from_reader(reader, input.ndjson, limit)
    }

    /// Reads from any reader; `ndjson: None` decides by the content: when the first non-blank
    /// line is a JSON value on its own, the input is NDJSON, otherwise one document.
    pub fn from_reader(
        mut reader: Box<dyn BufRead>,
        ndjson: Option<bool>,
        limit: usize,
    ) -> io::Result<Self> {
        let whole = |text: Vec<u8>, read: u64| Documents {
            bytes_read: read,
            state: State::Whole { text, given: false, first_line: 1 },
            stopped_at: None,
        };
        let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
        match ndjson {
            Some(false) => {
                let mut text = Vec::new();
                (&mut reader).take(cap).read_to_end(&mut text)?;
                let read = text.len() as u64;
                Ok(whole(text, read))
            }
            Some(true) => Ok(Documents {
                state: State::Lines { reader, buf: Vec::new(), line: 0, pending: false, limit },
                bytes_read: 0,
                stopped_at: None,
            }),
            None => {
                // Read up to the first non-blank line, then look at it.
                let mut head = Vec::new();
                let mut lines = 0;
                let mut read = 0u64;
                loop {
                    let start = head.len();
                    let got =
                        read_line_limited(&mut reader, &mut head, limit.saturating_sub(start))?;
                    if got.bytes == 0 {
                        break;
                    }
                    read += got.bytes as u64;
                    lines += 1;
                    if !got.complete {
                        break;
                    }
                    if !head[start..].iter().all(u8::is_ascii_whitespace) {
                        let line = trim_line(&head[start..]);
                        if is_json(line) {
                            let buf = head[start..].to_vec();
                            return Ok(Documents {
                                bytes_read: read,
                                state: State::Lines {
                                    reader,
                                    buf,
                                    line: lines,
                                    pending: true,
                                    limit,
                                },
                                stopped_at: None,
                            });
                        }
                        break;
                    }
                    if head.len() as u64 >= cap {
                        break;
                    }
                }
                let left = cap.saturating_sub(head.len() as u64);
                read += (&mut reader).take(left).read_to_end(&mut head)? as u64;
                Ok(whole(head, read))
            }
        }
    }

    /// True when the input is read as NDJSON.
    pub fn is_ndjson(&self) -> bool {
        matches!(self.state, State::Lines { .. })
    }

    /// The next document, or `None` at the end.
    pub fn next_doc(&mut self) -> io::Result<Option<Doc<'_>>> {
        if let State::Lines { reader, buf, line, pending, limit } = &mut self.state
            && !*pending
        {
            loop {
                buf.clear();
                let got = read_line_limited(reader, buf, *limit)?;
                if got.bytes == 0 {
                    return Ok(None);
                }
                *line += 1;
                self.bytes_read += got.bytes as u64;
                if !got.complete {
                    // The long line is the last document read: the core reports it as too
                    // large, and the input ends here.
                    let (text, first_line) = (std::mem::take(buf), *line);
                    self.stopped_at = Some(first_line);
                    self.state = State::Whole { text, given: false, first_line };
                    break;
                }
                if !buf.iter().all(u8::is_ascii_whitespace) {
                    break;
                }
            }
        }
        match &mut self.state {
            State::Whole { text, given, first_line } => {
                if *given {
                    return Ok(None);
                }
                *given = true;
                Ok(Some(Doc { text, first_line: *first_line }))
            }
            State::Lines { buf, line, pending, .. } => {
                *pending = false;
                Ok(Some(Doc { text: trim_line(buf), first_line: *line }))
            }
        }
    }
}

/// What [`read_line_limited`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRead {
    /// Bytes taken from the reader (0 at the end of the input).
    pub bytes: usize,
    /// False when the line is longer than the limit: `limit + 1` bytes of it were kept and
    /// nothing after them was read.
    pub complete: bool,
}

/// Reads one line (through its `\n`) like `read_until`, but no more than `limit + 1` bytes of
/// it: a longer line stops there, so that neither memory nor time depends on what the input
/// holds (an endless line is one too long, not a hang).
pub fn read_line_limited(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    let keep = limit.saturating_add(1);
    let start = buf.len();
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(LineRead { bytes: read, complete: true });
        }
        let room = keep - (buf.len() - start);
        let (chunk, done) = match memchr::memchr(b'\n', available) {
            Some(i) if i < room => (&available[..=i], true),
            _ => (&available[..available.len().min(room)], false),
        };
        buf.extend_from_slice(chunk);
        let n = chunk.len();
        reader.consume(n);
        read += n;
        if done {
            return Ok(LineRead { bytes: read, complete: true });
        }
        if buf.len() - start >= keep {
            return Ok(LineRead { bytes: read, complete: false });
        }
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// True when `text` (less a byte order mark) is one JSON value.
pub fn is_json(text: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(strip_bom(text)).is_ok()
}

/// The text without a byte order mark (which the core reports, but which hides the JSON from
/// a plain parse).
pub fn strip_bom(line: &[u8]) -> &[u8] {
    line.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, ndjson: Option<bool>) -> (bool, Vec<(usize, String)>) {
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(text.as_bytes().to_vec()));
        let mut docs = Documents::from_reader(reader, ndjson, 1 << 20).unwrap();
        let mut out = Vec::new();
        while let Some(d) = docs.next_doc().unwrap() {
            out.push((d.first_line, String::from_utf8_lossy(d.text).into_owned()));
        }
        assert_eq!(docs.bytes_read, text.len() as u64);
        (docs.is_ndjson(), out)
    }

    #[test]
    fn content_tells_ndjson_from_one_document() {
        let (ndjson, docs) = read("\n{\"a\": 1}\r\n\n{\"b\": 2}\n{\"c\"", None);
        assert!(ndjson);
        assert_eq!(
            docs,
            [(2, "{\"a\": 1}".into()), (4, "{\"b\": 2}".into()), (5, "{\"c\"".into())]
        );
        let (ndjson, docs) = read("{\n  \"a\": 1\n}\n", None);
        assert!(!ndjson);
        assert_eq!(docs, [(1, "{\n  \"a\": 1\n}\n".into())]);
        let (ndjson, docs) = read("", None);
        assert!(!ndjson);
        assert_eq!(docs.len(), 1, "an empty input is one (empty) document");
    }

    #[test]
    fn the_caller_can_force_either_reading() {
        assert!(!read("{\"a\": 1}\n", Some(false)).0);
        let (ndjson, docs) = read("{\n}\n", Some(true));
        assert!(ndjson);
        assert_eq!(docs, [(1, "{".into()), (2, "}".into())]);
    }

    #[test]
    fn nothing_is_read_past_the_limit() {
        let big = format!("{{\"a\": \"{}\"}}", "x".repeat(10_000));
        for ndjson in [None, Some(false), Some(true)] {
            let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(big.clone().into_bytes()));
            let mut docs = Documents::from_reader(reader, ndjson, 100).unwrap();
            let doc = docs.next_doc().unwrap().unwrap();
            assert_eq!(doc.text.len(), 101, "{ndjson:?}");
        }
        // An over-long line is read to the limit and one byte, and the input ends there: an
        // endless line costs no more than a long one.
        let text = format!("{{\"a\": 1}}\n{}\n{{\"b\": 1}}\n", "y".repeat(1000));
        let reader: Box<dyn BufRead> = Box::new(io::Cursor::new(text.into_bytes()));
        let mut docs = Documents::from_reader(reader, Some(true), 10).unwrap();
        assert_eq!(docs.next_doc().unwrap().unwrap().text, b"{\"a\": 1}");
        let long = docs.next_doc().unwrap().unwrap();
        assert_eq!((long.first_line, long.text.len()), (2, 11));
        assert!(docs.next_doc().unwrap().is_none());
        assert_eq!(docs.stopped_at, Some(2));
        assert_eq!(docs.bytes_read, 9 + 11);
    }

    #[test]
    fn data_files_are_picked_by_name() {
        for yes in ["a.json", "b.NDJSON", "c.jsonl", "d.Json"] {
            assert!(is_data_file(Path::new(yes)), "{yes}");
        }
        for no in ["feedback.schema.json", "notes.txt", "json", "x.json.bak"] {
            assert!(!is_data_file(Path::new(no)), "{no}");
        }
    }
}
