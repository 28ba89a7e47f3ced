//! `fix` and `fix --diff` on copies in a temporary directory.

use std::path::Path;

use crate::{command, run, run_with};

fn copy_to(dir: &Path, name: &str) -> std::path::PathBuf {
    let to = dir.join(name);
    std::fs::copy(crate::data().join(name), &to).expect("copy");
    to
}

fn fix_in(dir: &Path, args: &[&str]) -> crate::Run {
    let mut c = command();
    c.current_dir(dir);
    let mut all = vec!["fix"];
    all.extend_from_slice(args);
    run_with(c, &all, None)
}

#[test]
fn diff_previews_without_writing_and_fix_edits_only_the_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_to(dir.path(), "register.json");
    let before = std::fs::read_to_string(&path).unwrap();

    let diff = fix_in(dir.path(), &["--diff", "register.json"]);
    assert_eq!(diff.code, 1, "something to fix: {}", diff.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before, "--diff writes nothing");
    assert!(diff.stderr.contains("Would fix 5 values in 1 file."), "{}", diff.stderr);
    insta::assert_snapshot!(diff.stdout);

    let fixed = fix_in(dir.path(), &["register.json"]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    insta::assert_snapshot!(fixed.stdout);
    let after = std::fs::read_to_string(&path).unwrap();
    // Exactly these values changed; every other byte, the key order and the layout stayed.
    let expected = before
        .replace("\"53188\"", "\"531 88\"")
        .replace("\"country\": \"se\"", "\"country\": \"SE\"")
        .replace("\"0510-77 00 00\"", "\"+46510770000\"")
        .replace("\"Kecskemét \"", "\"Kecskemét\"")
        .replace("\"country\": \"EL\"", "\"country\": \"GR\"");
    assert_eq!(after, expected);

    let again = fix_in(dir.path(), &["register.json"]);
    assert_eq!(again.code, 0);
    assert!(again.stdout.contains("Nothing to fix."), "{}", again.stdout);
    assert_eq!(fix_in(dir.path(), &["--diff", "register.json"]).code, 0);
    // The unknown field and the programme's funder are not for `fix` to guess.
    let left = run_with(
        {
            let mut c = command();
            c.current_dir(dir.path());
            c
        },
        &["validate", "--quiet", "register.json"],
        None,
    );
    assert!(left.stdout.contains("structure.unknown_field"), "{}", left.stdout);
}

#[test]
fn writes_are_atomic_and_keep_permissions_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_to(dir.path(), "register.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&path, dir.path().join("link.json")).unwrap();
    }
    let name = if cfg!(unix) { "link.json" } else { "register.json" };
    let r = fix_in(dir.path(), &[name]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(std::fs::read_to_string(&path).unwrap().contains("\"531 88\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "permissions kept");
        assert!(std::fs::symlink_metadata(dir.path().join("link.json")).unwrap().is_symlink());
    }
    // No temporary file is left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let want: &[&str] =
        if cfg!(unix) { &["link.json", "register.json"] } else { &["register.json"] };
    assert_eq!(names, want);
}

#[test]
fn ndjson_is_fixed_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_to(dir.path(), "feedback.ndjson");
    let before = std::fs::read_to_string(&path).unwrap();
    let r = fix_in(dir.path(), &["feedback.ndjson"]);
    // The cut-off last line is not JSON: nothing is fixed there, and that is invalid data.
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("feedback.ndjson:5: not valid JSON"), "{}", r.stderr);
    assert!(r.stdout.contains("feedback.ndjson:3:"), "{}", r.stdout);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after, before.replace("\"0510-77 00 00\"", "\"+46510770000\""));
}

#[test]
fn stdin_is_fixed_to_stdout() {
    let text = std::fs::read(crate::data().join("warning-only.json")).unwrap();
    let r = run(&["fix", "-"], Some(&text));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        String::from_utf8(text).unwrap().replace("\"0510-77 00 00\"", "\"+46510770000\"")
    );
    assert!(r.stderr.contains("Fixed 1 value in 1 file."), "{}", r.stderr);
}

#[test]
fn fix_needs_a_kind_and_readable_files() {
    assert_eq!(run(&["fix", "--diff", "no-schema.json"], None).code, 2);
    assert_eq!(run(&["fix", "--diff", "--kind", "feedback", "no-schema.json"], None).code, 0);
    assert_eq!(run(&["fix", "missing.json"], None).code, 2);
    assert_eq!(run(&["fix", "--diff", "truncated.json"], None).code, 1);
}

