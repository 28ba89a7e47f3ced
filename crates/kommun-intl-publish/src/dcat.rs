//! A DCAT-AP-SE description (JSON-LD) of the register's CSV files, for Sweden's data portal:
//! a `dcat:Catalog` holding one `dcat:Dataset`, with its publisher (`foaf:Agent`, a local
//! authority), its contact point (`vcard:Organization`) and one `dcat:Distribution` per CSV
//! file ([`crate::csv`]).
//!
//! The properties follow DCAT-AP-SE 2.2.0 (DIGG, `docs.dataportal.se/dcat`): every mandatory
//! property of each class is given, and the values of its controlled lists (licence, format,
//! access rights, publisher type) are taken from the specification's own lists. The test
//! `tests/dcat.rs` checks the output against the specification's machine-readable form.

use serde_json::{Value, json};

use crate::csv::Table;
use crate::{Error, Register};

/// Creative Commons Zero, the licence the specification lists first for open data.
pub const CC0: &str = "http://creativecommons.org/publicdomain/zero/1.0/";

/// Where the files will be published, and under what licence.
#[derive(Clone, Debug)]
pub struct DcatOptions {
    /// The address the CSV files and this description are published under, ending in `/`
    /// (`https://lidkoping.se/oppna-data/internationellt/`).
    pub base_url: String,
    /// The licence's IRI (one of DCAT-AP-SE's Creative Commons licences); [`CC0`] by default.
    pub license: String,
    /// When the data set was last modified (ISO 8601 date), if the publisher says.
    pub modified: Option<String>,
}

impl DcatOptions {
    /// Files under `base_url`, licensed CC0.
    #[must_use]
    pub fn new(base_url: &str) -> DcatOptions {
        DcatOptions { base_url: base_url.to_owned(), license: CC0.to_owned(), modified: None }
    }
}

fn lit(text: &str, lang: &str) -> Value {
    json!({ "@value": text, "@language": lang })
}

fn both(sv: &str, en: &str) -> Value {
    json!([lit(sv, "sv"), lit(en, "en")])
}

fn iri(s: &str) -> Value {
    json!({ "@id": s })
}

/// Swedish and English, the languages of the texts (the EU's language authority list).
fn languages() -> Value {
    json!([
        iri("http://publications.europa.eu/resource/authority/language/SWE"),
        iri("http://publications.europa.eu/resource/authority/language/ENG"),
    ])
}

/// The JSON-LD context: the prefixes the description uses.
fn context() -> Value {
    json!({
        "dcat": "http://www.w3.org/ns/dcat#",
        "dcterms": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "xsd": "http://www.w3.org/2001/XMLSchema#"
    })
}

