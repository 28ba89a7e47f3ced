"""kommun-intl's Python bindings against the Python peers, on the same bytes.

Reads the workloads that ``gen-bench-data`` wrote to ``bench-data/`` (see its
``manifest.json``) and, for each, in two input modes:

- ``bytes``: the JSON text. kommun-intl ``validate(bytes, kind)``; pydantic
  ``model_validate_json``, with hand-written models (``peers.py``) and with the models
  datamodel-code-generator makes from the schemas (``generated.py``); msgspec ``json.Decoder(Struct).decode``; jsonschema-rs and
  fastjsonschema after ``json.loads`` (they take no text).
- ``dict``: the document already parsed by ``json.loads``. kommun-intl ``validate(dict, kind)``;
  pydantic ``model_validate``; msgspec ``convert``; jsonschema-rs ``is_valid`` (and
  ``iter_errors`` on invalid inputs); fastjsonschema; Python ``jsonschema`` (small and medium
  documents only: it is 50-2000x slower).

Batches are the first ``--batch`` lines (default 50,000) of each NDJSON stream: kommun-intl
``validate_many`` on the NDJSON text or the list of dicts (and, for comparison, one
``validate`` call per line); pydantic ``TypeAdapter(list[Model])`` on a JSON array of the same
records or on the list of dicts, and one ``model_validate_json`` per line; msgspec, jsonschema-rs
and fastjsonschema one call per line (msgspec's list decoder stops at the first bad record, so
it could not say which records are bad).

Before timing, every peer's verdict on every record is checked against kommun-intl's (from the
manifest); a peer that disagrees anywhere is reported as disagreeing and not timed.

Timing: each entry is calibrated to take at least ``--min-time`` seconds per round; rounds are
interleaved across the entries of a workload (all entries run in round 1, then all in round
2, ...), and the median of ``--rounds`` rounds is kept. The garbage collector is off while timing,
as in ``timeit``. Results go to ``bench-data/python-results.json``.
"""

from __future__ import annotations

import argparse
import gc
import json
import pathlib
import statistics
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

import fastjsonschema
import jsonschema
import jsonschema_rs
import msgspec
import pydantic

import kommun_intl

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import generated  # noqa: E402
import peers  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]

# What each workload family validates as.
SMALL_FAMILIES = {"Small", "MediumPartnership", "MediumProject"}


@dataclass
class Entry:
    """One way of validating a workload: a peer's API in one input mode."""

    peer: str
    api: str
    mode: str
    run: Callable[[], Any]
    verdicts: Callable[[], list[bool]]
    ours: bool = False
    status: str = "agrees"
    times: list[float] = field(default_factory=list)
    number: int = 1


def _is_valid(report: Any) -> bool:
    v = report.is_valid
    return bool(v() if callable(v) else v)


def _catching(fn: Callable[[Any], Any], errors: tuple[type[BaseException], ...]):
    """``fn`` as a verdict: True when it returns, False when it raises one of ``errors``."""

    def verdict(x: Any) -> bool:
        try:
            fn(x)
        except errors:
            return False
        return True

    return verdict


def _loop(check: Callable[[Any], bool], items: list[Any]) -> Callable[[], list[bool]]:
    return lambda: [check(x) for x in items]


def pydantic_list_verdicts(adapter: pydantic.TypeAdapter, call: str, data: Any, n: int):
    def verdicts() -> list[bool]:
        ok = [True] * n
        try:
            getattr(adapter, call)(data)
        except pydantic.ValidationError as e:
            for err in e.errors():
                loc = err.get("loc", ())
                if loc and isinstance(loc[0], int):
                    ok[loc[0]] = False
        return ok

    return verdicts


