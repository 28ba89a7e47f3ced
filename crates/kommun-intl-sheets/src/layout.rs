//! The layout of a register as a workbook, derived from the compiled schema: which sheets
//! there are, which column is which field, and what each column is called.
//!
//! One walker over [`Compiled`] answers every question: the collections (the register's lists
//! of records, each a sheet), the columns of a sheet (every field, in schema order, with nested
//! fields as flatten-tool paths such as `partner/name/sv` and lists of records numbered,
//! `funding/0/type`), what a header names, and the order of columns. Nothing here lists a
//! field by hand.

use std::sync::OnceLock;

use kommun_intl::schema::Compiled;
use kommun_intl::schema::compiled::NodeId;
use kommun_intl::{DocumentKind, Lang};

use crate::labels;

/// One step of a path into a record: a member or a list index.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// A list index.
    Index(usize),
}

/// A path from a record to one of its values.
pub type Path = Vec<Seg>;

/// The path as a JSON Pointer suffix (`/partner/name/sv`).
#[must_use]
pub fn pointer(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Seg::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// The path as a flatten-tool column name (`partner/name/sv`).
#[must_use]
pub fn column_path(path: &[Seg]) -> String {
    pointer(path).trim_start_matches('/').to_owned()
}

/// What a value at a node is, as far as cells are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// An object: its members are columns of their own.
    Object,
    /// A list of records: numbered columns (`funding/0/type`).
    Records(NodeId),
    /// A list of plain values: one cell, the values separated by `;`.
    List(NodeId),
    /// A single value in one cell.
    Scalar,
}

/// One sheet of records: a list of the register (`/partnerships`, `/municipality/units`).
#[derive(Clone, Debug)]
pub struct Collection {
    /// Where the list is in the register.
    pub path: Vec<String>,
    /// The sheet's Swedish name (`Partnerskap`).
    pub sv: String,
    /// The sheet's English name (`Partnerships`).
    pub en: String,
    /// The node of one record.
    pub item: NodeId,
}

impl Collection {
    /// The sheet name in a language.
    #[must_use]
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }

    /// The JSON Pointer of the list (`/municipality/units`).
    #[must_use]
    pub fn pointer(&self) -> String {
        let segs: Vec<Seg> = self.path.iter().cloned().map(Seg::Key).collect();
        pointer(&segs)
    }
}

/// The register's layout.
#[derive(Debug)]
pub struct Layout {
    /// The compiled schema of a register.
    pub compiled: &'static Compiled,
    /// The sheets of records, in schema order.
    pub collections: Vec<Collection>,
}

/// How deep the columns of a template go (lists of records count as a level).
const TEMPLATE_DEPTH: usize = 4;

