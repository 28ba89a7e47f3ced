//! One cell's value as the JSON value its field takes: codes from their labels
//! (`Vänortsavtal` -> `twinning`), Swedish numbers (`1 800 000`, `1,5`), dates as Excel keeps
//! them or as people type them, lists separated by `;`. What cannot be read with certainty is
//! an issue, and the cell's text is kept for validation to judge.

use std::collections::HashMap;

use kommun_intl::schema::compiled::NodeId;
use serde_json::{Number, Value};

use crate::book::Raw;
use crate::layout::{Layout, Shape};

/// A value whose meaning is not certain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uncertain;

/// Why a cell's value was not read as its field's type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// A number that can be read more than one way.
    Number(String),
    /// A date that can be read more than one way, or a number where a date goes.
    Date(String),
}

/// What a field holds, as far as reading a cell goes.
#[derive(Clone, Copy, Debug, Default)]
struct Wants {
    integer: bool,
    number: bool,
    boolean: bool,
    string: bool,
    /// An exact decimal in a string (`Amount`).
    decimal: bool,
    /// A date known in part (`PartialDate`).
    date: bool,
}

fn wants(layout: &Layout, id: NodeId) -> Wants {
    let c = layout.compiled;
    let mut w = Wants::default();
    let mut stack = vec![id];
    let mut steps = 0;
    while let Some(id) = stack.pop() {
        steps += 1;
        if steps > 64 {
            break;
        }
        let r = c.resolve(id, &Value::Null);
        let (t, _) = c.target(id);
        let node = c.node(t);
        if !node.branches.is_empty() {
            stack.extend(&node.branches);
            continue;
        }
        let def = node.def.as_deref().or(r.def);
        match def {
            Some("Amount") => w.decimal = true,
            Some("PartialDate") => w.date = true,
            _ => {}
        }
        let types = node.types;
        if types.is_null_only() {
            continue;
        }
        w.integer |= types.matches(&Value::from(1)) && !types.matches(&Value::from(1.5));
        w.number |= types.matches(&Value::from(1.5));
        w.boolean |= types.matches(&Value::Bool(true));
        w.string |= types.matches(&Value::from("")) || node.codes.is_some();
    }
    w
}

/// The codes of a code list by their lower-case spelling and by their Swedish and English
/// labels (without case): what a cell may write for a code. Never a guess: a near miss stays
/// as written, for validation to report with its "did you mean".
fn code_map(layout: &Layout, id: NodeId) -> Option<HashMap<String, String>> {
    let codes = layout.compiled.codes(id)?;
    let mut map = HashMap::with_capacity(codes.values.len() * 3);
    for code in &codes.values {
        map.insert(code.to_lowercase(), code.to_string());
    }
    for (code, l) in codes.values.iter().zip(&codes.labels) {
        let Some(l) = l else { continue };
        map.entry(l.sv.to_lowercase()).or_insert_with(|| code.to_string());
        map.entry(l.en.to_lowercase()).or_insert_with(|| code.to_string());
    }
    Some(map)
}

/// How to read the plain values of a field, worked out once per column.
#[derive(Clone, Debug)]
struct Scalar {
    wants: Wants,
    codes: Option<HashMap<String, String>>,
}

impl Scalar {
    fn new(layout: &Layout, id: NodeId) -> Scalar {
        Scalar { wants: wants(layout, id), codes: code_map(layout, id) }
    }

    fn code_of(&self, s: &str) -> Option<String> {
        let t = s.trim();
        self.codes.as_ref()?.get(&t.to_lowercase()).cloned()
    }
}

/// How to read the cells of one column: its shape, and how to read its values.
#[derive(Clone, Debug)]
pub struct Field {
    shape: Shape,
    scalar: Scalar,
    items: Option<Scalar>,
}

impl Field {
    /// The reading of the field at `id`.
    #[must_use]
    pub fn new(layout: &Layout, id: NodeId) -> Field {
        let shape = layout.shape(id);
        let items = match shape {
            Shape::List(items) => Some(Scalar::new(layout, items)),
            _ => None,
        };
        Field { shape, scalar: Scalar::new(layout, id), items }
    }
}

