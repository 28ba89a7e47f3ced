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
use crate::layout::{Layout, Path, Seg, pointer};

/// A column of a sheet read: the JSON Pointer suffix of its field, its 0-based index (on the
/// register's own sheet, the field's row: its value is in column B), its header.
type Column = (String, u32, String);

/// Where the values of a register read from a spreadsheet are in it: for each list, the sheet
/// and row of each record, and for each sheet, the field of each column. An issue's pointer
/// finds its cell through them, so that nothing is kept per value.
#[derive(Clone, Debug, Default)]
pub struct Cells {
    /// The sheet (index into `sheets`) and 0-based row of each record, by the pointer of its
    /// list (`/partnerships`), in the list's order.
    records: HashMap<String, Vec<(usize, u32)>>,
    /// The sheets read: name, columns, and whether it is the register's own sheet.
    sheets: Vec<(String, Vec<Column>, bool)>,
    /// Sheet names in workbook order, for sorting issues.
    order: Vec<String>,
}

impl Cells {
    /// The cell of the value an issue is about: the value's own cell; for a missing field, its
    /// column's cell in the record's row; else the cell of what contains it, or the record's
    /// row.
    #[must_use]
    pub fn locate(&self, issue: &Issue) -> Option<CellRef> {
        let p = issue.pointer.as_str();
        let missing = (issue.code == rules::MISSING_FIELD.code)
            .then(|| issue.params.get("field"))
            .flatten()
            .map(|f| f.replace('~', "~0").replace('/', "~1"));
        for (list, rows) in &self.records {
            let Some(rest) = p.strip_prefix(list.as_str()).and_then(|r| r.strip_prefix('/')) else {
                continue;
            };
            let (index, rel) = rest.split_once('/').map_or((rest, ""), |(i, r)| (i, r));
            let Some(&(sheet, row)) = index.parse::<usize>().ok().and_then(|i| rows.get(i)) else {
                continue;
            };
            let rel = if rel.is_empty() { String::new() } else { format!("/{rel}") };
            let (name, columns, _) = &self.sheets[sheet];
            let at = |(_, col, header): &Column| CellRef {
                sheet: name.clone(),
                cell: a1(row, *col),
                header: header.clone(),
            };
            if let Some(field) = &missing {
                let want = format!("{rel}/{field}");
                let prefix = format!("{want}/");
                if let Some(c) = columns
                    .iter()
                    .find(|c| c.0 == want)
                    .or_else(|| columns.iter().find(|c| c.0.starts_with(&prefix)))
                {
                    return Some(at(c));
                }
            }
            let mut up = rel.as_str();
            loop {
                if let Some(c) = columns.iter().find(|c| c.0 == up) {
                    return Some(at(c));
                }
                match up.rsplit_once('/') {
                    Some((u, _)) => up = u,
                    None => break,
                }
            }
            return Some(CellRef {
                sheet: name.clone(),
                cell: format!("{0}:{0}", row + 1),
                header: String::new(),
            });
        }
        // The register's own sheet: a field per row.
        let (name, columns, _) = self.sheets.iter().find(|s| s.2)?;
        let at = |(_, row, header): &Column| CellRef {
            sheet: name.clone(),
            cell: a1(*row, 1),
            header: header.clone(),
        };
        if let Some(field) = &missing {
            let want = format!("{p}/{field}");
            if let Some(c) = columns.iter().find(|c| c.0 == want) {
                return Some(at(c));
            }
        }
        let mut up = p;
        while !up.is_empty() {
            if let Some(c) = columns.iter().find(|c| c.0 == up) {
                return Some(at(c));
            }
            up = up.rsplit_once('/').map_or("", |(u, _)| u);
        }
        if p.is_empty() {
            return None;
        }
        // A part of the register's own sheet (`/municipality/address` without its street):
        // the first of its cells there.
        let below = format!("{p}/");
        columns
            .iter()
            .filter(|c| c.0.starts_with(&below))
            .min_by_key(|c| c.1)
            .map(|c| CellRef { header: String::new(), ..at(c) })
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
    Leaf(Value),
    Obj(Vec<(String, Tree)>),
    Arr(BTreeMap<usize, Tree>),
}

impl Tree {
    fn insert(&mut self, path: &[Seg], value: Value) {
        let Some((first, rest)) = path.split_first() else {
            *self = Tree::Leaf(value);
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
                return t.insert(path, value);
            }
        };
        child.insert(rest, value);
    }

    fn new_for(rest: &[Seg]) -> Tree {
        match rest.first() {
            Some(Seg::Index(_)) => Tree::Arr(BTreeMap::new()),
            _ => Tree::Obj(Vec::new()),
        }
    }

