//! International and EU-funded projects (after the IATI Activity Standard).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::common::{
    Duration, Id, LocalizedText, LongText, Money, PartialDate, Source, Text, Url, regex,
    string_type,
};
use super::municipality::MunicipalityCode;
use super::partnership::{CooperationArea, FundingSource, FundingSourceType};
use super::record::{self, Alternative, AsWritten, Decision, Phase, StatedCount};
use crate::codes::CountryCode;
use crate::document::DocumentKind;
use crate::validate::{Ctx, Validate, rules};

crate::codelist! {
    /// A funding programme. Each has the years in which it made its calls (see
    /// [`ProgrammeCode::years`]); its strand, period and the programme's own name go beside
    /// the code, in [`Programme`].
    pub enum ProgrammeCode {
        /// Erasmus+ (2014-2020, 2021-2027), the EU programme for education, training, youth and sport.
        ErasmusPlus = "erasmus_plus", sv: "Erasmus+", en: "Erasmus+";
        /// The Lifelong Learning Programme's Comenius (schools, 1995-2013).
        Comenius = "comenius", sv: "Comenius", en: "Comenius";
        /// The Lifelong Learning Programme's Leonardo da Vinci (vocational training, 1995-2013).
        LeonardoDaVinci = "leonardo_da_vinci", sv: "Leonardo da Vinci", en: "Leonardo da Vinci";
        /// The Lifelong Learning Programme's Grundtvig (adult education, 2000-2013).
        Grundtvig = "grundtvig", sv: "Grundtvig", en: "Grundtvig";
        /// Youth in Action (2007-2013).
        YouthInAction = "youth_in_action", sv: "Ung och aktiv i Europa", en: "Youth in Action";
        /// Nordplus, the Nordic Council of Ministers' programme for lifelong learning.
        Nordplus = "nordplus", sv: "Nordplus", en: "Nordplus";
        /// Interreg A, cross-border cooperation (Interreg Sverige-Norge, Aurora, Öresund-Kattegat-Skagerrak).
        InterregA = "interreg_a", sv: "Interreg A (gränsöverskridande samarbete)", en: "Interreg A (cross-border cooperation)";
        /// Interreg B, transnational cooperation (Baltic Sea Region, North Sea, Northern Periphery and Arctic).
        InterregB = "interreg_b", sv: "Interreg B (transnationellt samarbete)", en: "Interreg B (transnational cooperation)";
        /// Interreg C, interregional cooperation (Interreg Europe, earlier IVC).
        InterregC = "interreg_c", sv: "Interreg C (interregionalt samarbete, Interreg Europe)", en: "Interreg C (interregional cooperation, Interreg Europe)";
        /// Interreg, European territorial cooperation, the strand not known.
        Interreg = "interreg", sv: "Interreg (europeiskt territoriellt samarbete)", en: "Interreg (European territorial cooperation)";
        /// URBACT, the EU's programme for sustainable urban development networks.
        Urbact = "urbact", sv: "URBACT", en: "URBACT";
        /// Urban Innovative Actions (2014-2020).
        UrbanInnovativeActions = "urban_innovative_actions", sv: "Urban Innovative Actions", en: "Urban Innovative Actions";
        /// A regional programme of the European Regional Development Fund.
        Erdf = "erdf", sv: "Europeiska regionala utvecklingsfonden (regionalfonden)", en: "European Regional Development Fund";
        /// The European Social Fund (to 2020).
        Esf = "esf", sv: "Europeiska socialfonden", en: "European Social Fund";
        /// The European Social Fund Plus (2021-2027).
        EsfPlus = "esf_plus", sv: "Europeiska socialfonden+", en: "European Social Fund Plus";
        /// Horizon 2020, the EU's research programme (2014-2020).
        Horizon2020 = "horizon_2020", sv: "Horisont 2020", en: "Horizon 2020";
        /// Horizon Europe, the EU's research programme (2021-2027).
        HorizonEurope = "horizon_europe", sv: "Horisont Europa", en: "Horizon Europe";
        /// An earlier EU framework programme for research (FP6, FP7; CIVITAS).
        FrameworkProgramme = "framework_programme", sv: "EU:s ramprogram för forskning (FP6, FP7)", en: "EU research framework programme (FP6, FP7)";
        /// Creative Europe, the EU's culture programme.
        CreativeEurope = "creative_europe", sv: "Kreativa Europa", en: "Creative Europe";
        /// LIFE, the EU's programme for the environment and climate.
        Life = "life", sv: "LIFE", en: "LIFE";
        /// CERV, Citizens, Equality, Rights and Values (2021-2027).
        Cerv = "cerv", sv: "CERV (Medborgare, jämlikhet, rättigheter och värden)", en: "CERV (Citizens, Equality, Rights and Values)";
        /// Europe for Citizens (2007-2020), before CERV.
        EuropeForCitizens = "europe_for_citizens", sv: "Europa för medborgarna", en: "Europe for Citizens";
        /// Athena, exchanges for vocational schools: Swedish state money (Sida, run by UHR), not EU.
        Athena = "athena", sv: "Athena", en: "Athena";
        /// Atlas partnership, school partnerships funded by UHR.
        Atlas = "atlas", sv: "Atlas partnerskap", en: "Atlas partnership";
        /// Municipal partnerships funded by Sida through ICLD.
        IcldPartnership = "icld_partnership", sv: "Kommunala partnerskap (ICLD)", en: "Municipal partnerships (ICLD)";
        /// Another programme (name it).
        Other = "other", sv: "Annat program", en: "Other programme";
    }
}

