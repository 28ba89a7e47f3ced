//! The register's projects as IATI activities (IATI Activity Standard 2.03, XML), for the
//! databases that read IATI.
//!
//! IATI asks for two things that registers often lack: a status and at least one date. A
//! project without either is left out (and named in [`Iati::left_out`]) rather than given a
//! status or a date it does not have. The reporting organisation is the municipality, with
//! the identifier `SE-ON-` and its organisation number (Bolagsverket's list in IATI's
//! organisation registration agencies). IATI 2.01 and later ask that a `reporting-org`
//! identifier start with a prefix of that code list, so a register without the organisation
//! number gives no activity (each project is left out, saying why) rather than one under an
//! invented prefix.
//!
//! The participating countries are the activity's `recipient-country`: one country alone
//! (the whole activity, no percentage needed). IATI asks that several countries each carry a
//! `percentage`, adding up to 100; a register does not know the shares, so several countries
//! are not given as recipient countries (that is noted in [`Iati::notes`]) and are named in
//! a description of type 4 (other) instead.

use std::fmt::Write as _;

use kommun_intl::model::common::PartialDate;
use kommun_intl::model::partnership::{FundingSource, FundingSourceType};
use kommun_intl::model::project::{ActivityStatus, OrganisationKind, ProjectRole};
use kommun_intl::model::{Dataset, Project};

use crate::Register;

/// The XML and what was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iati {
    /// The `iati-activities` document. With no activity in it, it is not valid IATI (which
    /// asks for at least one): check [`Iati::count`] before publishing it.
    pub xml: String,
    /// How many activities it holds.
    pub count: usize,
    /// The ids of the projects left out, each with why.
    pub left_out: Vec<(String, &'static str)>,
    /// The ids of the projects written with something of theirs left out, each with what.
    pub notes: Vec<(String, &'static str)>,
}

/// Why no project is an activity when the register has no organisation number.
const NO_ORGANISATION_NUMBER: &str = "the municipality has no organisation number: IATI \
identifies the reporting organisation by a registered identifier (SE-ON- and the organisation \
number); add `municipality.organisation_number`";

/// Why the participating countries of a project with several are not recipient countries.
const SEVERAL_COUNTRIES: &str = "several participating countries and no shares of them: not \
given as recipient-country (IATI then asks for percentages adding up to 100), named in a \
description instead";

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    crate::escape_markup(s)
}

/// The reporting organisation's identifier: `SE-ON-` and the organisation number, or none
/// when the register does not give it.
pub(crate) fn org_ref(data: &Dataset) -> Option<String> {
    let n = data.municipality.organisation_number.as_ref()?;
    Some(format!("SE-ON-{}", n.as_str().replace('-', "")))
}

fn status_code(s: ActivityStatus) -> u8 {
    match s {
        ActivityStatus::Pipeline => 1,
        ActivityStatus::Implementation => 2,
        ActivityStatus::Completion => 3,
        ActivityStatus::PostCompletion => 4,
        ActivityStatus::Cancelled => 5,
        ActivityStatus::Suspended => 6,
    }
}

/// IATI's OrganisationType for a funder.
fn funder_type(kind: FundingSourceType) -> &'static str {
    match kind {
        FundingSourceType::Municipality | FundingSourceType::PartnerMunicipality => "11",
        FundingSourceType::Eu | FundingSourceType::Nordic => "40",
        FundingSourceType::NationalGovernment => "10",
        FundingSourceType::Foundation => "60",
        FundingSourceType::Private => "70",
        FundingSourceType::Other => "90",
    }
}

/// IATI's OrganisationType for a participant.
fn organisation_type(kind: OrganisationKind) -> &'static str {
    match kind {
        OrganisationKind::Municipality => "11",
        OrganisationKind::Region | OrganisationKind::Agency => "10",
        OrganisationKind::University => "80",
        OrganisationKind::School => "15",
        OrganisationKind::Company => "70",
        OrganisationKind::Ngo => "22",
        OrganisationKind::Other => "90",
    }
}

fn first_day(d: &PartialDate) -> Option<String> {
    d.range().map(|(a, _)| a.format("%Y-%m-%d").to_string())
}

fn last_day(d: &PartialDate) -> Option<String> {
    d.range().map(|(_, b)| b.format("%Y-%m-%d").to_string())
}

fn narrative(out: &mut String, indent: &str, text: &str, lang: Option<&str>) {
    let _ = match lang {
        Some(l) => writeln!(out, "{indent}<narrative xml:lang=\"{l}\">{}</narrative>", esc(text)),
        None => writeln!(out, "{indent}<narrative>{}</narrative>", esc(text)),
    };
}

fn funder_name(f: &FundingSource) -> String {
    f.name
        .as_ref()
        .map_or_else(|| f.kind.label(kommun_intl::Lang::En).to_owned(), ToString::to_string)
}

