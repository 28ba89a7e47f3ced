//! A register written as a workbook or a folder of CSV files, and the empty workbook a
//! steward starts from (a template): the same layout [`crate::read`] reads, so that JSON ->
//! workbook -> JSON gives the register back unchanged.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use kommun_intl::schema::compiled::{Codes, NodeId};
use kommun_intl::{Lang, Profile};
use rust_xlsxwriter::{DataValidation, Format as CellFormat, Formula, Note, Workbook, XlsxError};
use serde_json::Value;

use crate::coerce::{CodeLabels, join_list, labels_of};
use crate::labels;
use crate::layout::{Layout, Path as FieldPath, Seg, Shape, column_path};

/// A value as written in one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// True or false.
    Bool(bool),
}

/// One sheet to write.
#[derive(Clone, Debug)]
pub struct Table {
    /// The sheet's name.
    pub name: String,
    /// What it holds, in Swedish and English (`Partnerskap`, `Partnerships`).
    pub titles: (String, String),
    /// True for the register's own sheet: a field per row (header in A, value in B).
    pub vertical: bool,
    /// The columns (for a vertical sheet, the rows): the field's path and its header.
    pub columns: Vec<(FieldPath, String, Option<NodeId>)>,
    /// The records, a cell per column (`None` when empty).
    pub rows: Vec<Vec<Option<Out>>>,
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The xlsx writer failed.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] XlsxError),
    /// A file or folder could not be written.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The writer was given what it cannot write.
    #[error("cannot write the workbook: {0}")]
    Unwritable(&'static str),
    /// The zip file of an ODS workbook could not be written.
    #[error("cannot write the workbook: {0}")]
    Zip(#[from] zip::result::ZipError),
}

/// How [`tables_as`] writes the cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// For people: sheets named and headed in the language (headers in both), codes as their
    /// labels.
    Labels(Lang),
    /// For machines (the open-data CSV files): sheets named by the register's keys
    /// (`partnerships`), headers as flatten-tool paths (`partner/name/sv`), codes as codes.
    Codes,
}

struct Flattener<'a> {
    layout: &'a Layout,
    lang: Lang,
    codes: bool,
    /// The labels of each code list met so far, by node (see [`labels_of`]).
    labels: RefCell<HashMap<NodeId, CodeLabels<'a>>>,
}

