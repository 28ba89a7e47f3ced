"""Writes BENCHMARKS.md from one `make bench` run's results (standard library only).

Inputs, all under bench-data/ (generated, git-ignored):

- manifest.json: the workloads (gen-bench-data);
- criterion/**/new/{benchmark,estimates}.json: the Rust benchmarks (criterion, median);
- rust-verdicts.json: the Rust schema peer's verdicts against kommun-intl's;
- rust-paired.json: full validation over the typed parse, timed in back-to-back pairs;
- python-results.json: the Python benchmarks (bench/python/bench.py);
- python-access.json: nested values as dicts or as objects (bench/python/access.py);
- cli.json: the CLI against the other validators' CLIs (one small file, 10,000 files), and on the NDJSON streams on one thread and on every core, with peak memory (bench/cli.py);
- sheets.json: spreadsheets, kommun-intl beside frictionless (bench/sheets.py);
- run-info.json: the machine's load while the run went on (bench/run.sh).

bench/notes.md, the hand-written analysis, is copied in at the end.
"""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import platform
import re
import subprocess
import sys
from typing import Any, Optional

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT / "bench-data"

FAMILY_TITLES = {
    "Small": "one feedback (~300 B)",
    "MediumPartnership": "one partnership (~1 KB)",
    "MediumProject": "one project (~1 KB)",
    "Large": "register: 5,000 partnerships + 5,000 projects",
    "Ndjson": "NDJSON: 1,000,000 feedback lines",
}
RUST_PEERS = ["serde-typed", "serde-value", "jsonschema-is_valid", "jsonschema-iter_errors"]


def load(name: str) -> Any:
    path = DATA / name
    return json.loads(path.read_text()) if path.exists() else None


def sh(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False).stdout.strip()
    except OSError:
        return "?"


def fmt_time(seconds: Optional[float]) -> str:
    if seconds is None:
        return "–"
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(r: Optional[float]) -> str:
    if r is None:
        return "–"
    return f"{r:.2f}x" if r < 10 else f"{r:.0f}x"


def fmt_size(n: int) -> str:
    if n < 10_000:
        return f"{n} B"
    if n < 10_000_000:
        return f"{n / 1e3:.0f} KB"
    return f"{n / 1e6:.0f} MB"


def criterion_results() -> dict[tuple[str, str], float]:
    """(group, function) -> median seconds."""
    out = {}
    base = DATA / "criterion"
    for bench in base.glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        out[(meta["group_id"], meta["function_id"])] = est["median"]["point_estimate"] / 1e9
    return out


def machine() -> list[str]:
    cpu = "?"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", pathlib.Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores; memory {mem}",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
    ]


def cargo_lock_versions(names: list[str]) -> dict[str, str]:
    text = (ROOT / "Cargo.lock").read_text()
    out = {}
    for name in names:
        m = re.search(r'name = "' + re.escape(name) + r'"\nversion = "([^"]+)"', text)
        out[name] = m.group(1) if m else "?"
    return out


def sheets_section(w: Any, s: dict) -> None:
    """kommun-intl on a register kept as CSV and xlsx, beside frictionless on the same CSV."""
    w("## Spreadsheets: kommun-intl against frictionless")
    w("")
    w(f"A register of {s['rows']:,} partnerships (`bench/sheets.py`): a CSV folder "
      f"({fmt_size(s['csv_bytes'])} of `Partnerskap.csv`) and the same register exported as xlsx "
      f"({fmt_size(s['xlsx_bytes'])}). `frictionless validate` checks the CSV against an "
      "equivalent Table Schema (types, required, unique ids, patterns, code lists); kommun-intl "
      "checks the whole model besides. Wall and CPU time (user + system) of the whole command, "
      "fastest of three.")
    w("")
    w("| command | wall time | CPU time | rows/s (CPU) | vs frictionless (CPU) | exit code |")
    w("|---|---:|---:|---:|---:|---:|")
    fl = next((r["cpu_s"] for r in s["runs"] if r["name"].startswith("frictionless")), None)
    for r in s["runs"]:
        ratio = f"{fl / r['cpu_s']:.1f}x faster" if fl and not r["name"].startswith("frictionless") else ""
        w(f"| {r['name']} | {r['wall_s']:.2f} s | {r['cpu_s']:.2f} s | "
          f"{s['rows'] / r['cpu_s'] / 1000:.0f} k | {ratio} | {r['exit_code']} |")
    w("")


