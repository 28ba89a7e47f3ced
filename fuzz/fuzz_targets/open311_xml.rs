//! The Open311 XML reader (`kommun_intl_open311::read_requests_as`, XML) on arbitrary bytes.
//!
//! Input: the document. Checks: every report's invariants; every position inside the text; no
//! personal value of a converted request in its issues; a request that converts to a fault
//! report reads back from its own XML as the same fault report.
#![no_main]

use kommun_intl::{DocumentKind, Options};
use kommun_intl_fuzz::{check_no_personal_data, check_report};
use kommun_intl_open311::{Format, read_requests_as, write_requests};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kommun_intl_fuzz::check_open311(data, Format::Xml, |report| {
        let xml = write_requests(std::slice::from_ref(report), Format::Xml);
        let again = read_requests_as(xml.as_bytes(), Format::Xml, &Options::default())
            .expect("our own XML reads");
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].fault_report().as_ref(), Some(report), "{xml}");
        check_report(&again[0].report);
        check_no_personal_data(DocumentKind::FaultReport, &again[0].value, &again[0].report);
    });
});
