//! The open-data exports: CSV per collection, its DCAT-AP-SE description checked against the
//! specification's own machine-readable form (`tests/standards/dcat-ap-se-2.2.0/bundle.json`),
//! IATI activities (the XSD check is `bindings/python/tests/test_publish.py`), Wikidata
//! QuickStatements.

use std::collections::BTreeMap;
use std::path::Path;

use kommun_intl::model::WikidataId;
use kommun_intl_publish::{Register, csv, dcat, iati, wikidata};
use serde_json::Value;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

fn full() -> kommun_intl_publish::Owned {
    Register::from_json(&read("tests/data/full.json")).unwrap()
}

fn lidkoping() -> kommun_intl_publish::Owned {
    Register::from_json(&read("../../examples/lidkoping.json")).unwrap()
}

#[test]
fn one_csv_per_collection_with_codes() {
    let owned = full();
    let tables = csv::tables(owned.register());
    let names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "municipality.csv",
            "units.csv",
            "partnerships.csv",
            "projects.csv",
            "memberships.csv",
            "statistics.csv",
            "networks.csv",
            "sources.csv"
        ]
    );
    let projects = tables[3].to_csv();
    let mut lines = projects.split("\r\n");
    let header = lines.next().unwrap();
    assert!(header.starts_with("id,title/sv,title/en,description,departments,"), "{header}");
    assert!(header.contains(",budget/total/amount,budget/total/currency,"), "{header}");
    // Codes, not labels; quoted as RFC 4180 says; lists joined by `;`.
    assert!(projects.contains("ruggedised,RUGGEDISED,RUGGEDISED,\"Smarta städer: energi, transporter och digitalisering i tre fyrtornsstäder.\",stadsbyggnad,lighthouse_city,"), "{projects}");
    assert!(projects.contains(",NL; GB; FI,horizon_2020,"), "{projects}");
    assert!(projects.contains("gransfritt,Gränsfritt lärande & <utbyte>,"), "{projects}");
    // A header and one row per record.
    assert_eq!(tables[2].rows.len(), 4);
    assert_eq!(
        tables[5].to_csv(),
        "period,measure,value,unit\r\n2023,external_funding,2500000.50,SEK\r\n2022,international_activities,40,count\r\n"
    );
    // The register's own fields: a field and its value per row.
    assert_eq!(tables[0].rows[0], ["municipality/id", "umea"]);
    // Lidköping has no networks or memberships: no empty files.
    let owned = lidkoping();
    let names: Vec<String> = csv::tables(owned.register()).into_iter().map(|t| t.name).collect();
    assert_eq!(
        names,
        [
            "municipality.csv",
            "units.csv",
            "partnerships.csv",
            "projects.csv",
            "statistics.csv",
            "sources.csv"
        ]
    );
}

/// The namespaces of the prefixes DCAT-AP-SE's templates and our context use.
fn expand(term: &str) -> String {
    const NS: &[(&str, &str)] = &[
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dcterms", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("adms", "http://www.w3.org/ns/adms#"),
        ("owl", "http://www.w3.org/2002/07/owl#"),
        ("prov", "http://www.w3.org/ns/prov#"),
        ("schema", "http://schema.org/"),
        ("odrs", "http://schema.theodi.org/odrs#"),
    ];
    if term.starts_with("http://") || term.starts_with("https://") {
        return term.to_owned();
    }
    match term.split_once(':') {
        Some((p, local)) => NS
            .iter()
            .find(|(n, _)| *n == p)
            .map_or_else(|| term.to_owned(), |(_, ns)| format!("{ns}{local}")),
        None => term.to_owned(),
    }
}

/// One property of a class, as the specification states it.
#[derive(Debug)]
struct Spec {
    /// The properties any of which satisfies it (a group of alternatives, like the format).
    properties: Vec<String>,
    min: u64,
    nodetype: Option<String>,
    choices: Vec<String>,
    /// The property and value on which it depends (a high-value data set's category is
    /// mandatory only for a data set that says it is one).
    deps: Option<(String, String)>,
}

