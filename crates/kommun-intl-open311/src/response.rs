//! The body a server answers a POST Service Request with: a list of one (GeoReport v2 writes
//! a list) holding the new request's `service_request_id`, or a `token` to ask for it later,
//! the `service_notice` and the `account_id`. It is no service request (it has no
//! `service_code`), so it has a type of its own, read and written in the spec's JSON and XML.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use kommun_intl::validate::{Ctx, rules};
use kommun_intl::{Options, Report};

use crate::request::{Record, clean};
use crate::text::{Places, merge, placed, shown_name};
use crate::{Format, detect, json, xml_requests};

/// The fields of a POST response, in the spec's order.
pub(crate) const FIELDS: &[&str] = &["service_request_id", "token", "service_notice", "account_id"];

/// An id as the server wrote it: GeoReport JSON writes `service_request_id` as a number or a
/// text; XML (and a form) only has texts.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Id {
    /// A JSON number (`293944`).
    Number(Number),
    /// A text (`"293944"`, `"12345-abc"`).
    Text(String),
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Number(n) => write!(f, "{n}"),
            Id::Text(t) => f.write_str(t),
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id::Number(n) => write!(f, "Number({n})"),
            Id::Text(t) => write!(f, "Text({t:?})"),
        }
    }
}

/// The response to a POST Service Request (GeoReport v2): the id the server gave the new
/// request, or a token to ask for it with, what it tells the person, and their account.
///
/// `account_id` is personal data, as the POST request's contact fields are: `Debug` masks it,
/// and no issue shows it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostResponse {
    /// The id of the new request; absent when the server answers with a `token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_request_id: Option<Id>,
    /// A token to ask for the id with later (GET service_request_id from a token), when the
    /// server does not give the id at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<Id>,
    /// What the server tells the person about the request (when it is dealt with, how).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_notice: Option<String>,
    /// The person's account on the server, when it has accounts. Personal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<Id>,
}

impl fmt::Debug for PostResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostResponse")
            .field("service_request_id", &self.service_request_id)
            .field("token", &self.token)
            .field("service_notice", &self.service_notice)
            .field("account_id", &self.account_id.as_ref().map(|_| "<personal>"))
            .finish()
    }
}

/// A POST response as read, with its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    /// The response: what of it could be read (see `report` for the rest).
    pub response: PostResponse,
    /// Every issue, with pointers into the response's JSON (`/service_notice`) and, where
    /// known, the line and column in the Open311 text.
    pub report: Report,
}

/// Reads the body of a POST Service Request response, telling JSON from XML by its text.
/// `Err` when the document cannot be read (syntax, encoding, limits, not a list of responses,
/// or a form, which a response never is); otherwise one [`Response`] per item.
pub fn read_post_responses(input: &[u8], options: &Options) -> Result<Vec<Response>, Report> {
    read_post_responses_as(input, detect(input), options)
}

/// Reads the body of a POST Service Request response of a known format.
pub fn read_post_responses_as(
    input: &[u8],
    format: Format,
    options: &Options,
) -> Result<Vec<Response>, Report> {
    let records = match format {
        Format::Json => json::records(input, options, "post_response", Some(FIELDS))?,
        Format::Xml => xml_requests::records(input, options)?,
        Format::Form => {
            let expected = "post_response".to_owned();
            return Err(crate::text::fail(
                options,
                &rules::OPEN311_NOT_OPEN311,
                &[("expected", expected)],
                None,
            ));
        }
    };
    Ok(records.into_iter().map(|r| convert(r, options)).collect())
}

/// Writes POST responses as GeoReport v2 JSON (`[{"service_request_id": …}]`) or XML
/// (`<service_requests><request>…`). A response has no form: given [`Format::Form`], this
/// writes JSON.
#[must_use]
pub fn write_post_responses(responses: &[PostResponse], format: Format) -> String {
    let fields: Vec<Vec<(&'static str, Value)>> = responses.iter().map(fields).collect();
    match format {
        Format::Json | Format::Form => json::write(&fields),
        Format::Xml => xml_requests::write(&fields),
    }
}

fn fields(response: &PostResponse) -> Vec<(&'static str, Value)> {
    let Ok(Value::Object(mut members)) = serde_json::to_value(response) else { return Vec::new() };
    FIELDS.iter().filter_map(|&name| members.remove(name).map(|v| (name, v))).collect()
}

fn convert(record: Record, options: &Options) -> Response {
    let early = placed(options, &record.early, |ctx, (name, rule, params, pos)| {
        let shown = shown_name(name, Some(FIELDS));
        ctx.report_at(&shown, rule, params);
        *pos
    });
    let mut ctx = Ctx::new(options);
    let mut places = Places::default();
    let mut response = PostResponse::default();
    let textual = record.textual;
    for (name, value, pos) in record.fields {
        let shown = shown_name(&name, Some(FIELDS));
        if let Some(pos) = pos {
            places.push(format!("/{shown}"), pos);
        }
        let value = ctx.field(&shown, |ctx| clean(ctx, &shown, value, textual));
        let Some(value) = value else { continue };
        let wrong = |ctx: &mut Ctx| {
            ctx.report_at(&shown, &rules::OPEN311_VALUE_TYPE, &[("field", shown.clone())]);
        };
        let id = |ctx: &mut Ctx, value: Value| match value {
            Value::String(s) => Some(Id::Text(s)),
            Value::Number(n) => Some(Id::Number(n)),
            _ => {
                wrong(ctx);
                None
            }
        };
        match name.as_str() {
            "service_request_id" => response.service_request_id = id(&mut ctx, value),
            "token" => response.token = id(&mut ctx, value),
            "account_id" => response.account_id = id(&mut ctx, value),
            "service_notice" => match value {
                Value::String(s) => response.service_notice = Some(s),
                _ => wrong(&mut ctx),
            },
            _ => ctx.report_at(&shown, &rules::OPEN311_FIELD_IGNORED, &[("field", shown.clone())]),
        }
    }
    if response.service_request_id.is_none() && response.token.is_none() {
        ctx.report(&rules::OPEN311_RESPONSE_WITHOUT_ID, &[]);
    }
    let mut report = merge([early, ctx.finish()], options.max_issues);
    places.locate(&mut report, record.pos);
    report.issues.sort_by_key(|i| i.offset.unwrap_or(usize::MAX));
    Response { response, report }
}
