//! Every document kind's parse-and-validate (`check_json`) on arbitrary bytes.
//!
//! Input: one selector byte (the kind and the options, see `kommun_intl_fuzz::setup`), then the
//! document. Checks, beyond "no panic": an invalid report has an issue; every issue has a
//! position inside the text and renders in both languages; no personal value reaches the
//! output; a value that fits the model re-serialises to a document with the same rule issues
//! and no structural one, by text and as a parsed value; the explaining path's spanned tree
//! gives the same report as the `serde_json::Value` it replaced (`validate_json_by_value`); the
//! fast path's typed parse takes what `serde_json::from_slice` takes, into the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, text)) = data.split_first() else { return };
    let (kind, options) = kommun_intl_fuzz::setup(selector);
    kommun_intl_fuzz::check_kind(kind, text, &options);
});