impl ProgrammeCode {
    /// Who pays for the programme, when that is fixed.
    #[must_use]
    pub fn funder_type(self) -> Option<FundingSourceType> {
        use ProgrammeCode as P;
        match self {
            P::Nordplus => Some(FundingSourceType::Nordic),
            P::Athena | P::Atlas | P::IcldPartnership => {
                Some(FundingSourceType::NationalGovernment)
            }
            P::Other => None,
            _ => Some(FundingSourceType::Eu),
        }
    }

    /// The years in which the programme made its calls, first and last, for those that have
    /// ended or have a fixed end; `None` for open-ended ones (ICLD, Nordplus, an unnamed
    /// strand).
    #[must_use]
    pub fn years(self) -> Option<(i32, i32)> {
        use ProgrammeCode as P;
        Some(match self {
            P::ErasmusPlus | P::CreativeEurope => (2014, 2027),
            P::Comenius | P::LeonardoDaVinci => (1995, 2013),
            P::Grundtvig => (2000, 2013),
            P::YouthInAction => (2007, 2013),
            P::Urbact => (2002, 2027),
            P::UrbanInnovativeActions => (2015, 2020),
            P::Esf => (1958, 2020),
            P::EsfPlus | P::HorizonEurope | P::Cerv => (2021, 2027),
            P::Horizon2020 => (2014, 2020),
            P::FrameworkProgramme => (1984, 2013),
            P::Life => (1992, 2027),
            P::EuropeForCitizens => (2007, 2020),
            _ => return None,
        })
    }
}

const PERIOD_PATTERN: &str = "^[0-9]{4}-[0-9]{4}$";
static PERIOD_RE: LazyLock<Regex> = LazyLock::new(|| regex(PERIOD_PATTERN));

string_type! {
    /// A programme period, two years joined by a hyphen (`2014-2020`).
    ProgrammePeriod
}

impl ProgrammePeriod {
    /// The first and the last year, if well-formed.
    #[must_use]
    pub fn years(&self) -> Option<(i32, i32)> {
        let (a, b) = self.as_str().split_once('-')?;
        Some((a.parse().ok()?, b.parse().ok()?))
    }
}

impl JsonSchema for ProgrammePeriod {
    fn schema_name() -> Cow<'static, str> {
        "ProgrammePeriod".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A programme period, two years joined by a dash: 2014-2020.",
            "type": "string",
            "pattern": PERIOD_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::PROGRAMME_PERIOD_FORMAT]),
        })
    }
}

impl Validate for ProgrammePeriod {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !PERIOD_RE.is_match(self.as_str()) {
            ctx.report(&rules::PROGRAMME_PERIOD_FORMAT, &[]);
        }
    }
}

