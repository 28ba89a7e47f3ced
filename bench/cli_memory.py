"""Peak memory of the kommun-intl CLI on the NDJSON streams.

Runs the release binary once per stream, each in a child process whose maximum resident set
size the kernel reports through rusage (no /usr/bin/time needed), and writes
bench-data/cli-memory.json. Standard library only.

    python3 bench/cli_memory.py target/release/kommun-intl
"""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"
WORKLOADS = ["ndjson-valid", "ndjson-invalid-many"]

CHILD = r"""
import os, resource, subprocess, sys, time
t0 = time.perf_counter()
with open(os.devnull, "wb") as null:
    rc = subprocess.run(sys.argv[1:], stdout=null, stderr=null).returncode
wall = time.perf_counter() - t0
print(rc, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def main() -> None:
    binary = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "target/release/kommun-intl")
    runs = []
    for name in WORKLOADS:
        path = DATA / f"{name}.ndjson"
        cmd = [str(binary), "validate", str(path), "--kind", "feedback"]
        # A fresh Python per run: RUSAGE_CHILDREN is the peak over all of its children.
        out = subprocess.run([sys.executable, "-c", CHILD, *cmd], capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"could not run {cmd}: {out.stderr.strip()}")
        rc, wall, rss = out.stdout.split()
        runs.append({"workload": name, "exit_code": int(rc), "wall_s": float(wall), "max_rss_kib": int(rss)})
        print(f"{name}: exit {rc}, {float(wall):.2f} s, peak RSS {int(rss) / 1024:.1f} MiB", flush=True)
    command = f"kommun-intl validate bench-data/<stream>.ndjson --kind feedback"
    (DATA / "cli-memory.json").write_text(json.dumps({"command": command, "runs": runs}, indent=1))


if __name__ == "__main__":
    main()
