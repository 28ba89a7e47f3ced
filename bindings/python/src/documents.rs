//! One frozen class per document kind, each holding one core value.
//!
//! Attributes convert the field through serde (plain dicts, lists and str codes); `from_json`,
//! `from_dict` and `load` parse and validate with the core and raise `ValidationError` on any
//! error. `repr` shows scalars and sizes, and `<personal>` for every field the schema marks
//! `x-personal-data`.

use pyo3::IntoPyObjectExt;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple, PyType};
use serde::Serialize;
use serde_json::Value;

use kommun_intl::schema::Compiled;
use kommun_intl::{
    Dataset, Document, DocumentKind, Error as CoreError, FaultReport, Feedback, Lang, Municipality,
    Observation, Options, Partnership, Profile, Project, Proposal, Report, Validate, check_json,
    validate_value,
};

use crate::convert::to_python;
use crate::errors;
use crate::report::{PyReport, parse_lang};
use crate::validate::{Input, detach_if, options, read_any, read_dict, read_input, resolve_kind};

/// Parses and validates `input` as a `T`: the value when there is no error, and the report.
fn check<T: Document + Send>(
    py: Python<'_>,
    input: Input<'_>,
    options: &Options,
) -> (Option<T>, Report) {
    let release = input.releases_the_gil();
    let check = move || match input {
        Input::Text(t) => check_json::<T>(&t, options),
        Input::Value(v) => {
            let report = validate_value(T::KIND, &v, options);
            let value = if report.is_valid() { serde_json::from_value::<T>(v).ok() } else { None };
            (value, report)
        }
        Input::Parsed(p, _) => {
            debug_assert_eq!(p.kind(), T::KIND);
            let report = p.validate(options);
            let value = if report.is_valid() { p.into_document::<T>() } else { None };
            (value, report)
        }
        Input::Oversized => (None, kommun_intl::oversized(options)),
        Input::Sheet(register, _) => {
            let report = register.validate(options);
            let value = if report.is_valid() && T::KIND == DocumentKind::Dataset {
                serde_json::from_value::<T>(register.value).ok()
            } else {
                None
            };
            (value, report)
        }
    };
    detach_if(py, release, check)
}

/// The typed value, or `ValidationError` carrying the report.
fn load_as<T: Document + Send>(
    py: Python<'_>,
    input: Input<'_>,
    options: &Options,
    lang: Lang,
) -> PyResult<T> {
    match check::<T>(py, input, options) {
        (Some(value), report) if report.is_valid() => Ok(value),
        (_, report) => Err(errors::core_error(py, CoreError::Invalid(report), lang)),
    }
}

/// `Name(field=value, ...)`: scalars as Python literals, lists and objects by size, personal
/// fields as `<personal>`.
fn repr_of<T: Document>(py: Python<'_>, name: &str, value: &T) -> String {
    let compiled = Compiled::of(T::KIND);
    let Ok(Value::Object(fields)) = serde_json::to_value(value) else {
        return format!("{name}(...)");
    };
    let parts: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k.as_str() != "$schema")
        .map(|(k, v)| {
            let personal =
                compiled.property(compiled.root(), k).is_none_or(|p| compiled.marks_personal(p));
            let shown = match v {
                _ if personal => "<personal>".to_owned(),
                Value::String(s) => {
                    let short: String = s.chars().take(60).collect();
                    let r = PyString::new(py, &short)
                        .repr()
                        .map_or_else(|_| "'?'".to_owned(), |r| r.to_string());
                    if short.len() < s.len() { format!("{r}...") } else { r }
                }
                Value::Bool(b) => if *b { "True" } else { "False" }.to_owned(),
                Value::Number(n) => n.to_string(),
                Value::Null => "None".to_owned(),
                Value::Array(a) => format!("[{} item(s)]", a.len()),
                Value::Object(_) => "{...}".to_owned(),
            };
            format!("{k}={shown}")
        })
        .collect();
    format!("{name}({})", parts.join(", "))
}

fn to_json_text<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let result = match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = vec![b' '; n];
            let mut out = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
            let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
            value.serialize(&mut ser).map(|()| String::from_utf8(out).unwrap_or_default())
        }
    };
    result.map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

