//! `kommun-intl`: validate data files of a municipality's international work and write the
//! JSON Schemas.

mod commands;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Validate data about a Swedish municipality's international work.
#[derive(Debug, Parser)]
#[command(name = "kommun-intl", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate JSON files. Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage or I/O error.
    Validate(commands::ValidateArgs),
    /// Print a JSON Schema, or write or check all of them.
    Schema(commands::SchemaArgs),
}

/// How to print issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: error[code]: message`, for people.
    Human,
    /// One JSON object for all files, for programs.
    Json,
}

/// The exit statuses.
pub mod exit {
    /// Every file is valid (warnings allowed).
    pub const VALID: u8 = 0;
    /// At least one file has an error.
    pub const INVALID: u8 = 1;
    /// Bad usage, or a file could not be read or written.
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { exit::USAGE } else { exit::VALID });
        }
    };
    let code = match cli.command {
        Command::Validate(args) => commands::validate(&args),
        Command::Schema(args) => commands::schema(&args),
    };
    ExitCode::from(code)
}
