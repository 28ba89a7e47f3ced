//! `kommun-intl export REGISTER --to dcat|iati|wikidata --output PATH`: the register as open
//! data, from the validated register only (an invalid one writes nothing and its issues are
//! printed as `validate` prints them):
//!
//! - `dcat`: a directory with one CSV file per collection and `dataset.jsonld`, their
//!   DCAT-AP-SE description for Sweden's data portal (`--base-url` says where they will be
//!   published);
//! - `iati`: the projects as IATI 2.03 activity XML;
//! - `wikidata`: QuickStatements for the partnerships whose partner has a Wikidata item (the
//!   municipality's own item is the register's `municipality.wikidata`; `--wikidata`
//!   overrides it). With `--compare DUMP` (a Wikidata JSON dump excerpt), only the statements
//!   Wikidata lacks are written, and the twinnings the register lacks are listed.

use std::path::{Path, PathBuf};

use kommun_intl::Validate;
use kommun_intl::model::WikidataId;
use kommun_intl_publish::{Register, csv, dcat, iati, wikidata};

use crate::env;
use crate::render::{ReportArgs, load, publish_error};
use crate::sheets;
use crate::{exit, parse_lang};

/// What `export` writes: a spreadsheet (see `sheets`) or open data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum To {
    /// An Excel workbook, one sheet per collection; `--output` is a file.
    Xlsx,
    /// An OpenDocument spreadsheet (LibreOffice), one sheet per collection; `--output` is a file.
    Ods,
    /// A folder of CSV files, one per sheet, as `import` reads them back; `--output` is a folder.
    Csv,
    /// CSV per collection with a DCAT-AP-SE description (JSON-LD); `--output` is a directory.
    Dcat,
    /// IATI 2.03 activity XML of the projects; `--output` is a file.
    Iati,
    /// Wikidata QuickStatements (P190 with P580/P582 and S854); `--output` is a file.
    Wikidata,
}

/// Arguments of `export` (the open-data formats).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The register (a dataset document), or `-` for standard input.
    #[arg(value_name = "REGISTER")]
    pub register: PathBuf,
    /// The format.
    #[arg(long, value_enum)]
    pub to: To,
    /// Where to write: a directory for `dcat` and `csv`, a file for the others.
    #[arg(long, short, value_name = "PATH")]
    pub output: PathBuf,
    /// For `dcat`: the address the files will be published under, ending in `/`.
    #[arg(long, value_name = "URL", required_if_eq("to", "dcat"))]
    pub base_url: Option<String>,
    /// For `dcat`: the licence's IRI [default: CC0 1.0]
    #[arg(long, value_name = "IRI")]
    pub license: Option<String>,
    /// For `wikidata`: the municipality's own Wikidata item (`Q1000001`) [default: the
    /// register's `municipality.wikidata`]
    #[arg(long, value_name = "QID")]
    pub wikidata: Option<String>,
    /// For `wikidata`: a Wikidata JSON dump excerpt (entities with their P190 claims) to
    /// compare with: write only the statements it lacks, and list the twinnings the register
    /// lacks.
    #[arg(long, value_name = "DUMP")]
    pub compare: Option<PathBuf>,
    /// Language of the messages: `sv` or `en` [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, value_parser = parse_lang, value_name = "LANG")]
    pub lang: Option<kommun_intl::Lang>,
    #[command(flatten)]
    pub report: ReportArgs,
}

fn write(path: &Path, text: &str) -> Result<(), u8> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        env::error(&format!("cannot create {}: {e}", dir.display()));
        return Err(exit::USAGE);
    }
    std::fs::write(path, text).map_err(|e| {
        env::error(&format!("cannot write {}: {e}", path.display()));
        exit::USAGE
    })?;
    env::note(&format!("wrote {}", path.display()));
    Ok(())
}