impl Flattener<'_> {
    /// The cells of one value at `node`: nested objects by member, lists of records by
    /// number, lists of plain values joined in one cell; whatever fits no column as JSON.
    fn flatten(
        &self,
        v: &Value,
        node: Option<NodeId>,
        path: &mut FieldPath,
        out: &mut Vec<(FieldPath, Out)>,
    ) {
        let shape = node.map(|n| self.layout.shape(n));
        match v {
            Value::Null => {}
            Value::Object(map) if shape == Some(Shape::Object) => {
                if map
                    .keys()
                    .any(|k| node.and_then(|n| self.layout.compiled.property(n, k)).is_none())
                {
                    out.push((path.clone(), Out::Text(v.to_string())));
                    return;
                }
                for (k, child) in map {
                    let id = node.and_then(|n| self.layout.compiled.property(n, k));
                    path.push(Seg::Key(k.clone()));
                    self.flatten(child, id, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => match shape {
                Some(Shape::Records(item)) if items.iter().all(Value::is_object) => {
                    for (i, child) in items.iter().enumerate() {
                        path.push(Seg::Index(i));
                        self.flatten(child, Some(item), path, out);
                        path.pop();
                    }
                }
                Some(Shape::List(item))
                    if !items.is_empty()
                        && items
                            .iter()
                            .all(|i| i.is_string() || i.is_number() || i.is_boolean()) =>
                {
                    let texts: Vec<String> = items.iter().map(|i| self.text(i, item)).collect();
                    let joined = join_list(&texts);
                    if texts.iter().any(String::is_empty) || joined.trim_start().starts_with('[') {
                        out.push((path.clone(), Out::Text(v.to_string())));
                    } else {
                        out.push((path.clone(), Out::Text(joined)));
                    }
                }
                _ => out.push((path.clone(), Out::Text(v.to_string()))),
            },
            Value::Object(_) => out.push((path.clone(), Out::Text(v.to_string()))),
            Value::String(s) => {
                let text = node.map_or_else(|| s.clone(), |n| self.text(v, n));
                if text.trim_start().starts_with(['[', '{']) && shape != Some(Shape::Scalar) {
                    out.push((path.clone(), Out::Text(v.to_string())));
                } else {
                    out.push((path.clone(), Out::Text(text)));
                }
            }
            Value::Number(n) => out.push((path.clone(), Out::Number(n.as_f64().unwrap_or(0.0)))),
            Value::Bool(b) => out.push((path.clone(), Out::Bool(*b))),
        }
    }

    /// A plain value as text: a code as its label in the sheet's language (as itself in
    /// [`Style::Codes`]).
    fn text(&self, v: &Value, node: NodeId) -> String {
        match v {
            Value::String(s) if self.codes => s.clone(),
            Value::String(s) => {
                let mut labels = self.labels.borrow_mut();
                labels
                    .entry(node)
                    .or_insert_with(|| labels_of(self.layout, node, self.lang))
                    .shown(s)
            }
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => other.to_string(),
        }
    }
}

fn get<'v>(v: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter().try_fold(v, |at, k| at.get(k))
}

/// The register's sheets, each with its columns in schema order: the register's own sheet
/// (`Kommun`) first, then one per list that has records.
#[must_use]
pub fn tables(register: &Value, lang: Lang) -> Vec<Table> {
    tables_as(register, Style::Labels(lang))
}

/// The register's sheets (as [`tables`]) in a style: for people or for machines.
#[must_use]
pub fn tables_as(register: &Value, style: Style) -> Vec<Table> {
    let layout = Layout::get();
    let (lang, codes) = match style {
        Style::Labels(lang) => (lang, false),
        Style::Codes => (Lang::En, true),
    };
    let f = Flattener { layout, lang, codes, labels: RefCell::default() };
    let header = |root: NodeId, p: &[Seg]| {
        if codes { column_path(p) } else { header(layout, root, p, lang) }
    };
    let mut out = Vec::new();
    // The register's own fields, without the lists that have sheets of their own.
    let mut own = register.clone();
    for c in &layout.collections {
        if let Some((last, init)) = c.path.split_last()
            && let Some(Value::Object(parent)) =
                init.iter().try_fold(&mut own, |at, k| at.get_mut(k))
        {
            parent.remove(last);
        }
    }
    if let Some(o) = own.as_object_mut() {
        o.remove("$schema");
    }
    let root = layout.compiled.root();
    let mut cells = Vec::new();
    f.flatten(&own, Some(root), &mut Vec::new(), &mut cells);
    cells.sort_by_key(|(p, _)| layout.order(root, p));
    let (sv, en) = labels::ROOT_SHEET;
    let name = match style {
        Style::Labels(Lang::Sv) => sv.to_owned(),
        Style::Labels(Lang::En) => en.to_owned(),
        Style::Codes => en.to_lowercase(),
    };
    out.push(Table {
        name,
        titles: (sv.to_owned(), en.to_owned()),
        vertical: true,
        columns: cells
            .iter()
            .map(|(p, _)| (p.clone(), header(root, p), layout.resolve(root, p)))
            .collect(),
        rows: vec![cells.into_iter().map(|(_, o)| Some(o)).collect()],
    });
    for c in &layout.collections {
        let Some(Value::Array(records)) = get(register, &c.path) else { continue };
        if records.is_empty() {
            continue;
        }
        let mut rows: Vec<Vec<(FieldPath, Out)>> = Vec::with_capacity(records.len());
        let mut paths: Vec<FieldPath> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for r in records {
            let mut cells = Vec::new();
            f.flatten(r, Some(c.item), &mut Vec::new(), &mut cells);
            for (p, _) in &cells {
                if seen.insert(p.clone()) {
                    paths.push(p.clone());
                }
            }
            rows.push(cells);
        }
        paths.sort_by_key(|p| layout.order(c.item, p));
        let index: std::collections::HashMap<&FieldPath, usize> =
            paths.iter().enumerate().map(|(i, p)| (p, i)).collect();
        let rows = rows
            .into_iter()
            .map(|cells| {
                let mut row = vec![None; paths.len()];
                for (p, o) in cells {
                    row[index[&p]] = Some(o);
                }
                row
            })
            .collect();
        let name = match (style, c.path.last()) {
            (Style::Codes, Some(key)) => key.clone(),
            _ => c.name(lang).to_owned(),
        };
        out.push(Table {
            name,
            titles: (c.sv.clone(), c.en.clone()),
            vertical: false,
            columns: paths
                .iter()
                .map(|p| (p.clone(), header(c.item, p), layout.resolve(c.item, p)))
                .collect(),
            rows,
        });
    }
    out
}

/// The header of a column: both labels where they read back as the column, else its path.
fn header(layout: &Layout, root: NodeId, path: &[Seg], lang: Lang) -> String {
    let h = Layout::header(path, lang);
    if layout.parse_header(root, &h).as_deref() == Some(path) { h } else { column_path(path) }
}

/// The text of a cell in a CSV file: numbers with a decimal comma (three decimals get a
/// fourth, `0`, so that they cannot be read as thousands), booleans as `ja`/`nej` or
/// `true`/`false`.
fn csv_text(o: &Out, lang: Lang) -> String {
    match o {
        Out::Text(s) => s.clone(),
        Out::Number(n) => number_text(*n).replace('.', ","),
        Out::Bool(b) => match (lang, b) {
            (Lang::Sv, true) => "ja".into(),
            (Lang::Sv, false) => "nej".into(),
            (Lang::En, b) => b.to_string(),
        },
    }
}

/// A number as the reader takes it back: three decimals get a fourth, `0`, so that they
/// cannot be read as thousands.
fn number_text(n: f64) -> String {
    let mut s = if n.fract() == 0.0 && n.abs() < 1e15 { format!("{n:.0}") } else { format!("{n}") };
    if let Some((_, frac)) = s.split_once('.')
        && frac.len() == 3
    {
        s.push('0');
    }
    s
}

/// The cells of one table as rows of text, for machines: numbers with a decimal point,
/// booleans `true`/`false`; a vertical table is a field and its value per row.
#[must_use]
pub fn open_rows(table: &Table) -> Vec<Vec<String>> {
    let text = |o: &Out| match o {
        Out::Text(s) => s.clone(),
        Out::Number(n) => number_text(*n),
        Out::Bool(b) => b.to_string(),
    };
    if table.vertical {
        return table
            .columns
            .iter()
            .enumerate()
            .map(|(i, (_, h, _))| {
                let v = table.rows.first().and_then(|r| r[i].as_ref()).map(text);
                vec![h.clone(), v.unwrap_or_default()]
            })
            .collect();
    }
    let mut rows = vec![table.columns.iter().map(|(_, h, _)| h.clone()).collect()];
    for row in &table.rows {
        rows.push(row.iter().map(|o| o.as_ref().map(text).unwrap_or_default()).collect());
    }
    rows
}

/// One table as CSV: UTF-8 with a byte order mark (so that Excel reads it as UTF-8), `;`
/// between fields (what Excel uses where the decimal separator is a comma).
pub fn csv_bytes(table: &Table, lang: Lang) -> Result<Vec<u8>, WriteError> {
    let mut w =
        csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::from(&b"\xEF\xBB\xBF"[..]));
    if table.vertical {
        for (i, (_, h, _)) in table.columns.iter().enumerate() {
            let v = table
                .rows
                .first()
                .and_then(|r| r[i].as_ref())
                .map(|o| csv_text(o, lang))
                .unwrap_or_default();
            w.write_record([h.as_str(), v.as_str()])?;
        }
    } else {
        w.write_record(table.columns.iter().map(|(_, h, _)| h.as_str()))?;
        for row in &table.rows {
            w.write_record(
                row.iter().map(|o| o.as_ref().map(|o| csv_text(o, lang)).unwrap_or_default()),
            )?;
        }
    }
    w.into_inner().map_err(|e| WriteError::Io(e.into_error()))
}

