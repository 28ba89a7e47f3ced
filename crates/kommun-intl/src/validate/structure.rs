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

/// The nearest candidate to `input`: the same apart from case, else within a small edit
/// distance (the optimal string alignment distance of their lower-case forms: a swap of two
/// neighbours counts as one edit, like Damerau-Levenshtein, without its hash map of the
/// alphabet); the first of the nearest.
pub(crate) fn nearest<'a>(
    input: &str,
    candidates: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    // The same apart from case wins wherever it is: look for it first (in the same pass over
    // ASCII candidates, below, which returns at the first).
    if !input.is_ascii()
        && let Some(c) = candidates.clone().find(|c| c.eq_ignore_ascii_case(input))
    {
        return Some(c);
    }
    let limit = (input.chars().count() / 3).max(1);
    let lower = if input.is_ascii() { None } else { Some(input.to_lowercase()) };
    let length = lower.as_ref().map_or(input.len(), |l| l.chars().count());
    // Built on first need: most candidates differ too much in length to be compared.
    let mut pattern = osa::Pattern::empty();
    let mut fits: Option<bool> = None;
    let letters = lower.is_none().then(|| osa::letters(input));
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = if let Some(letters) = letters
            && c.is_ascii()
        {
            // ASCII: the lower-case forms have the lengths of the strings.
            if c.len().abs_diff(length) > limit {
                continue;
            }
            // (Only an ASCII candidate can be an ASCII input apart from case.)
            if c.len() == input.len() && c.eq_ignore_ascii_case(input) {
                return Some(c);
            }
            // A bound below the distance, from the letters one has and the other lacks: skip a
            // candidate that cannot be near enough, or nearer than the best so far.
            let bound = osa::fewest_edits(letters, osa::letters(c));
            if bound > limit || best.is_some_and(|(b, _)| bound >= b) {
                continue;
            }
            if *fits.get_or_insert_with(|| pattern.set(input)) {
                pattern.distance(c)
            } else {
                strsim::osa_distance(&input.to_ascii_lowercase(), &c.to_ascii_lowercase())
            }
        } else {
            // The distance is at least the difference in length: skip a candidate that cannot
            // be near before any work on it (a megabyte-long key against a field name, most of
            // a list of 500 labels). Lower case has at least as many characters as the text and
            // at most twice as many (`İ` is `i` and a combining dot), so the bound holds before
            // the candidate is lowered.
            let count = c.chars().count();
            if count > length + limit || 2 * count + limit < length {
                continue;
            }
            let c_lower = c.to_lowercase();
            if c_lower.chars().count().abs_diff(length) > limit {
                continue;
            }
            let input_lower = lower.clone().unwrap_or_else(|| input.to_ascii_lowercase());
            strsim::osa_distance(&input_lower, &c_lower)
        };
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Candidates for [`is_near`]: by length, each with its letters (see `osa::letters`).
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    by_length: Vec<(Box<str>, u64)>,
    ascii: bool,
}

impl Candidates {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> Candidates {
        let mut by_length: Vec<(Box<str>, u64)> =
            names.map(|n| (n.into(), osa::letters(n))).collect();
        by_length.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        let ascii = by_length.iter().all(|(n, _)| n.is_ascii());
        Candidates { by_length, ascii }
    }
}

/// True when [`nearest`] finds a candidate for `input`: the same apart from case, or within
/// its edit distance. For ASCII only the candidates of a length near enough are compared.
pub(crate) fn is_near(input: &str, candidates: &Candidates) -> bool {
    let names = || candidates.by_length.iter().map(|(n, _)| &**n);
    if !candidates.ascii || !input.is_ascii() || input.len() > 64 {
        return nearest(input, names()).is_some();
    }
    let limit = (input.len() / 3).max(1);
    let all = &candidates.by_length;
    let from = all.partition_point(|(n, _)| n.len() + limit < input.len());
    let to = all.partition_point(|(n, _)| n.len() <= input.len() + limit);
    let letters = osa::letters(input);
    let mut pattern = osa::Pattern::empty();
    let mut ready = false;
    all[from..to].iter().any(|(c, c_letters)| {
        if c.eq_ignore_ascii_case(input) {
            return true;
        }
        if osa::fewest_edits(letters, *c_letters) > limit {
            return false;
        }
        if !ready {
            ready = pattern.set(input);
        }
        pattern.distance(c) <= limit
    })
}

