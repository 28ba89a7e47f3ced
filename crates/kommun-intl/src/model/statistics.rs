//! Yearly figures, one observation per figure (after SDMX and the RDF Data Cube).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::common::{Amount, PartialDate, Source, null_as_default};
use crate::codes::CurrencyCode;
use crate::validate::{Ctx, Validate, rules};

crate::codelist! {
    /// What an observation measures.
    pub enum StatMeasure {
        /// The number of international activities; unit `count`.
        InternationalActivities = "international_activities", sv: "Antal internationella aktiviteter", en: "Number of international activities";
        /// External funding received; unit a currency.
        ExternalFunding = "external_funding", sv: "Extern finansiering", en: "External funding received";
    }
}

/// The unit of an observation: `count` or an ISO 4217 currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A number of things.
    Count,
    /// An amount of money in a currency.
    Currency(CurrencyCode),
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Unit::Count => s.serialize_str("count"),
            Unit::Currency(c) => c.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Unit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn unit(s: &str) -> Option<Unit> {
            if s == "count" {
                Some(Unit::Count)
            } else {
                CurrencyCode::from_code(s).map(Unit::Currency)
            }
        }
        crate::codes::deserialize_code(d, unit, "expected `count` or an ISO 4217 currency code")
    }
}

impl JsonSchema for Unit {
    fn schema_name() -> Cow<'static, str> {
        "Unit".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let currency = generator.subschema_for::<CurrencyCode>();
        json_schema!({
            "description": "The unit: `count`, or an ISO 4217 currency code for money.",
            "anyOf": [
                { "const": "count", "x-labels": { "count": { "sv": "antal", "en": "count" } } },
                currency,
            ],
        })
    }
}

impl Validate for Unit {
    fn validate_into(&self, _: &mut Ctx) {}
}

/// One figure: what was measured, for which period, in what unit.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["statistics.unit_mismatch", "statistics.count_not_integer"]))]
pub struct Observation {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The period (`2015`).
    pub period: PartialDate,
    /// What is measured.
    pub measure: StatMeasure,
    /// The value, exact, as a decimal string (`"98"`, `"1800000"`).
    pub value: Amount,
    /// The unit.
    pub unit: Unit,
    /// True when the source gives a rounded or estimated figure ("1,8 miljoner").
    #[serde(
        default,
        skip_serializing_if = "std::ops::Not::not",
        deserialize_with = "null_as_default"
    )]
    #[schemars(with = "Option<bool>", extend("default" = false))]
    pub approximate: bool,
    /// Where the figure comes from.
    pub source: Option<Source>,
}

impl Validate for Observation {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("period", &self.period);
        ctx.check("value", &self.value);
        let fits = matches!(
            (self.measure, self.unit),
            (StatMeasure::InternationalActivities, Unit::Count)
                | (StatMeasure::ExternalFunding, Unit::Currency(_))
        );
        if !fits {
            ctx.report_at(
                "unit",
                &rules::STATISTICS_UNIT_MISMATCH,
                &[("measure", self.measure.code().to_owned())],
            );
        }
        if self.unit == Unit::Count && self.value.as_str().contains('.') {
            ctx.report_at("value", &rules::STATISTICS_COUNT_NOT_INTEGER, &[]);
        }
        ctx.check("source", &self.source);
    }
}
