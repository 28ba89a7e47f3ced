//! The page as data: every fact of the register that a reader should see, in the reader's
//! language, sorted and grouped, with what is not known left out. The templates only lay it
//! out; they never see the register itself, so nothing reaches the page that this module does
//! not choose to show.

use std::collections::BTreeMap;

use kommun_intl::Lang;
use kommun_intl::codes::{CodeList, subdivision_name};
use kommun_intl::model::common::{LocalizedText, PartialDate, Text};
use kommun_intl::model::partnership::{FundingSource, PartnerBody};
use kommun_intl::model::project::{ActivityStatus, Programme, Project};
use kommun_intl::model::statistics::Unit;
use kommun_intl::model::{Dataset, Partnership, PartnershipStatus};
use serde::Serialize;

use crate::format;
use crate::svg::{self, Overview, Timeline};
use crate::text;

/// A text, with its language when that is not the page's (`lang` on its element).
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Txt {
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Txt {
    fn plain(text: impl Into<String>) -> Txt {
        Txt { text: text.into(), lang: None }
    }

    /// A text the register holds in Swedish (a unit's name, a note).
    fn swedish(text: &Text, page: Lang) -> Txt {
        Txt { text: text.to_string(), lang: (page != Lang::Sv).then_some("sv") }
    }

    /// A text in both languages: the page's, else the Swedish one, marked as Swedish.
    fn localized(t: &LocalizedText, page: Lang) -> Txt {
        match (&t.en, page) {
            (Some(en), Lang::En) => Txt::plain(en.as_str()),
            (_, _) => Txt::swedish(&t.sv, page),
        }
    }

    /// A place's name: the page's language's, else the name as written (a proper name, whose
    /// language is the place's, not Swedish).
    fn place(t: &LocalizedText, page: Lang) -> Txt {
        match (&t.en, page) {
            (Some(en), Lang::En) => Txt::plain(en.as_str()),
            _ => Txt::plain(t.sv.as_str()),
        }
    }
}

/// A link: where to, and what it says.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Link {
    pub href: String,
    pub text: String,
    pub lang: Option<&'static str>,
}

impl Link {
    fn to(url: &str) -> Link {
        let text = url.trim_start_matches("https://").trim_start_matches("http://");
        Link { href: url.to_owned(), text: text.trim_end_matches('/').to_owned(), lang: None }
    }
}

/// The whole page.
#[derive(Debug, Serialize)]
pub(crate) struct Page {
    pub lang: &'static str,
    pub t: BTreeMap<&'static str, &'static str>,
    pub municipality: MunicipalityView,
    pub kinds_of_work: Vec<String>,
    pub partnerships: Vec<Group<PartnershipView>>,
    pub timeline: Option<Timeline>,
    pub memberships: Vec<MembershipView>,
    pub networks: Vec<NetworkView>,
    pub projects: Vec<Group<ProjectView>>,
    pub overview: Option<Overview>,
    pub statistics: Vec<FigureView>,
    pub feedback: Vec<Link>,
    pub notes: Option<Txt>,
    pub sources: Vec<SourceView>,
}

/// A heading and what stands under it.
#[derive(Debug, Serialize)]
pub(crate) struct Group<T> {
    pub id: &'static str,
    pub heading: &'static str,
    pub items: Vec<T>,
}

/// The municipality and how to reach it.
#[derive(Debug, Serialize)]
pub(crate) struct MunicipalityView {
    pub name: Txt,
    pub address: Vec<String>,
    pub phone: Option<Link>,
    pub fax: Option<String>,
    pub email: Option<Link>,
    pub website: Option<Link>,
}

/// One partnership.
#[derive(Debug, Serialize)]
pub(crate) struct PartnershipView {
    pub id: String,
    pub name: Txt,
    pub place: Vec<String>,
    pub agreement: Option<Txt>,
    pub areas: Option<String>,
    pub funding: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub planned_end: Option<String>,
    pub end_reason: Option<Txt>,
    pub status: Option<String>,
    pub local_parties: Vec<Txt>,
    pub network: Option<Txt>,
    pub website: Option<Link>,
    pub notes: Option<Txt>,
}

/// One project.
#[derive(Debug, Serialize)]
pub(crate) struct ProjectView {
    pub id: String,
    pub title: Txt,
    pub acronym: Option<String>,
    pub description: Option<Txt>,
    pub units: Vec<Txt>,
    pub countries: Vec<String>,
    pub programme: Option<String>,
    pub budget: Vec<String>,
    pub period: Option<String>,
    pub status: Option<String>,
    pub role: Option<String>,
    pub organisations: Vec<String>,
    pub website: Option<Link>,
}

