//! The one issue shape: [`Issue`], [`Severity`], [`Lang`] and [`Report`].

use std::fmt;
use std::ops::Index;
use std::str::FromStr;

use super::rules::Rule;

/// How serious an issue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The document is invalid.
    Error,
    /// The document is valid, but something is probably wrong or incomplete.
    Warning,
}

impl Severity {
    /// The lower-case name used in JSON output: `error` or `warning`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language for messages and labels.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Swedish (`sv`).
    Sv,
    /// English (`en`).
    #[default]
    En,
}

impl Lang {
    /// Both languages, Swedish first.
    pub const ALL: [Lang; 2] = [Lang::Sv, Lang::En];

    /// The BCP 47 tag: `sv` or `en`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// A language tag that is neither `sv` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use `sv` or `en`")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "sv" | "sv-se" | "swedish" | "svenska" => Ok(Lang::Sv),
            "en" | "en-gb" | "en-us" | "english" | "engelska" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_owned())),
        }
    }
}

/// Where a value sits in a spreadsheet: the sheet, the cell and its column's header. Issues
/// found in a register read from a workbook or CSV file carry one beside their JSON Pointer
/// (the pointer of the same value in the equivalent JSON).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    /// The sheet's name (for a CSV file, the file's name without `.csv`).
    pub sheet: String,
    /// The cell in A1 notation (`D14`); a whole row or column where no one cell is meant
    /// (`14:14`, `D:D`).
    pub cell: String,
    /// The header of the cell's column, as the sheet writes it (empty for a whole row).
    pub header: String,
}

impl CellRef {
    /// The sheet name as a spreadsheet formula writes it: quoted when it holds anything but
    /// letters, digits and `_` (`'Mina partner'`).
    #[must_use]
    pub fn quoted_sheet(&self) -> String {
        if self.sheet.chars().all(|c| c.is_alphanumeric() || c == '_') && !self.sheet.is_empty() {
            self.sheet.clone()
        } else {
            format!("'{}'", self.sheet.replace('\'', "''"))
        }
    }
}

impl fmt::Display for CellRef {
    /// `Partnerskap!D14`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}!{}", self.quoted_sheet(), self.cell)
    }
}

/// One problem found in a document.
///
/// Every property is a public field, read the same way (`issue.code`, `issue.severity`,
/// `issue.line`); what is computed from them is a method (`issue.message(lang)`,
/// `issue.suggestion()`, `issue.rule()`). `params` never hold the value of a personal field; see
/// the crate docs.
///
/// ```
/// use kommun_intl::{DocumentKind, Lang, Options, Severity};
///
/// let text = br#"{"category": "praise", "description": "Bra!", "channel": "webb",
///                 "submitted_at": "2026-11-28T09:30:00+01:00"}"#;
/// let report = DocumentKind::Feedback.validate_json(text, &Options::default());
/// let issue = &report.issues[0];
/// assert_eq!(issue.code, "structure.unknown_code");
/// assert_eq!(issue.severity, Severity::Error);
/// assert_eq!((issue.pointer.as_str(), issue.line, issue.column), ("/channel", Some(1), Some(58)));
/// assert_eq!(issue.suggestion(), Some("web"));
/// assert!(issue.message(Lang::En).starts_with("`webb` is not a known code here."));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Issue {
    pub(crate) rule: &'static Rule,
    /// The stable code, e.g. `partnership.end_before_start`.
    pub code: &'static str,
    /// Error or warning: the rule's severity, unless the run's [`super::RuleSelection`]
    /// changed it.
    pub severity: Severity,
    /// RFC 6901 JSON Pointer to the value concerned (`""` is the whole document).
    pub pointer: String,
    /// 1-based line in the source text, when the document came from text.
    pub line: Option<u32>,
    /// 1-based column (in characters) in the source text, when the document came from text.
    pub column: Option<u32>,
    /// The byte offset of the same position in the document's text, for tools that show or
    /// edit the source (for an NDJSON line: in the line).
    pub offset: Option<usize>,
    /// Non-personal parameters of the message, by name.
    pub params: Params,
    /// Where the value is in the spreadsheet the document was read from, if it was.
    pub cell: Option<Box<CellRef>>,
}

