//! Requests and service lists of public Open311 implementations, as found.

use std::path::PathBuf;

use kommun_intl::Options;
use kommun_intl_open311::{profile_from_services, read_requests};

fn data(path: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(path);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn explore() {
    for (list, defs) in [
        (
            "codeforamerica--open311/services.xml",
            vec!["codeforamerica--open311/service_definition.xml"],
        ),
        ("bensheldon--open311status/service_list.json", vec![]),
        ("City-of-Helsinki--issues-example/services_sv.json", vec![]),
        ("City-of-Helsinki--issues-example/services_sv.xml", vec![]),
        ("mysociety--open311-adapter/services.xml", vec!["mysociety--open311-adapter/service.xml"]),
        ("oiva--node-open311/dc-services-S0301.xml", vec![]),
    ] {
        let defs: Vec<Vec<u8>> = defs.iter().map(|d| data(d)).collect();
        let refs: Vec<&[u8]> = defs.iter().map(Vec::as_slice).collect();
        match profile_from_services(&data(list), &refs, &Options::default()) {
            Ok(l) => println!(
                "{list}: {} services {:?}",
                l.profile.services.len(),
                l.report
                    .issues
                    .iter()
                    .map(|i| (i.code(), i.pointer.clone(), i.line))
                    .collect::<Vec<_>>()
            ),
            Err(r) => println!(
                "{list}: ERR {:?}",
                r.issues.iter().map(|i| (i.code(), i.pointer.clone(), i.line)).collect::<Vec<_>>()
            ),
        }
    }
    for f in [
        "codeforamerica--open311/service_requests.xml",
        "codeforamerica--open311/get_service_request.xml",
        "codeforamerica--open311/post_service_request.xml",
        "bensheldon--open311status/service_requests.json",
        "bensheldon--open311status/bloomington_requests.json",
        "oiva--node-open311/service-requests.xml",
        "oiva--node-open311/service-request.xml",
    ] {
        match read_requests(&data(f), &Options::default()) {
            Ok(rs) => {
                for (i, r) in rs.iter().enumerate() {
                    println!(
                        "{f}[{i}]: {:?}",
                        r.report
                            .issues
                            .iter()
                            .map(|i| (i.code(), i.pointer.clone(), i.line))
                            .collect::<Vec<_>>()
                    );
                }
            }
            Err(r) => println!(
                "{f}: ERR {:?}",
                r.issues.iter().map(|i| (i.code(), i.pointer.clone(), i.line)).collect::<Vec<_>>()
            ),
        }
    }
}
