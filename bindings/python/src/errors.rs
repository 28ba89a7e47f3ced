//! The one place where errors cross into Python.
//!
//! Every exception is a `ValueError` under one package base class, `kommun_intl.KommunIntlError`.
//! [`core_error`] maps the core's [`Error`](kommun_intl::Error) with a `match` that has no `_`
//! arm: a new core variant does not compile until it is mapped here.

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use kommun_intl::validate::UnknownLang;
use kommun_intl::{Error as CoreError, Lang};

use crate::convert::ConvertError;
use crate::report::PyReport;

create_exception!(
    kommun_intl,
    KommunIntlError,
    PyValueError,
    "Base class of every kommun_intl error (a ValueError)."
);
create_exception!(
    kommun_intl,
    ValidationError,
    KommunIntlError,
    "The document has at least one error; `report` lists every issue."
);
create_exception!(
    kommun_intl,
    UnknownKindError,
    KommunIntlError,
    "A kind name that is not one of the document kinds."
);
create_exception!(
    kommun_intl,
    KindNotDetectedError,
    KommunIntlError,
    "No kind was given and the document's `$schema` does not tell it."
);

/// Runs one entry point's body, turning a panic (a bug in kommun-intl, whatever the input)
/// into `KommunIntlError`, an ordinary `Exception`, instead of pyo3's `PanicException`, a
/// `BaseException` that `except Exception` does not catch. Nothing of the input is in the
/// message.
pub fn guard<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(KommunIntlError::new_err(
            "internal error in kommun-intl (a bug: please report it with the kind of input); \
             the input is not shown",
        ))
    })
}

/// A str that is not Unicode text (it holds a lone surrogate): the error Python raises carries
/// the whole str, so it is replaced by one that says only where.
pub fn not_unicode(py: Python<'_>, err: &PyErr, at: &str) -> PyErr {
    let index = err
        .value(py)
        .getattr("start")
        .ok()
        .and_then(|s| s.extract::<usize>().ok())
        .map_or_else(String::new, |i| format!(" at index {i}"));
    KommunIntlError::new_err(format!(
        "the str{at} holds a lone surrogate{index}, which is not Unicode text: decode the \
         data with errors='replace' or pass bytes"
    ))
}

/// Maps a core error to its Python exception. `lang` is the language of the report a
/// `ValidationError` carries.
pub fn core_error(py: Python<'_>, err: CoreError, lang: Lang) -> PyErr {
    let message = err.to_string();
    match err {
        CoreError::Invalid(report) => {
            // The report's text lists every issue (the core's message, its first few, is
            // replaced); messages never hold personal data.
            let message = message.lines().next().unwrap_or_default().to_owned();
            let report = PyReport::new(report, lang);
            let exc = ValidationError::new_err(format!("{message}\n{}", report.text()));
            match Py::new(py, report) {
                Ok(report) => match exc.value(py).setattr("report", report) {
                    Ok(()) => exc,
                    Err(e) => e,
                },
                Err(e) => e,
            }
        }
        CoreError::UnknownKind { .. } => UnknownKindError::new_err(message),
        CoreError::KindNotDetected { .. } => KindNotDetectedError::new_err(message),
    }
}

