"""`schema`, `schemas` and `kinds`, and the schemas against Python's `jsonschema`: the same
structural/semantic agreement as the Rust cross-check
(`crates/kommun-intl/tests/integration/schemas.rs`), from an independent validator."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import kommun_intl
from conftest import EXAMPLES, SCHEMAS, Fixture, fixtures

VALIDATORS = {
    kind: Draft202012Validator(
        kommun_intl.schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    for kind in kommun_intl.kinds()
}


def test_kinds_are_the_cli_names() -> None:
    assert kommun_intl.kinds() == [
        "dataset", "municipality", "partnership", "project", "observation", "feedback",
        "fault-report",
        "proposal",
        "profile",
    ]


@pytest.mark.parametrize("kind", kommun_intl.kinds())
def test_schema_is_the_committed_file(kind: str) -> None:
    committed = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert kommun_intl.schema(kind) == committed
    assert kommun_intl.schemas()[kind] == committed
    Draft202012Validator.check_schema(committed)


def test_kind_names_are_read_as_the_cli_reads_them() -> None:
    assert kommun_intl.schema("Fault_Report") == kommun_intl.schema("fault-report")
    with pytest.raises(kommun_intl.UnknownKindError, match="dataset"):
        kommun_intl.schema("twinning")


def test_date_time_format_is_really_checked() -> None:
    # Without `rfc3339-validator` installed, jsonschema skips date-time silently.
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers
    doc = json.loads((EXAMPLES / "feedback.json").read_text(encoding="utf-8"))
    doc["submitted_at"] = "2026-11-28T09:30:00"
    assert not VALIDATORS["feedback"].is_valid(doc)


def rule_check(code: str) -> tuple[str, str]:
    r = kommun_intl.rule(code)
    assert r is not None, f"unknown code {code}"
    return r.severity, r.check


# Fixtures where Python's jsonschema, and only it, departs from the standard the schema names:
# each with the reason. Listed fixtures must still disagree (a stale entry fails), and every
# other fixture must agree; the Rust cross-check (jsonschema-rs) has no such list.
VALIDATOR_GAPS = {
    "tests/corpus/valid/feedback/submitted_at_leap_second.json": (
        "rfc3339-validator 0.1.4, jsonschema's `date-time` checker, takes no leap second at all "
        "(`:60`), which RFC 3339 5.7 and the JSON-Schema-Test-Suite allow at 23:59:60 UTC"
    ),
    "tests/corpus/valid/feedback/submitted_at_leap_second_swedish_time.json": (
        "the same leap second, 00:59:60+01:00"
    ),
}


@pytest.mark.parametrize("f", fixtures(), ids=lambda f: f.name)
def test_schema_and_library_agree(f: Fixture) -> None:
    """Structural fixtures (an expected error from the schema's own keywords) fail the schema;
    semantic ones (every expected error a library rule, listed in the schema's `x-rules`) pass
    it and fail the library; valid ones pass both. Any other disagreement fails, unless
    VALIDATOR_GAPS explains it."""
    checks = [rule_check(code) for code, _ in f.expected_issues()]
    if any(check == "text" for _, check in checks):
        pytest.skip("duplicate keys, byte order marks and limits are below what a schema sees")
    try:
        doc: Any = json.loads(f.data)
    except ValueError:
        assert f.invalid, f"{f.name} is not JSON but sits under valid/"
    else:
        schema_agrees(f, doc, checks)


def schema_agrees(f: Fixture, doc: Any, checks: list[tuple[str, str]]) -> None:
    """The schema's verdict on a fixture that is JSON, against the library's expectation."""
    structural = any(sev == "error" and check != "rule" for sev, check in checks)
    errors = [e.message for e in VALIDATORS[f.kind].iter_errors(doc)]
    schema_ok = not errors
    if f.name in VALIDATOR_GAPS:
        assert schema_ok == structural, f"{f.name} agrees now; drop it from VALIDATOR_GAPS"
    else:
        assert schema_ok != structural, (
            f"schema says {'valid' if schema_ok else 'invalid'}, library expects a "
            f"{'structural' if structural else 'semantic or valid'} fixture; schema errors: {errors}"
        )


def test_validator_gaps_are_fixtures() -> None:
    names = {f.name for f in fixtures()}
    assert set(VALIDATOR_GAPS) <= names, set(VALIDATOR_GAPS) - names


@pytest.mark.parametrize(
    ("file", "kind"),
    [
        ("lidkoping.json", "dataset"),
        ("feedback.json", "feedback"),
        ("feedback-anonymous.json", "feedback"),
        ("fault-report.json", "fault-report"),
    ],
)
def test_examples_pass_their_schema(file: str, kind: str) -> None:
    doc = json.loads((EXAMPLES / file).read_text(encoding="utf-8"))
    assert [e.message for e in VALIDATORS[kind].iter_errors(doc)] == []
