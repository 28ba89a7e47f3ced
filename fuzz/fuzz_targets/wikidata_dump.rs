//! The Wikidata dump excerpt reader (`kommun_intl_publish::wikidata::compare`) on arbitrary
//! bytes, against a small register with one partner item (synthetic item ids, as in
//! crates/kommun-intl-publish/tests/data/README.md).
//!
//! Input: the dump's bytes. Checks: no panic; an excerpt that reads gives only statements
//! about the register's items, and every item it lists is a Q-id.
#![no_main]

use kommun_intl::model::WikidataId;
use kommun_intl_publish::{Register, wikidata};
use libfuzzer_sys::fuzz_target;

const REGISTER: &str = r#"{
  "municipality": { "id": "umea", "name": { "sv": "Umeå kommun" }, "municipality_code": "2480" },
  "partnerships": [
    { "id": "harstad", "partner": { "name": { "sv": "Harstad" }, "country": "NO", "wikidata": "Q1000002" }, "agreement_type": "twinning", "status": "active" }
  ]
}"#;

fuzz_target!(|data: &[u8]| {
    let owned = Register::from_json(REGISTER.as_bytes()).expect("the fixed register is valid");
    let own = WikidataId::new("Q1000001");
    let Ok(c) = wikidata::compare(owned.register(), &own, data) else { return };
    for line in c.missing_on_wikidata.text.lines() {
        assert!(
            line.starts_with("Q1000001\tP190\tQ1000002")
                || line.starts_with("Q1000002\tP190\tQ1000001"),
            "{line}"
        );
    }
    for q in c.not_in_register.iter().chain(&c.not_in_excerpt) {
        assert!(q.starts_with('Q'), "{q}");
    }
});
