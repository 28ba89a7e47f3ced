//! Reading Python inputs and validating them: `validate`, `validate_many` and `load`, over the
//! core's `DocumentKind::validate_json`, `validate_value` and `ndjson`.
//!
//! A dict first takes the fast path ([`read_dict`]: straight into the model, see
//! `depythonize.rs`); one that does not fit it is converted to a `serde_json::Value` and
//! explained by `validate_value`, with the same report either way.

use std::borrow::Cow;
use std::str::FromStr;

use chrono::NaiveDate;
use pyo3::marker::Ungil;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMapping, PyString, PyTuple};
use serde_json::Value;

use kommun_intl::validate::DEFAULT_MAX_ISSUES;
use kommun_intl::{
    DocumentKind, Lang, Limits, Options, ParsedDocument, Report, ndjson, validate_value,
};

use crate::convert::to_value;
use crate::errors;
use crate::report::{PyReport, parse_lang};

// The signatures below write the core's default cap as a literal, so that Python shows it.
const _: () = assert!(DEFAULT_MAX_ISSUES == 1000);

/// A document as the core takes it: JSON text, or an already-parsed value.
pub enum Input<'a> {
    /// JSON text (from bytes, str or a file).
    Text(Cow<'a, [u8]>),
    /// A value converted from Python objects (dict, list, ...).
    Value(Value),
    /// A dict read straight into its kind's model: it fits the model and every limit; and the
    /// size of its JSON.
    Parsed(ParsedDocument, usize),
    /// A dict or list whose JSON would be larger than the document size limit: it was not
    /// converted whole, and its report is `limits.document_size`.
    Oversized,
    /// A register kept as a spreadsheet (an os.PathLike to an .xlsx, .ods or .csv file, or a
    /// folder of CSV files), read by `kommun-intl-sheets`, and its path.
    Sheet(Box<kommun_intl_sheets::Register>, String),
}

/// Inputs of at least this many bytes of JSON are validated with the GIL released, smaller ones
/// holding it: releasing it and taking it back costs 50-70 ns, 4-7 % of a `validate(dict)` of a
/// small feedback or partnership (measured on the bench machine), while 64 KiB of JSON takes
/// about a tenth of a millisecond to validate, far below the interpreter's switch interval
/// (5 ms), as long as other C extensions hold it for a call.
pub const RELEASE_GIL_FROM: usize = 64 * 1024;

/// Runs `f`, with the GIL released when `release` (an input's [`Input::releases_the_gil`]).
pub fn detach_if<R: Ungil>(py: Python<'_>, release: bool, f: impl Ungil + FnOnce() -> R) -> R {
    if release { py.detach(f) } else { f() }
}

impl Input<'_> {
    /// True when validating this input is work enough to release the GIL for (see
    /// [`RELEASE_GIL_FROM`]): large text and large dicts, every spreadsheet, and a dict that
    /// takes the slow path (converted and explained), whose cost its size does not bound.
    pub fn releases_the_gil(&self) -> bool {
        match self {
            Input::Text(t) => t.len() >= RELEASE_GIL_FROM,
            Input::Parsed(_, size) => *size >= RELEASE_GIL_FROM,
            Input::Value(_) | Input::Sheet(..) => true,
            Input::Oversized => false,
        }
    }

    /// The same input, owning its bytes.
    fn into_owned(self) -> Input<'static> {
        match self {
            Input::Text(t) => Input::Text(Cow::Owned(t.into_owned())),
            Input::Value(v) => Input::Value(v),
            Input::Parsed(p, size) => Input::Parsed(p, size),
            Input::Oversized => Input::Oversized,
            Input::Sheet(r, file) => Input::Sheet(r, file),
        }
    }
}

