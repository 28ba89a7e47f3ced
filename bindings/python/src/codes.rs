//! The code lists with their Swedish and English labels, straight from
//! [`kommun_intl::codes::lists`].

use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use kommun_intl::{Lang, codes};

use crate::report::parse_lang;

/// Every code list: `{list name: [{"code", "sv", "en"}, ...]}`, lists and entries in the
/// core's order.
#[pyfunction]
pub fn code_lists(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    crate::errors::guard(|| code_lists_inner(py))
}

fn code_lists_inner(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let out = PyDict::new(py);
    for list in codes::lists() {
        let entries = PyList::empty(py);
        for e in &list.entries {
            let d = PyDict::new(py);
            d.set_item("code", e.code)?;
            d.set_item("sv", e.sv)?;
            d.set_item("en", e.en)?;
            entries.append(d)?;
        }
        out.set_item(list.name, entries)?;
    }
    Ok(out)
}

/// The label of `code` in the code list `list` (`AgreementType`, `CountryCode`, ...), in
/// `lang`; raises `KeyError` for an unknown list or code.
#[pyfunction]
#[pyo3(signature = (list, code, lang = "en"))]
pub fn label(list: &str, code: &str, lang: &str) -> PyResult<&'static str> {
    crate::errors::guard(|| label_inner(list, code, lang))
}

fn label_inner(list: &str, code: &str, lang: &str) -> PyResult<&'static str> {
    let lang = parse_lang(lang)?;
    let lists = codes::lists();
    let Some(found) = lists.iter().find(|l| l.name == list) else {
        let names: Vec<_> = lists.iter().map(|l| l.name).collect();
        return Err(PyKeyError::new_err(format!(
            "no code list `{list}`; the lists are: {}",
            names.join(", ")
        )));
    };
    let entry = found
        .entries
        .iter()
        .find(|e| e.code == code)
        .ok_or_else(|| PyKeyError::new_err(format!("`{code}` is not a code of {list}")))?;
    Ok(match lang {
        Lang::Sv => entry.sv,
        Lang::En => entry.en,
    })
}
