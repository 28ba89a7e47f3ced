//! Registers kept as spreadsheets: `validate` places every issue by sheet and cell in each
//! format; `import`, `export` and `template` read and write workbooks and CSV folders.

use crate::run;

const CSV: &str = "../../../../tests/corpus/sheets/statistik.csv";
const FOLDER: &str = "../../../../tests/corpus/sheets/register";

#[test]
fn every_format_names_the_sheet_and_cell() {
    let human = run(&["validate", CSV], None);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(
        human.stdout.contains("statistik.csv:statistik!C2: error[sheet.ambiguous_number]"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("column `Värde`, /statistics/0/value"), "{}", human.stdout);
    let sv = run(&["validate", "--lang", "sv", CSV], None);
    assert!(
        sv.stdout.contains("kolumn `Värde`") && sv.stdout.contains("fel[sheet.ambiguous_number]")
    );

    let json = run(&["validate", "--format", "json", CSV], None);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let issue = v["files"][0]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["code"] == "sheet.ambiguous_number")
        .unwrap()
        .clone();
    assert_eq!(issue["cell"]["ref"], "statistik!C2");
    assert_eq!(issue["cell"]["header"], "Värde");
    assert_eq!(issue["pointer"], "/statistics/0/value");

    let github = run(&["validate", "--format", "github", CSV], None);
    assert!(github.stdout.contains("statistik!C2 [Värde]: "), "{}", github.stdout);

    let sarif = run(&["validate", "--format", "sarif", CSV], None);
    let v: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "sheet.ambiguous_number")
        .unwrap()
        .clone();
    assert_eq!(result["locations"][0]["logicalLocations"][1]["fullyQualifiedName"], "statistik!C2");
    assert_eq!(result["properties"]["header"], "Värde");
}

#[test]
fn a_folder_of_csv_files_is_one_register() {
    let r = run(&["validate", FOLDER], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Checked 1 file, 1 document: no errors"), "{}", r.stdout);
}

#[test]
fn import_prints_the_register_as_json() {
    let r = run(&["import", FOLDER], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["partnerships"][0]["agreement_type"], "twinning");
    assert_eq!(v["partnerships"][0]["areas"], serde_json::json!(["education", "culture"]));
    assert_eq!(v["statistics"][1]["value"], "1800000");
    assert_eq!(v["municipality"]["address"]["postal_code"], "531 88");
}

#[test]
fn export_and_template_write_workbooks_that_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("register.xlsx");
    let xlsx = xlsx.to_str().unwrap();
    let r =
        run(&["export", "../../../../examples/lidkoping.json", "--to", "xlsx", "-o", xlsx], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let back = run(&["validate", xlsx], None);
    assert_eq!(back.code, 0, "{}", back.stdout);
    let csv = dir.path().join("csv");
    let csv = csv.to_str().unwrap();
    let r = run(
        &[
            "export",
            "../../../../examples/lidkoping.json",
            "--to",
            "csv",
            "-o",
            csv,
            "--lang",
            "sv",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(dir.path().join("csv/Partnerskap.csv").is_file());
    let imported = run(&["import", csv], None);
    let original: serde_json::Value = serde_json::from_slice(
        &std::fs::read(crate::data().join("../../../../examples/lidkoping.json")).unwrap(),
    )
    .unwrap();
    let imported: serde_json::Value = serde_json::from_str(&imported.stdout).unwrap();
    assert_eq!(imported["partnerships"], original["partnerships"]);

    let ods = dir.path().join("register.ods");
    let ods = ods.to_str().unwrap();
    let r = run(&["export", "../../../../examples/lidkoping.json", "--to", "ods", "-o", ods], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let imported = run(&["import", ods], None);
    let imported: serde_json::Value = serde_json::from_str(&imported.stdout).unwrap();
    assert_eq!(imported["projects"], original["projects"]);

    for name in ["mall.xlsx", "mall.ods"] {
        let template = dir.path().join(name);
        let template = template.to_str().unwrap();
        let r = run(&["template", "--lang", "sv", template], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        // An empty register: only the municipality is missing; the help and code sheets are
        // not read as data.
        let empty = run(&["validate", "--format", "json", template], None);
        let v: serde_json::Value = serde_json::from_str(&empty.stdout).unwrap();
        let codes: Vec<&str> = v["files"][0]["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["structure.missing_field"], "{name}");
    }
}

#[test]
fn a_template_takes_the_profile_and_names_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("mall.ods");
    let template = template.to_str().unwrap();
    let profile = crate::data().join("../../../../tests/corpus/valid/profile");
    let profile = std::fs::read_dir(profile)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains("\"channels\"")))
        .expect("a profile with channels in the corpus");
    let r = run(&["template", "--profile", profile.to_str().unwrap(), template], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let missing = run(&["template", "--profile", "no-such-profile.json", template], None);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("no-such-profile.json"), "{}", missing.stderr);
    let unnamed = run(&["template", "mall.txt"], None);
    assert_eq!(unnamed.code, 2);
    assert!(unnamed.stderr.contains(".xlsx or .ods"), "{}", unnamed.stderr);
}