    /// The JSON (lists of records numbered densely).
    fn into_value(self) -> Value {
        match self {
            Tree::Leaf(v) => v,
            Tree::Obj(members) => {
                let mut map = Map::new();
                for (k, t) in members {
                    map.insert(k, t.into_value());
                }
                Value::Object(map)
            }
            Tree::Arr(items) => Value::Array(items.into_values().map(Tree::into_value).collect()),
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
    let tree = std::mem::replace(&mut r.root_tree, Tree::Obj(Vec::new()));
    if let Value::Object(own) = tree.into_value() {
        for (k, v) in own {
            merge(&mut r.root, k, v);
        }
    }
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
        (leaf, field): (NodeId, &coerce::Field),
        cell: &Cell,
        at: CellRef,
    ) {
        let ptr = || format!("{base}{}", pointer(path));
        if cell.formula {
            self.out.issues.push(issue(&rules::SHEET_FORMULA, &ptr(), &[], Some(at.clone())));
        }
        if let Raw::Error(e) = &cell.raw {
            self.out.issues.push(issue(
                &rules::SHEET_CELL_ERROR,
                &ptr(),
                &[("value", e.clone())],
                Some(at),
            ));
            return;
        }
        if matches!(&cell.raw, Raw::Text(s) if s.trim().is_empty()) {
            return;
        }
        let (value, doubt) = coerce::cell_value(field, &cell.raw);
        if let Some(d) = doubt {
            let personal = self.personal(leaf);
            self.doubt(d, &ptr(), &at, personal);
        }
        tree.insert(path, value);
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
            columns.push((pointer(&path), row.index, header));
            let field = coerce::Field::new(self.layout, leaf);
            self.cell(&mut tree, "", &path, (leaf, &field), value, at);
        }
        self.root_tree = tree;
        self.out.cells.sheets.push((sheet.name.clone(), columns, true));
    }

    fn records_sheet(&mut self, sheet: &Sheet, collection: usize) {
        let layout = self.layout;
        let c = &layout.collections[collection];
        let base_pointer = c.pointer();
        // The header row: of the first few rows, the one that names the most fields (a title
        // row above the headers is left out).
        let named = |r: &crate::book::Row| {
            r.cells
                .iter()
                .filter(|x| layout.parse_header(c.item, &header_text(&x.raw)).is_some())
                .count()
        };
        let first = sheet
            .rows
            .iter()
            .take(5)
            .enumerate()
            .max_by_key(|(i, r)| (named(r), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        let Some((header_row, rows)) = sheet.rows[first..].split_first() else { return };
        let mut columns: Vec<(u32, Path, NodeId, String, coerce::Field)> = Vec::new();
        // The first column of each path, by its index in `columns`.
        let mut column_of: HashMap<Path, usize> = HashMap::new();
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
            if let Some(&first) = column_of.get(&path) {
                let params = [("header", header), ("first", column_letters(columns[first].0))];
                self.out.issues.push(issue(
                    &rules::SHEET_DUPLICATE_COLUMN,
                    &base_pointer,
                    &params,
                    Some(at),
                ));
                continue;
            }
            shown.push((pointer(&path), cell.col, header.clone()));
            let field = coerce::Field::new(layout, leaf);
            column_of.insert(path.clone(), columns.len());
            columns.push((cell.col, path, leaf, header, field));
        }
        let sheet_index = self.out.cells.sheets.len();
        self.out.cells.sheets.push((sheet.name.clone(), shown, false));
        let list = lookup_len(&self.root, &c.path);
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
                let Some((col, path, leaf, header, field)) =
                    columns.get(ci).filter(|c| c.0 == cell.col)
                else {
                    continue;
                };
                let at = CellRef {
                    sheet: sheet.name.clone(),
                    cell: a1(row.index, *col),
                    header: header.clone(),
                };
                let before = self.out.issues.len();
                self.cell(&mut tree, &base, path, (*leaf, field), cell, at);
                any |= !matches!(&tree, Tree::Obj(m) if m.is_empty())
                    || self.out.issues.len() > before;
            }
            if !any {
                continue;
            }
            self.out
                .cells
                .records
                .entry(base_pointer.clone())
                .or_default()
                .push((sheet_index, row.index));
            records.push(tree.into_value());
            n += 1;
        }
        // Each merged range's column and record looked up, not searched for (a sheet of many
        // rows and merged ranges was quadratic). A header row written twice in a file can give
        // two columns one index: the first is kept (`rev`, so that it is inserted last).
        let column_at: HashMap<u32, &(u32, Path, NodeId, String, coerce::Field)> =
            columns.iter().rev().map(|c| (c.0, c)).collect();
        let mut record_at: HashMap<u32, usize> = HashMap::new();
        for (i, &(s, r)) in
            self.out.cells.records.get(&base_pointer).into_iter().flatten().enumerate()
        {
            if s == sheet_index {
                record_at.entry(r).or_insert(i);
            }
        }
        for &(r0, c0, r1, c1) in &sheet.merged {
            if r0 == r1 && c0 == c1 {
                continue;
            }
            let range = format!("{}:{}", a1(r0, c0), a1(r1, c1));
            let column = column_at.get(&c0);
            let header = column.map(|c| c.3.clone()).unwrap_or_default();
            let at = CellRef { sheet: sheet.name.clone(), cell: a1(r0, c0), header };
            let record = record_at.get(&r0);
            let field = column.map(|c| pointer(&c.1)).unwrap_or_default();
            let ptr = match record {
                Some(i) => format!("{base_pointer}/{i}{field}"),
                None => base_pointer.clone(),
            };
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