impl Layout {
    /// The layout of a register, built once per process.
    #[must_use]
    pub fn get() -> &'static Layout {
        static LAYOUT: OnceLock<Layout> = OnceLock::new();
        LAYOUT.get_or_init(|| {
            let compiled = Compiled::of(DocumentKind::Dataset);
            let mut layout = Layout { compiled, collections: Vec::new() };
            let root = compiled.root();
            for (key, id) in layout.props(root) {
                match layout.shape(id) {
                    Shape::Records(item) => layout.push_collection(vec![key], item),
                    Shape::Object => {
                        for (inner, id) in layout.props(id) {
                            if let Shape::Records(item) = layout.shape(id) {
                                layout.push_collection(vec![key.clone(), inner], item);
                            }
                        }
                    }
                    _ => {}
                }
            }
            layout
        })
    }

    fn push_collection(&mut self, path: Vec<String>, item: NodeId) {
        let (sv, en) = labels::field(path.last().map_or("", String::as_str));
        self.collections.push(Collection { path, sv, en, item });
    }

    /// The members of an object node (after `$ref`s, and of every branch of a union), in
    /// schema order.
    #[must_use]
    pub fn props(&self, id: NodeId) -> Vec<(String, NodeId)> {
        let mut out: Vec<(String, NodeId)> = Vec::new();
        let mut stack = vec![id];
        let mut seen = 0;
        while let Some(id) = stack.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            let (t, _) = self.compiled.target(id);
            let node = self.compiled.node(t);
            for (k, p) in &node.properties {
                if k.as_ref() != "$schema" && !out.iter().any(|(o, _)| **o == **k) {
                    out.push((k.to_string(), *p));
                }
            }
            stack.extend(node.branches.iter().rev());
        }
        out
    }

    /// What a value at `id` is.
    #[must_use]
    pub fn shape(&self, id: NodeId) -> Shape {
        if !self.props(id).is_empty() {
            return Shape::Object;
        }
        if let Some(items) = self.compiled.items(id) {
            return if self.props(items).is_empty() {
                Shape::List(items)
            } else {
                Shape::Records(items)
            };
        }
        Shape::Scalar
    }

    /// The node at `path` below `root`, if the schema has one there.
    #[must_use]
    pub fn resolve(&self, root: NodeId, path: &[Seg]) -> Option<NodeId> {
        let mut at = root;
        for seg in path {
            at = match (seg, self.shape(at)) {
                (Seg::Key(k), Shape::Object) => self.compiled.property(at, k)?,
                (Seg::Index(_), Shape::Records(items)) => items,
                _ => return None,
            };
        }
        Some(at)
    }

    /// The column's label in one language: the labels of its fields joined with ` – `, a list
    /// index counted from 1 (`Finansiering 2 – typ`).
    #[must_use]
    pub fn label(path: &[Seg], lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        for seg in path {
            match seg {
                Seg::Key(k) => {
                    let (sv, en) = labels::field(k);
                    let label = match lang {
                        Lang::Sv => sv,
                        Lang::En => en,
                    };
                    // Later parts in lower case (`Partner – namn`), acronyms as they are.
                    let mut chars = label.chars();
                    let lower = match (chars.next(), chars.next()) {
                        (Some(a), Some(b))
                            if !parts.is_empty() && b.is_lowercase() && k != "en" && k != "sv" =>
                        {
                            a.to_lowercase().chain(label.chars().skip(1)).collect()
                        }
                        _ => label,
                    };
                    parts.push(lower);
                }
                Seg::Index(i) => {
                    if let Some(last) = parts.last_mut() {
                        last.push(' ');
                        last.push_str(&(i + 1).to_string());
                    }
                }
            }
        }
        parts.join(" – ")
    }

    /// The header a template or export writes: the label in `lang`, then in the other
    /// language when it differs (`Avtalstyp / Agreement type`).
    #[must_use]
    pub fn header(path: &[Seg], lang: Lang) -> String {
        let other = match lang {
            Lang::Sv => Lang::En,
            Lang::En => Lang::Sv,
        };
        let first = Layout::label(path, lang);
        let second = Layout::label(path, other);
        if labels::normalise(&first) == labels::normalise(&second) {
            first
        } else {
            format!("{first} / {second}")
        }
    }

    /// The field a header names below `root`: a flatten-tool path (`partner/name/sv`), a label
    /// in Swedish or English (`Partner – namn`, `Agreement type`), or both labels as
    /// [`Layout::header`] writes them. A label that ends at a text in two languages means the
    /// Swedish one; a list of records without a number means its first record.
    #[must_use]
    pub fn parse_header(&self, root: NodeId, header: &str) -> Option<Path> {
        let header = header.trim();
        if header.is_empty() {
            return None;
        }
        if let Some(path) = self.parse_path(root, header) {
            return Some(path);
        }
        if let Some(path) = self.parse_label(root, header) {
            return Some(path);
        }
        if let Some(path) = header.split(" / ").find_map(|part| self.parse_label(root, part)) {
            return Some(path);
        }
        self.parse_short(root, header)
    }

    /// A label of a nested field alone (`Land` for `partner/country`), when exactly one of the
    /// shallowest columns ends with it.
    fn parse_short(&self, root: NodeId, header: &str) -> Option<Path> {
        let norm = labels::normalise(header);
        let ends = |p: &Path| {
            let key = p.iter().rev().find_map(|s| match s {
                Seg::Key(k) if k != "sv" => Some(k),
                _ => None,
            });
            key.is_some_and(|k| {
                let (sv, en) = labels::field(k);
                labels::normalise(&sv) == norm || labels::normalise(&en) == norm || *k == norm
            })
        };
        let matches: Vec<Path> = self
            .columns(root, &[])
            .into_iter()
            .filter(|p| ends(p) && !p.iter().any(|s| matches!(s, Seg::Index(_))))
            .collect();
        let depth = matches.iter().map(Vec::len).min()?;
        let mut shallowest = matches.into_iter().filter(|p| p.len() == depth);
        let first = shallowest.next()?;
        shallowest.next().is_none().then_some(first)
    }

    fn parse_path(&self, root: NodeId, header: &str) -> Option<Path> {
        if header.contains(' ') {
            return None;
        }
        let mut path = Vec::new();
        let mut at = root;
        for part in header.trim_matches('/').split('/') {
            match self.shape(at) {
                Shape::Records(items) => {
                    path.push(Seg::Index(part.parse().ok()?));
                    at = items;
                }
                Shape::Object => {
                    let key = part.replace("~1", "/").replace("~0", "~");
                    at = self.compiled.property(at, &key)?;
                    path.push(Seg::Key(key));
                }
                _ => return None,
            }
        }
        self.complete(at, &mut path);
        Some(path)
    }

    fn parse_label(&self, root: NodeId, header: &str) -> Option<Path> {
        let norm = labels::normalise(header);
        let mut path = Vec::new();
        let mut at = root;
        for part in norm.split(" - ") {
            let (name, index) = split_number(part);
            let (key, id) = self.props(at).into_iter().find(|(k, _)| {
                let (sv, en) = labels::field(k);
                [labels::normalise(&sv), labels::normalise(&en), k.clone()]
                    .iter()
                    .any(|l| l == name || l == part)
            })?;
            let literal = labels::normalise(&labels::field(&key).0) == part
                || labels::normalise(&labels::field(&key).1) == part
                || key == part;
            path.push(Seg::Key(key));
            at = id;
            if let Shape::Records(items) = self.shape(at) {
                let i = if literal { 0 } else { index.unwrap_or(1).checked_sub(1)? };
                path.push(Seg::Index(i));
                at = items;
            } else if index.is_some() && !literal {
                return None;
            }
        }
        self.complete(at, &mut path);
        Some(path)
    }

    /// A path that ends at a text in two languages means its Swedish text.
    fn complete(&self, at: NodeId, path: &mut Path) {
        if self.shape(at) == Shape::Object && self.compiled.property(at, "sv").is_some() {
            path.push(Seg::Key("sv".to_owned()));
        }
    }

    /// The columns of a template for the records at `root`: every plain value and list of
    /// plain values, nested fields to a few levels, one numbered record of each list of
    /// records. `skip` leaves out the members that are sheets of their own.
    #[must_use]
    pub fn columns(&self, root: NodeId, skip: &[&[String]]) -> Vec<Path> {
        let mut out = Vec::new();
        self.walk_columns(root, &mut Vec::new(), &mut Vec::new(), skip, &mut out);
        out
    }

    fn walk_columns(
        &self,
        at: NodeId,
        path: &mut Path,
        defs: &mut Vec<NodeId>,
        skip: &[&[String]],
        out: &mut Vec<Path>,
    ) {
        let keys: Vec<&str> = path
            .iter()
            .filter_map(|s| if let Seg::Key(k) = s { Some(k.as_str()) } else { None })
            .collect();
        if skip.iter().any(|s| s.iter().map(String::as_str).eq(keys.iter().copied())) {
            return;
        }
        match self.shape(at) {
            Shape::Scalar | Shape::List(_) => out.push(path.clone()),
            Shape::Object | Shape::Records(_) if path.len() >= TEMPLATE_DEPTH => {}
            Shape::Object => {
                let (t, _) = self.compiled.target(at);
                if defs.contains(&t) {
                    return;
                }
                defs.push(t);
                for (key, id) in self.props(at) {
                    path.push(Seg::Key(key));
                    self.walk_columns(id, path, defs, skip, out);
                    path.pop();
                }
                defs.pop();
            }
            Shape::Records(items) => {
                path.push(Seg::Index(0));
                self.walk_columns(items, path, defs, skip, out);
                path.pop();
            }
        }
    }

    /// A key that sorts columns in schema order: each member by its place among its
    /// siblings, each index by itself.
    #[must_use]
    pub fn order(&self, root: NodeId, path: &[Seg]) -> Vec<usize> {
        let mut key = Vec::with_capacity(path.len());
        let mut at = Some(root);
        for seg in path {
            match seg {
                Seg::Key(k) => {
                    let props = at.map(|a| self.props(a)).unwrap_or_default();
                    let i = props.iter().position(|(p, _)| p == k);
                    key.push(i.unwrap_or(usize::MAX));
                    at = i.map(|i| props[i].1);
                }
                Seg::Index(i) => {
                    key.push(*i);
                    at = at.and_then(|a| self.compiled.items(a));
                }
            }
        }
        key
    }

    /// The collection a sheet's name names, in either language or as the field name.
    #[must_use]
    pub fn collection_named(&self, name: &str) -> Option<usize> {
        let n = labels::normalise(name);
        self.collections.iter().position(|c| {
            labels::normalise(&c.sv) == n
                || labels::normalise(&c.en) == n
                || c.path.last().is_some_and(|k| *k == n)
                || labels::normalise(&c.path.join(" ")) == n
        })
    }
}

