"""The spreadsheet benchmark: `kommun-intl validate` on a register of 100,000 partnerships kept
as a CSV folder and as an xlsx workbook, beside frictionless `validate` (the tool a data
steward would pick instead) on the same CSV with an equivalent Table Schema.

Usage: python bench/sheets.py PATH/TO/kommun-intl [--rows N]. Writes bench-data/sheets/ (the
data) and bench-data/sheets.json (the results; bench/report.py puts them in BENCHMARKS.md).
Each command runs three times; the fastest wall time counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import pathlib
import resource
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data" / "sheets"

COUNTRIES = ["HU", "CN", "DE", "NO", "FI", "DK", "EE", "LV", "LT", "PL", "FR", "IT", "ES", "NL"]
AGREEMENTS = [("twinning", "Vänortsavtal"), ("cooperation", "Samarbetsavtal"),
              ("friendship", "Vänskapsavtal")]
STATUSES = [("active", "Aktivt"), ("ended", "Avslutat"), ("paused", "Pausat")]
AREAS = [("education", "Utbildning"), ("culture", "Kultur"), ("business", "Näringsliv")]
HEADER = ["Id", "Partner – namn", "Land", "Avtalstyp", "Samarbetsområden", "Start", "Status"]


def generate(rows: int) -> pathlib.Path:
    folder = DATA / "register"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "Kommun.csv").write_text(
        "Kommun – id;lidkoping\nKommun – namn;Lidköpings kommun\nKommun – kommunkod;1494\n",
        encoding="utf-8",
    )
    with open(folder / "Partnerskap.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow([
                f"partner-{i}",
                f"Partnerstad {i}",
                COUNTRIES[i % len(COUNTRIES)],
                AGREEMENTS[i % len(AGREEMENTS)][1],
                f"{AREAS[i % 3][1]}; {AREAS[(i + 1) % 3][1]}",
                str(1950 + i % 70),
                STATUSES[i % len(STATUSES)][1],
            ])
    return folder


def table_schema() -> dict:
    """The same checks as a Frictionless Table Schema can say them."""
    def enum(name: str, values: list[str]) -> dict:
        return {"name": name, "type": "string", "constraints": {"required": True, "enum": values}}
    return {
        "fields": [
            {"name": HEADER[0], "type": "string",
             "constraints": {"required": True, "unique": True, "pattern": "[a-z0-9][a-z0-9_-]{0,63}"}},
            {"name": HEADER[1], "type": "string", "constraints": {"required": True, "maxLength": 500}},
            enum(HEADER[2], COUNTRIES),
            enum(HEADER[3], [label for _, label in AGREEMENTS]),
            {"name": HEADER[4], "type": "string"},
            {"name": HEADER[5], "type": "string", "constraints": {"pattern": "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"}},
            enum(HEADER[6], [label for _, label in STATUSES]),
        ],
        "primaryKey": [HEADER[0]],
    }


def best(cmd: list[str], runs: int = 3) -> tuple[float, float, int]:
    """The fastest wall time and CPU time (user + system, which a busy machine inflates
    less) of `runs` runs, and the exit code."""
    times, cpus, code = [], [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(times), min(cpus), code


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("cli")
    p.add_argument("--rows", type=int, default=100_000)
    args = p.parse_args()
    folder = generate(args.rows)
    register = DATA / "register.json"
    with open(register, "w") as out:
        subprocess.run([args.cli, "import", str(folder)], stdout=out, check=True)
    xlsx = DATA / "register.xlsx"
    subprocess.run([args.cli, "export", str(register), "--to", "xlsx", "-o", str(xlsx)], check=True,
                   stderr=subprocess.DEVNULL)
    schema = DATA / "partnerskap.schema.json"
    schema.write_text(json.dumps(table_schema(), ensure_ascii=False), encoding="utf-8")
    frictionless = shutil.which("frictionless", path=str(pathlib.Path(sys.executable).parent))
    results = {"rows": args.rows, "runs": []}
    for name, cmd in [
        ("kommun-intl validate (CSV folder)", [args.cli, "validate", "-q", str(folder)]),
        ("kommun-intl validate (xlsx)", [args.cli, "validate", "-q", str(xlsx)]),
    ] + ([("frictionless validate (CSV, Table Schema)",
           [frictionless, "validate", "--trusted", "--schema", str(schema), str(folder / "Partnerskap.csv")])]
         if frictionless else []):
        wall, cpu, code = best(cmd)
        results["runs"].append({"name": name, "wall_s": wall, "cpu_s": cpu, "exit_code": code})
        print(f"{name}: {wall:.2f} s wall, {cpu:.2f} s CPU (exit {code})")
    results["csv_bytes"] = (folder / "Partnerskap.csv").stat().st_size
    results["xlsx_bytes"] = xlsx.stat().st_size
    (ROOT / "bench-data" / "sheets.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
