//! `validate_value` on arbitrary JSON.
//!
//! Input: one selector byte (the kind and the options), then JSON text; input that is not JSON
//! is skipped. Checks: every report's invariants, no positions (there is no text), no personal
//! value in the output, and the same issues as validating the value's JSON text (unless a limit
//! of one of the two paths speaks).
#![no_main]

use kommun_intl_fuzz::{check_no_personal_data, check_report, codes, is_text_level};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else { return };
    let (kind, options) = kommun_intl_fuzz::setup(selector);
    let Ok(value) = serde_json::from_slice::<Value>(text) else { return };
    let report = kommun_intl::validate_value(kind, &value, &options);
    check_report(&report);
    assert!(
        report.issues.iter().all(|i| i.line.is_none() && i.column.is_none()),
        "a position without text: {report:?}"
    );
    check_no_personal_data(kind, &value, &report);

    let text = serde_json::to_vec(&value).expect("a value serialises");
    let by_text = kind.validate_json(&text, &options);
    let limited = report.issues.iter().chain(&by_text.issues).any(is_text_level);
    if !limited && report.truncated_count == 0 && by_text.truncated_count == 0 {
        assert_eq!(codes(&report), codes(&by_text), "validate_value disagrees with validate_json");
    }
});
