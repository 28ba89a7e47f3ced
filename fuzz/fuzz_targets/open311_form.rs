//! The Open311 POST form reader (`kommun_intl_open311::read_requests_as`, form) on arbitrary
//! bytes.
//!
//! Input: the form body. Checks: every report's invariants; every position inside the text;
//! no personal value of the converted request in its issues; the POST form written from the
//! fault report reads back to a fault report whose form is the same.
#![no_main]

use kommun_intl::Options;
use kommun_intl_open311::{Format, read_requests_as, write_form};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kommun_intl_fuzz::check_open311(data, Format::Form, |report| {
        let form = write_form(report);
        let again = read_requests_as(form.as_bytes(), Format::Form, &Options::default())
            .expect("our own form reads");
        let again = again[0].fault_report().expect("our own form is a fault report");
        assert_eq!(write_form(&again), form);
    });
});