/// The optimal string alignment distance of ASCII strings, compared without case, by Hyyrö's
/// bit-parallel algorithm ("A bit-vector algorithm for computing Levenshtein and Damerau edit
/// distances", 2003): no allocation, a few word operations per character. Gives exactly what
/// `strsim::osa_distance` gives on the lower-case strings (a test compares them).
mod osa {
    /// The bit masks of a pattern of at most 64 ASCII characters: bit `i` of `masks[c]` is set
    /// when the pattern's `i`-th character, in lower case, is `c`.
    pub(super) struct Pattern {
        masks: [u64; 128],
        len: usize,
    }

    /// The set of the lower-case letters of an ASCII string, each as a bit (modulo 64).
    pub(super) fn letters(s: &str) -> u64 {
        s.bytes().fold(0, |set, b| set | 1 << (b.to_ascii_lowercase() & 63))
    }

    /// At most the distance of two strings with these letter sets: every edit removes at most
    /// one character of either side (a swap none), so the distance is at least the number of
    /// letters one has and the other lacks (and letters that share a bit count once).
    pub(super) fn fewest_edits(a: u64, b: u64) -> usize {
        (a & !b).count_ones().max((b & !a).count_ones()) as usize
    }

    impl Pattern {
        /// `None` for a pattern longer than a word.
        #[cfg(test)]
        pub(super) fn new(pattern: &str) -> Option<Pattern> {
            let mut p = Pattern::empty();
            p.set(pattern).then_some(p)
        }

        /// The empty pattern, to [`Pattern::set`] in place.
        pub(super) fn empty() -> Pattern {
            Pattern { masks: [0; 128], len: 0 }
        }

        /// Makes this empty pattern `pattern`; false, and nothing set, when it is longer than
        /// a word or not ASCII.
        pub(super) fn set(&mut self, pattern: &str) -> bool {
            if pattern.len() > 64 || !pattern.is_ascii() {
                return false;
            }
            for (i, b) in pattern.bytes().enumerate() {
                self.masks[usize::from(b.to_ascii_lowercase())] |= 1 << i;
            }
            self.len = pattern.len();
            true
        }

