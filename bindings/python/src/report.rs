//! `Report` and `Issue`: thin wrappers of the core's [`Report`] and [`Issue`].

use std::str::FromStr;

use pyo3::IntoPyObjectExt;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use kommun_intl::{CellRef, DocumentKind, Issue, Lang, Report};

use crate::errors;
use crate::rules::PyRule;

/// Reads a language tag (`sv`, `en`, and the core's aliases).
pub fn parse_lang(tag: &str) -> PyResult<Lang> {
    Lang::from_str(tag).map_err(|e| errors::unknown_lang(&e))
}

/// A str as Python writes it in a repr: `'text'`.
pub fn quoted(s: &str) -> String {
    format!("'{}'", s.escape_debug())
}

fn lang_or(lang: Option<&str>, default: Lang) -> PyResult<Lang> {
    lang.map_or(Ok(default), parse_lang)
}

/// A cell's parts: sheet, cell, header.
type CellParts = (String, String, String);
/// An issue's parts, as pickling carries them: code, pointer, line, column, offset, params,
/// cell.
type IssueParts = (
    String,
    String,
    Option<u32>,
    Option<u32>,
    Option<usize>,
    Vec<(String, String)>,
    Option<CellParts>,
);
/// An issue and its report's language.
type IssueState = (String, IssueParts);
/// A report's parts: kind, language, issues beyond the cap, errors in all, the issues, the
/// spreadsheet it was read from.
type ReportState = (Option<String>, String, usize, usize, Vec<IssueParts>, Option<String>);

fn issue_parts(issue: &Issue) -> IssueParts {
    let params = issue.params.iter().map(|(k, v)| (k.to_owned(), v.clone())).collect();
    let cell = issue.cell.as_deref().map(|c| (c.sheet.clone(), c.cell.clone(), c.header.clone()));
    (
        issue.code.to_owned(),
        issue.pointer.clone(),
        issue.line,
        issue.column,
        issue.offset,
        params,
        cell,
    )
}

fn issue_state(issue: &Issue, lang: Lang) -> IssueState {
    (lang.tag().to_owned(), issue_parts(issue))
}

fn issue_from(parts: IssueParts) -> PyResult<Issue> {
    let (code, pointer, line, column, offset, params, cell) = parts;
    let mut issue =
        Issue::from_parts(&code, pointer, (line, column, offset), params).ok_or_else(|| {
            errors::KommunIntlError::new_err(format!("no issue of rule `{code}` has these parts"))
        })?;
    issue.cell = cell.map(|(sheet, cell, header)| Box::new(CellRef { sheet, cell, header }));
    Ok(issue)
}

/// One problem found in a document.
#[pyclass(module = "kommun_intl._native", name = "Issue", frozen)]
pub struct PyIssue {
    issue: Issue,
    lang: Lang,
}

impl PyIssue {
    fn as_dict<'py>(&self, py: Python<'py>, lang: Lang) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.issue.code)?;
        d.set_item("severity", self.issue.severity.as_str())?;
        d.set_item("pointer", &self.issue.pointer)?;
        d.set_item("line", self.issue.line)?;
        d.set_item("column", self.issue.column)?;
        d.set_item("offset", self.issue.offset)?;
        d.set_item("message", self.issue.message(lang))?;
        d.set_item("params", self.params(py)?)?;
        d.set_item("url", self.issue.rule().url())?;
        let cell = match self.issue.cell.as_deref() {
            Some(c) => {
                let cd = PyDict::new(py);
                cd.set_item("ref", c.to_string())?;
                cd.set_item("sheet", &c.sheet)?;
                cd.set_item("cell", &c.cell)?;
                cd.set_item("header", &c.header)?;
                Some(cd)
            }
            None => None,
        };
        d.set_item("cell", cell)?;
        Ok(d)
    }
}

#[pymethods]
impl PyIssue {
    /// The sheet the value is on, for a register read from a spreadsheet.
    #[getter]
    fn sheet(&self) -> Option<&str> {
        self.issue.cell.as_deref().map(|c| c.sheet.as_str())
    }

