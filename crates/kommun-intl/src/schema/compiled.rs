//! One compiled schema per document kind: the generated JSON Schema turned, once per process,
//! into a tree of nodes that every walker shares.
//!
//! The explaining walk ([`crate::validate::structure`]), masking ([`crate::personal`]),
//! [`crate::fix`] and the Python binding's `repr` all read the same nodes: their type, their
//! properties, what is required, code lists with labels and aliases, `x-rules`, and whether
//! the schema marks them `x-personal-data`. `$ref`s are resolved once, here, into node ids (a
//! recursive schema becomes a graph with a cycle, never an unbounded unrolling), so no walker
//! follows references or keeps a depth limit of its own.
//!
//! ```
//! use kommun_intl::DocumentKind;
//! use kommun_intl::schema::Compiled;
//!
//! let feedback = Compiled::of(DocumentKind::Feedback);
//! let description = feedback.property(feedback.root(), "description").unwrap();
//! assert!(feedback.node(description).personal);
//! let category = feedback.property(feedback.root(), "category").unwrap();
//! let codes = feedback.codes(category).unwrap();
//! assert!(codes.values.iter().any(|c| &**c == "praise"));
//! assert!(feedback.has_personal_data());
//! assert!(Compiled::of(DocumentKind::Partnership).is_recursive());
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use serde_json::{Map, Value};

use crate::document::DocumentKind;
use crate::validate::nearest::Candidates;
use crate::validate::structure::{self, Typed};

/// The index of a node in its [`Compiled`] schema.
pub type NodeId = u32;

/// A set of JSON types, as a schema's `type` keyword names them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Types(u8);

impl Types {
    /// No `type` keyword: any type.
    pub const ANY: Types = Types(0);
    const NULL: u8 = 1;
    const BOOLEAN: u8 = 2;
    const INTEGER: u8 = 4;
    const NUMBER: u8 = 8;
    const STRING: u8 = 16;
    const ARRAY: u8 = 32;
    const OBJECT: u8 = 64;
    const NAMES: [(u8, &'static str); 7] = [
        (Types::STRING, "string"),
        (Types::NUMBER, "number"),
        (Types::INTEGER, "integer"),
        (Types::BOOLEAN, "boolean"),
        (Types::OBJECT, "object"),
        (Types::ARRAY, "array"),
        (Types::NULL, "null"),
    ];

    fn from_keyword(keyword: Option<&Value>) -> Types {
        let bit = |name: &str| Types::NAMES.iter().find(|(_, n)| *n == name).map_or(0, |(b, _)| *b);
        match keyword {
            Some(Value::String(s)) => Types(bit(s)),
            Some(Value::Array(list)) => {
                Types(list.iter().filter_map(Value::as_str).fold(0, |acc, s| acc | bit(s)))
            }
            _ => Types::ANY,
        }
    }

    /// True when the set names no type (the schema has no `type` keyword).
    #[must_use]
    pub fn is_any(self) -> bool {
        self.0 == 0
    }

    /// True when the only type is `null`.
    #[must_use]
    pub fn is_null_only(self) -> bool {
        self.0 == Types::NULL
    }

    /// True when `v` has one of the types (an integer is also a number, and a number with no
    /// fraction also an integer, as JSON Schema counts them). Any value matches [`Types::ANY`].
    #[must_use]
    pub fn matches(self, v: &Value) -> bool {
        self.matches_shape(Shape::of(v))
    }

    /// [`Types::matches`] for a value of this shape.
    pub(crate) fn matches_shape(self, shape: Shape) -> bool {
        if self.is_any() {
            return true;
        }
        let bits = match shape {
            Shape::Null => Types::NULL,
            Shape::Boolean => Types::BOOLEAN,
            Shape::Integer | Shape::WholeFloat => Types::INTEGER | Types::NUMBER,
            Shape::Float => Types::NUMBER,
            Shape::String => Types::STRING,
            Shape::Array => Types::ARRAY,
            Shape::Object => Types::OBJECT,
        };
        self.0 & bits != 0
    }

    /// The names of the types, joined with " or " (`string or null`).
    #[must_use]
    pub fn describe(self) -> String {
        // Every set of the seven types, described once.
        static ALL: LazyLock<Vec<String>> = LazyLock::new(|| {
            (0..=u8::MAX >> 1)
                .map(|bits| {
                    Types::NAMES
                        .iter()
                        .filter(|(b, _)| bits & b != 0)
                        .map(|(_, n)| *n)
                        .collect::<Vec<_>>()
                        .join(" or ")
                })
                .collect()
        });
        ALL[usize::from(self.0 & 0x7F)].clone()
    }
}

/// The JSON type of a value as JSON Schema names it (`integer` for a number without a
/// fraction written as one).
#[must_use]
pub fn json_type(v: &Value) -> &'static str {
    Shape::of(v).name()
}

