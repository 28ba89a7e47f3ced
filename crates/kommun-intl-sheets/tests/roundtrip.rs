//! JSON -> workbook -> JSON gives every register back unchanged: the corpus's valid
//! registers, the Lidköping example and generated registers, through xlsx, ODS and CSV.

use std::path::PathBuf;

use kommun_intl::{Dataset, Lang};
use kommun_intl_sheets::{Format, Limits, read_bytes, write};
use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn registers() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let dir = root().join("tests/corpus/valid/dataset");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".expected.json") || f.extension().is_none_or(|e| e != "json") {
            continue;
        }
        out.push((name, serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap()));
    }
    let example = root().join("examples/lidkoping.json");
    out.push((
        "lidkoping.json".into(),
        serde_json::from_slice(&std::fs::read(example).unwrap()).unwrap(),
    ));
    assert!(out.len() >= 5, "the corpus has valid registers");
    out
}

/// The register as the model reads it (a `null` is a field left out, `$schema` aside).
fn model(v: &Value) -> Dataset {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        o.remove("$schema");
    }
    serde_json::from_value(v).expect("a valid register")
}

/// Reads the tables of a register back from CSV text, as a folder of CSV files would be.
fn via_csv(v: &Value, lang: Lang) -> Value {
    let mut book = Vec::new();
    for t in write::tables(v, lang) {
        let bytes = write::csv_bytes(&t, lang).unwrap();
        book.push((t.name.clone(), bytes));
    }
    // One CSV at a time, as `read_path` does for a folder, through the public reader.
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in &book {
        std::fs::write(dir.path().join(format!("{name}.csv")), bytes).unwrap();
    }
    let r = kommun_intl_sheets::read_path(dir.path(), &Limits::default()).unwrap();
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    r.value
}

/// Reads a register back from the xlsx workbook it is exported as.
fn via_xlsx(v: &Value, lang: Lang) -> Value {
    let bytes = write::xlsx_bytes(v, lang).unwrap();
    let r = read_bytes(Format::Xlsx, "register", &bytes, &Limits::default());
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    r.value
}

/// Reads a register back (with calamine) from the ODS workbook it is exported as.
fn via_ods(v: &Value, lang: Lang) -> Value {
    let bytes = write::workbook_bytes(v, lang, write::Book::Ods).unwrap();
    let r = read_bytes(Format::Ods, "register", &bytes, &Limits::default());
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    r.value
}

#[test]
fn corpus_registers_round_trip_through_ods() {
    for (name, v) in registers() {
        for lang in Lang::ALL {
            assert_eq!(model(&via_ods(&v, lang)), model(&v), "{name} ({lang:?})");
        }
    }
}

#[test]
fn corpus_registers_round_trip_through_xlsx() {
    for (name, v) in registers() {
        for lang in Lang::ALL {
            assert_eq!(model(&via_xlsx(&v, lang)), model(&v), "{name} ({lang:?})");
        }
    }
}

#[test]
fn corpus_registers_round_trip_through_csv() {
    for (name, v) in registers() {
        for lang in Lang::ALL {
            assert_eq!(model(&via_csv(&v, lang)), model(&v), "{name} ({lang:?})");
        }
    }
}

#[test]
fn an_export_is_written_as_a_steward_reads_it() {
    let (_, v) = registers().into_iter().find(|(n, _)| n == "lidkoping.json").unwrap();
    let tables = write::tables(&v, Lang::Sv);
    let partnerships = tables.iter().find(|t| t.name == "Partnerskap").unwrap();
    let text = String::from_utf8(write::csv_bytes(partnerships, Lang::Sv).unwrap()).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains("Avtalstyp / Agreement type"), "{header}");
    assert!(header.contains("Partner – namn – svenska / Partner – name – Swedish"), "{header}");
    assert!(text.contains("Vänortsavtal"), "{text}");
    let municipality = String::from_utf8(write::csv_bytes(&tables[0], Lang::Sv).unwrap()).unwrap();
    assert!(
        municipality.contains("Kommun – kommunkod / Municipality – municipality code;1494"),
        "{municipality}"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Generated registers (the benchmarks' seeded generator: every kind of partnership and
    /// project field it knows) round-trip through xlsx, ODS and CSV in both languages.
    #[test]
    fn generated_registers_round_trip(seed in 0u64..u64::MAX, partnerships in 1usize..12, projects in 0usize..12) {
        let bytes = kommun_intl_bench::register(seed, partnerships, projects, kommun_intl_bench::Variant::Valid);
        let v: Value = serde_json::from_slice(&bytes).unwrap();
        let want = model(&v);
        for lang in Lang::ALL {
            proptest::prop_assert_eq!(&model(&via_xlsx(&v, lang)), &want);
            proptest::prop_assert_eq!(&model(&via_ods(&v, lang)), &want);
            proptest::prop_assert_eq!(&model(&via_csv(&v, lang)), &want);
        }
    }
}

/// The template read back: its sheets and headers are the layout's, its drop-downs list the
/// code lists' labels from the hidden code sheet, and its headers carry notes.
#[test]
fn the_template_reads_back_with_drop_downs_and_notes() {
    use std::io::Read as _;
    let bytes = write::template_bytes(Lang::Sv).unwrap();
    let r = read_bytes(Format::Xlsx, "mall", &bytes, &Limits::default());
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut sheets = String::new();
    let mut notes = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            sheets.push_str(&text);
        }
        if name.starts_with("xl/comments") {
            notes += text.matches("<comment ").count();
        }
        if name == "xl/workbook.xml" {
            for sheet in ["Hjälp", "Kommun", "Partnerskap", "Projekt", "Statistik", "Koder"] {
                assert!(text.contains(&format!("name=\"{sheet}\"")), "{sheet} in {text}");
            }
            assert!(text.contains("state=\"hidden\""), "the code sheet is hidden");
        }
        if name == "xl/sharedStrings.xml" {
            assert!(text.contains("Vänortsavtal") && text.contains("Avtalstyp / Agreement type"));
        }
    }
    assert!(sheets.matches("<dataValidation ").count() > 20, "drop-downs");
    assert!(sheets.contains("type=\"list\"") && sheets.contains("Koder"));
    assert!(notes > 100, "{notes} notes");
}

