//! `kommun-intl rules` (the catalogue) and `kommun-intl explain CODE` (one rule, with examples
//! from the shared corpus).

use std::io::{self, BufWriter, Write};

use clap::ValueEnum;
use kommun_intl::validate::rules::{self, Check, Rule};
use kommun_intl::{DocumentKind, Lang, Severity};
use serde_json::json;

use crate::corpus::{CORPUS, Example, SHEETS, SheetExample};
use crate::env::{self, Styles, paint};
use crate::report::{DocInfo, FileInfo, Human, Settings, Sink};
use crate::{ColorChoice, exit, parse_lang};
use kommun_intl_sheets::book::Raw;

/// Output of `rules`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A list for people.
    #[default]
    Human,
    /// A JSON array of `{code, severity, schema, params, en, sv, url, examples}`: `url` is the
    /// rule's page on the documentation site, `examples` the fixtures `explain` shows
    /// (`{invalid: {path, profile, reference_date, description}, valid: {path}}`, or null).
    Json,
}

/// Arguments of `rules`.
#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: RulesFormat,
    /// Language of the headings (both languages' messages are always shown).
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// When to colour the output (never when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Arguments of `explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's code, e.g. `phone.not_e164`, or a prefix (`feedback.`) to list every rule
    /// under it (see `kommun-intl rules`).
    pub code: String,
    /// Language of the explanation: `sv` or `en` [default: from the locale]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// When to colour the output (never when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Where the schema expresses a rule, as a short word (as in the README's rule table).
pub fn schema_word(check: Check) -> String {
    match check {
        Check::Text => "JSON text".to_owned(),
        Check::Structure => "structure".to_owned(),
        Check::Sheet => "spreadsheet".to_owned(),
        Check::Keyword(k) => k.to_owned(),
        Check::Rule => "x-rules".to_owned(),
    }
}

fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Error, Lang::Sv) => "fel",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Warning, Lang::Sv) => "varning",
    }
}

fn finish(result: io::Result<()>) -> u8 {
    match result {
        Ok(()) => exit::VALID,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::VALID,
        Err(e) => {
            env::error(&format!("cannot write the output: {e}"));
            exit::USAGE
        }
    }
}