/// How the codes of one list are written in a sheet: see [`labels_of`].
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CodeLabels<'a>(pub HashMap<&'a str, &'a str>);

impl CodeLabels<'_> {
    /// The text `code` is written as: its label, else the code itself.
    #[must_use]
    pub fn shown(&self, code: &str) -> String {
        self.0.get(code).map_or_else(|| code.to_owned(), |l| (*l).to_owned())
    }
}

/// The label each code of the list at `id` is written as in a sheet, in `lang`, by code; a code
/// without one is written as itself. A label that is another code's, or the same as another
/// code's label (in any case), would not read back, and is left out. One pass over the list:
/// each code's forms in lower case, counted by how many codes have them.
#[must_use]
pub fn labels_of(layout: &Layout, id: NodeId, lang: kommun_intl::Lang) -> CodeLabels<'_> {
    let Some(codes) = layout.compiled.codes(id) else { return CodeLabels::default() };
    let forms: Vec<Vec<String>> = codes
        .values
        .iter()
        .zip(&codes.labels)
        .map(|(code, labels)| {
            let mut forms = vec![code.to_lowercase()];
            if let Some(l) = labels {
                forms.extend([l.sv.to_lowercase(), l.en.to_lowercase()]);
            }
            forms.sort_unstable();
            forms.dedup();
            forms
        })
        .collect();
    let mut codes_with: HashMap<&str, usize> = HashMap::new();
    for form in forms.iter().flatten() {
        *codes_with.entry(form.as_str()).or_default() += 1;
    }
    let mut out = HashMap::new();
    for (code, labels) in codes.values.iter().zip(&codes.labels) {
        let Some(l) = labels else { continue };
        let label = match lang {
            kommun_intl::Lang::Sv => &l.sv,
            kommun_intl::Lang::En => &l.en,
        };
        // The code's own forms count once: any other count is another code's.
        if codes_with.get(label.to_lowercase().as_str()).copied().unwrap_or(0) < 2 {
            out.insert(&**code, &**label);
        }
    }
    CodeLabels(out)
}

/// The items of a list cell: separated by `;`, a `\;` being a `;` in an item.
#[must_use]
pub fn split_list(s: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ (';' | '\\')) => cur.push(n),
                Some(n) => {
                    cur.push('\\');
                    cur.push(n);
                }
                None => cur.push('\\'),
            },
            ';' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items.into_iter().map(|i| i.trim().to_owned()).filter(|i| !i.is_empty()).collect()
}

/// A list as one cell: the items joined by `; `, a `;` or `\` in an item escaped.
#[must_use]
pub fn join_list(items: &[String]) -> String {
    items.iter().map(|i| i.replace('\\', "\\\\").replace(';', "\\;")).collect::<Vec<_>>().join("; ")
}

/// Reads one cell of a field.
#[must_use]
pub fn cell_value(field: &Field, raw: &Raw) -> (Value, Option<Doubt>) {
    let items = field.items.as_ref().unwrap_or(&field.scalar);
    match field.shape {
        Shape::List(_) => {
            if let Raw::Text(s) = raw {
                if let Some(v) = json_text(s, true) {
                    return (v, None);
                }
                let mut doubt = None;
                let values = split_list(s)
                    .iter()
                    .map(|item| {
                        let (v, d) = scalar(items, &Raw::Text(item.clone()));
                        doubt = doubt.take().or(d);
                        v
                    })
                    .collect();
                return (Value::Array(values), doubt);
            }
            let (v, d) = scalar(items, raw);
            (Value::Array(vec![v]), d)
        }
        Shape::Object | Shape::Records(_) => match raw {
            Raw::Text(s) => match json_text(s, false) {
                Some(v) => (v, None),
                None => (Value::String(s.clone()), None),
            },
            other => scalar(&field.scalar, other),
        },
        Shape::Scalar => scalar(&field.scalar, raw),
    }
}

/// A cell that holds JSON (what an export writes for a value no column layout fits).
fn json_text(s: &str, array: bool) -> Option<Value> {
    let t = s.trim_start();
    let opens = if array { t.starts_with('[') } else { t.starts_with('{') || t.starts_with('[') };
    if !opens {
        return None;
    }
    serde_json::from_str(s).ok()
}

