//! The rule catalogue: every issue code with its severity, where the schema expresses it and
//! its messages, straight from [`kommun_intl::validate::rules`].

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use kommun_intl::validate::rules::{ALL, Check, Rule};

use crate::report::{parse_lang, quoted};

/// One validation rule of the catalogue.
#[pyclass(module = "kommun_intl._native", name = "Rule", frozen)]
pub struct PyRule {
    rule: &'static Rule,
}

impl PyRule {
    /// Wraps a catalogue entry.
    pub fn new(rule: &'static Rule) -> Self {
        PyRule { rule }
    }
}

#[pymethods]
impl PyRule {
    /// The stable code, e.g. `partnership.end_before_start`.
    #[getter]
    fn code(&self) -> &'static str {
        self.rule.code
    }

    /// `"error"` or `"warning"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.rule.severity.as_str()
    }

    /// Where the JSON Schema expresses the rule: `"text"` (below what a schema validator
    /// sees), `"structure"` (types, required and unknown fields, codes), `"sheet"` (the
    /// spreadsheet a register was read from), `"keyword"` (a
    /// keyword such as `pattern`, see `keyword`) or `"rule"` (only named in `x-rules`).
    #[getter]
    fn check(&self) -> &'static str {
        match self.rule.check {
            Check::Text => "text",
            Check::Structure => "structure",
            Check::Sheet => "sheet",
            Check::Keyword(_) => "keyword",
            Check::Rule => "rule",
        }
    }

    /// The JSON Schema keyword that expresses the rule, when `check == "keyword"`.
    #[getter]
    fn keyword(&self) -> Option<&'static str> {
        match self.rule.check {
            Check::Keyword(k) => Some(k),
            Check::Text | Check::Structure | Check::Rule | Check::Sheet => None,
        }
    }

    /// The names of the parameters every issue of this rule carries.
    #[getter]
    fn params<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.rule.params)
    }

    /// The message template in `lang` (`sv` or `en`); `{name}` stands for a parameter.
    #[pyo3(signature = (lang = "en"))]
    fn template(&self, lang: &str) -> PyResult<&'static str> {
        Ok(self.rule.template(parse_lang(lang)?))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyRule>().is_ok_and(|o| std::ptr::eq(self.rule, o.get().rule))
    }

    fn __hash__(&self) -> u64 {
        // Codes are unique; hash the code's bytes with a stable, dependency-free FNV-1a.
        self.rule
            .code
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }

    fn __repr__(&self) -> String {
        format!(
            "Rule(code={}, severity={})",
            quoted(self.rule.code),
            quoted(self.rule.severity.as_str())
        )
    }
}

/// Every rule, in catalogue order.
#[pyfunction]
pub fn rules() -> PyResult<Vec<PyRule>> {
    crate::errors::guard(|| Ok(ALL.iter().map(|&r| PyRule::new(r)).collect()))
}

/// The rule with this code, or None.
#[pyfunction]
pub fn rule(code: &str) -> PyResult<Option<PyRule>> {
    crate::errors::guard(|| Ok(Rule::by_code(code).map(PyRule::new)))
}
