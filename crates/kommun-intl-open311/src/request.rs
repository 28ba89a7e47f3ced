//! One service request as a server wrote it (a [`Record`], from any format) and as a fault
//! report: the one place that knows which Open311 field is which of ours, and the quirks of
//! real servers.

use chrono::{NaiveDateTime, SecondsFormat, TimeZone as _};
use serde_json::{Map, Number, Value};

use kommun_intl::model::{FaultReport, Profile, Timestamp};
use kommun_intl::validate::{Ctx, Rule, rules};
use kommun_intl::{DocumentKind, Options, Report};

use crate::text::{Places, Pos, merge, placed, shown_name};

/// The Open311 fields of a service request, in the spec's order (GET Service Requests), then
/// the POST fields and the extensions we keep. Each maps to the fault-report member of the
/// same name, except the contact's (under `contact`) and `address_string` (`address`).
pub(crate) const FIELDS: &[&str] = &[
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
    // POST and the POST response.
    "token",
    "jurisdiction_id",
    "first_name",
    "last_name",
    "email",
    "phone",
    "device_id",
    "account_id",
    // Extensions.
    "title",
    "detailed_status",
    "name",
    "attributes",
    "extended_attributes",
];

/// The members of the contact, as Open311 names them at the top level (`name` is ours: the
/// one-text name some forms ask for).
pub(crate) const CONTACT: &[&str] = &["first_name", "last_name", "name", "email", "phone"];

const TIMES: &[&str] = &["requested_datetime", "updated_datetime", "expected_datetime"];

/// A problem a reader found: the wire name of the field, the rule, its parameters, where.
pub(crate) type Early = (String, &'static Rule, Vec<(&'static str, String)>, Option<Pos>);

/// One request as read, before it is a fault report.
#[derive(Debug, Default)]
pub(crate) struct Record {
    /// The fields in the order written: wire name, value, where.
    pub fields: Vec<(String, Value, Option<Pos>)>,
    /// True when every value came as text (XML, forms): numbers are expected as strings there.
    pub textual: bool,
    /// Where the request starts.
    pub pos: Option<Pos>,
    /// Problems the reader found (a field given twice): wire name, rule, parameters, where.
    pub early: Vec<Early>,
}

/// A service request read from Open311, as a fault report.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The fault report as JSON (the model's shape, in the model's order when it fits it).
    pub value: Value,
    /// Every issue: the reading's (Open311 quirks) and the fault report's validation, with
    /// pointers into `value` and, where known, the line and column in the Open311 text.
    pub report: Report,
}

impl Request {
    /// The fault report, when the value fits the model (it may still have semantic errors:
    /// see [`Request::report`]).
    #[must_use]
    pub fn fault_report(&self) -> Option<FaultReport> {
        serde_json::from_value(self.value.clone()).ok()
    }
}

