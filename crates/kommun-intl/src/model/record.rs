//! What any record of a register can say about itself, beside its facts: the source's own words
//! for a value, the values other sources give, the decisions behind it, its phases, and counts
//! a source states.
//!
//! Real registers are not tidy. A page says "vänort eller partnerskap" where a code would say
//! more; two pages give two start years; a council decides to pause an agreement. These types
//! keep all of that as data, tied to the value it is about by a JSON Pointer into the record,
//! instead of flattening it into notes.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::common::{PartialDate, Source, Text, Url, regex, string_type};
use crate::document::DocumentKind;
use crate::schema::Compiled;
use crate::schema::compiled::NodeId;
use crate::validate::structure::Keys;
use crate::validate::{Ctx, Validate, rules, structure};

const LANGUAGE_PATTERN: &str = "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$";
static LANGUAGE_RE: LazyLock<Regex> = LazyLock::new(|| regex(LANGUAGE_PATTERN));

string_type! {
    /// A language, as a BCP 47 tag: `sv`, `fi`, `se` (Northern Sami), `de-AT`.
    LanguageTag
}

impl JsonSchema for LanguageTag {
    fn schema_name() -> Cow<'static, str> {
        "LanguageTag".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A language as a BCP 47 tag: `sv`, `fi`, `se`, `de-AT`.",
            "type": "string",
            "pattern": LANGUAGE_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::LANGUAGE_FORMAT]),
        })
    }
}

impl Validate for LanguageTag {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !LANGUAGE_RE.is_match(self.as_str()) {
            ctx.report(&rules::LANGUAGE_FORMAT, &[]);
        }
    }
}

const POINTER_PATTERN: &str = "^(?:/[^/]*)*$";

string_type! {
    /// A JSON Pointer (RFC 6901) to a value of the record it stands in, from the record:
    /// `/start`, `/partner/name`, `/areas/0`; `""` is the record itself. It may name a value the
    /// record leaves out (the source's word for an agreement whose type is not known).
    RecordPointer
}

impl JsonSchema for RecordPointer {
    fn schema_name() -> Cow<'static, str> {
        "RecordPointer".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A JSON Pointer (RFC 6901) to a value of this record, from the record: `/start`, `/partner/name`, `/areas/0`.",
            "type": "string",
            "pattern": POINTER_PATTERN,
            "patternErrorMessage": "A JSON Pointer is empty or a `/` before each key: `/start`, `/partner/name`.",
        })
    }
}

/// The source's own words for a value of the record (`vänort` for an agreement, `sedan
/// 1970-talet` for a start, `Tyskland` for a country): kept beside the code or date that
/// stands for them, so that nothing the source says is forced into a word that says more.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["record.unknown_pointer"]))]
pub struct AsWritten {
    /// The value the words are about, as a pointer into this record (`/agreement_type`).
    pub at: RecordPointer,
    /// The words, as the source writes them.
    pub text: Text,
    /// Their language, when it is not Swedish.
    pub lang: Option<LanguageTag>,
}

/// A value that another source gives for a fact of the record, where the sources disagree: the
/// record holds the value chosen, and each alternative keeps the other value with where it
/// comes from (the claim-with-reference pattern of Wikidata).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["record.unknown_pointer", "record.alternative_invalid"]))]
pub struct Alternative {
    /// The fact, as a pointer into this record (`/start`, `/budget/total`).
    pub at: RecordPointer,
    /// The other value, of the type the fact has (`"1996"`, `{"amount": "255000", "currency":
    /// "SEK"}`); leave out when the other source says only that the value is different or
    /// unknown.
    #[schemars(with = "serde_json::Value")]
    pub value: Option<Value>,
    /// Where the other value comes from.
    pub source: Option<Source>,
    /// What the other source says, in short.
    pub note: Option<Text>,
}

