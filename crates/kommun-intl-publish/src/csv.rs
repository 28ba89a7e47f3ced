//! The register as open data: one CSV file per collection (RFC 4180, UTF-8, a header row),
//! with codes rather than labels, so that any tool can join them to the code lists in
//! `schemas/`. A list in a cell is its items joined by `;`. What the register does not say is
//! an empty cell.

use kommun_intl::codes::CodeList;
use kommun_intl::model::common::{LocalizedText, Money, PartialDate};
use kommun_intl::model::partnership::FundingSource;

use crate::Register;

/// One CSV file: its name, what it holds (for the DCAT description) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The file name (`partnerships.csv`).
    pub name: &'static str,
    /// What the file holds, in Swedish and English.
    pub title: (&'static str, &'static str),
    /// The rows, the header first.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The file's text.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut w =
            ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
        for row in &self.rows {
            // Writing to memory cannot fail.
            let _ = w.write_record(row);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

fn opt<T: ToString>(v: Option<&T>) -> String {
    v.map(ToString::to_string).unwrap_or_default()
}

fn code<T: CodeList>(v: Option<T>) -> String {
    v.map(|c| c.code().to_owned()).unwrap_or_default()
}

fn codes<T: CodeList>(v: Option<&Vec<T>>) -> String {
    v.map(|l| l.iter().map(|c| c.code()).collect::<Vec<_>>().join(";")).unwrap_or_default()
}

fn date(d: Option<&PartialDate>) -> String {
    opt(d)
}

fn name_sv(n: Option<&LocalizedText>) -> String {
    n.map(|n| n.sv.to_string()).unwrap_or_default()
}

fn name_en(n: Option<&LocalizedText>) -> String {
    n.and_then(|n| n.en.as_ref()).map(ToString::to_string).unwrap_or_default()
}

fn funding(list: Option<&Vec<FundingSource>>) -> String {
    list.map(|l| {
        l.iter()
            .map(|f| match &f.name {
                Some(name) => format!("{}:{name}", f.kind.code()),
                None => f.kind.code().to_owned(),
            })
            .collect::<Vec<_>>()
            .join(";")
    })
    .unwrap_or_default()
}

fn money(m: Option<&Money>) -> [String; 3] {
    match m {
        Some(m) => [m.amount.to_string(), m.currency.code().to_owned(), m.approximate.to_string()],
        None => [String::new(), String::new(), String::new()],
    }
}

fn header(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| (*c).to_owned()).collect()
}

