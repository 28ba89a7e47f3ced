//! `kommun-intl upgrade`: rewrites documents of the first published shape (schemas `v1`) into
//! the current one, in place ([`kommun_intl::upgrade`] decides what changes). A whole document
//! is written back pretty-printed with two spaces; an NDJSON line stays one compact line.

use std::io::{self, Read};
use std::path::PathBuf;

use kommun_intl::{DocumentKind, Lang};

use crate::env;
use crate::inputs::{self, Source};
use crate::write::{self, write_safely};
use crate::{exit, parse_kind, parse_lang};

/// Arguments of `upgrade`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or directories (searched recursively for .json, .ndjson and .jsonl files).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The document kind; by default each document's `$schema` tells it.
    #[arg(long, value_parser = parse_kind, value_name = "KIND")]
    pub kind: Option<DocumentKind>,
    /// Write nothing; exit 1 if anything would change.
    #[arg(long)]
    pub check: bool,
    /// Language of the messages: `sv` or `en`.
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// The upgraded text of one document, if anything changed, and the number of changes.
fn upgrade_text(
    kind: Option<DocumentKind>,
    text: &[u8],
    pretty: bool,
) -> Result<Option<(Vec<u8>, usize)>, String> {
    let body = inputs::strip_bom(text);
    let mut value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| "not valid JSON, nothing upgraded".to_owned())?;
    let kind = match kind {
        Some(k) => k,
        None => DocumentKind::detect(body).map_err(|e| format!("{e}; use --kind"))?,
    };
    let changes = kommun_intl::upgrade::upgrade(kind, &mut value);
    if changes.is_empty() {
        return Ok(None);
    }
    let mut out =
        if pretty { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) }
            .map_err(|e| e.to_string())?;
    if pretty {
        out.push(b'\n');
    }
    Ok(Some((out, changes.len())))
}

/// Runs `upgrade`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    write::clean_up_on_signals();
    let lang = env::lang(args.lang);
    let limit = kommun_intl::validate::Limits::default().max_document_size;
    let (mut changed_files, mut changes, mut failures) = (0u64, 0usize, 0u64);
    for entry in inputs::expand(&args.paths, false, false, true) {
        let input = match entry {
            Ok(i) => i,
            Err(f) => {
                env::error(&format!("{}: {}", f.display, f.reason));
                failures += 1;
                continue;
            }
        };
        if input.sheet {
            env::note(&format!(
                "{}: skipped: spreadsheets are read as the current shape",
                input.display
            ));
            continue;
        }
        let Source::File(path) = &input.source else {
            env::error("upgrade rewrites files in place; standard input is not one");
            failures += 1;
            continue;
        };
        let result = (|| -> Result<usize, String> {
            let target = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
            let before = std::fs::metadata(&target).map_err(|e| e.to_string())?;
            let mut text = Vec::new();
            std::fs::File::open(&target)
                .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut text))
                .map_err(|e| e.to_string())?;
            if text.len() > limit {
                return Err(format!("larger than the limit of {limit} bytes; nothing upgraded"));
            }
            let (new, n) = if input.ndjson == Some(true) {
                let mut out = Vec::with_capacity(text.len());
                let mut n = 0;
                let mut kind = args.kind;
                for line in text.split_inclusive(|&b| b == b'\n') {
                    let body = line.strip_suffix(b"\n").unwrap_or(line);
                    let body = body.strip_suffix(b"\r").unwrap_or(body);
                    if body.iter().all(u8::is_ascii_whitespace) {
                        out.extend_from_slice(line);
                        continue;
                    }
                    let k = kind.or_else(|| DocumentKind::detect(inputs::strip_bom(body)).ok());
                    kind = kind.or(k);
                    match upgrade_text(k, body, false)? {
                        Some((new, c)) => {
                            out.extend_from_slice(&new);
                            out.extend_from_slice(&line[body.len()..]);
                            n += c;
                        }
                        None => out.extend_from_slice(line),
                    }
                }
                (out, n)
            } else {
                match upgrade_text(args.kind, &text, true)? {
                    Some(done) => done,
                    None => return Ok(0),
                }
            };
            if n > 0 && !args.check {
                write_safely(&target, &before, |w| io::Write::write_all(w, &new))
                    .map_err(|e| e.to_string())?;
            }
            Ok(n)
        })();
        match result {
            Ok(0) => {}
            Ok(n) => {
                changed_files += 1;
                changes += n;
                let verb = match (args.check, lang) {
                    (true, Lang::En) => "would upgrade",
                    (true, Lang::Sv) => "skulle uppgradera",
                    (false, Lang::En) => "upgraded",
                    (false, Lang::Sv) => "uppgraderade",
                };
                let mut out = io::stdout().lock();
                let _ = io::Write::write_fmt(
                    &mut out,
                    format_args!("{}: {verb} ({n})\n", env::escape_controls(&input.display)),
                );
            }
            Err(e) => {
                env::error(&format!("{}: {e}", input.display));
                failures += 1;
            }
        }
    }
    let files = crate::report::count(changed_files, lang, ("file", "files"), ("fil", "filer"));
    match lang {
        Lang::En => eprintln!("{changes} change(s) in {files}."),
        Lang::Sv => eprintln!("{changes} ändring(ar) i {files}."),
    }
    if failures > 0 {
        exit::USAGE
    } else if args.check && changes > 0 {
        exit::INVALID
    } else {
        exit::VALID
    }
}
