"""Nested values from Python: dicts described by TypedDicts, or attribute-access objects?

kommun-intl's document classes give their nested values (a partnership's partner, a
project's budget) as dicts built in Rust, described by the TypedDicts of ``kommun_intl.types``.
The alternative is typed objects with attributes. Both are one Python object per JSON object, so
the question is which kind of object is cheaper to build and to read. Measured on the
``register-valid`` workload (5,000 partnerships and 5,000 projects), the same bytes for each:

- ``dicts (kommun-intl)``: ``Dataset.from_json``, then ``partnerships`` and ``projects`` (the
  dicts the bindings build), then one nested read per entry;
- ``dicts (msgspec)``: ``msgspec.json.decode`` into plain dicts: the cost of building the dicts
  alone, without validation;
- ``objects (msgspec Struct)``: ``msgspec.json.decode(type=Struct)`` into the Structs of
  ``peers.py``: the cheapest typed attribute objects Python has, built straight from the text
  (what a Rust-built object per nested value could at best approach), then the same reads as
  attributes;
- ``objects from dicts``: kommun-intl's dicts converted into those Structs
  (``msgspec.convert``): what wrapping the dicts in objects would add.

Writes bench-data/python-access.json.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time
from typing import Any, Callable

import msgspec

import kommun_intl

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import peers  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"


def reads_dicts(partnerships: list[dict[str, Any]], projects: list[dict[str, Any]]) -> int:
    n = 0
    for p in partnerships:
        n += len(p["partner"].get("country") or "") + len(p["id"])
    for p in projects:
        n += len(p.get("title") or {}) + len(p["id"])
    return n


def reads_objects(partnerships: list[Any], projects: list[Any]) -> int:
    n = 0
    for p in partnerships:
        n += len(p.partner.country or "") + len(p.id)
    for p in projects:
        n += len(p.title or {}) + len(p.id)
    return n


def median_time(fn: Callable[[], Any], rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    raw = (DATA / "register-valid.json").read_bytes()
    struct = peers.MSGSPEC["dataset"]

    def ours() -> int:
        d = kommun_intl.Dataset.from_json(raw)
        return reads_dicts(d.partnerships, d.projects)

    def ours_load_only() -> Any:
        return kommun_intl.Dataset.from_json(raw)

    def plain_dicts() -> int:
        d = msgspec.json.decode(raw)
        return reads_dicts(d["partnerships"], d["projects"])

    def structs() -> int:
        d = msgspec.json.decode(raw, type=struct)
        return reads_objects(d.partnerships, d.projects)

    loaded = kommun_intl.Dataset.from_json(raw)

    def wrap() -> int:
        ps = msgspec.convert(loaded.partnerships, list[peers.MPartnership])
        js = msgspec.convert(loaded.projects, list[peers.MProject])
        return reads_objects(ps, js)

    assert ours() == plain_dicts() == structs() == wrap(), "the four ways read different values"
    rows = [
        ("dicts (kommun-intl)", "Dataset.from_json + partnerships/projects + reads", median_time(ours)),
        ("dicts (kommun-intl)", "Dataset.from_json alone", median_time(ours_load_only)),
        ("dicts (msgspec)", "json.decode + reads", median_time(plain_dicts)),
        ("objects (msgspec Struct)", "json.decode(type=Struct) + reads", median_time(structs)),
        ("objects from dicts", "msgspec.convert(partnerships/projects) + reads", median_time(wrap)),
    ]
    for who, what, t in rows:
        print(f"{who:<26} {what:<52} {t * 1000:8.1f} ms", flush=True)
    (DATA / "python-access.json").write_text(json.dumps(
        {"workload": "register-valid", "rows": [{"who": w, "what": x, "seconds": t} for w, x, t in rows]},
        indent=1,
    ))


if __name__ == "__main__":
    main()