/// A register kept as a spreadsheet, when `obj` is an os.PathLike to one.
fn read_sheet(obj: &Bound<'_, PyAny>) -> PyResult<Option<Input<'static>>> {
    if !is_path(obj) {
        return Ok(None);
    }
    let path: std::path::PathBuf =
        obj.py().import("os")?.getattr("fspath")?.call1((obj,))?.extract()?;
    if !kommun_intl_sheets::is_spreadsheet(&path) {
        return Ok(None);
    }
    let register = obj
        .py()
        .detach(|| kommun_intl_sheets::read_path(&path, &kommun_intl_sheets::Limits::default()))?;
    Ok(Some(Input::Sheet(Box::new(register), path.display().to_string())))
}

fn is_path(obj: &Bound<'_, PyAny>) -> bool {
    // bytes, str, dict and list have no `__fspath__`: told by their type, since asking for a
    // missing attribute builds an `AttributeError` (a third of a small document's time).
    let plain = obj.is_instance_of::<PyBytes>()
        || obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyList>();
    !plain && obj.hasattr("__fspath__").unwrap_or(false)
}

/// The size limit of a document, in bytes (the core's default, which the options keep).
fn max_size() -> usize {
    kommun_intl::validate::Limits::default().max_document_size
}

fn read_path<'a>(obj: &Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    // The file is opened by Python, so that errors are the usual OSError subclasses with the
    // name, and read through the size limit: no more than the limit and one byte is read.
    let py = obj.py();
    let file = py.import("builtins")?.getattr("open")?.call1((obj, "rb"))?;
    let read = file.call_method1("read", (max_size() + 1,));
    let _ = file.call_method0("close");
    Ok(Cow::Owned(read?.cast_into::<PyBytes>()?.as_bytes().to_vec()))
}

fn text<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Option<Cow<'a, [u8]>>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(Cow::Borrowed(b.as_bytes())));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow().map_err(|e| errors::not_unicode(obj.py(), &e, ""))?;
        return Ok(Some(match s {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(Cow::Owned(b.to_vec())));
    }
    if is_path(obj) {
        return read_path(obj).map(Some);
    }
    Ok(None)
}

/// The path of an os.PathLike argument, as `os.fsdecode` gives it; None for anything else.
fn path_of(obj: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if !is_path(obj) {
        return Ok(None);
    }
    let path = obj.py().import("os")?.call_method1("fsdecode", (obj,))?;
    Ok(path.str().ok().map(|s| s.to_string()))
}

/// The fast path for a dict: read straight into the model of `kind` (else of the kind its
/// `$schema` names), when it fits the model and every limit and holds nothing
/// the conversion refuses. `None` for anything else, which [`read_input`] then reads (and
/// explains), so that both ways give the same report.
pub fn read_dict(
    obj: &Bound<'_, PyAny>,
    kind: Option<DocumentKind>,
    limits: &Limits,
) -> Option<Input<'static>> {
    let dict = obj.cast_exact::<PyDict>().ok()?;
    let kind = match kind {
        Some(kind) => kind,
        None => crate::depythonize::kind_of(dict)?,
    };
    crate::depythonize::read(kind, dict, limits, max_size()).map(|(p, size)| Input::Parsed(p, size))
}

/// [`read_dict`], else [`read_input`]. `kind` is the name the caller gave, if any: a name that
/// is no kind takes the slow path, whose errors come in their usual order.
pub fn read_any<'a>(
    obj: &'a Bound<'_, PyAny>,
    kind: Option<&str>,
    limits: &Limits,
) -> PyResult<Input<'a>> {
    let fast = match kind.map(DocumentKind::from_str) {
        Some(Err(_)) => None,
        known => read_dict(obj, known.and_then(Result::ok), limits),
    };
    match fast {
        Some(input) => Ok(input),
        None => read_input(obj),
    }
}