class Validators:
    """The schema validators, built once per kind."""

    def __init__(self) -> None:
        self._rs: dict[str, Any] = {}
        self._fast: dict[str, Any] = {}
        self._py: dict[str, Any] = {}

    def rs(self, kind: str):
        if kind not in self._rs:
            self._rs[kind] = jsonschema_rs.validator_for(peers.schema(kind), validate_formats=True)
        return self._rs[kind]

    def fast(self, kind: str):
        if kind not in self._fast:
            try:
                self._fast[kind] = fastjsonschema.compile(peers.schema(kind))
            except Exception as exc:  # reported as the peer's error (check_verdicts), not timed
                # fastjsonschema turns every `$` of a pattern into `\Z`, also inside a character
                # class (the e-mail pattern's `[...$...]`), which Python's `re` refuses.
                def cannot(_: Any, exc: Exception = exc) -> bool:
                    raise RuntimeError(f"fastjsonschema cannot compile the schema: {exc}")

                self._fast[kind] = cannot
        return self._fast[kind]

    def py(self, kind: str):
        if kind not in self._py:
            cls = jsonschema.Draft202012Validator
            self._py[kind] = cls(peers.schema(kind), format_checker=cls.FORMAT_CHECKER)
        return self._py[kind]


FAST_ERRORS = (fastjsonschema.JsonSchemaException,)


def document_entries(w: dict[str, Any], raw: bytes, v: Validators) -> list[Entry]:
    kind = w["kind"]
    obj = json.loads(raw)
    pmodel = peers.PYDANTIC[kind]
    mtype = peers.MSGSPEC[kind]
    decoder = msgspec.json.Decoder(mtype)
    rs = v.rs(kind)
    fast = v.fast(kind)
    one = lambda f: (lambda: [f()])  # noqa: E731

    p_json = _catching(pmodel.model_validate_json, (pydantic.ValidationError,))
    p_dict = _catching(pmodel.model_validate, (pydantic.ValidationError,))
    gmodel = generated.model(kind)
    g_json = _catching(gmodel.model_validate_json, (pydantic.ValidationError,))
    g_dict = _catching(gmodel.model_validate, (pydantic.ValidationError,))
    m_json = _catching(decoder.decode, (msgspec.ValidationError, msgspec.DecodeError))
    m_dict = _catching(lambda o: msgspec.convert(o, mtype), (msgspec.ValidationError,))
    f_dict = _catching(fast, FAST_ERRORS)

    entries = [
        Entry(
            "kommun-intl",
            "validate(bytes)",
            "bytes",
            lambda: kommun_intl.validate(raw, kind),
            one(lambda: _is_valid(kommun_intl.validate(raw, kind))),
            ours=True,
        ),
        Entry("pydantic", "model_validate_json", "bytes", lambda: p_json(raw), one(lambda: p_json(raw))),
        Entry("pydantic (generated)", "model_validate_json", "bytes", lambda: g_json(raw), one(lambda: g_json(raw))),
        Entry("msgspec", "json.decode(type=Struct)", "bytes", lambda: m_json(raw), one(lambda: m_json(raw))),
        Entry(
            "jsonschema-rs",
            "json.loads + is_valid",
            "bytes",
            lambda: rs.is_valid(json.loads(raw)),
            one(lambda: rs.is_valid(json.loads(raw))),
        ),
        Entry(
            "fastjsonschema",
            "json.loads + validate",
            "bytes",
            lambda: f_dict(json.loads(raw)),
            one(lambda: f_dict(json.loads(raw))),
        ),
        Entry(
            "kommun-intl",
            "validate(dict)",
            "dict",
            lambda: kommun_intl.validate(obj, kind),
            one(lambda: _is_valid(kommun_intl.validate(obj, kind))),
            ours=True,
        ),
        Entry("pydantic", "model_validate", "dict", lambda: p_dict(obj), one(lambda: p_dict(obj))),
        Entry("pydantic (generated)", "model_validate", "dict", lambda: g_dict(obj), one(lambda: g_dict(obj))),
        Entry("msgspec", "convert(type=Struct)", "dict", lambda: m_dict(obj), one(lambda: m_dict(obj))),
        Entry("jsonschema-rs", "is_valid", "dict", lambda: rs.is_valid(obj), one(lambda: rs.is_valid(obj))),
        Entry("fastjsonschema", "validate", "dict", lambda: f_dict(obj), one(lambda: f_dict(obj))),
    ]
    if not w["valid"]:
        entries.append(
            Entry(
                "jsonschema-rs",
                "iter_errors",
                "dict",
                lambda: list(rs.iter_errors(obj)),
                one(lambda: not list(rs.iter_errors(obj))),
            )
        )
    if w["family"] in SMALL_FAMILIES:
        py = v.py(kind)
        entries.append(
            Entry("jsonschema", "is_valid", "dict", lambda: py.is_valid(obj), one(lambda: py.is_valid(obj)))
        )
        if not w["valid"]:
            entries.append(
                Entry(
                    "jsonschema",
                    "iter_errors",
                    "dict",
                    lambda: list(py.iter_errors(obj)),
                    one(lambda: not list(py.iter_errors(obj))),
                )
            )
    return entries