/// Every collection of the register that has records, as CSV tables.
#[must_use]
pub fn tables(register: Register<'_>) -> Vec<Table> {
    let d = register.data();
    let mut out = Vec::new();
    if !d.partnerships.is_empty() {
        let mut rows = vec![header(&[
            "id",
            "partner_name",
            "partner_name_en",
            "partner_level",
            "partner_country",
            "partner_subdivision",
            "partner_wikidata",
            "partner_part_of",
            "agreement_type",
            "areas",
            "funding",
            "start",
            "end",
            "status",
            "end_reason",
            "network",
            "website",
        ])];
        for p in &d.partnerships {
            rows.push(vec![
                p.id.to_string(),
                name_sv(p.partner.name.as_ref()),
                name_en(p.partner.name.as_ref()),
                code(p.partner.level),
                opt(p.partner.country.as_ref()),
                opt(p.partner.subdivision.as_ref()),
                opt(p.partner.wikidata.as_ref()),
                p.partner
                    .part_of
                    .as_ref()
                    .and_then(|b| b.display_name())
                    .unwrap_or_default()
                    .to_owned(),
                code(p.agreement_type),
                codes(p.areas.as_ref()),
                funding(p.funding.as_ref()),
                date(p.start.as_ref()),
                date(p.end.as_ref()),
                p.status.code().to_owned(),
                opt(p.end_reason.as_ref()),
                opt(p.network.as_ref()),
                opt(p.partner.website.as_ref()),
            ]);
        }
        out.push(Table {
            name: "partnerships.csv",
            title: ("Vänorter och partnerskap", "Partner towns and partnerships"),
            rows,
        });
    }
    if !d.projects.is_empty() {
        let mut rows = vec![header(&[
            "id",
            "title",
            "title_en",
            "acronym",
            "departments",
            "own_role",
            "participating_countries",
            "programme",
            "programme_name",
            "funders",
            "status",
            "start",
            "end",
            "budget_total",
            "budget_currency",
            "budget_approximate",
            "website",
        ])];
        for p in &d.projects {
            let [total, currency, approximate] =
                money(p.budget.as_ref().and_then(|b| b.total.as_ref()));
            rows.push(vec![
                p.id.to_string(),
                name_sv(p.title.as_ref()),
                name_en(p.title.as_ref()),
                opt(p.acronym.as_ref()),
                p.departments
                    .as_ref()
                    .map(|l| l.iter().map(ToString::to_string).collect::<Vec<_>>().join(";"))
                    .unwrap_or_default(),
                code(p.own_role),
                p.participating_countries
                    .as_ref()
                    .map(|l| l.iter().map(|c| c.code()).collect::<Vec<_>>().join(";"))
                    .unwrap_or_default(),
                p.programme.as_ref().map(|pr| pr.code.code().to_owned()).unwrap_or_default(),
                p.programme
                    .as_ref()
                    .and_then(|pr| pr.name.as_ref())
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                funding(p.funders.as_ref()),
                code(p.status),
                date(p.start.as_ref()),
                date(p.end.as_ref()),
                total,
                currency,
                approximate,
                opt(p.website.as_ref()),
            ]);
        }
        out.push(Table {
            name: "projects.csv",
            title: ("Internationella projekt", "International projects"),
            rows,
        });
    }
    if !d.municipality.units.is_empty() {
        let mut rows = vec![header(&["id", "name"])];
        rows.extend(
            d.municipality.units.iter().map(|u| vec![u.id.to_string(), u.name.to_string()]),
        );
        out.push(Table {
            name: "units.csv",
            title: (
                "Kommunens verksamheter i det internationella arbetet",
                "The municipality's units in international work",
            ),
            rows,
        });
    }
    if !d.networks.is_empty() {
        let mut rows = vec![header(&[
            "id",
            "name",
            "name_en",
            "kind",
            "countries",
            "start",
            "end",
            "website",
        ])];
        for n in &d.networks {
            rows.push(vec![
                n.id.to_string(),
                name_sv(n.name.as_ref()),
                name_en(n.name.as_ref()),
                code(n.kind),
                n.countries
                    .as_ref()
                    .map(|l| l.iter().map(|c| c.code()).collect::<Vec<_>>().join(";"))
                    .unwrap_or_default(),
                date(n.start.as_ref()),
                date(n.end.as_ref()),
                opt(n.website.as_ref()),
            ]);
        }
        out.push(Table { name: "networks.csv", title: ("Nätverk", "Networks"), rows });
    }
    if !d.memberships.is_empty() {
        let mut rows = vec![header(&["id", "organisation", "start", "end", "website"])];
        for m in &d.memberships {
            rows.push(vec![
                m.id.to_string(),
                m.organisation.to_string(),
                date(m.start.as_ref()),
                date(m.end.as_ref()),
                opt(m.website.as_ref()),
            ]);
        }
        out.push(Table { name: "memberships.csv", title: ("Medlemskap", "Memberships"), rows });
    }
    if !d.statistics.is_empty() {
        let mut rows = vec![header(&["period", "measure", "value", "unit", "approximate"])];
        for o in &d.statistics {
            let unit = serde_json::to_value(o.unit)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            rows.push(vec![
                o.period.to_string(),
                o.measure.code().to_owned(),
                o.value.to_string(),
                unit,
                o.approximate.to_string(),
            ]);
        }
        out.push(Table {
            name: "statistics.csv",
            title: ("Statistik per år", "Yearly figures"),
            rows,
        });
    }
    out
}