    /// The cell in A1 notation (`D14`; a whole row `14:14`), for a register read from a
    /// spreadsheet.
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.issue.cell.as_deref().map(|c| c.cell.as_str())
    }

    /// The header of the cell's column, as the sheet writes it.
    #[getter]
    fn header(&self) -> Option<&str> {
        self.issue.cell.as_deref().map(|c| c.header.as_str())
    }

    /// The stable code, e.g. `partnership.end_before_start`.
    #[getter]
    fn code(&self) -> &'static str {
        self.issue.code
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.issue.severity.as_str()
    }

    /// RFC 6901 JSON Pointer to the value concerned (`""` is the whole document).
    #[getter]
    fn pointer(&self) -> &str {
        &self.issue.pointer
    }

    /// 1-based line in the source text, or None for a dict.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.issue.line
    }

    /// 1-based column (in characters) in the source text, or None for a dict.
    #[getter]
    fn column(&self) -> Option<u32> {
        self.issue.column
    }

    /// The byte offset of the same position in the document's text (for an NDJSON line, in
    /// the line), or None for a dict.
    #[getter]
    fn offset(&self) -> Option<usize> {
        self.issue.offset
    }

    /// The message's parameters (never personal data).
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (k, v) in &self.issue.params {
            d.set_item(k, v)?;
        }
        Ok(d)
    }

    /// The suggested replacement ("did you mean"), if any.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.issue.suggestion()
    }

    /// The rule this issue comes from.
    #[getter]
    fn rule(&self) -> PyRule {
        PyRule::new(self.issue.rule())
    }

    /// The message in `lang` (default: the report's language).
    #[pyo3(signature = (lang = None))]
    fn message(&self, lang: Option<&str>) -> PyResult<String> {
        errors::guard(|| Ok(self.issue.message(lang_or(lang, self.lang)?)))
    }

    /// The issue as a dict, as the CLI's JSON output writes it.
    #[pyo3(name = "to_dict", signature = (lang = None))]
    fn py_to_dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        errors::guard(|| self.as_dict(py, lang_or(lang, self.lang)?))
    }

    /// Pickling: an issue is rebuilt from its parts (code, pointer, position, params).
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (IssueState,))> {
        errors::guard(|| {
            let this = slf.get();
            Ok((slf.get_type().getattr("_from_state")?, (issue_state(&this.issue, this.lang),)))
        })
    }

    /// Rebuilds an issue from what `__reduce__` gives.
    #[staticmethod]
    fn _from_state(state: IssueState) -> PyResult<PyIssue> {
        errors::guard(|| {
            let (lang, parts) = state;
            Ok(PyIssue { issue: issue_from(parts)?, lang: parse_lang(&lang)? })
        })
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyIssue>() else { return Ok(py.NotImplemented()) };
        let eq = self.issue == other.get().issue;
        match op {
            CompareOp::Eq => eq.into_py_any(py),
            CompareOp::Ne => (!eq).into_py_any(py),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __str__(&self) -> String {
        let pointer = if self.issue.pointer.is_empty() { "/" } else { &self.issue.pointer };
        let at = match (self.issue.line, self.issue.column) {
            (Some(l), Some(c)) => format!("{l}:{c}: "),
            _ => String::new(),
        };
        format!(
            "{at}{}[{}] at {pointer}: {}",
            self.issue.severity,
            self.issue.code,
            self.issue.message(self.lang)
        )
    }

    fn __repr__(&self) -> String {
        format!(
            "Issue(code={}, severity={}, pointer={}, line={}, column={})",
            quoted(self.issue.code),
            quoted(self.issue.severity.as_str()),
            quoted(&self.issue.pointer),
            self.issue.line.map_or_else(|| "None".to_owned(), |l| l.to_string()),
            self.issue.column.map_or_else(|| "None".to_owned(), |c| c.to_string()),
        )
    }
}

/// The result of validating one document: every issue, up to the cap, and how many more there
/// were. Iterating yields the issues.
#[pyclass(module = "kommun_intl._native", name = "Report", frozen)]
pub struct PyReport {
    report: Report,
    lang: Lang,
    kind: Option<DocumentKind>,
    /// The file the document was read from, when it was given as a path.
    file: Option<String>,
}

impl PyReport {
    /// Wraps a core report; `lang` is the default language of its messages.
    pub fn new(report: Report, lang: Lang) -> Self {
        PyReport { report, lang, kind: None, file: None }
    }

    /// Wraps a core report of a document of `kind`.
    pub fn of_kind(report: Report, lang: Lang, kind: DocumentKind) -> Self {
        PyReport { report, lang, kind: Some(kind), file: None }
    }

    /// The same report, read from `file`.
    #[must_use]
    pub fn read_from(self, file: Option<String>) -> Self {
        PyReport { file, ..self }
    }

    /// One line per issue, in the report's language, and a line for the issues not kept.
    pub fn text(&self) -> String {
        self.wrap(self.report.issues.iter())
            .iter()
            .map(PyIssue::__str__)
            .chain((self.report.truncated_count > 0).then(|| {
                let n = self.report.truncated_count;
                format!("... and {n} more {}", if n == 1 { "issue" } else { "issues" })
            }))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        let lang = lang_or(lang, self.lang)?;
        let issues = self
            .wrap(self.report.issues.iter())
            .iter()
            .map(|i| i.as_dict(py, lang))
            .collect::<PyResult<Vec<_>>>()?;
        let d = PyDict::new(py);
        d.set_item("kind", self.kind())?;
        d.set_item("valid", self.report.is_valid())?;
        d.set_item("issues", issues)?;
        d.set_item("truncated", self.report.truncated_count)?;
        Ok(d)
    }

    fn wrap<'a>(&self, issues: impl Iterator<Item = &'a Issue>) -> Vec<PyIssue> {
        issues.map(|i| PyIssue { issue: i.clone(), lang: self.lang }).collect()
    }
}

#[pymethods]
impl PyReport {
    /// True when there is no error (warnings are allowed).
    #[getter]
    fn is_valid(&self) -> bool {
        self.report.is_valid()
    }

    /// True when there is no issue at all, not even a warning.
    #[getter]
    fn is_clean(&self) -> bool {
        self.report.is_clean()
    }