/// Runs `rules`.
pub fn rules(args: &RulesArgs) -> u8 {
    let lang = env::lang(args.lang);
    let styles = Styles::new(env::colour_stdout(args.color));
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = (|| -> io::Result<()> {
        if args.format == RulesFormat::Json {
            let list: Vec<_> = rules::ALL
                .iter()
                .map(|r| {
                    json!({
                        "code": r.code,
                        "severity": r.severity.as_str(),
                        "schema": schema_word(r.check),
                        "params": r.params,
                        "en": r.en,
                        "sv": r.sv,
                        "url": r.url(),
                        "examples": examples_json(r.code),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::other)?;
            writeln!(out)?;
            return out.flush();
        }
        for r in rules::ALL {
            let style = match r.severity {
                Severity::Error => styles.error,
                Severity::Warning => styles.warning,
            };
            paint(&mut out, styles.header, &format!("{:<40}", r.code))?;
            write!(out, " ")?;
            paint(&mut out, style, &format!("{:<8}", severity_word(r.severity, lang)))?;
            writeln!(out, " {}", schema_word(r.check))?;
            writeln!(out, "    en: {}", r.en)?;
            writeln!(out, "    sv: {}", r.sv)?;
        }
        let n = rules::ALL.len();
        match lang {
            Lang::En => writeln!(
                out,
                "\n{n} rules. `kommun-intl explain CODE` explains one, with examples."
            )?,
            Lang::Sv => {
                writeln!(
                    out,
                    "\n{n} regler. `kommun-intl explain KOD` förklarar en, med exempel."
                )?;
            }
        }
        out.flush()
    })();
    finish(result)
}

/// What the "schema" column means, in a sentence.
fn schema_sentence(check: Check, lang: Lang) -> String {
    match (check, lang) {
        (Check::Text, Lang::En) => "nothing; the rule is about the JSON text itself (encoding, syntax, size, duplicate keys), below what a schema validator sees".to_owned(),
        (Check::Text, Lang::Sv) => "inget; regeln gäller själva JSON-texten (teckenkodning, syntax, storlek, dubbla nycklar), under det en schemavalidator ser".to_owned(),
        (Check::Sheet, Lang::En) => "nothing; the rule is about the spreadsheet a register was read from (sheets, header row, cells, encoding), before there is JSON".to_owned(),
        (Check::Sheet, Lang::Sv) => "inget; regeln gäller kalkylarket som registret lästes från (blad, rubrikrad, celler, teckenkodning), innan det finns någon JSON".to_owned(),
        (Check::Structure, Lang::En) => "the document's structure (`type`, `required`, `additionalProperties`, `enum`)".to_owned(),
        (Check::Structure, Lang::Sv) => "dokumentets struktur (`type`, `required`, `additionalProperties`, `enum`)".to_owned(),
        (Check::Keyword(k), Lang::En) => format!("the `{k}` keyword"),
        (Check::Keyword(k), Lang::Sv) => format!("nyckelordet `{k}`"),
        (Check::Rule, Lang::En) => "listed in `x-rules` on the node it concerns (JSON Schema cannot express it)".to_owned(),
        (Check::Rule, Lang::Sv) => "nämnd i `x-rules` på den nod den gäller (JSON Schema kan inte uttrycka den)".to_owned(),
    }
}

/// The invalid fixture that shows a rule best: the fewest other codes, then the smallest.
fn invalid_example(code: &str) -> Option<&'static Example> {
    CORPUS.iter().filter(|e| e.invalid && e.codes().iter().any(|c| c == code)).min_by_key(|e| {
        let codes = e.codes();
        (codes.iter().filter(|c| *c != code).count(), e.text.len(), e.name)
    })
}

/// A valid fixture of the same kind, preferring one that has the field the rule is about.
fn valid_example(invalid: &Example, code: &str) -> Option<&'static Example> {
    let field = invalid
        .expectation()
        .and_then(|e| {
            e.get("issues")?.as_array()?.iter().find_map(|i| {
                (i.get("code")?.as_str()? == code)
                    .then(|| i.get("pointer")?.as_str().map(str::to_owned))?
            })
        })
        .and_then(|p| {
            p.rsplit('/')
                .find(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()))
                .map(str::to_owned)
        });
    let needle = field.map(|f| format!("\"{f}\""));
    let profile = invalid.profile_name();
    CORPUS.iter().filter(|e| !e.invalid && e.kind == invalid.kind).min_by_key(|e| {
        let has =
            needle.as_ref().is_some_and(|n| String::from_utf8_lossy(e.text).contains(n.as_str()));
        (e.profile_name() != profile, !has, e.text.len(), e.name)
    })
}

/// The examples `explain` shows for a rule, as `rules --format json` lists them (the
/// documentation site's rule pages are made from it).
fn examples_json(code: &str) -> serde_json::Value {
    if let Some(e) = sheet_example(code) {
        return json!({
            "invalid": {
                "path": e.path(),
                "kind": "sheet",
                "workbook": e.is_workbook(),
                "profile": null,
                "reference_date": null,
                "description": null,
            },
            "valid": { "path": "tests/corpus/sheets/register/Partnerskap.csv" },
        });
    }
    let Some(bad) = invalid_example(code) else { return serde_json::Value::Null };
    let expectation = bad.expectation();
    let field = |name: &str| {
        expectation.as_ref().and_then(|e| e.get(name)).and_then(|v| v.as_str()).map(str::to_owned)
    };
    let option = |name: &str| {
        expectation.as_ref().and_then(|e| e.get("options")?.get(name)?.as_str()).map(str::to_owned)
    };
    json!({
        "invalid": {
            "path": bad.path(),
            "kind": field("kind").unwrap_or_else(|| bad.kind.to_owned()),
            "profile": bad.profile_name().map(|p| format!("tests/corpus/valid/profile/{p}.json")),
            "reference_date": option("reference_date"),
            "description": field("description"),
        },
        "valid": valid_example(bad, code).map(|good| json!({ "path": good.path() })),
    })
}

/// The known code nearest to `code`, for a "did you mean".
fn nearest(code: &str) -> Option<&'static str> {
    let lower = code.to_ascii_lowercase();
    let score = |c: &str| {
        let common = lower.chars().zip(c.chars()).take_while(|(a, b)| a == b).count();
        let contains = c.contains(lower.as_str()) || lower.contains(c);
        (contains, common)
    };
    rules::ALL
        .iter()
        .map(|r| r.code)
        .filter(|c| score(c).0 || score(c).1 >= 4)
        .max_by_key(|c| score(c))
}

