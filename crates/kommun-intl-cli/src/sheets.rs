//! `kommun-intl import`, `export` and `template`: registers kept as spreadsheets. Every
//! decision about cells is `kommun-intl-sheets`'s; this module reads and writes files.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use kommun_intl::Lang;
use kommun_intl_sheets::write;

use crate::{env, exit, parse_lang};

/// Arguments of `import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The workbook (.xlsx, .ods), CSV file, or folder of CSV files (one per sheet).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Write the JSON to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the messages: `sv` or `en` [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// What `export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// An Excel workbook.
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice).
    Ods,
    /// A folder of CSV files, one per sheet.
    Csv,
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The register (JSON).
    #[arg(value_name = "REGISTER")]
    pub register: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    pub to: To,
    /// The file to write; for `--to csv`, the folder (made if missing).
    #[arg(long, short, value_name = "PATH")]
    pub output: PathBuf,
    /// Language of the sheet names, headers and code labels: `sv` or `en` [default: from
    /// LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// Arguments of `template`.
#[derive(Debug, clap::Args)]
pub struct TemplateArgs {
    /// The workbook to write: .xlsx (Excel) or .ods (LibreOffice).
    #[arg(value_name = "PATH")]
    pub output: PathBuf,
    #[command(flatten)]
    pub profile: crate::profile::Arg,
    /// Language of the sheet names, headers (the other language follows), notes and
    /// drop-down labels: `sv` or `en` [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// Runs `import`; returns the exit status.
pub fn import(args: &ImportArgs) -> u8 {
    let lang = env::lang(args.lang);
    let register =
        match kommun_intl_sheets::read_path(&args.path, &kommun_intl_sheets::Limits::default()) {
            Ok(r) => r,
            Err(e) => {
                env::error(&format!("{}: cannot read: {e}", args.path.display()));
                return exit::USAGE;
            }
        };
    for issue in register.read_issues() {
        let place = issue.cell.as_ref().map(|c| format!("{c}: ")).unwrap_or_default();
        let line = format!(
            "{}: {place}{}[{}]: {}",
            args.path.display(),
            issue.severity,
            issue.code,
            issue.message(lang)
        );
        env::note(&line);
    }
    if register.failed() {
        return exit::USAGE;
    }
    let mut text = match serde_json::to_string_pretty(&register.value) {
        Ok(t) => t,
        Err(e) => {
            env::error(&format!("cannot write the JSON: {e}"));
            return exit::USAGE;
        }
    };
    text.push('\n');
    let written = match &args.output {
        Some(path) => std::fs::write(path, text),
        None => io::stdout().lock().write_all(text.as_bytes()),
    };
    match written {
        Ok(()) => exit::VALID,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => exit::VALID,
        Err(e) => {
            env::error(&format!("cannot write: {e}"));
            exit::USAGE
        }
    }
}

/// Reads a JSON register, no larger than a spreadsheet may be (a register of 100,000 rows is
/// larger than the limit of a JSON document to validate).
fn read_register(path: &Path) -> Result<serde_json::Value, String> {
    let limit = kommun_intl_sheets::Limits::default().max_file_size;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("larger than the limit of {limit} bytes"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("not JSON ({e}); `kommun-intl validate` says more"))?;
    if !value.is_object() {
        return Err("not a register (a JSON object)".to_owned());
    }
    Ok(value)
}

/// Runs `export`; returns the exit status.
pub fn export(args: &ExportArgs) -> u8 {
    let lang = env::lang(args.lang);
    let value = match read_register(&args.register) {
        Ok(v) => v,
        Err(e) => {
            env::error(&format!("{}: {e}", args.register.display()));
            return exit::USAGE;
        }
    };
    let result = match args.to {
        To::Xlsx | To::Ods => {
            let book = if args.to == To::Ods { write::Book::Ods } else { write::Book::Xlsx };
            write::workbook_bytes(&value, lang, book)
                .and_then(|b| std::fs::write(&args.output, b).map_err(Into::into))
                .map(|()| vec![args.output.clone()])
        }
        To::Csv => write::write_csv_folder(&value, lang, &args.output),
    };
    match result {
        Ok(files) => {
            for f in files {
                env::note(&format!("wrote {}", f.display()));
            }
            exit::VALID
        }
        Err(e) => {
            env::error(&format!("{}: {e}", args.output.display()));
            exit::USAGE
        }
    }
}

/// Runs `template`; returns the exit status.
pub fn template(args: &TemplateArgs) -> u8 {
    let lang = env::lang(args.lang);
    let book = match kommun_intl_sheets::Format::of_path(&args.output) {
        Some(kommun_intl_sheets::Format::Ods) => write::Book::Ods,
        Some(kommun_intl_sheets::Format::Xlsx) => write::Book::Xlsx,
        _ => {
            env::error(&format!(
                "{}: a template is an .xlsx or .ods workbook; name the file so",
                args.output.display()
            ));
            return exit::USAGE;
        }
    };
    let Ok(profile) = args.profile.load(lang) else { return exit::USAGE };
    match write::template(lang, book, profile.as_deref())
        .and_then(|b| std::fs::write(&args.output, b).map_err(Into::into))
    {
        Ok(()) => {
            env::note(&format!("wrote {}", args.output.display()));
            exit::VALID
        }
        Err(e) => {
            env::error(&format!("{}: {e}", args.output.display()));
            exit::USAGE
        }
    }
}
