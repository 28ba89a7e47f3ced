"""A script as a user writes it, checked by `mypy --strict` (make test-python) and run here.

Every `reveal_type`-free line must type-check without casts: the stubs and `types.py` give the
attributes, dicts and code lists their types."""

from __future__ import annotations

import datetime
from pathlib import Path

import kommun_intl
from kommun_intl.types import (
    AgreementType,
    ContactDict,
    FeedbackCategory,
    Kind,
    Lang,
    PartnershipDict,
)

ROOT = Path(__file__).resolve().parents[3]


def swedish_messages(path: Path) -> list[str]:
    report: kommun_intl.Report = kommun_intl.validate(path, lang="sv")
    out: list[str] = []
    for issue in report:
        line: int | None = issue.line
        out.append(f"{line}: {issue.code} {issue.message()}")
    return out


def agreement_types(dataset: kommun_intl.Dataset) -> list[AgreementType]:
    partnerships: list[PartnershipDict] = dataset.partnerships
    return [p["agreement_type"] for p in partnerships]


def reply_address(fb: kommun_intl.Feedback) -> str | None:
    contact: ContactDict | None = fb.contact
    if contact is None:
        return None
    return contact.get("email")


def test_a_typed_script() -> None:
    assert swedish_messages(ROOT / "examples" / "lidkoping.json") == []
    dataset = kommun_intl.load(ROOT / "examples" / "lidkoping.json", "dataset")
    kinds = agreement_types(dataset)
    assert kinds and all(isinstance(k, str) for k in kinds)
    fb = kommun_intl.load((ROOT / "examples" / "feedback.json").read_bytes(), "feedback")
    category: FeedbackCategory = fb.category
    assert category == "suggestion"
    assert reply_address(fb) == "anna.andersson@example.se"
    report = fb.validate(reference_date=datetime.date(2026, 1, 1))
    assert [i.code for i in report.warnings] == ["submission.in_future"]
    labels: dict[str, str] = {
        e["code"]: e["sv"] for e in kommun_intl.code_lists()["AgreementType"]
    }
    assert all(k in labels for k in kinds)
    try:
        kommun_intl.Feedback.from_json(b"{}")
    except kommun_intl.ValidationError as e:
        assert e.report.error_count > 0
    severity: str = kommun_intl.rules()[0].severity
    assert severity == "error"


def records_of(path: Path) -> list[tuple[str | None, str, int | None]]:
    # `lang` and `kind` are Literals: a typo is a type error, not a run-time one.
    report = kommun_intl.validate(path, "feedback", lang="sv")
    return [(r["file"], r["code"], r["line"]) for r in report.to_records()]


def a_typo_is_a_type_error() -> None:
    # Never called: mypy --strict (warn_unused_ignores) fails if these lines type-check.
    kommun_intl.validate(b"{}", "feedbak")  # type: ignore[arg-type]
    kommun_intl.validate(b"{}", lang="de")  # type: ignore[arg-type]


def kinds_are_literals() -> list[Kind]:
    k: Kind = "fault-report"
    swedish: Lang = "sv"
    assert kommun_intl.validate(b"{}", "feedback", lang=swedish).kind == "feedback"
    return [k, *kommun_intl.kinds()]


def test_literals_and_records() -> None:
    assert records_of(ROOT / "examples" / "feedback.json") == []
    assert "fault-report" in kinds_are_literals()
