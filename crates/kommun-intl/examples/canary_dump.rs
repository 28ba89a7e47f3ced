//! Prints every `Debug` and `Display` form the core gives of documents, so that a test can
//! check that none of them shows personal data (`bindings/python/tests/
//! test_canary_everywhere.py` runs it on `tests/canary/`).
//!
//! ```sh
//! cargo run -p kommun-intl --example canary_dump -- --kind feedback a.json b.ndjson --kind fault-report c.json
//! ```
//!
//! For each document (each non-blank line of a `.ndjson` or `.jsonl` file): the parsed model's
//! `{:?}` and `{:#?}` (when the text fits the model), the report's, each issue's and each
//! parameter's, the messages in both languages, `Error::Invalid` and the error of
//! `from_json`, `validate_value` on the parsed JSON, and `DocumentKind::detect`. Then one
//! `RESULT` line that the test reads to know the run was not empty: the position, whether the
//! text fitted the model, the verdict, and each issue as `code@pointer` (pointers are made of
//! keys, never of values).

use std::fmt::Debug;
use std::io::{self, Write};
use std::process::ExitCode;

use kommun_intl::{
    Document, DocumentKind, Error, KindVisitor, Lang, Options, Report, check_json, from_json,
    ndjson, validate_value,
};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = io::stdout().lock();
    match run(&args, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "canary_dump: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String], out: &mut dyn Write) -> io::Result<()> {
    let mut kind = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--kind" {
            let name = args.next().ok_or_else(|| io::Error::other("--kind takes a kind"))?;
            kind = Some(name.parse::<DocumentKind>().map_err(io::Error::other)?);
            continue;
        }
        let kind = kind.ok_or_else(|| io::Error::other("give --kind before the paths"))?;
        let text = std::fs::read(arg)?;
        writeln!(out, "== {kind} {arg}")?;
        let extension = std::path::Path::new(arg).extension().and_then(|e| e.to_str());
        if matches!(extension, Some("ndjson" | "jsonl")) {
            for (line, doc) in ndjson::lines(&text) {
                dump_kind(out, kind, doc, &format!("{arg}:{line}"))?;
            }
        } else {
            dump_kind(out, kind, &text, arg)?;
        }
    }
    Ok(())
}

fn dump_kind(out: &mut dyn Write, kind: DocumentKind, text: &[u8], at: &str) -> io::Result<()> {
    struct Dump<'a>(&'a mut dyn Write, &'a [u8], &'a str);
    impl KindVisitor for Dump<'_> {
        type Output = io::Result<()>;
        fn visit<T: Document>(self) -> io::Result<()> {
            dump::<T>(self.0, self.1, self.2)
        }
    }
    kind.visit(Dump(out, text, at))
}

fn dump<T: Document + Debug>(out: &mut dyn Write, text: &[u8], at: &str) -> io::Result<()> {
    let options = Options::default();
    let (value, report) = check_json::<T>(text, &options);
    writeln!(out, "-- {at}")?;
    if let Some(value) = &value {
        writeln!(out, "model: {value:?}")?;
        writeln!(out, "model (alternate): {value:#?}")?;
    }
    dump_report(out, "check_json", &report)?;
    match from_json::<T>(text) {
        Ok(value) => writeln!(out, "from_json: Ok({value:?})")?,
        Err(e) => writeln!(out, "from_json: Err({e:?})\nfrom_json error: {e}")?,
    }
    if let Ok(json) = serde_json::from_slice::<serde_json::Value>(text) {
        dump_report(out, "validate_value", &validate_value(T::KIND, &json, &options))?;
    }
    match DocumentKind::detect(text) {
        Ok(kind) => writeln!(out, "detect: {kind:?} {kind}")?,
        Err(e) => writeln!(out, "detect: {e:?} {e}")?,
    }
    let issues: Vec<String> =
        report.issues.iter().map(|i| format!(" {}@{}", i.code, i.pointer)).collect();
    writeln!(
        out,
        "RESULT {at} model={} valid={}{}",
        value.is_some(),
        report.is_valid(),
        issues.concat()
    )
}

fn dump_report(out: &mut dyn Write, what: &str, report: &Report) -> io::Result<()> {
    writeln!(out, "{what} report: {report:?}")?;
    writeln!(out, "{what} report (alternate): {report:#?}")?;
    writeln!(out, "{what} report display:\n{report}")?;
    for issue in &report.issues {
        writeln!(out, "issue: {issue:?}")?;
        writeln!(out, "issue display: {issue}")?;
        for lang in Lang::ALL {
            writeln!(out, "issue message {}: {}", lang.tag(), issue.message(lang))?;
        }
        for (name, value) in &issue.params {
            writeln!(out, "issue param {name}: {value} {value:?}")?;
        }
        if let Some(suggestion) = issue.suggestion() {
            writeln!(out, "issue suggestion: {suggestion}")?;
        }
    }
    let error = Error::Invalid(report.clone());
    writeln!(out, "{what} error: {error} {error:?}")
}