    /// Every issue kept, in document order for text input.
    #[getter]
    fn issues(&self) -> Vec<PyIssue> {
        self.wrap(self.report.issues.iter())
    }

    /// The issues of severity error.
    #[getter]
    fn errors(&self) -> Vec<PyIssue> {
        self.wrap(self.report.errors())
    }

    /// The issues of severity warning.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.wrap(self.report.warnings())
    }

    /// Errors found in all, including those beyond `max_issues`.
    #[getter]
    fn error_count(&self) -> usize {
        self.report.error_count()
    }

    /// Warnings found in all, including those beyond `max_issues`.
    #[getter]
    fn warning_count(&self) -> usize {
        self.report.warning_count()
    }

    /// How many issues were found beyond `max_issues` and not kept.
    #[getter]
    fn truncated(&self) -> usize {
        self.report.truncated_count
    }

    /// The document kind validated, when known.
    #[getter]
    fn kind(&self) -> Option<&'static str> {
        self.kind.map(DocumentKind::name)
    }

    /// The language of messages unless one is asked for (`sv` or `en`).
    #[getter]
    fn lang(&self) -> &'static str {
        self.lang.tag()
    }

    /// The file the document was read from, when `validate` was given a path.
    #[getter]
    fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The issues as flat records, one dict per issue with the same keys in the same order:
    /// `file`, `sheet`, `cell`, `header`, `pointer`, `line`, `column`, `code`, `severity`,
    /// `message` (ready for `csv.DictWriter`, `pandas.DataFrame` or `polars.DataFrame`).
    /// `file` is the path the document was read from, or None; `sheet`, `cell` and `header`
    /// are None for a document not read from a spreadsheet.
    #[pyo3(signature = (lang = None))]
    fn to_records<'py>(
        &self,
        py: Python<'py>,
        lang: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let lang = lang_or(lang, self.lang)?;
        self.report
            .issues
            .iter()
            .map(|issue| {
                let d = PyDict::new(py);
                let cell = issue.cell.as_deref();
                d.set_item("file", self.file.as_deref())?;
                d.set_item("sheet", cell.map(|c| c.sheet.as_str()))?;
                d.set_item("cell", cell.map(|c| c.cell.as_str()))?;
                d.set_item("header", cell.map(|c| c.header.as_str()))?;
                d.set_item("pointer", &issue.pointer)?;
                d.set_item("line", issue.line)?;
                d.set_item("column", issue.column)?;
                d.set_item("code", issue.code)?;
                d.set_item("severity", issue.severity.as_str())?;
                d.set_item("message", issue.message(lang))?;
                Ok(d)
            })
            .collect()
    }

    /// The report as a dict, as the CLI's JSON output writes one file:
    /// `{"kind", "valid", "issues": [...], "truncated"}`.
    #[pyo3(signature = (lang = None))]
    fn to_dict<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyDict>> {
        errors::guard(|| self.dict(py, lang))
    }

    /// Pickling, so that a multiprocessing pool can return reports.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (ReportState,))> {
        errors::guard(|| {
            let this = slf.get();
            let state = (
                this.kind.map(|k| k.name().to_owned()),
                this.lang.tag().to_owned(),
                this.report.truncated_count,
                this.report.error_count(),
                this.report.issues.iter().map(issue_parts).collect(),
                this.file.clone(),
            );
            Ok((slf.get_type().getattr("_from_state")?, (state,)))
        })
    }

    /// Rebuilds a report from what `__reduce__` gives.
    #[staticmethod]
    fn _from_state(state: ReportState) -> PyResult<PyReport> {
        errors::guard(|| {
            let (kind, lang, truncated, errors_in_all, issues, file) = state;
            let issues = issues.into_iter().map(issue_from).collect::<PyResult<Vec<_>>>()?;
            let report = Report::from_parts(issues, truncated, errors_in_all).ok_or_else(|| {
                errors::KommunIntlError::new_err("these counts cannot be those of these issues")
            })?;
            let kind = kind
                .map(|k| DocumentKind::from_str(&k))
                .transpose()
                .map_err(|e| errors::KommunIntlError::new_err(e.to_string()))?;
            Ok(PyReport { report, lang: parse_lang(&lang)?, kind, file })
        })
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let issues = slf.get().issues().into_pyobject(slf.py())?;
        issues.try_iter().map(Bound::into_any)
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let Ok(other) = other.cast::<PyReport>() else { return Ok(py.NotImplemented()) };
        let eq = self.report == other.get().report;
        match op {
            CompareOp::Eq => eq.into_py_any(py),
            CompareOp::Ne => (!eq).into_py_any(py),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __str__(&self) -> String {
        self.text()
    }

    fn __repr__(&self) -> String {
        format!(
            "Report(kind={}, valid={}, errors={}, warnings={}, truncated={})",
            self.kind.map_or_else(|| "None".to_owned(), |k| quoted(k.name())),
            if self.report.is_valid() { "True" } else { "False" },
            self.report.error_count(),
            self.report.warning_count(),
            self.report.truncated_count
        )
    }
}