/// The JSON type of a parsed value, telling numbers apart as the schema's types do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Null,
    Boolean,
    /// A number `serde_json` holds as an integer (`u64` or `i64`).
    Integer,
    /// A number held as a float, without a fraction (`1.0`, `1e3`, `-0`).
    WholeFloat,
    /// Any other number.
    Float,
    String,
    Array,
    Object,
}

impl Shape {
    pub(crate) fn of(v: &Value) -> Shape {
        match v {
            Value::Null => Shape::Null,
            Value::Bool(_) => Shape::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => Shape::Integer,
            Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) => Shape::WholeFloat,
            Value::Number(_) => Shape::Float,
            Value::String(_) => Shape::String,
            Value::Array(_) => Shape::Array,
            Value::Object(_) => Shape::Object,
        }
    }

    /// The type's name, as [`json_type`] gives it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Shape::Null => "null",
            Shape::Boolean => "boolean",
            Shape::Integer => "integer",
            Shape::WholeFloat | Shape::Float => "number",
            Shape::String => "string",
            Shape::Array => "array",
            Shape::Object => "object",
        }
    }
}

/// A code's labels in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    /// The Swedish label.
    pub sv: Box<str>,
    /// The English label.
    pub en: Box<str>,
}

/// Code lists up to this long are named whole in the issue of a value outside them.
pub const SHORT_CODE_LIST: usize = 12;

/// A code list: the codes a node allows, their labels and the aliases it accepts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Codes {
    /// The codes, in schema order.
    pub values: Vec<Box<str>>,
    /// Each code's labels (`x-labels`), where the schema gives them; same order as `values`.
    pub labels: Vec<Option<Labels>>,
    /// Other spellings and the code each stands for (`x-aliases`: `EL` -> `GR`).
    pub aliases: Vec<(Box<str>, Box<str>)>,
    /// What the lookups of labels and near codes use, and the list named whole, each made on
    /// its first use.
    lookups: Lookups,
}

/// The lookups of a code list: derived from the list, so they take no part in comparing code
/// lists (one whose lookups are made equals one whose are not).
#[derive(Clone, Debug, Default)]
struct Lookups {
    lookup: OnceLock<Lookup>,
    /// Every code, comma-separated, for a short list (see [`Codes::allowed`]).
    allowed: OnceLock<Option<Box<str>>>,
}

#[derive(Clone, Debug, Default)]
struct Lookup {
    /// Each label in lower case and the place of its code.
    lowered: foldhash::HashMap<Box<str>, usize>,
    /// The codes, for the nearest.
    codes: Candidates,
    /// Each code's Swedish and English labels, in the order of the codes.
    labels: Candidates,
    /// The place of the code of each of `labels`.
    code_of_label: Vec<usize>,
}

impl PartialEq for Lookups {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Lookups {}

impl Codes {
    /// A code list of `(code, Swedish label, English label)` entries, without aliases.
    #[must_use]
    pub fn labelled<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Codes {
        let (values, labels) = entries
            .into_iter()
            .map(|(code, sv, en)| (code.into(), Some(Labels { sv: sv.into(), en: en.into() })))
            .unzip();
        Codes { values, labels, ..Codes::default() }
    }

    /// True when `code` is one of the codes.
    #[must_use]
    pub fn contains(&self, code: &str) -> bool {
        self.values.iter().any(|c| &**c == code)
    }