/// Maps a core error about one document of a batch; `at` names it (`line 3`, `document 2`).
pub fn core_error_at(py: Python<'_>, err: CoreError, at: &str) -> PyErr {
    let e = core_error(py, err, Lang::En);
    let text = e.value(py).to_string();
    match e.get_type(py).call1((format!("{at}: {text}"),)) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// A language tag that is neither Swedish nor English.
pub fn unknown_lang(err: &UnknownLang) -> PyErr {
    PyValueError::new_err(err.to_string())
}

/// A `reference_date` that is not a date.
pub fn bad_date(text: &str) -> PyErr {
    PyValueError::new_err(format!("reference_date `{text}` is not a date written YYYY-MM-DD"))
}

/// An Open311 format name that is not one.
pub fn bad_format(text: &str) -> PyErr {
    PyValueError::new_err(format!("format `{text}` is not one of \"json\", \"xml\", \"form\""))
}

/// A Python value that has no JSON form.
pub fn conversion(err: ConvertError) -> PyErr {
    let at = if err.pointer.is_empty() { "/".to_owned() } else { err.pointer.clone() };
    match err.kind {
        crate::convert::ConvertErrorKind::Type(found) => PyTypeError::new_err(format!(
            "cannot read a Python `{found}` at {at} as JSON: use dict, list, tuple, str, int, \
             float, bool or None"
        )),
        crate::convert::ConvertErrorKind::Key(found) => {
            PyTypeError::new_err(format!("object keys must be str, found a `{found}` key at {at}"))
        }
        crate::convert::ConvertErrorKind::NotFinite => PyValueError::new_err(format!(
            "the float at {at} is NaN or infinite, which JSON cannot hold"
        )),
        crate::convert::ConvertErrorKind::IntTooLarge => {
            PyValueError::new_err(format!("the int at {at} is too large for a JSON number"))
        }
        crate::convert::ConvertErrorKind::TooDeep(max) => PyValueError::new_err(format!(
            "the value is nested more than {max} levels deep at {at}"
        )),
        crate::convert::ConvertErrorKind::NotUnicode(e) => {
            Python::attach(|py| not_unicode(py, &e, &format!(" at {at}")))
        }
        crate::convert::ConvertErrorKind::TooLarge => unreachable_too_large(),
        crate::convert::ConvertErrorKind::Python(e) => e,
    }
}

/// `TooLarge` is a report (`limits.document_size`), not an exception: `read_input` turns it
/// into one before it could reach `conversion`.
fn unreachable_too_large() -> PyErr {
    KommunIntlError::new_err("the document is larger than the size limit")
}

/// An argument of the wrong Python type.
pub fn wrong_argument(what: &str, found: &Bound<'_, PyAny>) -> PyErr {
    let name = found.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string());
    PyTypeError::new_err(format!("{what}, not `{name}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kommun_intl::DocumentKind;
    use pyo3::exceptions::PyValueError;

    fn each_core_error() -> Vec<CoreError> {
        let invalid = DocumentKind::Feedback.validate_json(b"{", &kommun_intl::Options::default());
        vec![
            CoreError::Invalid(invalid),
            "nope".parse::<DocumentKind>().unwrap_err(),
            DocumentKind::detect(b"{}").unwrap_err(),
        ]
    }

    #[test]
    fn every_core_error_is_a_value_error_of_its_own_class() {
        Python::initialize();
        Python::attach(|py| {
            for err in each_core_error() {
                let variant = format!("{err:?}");
                let want = match &err {
                    CoreError::Invalid(_) => py.get_type::<ValidationError>(),
                    CoreError::UnknownKind { .. } => py.get_type::<UnknownKindError>(),
                    CoreError::KindNotDetected { .. } => py.get_type::<KindNotDetectedError>(),
                };
                let e = core_error(py, err, Lang::En);
                assert!(e.is_instance_of::<PyValueError>(py), "{variant}");
                assert!(e.is_instance_of::<KommunIntlError>(py), "{variant}");
                assert!(e.get_type(py).is(&want), "{variant}");
            }
        });
    }

    #[test]
    fn a_panic_becomes_kommun_intl_error_without_the_input() {
        Python::initialize();
        Python::attach(|py| {
            let secret = "Kanariesson";
            let result: PyResult<()> = guard(|| panic!("bug while reading {secret}"));
            let e = result.unwrap_err();
            assert!(e.is_instance_of::<KommunIntlError>(py));
            assert!(e.is_instance_of::<pyo3::exceptions::PyException>(py));
            assert!(!e.value(py).to_string().contains(secret));
        });
    }

    /// Every Python entry point that runs the core is guarded: each `#[pyfunction]`, and each
    /// method of a document, report or issue that converts or renders, calls `guard`.
    #[test]
    fn every_entry_point_is_guarded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("#[pyfunction]") {
                // The body of the function: up to the next item at column 0.
                let rest = &text[i..];
                let end = rest[1..].find("\n}").map_or(rest.len(), |e| e + 2);
                let body = &rest[..end];
                assert!(body.contains("guard("), "{}: unguarded:\n{body}", path.display());
                checked += 1;
            }
        }
        assert!(checked >= 10, "only {checked} functions found");
        let documents = std::fs::read_to_string(dir.join("documents.rs")).unwrap();
        let report = std::fs::read_to_string(dir.join("report.rs")).unwrap();
        for (text, name) in [
            (&documents, "fn from_json"),
            (&documents, "fn from_dict("),
            (&documents, "fn to_dict"),
            (&documents, "fn to_json("),
            (&documents, "fn validate("),
            (&documents, "fn __reduce__"),
            (&documents, "fn __repr__"),
            (&documents, "fn $field"),
            (&report, "fn message"),
            (&report, "fn py_to_dict"),
            (&report, "fn to_dict<"),
            (&report, "fn __reduce__"),
            (&report, "fn _from_state"),
        ] {
            for (i, _) in text.match_indices(name) {
                let body = &text[i..(i + 400).min(text.len())];
                let head = &body[..body.find("\n    }").unwrap_or(body.len())];
                assert!(head.contains("guard("), "unguarded `{name}`:\n{head}");
            }
        }
    }

    #[test]
    fn a_validation_error_carries_its_report() {
        Python::initialize();
        Python::attach(|py| {
            let err = each_core_error().remove(0);
            let e = core_error(py, err, Lang::Sv);
            let report = e.value(py).getattr("report").unwrap();
            assert!(!report.getattr("is_valid").unwrap().extract::<bool>().unwrap());
            assert!(e.value(py).to_string().contains("json.truncated"));
        });
    }
}
