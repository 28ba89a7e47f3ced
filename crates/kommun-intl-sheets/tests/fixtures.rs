//! The spreadsheet fixtures: each file or folder in `tests/corpus/sheets/` with the issues it
//! must give (`X.expected.json`: `[code, cell, pointer]` each, in report order), and workbooks
//! built here for what only a workbook can hold (formulas, merged cells, hidden sheets, error
//! values). Together they cover every `sheet.*` rule.

use std::collections::BTreeSet;
use std::path::PathBuf;

use kommun_intl::validate::rules::{self, Check};
use kommun_intl::{Issue, Options, Report};
use kommun_intl_sheets::{Format, Limits, read_bytes, read_path};
use rust_xlsxwriter::{Formula, Workbook};
use serde_json::{Value, json};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/sheets")
}

/// `[code, cell, pointer]` of each issue.
fn triples(report: &Report) -> Value {
    Value::Array(
        report
            .issues
            .iter()
            .map(|i| json!([i.code, i.cell.as_ref().map(ToString::to_string), i.pointer]))
            .collect(),
    )
}

fn check(name: &str) -> Report {
    let path = dir().join(name);
    let report = read_path(&path, &Limits::default()).unwrap().validate(&Options::default());
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let expected_path = dir().join(format!("{stem}.expected.json"));
    let got = triples(&report);
    if std::env::var_os("KOMMUN_INTL_UPDATE").is_some() {
        let text = serde_json::to_string_pretty(&got).unwrap() + "\n";
        std::fs::write(&expected_path, text).unwrap();
    }
    let expected: Value = serde_json::from_slice(&std::fs::read(&expected_path).unwrap()).unwrap();
    assert_eq!(got, expected, "{name} (KOMMUN_INTL_UPDATE=1 rewrites the expected file)");
    report
}

#[test]
fn register_folder_of_csv_files_is_valid() {
    let report = check("register");
    assert!(report.is_clean(), "{report}");
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let report = check("windows_1252.csv");
    assert!(report.issues.iter().any(|i| i.code == rules::SHEET_ENCODING.code), "{report}");
}

#[test]
fn unknown_and_repeated_columns() {
    check("columns.csv");
}

/// A column no field has (`Favoritfärg`) is reported and its values are not read; the rest
/// of the row is.
#[test]
fn a_column_of_something_else_is_not_read() {
    let report = check("okand_kolumn.csv");
    let unknown: Vec<_> =
        report.issues.iter().filter(|i| i.code == rules::SHEET_UNKNOWN_COLUMN.code).collect();
    assert_eq!(unknown.len(), 1, "{report}");
    assert_eq!(unknown[0].params["header"], "Favoritfärg");
}

#[test]
fn numbers_and_dates_are_read_only_when_certain() {
    check("statistik.csv");
}

#[test]
fn a_sheet_of_something_else_is_not_read() {
    check("anteckningar.csv");
}

/// A file named `.xlsx` that is no workbook (here, text) cannot be read, and says why.
#[test]
fn a_file_that_is_no_workbook_is_unreadable() {
    let report = check("unreadable.xlsx");
    assert_eq!(report.issues[0].code, rules::SHEET_UNREADABLE.code, "{report}");
}

/// What only workbooks hold, in a committed workbook (`KOMMUN_INTL_UPDATE=1` writes it again
/// from [`hostile_workbook`]): formulas, an error value, merged cells, a hidden sheet.
#[test]
fn a_workbook_with_formulas_merged_cells_errors_and_a_hidden_sheet() {
    if std::env::var_os("KOMMUN_INTL_UPDATE").is_some() {
        std::fs::write(dir().join("workbook.xlsx"), hostile_workbook()).unwrap();
    }
    let report = check("workbook.xlsx");
    for rule in [&rules::SHEET_FORMULA, &rules::SHEET_CELL_ERROR, &rules::SHEET_MERGED_CELLS] {
        assert!(report.issues.iter().any(|i| i.code == rule.code), "{}: {report}", rule.code);
    }
    assert!(report.issues.iter().any(|i| i.code == rules::SHEET_HIDDEN.code), "{report}");
}

#[test]
fn every_fixture_file_has_a_test() {
    let named: BTreeSet<&str> = [
        "register",
        "windows_1252.csv",
        "columns.csv",
        "statistik.csv",
        "anteckningar.csv",
        "okand_kolumn.csv",
        "unreadable.xlsx",
        "workbook.xlsx",
    ]
    .into();
    for e in std::fs::read_dir(dir()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") {
            continue;
        }
        assert!(named.contains(name.as_str()), "{name} has no test in fixtures.rs");
    }
}

