//! Sheets of cells read as a register: which sheet is which list, which column which field,
//! each cell's value, and where in the workbook every value of the JSON came from.

use std::collections::{BTreeMap, HashMap};

use kommun_intl::schema::compiled::NodeId;
use kommun_intl::validate::rules::{self, Rule};
use kommun_intl::{CellRef, Issue};
use serde_json::{Map, Value};

use crate::book::{Book, Cell, Finding, Raw, Sheet, a1, column_letters};
use crate::coerce::{self, Doubt};
use crate::labels;
use crate::layout::{Layout, Path, Seg, column_path, pointer};

/// A column of a sheet read: the JSON Pointer suffix of its field, its 0-based index, its
/// header.
type Column = (String, u32, String);

/// Where the values of a register read from a spreadsheet are in it.
#[derive(Clone, Debug, Default)]
pub struct Cells {
    /// The cell of each value, by its JSON Pointer.
    leaves: HashMap<String, CellRef>,
    /// The sheet (index into `sheets`) and 0-based row of each record, by its JSON Pointer.
    records: HashMap<String, (usize, u32)>,
    /// The sheets read, with their columns.
    sheets: Vec<(String, Vec<Column>)>,
    /// Sheet names in workbook order, for sorting issues.
    order: Vec<String>,
}

impl Cells {
    /// The cell of the value an issue is about: the value's own cell; for a missing field, its
    /// column's cell in the record's row; else the cell or row of what contains it.
    #[must_use]
    pub fn locate(&self, issue: &Issue) -> Option<CellRef> {
        let p = issue.pointer.as_str();
        if let Some(c) = self.leaves.get(p) {
            return Some(c.clone());
        }
        if let Some(field) = issue.params.get("field")
            && issue.code() == rules::MISSING_FIELD.code
            && let Some(c) = self.missing(p, field)
        {
            return Some(c);
        }
        let mut at = p;
        while let Some((up, _)) = at.rsplit_once('/') {
            if let Some(c) = self.leaves.get(up) {
                return Some(c.clone());
            }
            at = up;
        }
        if let Some((_, (sheet, row))) = self.record_of(p) {
            return Some(CellRef {
                sheet: self.sheets[*sheet].0.clone(),
                cell: format!("{0}:{0}", row + 1),
                header: String::new(),
            });
        }
        // A part of the register's own sheet (`/municipality/address` without its street):
        // the first of its cells there.
        if p.is_empty() {
            return None;
        }
        let below = format!("{p}/");
        self.leaves
            .iter()
            .filter(|(k, _)| k.starts_with(&below))
            .map(|(_, c)| c)
            .min_by_key(|c| self.sort_key(Some(c)))
            .map(|c| CellRef { header: String::new(), ..c.clone() })
    }

    /// The record (pointer, sheet, row) that holds `p`, the innermost first.
    fn record_of<'a>(&'a self, p: &'a str) -> Option<(&'a str, &'a (usize, u32))> {
        let mut at = p;
        loop {
            if let Some(r) = self.records.get(at) {
                return Some((at, r));
            }
            at = at.rsplit_once('/')?.0;
        }
    }

    fn missing(&self, p: &str, field: &str) -> Option<CellRef> {
        let (record, &(sheet, row)) = self.record_of(p)?;
        let mut rel = p[record.len()..].to_owned();
        rel.push('/');
        rel.push_str(&field.replace('~', "~0").replace('/', "~1"));
        let (name, columns) = &self.sheets[sheet];
        let (_, col, header) = columns
            .iter()
            .find(|(c, _, _)| *c == rel)
            .or_else(|| columns.iter().find(|(c, _, _)| c.starts_with(&format!("{rel}/"))))?;
        Some(CellRef { sheet: name.clone(), cell: a1(row, *col), header: header.clone() })
    }

    /// A key that sorts issues by sheet, row and column; register-wide issues first.
    #[must_use]
    pub fn sort_key(&self, cell: Option<&CellRef>) -> (usize, u64, u64) {
        let Some(c) = cell else { return (0, 0, 0) };
        let sheet = self.order.iter().position(|s| *s == c.sheet).map_or(usize::MAX, |i| i + 1);
        let (letters, digits): (String, String) =
            c.cell.chars().filter(|c| *c != ':').partition(char::is_ascii_alphabetic);
        let row = digits.parse::<u64>().unwrap_or(0);
        let col = letters.bytes().fold(0u64, |acc, b| acc * 26 + u64::from(b - b'A' + 1));
        (sheet, row, col)
    }
}