fn scalar(field: &Scalar, raw: &Raw) -> (Value, Option<Doubt>) {
    let wanted = field.wants;
    match raw {
        Raw::Text(s) => text(field, wanted, s),
        Raw::Int(i) => integer(wanted, *i),
        Raw::Float(f) => number(wanted, *f, &float_text(*f)),
        Raw::Bool(b) => {
            if wanted.boolean || !wanted.string {
                (Value::Bool(*b), None)
            } else {
                (Value::String(b.to_string()), None)
            }
        }
        Raw::Date(year, month, day, hour, min, sec) => {
            let text = if (*hour, *min, *sec) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{min:02}:{sec:02}")
            };
            (Value::String(text), None)
        }
        Raw::Error(_) => (Value::Null, None),
    }
}

/// A float as the shortest text that reads back as it (`2004`, not `2004.0`).
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.0}") } else { format!("{f}") }
}

fn number(w: Wants, f: f64, text: &str) -> (Value, Option<Doubt>) {
    if w.date {
        // A whole number where a date goes is a year, when it can be one; any other number
        // could be a day counted by Excel from 1900 whose date format was lost: not certain.
        if f.fract() == 0.0 && (1000.0..=2999.0).contains(&f) {
            return (Value::String(float_text(f)), None);
        }
        return (Value::String(text.to_owned()), Some(Doubt::Date(text.to_owned())));
    }
    // A whole number is written as an integer, which JSON Schema's `integer` wants.
    if w.integer && f.fract() == 0.0 && f.abs() < 9.0e15 {
        // Below 2^53 in magnitude with no fraction: the cast is exact.
        #[allow(clippy::cast_possible_truncation)]
        return (Value::from(f as i64), None);
    }
    if w.number
        && let Some(n) = Number::from_f64(f)
    {
        return (Value::Number(n), None);
    }
    (Value::String(float_text(f)), None)
}

/// A whole number from a cell, for the field's type.
fn integer(w: Wants, i: i64) -> (Value, Option<Doubt>) {
    if w.integer && !w.date {
        return (Value::from(i), None);
    }
    // Cells hold whole numbers far below 2^53: the cast is exact for every one they can.
    #[allow(clippy::cast_precision_loss)]
    number(w, i as f64, &i.to_string())
}

fn text(field: &Scalar, w: Wants, s: &str) -> (Value, Option<Doubt>) {
    if let Some(code) = field.code_of(s) {
        return (Value::String(code), None);
    }
    if w.decimal {
        return match swedish_number(s) {
            Ok(Some(n)) => (Value::String(n), None),
            Ok(None) => (Value::String(s.to_owned()), None),
            Err(Uncertain) => (Value::String(s.to_owned()), Some(Doubt::Number(s.to_owned()))),
        };
    }
    if w.date {
        return match partial_date(s) {
            Ok(d) => (Value::String(d), None),
            Err(Uncertain) => (Value::String(s.to_owned()), Some(Doubt::Date(s.to_owned()))),
        };
    }
    if w.boolean
        && let Some(b) = boolean(s)
    {
        return (Value::Bool(b), None);
    }
    if (w.integer || w.number) && !w.string {
        return match swedish_number(s) {
            Ok(Some(n)) => match n.parse::<i64>() {
                Ok(i) if w.integer => (Value::from(i), None),
                _ => match n.parse::<f64>().ok().and_then(Number::from_f64) {
                    Some(f) if w.number => (Value::Number(f), None),
                    _ => (Value::String(s.to_owned()), None),
                },
            },
            Ok(None) => (Value::String(s.to_owned()), None),
            Err(Uncertain) => (Value::String(s.to_owned()), Some(Doubt::Number(s.to_owned()))),
        };
    }
    (Value::String(s.to_owned()), None)
}

fn boolean(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "ja" | "yes" | "true" | "sant" | "x" | "1" => Some(true),
        "nej" | "no" | "false" | "falskt" | "0" => Some(false),
        _ => None,
    }
}

