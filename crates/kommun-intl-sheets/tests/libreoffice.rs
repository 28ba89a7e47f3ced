//! The workbooks open in LibreOffice: converted headless (xlsx to ODS and ODS to xlsx), they
//! read back with the same sheets, headers, drop-downs and values. LibreOffice is needed
//! (`soffice` on PATH), so these tests are ignored in a plain `cargo test`;
//! `make test-libreoffice` runs them, and `.ci/run` installs LibreOffice and calls it.

use std::io::Read as _;
use std::path::Path;

use kommun_intl::Lang;
use kommun_intl_sheets::write::{self, Book};
use kommun_intl_sheets::{Limits, read_path};

/// Converts `file` with headless LibreOffice into `to` (`ods`, `xlsx`) in the same folder.
fn convert(file: &Path, to: &str) -> std::path::PathBuf {
    let dir = file.parent().unwrap();
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("LibreOffice (soffice) is installed: .ci/run installs libreoffice-calc-nogui");
    let status = std::process::Command::new(soffice)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        // A profile of its own, so that a LibreOffice already running is not asked.
        .env("HOME", dir)
        .status()
        .unwrap();
    assert!(status.success(), "soffice --convert-to {to} {}", file.display());
    let out = file.with_extension(to);
    assert!(out.is_file(), "{} written", out.display());
    out
}

/// The text of one part of a zip file (a workbook).
fn part(path: &Path, name_starts: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with(name_starts) {
            f.read_to_string(&mut out).unwrap();
        }
    }
    out
}

#[test]
#[ignore = "needs LibreOffice (soffice on PATH): make test-libreoffice"]
fn the_xlsx_template_survives_a_libreoffice_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("mall.xlsx");
    std::fs::write(&xlsx, write::template(Lang::Sv, Book::Xlsx, None).unwrap()).unwrap();
    let ods = convert(&xlsx, "ods");
    let back = read_path(&ods, &Limits::default()).unwrap();
    let codes: Vec<&str> = back.read_issues().iter().map(|i| i.code).collect();
    assert!(codes.is_empty(), "{codes:?}");
    let content = part(&ods, "content.xml");
    assert!(content.matches("<table:content-validation ").count() > 20, "drop-downs kept");
}

#[test]
#[ignore = "needs LibreOffice (soffice on PATH): make test-libreoffice"]
fn the_ods_template_survives_a_libreoffice_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let ods = dir.path().join("mall.ods");
    std::fs::write(&ods, write::template(Lang::Sv, Book::Ods, None).unwrap()).unwrap();
    let xlsx = convert(&ods, "xlsx");
    let back = read_path(&xlsx, &Limits::default()).unwrap();
    let codes: Vec<&str> = back.read_issues().iter().map(|i| i.code).collect();
    assert!(codes.is_empty(), "{codes:?}");
    // LibreOffice understood the drop-downs, the hidden code sheet and the notes.
    let sheets = part(&xlsx, "xl/worksheets/sheet");
    assert!(sheets.matches("<dataValidation ").count() > 20, "drop-downs kept");
    assert!(sheets.contains("Koder"), "the lists come from the code sheet");
    assert!(part(&xlsx, "xl/workbook.xml").contains("state=\"hidden\""), "code sheet hidden");
    assert!(part(&xlsx, "xl/comments").matches("<comment ").count() > 100, "notes kept");
}

#[test]
#[ignore = "needs LibreOffice (soffice on PATH): make test-libreoffice"]
fn an_ods_export_reads_back_the_same_after_libreoffice_saves_it() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/lidkoping.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(example).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ods = dir.path().join("register.ods");
    std::fs::write(&ods, write::workbook_bytes(&v, Lang::Sv, Book::Ods).unwrap()).unwrap();
    let xlsx = convert(&ods, "xlsx");
    let back = read_path(&xlsx, &Limits::default()).unwrap();
    assert!(back.read_issues().is_empty(), "{:?}", back.read_issues());
    let mut want = v.clone();
    want.as_object_mut().unwrap().remove("$schema");
    let want: kommun_intl::Dataset = serde_json::from_value(want).unwrap();
    let got: kommun_intl::Dataset = serde_json::from_value(back.value).unwrap();
    assert_eq!(got, want);
}