/// The programme a project (or a partnership) is funded under: the code, and what the
/// programme's own documents call it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["programme.name_required"]))]
pub struct Programme {
    /// The programme.
    pub code: ProgrammeCode,
    /// Its own name (`Interreg Sverige-Norge`, `Interreg Aurora`); required for `other`.
    pub name: Option<Text>,
    /// A sub-programme or area of it (`Delprogram Nord`, `programområde Skåne-Blekinge`).
    pub strand: Option<Text>,
    /// The programme period (`2014-2020`).
    pub period: Option<ProgrammePeriod>,
    /// The priority axis (*insatsområde*).
    pub priority: Option<Text>,
    /// The action or measure (`KA2`, `Insats, åtgärd`, `CIVITAS`).
    pub action: Option<Text>,
    /// The call or application round (`5:e utlysningen`).
    pub call: Option<Text>,
    /// The body that manages the money (`Tillväxtverket`).
    pub managing_authority: Option<Text>,
}

impl Programme {
    /// A programme known only by its code.
    #[must_use]
    pub fn new(code: ProgrammeCode) -> Programme {
        Programme {
            code,
            name: None,
            strand: None,
            period: None,
            priority: None,
            action: None,
            call: None,
            managing_authority: None,
        }
    }
}

impl Validate for Programme {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("strand", &self.strand);
        ctx.check("period", &self.period);
        ctx.check("priority", &self.priority);
        ctx.check("action", &self.action);
        ctx.check("call", &self.call);
        ctx.check("managing_authority", &self.managing_authority);
        if self.code == ProgrammeCode::Other && self.name.is_none() {
            ctx.report(&rules::PROGRAMME_NAME_REQUIRED, &[]);
        }
    }
}

crate::codelist! {
    /// Where a project stands (IATI ActivityStatus).
    pub enum ActivityStatus {
        /// Being planned, or applied for (IATI 1).
        Pipeline = "pipeline", sv: "Planering eller ansökan", en: "Pipeline/identification";
        /// Under way (IATI 2).
        Implementation = "implementation", sv: "Genomförande", en: "Implementation";
        /// Finished (IATI 3).
        Completion = "completion", sv: "Avslutat", en: "Completion";
        /// Finished and reported (IATI 4).
        PostCompletion = "post_completion", sv: "Slutredovisat", en: "Post-completion";
        /// Cancelled, or an application turned down (IATI 5).
        Cancelled = "cancelled", sv: "Inställt eller avslaget", en: "Cancelled";
        /// Suspended (IATI 6).
        Suspended = "suspended", sv: "Tillfälligt avbrutet", en: "Suspended";
    }
}

crate::codelist! {
    /// An organisation's role in a project.
    pub enum ProjectRole {
        /// Leads the project (lead partner, coordinator, *huvudpartner*, *projektägare*).
        Coordinator = "coordinator", sv: "Huvudpartner eller projektägare", en: "Coordinator or lead partner";
        /// Coordinates one country's part only.
        NationalCoordinator = "national_coordinator", sv: "Samordnare för ett lands del", en: "National coordinator";
        /// A partner with a budget of its own.
        Partner = "partner", sv: "Partner", en: "Partner";
        /// An associated partner, without a budget of its own.
        AssociatedPartner = "associated_partner", sv: "Associerad partner", en: "Associated partner";
        /// A lighthouse or demonstration city (Horizon 2020 smart cities).
        LighthouseCity = "lighthouse_city", sv: "Fyrtornsstad", en: "Lighthouse city";
        /// A follower or fellow city, which learns from the lighthouse cities.
        FollowerCity = "follower_city", sv: "Följarstad", en: "Follower city";
        /// Takes part in another way (*övrig medverkande*).
        Other = "other", sv: "Annan medverkan", en: "Other participation";
    }
}