/// A number written the Swedish way (or plainly) as an exact decimal string: `1 800 000` and
/// `1 800 000,50` (spaces, no-break spaces, or a `.` or `,` between groups of three as
/// thousands separators), `1,5` (a decimal comma), `1250.50`. `Ok(None)` when it is not a
/// number; `Err` when it is one whose meaning is not certain (`1.234`, `1,234`).
pub fn swedish_number(s: &str) -> Result<Option<String>, Uncertain> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-').or_else(|| t.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '.' | ','))
    {
        return Ok(None);
    }
    if !t.starts_with(|c: char| c.is_ascii_digit()) || !t.ends_with(|c: char| c.is_ascii_digit()) {
        return Ok(None);
    }
    let spaced = t.contains([' ', '\u{a0}', '\u{202f}']);
    let dots = t.matches('.').count();
    let commas = t.matches(',').count();
    let groups_of_three = |int: &str, sep: &[char]| {
        int.split(sep).skip(1).all(|g| g.len() == 3)
            && int.split(sep).next().is_some_and(|g| !g.is_empty() && g.len() <= 3)
    };
    let (int, frac): (String, Option<&str>) = if spaced {
        // Spaces group thousands; a comma (or a point) is the decimal separator.
        if dots + commas > 1 {
            return Ok(None);
        }
        let (int, frac) = match t.split_once([',', '.']) {
            Some((i, f)) => (i, Some(f)),
            None => (t, None),
        };
        if !groups_of_three(int, &[' ', '\u{a0}', '\u{202f}']) {
            return Ok(None);
        }
        (int.chars().filter(char::is_ascii_digit).collect(), frac)
    } else if dots > 0 && commas > 0 {
        // `1.234,5` or `1,234.5`: the last separator is the decimal one.
        let (dec, thou) = if t.rfind(',') > t.rfind('.') { (',', '.') } else { ('.', ',') };
        let (int, frac) = t.rsplit_once(dec).unwrap_or((t, ""));
        if int.contains(dec) || !groups_of_three(int, &[thou]) {
            return Ok(None);
        }
        (int.replace(thou, ""), Some(frac))
    } else if dots + commas > 1 {
        // `1.234.567`: thousands only.
        let sep = if dots > 0 { '.' } else { ',' };
        if !groups_of_three(t, &[sep]) {
            return Ok(None);
        }
        (t.replace(sep, ""), None)
    } else if dots + commas == 1 {
        let (int, frac) = t.split_once([',', '.']).unwrap_or((t, ""));
        // One separator with three digits after it: thousands or decimals, nobody can tell.
        if frac.len() == 3 && int.len() <= 3 && int != "0" {
            return Err(Uncertain);
        }
        (int.to_owned(), Some(frac))
    } else {
        (t.to_owned(), None)
    };
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push_str(int);
    if let Some(f) = frac.filter(|f| !f.is_empty()) {
        out.push('.');
        out.push_str(f);
    }
    Ok(Some(out))
}

