//! A municipality's own code lists: the services its fault reports go to (an Open311 service
//! list, with the definitions of their attributes), the feedback categories and channels it
//! offers, its units, and the detailed statuses its systems use. What the same for everyone is
//! compiled in (countries, currencies, programmes); what differs between municipalities is a
//! profile, which is data: a profile file (this type, with its own JSON Schema), an Open311
//! service list (`kommun-intl-open311` reads one), or the built-in default, Lidköping's
//! ([`Profile::default_profile`]).
//!
//! Validation takes a profile in [`Options`](crate::validate::Options); schemas can be written
//! for one (`schema::schema_with_profile`), so that an editor completes the municipality's own
//! codes.

use std::sync::{Arc, LazyLock};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, LocalizedText, Source, Text};
use super::fault_report::FaultReportStatus;
use super::feedback::{Channel, FeedbackCategory};
use super::municipality::{MunicipalityCode, OrgUnit};
use crate::codes::{CodeList, CountryCode};
use crate::schema::compiled::Codes;
use crate::validate::{Ctx, Lang, Validate, rules};

crate::codelist! {
    /// How an Open311 service takes requests.
    pub enum ServiceType {
        /// Handled at once, with an id in the answer.
        Realtime = "realtime", sv: "Direkt", en: "Realtime";
        /// Handled later: the answer is a token.
        Batch = "batch", sv: "I omgångar", en: "Batch";
        /// Taken in, with no answer about its handling.
        Blackbox = "blackbox", sv: "Utan återkoppling", en: "Blackbox";
    }
}

crate::codelist! {
    /// The type of an Open311 service attribute's value.
    pub enum AttributeType {
        /// A short text.
        String = "string", sv: "Text", en: "String";
        /// A number.
        Number = "number", sv: "Tal", en: "Number";
        /// A date and time.
        Datetime = "datetime", sv: "Tidpunkt", en: "Date and time";
        /// A long text.
        Text = "text", sv: "Lång text", en: "Long text";
        /// One value of a list.
        Singlevaluelist = "singlevaluelist", sv: "Ett val ur en lista", en: "One value of a list";
        /// Values of a list.
        Multivaluelist = "multivaluelist", sv: "Flera val ur en lista", en: "Values of a list";
    }
}

/// One value an Open311 list attribute allows.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AttributeValue {
    /// The value sent (`123`).
    pub key: Text,
    /// Its name as shown (`Trasig lampa`).
    pub name: Text,
}

/// An attribute of an Open311 service (GET Service Definition): a question the form asks.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceAttribute {
    /// True when the person answers it; false for a text that only informs.
    pub variable: bool,
    /// The attribute's code, sent as `attribute[CODE]`.
    pub code: Text,
    /// The type of its value.
    pub datatype: AttributeType,
    /// True when an answer is required.
    pub required: bool,
    /// What the value should look like.
    pub datatype_description: Option<Text>,
    /// Its place on the form.
    #[schemars(range(min = 0, max = 4_294_967_295_u32))]
    pub order: Option<u32>,
    /// The question (servers leave it out for hidden attributes that their own software
    /// fills in).
    pub description: Option<Text>,
    /// The values a list attribute allows.
    #[schemars(length(min = 1))]
    pub values: Option<Vec<AttributeValue>>,
}

impl Validate for ServiceAttribute {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("code", &self.code);
        ctx.check("datatype_description", &self.datatype_description);
        ctx.check("description", &self.description);
        ctx.check_records("values", self.values.as_deref());
    }
}

/// A service that fault reports go to: one entry of an Open311 service list (GET Service
/// List), with its definition (GET Service Definition) when it has one.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// The code fault reports name (`belysning`, `001`).
    pub service_code: Text,
    /// The name people see, in the server's language (`Belysning`).
    pub service_name: Text,
    /// The name in English, when the municipality gives one.
    pub service_name_en: Option<Text>,
    /// What the service is for.
    pub description: Option<Text>,
    /// True when the service has a definition with attributes.
    #[serde(default)]
    pub metadata: bool,
    /// How it takes requests.
    #[serde(rename = "type")]
    pub kind: Option<ServiceType>,
    /// Words it is found by.
    #[schemars(length(min = 1))]
    pub keywords: Option<Vec<Text>>,
    /// The group it belongs to (`Gator och trafik`).
    pub group: Option<Text>,
    /// The attributes of its definition.
    #[schemars(length(min = 1))]
    pub attributes: Option<Vec<ServiceAttribute>>,
}