macro_rules! documents {
    ($($py:ident($core:ident, $name:tt) { $($field:ident),* $(,)? })*) => {
        $(
            #[doc = concat!("A `", $name, "` document, holding the core's validated value.")]
            #[pyclass(module = "kommun_intl._native", name = $name, frozen)]
            pub struct $py {
                pub(crate) inner: std::sync::Arc<$core>,
            }

            impl From<$core> for $py {
                fn from(inner: $core) -> Self {
                    $py { inner: std::sync::Arc::new(inner) }
                }
            }

            impl $py {
                fn from_dict_inner(data: &Bound<'_, PyAny>, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
                    let py = data.py();
                    let fast = read_dict(data, Some(<$core as Document>::KIND), &kommun_intl::Limits::default());
                    let input = match fast.map_or_else(|| read_input(data), Ok)? {
                        input @ (Input::Value(_) | Input::Parsed(..) | Input::Oversized) => input,
                        Input::Text(_) | Input::Sheet(..) => return Err(errors::wrong_argument("from_dict takes a dict", data)),
                    };
                    Self::load(py, input, lang, reference_date, profile)
                }

                fn load(py: Python<'_>, input: Input<'_>, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
                    let lang = parse_lang(lang)?;
                    let options = options(kommun_intl::validate::DEFAULT_MAX_ISSUES, reference_date, profile)?;
                    load_as::<$core>(py, input, &options, lang).map(|inner| $py { inner: std::sync::Arc::new(inner) })
                }
            }

            #[pymethods]
            impl $py {
                /// The document kind (`feedback`, `fault-report`, ...).
                #[classattr]
                fn kind() -> &'static str {
                    <$core as Document>::KIND.name()
                }

                /// The attribute names of the fields (the JSON names, `$schema` as `schema`).
                #[classattr]
                #[pyo3(name = "FIELDS")]
                fn fields(py: Python<'_>) -> PyResult<Py<PyTuple>> {
                    // Naming every field without `..`: a field the core adds does not compile
                    // until it gets an attribute here.
                    let _: fn(&$core) = |v| {
                        let $core { $($field: _),* } = v;
                    };
                    Ok(PyTuple::new(py, [$(stringify!($field)),*])?.unbind())
                }

                /// Parses and validates JSON text (bytes or str); raises `ValidationError` on
                /// any error (warnings are allowed).
                #[classmethod]
                #[pyo3(signature = (data, *, lang = "en", reference_date = None, profile = None))]
                fn from_json(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
                    errors::guard(|| {
                        let py = data.py();
                        let not_text = || errors::wrong_argument("from_json takes JSON text, bytes or str", data);
                        if data.hasattr("__fspath__")? {
                            return Err(not_text());
                        }
                        let Input::Text(t) = read_input(data)? else { return Err(not_text()) };
                        let input = Input::Text(t);
                        Self::load(py, input, lang, reference_date, profile)
                    })
                }

                /// Validates an already-parsed dict; raises `ValidationError` on any error.
                #[classmethod]
                #[pyo3(signature = (data, *, lang = "en", reference_date = None, profile = None))]
                fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
                    errors::guard(|| Self::from_dict_inner(data, lang, reference_date, profile))
                }

                /// The document as plain Python values (what `from_dict` takes back).
                fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    errors::guard(|| to_python(py, &*self.inner))
                }

                /// The document as JSON text; `indent` pretty-prints.
                #[pyo3(signature = (*, indent = None))]
                fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                    errors::guard(|| to_json_text(&*self.inner, indent))
                }

                /// Runs the rules again, for example with a `reference_date`, and returns
                /// every issue (warnings included; there are no errors).
                #[pyo3(signature = (*, lang = "en", reference_date = None, profile = None))]
                fn validate(&self, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<PyReport> {
                    errors::guard(|| {
                        let lang = parse_lang(lang)?;
                        let options = options(kommun_intl::validate::DEFAULT_MAX_ISSUES, reference_date, profile)?;
                        Ok(PyReport::of_kind(self.inner.validate_with(&options), lang, <$core as Document>::KIND))
                    })
                }

                /// The pydantic hook: a field typed with this class (`body: kommun_intl.Feedback`
                /// in a FastAPI endpoint) is validated by this library, and its issues are the
                /// error's context (`kommun_intl._pydantic`).
                #[classmethod]
                #[pyo3(signature = (source, handler, /))]
                fn __get_pydantic_core_schema__<'py>(cls: &Bound<'py, PyType>, source: &Bound<'py, PyAny>, handler: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                    let _ = (source, handler);
                    cls.py().import("kommun_intl._pydantic")?.call_method1("core_schema", (cls,))
                }

                /// The JSON Schema pydantic (and FastAPI's OpenAPI) shows for this class.
                #[classmethod]
                #[pyo3(signature = (core_schema, handler, /))]
                fn __get_pydantic_json_schema__<'py>(cls: &Bound<'py, PyType>, core_schema: &Bound<'py, PyAny>, handler: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                    let _ = (core_schema, handler);
                    cls.py().import("kommun_intl._pydantic")?.call_method1("json_schema", (cls,))
                }

                fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                    errors::guard(|| {
                        let from_json = slf.get_type().getattr("from_json")?;
                        Ok((from_json, (to_json_text(&*slf.get().inner, None)?,)))
                    })
                }

                fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
                    let py = other.py();
                    let Ok(other) = other.cast::<$py>() else { return Ok(py.NotImplemented()) };
                    let eq = self.inner == other.get().inner;
                    match op {
                        CompareOp::Eq => eq.into_py_any(py),
                        CompareOp::Ne => (!eq).into_py_any(py),
                        _ => Ok(py.NotImplemented()),
                    }
                }

                fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                    errors::guard(|| Ok(repr_of(py, $name, &*self.inner)))
                }

                $(
                    #[getter]
                    fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                        errors::guard(|| to_python(py, &self.inner.$field))
                    }
                )*
            }
        )*

        /// Parses and validates a document of `kind` into its class.
        fn load_kind(py: Python<'_>, kind: DocumentKind, input: Input<'_>, lang: &str, reference_date: Option<&Bound<'_, PyAny>>, profile: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
            match kind {
                $(<$core as Document>::KIND => $py::load(py, input, lang, reference_date, profile)?.into_py_any(py),)*
            }
        }
    };
}

