//! `kommun-intl render`: the register as the municipality's page, a static site in Swedish or
//! English. The page is made by `kommun-intl-publish` from the validated register only: an
//! invalid register writes nothing, and its issues are printed as `validate` prints them.
//!
//! [`load`] is the one way the publishing commands read a register (`render` and `export`).

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use kommun_intl::personal::Trust;
use kommun_intl::{Dataset, DocumentKind, Lang, Options, Report};
use kommun_intl_publish::{Register, RenderOptions};

use crate::env::{self, Styles};
use crate::report::{self, DocInfo, Settings};
use crate::{ColorChoice, Format, exit, parse_lang};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The register (a dataset document), or `-` for standard input.
    #[arg(value_name = "REGISTER")]
    pub register: PathBuf,
    /// The page's language: `sv` or `en`.
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Lang,
    /// The directory to write the site into (created if missing): index.html and style.css.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// A directory of templates that replace the built-in ones of the same name (base.html,
    /// index.html, partnerships.html, projects.html, timeline.html, overview.html,
    /// macros.html, style.css).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// The year the page speaks from (the timeline's right edge); by default the latest year
    /// the register names.
    #[arg(long, value_name = "YEAR")]
    pub as_of: Option<i32>,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How the issues of an invalid register are printed.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Output format of the issues, if the register has any.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour the issues (never when NO_COLOR is set).
    #[arg(long, value_enum, default_value_t, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// Reads and validates the register at `path`: the register, or the exit status once its
/// issues (or why it could not be read) are printed. A register with warnings only is
/// returned, its warnings printed.
pub(crate) fn load(path: &Path, lang: Lang, args: &ReportArgs) -> Result<Dataset, u8> {
    let display = if path == Path::new("-") {
        crate::inputs::STDIN_NAME.to_owned()
    } else {
        env::escape_controls(&path.display().to_string()).into_owned()
    };
    let options = Options::default();
    let max = options.limits.max_document_size;
    let mut text = Vec::new();
    let read = if path == Path::new("-") {
        io::stdin().lock().take(max as u64 + 1).read_to_end(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(max as u64 + 1).read_to_end(&mut text))
    };
    if let Err(e) = read {
        env::error(&format!("cannot read {display}: {e}"));
        return Err(exit::USAGE);
    }
    // A document that names another kind (a feedback passed by mistake) is not read as a
    // register: its issues as one would name its members, and a member's name can be personal.
    if let Ok(kind) = DocumentKind::detect(crate::inputs::strip_bom(&text))
        && kind != DocumentKind::Dataset
    {
        env::error(&format!("{display} is a {kind} document, not a register (dataset)"));
        return Err(exit::INVALID);
    }
    let (data, report) = kommun_intl::check_json::<Dataset>(&text, &options);
    if !report.is_clean()
        && let Err(e) = print_report(&display, &text, &report, lang, args)
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        env::error(&format!("cannot write the output: {e}"));
        return Err(exit::USAGE);
    }
    match data {
        Some(data) if report.is_valid() => Ok(data),
        _ => Err(exit::INVALID),
    }
}

/// Prints a register's report as `validate` does.
fn print_report(
    display: &str,
    text: &[u8],
    report: &Report,
    lang: Lang,
    args: &ReportArgs,
) -> io::Result<()> {
    let stdout = io::stdout();
    let colour = args.format == Format::Human && env::colour(args.color, stdout.is_terminal());
    let settings =
        Settings { lang, styles: Styles::new(colour), quiet: false, deny_warnings: false };
    let out: Box<dyn Write> = Box::new(BufWriter::new(stdout.lock()));
    let mut sink = report::sink(args.format, out, settings);
    // The command expects a register but does not know that it was given one: a feedback
    // document passed by mistake must have its personal values masked, so the kind proves
    // nothing about where personal data is.
    let doc = DocInfo {
        kind: Some(DocumentKind::Dataset),
        trust: Trust::FromDocument,
        text,
        first_line: 1,
        ndjson: false,
    };
    report::one_document(&mut *sink, display, &doc, report, true)?;
    sink.flush()
}

/// Prints why publishing failed after the register was read.
pub(crate) fn publish_error(e: &kommun_intl_publish::Error) -> u8 {
    env::error(&e.to_string());
    match e {
        kommun_intl_publish::Error::Invalid(_) => exit::INVALID,
        _ => exit::USAGE,
    }
}

/// Runs `render`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let data = match load(&args.register, args.lang, &args.report) {
        Ok(data) => data,
        Err(code) => return code,
    };
    let register = match Register::new(&data) {
        Ok(r) => r,
        Err(e) => return publish_error(&e),
    };
    let options = RenderOptions { templates: args.templates.clone(), as_of: args.as_of };
    match kommun_intl_publish::render_with(register, args.lang, &args.out, &options) {
        Ok(site) => {
            for file in &site.files {
                env::note(&format!("wrote {}", file.display()));
            }
            exit::VALID
        }
        Err(e) => publish_error(&e),
    }
}
