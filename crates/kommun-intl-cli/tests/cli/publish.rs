//! `render` and `export --to dcat|iati|wikidata`: the register published, and nothing
//! published from an invalid one.

use std::path::Path;

use crate::run;

fn example() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/lidkoping.json")
        .display()
        .to_string()
}

#[test]
fn render_writes_the_site_in_each_language() {
    let out = tempfile::tempdir().unwrap();
    for lang in ["sv", "en"] {
        let dir = out.path().join(lang);
        let r = run(&["render", &example(), "--lang", lang, "--out", dir.to_str().unwrap()], None);
        assert_eq!(r.code, 0, "{r:?}");
        assert_eq!(r.stdout, "");
        assert!(r.stderr.contains("index.html"), "{r:?}");
        let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(dir.join("style.css").is_file());
    }
}

#[test]
fn render_of_an_invalid_register_prints_its_issues_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    let text = br#"{"$schema": "../schemas/dataset.schema.json", "municipality": {"id": "x"}}"#;
    let r = run(&["render", "-", "--lang", "sv", "--out", dir.to_str().unwrap()], Some(text));
    assert_eq!(r.code, 1, "{r:?}");
    // As `validate` prints it, in the page's language.
    let v = run(&["validate", "--lang", "sv", "-"], Some(text));
    assert_eq!(r.stdout, v.stdout);
    assert!(r.stdout.contains("fel[structure.missing_field]"), "{r:?}");
    assert!(!dir.exists());
    // The issues in JSON too, for programs.
    let r = run(
        &["render", "-", "--lang", "sv", "--out", dir.to_str().unwrap(), "--format", "json"],
        Some(text),
    );
    assert_eq!(r.code, 1);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(report.to_string().contains("structure.missing_field"));
}

#[test]
fn render_of_a_missing_file_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    let r = run(
        &["render", "no-such.json", "--lang", "en", "--out", out.path().to_str().unwrap()],
        None,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("cannot read no-such.json"), "{r:?}");
}

/// The publishing commands over every shared canary document, and over a register with a
/// canary in a member the schema does not know: nothing is written, and no canary appears in
/// what is printed.
#[test]
fn no_personal_value_is_published_or_printed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/canary");
    let canaries: Vec<String> = std::fs::read_to_string(root.join("canaries.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect();
    assert!(canaries.len() >= 5);
    let mut inputs: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json" || e == "ndjson"))
        .map(|p| p.display().to_string())
        .collect();
    inputs.sort();
    let out = tempfile::tempdir().unwrap();
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example()).unwrap()).unwrap();
    doc["municipality"]["kontakt"] =
        serde_json::json!({"namn": "Kanariesson", "tel": "46701234567"});
    let register = out.path().join("register.json");
    std::fs::write(&register, serde_json::to_vec(&doc).unwrap()).unwrap();
    inputs.push(register.display().to_string());
    assert!(inputs.len() > 10);

    let target = out.path().join("published");
    let target = target.to_str().unwrap();
    for input in &inputs {
        for lang in ["sv", "en"] {
            let commands: Vec<Vec<&str>> = vec![
                vec!["render", input, "--lang", lang, "--out", target],
                vec!["render", input, "--lang", lang, "--out", target, "--format", "json"],
            ];
            for args in commands {
                let r = run(&args, None);
                assert_ne!(r.code, 0, "{args:?}: {r:?}");
                let printed = format!("{}{}", r.stdout, r.stderr).to_lowercase();
                for canary in &canaries {
                    assert!(!printed.contains(canary), "{args:?} printed {canary}:\n{printed}");
                }
                assert!(!Path::new(target).exists(), "{args:?} wrote {target}");
            }
        }
    }
}