fn write_document(out: &mut dyn Write, styles: &Styles, text: &[u8]) -> io::Result<()> {
    const MAX_LINES: usize = 40;
    let text = String::from_utf8_lossy(text);
    let lines: Vec<&str> = text.lines().collect();
    let width = lines.len().min(MAX_LINES).to_string().len();
    for (i, line) in lines.iter().take(MAX_LINES).enumerate() {
        paint(out, styles.gutter, &format!("{:>width$} |", i + 1))?;
        writeln!(out, " {line}")?;
    }
    if lines.len() > MAX_LINES {
        writeln!(out, "{:>width$} | … ({} more lines)", "", lines.len() - MAX_LINES)?;
    }
    Ok(())
}

fn describe(out: &mut dyn Write, rule: &Rule, lang: Lang, styles: &Styles) -> io::Result<()> {
    let style = match rule.severity {
        Severity::Error => styles.error,
        Severity::Warning => styles.warning,
    };
    paint(out, styles.header, rule.code)?;
    write!(out, " (")?;
    paint(out, style, severity_word(rule.severity, lang))?;
    writeln!(out, ")\n")?;
    writeln!(out, "  en: {}", rule.en)?;
    writeln!(out, "  sv: {}\n", rule.sv)?;
    let params = if rule.params.is_empty() {
        match lang {
            Lang::En => "none".to_owned(),
            Lang::Sv => "inga".to_owned(),
        }
    } else {
        rule.params.iter().map(|p| format!("`{{{p}}}`")).collect::<Vec<_>>().join(", ")
    };
    match lang {
        Lang::En => {
            writeln!(out, "In the JSON Schema: {}.", schema_sentence(rule.check, lang))?;
            writeln!(out, "Message parameters: {params}.")
        }
        Lang::Sv => {
            writeln!(out, "I JSON-schemat: {}.", schema_sentence(rule.check, lang))?;
            writeln!(out, "Parametrar i meddelandet: {params}.")
        }
    }
}

/// Runs `explain`.
/// Writes a document, then what `validate` says of it as `kind` (nothing more without a kind).
fn show_verdict(
    out: &mut dyn Write,
    (lang, styles): (Lang, &Styles),
    (path, kind, text): (&str, Option<DocumentKind>, &[u8]),
    options: &kommun_intl::Options,
) -> io::Result<()> {
    write_document(out, styles, text)?;
    let report = kind.map(|k| k.validate_json(text, options));
    write_report(out, (lang, styles), (path, kind, text), report.as_ref())
}

/// What `validate` says of a document (a heading, then its report as `validate` prints it;
/// the heading alone without a report).
fn write_report(
    out: &mut dyn Write,
    (lang, styles): (Lang, &Styles),
    (path, kind, text): (&str, Option<DocumentKind>, &[u8]),
    report: Option<&kommun_intl::Report>,
) -> io::Result<()> {
    let says = match lang {
        Lang::En => "kommun-intl validate says:",
        Lang::Sv => "kommun-intl validate säger:",
    };
    writeln!(out)?;
    paint(out, styles.header, says)?;
    writeln!(out, "\n")?;
    let Some(report) = report else { return Ok(()) };
    let settings = Settings { lang, styles: *styles, quiet: false, deny_warnings: false };
    let mut human = Human::new(Box::new(&mut *out), settings);
    let trust = kommun_intl::personal::Trust::Told;
    let doc = DocInfo { kind, trust, text, first_line: 1, ndjson: false };
    human.document(&FileInfo { path }, &doc, report)?;
    human.flush()
}

/// The spreadsheet fixture that shows a `sheet.*` rule best: the fewest other codes, then
/// the smallest.
fn sheet_example(code: &str) -> Option<&'static SheetExample> {
    SHEETS
        .iter()
        .filter(|e| e.codes().iter().any(|c| c == code))
        .min_by_key(|e| (e.codes().iter().filter(|c| *c != code).count(), e.text.len(), e.name))
}

/// A sheet of partner towns, for `sheet.too_large` shown with the rows limit lowered.
const SHEET_LIMIT_EXAMPLE: &str = "Id;Partner – namn;Land;Avtalstyp\nkecskemet;Kecskemét;HU;Vänortsavtal\nzhangjiagang;Zhangjiagang;CN;Vänortsavtal\n";

/// [`SHEET_LIMIT_EXAMPLE`] read with the rows limit lowered to 2.
fn sheet_limit_register() -> kommun_intl_sheets::Register {
    let limits =
        kommun_intl_sheets::Limits { max_rows: 2, ..kommun_intl_sheets::Limits::default() };
    let csv = kommun_intl_sheets::Format::Csv;
    kommun_intl_sheets::read_bytes(csv, "Partnerskap", SHEET_LIMIT_EXAMPLE.as_bytes(), &limits)
}

