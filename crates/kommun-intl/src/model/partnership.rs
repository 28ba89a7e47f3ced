//! Partnerships: twin towns, industrial partnerships and other cooperation agreements.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, PartialDate, Source, Text, Url};
use super::geo::{SubdivisionCode, WikidataId};
use super::project::Programme;
use super::record::{self, Alternative, AsWritten, Decision, LanguageTag, Phase};
use crate::codes::{CountryCode, FormerCountry};
use crate::document::DocumentKind;
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
        /// Associations and civil society (*föreningsliv*).
        CivilSociety = "civil_society", sv: "Föreningsliv och civilsamhälle", en: "Associations and civil society";
        /// Local democracy and citizens' influence (ICLD's field).
        Democracy = "democracy", sv: "Lokal demokrati och medborgarinflytande", en: "Local democracy and citizens' influence";
        /// Public administration and exchange between politicians and staff (COFOG 01).
        PublicAdministration = "public_administration", sv: "Kommunal förvaltning och politik", en: "Public administration and politics";
        /// Urban planning and housing (COFOG 06).
        UrbanPlanning = "urban_planning", sv: "Samhällsplanering och bostäder", en: "Urban planning and housing";
        /// Water, sanitation and waste (COFOG 05.1, 05.2, 06.3).
        WaterWaste = "water_waste", sv: "Vatten, avlopp och avfall", en: "Water, sanitation and waste";
        /// Climate and energy (COFOG 04.3, 05).
        ClimateEnergy = "climate_energy", sv: "Klimat och energi", en: "Climate and energy";
        /// Transport (COFOG 04.5).
        Transport = "transport", sv: "Transporter", en: "Transport";
        /// Gender equality and human rights.
        EqualityRights = "equality_rights", sv: "Jämställdhet och mänskliga rättigheter", en: "Gender equality and human rights";
        /// Integration and inclusion.
        Inclusion = "inclusion", sv: "Integration och inkludering", en: "Integration and inclusion";
        /// Work and the labour market (COFOG 04.1.2).
        Labour = "labour", sv: "Arbetsmarknad", en: "Work and the labour market";
        /// Digitalisation.
        Digitalisation = "digitalisation", sv: "Digitalisering", en: "Digitalisation";
        /// Safety, rescue services and crisis preparedness (COFOG 03).
        Safety = "safety", sv: "Trygghet, räddningstjänst och krisberedskap", en: "Safety, rescue and preparedness";
        /// Humanitarian aid and support.
        Aid = "aid", sv: "Bistånd och stöd", en: "Aid and support";
        /// Something else (the source's words in `as_written`).
        Other = "other", sv: "Annat", en: "Other";
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
        /// In force, with contacts.
        Active = "active", sv: "Aktivt", en: "Active";
        /// In force on paper, with few or no contacts (*vilande*).
        Dormant = "dormant", sv: "Vilande", en: "Dormant";
        /// Paused by decision, not ended.
        Paused = "paused", sv: "Pausat", en: "Paused";
        /// Decided to end, not yet ended (a notice given, an end date set).
        Terminating = "terminating", sv: "Under avslutning", en: "Terminating";
        /// Ended.
        Ended = "ended", sv: "Avslutat", en: "Ended";
        /// The municipality itself does not know whether the agreement still exists.
        Uncertain = "uncertain", sv: "Oklart om det gäller", en: "Uncertain whether in force";
        /// Not known: the register does not say.
        Unknown = "unknown", sv: "Okänt", en: "Unknown";
    }
}

