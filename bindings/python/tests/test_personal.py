"""Personal data never leaks through the binding: canaries in every personal field must not
appear in any repr, str, message, parameter, dict of a report or exception text (the Rust
side: `crates/kommun-intl/tests/integration/personal.rs`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import kommun_intl
from conftest import EXAMPLES

CANARY = "KANARIEFAGEL"


def variants() -> list[tuple[str, dict[str, Any]]]:
    long = (f"{CANARY} " * 600).strip()
    contacts: list[Any] = [
        {"name": f" {CANARY}", "email": f"{CANARY}@@example", "phone": f"+46 {CANARY}"},
        {"name": long, "email": f"{CANARY}.example.se", "phone": "+46 12"},
        {"name": f"{CANARY}\u0007", "email": f"x@{CANARY}", "phone": "0510-77 00 00", "nmae": CANARY},
        {"name": 42, "email": [CANARY], "phone": {"x": CANARY}},
    ]
    descriptions: list[Any] = [f"  {CANARY}", long, f"{CANARY}\u0000", "", 17]
    out = []
    for contact in contacts:
        for description in descriptions:
            out.append(("feedback", {
                "category": "complaint", "description": description, "channel": "web",
                "submitted_at": "2026-11-28T09:30:00", "contact": contact, "wants_reply": True,
            }))
            out.append(("fault-report", {
                "service_code": "klotter", "description": description, "lat": 95.0,
                "submitted_at": "2026-11-28T09:30:00+01:00", "contact": contact,
            }))
    return out


def assert_clean(what: str, text: str) -> None:
    assert CANARY not in text and CANARY.lower() not in text, f"{what} leaks: {text[:200]}"


def check(report: kommun_intl.Report) -> None:
    assert not report.is_valid
    for lang in ("sv", "en"):
        assert_clean("Report.to_dict", json.dumps(report.to_dict(lang), ensure_ascii=False))
    assert_clean("Report str", str(report))
    assert_clean("Report repr", repr(report))
    for issue in report:
        assert_clean("Issue str", str(issue))
        assert_clean("Issue repr", repr(issue))
        assert_clean("Issue params", repr(issue.params))


@pytest.mark.parametrize(("kind", "doc"), variants())
def test_canaries_never_reach_a_report(kind: str, doc: dict[str, Any]) -> None:
    check(kommun_intl.validate(doc, kind))
    text = json.dumps(doc).encode()
    check(kommun_intl.validate(text, kind))
    cls = kommun_intl.Feedback if kind == "feedback" else kommun_intl.FaultReport
    for load in (lambda: cls.from_json(text), lambda: cls.from_dict(doc)):
        with pytest.raises(kommun_intl.ValidationError) as e:
            load()
        assert_clean("ValidationError str", str(e.value))
        assert_clean("ValidationError repr", repr(e.value))
        check(e.value.report)


def test_a_valid_document_hides_personal_fields_in_repr_but_not_in_its_data() -> None:
    doc = json.loads((EXAMPLES / "feedback.json").read_text(encoding="utf-8"))
    doc["description"] = f"Hej, jag heter {CANARY}."
    doc["contact"] = {"name": CANARY, "email": "kanariefagel@example.se", "phone": "+46510770000"}
    fb = kommun_intl.Feedback.from_dict(doc)
    for text in (repr(fb), str(fb), f"{fb!r:>10}", repr([fb]), repr({"x": fb})):
        assert_clean("Feedback repr", text)
        assert "510770000" not in text
    assert "description=<personal>" in repr(fb) and "contact=<personal>" in repr(fb)
    # Whoever asks for the data gets it.
    assert fb.contact is not None and fb.contact["name"] == CANARY
    assert CANARY in fb.description and CANARY in fb.to_json()
    report = kommun_intl.FaultReport.from_dict({
        "service_code": "klotter", "description": CANARY, "address_string": "Skaragatan 8",
        "submitted_at": "2026-11-28T09:30:00+01:00", "contact": {"name": CANARY},
    })
    assert_clean("FaultReport repr", repr(report))