    /// The code whose Swedish or English label `s` is (compared without case and surrounding
    /// white space), else whose label is nearest to it (see the "did you mean" of fields).
    #[must_use]
    pub fn by_label(&self, s: &str) -> Option<&str> {
        let lookup = self.lookup();
        let found = lookup.lowered.get(s.trim().to_lowercase().as_str()).copied().or_else(|| {
            let (label, _) = lookup.labels.nearest(s.trim())?;
            Some(lookup.code_of_label[label])
        });
        found.map(|i| &*self.values[i])
    }

    /// The code nearest to `s` (see the "did you mean" of fields).
    #[must_use]
    pub fn nearest(&self, s: &str) -> Option<&str> {
        self.lookup().codes.nearest(s).map(|(_, code)| &**code)
    }

    /// The lookups, made on the first: one search of a list ordered by length, not a pass over
    /// every label (a country list has 500 codes and 1,000 labels).
    fn lookup(&self) -> &Lookup {
        self.lookups.lookup.get_or_init(|| {
            let mut lowered = foldhash::HashMap::default();
            // The first code of a label wins: the last inserted.
            for (i, l) in self.labels.iter().enumerate().rev() {
                if let Some(l) = l {
                    lowered.insert(l.en.to_lowercase().into(), i);
                    lowered.insert(l.sv.to_lowercase().into(), i);
                }
            }
            let (code_of_label, labels): (Vec<usize>, Vec<Box<str>>) = self
                .labels
                .iter()
                .enumerate()
                .filter_map(|(i, l)| Some((i, l.as_ref()?)))
                .flat_map(|(i, l)| [(i, l.sv.clone()), (i, l.en.clone())])
                .unzip();
            Lookup {
                lowered,
                codes: Candidates::new(self.values.iter().cloned()),
                labels: Candidates::new(labels),
                code_of_label,
            }
        })
    }

    /// What an issue about `s`, a value outside the list, adds: a `suggestion` (an alias, a
    /// code near `s`, or the code whose Swedish or English label `s` is or nearly is: `Beröm`
    /// is `praise`) and, for a short list, every code (`allowed`).
    /// (An iterator over at most two, made at once: no vector to allocate.)
    pub fn hints(&self, s: &str) -> impl Iterator<Item = (&'static str, String)> + use<> {
        let hint = self.alias(s).or_else(|| self.nearest(s)).or_else(|| self.by_label(s));
        let suggestion = hint.map(|hint| ("suggestion", hint.to_owned()));
        [suggestion, self.allowed().map(|allowed| ("allowed", allowed))].into_iter().flatten()
    }

    /// Every code, comma-separated, when the list is short enough to name whole
    /// ([`SHORT_CODE_LIST`]); joined on the first call.
    #[must_use]
    pub fn allowed(&self) -> Option<String> {
        let allowed = self.lookups.allowed.get_or_init(|| {
            (self.values.len() <= SHORT_CODE_LIST).then(|| self.values.join(", ").into())
        });
        allowed.as_deref().map(str::to_owned)
    }

