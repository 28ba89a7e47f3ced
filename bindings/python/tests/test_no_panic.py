"""No input, however broken, panics across the boundary or crashes the interpreter: every
corpus document truncated and corrupted, wrong Python types, deep nesting, odd values. Each
call returns a report or raises a clear TypeError/ValueError (never pyo3's PanicException,
which is a BaseException)."""

from __future__ import annotations

import json
import math
import random
from typing import Any

import pytest

import kommun_intl
from conftest import fixtures

FIXTURES = fixtures()
KINDS = kommun_intl.kinds()


def no_panic(data: Any, kind: str | None) -> None:
    """Validates `data`: a report whose every message renders, or a refusal (TypeError,
    ValueError) for input that is no document; nothing else escapes."""
    try:
        report = kommun_intl.validate(data, kind)
    except (TypeError, ValueError):
        pass  # a refusal is an answer
    else:
        assert isinstance(report, kommun_intl.Report)
        for issue in report:
            issue.message("sv")
            issue.message("en")
        report.to_dict()


def corrupted(data: bytes, rng: random.Random) -> list[bytes]:
    out = [data[:n] for n in sorted({0, 1, len(data) // 3, len(data) // 2, len(data) - 1}) if n >= 0]
    for _ in range(6):
        b = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        out.append(bytes(b))
    return out


@pytest.mark.parametrize("f", FIXTURES, ids=lambda f: f.name)
def test_truncated_and_corrupted_corpus_documents(f: Any) -> None:
    rng = random.Random(f.name)
    for data in corrupted(f.data, rng):
        no_panic(data, f.kind)
        no_panic(data.decode("utf-8", "replace"), f.kind)
        no_panic(data, None)
    try:
        doc = json.loads(f.data)
    except (ValueError, RecursionError):
        pass  # not JSON: only the text cases above apply
    else:
        check_parsed(f, doc)


def check_parsed(f: Any, doc: Any) -> None:
    """A fixture that is JSON: as a dict of every kind, then loaded as its own kind."""
    for kind in KINDS:  # every document as every kind, as a dict
        no_panic(doc, kind)
    invalid = any(
        (r := kommun_intl.rule(c)) is not None and r.severity == "error"
        for c, _ in f.expected_issues()
    )
    if invalid:
        with pytest.raises(kommun_intl.ValidationError):
            kommun_intl.load(f.data, f.kind, reference_date=f.reference_date, profile=f.profile)
    else:
        kommun_intl.load(f.data, f.kind, reference_date=f.reference_date, profile=f.profile)


def nested(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for i in range(depth):
        value = [value] if i % 2 else {"a": value}
    return value


@pytest.mark.parametrize("kind", KINDS)
def test_deep_nesting(kind: str) -> None:
    deep = nested(10_000)
    with pytest.raises(ValueError, match="nested more than"):
        kommun_intl.validate(deep, kind)
    text = json.dumps(nested(500))  # json.dumps itself recurses; 500 is deep enough for text
    no_panic(text, kind)
    no_panic(b"[" * 10_000 + b"]" * 10_000, kind)
    no_panic(b'{"a":' * 10_000 + b"1" + b"}" * 10_000, kind)
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="nested more than"):
        kommun_intl.validate(loop, kind)


@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, -math.inf, 10**400],
    ids=["nan", "inf", "-inf", "huge-int"],
)
def test_values_json_cannot_hold_are_value_errors(value: Any) -> None:
    with pytest.raises(ValueError, match="/lat"):
        kommun_intl.validate({"service_code": "klotter", "lat": value}, "fault-report")


def test_big_ints_within_a_float_are_read_as_text_reads_them() -> None:
    doc = {"service_code": "klotter", "lat": 10**30, "long": 2**64,
           "requested_datetime": "2026-11-28T09:30:00+01:00"}
    text = json.dumps(doc).encode()
    a = kommun_intl.validate(doc, "fault-report")
    b = kommun_intl.validate(text, "fault-report")
    assert [(i.code, i.pointer) for i in a] == [(i.code, i.pointer) for i in b]


@pytest.mark.parametrize(
    "data",
    [
        None, 42, 4.2, True, object(), {1, 2}, frozenset(), range(3), b"\xff\xfe", "\ud800",
        {"category": object()}, {1: "x"}, {("a",): 1}, {"a": {"b": [1, object()]}},
        ["\ud800"], {"\ud800": 1}, memoryview(b"{}"),
    ],
    ids=repr,
)
def test_wrong_python_types(data: Any) -> None:
    for kind in ("feedback", None):
        no_panic(data, kind)
        try:
            kommun_intl.validate_many([data], kind)
        except (TypeError, ValueError):
            pass
        try:
            kommun_intl.load(data, kind)
        except (TypeError, ValueError):
            pass
        for cls in (kommun_intl.Feedback, kommun_intl.Dataset):
            for make in (cls.from_dict, cls.from_json):
                try:
                    make(data)
                except (TypeError, ValueError):
                    pass


def test_wrong_keyword_types() -> None:
    for kwargs in ({"lang": 1}, {"max_issues": "x"}, {"max_issues": 10**30}, {"lang": "\ud800"},
                   {"reference_date": "2026-02-30"}, {"reference_date": object()}):
        with pytest.raises((TypeError, ValueError, OverflowError)):
            kommun_intl.validate(b"{}", "feedback", **kwargs)
    with pytest.raises(TypeError):
        kommun_intl.validate(b"{}", 42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        kommun_intl.schema(None)  # type: ignore[arg-type]


def test_hostile_text() -> None:
    for data in (b"", b" ", b"\x00", b"\xef\xbb\xbf{}", b'{"a":1,"a":2}', b"NaN", b"1e999",
                 b'"' + b"x" * 2_000_000 + b'"', b"[" + b"1," * 100_000 + b"1]",
                 "{\"description\": \"\u2028\"}".encode()):
        for kind in KINDS:
            no_panic(data, kind)
