//! What the environment decides: the language, colour, and the progress bar.

use crate::{command, run, run_with};

const ESC: char = '\u{1b}';

/// True when `s` holds an SGR (colour) escape sequence, `ESC [ ... m`; a progress bar's
/// cursor movements are not colour.
fn has_colour(s: &str) -> bool {
    s.split(ESC).skip(1).any(|rest| {
        rest.strip_prefix('[').is_some_and(|r| {
            let end = r.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(r.len());
            r[end..].starts_with('m')
        })
    })
}

#[test]
fn without_a_terminal_there_is_no_colour_and_no_progress_bar() {
    for format in ["human", "json", "github", "sarif"] {
        let r = run(&["validate", "--format", format, "register.json", "feedback.ndjson"], None);
        assert!(!r.stdout.contains(ESC), "{format}: colour in a pipe");
        // Nothing on stderr at all: no bar, no spinner, no escape codes.
        assert_eq!(r.stderr, "", "{format}");
    }
}

#[test]
fn colour_when_asked_and_never_with_no_color() {
    let r = run(&["validate", "--color", "always", "register.json"], None);
    assert!(r.stdout.contains(ESC), "--color always colours");
    let mut c = command();
    c.env("NO_COLOR", "1");
    let r = run_with(c, &["validate", "--color", "always", "register.json"], None);
    assert!(!r.stdout.contains(ESC), "NO_COLOR wins over --color always");
    let mut c = command();
    c.env("NO_COLOR", "");
    let r = run_with(c, &["validate", "--color", "always", "register.json"], None);
    assert!(r.stdout.contains(ESC), "an empty NO_COLOR is not set");
}

/// On a real terminal (a pseudo-terminal made by util-linux's `script`, part of every Linux
/// system), colour comes on by itself and `NO_COLOR` still turns it off.
#[test]
#[cfg_attr(not(target_os = "linux"), ignore = "needs util-linux's `script` and its flags")]
fn colour_on_a_terminal_unless_no_color() {
    let script = which("script").expect("util-linux's `script` is on the PATH");
    let bin = env!("CARGO_BIN_EXE_kommun-intl");
    let line = format!("{bin} validate register.json");
    let mut c = std::process::Command::new(&script);
    c.current_dir(crate::data()).env("TERM", "xterm").env_remove("NO_COLOR");
    let r = run_with(c, &["-qec", &line, "/dev/null"], None);
    assert!(has_colour(&r.stdout), "a terminal gets colour: {}", r.stdout);
    let mut c = std::process::Command::new(&script);
    c.current_dir(crate::data()).env("TERM", "xterm").env("NO_COLOR", "1");
    let r = run_with(c, &["-qec", &line, "/dev/null"], None);
    assert!(!has_colour(&r.stdout), "NO_COLOR: {}", r.stdout);
}

/// The binary is linked at a fixed address on Linux (`build.rs`): its ELF type is `ET_EXEC`,
/// not the position-independent `ET_DYN`, so the loader has no relocations to write at start-up;
/// built with `KOMMUN_INTL_PIE=1`, it is a PIE.
#[test]
#[cfg_attr(not(target_os = "linux"), ignore = "the link is position-dependent only on Linux")]
fn the_binary_is_linked_at_a_fixed_address() {
    const ET_EXEC: u16 = 2;
    const ET_DYN: u16 = 3;
    use std::io::Read as _;
    let pie = option_env!("KOMMUN_INTL_PIE").is_some_and(|v| !v.is_empty() && v != "0");
    let mut bytes = [0; 18];
    std::fs::File::open(env!("CARGO_BIN_EXE_kommun-intl"))
        .and_then(|mut f| f.read_exact(&mut bytes))
        .expect("the binary's ELF header is readable");
    assert_eq!(&bytes[..4], b"\x7fELF", "an ELF file");
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    let expected = if pie { ET_DYN } else { ET_EXEC };
    assert_eq!(e_type, expected, "ELF type {e_type}: 2 is a fixed-address executable, 3 a PIE");
}

/// The process turns transparent huge pages off for itself (`main.rs`): while it waits on its
/// standard input, the kernel's view of it (`/proc/PID/status`) says `THP_enabled: 0`.
#[test]
#[cfg_attr(not(target_os = "linux"), ignore = "the flag and /proc are Linux's")]
fn huge_pages_are_off_for_the_process() {
    use std::time::{Duration, Instant};
    let mut child = command()
        .args(["validate", "--kind", "feedback", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("kommun-intl starts");
    let status = format!("/proc/{}/status", child.id());
    let started = Instant::now();
    let mut seen = String::new();
    // The flag is set as `main` begins: until then the line shows the parent's setting.
    while started.elapsed() < Duration::from_secs(20) {
        let text = std::fs::read_to_string(&status).expect("its /proc status is readable");
        seen = text.lines().find(|l| l.starts_with("THP_enabled:")).unwrap_or_default().to_owned();
        if seen.ends_with('0') {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(child.stdin.take());
    child.wait().expect("kommun-intl ends when its input does");
    assert!(!seen.is_empty(), "the kernel reports THP_enabled (Linux 5.0 and newer)");
    assert_eq!(seen.split_whitespace().collect::<Vec<_>>(), ["THP_enabled:", "0"]);
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()).ok_or(())
}

#[test]
fn the_language_follows_the_locale_unless_given() {
    let mut c = command();
    c.env("LANG", "sv_SE.UTF-8");
    let r = run_with(c, &["validate", "register.json"], None);
    assert!(r.stdout.contains("fel[structure.unknown_field]: Okänt fält"), "{}", r.stdout);
    assert!(r.stdout.contains("Kontrollerade 1 fil, 1 dokument"), "{}", r.stdout);

    let mut c = command();
    c.env("LANG", "sv_SE.UTF-8").env("LC_ALL", "en_GB.UTF-8");
    let r = run_with(c, &["validate", "register.json"], None);
    assert!(r.stdout.contains("error[structure.unknown_field]: Unknown field"), "{}", r.stdout);

    let mut c = command();
    c.env("LC_ALL", "sv_SE.UTF-8");
    let r = run_with(c, &["validate", "--lang", "en", "register.json"], None);
    assert!(r.stdout.contains("Unknown field"), "--lang wins over the locale");

    let r = run(&["validate", "register.json"], None);
    assert!(r.stdout.contains("Unknown field"), "English without a locale");
}