def batch_entries(w: dict[str, Any], lines: list[bytes], v: Validators) -> list[Entry]:
    kind = w["kind"]
    n = len(lines)
    text = b"\n".join(lines) + b"\n"
    array = b"[" + b",".join(lines) + b"]"
    objs = [json.loads(line) for line in lines]
    pmodel = peers.PYDANTIC[kind]
    adapter = peers.pydantic_list_adapter(kind)
    mtype = peers.MSGSPEC[kind]
    decoder = msgspec.json.Decoder(mtype)
    rs = v.rs(kind)
    fast = v.fast(kind)

    p_json = _catching(pmodel.model_validate_json, (pydantic.ValidationError,))
    m_json = _catching(decoder.decode, (msgspec.ValidationError, msgspec.DecodeError))
    m_dict = _catching(lambda o: msgspec.convert(o, mtype), (msgspec.ValidationError,))
    f_dict = _catching(fast, FAST_ERRORS)

    def many_bytes() -> list[bool]:
        return [_is_valid(r) for r in kommun_intl.validate_many(text, kind)]

    def many_dicts() -> list[bool]:
        return [_is_valid(r) for r in kommun_intl.validate_many(objs, kind)]

    def ours_loop() -> list[bool]:
        return [_is_valid(kommun_intl.validate(line, kind)) for line in lines]

    def adapter_call(call: str, data: Any):
        def run():
            try:
                getattr(adapter, call)(data)
            except pydantic.ValidationError:
                pass

        return run

    return [
        Entry("kommun-intl", "validate_many(NDJSON bytes)", "bytes", many_bytes, many_bytes, ours=True),
        Entry("kommun-intl", "validate(bytes) per line", "bytes", ours_loop, ours_loop),
        Entry(
            "pydantic",
            "TypeAdapter(list).validate_json",
            "bytes",
            adapter_call("validate_json", array),
            pydantic_list_verdicts(adapter, "validate_json", array, n),
        ),
        Entry("pydantic", "model_validate_json per line", "bytes", _loop(p_json, lines), _loop(p_json, lines)),
        Entry("msgspec", "json.decode per line", "bytes", _loop(m_json, lines), _loop(m_json, lines)),
        Entry(
            "jsonschema-rs",
            "json.loads + is_valid per line",
            "bytes",
            _loop(lambda b: rs.is_valid(json.loads(b)), lines),
            _loop(lambda b: rs.is_valid(json.loads(b)), lines),
        ),
        Entry(
            "fastjsonschema",
            "json.loads + validate per line",
            "bytes",
            _loop(lambda b: f_dict(json.loads(b)), lines),
            _loop(lambda b: f_dict(json.loads(b)), lines),
        ),
        Entry("kommun-intl", "validate_many(list of dicts)", "dict", many_dicts, many_dicts, ours=True),
        Entry(
            "pydantic",
            "TypeAdapter(list).validate_python",
            "dict",
            adapter_call("validate_python", objs),
            pydantic_list_verdicts(adapter, "validate_python", objs, n),
        ),
        Entry("msgspec", "convert per record", "dict", _loop(m_dict, objs), _loop(m_dict, objs)),
        Entry("jsonschema-rs", "is_valid per record", "dict", _loop(rs.is_valid, objs), _loop(rs.is_valid, objs)),
        Entry("fastjsonschema", "validate per record", "dict", _loop(f_dict, objs), _loop(f_dict, objs)),
    ]


