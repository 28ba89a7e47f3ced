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
