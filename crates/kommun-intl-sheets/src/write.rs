//! A register written as a workbook or a folder of CSV files, and the empty workbook a
//! steward starts from (a template): the same layout [`crate::read`] reads, so that JSON ->
//! workbook -> JSON gives the register back unchanged.

use std::path::Path;

use kommun_intl::Lang;
use kommun_intl::schema::compiled::NodeId;
use rust_xlsxwriter::{DataValidation, Format as CellFormat, Formula, Note, Workbook, XlsxError};
use serde_json::Value;

use crate::coerce::{join_list, label_of};
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
}

struct Flattener<'a> {
    layout: &'a Layout,
    lang: Lang,
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

    /// A plain value as text: a code as its label in the sheet's language.
    fn text(&self, v: &Value, node: NodeId) -> String {
        match v {
            Value::String(s) => {
                label_of(self.layout, node, s, self.lang).unwrap_or_else(|| s.clone())
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
    let layout = Layout::get();
    let f = Flattener { layout, lang };
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
    out.push(Table {
        name: (if lang == Lang::Sv { sv } else { en }).to_owned(),
        vertical: true,
        columns: cells
            .iter()
            .map(|(p, _)| (p.clone(), header(layout, root, p, lang), layout.resolve(root, p)))
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
        out.push(Table {
            name: c.name(lang).to_owned(),
            vertical: false,
            columns: paths
                .iter()
                .map(|p| (p.clone(), header(layout, c.item, p, lang), layout.resolve(c.item, p)))
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
        Out::Number(n) => {
            let mut s =
                if n.fract() == 0.0 && n.abs() < 1e15 { format!("{n:.0}") } else { format!("{n}") };
            if let Some((_, frac)) = s.split_once('.')
                && frac.len() == 3
            {
                s.push('0');
            }
            s.replace('.', ",")
        }
        Out::Bool(b) => match (lang, b) {
            (Lang::Sv, true) => "ja".into(),
            (Lang::Sv, false) => "nej".into(),
            (Lang::En, b) => b.to_string(),
        },
    }
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

fn header_format() -> CellFormat {
    CellFormat::new().set_bold().set_background_color("#DDE8F0").set_text_wrap()
}

/// The register as an xlsx workbook.
pub fn xlsx_bytes(register: &Value, lang: Lang) -> Result<Vec<u8>, WriteError> {
    let mut wb = Workbook::new();
    let bold = header_format();
    for table in tables(register, lang) {
        let ws = wb.add_worksheet();
        ws.set_name(&table.name)?;
        if table.vertical {
            ws.set_column_width(0, 40)?;
            ws.set_column_width(1, 40)?;
            for (i, (_, h, _)) in table.columns.iter().enumerate() {
                let r = u32::try_from(i).unwrap_or(u32::MAX);
                ws.write_string_with_format(r, 0, h, &bold)?;
                if let Some(Some(o)) = table.rows.first().map(|row| &row[i]) {
                    write_out(ws, r, 1, o)?;
                }
            }
            continue;
        }
        ws.set_freeze_panes(1, 0)?;
        for (c, (_, h, _)) in table.columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            ws.write_string_with_format(0, c, h, &bold)?;
            ws.set_column_width(c, 22)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            for (c, o) in row.iter().enumerate() {
                if let Some(o) = o {
                    write_out(ws, r, u16::try_from(c).unwrap_or(u16::MAX), o)?;
                }
            }
        }
    }
    Ok(wb.save_to_buffer()?)
}

fn write_out(
    ws: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    o: &Out,
) -> Result<(), XlsxError> {
    match o {
        Out::Text(s) => ws.write_string(r, c, s)?,
        Out::Number(n) => ws.write_number(r, c, *n)?,
        Out::Bool(b) => ws.write_boolean(r, c, *b)?,
    };
    Ok(())
}

/// A sheet of a template: its name, whether it is the register's own (a field per row), its
/// columns and their nodes.
type TemplateSheet = (String, bool, Vec<(FieldPath, NodeId)>);

/// How many rows of a template sheet get drop-down lists.
const TEMPLATE_ROWS: u32 = 1000;

/// The empty workbook of a register: every sheet with its headers in both languages (the
/// chosen one first), a note on each header with the field's description and its path,
/// drop-down lists of the code lists (by label) and a help sheet.
pub fn template_bytes(lang: Lang) -> Result<Vec<u8>, WriteError> {
    let layout = Layout::get();
    let mut wb = Workbook::new();
    let bold = header_format();
    let (codes_name, help_name) = match lang {
        Lang::Sv => ("Koder", "Hjälp"),
        Lang::En => ("Codes", "Help"),
    };
    // Code lists go into a hidden sheet, one column each, which the drop-downs refer to:
    // an inline list is limited to 255 characters, the countries alone are many more.
    let mut lists: Vec<(NodeId, Vec<String>)> = Vec::new();
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
    for (_, _, cols) in &sheets {
        for (_, id) in cols {
            if layout.shape(*id) != Shape::Scalar {
                continue;
            }
            let Some(codes) = layout.compiled.codes(*id) else { continue };
            if lists.iter().any(|(other, _)| layout.compiled.codes(*other) == Some(codes)) {
                continue;
            }
            let values = codes
                .values
                .iter()
                .map(|c| label_of(layout, *id, c, lang).unwrap_or_else(|| c.to_string()))
                .collect();
            lists.push((*id, values));
        }
    }
    let list_of = |id: NodeId| -> Option<usize> {
        let codes = layout.compiled.codes(id)?;
        lists.iter().position(|(other, _)| layout.compiled.codes(*other) == Some(codes))
    };
    let help = wb.add_worksheet();
    help.set_name(help_name)?;
    help.set_column_width(0, 110)?;
    for (i, line) in help_text(lang).iter().enumerate() {
        let r = u32::try_from(i).unwrap_or(0);
        if i == 0 {
            help.write_string_with_format(r, 0, *line, &bold)?;
        } else {
            help.write_string(r, 0, *line)?;
        }
    }
    for (name, vertical, cols) in &sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        let root_of = if *vertical {
            root
        } else {
            layout.collections.iter().find(|c| c.name(lang) == name).map_or(root, |c| c.item)
        };
        if *vertical {
            ws.set_column_width(0, 45)?;
            ws.set_column_width(1, 40)?;
        } else {
            ws.set_freeze_panes(1, 0)?;
        }
        for (i, (path, id)) in cols.iter().enumerate() {
            let (r, c) = if *vertical {
                (u32::try_from(i).unwrap_or(0), 0u16)
            } else {
                (0, u16::try_from(i).unwrap_or(0))
            };
            let h = header(layout, root_of, path, lang);
            ws.write_string_with_format(r, c, &h, &bold)?;
            if !*vertical {
                ws.set_column_width(c, 24)?;
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
            ws.insert_note(
                r,
                c,
                &Note::new(note).set_author("kommun-intl").set_width(360).set_height(180),
            )?;
            if layout.shape(*id) == Shape::Scalar
                && let Some(l) = list_of(*id)
            {
                let n = lists[l].1.len();
                let letter = crate::book::column_letters(u32::try_from(l).unwrap_or(0));
                let formula = format!("='{codes_name}'!${letter}$2:${letter}${}", n + 1);
                let dv = DataValidation::new().allow_list_formula(Formula::new(formula));
                if *vertical {
                    ws.add_data_validation(r, 1, r, 1, &dv)?;
                } else {
                    ws.add_data_validation(1, c, TEMPLATE_ROWS, c, &dv)?;
                }
            }
        }
    }
    let codes = wb.add_worksheet();
    codes.set_name(codes_name)?;
    for (c, (id, values)) in lists.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(0);
        let title = layout
            .compiled
            .node(layout.compiled.target(*id).0)
            .def
            .as_deref()
            .unwrap_or("codes")
            .to_owned();
        codes.write_string_with_format(0, c, &title, &bold)?;
        for (r, v) in values.iter().enumerate() {
            codes.write_string(u32::try_from(r + 1).unwrap_or(0), c, v)?;
        }
    }
    codes.set_hidden(true);
    Ok(wb.save_to_buffer()?)
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
