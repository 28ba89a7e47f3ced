//! Fault reports (*felanmälan*), compatible with an Open311 GeoReport v2 service request.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{HttpsUrl, LongText, Personal, Text, Timestamp, null_as_default};
use super::feedback::Contact;
use crate::validate::{Ctx, Validate, rules};

crate::codelist! {
    /// What is broken: the municipality's Open311 service list.
    pub enum ServiceCode {
        /// Street lighting.
        Lighting = "belysning", sv: "Belysning", en: "Street lighting";
        /// Park maintenance.
        ParkMaintenance = "parkskotsel", sv: "Parkskötsel", en: "Park maintenance";
        /// Park benches.
        ParkBenches = "parkbankar", sv: "Parkbänkar", en: "Park benches";
        /// Graffiti.
        Graffiti = "klotter", sv: "Klotter", en: "Graffiti";
        /// Damaged bus shelters.
        BusShelters = "busskurer", sv: "Trasiga busskurer", en: "Damaged bus shelters";
        /// Signage.
        Signage = "skyltning", sv: "Skyltning", en: "Signage";
        /// Speed bumps.
        SpeedBumps = "farthinder", sv: "Farthinder", en: "Speed bumps";
        /// Bicycle racks.
        BicycleRacks = "cykelstall", sv: "Cykelställ", en: "Bicycle racks";
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

/// Sweden's bounding box in WGS84: (south, north, west, east).
const SWEDEN: (f64, f64, f64, f64) = (55.0, 69.1, 10.9, 24.2);

/// A report that something in public space is broken (Open311 GeoReport v2 `ServiceRequest`;
/// field names follow Open311 where it has them).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend(
    "x-rules" = ["fault_report.outside_sweden", "submission.in_future"],
    "anyOf" = [
        { "required": ["lat", "long"], "properties": { "lat": { "type": "number" }, "long": { "type": "number" } } },
        { "required": ["address_string"], "properties": { "address_string": { "type": "string" } } },
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
    /// The request id (Open311 `service_request_id`), once there is one.
    pub id: Option<Text>,
    /// The Open311 jurisdiction (`lidkoping.se`).
    pub jurisdiction_id: Option<Text>,
    /// What is broken.
    pub service_code: ServiceCode,
    /// What the person wrote (personal data: it may name people).
    #[schemars(extend("x-personal-data" = true))]
    pub description: Option<Personal<LongText>>,
    /// Latitude, WGS84 decimal degrees.
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: Option<f64>,
    /// Longitude, WGS84 decimal degrees.
    #[schemars(range(min = -180.0, max = 180.0))]
    pub long: Option<f64>,
    /// The place in words (`Skaragatan 8, Lidköping`).
    pub address_string: Option<Text>,
    /// The place as an id in the municipality's address register.
    pub address_id: Option<Text>,
    /// Photos, `https://` only.
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub media_urls: Option<Vec<HttpsUrl>>,
    /// When it was reported (Open311 `requested_datetime`).
    pub submitted_at: Timestamp,
    /// How to reach the reporter; leave out for an anonymous report.
    pub contact: Option<Contact>,
    /// Where the handling stands.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<FaultReportStatus>")]
    pub status: FaultReportStatus,
}

impl Validate for FaultReport {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("jurisdiction_id", &self.jurisdiction_id);
        ctx.check("description", &self.description);
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
            (Some(lat), Some(long)) => {
                let (s, n, w, e) = SWEDEN;
                if in_range && !((s..=n).contains(&lat) && (w..=e).contains(&long)) {
                    ctx.report(&rules::FAULT_REPORT_OUTSIDE_SWEDEN, &[]);
                }
            }
            (Some(_), None) | (None, Some(_)) => {
                ctx.report(&rules::FAULT_REPORT_COORDINATES_INCOMPLETE, &[]);
            }
            (None, None) => {}
        }
        ctx.check("address_string", &self.address_string);
        ctx.check("address_id", &self.address_id);
        let has_place = (self.lat.is_some() && self.long.is_some())
            || self.address_string.is_some()
            || self.address_id.is_some();
        if !has_place {
            ctx.report(&rules::FAULT_REPORT_LOCATION_MISSING, &[]);
        }
        ctx.check("media_urls", &self.media_urls);
        ctx.check_set("media_urls", self.media_urls.as_deref());
        ctx.field("submitted_at", |ctx| self.submitted_at.check_submission(ctx));
        ctx.check("contact", &self.contact);
    }
}
