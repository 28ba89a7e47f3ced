//! Formal citizen proposals: *medborgarförslag*, *e-förslag* and *medborgarinitiativ*, which a
//! council must handle, unlike feedback. A kind of submission of its own: a proposal has a
//! title, gathers supporters and ends in a decision.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Duration, Id, LongText, Personal, Text, Timestamp, null_as_default};
use super::feedback::Contact;
use super::record::Decision;
use crate::validate::{Ctx, Validate};

crate::codelist! {
    /// A kind of citizen proposal.
    pub enum ProposalKind {
        /// A proposal any resident may send to the council (*medborgarförslag*).
        CitizenProposal = "citizen_proposal", sv: "Medborgarförslag", en: "Citizen proposal";
        /// A proposal published on the web for others to support, handled past a number of
        /// supporters (*e-förslag*, *Lundaförslaget*).
        EProposal = "e_proposal", sv: "E-förslag", en: "E-proposal";
        /// A citizens' initiative for a local referendum (*folkinitiativ*, *medborgarinitiativ*).
        Initiative = "initiative", sv: "Medborgarinitiativ eller folkinitiativ", en: "Citizens' initiative";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

crate::codelist! {
    /// Where a citizen proposal stands.
    pub enum ProposalStatus {
        /// Received.
        Received = "received", sv: "Inkommet", en: "Received";
        /// Published and gathering support.
        CollectingSupport = "collecting_support", sv: "Samlar stöd", en: "Collecting support";
        /// Sent to a board or committee to prepare.
        Referred = "referred", sv: "Remitterat", en: "Referred";
        /// Decided.
        Decided = "decided", sv: "Beslutat", en: "Decided";
        /// Did not reach the support it needed, or was refused as out of scope.
        NotHandled = "not_handled", sv: "Inte behandlat", en: "Not handled";
        /// Withdrawn.
        Withdrawn = "withdrawn", sv: "Återkallat", en: "Withdrawn";
    }
}

// `codelist!` declares the enum, so `#[derive(Default)]` cannot mark the variant.
#[allow(clippy::derivable_impls)]
impl Default for ProposalStatus {
    fn default() -> Self {
        ProposalStatus::Received
    }
}

/// A citizen proposal sent to the municipality.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["submission.in_future"]))]
pub struct Proposal {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The case id (*diarienummer*), once there is one.
    pub id: Option<Text>,
    /// What kind of proposal (a *medborgarförslag*, an *e-förslag*).
    pub category: ProposalKind,
    /// Its title.
    pub title: Option<Text>,
    /// What the person proposes (personal data: it may name people).
    pub description: Personal<LongText>,
    /// The unit it concerns (an id of `municipality.units`).
    pub concerns_unit: Option<Id>,
    /// When it arrived.
    pub submitted_at: Timestamp,
    /// How to reach the sender.
    pub contact: Option<Contact>,
    /// How many have supported it, for a proposal that gathers support.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub supporters: Option<u32>,
    /// Until when it gathers support.
    pub support_until: Option<Timestamp>,
    /// Where it stands.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<ProposalStatus>")]
    pub status: ProposalStatus,
    /// The decision on it.
    pub decision: Option<Decision>,
}

impl Validate for Proposal {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("title", &self.title);
        ctx.check("description", &self.description);
        ctx.check("concerns_unit", &self.concerns_unit);
        ctx.field("submitted_at", |ctx| self.submitted_at.check_submission(ctx));
        ctx.check("contact", &self.contact);
        ctx.check("support_until", &self.support_until);
        ctx.check("decision", &self.decision);
    }
}

/// A kind of citizen proposal an e-service takes, with its rules.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposalScheme {
    /// The kind.
    pub kind: ProposalKind,
    /// Its name in the e-service (`Lundaförslaget`).
    pub name: Option<Text>,
    /// How many supporters a proposal needs before it is handled.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub threshold: Option<u32>,
    /// How long a proposal gathers support (`P60D`).
    pub publication: Option<Duration>,
    /// True when others can support, comment on or vote for a proposal.
    pub support: Option<bool>,
    /// Who may send one (`folkbokförda i kommunen`, `ingen åldersgräns`).
    pub eligibility: Option<Text>,
    /// True when anonymous proposals are taken.
    pub anonymous: Option<bool>,
    /// Rules on what a proposal may hold (`ett ämne per förslag`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub rules: Option<Vec<Text>>,
    /// The columns of the public list of proposals (`Rubrik`, `Antal röster`, `Status`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub list_fields: Option<Vec<Text>>,
    /// The kind it replaces (Lundaförslaget replaced *medborgarförslag* during a trial).
    pub replaces: Option<ProposalKind>,
}

impl Validate for ProposalScheme {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("publication", &self.publication);
        ctx.check("eligibility", &self.eligibility);
        ctx.check("rules", &self.rules);
        ctx.check_set("rules", self.rules.as_deref());
        ctx.check("list_fields", &self.list_fields);
        ctx.check_set("list_fields", self.list_fields.as_deref());
    }
}