/// The ODS template read back: the same sheets, the code sheet hidden, drop-downs (content
/// validations) that list a column of the code sheet, and notes on the headers.
#[test]
fn the_ods_template_reads_back_with_drop_downs_and_notes() {
    use std::io::Read as _;
    let bytes = write::template(Lang::Sv, write::Book::Ods, None).unwrap();
    let r = read_bytes(Format::Ods, "mall", &bytes, &Limits::default());
    assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    assert_eq!(zip.by_index(0).unwrap().name().unwrap(), "mimetype", "the mimetype comes first");
    let mut content = String::new();
    zip.by_name("content.xml").unwrap().read_to_string(&mut content).unwrap();
    for sheet in ["Hjälp", "Kommun", "Partnerskap", "Projekt", "Statistik", "Koder"] {
        assert!(content.contains(&format!("table:name=\"{sheet}\"")), "{sheet}");
    }
    assert!(content.contains(r#"table:name="Koder" table:style-name="ta2""#), "hidden");
    assert!(content.matches("<table:content-validation ").count() > 20, "drop-downs");
    assert!(
        content.contains("of:cell-content-is-in-list([$'Koder'.$"),
        "lists from the code sheet"
    );
    assert!(content.matches("<office:annotation>").count() > 100, "notes");
    assert!(content.contains("Vänortsavtal") && content.contains("Avtalstyp / Agreement type"));
}

/// With a profile, the drop-downs of the lists it sets offer its codes only: a profile that
/// takes two feedback channels gives a code column of those two.
#[test]
fn a_profile_narrows_the_templates_drop_downs() {
    let profile: kommun_intl::Profile = serde_json::from_value(serde_json::json!({
        "id": "test", "services": [], "units": [], "channels": ["email", "phone"]
    }))
    .unwrap();
    let full = write::template(Lang::En, write::Book::Ods, None).unwrap();
    let narrowed = write::template(Lang::En, write::Book::Ods, Some(&profile)).unwrap();
    let codes = |bytes: &[u8]| -> Vec<Vec<String>> {
        let r = read_bytes(Format::Ods, "t", bytes, &Limits::default());
        assert!(r.read_issues().is_empty(), "{:?}", r.read_issues());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut content = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content)
            .unwrap();
        let sheet = content.split(r#"table:name="Codes""#).nth(1).unwrap().to_owned();
        // The code sheet's columns, by their titles in row 1.
        let mut columns: Vec<Vec<String>> = Vec::new();
        for (r, row) in sheet.split("<table:table-row").skip(1).enumerate() {
            for (c, cell) in row.split("<table:table-cell").skip(1).enumerate() {
                let Some(t) = cell.split("<text:p>").nth(1) else { continue };
                let t = t.split("</text:p>").next().unwrap().to_owned();
                if r == 0 {
                    columns.push(vec![t]);
                } else if let Some(col) = columns.get_mut(c) {
                    col.push(t);
                }
            }
        }
        columns
    };
    let channel = |cols: &[Vec<String>]| {
        cols.iter().find(|c| c[0] == "Channel").cloned().expect("a Channel list")
    };
    let all = channel(&codes(&full));
    let mine = channel(&codes(&narrowed));
    assert!(all.len() > 3, "{all:?}");
    assert_eq!(mine.len(), 3, "{mine:?}");
    assert!(mine[1..].iter().all(|l| all.contains(l)), "{mine:?} in {all:?}");
}