/// The CLI writes exactly what the library's `fix::apply` makes of each corpus fixture, whose
/// values the library's property tests show are kept (`crates/kommun-intl/tests/integration/
/// fix.rs`): so the CLI, too, loses nothing.
#[test]
fn fix_writes_what_the_library_fixes_on_every_corpus_fixture() {
    use kommun_intl::{DocumentKind, fix};
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let dir = tempfile::tempdir().unwrap();
    let mut changed_files = 0;
    for verdict in ["valid", "invalid"] {
        for kind_dir in std::fs::read_dir(corpus.join(verdict)).unwrap() {
            let kind_dir = kind_dir.unwrap().path();
            let kind_name = kind_dir.file_name().unwrap().to_string_lossy().into_owned();
            let kind: DocumentKind = kind_name.parse().unwrap();
            let to = dir.path().join(verdict).join(&kind_name);
            std::fs::create_dir_all(&to).unwrap();
            let mut originals = Vec::new();
            for entry in std::fs::read_dir(&kind_dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                // The corpus names its files in lower case.
                if path.extension().is_none_or(|e| e != "json") || name.ends_with(".expected.json")
                {
                    continue;
                }
                // A fixture of another kind than its folder says so in its expectation.
                let expected = std::fs::read(path.with_extension("expected.json")).ok();
                let other = expected
                    .and_then(|e| serde_json::from_slice::<serde_json::Value>(&e).ok())
                    .and_then(|e| e.get("kind").and_then(|k| k.as_str().map(str::to_owned)));
                if other.is_some_and(|k| k != kind_name) {
                    continue;
                }
                std::fs::copy(&path, to.join(&name)).unwrap();
                originals.push((name, std::fs::read(&path).unwrap()));
            }
            let mut c = command();
            c.current_dir(&to);
            let mut args = vec!["fix", "--kind", &kind_name];
            args.extend(originals.iter().map(|(n, _)| n.as_str()));
            let r = run_with(c, &args, None);
            assert!(matches!(r.code, 0..=2), "{kind_name}: {}", r.stderr);
            for (name, before) in &originals {
                let after = std::fs::read(to.join(name)).unwrap();
                let want = match fix::fixes(kind, before) {
                    Ok(fixes) => fix::apply(before, &fixes),
                    Err(_) => before.clone(),
                };
                assert!(after == want, "{verdict}/{kind_name}/{name}: the CLI wrote other bytes");
                changed_files += usize::from(after != *before);
            }
        }
    }
    assert!(changed_files >= 3, "only {changed_files} corpus files had anything to fix");
}

/// `fix` writes a whole new file and renames it over the original: killed half way through
/// writing, it leaves the original as it was.
#[test]
fn killed_half_way_through_a_write_the_original_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ndjson");
    let line = r#"{"category": "question", "description": "Fråga om bygglov", "channel": "phone", "submitted_at": "2026-11-28T09:30:00+01:00", "contact": {"phone": "0510-77 00 00"}, "wants_reply": true}"#;
    let original = format!("{line}\n").repeat(20_000).into_bytes();
    std::fs::write(&path, &original).unwrap();

    let mut c = command();
    c.current_dir(dir.path()).args(["fix", "--kind", "feedback", "many.ndjson"]);
    c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null());
    let mut child = c.spawn().unwrap();
    // Wait until the new file is being written, then kill the process (SIGKILL: no clean-up).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let partial = loop {
        let written = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .max()
            .unwrap_or(0);
        if written > 0 || std::time::Instant::now() > deadline {
            child.kill().unwrap();
            break written;
        }
        assert!(child.try_wait().unwrap().is_none(), "fix ended before it could be killed");
        std::thread::sleep(std::time::Duration::from_millis(1));
    };
    child.wait().unwrap();
    assert!(partial > 0, "no temporary file was written within the deadline");
    assert!(partial < original.len() as u64, "the new file was complete when killed");
    assert!(std::fs::read(&path).unwrap() == original, "the original changed");

    // The next run fixes the file whole (the killed run's temporary file is only left over).
    let again = fix_in(dir.path(), &["--kind", "feedback", "many.ndjson"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed.matches("+46510770000").count(), 20_000);
    assert!(!fixed.contains("0510-77 00 00"));
}