/// `"finansiering 2"` -> (`"finansiering"`, `Some(2)`).
fn split_number(part: &str) -> (&str, Option<usize>) {
    match part.rsplit_once(' ') {
        Some((name, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (name, n.parse().ok())
        }
        _ => (part, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Seg {
        Seg::Key(k.to_owned())
    }

    fn partnerships() -> (&'static Layout, NodeId) {
        let l = Layout::get();
        let c = &l.collections[l.collection_named("Partnerskap").unwrap()];
        (l, c.item)
    }

    #[test]
    fn the_register_has_a_sheet_for_each_list_of_records() {
        let l = Layout::get();
        let names: Vec<&str> = l.collections.iter().map(|c| c.sv.as_str()).collect();
        for sheet in ["Partnerskap", "Projekt", "Statistik", "Medlemskap", "Nätverk", "Enheter"] {
            assert!(names.contains(&sheet), "{sheet} in {names:?}");
        }
        assert_eq!(
            l.collections[l.collection_named("units").unwrap()].pointer(),
            "/municipality/units"
        );
    }

    #[test]
    fn headers_name_fields_by_path_or_label_in_either_language() {
        let (l, item) = partnerships();
        let want = vec![key("partner"), key("name"), key("sv")];
        assert_eq!(l.parse_header(item, "partner/name/sv"), Some(want.clone()));
        assert_eq!(l.parse_header(item, "Partner – namn – svenska"), Some(want.clone()));
        assert_eq!(l.parse_header(item, "partner - name"), Some(want));
        assert_eq!(l.parse_header(item, "Avtalstyp"), Some(vec![key("agreement_type")]));
        assert_eq!(
            l.parse_header(item, "Agreement type / Avtalstyp"),
            Some(vec![key("agreement_type")])
        );
        let funding = Some(vec![key("funding"), Seg::Index(1), key("type")]);
        assert_eq!(l.parse_header(item, "Finansiering 2 – typ"), funding);
        assert_eq!(l.parse_header(item, "funding/1/type"), funding);
        assert_eq!(l.parse_header(item, "agrement_type"), None);
        assert_eq!(l.parse_header(item, "Land"), Some(vec![key("partner"), key("country")]));
        assert_eq!(l.parse_header(item, "funding/x/type"), None);
    }

    #[test]
    fn every_template_column_reads_back_as_itself() {
        let l = Layout::get();
        for c in &l.collections {
            let cols = l.columns(c.item, &[]);
            assert!(!cols.is_empty(), "{}", c.en);
            for col in cols {
                for lang in Lang::ALL {
                    let header = Layout::header(&col, lang);
                    assert_eq!(l.parse_header(c.item, &header).as_ref(), Some(&col), "{header}");
                }
                assert_eq!(l.parse_header(c.item, &column_path(&col)).as_ref(), Some(&col));
            }
        }
    }
}