/// The cells of a workbook, one line each (`Partnerskap!B2  Kecskemét (formula)`), as
/// `explain` shows a binary file.
fn write_cells(
    out: &mut dyn Write,
    (lang, styles): (Lang, &Styles),
    e: &SheetExample,
) -> io::Result<()> {
    let sv = lang == Lang::Sv;
    let words = |sv_word: &'static str, en_word: &'static str| if sv { sv_word } else { en_word };
    let format = if e.extension == "ods" {
        kommun_intl_sheets::Format::Ods
    } else {
        kommun_intl_sheets::Format::Xlsx
    };
    let limits = kommun_intl_sheets::Limits::default();
    let book = kommun_intl_sheets::book::read_bytes(format, e.name, e.text, &limits);
    for sheet in &book.sheets {
        let hidden = if sheet.hidden { words(" (dolt)", " (hidden)") } else { "" };
        paint(out, styles.gutter, &format!("{}{hidden}", sheet.name))?;
        writeln!(out)?;
        for row in &sheet.rows {
            for cell in &row.cells {
                let at = kommun_intl_sheets::book::a1(row.index, cell.col);
                let value = match &cell.raw {
                    Raw::Text(t) => t.clone(),
                    Raw::Int(n) => n.to_string(),
                    Raw::Float(n) => n.to_string(),
                    Raw::Bool(b) => b.to_string(),
                    Raw::Date(y, m, d, ..) => format!("{y:04}-{m:02}-{d:02}"),
                    Raw::Error(t) => format!("{t} {}", words("(felvärde)", "(error value)")),
                };
                let formula = if cell.formula { words(" (formel)", " (formula)") } else { "" };
                writeln!(out, "  {at:6} {value}{formula}")?;
            }
        }
        for &(r0, c0, r1, c1) in &sheet.merged {
            let (from, to) =
                (kommun_intl_sheets::book::a1(r0, c0), kommun_intl_sheets::book::a1(r1, c1));
            writeln!(out, "  {from}:{to} {}", words("sammanfogade", "merged"))?;
        }
    }
    Ok(())
}

/// `explain` for a `sheet.*` rule: its spreadsheet fixture (a CSV file as text, a workbook
/// as its cells) and what `validate` says of it; `sheet.too_large` with the rows limit
/// lowered.
fn show_sheet_example(
    out: &mut dyn Write,
    rule: &Rule,
    lang: Lang,
    styles: &Styles,
) -> io::Result<()> {
    let limits = kommun_intl_sheets::Limits::default();
    writeln!(out)?;
    let (path, register) = if let Some(e) = sheet_example(rule.code) {
        let heading = match lang {
            Lang::En => "Invalid example",
            Lang::Sv => "Ogiltigt exempel",
        };
        paint(out, styles.header, &format!("{heading}: {}", e.path()))?;
        writeln!(out, "\n")?;
        if e.is_workbook() && e.text.starts_with(b"PK") {
            write_cells(out, (lang, styles), e)?;
        } else {
            write_document(out, styles, e.text)?;
        }
        (e.path(), e.read(&limits))
    } else if rule.code == rules::SHEET_TOO_LARGE.code {
        let heading = match lang {
            Lang::En => {
                "Invalid example, with the rows limit lowered to 2 (the real one is too large to show)"
            }
            Lang::Sv => {
                "Ogiltigt exempel, med radgränsen sänkt till 2 (den verkliga är för stor att visa)"
            }
        };
        paint(out, styles.header, heading)?;
        writeln!(out, "\n")?;
        write_document(out, styles, SHEET_LIMIT_EXAMPLE.as_bytes())?;
        ("Partnerskap.csv".to_owned(), sheet_limit_register())
    } else {
        match lang {
            Lang::En => {
                writeln!(out, "No example: no file in tests/corpus/sheets/ raises this code.")?;
            }
            Lang::Sv => {
                writeln!(
                    out,
                    "Inget exempel: ingen fil i tests/corpus/sheets/ ger den här koden."
                )?;
            }
        }
        return Ok(());
    };
    let report = register.validate(&kommun_intl::Options::default());
    let kind = Some(DocumentKind::Dataset);
    write_report(out, (lang, styles), (&path, kind, b""), Some(&report))
}

