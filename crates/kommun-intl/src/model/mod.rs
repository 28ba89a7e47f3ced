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
pub mod partnership;
mod pattern;
pub mod project;
pub mod statistics;

pub use common::{
    Amount, HttpsUrl, Id, LocalizedText, LongText, Money, PartialDate, Personal, Source, Text,
    Timestamp, Url,
};
pub use dataset::{Dataset, Membership};
pub use fault_report::{FaultReport, FaultReportStatus, ServiceCode};
pub use feedback::{Channel, Contact, Feedback, FeedbackCategory, FeedbackStatus};
pub use geo::{Email, Phone, PostalAddress, SubdivisionCode, WikidataId};
pub use municipality::{InternationalWorkKind, Municipality, MunicipalityCode, OrgNumber, OrgUnit};
pub use partnership::{
    AgreementType, CooperationArea, FundingSource, FundingSourceType, PartnerBody, PartnerLevel,
    Partnership, PartnershipStatus,
};
pub use project::{ActivityStatus, ProgrammeCode, Project};
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
