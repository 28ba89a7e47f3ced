//! `kommun_intl.open311`: Open311 GeoReport v2 service requests to fault reports and back, and
//! service lists to profiles, over `kommun-intl-open311`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

use kommun_intl::codes::CountryCode;
use kommun_intl::{DocumentKind, Error as CoreError, FaultReport, Lang};
use kommun_intl_open311::Format;

use crate::convert::to_python;
use crate::documents::{PyFaultReport, PyProfile};
use crate::errors;
use crate::report::{PyReport, parse_lang};
use crate::validate::{Input, options, read_input};

/// The format named (`json`, `xml`, `form`), or `None` to tell it from the text.
fn format(name: Option<&str>) -> PyResult<Option<Format>> {
    match name {
        None => Ok(None),
        Some("json") => Ok(Some(Format::Json)),
        Some("xml") => Ok(Some(Format::Xml)),
        Some("form") => Ok(Some(Format::Form)),
        Some(other) => Err(errors::bad_format(other)),
    }
}

/// The bytes of an Open311 document: bytes, str or os.PathLike.
fn bytes(data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    match read_input(data)? {
        Input::Text(t) => Ok(t.into_owned()),
        _ => Err(errors::wrong_argument("an Open311 document is bytes, str or os.PathLike", data)),
    }
}

