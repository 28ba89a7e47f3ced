//! The register file: one municipality and all of its international work.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Id, PartialDate, Source, Text, Url, null_as_empty_list};
use super::feedback::FeedbackScheme;
use super::municipality::Municipality;
use super::network::Network;
use super::partnership::Partnership;
use super::project::Project;
use super::record::{self, Decision, StatedCount, check_period};
use super::statistics::Observation;
use crate::validate::{Ctx, Validate, rules};

/// Membership of an international organisation or network.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("x-rules" = ["period.end_before_start"]))]
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
        check_period(ctx, self.start.as_ref(), self.end.as_ref());
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
    "dataset.empty",
    "dataset.fewer_than_stated",
    "dataset.unknown_reference",
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
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<Partnership>>", extend("default" = []))]
    pub partnerships: Vec<Partnership>,
    /// Its international projects.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<Project>>", extend("default" = []))]
    pub projects: Vec<Project>,
    /// Its memberships of international organisations and networks.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<Membership>>", extend("default" = []))]
    pub memberships: Vec<Membership>,
    /// Its yearly figures.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<Observation>>", extend("default" = []))]
    pub statistics: Vec<Observation>,
    /// The networks, rings and chains of municipalities it takes part in.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<Network>>", extend("default" = []))]
    pub networks: Vec<Network>,
    /// Its e-services for feedback and citizen proposals.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "null_as_empty_list"
    )]
    #[schemars(with = "Option<Vec<FeedbackScheme>>", extend("default" = []))]
    pub feedback_schemes: Vec<FeedbackScheme>,
    /// Decisions about the register as a whole ("no new twinning agreements").
    #[schemars(length(min = 1))]
    pub decisions: Option<Vec<Decision>>,
    /// Counts its sources state ("Sigtuna kommun har tre vänorter"): a register that lists fewer
    /// says it is incomplete.
    #[schemars(length(min = 1))]
    pub counts_stated: Option<Vec<StatedCount>>,
    /// Notes on the register: how complete it is, what it leaves out.
    pub notes: Option<Text>,
    /// Where the facts come from.
    #[schemars(length(min = 1))]
    pub sources: Option<Vec<Source>>,
}

/// The ids of one of the register's collections, to look references up in (a list searched
/// for each reference made a register's check quadratic in its length).
type Ids<'a> = foldhash::HashSet<&'a Id>;

/// Reports each id of `refs` that is none of `known` (the ids of the register's `collection`).
fn check_references(
    ctx: &mut Ctx,
    name: &str,
    refs: Option<&[Id]>,
    known: &Ids<'_>,
    collection: &str,
) {
    let Some(refs) = refs else { return };
    ctx.field(name, |ctx| {
        for (i, r) in refs.iter().enumerate() {
            if !known.contains(&r) {
                ctx.index(i, |ctx| {
                    ctx.report(
                        &rules::DATASET_UNKNOWN_REFERENCE,
                        &[("id", r.to_string()), ("collection", collection.to_owned())],
                    );
                });
            }
        }
    });
}

impl Dataset {
    /// A register of one municipality with nothing in it yet; add partnerships, projects and
    /// the rest with struct update or by pushing onto the lists:
    ///
    /// ```
    /// use kommun_intl::Validate;
    /// use kommun_intl::model::{Dataset, LocalizedText, Municipality};
    ///
    /// let lidkoping = Municipality::new("lidkoping", LocalizedText::sv("Lidköpings kommun"), "1494");
    /// let register = Dataset { notes: Some("Utkast".into()), ..Dataset::new(lidkoping) };
    /// let report = register.validate();
    /// assert!(report.is_valid(), "{report}");
    /// ```
    #[must_use]
    pub fn new(municipality: Municipality) -> Dataset {
        Dataset {
            schema: None,
            municipality,
            partnerships: Vec::new(),
            projects: Vec::new(),
            memberships: Vec::new(),
            statistics: Vec::new(),
            networks: Vec::new(),
            feedback_schemes: Vec::new(),
            decisions: None,
            counts_stated: None,
            notes: None,
            sources: None,
        }
    }

    /// Warns where the register lists fewer partnerships or projects than a source says there
    /// are (`dataset.fewer_than_stated`): a count without an `as_of` date is the current one.
    fn check_counts(&self, ctx: &mut Ctx) {
        let Some(counts) = &self.counts_stated else { return };
        ctx.field("counts_stated", |ctx| {
            for (i, c) in counts.iter().enumerate() {
                let listed = match c.of {
                    record::CountOf::Partnerships => self.partnerships.len(),
                    record::CountOf::Projects => self.projects.len(),
                    _ => continue,
                };
                if c.as_of.is_none() && !c.provisional && listed < c.count as usize {
                    ctx.index(i, |ctx| {
                        ctx.report(
                            &rules::DATASET_FEWER_THAN_STATED,
                            &[
                                ("of", c.of.code().to_owned()),
                                ("stated", c.count.to_string()),
                                ("listed", listed.to_string()),
                            ],
                        );
                    });
                }
            }
        });
    }
}