/// Every property of `class` (a group template's id) in the bundle.
fn class_specs(bundle: &Value, class: &str) -> Vec<Spec> {
    let templates = bundle["templates"].as_array().unwrap();
    let by_id: BTreeMap<&str, &Value> =
        templates.iter().filter_map(|t| Some((t.get("id")?.as_str()?, t))).collect();
    let resolve = |item: &Value| -> Value {
        // An item names a template, or is one, or names one and overrides its fields.
        let base = match item {
            Value::String(id) => by_id.get(id.as_str()).map_or(Value::Null, |t| (*t).clone()),
            Value::Object(o) => {
                match o.get("id").and_then(Value::as_str).and_then(|id| by_id.get(id)) {
                    Some(t) => {
                        let mut t = (*t).clone();
                        for (k, v) in o {
                            t[k] = v.clone();
                        }
                        t
                    }
                    None => item.clone(),
                }
            }
            _ => Value::Null,
        };
        // A template may extend another.
        match base.get("extends").and_then(Value::as_str).and_then(|id| by_id.get(id)) {
            Some(parent) => {
                let mut t = (*parent).clone();
                for (k, v) in base.as_object().unwrap() {
                    t[k] = v.clone();
                }
                t
            }
            None => base,
        }
    };
    let group = by_id[class];
    group["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let t = resolve(item);
            let min = t["cardinality"]["min"].as_u64().unwrap_or(0);
            let (properties, choices) = if let Some(p) = t["property"].as_str() {
                (vec![expand(p)], t["choices"].as_array().cloned().unwrap_or_default())
            } else {
                // A group of alternatives: any of its items' properties will do.
                let subs: Vec<Value> = t["items"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(resolve)
                    .collect();
                let props =
                    subs.iter().filter_map(|s| s["property"].as_str()).map(expand).collect();
                // Its values are from a list only if every alternative has one (a licence
                // may be a Creative Commons one or "other").
                let listed = subs
                    .iter()
                    .filter(|s| s["property"].is_string())
                    .all(|s| s["choices"].is_array());
                let choices = if listed {
                    subs.iter()
                        .flat_map(|s| s["choices"].as_array().cloned().unwrap_or_default())
                        .collect()
                } else {
                    Vec::new()
                };
                (props, choices)
            };
            let deps = t["deps"]
                .as_array()
                .and_then(|d| Some((expand(d.first()?.as_str()?), expand(d.get(1)?.as_str()?))));
            Spec {
                deps,
                properties,
                min,
                nodetype: t["nodetype"].as_str().map(str::to_owned),
                choices: choices
                    .iter()
                    .filter_map(|c| c["value"].as_str().map(str::to_owned))
                    .collect(),
            }
        })
        .collect()
}

/// The values of a node's property, by its expanded IRI (`@type` as `rdf:type`).
fn values(node: &Value, property: &str) -> Vec<Value> {
    let Some(obj) = node.as_object() else { return Vec::new() };
    obj.iter()
        .filter(|(k, _)| {
            let key = if *k == "@type" { "rdf:type".to_owned() } else { (*k).clone() };
            expand(&key) == property
        })
        .flat_map(|(k, v)| {
            let list = match v {
                Value::Array(a) => a.clone(),
                v => vec![v.clone()],
            };
            // A type is an IRI.
            if k == "@type" {
                list.iter()
                    .map(|t| serde_json::json!({"@id": expand(t.as_str().unwrap())}))
                    .collect()
            } else {
                list
            }
        })
        .collect()
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => {
            o.get("@id").or_else(|| o.get("@value")).and_then(Value::as_str).map(expand)
        }
        _ => None,
    }
}

