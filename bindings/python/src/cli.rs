//! The `kommun-intl` command of the wheel: the package's console script
//! (`kommun_intl.__main__:main`) hands its arguments to the CLI crate, so a `pip install` gives
//! the same command as `cargo install`, without a Rust toolchain.

use std::ffi::OsString;

use pyo3::prelude::*;

use crate::errors::guard;

/// Runs the `kommun-intl` command line with `argv` (the program's name first) and returns its
/// exit status. It writes to the process's standard output and error directly.
#[pyfunction]
pub fn run_cli(py: Python<'_>, argv: Vec<OsString>) -> PyResult<u8> {
    guard(|| Ok(py.detach(|| kommun_intl_cli::run(argv))))
}
