//! `fix` and `mask`: the core's normalisation (what `kommun-intl fix` writes) and its masking
//! of personal values (what every output of the CLI shows), for one document's JSON text.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use kommun_intl::DocumentKind;
use kommun_intl::personal::{self, Trust};

use crate::errors::{self, KommunIntlError};
use crate::validate::{Input, parse_kind, read_input, resolve_kind};

/// The JSON text of `data` (bytes, bytearray, str or a path), or a TypeError.
fn text_of<'a>(data: &'a Bound<'_, PyAny>, what: &str) -> PyResult<std::borrow::Cow<'a, [u8]>> {
    match read_input(data)? {
        Input::Text(t) => Ok(t),
        _ => Err(errors::wrong_argument(
            &format!("{what} takes JSON text (bytes or str) or a path"),
            data,
        )),
    }
}

/// Normalises what has one right form, as `kommun-intl fix` does: phone numbers to E.164,
/// Swedish postal codes to `NNN NN`, country codes to ISO 3166-1, white space around texts.
/// Only those values' bytes change. Returns the new text: a str for a str, else bytes (a path
/// is read, never written). The kind is `kind`, else the document's `$schema`. Raises
/// KommunIntlError when the text is not JSON.
#[pyfunction]
#[pyo3(signature = (data, kind = None))]
pub fn fix<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    kind: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    errors::guard(|| {
        let text = text_of(data, "fix")?;
        let input = Input::Text(text);
        let kind = resolve_kind(py, kind, &input)?;
        let Input::Text(text) = input else { unreachable!("built as text above") };
        let planned = kommun_intl::fix::fixes(kind, &text)
            .map_err(|e| KommunIntlError::new_err(format!("the document is not JSON: {e}")))?;
        let out = kommun_intl::fix::apply(&text, &planned);
        if data.is_instance_of::<PyString>() {
            let out = String::from_utf8(out)
                .map_err(|_| KommunIntlError::new_err("the fixed text is not UTF-8"))?;
            Ok(PyString::new(py, &out).into_any())
        } else {
            Ok(PyBytes::new(py, &out).into_any())
        }
    })
}

/// The document's text with every personal value masked, as the CLI shows it: letters become
/// `x` and digits `#`, so the form of a value shows (a national phone number, white space at
/// the ends) and the value does not. Masked are the personal fields of the kind, the fields it
/// does not know in feedback and fault reports, and everything in text that is not JSON. The
/// kind is `kind`, else the document's `$schema` (then keys it does not know are masked too).
#[pyfunction]
#[pyo3(signature = (data, kind = None))]
pub fn mask(py: Python<'_>, data: &Bound<'_, PyAny>, kind: Option<&str>) -> PyResult<String> {
    errors::guard(|| {
        let text = text_of(data, "mask")?;
        let (kind, trust) = match kind {
            Some(name) => (Some(parse_kind(py, name)?), Trust::Told),
            None => (DocumentKind::detect(&text).ok(), Trust::FromDocument),
        };
        let Ok(string) = std::str::from_utf8(&text) else {
            return Err(KommunIntlError::new_err("the text is not UTF-8, so it cannot be masked"));
        };
        Ok(personal::mask_ranges(string, &personal::spans(kind, trust, &text)))
    })
}