/// Writes the register as CSV files in `dir` (made if missing), one per sheet; returns
/// the files written.
pub fn write_csv_folder(
    register: &Value,
    lang: Lang,
    dir: &Path,
) -> Result<Vec<std::path::PathBuf>, WriteError> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for table in tables(register, lang) {
        let path = dir.join(format!("{}.csv", table.name));
        std::fs::write(&path, csv_bytes(&table, lang)?)?;
        written.push(path);
    }
    Ok(written)
}

/// What the xlsx and the ODS writers both do: a register and a template are written by
/// the same calls to either.
pub trait Sheets {
    /// Starts a sheet; the calls that follow write into it.
    fn add_sheet(&mut self, name: &str) -> Result<(), WriteError>;
    /// Hides the current sheet.
    fn hide(&mut self) -> Result<(), WriteError>;
    /// Keeps the first row of the current sheet in view.
    fn freeze_header(&mut self) -> Result<(), WriteError>;
    /// Sets a column's width, in characters.
    fn width(&mut self, c: u16, chars: f64) -> Result<(), WriteError>;
    /// Writes a value; a header is written bold on a tinted background.
    fn value(&mut self, r: u32, c: u16, o: &Out, header: bool) -> Result<(), WriteError>;
    /// Puts a note on a cell.
    fn note(&mut self, r: u32, c: u16, text: &str) -> Result<(), WriteError>;
    /// A drop-down list on rows `first..=last` of column `c`: the `len` values below the
    /// header of column `list_col` of the sheet named `sheet`.
    fn list(
        &mut self,
        rows: (u32, u32),
        c: u16,
        source: (&str, u16, usize),
    ) -> Result<(), WriteError>;
    /// The bytes of the file.
    fn save(self) -> Result<Vec<u8>, WriteError>;
}