/// Reads one document: bytes, str (JSON text), os.PathLike, or dict/list/tuple.
pub fn read_input<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Input<'a>> {
    if let Some(sheet) = read_sheet(obj)? {
        return Ok(sheet);
    }
    if let Some(t) = text(obj)? {
        return Ok(Input::Text(t));
    }
    if obj.is_instance_of::<PyDict>()
        || obj.is_instance_of::<PyList>()
        || obj.is_instance_of::<PyTuple>()
        || obj.cast::<PyMapping>().is_ok()
    {
        return match to_value(obj, max_size()) {
            Ok(v) => Ok(Input::Value(v)),
            Err(e) if matches!(e.kind, crate::convert::ConvertErrorKind::TooLarge) => {
                Ok(Input::Oversized)
            }
            Err(e) => Err(errors::conversion(e)),
        };
    }
    Err(errors::wrong_argument(
        "a document is bytes, str (JSON text), os.PathLike or an already-parsed dict (mapping) or list",
        obj,
    ))
}

/// Reads a kind name as the CLI does (`fault-report`, `fault_report`, any case).
pub fn parse_kind(py: Python<'_>, name: &str) -> PyResult<DocumentKind> {
    DocumentKind::from_str(name).map_err(|e| errors::core_error(py, e, Lang::En))
}

fn detect(input: &Input<'_>) -> Result<DocumentKind, kommun_intl::Error> {
    match input {
        Input::Text(t) => DocumentKind::detect(t),
        // The core reads `$schema` from text; a dict is written out for it (only the probe).
        Input::Value(v) => {
            let probe = v.get("$schema").map(|s| serde_json::json!({ "$schema": s }));
            DocumentKind::detect(&serde_json::to_vec(&probe).unwrap_or_default())
        }
        Input::Parsed(p, _) => Ok(p.kind()),
        Input::Oversized => DocumentKind::detect(b"{}"),
        Input::Sheet(..) => Ok(DocumentKind::Dataset),
    }
}

/// The kind given, else the one the document's `$schema` names.
pub fn resolve_kind(
    py: Python<'_>,
    kind: Option<&str>,
    input: &Input<'_>,
) -> PyResult<DocumentKind> {
    match (kind, input) {
        // Read as the kind the name gives (or as its `$schema` says, when there is no name).
        (_, Input::Parsed(p, _)) => Ok(p.kind()),
        (Some(name), _) => parse_kind(py, name),
        (None, _) => detect(input).map_err(|e| errors::core_error(py, e, Lang::En)),
    }
}

/// Builds the core's options from the keyword arguments.
pub fn options(
    max_issues: usize,
    reference_date: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Options> {
    let profile = match profile {
        None => None,
        Some(p) if p.is_none() => None,
        Some(p) => Some(std::sync::Arc::clone(
            &p.cast::<crate::documents::PyProfile>()
                .map_err(|_| errors::wrong_argument("profile is a kommun_intl.Profile", p))?
                .get()
                .inner,
        )),
    };
    let reference_date = match reference_date {
        None => None,
        Some(d) if d.is_none() => None,
        Some(d) => Some(if let Ok(s) = d.cast::<PyString>() {
            let s = s.to_cow()?;
            NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| errors::bad_date(&s))?
        } else {
            d.extract::<NaiveDate>().map_err(|_| {
                errors::wrong_argument("reference_date is a datetime.date or a YYYY-MM-DD str", d)
            })?
        }),
    };
    Ok(Options { max_issues, reference_date, profile, ..Options::default() })
}

fn run(kind: DocumentKind, input: &Input<'_>, options: &Options) -> Report {
    match input {
        Input::Text(t) => kind.validate_json(t, options),
        Input::Value(v) => validate_value(kind, v, options),
        Input::Parsed(p, _) => {
            debug_assert_eq!(p.kind(), kind);
            p.validate(options)
        }
        Input::Oversized => kommun_intl::oversized(options),
        Input::Sheet(register, _) => register.validate(options),
    }
}