    /// The code an alias stands for (compared as written, then in upper case).
    #[must_use]
    pub fn alias(&self, s: &str) -> Option<&str> {
        let upper = |a: &str| {
            a.len() == s.len() && a.bytes().zip(s.bytes()).all(|(x, y)| x == y.to_ascii_uppercase())
        };
        self.aliases.iter().find(|(a, _)| **a == *s || upper(a)).map(|(_, c)| &**c)
    }
}

/// One node of a compiled schema: one schema object of the generated JSON Schema.
#[derive(Clone, Debug, Default)]
pub struct Node {
    /// The `$defs` name, on the node of a definition itself (`Phone`, `PostalAddress`).
    pub def: Option<Box<str>>,
    /// Where a `$ref` points.
    pub reference: Option<NodeId>,
    /// The `type` keyword.
    pub types: Types,
    /// The `properties`, in schema order.
    pub properties: Vec<(Box<str>, NodeId)>,
    /// The `required` members.
    pub required: Vec<Box<str>>,
    /// Where each `required` member is in `properties`, if it is there.
    pub(crate) required_at: Vec<Option<usize>>,
    /// `additionalProperties: false`.
    pub closed: bool,
    /// The `items` of an array.
    pub items: Option<NodeId>,
    /// The branches of `anyOf`/`oneOf`, when the node is a union (it has no `type` and no
    /// `properties` of its own).
    pub branches: Vec<NodeId>,
    /// `allOf`.
    pub all_of: Vec<NodeId>,
    /// The code list, when the node is one (`enum`, `const`, or a union of them).
    pub codes: Option<Codes>,
    /// `"x-personal-data": true`: the value, and everything in it, is personal data.
    pub personal: bool,
    /// `x-rules`: the codes of the rules checked here beyond the schema.
    pub rules: Vec<Box<str>>,
    /// The schema `false`: no value is allowed.
    pub never: bool,
    /// The `description` (from the model's doc comments), for tools that show a field's
    /// meaning: a template's column notes.
    pub description: Option<Box<str>>,
    /// The typed check of a definition with rules of its own.
    pub(crate) check: Option<Typed>,
    /// The `properties`' names, for the nearest: made on the first unknown member.
    property_names: OnceLock<Candidates>,
}

impl Node {
    /// The `properties`' names, for [`Candidates::nearest`] (at their places in `properties`).
    pub(crate) fn property_names(&self) -> &Candidates {
        self.property_names
            .get_or_init(|| Candidates::new(self.properties.iter().map(|(k, _)| k.clone())))
    }
}

/// A kind's schema, compiled: see the module docs.
#[derive(Debug)]
pub struct Compiled {
    kind: DocumentKind,
    nodes: Vec<Node>,
    root: NodeId,
    recursive: bool,
    personal: bool,
    /// Per node: it, what it refers to, or a branch of it is marked personal.
    marked: Vec<bool>,
    /// The schema name of the kind's own type (`Partnership`).
    root_name: String,
    field_names: HashSet<Box<str>>,
    /// The same names, for the nearest.
    near_names: Candidates,
}

impl Compiled {
    /// The compiled schema of a kind, built on first use and kept for the process.
    #[must_use]
    pub fn of(kind: DocumentKind) -> &'static Compiled {
        static COMPILED: [OnceLock<Compiled>; DocumentKind::ALL.len()] =
            [const { OnceLock::new() }; DocumentKind::ALL.len()];
        COMPILED[kind.index()].get_or_init(|| Compiled::new(kind, super::schema_for(kind)))
    }