crate::codelist! {
    /// What kind of name a name is.
    pub enum NameKind {
        /// The official name.
        Official = "official", sv: "Officiellt namn", en: "Official name";
        /// The name in the local language (`Turku`, `Ковдор`).
        Local = "local", sv: "Lokalt namn", en: "Local name";
        /// The Swedish name (*exonym*: `Åbo`, `Helsingfors`, `Reval`).
        Swedish = "swedish", sv: "Svenskt namn", en: "Swedish name";
        /// The English name.
        English = "english", sv: "Engelskt namn", en: "English name";
        /// A name it had before (with the years it was used).
        Former = "former", sv: "Tidigare namn", en: "Former name";
        /// A spelling a source uses (`Siglufjördur`, a misspelling kept as found).
        Variant = "variant", sv: "Stavning i en källa", en: "Spelling in a source";
    }
}

/// One name of a place or body, with its language and kind.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceName {
    /// The name.
    pub name: Text,
    /// Its language.
    pub lang: Option<LanguageTag>,
    /// What kind of name it is.
    pub kind: Option<NameKind>,
    /// From when it was used.
    pub from: Option<PartialDate>,
    /// Until when it was used (a former name).
    pub until: Option<PartialDate>,
}

impl Validate for PlaceName {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("lang", &self.lang);
        ctx.check("from", &self.from);
        ctx.check("until", &self.until);
    }
}

crate::codelist! {
    /// How a body came to be followed by another.
    pub enum SuccessionKind {
        /// Merged with others into a new or larger body (Ramsø into Roskilde, 2007).
        Merger = "merger", sv: "Sammanslagning", en: "Merger";
        /// Renamed.
        Rename = "rename", sv: "Namnbyte", en: "Rename";
        /// Split into several.
        Split = "split", sv: "Delning", en: "Split";
    }
}

/// What became of a partner body that no longer exists as it was.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Succession {
    /// How.
    pub kind: Option<SuccessionKind>,
    /// When.
    pub date: Option<PartialDate>,
    /// The body that followed it.
    pub successor: Option<Box<PartnerBody>>,
}

impl Validate for Succession {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("date", &self.date);
        ctx.check("successor", &self.successor);
    }
}

crate::codelist! {
    /// Who takes part on the municipality's side.
    pub enum LocalPartyKind {
        /// A school.
        School = "school", sv: "Skola", en: "School";
        /// An association (a twinning association, *Föreningen Norden*).
        Association = "association", sv: "Förening", en: "Association";
        /// A unit of the municipality.
        Unit = "unit", sv: "Kommunal förvaltning eller enhet", en: "Municipal unit";
        /// A company.
        Company = "company", sv: "Företag", en: "Company";
        /// The council or its presidium, politicians.
        Politicians = "politicians", sv: "Politiker", en: "Politicians";
        /// Residents.
        Residents = "residents", sv: "Invånare", en: "Residents";
        /// Something else.
        Other = "other", sv: "Annat", en: "Other";
    }
}

/// A party on the municipality's side that takes part in the partnership.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalParty {
    /// Its name, or what it is (`skolklasser`, `Föreningen Norden`).
    pub name: Option<Text>,
    /// What kind of party.
    pub kind: Option<LocalPartyKind>,
}

impl Validate for LocalParty {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
    }
}

/// The written agreement behind a partnership.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementDocument {
    /// Its title, or what the source calls it (`Överenskommelse om samarbete`).
    pub title: Option<Text>,
    /// When it was signed.
    pub signed: Option<PartialDate>,
    /// Where it is published.
    pub url: Option<Url>,
    /// What it says about its duration, renewal or evaluation.
    pub term: Option<Text>,
}

impl Validate for AgreementDocument {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("title", &self.title);
        ctx.check("signed", &self.signed);
        ctx.check("url", &self.url);
        ctx.check("term", &self.term);
    }
}

/// An age a source gives for a partnership ("50 år som vänorter") when it gives no date.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedAge {
    /// How many years.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub years: u32,
    /// When the age was stated (the year of an anniversary).
    pub as_of: Option<PartialDate>,
}

impl Validate for StatedAge {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("as_of", &self.as_of);
    }
}

