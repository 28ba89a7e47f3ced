//! The pictures' geometry: a timeline of the partnerships and bar charts of the projects by
//! programme and by country. Only numbers and texts are made here; the templates draw them as
//! inline SVG (escaped like every other text), each with a table that says the same.

use std::collections::BTreeMap;

use kommun_intl::Lang;
use kommun_intl::model::{Partnership, PartnershipStatus, Project};
use serde::Serialize;

use crate::format;
use crate::view::{PartnershipView, sort_key};

/// The width of every picture, in SVG units (it scales to the page).
const WIDTH: u32 = 720;
/// Where the bars start: the labels stand to their left.
const LABEL_WIDTH: u32 = 250;
/// The right margin, for the last tick's year.
const MARGIN: u32 = 30;
/// The height of one row.
const ROW: u32 = 28;
/// The room above the rows (the axis and its years).
const TOP: u32 = 30;

/// The longest label beside a bar, in characters; a longer one is cut (with an ellipsis), and
/// the table under the picture has it whole.
const LABEL_MAX: usize = 36;

/// A label as it fits beside a bar.
fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        return label.to_owned();
    }
    let cut: String = label.chars().take(LABEL_MAX - 1).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// A tick on an axis.
#[derive(Debug, Serialize)]
pub(crate) struct Tick {
    pub x: u32,
    pub label: String,
}

/// One partnership on the timeline.
#[derive(Debug, Serialize)]
pub(crate) struct TimelineRow {
    pub label: String,
    pub short: String,
    pub lang: Option<&'static str>,
    pub y: u32,
    pub text_y: u32,
    pub x: u32,
    pub width: u32,
    pub ongoing: bool,
    /// The row's period in words, for its table row and the bar's own title.
    pub period: String,
    pub agreement: Option<String>,
}

/// The timeline of the partnerships with a known start.
#[derive(Debug, Serialize)]
pub(crate) struct Timeline {
    pub width: u32,
    pub height: u32,
    pub axis_y: u32,
    pub left: u32,
    pub right: u32,
    pub first_year: i32,
    pub last_year: i32,
    pub ticks: Vec<Tick>,
    pub rows: Vec<TimelineRow>,
    /// Partnerships left off for want of a start.
    pub without_start: Vec<String>,
}

/// The timeline of `partnerships` (in the page's order), up to `as_of`; `None` when no
/// partnership has a known start.
pub(crate) fn timeline<'a>(
    partnerships: impl Iterator<Item = (&'a Partnership, &'a PartnershipView)>,
    as_of: i32,
    lang: Lang,
) -> Option<Timeline> {
    let mut dated = Vec::new();
    let mut without_start = Vec::new();
    for (p, v) in partnerships {
        match p.start.as_ref().and_then(format::first_year) {
            Some(start) => {
                let end = p.end.as_ref().and_then(format::last_year);
                dated.push((p, v, start, end));
            }
            None => without_start.push(v.name.text.clone()),
        }
    }
    if dated.is_empty() {
        return None;
    }
    let first = dated.iter().map(|d| d.2).min()?;
    // The first year on a multiple of five, the last at least five years on.
    let first = first - first.rem_euclid(5);
    let last =
        dated.iter().map(|d| d.3.unwrap_or(as_of).max(d.2)).chain([as_of]).max()?.max(first + 5);
    let span = u32::try_from(last - first + 1).unwrap_or(1);
    let right = WIDTH - MARGIN;
    let x_of = |year: i32| {
        let years = u32::try_from(year - first).unwrap_or(0);
        LABEL_WIDTH + years * (right - LABEL_WIDTH) / span
    };
    let tick_every = if span > 60 {
        20
    } else if span > 30 {
        10
    } else {
        5
    };
    let ticks = (first..=last)
        .filter(|y| y.rem_euclid(tick_every) == 0)
        .map(|y| Tick { x: x_of(y), label: y.to_string() })
        .collect();
    let rows = dated
        .into_iter()
        .enumerate()
        .map(|(i, (p, v, start, end))| {
            let row = u32::try_from(i).unwrap_or(0);
            let ongoing = end.is_none() && p.status != PartnershipStatus::Ended;
            let stop = end.unwrap_or(if ongoing { last + 1 } else { start + 1 }).max(start + 1);
            let x = x_of(start);
            let width = x_of(stop.min(last + 1)).saturating_sub(x).max(4);
            let period = match (end, ongoing) {
                (Some(e), _) => format!("{start}\u{2013}{e}"),
                (None, true) => format!("{start}\u{2013}, {}", crate::text::get("ongoing", lang)),
                (None, false) => format!("{start}\u{2013}"),
            };
            let mut label = v.name.text.clone();
            if let Some(country) = v.place.last() {
                label = format!("{label}, {country}");
            }
            TimelineRow {
                short: short(&label),
                label,
                lang: v.name.lang,
                y: TOP + row * ROW + 6,
                text_y: TOP + row * ROW + 19,
                x,
                width,
                ongoing,
                period,
                agreement: v.agreement.as_ref().map(|a| a.text.clone()),
            }
        })
        .collect::<Vec<_>>();
    let height = TOP + u32::try_from(rows.len()).unwrap_or(0) * ROW + 10;
    Some(Timeline {
        width: WIDTH,
        height,
        axis_y: TOP - 4,
        left: LABEL_WIDTH,
        right,
        first_year: first,
        last_year: last,
        ticks,
        rows,
        without_start,
    })
}