crate::codelist! {
    /// What kind of organisation takes part.
    pub enum OrganisationKind {
        /// A municipality or city.
        Municipality = "municipality", sv: "Kommun", en: "Municipality";
        /// A region, county or county council.
        Region = "region", sv: "Region eller län", en: "Region or county";
        /// A state agency.
        Agency = "agency", sv: "Statlig myndighet", en: "State agency";
        /// A university or research institute.
        University = "university", sv: "Universitet eller forskningsinstitut", en: "University or research institute";
        /// A school.
        School = "school", sv: "Skola", en: "School";
        /// A company (a municipal company too).
        Company = "company", sv: "Företag", en: "Company";
        /// A non-profit organisation or association.
        Ngo = "ngo", sv: "Ideell organisation eller förening", en: "Non-profit organisation";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

/// An organisation taking part in a project.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Its name; leave out when the source does not name it ("en kommun i Kenya").
    pub name: Option<Text>,
    /// Its role.
    pub role: Option<ProjectRole>,
    /// What kind of organisation.
    pub kind: Option<OrganisationKind>,
    /// Its country.
    pub country: Option<CountryCode>,
    /// For a Swedish municipality, its SCB code.
    pub municipality_code: Option<MunicipalityCode>,
    /// Its share of the budget.
    pub amount: Option<Money>,
}

impl Validate for Organisation {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("municipality_code", &self.municipality_code);
        ctx.check("amount", &self.amount);
    }
}

crate::codelist! {
    /// A database of project records.
    pub enum IdScheme {
        /// CORDIS, for EU research projects (the grant agreement number or record number).
        Cordis = "cordis", sv: "CORDIS", en: "CORDIS";
        /// keep.eu, for Interreg projects.
        KeepEu = "keep_eu", sv: "keep.eu", en: "keep.eu";
        /// The Erasmus+ Project Results Platform (`2019-1-SE01-KA201-060000`).
        ErasmusPlus = "erasmus_plus", sv: "Erasmus+ projektresultat", en: "Erasmus+ Project Results Platform";
        /// Nordplus.
        Nordplus = "nordplus", sv: "Nordplus", en: "Nordplus";
        /// ICLD's application number.
        Icld = "icld", sv: "ICLD", en: "ICLD";
        /// Tillväxtverket's project bank (ERDF), or the Swedish ESF Council's.
        ProjectBank = "project_bank", sv: "Tillväxtverkets eller ESF-rådets projektbank", en: "Swedish project bank (ERDF, ESF)";
        /// The municipality's own diary number (*diarienummer*).
        Diary = "diary", sv: "Diarienummer", en: "Diary number";
        /// Another database (name it in `scheme_name`).
        Other = "other", sv: "Annan databas", en: "Other database";
    }
}

/// The project's id in a programme database.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalId {
    /// The database.
    pub scheme: IdScheme,
    /// The database's name, for `other`.
    pub scheme_name: Option<Text>,
    /// The id as the database writes it.
    pub id: Text,
}

impl Validate for ExternalId {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("scheme_name", &self.scheme_name);
        ctx.check("id", &self.id);
    }
}

crate::codelist! {
    /// What a contribution to a budget is.
    pub enum GrantKind {
        /// A grant from the programme.
        Grant = "grant", sv: "Bidrag", en: "Grant";
        /// Co-financing from another public funder.
        Cofinancing = "cofinancing", sv: "Medfinansiering", en: "Co-financing";
    }
}

/// One funder's contribution to a project.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// Who pays.
    pub funder: Option<FundingSource>,
    /// What kind of contribution.
    pub kind: Option<GrantKind>,
    /// How much.
    pub amount: Option<Money>,
}

impl Validate for Grant {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("funder", &self.funder);
        ctx.check("amount", &self.amount);
    }
}

/// A project's budget: the total, each funder's contribution, the municipality's own share.
/// Every amount may be approximate, and may be stated in a second currency as well.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// The whole budget.
    pub total: Option<Money>,
    /// The contributions of funders (grants and co-financing).
    #[schemars(length(min = 1))]
    pub grants: Option<Vec<Grant>>,
    /// The municipality's own share.
    pub own_share: Option<Money>,
    /// True when the own share is paid in kind (working time), not in money.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_share_in_kind: bool,
}

