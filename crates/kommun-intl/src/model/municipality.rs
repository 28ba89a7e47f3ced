//! The municipality: identity, contact details, organisational units and kinds of
//! international work.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, Text, Url, null_as_default, string_type};
use super::geo::{Email, Phone, PostalAddress, WikidataId};
use super::pattern::{self, Pattern};
use crate::codes::municipality_by_code;
use crate::validate::{Ctx, Validate, rules};

const MUNICIPALITY_CODE_PATTERN: &str = "^[0-9]{4}$";
pub(crate) static MUNICIPALITY_CODE_RE: Pattern =
    Pattern::new(MUNICIPALITY_CODE_PATTERN, pattern::municipality_code);

string_type! {
    /// SCB's four-digit municipality code (*kommunkod*): the county's two digits and two more
    /// (`1494` is Lidköping).
    MunicipalityCode
}

impl JsonSchema for MunicipalityCode {
    fn schema_name() -> Cow<'static, str> {
        "MunicipalityCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "SCB's four-digit municipality code (kommunkod), e.g. 1494 for Lidköping.",
            "type": "string",
            "pattern": MUNICIPALITY_CODE_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::MUNICIPALITY_CODE_FORMAT]),
            "x-rules": [rules::MUNICIPALITY_UNKNOWN_CODE.code],
        })
    }
}

impl Validate for MunicipalityCode {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !MUNICIPALITY_CODE_RE.is_match(&self.0) {
            ctx.report(&rules::MUNICIPALITY_CODE_FORMAT, &[]);
        } else if municipality_by_code(&self.0).is_none() {
            ctx.report(&rules::MUNICIPALITY_UNKNOWN_CODE, &[("code", self.0.clone())]);
        }
    }
}

const ORG_NUMBER_PATTERN: &str = "^[0-9]{6}-[0-9]{4}$";
pub(crate) static ORG_NUMBER_RE: Pattern = Pattern::new(ORG_NUMBER_PATTERN, pattern::org_number);

string_type! {
    /// A Swedish organisation number (*organisationsnummer*, Bolagsverket), `NNNNNN-NNNN`, whose
    /// last digit is a Luhn check digit.
    OrgNumber
}

impl OrgNumber {
    /// True when the last digit is the Luhn check digit of the first nine.
    #[must_use]
    pub fn check_digit_ok(&self) -> bool {
        let digits: Vec<u32> = self.0.chars().filter_map(|c| c.to_digit(10)).collect();
        if digits.len() != 10 {
            return false;
        }
        let sum: u32 = digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, &d)| {
                if i % 2 == 1 {
                    let x = d * 2;
                    if x > 9 { x - 9 } else { x }
                } else {
                    d
                }
            })
            .sum();
        sum.is_multiple_of(10)
    }
}

impl JsonSchema for OrgNumber {
    fn schema_name() -> Cow<'static, str> {
        "OrgNumber".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A Swedish organisation number, NNNNNN-NNNN, with a Luhn check digit.",
            "type": "string",
            "pattern": ORG_NUMBER_PATTERN,
            "patternErrorMessage": rules::Rule::pattern_message(&[&rules::ORG_NUMBER_FORMAT]),
            "x-rules": [rules::ORG_NUMBER_CHECK_DIGIT.code],
        })
    }
}

impl Validate for OrgNumber {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !ORG_NUMBER_RE.is_match(&self.0) {
            ctx.report(&rules::ORG_NUMBER_FORMAT, &[]);
        } else if !self.check_digit_ok() {
            ctx.report(&rules::ORG_NUMBER_CHECK_DIGIT, &[]);
        }
    }
}

crate::codelist! {
    /// A kind of international work, as the municipality's page lists them.
    pub enum InternationalWorkKind {
        /// Membership of international organisations and networks.
        Membership = "membership", sv: "Medlemskap i internationella organisationer och nätverk", en: "Membership of international organisations and networks";
        /// Project cooperation with other municipalities and regions, partly funded by e.g. the EU.
        ProjectCooperation = "project_cooperation", sv: "Projektsamarbete med andra kommuner och regioner, delvis finansierat av till exempel EU", en: "Project cooperation with other municipalities and regions, partly funded by e.g. the EU";
        /// Traditional twin-town cooperation.
        Twinning = "twinning", sv: "Traditionellt vänortssamarbete", en: "Traditional twin-town cooperation";
        /// Cooperation with other towns and municipalities, e.g. youth exchanges.
        CityExchange = "city_exchange", sv: "Samarbete med andra städer och kommuner för till exempel ungdomsutbyten", en: "Cooperation with other towns and municipalities, e.g. for youth exchanges";
        /// Monitoring the world around us and sharing information.
        Monitoring = "monitoring", sv: "Bevakning av vår omvärld och informationsspridning", en: "Monitoring the world around us and sharing information";
        /// Networking and business-development exchange.
        NetworkingBusiness = "networking_business", sv: "Nätverksbyggande och affärsutvecklande utbyte", en: "Networking and business-development exchange";
    }
}