/// The description of `tables` (the register's CSV files) as a JSON-LD document.
pub fn describe(
    register: Register<'_>,
    tables: &[Table],
    options: &DcatOptions,
) -> Result<Value, Error> {
    let base = &options.base_url;
    if !(base.starts_with("https://") || base.starts_with("http://")) || !base.ends_with('/') {
        return Err(Error::Options(format!(
            "the base URL must start with https:// or http:// and end with /, not `{base}`"
        )));
    }
    let m = &register.data().municipality;
    let name_sv = m.name.sv.as_str();
    let name_en = m.name.en.as_ref().map_or(name_sv, |n| n.as_str());
    let publisher = format!("{base}#publisher");
    let contact = format!("{base}#contact");
    let dataset = format!("{base}#dataset");
    let catalog = format!("{base}#catalog");

    let mut agent = json!({
        "@id": publisher,
        "@type": "foaf:Agent",
        "foaf:name": lit(name_sv, "sv"),
        "dcterms:type": iri("http://purl.org/adms/publishertype/LocalAuthority"),
    });
    if let Some(web) = &m.website {
        agent["foaf:homepage"] = iri(web.as_str());
    }

    let distributions: Vec<Value> = tables
        .iter()
        .map(|t| {
            let url = format!("{base}{}", t.name);
            json!({
                "@id": url,
                "@type": "dcat:Distribution",
                "dcterms:title": both(&t.title.0, &t.title.1),
                "dcterms:description": both(
                    &format!("{} som CSV (RFC 4180, UTF-8), en rad per post (för kommunens egna uppgifter ett fält per rad), rubriker som sökvägar, koder enligt kommun-intls kodlistor; läses tillbaka med kommun-intl import.", t.title.0),
                    &format!("{} as CSV (RFC 4180, UTF-8), one row per record (for the municipality's own fields, a field per row), headers as paths, codes from kommun-intl's code lists; read back by kommun-intl import.", t.title.1),
                ),
                "dcat:accessURL": iri(&url),
                "dcat:downloadURL": iri(&url),
                "dcterms:format": "text/csv",
                "dcterms:license": iri(&options.license),
            })
        })
        .collect();

    let mut data = json!({
        "@id": dataset,
        "@type": "dcat:Dataset",
        "dcterms:title": both(
            &format!("{name_sv}: internationellt arbete"),
            &format!("{name_en}: international work"),
        ),
        "dcterms:description": both(
            &format!("{name_sv}s vänorter och partnerskap, internationella projekt med verksamheter, länder, program och budgetar, nätverk och årlig statistik över det internationella arbetet."),
            &format!("The partner towns and partnerships of {name_en}, its international projects with units, countries, programmes and budgets, its networks and yearly figures of its international work."),
        ),
        "dcterms:publisher": iri(&publisher),
        "dcat:keyword": [
            lit("vänorter", "sv"), lit("internationellt samarbete", "sv"), lit("EU-projekt", "sv"),
            lit("twin towns", "en"), lit("international cooperation", "en"), lit("EU projects", "en"),
        ],
        "dcterms:accessRights": iri("http://publications.europa.eu/resource/authority/access-right/PUBLIC"),
        "dcat:theme": iri("http://publications.europa.eu/resource/authority/data-theme/GOVE"),
        "dcterms:language": languages(),
        "dcat:distribution": distributions.iter().map(|d| iri(d["@id"].as_str().unwrap_or_default())).collect::<Vec<_>>(),
    });
    if let Some(web) = &m.website {
        data["dcat:landingPage"] = iri(web.as_str());
    }
    if let Some(modified) = &options.modified {
        data["dcterms:modified"] = json!({ "@value": modified, "@type": "xsd:date" });
    }
    let mut graph = vec![
        json!({
            "@id": catalog,
            "@type": "dcat:Catalog",
            "dcterms:title": both(&format!("{name_sv}: öppna data om internationellt arbete"), &format!("{name_en}: open data on international work")),
            "dcterms:description": both(
                &format!("Datamängder som {name_sv} publicerar om sitt internationella arbete."),
                &format!("Data sets that {name_en} publishes about its international work."),
            ),
            "dcterms:publisher": iri(&publisher),
            "dcterms:license": iri(&options.license),
            "dcterms:language": languages(),
            "dcat:dataset": iri(&dataset),
        }),
        data,
        agent,
    ];
    // A contact point needs an e-mail address (DCAT-AP-SE: vcard:hasEmail, mandatory).
    if let Some(email) = &m.email {
        let mut point = json!({
            "@id": contact,
            "@type": "vcard:Organization",
            "vcard:fn": name_sv,
            "vcard:hasEmail": iri(&format!("mailto:{email}")),
        });
        if let Some(phone) = m.phone.as_ref().and_then(kommun_intl::model::Phone::e164) {
            point["vcard:hasTelephone"] =
                json!({ "@type": "vcard:Voice", "vcard:hasValue": iri(&format!("tel:{phone}")) });
        }
        graph[1]["dcat:contactPoint"] = iri(&contact);
        graph.push(point);
    }
    graph.extend(distributions);
    Ok(json!({ "@context": context(), "@graph": graph }))
}
