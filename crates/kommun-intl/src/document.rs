//! Document kinds and the entry points that parse and validate JSON.

use std::any::Any;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::{DeserializeOwned, Deserializer};
use serde_json::Value;

use crate::error::Error;
use crate::model::{
    Dataset, FaultReport, Feedback, Municipality, Observation, Partnership, Profile, Project,
    Proposal,
};
use crate::schema::Compiled;
use crate::validate::structure::Keys;
use crate::validate::{
    Ctx, Options, Report, Validate, limits, locate, quiet, rules, structure, tree,
};

/// Something to do with the Rust type of a document kind: [`DocumentKind::visit`] calls
/// [`KindVisitor::visit`] with the kind's type, so that code generic over [`Document`] runs for
/// a kind known only at run time without a `match` of its own.
pub trait KindVisitor {
    /// What the visit returns.
    type Output;
    /// Called with the kind's type.
    fn visit<T: Document>(self) -> Self::Output;
}

/// The one registry of document kinds: each kind's variant, Rust type and name. Everything
/// that maps a kind to its type, schema or name goes through what this generates.
macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident => $t:ty, $name:literal;)*) => {
        /// The kinds of document, one JSON Schema each.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum DocumentKind {
            $($(#[$doc])* $variant,)*
        }

        $(impl Document for $t { const KIND: DocumentKind = DocumentKind::$variant; })*

        impl DocumentKind {
            /// Every kind.
            pub const ALL: [DocumentKind; [$(stringify!($variant)),*].len()] =
                [$(DocumentKind::$variant),*];

            /// The kind's name (`dataset`, `fault-report`), as in schema file names and the CLI.
            #[must_use]
            pub fn name(self) -> &'static str {
                match self {
                    $(DocumentKind::$variant => $name,)*
                }
            }

            /// Runs `visitor` with this kind's Rust type.
            pub fn visit<V: KindVisitor>(self, visitor: V) -> V::Output {
                match self {
                    $(DocumentKind::$variant => visitor.visit::<$t>(),)*
                }
            }

            /// The kind's position in [`DocumentKind::ALL`], for tables indexed by kind.
            #[must_use]
            pub fn index(self) -> usize {
                self as usize
            }
        }
    };
}

kinds! {
    /// A municipality's register: [`Dataset`].
    Dataset => Dataset, "dataset";
    /// One [`Municipality`].
    Municipality => Municipality, "municipality";
    /// One [`Partnership`].
    Partnership => Partnership, "partnership";
    /// One [`Project`].
    Project => Project, "project";
    /// One statistics [`Observation`].
    Observation => Observation, "observation";
    /// One citizen [`Feedback`].
    Feedback => Feedback, "feedback";
    /// One [`FaultReport`].
    FaultReport => FaultReport, "fault-report";
    /// One citizen [`Proposal`] (*medborgarförslag*, *e-förslag*).
    Proposal => Proposal, "proposal";
    /// A municipality's own code lists: [`Profile`].
    Profile => Profile, "profile";
}

impl DocumentKind {
    /// The names of all kinds, comma-separated.
    #[must_use]
    pub fn names() -> String {
        DocumentKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    }

    /// The kind a `$schema` value names: its last path segment is `<kind>.schema.json`
    /// (`../schemas/dataset.schema.json` or the schema's `$id`).
    #[must_use]
    pub fn from_schema_uri(uri: &str) -> Option<DocumentKind> {
        let last = uri.rsplit(['/', '\\']).next()?;
        let last = last.split(['#', '?']).next()?;
        let name = last.strip_suffix(".schema.json").or_else(|| last.strip_suffix(".json"))?;
        DocumentKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Tells the kind from the document's `$schema` member.
    pub fn detect(json: &[u8]) -> Result<DocumentKind, Error> {
        #[derive(serde::Deserialize)]
        struct Probe {
            #[serde(rename = "$schema")]
            schema: Option<Value>,
        }
        let kinds = DocumentKind::names();
        let probe: Probe = serde_json::from_slice(json).map_err(|_| Error::KindNotDetected {
            reason: "it is not a JSON object",
            kinds: kinds.clone(),
        })?;
        let Some(Value::String(uri)) = probe.schema else {
            return Err(Error::KindNotDetected { reason: "it has no `$schema`", kinds });
        };
        DocumentKind::from_schema_uri(&uri)
            .ok_or(Error::KindNotDetected { reason: "its `$schema` names no known schema", kinds })
    }

    /// Parses and validates a JSON document of this kind.
    #[must_use]
    pub fn validate_json(self, json: &[u8], options: &Options) -> Report {
        struct Check<'a>(&'a [u8], &'a Options);
        impl KindVisitor for Check<'_> {
            type Output = Report;
            fn visit<T: Document>(self) -> Report {
                report_json::<T>(self.0, self.1, true)
            }
        }
        self.visit(Check(json, options))
    }

