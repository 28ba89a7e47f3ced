//! The Open311 POST Service Request response reader (`kommun_intl_open311::read_post_responses`,
//! JSON or XML as the text tells) on arbitrary bytes.
//!
//! Input: the body. Checks: every report's invariants; no account id in an issue; a response
//! reads back from its own JSON as the same response, and from its own XML with its ids as
//! texts.
#![no_main]

use kommun_intl::Options;
use kommun_intl_fuzz::check_report;
use kommun_intl_open311::{Format, Id, PostResponse, read_post_responses, write_post_responses};
use libfuzzer_sys::fuzz_target;

fn as_text(id: Option<&Id>) -> Option<Id> {
    id.map(|i| Id::Text(i.to_string()))
}

fuzz_target!(|data: &[u8]| {
    let responses = match read_post_responses(data, &Options::default()) {
        Ok(r) => r,
        Err(report) => {
            check_report(&report);
            assert!(!report.is_valid(), "refused without an error: {report:?}");
            return;
        }
    };
    for read in responses {
        check_report(&read.report);
        if let Some(account) = read.response.account_id.as_ref().map(Id::to_string)
            && account.len() > 3
        {
            for issue in &read.report.issues {
                let shown = format!(
                    "{} {:?} {}",
                    issue.message(kommun_intl::Lang::En),
                    issue.params,
                    issue.pointer
                );
                assert!(!shown.contains(&account), "the account in {issue:?}");
            }
        }
        if !read.report.is_valid() {
            continue;
        }
        let one = std::slice::from_ref(&read.response);
        let json = write_post_responses(one, Format::Json);
        let again = read_post_responses(json.as_bytes(), &Options::default()).expect("our JSON");
        assert_eq!(again[0].response, read.response, "{json}");
        let xml = write_post_responses(one, Format::Xml);
        let again = read_post_responses(xml.as_bytes(), &Options::default()).expect("our XML");
        let r = &read.response;
        let texts = PostResponse {
            service_request_id: as_text(r.service_request_id.as_ref()),
            token: as_text(r.token.as_ref()),
            account_id: as_text(r.account_id.as_ref()),
            service_notice: r.service_notice.clone(),
        };
        assert_eq!(again[0].response, texts, "{xml}");
    }
});
