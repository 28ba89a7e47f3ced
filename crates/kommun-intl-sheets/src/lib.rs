//! Registers of a municipality's international work kept as spreadsheets: Excel (`.xlsx`),
//! LibreOffice (`.ods`) and CSV files, read into the core's model with every issue placed
//! by sheet and cell, and written back as workbooks, CSV folders and templates.
//!
//! # The layout
//!
//! One sheet per list of the register (`Partnerskap`, `Projekt`, `Statistik`, `Medlemskap`,
//! `Nätverk`, `Enheter`, ...; Swedish or English names), one record per row under a header
//! row, and a sheet `Kommun` with the register's own fields, one per row (field in column A,
//! value in column B). A CSV file is one sheet, named by the file; a folder of CSV files is a
//! workbook. Headers are Swedish or English labels (`Avtalstyp`, `Agreement type`,
//! `Partner – namn`) or flatten-tool paths (`partner/name/sv`, `funding/0/type`). Lists of
//! plain values share a cell, separated by `;`. Codes may be written as their labels
//! (`Vänortsavtal` reads as `twinning`). The mapping comes from the compiled schema
//! ([`layout`]); nothing lists the fields by hand.
//!
//! ```
//! use kommun_intl::{Lang, Options};
//! use kommun_intl_sheets::{Format, Limits, read_bytes};
//!
//! let csv = "Id;Partner – namn;Land;Avtalstyp;Start\nkecskemet;Kecskemét;HU;Vänortsavtal;2004\n";
//! let register = read_bytes(Format::Csv, "Partnerskap", csv.as_bytes(), &Limits::default());
//! assert_eq!(register.value["partnerships"][0]["agreement_type"], "twinning");
//! let report = register.validate(&Options::default());
//! // The register has no `Kommun` sheet: the municipality is missing.
//! let missing = &report.issues[0];
//! assert_eq!(missing.code, "structure.missing_field");
//! ```

pub mod book;
pub mod coerce;
pub mod labels;
pub mod layout;
pub mod ods;
pub mod read;
pub mod write;

use std::path::Path;

use kommun_intl::validate::rules;
use kommun_intl::{DocumentKind, Issue, Options, Report, Severity};
use serde_json::Value;

pub use book::{Format, Limits};
pub use read::{Cells, Read};

/// A register read from a spreadsheet.
#[derive(Clone, Debug, Default)]
pub struct Register {
    /// The register as JSON (what `kommun-intl import` prints).
    pub value: Value,
    read: Read,
}

impl Register {
    /// The issues of reading the spreadsheet (before validation), each with its cell.
    #[must_use]
    pub fn read_issues(&self) -> &[Issue] {
        &self.read.issues
    }

    /// True when the file could not be read to the end (unreadable, or over a limit).
    #[must_use]
    pub fn failed(&self) -> bool {
        self.read.failed
    }

    /// Where the register's values are in the spreadsheet.
    #[must_use]
    pub fn cells(&self) -> &Cells {
        &self.read.cells
    }

    /// Validates the register: the issues of reading it and of the register itself, each
    /// with the sheet, cell and header of its value beside its JSON Pointer, sorted by sheet,
    /// row and column (register-wide issues first), at most `options.max_issues` of them.
    #[must_use]
    pub fn validate(&self, options: &Options) -> Report {
        let mut issues = self.read.issues.clone();
        if !self.read.failed {
            let report = kommun_intl::validate_value(DocumentKind::Dataset, &self.value, options);
            let extra = report.truncated_count;
            let mut errors_beyond = report.error_count()
                - report.issues.iter().filter(|i| i.severity == Severity::Error).count();
            // A cell whose value could not be read with certainty is reported once, as that.
            let doubted: Vec<&str> = self
                .read
                .issues
                .iter()
                .filter(|i| {
                    [rules::SHEET_AMBIGUOUS_DATE.code, rules::SHEET_AMBIGUOUS_NUMBER.code]
                        .contains(&i.code)
                })
                .map(|i| i.pointer.as_str())
                .collect();
            for mut issue in report.issues {
                if doubted.contains(&issue.pointer.as_str()) {
                    continue;
                }
                if issue.cell.is_none() {
                    issue.cell = self.read.cells.locate(&issue).map(Box::new);
                }
                issues.push(issue);
            }
            return finish(&self.read.cells, issues, extra, &mut errors_beyond, options);
        }
        finish(&self.read.cells, issues, 0, &mut 0, options)
    }
}

fn finish(
    cells: &Cells,
    mut issues: Vec<Issue>,
    truncated: usize,
    errors_beyond: &mut usize,
    options: &Options,
) -> Report {
    issues.sort_by_key(|i| cells.sort_key(i.cell.as_deref()));
    let mut truncated = truncated;
    if issues.len() > options.max_issues {
        for dropped in issues.drain(options.max_issues..) {
            truncated += 1;
            if dropped.severity == Severity::Error {
                *errors_beyond += 1;
            }
        }
    }
    let errors = issues.iter().filter(|i| i.severity == Severity::Error).count() + *errors_beyond;
    Report::from_parts(issues, truncated, errors).unwrap_or_default()
}

/// Reads a spreadsheet held in memory; `name` is the sheet name of a CSV file (its file
/// name without `.csv`).
#[must_use]
pub fn read_bytes(format: Format, name: &str, bytes: &[u8], limits: &Limits) -> Register {
    let book = book::read_bytes(format, name, bytes, limits);
    let mut read = read::register(&book);
    let value = std::mem::take(&mut read.value);
    Register { value, read }
}

/// True when `path` is a spreadsheet this crate reads: an `.xlsx`, `.ods` or `.csv` file, or
/// a folder with a CSV file in it.
#[must_use]
pub fn is_spreadsheet(path: &Path) -> bool {
    if path.is_dir() {
        return csv_files(path).is_ok_and(|f| !f.is_empty());
    }
    Format::of_path(path).is_some()
}

/// The CSV files directly in a folder, by name.
fn csv_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        // The name first: a folder of 10,000 JSON files costs no `stat` of each.
        .filter(|p| Format::of_path(p) == Some(Format::Csv) && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads a workbook, a CSV file, or a folder of CSV files (one per sheet).
pub fn read_path(path: &Path, limits: &Limits) -> std::io::Result<Register> {
    if path.is_dir() {
        let mut book = book::Book::default();
        for file in csv_files(path)? {
            let bytes = book::read_file(&file, limits.max_file_size)?;
            let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let one = book::read_bytes(Format::Csv, name, &bytes, limits);
            book.sheets.extend(one.sheets);
            book.findings.extend(one.findings);
        }
        let mut read = read::register(&book);
        let value = std::mem::take(&mut read.value);
        return Ok(Register { value, read });
    }
    let format = Format::of_path(path).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidInput, "not an .xlsx, .ods or .csv file")
    })?;
    let bytes = book::read_file(path, limits.max_file_size)?;
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    Ok(read_bytes(format, name, &bytes, limits))
}
