//! Which rules report, and at which severity: [`RuleSelection`], built from `select`, `ignore`
//! and severity overrides given as rule codes or prefixes (`feedback.`), the way ruff selects.

use std::collections::HashMap;
use std::fmt;

use super::issue::Severity;
use super::rules::{self, Check, Rule};

/// A choice of rules: which report and at which severity.
///
/// Each setting names rules by a full code (`feedback.wants_reply_without_contact`) or by a
/// prefix ending in a dot (`feedback.`). For each rule the most specific selector decides (the
/// longest; on a tie `ignore` wins over `select`), so that `select = ["feedback."]` with
/// `ignore = ["feedback.unknown_unit"]` keeps every feedback rule but one. Without
/// `select`, every rule is selected.
///
/// The errors that say a document is not JSON, is too large, or does not have its kind's shape
/// ([`Check::Text`] and [`Check::Structure`]) always report as errors: such a document cannot be
/// read as its kind at all. Naming one of them by its full code in `ignore` or as a warning is
/// an error; a prefix leaves them out.
///
/// ```
/// use kommun_intl::validate::{RuleSelection, Severity};
/// use kommun_intl::validate::rules::Rule;
///
/// let selection = RuleSelection::new(
///     Some(&["feedback."]),
///     &["feedback.unknown_unit"],
///     &[("feedback.", Severity::Error)],
/// )?;
/// let long = Rule::by_code("feedback.unknown_unit").unwrap();
/// assert_eq!(selection.severity_of(long), None);
/// let syntax = Rule::by_code("json.syntax").unwrap();
/// assert_eq!(selection.severity_of(syntax), Some(Severity::Error));
/// # Ok::<(), kommun_intl::validate::SelectorError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSelection {
    /// Per rule code whose outcome differs from the default: its severity, or `None` when it
    /// does not report. Empty for the default selection.
    changed: HashMap<&'static str, Option<Severity>>,
}

/// A selector that names no rule, or names one that cannot be ignored or made a warning.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SelectorError {
    /// The selector is neither a rule code nor the prefix of one.
    #[error("`{selector}` is not a rule code or a prefix of one{}", suggestion_text(.suggestion.as_deref()))]
    Unknown {
        /// The selector as given.
        selector: String,
        /// The nearest code or prefix, if one is near.
        suggestion: Option<String>,
    },
    /// The rule says the document is not JSON or does not have its kind's shape.
    #[error(
        "`{code}` cannot be {action}: a document with this error cannot be read as its kind, so it always is one"
    )]
    Fixed {
        /// The rule's code.
        code: &'static str,
        /// `ignored` or `made a warning`.
        action: &'static str,
    },
}

fn suggestion_text(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

/// How many rules the selector names, and how specific it is (its length), or why it names none.
fn matching(selector: &str) -> Result<Vec<&'static Rule>, SelectorError> {
    let hits: Vec<&'static Rule> = if selector.ends_with('.') {
        rules::ALL.iter().copied().filter(|r| r.code.starts_with(selector)).collect()
    } else {
        rules::ALL.iter().copied().filter(|r| r.code == selector).collect()
    };
    if hits.is_empty() {
        return Err(SelectorError::Unknown {
            selector: selector.to_owned(),
            suggestion: nearest(selector),
        });
    }
    Ok(hits)
}

/// The code or prefix nearest to a selector that names nothing.
fn nearest(selector: &str) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    for rule in rules::ALL {
        candidates.push(rule.code.to_owned());
        if let Some((prefix, _)) = rule.code.split_once('.') {
            candidates.push(format!("{prefix}."));
        }
    }
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(selector, &c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 5))
        .min()
        .map(|(_, c)| c)
}

/// Records what `selector` (in `select` when `report`, else in `ignore`) says of each rule it
/// names, where it is more specific than what decided before.
fn decide(
    decided: &mut HashMap<&'static str, (usize, bool)>,
    selector: &str,
    report: bool,
) -> Result<(), SelectorError> {
    let exact = !selector.ends_with('.');
    for rule in matching(selector)? {
        if is_fixed(rule) {
            if exact && !report {
                return Err(SelectorError::Fixed { code: rule.code, action: "ignored" });
            }
            continue;
        }
        let entry = decided.entry(rule.code).or_insert((0, true));
        // Longer wins; on a tie, ignore (which comes second) wins.
        if selector.len() > entry.0 || (selector.len() == entry.0 && !report) {
            *entry = (selector.len(), report);
        }
    }
    Ok(())
}

/// True for the rules no selection may silence or soften.
fn is_fixed(rule: &Rule) -> bool {
    rule.severity == Severity::Error && matches!(rule.check, Check::Text | Check::Structure)
}