    /// Reads a document of this kind into its model through any serde deserializer (the
    /// Python binding's, over a dict), without validating it: `None` when the input does not
    /// fit the model. The fast path for input that is not JSON text; the caller explains what
    /// does not fit another way (with [`validate_value`]).
    ///
    /// Only the model is checked here, not [`Options::limits`](crate::Limits): a deserializer
    /// over untrusted input must hold it to the limits itself (fail as soon as nesting, a
    /// string or an array would break one), so that `parsed.validate(options)` gives the
    /// report [`validate_value`] gives for the same value.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(self, d: D) -> Option<ParsedDocument> {
        struct Read<D>(D);
        impl<'de, D: Deserializer<'de>> KindVisitor for Read<D> {
            type Output = Option<ParsedDocument>;
            fn visit<T: Document>(self) -> Option<ParsedDocument> {
                let document = T::deserialize(self.0).ok()?;
                Some(ParsedDocument { kind: T::KIND, document: Box::new(document) })
            }
        }
        self.visit(Read(d))
    }
}

/// A document of a kind known only at run time, read into its model
/// ([`DocumentKind::from_deserializer`]) and not yet validated. `Send` and `Sync`, so that
/// reading (which may need a lock, such as Python's) and validating can happen apart.
pub struct ParsedDocument {
    kind: DocumentKind,
    document: Box<dyn Parsed>,
}

/// What a [`ParsedDocument`] can do with the model it holds.
trait Parsed: Send + Sync {
    fn validate_with(&self, options: &Options) -> Report;
    fn into_any(self: Box<Self>) -> Box<dyn Any>;
}

impl<T: Document> Parsed for T {
    fn validate_with(&self, options: &Options) -> Report {
        Validate::validate_with(self, options)
    }
    fn into_any(self: Box<Self>) -> Box<dyn Any> {
        self
    }
}

impl ParsedDocument {
    /// Its kind.
    #[must_use]
    pub fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Runs every rule: the report [`validate_value`] gives for a value that fits the model
    /// and the limits (no positions).
    #[must_use]
    pub fn validate(&self, options: &Options) -> Report {
        self.document.validate_with(options)
    }

    /// The model, when it is a `T` (`T::KIND` is its kind).
    #[must_use]
    pub fn into_document<T: Document>(self) -> Option<T> {
        self.document.into_any().downcast::<T>().ok().map(|b| *b)
    }
}

/// Shows the kind only: the document may hold personal data.
impl fmt::Debug for ParsedDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParsedDocument").field("kind", &self.kind).finish_non_exhaustive()
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for DocumentKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        DocumentKind::ALL
            .into_iter()
            .find(|k| k.name() == wanted)
            .ok_or_else(|| Error::UnknownKind { name: s.to_owned(), kinds: DocumentKind::names() })
    }
}

/// A type that can stand alone as a document.
pub trait Document:
    DeserializeOwned
    + Serialize
    + Validate
    + schemars::JsonSchema
    + std::fmt::Debug
    + Send
    + Sync
    + 'static
{
    /// Its kind.
    const KIND: DocumentKind;
}