/// What the description breaks of DCAT-AP-SE (each class's mandatory properties, node kinds
/// and controlled lists), and how many values were checked.
fn violations(doc: &Value, bundle: &Value, distributions: usize) -> (Vec<String>, usize) {
    let graph = doc["@graph"].as_array().unwrap();
    // Each class of the description with the specification's template of it.
    let classes = [
        ("dcat:Catalog", "dcat:Catalog", 1),
        ("dcat:Dataset", "dcat:Dataset", 1),
        ("dcat:Distribution", "dcat:Distribution", distributions),
        ("foaf:Agent", "dcat:foaf:Agent", 1),
        ("vcard:Organization", "dcat:contactPoint", 1),
    ];
    let mut out = Vec::new();
    let mut checked = 0;
    for (rdf_type, template, count) in classes {
        let nodes: Vec<&Value> = graph.iter().filter(|n| n["@type"] == rdf_type).collect();
        if nodes.len() != count {
            out.push(format!("{} {rdf_type} nodes, not {count}", nodes.len()));
        }
        let specs = class_specs(bundle, template);
        assert!(specs.iter().any(|s| s.min > 0), "{template} has mandatory properties");
        for node in nodes {
            for spec in &specs {
                let found: Vec<Value> =
                    spec.properties.iter().flat_map(|p| values(node, p)).collect();
                let applies = spec.deps.as_ref().is_none_or(|(p, v)| {
                    values(node, p).iter().any(|x| value_text(x).as_deref() == Some(v.as_str()))
                });
                if applies && (found.len() as u64) < spec.min {
                    out.push(format!("{rdf_type} {} lacks {:?}", node["@id"], spec.properties));
                }
                for v in &found {
                    let kind_ok = match spec.nodetype.as_deref() {
                        Some("LANGUAGE_LITERAL") => v.get("@language").is_some(),
                        Some("URI" | "RESOURCE") => v.get("@id").is_some(),
                        _ => true,
                    };
                    if !kind_ok {
                        out.push(format!(
                            "{:?}: {v} is not a {:?}",
                            spec.properties, spec.nodetype
                        ));
                    }
                    if !spec.choices.is_empty() {
                        let text = value_text(v).unwrap_or_default();
                        if !spec.choices.contains(&text) {
                            out.push(format!(
                                "{:?}: {text} is none of {:?}",
                                spec.properties, spec.choices
                            ));
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    (out, checked)
}

#[test]
fn the_dcat_description_has_every_mandatory_property_of_dcat_ap_se() {
    let bundle: Value =
        serde_json::from_slice(&read("tests/standards/dcat-ap-se-2.2.0/bundle.json")).unwrap();
    for owned in [full(), lidkoping()] {
        let register = owned.register();
        let tables = csv::tables(register);
        let options = dcat::DcatOptions::new("https://example.se/oppna-data/");
        let doc = dcat::describe(register, &tables, &options).unwrap();
        let (broken, checked) = violations(&doc, &bundle, tables.len());
        assert_eq!(broken, Vec::<String>::new());
        assert!(checked > 30, "{checked}");

        // The check can fail: without a title, with access rights of no list, with a literal
        // where an address belongs.
        let graph = |doc: &mut Value, i: usize| doc["@graph"][i].as_object_mut().unwrap().clone();
        let mut broken_doc = doc.clone();
        let mut catalog = graph(&mut broken_doc, 0);
        catalog.remove("dcterms:title");
        broken_doc["@graph"][0] = catalog.into();
        broken_doc["@graph"][1]["dcterms:accessRights"] =
            serde_json::json!({"@id": "https://example.se/fri"});
        broken_doc["@graph"][1]["dcterms:publisher"] = "Lidköpings kommun".into();
        let (broken, _) = violations(&broken_doc, &bundle, tables.len());
        assert_eq!(broken.len(), 3, "{broken:?}");

        // Every node the description refers to is in it.
        let graph = doc["@graph"].as_array().unwrap();
        let ids: Vec<&str> = graph.iter().filter_map(|n| n["@id"].as_str()).collect();
        let dataset = graph.iter().find(|n| n["@type"] == "dcat:Dataset").unwrap();
        for d in dataset["dcat:distribution"].as_array().unwrap() {
            assert!(ids.contains(&d["@id"].as_str().unwrap()));
        }
        assert!(ids.contains(&dataset["dcterms:publisher"]["@id"].as_str().unwrap()));
        assert!(ids.contains(&dataset["dcat:contactPoint"]["@id"].as_str().unwrap()));
        // The context names every prefix used.
        let context = doc["@context"].as_object().unwrap();
        let text = doc.to_string();
        for prefix in ["dcat:", "dcterms:", "foaf:", "vcard:"] {
            assert!(text.contains(prefix) && context.contains_key(prefix.trim_end_matches(':')));
        }
    }
}

#[test]
fn the_dcat_base_url_must_be_a_directory_address() {
    let owned = full();
    let tables = csv::tables(owned.register());
    for bad in ["example.se/", "https://example.se/data", "ftp://example.se/"] {
        let options = dcat::DcatOptions::new(bad);
        assert!(dcat::describe(owned.register(), &tables, &options).is_err(), "{bad}");
    }
}

#[test]
fn iati_activities_for_the_projects_with_a_status_and_a_date() {
    let owned = full();
    let out = iati::activities(owned.register());
    assert_eq!(out.left_out, [("odaterat".to_owned(), "no start or end date (IATI requires one)")]);
    assert_eq!(out.xml.matches("<iati-activity ").count(), 3);
    assert_eq!(out.count, 3);
    let xml = &out.xml;
    for part in [
        "<iati-activities version=\"2.03\">",
        "<iati-identifier>SE-ON-2120002627-ruggedised</iati-identifier>",
        "<reporting-org ref=\"SE-ON-2120002627\" type=\"11\">",
        "<activity-status code=\"3\"/>",
        "<activity-date iso-date=\"2016-11-01\" type=\"2\"/>",
        "<activity-date iso-date=\"2022-05-31\" type=\"4\"/>",
        "<activity-date iso-date=\"2027-12-31\" type=\"3\"/>",
        "<recipient-country code=\"NO\"/>",
        "<description type=\"4\">",
        "<narrative>Deltagande länder: Nederländerna, Förenade kungariket, Finland.</narrative>",
        "<other-identifier ref=\"731198\" type=\"A9\">",
        "<value currency=\"EUR\" value-date=\"2016-11-01\">17700000</value>",
        "<narrative>Gränsfritt lärande &amp; &lt;utbyte&gt;</narrative>",
        "<narrative>Projekt inom Interreg Aurora. Verksamhet: Dragonskolan. Deltagande länder: Norge.</narrative>",
        "<document-link url=\"https://ruggedised.eu/\" format=\"text/html\">",
    ] {
        assert!(xml.contains(part), "no {part} in\n{xml}");
    }
    // Several countries without shares are not recipient countries (IATI would need
    // percentages adding up to 100): the one-country project's is the only one.
    assert_eq!(xml.matches("<recipient-country ").count(), 1, "{xml}");
    assert_eq!(out.notes.len(), 1);
    assert_eq!(out.notes[0].0, "ruggedised");
    assert!(out.notes[0].1.contains("adding up to 100"), "{:?}", out.notes);
    // Lidköping's page gives no dates: every project is left out, and says why.
    let owned = lidkoping();
    let out = iati::activities(owned.register());
    assert_eq!(out.left_out.len(), 5);
    assert_eq!(out.count, 0);
}

#[test]
fn quickstatements_for_both_sides_with_qualifiers_and_reference() {
    let owned = full();
    let out = wikidata::statements(owned.register(), &WikidataId::new("Q1000001"));
    let source = "S854\t\"https://www.umea.se/internationellt\"\tS813\t+2026-11-30T00:00:00Z/11";
    assert_eq!(
        out.text,
        [
            format!("Q1000001\tP190\tQ1000002\tP580\t+1948-00-00T00:00:00Z/9\t{source}"),
            format!("Q1000002\tP190\tQ1000001\tP580\t+1948-00-00T00:00:00Z/9\t{source}"),
            format!("Q1000001\tP190\tQ1000003\tP580\t+1990-05-00T00:00:00Z/10\tP582\t+2012-00-00T00:00:00Z/9\t{source}"),
            format!("Q1000003\tP190\tQ1000001\tP580\t+1990-05-00T00:00:00Z/10\tP582\t+2012-00-00T00:00:00Z/9\t{source}"),
            String::new(),
        ]
        .join("\n")
    );
    assert_eq!(out.left_out, [("okand".to_owned(), "the partner has no Wikidata item")]);
}

/// The synthetic dump excerpt (tests/data/README.md): Harstad's twinning is there both ways,
/// Saskatoon's in neither, and Wikidata has a twin (`Q1000004`) the register lacks; a
/// deprecated statement counts for nothing.
#[test]
fn comparison_with_a_dump_excerpt_says_what_each_side_lacks() {
    let owned = full();
    let dump = read("tests/data/wikidata-excerpt.json");
    let own = WikidataId::new("Q1000001");
    let c = wikidata::compare(owned.register(), &own, &dump).unwrap();
    let lines: Vec<&str> = c.missing_on_wikidata.text.lines().collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("Q1000001\tP190\tQ1000003\tP580\t+1990-05"), "{lines:?}");
    assert!(lines[1].starts_with("Q1000003\tP190\tQ1000001\t"), "{lines:?}");
    assert_eq!(c.not_on_wikidata, [("Q1000003".to_owned(), "saskatoon".to_owned())]);
    assert_eq!(c.not_in_register, ["Q1000004"]);
    assert!(c.not_in_excerpt.is_empty(), "{:?}", c.not_in_excerpt);
}

/// `Special:EntityData`'s shape reads too; an item missing from the excerpt is named, since
/// its side of a twinning was not seen.
#[test]
fn comparison_reads_entity_data_and_names_what_the_excerpt_lacks() {
    let owned = full();
    let entities: Vec<Value> =
        serde_json::from_slice(&read("tests/data/wikidata-excerpt.json")).unwrap();
    let only_own: serde_json::Map<String, Value> =
        entities.into_iter().take(1).map(|e| (e["id"].as_str().unwrap().to_owned(), e)).collect();
    let dump = serde_json::to_vec(&serde_json::json!({ "entities": only_own })).unwrap();
    let c = wikidata::compare(owned.register(), &WikidataId::new("Q1000001"), &dump).unwrap();
    assert_eq!(c.not_in_excerpt, ["Q1000002", "Q1000003"]);
    assert_eq!(c.not_in_register, ["Q1000004"]);
    // Only the municipality's own statement to Saskatoon is known to be missing.
    assert_eq!(c.missing_on_wikidata.text.lines().count(), 1);
}

#[test]
fn a_dump_that_is_not_entities_is_a_clear_error() {
    let owned = full();
    let own = WikidataId::new("Q1000001");
    for (dump, says) in [(&b"{\"items\": []}"[..], "neither a list"), (b"[{", "not JSON")] {
        let e = wikidata::compare(owned.register(), &own, dump).unwrap_err();
        assert!(e.to_string().contains(says), "{e}");
    }
}

/// Without an organisation number there is no registered identifier for the reporting
/// organisation: no activity, and each project says why (no invented prefix).
#[test]
fn iati_needs_the_organisation_number_and_invents_no_prefix() {
    let mut v: Value = serde_json::from_slice(&read("tests/data/full.json")).unwrap();
    v["municipality"].as_object_mut().unwrap().remove("organisation_number");
    let owned = Register::from_json(&serde_json::to_vec(&v).unwrap()).unwrap();
    let out = iati::activities(owned.register());
    assert_eq!(out.count, 0);
    assert!(!out.xml.contains("SE-KOM") && !out.xml.contains("<iati-activity "), "{}", out.xml);
    assert_eq!(out.left_out.len(), 4, "{:?}", out.left_out);
    assert!(out.left_out.iter().all(|(_, why)| why.contains("organisation_number")));
}
