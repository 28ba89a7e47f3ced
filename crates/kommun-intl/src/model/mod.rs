//! The data model: one module per family of types.
//!
//! Every type derives `Serialize`, `Deserialize` and `JsonSchema`, denies unknown fields and
//! implements [`Validate`](crate::validate::Validate). The `///` comments here become the
//! descriptions in the published JSON Schemas.

pub mod common;
pub mod dataset;
pub mod fault_report;
pub mod feedback;
pub mod geo;
pub mod municipality;
pub mod network;
pub mod partnership;
mod pattern;
pub mod profile;
pub mod project;
pub mod proposal;
pub mod record;
pub mod statistics;

pub use common::{
    Amount, Duration, Id, LocalizedText, LongText, Money, MoneyValue, PartialDate, Personal,
    Source, Text, Timestamp, Url,
};
pub use dataset::{Dataset, Membership};
pub use fault_report::{
    AnswerValue, AttributeAnswer, ExtendedAttributes, FaultReport, FaultReportStatus, ServiceCode,
};
pub use feedback::{
    AppStore, Channel, Contact, ContactField, Feedback, FeedbackCategory, FeedbackScheme,
    FeedbackStatus, HandlingStep,
};
pub use geo::{Email, Phone, PostalAddress, SubdivisionCode, WikidataId};
pub use municipality::{InternationalWorkKind, Municipality, MunicipalityCode, OrgNumber, OrgUnit};
pub use network::{Network, NetworkKind};
pub use partnership::{
    AgreementType, CooperationArea, FundingSource, FundingSourceType, LocalPartyKind, NameKind,
    PartnerBody, PartnerLevel, Partnership, PartnershipStatus, PlaceName, SuccessionKind,
};
pub use profile::{
    AttributeType, AttributeValue, CategoryInUse, DetailedStatus, Profile, Service,
    ServiceAttribute, ServiceType,
};
pub use project::{
    ActivityStatus, GrantKind, IdScheme, OrganisationKind, Programme, ProgrammeCode, Project,
    ProjectRole,
};
pub use proposal::{Proposal, ProposalKind, ProposalStatus};
pub use record::{
    Alternative, AsWritten, CountOf, Decision, DecisionKind, DecisionOutcome, Phase, PhaseKind,
    StatedCount,
};
pub use statistics::{Observation, StatMeasure, Unit};

use crate::validate::{Ctx, rules};

/// Reports every id in a collection that an earlier entry already uses.
pub(crate) fn check_unique_ids<'a>(ctx: &mut Ctx, name: &str, ids: impl Iterator<Item = &'a Id>) {
    ctx.field(name, |ctx| {
        ctx.each_repeat(ids, |ctx, id, first| {
            ctx.report_at(
                "id",
                &rules::DATASET_DUPLICATE_ID,
                &[("id", id.to_string()), ("first", first.to_string())],
            );
        });
    });
}