/// Parses JSON into `T` and validates it in one call: the value (when the JSON fits the model,
/// even with rule errors) and the report of every issue, with line and column.
///
/// Valid input takes the fast path: one typed parse, then the rules. Only input that does not
/// fit the model is parsed a second time to explain every structural problem.
#[must_use]
pub fn check_json<T: Document>(json: &[u8], options: &Options) -> (Option<T>, Report) {
    let mut ctx = Ctx::new(options);
    let value = parse_and_check::<T, _>(json, &mut ctx, true, |value| value);
    (value, ctx.finish_in(Some(json)))
}

/// [`DocumentKind::validate_json`] with every invalid text explained the way a text the
/// spanned tree does not take is: scanned, parsed as a `serde_json::Value`, walked, its issues
/// found by their pointers. The two ways must give the same report; the tests and the fuzz
/// targets compare them. Not for other use.
#[doc(hidden)]
#[must_use]
pub fn validate_json_by_value(kind: DocumentKind, json: &[u8], options: &Options) -> Report {
    struct Check<'a>(&'a [u8], &'a Options);
    impl KindVisitor for Check<'_> {
        type Output = Report;
        fn visit<T: Document>(self) -> Report {
            report_json::<T>(self.0, self.1, false)
        }
    }
    kind.visit(Check(json, options))
}

