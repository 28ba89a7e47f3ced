#!/usr/bin/env sh
# Runs kommun-intl for pre-commit (see .pre-commit-hooks.yaml at the repository root).
#
# pre-commit installs a hook repository by cloning it; this script builds the CLI from that
# clone (once: cargo keeps the build in the clone's target/ and later runs only check it is
# fresh) and runs it with the arguments pre-commit passes: the subcommand, its options and the
# staged files. It needs a Rust toolchain (cargo) on PATH.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cargo build --quiet --release --locked --manifest-path "$root/Cargo.toml" \
    --target-dir "$root/target" -p kommun-intl-cli
exec "$root/target/release/kommun-intl" "$@"
