//! The register file: one municipality and all of its international work.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, PartialDate, Source, Text, Url, null_as_default};
use super::municipality::Municipality;
use super::partnership::Partnership;
use super::project::Project;
use super::statistics::Observation;
use crate::validate::{Ctx, Validate, rules};

/// Membership of an international organisation or network.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The membership's id.
    pub id: Id,
    /// The organisation or network.
    pub organisation: Text,
    /// Its website.
    pub website: Option<Url>,
    /// When the membership began.
    pub start: Option<PartialDate>,
    /// When it ended.
    pub end: Option<PartialDate>,
}

impl Validate for Membership {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("id", &self.id);
        ctx.check("organisation", &self.organisation);
        ctx.check("website", &self.website);
        ctx.check("start", &self.start);
        ctx.check("end", &self.end);
    }
}

/// A municipality's register of international work: the municipality, its partnerships,
/// projects, memberships and yearly figures.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = [
    "dataset.duplicate_id",
    "list.duplicate_record",
    "dataset.duplicate_partnership",
    "project.unknown_department",
    "statistics.duplicate"
]))]
pub struct Dataset {
    /// The JSON Schema this document follows (`../schemas/dataset.schema.json`).
    #[serde(rename = "$schema")]
    pub schema: Option<String>,
    /// The municipality.
    pub municipality: Municipality,
    /// Its partnerships: twin towns and other agreements.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Partnership>>", extend("default" = []))]
    pub partnerships: Vec<Partnership>,
    /// Its international projects.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Project>>", extend("default" = []))]
    pub projects: Vec<Project>,
    /// Its memberships of international organisations and networks.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Membership>>", extend("default" = []))]
    pub memberships: Vec<Membership>,
    /// Its yearly figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Observation>>", extend("default" = []))]
    pub statistics: Vec<Observation>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

impl Validate for Dataset {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("municipality", &self.municipality);
        ctx.check("partnerships", &self.partnerships);
        ctx.check("projects", &self.projects);
        ctx.check("memberships", &self.memberships);
        ctx.check("statistics", &self.statistics);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());

        super::check_unique_ids(ctx, "partnerships", self.partnerships.iter().map(|p| &p.id));
        super::check_unique_ids(ctx, "projects", self.projects.iter().map(|p| &p.id));
        super::check_unique_ids(ctx, "memberships", self.memberships.iter().map(|m| &m.id));

        ctx.field("partnerships", |ctx| {
            let keys = self
                .partnerships
                .iter()
                .map(|p| (p.partner.name.sv.as_str(), p.partner.country, p.agreement_type));
            ctx.each_repeat(keys, |ctx, _, first| {
                ctx.report(&rules::DATASET_DUPLICATE_PARTNERSHIP, &[("first", first.to_string())]);
            });
        });

        let units: Vec<&Id> = self.municipality.units.iter().map(|u| &u.id).collect();
        ctx.field("projects", |ctx| {
            for (i, p) in self.projects.iter().enumerate() {
                let Some(departments) = &p.departments else { continue };
                ctx.index(i, |ctx| {
                    ctx.field("departments", |ctx| {
                        for (j, d) in departments.iter().enumerate() {
                            if !units.contains(&d) {
                                ctx.index(j, |ctx| {
                                    ctx.report(
                                        &rules::PROJECT_UNKNOWN_DEPARTMENT,
                                        &[("department", d.to_string())],
                                    );
                                });
                            }
                        }
                    });
                });
            }
        });

        ctx.field("statistics", |ctx| {
            let keys = self.statistics.iter().map(|o| (o.period.as_str(), o.measure));
            ctx.each_repeat(keys, |ctx, &(period, measure), first| {
                ctx.report(
                    &rules::STATISTICS_DUPLICATE,
                    &[
                        ("period", period.to_owned()),
                        ("measure", measure.code().to_owned()),
                        ("first", first.to_string()),
                    ],
                );
            });
        });
    }
}
