//! Python bindings for kommun-intl: the private native module `kommun_intl._native`, which the
//! pure-Python package `kommun_intl` re-exports.
//!
//! The binding is thin: each class wraps one core value and every rule, message and code list
//! comes from the core crate.

mod cli;
mod codes;
mod convert;
mod depythonize;
mod documents;
mod errors;
mod fix;
mod open311;
mod report;
mod rules;
mod schema;
mod validate;

use pyo3::prelude::*;

/// The model's many small strings and vectors, served by mimalloc (see the workspace's
/// `Cargo.toml`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module; import `kommun_intl` instead.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::cli::run_cli;
    #[pymodule_export]
    use super::codes::{code_lists, label};
    #[pymodule_export]
    use super::documents::{
        PyDataset, PyFaultReport, PyFeedback, PyMunicipality, PyObservation, PyPartnership,
        PyProfile, PyProject, PyProposal, load,
    };
    #[pymodule_export]
    use super::errors::{KindNotDetectedError, KommunIntlError, UnknownKindError, ValidationError};
    #[pymodule_export]
    use super::fix::{fix, mask};
    #[pymodule_export]
    use super::open311::{
        from_open311, profile_from_services, read_open311, read_post_response, read_services,
        to_open311, to_post_response,
    };
    #[pymodule_export]
    use super::report::{PyIssue, PyReport};
    #[pymodule_export]
    use super::rules::{PyRule, rule, rules};
    #[pymodule_export]
    use super::schema::{kinds, schema, schemas};
    #[pymodule_export]
    use super::validate::{validate, validate_many};

    /// The package version, from Cargo.
    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
