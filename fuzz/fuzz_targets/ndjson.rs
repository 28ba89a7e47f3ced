//! The NDJSON reader (`kommun_intl::ndjson::validate`) on arbitrary bytes.
//!
//! Input: one selector byte (the kind and the options), then the NDJSON text. Checks: one report
//! per non-blank line, in order, numbered as the file's lines; every issue sits on its own line
//! of the file, at a column inside that line; each report says what validating its line alone
//! says; every report's invariants (see `kommun_intl_fuzz::check_report`).
#![no_main]

use kommun_intl_fuzz::{Lines, check_report, codes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else { return };
    let (kind, options) = kommun_intl_fuzz::setup(selector);
    let reports = kommun_intl::ndjson::validate(kind, text, &options);

    let lines: Vec<&[u8]> =
        text.split(|&b| b == b'\n').map(|l| l.strip_suffix(b"\r").unwrap_or(l)).collect();
    let blank = |l: &[u8]| l.iter().all(u8::is_ascii_whitespace);
    assert_eq!(reports.len(), lines.iter().filter(|l| !blank(l)).count());
    let mut previous = 0;
    for (n, report) in &reports {
        assert!(*n > previous, "line numbers out of order: {n} after {previous}");
        previous = *n;
        let line = lines[n - 1];
        assert!(!blank(line), "a report for blank line {n}");
        check_report(report);
        let alone = kind.validate_json(line, &options);
        assert_eq!(codes(report), codes(&alone), "line {n} differs from the same line alone");
        let own = Lines::new(line);
        for issue in &report.issues {
            let expected = u32::try_from(*n).ok();
            assert_eq!(issue.line, expected, "an issue of line {n} elsewhere: {issue:?}");
            let mut on_its_own = issue.clone();
            on_its_own.line = Some(1);
            own.check(&on_its_own, true);
        }
    }
});
