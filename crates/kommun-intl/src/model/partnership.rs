//! Partnerships: twin towns, industrial partnerships and other cooperation agreements.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, PartialDate, Source, Text, null_as_default};
use super::geo::{SubdivisionCode, WikidataId};
use crate::codes::{CountryCode, FormerCountry};
use crate::validate::{Ctx, Validate, rules};

crate::codelist! {
    /// What kind of body a partner is.
    pub enum PartnerLevel {
        /// A municipality.
        Municipality = "municipality", sv: "kommun", en: "municipality";
        /// A city.
        City = "city", sv: "stad", en: "city";
        /// A district of a city (Xindu District of Chengdu).
        District = "district", sv: "stadsdistrikt", en: "urban district";
        /// A county.
        County = "county", sv: "län", en: "county";
        /// A region, province or state.
        Region = "region", sv: "region", en: "region, province or state";
        /// A group of bodies acting together.
        Consortium = "consortium", sv: "sammanslutning", en: "group of bodies";
    }
}

crate::codelist! {
    /// The kind of agreement.
    pub enum AgreementType {
        /// A twin-town (sister-city) agreement, *vänortsavtal*.
        Twinning = "twinning", sv: "Vänortsavtal", en: "Twin-town (sister-city) agreement";
        /// An industrial partnership agreement.
        IndustrialPartnership = "industrial_partnership", sv: "Industriellt partnerskapsavtal", en: "Industrial partnership agreement";
        /// A cooperation agreement.
        Cooperation = "cooperation", sv: "Samarbetsavtal", en: "Cooperation agreement";
        /// A friendship-city agreement.
        Friendship = "friendship", sv: "Vänskapsavtal", en: "Friendship-city agreement";
        /// A municipal partnership funded by Sida through ICLD.
        MunicipalPartnership = "municipal_partnership", sv: "Kommunalt partnerskap", en: "Municipal partnership (ICLD)";
    }
}

crate::codelist! {
    /// A field of cooperation (doubles as a COFOG-based sector).
    pub enum CooperationArea {
        /// Education (COFOG 09).
        Education = "education", sv: "Utbildning", en: "Education";
        /// School exchange (COFOG 09).
        SchoolExchange = "school_exchange", sv: "Skolutbyte", en: "School exchange";
        /// Care of the elderly and disabled (COFOG 10.2, 10.1.2).
        ElderlyDisabilityCare = "elderly_disability_care", sv: "Äldre- och handikappomsorg", en: "Elderly and disability care";
        /// Social care (COFOG 10).
        SocialCare = "social_care", sv: "Social omsorg", en: "Social care";
        /// Culture (COFOG 08.2).
        Culture = "culture", sv: "Kultur", en: "Culture";
        /// Sport (COFOG 08.1).
        Sport = "sport", sv: "Idrott", en: "Sport";
        /// Environment (COFOG 05).
        Environment = "environment", sv: "Miljö", en: "Environment";
        /// Tourism (COFOG 04.7.3).
        Tourism = "tourism", sv: "Turism", en: "Tourism";
        /// Business and trade and industry (COFOG 04.1.1).
        Business = "business", sv: "Näringsliv", en: "Business";
        /// Business development (COFOG 04.1.1).
        BusinessDevelopment = "business_development", sv: "Näringslivsutveckling", en: "Business development";
        /// Trade and small industry (COFOG 04.1.1).
        TradeSmallIndustry = "trade_small_industry", sv: "Handel och småindustri", en: "Trade and small industry";
        /// Technology (COFOG 04.8, approximately).
        Technology = "technology", sv: "Teknik", en: "Technology";
        /// Health (COFOG 07).
        Health = "health", sv: "Hälsa", en: "Health";
        /// Youth exchange (COFOG 08.1).
        YouthExchange = "youth_exchange", sv: "Ungdomsutbyte", en: "Youth exchange";
    }
}

crate::codelist! {
    /// Who pays.
    pub enum FundingSourceType {
        /// The municipality itself.
        Municipality = "municipality", sv: "Kommunen", en: "The municipality";
        /// The partner municipality or body.
        PartnerMunicipality = "partner_municipality", sv: "Partnerkommunen", en: "The partner municipality";
        /// The European Union.
        Eu = "eu", sv: "EU", en: "European Union";
        /// The Swedish state (e.g. Sida, UHR).
        NationalGovernment = "national_government", sv: "Staten", en: "Swedish state";
        /// The Nordic Council of Ministers.
        Nordic = "nordic", sv: "Nordiska ministerrådet", en: "Nordic Council of Ministers";
        /// A foundation (name it).
        Foundation = "foundation", sv: "Stiftelse", en: "Foundation";
        /// The private sector (name it).
        Private = "private", sv: "Näringsliv", en: "Private sector";
        /// Something else (name it).
        Other = "other", sv: "Övrigt", en: "Other";
    }
}

impl FundingSourceType {
    /// True for the types that mean nothing without a name.
    #[must_use]
    pub fn needs_name(self) -> bool {
        matches!(
            self,
            FundingSourceType::Foundation | FundingSourceType::Private | FundingSourceType::Other
        )
    }
}

/// One source of funding.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["funding.name_required"]))]
pub struct FundingSource {
    /// The kind of funder.
    #[serde(rename = "type")]
    pub kind: FundingSourceType,
    /// The funder's name; required for foundations, private and other funders.
    pub name: Option<Text>,
}

impl Validate for FundingSource {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        if self.kind.needs_name() && self.name.is_none() {
            ctx.report(&rules::FUNDING_NAME_REQUIRED, &[("kind", self.kind.code().to_owned())]);
        }
    }
}

