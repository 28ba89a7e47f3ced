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
                vec!["export", input, "--lang", lang, "--to", "iati", "--output", target],
                vec![
                    "export",
                    input,
                    "--lang",
                    lang,
                    "--to",
                    "dcat",
                    "--output",
                    target,
                    "--base-url",
                    "https://example.se/d/",
                ],
                vec![
                    "export",
                    input,
                    "--lang",
                    lang,
                    "--to",
                    "wikidata",
                    "--output",
                    target,
                    "--wikidata",
                    "Q1",
                    "--format",
                    "sarif",
                ],
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

#[test]
fn export_writes_each_open_data_format() {
    let out = tempfile::tempdir().unwrap();
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kommun-intl-publish/tests/data/full.json")
        .display()
        .to_string();
    let dir = out.path().join("dcat");
    let r = run(
        &[
            "export",
            &full,
            "--to",
            "dcat",
            "--output",
            dir.to_str().unwrap(),
            "--base-url",
            "https://example.se/d/",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    let names: Vec<String> = {
        let mut n: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    assert_eq!(
        names,
        [
            "dataset.jsonld",
            "memberships.csv",
            "municipality.csv",
            "networks.csv",
            "partnerships.csv",
            "projects.csv",
            "sources.csv",
            "statistics.csv",
            "units.csv"
        ]
    );
    // The open-data files are the register: `import` of the folder gives it back.
    let back = run(&["import", dir.to_str().unwrap()], None);
    assert_eq!(back.code, 0, "{back:?}");
    let mut want: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&full).unwrap()).unwrap();
    want.as_object_mut().unwrap().remove("$schema");
    let back: serde_json::Value = serde_json::from_str(&back.stdout).unwrap();
    assert_eq!(back["partnerships"], want["partnerships"]);
    assert_eq!(back["projects"], want["projects"]);
    assert_eq!(back["municipality"], want["municipality"]);
    let iati = out.path().join("iati.xml");
    let r = run(&["export", &full, "--to", "iati", "--output", iati.to_str().unwrap()], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("note: left out odaterat: no start or end date"), "{r:?}");
    assert_eq!(std::fs::read_to_string(&iati).unwrap().matches("<iati-activity ").count(), 3);
    let qs = out.path().join("qs.txt");
    let r = run(
        &[
            "export",
            &full,
            "--to",
            "wikidata",
            "--output",
            qs.to_str().unwrap(),
            "--wikidata",
            "Q1000001",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(std::fs::read_to_string(&qs).unwrap().lines().count(), 4);

    // The municipality's item from the register itself; the comparison with a (synthetic)
    // dump excerpt writes only what Wikidata lacks and lists what the register lacks.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&full).unwrap()).unwrap();
    v["municipality"]["wikidata"] = "Q1000001".into();
    let own = out.path().join("own.json");
    std::fs::write(&own, v.to_string()).unwrap();
    let own = own.to_str().unwrap();
    let r = run(&["export", own, "--to", "wikidata", "--output", qs.to_str().unwrap()], None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(std::fs::read_to_string(&qs).unwrap().lines().count(), 4);
    let dump = Path::new(&full).with_file_name("wikidata-excerpt.json");
    let dump = dump.to_str().unwrap();
    let args = ["export", own, "--to", "wikidata", "--output", qs.to_str().unwrap()];
    let r = run(&[&args[..], &["--compare", dump]].concat(), None);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(std::fs::read_to_string(&qs).unwrap().lines().count(), 2);
    assert!(r.stderr.contains("not on Wikidata: saskatoon"), "{r:?}");
    assert!(r.stderr.contains("not in the register: Q1000004 (twinned with Q1000001"), "{r:?}");
    let r = run(&[&args[..], &["--compare", own]].concat(), None);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("neither a list of entities"), "{r:?}");
}

#[test]
fn export_usage_errors_write_nothing() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("x");
    let target = target.to_str().unwrap();
    let example = example();
    for args in [
        // Each format's own option is required (the example has no `municipality.wikidata`).
        vec!["export", &example, "--to", "dcat", "--output", target],
        vec!["export", &example, "--to", "wikidata", "--output", target],
        vec!["export", &example, "--to", "wikidata", "--output", target, "--wikidata", "Lidköping"],
        vec!["export", &example, "--to", "dcat", "--output", target, "--base-url", "lidkoping.se"],
    ] {
        let r = run(&args, None);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(!Path::new(target).exists(), "{args:?}");
    }
    // A register none of whose projects IATI can take: nothing written, and why.
    let r = run(&["export", &example, "--to", "iati", "--output", target], None);
    assert_eq!(r.code, 1, "{r:?}");
    assert!(
        r.stderr.contains("none of the register's 5 projects can be an IATI activity"),
        "{r:?}"
    );
    assert!(!Path::new(target).exists());
}

/// The commands of the README's "Publishing" section, run as written (from a directory with
/// the repository's `examples/`), each with the exit status its comment gives (0 without one).
#[test]
fn the_readme_publishing_commands_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let section = readme.split("\n## Publishing\n").nth(1).expect("a Publishing section");
    let block = section.split("```sh\n").nth(1).unwrap().split("```").next().unwrap();
    let work = tempfile::tempdir().unwrap();
    let examples = work.path().join("examples");
    std::fs::create_dir_all(examples.join("templates")).unwrap();
    std::fs::copy(root.join("examples/lidkoping.json"), examples.join("lidkoping.json")).unwrap();
    std::fs::copy(root.join("examples/templates/style.css"), examples.join("templates/style.css"))
        .unwrap();
    let data = "crates/kommun-intl-publish/tests/data";
    std::fs::create_dir_all(work.path().join(data)).unwrap();
    for f in ["full.json", "wikidata-excerpt.json"] {
        std::fs::copy(root.join(data).join(f), work.path().join(data).join(f)).unwrap();
    }
    let mut ran = 0;
    for line in block.lines().filter(|l| l.starts_with("kommun-intl ")) {
        let (command, comment) = line.split_once('#').map_or((line, ""), |(c, k)| (c, k));
        let expected: i32 = comment.trim().strip_prefix("exit ").map_or(0, |n| n.parse().unwrap());
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let mut c = crate::command();
        c.current_dir(work.path());
        let r = crate::run_with(c, &args, None);
        assert_eq!(r.code, expected, "{line}: {r:?}");
        ran += 1;
    }
    assert_eq!(ran, 7);
    for made in [
        "site/sv/index.html",
        "site/en/index.html",
        "open-data/dataset.jsonld",
        "p190.txt",
        "p190-missing.txt",
    ] {
        assert!(work.path().join(made).is_file(), "{made}");
    }
    let own = std::fs::read_to_string(work.path().join("site/own/style.css")).unwrap();
    assert!(own.contains("#13573a"), "the municipality's own style.css");
}
