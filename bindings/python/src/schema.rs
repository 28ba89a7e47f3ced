//! The published JSON Schemas, straight from [`kommun_intl::schema`].

use pyo3::prelude::*;
use pyo3::types::PyDict;

use kommun_intl::{DocumentKind, schema as core};

use crate::convert::to_python;
use crate::validate::parse_kind;

/// The JSON Schema (draft 2020-12) of one document kind, as a dict.
#[pyfunction]
pub fn schema<'py>(py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
    crate::errors::guard(|| to_python(py, core::schema_for(parse_kind(py, kind)?)))
}

/// Every kind's schema, by kind name.
#[pyfunction]
pub fn schemas(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    crate::errors::guard(|| {
        let out = PyDict::new(py);
        for kind in DocumentKind::ALL {
            out.set_item(kind.name(), to_python(py, core::schema_for(kind))?)?;
        }
        Ok(out)
    })
}

/// The document kinds, by name: `dataset`, `municipality`, ..., `fault-report`.
#[pyfunction]
pub fn kinds() -> PyResult<Vec<&'static str>> {
    crate::errors::guard(|| Ok(DocumentKind::ALL.iter().map(|k| k.name()).collect()))
}
