"""Nested values from Python: dicts described by TypedDicts, or attribute-access objects?

kommun-intl's document classes give their nested values (a partnership's partner, a
project's budget) as dicts built in Rust, described by the TypedDicts of ``kommun_intl.types``.
The alternative is typed objects with attributes. Both are one Python object per JSON object, so
the question is which kind of object is cheaper to build and to read. Measured on the
``register-valid`` workload (5,000 partnerships and 5,000 projects), the same bytes for each:

- ``dicts (kommun-intl)``: ``Dataset.from_json``, then ``partnerships`` and ``projects`` (the
  dicts the bindings build), then one nested read per entry;
- ``dicts (json)`` and ``objects (json)``: the standard library's parser, once into dicts and
  once into attribute objects (``object_hook=SimpleNamespace``): the same parse, so the
  difference is what building objects instead of dicts costs;
- ``objects from dicts``: kommun-intl's dicts wrapped into attribute objects afterwards: what
  wrapping the dicts the bindings make would add.

Writes bench-data/python-access.json.
"""

from __future__ import annotations

import json
import pathlib
import statistics
import sys
import time
from types import SimpleNamespace
from typing import Any, Callable

import kommun_intl

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "bench-data"


def reads_dicts(partnerships: list[dict[str, Any]], projects: list[dict[str, Any]]) -> int:
    n = 0
    for p in partnerships:
        n += len(p["partner"].get("country") or "") + len(p["id"])
    for p in projects:
        n += len((p.get("title") or {}).get("sv") or "") + len(p["id"])
    return n


def reads_objects(partnerships: list[Any], projects: list[Any]) -> int:
    n = 0
    for p in partnerships:
        n += len(getattr(p.partner, "country", None) or "") + len(p.id)
    for p in projects:
        n += len(getattr(getattr(p, "title", None), "sv", None) or "") + len(p.id)
    return n


def median_time(fn: Callable[[], Any], rounds: int = 7) -> float:
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def objects(value: Any) -> Any:
    """Dicts, recursively, as attribute objects."""
    if isinstance(value, dict):
        return SimpleNamespace(**{k: objects(v) for k, v in value.items()})
    if isinstance(value, list):
        return [objects(v) for v in value]
    return value


def main() -> None:
    raw = (DATA / "register-valid.json").read_bytes()

    def ours() -> int:
        d = kommun_intl.Dataset.from_json(raw)
        return reads_dicts(d.partnerships, d.projects)

    def ours_load_only() -> Any:
        return kommun_intl.Dataset.from_json(raw)

    def plain_dicts() -> int:
        d = json.loads(raw)
        return reads_dicts(d["partnerships"], d["projects"])

    def plain_objects() -> int:
        d = json.loads(raw, object_hook=lambda o: SimpleNamespace(**o))
        return reads_objects(d.partnerships, d.projects)

    loaded = kommun_intl.Dataset.from_json(raw)

    def wrap() -> int:
        return reads_objects(objects(loaded.partnerships), objects(loaded.projects))

    assert ours() == plain_dicts() == plain_objects() == wrap(), "the four ways read different values"
    rows = [
        ("dicts (kommun-intl)", "Dataset.from_json + partnerships/projects + reads", median_time(ours)),
        ("dicts (kommun-intl)", "Dataset.from_json alone", median_time(ours_load_only)),
        ("dicts (json)", "json.loads + reads", median_time(plain_dicts)),
        ("objects (json)", "json.loads(object_hook=SimpleNamespace) + reads", median_time(plain_objects)),
        ("objects from dicts", "kommun-intl's dicts wrapped as objects + reads", median_time(wrap)),
    ]
    for who, what, t in rows:
        print(f"{who:<26} {what:<52} {t * 1000:8.1f} ms", flush=True)
    (DATA / "python-access.json").write_text(json.dumps(
        {"workload": "register-valid", "rows": [{"who": w, "what": x, "seconds": t} for w, x, t in rows]},
        indent=1,
    ))


if __name__ == "__main__":
    main()
