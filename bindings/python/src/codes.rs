//! The code lists with their Swedish and English labels, straight from
//! [`kommun_intl::codes::lists`].

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use kommun_intl::codes;

/// Every code list: `{list name: [{"code", "sv", "en"}, ...]}`, lists and entries in the
/// core's order.
#[pyfunction]
pub fn code_lists(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
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
