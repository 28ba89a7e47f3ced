//! The `kommun-intl` command; everything is in the library (`src/lib.rs`).

use std::process::ExitCode;

/// The model's many small strings and vectors, served by mimalloc (see the workspace's
/// `Cargo.toml`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kommun_intl_cli::main()
}
