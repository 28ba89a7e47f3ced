//! International and EU-funded projects (after the IATI Activity Standard).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, LongText, Money, PartialDate, Text, Url};
use super::partnership::{CooperationArea, FundingSourceType};
use crate::codes::CountryCode;
use crate::validate::{Ctx, Validate, rules};

crate::codelist! {
    /// A funding programme.
    pub enum ProgrammeCode {
        /// Erasmus+, the EU programme for education, training, youth and sport.
        ErasmusPlus = "erasmus_plus", sv: "Erasmus+", en: "Erasmus+";
        /// Nordplus, the Nordic Council of Ministers' programme for lifelong learning.
        Nordplus = "nordplus", sv: "Nordplus", en: "Nordplus";
        /// Interreg, European territorial cooperation (EU regional fund).
        Interreg = "interreg", sv: "Interreg (Europeiskt territoriellt samarbete)", en: "Interreg (European territorial cooperation)";
        /// Athena, exchanges for vocational schools: Swedish state money (Sida, run by UHR), not EU.
        Athena = "athena", sv: "Athena", en: "Athena";
        /// CERV, Citizens, Equality, Rights and Values (formerly Europe for Citizens).
        Cerv = "cerv", sv: "CERV (Medborgare, jämlikhet, rättigheter och värden)", en: "CERV (Citizens, Equality, Rights and Values)";
        /// Atlas partnership, school partnerships funded by UHR.
        Atlas = "atlas", sv: "Atlas partnerskap", en: "Atlas partnership";
        /// Municipal partnerships funded by Sida through ICLD.
        IcldPartnership = "icld_partnership", sv: "Kommunala partnerskap (ICLD)", en: "Municipal partnerships (ICLD)";
        /// Horizon Europe, the EU's research programme.
        HorizonEurope = "horizon_europe", sv: "Horisont Europa", en: "Horizon Europe";
        /// Creative Europe, the EU's culture programme.
        CreativeEurope = "creative_europe", sv: "Kreativa Europa", en: "Creative Europe";
        /// Another programme.
        Other = "other", sv: "Annat program", en: "Other programme";
    }
}

impl ProgrammeCode {
    /// Who pays for the programme, when that is fixed.
    #[must_use]
    pub fn funder_type(self) -> Option<FundingSourceType> {
        use ProgrammeCode as P;
        match self {
            P::ErasmusPlus | P::Interreg | P::Cerv | P::HorizonEurope | P::CreativeEurope => {
                Some(FundingSourceType::Eu)
            }
            P::Nordplus => Some(FundingSourceType::Nordic),
            P::Athena | P::Atlas | P::IcldPartnership => {
                Some(FundingSourceType::NationalGovernment)
            }
            P::Other => None,
        }
    }
}

crate::codelist! {
    /// Where a project stands (IATI ActivityStatus).
    pub enum ActivityStatus {
        /// Being planned (IATI 1).
        Pipeline = "pipeline", sv: "Planering", en: "Pipeline/identification";
        /// Under way (IATI 2).
        Implementation = "implementation", sv: "Genomförande", en: "Implementation";
        /// Finished (IATI 3).
        Completion = "completion", sv: "Avslutat", en: "Completion";
        /// Finished and reported (IATI 4).
        PostCompletion = "post_completion", sv: "Slutredovisat", en: "Post-completion";
        /// Cancelled (IATI 5).
        Cancelled = "cancelled", sv: "Inställt", en: "Cancelled";
        /// Suspended (IATI 6).
        Suspended = "suspended", sv: "Tillfälligt avbrutet", en: "Suspended";
    }
}

/// An international project of the municipality.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["project.end_before_start", "project.programme_funder_mismatch"]))]
pub struct Project {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The project's id (`jobbskuggning`).
    pub id: Id,
    /// The title.
    pub title: LocalizedText,
    /// A short acronym, if the project has one.
    pub acronym: Option<Text>,
    /// What the project does.
    pub description: Option<LongText>,
    /// The municipality's units that run it (ids of `municipality.units`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub departments: Option<Vec<Id>>,
    /// The other countries taking part (ISO 3166-1).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub participating_countries: Option<Vec<CountryCode>>,
    /// The funding programme.
    pub programme: Option<ProgrammeCode>,
    /// Who pays; must fit the programme.
    pub funder_type: Option<FundingSourceType>,
    /// Where the project stands.
    pub status: ActivityStatus,
    /// When it started or starts.
    pub start: Option<PartialDate>,
    /// When it ended or ends.
    pub end: Option<PartialDate>,
    /// The grant awarded.
    pub grant: Option<Money>,
    /// The fields it works in.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub areas: Option<Vec<CooperationArea>>,
    /// The project's website.
    pub website: Option<Url>,
}

impl Validate for Project {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("title", &self.title);
        ctx.check("acronym", &self.acronym);
        ctx.check("description", &self.description);
        ctx.check("departments", &self.departments);
        ctx.check_set("departments", self.departments.as_deref());
        ctx.check_set("participating_countries", self.participating_countries.as_deref());
        if let (Some(programme), Some(funder)) = (self.programme, self.funder_type)
            && let Some(expected) = programme.funder_type().filter(|&e| e != funder)
        {
            ctx.report_at(
                "funder_type",
                &rules::PROJECT_PROGRAMME_FUNDER_MISMATCH,
                &[
                    ("programme", programme.code().to_owned()),
                    ("funder_type", funder.code().to_owned()),
                    ("expected", expected.code().to_owned()),
                ],
            );
        }
        ctx.check("start", &self.start);
        ctx.check("end", &self.end);
        if let (Some(start), Some(end)) = (&self.start, &self.end)
            && end.certainly_before(start)
        {
            ctx.report_at(
                "end",
                &rules::PROJECT_END_BEFORE_START,
                &[("start", start.to_string()), ("end", end.to_string())],
            );
        }
        ctx.check("grant", &self.grant);
        ctx.check_set("areas", self.areas.as_deref());
        ctx.check("website", &self.website);
    }
}
