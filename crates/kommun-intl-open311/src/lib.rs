//! Open311 GeoReport v2 for kommun-intl: service requests as the spec's JSON and XML and as
//! the POST form, read into [`FaultReport`]s and written back, and service lists with their
//! definitions read as a [`Profile`](kommun_intl::Profile). The body a server answers a POST
//! with, which is no service request, is a [`PostResponse`] ([`read_post_responses`],
//! [`write_post_responses`]).
//!
//! Reading never trusts the server: every issue has a stable code (`open311.*` for what
//! concerns the wire, the fault report's own rules for the rest), a JSON Pointer into the
//! fault report and, where it has one, the line and column in the Open311 text. What a real
//! server writes whose meaning is certain (`lat` as a string, an empty `service_name`, a status
//! that packs a detailed one, a local time with the profile's time zone) is read with a
//! warning; what is not certain is an error. XML with a DTD, deep nesting or oversized values
//! and forms with too many fields get one clear issue within the same [`Limits`] as JSON.
//!
//! ```
//! use kommun_intl::Options;
//! use kommun_intl_open311::{Format, read_requests, write_requests};
//!
//! let xml = r#"<service_requests><request>
//!   <service_request_id>638344</service_request_id><status>closed</status>
//!   <service_code>belysning</service_code><address>Skaragatan 8, Lidköping</address>
//!   <requested_datetime>2026-04-14T06:37:38+02:00</requested_datetime>
//! </request></service_requests>"#;
//! let requests = read_requests(xml.as_bytes(), &Options::default())?;
//! assert!(requests[0].report.is_clean());
//! let report = requests[0].fault_report().unwrap();
//! assert_eq!(report.service_request_id.as_ref().unwrap().as_str(), "638344");
//! let json = write_requests(&[report], Format::Json);
//! assert!(json.contains(r#""service_code": "belysning""#));
//! # Ok::<(), kommun_intl::Report>(())
//! ```
//!
//! [`Limits`]: kommun_intl::Limits

mod form;
mod json;
mod request;
mod response;
mod services;
mod text;
mod xml;
mod xml_requests;

use kommun_intl::{FaultReport, Options, Report};

pub use form::write as write_form;
pub use request::Request;
pub use response::{
    Id, PostResponse, Response, read_post_responses, read_post_responses_as, write_post_responses,
};
pub use services::{ServiceList, profile_from_services};

/// The three shapes of Open311 on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// GeoReport v2 JSON (`requests.json`).
    Json,
    /// GeoReport v2 XML (`requests.xml`).
    Xml,
    /// The POST form, `application/x-www-form-urlencoded`.
    Form,
}

impl Format {
    /// The lower-case name (`json`, `xml`, `form`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::Form => "form",
        }
    }
}

/// Tells the format from the first byte that is not white space (after a byte order mark):
/// `[`, `{` or `"` is JSON, `<` is XML, anything else a form.
#[must_use]
pub fn detect(input: &[u8]) -> Format {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match input.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[' | b'{' | b'"') => Format::Json,
        Some(b'<') => Format::Xml,
        _ => Format::Form,
    }
}

/// Reads the service requests of an Open311 document, telling its format from its text.
/// `Err` when the document itself cannot be read (syntax, encoding, limits, not a list of
/// requests); otherwise one [`Request`] per request, each with its own report.
pub fn read_requests(input: &[u8], options: &Options) -> Result<Vec<Request>, Report> {
    read_requests_as(input, detect(input), options)
}

/// Reads the service requests of an Open311 document of a known format.
pub fn read_requests_as(
    input: &[u8],
    format: Format,
    options: &Options,
) -> Result<Vec<Request>, Report> {
    let records = match format {
        Format::Json => json::records(input, options, "service_requests", Some(request::FIELDS))?,
        Format::Xml => xml_requests::records(input, options)?,
        Format::Form => vec![form::record(input, options)?],
    };
    Ok(records.into_iter().map(|r| request::convert(r, options)).collect())
}

/// Writes fault reports as a GeoReport v2 list of service requests (JSON or XML; for the POST
/// form, of one report, see [`write_form`]; given [`Format::Form`], this writes the form of
/// each report, one a line).
#[must_use]
pub fn write_requests(reports: &[FaultReport], format: Format) -> String {
    let fields: Vec<_> = reports.iter().map(request::fields).collect();
    match format {
        Format::Json => json::write(&fields),
        Format::Xml => xml_requests::write(&fields),
        Format::Form => reports.iter().map(|r| write_form(r) + "\n").collect(),
    }
}