def main() -> None:
    manifest = load("manifest.json")
    if manifest is None:
        sys.exit("bench-data/manifest.json is missing: run `make bench`")
    workloads = manifest["workloads"]
    by_name = {w["name"]: w for w in workloads}
    rust = criterion_results()
    verdicts = {v["workload"]: v for v in (load("rust-verdicts.json") or {}).get("rust", [])}
    py = load("python-results.json")
    cli = load("cli.json")
    run = load("run-info.json") or {}

    out: list[str] = []
    w = out.append
    w("# Benchmarks")
    w("")
    w(
        "Generated by `make bench` (`bench/run.sh`, then `bench/report.py`); do not edit by hand. "
        "The analysis at the end comes from `bench/notes.md`."
    )
    w("")
    w("Reproduce on a fresh machine (CPython 3.11 and rustup's cargo; it creates `.venv-bench/` "
      "with the tools pinned in `bench/requirements.txt` and writes its data to `bench-data/`):")
    w("")
    w("```sh")
    w("make bench")
    w("```")
    w("")
    w("Every ratio is **peer time / kommun-intl time** for the same work on the same bytes in one "
      "run: above 1 kommun-intl is faster. Times are medians (criterion for Rust; the median of "
      "interleaved rounds for Python).")
    w("")

    # ---- machine and versions
    w("## Machine and versions")
    w("")
    out.extend(machine())
    date = run.get("started") or datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    w(f"- Run: {date}, {run.get('elapsed', '?')} s in all")
    loads = run.get("load", {})
    if loads:
        parts = ", ".join(f"{k} {v}" for k, v in loads.items())
        w(f"- Load average (1 min) at each step: {parts}. A load well above 0 means other work "
          "shared the 2 cores and the times are noisy.")
    commit = sh("git", "rev-parse", "--short", "HEAD")
    dirty = " (with uncommitted changes)" if sh("git", "status", "--porcelain", "--untracked-files=no") else ""
    w(f"- kommun-intl: commit {commit}{dirty}")
    w(f"- Rust: {sh('rustc', '--version')}")
    crates = cargo_lock_versions(["serde_json", "jsonschema", "criterion", "pyo3"])
    w("- Rust crates: " + ", ".join(f"{k} {v}" for k, v in crates.items()))
    if py:
        w("- Python: " + ", ".join(f"{k} {v}" for k, v in py["versions"].items()))
    w(f"- Seed of the data generator: {manifest['seed']:#x} (`crates/kommun-intl-bench`)")
    w("")

    # ---- workloads
    w("## Workloads")
    w("")
    w("| workload | what | size | records | kommun-intl's verdict |")
    w("|---|---|---:|---:|---|")
    for x in workloads:
        bad = len(x["invalid_records"])
        verdict = "valid" if x["valid"] else (f"{bad} invalid" if x["ndjson"] else "invalid")
        w(f"| `{x['name']}` | {FAMILY_TITLES[x['family']]} | {fmt_size(x['bytes'])} | {x['records']:,} | {verdict} |")
    w("")
    w("Invalid variants break only what the JSON Schema can see, so that every peer can agree: "
      "`invalid-early` has one error at the first member (the register: in its first partnership; "
      "the stream: on line 1), `invalid-many` has errors all through (6-8 per document; every "
      "20th register entry; every 10th line).")
    w("")

    paired = {r["workload"]: r for r in (load("rust-paired.json") or {}).get("rust", [])}
    goals = goal_rows(rust, by_name, py, cli, paired)
    w("## Goals")
    w("")
    w("| goal | target | measured | met |")
    w("|---|---|---|---|")
    for g in goals:
        w(f"| {g[0]} | {g[1]} | {g[2]} | {g[3]} |")
    w("")

    # ---- Rust
    w("## Rust: kommun-intl against serde and the jsonschema crate")
    w("")
    w("`kommun-intl` is `DocumentKind::validate_json` (NDJSON: `ndjson::validate_line` per line): "
      "parse, every rule, every issue located. `serde-typed` parses into the same structs with no "
      "rules (the floor); `serde-value` builds a `serde_json::Value` only; `jsonschema-*` is "
      "`Value` plus the `jsonschema` crate (validator built once from kommun-intl's schema, formats "
      "on), `is_valid` or `iter_errors` (all errors, invalid inputs only). Ratios: peer / kommun-intl.")
    w("")
    w("| workload | kommun-intl | throughput | serde-typed | serde-value | jsonschema is_valid | jsonschema iter_errors |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for x in workloads:
        ours = rust.get((x["name"], "kommun-intl"))
        if ours is None:
            continue
        mbs = x["bytes"] / ours / 1e6
        thr = f"{mbs:.0f} MB/s"
        if x["ndjson"]:
            thr += f", {x['records'] / ours / 1e6:.2f} M rec/s"
        cells = []
        for p in RUST_PEERS:
            t = rust.get((x["name"], p))
            if t is None:
                v = verdicts.get(x["name"])
                cells.append("disagrees" if p.startswith("jsonschema") and v and v["disagreements"] else "–")
            else:
                cells.append(f"{fmt_time(t)} ({fmt_ratio(t / ours)})")
        w(f"| `{x['name']}` | {fmt_time(ours)} | {thr} | " + " | ".join(cells) + " |")
    w("")
    agree = [v for v in verdicts.values() if v["disagreements"] == 0]
    w(f"Verdicts: the jsonschema crate agrees with kommun-intl on {len(agree)} of {len(verdicts)} "
      "workloads (every document, every NDJSON line).")
    dis = [v for v in verdicts.values() if v["disagreements"]]
    for v in dis:
        w(f"- `{v['workload']}`: disagrees on {v['disagreements']} of {v['documents']} documents (not timed)")
    w("")

    # ---- explain
    w("### Explaining an invalid document vs accepting a valid one (kommun-intl, Rust)")
    w("")
    w("| family | valid | invalid-early | ratio | invalid-many | ratio |")
    w("|---|---:|---:|---:|---:|---:|")
    for fam, prefix in FAMILIES:
        t = [rust.get((f"{prefix}-{v}", "kommun-intl")) for v in ("valid", "invalid-early", "invalid-many")]
        if None in t:
            continue
        w(f"| {prefix} | {fmt_time(t[0])} | {fmt_time(t[1])} | {t[1] / t[0]:.2f}x | {fmt_time(t[2])} | {t[2] / t[0]:.2f}x |")
    w("")

    # ---- Python
    if py:
        python_section(w, py)
    access = load("python-access.json") if (DATA / "python-access.json").exists() else None
    if access:
        w("### Nested values: dicts described by TypedDicts, or attribute-access objects")
        w("")
        w("The same `register-valid` bytes, from the text to one read of every entry "
          "(`bench/python/access.py`; median of 7 runs). Ratios: time / kommun-intl's whole path.")
        w("")
        w("| what | how | time | ratio |")
        w("|---|---|---:|---:|")
        base = access["rows"][0]["seconds"]
        for r in access["rows"]:
            w(f"| {r['who']} | {r['what']} | {fmt_time(r['seconds'])} | {r['seconds'] / base:.2f}x |")
        w("")

    # ---- CLI
    if cli:
        w("## CLI: against the other validators' command-line tools, whole process")
        w("")
        versions = ", ".join(f"{k} {v}" for k, v in cli["versions"].items())
        w("Release build, output to /dev/null; wall time around the whole process and its peak "
          "resident set size from the kernel's rusage (`bench/cli.py`). The peers run "
          f"kommun-intl's committed `feedback` schema ({versions}; ajv with ajv-formats and "
          "`schemas/ajv-keywords.cjs`, run by `node` directly). Ratios: peer / kommun-intl.")
        w("")
        for p in cli["peers"]:
            ours = next((r for r in p["rows"] if r["tool"] == "kommun-intl"), None)
            w(f"### {p['workload']} (median of {p['rounds']} runs)")
            w("")
            w("| tool | wall time | ratio | peak RSS | verdict |")
            w("|---|---:|---:|---:|---|")
            for r in p["rows"]:
                if r.get("missing"):
                    w(f"| {r['tool']} | not installed | | | |")
                    continue
                ratio = "" if r["tool"] == "kommun-intl" else fmt_ratio(r["wall_s"] / ours["wall_s"]) if ours else "–"
                verdict = "valid" if r["agrees"] else f"**disagrees** (exit {r['exit_codes']})"
                w(f"| {r['tool']} | {fmt_time(r['wall_s'])} | {ratio} | {r['max_rss_kib'] / 1024:.1f} MiB | {verdict} |")
            w("")
        w(f"### NDJSON streams: `{cli['command']}`")
        w("")
        w("| stream | size | threads | wall time | records/s | peak RSS | exit code |")
        w("|---|---:|---:|---:|---:|---:|---:|")
        for r in cli["streams"]:
            x = by_name.get(r["workload"], {})
            w(f"| `{r['workload']}` | {fmt_size(x.get('bytes', 0))} | {r['threads']} | {r['wall_s']:.2f} s | "
              f"{x.get('records', 0) / r['wall_s'] / 1e6:.2f} M | {r['max_rss_kib'] / 1024:.1f} MiB | {r['exit_code']} |")
        w("")

    # ---- Spreadsheets
    sheets = load("sheets.json") if (DATA / "sheets.json").exists() else None
    if sheets:
        sheets_section(w, sheets)

    notes = ROOT / "bench" / "notes.md"
    if notes.exists():
        out.append(notes.read_text().rstrip())
        w("")
    (ROOT / "BENCHMARKS.md").write_text("\n".join(out))
    print("wrote BENCHMARKS.md")


FAMILIES = [
    ("Small", "feedback"),
    ("MediumPartnership", "partnership"),
    ("MediumProject", "project"),
    ("Large", "register"),
    ("Ndjson", "ndjson"),
]


def py_index(py: dict) -> dict[tuple[str, str, str, str], dict]:
    return {(r["workload"], r["mode"], r["peer"], r["api"]): r for r in py["rows"]}


def python_section(w, py: dict) -> None:
    rows = py["rows"]
    w("## Python: the bindings against pydantic, msgspec and the schema validators")
    w("")
    w("kommun-intl's bindings (`validate`, `validate_many`) return a full report (every issue, "
      "located); pydantic v2 and msgspec models are written to enforce the schemas' structural "
      "constraints (`bench/python/peers.py`: types, required and unknown fields, code lists, "
      "lengths, `uniqueItems`, the schemas' own patterns); `pydantic (generated)` is the models "
      "datamodel-code-generator makes from the committed schemas (`bench/python/generated.py`); jsonschema-rs, fastjsonschema and "
      "`jsonschema` run kommun-intl's committed schemas. `bytes` starts from the JSON text "
      "(the schema validators need `json.loads` first, which is counted); `dict` from the "
      "already-parsed document. Batches are the first "
      f"{py['batch']:,} lines of each NDJSON stream. Ratios: peer / kommun-intl in the same mode.")
    w("")
    workloads = []
    for r in rows:
        if r["workload"] not in workloads:
            workloads.append(r["workload"])
    for name in workloads:
        wr = [r for r in rows if r["workload"] == name]
        first = wr[0]
        per = f", {first['records']:,} records" if first["records"] > 1 else ""
        w(f"### `{name}` ({fmt_size(first['bytes'])}{per})")
        w("")
        w("| mode | library | call | time | per record | ratio |")
        w("|---|---|---|---:|---:|---:|")
        for mode in ("bytes", "dict"):
            ours = next((r for r in wr if r["mode"] == mode and r["ours"]), None)
            for r in (r for r in wr if r["mode"] == mode):
                if r["seconds"] is None:
                    w(f"| {mode} | {r['peer']} | `{r['api']}` | {r['status']} | | |")
                    continue
                ratio = "" if r["ours"] else fmt_ratio(r["seconds"] / ours["seconds"]) if ours and ours["seconds"] else "–"
                per_rec = fmt_time(r["seconds"] / r["records"]) if r["records"] > 1 else ""
                name_cell = f"**{r['peer']}**" if r["ours"] else r["peer"]
                w(f"| {mode} | {name_cell} | `{r['api']}` | {fmt_time(r['seconds'])} | {per_rec} | {ratio} |")
        w("")
    dis = [r for r in rows if r["status"] != "agrees"]
    if dis:
        w("Peers not timed because their verdicts differ from kommun-intl's:")
        w("")
        for r in dis:
            w(f"- `{r['workload']}` {r['mode']} {r['peer']} `{r['api']}`: {r['status']}")
        w("")
    else:
        w("Every peer agreed with kommun-intl's verdict on every record of every workload.")
        w("")


def goal_rows(rust, by_name, py, cli, paired) -> list[tuple[str, str, str, str]]:
    goals = []

    def met(ok: Optional[bool]) -> str:
        return "–" if ok is None else ("yes" if ok else "**no**")

    # Rust: typed floor and jsonschema, on valid inputs.
    floor, schema = [], []
    for _, prefix in FAMILIES:
        name = f"{prefix}-valid"
        ours = rust.get((name, "kommun-intl"))
        s = rust.get((name, "serde-typed"))
        j = rust.get((name, "jsonschema-is_valid"))
        if ours and s:
            floor.append((prefix, ours / s, paired.get(name)))
        if ours and j:
            schema.append((prefix, j / ours))
    if floor:
        # Judged by the paired rounds where they were run (each round times both back to back,
        # so the machine's drift between criterion's blocks cancels), else by the medians.
        judged = [q["median"] if q else r for _, r, q in floor]
        cells = []
        for p, r, q in floor:
            cell = f"{p} {r:.2f}x"
            if q:
                cell += f" (paired {q['median']:.2f}x, {q['low']:.2f}-{q['high']:.2f})"
            cells.append(cell)
        goals.append((
            "Rust: full validation vs `serde_json` typed parse (valid inputs, time: criterion's "
            "medians, and in brackets the median, lowest and highest of 21 back-to-back pairs)",
            "≤ 1.25x",
            ", ".join(cells),
            met(max(judged) <= 1.25),
        ))
    if schema:
        worst = min(r for _, r in schema)
        goals.append((
            "Rust: vs `Value` + `jsonschema` `is_valid` (valid inputs, speedup)",
            "≥ 2x",
            ", ".join(f"{p} {r:.1f}x" for p, r in schema),
            met(worst >= 2),
        ))
    x = by_name.get("ndjson-valid")
    t = rust.get(("ndjson-valid", "kommun-intl"))
    if x and t:
        rate = x["records"] / t
        goals.append((
            "Rust: NDJSON feedback records/s, one thread",
            "≥ 1,000,000/s",
            f"{rate / 1e6:.2f} M/s ({x['bytes'] / t / 1e6:.0f} MB/s)",
            met(rate >= 1e6),
        ))
    explain = []
    for _, prefix in FAMILIES[:4]:
        v = rust.get((f"{prefix}-valid", "kommun-intl"))
        for variant in ("invalid-early", "invalid-many"):
            i = rust.get((f"{prefix}-{variant}", "kommun-intl"))
            if v and i:
                explain.append((f"{prefix} {variant.split('-')[1]}", i / v))
    if explain:
        # The bound: twice the time with one early error, four times with errors all
        # through.
        bound = {"early": 2, "many": 4}
        goals.append((
            "Rust: explaining an invalid document vs accepting a valid one (time)",
            "≤ 2x (early), ≤ 4x (many)",
            ", ".join(f"{p} {r:.2f}x" for p, r in explain),
            met(all(r <= bound[p.split()[-1]] for p, r in explain)),
        ))
    if py:
        idx = py_index(py)
        for what, mode, variant, peer, api, target, ok in (
            ("bytes, valid", "bytes", "valid", "pydantic", "model_validate_json", "≥ 2x", lambda r: r >= 2),
            ("bytes, valid", "bytes", "valid", "pydantic (generated)", "model_validate_json", "≥ 2x", lambda r: r >= 2),
            ("bytes, valid", "bytes", "valid", "msgspec", "json.decode(type=Struct)", "≥ 0.5x", lambda r: r >= 0.5),
            ("dicts, valid", "dict", "valid", "jsonschema-rs", "is_valid", "≥ 1x", lambda r: r >= 1),
            ("bytes, invalid-early", "bytes", "invalid-early", "jsonschema-rs", "json.loads + is_valid", "≥ 1x", lambda r: r >= 1),
        ):
            cells, oks = [], []
            for prefix in ("feedback", "partnership", "project", "register"):
                name = f"{prefix}-{variant}"
                ours_api = "validate(bytes)" if mode == "bytes" else "validate(dict)"
                ours = idx.get((name, mode, "kommun-intl", ours_api))
                peer_row = idx.get((name, mode, peer, api))
                if ours and peer_row and ours["seconds"] and peer_row["seconds"]:
                    r = peer_row["seconds"] / ours["seconds"]
                    cells.append(f"{prefix} {r:.2f}x")
                    oks.append(ok(r))
            if cells:
                goals.append((
                    f"Python, {what}: vs {peer} `{api}` (speedup)",
                    target,
                    ", ".join(cells),
                    met(all(oks)),
                ))
        ours = idx.get(("ndjson-valid", "bytes", "kommun-intl", "validate_many(NDJSON bytes)"))
        ta = idx.get(("ndjson-valid", "bytes", "pydantic", "TypeAdapter(list).validate_json"))
        if ours and ta and ours["seconds"] and ta["seconds"]:
            r = ta["seconds"] / ours["seconds"]
            goals.append((
                "Python, NDJSON batch: vs pydantic `TypeAdapter` (speedup)",
                "≥ 1.5x",
                f"{r:.2f}x",
                met(r >= 1.5),
            ))
    if cli:
        streams = cli["streams"]
        peak = max(r["max_rss_kib"] for r in streams) / 1024
        goals.append(("CLI: peak memory on the 1,000,000-line NDJSON stream", "< 50 MiB", f"{peak:.1f} MiB", met(peak < 50)))
        speedups = []
        for name in dict.fromkeys(r["workload"] for r in streams):
            one = next(r for r in streams if r["workload"] == name and r["threads"] == 1)
            every = max((r for r in streams if r["workload"] == name), key=lambda r: r["threads"])
            if every["threads"] > 1:
                speedups.append((name, every["threads"], one["wall_s"] / every["wall_s"]))
        if speedups:
            goals.append((
                f"CLI: NDJSON on every core vs one thread (speed-up, {speedups[0][1]} cores)",
                "≥ 1.8x",
                ", ".join(f"{n} {r:.2f}x" for n, _, r in speedups),
                met(all(r >= 1.8 for *_, r in speedups)),
            ))
        by = {p["workload"]: {r["tool"]: r for r in p["rows"]} for p in cli["peers"]}
        one = by.get("one small file", {}).get("kommun-intl")
        if one:
            ms = one["wall_s"] * 1000
            goals.append(("CLI: one small file, whole process (start-up)", "≤ 5 ms", f"{ms:.1f} ms", met(ms <= 5)))
        many = next((v for k, v in by.items() if k.endswith("small files")), {})
        ours, peer = many.get("kommun-intl"), many.get("jsonschema-cli")
        if ours and peer and peer.get("agrees"):
            r = peer["wall_s"] / ours["wall_s"]
            goals.append(("CLI: 10,000 small files vs the `jsonschema` CLI (speedup)", "≥ 1x", f"{r:.2f}x", met(r >= 1)))
    return goals


if __name__ == "__main__":
    main()