/// The body the municipality has an agreement with.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "partner.unidentified",
    "partner.country_missing",
    "subdivision.country_mismatch"
]))]
pub struct PartnerBody {
    /// The name to show (`Kecskemét`); leave out when the source does not name the partner
    /// ("en kommun i Kenya").
    pub name: Option<LocalizedText>,
    /// Every other name: in the local language, the Swedish name, former names with their
    /// years, spellings a source uses.
    #[schemars(length(min = 1))]
    pub names: Option<Vec<PlaceName>>,
    /// What kind of body it is, when the source says.
    pub level: Option<PartnerLevel>,
    /// The country it lies in today (ISO 3166-1; territories such as Åland `AX`, the Faroe
    /// Islands `FO` and Greenland `GL` have codes of their own).
    pub country: Option<CountryCode>,
    /// The country it lay in when the agreement was made, if that state no longer exists
    /// (ISO 3166-3).
    pub former_country: Option<FormerCountry>,
    /// The ISO 3166-2 subdivision it lies in (`US-IL`).
    pub subdivision: Option<SubdivisionCode>,
    /// The subdivision it lay in before a reform dissolved it (`NO-38`, Vestfold og Telemark,
    /// 2020 to 2023).
    pub former_subdivision: Option<SubdivisionCode>,
    /// Its Wikidata item.
    pub wikidata: Option<WikidataId>,
    /// Its website.
    pub website: Option<Url>,
    /// The larger body it is part of (Xindu District is part of Chengdu).
    pub part_of: Option<Box<PartnerBody>>,
    /// What became of it, if it no longer exists as it was (merged, renamed).
    pub succeeded_by: Option<Succession>,
}

impl PartnerBody {
    /// The name to show in Swedish, else the first of its other names.
    #[must_use]
    pub fn display_name(&self) -> Option<&str> {
        self.name
            .as_ref()
            .map(|n| n.sv.as_str())
            .or_else(|| self.names.as_ref()?.first().map(|n| n.name.as_str()))
    }
}

impl Validate for PartnerBody {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("name", &self.name);
        ctx.check("names", &self.names);
        ctx.check_records("names", self.names.as_deref());
        let named = self.name.is_some() || self.names.is_some() || self.wikidata.is_some();
        if !named && self.country.is_none() && self.former_country.is_none() {
            ctx.report(&rules::PARTNER_UNIDENTIFIED, &[]);
        } else if self.country.is_none() && self.former_country.is_none() {
            ctx.report(&rules::PARTNER_COUNTRY_MISSING, &[]);
        }
        ctx.check("subdivision", &self.subdivision);
        if let Some(former) = &self.former_subdivision {
            ctx.field("former_subdivision", |ctx| former.validate_former(ctx));
        }
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
        ctx.check("website", &self.website);
        ctx.check("part_of", &self.part_of);
        ctx.check("succeeded_by", &self.succeeded_by);
    }
}

