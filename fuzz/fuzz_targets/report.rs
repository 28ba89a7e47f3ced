//! What people and programs see of any input: the CLI's report path (`kommun_intl_cli::render`)
//! in every format (human with its snippets and masking, json, github, sarif), quiet or not, in
//! both languages, with the kind told by the caller or by the document.
//!
//! Input: one selector byte, then the rest. With the selector's top bit clear the rest is the
//! document as it is, and the checks are termination and no panic. With it set, the rest is a
//! recipe for a feedback or fault report that holds a canary only where personal data may be:
//! in a personal field (as a string, a number, inside an object or an array, as a key inside
//! one), in a member the schema does not know (its value, or its key), and then the text is
//! broken at a place the recipe chooses (cut off, a quote dropped, a byte changed). No output
//! may show the canary.
#![no_main]

use kommun_intl::personal::Trust;
use kommun_intl::{DocumentKind, Lang, Options};
use kommun_intl_cli::{Format, render};
use libfuzzer_sys::fuzz_target;

const CANARY: &str = "Kanariesson";

/// Picks from `choices` with the next byte of the recipe.
fn pick<'a, T>(recipe: &mut impl Iterator<Item = u8>, choices: &'a [T]) -> &'a T {
    &choices[usize::from(recipe.next().unwrap_or(0)) % choices.len()]
}

/// A value that holds the canary somewhere.
fn canary_value(recipe: &mut impl Iterator<Item = u8>) -> String {
    pick(
        recipe,
        &[
            format!("\"{CANARY}\""),
            format!("\" {CANARY} 0510-77 00 00 \""),
            "46701234567".to_owned(),
            format!("[\"{CANARY}\", 1]"),
            format!("{{\"{CANARY}\": \"{CANARY}\"}}"),
            format!("{{\"text\": {{\"{CANARY} Berg\": [\"{CANARY}\"]}}}}"),
            format!("\"{CANARY}\\\"s\\u00e5 \\n\""),
        ],
    )
    .clone()
}

/// A value that does not hold the canary.
fn plain_value(recipe: &mut impl Iterator<Item = u8>) -> String {
    pick(
        recipe,
        &[
            "\"praise\"",
            "\"web\"",
            "\"2026-11-28T09:30:00+01:00\"",
            "58.5",
            "null",
            "true",
            "\"beröm\"",
            "{}",
            "[]",
        ],
    )
    .to_string()
}

fn canary_document(recipe: &[u8]) -> (DocumentKind, Vec<u8>) {
    let mut r = recipe.iter().copied();
    let kind = *pick(&mut r, &[DocumentKind::Feedback, DocumentKind::FaultReport]);
    let mut members: Vec<String> = Vec::new();
    let count = usize::from(r.next().unwrap_or(4) % 9) + 1;
    for _ in 0..count {
        let member = match r.next().unwrap_or(0) % 8 {
            0 => format!("\"description\": {}", canary_value(&mut r)),
            1 => format!("\"contact\": {{\"name\": {}}}", canary_value(&mut r)),
            2 => format!(
                "\"contact\": {{\"email\": {}, \"phone\": {}}}",
                canary_value(&mut r),
                canary_value(&mut r)
            ),
            3 => format!("\"contact\": {}", canary_value(&mut r)),
            4 => format!("\"{CANARY}\": {}", plain_value(&mut r)),
            5 => format!("\"kontakt\": {}", canary_value(&mut r)),
            6 => format!(
                "\"{}\": {}",
                pick(
                    &mut r,
                    &["category", "channel", "service_code", "submitted_at", "lat", "id", "status"]
                ),
                plain_value(&mut r)
            ),
            _ => format!(
                "\"$schema\": \"{}\"",
                pick(
                    &mut r,
                    &[
                        "feedback.schema.json",
                        "fault-report.schema.json",
                        "partnership.schema.json",
                        "dataset.schema.json"
                    ]
                )
            ),
        };
        members.push(member);
    }
    let mut text = format!("{{{}}}", members.join(", ")).into_bytes();
    if r.next().unwrap_or(0) % 2 == 0 {
        text = format!("[{}]", String::from_utf8_lossy(&text)).into_bytes();
    }
    let at = usize::from(r.next().unwrap_or(0)) * text.len() / 256;
    match r.next().unwrap_or(0) % 5 {
        0 => text.truncate(at),
        1 => {
            if let Some(q) = text[at..].iter().position(|&b| b == b'"') {
                text.remove(at + q);
            }
        }
        2 if at < text.len() => text[at] = r.next().unwrap_or(b'}'),
        3 => text.splice(at..at, [b'\n']).for_each(drop),
        _ => {}
    }
    (kind, text)
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let canaries = selector & 0x80 != 0;
    let (kind, text) = if canaries {
        canary_document(rest)
    } else {
        (DocumentKind::ALL[usize::from(selector & 0x07) % DocumentKind::ALL.len()], rest.to_vec())
    };
    let trust = if selector & 0x08 != 0 { Trust::Told } else { Trust::FromDocument };
    let options = Options {
        kind_from_document: trust == Trust::FromDocument,
        max_issues: if selector & 0x40 != 0 { 3 } else { 1000 },
        ..Options::default()
    };
    let report = kind.validate_json(&text, &options);
    for format in [
        Format::Human,
        Format::Json,
        Format::Jsonl,
        Format::Github,
        Format::Sarif,
        Format::Junit,
        Format::Gitlab,
    ] {
        for quiet in [false, true] {
            let lang = if selector & 0x10 != 0 { Lang::Sv } else { Lang::En };
            let colour = selector & 0x20 != 0;
            let out = render(format, lang, quiet, colour, (Some(kind), trust), &text, &report);
            if canaries {
                let shown = String::from_utf8_lossy(&out);
                assert!(
                    !shown.contains(CANARY),
                    "{format:?} quiet={quiet} shows the canary:\n{shown}"
                );
                assert!(!shown.contains("46701234567"), "{format:?} shows the number:\n{shown}");
            }
            let _ = String::from_utf8(out).expect("the output is UTF-8");
        }
    }
});