/// A project's facts in a sentence each: the programme, the units, the countries.
fn summary(p: &Project, data: &Dataset, lang: kommun_intl::Lang) -> String {
    let sv = lang == kommun_intl::Lang::Sv;
    let mut parts = Vec::new();
    parts.push(match &p.programme {
        Some(pr) => {
            let name = pr
                .name
                .as_ref()
                .map_or_else(|| pr.code.label(lang).to_owned(), ToString::to_string);
            if sv { format!("Projekt inom {name}.") } else { format!("A project under {name}.") }
        }
        None => {
            (if sv { "Internationellt projekt." } else { "An international project." }).to_owned()
        }
    });
    let units: Vec<&str> = p
        .departments
        .iter()
        .flatten()
        .filter_map(|d| data.municipality.units.iter().find(|u| &u.id == d))
        .map(|u| u.name.as_str())
        .collect();
    if !units.is_empty() {
        let label = if sv { "Verksamhet" } else { "Units" };
        parts.push(format!("{label}: {}.", units.join(", ")));
    }
    let countries: Vec<&str> =
        p.participating_countries.iter().flatten().map(|c| c.label(lang)).collect();
    if !countries.is_empty() {
        let label = if sv { "Deltagande länder" } else { "Participating countries" };
        parts.push(format!("{label}: {}.", countries.join(", ")));
    }
    parts.join(" ")
}

