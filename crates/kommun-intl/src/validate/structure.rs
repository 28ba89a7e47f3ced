//! Explains a document that does not fit the model: walks the parsed JSON against the kind's
//! compiled schema ([`crate::schema::Compiled`]) and reports every structural problem (wrong types, missing and unknown
//! fields, unknown codes) with "did you mean" hints. Wherever a part of the document does fit
//! its Rust type, that part is parsed and its rules run as on the fast path, so one pass still
//! reports semantic problems beside the structural ones.
//!
//! This is the slow path: valid documents never come here.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::personal;
use crate::schema::compiled::{Codes, Compiled, NodeId, Shape};

use super::tree::Ref;
use super::{Ctx, Rule, Trial, Validate, rules};
use crate::model;

/// What a typed check reads: a parsed `Value`, or a value of the spanned tree of a text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Input<'a> {
    Value(&'a Value),
    Tree(Ref<'a>),
}

/// The typed check of a definition: parses the value as its Rust type and, if it fits, runs
/// its rules; false when it does not fit.
pub(crate) type Typed = fn(Input<'_>, &mut Ctx) -> bool;

pub(crate) fn typed<T: DeserializeOwned + Validate>(v: Input<'_>, ctx: &mut Ctx) -> bool {
    let parsed = match v {
        Input::Value(v) => T::deserialize(v).ok(),
        Input::Tree(r) => T::deserialize(r).ok(),
    };
    match parsed {
        Some(t) => {
            t.validate_into(ctx);
            true
        }
        None => false,
    }
}

macro_rules! registry {
    ($($t:ty),* $(,)?) => {
        LazyLock::new(|| {
            let mut m: HashMap<String, Typed> = HashMap::new();
            $( m.insert(<$t as schemars::JsonSchema>::schema_name().into_owned(), typed::<$t> as Typed); )*
            m
        })
    };
}

/// The typed check of the definition `name`, if it has rules of its own.
pub(crate) fn check_of(name: &str) -> Option<Typed> {
    TYPED.get(name).copied()
}

/// Every `$defs` entry that has rules of its own, by schema name.
static TYPED: LazyLock<HashMap<String, Typed>> = registry![
    model::Id,
    model::Text,
    model::LongText,
    model::LocalizedText,
    model::PartialDate,
    model::Timestamp,
    model::Url,
    model::Source,
    model::Amount,
    model::Money,
    model::Email,
    model::Phone,
    model::PostalAddress,
    model::SubdivisionCode,
    model::WikidataId,
    model::MunicipalityCode,
    model::OrgNumber,
    model::OrgUnit,
    model::Municipality,
    model::FundingSource,
    model::PartnerBody,
    model::Partnership,
    model::Project,
    model::Observation,
    model::Membership,
    model::Dataset,
    model::Contact,
    model::Feedback,
    model::FaultReport,
    model::ServiceCode,
    model::Profile,
    model::Service,
];

/// How the walk treats the keys of members the schema does not know: they may be someone's
/// data (a fragment of a description cut by an unescaped quote becomes a key), so issue
/// pointers and messages show them only where nothing suggests that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keys {
    /// A kind without personal data, named by the caller: keys are shown.
    Shown,
    /// A kind that holds personal data, or one the document named itself: a key is shown
    /// when it is a field name somewhere in the schema, or looks like a misspelt one
    /// (lower-case snake case, near a field name), and does not lie in personal data.
    Guarded,
}

impl Keys {
    /// The policy for a document of a kind told by the caller (`trusted`) or by the document
    /// itself. `root` is the parsed document, or `None` before it is parsed: a kind without
    /// personal data shows keys only when the caller named it and the document's top level is
    /// of that kind (an object with every member the kind requires). A feedback export sent as
    /// `--kind dataset` is not a dataset (it has no `municipality`), so its keys prove nothing
    /// and are guarded; a municipality with a misspelt `telefon` is still a municipality.
    pub(crate) fn for_document<'a, J: Json<'a>>(
        compiled: &Compiled,
        trusted: bool,
        root: Option<J>,
    ) -> Keys {
        let fits_at_root = |root: J| {
            let node = compiled.node(compiled.target(compiled.root()).0);
            root.shape() == Shape::Object
                && node.required.iter().all(|r| root.members().any(|(k, _)| k == &**r))
        };
        if trusted && !compiled.has_personal_data() && root.is_some_and(fits_at_root) {
            Keys::Shown
        } else {
            Keys::Guarded
        }
    }

    /// True when the unknown `key` is shown as it is (else masked). `inside_personal`: the
    /// member lies in a personal value; `near`: whether the key is near a field name (asked
    /// only when the answer depends on it).
    pub(crate) fn shows(
        self,
        compiled: &Compiled,
        key: &str,
        inside_personal: bool,
        near: impl FnOnce() -> bool,
    ) -> bool {
        let typo_like = || {
            key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') && near()
        };
        match self {
            _ if inside_personal => false,
            Keys::Shown => true,
            Keys::Guarded => compiled.is_field_name(key) || typo_like(),
        }
    }
}

/// A parsed JSON value that the walk reads: a `serde_json::Value` (input that came parsed,
/// without positions) or a value of the spanned tree of a text, whose issues are placed in
/// the text as they are reported.
pub(crate) trait Json<'a>: Copy {
    /// An object's members, in order.
    type Members: Iterator<Item = (&'a str, Self)> + Clone;
    /// An array's items, in order.
    type Items: Iterator<Item = Self>;
    /// The value's type.
    fn shape(self) -> Shape;
    /// The string, if the value is one.
    fn as_str(self) -> Option<&'a str>;
    /// The members (none unless the value is an object).
    fn members(self) -> Self::Members;
    /// The items (none unless the value is an array).
    fn items(self) -> Self::Items;
    /// Runs a typed check on the value (see [`Typed`]), placing the issues of its rules.
    fn check(self, typed: Typed, ctx: &mut Ctx) -> bool;
    /// Reports an issue about the value, at the context's pointer.
    fn report(self, ctx: &mut Ctx, rule: &'static Rule, params: impl IntoIterator<Item = Param>);
    /// Reports an issue about the key of the member the value is, at the context's pointer.
    fn report_key(
        self,
        ctx: &mut Ctx,
        rule: &'static Rule,
        params: impl IntoIterator<Item = Param>,
    );
}

/// A parameter of an issue: its name and value.
type Param = (&'static str, String);

/// The members of a `Value` that may not be an object.
#[derive(Clone)]
pub(crate) struct ValueMembers<'a>(Option<serde_json::map::Iter<'a>>);

impl<'a> Iterator for ValueMembers<'a> {
    type Item = (&'a str, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.as_mut()?.next().map(|(k, v)| (k.as_str(), v))
    }
}

impl<'a> Json<'a> for &'a Value {
    type Members = ValueMembers<'a>;
    type Items = std::slice::Iter<'a, Value>;

    fn shape(self) -> Shape {
        Shape::of(self)
    }

    fn as_str(self) -> Option<&'a str> {
        Value::as_str(self)
    }

    fn members(self) -> Self::Members {
        ValueMembers(self.as_object().map(serde_json::Map::iter))
    }

    fn items(self) -> Self::Items {
        self.as_array().map_or([].iter(), |a| a.iter())
    }

    fn check(self, typed: Typed, ctx: &mut Ctx) -> bool {
        typed(Input::Value(self), ctx)
    }

    fn report(self, ctx: &mut Ctx, rule: &'static Rule, params: impl IntoIterator<Item = Param>) {
        ctx.record(rule, params, None);
    }

    fn report_key(
        self,
        ctx: &mut Ctx,
        rule: &'static Rule,
        params: impl IntoIterator<Item = Param>,
    ) {
        ctx.record(rule, params, None);
    }
}

