//! Networks of municipalities beside the bilateral partnerships: twinning rings where every town
//! twins every other (the Nordic *vänortskedjor*), chains, trilateral partnerships, and networks
//! with members, countries and a website. A partnership can belong to one (`network`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, PartialDate, Source, Text, Url};
use super::partnership::PartnerBody;
use super::record::{self, Alternative, AsWritten, check_period};
use crate::codes::CountryCode;
use crate::document::DocumentKind;
use crate::validate::{Ctx, Validate};

crate::codelist! {
    /// What kind of network.
    pub enum NetworkKind {
        /// A ring: every member twins every other (a Nordic *vänortskedja* of five towns).
        Ring = "ring", sv: "Vänortsring (alla med alla)", en: "Ring (every member twins every other)";
        /// A chain: each member twins the next.
        Chain = "chain", sv: "Vänortskedja", en: "Chain";
        /// A partnership of three or more parties under one agreement.
        Multilateral = "multilateral", sv: "Flerpartssamarbete", en: "Multilateral partnership";
        /// An association or network of municipalities with members (Eurocities, a German-Swedish
        /// town network).
        Association = "association", sv: "Nätverk eller förening av kommuner", en: "Network or association of municipalities";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

/// A network, ring or chain of municipalities.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "period.end_before_start",
    "record.unknown_pointer",
    "record.alternative_invalid"
]))]
pub struct Network {
    /// The network's id, which partnerships name in `network`.
    pub id: Id,
    /// Its name, when it has one (`Nordiska vänortskedjan`).
    pub name: Option<LocalizedText>,
    /// What kind of network.
    pub kind: Option<NetworkKind>,
    /// Its members besides the municipality.
    #[schemars(length(min = 1))]
    pub members: Option<Vec<PartnerBody>>,
    /// The countries of its members, when the source gives those rather than the members.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub countries: Option<Vec<CountryCode>>,
    /// How it is chaired (`roterande ordförandeskap`).
    pub presidency: Option<Text>,
    /// Its website.
    pub website: Option<Url>,
    /// When the municipality joined it, or it began.
    pub start: Option<PartialDate>,
    /// When it ended, or the municipality left.
    pub end: Option<PartialDate>,
    /// The source's own words for its values, by pointer.
    #[schemars(length(min = 1))]
    pub as_written: Option<Vec<AsWritten>>,
    /// Values other sources give, where they disagree.
    #[schemars(length(min = 1))]
    pub alternatives: Option<Vec<Alternative>>,
    /// Notes.
    pub notes: Option<Text>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

impl Validate for Network {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("name", &self.name);
        ctx.check("members", &self.members);
        ctx.check_records("members", self.members.as_deref());
        ctx.check_set("countries", self.countries.as_deref());
        ctx.check("presidency", &self.presidency);
        ctx.check("website", &self.website);
        check_period(ctx, self.start.as_ref(), self.end.as_ref());
        record::check_annotations(
            ctx,
            (DocumentKind::Dataset, "Network"),
            self.as_written.as_deref(),
            self.alternatives.as_deref(),
        );
        ctx.check("notes", &self.notes);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());
    }
}