/// A municipality small enough to show, for the limits no fixture can reach at their real size.
const LIMIT_EXAMPLE: &str = r#"{
  "id": "lidkoping",
  "name": { "sv": "Lidköpings kommun" },
  "municipality_code": "1494",
  "units": [
    { "id": "barn_och_skola", "name": "Barn & Skola" },
    { "id": "biblioteket", "name": "Biblioteket" },
    { "id": "seniorcenter", "name": "SeniorCenter" }
  ]
}
"#;

/// For a size limit: the example document, the options with the limit lowered so that it
/// breaks it, and the lowered limit as shown.
fn limit_example(code: &str) -> Option<(&'static [u8], kommun_intl::Options, String)> {
    let mut limits = kommun_intl::Limits::default();
    let shown = match code {
        "limits.document_size" => {
            limits.max_document_size = 200;
            "200 bytes"
        }
        "limits.string_length" => {
            limits.max_string_length = 16;
            "16 bytes"
        }
        "limits.array_length" => {
            limits.max_array_length = 2;
            "2 items"
        }
        _ => return None,
    };
    Some((
        LIMIT_EXAMPLE.as_bytes(),
        kommun_intl::Options { limits, ..kommun_intl::Options::default() },
        shown.to_owned(),
    ))
}

/// `explain PREFIX`: every rule under the prefix, one line each, in catalogue order.
fn explain_prefix(under: &[&rules::Rule], lang: Lang) -> u8 {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let width = under.iter().map(|r| r.code.len()).max().unwrap_or(0);
    let result = (|| -> io::Result<()> {
        for rule in under {
            let severity = severity_word(rule.severity, lang);
            writeln!(out, "{:width$}  {severity:7}  {}", rule.code, rule.template(lang))?;
        }
        let n = under.len();
        match lang {
            Lang::En => writeln!(
                out,
                "\n{n} {}; `kommun-intl explain CODE` shows one with its examples.",
                if n == 1 { "rule" } else { "rules" }
            )?,
            Lang::Sv => writeln!(
                out,
                "\n{n} {}; `kommun-intl explain KOD` visar en med exempel.",
                if n == 1 { "regel" } else { "regler" }
            )?,
        }
        out.flush()
    })();
    finish(result)
}