crate::codelist! {
    /// What a decision is about.
    pub enum DecisionKind {
        /// To enter into the agreement or start the work.
        Establish = "establish", sv: "Ingå eller starta", en: "Establish";
        /// To renew or extend it.
        Renew = "renew", sv: "Förnya eller förlänga", en: "Renew or extend";
        /// To pause it.
        Pause = "pause", sv: "Pausa", en: "Pause";
        /// To resume it after a pause.
        Resume = "resume", sv: "Återuppta", en: "Resume";
        /// To end it.
        End = "end", sv: "Avsluta", en: "End";
        /// To review it (or every partnership).
        Review = "review", sv: "Se över", en: "Review";
        /// A proposal or motion about it, not yet (or not) a decision.
        Proposal = "proposal", sv: "Förslag eller motion", en: "Proposal or motion";
        /// A rule for the whole register ("no new twinning agreements").
        Policy = "policy", sv: "Riktlinje för hela registret", en: "Policy for the whole register";
        /// A decision on an application for funding.
        Funding = "funding", sv: "Beslut om finansiering", en: "Funding decision";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

crate::codelist! {
    /// How a decision or proposal came out.
    pub enum DecisionOutcome {
        /// Adopted, approved, granted.
        Adopted = "adopted", sv: "Bifallet", en: "Adopted or approved";
        /// Rejected.
        Rejected = "rejected", sv: "Avslaget", en: "Rejected";
        /// A motion answered without a decision (*anses besvarad*).
        Answered = "answered", sv: "Besvarat", en: "Answered";
        /// Not yet decided.
        Pending = "pending", sv: "Ej avgjort", en: "Pending";
        /// Withdrawn.
        Withdrawn = "withdrawn", sv: "Återkallat", en: "Withdrawn";
    }
}

crate::codelist! {
    /// A phase of a partnership or project.
    pub enum PhaseKind {
        /// Preparation: a feasibility study, an inception phase (*förstudie*, *förberedelse*).
        Preparation = "preparation", sv: "Förberedelse eller förstudie", en: "Preparation or inception";
        /// The main work.
        Implementation = "implementation", sv: "Genomförande", en: "Implementation";
        /// Steering and follow-up (ICLD's steering-group grants).
        Governance = "governance", sv: "Styrning och uppföljning", en: "Steering and follow-up";
        /// A continuation, extension or expansion.
        Extension = "extension", sv: "Fortsättning eller utvidgning", en: "Continuation or expansion";
        /// Evaluation.
        Evaluation = "evaluation", sv: "Utvärdering", en: "Evaluation";
        /// One dated event: a visit, a meeting, a signing.
        Event = "event", sv: "Händelse", en: "Event";
        /// Something else (name it).
        Other = "other", sv: "Annat", en: "Other";
    }
}

/// A decision (or a proposal) behind a record or its status: who, when, with what reference.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// What it is about.
    pub kind: Option<DecisionKind>,
    /// For a funding decision: the phase applied for.
    pub phase: Option<PhaseKind>,
    /// How it came out.
    pub outcome: Option<DecisionOutcome>,
    /// The body that decided or was asked (`kommunfullmäktige`, `KSAU`, `ICLD`).
    pub body: Option<Text>,
    /// When.
    pub date: Option<PartialDate>,
    /// Its reference (`KF § 54/23`, `Dnr 2013/0743`).
    pub reference: Option<Text>,
    /// What it decides or proposes, in short, as the source puts it (`inte ingå nya
    /// vänortsavtal`): a register's policy says nothing without it.
    pub summary: Option<Text>,
    /// Why, as the source gives the grounds (`samarbetet har varit obefintligt`); the reason for
    /// an end that has happened is the record's own `end_reason`.
    pub reason: Option<Text>,
    /// Where it is published.
    pub url: Option<Url>,
}

impl Validate for Decision {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("body", &self.body);
        ctx.check("date", &self.date);
        ctx.check("reference", &self.reference);
        ctx.check("summary", &self.summary);
        ctx.check("reason", &self.reason);
        ctx.check("url", &self.url);
    }
}

/// A phase of a partnership or project, or one dated event in it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["period.end_before_start"]))]
pub struct Phase {
    /// What kind of phase.
    pub kind: Option<PhaseKind>,
    /// Its name as the source gives it (`förstudie`, `adoptivort`, `Etapp 2`).
    pub name: Option<Text>,
    /// When it began.
    pub start: Option<PartialDate>,
    /// When it ended.
    pub end: Option<PartialDate>,
}

impl Validate for Phase {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        check_period(ctx, self.start.as_ref(), self.end.as_ref());
    }
}

/// Checks a start and an end: each a date, and the end not certainly before the start
/// (`period.end_before_start`, at the end).
pub(crate) fn check_period(ctx: &mut Ctx, start: Option<&PartialDate>, end: Option<&PartialDate>) {
    if let Some(start) = start {
        ctx.check("start", start);
    }
    if let Some(end) = end {
        ctx.check("end", end);
    }
    if let (Some(start), Some(end)) = (start, end)
        && end.certainly_before(start)
    {
        ctx.report_at(
            "end",
            &rules::PERIOD_END_BEFORE_START,
            &[("start", start.to_string()), ("end", end.to_string())],
        );
    }
}

crate::codelist! {
    /// What a stated count counts.
    pub enum CountOf {
        /// Partnerships (twin towns and other agreements).
        Partnerships = "partnerships", sv: "Partnerskap", en: "Partnerships";
        /// The countries of the partners.
        PartnerCountries = "partner_countries", sv: "Partnerländer", en: "Partner countries";
        /// Projects.
        Projects = "projects", sv: "Projekt", en: "Projects";
        /// Organisations taking part.
        Organisations = "organisations", sv: "Organisationer", en: "Organisations";
        /// People taking part.
        Participants = "participants", sv: "Deltagare", en: "Participants";
        /// Sub-projects or pilots.
        Subprojects = "subprojects", sv: "Delprojekt", en: "Sub-projects";
        /// Members of a network.
        Members = "members", sv: "Medlemmar", en: "Members";
    }
}