/// Turns a record into a fault report and validates it.
pub(crate) fn convert(record: Record, options: &Options) -> Request {
    let profile = options.profile.clone().unwrap_or_else(Profile::default_profile);
    let mut ctx = Ctx::new(options);
    let mut out = Map::new();
    let mut contact = Map::new();
    let mut unknown = Map::new();
    let mut places = Places::default();
    let mut status: Option<String> = None;
    let textual = record.textual;
    let early = placed(options, &record.early, |ctx, (name, rule, params, pos)| {
        if CONTACT.contains(&name.as_str()) {
            ctx.field("contact", |ctx| ctx.report_at(name, rule, params));
        } else {
            ctx.report_at(member_of(name), rule, params);
        }
        *pos
    });
    for (name, value, pos) in record.fields {
        let member = member_of(&name);
        if let Some(pos) = pos {
            places.push(pointer_of(&name), pos);
        }
        match name.as_str() {
            n if CONTACT.contains(&n) => {
                let v =
                    ctx.field("contact", |ctx| ctx.field(n, |ctx| clean(ctx, n, value, textual)));
                if let Some(v) = v {
                    contact.insert(name, v);
                }
            }
            "lat" | "long" => {
                if let Some(v) = ctx.field(member, |ctx| number(ctx, member, value, textual)) {
                    out.insert(name, v);
                }
            }
            "status" => match ctx.field(member, |ctx| clean(ctx, member, value, textual)) {
                Some(Value::String(s)) => status = Some(s),
                // Not a string: the fault report's validation says what is wrong with it.
                Some(other) => {
                    out.insert(name, other);
                }
                None => {}
            },
            n if TIMES.contains(&n) => {
                let v = ctx.field(n, |ctx| {
                    let v = clean(ctx, n, value, textual)?;
                    Some(timestamp(ctx, n, v, &profile))
                });
                if let Some(v) = v {
                    out.insert(name, v);
                }
            }
            "attributes" | "extended_attributes" => {
                if !value.is_null() {
                    out.insert(name, value);
                }
            }
            n if FIELDS.contains(&n) || n == "address_string" => {
                if let Some(v) = ctx.field(member, |ctx| clean(ctx, member, value, textual)) {
                    out.insert(member.to_owned(), v);
                }
            }
            _ => {
                let shown = shown_name(&name, Some(FIELDS));
                ctx.field("extended_attributes", |ctx| {
                    ctx.report_at(
                        &shown,
                        &rules::OPEN311_UNKNOWN_FIELD,
                        &[("field", shown.clone())],
                    );
                });
                if let Some(pos) = pos {
                    places.push(format!("/extended_attributes/{shown}"), pos);
                }
                unknown.insert(name, value);
            }
        }
    }
    if let Some(s) = status {
        read_status(&mut ctx, &s, &mut out, &profile);
    }
    if !contact.is_empty() {
        out.insert("contact".to_owned(), Value::Object(contact));
    }
    if !unknown.is_empty() {
        let extended =
            out.entry("extended_attributes").or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(extended) = extended {
            for (k, v) in unknown {
                extended.entry(k).or_insert(v);
            }
        }
    }
    let value = Value::Object(out);
    let checked = kommun_intl::validate_value(DocumentKind::FaultReport, &value, options);
    let mut report = merge([early, ctx.finish(), checked], options.max_issues);
    places.locate(&mut report, record.pos);
    // In the order of the text, as a reader goes through it.
    report.issues.sort_by_key(|i| i.offset.unwrap_or(usize::MAX));
    let value = match serde_json::from_value::<FaultReport>(value.clone()) {
        Ok(typed) => serde_json::to_value(typed).unwrap_or(value),
        Err(_) => value,
    };
    Request { value, report }
}

/// The fault-report member an Open311 field fills.
fn member_of(name: &str) -> &str {
    if name == "address_string" { "address" } else { name }
}

/// The pointer of that member.
fn pointer_of(name: &str) -> String {
    if CONTACT.contains(&name) {
        format!("/contact/{name}")
    } else if name == "status" {
        // A status can also set `detailed_status`; the issue points at whichever it is.
        "/status".to_owned()
    } else {
        format!("/{}", member_of(name))
    }
}

/// A text value as the model wants it: `null` and empty mean not given, surrounding white
/// space goes. An empty JSON string is worth a warning; an empty XML element or form field is
/// how those formats say "not given".
pub(crate) fn clean(ctx: &mut Ctx, field: &str, value: Value, textual: bool) -> Option<Value> {
    match value {
        Value::Null => None,
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() {
                if !textual {
                    ctx.report(&rules::OPEN311_EMPTY_VALUE, &[("field", field.to_owned())]);
                }
                return None;
            }
            if t.len() == s.len() {
                return Some(Value::String(s));
            }
            ctx.report(&rules::OPEN311_WHITESPACE, &[("field", field.to_owned())]);
            Some(Value::String(t.to_owned()))
        }
        other => Some(other),
    }
}

/// A coordinate: a JSON number as it is; a string holding a number as that number (with a
/// warning in JSON, where it should have been a number).
fn number(ctx: &mut Ctx, field: &str, value: Value, textual: bool) -> Option<Value> {
    let Value::String(s) = &value else { return clean(ctx, field, value, textual) };
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return clean(ctx, field, value, textual);
    }
    let Some(n) = trimmed.parse::<f64>().ok().filter(|f| f.is_finite()).and_then(Number::from_f64)
    else {
        ctx.report(&rules::OPEN311_NUMBER_INVALID, &[("field", field.to_owned())]);
        return None;
    };
    if !textual {
        ctx.report(&rules::OPEN311_NUMBER_AS_STRING, &[("field", field.to_owned())]);
    }
    Some(Value::Number(n))
}