/// A register read from a spreadsheet: the JSON, the issues of reading it, and where its
/// values are.
#[derive(Clone, Debug, Default)]
pub struct Read {
    /// The register as JSON.
    pub value: Value,
    /// The issues found while reading, each with its cell.
    pub issues: Vec<Issue>,
    /// Where the values are.
    pub cells: Cells,
    /// True when the file could not be read (to the end): validating the rest would only
    /// report what is missing.
    pub failed: bool,
}

fn issue(
    rule: &'static Rule,
    pointer: &str,
    params: &[(&str, String)],
    cell: Option<CellRef>,
) -> Issue {
    let params = params.iter().map(|(k, v)| ((*k).to_owned(), v.clone()));
    let mut issue = Issue::from_parts(rule.code, pointer.to_owned(), (None, None, None), params)
        .unwrap_or_else(|| unreachable_rule(rule));
    issue.cell = cell.map(Box::new);
    issue
}

#[cold]
fn unreachable_rule(rule: &'static Rule) -> Issue {
    // Every rule used here is in the catalogue with these parameters (a test reads each).
    Issue::from_parts(rules::INVALID_VALUE.code, String::new(), (None, None, None), [])
        .unwrap_or_else(|| panic!("rule {} is not in the catalogue", rule.code))
}

/// A cell's text, for a header.
fn header_text(raw: &Raw) -> String {
    match raw {
        Raw::Text(s) => s.trim().to_owned(),
        Raw::Int(i) => i.to_string(),
        Raw::Float(f) => f.to_string(),
        Raw::Bool(b) => b.to_string(),
        Raw::Date(y, m, d, ..) => format!("{y:04}-{m:02}-{d:02}"),
        Raw::Error(e) => e.clone(),
    }
}

/// What a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The register's own fields, one per row (field in column A, value in column B).
    Root,
    /// The records of a collection, one per row under a header row.
    Records(usize),
}

fn role_of(layout: &Layout, sheet: &Sheet) -> Option<Role> {
    let n = labels::normalise(&sheet.name);
    let (sv, en) = labels::ROOT_SHEET;
    if n == labels::normalise(sv) || n == labels::normalise(en) || n == "register" {
        return Some(Role::Root);
    }
    if let Some(i) = layout.collection_named(&sheet.name) {
        return Some(Role::Records(i));
    }
    // By its headers: the collection most of them name.
    let header: Vec<String> = sheet
        .rows
        .first()
        .map(|r| r.cells.iter().map(|c| header_text(&c.raw)).collect())
        .unwrap_or_default();
    if header.is_empty() {
        return None;
    }
    let root = layout.compiled.root();
    let column_a: Vec<String> = sheet
        .rows
        .iter()
        .filter_map(|r| r.cells.first().filter(|c| c.col == 0).map(|c| header_text(&c.raw)))
        .collect();
    let root_score = column_a.iter().filter(|h| layout.parse_header(root, h).is_some()).count();
    let best = layout
        .collections
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (header.iter().filter(|h| layout.parse_header(c.item, h).is_some()).count(), i)
        })
        .max_by_key(|(score, i)| (*score, std::cmp::Reverse(*i)))?;
    if best.0 * 2 >= header.len() && best.0 >= root_score.min(column_a.len()) && best.0 > 0 {
        Some(Role::Records(best.1))
    } else if root_score * 2 >= column_a.len() && root_score > 0 {
        Some(Role::Root)
    } else {
        None
    }
}

/// A record being built: members in column order, lists of records by their numbers.
enum Tree {
    Leaf(Value, CellRef),
    Obj(Vec<(String, Tree)>),
    Arr(BTreeMap<usize, Tree>),
}

impl Tree {
    fn insert(&mut self, path: &[Seg], value: Value, cell: CellRef) {
        let Some((first, rest)) = path.split_first() else {
            *self = Tree::Leaf(value, cell);
            return;
        };
        let child = match (first, &mut *self) {
            (Seg::Key(k), Tree::Obj(members)) => {
                let i = if let Some(i) = members.iter().position(|(m, _)| m == k) {
                    i
                } else {
                    members.push((k.clone(), Tree::new_for(rest)));
                    members.len() - 1
                };
                &mut members[i].1
            }
            (Seg::Index(i), Tree::Arr(items)) => {
                items.entry(*i).or_insert_with(|| Tree::new_for(rest))
            }
            // A value and fields below it in the same record (`partner` and `partner/name`):
            // the fields win, the plain value stays reported by validation of its own cell.
            (seg, t) => {
                *t = match seg {
                    Seg::Key(_) => Tree::Obj(Vec::new()),
                    Seg::Index(_) => Tree::Arr(BTreeMap::new()),
                };
                return t.insert(path, value, cell);
            }
        };
        child.insert(rest, value, cell);
    }