impl Issue {
    /// Rebuilds an issue from its parts, as [`Issue`]'s fields give them
    /// (for a report sent between processes). `None` when the code names no rule, or a
    /// parameter is not one of the rule's (or `suggestion`).
    #[must_use]
    pub fn from_parts(
        code: &str,
        pointer: String,
        (line, column, offset): (Option<u32>, Option<u32>, Option<usize>),
        params: impl IntoIterator<Item = (String, String)>,
    ) -> Option<Issue> {
        let rule = Rule::by_code(code)?;
        let mut kept = Params::default();
        for (name, value) in params {
            let optional = ["suggestion", "allowed"];
            let name = rule.params.iter().chain(&optional).copied().find(|p| *p == name)?;
            kept.insert(name, value);
        }
        Some(Issue {
            rule,
            code: rule.code,
            severity: rule.severity,
            pointer,
            line,
            column,
            offset,
            params: kept,
            cell: None,
        })
    }

    /// The rule this issue comes from.
    #[must_use]
    pub fn rule(&self) -> &'static Rule {
        self.rule
    }

    /// The codes allowed where a short code list did not hold the value, comma-separated.
    #[must_use]
    pub fn allowed(&self) -> Option<&str> {
        self.params.get("allowed").map(String::as_str)
    }

    /// The suggested replacement ("did you mean"), if there is one.
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        self.params.get("suggestion").map(String::as_str)
    }

    /// The message in the given language, with its parameters filled in and the hint, if any,
    /// appended.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let mut text = self.rule.render(lang, &self.params);
        if let Some(s) = self.suggestion() {
            let hint = match lang {
                Lang::Sv => " Menade du `",
                Lang::En => " Did you mean `",
            };
            text.push_str(hint);
            text.push_str(s);
            text.push_str("`?");
        }
        if let Some(allowed) = self.allowed() {
            text.push_str(match lang {
                Lang::Sv => " Koderna här är: ",
                Lang::En => " The codes here are: ",
            });
            text.push_str(allowed);
            text.push('.');
        }
        text
    }
}

/// The non-personal parameters of an issue's message: values by name, each name once, in the
/// order of the names (as a sorted map). Kept in a vector: an issue has none to three, and a
/// tree map took an allocation of a node and a search for each (a twentieth of the explaining
/// path of a feedback with one issue).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    /// Sets `name` to `value`; a name set before keeps the last value.
    pub fn insert(&mut self, name: &'static str, value: String) {
        // The names are few: a pass from the end, where a name in order goes.
        let at = self.0.iter().rposition(|(n, _)| *n <= name).map_or(0, |i| i + 1);
        if at > 0 && self.0[at - 1].0 == name {
            self.0[at - 1].1 = value;
        } else {
            self.0.insert(at, (name, value));
        }
    }

    /// The value of `name`, if it is set.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&String> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// True when `name` is set.
    #[must_use]
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// The names and their values, in the order of the names.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static str, &String)> {
        self.into_iter()
    }

    /// The names, in order.
    #[must_use]
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &'static str> {
        self.0.iter().map(|(n, _)| *n)
    }

    /// The values, in the order of their names.
    #[must_use]
    pub fn values(&self) -> impl ExactSizeIterator<Item = &String> {
        self.0.iter().map(|(_, v)| v)
    }

    /// How many names are set.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no name is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Index<&str> for Params {
    type Output = String;

    /// The value of `name`; panics when it is not set (as a map's index does).
    fn index(&self, name: &str) -> &String {
        self.get(name).unwrap_or_else(|| panic!("no parameter `{name}`"))
    }
}

impl<'a> IntoIterator for &'a Params {
    type Item = (&'static str, &'a String);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (&'static str, String)>,
        fn(&'a (&'static str, String)) -> (&'static str, &'a String),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(n, v)| (*n, v))
    }
}

