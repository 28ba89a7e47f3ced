//! Workbooks and CSV files read into one shape: sheets of sparse rows of raw cells, within
//! limits that hold against hostile files (zip bombs, huge shared-string tables, a million
//! empty rows). Nothing here knows the register; [`crate::read`] gives the cells meaning.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, DataRef, Reader};

/// Limits on what is read from one spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest file read, in bytes.
    pub max_file_size: u64,
    /// The most bytes a workbook's parts may unpack to, in all.
    pub max_unpacked: u64,
    /// The most cells with a value read from one spreadsheet, over all its sheets.
    pub max_cells: usize,
    /// The most rows read from one sheet (empty rows count).
    pub max_rows: u32,
    /// The most columns read from one sheet.
    pub max_columns: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_size: 256 * 1024 * 1024,
            max_unpacked: 1024 * 1024 * 1024,
            max_cells: 20_000_000,
            max_rows: 1_048_576,
            max_columns: 16_384,
        }
    }
}

/// One cell's value as the file holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number.
    Float(f64),
    /// True or false.
    Bool(bool),
    /// A date (and time) the workbook formats as one: `(year, month, day, h, m, s)`.
    Date(i32, u32, u32, u32, u32, u32),
    /// An error value (`#N/A`).
    Error(String),
}

/// A cell with a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The 0-based column.
    pub col: u32,
    /// The value.
    pub raw: Raw,
    /// True when the cell holds a formula (the value is the one last computed).
    pub formula: bool,
}

/// A row with at least one value.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// The 0-based row.
    pub index: u32,
    /// The cells with a value, by column.
    pub cells: Vec<Cell>,
}

/// One sheet, or one CSV file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name; a CSV file's name without `.csv`.
    pub name: String,
    /// True when the workbook hides the sheet.
    pub hidden: bool,
    /// The rows with a value, in order.
    pub rows: Vec<Row>,
    /// Merged cell ranges: `(first row, first column, last row, last column)`, 0-based.
    pub merged: Vec<(u32, u32, u32, u32)>,
}

/// Something about the file as a whole, found while reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The file is not a spreadsheet that can be read.
    Unreadable(String),
    /// A limit was reached: what, and the limit.
    TooLarge(&'static str, u64),
    /// A CSV file was not UTF-8 but this encoding.
    Encoding(&'static str),
}

/// A spreadsheet read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Book {
    /// Its sheets, in workbook order.
    pub sheets: Vec<Sheet>,
    /// What was found about the file as a whole.
    pub findings: Vec<Finding>,
}

/// The kinds of file read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (Excel).
    Xlsx,
    /// OpenDocument (LibreOffice).
    Ods,
    /// Comma-, semicolon- or tab-separated text.
    Csv,
}

impl Format {
    /// The format a file name says, by its extension.
    #[must_use]
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "ods" => Some(Format::Ods),
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Reads a file of a known format; `name` is the sheet name a CSV file's rows get.
#[must_use]
pub fn read_bytes(format: Format, name: &str, bytes: &[u8], limits: &Limits) -> Book {
    let mut book = Book::default();
    if bytes.len() as u64 > limits.max_file_size {
        book.findings.push(Finding::TooLarge("file size in bytes", limits.max_file_size));
        return book;
    }
    match format {
        Format::Csv => read_csv(name, bytes, limits, &mut book),
        Format::Xlsx | Format::Ods => {
            if let Err(finding) = check_zip(bytes, limits) {
                book.findings.push(finding);
                return book;
            }
            let result = if format == Format::Xlsx {
                read_xlsx(bytes, limits, &mut book)
            } else {
                read_ods(bytes, limits, &mut book)
            };
            if let Err(detail) = result {
                book.findings.push(Finding::Unreadable(detail));
            }
        }
    }
    book
}

/// Reads at most `limit + 1` bytes of a file, so that a larger one is told apart.
pub fn read_file(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Unpacks every part of the zip container once, counting, before any XML parser sees it:
/// a part that unpacks past the limit is a zip bomb, whatever its header claims.
fn check_zip(bytes: &[u8], limits: &Limits) -> Result<(), Finding> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| Finding::Unreadable(format!("not a zip container ({e})")))?;
    let mut total: u64 = 0;
    let mut sink = vec![0u8; 64 * 1024];
    for i in 0..archive.len() {
        let mut part =
            archive.by_index(i).map_err(|e| Finding::Unreadable(format!("damaged zip ({e})")))?;
        loop {
            let n = part
                .read(&mut sink)
                .map_err(|e| Finding::Unreadable(format!("damaged zip ({e})")))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > limits.max_unpacked {
                return Err(Finding::TooLarge("unpacked size in bytes", limits.max_unpacked));
            }
        }
    }
    Ok(())
}

/// Counts cells against the limit.
struct Budget {
    cells: usize,
    max: usize,
}

impl Budget {
    fn take(&mut self) -> bool {
        self.cells += 1;
        self.cells <= self.max
    }
}