/// A workbook with what only workbooks hold.
fn hostile_workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Partnerskap").unwrap();
    for (c, h) in ["Id", "Partner – namn", "Land", "Avtalstyp", "Start"].iter().enumerate() {
        ws.write_string(0, u16::try_from(c).unwrap(), *h).unwrap();
    }
    ws.write_string(1, 0, "kecskemet").unwrap();
    ws.write_formula(1, 1, Formula::new("=\"Kecs\"&\"kemét\"").set_result("Kecskemét")).unwrap();
    ws.write_string(1, 2, "HU").unwrap();
    ws.write_formula(1, 3, Formula::new("=NA()").set_result("#N/A")).unwrap();
    ws.write_number(1, 4, 2004).unwrap();
    ws.merge_range(2, 0, 3, 0, "zhangjiagang", &rust_xlsxwriter::Format::new()).unwrap();
    ws.write_string(2, 1, "Zhangjiagang").unwrap();
    ws.write_string(2, 2, "CN").unwrap();
    let hidden = wb.add_worksheet();
    hidden.set_name("Projekt").unwrap();
    hidden.write_string(0, 0, "Id").unwrap();
    hidden.write_string(1, 0, "gammalt").unwrap();
    hidden.set_hidden(true);
    wb.save_to_buffer().unwrap()
}

#[test]
fn formulas_merged_cells_hidden_sheets_and_error_values_are_reported() {
    let bytes = hostile_workbook();
    let r = read_bytes(Format::Xlsx, "book", &bytes, &Limits::default());
    assert_eq!(r.value["partnerships"][0]["partner"]["name"]["sv"], "Kecskemét");
    assert_eq!(r.value["partnerships"][0]["start"], "2004");
    let codes: Vec<(String, String)> = r
        .read_issues()
        .iter()
        .map(|i| (i.code.to_owned(), i.cell.as_ref().map(ToString::to_string).unwrap_or_default()))
        .collect();
    for (code, cell) in [
        (rules::SHEET_FORMULA.code, "Partnerskap!B2"),
        (rules::SHEET_FORMULA.code, "Partnerskap!D2"),
        (rules::SHEET_CELL_ERROR.code, "Partnerskap!D2"),
        (rules::SHEET_MERGED_CELLS.code, "Partnerskap!A3"),
        (rules::SHEET_HIDDEN.code, "Projekt!A1"),
    ] {
        assert!(
            codes.contains(&(code.to_owned(), cell.to_owned())),
            "{code} at {cell} in {codes:?}"
        );
    }
}

/// A sheet of many rows, each with a merged range: each range's column and record are looked
/// up (searched for, they made the read quadratic).
#[test]
fn many_merged_ranges_are_reported_in_linear_time() {
    let n = 100_000;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Partnerskap").unwrap();
    ws.write_string(0, 0, "Id").unwrap();
    ws.write_string(0, 1, "Land").unwrap();
    for r in 1..=n {
        ws.merge_range(r, 0, r, 1, &format!("p{r}"), &rust_xlsxwriter::Format::new()).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let start = std::time::Instant::now();
    let r = read_bytes(Format::Xlsx, "book", &bytes, &Limits::default());
    let took = start.elapsed();
    // 3 s in a debug build here (2026-12-03), 24 s before; generous for a busy machine.
    assert!(took < std::time::Duration::from_secs(15), "{took:?}");
    let merged: Vec<&Issue> =
        r.read_issues().iter().filter(|i| i.code == rules::SHEET_MERGED_CELLS.code).collect();
    assert_eq!(merged.len(), n as usize);
    // The last range is the last record's.
    let last = merged.last().unwrap();
    assert_eq!(last.pointer, format!("/partnerships/{}/id", n - 1));
    assert_eq!(last.cell.as_ref().unwrap().to_string(), format!("Partnerskap!A{}", n + 1));
}

#[test]
fn unreadable_and_oversized_files_say_so() {
    let r = read_bytes(Format::Xlsx, "x", b"PK\x03\x04 not really", &Limits::default());
    assert!(r.failed());
    let report = r.validate(&Options::default());
    assert_eq!(report.issues.len(), 1, "{report}");
    assert_eq!(report.issues[0].code, rules::SHEET_UNREADABLE.code);
    let limits = Limits { max_cells: 3, ..Limits::default() };
    let r = read_bytes(Format::Csv, "Partnerskap", b"Id;Start\na;2004\nb;2005\n", &limits);
    let report = r.validate(&Options::default());
    assert_eq!(report.issues[0].code, rules::SHEET_TOO_LARGE.code, "{report}");
    assert_eq!(report.issues.len(), 1);
}

#[test]
fn every_sheet_rule_has_a_fixture() {
    let mut seen = BTreeSet::new();
    for e in std::fs::read_dir(dir()).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            let v: Value =
                serde_json::from_slice(&std::fs::read(dir().join(&name)).unwrap()).unwrap();
            let _ = stem;
            for t in v.as_array().unwrap() {
                seen.insert(t[0].as_str().unwrap().to_owned());
            }
        }
    }
    // Reached only past a limit: shown with lowered limits above (and so by `explain`).
    seen.insert(rules::SHEET_TOO_LARGE.code.to_owned());
    let missing: Vec<&str> = rules::ALL
        .iter()
        .filter(|r| r.check == Check::Sheet && !seen.contains(r.code))
        .map(|r| r.code)
        .collect();
    assert!(missing.is_empty(), "no fixture covers {missing:?}");
}