/// The xlsx writer, on its current sheet.
#[derive(Default)]
pub struct Xlsx {
    wb: Workbook,
    at: Option<usize>,
}

impl Xlsx {
    fn ws(&mut self) -> Result<&mut rust_xlsxwriter::Worksheet, WriteError> {
        let at = self.at.ok_or(WriteError::Unwritable("a cell before any sheet"))?;
        Ok(self.wb.worksheet_from_index(at)?)
    }
}

impl Sheets for Xlsx {
    fn add_sheet(&mut self, name: &str) -> Result<(), WriteError> {
        self.wb.add_worksheet().set_name(name)?;
        self.at = Some(self.at.map_or(0, |i| i + 1));
        Ok(())
    }

    fn hide(&mut self) -> Result<(), WriteError> {
        self.ws()?.set_hidden(true);
        Ok(())
    }

    fn freeze_header(&mut self) -> Result<(), WriteError> {
        self.ws()?.set_freeze_panes(1, 0)?;
        Ok(())
    }

    fn width(&mut self, c: u16, chars: f64) -> Result<(), WriteError> {
        self.ws()?.set_column_width(c, chars)?;
        Ok(())
    }

    fn value(&mut self, r: u32, c: u16, o: &Out, header: bool) -> Result<(), WriteError> {
        let ws = self.ws()?;
        match (o, header) {
            (Out::Text(s), true) => ws.write_string_with_format(
                r,
                c,
                s,
                &CellFormat::new().set_bold().set_background_color("#DDE8F0").set_text_wrap(),
            )?,
            (Out::Text(s), false) => ws.write_string(r, c, s)?,
            (Out::Number(n), _) => ws.write_number(r, c, *n)?,
            (Out::Bool(b), _) => ws.write_boolean(r, c, *b)?,
        };
        Ok(())
    }

