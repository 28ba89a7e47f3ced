//! Wikidata QuickStatements for the register's partnerships: for each partner with a Wikidata
//! item, the statement "twinned administrative body" (P190, which Wikidata defines for twin
//! towns and for any partnership or cooperation agreement between localities) on both items, with the start
//! (P580) and end (P582) as qualifiers and the register's source as the reference (S854, with
//! S813 when it was retrieved).
//!
//! The municipality's own item is the register's `municipality.wikidata`, or the caller's.
//!
//! [`compare`] reads an excerpt of a Wikidata JSON dump (the entities, as the dump's array or
//! as `Special:EntityData`'s `{"entities": {...}}`) and says which twinnings each side lacks.

use std::fmt::Write as _;

use kommun_intl::model::WikidataId;
use kommun_intl::model::common::PartialDate;

use crate::Register;

/// The statements, and the partnerships left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statements {
    /// QuickStatements (version 1, tab-separated), one statement a line.
    pub text: String,
    /// The ids of the partnerships left out, each with why.
    pub left_out: Vec<(String, &'static str)>,
}

/// A date as QuickStatements writes a time: `+2004-00-00T00:00:00Z/9` (year precision 9,
/// month 10, day 11). A decade (`194X`) has precision 8.
pub(crate) fn time(d: &PartialDate) -> Option<String> {
    let s = d.as_str();
    if let Some(decade) = s.strip_suffix('X') {
        return Some(format!("+{decade}0-00-00T00:00:00Z/8"));
    }
    d.range()?;
    let parts: Vec<&str> = s.split('-').collect();
    Some(match parts.as_slice() {
        [y] => format!("+{y}-00-00T00:00:00Z/9"),
        [y, m] => format!("+{y}-{m}-00T00:00:00Z/10"),
        [y, m, day] => format!("+{y}-{m}-{day}T00:00:00Z/11"),
        _ => return None,
    })
}

/// The statements for `register`, whose municipality is the item `own`.
#[must_use]
pub fn statements(register: Register<'_>, own: &WikidataId) -> Statements {
    statements_where(register, own, |_, _| true)
}

/// The statements for the pairs `(from, to)` that `keep` keeps.
fn statements_where(
    register: Register<'_>,
    own: &WikidataId,
    keep: impl Fn(&str, &str) -> bool,
) -> Statements {
    let data = register.data();
    let mut text = String::new();
    let mut left_out = Vec::new();
    for p in &data.partnerships {
        let Some(partner) = &p.partner.wikidata else {
            left_out.push((p.id.to_string(), "the partner has no Wikidata item"));
            continue;
        };
        let source = p.sources.iter().flatten().chain(data.sources.iter().flatten()).next();
        for (from, to) in [(own, partner), (partner, own)] {
            if !keep(from.as_str(), to.as_str()) {
                continue;
            }
            let _ = write!(text, "{from}\tP190\t{to}");
            if let Some(t) = p.start.as_ref().and_then(time) {
                let _ = write!(text, "\tP580\t{t}");
            }
            if let Some(t) = p.end.as_ref().and_then(time) {
                let _ = write!(text, "\tP582\t{t}");
            }
            if let Some(s) = source {
                let _ = write!(text, "\tS854\t\"{}\"", s.url.as_str().replace('"', "%22"));
                if let Some(t) = s.retrieved.as_ref().and_then(time) {
                    let _ = write!(text, "\tS813\t{t}");
                }
            }
            text.push('\n');
        }
    }
    Statements { text, left_out }
}

/// Why a dump excerpt could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    /// Not JSON.
    #[error("the Wikidata dump is not JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// JSON, but neither a list of entities nor `{"entities": {...}}`.
    #[error("the Wikidata dump is neither a list of entities nor {{\"entities\": {{...}}}}")]
    Shape,
}

/// The twinnings of the register and of Wikidata, side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// QuickStatements for the statements Wikidata lacks: a direction (`A P190 B`) whose
    /// subject is in the excerpt without it.
    pub missing_on_wikidata: Statements,
    /// The partners (item ids) the register names whose twinning is in neither direction in
    /// the excerpt, each with the partnership's id.
    pub not_on_wikidata: Vec<(String, String)>,
    /// The items twinned with the municipality on Wikidata (in either direction, statements
    /// not deprecated) that no partnership of the register names.
    pub not_in_register: Vec<String>,
    /// The items (the municipality's, its partners') the excerpt does not hold: their side
    /// of a twinning was not seen, so a twinning "not on Wikidata" may be there after all.
    pub not_in_excerpt: Vec<String>,
}

/// The P190 targets of each entity in the excerpt (statements of deprecated rank left out).
fn twinnings(dump: &[u8]) -> Result<std::collections::BTreeMap<String, Vec<String>>, DumpError> {
    let v: serde_json::Value = serde_json::from_slice(dump)?;
    let entities: Vec<&serde_json::Value> = match &v {
        serde_json::Value::Array(items) => items.iter().collect(),
        serde_json::Value::Object(o) => match o.get("entities") {
            Some(serde_json::Value::Object(e)) => e.values().collect(),
            _ => return Err(DumpError::Shape),
        },
        _ => return Err(DumpError::Shape),
    };
    let mut out = std::collections::BTreeMap::new();
    for e in entities {
        let Some(id) = e.get("id").and_then(serde_json::Value::as_str) else {
            return Err(DumpError::Shape);
        };
        let targets = e
            .pointer("/claims/P190")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter(|c| c.get("rank").and_then(serde_json::Value::as_str) != Some("deprecated"))
            .filter_map(|c| c.pointer("/mainsnak/datavalue/value/id")?.as_str())
            .map(str::to_owned)
            .collect();
        out.insert(id.to_owned(), targets);
    }
    Ok(out)
}

/// Compares the register's twinnings with a Wikidata dump excerpt: what each side lacks.
pub fn compare(
    register: Register<'_>,
    own: &WikidataId,
    dump: &[u8],
) -> Result<Comparison, DumpError> {
    let on = twinnings(dump)?;
    let has = |from: &str, to: &str| on.get(from).is_some_and(|t| t.iter().any(|x| x == to));
    let own_id = own.as_str();
    let missing_on_wikidata =
        statements_where(register, own, |from, to| on.contains_key(from) && !has(from, to));
    let data = register.data();
    let mut not_on_wikidata = Vec::new();
    let mut not_in_excerpt = Vec::new();
    if !on.contains_key(own_id) {
        not_in_excerpt.push(own_id.to_owned());
    }
    for p in &data.partnerships {
        let Some(q) = &p.partner.wikidata else { continue };
        let q = q.as_str();
        if !on.contains_key(q) {
            not_in_excerpt.push(q.to_owned());
        }
        if !has(own_id, q) && !has(q, own_id) {
            not_on_wikidata.push((q.to_owned(), p.id.to_string()));
        }
    }
    let named: Vec<&str> = data
        .partnerships
        .iter()
        .filter_map(|p| p.partner.wikidata.as_ref())
        .map(WikidataId::as_str)
        .collect();
    let mut not_in_register: Vec<String> = on
        .get(own_id)
        .into_iter()
        .flatten()
        .cloned()
        .chain(on.iter().filter(|(_, t)| t.iter().any(|x| x == own_id)).map(|(k, _)| k.clone()))
        .filter(|q| q != own_id && !named.contains(&q.as_str()))
        .collect();
    not_in_register.sort();
    not_in_register.dedup();
    Ok(Comparison { missing_on_wikidata, not_on_wikidata, not_in_register, not_in_excerpt })
}