impl RuleSelection {
    /// A selection from `select` (`None`: every rule), `ignore`, and severity overrides; later
    /// overrides of the same specificity win.
    pub fn new<S: AsRef<str>>(
        select: Option<&[S]>,
        ignore: &[S],
        severity: &[(S, Severity)],
    ) -> Result<RuleSelection, SelectorError> {
        // Per rule: (specificity, reported?) of the deciding selector.
        let mut decided: HashMap<&'static str, (usize, bool)> = HashMap::new();
        if let Some(select) = select {
            // Selecting anything leaves out what it does not name.
            for rule in rules::ALL {
                if !is_fixed(rule) {
                    decided.insert(rule.code, (0, false));
                }
            }
            // A tie between two selects keeps them selected: only ignore demotes on a tie.
            for s in select {
                decide(&mut decided, s.as_ref(), true)?;
            }
        }
        for s in ignore {
            decide(&mut decided, s.as_ref(), false)?;
        }
        let mut overridden: HashMap<&'static str, (usize, Severity)> = HashMap::new();
        for (s, level) in severity {
            let selector = s.as_ref();
            let exact = !selector.ends_with('.');
            for rule in matching(selector)? {
                if is_fixed(rule) {
                    if exact && *level == Severity::Warning {
                        return Err(SelectorError::Fixed {
                            code: rule.code,
                            action: "made a warning",
                        });
                    }
                    continue;
                }
                let entry = overridden.entry(rule.code).or_insert((0, rule.severity));
                if selector.len() >= entry.0 {
                    *entry = (selector.len(), *level);
                }
            }
        }
        let mut changed = HashMap::new();
        for rule in rules::ALL {
            let reported = decided.get(rule.code).is_none_or(|(_, r)| *r);
            let severity = overridden.get(rule.code).map_or(rule.severity, |(_, s)| *s);
            let outcome = reported.then_some(severity);
            if outcome != Some(rule.severity) {
                changed.insert(rule.code, outcome);
            }
        }
        Ok(RuleSelection { changed })
    }

    /// The severity a rule reports at, or `None` when it does not report.
    #[must_use]
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.changed.get(rule.code) {
            Some(outcome) => *outcome,
            None => Some(rule.severity),
        }
    }

    /// True when every rule reports at its own severity.
    #[must_use]
    pub fn is_default(&self) -> bool {
        self.changed.is_empty()
    }
}

impl fmt::Display for RuleSelection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut changed: Vec<_> = self.changed.iter().collect();
        changed.sort();
        for (code, outcome) in changed {
            match outcome {
                Some(s) => writeln!(f, "{code}: {s}")?,
                None => writeln!(f, "{code}: off")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(code: &str) -> &'static Rule {
        Rule::by_code(code).expect("a rule")
    }

    #[test]
    fn the_most_specific_selector_decides() {
        let s = RuleSelection::new(Some(&["feedback."]), &["feedback.unknown_unit"], &[]).unwrap();
        assert_eq!(s.severity_of(rule("feedback.unknown_unit")), None);
        let kept = rules::ALL
            .iter()
            .find(|r| r.code.starts_with("feedback.") && r.code != "feedback.unknown_unit");
        let kept = kept.expect("another feedback rule");
        assert_eq!(s.severity_of(kept), Some(kept.severity));
        // Outside the selection: off, but the structural errors always report.
        assert_eq!(s.severity_of(rule("text.untrimmed")), None);
        assert_eq!(s.severity_of(rule("structure.missing_field")), Some(Severity::Error));

        let s = RuleSelection::new(None, &["feedback."], &[]).unwrap();
        assert_eq!(s.severity_of(rule("feedback.unknown_unit")), None);
        assert_eq!(s.severity_of(rule("text.untrimmed")), Some(Severity::Error));
        assert!(RuleSelection::new::<&str>(None, &[], &[]).unwrap().is_default());
    }

    #[test]
    fn severities_are_overridden_by_the_longest_selector() {
        let s = RuleSelection::new(
            None,
            &[],
            &[("json.", Severity::Warning), ("json.byte_order_mark", Severity::Error)],
        )
        .unwrap();
        assert_eq!(s.severity_of(rule("json.byte_order_mark")), Some(Severity::Error));
        // A prefix leaves the fixed errors as they are.
        assert_eq!(s.severity_of(rule("json.syntax")), Some(Severity::Error));
    }

    #[test]
    fn bad_selectors_are_named() {
        let e = RuleSelection::new(None, &["feedbak."], &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "`feedbak.` is not a rule code or a prefix of one; did you mean `feedback.`?"
        );
        let e = RuleSelection::new(None, &["json.syntax"], &[]).unwrap_err();
        assert!(matches!(e, SelectorError::Fixed { code: "json.syntax", action: "ignored" }));
        let e = RuleSelection::new(None, &[], &[("structure.missing_field", Severity::Warning)])
            .unwrap_err();
        assert!(e.to_string().starts_with("`structure.missing_field` cannot be made a warning"));
    }
}
