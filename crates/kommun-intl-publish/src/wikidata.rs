//! Wikidata QuickStatements for the register's partnerships: for each partner with a Wikidata
//! item, the statement "twinned administrative body" (P190, which Wikidata defines for twin
//! towns and for any partnership or cooperation agreement between localities) on both items, with the start
//! (P580) and end (P582) as qualifiers and the register's source as the reference (S854, with
//! S813 when it was retrieved).
//!
//! The municipality's own item comes from the caller: the register does not hold it.

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
