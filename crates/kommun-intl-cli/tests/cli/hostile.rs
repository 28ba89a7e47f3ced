//! Hostile input on the command line, each case as someone could send it: nothing hangs,
//! nothing personal is shown, nothing drives the terminal, nothing is read past the limit.

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::{command, run, run_with};

/// A canary that must never be printed.
const SECRET: &str = "Kanariesson";

const FORMATS: [&str; 4] = ["human", "json", "github", "sarif"];

fn everywhere(args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut all = String::new();
    for format in FORMATS {
        for quiet in [false, true] {
            let mut a = args.to_vec();
            a.extend(["--format", format]);
            if quiet {
                a.push("-q");
            }
            let r = run(&a, stdin);
            assert!(r.code <= 2, "{a:?}: {}", r.stderr);
            all.push_str(&r.stdout);
            all.push_str(&r.stderr);
        }
    }
    all
}

fn fix_diff(args: &[&str], stdin: &[u8]) -> String {
    let r = run(args, Some(stdin));
    assert!(r.code <= 2, "{args:?}: {}", r.stderr);
    r.stdout + &r.stderr
}

fn clean(what: &str, output: &str) {
    assert!(!output.contains(SECRET), "{what} shows the canary:\n{output}");
}

/// A two-byte typo (an array closed by `}`) hung the snippet's span scan.
#[test]
fn an_array_closed_by_a_brace_does_not_hang() {
    for text in [&b"[}"[..], b"[1 }", b"{\"a\": [1, }", b"[\"x\" }"] {
        let started = Instant::now();
        let r = run(&["validate", "--kind", "feedback", "-"], Some(text));
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert!(r.stdout.contains("json.syntax"), "{}", r.stdout);
        assert!(started.elapsed() < Duration::from_secs(20));
    }
}