impl Validate for Service {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("service_code", &self.service_code);
        ctx.check("service_name", &self.service_name);
        ctx.check("service_name_en", &self.service_name_en);
        ctx.check("description", &self.description);
        ctx.check("keywords", &self.keywords);
        ctx.check("group", &self.group);
        ctx.check("attributes", &self.attributes);
        if let Some(attributes) = &self.attributes {
            ctx.field("attributes", |ctx| {
                ctx.each_repeat(attributes.iter().map(|a| a.code.as_str()), |ctx, code, first| {
                    ctx.report_at(
                        "code",
                        &rules::PROFILE_DUPLICATE_CODE,
                        &[("code", (*code).to_owned()), ("first", first.to_string())],
                    );
                });
            });
        }
    }
}

/// A detailed status a municipality's system uses (`acknowledged`, `in_progress`,
/// `duplicate`), with the Open311 status it stands under.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DetailedStatus {
    /// The system's word for it.
    pub code: Text,
    /// Its name in both languages.
    pub label: Option<LocalizedText>,
    /// `open` or `closed`.
    pub open311: FaultReportStatus,
}

/// A feedback category a municipality offers, with its own name for it.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CategoryInUse {
    /// The category.
    pub code: FeedbackCategory,
    /// The municipality's name for it (`Lämna en synpunkt`).
    pub label: Option<Text>,
}

/// A municipality's code lists: see the module docs.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["profile.duplicate_code", "profile.unknown_time_zone", "list.duplicate_record", "dataset.duplicate_id"]))]
pub struct Profile {
    /// The JSON Schema this document follows, when it stands alone.
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The profile's id (`lidkoping`).
    pub id: Id,
    /// Whose it is (`Lidköpings kommun`).
    pub name: Option<LocalizedText>,
    /// The municipality's SCB code.
    pub municipality_code: Option<MunicipalityCode>,
    /// Its Open311 jurisdiction (`lidkoping.se`).
    pub jurisdiction_id: Option<Text>,
    /// The country reports should lie in (default Sweden).
    pub country: Option<CountryCode>,
    /// The time zone of servers that write times without an offset (`Europe/Stockholm`): with
    /// it, such a time is read as that zone's, with a warning; without it, it is an error.
    pub time_zone: Option<Text>,
    /// The services fault reports go to.
    pub services: Vec<Service>,
    /// The feedback categories it offers; when left out, all of them.
    #[schemars(length(min = 1))]
    pub feedback_categories: Option<Vec<CategoryInUse>>,
    /// The channels it takes feedback by; when left out, all of them.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub channels: Option<Vec<Channel>>,
    /// Its units, which feedback and reports can concern (ids for `concerns_unit`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<OrgUnit>,
    /// The detailed statuses its systems use.
    #[schemars(length(min = 1))]
    pub statuses: Option<Vec<DetailedStatus>>,
    /// Where the lists come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

/// Lidköping's profile, the built-in default (`data/profile-lidkoping.json`).
static DEFAULT: LazyLock<Arc<Profile>> = LazyLock::new(|| {
    let text = include_str!("../../data/profile-lidkoping.json");
    Arc::new(serde_json::from_str(text).expect("the built-in profile is a profile"))
});

impl Profile {
    /// The built-in profile: Lidköping's services, categories, channels and units, which
    /// validation uses when the caller gives none.
    #[must_use]
    pub fn default_profile() -> Arc<Profile> {
        Arc::clone(&DEFAULT)
    }

    /// The built-in profile, borrowed for the life of the program.
    #[must_use]
    pub fn builtin() -> &'static Profile {
        &DEFAULT
    }

