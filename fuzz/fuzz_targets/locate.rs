//! The line/column locator, through `validate_json` on arbitrary text, for every kind.
//!
//! Checks: every issue has a position inside the text; in well-formed JSON, an issue about a
//! value points at the first character of that value (or of its member's key); and layout does
//! not matter: the same JSON pretty-printed or compact gets the same issues. The public span
//! locator (`kommun_intl::locate::spans`) agrees with the issues' positions, and the personal
//! data spans the CLI masks in its snippets are sound (see `check_personal_spans`).
#![no_main]

use kommun_intl::locate;
use kommun_intl::{DocumentKind, Options};
use kommun_intl_fuzz::{
    Lines, check_personal_spans, check_positions, check_report, codes, is_text_level,
};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|text: &[u8]| {
    let options = Options::default();
    let parsed = serde_json::from_slice::<Value>(text).ok();
    let lines = Lines::new(text);
    for kind in DocumentKind::ALL {
        let report = kind.validate_json(text, &options);
        check_report(&report);
        check_positions(&report, text);
        check_personal_spans(kind, text, parsed.as_ref());
        let Some(value) = &parsed else { continue };
        for issue in report.issues.iter().filter(|i| !is_text_level(i)) {
            let (Some(line), Some(column)) = (issue.line, issue.column) else { continue };
            let c = lines.char_at(line, column);
            assert!(
                matches!(c, Some('"' | '{' | '[' | '-' | '0'..='9' | 't' | 'f' | 'n')),
                "{issue:?} points at {c:?}, not at the start of a value or key"
            );
            if let Some(span) = &locate::spans(text, &[issue.pointer.as_str()])[0] {
                let key = span.key.as_ref().filter(|_| issue.code == "structure.unknown_field");
                let at = key.map_or(span.value.start, |k| k.start);
                assert_eq!(
                    locate::line_column(text, at),
                    (line, column),
                    "locate::spans disagrees with {issue:?}"
                );
            }
        }
        if report.issues.iter().any(is_text_level) {
            continue;
        }
        let pretty = serde_json::to_vec_pretty(value).expect("a value serialises");
        let compact = serde_json::to_vec(value).expect("a value serialises");
        for other in [pretty, compact] {
            let again = kind.validate_json(&other, &options);
            check_positions(&again, &other);
            if !again.issues.iter().any(is_text_level) {
                assert_eq!(codes(&again), codes(&report), "the layout changed the issues");
            }
        }
    }
});