/// Each value with its report, as a list of Python `(dict, Report)` tuples.
fn with_reports<T: serde::Serialize>(
    py: Python<'_>,
    items: impl Iterator<Item = (T, kommun_intl::Report)>,
    lang: Lang,
) -> PyResult<Bound<'_, PyList>> {
    let items = items
        .map(|(value, report)| {
            let value = to_python(py, &value)?;
            let report = Py::new(py, PyReport::new(report, lang))?;
            PyTuple::new(py, [value.into_any(), report.into_bound(py).into_any()])
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Reads the requests; a document that cannot be read raises `ValidationError`.
fn read(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format_name: Option<&str>,
    lang: &str,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<kommun_intl_open311::Request>> {
    let lang = parse_lang(lang)?;
    let format = format(format_name)?;
    let options = options(kommun_intl::validate::DEFAULT_MAX_ISSUES, None, profile)?;
    let text = bytes(data)?;
    let read = py.detach(|| match format {
        Some(f) => kommun_intl_open311::read_requests_as(&text, f, &options),
        None => kommun_intl_open311::read_requests(&text, &options),
    });
    read.map_err(|report| errors::core_error(py, CoreError::Invalid(report), lang))
}

/// Reads the service requests of an Open311 document (GeoReport v2 JSON or XML, or a POST
/// form; `format` is `"json"`, `"xml"`, `"form"` or `None` to tell it from the text) as fault
/// reports. Raises `ValidationError` when the document, or any request in it, has an error
/// (warnings are allowed); `read_open311` returns every request with its report instead.
///
/// `open311.from_open311(b"service_code=belysning&address_string=Skaragatan+8")` is one fault
/// report, of the service `belysning`.
#[pyfunction]
#[pyo3(signature = (data, format = None, *, lang = "en", profile = None))]
pub fn from_open311(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    format: Option<&str>,
    lang: &str,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyFaultReport>> {
    errors::guard(|| {
        let requests = read(py, data, format, lang, profile)?;
        let lang = parse_lang(lang)?;
        let mut out = Vec::with_capacity(requests.len());
        for request in requests {
            match request.fault_report() {
                Some(report) if request.report.is_valid() => out.push(PyFaultReport::from(report)),
                // The first request with an error raises, carrying that request's report.
                _ => return Err(errors::core_error(py, CoreError::Invalid(request.report), lang)),
            }
        }
        Ok(out)
    })
}

/// Reads the service requests of an Open311 document (as `from_open311`) without raising for
/// the requests: a list of `(fault_report_dict, report)`, one per request, each report with
/// every issue (pointers into the dict, lines and columns in the Open311 text). A document
/// that cannot be read at all raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (data, format = None, *, lang = "en", profile = None))]
pub fn read_open311<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    format: Option<&str>,
    lang: &str,
    profile: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    errors::guard(|| {
        let requests = read(py, data, format, lang, profile)?;
        let lang = parse_lang(lang)?;
        with_reports(py, requests.into_iter().map(|r| (r.value, r.report)), lang)
    })
}

/// Writes fault reports as an Open311 GeoReport v2 list of service requests: `format` is
/// `"json"` (the default), `"xml"`, or `"form"` (the POST form of each report, one a line).
#[pyfunction]
#[pyo3(signature = (reports, format = "json"))]
pub fn to_open311(reports: &Bound<'_, PyAny>, format: &str) -> PyResult<String> {
    errors::guard(|| {
        let format = self::format(Some(format))?.unwrap_or(Format::Json);
        let mut list: Vec<FaultReport> = Vec::new();
        for item in reports.try_iter()? {
            let item = item?;
            let report = item.cast::<PyFaultReport>().map_err(|_| {
                errors::wrong_argument("to_open311 takes kommun_intl.FaultReport objects", &item)
            })?;
            list.push(FaultReport::clone(&report.get().inner));
        }
        Ok(kommun_intl_open311::write_requests(&list, format))
    })
}

/// Reads a service list and its definitions; raises `ValidationError` on an error.
fn services(
    py: Python<'_>,
    services: &Bound<'_, PyAny>,
    definitions: Option<&Bound<'_, PyAny>>,
    lang: &str,
    country: Option<&str>,
) -> PyResult<(kommun_intl_open311::ServiceList, Lang)> {
    let lang = parse_lang(lang)?;
    let country = country
        .map(|c| {
            CountryCode::from_code(&c.to_ascii_uppercase()).ok_or_else(|| {
                PyValueError::new_err(format!(
                    "country `{c}` is not an ISO 3166-1 alpha-2 code (\"SE\", \"NO\", ...)"
                ))
            })
        })
        .transpose()?;
    let list = bytes(services)?;
    let mut defs = Vec::new();
    if let Some(d) = definitions.filter(|d| !d.is_none()) {
        for item in d.try_iter()? {
            defs.push(bytes(&item?)?);
        }
    }
    let refs: Vec<&[u8]> = defs.iter().map(Vec::as_slice).collect();
    let read = py.detach(|| {
        kommun_intl_open311::profile_from_services(&list, &refs, &kommun_intl::Options::default())
    });
    match read {
        Ok(mut read) => {
            read.profile.country = country.or(read.profile.country);
            Ok((read, lang))
        }
        Err(report) => Err(errors::core_error(py, CoreError::Invalid(report), lang)),
    }
}

/// Reads an Open311 service list (`services.json` or `services.xml`) and any service
/// definitions (each JSON or XML) as a `Profile` (id `open311`). A service list does not say
/// its country: `country` (ISO 3166-1 alpha-2, `"NO"`) is where its reports should lie, by
/// default Sweden. Raises `ValidationError` on an error; the warnings of the reading are
/// `read_services`'.
#[pyfunction]
#[pyo3(signature = (services, definitions = None, *, lang = "en", country = None))]
pub fn profile_from_services(
    py: Python<'_>,
    services: &Bound<'_, PyAny>,
    definitions: Option<&Bound<'_, PyAny>>,
    lang: &str,
    country: Option<&str>,
) -> PyResult<PyProfile> {
    errors::guard(|| {
        let (read, _) = self::services(py, services, definitions, lang, country)?;
        Ok(PyProfile::from(read.profile))
    })
}

/// Reads a service list and its definitions as `profile_from_services` does, and returns the
/// profile with the reading's report: `(profile, report)`, the report's warnings with pointers
/// into the profile (`/services/0/keywords`) and lines and columns in the list. Raises
/// `ValidationError` on an error.
#[pyfunction]
#[pyo3(signature = (services, definitions = None, *, lang = "en", country = None))]
pub fn read_services(
    py: Python<'_>,
    services: &Bound<'_, PyAny>,
    definitions: Option<&Bound<'_, PyAny>>,
    lang: &str,
    country: Option<&str>,
) -> PyResult<(PyProfile, PyReport)> {
    errors::guard(|| {
        let (read, lang) = self::services(py, services, definitions, lang, country)?;
        let report = PyReport::of_kind(read.report, lang, DocumentKind::Profile);
        Ok((PyProfile::from(read.profile), report))
    })
}

/// Reads the responses of a POST body; a document that cannot be read raises.
fn post_responses(
    py: Python<'_>,
    text: &[u8],
    format: Option<Format>,
    lang: Lang,
) -> PyResult<Vec<kommun_intl_open311::Response>> {
    let options = kommun_intl::Options::default();
    let read = py.detach(|| match format {
        Some(f) => kommun_intl_open311::read_post_responses_as(text, f, &options),
        None => kommun_intl_open311::read_post_responses(text, &options),
    });
    read.map_err(|report| errors::core_error(py, CoreError::Invalid(report), lang))
}

/// Reads the body of an Open311 POST Service Request response (GeoReport v2 JSON or XML;
/// `format` is `"json"`, `"xml"` or `None` to tell it from the text): a list of
/// `(response_dict, report)`, one per response, the dict with what of `service_request_id`,
/// `token`, `service_notice` and `account_id` it gives (an id a JSON number stays an `int`;
/// `account_id` is personal and in no issue). A document that cannot be read raises
/// `ValidationError`.
#[pyfunction]
#[pyo3(signature = (data, format = None, *, lang = "en"))]
pub fn read_post_response<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    format: Option<&str>,
    lang: &str,
) -> PyResult<Bound<'py, PyList>> {
    errors::guard(|| {
        let lang = parse_lang(lang)?;
        let format = self::format(format)?;
        let read = post_responses(py, &bytes(data)?, format, lang)?;
        with_reports(py, read.into_iter().map(|r| (r.response, r.report)), lang)
    })
}

/// Writes POST Service Request responses as GeoReport v2 JSON (`format="json"`, the default)
/// or XML (`"xml"`). `responses` is a list of response dicts (as `read_post_response` gives
/// them), or a response body as text to convert; they are checked as a body read is, and one
/// with an error raises `ValidationError`.
#[pyfunction]
#[pyo3(signature = (responses, format = "json", *, lang = "en"))]
pub fn to_post_response(
    py: Python<'_>,
    responses: &Bound<'_, PyAny>,
    format: &str,
    lang: &str,
) -> PyResult<String> {
    errors::guard(|| {
        let lang = parse_lang(lang)?;
        let format = match self::format(Some(format))? {
            Some(Format::Form) => {
                return Err(PyValueError::new_err(
                    "a POST response has no form: format is \"json\" or \"xml\"",
                ));
            }
            f => f.unwrap_or(Format::Json),
        };
        let (text, read_as) = match read_input(responses)? {
            Input::Text(t) => (t.into_owned(), None),
            Input::Value(v) => (serde_json::to_vec(&v).unwrap_or_default(), Some(Format::Json)),
            Input::Oversized => {
                let report = kommun_intl::oversized(&kommun_intl::Options::default());
                return Err(errors::core_error(py, CoreError::Invalid(report), lang));
            }
            // `read_input` reads no dict into a document kind's model.
            Input::Sheet(..) | Input::Parsed(..) => {
                return Err(errors::wrong_argument(
                    "to_post_response takes a list of response dicts or a response body",
                    responses,
                ));
            }
        };
        let mut list = Vec::new();
        for r in post_responses(py, &text, read_as, lang)? {
            if !r.report.is_valid() {
                return Err(errors::core_error(py, CoreError::Invalid(r.report), lang));
            }
            list.push(r.response);
        }
        Ok(kommun_intl_open311::write_post_responses(&list, format))
    })
}
