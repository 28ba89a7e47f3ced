//! The published JSON Schemas, straight from [`kommun_intl::schema`].

use pyo3::prelude::*;
use pyo3::types::PyDict;

use kommun_intl::{DocumentKind, schema as core};

use crate::convert::to_python;
use crate::validate::parse_kind;

/// The schema of `kind`, the municipality's when a profile is given.
fn one<'py>(
    py: Python<'py>,
    kind: DocumentKind,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match crate::validate::options(0, None, profile)?.profile {
        None => to_python(py, core::schema_for(kind)),
        Some(p) => to_python(py, &core::schema_with_profile(kind, &p)),
    }
}

/// The JSON Schema (draft 2020-12) of one document kind, as a dict. With a `Profile`, its
/// services, categories, channels, units and statuses are the enums.
#[pyfunction]
#[pyo3(signature = (kind, *, profile = None))]
pub fn schema<'py>(
    py: Python<'py>,
    kind: &str,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    crate::errors::guard(|| one(py, parse_kind(py, kind)?, profile))
}

/// Every kind's schema, by kind name (a profile's, with one).
#[pyfunction]
#[pyo3(signature = (*, profile = None))]
pub fn schemas<'py>(
    py: Python<'py>,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    crate::errors::guard(|| {
        let out = PyDict::new(py);
        for kind in DocumentKind::ALL {
            out.set_item(kind.name(), one(py, kind, profile)?)?;
        }
        Ok(out)
    })
}

/// The document kinds, by name: `dataset`, `municipality`, ..., `fault-report`.
#[pyfunction]
pub fn kinds() -> PyResult<Vec<&'static str>> {
    crate::errors::guard(|| Ok(DocumentKind::ALL.iter().map(|k| k.name()).collect()))
}