/// One bar of a chart.
#[derive(Debug, Serialize)]
pub(crate) struct Bar {
    pub label: String,
    pub short: String,
    pub count: usize,
    pub y: u32,
    pub text_y: u32,
    pub width: u32,
    pub count_x: u32,
}

/// A bar chart: a heading, its bars, its height.
#[derive(Debug, Serialize)]
pub(crate) struct Chart {
    pub id: &'static str,
    pub heading: &'static str,
    pub height: u32,
    pub left: u32,
    pub bars: Vec<Bar>,
}

/// The projects by programme and by country.
#[derive(Debug, Serialize)]
pub(crate) struct Overview {
    pub width: u32,
    pub charts: Vec<Chart>,
}

fn chart(
    id: &'static str,
    heading: &'static str,
    counts: BTreeMap<String, usize>,
) -> Option<Chart> {
    if counts.is_empty() {
        return None;
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    // Most projects first, then alphabetically.
    counts.sort_by_key(|(label, n)| (std::cmp::Reverse(*n), sort_key(label)));
    let max = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1);
    let room = WIDTH - LABEL_WIDTH - MARGIN - 20;
    let bars: Vec<Bar> = counts
        .into_iter()
        .enumerate()
        .map(|(i, (label, count))| {
            let row = u32::try_from(i).unwrap_or(0);
            let width = u32::try_from(count * room as usize / max).unwrap_or(room).max(4);
            Bar {
                short: short(&label),
                label,
                count,
                y: 10 + row * ROW,
                text_y: 10 + row * ROW + 13,
                width,
                count_x: LABEL_WIDTH + width + 6,
            }
        })
        .collect();
    let height = 20 + u32::try_from(bars.len()).unwrap_or(0) * ROW;
    Some(Chart { id, heading, height, left: LABEL_WIDTH, bars })
}

/// The overview of `projects`; `None` when none has a programme or a country.
pub(crate) fn overview<'a>(
    projects: impl Iterator<Item = &'a Project>,
    lang: Lang,
) -> Option<Overview> {
    let mut by_programme: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
    for p in projects {
        if let Some(pr) = &p.programme {
            *by_programme.entry(pr.code.label(lang).to_owned()).or_default() += 1;
        }
        for c in p.participating_countries.iter().flatten() {
            *by_country.entry(c.label(lang).to_owned()).or_default() += 1;
        }
    }
    let charts: Vec<Chart> = [
        chart("by-programme", crate::text::get("by_programme", lang), by_programme),
        chart("by-country", crate::text::get("by_country", lang), by_country),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!charts.is_empty()).then_some(Overview { width: WIDTH, charts })
}
