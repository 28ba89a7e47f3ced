//! Pure conversion between Python objects and JSON values.
//!
//! Python → JSON is written here (not with `pythonize`) so that every value Python can hold but
//! JSON cannot (NaN, ints beyond 64 bits, non-str keys, cycles, nesting deeper than the core's
//! parser allows) becomes a clear `TypeError` or `ValueError` with a JSON Pointer, never a panic
//! or a stack overflow. JSON → Python uses `pythonize`.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde::Serialize;
use serde_json::{Map, Number, Value};

/// The deepest nesting accepted, the same limit `serde_json` applies to JSON text.
pub const MAX_DEPTH: usize = 128;

/// Why a Python value has no JSON form.
#[derive(Debug)]
pub enum ConvertErrorKind {
    /// A value of this Python type.
    Type(String),
    /// A mapping key of this Python type.
    Key(String),
    /// NaN or an infinity.
    NotFinite,
    /// An int too large even for a float.
    IntTooLarge,
    /// Nested deeper than this.
    TooDeep(usize),
    /// A str that is not Unicode text (a lone surrogate); the error keeps the index only.
    NotUnicode(PyErr),
    /// The value's JSON text would be larger than the document size limit (a dict can share
    /// one sub-object many times over, and its JSON repeats it each time).
    TooLarge,
    /// Python raised while reading the value.
    Python(PyErr),
}

/// A conversion failure and where it happened.
#[derive(Debug)]
pub struct ConvertError {
    /// What went wrong.
    pub kind: ConvertErrorKind,
    /// RFC 6901 pointer to the value.
    pub pointer: String,
}

impl From<PyErr> for ConvertError {
    fn from(e: PyErr) -> Self {
        ConvertError { kind: ConvertErrorKind::Python(e), pointer: String::new() }
    }
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Converts a Python value (dict or other mapping, list, tuple, str, int, float, bool, None)
/// to JSON. `max_size` bounds the size of its JSON text, counted as the conversion goes (a
/// lower bound: strings and keys by their UTF-8 length and quotes, one byte per punctuation
/// mark and number), so that no input makes the conversion take unbounded time or memory.
pub fn to_value(obj: &Bound<'_, PyAny>, max_size: usize) -> Result<Value, ConvertError> {
    let mut path = Vec::new();
    let mut budget = max_size;
    convert(obj, &mut path, &mut budget).map_err(|kind| ConvertError {
        kind,
        pointer: path.iter().fold(String::new(), |mut out, s| {
            out.push('/');
            out.push_str(&escape(s));
            out
        }),
    })
}

/// What every value costs of the size budget: a byte (a punctuation mark, a digit, a quote).
pub(crate) const VALUE_COST: usize = 1;

/// What a string of `len` bytes of UTF-8 costs beyond [`VALUE_COST`]: its text and its second
/// quote.
pub(crate) fn string_cost(len: usize) -> usize {
    len + 1
}

/// What a key of `len` bytes of UTF-8 costs: its text, its quotes and its colon.
pub(crate) fn key_cost(len: usize) -> usize {
    len + 3
}

/// Takes `n` bytes from the budget.
fn spend(budget: &mut usize, n: usize) -> Result<(), ConvertErrorKind> {
    *budget = budget.checked_sub(n).ok_or(ConvertErrorKind::TooLarge)?;
    Ok(())
}

/// A str's text; a str that is not Unicode is an error that does not hold it.
fn text(s: &Bound<'_, PyString>) -> Result<String, ConvertErrorKind> {
    s.to_cow().map(std::borrow::Cow::into_owned).map_err(ConvertErrorKind::NotUnicode)
}

fn convert(
    obj: &Bound<'_, PyAny>,
    path: &mut Vec<String>,
    budget: &mut usize,
) -> Result<Value, ConvertErrorKind> {
    if path.len() > MAX_DEPTH {
        return Err(ConvertErrorKind::TooDeep(MAX_DEPTH));
    }
    spend(budget, VALUE_COST)?;
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = text(s)?;
        spend(budget, string_cost(s.len()))?;
        return Ok(Value::String(s));
    }
    // bool before int: `True` is an int in Python.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        return int(i);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value()).map(Value::Number).ok_or(ConvertErrorKind::NotFinite);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        return items(l.iter(), path, budget);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return items(t.iter(), path, budget);
    }
    // Dicts and other mappings, through a snapshot of their items: a mapping that changes
    // while it is read (a value's code changing the dict it lies in) is read as it was, not
    // iterated into a panic.
    if let Ok(m) = obj.cast::<PyMapping>() {
        let pairs = m.items().map_err(ConvertErrorKind::Python)?;
        let pairs = pairs
            .iter()
            .map(|pair| pair.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>())
            .collect::<PyResult<Vec<_>>>()
            .map_err(ConvertErrorKind::Python)?;
        return members(pairs.into_iter(), path, budget);
    }
    Err(ConvertErrorKind::Type(type_name(obj)))
}

fn members<'py>(
    iter: impl Iterator<Item = (Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    path: &mut Vec<String>,
    budget: &mut usize,
) -> Result<Value, ConvertErrorKind> {
    let mut map = Map::new();
    for (k, v) in iter {
        let Ok(key) = k.cast::<PyString>() else {
            return Err(ConvertErrorKind::Key(type_name(&k)));
        };
        let key = text(key)?;
        spend(budget, key_cost(key.len()))?;
        path.push(key.clone());
        let value = convert(&v, path, budget)?;
        path.pop();
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn items<'py>(
    iter: impl Iterator<Item = Bound<'py, PyAny>>,
    path: &mut Vec<String>,
    budget: &mut usize,
) -> Result<Value, ConvertErrorKind> {
    let mut out = Vec::new();
    for (i, item) in iter.enumerate() {
        path.push(i.to_string());
        out.push(convert(&item, path, budget)?);
        path.pop();
    }
    Ok(Value::Array(out))
}

/// An int as JSON: exact within 64 bits; beyond, a float, as `serde_json` reads such a literal
/// in text.
fn int(i: &Bound<'_, PyInt>) -> Result<Value, ConvertErrorKind> {
    if let Ok(v) = i.extract::<i64>() {
        return Ok(Value::from(v));
    }
    if let Ok(v) = i.extract::<u64>() {
        return Ok(Value::from(v));
    }
    let f = i.extract::<f64>().map_err(|_| ConvertErrorKind::IntTooLarge)?;
    Number::from_f64(f).map(Value::Number).ok_or(ConvertErrorKind::IntTooLarge)
}

/// Converts a serialisable Rust value to plain Python objects (dict, list, str, int, float,
/// bool, None).
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(PyErr::from)
}