/// A feedback export wrapped in an array, and NDJSON lines that are a bare string or number:
/// no kind's schema proves such values free of personal data.
#[test]
fn wrapped_and_bare_documents_are_masked() {
    let wrapped = format!(r#"[{{"category": "praise", "description": "{SECRET}", "x": 1}}]"#);
    let out = everywhere(&["validate", "--kind", "feedback", "-"], Some(wrapped.as_bytes()));
    clean("a wrapped export", &out);
    assert!(out.contains("xxxxxxxxxxx"), "the snippet is there, masked:\n{out}");
    let lines = format!("\"{SECRET}\"\n46701234567\n");
    let out =
        everywhere(&["validate", "--kind", "feedback", "--ndjson", "-"], Some(lines.as_bytes()));
    clean("bare NDJSON lines", &out);
    assert!(!out.contains("46701234567"), "{out}");
}

/// An object where a text that is not personal belongs (`id`): what is inside it is shown
/// nowhere.
#[test]
fn an_object_where_a_text_belongs_is_masked() {
    let text = format!(
        r#"{{"id": {{"name": "{SECRET}"}}, "category": "praise", "description": "x", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}}"#
    );
    let out = everywhere(&["validate", "--kind", "feedback", "-"], Some(text.as_bytes()));
    clean("an object as id", &out);
    let text = format!(r#"{{"id": "p", "partner": {{"name": {{"sv": {{"who": "{SECRET}"}}}}}}}}"#);
    let out = everywhere(&["validate", "--kind", "partnership", "-"], Some(text.as_bytes()));
    clean("an object as a name", &out);
}

/// A feedback whose own `$schema` names a kind without personal data: the kind came from the
/// document, and proves nothing.
#[test]
fn a_kind_the_document_names_itself_is_not_trusted() {
    let text = format!(
        r#"{{"$schema": "partnership.schema.json", "id": "x", "description": "Ring {SECRET}", "contact": {{"name": "{SECRET}"}}, "{SECRET} Berg": 1}}"#
    );
    let out = everywhere(&["validate", "-"], Some(text.as_bytes()));
    clean("a partnership that is a feedback", &out);
    let out = fix_diff(&["fix", "--diff", "-"], text.as_bytes());
    clean("fix --diff of it", &out);
}

/// The first NDJSON line's `$schema` decided the kind of every line; each line is judged
/// alone now.
#[test]
fn each_ndjson_line_is_judged_alone() {
    let lines = format!(
        "{{\"$schema\": \"partnership.schema.json\", \"id\": \"x\"}}\n{{\"category\": \"praise\", \"description\": \"{SECRET}\", \"nmae\": \"{SECRET}\"}}\n{{\"$schema\": \"feedback.schema.json\", \"category\": \"beröm\", \"description\": \"{SECRET}\"}}\n"
    );
    let out = everywhere(&["validate", "-"], Some(lines.as_bytes()));
    clean("NDJSON with a harmless first line", &out);
    assert!(out.contains("structure.unknown_code"), "the third line is a feedback:\n{out}");
}

/// An unescaped quote makes a fragment of a description look like a key, in text that is
/// JSON and in text that is not; and keys inside a personal value are someone's words.
#[test]
fn keys_that_may_be_someones_data_are_masked() {
    for text in [
        format!(
            r#"{{"category": "praise", "description": "Hej ", "{SECRET} Berg": " ringer", "channel": "web", "submitted_at": "2026-11-28T09:30:00+01:00"}}"#
        ),
        format!(r#"{{"category": "praise", "description": "Hej ", "{SECRET} Berg": " ringer""#),
        format!(r#"{{"category": "praise", "description": {{"{SECRET}": 1}}, "channel": "web"}}"#),
        format!(r#"{{"category": "praise", "contact": {{"{SECRET}": "x"}}, "a": 1, "a": 2}}"#),
    ] {
        let out = everywhere(&["validate", "--kind", "feedback", "-"], Some(text.as_bytes()));
        clean("a key", &out);
        let out = fix_diff(&["fix", "--kind", "feedback", "--diff", "-"], text.as_bytes());
        clean("fix --diff, a key", &out);
    }
}

/// Terminal escapes in codes and keys (a submission could retitle the window, clear the
/// screen or forge a line) are escaped in every human and `-q` output.
#[test]
fn control_characters_never_reach_the_terminal() {
    let text = "{\"category\": \"\\u001b]0;pwned\\u0007\\u001b[2J\", \"ke\\u001b[1Ay\": 1, \"channel\": \"w\\u009beb\\r\\u202e\"}";
    for args in [
        &["validate", "--kind", "feedback", "-"][..],
        &["validate", "--kind", "feedback", "-q", "-"],
        &["validate", "--kind", "feedback", "--format", "github", "-"],
        &["validate", "--kind", "partnership", "-"],
    ] {
        let r = run(args, Some(text.as_bytes()));
        assert_eq!(r.code, 1, "{}", r.stderr);
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\r', '\u{202e}'] {
            assert!(!r.stdout.contains(c), "{args:?}: raw {c:?} in\n{}", r.stdout);
            assert!(!r.stderr.contains(c), "{args:?}: raw {c:?} in\n{}", r.stderr);
        }
        assert!(r.stdout.contains("\\u{1b}"), "{args:?}: the escape is shown\n{}", r.stdout);
    }
}

/// Standard input is read through the size limit: an endless stream is one document too
/// large, reported in bounded time and memory (it was read whole before).
#[test]
fn endless_stdin_stops_at_the_size_limit() {
    for ndjson in [false, true] {
        let mut c = command();
        c.args(["validate", "--kind", "feedback", "--format", "json", "-"]);
        if ndjson {
            c.arg("--ndjson");
        }
        c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let chunk = vec![b'x'; 1 << 16];
            let started = Instant::now();
            // Stops when the reader has gone (a broken pipe), or after a bound.
            while started.elapsed() < Duration::from_secs(60) {
                if stdin.write_all(&chunk).is_err() {
                    return true;
                }
            }
            false
        });
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("limits.document_size"), "ndjson={ndjson}: {stdout}");
        assert!(writer.join().unwrap(), "ndjson={ndjson}: the CLI read on past the limit");
    }
}

/// A symbolic link in a directory that leads out of it is not followed (unless asked).
#[cfg(unix)]
#[test]
fn links_out_of_a_directory_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("private.json");
    std::fs::write(
        &secret,
        format!(
            r#"{{"$schema": "feedback.schema.json", "category": "x", "description": "{SECRET}"}}"#
        ),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"$schema": "feedback.schema.json"}"#).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("b.json")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("inside.json"), "{}").unwrap();
    std::os::unix::fs::symlink(dir.path().join("inside.json"), dir.path().join("c.json")).unwrap();
    let mut c = command();
    c.current_dir(dir.path());
    let r = run_with(c, &["validate", "--format", "json", "."], None);
    assert!(!r.stdout.contains("private") && !r.stdout.contains("b.json"), "{}", r.stdout);
    assert!(r.stderr.contains("b.json: skipped: a symbolic link out of"), "{}", r.stderr);
    assert!(r.stdout.contains("c.json"), "a link inside the tree is followed: {}", r.stdout);
    let mut c = command();
    c.current_dir(dir.path());
    let r = run_with(c, &["validate", "--format", "json", "--follow-links", "."], None);
    assert!(r.stdout.contains("b.json"), "--follow-links follows it: {}", r.stdout);
}
