//! Geography and contact: postal addresses, ISO 3166-2 subdivisions, Wikidata ids, e-mail
//! addresses and phone numbers.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use super::common::{Text, regex, string_type};
use crate::codes::CountryCode;
use crate::validate::{Ctx, Validate, rules};

const SE_POSTAL_CODE_PATTERN: &str = "^[1-9][0-9]{2} [0-9]{2}$";
static SE_POSTAL_CODE_RE: LazyLock<Regex> = LazyLock::new(|| regex(SE_POSTAL_CODE_PATTERN));

/// A postal address (schema.org `PostalAddress`).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["address.postal_code_format"]))]
pub struct PostalAddress {
    /// Street and number, or box (`Skaragatan 8`).
    pub street_address: Text,
    /// The postal code; a Swedish one is written `NNN NN` (`531 88`).
    pub postal_code: Text,
    /// The postal town (`Lidköping`).
    pub locality: Text,
    /// The country.
    pub country: CountryCode,
}

impl Validate for PostalAddress {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("street_address", &self.street_address);
        ctx.check("postal_code", &self.postal_code);
        ctx.check("locality", &self.locality);
        if self.country.code() == "SE" && !SE_POSTAL_CODE_RE.is_match(self.postal_code.as_str()) {
            ctx.report_at("postal_code", &rules::POSTAL_CODE_FORMAT, &[]);
        }
    }
}

impl PostalAddress {
    /// A Swedish postal code in its one right form, `NNN NN`, if `code` is five digits written
    /// with or without the space (and with or without an `SE-` prefix).
    #[must_use]
    pub fn normalise_se_postal_code(code: &str) -> Option<String> {
        let code = code.trim();
        let code = code.strip_prefix("SE-").unwrap_or(code);
        let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let normal = (digits.len() == 5 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| format!("{} {}", &digits[..3], &digits[3..]))?;
        SE_POSTAL_CODE_RE.is_match(&normal).then_some(normal)
    }
}

const SUBDIVISION_PATTERN: &str = "^[A-Z]{2}-[A-Z0-9]{1,3}$";
static SUBDIVISION_RE: LazyLock<Regex> = LazyLock::new(|| regex(SUBDIVISION_PATTERN));

string_type! {
    /// An ISO 3166-2 subdivision code: the country code, a dash and one to three letters or
    /// digits (`US-IL`, `HU-KM`, `SE-O`).
    SubdivisionCode
}

impl SubdivisionCode {
    /// The country part (`US` of `US-IL`), if the code is well-formed and the country exists.
    #[must_use]
    pub fn country(&self) -> Option<CountryCode> {
        if !SUBDIVISION_RE.is_match(&self.0) {
            return None;
        }
        CountryCode::from_code(&self.0[..2])
    }

    /// True when ISO 3166-2 has this code.
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.country().is_some_and(|c| c.has_subdivision(&self.0[3..]))
    }
}

impl JsonSchema for SubdivisionCode {
    fn schema_name() -> Cow<'static, str> {
        "SubdivisionCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An ISO 3166-2 subdivision code, e.g. US-IL.",
            "type": "string",
            "pattern": SUBDIVISION_PATTERN,
            "x-rules": [rules::SUBDIVISION_UNKNOWN.code],
        })
    }
}

impl Validate for SubdivisionCode {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !SUBDIVISION_RE.is_match(&self.0) {
            ctx.report(&rules::SUBDIVISION_FORMAT, &[]);
        } else if !self.is_known() {
            ctx.report(&rules::SUBDIVISION_UNKNOWN, &[("subdivision", self.0.clone())]);
        }
    }
}

const WIKIDATA_PATTERN: &str = "^Q[1-9][0-9]{0,11}$";
static WIKIDATA_RE: LazyLock<Regex> = LazyLock::new(|| regex(WIKIDATA_PATTERN));

string_type! {
    /// A Wikidata item id (`Q25522`).
    WikidataId
}

impl JsonSchema for WikidataId {
    fn schema_name() -> Cow<'static, str> {
        "WikidataId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A Wikidata item id, e.g. Q25522.",
            "type": "string",
            "pattern": WIKIDATA_PATTERN,
        })
    }
}

impl Validate for WikidataId {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !WIKIDATA_RE.is_match(&self.0) {
            ctx.report(&rules::WIKIDATA_FORMAT, &[]);
        }
    }
}

string_type! {
    /// An e-mail address (`kommun@lidkoping.se`).
    Email
}

impl JsonSchema for Email {
    fn schema_name() -> Cow<'static, str> {
        "Email".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An e-mail address.",
            "type": "string",
            "format": "email",
            "x-rules": [rules::EMAIL_DOMAIN.code],
        })
    }
}

impl Validate for Email {
    fn validate_into(&self, ctx: &mut Ctx) {
        match self.0.parse::<email_address::EmailAddress>() {
            Ok(e) if e.as_str() == self.0 => {
                if !e.domain().contains('.') || e.domain().starts_with('[') {
                    ctx.report(&rules::EMAIL_DOMAIN, &[]);
                }
            }
            _ => ctx.report(&rules::EMAIL_INVALID, &[]),
        }
    }
}

const PHONE_PATTERN: &str = r"^\+?[0-9() -]{4,30}$";
static PHONE_RE: LazyLock<Regex> = LazyLock::new(|| regex(PHONE_PATTERN));

string_type! {
    /// A phone number, stored in E.164 form (`+46510770000`). The Swedish national form
    /// (`0510-77 00 00`) is accepted with a warning and `kommun-intl fix` normalises it.
    Phone
}

impl Phone {
    /// The number in E.164 form, if it is a valid number (national numbers are read as
    /// Swedish).
    #[must_use]
    pub fn e164(&self) -> Option<String> {
        if !PHONE_RE.is_match(&self.0) {
            return None;
        }
        let n = phonenumber::parse(Some(phonenumber::country::Id::SE), &self.0).ok()?;
        phonenumber::is_valid(&n).then(|| n.format().mode(phonenumber::Mode::E164).to_string())
    }
}

impl JsonSchema for Phone {
    fn schema_name() -> Cow<'static, str> {
        "Phone".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A phone number in E.164 form, e.g. +46510770000 (the Swedish national form 0510-77 00 00 is accepted with a warning).",
            "type": "string",
            "pattern": PHONE_PATTERN,
            "x-rules": [rules::PHONE_INVALID.code, rules::PHONE_NOT_E164.code],
        })
    }
}

impl Validate for Phone {
    fn validate_into(&self, ctx: &mut Ctx) {
        if !PHONE_RE.is_match(&self.0) {
            ctx.report(&rules::PHONE_FORMAT, &[]);
            return;
        }
        match self.e164() {
            None => ctx.report(&rules::PHONE_INVALID, &[]),
            Some(e164) if e164 != self.0 => ctx.report(&rules::PHONE_NOT_E164, &[]),
            Some(_) => {}
        }
    }
}