/// A part that unpacks past the limit is refused before any XML parser sees it, whatever
/// its header claims: the zip-bomb defence, shown with a small limit.
#[test]
fn a_workbook_that_unpacks_past_the_limit_is_refused() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Partnerskap").unwrap();
    let long = "x".repeat(30_000);
    for r in 0..20 {
        ws.write_string(r, 0, format!("{long}{r}")).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let limits = Limits { max_unpacked: 200_000, ..Limits::default() };
    let r = read_bytes(Format::Xlsx, "x", &bytes, &limits);
    assert!(r.failed());
    let report = r.validate(&Options::default());
    assert_eq!(report.issues[0].code, rules::SHEET_TOO_LARGE.code);
    assert_eq!(report.issues[0].params["what"], "unpacked size in bytes");
}

/// A value a million rows down costs a row, not a million: sheets are read sparse.
#[test]
fn a_million_empty_rows_cost_nothing() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Partnerskap").unwrap();
    ws.write_string(0, 0, "Id").unwrap();
    ws.write_string(1, 0, "kecskemet").unwrap();
    ws.write_string(1_000_000, 0, "zhangjiagang").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let start = std::time::Instant::now();
    let r = read_bytes(Format::Xlsx, "x", &bytes, &Limits::default());
    assert_eq!(r.value["partnerships"][1]["id"], "zhangjiagang");
    let report = r.validate(&Options::default());
    assert!(
        report.issues.iter().any(|i| i.cell.as_ref().is_some_and(|c| c.cell == "1000001:1000001"))
    );
    let csv = format!("Id\nkecskemet{}\nzhangjiagang\n", "\n".repeat(1_000_000));
    let r = read_bytes(Format::Csv, "Partnerskap", csv.as_bytes(), &Limits::default());
    assert_eq!(r.value["partnerships"].as_array().unwrap().len(), 2);
    assert!(start.elapsed() < std::time::Duration::from_secs(20), "{:?}", start.elapsed());
}

/// Past the rows limit reading stops with an issue.
#[test]
fn rows_past_the_limit_stop_the_read() {
    let csv = "Id\na\nb\nc\nd\n";
    let limits = Limits { max_rows: 3, ..Limits::default() };
    let r = read_bytes(Format::Csv, "Partnerskap", csv.as_bytes(), &limits);
    let report = r.validate(&Options::default());
    assert_eq!(report.issues[0].code, rules::SHEET_TOO_LARGE.code);
    assert_eq!(report.issues[0].params["what"], "rows in a sheet");
}

/// A minimal OpenDocument spreadsheet: the parts LibreOffice writes that a reader needs.
fn ods(tables: &str) -> Vec<u8> {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    write!(
        zip,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    zip.finish().unwrap().into_inner()
}

fn text_cell(s: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
    )
}

#[test]
fn ods_workbooks_are_read_with_dates_numbers_and_formulas() {
    let header: String = ["Id", "Partner – namn", "Land", "Avtalstyp", "Start", "Samarbetsområden"]
        .iter()
        .map(|h| text_cell(h))
        .collect();
    let row = format!(
        "{}{}{}{}{}{}",
        text_cell("kecskemet"),
        r#"<table:table-cell table:formula="of:=&quot;Kecskemét&quot;" office:value-type="string"><text:p>Kecskemét</text:p></table:table-cell>"#,
        text_cell("Ungern"),
        text_cell("Vänortsavtal"),
        r#"<table:table-cell office:value-type="date" office:date-value="2004-05-17"><text:p>2004-05-17</text:p></table:table-cell>"#,
        text_cell("Utbildning; Kultur"),
    );
    let tables = format!(
        r#"<table:table table:name="Partnerskap"><table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row><table:table-row>{}</table:table-row></table:table>"#,
        text_cell("zhangjiagang")
    );
    let start = std::time::Instant::now();
    let r = read_bytes(Format::Ods, "book", &ods(&tables), &Limits::default());
    assert!(start.elapsed() < std::time::Duration::from_secs(20), "{:?}", start.elapsed());
    assert!(!r.failed(), "{:?}", r.read_issues());
    let p = &r.value["partnerships"][0];
    assert_eq!(p["partner"]["country"], "HU");
    assert_eq!(p["agreement_type"], "twinning");
    assert_eq!(p["start"], "2004-05-17");
    assert_eq!(p["areas"], json!(["education", "culture"]));
    assert_eq!(r.value["partnerships"][1]["id"], "zhangjiagang");
    let formula = r.read_issues().iter().find(|i| i.code == rules::SHEET_FORMULA.code);
    assert_eq!(
        formula.and_then(|i| i.cell.as_ref()).map(ToString::to_string).as_deref(),
        Some("Partnerskap!B2")
    );
}

#[test]
fn a_title_row_above_the_headers_is_left_out() {
    let csv = "Våra vänorter 2024\nId;Partner – namn;Avtalstyp\nkecskemet;Kecskemét;Vänortsavtal\n";
    let r = read_bytes(Format::Csv, "Partnerskap", csv.as_bytes(), &Limits::default());
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    assert_eq!(r.value["partnerships"][0]["agreement_type"], "twinning");
}
