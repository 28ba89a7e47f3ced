"""The kommun-intl CLI against the other JSON Schema command-line validators, whole process.

Every command runs as the child of a fresh Python process whose rusage gives the child's peak
resident set size (no /usr/bin/time needed); wall time is measured around it. Output goes to
/dev/null. Standard library only. Writes bench-data/cli.json.

Workloads, all valid (each command's exit status must say so, or its row says it disagrees):

- one small file (`feedback-valid.json`): the median of 21 runs of each command, so start-up
  is what is measured;
- 10,000 small files: the first 10,000 lines of `ndjson-valid.ndjson`, one feedback per file
  in bench-data/small-files/, one run of each command over all of them (interleaved, median
  of 3);
- the NDJSON streams: kommun-intl only (the peers read one document per file), on one thread
  (`RAYON_NUM_THREADS=1`) and on every core: the speed-up of the parallel path.

Peers: `jsonschema-cli` (the `jsonschema` crate's CLI, Rust, formats asserted as ours are;
installed by bench/run.sh),
`check-jsonschema` (Python, pinned in bench/requirements.txt) and `ajv-cli` with ajv-formats
(Node, pinned in package.json, run with `node` directly so that npx's start-up is not counted).

    python3 bench/cli.py target/release/kommun-intl .venv-bench/cargo/bin/jsonschema-cli
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
SCHEMA = ROOT / "schemas" / "feedback.schema.json"
SMALL = DATA / "small-files"
FILES = 10_000

CHILD = r"""
import os, resource, subprocess, sys, time
env = dict(os.environ)
env.update(dict(kv.split("=", 1) for kv in os.environ.get("BENCH_ENV", "").split() if kv))
t0 = time.perf_counter()
with open(os.devnull, "wb") as null:
    rc = subprocess.run(sys.argv[1:], stdout=null, stderr=null, env=env).returncode
wall = time.perf_counter() - t0
print(rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(cmd: list[str], env: str = "") -> tuple[int, float, int]:
    """(exit status, wall seconds, peak RSS in KiB) of one run of `cmd`."""
    out = subprocess.run(
        [sys.executable, "-c", CHILD, *cmd],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "BENCH_ENV": env},
    )
    if out.returncode != 0:
        sys.exit(f"could not run {cmd}: {out.stderr.strip()}")
    rc, wall, rss = out.stdout.split()
    return int(rc), float(wall), int(rss)


def small_files() -> list[pathlib.Path]:
    """bench-data/small-files/: one valid feedback per file, from the valid stream."""
    if SMALL.is_dir() and len(list(SMALL.glob("*.json"))) == FILES:
        return sorted(SMALL.glob("*.json"))
    shutil.rmtree(SMALL, ignore_errors=True)
    SMALL.mkdir(parents=True)
    with open(DATA / "ndjson-valid.ndjson", "rb") as f:
        for n in range(FILES):
            (SMALL / f"{n:05}.json").write_bytes(f.readline().rstrip(b"\n"))
    return sorted(SMALL.glob("*.json"))


def commands(ours: str, jsonschema_cli: str | None, files: list[str], directory: str) -> dict[str, list[str] | None]:
    """Each tool's command for the files (ours reads the directory; ajv a glob of it)."""
    venv_bin = pathlib.Path(sys.executable).parent
    check = shutil.which("check-jsonschema", path=str(venv_bin))
    ajv = ROOT / "node_modules" / "ajv-cli" / "dist" / "index.js"
    node = shutil.which("node")
    one = len(files) == 1
    return {
        "kommun-intl": [ours, "validate", "--quiet", "--kind", "feedback", files[0] if one else directory],
        "jsonschema-cli": (
            [jsonschema_cli, "validate", "--assert-format", "--offline", "--output", "flag", str(SCHEMA),
             *(a for f in files for a in ("-i", f))]
            if jsonschema_cli else None
        ),
        "check-jsonschema": [check, "--schemafile", str(SCHEMA), *files] if check else None,
        "ajv-cli": (
            [node, str(ajv), "validate", "--spec=draft2020", "-c", "ajv-formats",
             "-c", "./schemas/ajv-keywords.cjs", "-s", str(SCHEMA),
             "-d", files[0] if one else f"{directory}/*.json"]
            if node and ajv.exists() else None
        ),
    }


def compare(name: str, cmds: dict[str, list[str] | None], rounds: int) -> dict:
    """Interleaved rounds of every command; the median wall time, the peak memory."""
    runs: dict[str, list[tuple[int, float, int]]] = {k: [] for k, c in cmds.items() if c}
    for _ in range(rounds):
        for tool, cmd in cmds.items():
            if cmd:
                runs[tool].append(measure(cmd))
    rows = []
    for tool, cmd in cmds.items():
        if not cmd:
            rows.append({"tool": tool, "missing": True})
            continue
        rs = runs[tool]
        codes = sorted({r[0] for r in rs})
        rows.append({
            "tool": tool,
            "exit_codes": codes,
            "agrees": codes == [0],
            "wall_s": statistics.median(r[1] for r in rs),
            "max_rss_kib": max(r[2] for r in rs),
        })
        print(f"{name} {tool}: exit {codes}, {rows[-1]['wall_s'] * 1000:.1f} ms, "
              f"peak RSS {rows[-1]['max_rss_kib'] / 1024:.1f} MiB", flush=True)
    return {"workload": name, "rounds": rounds, "rows": rows}


def main() -> None:
    ours = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/release/kommun-intl")
    jsonschema_cli = sys.argv[2] if len(sys.argv) > 2 and pathlib.Path(sys.argv[2]).exists() else None
    small = [str(p.relative_to(ROOT)) for p in small_files()]
    one = [str((DATA / "feedback-valid.json").relative_to(ROOT))]
    peers = [
        compare("one small file", commands(ours, jsonschema_cli, one, ""), 21),
        compare(f"{FILES:,} small files", commands(ours, jsonschema_cli, small, str(SMALL.relative_to(ROOT))), 3),
    ]
    streams = []
    cores = os.cpu_count() or 1
    for name in ("ndjson-valid", "ndjson-invalid-many"):
        cmd = [ours, "validate", str(DATA / f"{name}.ndjson"), "--kind", "feedback"]
        for threads in (1, cores):
            rc, wall, rss = measure(cmd, f"RAYON_NUM_THREADS={threads}")
            streams.append({"workload": name, "threads": threads, "exit_code": rc, "wall_s": wall, "max_rss_kib": rss})
            print(f"{name} on {threads} thread(s): exit {rc}, {wall:.2f} s, peak RSS {rss / 1024:.1f} MiB", flush=True)
    versions = {}
    if jsonschema_cli:
        out = subprocess.run([jsonschema_cli, "--version"], capture_output=True, text=True).stdout.strip()
        versions["jsonschema-cli"] = out.removeprefix("jsonschema-cli").strip()
    lock = json.loads((ROOT / "package-lock.json").read_text())
    versions["ajv-cli"] = lock["packages"].get("node_modules/ajv-cli", {}).get("version", "?")
    try:
        from importlib.metadata import version
        versions["check-jsonschema"] = version("check-jsonschema")
    except Exception:  # noqa: BLE001 - reported as unknown
        versions["check-jsonschema"] = "?"
    (DATA / "cli.json").write_text(json.dumps({
        "command": "kommun-intl validate bench-data/<stream>.ndjson --kind feedback",
        "cores": cores,
        "peers": peers,
        "streams": streams,
        "versions": versions,
    }, indent=1))


if __name__ == "__main__":
    main()