crate::codelist! {
    /// Where a partnership stands.
    pub enum PartnershipStatus {
        /// In force.
        Active = "active", sv: "Aktivt", en: "Active";
        /// Paused by decision, not ended.
        Paused = "paused", sv: "Pausat", en: "Paused";
        /// Ended.
        Ended = "ended", sv: "Avslutat", en: "Ended";
        /// Not known.
        Unknown = "unknown", sv: "Okänt", en: "Unknown";
    }
}

/// The body the municipality has an agreement with.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["partner.country_missing", "subdivision.country_mismatch"]))]
pub struct PartnerBody {
    /// The partner's name (`Kecskemét`).
    pub name: LocalizedText,
    /// Names it was known by before.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub former_names: Option<Vec<Text>>,
    /// What kind of body it is.
    pub level: PartnerLevel,
    /// The country it lies in today (ISO 3166-1).
    pub country: Option<CountryCode>,
    /// The country it lay in when the agreement was made, if that state no longer exists
    /// (ISO 3166-3).
    pub former_country: Option<FormerCountry>,
    /// The ISO 3166-2 subdivision it lies in (`US-IL`).
    pub subdivision: Option<SubdivisionCode>,
    /// Its Wikidata item.
    pub wikidata: Option<WikidataId>,
    /// The larger body it is part of (Xindu District is part of Chengdu).
    pub part_of: Option<Box<PartnerBody>>,
}

impl Validate for PartnerBody {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("former_names", &self.former_names);
        ctx.check_set("former_names", self.former_names.as_deref());
        if self.country.is_none() && self.former_country.is_none() {
            ctx.report(&rules::PARTNER_COUNTRY_MISSING, &[]);
        }
        ctx.check("subdivision", &self.subdivision);
        if let (Some(sub), Some(country)) = (&self.subdivision, self.country)
            && sub.country().is_some_and(|c| c != country)
        {
            ctx.report_at(
                "subdivision",
                &rules::SUBDIVISION_COUNTRY_MISMATCH,
                &[("subdivision", sub.to_string()), ("country", country.to_string())],
            );
        }
        ctx.check("wikidata", &self.wikidata);
        ctx.check("part_of", &self.part_of);
    }
}

/// An agreement between the municipality and a partner: a twin town, an industrial
/// partnership or another cooperation.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "partnership.end_before_start",
    "partnership.status_conflicts_with_end",
    "partnership.end_reason_without_end",
    "partnership.planned_end_passed"
]))]
pub struct Partnership {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The partnership's id (`kecskemet`).
    pub id: Id,
    /// The partner.
    pub partner: PartnerBody,
    /// Further parties bound by the same agreement, when it binds more than two.
    #[schemars(length(min = 1))]
    pub other_parties: Option<Vec<PartnerBody>>,
    /// The kind of agreement.
    pub agreement_type: AgreementType,
    /// The fields of cooperation.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub areas: Option<Vec<CooperationArea>>,
    /// Who pays.
    #[schemars(length(min = 1))]
    pub funding: Option<Vec<FundingSource>>,
    /// When the agreement was made (Wikidata P580); leave out when unknown.
    pub start: Option<PartialDate>,
    /// When it was renewed or updated.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub renewals: Option<Vec<PartialDate>>,
    /// When an agreed term runs out, for a partnership still in force.
    pub planned_end: Option<PartialDate>,
    /// When it ended (Wikidata P582); only for status `ended`.
    pub end: Option<PartialDate>,
    /// Why it ended (Wikidata P1534).
    pub end_reason: Option<Text>,
    /// Where it stands; `unknown` when the register does not say.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<PartnershipStatus>")]
    pub status: PartnershipStatus,
    /// Notes.
    pub notes: Option<Text>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

// `codelist!` declares the enum, so `#[derive(Default)]` cannot mark the variant.
#[allow(clippy::derivable_impls)]
impl Default for PartnershipStatus {
    fn default() -> Self {
        PartnershipStatus::Unknown
    }
}

impl Validate for Partnership {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("partner", &self.partner);
        ctx.check("other_parties", &self.other_parties);
        ctx.check_records("other_parties", self.other_parties.as_deref());
        ctx.check_set("areas", self.areas.as_deref());
        ctx.check("funding", &self.funding);
        ctx.check_records("funding", self.funding.as_deref());
        ctx.check("start", &self.start);
        ctx.check("renewals", &self.renewals);
        ctx.check_set("renewals", self.renewals.as_deref());
        ctx.check("planned_end", &self.planned_end);
        ctx.check("end", &self.end);
        ctx.check("end_reason", &self.end_reason);
        ctx.check("notes", &self.notes);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());

        if let Some(start) = &self.start {
            for (name, date) in [("end", &self.end), ("planned_end", &self.planned_end)] {
                if let Some(date) = date
                    && date.certainly_before(start)
                {
                    ctx.report_at(
                        name,
                        &rules::PARTNERSHIP_END_BEFORE_START,
                        &[("start", start.to_string()), ("end", date.to_string())],
                    );
                }
            }
        }
        if self.end.is_some() && self.status != PartnershipStatus::Ended {
            ctx.report_at(
                "status",
                &rules::PARTNERSHIP_STATUS_CONFLICT,
                &[("status", self.status.code().to_owned())],
            );
        }
        if self.end_reason.is_some() && self.status != PartnershipStatus::Ended {
            ctx.report_at("end_reason", &rules::PARTNERSHIP_END_REASON_WITHOUT_END, &[]);
        }
        if let (Some(today), Some(planned)) = (ctx.reference_date(), &self.planned_end)
            && self.status == PartnershipStatus::Active
            && planned.range().is_some_and(|(_, last)| last < today)
        {
            ctx.report_at(
                "planned_end",
                &rules::PARTNERSHIP_PLANNED_END_PASSED,
                &[("planned_end", planned.to_string())],
            );
        }
    }
}