/// One membership of an organisation.
#[derive(Debug, Serialize)]
pub(crate) struct MembershipView {
    pub organisation: Txt,
    pub period: Option<String>,
    pub website: Option<Link>,
}

/// One network.
#[derive(Debug, Serialize)]
pub(crate) struct NetworkView {
    pub name: Txt,
    pub kind: Option<String>,
    pub members: Vec<Txt>,
    pub countries: Vec<String>,
    pub period: Option<String>,
    pub website: Option<Link>,
}

/// One yearly figure.
#[derive(Debug, Serialize)]
pub(crate) struct FigureView {
    pub period: String,
    pub measure: String,
    pub value: String,
}

/// One source of the register.
#[derive(Debug, Serialize)]
pub(crate) struct SourceView {
    pub link: Link,
    pub retrieved: Option<String>,
}

/// Sorts by a text as a reader looks it up: case and accents aside enough for Swedish
/// (`Ängelholm` after `Zürich`, as Swedish alphabets have it).
pub(crate) fn sort_key(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'á' | 'à' | 'â' => 'a',
            'ü' => 'y',
            'ó' | 'ò' | 'ô' => 'o',
            'í' | 'ì' => 'i',
            'å' => '\u{7b}',
            'ä' | 'æ' => '\u{7c}',
            'ö' | 'ø' => '\u{7d}',
            c => c,
        })
        .collect()
}

fn period(start: Option<&PartialDate>, end: Option<&PartialDate>, lang: Lang) -> Option<String> {
    match (start, end) {
        (None, None) => None,
        (Some(s), None) => Some(format!("{}\u{2013}", format::date(s, lang))),
        (None, Some(e)) => Some(format!("\u{2013}{}", format::date(e, lang))),
        (Some(s), Some(e)) => {
            Some(format!("{}\u{2013}{}", format::date(s, lang), format::date(e, lang)))
        }
    }
}

/// The name a partner is shown by; `None` for a partner the source does not name.
pub(crate) fn partner_name(p: &PartnerBody, lang: Lang) -> Option<Txt> {
    if let Some(name) = &p.name {
        return Some(Txt::place(name, lang));
    }
    p.names.as_ref()?.first().map(|n| Txt::plain(n.name.as_str()))
}

/// Where a partner lies, as a page writes it after the name: the larger body it is part of or
/// its subdivision (when that is not the place itself), then its country.
fn partner_place(p: &PartnerBody, name: Option<&str>, lang: Lang) -> Vec<String> {
    let mut place = Vec::new();
    let same = |s: &str| name.is_some_and(|n| sort_key(n) == sort_key(s));
    if let Some(parent) = &p.part_of {
        if let Some(n) = partner_name(parent, lang) {
            place.push(n.text);
        }
    } else if let Some(sub) = &p.subdivision {
        let names =
            [subdivision_name(sub.as_str(), Lang::En), subdivision_name(sub.as_str(), lang)];
        if let [Some(local), Some(shown)] = names
            && !same(local)
            && !same(shown)
        {
            place.push(shown.to_owned());
        }
    }
    if let Some(c) = p.country {
        place.push(c.label(lang).to_owned());
    } else if let Some(c) = p.former_country {
        place.push(c.label(lang).to_owned());
    }
    place
}

fn funding(f: &FundingSource, lang: Lang) -> String {
    match &f.name {
        Some(name) => name.to_string(),
        None => f.kind.label(lang).to_owned(),
    }
}

/// The source's own words for a value of a record, at a pointer.
fn as_written<'a>(
    list: Option<&'a [kommun_intl::model::record::AsWritten]>,
    at: &str,
) -> Option<&'a kommun_intl::model::record::AsWritten> {
    list?.iter().find(|a| a.at.as_str() == at)
}