/// An organisational unit of the municipality (a *förvaltning*, school or service).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrgUnit {
    /// The unit's id, which projects use to name their departments.
    pub id: Id,
    /// The unit's name as the municipality writes it (`Barn & Skola`).
    pub name: Text,
}

impl Validate for OrgUnit {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("name", &self.name);
    }
}

/// A Swedish municipality (*kommun*) and its contact details.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["municipality.name_mismatch", "dataset.duplicate_id"]))]
pub struct Municipality {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The municipality's id (`lidkoping`).
    pub id: Id,
    /// Its name (`Lidköpings kommun`).
    pub name: LocalizedText,
    /// SCB's municipality code (`1494`).
    pub municipality_code: MunicipalityCode,
    /// The organisation number, when known.
    pub organisation_number: Option<OrgNumber>,
    /// The postal address.
    pub address: Option<PostalAddress>,
    /// The main phone number, E.164.
    pub phone: Option<Phone>,
    /// The fax number, E.164.
    pub fax: Option<Phone>,
    /// The main e-mail address.
    pub email: Option<Email>,
    /// The website.
    pub website: Option<Url>,
    /// The municipality's own Wikidata item (`Q…`), when known: the subject of its twinnings
    /// (P190) in a Wikidata export and comparison.
    pub wikidata: Option<WikidataId>,
    /// The organisational units that take part in international work.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<OrgUnit>>", extend("default" = []))]
    pub units: Vec<OrgUnit>,
    /// The kinds of international work the municipality does.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub kinds_of_work: Option<Vec<InternationalWorkKind>>,
}

impl Municipality {
    /// A municipality with its id, name and SCB code and nothing else; set the rest with
    /// struct update:
    ///
    /// ```
    /// use kommun_intl::Validate;
    /// use kommun_intl::model::{LocalizedText, Municipality};
    ///
    /// let lidkoping = Municipality {
    ///     website: Some("https://lidkoping.se".into()),
    ///     ..Municipality::new("lidkoping", LocalizedText::sv("Lidköpings kommun"), "1494")
    /// };
    /// assert!(lidkoping.validate().is_clean());
    /// ```
    #[must_use]
    pub fn new(
        id: impl Into<Id>,
        name: LocalizedText,
        municipality_code: impl Into<MunicipalityCode>,
    ) -> Municipality {
        Municipality {
            schema: None,
            id: id.into(),
            name,
            municipality_code: municipality_code.into(),
            organisation_number: None,
            address: None,
            phone: None,
            fax: None,
            email: None,
            website: None,
            wikidata: None,
            units: Vec::new(),
            kinds_of_work: None,
        }
    }
}

/// Municipalities whose own name uses an old genitive stem instead of the place's name: the
/// municipality of Falun is *Falu kommun*.
const GENITIVE_STEMS: &[(&str, &str)] = &[("Falun", "Falu")];

impl Validate for Municipality {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("name", &self.name);
        ctx.check("municipality_code", &self.municipality_code);
        if let Some(known) = municipality_by_code(self.municipality_code.as_str()) {
            let name = self.name.sv.as_str().to_lowercase();
            let stem = GENITIVE_STEMS
                .iter()
                .find(|(place, _)| *place == known.name)
                .map(|(_, stem)| format!("{} kommun", stem.to_lowercase()));
            let named = name.contains(&known.name.to_lowercase())
                || stem.is_some_and(|stem| name.contains(&stem));
            if !named {
                ctx.report_at(
                    "name",
                    &rules::MUNICIPALITY_NAME_MISMATCH,
                    &[("code", known.code.to_owned()), ("expected", known.name.to_owned())],
                );
            }
        }
        ctx.check("organisation_number", &self.organisation_number);
        ctx.check("address", &self.address);
        ctx.check("phone", &self.phone);
        ctx.check("fax", &self.fax);
        ctx.check("email", &self.email);
        ctx.check("website", &self.website);
        ctx.check("wikidata", &self.wikidata);
        ctx.check("units", &self.units);
        super::check_unique_ids(ctx, "units", self.units.iter().map(|u| &u.id));
        ctx.check_set("kinds_of_work", self.kinds_of_work.as_deref());
    }
}