/// The members of a tree value that may not be an object.
#[derive(Clone)]
pub(crate) struct TreeMembers<'a>(super::tree::Children<'a>);

impl<'a> Iterator for TreeMembers<'a> {
    type Item = (&'a str, Ref<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|c| (c.key().unwrap_or_default(), c))
    }
}

/// A typed check whose rules report more issues than this leaves them to
/// [`Ctx::finish_in`], which places any number in one pass over the text.
const FEW_TO_PLACE: usize = 16;

impl<'a> Json<'a> for Ref<'a> {
    type Members = TreeMembers<'a>;
    type Items = super::tree::Children<'a>;

    fn shape(self) -> Shape {
        use super::tree::{Number, Tag};
        match self.tag() {
            Tag::Null => Shape::Null,
            Tag::False | Tag::True => Shape::Boolean,
            Tag::PosInt | Tag::NegInt => Shape::Integer,
            Tag::Float => match self.number() {
                Some(Number::Float(f)) if f.fract() == 0.0 => Shape::WholeFloat,
                _ => Shape::Float,
            },
            Tag::Str | Tag::Escaped => Shape::String,
            Tag::Array => Shape::Array,
            Tag::Object => Shape::Object,
        }
    }

    fn as_str(self) -> Option<&'a str> {
        Ref::as_str(self)
    }

    fn members(self) -> Self::Members {
        TreeMembers(self.children_if(super::tree::Tag::Object))
    }

    fn items(self) -> Self::Items {
        self.children_if(super::tree::Tag::Array)
    }

    fn check(self, typed: Typed, ctx: &mut Ctx) -> bool {
        let from = ctx.kept();
        if !typed(Input::Tree(self), ctx) {
            return false;
        }
        let placed = ctx.kept() - from;
        if placed > 0 && placed <= FEW_TO_PLACE {
            ctx.place_since(from, |pointer, at_key| self.place(pointer, at_key));
        }
        true
    }

    fn report(self, ctx: &mut Ctx, rule: &'static Rule, params: impl IntoIterator<Item = Param>) {
        ctx.record(rule, params, Some(self.offset()));
    }

    fn report_key(
        self,
        ctx: &mut Ctx,
        rule: &'static Rule,
        params: impl IntoIterator<Item = Param>,
    ) {
        ctx.record(rule, params, Some(self.key_offset().unwrap_or_else(|| self.offset())));
    }
}

