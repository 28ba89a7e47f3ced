//! The `kommun-intl` command; everything is in the library (`src/lib.rs`).

use std::process::ExitCode;

/// The model's many small strings and vectors, served by mimalloc (see the workspace's
/// `Cargo.toml`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    // The main thread reads and reports while the pool checks, then checks with it: one
    // thread per core, not one more (`validate::run`).
    kommun_intl::parallel::join_pool();
    kommun_intl_cli::main()
}

/// Turns transparent huge pages off for this process. Where the kernel's setting is `always`
/// (Fedora's, RHEL's, many servers'), every 2 MiB of mimalloc's arenas the run touches became
/// one huge page, zeroed whole at its first write: the CLI held 46-56 MiB on the
/// 1,000,000-line stream and 52-70 MiB on 10,000 small files instead of 20 and 29 MiB, and a
/// run over the small files took 0.12-0.54 s instead of 0.11-0.15 s (`bench/notes.md`). A
/// validator's working set is small and short-lived: the larger pages buy nothing here. This
/// is this process's own flag (`prctl(PR_SET_THP_DISABLE)`), not the system's; the Python
/// extension leaves its host process's setting alone.
fn no_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // A kernel without the flag (before 3.15) leaves the pages as they were: nothing to report.
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}