impl FromIterator<(&'static str, String)> for Params {
    fn from_iter<I: IntoIterator<Item = (&'static str, String)>>(iter: I) -> Params {
        let mut iter = iter.into_iter();
        let Some(first) = iter.next() else { return Params::default() };
        // Room for the few of an issue at once: an iterator of hints does not know its length,
        // and growing the vector item by item reallocated it twice for three.
        let mut params = Params(Vec::with_capacity(iter.size_hint().0.max(3) + 1));
        params.0.push(first);
        for (name, value) in iter {
            params.insert(name, value);
        }
        params
    }
}

impl<const N: usize> From<[(&'static str, String); N]> for Params {
    fn from(params: [(&'static str, String); N]) -> Params {
        params.into_iter().collect()
    }
}

impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl serde::Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl fmt::Debug for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issue")
            .field("code", &self.code)
            .field("severity", &self.severity)
            .field("pointer", &self.pointer)
            .field("line", &self.line)
            .field("column", &self.column)
            .field("offset", &self.offset)
            .field("params", &self.params)
            .field("cell", &self.cell)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(cell) = &self.cell {
            write!(f, "{cell}: ")?;
        } else if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "{line}:{column}: ")?;
        }
        let pointer = if self.pointer.is_empty() { "/" } else { &self.pointer };
        write!(f, "{}[{}] at {pointer}: {}", self.severity, self.code, self.message(Lang::En))
    }
}

/// The result of validating one document: every issue found, up to the cap, and how many more
/// there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The issues, in document order for text input.
    pub issues: Vec<Issue>,
    /// How many issues were found beyond the cap and not kept.
    pub truncated_count: usize,
    /// Errors found in all, kept or not.
    pub(crate) error_count: usize,
}

impl Report {
    /// Rebuilds a report from its issues and counts (for a report sent between processes):
    /// `truncated_count` issues were found beyond those kept, `error_count` of all were
    /// errors. `None` when the counts cannot be those of these issues.
    #[must_use]
    pub fn from_parts(
        issues: Vec<Issue>,
        truncated_count: usize,
        error_count: usize,
    ) -> Option<Report> {
        let kept_errors = issues.iter().filter(|i| i.severity == Severity::Error).count();
        (kept_errors <= error_count && error_count <= kept_errors + truncated_count)
            .then_some(Report { issues, truncated_count, error_count })
    }

    /// True when there is no error (warnings are allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.error_count == 0
    }

    /// How many errors were found, including those beyond the cap.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.error_count
    }

    /// How many warnings were found, including those beyond the cap.
    #[must_use]
    pub fn warning_count(&self) -> usize {
        self.issues.len() + self.truncated_count - self.error_count
    }

    /// The issues of severity error.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }

    /// The issues of severity warning.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Warning)
    }

    /// True when there is no issue at all, not even a warning.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty() && self.truncated_count == 0
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for issue in &self.issues {
            writeln!(f, "{issue}")?;
        }
        if self.truncated_count > 0 {
            let n = self.truncated_count;
            writeln!(f, "... and {n} more {}", if n == 1 { "issue" } else { "issues" })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Params;

    /// Parameters read as a sorted map: each name once with its last value, in name order,
    /// in iteration and in JSON.
    #[test]
    fn params_are_a_map_in_name_order() {
        let params: Params = [
            ("suggestion", "web".to_owned()),
            ("allowed", "web, e-mail".to_owned()),
            ("first", "0".to_owned()),
            ("suggestion", "e-mail".to_owned()),
        ]
        .into();
        assert_eq!(params.keys().collect::<Vec<_>>(), ["allowed", "first", "suggestion"]);
        assert_eq!(params["suggestion"], "e-mail");
        assert_eq!((params.get("value"), params.len()), (None, 3));
        assert_eq!(
            serde_json::to_string(&params).unwrap(),
            r#"{"allowed":"web, e-mail","first":"0","suggestion":"e-mail"}"#
        );
        assert_eq!(
            format!("{params:?}"),
            r#"{"allowed": "web, e-mail", "first": "0", "suggestion": "e-mail"}"#
        );
    }
}