fn partnership(p: &Partnership, data: &Dataset, lang: Lang) -> PartnershipView {
    let name = partner_name(&p.partner, lang);
    let place = partner_place(&p.partner, name.as_ref().map(|n| n.text.as_str()), lang);
    let name = name.unwrap_or_else(|| {
        // A partner known only by where it is ("en kommun i Kenya").
        Txt::plain(text::get("partner", lang))
    });
    let agreement = match p.agreement_type {
        Some(a) => Some(Txt::plain(a.label(lang))),
        None => as_written(p.as_written.as_deref(), "/agreement_type").map(|a| Txt {
            text: a.text.to_string(),
            lang: match &a.lang {
                Some(l) if l.as_str() != lang.tag() => None,
                None if lang == Lang::Sv => None,
                _ => Some("sv"),
            },
        }),
    };
    let areas: Vec<String> = p.areas.iter().flatten().map(|a| a.label(lang).to_owned()).collect();
    let funding: Vec<String> = p.funding.iter().flatten().map(|f| funding(f, lang)).collect();
    let status = match p.status {
        PartnershipStatus::Active | PartnershipStatus::Unknown | PartnershipStatus::Ended => None,
        s => Some(s.label(lang).to_owned()),
    };
    let network = p.network.as_ref().and_then(|id| {
        let n = data.networks.iter().find(|n| &n.id == id)?;
        Some(n.name.as_ref().map_or_else(|| Txt::plain(id.as_str()), |t| Txt::localized(t, lang)))
    });
    PartnershipView {
        id: p.id.to_string(),
        name,
        place,
        agreement,
        areas: (!areas.is_empty()).then(|| format::list(&areas, lang)),
        funding: (!funding.is_empty()).then(|| format::list(&funding, lang)),
        start: p.start.as_ref().map(|d| format::date(d, lang)),
        end: p.end.as_ref().map(|d| format::date(d, lang)),
        planned_end: p.planned_end.as_ref().map(|d| format::date(d, lang)),
        end_reason: p.end_reason.as_ref().map(|t| Txt::swedish(t, lang)),
        status,
        local_parties: p
            .local_parties
            .iter()
            .flatten()
            .filter_map(|l| {
                l.name
                    .as_ref()
                    .map(|n| Txt::swedish(n, lang))
                    .or_else(|| l.kind.map(|k| Txt::plain(k.label(lang))))
            })
            .collect(),
        network,
        website: p.partner.website.as_ref().map(|u| Link::to(u.as_str())),
        notes: p.notes.as_ref().map(|t| Txt::swedish(t, lang)),
    }
}

/// A programme's label with its own name and strand (`Interreg A: Interreg Aurora, Delprogram
/// Nord`).
fn programme(p: &Programme, lang: Lang) -> String {
    let mut out = p.code.label(lang).to_owned();
    let extra: Vec<&str> = [p.name.as_ref(), p.strand.as_ref()]
        .into_iter()
        .flatten()
        .map(Text::as_str)
        .filter(|s| *s != out)
        .collect();
    if !extra.is_empty() {
        out = format!("{out}: {}", extra.join(", "));
    }
    if let Some(period) = &p.period {
        out = format!("{out} ({period})");
    }
    out
}

fn budget(p: &Project, lang: Lang) -> Vec<String> {
    let Some(b) = &p.budget else { return Vec::new() };
    let mut lines = Vec::new();
    if let Some(total) = &b.total {
        lines.push(format!("{} {}", format::money(total, lang), text::get("total", lang)));
    }
    for g in b.grants.iter().flatten() {
        let Some(amount) = &g.amount else { continue };
        let who = g.funder.as_ref().map(|f| funding(f, lang));
        let kind = g.kind.map(|k| k.label(lang).to_owned());
        let what: Vec<String> = [kind, who].into_iter().flatten().collect();
        let money = format::money(amount, lang);
        lines.push(if what.is_empty() { money } else { format!("{money} ({})", what.join(", ")) });
    }
    if let Some(own) = &b.own_share {
        let mut line = format!("{} {}", format::money(own, lang), text::get("own_share", lang));
        if b.own_share_in_kind {
            line = format!("{line} {}", text::get("in_kind", lang));
        }
        lines.push(line);
    }
    lines
}