    fn new(kind: DocumentKind, schema: &Value) -> Compiled {
        struct Name;
        impl crate::document::KindVisitor for Name {
            type Output = String;
            fn visit<T: crate::document::Document>(self) -> String {
                T::schema_name().into_owned()
            }
        }

        let empty = Map::new();
        let defs = schema.get("$defs").and_then(Value::as_object).unwrap_or(&empty);
        let mut builder = Builder { defs, nodes: Vec::new(), by_def: HashMap::new() };
        let root = builder.compile(schema);
        let nodes = builder.nodes;
        let field_names: HashSet<Box<str>> =
            nodes.iter().flat_map(|n| n.properties.iter().map(|(k, _)| k.clone())).collect();
        let personal = nodes.iter().any(|n| n.personal);
        let mut marked: Vec<bool> = nodes.iter().map(|n| n.personal).collect();
        // A fixed point: marks flow from targets and branches to the nodes that lead to them.
        loop {
            let mut changed = false;
            for (i, n) in nodes.iter().enumerate() {
                let m = marked[i]
                    || n.reference.is_some_and(|r| marked[r as usize])
                    || n.branches.iter().any(|&b| marked[b as usize]);
                if m && !marked[i] {
                    marked[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let near_names = Candidates::new(field_names.iter().cloned());
        let root_name = kind.visit(Name);
        let mut compiled = Compiled {
            kind,
            nodes,
            root,
            recursive: false,
            personal,
            marked,
            root_name,
            field_names,
            near_names,
        };
        compiled.recursive = compiled.has_cycle();
        compiled
    }

    /// The kind.
    #[must_use]
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// The root node.
    #[must_use]
    pub fn root(&self) -> NodeId {
        self.root
    }

    /// A node.
    #[must_use]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// How many nodes there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when there are no nodes (never: the root is one).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// True when some node is marked personal: documents of this kind can hold personal data.
    #[must_use]
    pub fn has_personal_data(&self) -> bool {
        self.personal
    }

    /// True when the schema refers to itself, so that documents can nest without a bound set
    /// by the model (a partner that is part of a partner ...).
    #[must_use]
    pub fn is_recursive(&self) -> bool {
        self.recursive
    }

    /// The node of the type named `name` (a `$defs` entry, or the kind's own type at the
    /// root), if the schema has it.
    #[must_use]
    pub fn def(&self, name: &str) -> Option<NodeId> {
        if self.root_name == name {
            return Some(self.root);
        }
        self.nodes
            .iter()
            .position(|n| n.def.as_deref() == Some(name))
            .and_then(|i| NodeId::try_from(i).ok())
    }

    /// True when `name` is the name of a property somewhere in the schema.
    #[must_use]
    pub fn is_field_name(&self, name: &str) -> bool {
        self.field_names.contains(name)
    }

    /// True when some property name of the schema is near `key`, as
    /// [`Candidates::nearest`] finds one: the same apart from case, or a few edits away.
    pub(crate) fn is_near_field_name(&self, key: &str) -> bool {
        self.near_names.nearest(key).is_some()
    }

    /// Every property name of the schema.
    pub fn field_names(&self) -> impl Iterator<Item = &str> + Clone {
        self.field_names.iter().map(|n| &**n)
    }

    /// Follows `$ref`s from `id` to the node that says what the value is; returns it and
    /// whether a node on the way is marked personal.
    #[must_use]
    pub fn target(&self, id: NodeId) -> (NodeId, bool) {
        let (t, personal, _) = self.follow(id);
        (t, personal)
    }

    /// [`Compiled::target`], with the innermost definition passed on the way.
    fn follow(&self, mut id: NodeId) -> (NodeId, bool, Option<&str>) {
        let mut personal = false;
        let mut def = None;
        // References form no cycle without a node between them (the builder gives every
        // `$ref` a node of its own), but bound the loop all the same.
        for _ in 0..self.nodes.len() {
            let node = self.node(id);
            personal |= node.personal;
            if let Some(name) = &node.def {
                def = Some(&**name);
            }
            match node.reference {
                Some(next) => id = next,
                None => break,
            }
        }
        (id, personal, def)
    }

    /// The code list of a node (after `$ref`s), if it is one.
    #[must_use]
    pub fn codes(&self, id: NodeId) -> Option<&Codes> {
        self.node(self.target(id).0).codes.as_ref()
    }

    /// True when the node (after `$ref`s) is a union with a `null` branch.
    #[must_use]
    pub fn allows_null(&self, id: NodeId) -> bool {
        let (t, _) = self.target(id);
        self.node(t).branches.iter().any(|&b| self.node(self.target(b).0).types.is_null_only())
    }

    /// The node of a member of an object node (after `$ref`s and, for a union, in the first
    /// branch that has it).
    #[must_use]
    pub fn property(&self, id: NodeId, key: &str) -> Option<NodeId> {
        let (t, _) = self.target(id);
        let node = self.node(t);
        if let Some((_, p)) = node.properties.iter().find(|(k, _)| **k == *key) {
            return Some(*p);
        }
        node.branches.iter().find_map(|&b| self.property(b, key))
    }

    /// The node of the items of an array node (after `$ref`s and, for a union, in the first
    /// branch that has them).
    #[must_use]
    pub fn items(&self, id: NodeId) -> Option<NodeId> {
        let (t, _) = self.target(id);
        let node = self.node(t);
        node.items.or_else(|| node.branches.iter().find_map(|&b| self.items(b)))
    }

    /// True when the node, what it refers to, or any branch of it is marked personal: a value
    /// here is personal whichever branch it takes.
    #[must_use]
    pub fn marks_personal(&self, id: NodeId) -> bool {
        self.marked[id as usize]
    }

    /// A shallow check: could `v` be of this node (its type, or its code list)?
    #[must_use]
    pub fn fits(&self, id: NodeId, v: &Value) -> bool {
        let (t, _) = self.target(id);
        let node = self.node(t);
        if node.never {
            return false;
        }
        if let Some(codes) = &node.codes {
            return v.as_str().is_some_and(|s| codes.contains(s));
        }
        if !node.branches.is_empty() {
            return node.branches.iter().any(|&b| self.fits(b, v));
        }
        node.types.matches(v)
    }

    /// Resolves `id` for the value `v`: follows `$ref`s and, in a union, takes the branch the
    /// value fits, else the first it could have meant (not `null`), so that a misspelt code
    /// still meets its type. Returns the node, the innermost definition passed and whether any
    /// node on the way, or any branch of a union passed, is marked personal.
    #[must_use]
    // `t`, `p`, `d`: the parts of `follow`'s answer, read once each just below.
    #[allow(clippy::many_single_char_names)]
    pub fn resolve(&self, id: NodeId, v: &Value) -> Resolved<'_> {
        let mut def = None;
        let mut personal = false;
        let mut at = id;
        for _ in 0..self.nodes.len() {
            let (target, marked, name) = self.follow(at);
            personal |= marked;
            def = name.or(def);
            let node = self.node(target);
            if node.branches.is_empty() {
                return Resolved { node: Some(target), def, personal };
            }
            // Personal marks on any branch cover the value, whichever branch it takes.
            personal |= node.branches.iter().any(|&b| self.target(b).1);
            let chosen = node.branches.iter().copied().find(|&b| self.fits(b, v)).or_else(|| {
                node.branches.iter().copied().find(|&b| v.is_null() || !self.fits(b, &Value::Null))
            });
            match chosen {
                Some(branch) => at = branch,
                None => return Resolved { node: None, def, personal },
            }
        }
        Resolved { node: None, def, personal }
    }

    // Node ids are `u32` by construction (a schema has far fewer nodes).
    #[allow(clippy::cast_possible_truncation)]
    fn has_cycle(&self) -> bool {
        // Depth-first search for a back edge, without recursion.
        let n = self.nodes.len();
        let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = 1;
            while let Some(&mut (v, ref mut next)) = stack.last_mut() {
                let children = self.children(NodeId::try_from(v).unwrap_or(NodeId::MAX));
                if let Some(&c) = children.get(*next) {
                    *next += 1;
                    let c = c as usize;
                    match state[c] {
                        0 => {
                            state[c] = 1;
                            stack.push((c, 0));
                        }
                        1 => return true,
                        _ => {}
                    }
                } else {
                    state[v] = 2;
                    stack.pop();
                }
            }
        }
        false
    }

    /// Every node a node leads to.
    fn children(&self, id: NodeId) -> Vec<NodeId> {
        let node = self.node(id);
        node.reference
            .iter()
            .chain(node.properties.iter().map(|(_, p)| p))
            .chain(node.items.iter())
            .chain(node.branches.iter())
            .chain(node.all_of.iter())
            .copied()
            .collect()
    }
}

/// What [`Compiled::resolve`] found.
#[derive(Clone, Copy, Debug)]
pub struct Resolved<'c> {
    /// The node that says what the value is; `None` when no branch of a union could hold it.
    pub node: Option<NodeId>,
    /// The innermost `$defs` type passed (`Phone`, `PostalAddress`).
    pub def: Option<&'c str>,
    /// True when a node on the way is marked personal.
    pub personal: bool,
}

struct Builder<'s> {
    defs: &'s Map<String, Value>,
    nodes: Vec<Node>,
    by_def: HashMap<&'s str, NodeId>,
}