/// A count a source states ("Sigtuna kommun har tre vänorter"), whether or not the record
/// lists as many: a register can say it is incomplete.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedCount {
    /// What is counted.
    pub of: CountOf,
    /// How many.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub count: u32,
    /// When the count held, if the source says (an earlier count, "för några år sedan").
    pub as_of: Option<PartialDate>,
    /// True when the count holds only if a pending decision is taken.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
}

impl Validate for StatedCount {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("as_of", &self.as_of);
    }
}

impl Validate for AsWritten {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("text", &self.text);
        ctx.check("lang", &self.lang);
    }
}

impl Validate for Alternative {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("source", &self.source);
        ctx.check("note", &self.note);
    }
}

/// The schema node a record pointer names, from the record's own node: each segment a member of
/// an object or an item of a list. `None` when the schema has no such place.
fn node_at(compiled: &Compiled, record: NodeId, pointer: &str) -> Option<NodeId> {
    let mut node = record;
    if pointer.is_empty() {
        return Some(node);
    }
    for raw in pointer.strip_prefix('/')?.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        node = match compiled.property(node, &segment) {
            Some(n) => n,
            None if segment.bytes().all(|b| b.is_ascii_digit()) && !segment.is_empty() => {
                compiled.items(node)?
            }
            None => return None,
        };
    }
    Some(node)
}

/// Checks what a record says about itself (see the module docs): every `as_written` and
/// `alternatives` pointer names a place the record's schema has (`record.unknown_pointer`), and
/// every alternative value has the type of that place (`record.alternative_invalid`, with the
/// structural issues inside it). `kind` and `def` name the record's type in a schema that has
/// it (`DocumentKind::Partnership`, `"Partnership"`).
pub(crate) fn check_annotations(
    ctx: &mut Ctx,
    (kind, def): (DocumentKind, &str),
    as_written: Option<&[AsWritten]>,
    alternatives: Option<&[Alternative]>,
) {
    let each = |ctx: &mut Ctx, name: &str, items: &[&dyn Validate]| {
        ctx.field(name, |ctx| {
            for (i, item) in items.iter().enumerate() {
                ctx.index(i, |ctx| item.validate_into(ctx));
            }
        });
    };
    if let Some(list) = as_written {
        each(ctx, "as_written", &list.iter().map(|a| a as &dyn Validate).collect::<Vec<_>>());
    }
    ctx.check_records("as_written", as_written);
    if let Some(list) = alternatives {
        each(ctx, "alternatives", &list.iter().map(|a| a as &dyn Validate).collect::<Vec<_>>());
        if list.is_empty() {
            ctx.report_at("alternatives", &rules::LIST_EMPTY, &[]);
        }
    }
    if as_written.is_none() && alternatives.is_none() {
        return;
    }
    let compiled = Compiled::of(kind);
    let Some(record) = compiled.def(def) else { return };
    if let Some(list) = as_written {
        ctx.field("as_written", |ctx| {
            for (i, entry) in list.iter().enumerate() {
                if node_at(compiled, record, entry.at.as_str()).is_none() {
                    ctx.index(i, |ctx| {
                        ctx.report_at(
                            "at",
                            &rules::RECORD_UNKNOWN_POINTER,
                            &[("pointer", entry.at.to_string())],
                        );
                    });
                }
            }
        });
    }
    if let Some(list) = alternatives {
        ctx.field("alternatives", |ctx| {
            for (i, entry) in list.iter().enumerate() {
                ctx.index(i, |ctx| {
                    let Some(node) = node_at(compiled, record, entry.at.as_str()) else {
                        ctx.report_at(
                            "at",
                            &rules::RECORD_UNKNOWN_POINTER,
                            &[("pointer", entry.at.to_string())],
                        );
                        return;
                    };
                    let Some(value) = &entry.value else { return };
                    // Walked as the fact itself would be, but reported as one issue: the
                    // schema gives an alternative's value no type, so a structural issue inside
                    // it is this rule's to say.
                    let mark = ctx.mark();
                    structure::explain_at(compiled, node, value, Keys::Shown, ctx);
                    if ctx.take_since(&mark).count > 0 {
                        ctx.report_at(
                            "value",
                            &rules::RECORD_ALTERNATIVE_INVALID,
                            &[("pointer", entry.at.to_string())],
                        );
                    }
                });
            }
        });
    }
}