fn project(p: &Project, data: &Dataset, lang: Lang) -> ProjectView {
    let title = p
        .title
        .as_ref()
        .map(|t| Txt::localized(t, lang))
        .or_else(|| p.acronym.as_ref().map(|a| Txt::plain(a.as_str())))
        .unwrap_or_else(|| Txt::plain(p.id.as_str()));
    let units = p
        .departments
        .iter()
        .flatten()
        .filter_map(|d| data.municipality.units.iter().find(|u| &u.id == d))
        .map(|u| Txt::swedish(&u.name, lang))
        .collect();
    // In the register's order, which is the source's.
    let countries: Vec<String> =
        p.participating_countries.iter().flatten().map(|c| c.label(lang).to_owned()).collect();
    let organisations = p
        .organisations
        .iter()
        .flatten()
        .filter_map(|o| {
            let name = o.name.as_ref()?.to_string();
            let what: Vec<String> = [
                o.role.map(|r| r.label(lang).to_owned()),
                o.country.map(|c| c.label(lang).to_owned()),
            ]
            .into_iter()
            .flatten()
            .collect();
            Some(if what.is_empty() { name } else { format!("{name} ({})", what.join(", ")) })
        })
        .collect();
    ProjectView {
        id: p.id.to_string(),
        acronym: p.acronym.as_ref().filter(|a| a.as_str() != title.text).map(ToString::to_string),
        title,
        description: p
            .description
            .as_ref()
            .map(|d| Txt { text: d.to_string(), lang: (lang != Lang::Sv).then_some("sv") }),
        units,
        countries,
        programme: p.programme.as_ref().map(|pr| programme(pr, lang)),
        budget: budget(p, lang),
        period: period(p.start.as_ref(), p.end.as_ref(), lang),
        status: p.status.map(|s| s.label(lang).to_owned()),
        role: p.own_role.map(|r| r.label(lang).to_owned()),
        organisations,
        website: p.website.as_ref().map(|u| Link::to(u.as_str())),
    }
}

/// Where a project belongs on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProjectGroup {
    Current,
    Other,
    Ended,
}

/// A project is current while under way, ended once finished or cancelled (or past its end,
/// when the register gives no status), and planned or otherwise before it starts.
pub(crate) fn project_group(p: &Project, as_of: i32) -> ProjectGroup {
    match p.status {
        Some(
            ActivityStatus::Completion | ActivityStatus::PostCompletion | ActivityStatus::Cancelled,
        ) => ProjectGroup::Ended,
        Some(ActivityStatus::Pipeline) => ProjectGroup::Other,
        None if p.end.as_ref().and_then(format::last_year).is_some_and(|y| y < as_of) => {
            ProjectGroup::Ended
        }
        Some(ActivityStatus::Implementation | ActivityStatus::Suspended) | None => {
            ProjectGroup::Current
        }
    }
}

/// The latest year the register speaks of: the right edge of the timeline, and "now" for a
/// project without a status. Read from the register, never the clock, so that a page is the
/// same whenever it is made.
pub(crate) fn latest_year(data: &Dataset) -> Option<i32> {
    let mut dates: Vec<&PartialDate> = Vec::new();
    for p in &data.partnerships {
        dates.extend([&p.start, &p.end, &p.status_date].into_iter().flatten());
    }
    for p in &data.projects {
        dates.extend([&p.start, &p.end].into_iter().flatten());
    }
    for o in &data.statistics {
        dates.push(&o.period);
    }
    for s in data.sources.iter().flatten() {
        dates.extend(&s.retrieved);
    }
    dates.into_iter().filter_map(format::first_year).max()
}

