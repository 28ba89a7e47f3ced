//! Fault reports (*felanmälan*): an Open311 GeoReport v2 service request, with Open311's field
//! names. The services, detailed statuses and service definitions a report is checked against
//! are the municipality's own, from its [`Profile`](super::profile::Profile).

use std::borrow::Cow;
use std::sync::LazyLock;

use country_boundaries::{BOUNDARIES_ODBL_360X180, CountryBoundaries, LatLon};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::common::{LongText, Personal, Text, Timestamp, Url, null_as_default};
use super::feedback::Contact;
use super::profile::{AttributeType, Service};
use crate::codes::CountryCode;
use crate::validate::{Ctx, Validate, rules};

super::common::string_type! {
    /// The code of the service a report goes to (Open311 `service_code`): one of the
    /// municipality's services, as its profile lists them (by default Lidköping's:
    /// `belysning`, `parkskotsel`, ...).
    ServiceCode
}

impl JsonSchema for ServiceCode {
    fn schema_name() -> Cow<'static, str> {
        "ServiceCode".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The code of the service a report goes to (Open311 `service_code`): one of the municipality's services, as its profile lists them.",
            "type": "string",
            "minLength": 1,
            "x-rules": [rules::FAULT_REPORT_UNKNOWN_SERVICE.code],
        })
    }
}

impl Validate for ServiceCode {
    fn validate_into(&self, ctx: &mut Ctx) {
        let profile = ctx.profile();
        if profile.service(self.as_str()).is_none() {
            let codes = profile.service_codes();
            let mut params = vec![("value", self.as_str().chars().take(60).collect())];
            params.extend(codes.hints(self.as_str()));
            ctx.report(&rules::FAULT_REPORT_UNKNOWN_SERVICE, &params);
        }
    }
}

crate::codelist! {
    /// Where the handling of a fault report stands (Open311).
    pub enum FaultReportStatus {
        /// Not yet dealt with.
        Open = "open", sv: "Öppen", en: "Open";
        /// Dealt with.
        Closed = "closed", sv: "Stängd", en: "Closed";
    }
}

// `codelist!` declares the enum, so `#[derive(Default)]` cannot mark the variant.
#[allow(clippy::derivable_impls)]
impl Default for FaultReportStatus {
    fn default() -> Self {
        FaultReportStatus::Open
    }
}

/// An answer to a question of the service's definition (Open311 `attribute[CODE]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeAnswer {
    /// The attribute's code.
    pub code: Text,
    /// The answer: one value (`attribute[CODE]=v`) or several (`attribute[CODE][]=v1&...`).
    #[schemars(extend("x-personal-data" = true))]
    pub value: Personal<AnswerValue>,
}

/// One value, or several (a multi-value list's).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnswerValue {
    /// One value.
    One(LongText),
    /// Several values.
    Many(Vec<LongText>),
}

impl AnswerValue {
    /// The values given.
    #[must_use]
    pub fn values(&self) -> &[LongText] {
        match self {
            AnswerValue::One(v) => std::slice::from_ref(v),
            AnswerValue::Many(v) => v,
        }
    }
}

impl Validate for AnswerValue {
    fn validate_into(&self, ctx: &mut Ctx) {
        match self {
            AnswerValue::One(v) => v.validate_into(ctx),
            AnswerValue::Many(v) => v.validate_into(ctx),
        }
    }
}

impl Validate for AttributeAnswer {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("code", &self.code);
        ctx.check("value", &self.value);
    }
}

/// Members a server adds beyond the spec (Open311 `extended_attributes`), kept as found.
/// Personal data: they may hold anything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExtendedAttributes(pub Map<String, Value>);

impl JsonSchema for ExtendedAttributes {
    fn schema_name() -> Cow<'static, str> {
        "ExtendedAttributes".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Members a server adds beyond the spec (Open311 `extended_attributes`), kept as found.",
            "type": "object",
            "x-personal-data": true,
        })
    }
}

impl Validate for ExtendedAttributes {
    fn validate_into(&self, _: &mut Ctx) {}
}