    fn new_for(rest: &[Seg]) -> Tree {
        match rest.first() {
            Some(Seg::Index(_)) => Tree::Arr(BTreeMap::new()),
            _ => Tree::Obj(Vec::new()),
        }
    }

    /// The JSON, recording each value's cell under its pointer (lists numbered densely).
    fn into_value(self, at: &mut String, leaves: &mut HashMap<String, CellRef>) -> Value {
        match self {
            Tree::Leaf(v, cell) => {
                leaves.insert(at.clone(), cell);
                v
            }
            Tree::Obj(members) => {
                let mut map = Map::new();
                for (k, t) in members {
                    let len = at.len();
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    map.insert(k, t.into_value(at, leaves));
                    at.truncate(len);
                }
                Value::Object(map)
            }
            Tree::Arr(items) => {
                let mut list = Vec::with_capacity(items.len());
                for (i, (_, t)) in items.into_iter().enumerate() {
                    let len = at.len();
                    at.push('/');
                    at.push_str(&i.to_string());
                    list.push(t.into_value(at, leaves));
                    at.truncate(len);
                }
                Value::Array(list)
            }
        }
    }
}

/// Inserts `value` at `path` (object members) into `root`, creating objects on the way.
fn put(root: &mut Map<String, Value>, path: &[String], value: Value) {
    let Some((last, init)) = path.split_last() else { return };
    let mut at = root;
    for key in init {
        let entry = at.entry(key.clone()).or_insert_with(|| Value::Object(Map::new()));
        if !entry.is_object() {
            *entry = Value::Object(Map::new());
        }
        let Value::Object(next) = entry else { return };
        at = next;
    }
    match at.get_mut(last) {
        Some(Value::Array(records)) => {
            if let Value::Array(more) = value {
                records.extend(more);
            }
        }
        _ => {
            at.insert(last.clone(), value);
        }
    }
}

struct Reader<'a> {
    layout: &'a Layout,
    out: Read,
    root: Map<String, Value>,
    root_tree: Tree,
}

/// Reads a book as a register.
#[must_use]
pub fn register(book: &Book) -> Read {
    let layout = Layout::get();
    let mut r =
        Reader { layout, out: Read::default(), root: Map::new(), root_tree: Tree::Obj(Vec::new()) };
    for finding in &book.findings {
        let (rule, params): (&'static Rule, Vec<(&str, String)>) = match finding {
            Finding::Unreadable(detail) => {
                r.out.failed = true;
                (&rules::SHEET_UNREADABLE, vec![("detail", detail.clone())])
            }
            Finding::TooLarge(what, max) => {
                r.out.failed = true;
                (
                    &rules::SHEET_TOO_LARGE,
                    vec![("what", (*what).to_owned()), ("max", max.to_string())],
                )
            }
            Finding::Encoding(e) => (&rules::SHEET_ENCODING, vec![("encoding", (*e).to_owned())]),
        };
        let cell = book.sheets.first().map(|s| CellRef {
            sheet: s.name.clone(),
            cell: "A1".into(),
            header: String::new(),
        });
        let cell = if matches!(finding, Finding::Encoding(_)) { cell } else { None };
        r.out.issues.push(issue(rule, "", &params, cell));
    }
    for sheet in &book.sheets {
        r.out.cells.order.push(sheet.name.clone());
        if sheet.rows.is_empty() {
            continue;
        }
        let at_a1 =
            || CellRef { sheet: sheet.name.clone(), cell: "A1".into(), header: String::new() };
        if labels::is_aside(&sheet.name) {
            continue;
        }
        let Some(role) = role_of(layout, sheet) else {
            r.out.issues.push(issue(
                &rules::SHEET_UNKNOWN_SHEET,
                "",
                &[("sheet", sheet.name.clone())],
                Some(at_a1()),
            ));
            continue;
        };
        if sheet.hidden {
            r.out.issues.push(issue(
                &rules::SHEET_HIDDEN,
                "",
                &[("sheet", sheet.name.clone())],
                Some(at_a1()),
            ));
        }
        match role {
            Role::Root => r.root_sheet(sheet),
            Role::Records(i) => r.records_sheet(sheet, i),
        }
    }
    let mut leaves = std::mem::take(&mut r.out.cells.leaves);
    let tree = std::mem::replace(&mut r.root_tree, Tree::Obj(Vec::new()));
    if let Value::Object(own) = tree.into_value(&mut String::new(), &mut leaves) {
        for (k, v) in own {
            merge(&mut r.root, k, v);
        }
    }
    r.out.cells.leaves = leaves;
    r.out.value = Value::Object(r.root);
    r.out
}