        /// The distance from the pattern to the ASCII string `text`.
        pub(super) fn distance(&self, text: &str) -> usize {
            if self.len == 0 {
                return text.len();
            }
            let last = 1u64 << (self.len - 1);
            let (mut vp, mut vn, mut d0, mut pm_old) = (!0u64, 0u64, 0u64, 0u64);
            let mut distance = self.len;
            for b in text.bytes() {
                let pm = self.masks[usize::from(b.to_ascii_lowercase() & 0x7F)];
                let transposed = ((!d0 & pm) << 1) & pm_old;
                d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | transposed;
                let hp = vn | !(d0 | vp);
                let hn = d0 & vp;
                if hp & last != 0 {
                    distance += 1;
                }
                if hn & last != 0 {
                    distance -= 1;
                }
                let hp = (hp << 1) | 1;
                let hn = hn << 1;
                vp = hn | !(d0 | hp);
                vn = hp & d0;
                pm_old = pm;
            }
            distance
        }
    }
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
                    let missing = properties
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| !present.get(i))
                        .map(|(_, (k, _))| &**k);
                    let suggestion = nearest(key, missing).or_else(|| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bit-parallel distance is `strsim`'s, on strings of a small alphabet (so that
    /// swaps and repeats are common) and in both cases.
    #[test]
    fn the_bit_parallel_distance_is_strsims() {
        let cases: [(&str, &str); 8] = [
            ("", ""),
            ("", "abc"),
            ("ab", "ba"),
            ("agrement_type", "agreement_type"),
            ("ca", "abc"),
            ("abcdef", "badcfe"),
            ("aaaa", "aaaaaaaa"),
            ("Kategori", "category"),
        ];
        for (a, b) in cases {
            let p = osa::Pattern::new(a).unwrap();
            assert_eq!(
                p.distance(b),
                strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase()),
                "{a} {b}"
            );
        }
        proptest!(ProptestConfig::with_cases(4000), |(a in "[abcAB_]{0,64}", b in "[abcAB_]{0,70}")| {
            let p = osa::Pattern::new(&a).unwrap();
            prop_assert_eq!(p.distance(&b), strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase()));
        });
    }

    /// The old `nearest`, as it was before the bit-parallel distance.
    fn nearest_by_strsim<'a>(input: &str, candidates: &[&'a str]) -> Option<&'a str> {
        if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(input)) {
            return Some(c);
        }
        let limit = (input.chars().count() / 3).max(1);
        let input = input.to_lowercase();
        let length = input.chars().count();
        candidates
            .iter()
            .filter_map(|c| {
                let c_lower = c.to_lowercase();
                if c_lower.chars().count().abs_diff(length) > limit {
                    return None;
                }
                Some((strsim::osa_distance(&input, &c_lower), *c))
            })
            .filter(|&(d, _)| d <= limit)
            .min_by_key(|&(d, _)| d)
            .map(|(_, c)| c)
    }

    #[test]
    fn a_near_field_name_is_found_as_nearest_finds_one() {
        for kind in crate::DocumentKind::ALL {
            let compiled = Compiled::of(kind);
            let names: Vec<&str> = compiled.field_names().collect();
            for name in &names {
                for input in [
                    name.to_string(),
                    name.to_uppercase(),
                    format!("{name}x"),
                    name[1..].to_owned(),
                    format!("x{name}y"),
                    name.chars().rev().collect(),
                ] {
                    assert_eq!(
                        compiled.is_near_field_name(&input),
                        nearest(&input, names.iter().copied()).is_some(),
                        "{input}"
                    );
                }
            }
        }
        let compiled = Compiled::of(crate::DocumentKind::Dataset);
        let names: Vec<&str> = compiled.field_names().collect();
        proptest!(ProptestConfig::with_cases(3000), |(input in "[a-z_A-Zå]{0,20}")| {
            prop_assert_eq!(compiled.is_near_field_name(&input), nearest(&input, names.iter().copied()).is_some());
        });
    }

    #[test]
    fn nearest_gives_what_it_gave() {
        let fields = Compiled::of(crate::DocumentKind::Dataset);
        let names: Vec<&str> = fields.field_names().collect();
        let countries: Vec<&str> = ["SE", "GR", "GB", "HU", "LT", "ÅL", "Ärla", "ärm"].to_vec();
        for input in [
            "agrement_type",
            "nmae",
            "Name",
            "contakt",
            "EL",
            "se",
            "x",
            "",
            "ÄRLA",
            "årla",
            "partnr",
            "sourcse",
            "start_dat",
            "İd",
            "kecskemet_stad_kecskemet_stad_kecskemet_stad_kecskemet_stad_x",
        ] {
            assert_eq!(
                nearest(input, names.iter().copied()),
                nearest_by_strsim(input, &names),
                "{input}"
            );
            assert_eq!(
                nearest(input, countries.iter().copied()),
                nearest_by_strsim(input, &countries),
                "{input}"
            );
        }
        proptest!(ProptestConfig::with_cases(2000), |(input in "[a-eA-E_åÅ]{0,12}", cands in prop::collection::vec("[a-eA-E_åÅ]{0,12}", 0..12))| {
            let refs: Vec<&str> = cands.iter().map(String::as_str).collect();
            prop_assert_eq!(nearest(&input, refs.iter().copied()), nearest_by_strsim(&input, &refs));
        });
    }
}