/// A date known in part, as people type it: `2004`, `2004-05`, `2004-05-17` as they are;
/// `2004-5-7`, `2004/05/07`, `2004.05.07`; `17/5/2004`, `17.5.2004` (day first when the day is
/// over 12; when both parts could be the month it is not certain); `194X`.
// y, m, d: a date's parts, as dates are written.
#[allow(clippy::many_single_char_names)]
pub fn partial_date(s: &str) -> Result<String, Uncertain> {
    let t = s.trim();
    if t.len() == 4
        && t[..3].bytes().all(|b| b.is_ascii_digit())
        && (t.as_bytes()[3].is_ascii_digit() || t.ends_with('X'))
    {
        return Ok(t.to_owned());
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(Uncertain);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| Uncertain);
    let (y, m, d) = match parts.as_slice() {
        [y, m] if y.len() == 4 => (num(y)?, num(m)?, None),
        [y, m, d] if y.len() == 4 => (num(y)?, num(m)?, Some(num(d)?)),
        [a, b, y] if y.len() == 4 => {
            let (a, b) = (num(a)?, num(b)?);
            match (a > 12, b > 12) {
                (true, false) => (num(y)?, b, Some(a)),
                (false, true) => (num(y)?, a, Some(b)),
                _ if a == b => (num(y)?, a, Some(a)),
                _ => return Err(Uncertain),
            }
        }
        _ => return Err(Uncertain),
    };
    if !(1..=12).contains(&m) {
        return Err(Uncertain);
    }
    match d {
        Some(d) => {
            let year = i32::try_from(y).map_err(|_| Uncertain)?;
            chrono::NaiveDate::from_ymd_opt(year, m, d).ok_or(Uncertain)?;
            Ok(format!("{y:04}-{m:02}-{d:02}"))
        }
        None => Ok(format!("{y:04}-{m:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code list of the register's schema, in both languages: the labels are those the
    /// rule gives when each label is compared with every other code and label.
    #[test]
    fn labels_of_is_the_pairwise_rule() {
        let layout = Layout::get();
        let mut lists = 0;
        for id in 0..u32::try_from(layout.compiled.len()).unwrap() {
            let Some(codes) = layout.compiled.codes(id) else { continue };
            lists += 1;
            for lang in [kommun_intl::Lang::Sv, kommun_intl::Lang::En] {
                let mut pairwise = HashMap::new();
                for (i, (code, labels)) in codes.values.iter().zip(&codes.labels).enumerate() {
                    let Some(l) = labels else { continue };
                    let label = if lang == kommun_intl::Lang::Sv { &l.sv } else { &l.en };
                    let same = |s: &str| s.to_lowercase() == label.to_lowercase();
                    let clash =
                        codes.values.iter().zip(&codes.labels).enumerate().any(|(j, (c, o))| {
                            j != i
                                && (same(c)
                                    || o.as_ref().is_some_and(|o| same(&o.sv) || same(&o.en)))
                        });
                    if !clash {
                        pairwise.insert(&**code, &**label);
                    }
                }
                assert_eq!(labels_of(layout, id, lang).0, pairwise, "node {id}");
            }
        }
        assert!(lists > 10, "{lists} code lists");
    }

    #[test]
    fn swedish_numbers_are_read_when_certain() {
        let ok = |s: &str| swedish_number(s).unwrap().unwrap();
        assert_eq!(ok("1 800 000"), "1800000");
        assert_eq!(ok("1\u{a0}800\u{a0}000,50"), "1800000.50");
        assert_eq!(ok("1,5"), "1.5");
        assert_eq!(ok("1250.50"), "1250.50");
        assert_eq!(ok("1.800.000"), "1800000");
        assert_eq!(ok("1.800.000,5"), "1800000.5");
        assert_eq!(ok("98"), "98");
        assert_eq!(ok("0,125"), "0.125");
        assert_eq!(swedish_number("1.234"), Err(Uncertain));
        assert_eq!(swedish_number("1,234"), Err(Uncertain));
        assert_eq!(swedish_number("1,8 miljoner"), Ok(None));
        assert_eq!(swedish_number("12 34"), Ok(None));
    }

    #[test]
    fn dates_are_read_when_certain() {
        assert_eq!(partial_date("2004").unwrap(), "2004");
        assert_eq!(partial_date("194X").unwrap(), "194X");
        assert_eq!(partial_date("2004-5").unwrap(), "2004-05");
        assert_eq!(partial_date("2004/05/17").unwrap(), "2004-05-17");
        assert_eq!(partial_date("17.5.2004").unwrap(), "2004-05-17");
        assert_eq!(partial_date("5/17/2004").unwrap(), "2004-05-17");
        assert_eq!(partial_date("4.4.2004").unwrap(), "2004-04-04");
        assert!(partial_date("3/4/2004").is_err());
        assert!(partial_date("2004-02-30").is_err());
        assert!(partial_date("våren 2004").is_err());
    }

    #[test]
    fn lists_split_on_semicolons_with_escapes() {
        assert_eq!(split_list("a; b ;;c"), ["a", "b", "c"]);
        let items = vec!["x;y".to_owned(), "z\\".to_owned()];
        assert_eq!(split_list(&join_list(&items)), items);
    }
}