    fn note(&mut self, r: u32, c: u16, text: &str) -> Result<(), WriteError> {
        let note = Note::new(text).set_author("kommun-intl").set_width(360).set_height(180);
        self.ws()?.insert_note(r, c, &note)?;
        Ok(())
    }

    fn list(
        &mut self,
        (first, last): (u32, u32),
        c: u16,
        (sheet, list_col, len): (&str, u16, usize),
    ) -> Result<(), WriteError> {
        let letter = crate::book::column_letters(u32::from(list_col));
        let formula = format!("='{}'!${letter}$2:${letter}${}", sheet.replace('\'', "''"), len + 1);
        let dv = DataValidation::new().allow_list_formula(Formula::new(formula));
        self.ws()?.add_data_validation(first, c, last, c, &dv)?;
        Ok(())
    }

    fn save(mut self) -> Result<Vec<u8>, WriteError> {
        Ok(self.wb.save_to_buffer()?)
    }
}

/// A workbook format this crate writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Book {
    /// Excel (`.xlsx`).
    Xlsx,
    /// OpenDocument (`.ods`, LibreOffice).
    Ods,
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn text(s: &str) -> Out {
    Out::Text(s.to_owned())
}

/// The register as an xlsx workbook.
pub fn xlsx_bytes(register: &Value, lang: Lang) -> Result<Vec<u8>, WriteError> {
    workbook_bytes(register, lang, Book::Xlsx)
}

/// The register as a workbook: xlsx or ODS.
pub fn workbook_bytes(register: &Value, lang: Lang, book: Book) -> Result<Vec<u8>, WriteError> {
    match book {
        Book::Xlsx => write_register(Xlsx::default(), register, lang),
        Book::Ods => write_register(crate::ods::Workbook::default(), register, lang),
    }
}

fn write_register<S: Sheets>(
    mut s: S,
    register: &Value,
    lang: Lang,
) -> Result<Vec<u8>, WriteError> {
    for table in tables(register, lang) {
        s.add_sheet(&table.name)?;
        if table.vertical {
            s.width(0, 40.0)?;
            s.width(1, 40.0)?;
            for (i, (_, h, _)) in table.columns.iter().enumerate() {
                s.value(row(i), 0, &text(h), true)?;
                if let Some(Some(o)) = table.rows.first().map(|r| &r[i]) {
                    s.value(row(i), 1, o, false)?;
                }
            }
            continue;
        }
        s.freeze_header()?;
        for (c, (_, h, _)) in table.columns.iter().enumerate() {
            s.value(0, col(c), &text(h), true)?;
            s.width(col(c), 22.0)?;
        }
        for (r, cells) in table.rows.iter().enumerate() {
            for (c, o) in cells.iter().enumerate() {
                if let Some(o) = o {
                    s.value(row(r + 1), col(c), o, false)?;
                }
            }
        }
    }
    s.save()
}

/// A sheet of a template: its name, whether it is the register's own (a field per row), its
/// columns and their nodes.
type TemplateSheet = (String, bool, Vec<(FieldPath, NodeId)>);

/// How many rows of a template sheet get drop-down lists.
const TEMPLATE_ROWS: u32 = 1000;

/// The empty xlsx workbook of a register (see [`template`]), with the built-in code lists.
pub fn template_bytes(lang: Lang) -> Result<Vec<u8>, WriteError> {
    template(lang, Book::Xlsx, None)
}