/// The page of `data` in `lang`; `as_of` is the year the page speaks from (by default the
/// latest year the register names).
pub(crate) fn page(data: &Dataset, lang: Lang, as_of: Option<i32>) -> Page {
    let as_of = as_of.or_else(|| latest_year(data)).unwrap_or(2000);
    let m = &data.municipality;

    let mut partnerships: Vec<(&Partnership, PartnershipView)> =
        data.partnerships.iter().map(|p| (p, partnership(p, data, lang))).collect();
    // By kind of agreement (twin towns first, as the code list orders them), then by start,
    // then by name; unknown kinds and starts last.
    partnerships.sort_by_key(|(p, v)| {
        (
            p.agreement_type.map_or(usize::MAX, |a| {
                kommun_intl::model::AgreementType::all().iter().position(|x| *x == a).unwrap_or(0)
            }),
            p.start.as_ref().and_then(format::first_year).unwrap_or(i32::MAX),
            sort_key(&v.name.text),
        )
    });
    let (ended, current): (Vec<_>, Vec<_>) =
        partnerships.into_iter().partition(|(p, _)| p.status == PartnershipStatus::Ended);
    let timeline = svg::timeline(current.iter().chain(&ended).map(|(p, v)| (*p, v)), as_of, lang);
    let partnership_groups = [
        ("current-partnerships", "current_partnerships", current),
        ("ended-partnerships", "ended_partnerships", ended),
    ]
    .into_iter()
    .filter(|(.., items)| !items.is_empty())
    .map(|(id, key, items)| Group {
        id,
        heading: text::get(key, lang),
        items: items.into_iter().map(|(_, v)| v).collect(),
    })
    .collect();

    let mut projects: Vec<(ProjectGroup, &Project, ProjectView)> = data
        .projects
        .iter()
        .map(|p| (project_group(p, as_of), p, project(p, data, lang)))
        .collect();
    projects.sort_by_key(|(_, p, v)| (sort_key(&v.title.text), p.id.clone()));
    let overview = svg::overview(projects.iter().map(|(_, p, _)| *p), lang);
    let project_groups = [
        ("current-projects", "current_projects", ProjectGroup::Current),
        ("other-projects", "other_projects", ProjectGroup::Other),
        ("ended-projects", "ended_projects", ProjectGroup::Ended),
    ]
    .into_iter()
    .map(|(id, key, group)| Group {
        id,
        heading: text::get(key, lang),
        items: projects
            .iter()
            .filter(|(g, ..)| *g == group)
            .map(|(_, p, _)| project(p, data, lang))
            .collect(),
    })
    .filter(|g| !g.items.is_empty())
    .collect();

    let mut statistics: Vec<_> = data.statistics.iter().collect();
    statistics.sort_by_key(|o| (std::cmp::Reverse(o.period.to_string()), o.measure));
    let statistics = statistics
        .into_iter()
        .map(|o| FigureView {
            period: format::date(&o.period, lang),
            measure: o.measure.label(lang).to_owned(),
            value: format::figure(
                o.value.as_str(),
                match o.unit {
                    Unit::Count => None,
                    Unit::Currency(c) => Some(c.code()),
                },
                o.approximate,
                lang,
            ),
        })
        .collect();

    let mut memberships: Vec<MembershipView> = data
        .memberships
        .iter()
        .map(|ms| MembershipView {
            organisation: Txt::plain(ms.organisation.as_str()),
            period: period(ms.start.as_ref(), ms.end.as_ref(), lang),
            website: ms.website.as_ref().map(|u| Link::to(u.as_str())),
        })
        .collect();
    memberships.sort_by_key(|ms| sort_key(&ms.organisation.text));
    let mut networks: Vec<NetworkView> = data
        .networks
        .iter()
        .map(|n| {
            let kind = n.kind.map(|k| k.label(lang).to_owned());
            let mut countries: Vec<String> =
                n.countries.iter().flatten().map(|c| c.label(lang).to_owned()).collect();
            countries.sort_by_key(|c| sort_key(c));
            NetworkView {
                name: n.name.as_ref().map_or_else(
                    || Txt::plain(kind.clone().unwrap_or_else(|| n.id.to_string())),
                    |t| Txt::localized(t, lang),
                ),
                kind,
                members: n.members.iter().flatten().filter_map(|b| partner_name(b, lang)).collect(),
                countries,
                period: period(n.start.as_ref(), n.end.as_ref(), lang),
                website: n.website.as_ref().map(|u| Link::to(u.as_str())),
            }
        })
        .collect();
    networks.sort_by_key(|n| sort_key(&n.name.text));

    let address = m
        .address
        .as_ref()
        .map(|a| vec![a.street_address.to_string(), format!("{} {}", a.postal_code, a.locality)])
        .unwrap_or_default();
    Page {
        lang: lang.tag(),
        t: text::strings(lang),
        municipality: MunicipalityView {
            name: Txt::localized(&m.name, lang),
            address,
            phone: m.phone.as_ref().and_then(|p| {
                Some(Link { href: format!("tel:{}", p.e164()?), text: p.display()?, lang: None })
            }),
            fax: m.fax.as_ref().and_then(kommun_intl::model::Phone::display),
            email: m.email.as_ref().map(|e| Link {
                href: format!("mailto:{e}"),
                text: e.to_string(),
                lang: None,
            }),
            website: m.website.as_ref().map(|u| Link::to(u.as_str())),
        },
        kinds_of_work: m.kinds_of_work.iter().flatten().map(|k| k.label(lang).to_owned()).collect(),
        partnerships: partnership_groups,
        timeline,
        memberships,
        networks,
        projects: project_groups,
        overview,
        statistics,
        feedback: data
            .feedback_schemes
            .iter()
            .filter_map(|s| {
                let url = s.url.as_ref()?;
                Some(match &s.name {
                    Some(name) => Link {
                        href: url.to_string(),
                        text: name.to_string(),
                        lang: (lang != Lang::Sv).then_some("sv"),
                    },
                    None => Link::to(url.as_str()),
                })
            })
            .collect(),
        notes: data.notes.as_ref().map(|t| Txt::swedish(t, lang)),
        sources: data
            .sources
            .iter()
            .flatten()
            .map(|s| SourceView {
                link: Link::to(s.url.as_str()),
                retrieved: s.retrieved.as_ref().map(|d| format::date(d, lang)),
            })
            .collect(),
    }
}