/// An agreement between the municipality and a partner: a twin town, an industrial
/// partnership or another cooperation. Only the partner is required: registers often do not
/// know the kind of agreement, its status or its dates, and what a source does not say stays
/// out.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "list.duplicate_record",
    "partnership.end_before_start",
    "partnership.status_conflicts_with_end",
    "partnership.end_reason_without_end",
    "partnership.planned_end_passed",
    "record.unknown_pointer",
    "record.alternative_invalid"
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
    /// The kind of agreement, when the source says (the source's own word goes in
    /// `as_written`, at `/agreement_type`, whether or not a code is given).
    pub agreement_type: Option<AgreementType>,
    /// The fields of cooperation.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub areas: Option<Vec<CooperationArea>>,
    /// Who pays.
    #[schemars(length(min = 1))]
    pub funding: Option<Vec<FundingSource>>,
    /// The programme it runs under (ICLD's municipal partnerships).
    pub programme: Option<Programme>,
    /// Who takes part on the municipality's side (schools, associations).
    #[schemars(length(min = 1))]
    pub local_parties: Option<Vec<LocalParty>>,
    /// The body in charge of it at the municipality (`kommunfullmäktiges presidium`).
    pub responsible: Option<Text>,
    /// The written agreement.
    pub agreement: Option<AgreementDocument>,
    /// When the parties first met, before the agreement.
    pub first_contact: Option<PartialDate>,
    /// When the agreement was made (Wikidata P580); leave out when unknown.
    pub start: Option<PartialDate>,
    /// An age the source gives instead of a start ("50 år").
    pub stated_age: Option<StatedAge>,
    /// When it was renewed or updated.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub renewals: Option<Vec<PartialDate>>,
    /// Its phases (an aid phase, a preparation project, then a partnership).
    #[schemars(length(min = 1))]
    pub phases: Option<Vec<Phase>>,
    /// When an agreed term runs out, for a partnership still in force.
    pub planned_end: Option<PartialDate>,
    /// When it ended (Wikidata P582); only for status `ended`.
    pub end: Option<PartialDate>,
    /// Why it ended (Wikidata P1534).
    pub end_reason: Option<Text>,
    /// Where it stands; `unknown` when the register does not say.
    #[serde(default = "unknown_status", deserialize_with = "null_as_unknown")]
    #[schemars(with = "Option<PartnershipStatus>", extend("default" = "unknown"))]
    pub status: PartnershipStatus,
    /// When that status was decided or last seen to hold.
    pub status_date: Option<PartialDate>,
    /// The decisions (and proposals) behind it and its status.
    #[schemars(length(min = 1))]
    pub decisions: Option<Vec<Decision>>,
    /// The network, ring or chain it belongs to (an id of the register's `networks`).
    pub network: Option<Id>,
    /// The partnerships this one replaced (ids in the same register).
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub replaces: Option<Vec<Id>>,
    /// The source's own words for its values, by pointer (`/agreement_type`: `vänort`).
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

fn unknown_status() -> PartnershipStatus {
    PartnershipStatus::Unknown
}

// `codelist!` declares the enum, so `#[derive(Default)]` cannot mark the variant.
#[allow(clippy::derivable_impls)]
impl Default for PartnershipStatus {
    fn default() -> Self {
        PartnershipStatus::Unknown
    }
}

/// Reads `null` as `unknown`, the status of a register that does not say.
fn null_as_unknown<'de, D: serde::Deserializer<'de>>(d: D) -> Result<PartnershipStatus, D::Error> {
    Ok(Option::<PartnershipStatus>::deserialize(d)?.unwrap_or(PartnershipStatus::Unknown))
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
        ctx.check("programme", &self.programme);
        ctx.check("local_parties", &self.local_parties);
        ctx.check_records("local_parties", self.local_parties.as_deref());
        ctx.check("responsible", &self.responsible);
        ctx.check("agreement", &self.agreement);
        ctx.check("first_contact", &self.first_contact);
        ctx.check("start", &self.start);
        ctx.check("stated_age", &self.stated_age);
        ctx.check("renewals", &self.renewals);
        ctx.check_set("renewals", self.renewals.as_deref());
        ctx.check("phases", &self.phases);
        ctx.check_records("phases", self.phases.as_deref());
        ctx.check("planned_end", &self.planned_end);
        ctx.check("end", &self.end);
        ctx.check("end_reason", &self.end_reason);
        ctx.check("status_date", &self.status_date);
        ctx.check("decisions", &self.decisions);
        ctx.check_records("decisions", self.decisions.as_deref());
        ctx.check("network", &self.network);
        ctx.check("replaces", &self.replaces);
        ctx.check_set("replaces", self.replaces.as_deref());
        record::check_annotations(
            ctx,
            (DocumentKind::Partnership, "Partnership"),
            self.as_written.as_deref(),
            self.alternatives.as_deref(),
        );
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
        if self.end_reason.is_some()
            && !matches!(self.status, PartnershipStatus::Ended | PartnershipStatus::Terminating)
        {
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