/// Fields of the first published schemas (v1) that v2 renamed, with the field that took
/// their place: the hint for a document not yet rewritten by `kommun-intl upgrade` (where the
/// object has the new field).
const RENAMED: &[(&str, &str)] = &[
    ("former_names", "names"),
    ("funder_type", "funders"),
    ("grant", "budget"),
    ("id", "service_request_id"),
    ("submitted_at", "requested_datetime"),
    ("address_string", "address"),
    ("media_urls", "media_url"),
];

/// Walks `value` against the compiled schema of its kind, from the root.
pub(crate) fn explain<'a>(compiled: &Compiled, value: impl Json<'a>, keys: Keys, ctx: &mut Ctx) {
    Walker { c: compiled, keys }.walk(compiled.root(), value, false, ctx);
}

/// Walks `value` against one node of a compiled schema (a value that stands for a part of a
/// record, such as an alternative to one of its facts).
pub(crate) fn explain_at(
    compiled: &Compiled,
    node: NodeId,
    value: &Value,
    keys: Keys,
    ctx: &mut Ctx,
) {
    Walker { c: compiled, keys }.walk(node, value, false, ctx);
}

struct Walker<'c> {
    c: &'c Compiled,
    keys: Keys,
}

impl Walker<'_> {
    fn unknown_code<'a>(codes: &Codes, s: &str, v: impl Json<'a>, personal: bool, ctx: &mut Ctx) {
        let shown = first_chars(s, 60);
        let shown = if personal { personal::mask(shown) } else { shown.to_owned() };
        let params = std::iter::once(("value", shown)).chain(codes.hints(s));
        v.report(ctx, &rules::UNKNOWN_CODE, params);
    }

    fn walk<'a>(&self, id: NodeId, v: impl Json<'a>, personal: bool, ctx: &mut Ctx) {
        let node = self.c.node(id);
        let personal = personal || node.personal;
        if node.never {
            v.report(ctx, &rules::INVALID_VALUE, []);
            return;
        }
        if let Some(check) = node.check
            && v.check(check, ctx)
        {
            return;
        }
        if let Some(target) = node.reference {
            self.walk(target, v, personal, ctx);
            return;
        }
        if let Some(codes) = &node.codes {
            let shape = v.shape();
            if shape == Shape::Null && self.c.allows_null(id) {
                return;
            }
            match v.as_str() {
                Some(s) if codes.contains(s) => {}
                Some(s) => Self::unknown_code(codes, s, v, personal, ctx),
                None => v.report(
                    ctx,
                    &rules::WRONG_TYPE,
                    [("expected", "string".into()), ("found", shape.name().into())],
                ),
            }
            return;
        }
        if !node.branches.is_empty() {
            self.union(&node.branches, v, personal, ctx);
            return;
        }
        for &s in &node.all_of {
            self.walk(s, v, personal, ctx);
        }
        let shape = v.shape();
        if !node.types.matches_shape(shape) {
            v.report(
                ctx,
                &rules::WRONG_TYPE,
                [("expected", node.types.describe()), ("found", shape.name().into())],
            );
            return;
        }
        match shape {
            Shape::Object => self.object(id, v, personal, ctx),
            Shape::Array => {
                if let Some(item) = node.items {
                    for (i, value) in v.items().enumerate() {
                        ctx.index(i, |ctx| self.walk(item, value, personal, ctx));
                    }
                }
            }
            _ => {}
        }
    }

    fn union<'a>(&self, branches: &[NodeId], v: impl Json<'a>, personal: bool, ctx: &mut Ctx) {
        // Each branch is tried in place; the first that reports nothing wins at once (the usual
        // case), else the one that reports fewest, the first of them.
        let mark = ctx.mark();
        let mut best: Option<Trial> = None;
        let null = v.shape() == Shape::Null;
        let mut applying = branches
            .iter()
            .copied()
            .filter(|&b| null || !self.c.node(self.c.target(b).0).types.is_null_only())
            .peekable();
        while let Some(b) = applying.next() {
            if best.is_none() && applying.peek().is_none() {
                // The only branch for the value: its issues are the union's, as they come.
                self.walk(b, v, personal, ctx);
                return;
            }
            self.walk(b, v, personal, ctx);
            if ctx.count_since(&mark) == 0 {
                return;
            }
            let trial = ctx.take_since(&mark);
            if best.as_ref().is_none_or(|b| trial.count < b.count) {
                best = Some(trial);
            }
        }
        match best {
            Some(trial) => ctx.put_back(trial),
            None => v.report(
                ctx,
                &rules::WRONG_TYPE,
                [("expected", "a value".into()), ("found", v.shape().name().into())],
            ),
        }
    }

    fn object<'a, J: Json<'a>>(&self, id: NodeId, v: J, personal: bool, ctx: &mut Ctx) {
        let node = self.c.node(id);
        let properties = &node.properties;
        // Lengths and first bytes first: most names differ there.
        let property = |key: &str| {
            let first = key.as_bytes().first();
            properties.iter().position(|(k, _)| {
                k.len() == key.len() && k.as_bytes().first() == first && **k == *key
            })
        };
        // Which properties the object has, by their index in `properties`; and which property
        // each of its first members is, so as to look only once.
        let mut present = Present::new(properties.len());
        // (0: no property; `i + 1`: property `i`; `LOOK_AGAIN`: not remembered.)
        let mut which = [LOOK_AGAIN; REMEMBERED];
        for (n, (key, _)) in v.members().enumerate() {
            let found = property(key);
            if let Some(i) = found {
                present.set(i);
            }
            if let Some(w) = which.get_mut(n) {
                *w = found.map_or(Some(0), |i| u16::try_from(i + 1).ok()).unwrap_or(LOOK_AGAIN);
            }
        }
        for (n, field) in node.required.iter().enumerate() {
            let has = match node.required_at.get(n).copied().flatten() {
                Some(i) => present.get(i),
                None => v.members().any(|(k, _)| k == &**field),
            };
            if !has {
                v.report(ctx, &rules::MISSING_FIELD, [("field", field.to_string())]);
            }
        }
        for (n, (key, value)) in v.members().enumerate() {
            let found = match which.get(n) {
                Some(0) => None,
                Some(&i) if i != LOOK_AGAIN => Some(usize::from(i) - 1),
                _ => property(key),
            };
            match found {
                Some(i) => {
                    let prop = properties[i].1;
                    ctx.field(key, |ctx| self.walk(prop, value, personal, ctx));
                }
                None if node.closed => {
                    // Among the properties the object lacks.
                    let suggestion = node
                        .property_names()
                        .nearest_where(key, |i| !present.get(i))
                        .map(|(_, name)| &**name)
                        .or_else(|| {
                            RENAMED
                                .iter()
                                .find(|(old, new)| {
                                    *old == key && properties.iter().any(|(k, _)| **k == **new)
                                })
                                .map(|(_, new)| *new)
                        });
                    let near = || suggestion.is_some() || self.c.is_near_field_name(key);
                    let shown = self.keys.shows(self.c, key, personal, near);
                    let report = |ctx: &mut Ctx| {
                        let field = first_chars(key, 60);
                        let field = if shown { field.to_owned() } else { personal::mask(field) };
                        let params = std::iter::once(("field", field))
                            .chain(suggestion.map(|hint| ("suggestion", hint.to_owned())));
                        value.report_key(ctx, &rules::UNKNOWN_FIELD, params);
                    };
                    if shown {
                        ctx.field(key, report);
                    } else {
                        ctx.masked_field(key, report);
                    }
                }
                None => {}
            }
        }
    }
}

/// The first `n` characters of `s` (all of it if it is shorter).
fn first_chars(s: &str, n: usize) -> &str {
    // No more characters than bytes.
    if s.len() <= n {
        return s;
    }
    match s.char_indices().nth(n) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// How many members of an object the walk remembers the property of.
const REMEMBERED: usize = 32;
const LOOK_AGAIN: u16 = u16::MAX;

/// A set of property indices: a word for the usual object, a vector past 64 properties.
struct Present {
    word: u64,
    more: Vec<bool>,
}

impl Present {
    fn new(len: usize) -> Present {
        Present { word: 0, more: if len > 64 { vec![false; len] } else { Vec::new() } }
    }

    fn set(&mut self, i: usize) {
        if self.more.is_empty() {
            self.word |= 1 << i;
        } else {
            self.more[i] = true;
        }
    }

    fn get(&self, i: usize) -> bool {
        if self.more.is_empty() { self.word & (1 << i) != 0 } else { self.more[i] }
    }
}