/// Merges the register's own fields with the lists already read (the municipality's fields
/// and its units live on different sheets).
fn merge(into: &mut Map<String, Value>, key: String, value: Value) {
    match (into.get_mut(&key), value) {
        (Some(Value::Object(existing)), Value::Object(more)) => {
            for (k, v) in more {
                merge(existing, k, v);
            }
        }
        (_, value) => {
            into.insert(key, value);
        }
    }
}

impl Reader<'_> {
    fn doubt(&mut self, d: Doubt, pointer: &str, cell: &CellRef, personal: bool) {
        let (rule, value) = match d {
            Doubt::Number(v) => (&rules::SHEET_AMBIGUOUS_NUMBER, v),
            Doubt::Date(v) => (&rules::SHEET_AMBIGUOUS_DATE, v),
        };
        let value = if personal { kommun_intl::personal::mask(&value) } else { value };
        self.out.issues.push(issue(rule, pointer, &[("value", value)], Some(cell.clone())));
    }

    fn personal(&self, id: NodeId) -> bool {
        self.layout.compiled.marks_personal(id) || self.layout.compiled.target(id).1
    }

    /// Reads one cell into `tree` at `path`, reporting formulas, error values and doubts.
    fn cell(
        &mut self,
        tree: &mut Tree,
        base: &str,
        path: &Path,
        leaf: NodeId,
        cell: &Cell,
        at: CellRef,
    ) {
        let ptr = format!("{base}{}", pointer(path));
        if cell.formula {
            self.out.issues.push(issue(&rules::SHEET_FORMULA, &ptr, &[], Some(at.clone())));
        }
        if let Raw::Error(e) = &cell.raw {
            self.out.issues.push(issue(
                &rules::SHEET_CELL_ERROR,
                &ptr,
                &[("value", e.clone())],
                Some(at),
            ));
            return;
        }
        if matches!(&cell.raw, Raw::Text(s) if s.trim().is_empty()) {
            return;
        }
        let (value, doubt) = coerce::cell_value(self.layout, leaf, &cell.raw);
        if let Some(d) = doubt {
            let personal = self.personal(leaf);
            self.doubt(d, &ptr, &at, personal);
        }
        tree.insert(path, value, at);
    }

    fn root_sheet(&mut self, sheet: &Sheet) {
        let root = self.layout.compiled.root();
        let mut seen: HashMap<Path, u32> = HashMap::new();
        let mut columns = Vec::new();
        let mut tree = std::mem::replace(&mut self.root_tree, Tree::Obj(Vec::new()));
        for row in &sheet.rows {
            let Some(head) = row.cells.iter().find(|c| c.col == 0) else { continue };
            let header = header_text(&head.raw);
            let at = CellRef {
                sheet: sheet.name.clone(),
                cell: a1(row.index, 0),
                header: header.clone(),
            };
            let Some(value) = row.cells.iter().find(|c| c.col == 1) else { continue };
            let Some(path) = self.layout.parse_header(root, &header) else {
                self.out.issues.push(issue(
                    &rules::SHEET_UNKNOWN_COLUMN,
                    "",
                    &[("header", header)],
                    Some(at),
                ));
                continue;
            };
            if let Some(first) = seen.get(&path) {
                let params = [("header", header), ("first", format!("A{}", first + 1))];
                self.out.issues.push(issue(&rules::SHEET_DUPLICATE_COLUMN, "", &params, Some(at)));
                continue;
            }
            seen.insert(path.clone(), row.index);
            let Some(leaf) = self.layout.resolve(root, &path) else { continue };
            let at = CellRef {
                sheet: sheet.name.clone(),
                cell: a1(row.index, 1),
                header: header.clone(),
            };
            columns.push((pointer(&path), 1, header));
            self.cell(&mut tree, "", &path, leaf, value, at);
        }
        self.root_tree = tree;
        self.out.cells.sheets.push((sheet.name.clone(), columns));
    }

    fn records_sheet(&mut self, sheet: &Sheet, collection: usize) {
        let layout = self.layout;
        let c = &layout.collections[collection];
        let base_pointer = c.pointer();
        let Some((header_row, rows)) = sheet.rows.split_first() else { return };
        let mut columns: Vec<(u32, Path, NodeId, String)> = Vec::new();
        let mut shown = Vec::new();
        for cell in &header_row.cells {
            let header = header_text(&cell.raw);
            if header.is_empty() {
                continue;
            }
            let at = CellRef {
                sheet: sheet.name.clone(),
                cell: a1(header_row.index, cell.col),
                header: header.clone(),
            };
            let parsed = layout
                .parse_header(c.item, &header)
                .and_then(|p| Some((layout.resolve(c.item, &p)?, p)));
            let Some((leaf, path)) = parsed else {
                self.out.issues.push(issue(
                    &rules::SHEET_UNKNOWN_COLUMN,
                    &base_pointer,
                    &[("header", header)],
                    Some(at),
                ));
                continue;
            };
            if let Some((first, ..)) = columns.iter().find(|(_, p, _, _)| *p == path) {
                let params = [("header", header), ("first", column_letters(*first))];
                self.out.issues.push(issue(
                    &rules::SHEET_DUPLICATE_COLUMN,
                    &base_pointer,
                    &params,
                    Some(at),
                ));
                continue;
            }
            shown.push((pointer(&path), cell.col, header.clone()));
            columns.push((cell.col, path, leaf, header));
        }
        let sheet_index = self.out.cells.sheets.len();
        self.out.cells.sheets.push((sheet.name.clone(), shown));
        let list = {
            let existing = c.path.iter().try_fold(&self.root, |m, k| {
                m.get(k).and_then(Value::as_object).or(None).map(|_| m)
            });
            let _ = existing;
            lookup_len(&self.root, &c.path)
        };
        let mut records = Vec::new();
        let mut n = list;
        for row in rows {
            let mut tree = Tree::Obj(Vec::new());
            let mut any = false;
            let base = format!("{base_pointer}/{n}");
            let mut ci = 0;
            for cell in &row.cells {
                while ci < columns.len() && columns[ci].0 < cell.col {
                    ci += 1;
                }
                let Some((col, path, leaf, header)) = columns.get(ci).filter(|c| c.0 == cell.col)
                else {
                    continue;
                };
                let at = CellRef {
                    sheet: sheet.name.clone(),
                    cell: a1(row.index, *col),
                    header: header.clone(),
                };
                let before = self.out.issues.len();
                self.cell(&mut tree, &base, path, *leaf, cell, at);
                any |= !matches!(&tree, Tree::Obj(m) if m.is_empty())
                    || self.out.issues.len() > before;
            }
            if !any {
                continue;
            }
            self.out.cells.records.insert(base.clone(), (sheet_index, row.index));
            let mut at = base;
            records.push(tree.into_value(&mut at, &mut self.out.cells.leaves));
            n += 1;
        }
        for &(r0, c0, r1, c1) in &sheet.merged {
            if r0 == r1 && c0 == c1 {
                continue;
            }
            let range = format!("{}:{}", a1(r0, c0), a1(r1, c1));
            let header =
                columns.iter().find(|c| c.0 == c0).map(|c| c.3.clone()).unwrap_or_default();
            let at = CellRef { sheet: sheet.name.clone(), cell: a1(r0, c0), header };
            let ptr = self
                .out
                .cells
                .leaves
                .iter()
                .find(|(_, v)| v.sheet == at.sheet && v.cell == at.cell)
                .map_or_else(|| base_pointer.clone(), |(k, _)| k.clone());
            self.out.issues.push(issue(
                &rules::SHEET_MERGED_CELLS,
                &ptr,
                &[("range", range)],
                Some(at),
            ));
        }
        if !records.is_empty() {
            put(&mut self.root, &c.path, Value::Array(records));
        }
    }
}

/// How many records the list at `path` already has (another sheet of the same list).
fn lookup_len(root: &Map<String, Value>, path: &[String]) -> usize {
    let mut at = root;
    for (i, k) in path.iter().enumerate() {
        match at.get(k) {
            Some(Value::Object(m)) if i + 1 < path.len() => at = m,
            Some(Value::Array(a)) if i + 1 == path.len() => return a.len(),
            _ => return 0,
        }
    }
    0
}

/// The column name a path has in the flatten-tool convention, for messages.
#[must_use]
pub fn column_name(path: &[Seg]) -> String {
    column_path(path)
}