fn push_cell(sheet: &mut Sheet, row: u32, cell: Cell) {
    match sheet.rows.last_mut() {
        Some(last) if last.index == row => last.cells.push(cell),
        _ => sheet.rows.push(Row { index: row, cells: vec![cell] }),
    }
}

fn raw_of_ref(v: &DataRef<'_>) -> Option<Raw> {
    Some(match v {
        DataRef::Empty | DataRef::SharedString("") => return None,
        DataRef::String(s) if s.is_empty() => return None,
        DataRef::String(s) => Raw::Text(s.clone()),
        DataRef::SharedString(s) => Raw::Text((*s).to_owned()),
        DataRef::Int(i) => Raw::Int(*i),
        DataRef::Float(f) => Raw::Float(*f),
        DataRef::Bool(b) => Raw::Bool(*b),
        DataRef::DateTime(d) => date_of(d),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => iso_date(s),
        DataRef::Error(e) => Raw::Error(e.to_string()),
    })
}

fn raw_of(v: &Data) -> Option<Raw> {
    Some(match v {
        Data::Empty => return None,
        Data::String(s) if s.is_empty() => return None,
        Data::String(s) => Raw::Text(s.clone()),
        Data::Int(i) => Raw::Int(*i),
        Data::Float(f) => Raw::Float(*f),
        Data::Bool(b) => Raw::Bool(*b),
        Data::DateTime(d) => date_of(d),
        Data::DateTimeIso(s) | Data::DurationIso(s) => iso_date(s),
        Data::Error(e) => Raw::Error(e.to_string()),
    })
}

fn date_of(d: &calamine::ExcelDateTime) -> Raw {
    if d.is_duration() {
        return Raw::Float(d.as_f64());
    }
    let (y, mo, da, h, mi, s, _) = d.to_ymd_hms_milli();
    Raw::Date(i32::from(y), u32::from(mo), u32::from(da), u32::from(h), u32::from(mi), u32::from(s))
}

/// An ISO 8601 date or date-time as ODS writes it (`2004-05-17`, `2004-05-17T10:00:00`).
// y, m, d, h: the parts of a date, as dates are written.
#[allow(clippy::many_single_char_names)]
fn iso_date(s: &str) -> Raw {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let mut d = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let mut t =
        time.splitn(3, ':').map(|p| p.split('.').next().and_then(|p| p.parse::<u32>().ok()));
    match (d.next().flatten(), d.next().flatten(), d.next().flatten()) {
        (Some(y), Some(m), Some(da)) => Raw::Date(
            i32::try_from(y).unwrap_or(0),
            m,
            da,
            t.next().flatten().unwrap_or(0),
            t.next().flatten().unwrap_or(0),
            t.next().flatten().unwrap_or(0),
        ),
        _ => Raw::Text(s.to_owned()),
    }
}

fn read_xlsx(bytes: &[u8], limits: &Limits, book: &mut Book) -> Result<(), String> {
    let mut xlsx: calamine::Xlsx<_> =
        calamine::Xlsx::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let metas: Vec<calamine::Sheet> = xlsx.sheets_metadata().to_vec();
    let mut budget = Budget { cells: 0, max: limits.max_cells };
    for meta in metas {
        if meta.typ != calamine::SheetType::WorkSheet {
            continue;
        }
        let mut sheet = Sheet {
            name: meta.name.clone(),
            hidden: meta.visible != calamine::SheetVisible::Visible,
            ..Sheet::default()
        };
        if let Ok(merged) = xlsx.merge_cells_by_sheet_name(&meta.name) {
            sheet.merged =
                merged.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect();
        }
        let mut reader = xlsx.worksheet_cells_reader(&meta.name).map_err(|e| e.to_string())?;
        while let Some(cell) = reader.next_cell_with_formula().map_err(|e| e.to_string())? {
            let (row, col) = cell.pos;
            if row >= limits.max_rows {
                book.findings
                    .push(Finding::TooLarge("rows in a sheet", u64::from(limits.max_rows)));
                break;
            }
            if col >= limits.max_columns {
                continue;
            }
            let formula = cell.formula.as_deref().is_some_and(|f| !f.is_empty());
            let Some(raw) = raw_of_ref(&cell.value) else {
                if formula {
                    push_cell(
                        &mut sheet,
                        row,
                        Cell { col, raw: Raw::Text(String::new()), formula },
                    );
                }
                continue;
            };
            if !budget.take() {
                book.findings
                    .push(Finding::TooLarge("cells with a value", limits.max_cells as u64));
                book.sheets.push(sheet);
                return Ok(());
            }
            push_cell(&mut sheet, row, Cell { col, raw, formula });
        }
        drop(reader);
        sort_rows(&mut sheet);
        book.sheets.push(sheet);
    }
    Ok(())
}