/// A time: as it is when it has an offset; without one, in the profile's time zone (warning)
/// or not at all (error).
fn timestamp(ctx: &mut Ctx, field: &str, value: Value, profile: &Profile) -> Value {
    let Value::String(s) = &value else { return value };
    if Timestamp::new(s.as_str()).is_valid() {
        return value;
    }
    let local = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok());
    let Some(local) = local else { return value };
    let zone = profile.time_zone.as_ref().and_then(|z| z.as_str().parse::<chrono_tz::Tz>().ok());
    if let Some(zone) = zone
        && let chrono::LocalResult::Single(at) = zone.from_local_datetime(&local)
    {
        let params = [("field", field.to_owned()), ("zone", zone.name().to_owned())];
        ctx.report(&rules::OPEN311_TIMESTAMP_LOCAL, &params);
        return Value::String(at.fixed_offset().to_rfc3339_opts(SecondsFormat::AutoSi, false));
    }
    ctx.report(&rules::OPEN311_TIMESTAMP_NO_OFFSET, &[("field", field.to_owned())]);
    value
}

/// The status: `open` or `closed` (in any case); several words of which exactly one is one of
/// those (the rest becomes the detailed status, when none is given); or a detailed status of
/// the profile, which says which of the two it stands under.
fn read_status(ctx: &mut Ctx, s: &str, out: &mut Map<String, Value>, profile: &Profile) {
    let lower = s.to_lowercase();
    if lower == "open" || lower == "closed" {
        out.insert("status".to_owned(), Value::String(lower));
        return;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut base = words.iter().filter(|w| matches!(**w, "open" | "closed"));
    let first = base.next();
    let single = first.is_some() && base.all(|w| Some(w) == first);
    if let Some(&status) = first.filter(|_| single) {
        let rest: Vec<&str> = words.iter().copied().filter(|w| *w != status).collect();
        let detailed = rest.join("_");
        out.insert("status".to_owned(), Value::String(status.to_owned()));
        // Only punctuation around it (`closed.`): the status, as certain as its case.
        if detailed.is_empty() {
            return;
        }
        if !out.contains_key("detailed_status") {
            out.insert("detailed_status".to_owned(), Value::String(detailed.clone()));
        }
        let params = [("status", status.to_owned()), ("detailed", detailed)];
        ctx.report_at("status", &rules::OPEN311_STATUS_PACKED, &params);
        return;
    }
    if first.is_none()
        && let Some(known) = profile.status(s).or_else(|| profile.status(&lower))
    {
        let status = known.open311.code().to_owned();
        out.insert("status".to_owned(), Value::String(status.clone()));
        out.entry("detailed_status").or_insert_with(|| Value::String(known.code.to_string()));
        let params = [("status", status), ("detailed", known.code.to_string())];
        ctx.report_at("status", &rules::OPEN311_STATUS_DETAILED, &params);
        return;
    }
    ctx.report_at("status", &rules::OPEN311_STATUS_UNKNOWN, &[]);
}

/// A fault report's members as Open311 fields, in the order of [`FIELDS`]: the contact's at
/// the top level, `status` always (Open311 requires it), `$schema` left out (it belongs to a
/// document, not to a request).
pub(crate) fn fields(report: &FaultReport) -> Vec<(&'static str, Value)> {
    let Ok(Value::Object(mut members)) = serde_json::to_value(report) else { return Vec::new() };
    let mut contact = match members.remove("contact") {
        Some(Value::Object(c)) => c,
        _ => Map::new(),
    };
    FIELDS
        .iter()
        .filter_map(|&name| {
            let v =
                if CONTACT.contains(&name) { contact.remove(name) } else { members.remove(name) };
            v.map(|v| (name, v))
        })
        .collect()
}
