"""The format tests of the official JSON-Schema-Test-Suite (draft 2020-12, `optional/format/`)
through the library's own checks, for each format the schemas claim (`date-time`, `email`) and
the near ones whose verdicts the library gives too: `idn-email` (the library takes ASCII only),
`date` (a PartialDate's full form is RFC 3339's full-date) and `uri`/`iri` (a Url is an http(s)
address; only the suite's http(s) cases apply).

Each valid/invalid case becomes a small document with the value in the field that claims the
format; the case passes when the library raises none of that check's codes exactly when the
suite says valid. Every known difference is listed in DIFFERENCES with its reason (the README
gives the same reasons): a difference not listed fails, and so does a listed one that is gone.

The suite comes from the sdist of the jsonschema pinned in requirements-test.txt; `make
test-python` unpacks it and points KOMMUN_INTL_TEST_SUITE at it. Without that variable (a plain
`pytest` run) the test is skipped, with the reason."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import kommun_intl

SUITE_ENV = "KOMMUN_INTL_TEST_SUITE"


class Check(NamedTuple):
    kind: str
    document: Callable[[str], dict[str, Any]]
    codes: frozenset[str]
    applies: Callable[[str], bool] = lambda value: True


def feedback(**fields: Any) -> dict[str, Any]:
    return {
        "category": "question",
        "description": "När öppnar badhuset?",
        "channel": "web",
        "submitted_at": "2026-11-28T09:30:00+01:00",
        **fields,
    }


def http(value: str) -> bool:
    return value.startswith(("http://", "https://"))


EMAIL = Check(
    "feedback",
    lambda v: feedback(contact={"email": v}),
    frozenset({"email.invalid", "email.not_ascii"}),
)
URL = Check(
    "municipality",
    lambda v: {
        "id": "lidkoping", "name": {"sv": "Lidköpings kommun"}, "municipality_code": "1494",
        "website": v,
    },
    frozenset({"url.scheme", "url.invalid"}),
    http,
)

CHECKS = {
    "date-time": Check(
        "feedback", lambda v: feedback(submitted_at=v), frozenset({"timestamp.invalid"})
    ),
    "email": EMAIL,
    "idn-email": EMAIL,
    "date": Check(
        "partnership",
        lambda v: {
            "id": "kecskemet",
            "partner": {"name": {"sv": "Kecskemét"}, "level": "city", "country": "HU"},
            "agreement_type": "twinning",
            "start": v,
        },
        frozenset({"date.format", "date.invalid"}),
    ),
    "uri": URL,
    "iri": URL,
}

# (format, value): why the library's verdict differs from the suite's.
DIFFERENCES = {
    ("date-time", "1963-06-19t08:30:06.283185z"): (
        "lower-case `t` and `z`: RFC 3339 5.6 lets a profile require upper case, and the "
        "schema's pattern does"
    ),
    ("idn-email", "실례@실례.테스트"): (
        "e-mail addresses are ASCII (`format: email`, RFC 5321): an internationalised domain is "
        "written in its xn-- form, and a non-ASCII local part (SMTPUTF8) is refused"
    ),
}


def suite() -> Path | None:
    directory = os.environ.get(SUITE_ENV)
    return None if directory is None else Path(directory) / "optional" / "format"


def cases() -> list[Any]:
    directory = suite()
    if directory is None:
        return [pytest.param(None, marks=pytest.mark.skip(
            reason=f"{SUITE_ENV} is not set: `make test-python` fetches the JSON-Schema-Test-"
            "Suite (from the pinned jsonschema sdist) and sets it"))]
    out = []
    for name, check in CHECKS.items():
        groups = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        for g, group in enumerate(groups):
            for t, test in enumerate(group["tests"]):
                value = test["data"]
                # Non-strings are beyond every format; the library's fields are typed strings.
                if isinstance(value, str) and check.applies(value):
                    out.append(pytest.param(
                        (name, value, test["valid"], test["description"]),
                        id=f"{name}-{g}-{t}",
                    ))
    return out


def test_the_suite_is_there_when_promised() -> None:
    directory = suite()
    if directory is None:
        pytest.skip(f"{SUITE_ENV} is not set")
    assert directory.is_dir(), f"{SUITE_ENV} names {directory}, which does not exist"
    for name in CHECKS:
        assert (directory / f"{name}.json").is_file(), name


@pytest.mark.parametrize("case", cases())
def test_suite_case(case: tuple[str, str, bool, str]) -> None:
    name, value, valid, description = case
    check = CHECKS[name]
    report = kommun_intl.validate(check.document(value), check.kind)
    ours = not any(i.code in check.codes for i in report)
    why = DIFFERENCES.get((name, value))
    if why is None:
        assert ours == valid, f"{name} {value!r} ({description}): suite says {valid}"
    else:
        assert ours != valid, f"{name} {value!r} now agrees with the suite; drop it: {why}"


def test_differences_are_suite_cases() -> None:
    if suite() is None:
        pytest.skip(f"{SUITE_ENV} is not set")
    known = {(c.values[0][0], c.values[0][1]) for c in cases()}
    assert set(DIFFERENCES) <= known, set(DIFFERENCES) - known
