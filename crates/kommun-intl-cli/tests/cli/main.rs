//! Tests that run the built `kommun-intl` binary: output of every format (snapshots under
//! `snapshots/`), exit codes, inputs (files, directories, stdin, NDJSON), the environment
//! (language, colour, no progress bar without a terminal), `fix`, the catalogue commands, and
//! that no personal value is ever printed.

mod commands;
mod config;
mod convert;
mod environment;
mod fix;
mod formats;
mod hostile;
mod inputs;
mod personal;
mod publish;
mod sheets;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The directory of this crate's test data; commands run there so that paths in the output
/// are short and stable.
pub(crate) fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// The binary with a clean, terminal-less environment: English, no colour settings.
pub(crate) fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kommun-intl"));
    for var in ["NO_COLOR", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "CLICOLOR_FORCE"] {
        c.env_remove(var);
    }
    c.env("TERM", "xterm").current_dir(data());
    c
}

/// Runs the binary in the test data directory with `args` and, if given, `stdin`.
pub(crate) fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    run_with(command(), args, stdin)
}

/// Runs a prepared command.
pub(crate) fn run_with(mut c: Command, args: &[&str], stdin: Option<&[u8]>) -> Run {
    c.args(args).stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().expect("piped").write_all(input).expect("stdin takes the input");
    }
    let out = child.wait_with_output().expect("the binary ends");
    Run {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}