fn read_ods(bytes: &[u8], limits: &Limits, book: &mut Book) -> Result<(), String> {
    let mut ods: calamine::Ods<_> =
        calamine::Ods::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let metas: Vec<calamine::Sheet> = ods.sheets_metadata().to_vec();
    let mut budget = Budget { cells: 0, max: limits.max_cells };
    for meta in metas {
        let range = ods.worksheet_range(&meta.name).map_err(|e| e.to_string())?;
        let formulas = ods.worksheet_formula(&meta.name).ok();
        let mut sheet = Sheet {
            name: meta.name.clone(),
            hidden: meta.visible != calamine::SheetVisible::Visible,
            ..Sheet::default()
        };
        for (row, col, value) in range.used_cells() {
            let (Ok(row), Ok(col)) = (u32::try_from(row), u32::try_from(col)) else { continue };
            let (row, col) = match range.start() {
                Some((r0, c0)) => (row + r0, col + c0),
                None => (row, col),
            };
            if row >= limits.max_rows {
                book.findings
                    .push(Finding::TooLarge("rows in a sheet", u64::from(limits.max_rows)));
                break;
            }
            let Some(raw) = raw_of(value) else { continue };
            if !budget.take() {
                book.findings
                    .push(Finding::TooLarge("cells with a value", limits.max_cells as u64));
                book.sheets.push(sheet);
                return Ok(());
            }
            let formula = formulas
                .as_ref()
                .and_then(|f| f.get_value((row, col)))
                .is_some_and(|f| !f.is_empty());
            push_cell(&mut sheet, row, Cell { col, raw, formula });
        }
        book.sheets.push(sheet);
    }
    Ok(())
}

fn sort_rows(sheet: &mut Sheet) {
    if !sheet.rows.windows(2).all(|w| w[0].index < w[1].index) {
        sheet.rows.sort_by_key(|r| r.index);
        let mut merged: Vec<Row> = Vec::with_capacity(sheet.rows.len());
        for row in sheet.rows.drain(..) {
            match merged.last_mut() {
                Some(last) if last.index == row.index => last.cells.extend(row.cells),
                _ => merged.push(row),
            }
        }
        sheet.rows = merged;
    }
    for row in &mut sheet.rows {
        row.cells.sort_by_key(|c| c.col);
    }
}

/// The text of a CSV file: UTF-8 (a byte order mark is dropped), else Windows-1252, which
/// Excel's plain "CSV" writes on Swedish Windows.
fn decode(bytes: &[u8], book: &mut Book) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        s.to_owned()
    } else {
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
        book.findings.push(Finding::Encoding("Windows-1252"));
        text.into_owned()
    }
}

/// The separator of a CSV file: whichever of `,`, `;` and tab its first five lines have most
/// of, outside quotes (`,` when none); five, so that a title line above the headers does not
/// decide.
#[must_use]
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                lines += 1;
                if lines == 5 {
                    break;
                }
            }
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i))).unwrap_or(0);
    if counts[best] == 0 { b',' } else { [b',', b';', b'\t'][best] }
}

fn read_csv(name: &str, bytes: &[u8], limits: &Limits, book: &mut Book) {
    let text = decode(bytes, book);
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut sheet = Sheet { name: name.to_owned(), ..Sheet::default() };
    let mut budget = Budget { cells: 0, max: limits.max_cells };
    let mut record = csv::StringRecord::new();
    let mut row: u32 = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                book.findings.push(Finding::Unreadable(format!("CSV row {}: {e}", row + 1)));
                break;
            }
        }
        if row >= limits.max_rows {
            book.findings.push(Finding::TooLarge("rows in a sheet", u64::from(limits.max_rows)));
            break;
        }
        for (col, field) in record.iter().enumerate() {
            let Ok(col) = u32::try_from(col) else { break };
            if col >= limits.max_columns {
                break;
            }
            if field.is_empty() {
                continue;
            }
            if !budget.take() {
                book.findings
                    .push(Finding::TooLarge("cells with a value", limits.max_cells as u64));
                book.sheets.push(sheet);
                return;
            }
            push_cell(
                &mut sheet,
                row,
                Cell { col, raw: Raw::Text(field.to_owned()), formula: false },
            );
        }
        row += 1;
    }
    book.sheets.push(sheet);
}

/// `0` -> `A`, `25` -> `Z`, `26` -> `AA`.
#[must_use]
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = u8::try_from((n - 1) % 26).unwrap_or(0);
        out.push(b'A' + r);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A cell in A1 notation (`D14`) from 0-based coordinates.
#[must_use]
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), u64::from(row) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
        assert_eq!(a1(13, 3), "D14");
    }

    #[test]
    fn the_separator_is_what_the_header_line_uses() {
        assert_eq!(detect_delimiter("id;namn;\"a,b\";x\n1,2,3"), b';');
        assert_eq!(detect_delimiter("id\tnamn\n"), b'\t');
        assert_eq!(detect_delimiter("id,namn\n"), b',');
        assert_eq!(detect_delimiter("id\n"), b',');
    }

    #[test]
    fn windows_1252_is_recognised() {
        let bytes = b"id;namn\nkecskemet;K\xF6penhamn\n";
        let book = read_bytes(Format::Csv, "Partnerskap", bytes, &Limits::default());
        assert_eq!(book.findings, vec![Finding::Encoding("Windows-1252")]);
        assert_eq!(book.sheets[0].rows[1].cells[1].raw, Raw::Text("Köpenhamn".into()));
    }
}