/// One activity, or why it cannot be one.
fn activity(p: &Project, data: &Dataset, reporting: &str) -> Result<String, &'static str> {
    let status = p.status.ok_or("no status (IATI requires one)")?;
    if p.start.is_none() && p.end.is_none() {
        return Err("no start or end date (IATI requires one)");
    }
    let m = &data.municipality;
    let currency = p.budget.as_ref().and_then(|b| b.total.as_ref()).map(|t| t.currency.code());
    let mut x = String::new();
    let _ = write!(x, "  <iati-activity xml:lang=\"sv\"");
    if let Some(c) = currency {
        let _ = write!(x, " default-currency=\"{c}\"");
    }
    x.push_str(">\n");
    let _ = writeln!(
        x,
        "    <iati-identifier>{}-{}</iati-identifier>",
        esc(reporting),
        esc(p.id.as_str())
    );
    let _ = writeln!(x, "    <reporting-org ref=\"{}\" type=\"11\">", esc(reporting));
    narrative(&mut x, "      ", m.name.sv.as_str(), None);
    if let Some(en) = &m.name.en {
        narrative(&mut x, "      ", en.as_str(), Some("en"));
    }
    x.push_str("    </reporting-org>\n    <title>\n");
    match &p.title {
        Some(t) => {
            narrative(&mut x, "      ", t.sv.as_str(), None);
            if let Some(en) = &t.en {
                narrative(&mut x, "      ", en.as_str(), Some("en"));
            }
        }
        None => narrative(
            &mut x,
            "      ",
            p.acronym.as_ref().map_or(p.id.as_str(), |a| a.as_str()),
            None,
        ),
    }
    x.push_str("    </title>\n");
    // IATI requires a description; a project without one is described by its facts.
    x.push_str("    <description type=\"1\">\n");
    match &p.description {
        Some(d) => narrative(&mut x, "      ", d.as_str(), None),
        None => {
            for lang in kommun_intl::Lang::ALL {
                let tag = (lang == kommun_intl::Lang::En).then_some("en");
                narrative(&mut x, "      ", &summary(p, data, lang), tag);
            }
        }
    }
    x.push_str("    </description>\n");
    let countries: Vec<_> = p.participating_countries.iter().flatten().collect();
    if countries.len() > 1 && p.description.is_some() {
        x.push_str("    <description type=\"4\">\n");
        for lang in kommun_intl::Lang::ALL {
            let label = if lang == kommun_intl::Lang::Sv {
                "Deltagande länder"
            } else {
                "Participating countries"
            };
            let names: Vec<&str> = countries.iter().map(|c| c.label(lang)).collect();
            let tag = (lang == kommun_intl::Lang::En).then_some("en");
            narrative(&mut x, "      ", &format!("{label}: {}.", names.join(", ")), tag);
        }
        x.push_str("    </description>\n");
    }
    // Who pays (Funding, 1), then the municipality and the other organisations (Implementing,
    // 4; the coordinator Accountable, 2).
    let mut funders: Vec<&FundingSource> = p.funders.iter().flatten().collect();
    funders.extend(
        p.budget.iter().flat_map(|b| b.grants.iter().flatten()).filter_map(|g| g.funder.as_ref()),
    );
    funders.dedup();
    for f in funders {
        let _ = writeln!(x, "    <participating-org role=\"1\" type=\"{}\">", funder_type(f.kind));
        narrative(
            &mut x,
            "      ",
            &funder_name(f),
            if f.name.is_some() { None } else { Some("en") },
        );
        x.push_str("    </participating-org>\n");
    }
    let own_role = if p.own_role == Some(ProjectRole::Coordinator) { 2 } else { 4 };
    let _ = writeln!(
        x,
        "    <participating-org role=\"{own_role}\" ref=\"{}\" type=\"11\">",
        esc(reporting)
    );
    narrative(&mut x, "      ", m.name.sv.as_str(), None);
    x.push_str("    </participating-org>\n");
    for o in p.organisations.iter().flatten() {
        let Some(name) = &o.name else { continue };
        let role = if o.role == Some(ProjectRole::Coordinator) { 2 } else { 4 };
        let _ = write!(x, "    <participating-org role=\"{role}\"");
        if let Some(kind) = o.kind {
            let _ = write!(x, " type=\"{}\"", organisation_type(kind));
        }
        x.push_str(">\n");
        narrative(&mut x, "      ", name.as_str(), None);
        x.push_str("    </participating-org>\n");
    }
    for e in p.external_ids.iter().flatten() {
        let _ = writeln!(x, "    <other-identifier ref=\"{}\" type=\"A9\">", esc(e.id.as_str()));
        x.push_str("      <owner-org>\n");
        let scheme = e
            .scheme_name
            .as_ref()
            .map_or_else(|| e.scheme.label(kommun_intl::Lang::En).to_owned(), ToString::to_string);
        narrative(&mut x, "        ", &scheme, None);
        x.push_str("      </owner-org>\n    </other-identifier>\n");
    }
    let _ = writeln!(x, "    <activity-status code=\"{}\"/>", status_code(status));
    let started = !matches!(status, ActivityStatus::Pipeline);
    let ended = matches!(
        status,
        ActivityStatus::Completion | ActivityStatus::PostCompletion | ActivityStatus::Cancelled
    );
    if let Some(day) = p.start.as_ref().and_then(first_day) {
        let _ = writeln!(
            x,
            "    <activity-date iso-date=\"{day}\" type=\"{}\"/>",
            if started { 2 } else { 1 }
        );
    }
    if let Some(day) = p.end.as_ref().and_then(last_day) {
        let _ = writeln!(
            x,
            "    <activity-date iso-date=\"{day}\" type=\"{}\"/>",
            if ended { 4 } else { 3 }
        );
    }
    if let [c] = countries.as_slice() {
        let _ = writeln!(x, "    <recipient-country code=\"{}\"/>", c.code());
    }
    for a in p.areas.iter().flatten() {
        // The municipality's own vocabulary (99): kommun-intl's cooperation areas.
        let _ = writeln!(x, "    <sector vocabulary=\"99\" code=\"{}\">", a.code());
        narrative(&mut x, "      ", a.label(kommun_intl::Lang::Sv), None);
        narrative(&mut x, "      ", a.label(kommun_intl::Lang::En), Some("en"));
        x.push_str("    </sector>\n");
    }
    if let (Some(total), Some(start), Some(end)) = (
        p.budget.as_ref().and_then(|b| b.total.as_ref()),
        p.start.as_ref().and_then(first_day),
        p.end.as_ref().and_then(last_day),
    ) {
        x.push_str("    <budget type=\"1\" status=\"1\">\n");
        let _ = writeln!(x, "      <period-start iso-date=\"{start}\"/>");
        let _ = writeln!(x, "      <period-end iso-date=\"{end}\"/>");
        let _ = writeln!(
            x,
            "      <value currency=\"{}\" value-date=\"{start}\">{}</value>",
            total.currency.code(),
            esc(total.amount.as_str())
        );
        x.push_str("    </budget>\n");
    }
    if let Some(web) = &p.website {
        let _ =
            writeln!(x, "    <document-link url=\"{}\" format=\"text/html\">", esc(web.as_str()));
        x.push_str("      <title>\n");
        narrative(
            &mut x,
            "        ",
            p.title.as_ref().map_or(p.id.as_str(), |t| t.sv.as_str()),
            None,
        );
        x.push_str("      </title>\n      <category code=\"A12\"/>\n    </document-link>\n");
    }
    x.push_str("  </iati-activity>\n");
    Ok(x)
}

/// The register's projects as an `iati-activities` document (version 2.03).
#[must_use]
pub fn activities(register: Register<'_>) -> Iati {
    let data = register.data();
    let reporting = org_ref(data);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n",
    );
    let mut left_out = Vec::new();
    let mut notes = Vec::new();
    let mut count = 0;
    for p in &data.projects {
        let Some(reporting) = &reporting else {
            left_out.push((p.id.to_string(), NO_ORGANISATION_NUMBER));
            continue;
        };
        match activity(p, data, reporting) {
            Ok(a) => {
                xml.push_str(&a);
                count += 1;
                if p.participating_countries.as_ref().is_some_and(|c| c.len() > 1) {
                    notes.push((p.id.to_string(), SEVERAL_COUNTRIES));
                }
            }
            Err(why) => left_out.push((p.id.to_string(), why)),
        }
    }
    xml.push_str("</iati-activities>\n");
    Iati { xml, count, left_out, notes }
}