impl Validate for Dataset {
    fn validate_into(&self, ctx: &mut Ctx) {
        ctx.check("municipality", &self.municipality);
        ctx.check("partnerships", &self.partnerships);
        ctx.check("projects", &self.projects);
        ctx.check("memberships", &self.memberships);
        ctx.check("statistics", &self.statistics);
        ctx.check("networks", &self.networks);
        ctx.check("feedback_schemes", &self.feedback_schemes);
        ctx.check("decisions", &self.decisions);
        ctx.check_records("decisions", self.decisions.as_deref());
        ctx.check("counts_stated", &self.counts_stated);
        ctx.check_records("counts_stated", self.counts_stated.as_deref());
        ctx.check("notes", &self.notes);
        ctx.check("sources", &self.sources);
        ctx.check_records("sources", self.sources.as_deref());

        super::check_unique_ids(ctx, "partnerships", self.partnerships.iter().map(|p| &p.id));
        super::check_unique_ids(ctx, "projects", self.projects.iter().map(|p| &p.id));
        super::check_unique_ids(ctx, "memberships", self.memberships.iter().map(|m| &m.id));
        super::check_unique_ids(ctx, "networks", self.networks.iter().map(|n| &n.id));
        super::check_unique_ids(
            ctx,
            "feedback_schemes",
            self.feedback_schemes.iter().map(|s| &s.id),
        );

        if self.partnerships.is_empty()
            && self.projects.is_empty()
            && self.memberships.is_empty()
            && self.statistics.is_empty()
            && self.networks.is_empty()
            && self.feedback_schemes.is_empty()
        {
            ctx.report(&rules::DATASET_EMPTY, &[]);
        }
        self.check_counts(ctx);

        ctx.field("partnerships", |ctx| {
            // The same partner twice under the same kind of agreement; a partner known only by
            // its country, or an agreement of unknown kind, is not compared.
            let keys = self.partnerships.iter().map(|p| {
                let name = p.partner.display_name().map(str::to_lowercase);
                (name, p.partner.country, p.agreement_type)
            });
            let keyed: Vec<_> = keys.collect();
            let comparable =
                keyed.iter().enumerate().filter(|(_, k)| k.0.is_some() && k.2.is_some());
            let (index, keys): (Vec<usize>, Vec<_>) =
                comparable.map(|(i, k)| (i, k.clone())).unzip();
            let mut seen: foldhash::HashMap<_, usize> = foldhash::HashMap::default();
            for (i, key) in index.iter().zip(keys) {
                match seen.get(&key) {
                    Some(&first) => ctx.index(*i, |ctx| {
                        ctx.report(
                            &rules::DATASET_DUPLICATE_PARTNERSHIP,
                            &[("first", first.to_string())],
                        );
                    }),
                    None => {
                        seen.insert(key, *i);
                    }
                }
            }
        });

        let networks: Ids<'_> = self.networks.iter().map(|n| &n.id).collect();
        let partnerships: Ids<'_> = self.partnerships.iter().map(|p| &p.id).collect();
        ctx.field("partnerships", |ctx| {
            for (i, p) in self.partnerships.iter().enumerate() {
                ctx.index(i, |ctx| {
                    if let Some(n) = &p.network
                        && !networks.contains(&n)
                    {
                        ctx.report_at(
                            "network",
                            &rules::DATASET_UNKNOWN_REFERENCE,
                            &[("id", n.to_string()), ("collection", "networks".to_owned())],
                        );
                    }
                    check_references(
                        ctx,
                        "replaces",
                        p.replaces.as_deref(),
                        &partnerships,
                        "partnerships",
                    );
                });
            }
        });
        ctx.field("projects", |ctx| {
            for (i, p) in self.projects.iter().enumerate() {
                ctx.index(i, |ctx| {
                    check_references(ctx, "networks", p.networks.as_deref(), &networks, "networks");
                    if let Some(id) = &p.partnership
                        && !partnerships.contains(&id)
                    {
                        ctx.report_at(
                            "partnership",
                            &rules::DATASET_UNKNOWN_REFERENCE,
                            &[("id", id.to_string()), ("collection", "partnerships".to_owned())],
                        );
                    }
                });
            }
        });

        let units: Ids<'_> = self.municipality.units.iter().map(|u| &u.id).collect();
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