documents! {
    PyDataset(Dataset, "Dataset") {
        schema, municipality, partnerships, projects, memberships, statistics, networks,
        feedback_schemes, decisions, counts_stated, notes, sources
    }
    PyMunicipality(Municipality, "Municipality") {
        schema, id, name, municipality_code, organisation_number, address, phone, fax, email,
        website, wikidata, units, kinds_of_work
    }
    PyPartnership(Partnership, "Partnership") {
        schema, id, partner, other_parties, agreement_type, areas, funding, programme,
        local_parties, responsible, agreement, first_contact, start, stated_age, renewals, phases,
        planned_end, end, end_reason, status, status_date, decisions, network, replaces,
        as_written, alternatives, notes, sources
    }
    PyProject(Project, "Project") {
        schema, id, title, acronym, description, departments, own_role, organisations,
        participating_countries, programme, funders, budget, external_ids, status, start, end,
        duration, extension, phases, decisions, follows, networks, partnership, areas, locations,
        results, counts_stated, website, as_written, alternatives, notes, sources
    }
    PyObservation(Observation, "Observation") {
        schema, period, measure, value, unit, approximate, source
    }
    PyFeedback(Feedback, "Feedback") {
        schema, id, category, description, concerns_unit, channel, service, submitted_at, contact,
        wants_reply, status
    }
    PyProposal(Proposal, "Proposal") {
        schema, id, category, title, description, concerns_unit, submitted_at, contact, supporters,
        support_until, status, decision
    }
    PyFaultReport(FaultReport, "FaultReport") {
        schema, service_request_id, token, jurisdiction_id, service_code, service_name, title,
        description, lat, long, address, address_id, zipcode, media_url, requested_datetime,
        updated_datetime, expected_datetime, status, detailed_status, status_notes,
        agency_responsible, service_notice, contact, device_id, account_id, attributes,
        extended_attributes
    }
    PyProfile(Profile, "Profile") {
        schema, id, name, municipality_code, jurisdiction_id, country, time_zone, services,
        feedback_categories, channels, units, statuses, sources
    }
}

/// Parses and validates a document into its class (`Dataset`, `Feedback`, ...).
///
/// `data` is as for `validate`; the kind is `kind`, else the document's `$schema` (a
/// spreadsheet is a `Dataset`). Raises `ValidationError`, carrying the report, on any error
/// (warnings are allowed).
#[pyfunction]
#[pyo3(signature = (data, kind = None, *, lang = "en", reference_date = None, profile = None))]
pub fn load(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    kind: Option<&str>,
    lang: &str,
    reference_date: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    errors::guard(|| {
        let input = read_any(data, kind, &kommun_intl::Limits::default())?;
        let kind = resolve_kind(py, kind, &input)?;
        load_kind(py, kind, input, lang, reference_date, profile)
    })
}