    /// The service with this code.
    #[must_use]
    pub fn service(&self, code: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.service_code.as_str() == code)
    }

    /// True when the municipality offers this feedback category.
    #[must_use]
    pub fn offers_category(&self, category: FeedbackCategory) -> bool {
        self.feedback_categories.as_ref().is_none_or(|c| c.iter().any(|c| c.code == category))
    }

    /// True when the municipality takes feedback by this channel.
    #[must_use]
    pub fn offers_channel(&self, channel: Channel) -> bool {
        self.channels.as_ref().is_none_or(|c| c.contains(&channel))
    }

    /// The detailed status with this code.
    #[must_use]
    pub fn status(&self, code: &str) -> Option<&DetailedStatus> {
        self.statuses.as_ref()?.iter().find(|s| s.code.as_str() == code)
    }

    /// The country reports should lie in.
    ///
    /// # Panics
    ///
    /// Never: Sweden, the default, is in the compiled ISO 3166-1 table (a unit test reads it).
    #[must_use]
    pub fn expected_country(&self) -> CountryCode {
        self.country.unwrap_or_else(|| CountryCode::from_code("SE").expect("SE is in ISO 3166-1"))
    }

    /// The code lists the profile sets, each with the schema definition whose codes it
    /// replaces (and the property of it, for units and statuses). The schema with a profile
    /// and a spreadsheet template's drop-down lists take them from here.
    #[must_use]
    pub fn code_lists(&self) -> Vec<(&'static str, Option<&'static str>, Codes)> {
        vec![
            ("ServiceCode", None, self.service_codes()),
            ("FeedbackCategory", None, self.category_codes()),
            ("Channel", None, self.channel_codes()),
            ("Feedback", Some("concerns_unit"), self.unit_codes()),
            ("FaultReport", Some("detailed_status"), self.status_codes()),
        ]
    }

    /// The services as a code list, with their names as labels (for "did you mean").
    #[must_use]
    pub fn service_codes(&self) -> Codes {
        Codes::labelled(self.services.iter().map(|s| {
            let sv = s.service_name.as_str();
            (s.service_code.as_str(), sv, s.service_name_en.as_ref().map_or(sv, Text::as_str))
        }))
    }

    /// The feedback categories offered, as a code list with the municipality's labels (else
    /// the standard ones).
    #[must_use]
    pub fn category_codes(&self) -> Codes {
        let offered: Vec<(FeedbackCategory, Option<&Text>)> = match &self.feedback_categories {
            Some(c) => c.iter().map(|c| (c.code, c.label.as_ref())).collect(),
            None => FeedbackCategory::all().iter().map(|&c| (c, None)).collect(),
        };
        Codes::labelled(offered.into_iter().map(|(c, own)| {
            (c.code(), own.map_or(c.label(Lang::Sv), Text::as_str), c.label(Lang::En))
        }))
    }

    /// The channels taken, as a code list.
    #[must_use]
    pub fn channel_codes(&self) -> Codes {
        let channels = self.channels.as_deref().unwrap_or(Channel::all());
        Codes::labelled(channels.iter().map(|&c| (c.code(), c.label(Lang::Sv), c.label(Lang::En))))
    }

    /// The units, as a code list of their ids with their names.
    #[must_use]
    pub fn unit_codes(&self) -> Codes {
        Codes::labelled(
            self.units.iter().map(|u| (u.id.as_str(), u.name.as_str(), u.name.as_str())),
        )
    }

    /// The detailed statuses as a code list, with their labels (the code where there is none).
    #[must_use]
    pub fn status_codes(&self) -> Codes {
        Codes::labelled(self.statuses.iter().flatten().map(|s| {
            let code = s.code.as_str();
            let sv = s.label.as_ref().map_or(code, |l| l.sv.as_str());
            let en = s.label.as_ref().and_then(|l| l.en.as_ref()).map_or(sv, Text::as_str);
            (code, sv, en)
        }))
    }
}

impl Validate for Profile {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("name", &self.name);
        ctx.check("municipality_code", &self.municipality_code);
        ctx.check("jurisdiction_id", &self.jurisdiction_id);
        ctx.check("time_zone", &self.time_zone);
        if let Some(zone) = &self.time_zone
            && zone.as_str().parse::<chrono_tz::Tz>().is_err()
        {
            ctx.report_at("time_zone", &rules::PROFILE_UNKNOWN_TIME_ZONE, &[]);
        }
        ctx.check("services", &self.services);
        ctx.field("services", |ctx| {
            let codes = self.services.iter().map(|s| s.service_code.as_str());
            ctx.each_repeat(codes, |ctx, code, first| {
                ctx.report_at(
                    "service_code",
                    &rules::PROFILE_DUPLICATE_CODE,
                    &[("code", (*code).to_owned()), ("first", first.to_string())],
                );
            });
        });
        ctx.check_records("feedback_categories", self.feedback_categories.as_deref());
        ctx.check_set("channels", self.channels.as_deref());
        ctx.check("units", &self.units);
        super::check_unique_ids(ctx, "units", self.units.iter().map(|u| &u.id));
        ctx.check_records("statuses", self.statuses.as_deref());
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_profile_is_lidkopings_and_valid() {
        let profile = Profile::default_profile();
        assert_eq!(profile.expected_country().code(), "SE");
        assert_eq!(profile.services.len(), 8);
        assert!(profile.service("belysning").is_some());
        assert!(profile.validate().is_clean(), "{}", profile.validate());
        // It restricts neither categories nor channels nor units.
        assert!(FeedbackCategory::all().iter().all(|&c| profile.offers_category(c)));
        assert!(Channel::all().iter().all(|&c| profile.offers_channel(c)));
        assert!(profile.units.is_empty());
    }
}