fn left_out(items: &[(String, &'static str)]) {
    for (id, why) in items {
        env::note(&format!("left out {id}: {why}"));
    }
}

/// `--to wikidata --compare DUMP`: the statements the dump lacks, and notes on what the
/// register lacks.
fn compare(register: Register<'_>, own: &WikidataId, dump: &Path, output: &Path) -> Result<(), u8> {
    let limit = kommun_intl::Limits::default().max_document_size;
    let bytes = std::fs::File::open(dump).and_then(|f| {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::Read::take(f, limit as u64 + 1), &mut bytes)
            .map(|_| bytes)
    });
    let bytes = match bytes {
        Ok(b) if b.len() <= limit => b,
        Ok(_) => {
            env::error(&format!("{}: larger than the limit of {limit} bytes", dump.display()));
            return Err(exit::USAGE);
        }
        Err(e) => {
            env::error(&format!("cannot read {}: {e}", dump.display()));
            return Err(exit::USAGE);
        }
    };
    let c = wikidata::compare(register, own, &bytes).map_err(|e| {
        env::error(&format!("{}: {e}", dump.display()));
        exit::USAGE
    })?;
    left_out(&c.missing_on_wikidata.left_out);
    for (q, id) in &c.not_on_wikidata {
        env::note(&format!("not on Wikidata: {id} ({own} P190 {q}, in neither direction)"));
    }
    for q in &c.not_in_register {
        env::note(&format!("not in the register: {q} (twinned with {own} on Wikidata)"));
    }
    for q in &c.not_in_excerpt {
        env::note(&format!("not in the excerpt: {q} (its statements were not seen)"));
    }
    write(output, &c.missing_on_wikidata.text)
}

/// Runs `export --to dcat|iati|wikidata`; returns the exit status.
pub fn run(args: &Args) -> u8 {
    let sheet = match args.to {
        To::Xlsx => Some(sheets::To::Xlsx),
        To::Ods => Some(sheets::To::Ods),
        To::Csv => Some(sheets::To::Csv),
        To::Dcat | To::Iati | To::Wikidata => None,
    };
    if let Some(to) = sheet {
        let (register, output, lang) = (args.register.clone(), args.output.clone(), args.lang);
        return sheets::export(&sheets::ExportArgs { register, to, output, lang });
    }
    let lang = env::lang(args.lang);
    // Checked before the register is read, so that a usage error writes nothing.
    let own = match (&args.to, &args.wikidata) {
        (To::Wikidata, Some(q)) => {
            let id = WikidataId::new(q.as_str());
            if !id.validate().is_clean() {
                env::error(&format!("`{q}` is not a Wikidata item id (Q and digits)"));
                return exit::USAGE;
            }
            Some(id)
        }
        _ => None,
    };
    let data = match load(&args.register, lang, &args.report) {
        Ok(data) => data,
        Err(code) => return code,
    };
    let register = match Register::new(&data) {
        Ok(r) => r,
        Err(e) => return publish_error(&e),
    };
    let result = match args.to {
        To::Dcat => {
            let mut options = dcat::DcatOptions::new(args.base_url.as_deref().unwrap_or_default());
            if let Some(license) = &args.license {
                options.license.clone_from(license);
            }
            let tables = csv::tables(register);
            let description = match dcat::describe(register, &tables, &options) {
                Ok(d) => d,
                Err(e) => {
                    env::error(&e.to_string());
                    return exit::USAGE;
                }
            };
            let mut text = serde_json::to_string_pretty(&description).unwrap_or_default();
            text.push('\n');
            tables
                .iter()
                .try_for_each(|t| write(&args.output.join(&t.name), &t.to_csv()))
                .and_then(|()| write(&args.output.join("dataset.jsonld"), &text))
        }
        To::Iati => {
            let out = iati::activities(register);
            left_out(&out.left_out);
            for (id, what) in &out.notes {
                env::note(&format!("{id}: {what}"));
            }
            if out.count == 0 {
                env::error(&match data.projects.len() {
                    0 => "the register has no projects; nothing written".to_owned(),
                    n => format!(
                        "none of the register's {n} projects can be an IATI activity; nothing written"
                    ),
                });
                return exit::INVALID;
            }
            write(&args.output, &out.xml)
        }
        To::Wikidata => {
            let Some(own) = own.or_else(|| data.municipality.wikidata.clone()) else {
                env::error(
                    "the municipality's Wikidata item is not known: set `municipality.wikidata` \
                     in the register, or pass --wikidata QID",
                );
                return exit::USAGE;
            };
            match &args.compare {
                None => {
                    let out = wikidata::statements(register, &own);
                    left_out(&out.left_out);
                    write(&args.output, &out.text)
                }
                Some(dump) => compare(register, &own, dump, &args.output),
            }
        }
        To::Xlsx | To::Ods | To::Csv => {
            unreachable!("spreadsheets are written by `sheets::export` above")
        }
    };
    match result {
        Ok(()) => exit::VALID,
        Err(code) => code,
    }
}