/// A report that something in public space is broken: an Open311 GeoReport v2 service request,
/// field for field (see the README's Open311 table). What the person sent (`description`,
/// `title`, answers, contact, device and account) is personal data.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "x-rules" = ["fault_report.outside_area", "fault_report.axes_swapped", "fault_report.unknown_status", "fault_report.status_conflict", "fault_report.unknown_attribute", "fault_report.attribute_missing", "fault_report.attribute_value", "submission.in_future"],
    "anyOf" = [
        { "required": ["lat", "long"], "properties": { "lat": { "type": "number" }, "long": { "type": "number" } } },
        { "required": ["address"], "properties": { "address": { "type": "string" } } },
        { "required": ["address_id"], "properties": { "address_id": { "type": "string" } } }
    ],
    "allOf" = [
        {
            "if": { "required": ["lat"], "properties": { "lat": { "type": "number" } } },
            "then": { "required": ["long"], "properties": { "long": { "type": "number" } } }
        },
        {
            "if": { "required": ["long"], "properties": { "long": { "type": "number" } } },
            "then": { "required": ["lat"], "properties": { "lat": { "type": "number" } } }
        }
    ]
))]
pub struct FaultReport {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The request's id in the municipality's system, once there is one.
    pub service_request_id: Option<Text>,
    /// The token a server gave before the request had an id.
    pub token: Option<Text>,
    /// The Open311 jurisdiction (`lidkoping.se`).
    pub jurisdiction_id: Option<Text>,
    /// The service it goes to.
    pub service_code: ServiceCode,
    /// The service's name, as the server wrote it.
    pub service_name: Option<Text>,
    /// A headline the person gave (an extension some servers have; personal data).
    #[schemars(extend("x-personal-data" = true))]
    pub title: Option<Personal<Text>>,
    /// What the person wrote (personal data: it may name people).
    #[schemars(extend("x-personal-data" = true))]
    pub description: Option<Personal<LongText>>,
    /// Latitude, WGS84 decimal degrees.
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: Option<f64>,
    /// Longitude, WGS84 decimal degrees.
    #[schemars(range(min = -180.0, max = 180.0))]
    pub long: Option<f64>,
    /// The place in words (`Skaragatan 8, Lidköping`; Open311 `address`, `address_string` when
    /// posted).
    pub address: Option<Text>,
    /// The place as an id in the municipality's address register.
    pub address_id: Option<Text>,
    /// The postal code.
    pub zipcode: Option<Text>,
    /// A photo.
    pub media_url: Option<Url>,
    /// When it was reported.
    pub requested_datetime: Option<Timestamp>,
    /// When the request last changed.
    pub updated_datetime: Option<Timestamp>,
    /// When the municipality expects to have dealt with it.
    pub expected_datetime: Option<Timestamp>,
    /// Where the handling stands.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<FaultReportStatus>")]
    pub status: FaultReportStatus,
    /// The status in the municipality's own words (one of its profile's `statuses`).
    pub detailed_status: Option<Text>,
    /// What the municipality wrote about the handling (personal data: it may quote the person).
    #[schemars(extend("x-personal-data" = true))]
    pub status_notes: Option<Personal<LongText>>,
    /// Who handles it (`Gatuenheten`).
    pub agency_responsible: Option<Text>,
    /// A notice about the service (`Lamporna byts i oktober`).
    pub service_notice: Option<LongText>,
    /// How to reach the reporter (`first_name`, `last_name`, `email`, `phone`); leave out for an
    /// anonymous report.
    pub contact: Option<Contact>,
    /// The reporter's device (personal data).
    #[schemars(extend("x-personal-data" = true))]
    pub device_id: Option<Personal<Text>>,
    /// The reporter's account (personal data).
    #[schemars(extend("x-personal-data" = true))]
    pub account_id: Option<Personal<Text>>,
    /// Answers to the questions of the service's definition.
    #[schemars(length(min = 1))]
    pub attributes: Option<Vec<AttributeAnswer>>,
    /// Members the server added beyond the spec.
    pub extended_attributes: Option<ExtendedAttributes>,
}

/// Country boundaries from OpenStreetMap (© OpenStreetMap contributors, ODbL), a one-degree
/// raster refined by polygons.
static BOUNDARIES: LazyLock<Option<CountryBoundaries>> =
    LazyLock::new(|| CountryBoundaries::from_reader(BOUNDARIES_ODBL_360X180).ok());

/// True when the point lies in `country` (false where the boundaries cannot say).
fn lies_in(lat: f64, long: f64, country: CountryCode) -> bool {
    let Some(boundaries) = BOUNDARIES.as_ref() else { return false };
    LatLon::new(lat, long).is_ok_and(|p| boundaries.is_in(p, country.code()))
}

impl FaultReport {
    fn check_place(&self, ctx: &mut Ctx) {
        let mut in_range = true;
        for (name, value, limit) in [("lat", self.lat, 90.0), ("long", self.long, 180.0)] {
            if let Some(v) = value
                && !(-limit..=limit).contains(&v)
            {
                in_range = false;
                let axis = if name == "lat" { "latitude" } else { "longitude" };
                ctx.report_at(name, &rules::COORDINATE_RANGE, &[("axis", axis.to_owned())]);
            }
        }
        match (self.lat, self.long) {
            (Some(lat), Some(long)) if in_range => {
                let area = ctx.profile().expected_country();
                if !lies_in(lat, long, area) {
                    // Swapping is suggested only where it puts the point in the area.
                    let rule = if lies_in(long, lat, area) {
                        &rules::FAULT_REPORT_AXES_SWAPPED
                    } else {
                        &rules::FAULT_REPORT_OUTSIDE_AREA
                    };
                    ctx.report_at("lat", rule, &[("area", area.code().to_owned())]);
                }
            }
            (Some(_), None) | (None, Some(_)) => {
                ctx.report(&rules::FAULT_REPORT_COORDINATES_INCOMPLETE, &[]);
            }
            _ => {}
        }
        let has_place = (self.lat.is_some() && self.long.is_some())
            || self.address.is_some()
            || self.address_id.is_some();
        if !has_place {
            ctx.report(&rules::FAULT_REPORT_LOCATION_MISSING, &[]);
        }
    }