/// The report of a text as a `T`, the document dropped where it was parsed (see
/// [`parse_and_check`]).
fn report_json<T: Document>(json: &[u8], options: &Options, by_tree: bool) -> Report {
    let mut ctx = Ctx::new(options);
    parse_and_check::<T, _>(json, &mut ctx, by_tree, drop);
    ctx.finish_in(Some(json))
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `by_tree`: explain a text that does not fit through the spanned tree where it can. `keep`:
/// what to make of a document that fits, once checked; `drop` where only the report is wanted,
/// so that the document is dropped where it was parsed (a record the size of a partnership
/// costs a few hundred instructions each time it is moved: three moves were 1.3 % of a valid
/// partnership's check).
fn parse_and_check<T: Document, R>(
    json: &[u8],
    ctx: &mut Ctx,
    by_tree: bool,
    keep: impl FnOnce(T) -> R,
) -> Option<R> {
    let max = ctx.limits().max_document_size;
    if json.len() > max {
        ctx.push_at(&rules::LIMIT_DOCUMENT_SIZE, &[("max", max.to_string())], 0);
        return None;
    }
    let (body, skipped) = match json.strip_prefix(BOM) {
        Some(rest) => {
            ctx.push_at(&rules::JSON_BYTE_ORDER_MARK, &[], 0);
            (rest, BOM.len())
        }
        None => (json, 0),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        ctx.push_at(&rules::JSON_EMPTY, &[], 0);
        return None;
    }
    // UTF-8 once, for the typed parse and the explaining path's tree (see `quiet::from_str`).
    let text = simdutf8::basic::from_utf8(body).ok();
    if let Some(text) = text
        && let Some((value, within)) = quiet::from_str::<T>(text, ctx.limits())
    {
        // The typed parse holds the text to the model, and to the limits where its tally is
        // sure; a text near a limit (a `$schema` string of megabytes, a recursive `part_of`
        // chain) is scanned, and one over it takes the explaining path, which reports the
        // limit, as it would for any text.
        if within || !limits::exceeds(body, ctx.limits()) {
            value.validate_into(ctx);
            return Some(keep(value));
        }
    }
    explain(T::KIND, body, text, skipped, ctx, by_tree);
    None
}

/// Parses and validates JSON into `T`, failing with [`Error::Invalid`] if there is any error
/// (warnings are allowed).
pub fn from_json<T: Document>(json: impl AsRef<[u8]>) -> Result<T, Error> {
    match check_json::<T>(json.as_ref(), &Options::default()) {
        (Some(value), report) if report.is_valid() => Ok(value),
        (_, report) => Err(Error::Invalid(report)),
    }
}

/// Validates an already-parsed JSON value as a document of `kind` (no line numbers).
#[must_use]
pub fn validate_value(kind: DocumentKind, value: &Value, options: &Options) -> Report {
    struct Typed<'a, 'o>(&'a Value, &'a mut Ctx<'o>);
    impl KindVisitor for Typed<'_, '_> {
        type Output = bool;
        fn visit<T: Document>(self) -> bool {
            structure::typed::<T>(structure::Input::Value(self.0), self.1)
        }
    }
    let mut ctx = Ctx::new(options);
    let limits = *ctx.limits();
    if !limits::check_value(value, &limits, &mut ctx) {
        return ctx.finish();
    }
    if !kind.visit(Typed(value, &mut ctx)) {
        let compiled = Compiled::of(kind);
        let keys = Keys::for_document(compiled, !ctx.kind_from_document(), Some(value));
        structure::explain(compiled, value, keys, &mut ctx);
        if ctx.issue_count() == 0 {
            ctx.report(&rules::INVALID_VALUE, &[]);
        }
    }
    ctx.finish()
}

/// The report of a document larger than the size limit of `options`, for callers that measure
/// a document before they hand it over (the Python binding counts the JSON size of a dict
/// while it converts it, and stops at the limit).
#[must_use]
pub fn oversized(options: &Options) -> Report {
    let mut ctx = Ctx::new(options);
    let max = ctx.limits().max_document_size;
    ctx.report(&rules::LIMIT_DOCUMENT_SIZE, &[("max", max.to_string())]);
    ctx.finish()
}

/// The slow path: says why a text does not fit the model. `json` is the document's text after
/// a byte order mark of `skipped` bytes, `text` the same when it is UTF-8; issue offsets are
/// in the whole text.
///
/// A text that the spanned tree takes (well-formed, within the limits, no repeated key: see
/// [`tree`]) is read once and walked there, each issue placed as it is reported. Any other
/// text is scanned for limits, encoding problems and repeated keys, then parsed as a
/// `serde_json::Value` and walked, and its issues are found in the text by their pointers.
fn explain(
    kind: DocumentKind,
    json: &[u8],
    text: Option<&str>,
    skipped: usize,
    ctx: &mut Ctx,
    by_tree: bool,
) {
    let before = ctx.issue_count();
    let compiled = Compiled::of(kind);
    let trusted = !ctx.kind_from_document();
    if by_tree
        && let Some(text) = text
        && let Some(tree) = tree::parse(text, ctx.limits())
    {
        let keys = Keys::for_document(compiled, trusted, Some(tree.root()));
        ctx.shifted(skipped, |ctx| {
            structure::explain(compiled, tree.root(), keys, ctx);
            if ctx.issue_count() == before {
                ctx.push_at(&rules::INVALID_VALUE, &[], tree.root().offset());
            }
        });
        return;
    }
    let limits = *ctx.limits();
    // Before the parse nothing shows that the document is of its kind.
    let unparsed = Keys::for_document::<&Value>(compiled, trusted, None);
    let scanned = ctx.shifted(skipped, |ctx| limits::scan(json, &limits, compiled, unparsed, ctx));
    if !scanned {
        return;
    }
    match serde_json::from_slice::<Value>(json) {
        Ok(value) => {
            let keys = Keys::for_document(compiled, trusted, Some(&value));
            structure::explain(compiled, &value, keys, ctx);
        }
        Err(e) => {
            let text = e.to_string();
            let detail = text.split(" at line ").next().unwrap_or(&text).to_owned();
            let (rule, params): (&'static rules::Rule, Vec<(&'static str, String)>) = if e.is_eof()
            {
                (&rules::JSON_TRUNCATED, vec![])
            } else if detail.contains("recursion limit") {
                (&rules::LIMIT_DEPTH, vec![("max", "128".to_owned())])
            } else if detail.contains("number out of range") {
                (&rules::JSON_NUMBER_OUT_OF_RANGE, vec![])
            } else {
                (&rules::JSON_SYNTAX, vec![("detail", detail)])
            };
            let at = locate::serde_offset(json, e.line(), e.column());
            ctx.push_at(rule, &params, skipped + at);
        }
    }
    if ctx.issue_count() == before {
        ctx.report(&rules::INVALID_VALUE, &[]);
    }
}