impl Validate for Budget {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("total", &self.total);
        ctx.check("grants", &self.grants);
        ctx.check("own_share", &self.own_share);
    }
}

/// A change to a project's planned end.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    /// The end first planned.
    pub original_end: Option<PartialDate>,
    /// Why it changed (`förlängt på grund av pandemin`).
    pub reason: Option<Text>,
}

impl Validate for Extension {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("original_end", &self.original_end);
        ctx.check("reason", &self.reason);
    }
}

/// An international project of the municipality, as programme databases describe one. Only
/// the id is required: real records often lack a title (an ICLD decision names the partners
/// and the theme), a status or dates.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "project.end_before_start",
    "project.programme_funder_mismatch",
    "project.programme_period_mismatch",
    "record.unknown_pointer",
    "record.alternative_invalid"
]))]
pub struct Project {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The project's id (`jobbskuggning`).
    pub id: Id,
    /// The title.
    pub title: Option<LocalizedText>,
    /// A short acronym, if the project has one.
    pub acronym: Option<Text>,
    /// What the project does.
    pub description: Option<LongText>,
    /// The municipality's units that run it (ids of `municipality.units`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub departments: Option<Vec<Id>>,
    /// The municipality's role in it.
    pub own_role: Option<ProjectRole>,
    /// The organisations taking part, with their roles and countries.
    #[schemars(length(min = 1))]
    pub organisations: Option<Vec<Organisation>>,
    /// The other countries taking part (ISO 3166-1).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub participating_countries: Option<Vec<CountryCode>>,
    /// The funding programme.
    pub programme: Option<Programme>,
    /// Who pays, when no budget says how much.
    #[schemars(length(min = 1))]
    pub funders: Option<Vec<FundingSource>>,
    /// The budget.
    pub budget: Option<Budget>,
    /// The project's ids in programme databases.
    #[schemars(length(min = 1))]
    pub external_ids: Option<Vec<ExternalId>>,
    /// Where the project stands.
    pub status: Option<ActivityStatus>,
    /// When it started or starts.
    pub start: Option<PartialDate>,
    /// When it ended or ends.
    pub end: Option<PartialDate>,
    /// How long it runs, when the source gives a length rather than dates.
    pub duration: Option<Duration>,
    /// A change to its planned end.
    pub extension: Option<Extension>,
    /// Its phases (a feasibility study, then the main project) and dated events.
    #[schemars(length(min = 1))]
    pub phases: Option<Vec<Phase>>,
    /// Decisions about it (funding granted or refused, with dates and references).
    #[schemars(length(min = 1))]
    pub decisions: Option<Vec<Decision>>,
    /// Earlier projects it continues, by name.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub follows: Option<Vec<Text>>,
    /// The networks it belongs to (ids of the register's `networks`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub networks: Option<Vec<Id>>,
    /// The partnership it is part of (an id of the register's `partnerships`): an ICLD
    /// project within a municipal partnership, an exchange between twin towns.
    pub partnership: Option<Id>,
    /// The fields it works in (the source's words in `as_written`).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub areas: Option<Vec<CooperationArea>>,
    /// Where its activities take place, as the source names the places.
    #[schemars(length(min = 1))]
    pub locations: Option<Vec<Text>>,
    /// What it achieved, as the source says.
    #[schemars(length(min = 1))]
    pub results: Option<Vec<Text>>,
    /// Counts the source states (partners, participants, sub-projects).
    #[schemars(length(min = 1))]
    pub counts_stated: Option<Vec<StatedCount>>,
    /// The project's website.
    pub website: Option<Url>,
    /// The source's own words for its values, by pointer (`/own_role`: `huvudsökande`).
    #[schemars(length(min = 1))]
    pub as_written: Option<Vec<AsWritten>>,
    /// Values other sources give, where they disagree with the ones chosen.
    #[schemars(length(min = 1))]
    pub alternatives: Option<Vec<Alternative>>,
    /// Notes: what fits nowhere else.
    pub notes: Option<Text>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

impl Project {
    /// The project's dates as years, from its start to its end (open at a side it lacks).
    fn years(&self) -> Option<(i32, i32)> {
        use chrono::Datelike;
        let first = self.start.as_ref().and_then(PartialDate::range).map(|(a, _)| a);
        let last = self.end.as_ref().and_then(PartialDate::range).map(|(_, b)| b);
        match (first, last) {
            (None, None) => None,
            (a, b) => Some((a.map_or(i32::MIN, |d| d.year()), b.map_or(i32::MAX, |d| d.year()))),
        }
    }
}

impl Validate for Project {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("title", &self.title);
        ctx.check("acronym", &self.acronym);
        ctx.check("description", &self.description);
        ctx.check("departments", &self.departments);
        ctx.check_set("departments", self.departments.as_deref());
        ctx.check("organisations", &self.organisations);
        ctx.check_set("participating_countries", self.participating_countries.as_deref());
        ctx.check("programme", &self.programme);
        ctx.check("funders", &self.funders);
        ctx.check_records("funders", self.funders.as_deref());
        ctx.check("budget", &self.budget);
        ctx.check("external_ids", &self.external_ids);
        ctx.check_records("external_ids", self.external_ids.as_deref());
        if let Some(programme) = &self.programme
            && let Some(expected) = programme.code.funder_type()
        {
            // Every funder named, with where it is (made into a pointer only for a report):
            // the project's own list, then its budget's.
            let listed = self
                .funders
                .iter()
                .flatten()
                .enumerate()
                .map(|(i, f)| (("/funders/", i, ""), f.kind));
            // Co-financing is by definition money from other funders than the programme, so
            // it says nothing about the programme's own funder (an Interreg page shows the
            // logos of the regions that co-finance).
            let granted =
                self.budget.iter().flat_map(|b| b.grants.iter().flatten()).enumerate().filter_map(
                    |(i, g)| {
                        let funder = g.funder.as_ref()?;
                        (g.kind != Some(GrantKind::Cofinancing))
                            .then_some((("/budget/grants/", i, "/funder"), funder.kind))
                    },
                );
            let mut named = listed.chain(granted);
            if let Some(((before, i, after), first)) = named.clone().next()
                && !named.any(|(_, k)| k == expected)
            {
                ctx.field_pointer(&format!("{before}{i}{after}"), |ctx| {
                    ctx.report(
                        &rules::PROJECT_PROGRAMME_FUNDER_MISMATCH,
                        &[
                            ("programme", programme.code.code().to_owned()),
                            ("funder_type", first.code().to_owned()),
                            ("expected", expected.code().to_owned()),
                        ],
                    );
                });
            }
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
        if let (Some(programme), Some((first, last))) = (&self.programme, self.years()) {
            let span = programme
                .period
                .as_ref()
                .and_then(ProgrammePeriod::years)
                .or_else(|| programme.code.years());
            // A programme's projects start by two years after its last call and may run
            // seven years past it.
            if let Some((from, to)) = span
                && (last < from || first > to + 2)
            {
                ctx.report_at(
                    "programme",
                    &rules::PROJECT_PROGRAMME_PERIOD_MISMATCH,
                    &[
                        ("programme", programme.code.code().to_owned()),
                        ("period", format!("{from}-{to}")),
                    ],
                );
            }
        }
        ctx.check("duration", &self.duration);
        ctx.check("extension", &self.extension);
        ctx.check("phases", &self.phases);
        ctx.check("decisions", &self.decisions);
        ctx.check("follows", &self.follows);
        ctx.check_set("follows", self.follows.as_deref());
        ctx.check("networks", &self.networks);
        ctx.check_set("networks", self.networks.as_deref());
        ctx.check("partnership", &self.partnership);
        ctx.check_set("areas", self.areas.as_deref());
        ctx.check("locations", &self.locations);
        ctx.check("results", &self.results);
        ctx.check("counts_stated", &self.counts_stated);
        ctx.check("website", &self.website);
        record::check_annotations(
            ctx,
            (DocumentKind::Project, "Project"),
            self.as_written.as_deref(),
            self.alternatives.as_deref(),
        );
        ctx.check("notes", &self.notes);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());
    }
}