    fn check_status(&self, ctx: &mut Ctx) {
        let Some(code) = &self.detailed_status else { return };
        let profile = ctx.profile();
        if profile.statuses.is_none() {
            return;
        }
        match profile.status(code.as_str()) {
            None => {
                let codes = profile.status_codes();
                let mut params = vec![("value", code.as_str().chars().take(60).collect())];
                params.extend(codes.hints(code.as_str()));
                ctx.report_at("detailed_status", &rules::FAULT_REPORT_UNKNOWN_STATUS, &params);
            }
            Some(s) if s.open311 != self.status => {
                let params =
                    [("code", code.as_str().to_owned()), ("expected", s.open311.code().to_owned())];
                ctx.report_at("status", &rules::FAULT_REPORT_STATUS_CONFLICT, &params);
            }
            Some(_) => {}
        }
    }

    /// The answers against the service's definition, when the profile has one.
    fn check_answers(&self, service: &Service, ctx: &mut Ctx) {
        let Some(questions) = &service.attributes else { return };
        let answers = self.attributes.as_deref().unwrap_or_default();
        ctx.field("attributes", |ctx| {
            for (i, answer) in answers.iter().enumerate() {
                let Some(q) = questions.iter().find(|q| q.code == answer.code) else {
                    let allowed = questions.iter().map(|q| q.code.as_str()).collect::<Vec<_>>();
                    let mut params = Vec::new();
                    if allowed.len() <= crate::schema::compiled::SHORT_CODE_LIST {
                        params.push(("allowed", allowed.join(", ")));
                    }
                    ctx.index(i, |ctx| {
                        ctx.report_at("code", &rules::FAULT_REPORT_UNKNOWN_ATTRIBUTE, &params);
                    });
                    continue;
                };
                if !answer_fits(q.datatype, q.values.as_deref(), answer.value.expose()) {
                    let mut params = vec![("code", q.code.as_str().to_owned())];
                    if let Some(values) = &q.values
                        && values.len() <= crate::schema::compiled::SHORT_CODE_LIST
                    {
                        let keys: Vec<&str> = values.iter().map(|v| v.key.as_str()).collect();
                        params.push(("allowed", keys.join(", ")));
                    }
                    ctx.index(i, |ctx| {
                        ctx.report_at("value", &rules::FAULT_REPORT_ATTRIBUTE_VALUE, &params);
                    });
                }
            }
        });
        for q in questions.iter().filter(|q| q.variable && q.required) {
            if !answers.iter().any(|a| a.code == q.code) {
                let params = [("code", q.code.as_str().to_owned())];
                ctx.report(&rules::FAULT_REPORT_ATTRIBUTE_MISSING, &params);
            }
        }
    }
}

/// True when an answer has the form its question asks for.
fn answer_fits(
    datatype: AttributeType,
    values: Option<&[super::profile::AttributeValue]>,
    answer: &AnswerValue,
) -> bool {
    let given = answer.values();
    let listed =
        |v: &LongText| values.is_none_or(|l| l.iter().any(|k| k.key.as_str() == v.as_str()));
    match datatype {
        AttributeType::Singlevaluelist => given.len() == 1 && listed(&given[0]),
        AttributeType::Multivaluelist => given.iter().all(listed),
        AttributeType::Number => {
            given.len() == 1 && given[0].as_str().trim().parse::<f64>().is_ok_and(f64::is_finite)
        }
        AttributeType::Datetime => given.len() == 1 && Timestamp::new(given[0].as_str()).is_valid(),
        AttributeType::String | AttributeType::Text => given.len() == 1,
    }
}

impl Validate for FaultReport {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("service_request_id", &self.service_request_id);
        ctx.check("token", &self.token);
        ctx.check("jurisdiction_id", &self.jurisdiction_id);
        ctx.check("service_code", &self.service_code);
        ctx.check("service_name", &self.service_name);
        ctx.check("title", &self.title);
        ctx.check("description", &self.description);
        self.check_place(ctx);
        ctx.check("address", &self.address);
        ctx.check("address_id", &self.address_id);
        ctx.check("zipcode", &self.zipcode);
        ctx.check("media_url", &self.media_url);
        if let Some(at) = &self.requested_datetime {
            ctx.field("requested_datetime", |ctx| at.check_submission(ctx));
        }
        ctx.check("updated_datetime", &self.updated_datetime);
        ctx.check("expected_datetime", &self.expected_datetime);
        ctx.check("detailed_status", &self.detailed_status);
        self.check_status(ctx);
        ctx.check("status_notes", &self.status_notes);
        ctx.check("agency_responsible", &self.agency_responsible);
        ctx.check("service_notice", &self.service_notice);
        ctx.check("contact", &self.contact);
        ctx.check("device_id", &self.device_id);
        ctx.check("account_id", &self.account_id);
        ctx.check("attributes", &self.attributes);
        let profile = ctx.profile();
        if let Some(service) = profile.service(self.service_code.as_str()) {
            self.check_answers(service, ctx);
        }
    }
}