impl<'s> Builder<'s> {
    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId::try_from(self.nodes.len()).unwrap_or(NodeId::MAX);
        self.nodes.push(node);
        id
    }

    /// The node of a definition, compiled once; a definition that refers to itself gets its
    /// id before its body is compiled.
    fn def(&mut self, name: &'s str) -> Option<NodeId> {
        if let Some(&id) = self.by_def.get(name) {
            return Some(id);
        }
        let body = self.defs.get(name)?;
        let id = self.push(Node::default());
        self.by_def.insert(name, id);
        let mut node = self.node(body);
        node.def = Some(name.into());
        node.check = structure::check_of(name);
        self.nodes[id as usize] = node;
        Some(id)
    }

    fn compile(&mut self, schema: &'s Value) -> NodeId {
        let node = self.node(schema);
        self.push(node)
    }

    fn node(&mut self, schema: &'s Value) -> Node {
        let Some(obj) = schema.as_object() else {
            return Node { never: schema == &Value::Bool(false), ..Node::default() };
        };
        let mut node = Node {
            types: Types::from_keyword(obj.get("type")),
            personal: obj.get("x-personal-data") == Some(&Value::Bool(true)),
            closed: obj.get("additionalProperties") == Some(&Value::Bool(false)),
            description: obj.get("description").and_then(Value::as_str).map(Into::into),
            ..Node::default()
        };
        if let Some(name) = obj.get("$ref").and_then(Value::as_str) {
            node.reference = name.strip_prefix("#/$defs/").and_then(|n| self.def(n));
        }
        if let Some(props) = obj.get("properties").and_then(Value::as_object) {
            for (key, prop) in props {
                let id = self.compile(prop);
                node.properties.push((key.as_str().into(), id));
            }
        }
        if let Some(required) = obj.get("required").and_then(Value::as_array) {
            node.required = required.iter().filter_map(Value::as_str).map(Into::into).collect();
        }
        node.required_at = node
            .required
            .iter()
            .map(|r| node.properties.iter().position(|(k, _)| k == r))
            .collect();
        if let Some(items) = obj.get("items") {
            node.items = Some(self.compile(items));
        }
        let is_union = !obj.contains_key("type") && !obj.contains_key("properties");
        if is_union
            && let Some(branches) =
                obj.get("anyOf").or_else(|| obj.get("oneOf")).and_then(Value::as_array)
        {
            node.branches = branches.iter().map(|b| self.compile(b)).collect();
        }
        if let Some(all) = obj.get("allOf").and_then(Value::as_array) {
            node.all_of = all.iter().map(|s| self.compile(s)).collect();
        }
        if let Some(rules) = obj.get("x-rules").and_then(Value::as_array) {
            node.rules = rules.iter().filter_map(Value::as_str).map(Into::into).collect();
        }
        node.codes = self.codes_of(obj, &node);
        node
    }

    /// The code list of a schema object: its `enum` or `const`, or the union of its branches'
    /// code lists (every branch but `null` being one).
    fn codes_of(&self, obj: &Map<String, Value>, node: &Node) -> Option<Codes> {
        let labels = obj.get("x-labels").and_then(Value::as_object);
        let label = |code: &str| {
            let l = labels?.get(code)?;
            Some(Labels { sv: l.get("sv")?.as_str()?.into(), en: l.get("en")?.as_str()?.into() })
        };
        let aliases = || -> Vec<(Box<str>, Box<str>)> {
            obj.get("x-aliases")
                .and_then(Value::as_object)
                .map(|a| {
                    a.iter()
                        .filter_map(|(k, v)| Some((k.as_str().into(), v.as_str()?.into())))
                        .collect()
                })
                .unwrap_or_default()
        };
        if let Some(list) = obj.get("enum").and_then(Value::as_array) {
            let values: Vec<Box<str>> =
                list.iter().filter_map(Value::as_str).map(Into::into).collect();
            let labels = values.iter().map(|c| label(c)).collect();
            return Some(Codes { values, labels, aliases: aliases(), ..Codes::default() });
        }
        if let Some(c) = obj.get("const").and_then(Value::as_str) {
            return Some(Codes {
                values: vec![c.into()],
                labels: vec![label(c)],
                aliases: aliases(),
                ..Codes::default()
            });
        }
        let target = |id: NodeId| {
            let mut n = &self.nodes[id as usize];
            for _ in 0..self.nodes.len() {
                match n.reference {
                    Some(r) => n = &self.nodes[r as usize],
                    None => break,
                }
            }
            n
        };
        if node.branches.is_empty() {
            return None;
        }
        let mut all = Codes::default();
        for &b in &node.branches {
            let branch = target(b);
            if branch.types.is_null_only() {
                continue;
            }
            let codes = branch.codes.as_ref()?;
            all.values.extend(codes.values.iter().cloned());
            all.labels.extend(codes.labels.iter().cloned());
            all.aliases.extend(codes.aliases.iter().cloned());
        }
        (!all.values.is_empty()).then_some(all)
    }
}