def check_verdicts(entries: list[Entry], expected: list[bool]) -> None:
    for e in entries:
        try:
            got = e.verdicts()
        except Exception as exc:  # a peer that cannot run at all is reported, not timed
            e.status = f"error: {type(exc).__name__}: {exc}"[:200]
            continue
        if len(got) != len(expected):
            e.status = f"error: {len(got)} verdicts for {len(expected)} records"
            continue
        wrong = [i for i, (a, b) in enumerate(zip(got, expected)) if a != b]
        if wrong:
            e.status = (
                f"disagrees on {len(wrong)} of {len(expected)} records"
                f" (first: record {wrong[0]}, kommun-intl says {'valid' if expected[wrong[0]] else 'invalid'})"
            )
            if e.ours:
                raise SystemExit(f"kommun-intl's own verdicts differ from the manifest: {e.api}: {e.status}")


def calibrate(e: Entry, min_time: float) -> None:
    number = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(number):
            e.run()
        dt = time.perf_counter() - t0
        if dt >= min_time or number >= 1 << 24:
            e.number = number
            return
        number = max(number * 2, int(number * min_time / max(dt, 1e-9) * 1.2))


def time_entries(entries: list[Entry], rounds: int, min_time: float) -> None:
    timed = [e for e in entries if e.status == "agrees"]
    for e in timed:
        calibrate(e, min_time)
    gc_was = gc.isenabled()
    try:
        for _ in range(rounds):
            for e in timed:
                gc.collect()
                gc.disable()
                t0 = time.perf_counter()
                for _ in range(e.number):
                    e.run()
                e.times.append((time.perf_counter() - t0) / e.number)
                if gc_was:
                    gc.enable()
    finally:
        if gc_was:
            gc.enable()


def versions() -> dict[str, str]:
    from importlib.metadata import version

    out = {"python": sys.version.split()[0]}
    for dist in ("kommun-intl", "pydantic", "pydantic-core", "datamodel-code-generator", "msgspec", "jsonschema-rs", "fastjsonschema", "jsonschema"):
        try:
            out[dist] = version(dist)
        except Exception:
            out[dist] = "?"
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=pathlib.Path, default=ROOT / "bench-data")
    ap.add_argument("--batch", type=int, default=50_000, help="records per NDJSON batch")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.1, help="seconds per round per entry")
    ap.add_argument("--only", default="", help="run only workloads whose name contains this")
    ap.add_argument("--out", type=pathlib.Path, default=None)
    args = ap.parse_args()

    manifest = json.loads((args.data / "manifest.json").read_text())
    v = Validators()
    rows = []
    started = time.time()
    for w in manifest["workloads"]:
        if args.only and args.only not in w["name"]:
            continue
        raw = (args.data / w["file"]).read_bytes()
        bad = set(w["invalid_records"])
        if w["ndjson"]:
            lines = raw.split(b"\n")[: args.batch]
            lines = [line for line in lines if line.strip()]
            expected = [i not in bad for i in range(len(lines))]
            entries = batch_entries(w, lines, v)
            records = len(lines)
            size = sum(len(line) + 1 for line in lines)
            rounds = max(3, args.rounds - 2)
        else:
            expected = [w["valid"]]
            entries = document_entries(w, raw, v)
            records = 1
            size = len(raw)
            rounds = args.rounds if w["family"] in SMALL_FAMILIES else max(3, args.rounds - 2)
        check_verdicts(entries, expected)
        time_entries(entries, rounds, args.min_time)
        for e in entries:
            rows.append(
                {
                    "workload": w["name"],
                    "family": w["family"],
                    "variant": w["variant"],
                    "kind": w["kind"],
                    "records": records,
                    "bytes": size,
                    "mode": e.mode,
                    "peer": e.peer,
                    "api": e.api,
                    "ours": e.ours,
                    "status": e.status,
                    "seconds": statistics.median(e.times) if e.times else None,
                    "rounds": [round(t, 9) for t in e.times],
                    "calls_per_round": e.number,
                }
            )
            shown = f"{rows[-1]['seconds'] * 1e6:12.1f} us" if e.times else f"  {e.status}"
            print(f"{w['name']:<26} {e.mode:<5} {e.peer:<14} {e.api:<34} {shown}", flush=True)
    out = args.out or (args.data / "python-results.json")
    out.write_text(
        json.dumps(
            {"versions": versions(), "elapsed_s": time.time() - started, "batch": args.batch, "rows": rows},
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
