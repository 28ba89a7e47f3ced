//! The `kommun-intl` command; everything is in the library (`src/lib.rs`).

use std::process::ExitCode;

fn main() -> ExitCode {
    kommun_intl_cli::main()
}
