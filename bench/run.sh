#!/usr/bin/env bash
# `make bench`: every benchmark in one run, then BENCHMARKS.md. See bench/report.py for what is
# measured and how. Creates .venv-bench/ (the pinned tools of bench/requirements.txt) and
# bench-data/ (generated data and raw results); both are git-ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO=${CARGO:-cargo}
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
VENV=.venv-bench
DATA=bench-data
TARGET=${CARGO_TARGET_DIR:-target}
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t0=$(date +%s)

mkdir -p "$DATA"
: > "$DATA/loads.txt"
mark() { echo "$1 $(cut -d' ' -f1 /proc/loadavg)" >> "$DATA/loads.txt"; echo "== $1 (load $(cut -d' ' -f1 /proc/loadavg))"; }

mark "start"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
# The `jsonschema` crate's own CLI, a peer of ours (bench/cli.py); the Node peers come from
# package.json (npm ci).
JSONSCHEMA_CLI_VERSION=0.60.2
if [ "$("$VENV/cargo/bin/jsonschema-cli" --version 2>/dev/null)" != "jsonschema-cli $JSONSCHEMA_CLI_VERSION" ]; then
    $CARGO install --quiet --locked --root "$VENV/cargo" jsonschema-cli --version "$JSONSCHEMA_CLI_VERSION"
fi
[ -d node_modules/ajv-cli ] || npm ci --no-audit --no-fund --loglevel=error

echo "== building (release)"
$CARGO build --release --locked -p kommun-intl-bench --bin gen-bench-data
$CARGO build --release --locked -p kommun-intl-cli
$CARGO bench --locked -p kommun-intl-bench --no-run
VIRTUAL_ENV="$PWD/$VENV" PATH="$PWD/$VENV/bin:$PATH" \
    "$VENV/bin/maturin" develop --release --locked --quiet -m bindings/python/Cargo.toml

mark "data"
"$TARGET/release/gen-bench-data" "$DATA"

mark "rust"
rm -rf "$DATA/criterion"
CRITERION_HOME="$PWD/$DATA/criterion" BENCH_DATA="$PWD/$DATA" \
    $CARGO bench --locked -p kommun-intl-bench --bench validate -- --noplot

mark "cli"
"$VENV/bin/python" bench/cli.py "$TARGET/release/kommun-intl" "$VENV/cargo/bin/jsonschema-cli"

mark "python"
"$VENV/bin/python" bench/python/bench.py --data "$DATA"
"$VENV/bin/python" bench/python/access.py

mark "sheets"
"$VENV/bin/python" bench/sheets.py "$TARGET/release/kommun-intl"

mark "end"
"$VENV/bin/python" - "$started" "$(( $(date +%s) - t0 ))" <<'PY'
import json, sys
loads = dict(line.split() for line in open("bench-data/loads.txt") if line.strip())
json.dump({"started": sys.argv[1], "elapsed": int(sys.argv[2]), "load": loads}, open("bench-data/run-info.json", "w"))
PY
"$VENV/bin/python" bench/report.py