pub fn explain(args: &ExplainArgs) -> u8 {
    let lang = env::lang(args.lang);
    let code = args.code.trim();
    let prefix = if code.ends_with('.') { code.to_owned() } else { format!("{code}.") };
    let under: Vec<&rules::Rule> =
        rules::ALL.iter().copied().filter(|r| r.code.starts_with(&prefix)).collect();
    if rules::Rule::by_code(code).is_none() && !under.is_empty() {
        return explain_prefix(&under, lang);
    }
    let Some(rule) = rules::Rule::by_code(code) else {
        let hint =
            nearest(args.code.trim()).map(|c| format!(" Did you mean `{c}`?")).unwrap_or_default();
        env::error(&format!(
            "no rule has the code `{}`.{hint} `kommun-intl rules` lists them all.",
            args.code
        ));
        return exit::USAGE;
    };
    let colour = env::colour_stdout(args.color);
    let styles = Styles::new(colour);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = (|| -> io::Result<()> {
        describe(&mut out, rule, lang, &styles)?;
        if invalid_example(rule.code).is_none()
            && let Some((text, options, shown)) = limit_example(rule.code)
        {
            let heading = match lang {
                Lang::En => format!(
                    "Invalid example, with the limit lowered to {shown} (the real one is too large to show)"
                ),
                Lang::Sv => format!(
                    "Ogiltigt exempel, med gränsen sänkt till {shown} (den verkliga är för stor att visa)"
                ),
            };
            writeln!(out)?;
            paint(&mut out, styles.header, &heading)?;
            writeln!(out, "\n")?;
            let kind = Some(DocumentKind::Municipality);
            show_verdict(&mut out, (lang, &styles), ("example.json", kind, text), &options)?;
            let valid = match lang {
                Lang::En => "Under the real limits the same document is valid.",
                Lang::Sv => "Med de verkliga gränserna är samma dokument giltigt.",
            };
            writeln!(out, "{valid}")?;
            return out.flush();
        }
        if rule.check == Check::Sheet {
            show_sheet_example(&mut out, rule, lang, &styles)?;
            return out.flush();
        }
        let Some(bad) = invalid_example(rule.code) else {
            match lang {
                Lang::En => {
                    writeln!(out, "\nNo example: no fixture in tests/corpus/ raises this code.")?;
                }
                Lang::Sv => writeln!(
                    out,
                    "\nInget exempel: inget dokument i tests/corpus/ ger den här koden."
                )?,
            }
            return out.flush();
        };
        let note =
            bad.expectation().and_then(|e| e.get("description")?.as_str().map(str::to_owned));
        let heading = match lang {
            Lang::En => "Invalid example",
            Lang::Sv => "Ogiltigt exempel",
        };
        writeln!(out)?;
        paint(&mut out, styles.header, &format!("{heading}: {}", bad.path()))?;
        writeln!(out)?;
        if let Some(note) = note {
            writeln!(out, "({note})")?;
        }
        if let Some(profile) = bad.profile_name() {
            let path = format!("tests/corpus/valid/profile/{profile}.json");
            match lang {
                Lang::En => writeln!(out, "(validated with --profile {path})")?,
                Lang::Sv => writeln!(out, "(validerat med --profile {path})")?,
            }
        }
        writeln!(out)?;
        let kind: Option<DocumentKind> = bad
            .expectation()
            .and_then(|e| e.get("kind")?.as_str()?.parse().ok())
            .or_else(|| bad.kind.parse().ok());
        let path = bad.path();
        show_verdict(&mut out, (lang, &styles), (&path, kind, bad.text), &bad.options())?;
        if let Some(good) = valid_example(bad, rule.code) {
            let heading = match lang {
                Lang::En => "Valid example",
                Lang::Sv => "Giltigt exempel",
            };
            paint(&mut out, styles.header, &format!("{heading}: {}", good.path()))?;
            writeln!(out, "\n")?;
            write_document(&mut out, &styles, good.text)?;
        }
        out.flush()
    })();
    finish(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_raises_its_code_and_has_a_valid_sibling() {
        let mut shown = 0;
        for rule in rules::ALL {
            let Some(bad) = invalid_example(rule.code) else { continue };
            shown += 1;
            let kind: DocumentKind = bad.kind.parse().expect("a kind directory");
            let options = bad.options();
            let report = kind.validate_json(bad.text, &options);
            assert!(report.issues.iter().any(|i| i.code == rule.code), "{}", bad.path());
            let good = valid_example(bad, rule.code).expect("a valid example of the kind");
            assert!(kind.validate_json(good.text, &good.options()).is_valid(), "{}", good.path());
        }
        // Without the corpus (a build outside the workspace) there is nothing to show.
        assert!(
            CORPUS.is_empty() || shown * 2 > rules::ALL.len(),
            "only {shown} rules have examples"
        );
    }

    #[test]
    fn the_limits_have_examples_at_a_lowered_limit() {
        for rule in rules::ALL.iter().filter(|r| r.code.starts_with("limits.")) {
            if invalid_example(rule.code).is_some() {
                continue;
            }
            let (text, options, _) = limit_example(rule.code).expect("an example");
            let kind = DocumentKind::Municipality;
            let report = kind.validate_json(text, &options);
            assert!(report.issues.iter().any(|i| i.code == rule.code), "{}: {report}", rule.code);
            let real = kind.validate_json(text, &kommun_intl::Options::default());
            assert!(real.is_clean(), "{real}");
        }
    }

    /// Every `sheet.*` rule has an example: a spreadsheet fixture that raises it when read as
    /// `explain` reads it, or (`sheet.too_large`) the example at a lowered limit.
    #[test]
    fn every_sheet_rule_has_an_example_that_raises_it() {
        assert!(!SHEETS.is_empty(), "the fixtures of tests/corpus/sheets/ are embedded");
        for rule in rules::ALL.iter().filter(|r| r.check == Check::Sheet) {
            let limits = kommun_intl_sheets::Limits::default();
            let report = if let Some(e) = sheet_example(rule.code) {
                e.read(&limits).validate(&kommun_intl::Options::default())
            } else {
                assert_eq!(rule.code, rules::SHEET_TOO_LARGE.code, "{} has no example", rule.code);
                sheet_limit_register().validate(&kommun_intl::Options::default())
            };
            assert!(report.issues.iter().any(|i| i.code == rule.code), "{}: {report}", rule.code);
        }
    }

    #[test]
    fn nearest_finds_misspelt_and_partial_codes() {
        assert_eq!(nearest("phone.not_e165"), Some("phone.not_e164"));
        assert_eq!(nearest("not_e164"), Some("phone.not_e164"));
        assert_eq!(nearest("zzz"), None);
    }
}
