//! Dates, numbers and amounts as a reader of each language writes them.

use chrono::Datelike;
use kommun_intl::Lang;
use kommun_intl::model::common::{Money, PartialDate};

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date known in part, in words: `2004`, `maj 2004` / `May 2004`, `17 maj 2004`,
/// `1940-talet` / `the 1940s`.
pub(crate) fn date(d: &PartialDate, lang: Lang) -> String {
    let s = d.as_str();
    if let Some(decade) = s.strip_suffix('X') {
        return match lang {
            Lang::Sv => format!("{decade}0-talet"),
            Lang::En => format!("the {decade}0s"),
        };
    }
    let mut parts = s.split('-');
    let year = parts.next().unwrap_or_default();
    let month = parts.next().and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    let months = if lang == Lang::Sv { &MONTHS_SV } else { &MONTHS_EN };
    match (month, day) {
        (Some(m), Some(d)) => format!("{d} {} {year}", months[m - 1]),
        (Some(m), None) => format!("{} {year}", months[m - 1]),
        _ => year.to_owned(),
    }
}

/// The first year a date may mean (`194X`: 1940).
pub(crate) fn first_year(d: &PartialDate) -> Option<i32> {
    d.range().map(|(first, _)| first.year())
}

/// The last year a date may mean (`194X`: 1949).
pub(crate) fn last_year(d: &PartialDate) -> Option<i32> {
    d.range().map(|(_, last)| last.year())
}

/// A non-negative decimal written with the reader's separators: `1 800 000` and `1 250,50`
/// in Swedish (no-break spaces), `1,800,000` and `1,250.50` in English.
pub(crate) fn number(s: &str, lang: Lang) -> String {
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let (group, point) = if lang == Lang::Sv { ('\u{a0}', ',') } else { (',', '.') };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// An amount in a currency: `1 800 000 kr` or `2 000 EUR` in Swedish, `SEK 1,800,000` in
/// English.
fn amount(value: &str, currency: &str, approximate: bool, lang: Lang) -> String {
    let n = number(value, lang);
    let exact = match (lang, currency) {
        (Lang::Sv, "SEK") => format!("{n}\u{a0}kr"),
        (Lang::Sv, c) => format!("{n}\u{a0}{c}"),
        (Lang::En, c) => format!("{c}\u{a0}{n}"),
    };
    if approximate { format!("{} {exact}", crate::text::get("approximately", lang)) } else { exact }
}

/// Money as the source states it, with the other currencies it gives in brackets.
pub(crate) fn money(m: &Money, lang: Lang) -> String {
    let mut out = amount(m.amount.as_str(), m.currency.code(), m.approximate, lang);
    if let Some(also) = &m.also {
        let others: Vec<String> = also
            .iter()
            .map(|o| amount(o.amount.as_str(), o.currency.code(), o.approximate, lang))
            .collect();
        out = format!("{out} ({})", others.join(", "));
    }
    out
}

/// A value of a figure: a count, or an amount of a currency.
pub(crate) fn figure(value: &str, currency: Option<&str>, approximate: bool, lang: Lang) -> String {
    match currency {
        Some(c) => amount(value, c, approximate, lang),
        None if approximate => {
            format!("{} {}", crate::text::get("approximately", lang), number(value, lang))
        }
        None => number(value, lang),
    }
}

/// Joins words as a sentence lists them: `a, b och c` / `a, b and c` (an English label that
/// starts with "The" takes a small letter inside the sentence: "The municipality and the
/// partner municipality").
pub(crate) fn list(items: &[String], lang: Lang) -> String {
    let and = if lang == Lang::Sv { "och" } else { "and" };
    let items: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, s)| match s.strip_prefix("The ") {
            Some(rest) if i > 0 && lang == Lang::En => format!("the {rest}"),
            _ => s.clone(),
        })
        .collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words() {
        let d = |s: &str, lang| date(&PartialDate::from(s), lang);
        assert_eq!(d("2004", Lang::Sv), "2004");
        assert_eq!(d("2004-05", Lang::Sv), "maj 2004");
        assert_eq!(d("2004-05-07", Lang::En), "7 May 2004");
        assert_eq!(d("194X", Lang::Sv), "1940-talet");
        assert_eq!(d("194X", Lang::En), "the 1940s");
        assert_eq!(first_year(&PartialDate::from("194X")), Some(1940));
        assert_eq!(last_year(&PartialDate::from("194X")), Some(1949));
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(number("1800000", Lang::Sv), "1\u{a0}800\u{a0}000");
        assert_eq!(number("1800000", Lang::En), "1,800,000");
        assert_eq!(number("1250.50", Lang::Sv), "1\u{a0}250,50");
        assert_eq!(number("98", Lang::En), "98");
        assert_eq!(number("100", Lang::En), "100");
        assert_eq!(
            figure("1800000", Some("SEK"), true, Lang::Sv),
            "cirka 1\u{a0}800\u{a0}000\u{a0}kr"
        );
        assert_eq!(figure("1800000", Some("SEK"), true, Lang::En), "about SEK\u{a0}1,800,000");
        assert_eq!(list(&["a".into(), "b".into(), "c".into()], Lang::Sv), "a, b och c");
        let funders = ["The municipality".into(), "The partner municipality".into()];
        assert_eq!(list(&funders, Lang::En), "The municipality and the partner municipality");
    }
}