/// The empty workbook of a register: every sheet with its headers in both languages (the
/// chosen one first), a note on each header with the field's description and its path,
/// drop-down lists of the code lists (by label) and a help sheet. With a profile, the lists
/// it sets (feedback categories, channels, ...) offer the municipality's codes only.
pub fn template(lang: Lang, book: Book, profile: Option<&Profile>) -> Result<Vec<u8>, WriteError> {
    match book {
        Book::Xlsx => write_template(Xlsx::default(), lang, profile),
        Book::Ods => write_template(crate::ods::Workbook::default(), lang, profile),
    }
}

/// The code list of a column: the profile's where it sets one for the column, else the
/// schema's; `None` for a column without one.
fn column_codes<'a>(
    layout: &'a Layout,
    profile: &'a [(&'static str, Option<&'static str>, Codes)],
    parent: Option<NodeId>,
    path: &[Seg],
    id: NodeId,
) -> Option<&'a Codes> {
    let def = |n: NodeId| layout.compiled.node(layout.compiled.target(n).0).def.as_deref();
    let key = match path.last() {
        Some(Seg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    for (d, property, codes) in profile {
        let hit = match property {
            None => def(id) == Some(*d),
            Some(p) => key == Some(*p) && parent.and_then(def) == Some(*d),
        };
        if hit && !codes.values.is_empty() {
            return Some(codes);
        }
    }
    layout.compiled.codes(id)
}

fn write_template<S: Sheets>(
    mut book: S,
    lang: Lang,
    profile: Option<&Profile>,
) -> Result<Vec<u8>, WriteError> {
    let layout = Layout::get();
    let profile_lists = profile.map(Profile::code_lists).unwrap_or_default();
    let (codes_name, help_name) = match lang {
        Lang::Sv => ("Koder", "Hjälp"),
        Lang::En => ("Codes", "Help"),
    };
    // Code lists go into a hidden sheet, one column each, which the drop-downs refer to:
    // an inline list is limited to 255 characters, the countries alone are many more.
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    // Each sheet: its name, whether it is the register's own (vertical), its columns.
    let mut sheets: Vec<TemplateSheet> = Vec::new();
    let root = layout.compiled.root();
    let skip: Vec<&[String]> = layout.collections.iter().map(|c| c.path.as_slice()).collect();
    let mut own: Vec<(FieldPath, NodeId)> = layout
        .columns(root, &skip)
        .into_iter()
        .filter_map(|p| Some((p.clone(), layout.resolve(root, &p)?)))
        .collect();
    own.retain(|(p, _)| p.first() == Some(&Seg::Key("municipality".into())) || p.len() <= 2);
    let (sv, en) = labels::ROOT_SHEET;
    sheets.push(((if lang == Lang::Sv { sv } else { en }).to_owned(), true, own));
    for c in &layout.collections {
        let cols = layout
            .columns(c.item, &[])
            .into_iter()
            .filter_map(|p| Some((p.clone(), layout.resolve(c.item, &p)?)))
            .collect();
        sheets.push((c.name(lang).to_owned(), false, cols));
    }
    book.add_sheet(help_name)?;
    book.width(0, 110.0)?;
    for (i, line) in help_text(lang).iter().enumerate() {
        book.value(row(i), 0, &text(line), i == 0)?;
    }
    for (name, vertical, cols) in &sheets {
        book.add_sheet(name)?;
        let root_of = if *vertical {
            root
        } else {
            layout.collections.iter().find(|c| c.name(lang) == name).map_or(root, |c| c.item)
        };
        if *vertical {
            book.width(0, 45.0)?;
            book.width(1, 40.0)?;
        } else {
            book.freeze_header()?;
        }
        for (i, (path, id)) in cols.iter().enumerate() {
            let (r, c) = if *vertical { (row(i), 0u16) } else { (0, col(i)) };
            book.value(r, c, &text(&header(layout, root_of, path, lang)), true)?;
            if !*vertical {
                book.width(c, 24.0)?;
            }
            let mut note = String::new();
            if let Some(d) = &layout.compiled.node(*id).description {
                note.push_str(d);
                note.push_str("\n\n");
            }
            note.push_str(&column_path(path));
            if layout.shape(*id) != Shape::Scalar {
                note.push_str(match lang {
                    Lang::Sv => "\nFlera värden skiljs åt med ;",
                    Lang::En => "\nSeparate several values with ;",
                });
            }
            book.note(r, c, &note)?;
            if layout.shape(*id) != Shape::Scalar {
                continue;
            }
            let parent = path.split_last().and_then(|(_, init)| layout.resolve(root_of, init));
            let Some(codes) = column_codes(layout, &profile_lists, parent, path, *id) else {
                continue;
            };
            // A code is shown as the label the reader takes back (the schema's), else as
            // itself.
            let labels = labels_of(layout, *id, lang);
            let values: Vec<String> = codes.values.iter().map(|v| labels.shown(v)).collect();
            let at = lists.iter().position(|(_, other)| *other == values).unwrap_or_else(|| {
                let title = layout
                    .compiled
                    .node(layout.compiled.target(*id).0)
                    .def
                    .as_deref()
                    .unwrap_or("codes")
                    .to_owned();
                lists.push((title, values));
                lists.len() - 1
            });
            let len = lists[at].1.len();
            let rows = if *vertical { (r, r) } else { (1, TEMPLATE_ROWS) };
            book.list(rows, if *vertical { 1 } else { c }, (codes_name, col(at), len))?;
        }
    }
    book.add_sheet(codes_name)?;
    for (c, (title, values)) in lists.iter().enumerate() {
        book.value(0, col(c), &text(title), true)?;
        for (r, v) in values.iter().enumerate() {
            book.value(row(r + 1), col(c), &text(v), false)?;
        }
    }
    book.hide()?;
    book.save()
}

fn help_text(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Sv => &[
            "Register över kommunens internationella arbete",
            "",
            "Ett blad per lista: Partnerskap, Projekt, Statistik, Medlemskap, Nätverk, Enheter med flera. En rad per post, rubriker på första raden.",
            "Bladet Kommun har registrets egna uppgifter: fältet i kolumn A, värdet i kolumn B.",
            "Rubrikerna kan skrivas på svenska eller engelska (Avtalstyp, Agreement type) eller som sökväg (agreement_type, partner/name/sv).",
            "Flera värden i en cell skiljs åt med semikolon: utbildning; kultur.",
            "Koder kan skrivas som sina namn: Vänortsavtal betyder twinning. Rullgardinslistorna visar namnen.",
            "Listor av poster numreras: Finansiering 1 – typ, Finansiering 2 – typ.",
            "Datum skrivs ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller ÅÅÅÅ. Tal med decimalkomma, utan tusentalsavgränsare.",
            "Formler räknas aldrig ut: skriv värden.",
            "Kontrollera: kommun-intl validate register.xlsx --lang sv (varje problem med blad och cell).",
            "Som JSON: kommun-intl import register.xlsx",
        ],
        Lang::En => &[
            "Register of the municipality's international work",
            "",
            "One sheet per list: Partnerships, Projects, Statistics, Memberships, Networks, Units and more. One record per row, headers in the first row.",
            "The Municipality sheet has the register's own fields: the field in column A, its value in column B.",
            "Headers may be Swedish or English labels (Avtalstyp, Agreement type) or paths (agreement_type, partner/name/sv).",
            "Several values in one cell are separated by semicolons: education; culture.",
            "Codes may be written as their labels: Twinning agreement means twinning. The drop-down lists show the labels.",
            "Lists of records are numbered: Funding 1 – Type, Funding 2 – Type.",
            "Dates are written YYYY-MM-DD, YYYY-MM or YYYY. Numbers without thousands separators.",
            "Formulas are never computed: write values.",
            "Check: kommun-intl validate register.xlsx --lang en (every problem with its sheet and cell).",
            "As JSON: kommun-intl import register.xlsx",
        ],
    }
}