/// Validates one document and returns every issue found.
///
/// `data` is bytes, str (JSON text, never a file name), os.PathLike or an already-parsed
/// dict or list. The kind is `kind`, else the document's `$schema`, else
/// `KindNotDetectedError`. Issues from text carry a line and column; issues from a dict do not.
/// A path to a spreadsheet (`.xlsx`, `.ods`, `.csv`, or a folder of CSV files) is read as a
/// register, and its issues carry `sheet`, `cell` and `header` (see `Report.to_records`).
/// The GIL is released while Rust validates a spreadsheet or a document of 64 KiB of JSON or
/// more; a smaller one takes less time than releasing the GIL would cost others.
#[pyfunction]
#[pyo3(signature = (data, kind = None, *, lang = "en", max_issues = 1000, reference_date = None, profile = None))]
pub fn validate(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    kind: Option<&str>,
    lang: &str,
    max_issues: usize,
    reference_date: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyReport> {
    errors::guard(|| {
        let lang = parse_lang(lang)?;
        let options = options(max_issues, reference_date, profile)?;
        let input = read_any(data, kind, &options.limits)?;
        let kind = resolve_kind(py, kind, &input)?;
        let report = detach_if(py, input.releases_the_gil(), || run(kind, &input, &options));
        Ok(PyReport::of_kind(report, lang, kind).read_from(path_of(data)?))
    })
}

/// Validates a batch: an iterable of documents (each as for `validate`), or NDJSON text
/// (bytes, str or os.PathLike; one document per non-blank line, issue lines are file lines).
/// Returns one report per document, in order. The GIL is released while Rust validates, on
/// up to one thread per core.
#[pyfunction]
#[pyo3(signature = (documents, kind = None, *, lang = "en", max_issues = 1000, reference_date = None, profile = None))]
pub fn validate_many(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    kind: Option<&str>,
    lang: &str,
    max_issues: usize,
    reference_date: Option<&Bound<'_, PyAny>>,
    profile: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyReport>> {
    errors::guard(|| {
        let lang = parse_lang(lang)?;
        let options = options(max_issues, reference_date, profile)?;
        let kind = kind.map(|k| parse_kind(py, k)).transpose()?;
        if documents.cast::<PyMapping>().is_ok() {
            return Err(errors::wrong_argument(
                "validate_many takes an iterable of documents or NDJSON text (use validate for one)",
                documents,
            ));
        }
        let file = path_of(documents)?;
        let reports = if let Some(text) = text(documents)? {
            let lines: Vec<(usize, &[u8])> = ndjson::lines(&text).collect();
            let kinds = lines
                .iter()
                .map(|(n, line)| match kind {
                    Some(k) => Ok(k),
                    None => DocumentKind::detect(line)
                        .map_err(|e| errors::core_error_at(py, e, &format!("line {n}"))),
                })
                .collect::<PyResult<Vec<_>>>()?;
            let jobs: Vec<_> =
                lines.iter().zip(kinds).map(|(&(n, line), k)| (k, n, line)).collect();
            py.detach(|| {
                kommun_intl::parallel::map(&jobs, |&(k, n, line)| {
                    (k, ndjson::validate_line(k, line, n, &options))
                })
            })
        } else {
            let mut jobs = Vec::new();
            for (i, item) in documents.try_iter()?.enumerate() {
                let item = item?;
                let input = match read_dict(&item, kind, &options.limits) {
                    Some(input) => input,
                    None => read_input(&item)?.into_owned(),
                };
                let k = match kind {
                    Some(k) => k,
                    None => detect(&input)
                        .map_err(|e| errors::core_error_at(py, e, &format!("document {i}")))?,
                };
                jobs.push((k, input));
            }
            py.detach(|| {
                kommun_intl::parallel::map(&jobs, |(k, input)| (*k, run(*k, input, &options)))
            })
        };
        Ok(reports
            .into_iter()
            .map(|(k, r)| PyReport::of_kind(r, lang, k).read_from(file.clone()))
            .collect())
    })
}
