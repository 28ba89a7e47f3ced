"""`fix` and `mask` (src/fix.rs): the core's normalisation and masking, from Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kommun_intl

ROOT = Path(__file__).resolve().parents[3]
DOC = (
    '{"category": "praise", "description": " Bra service ", "channel": "web",\n'
    ' "submitted_at": "2026-11-28T09:30:00+01:00", "contact": {"phone": "0510-77 00 00"}}'
)


def test_fix_rewrites_only_what_has_one_right_form(tmp_path: Path) -> None:
    fixed = kommun_intl.fix(DOC, "feedback")
    assert isinstance(fixed, str)
    assert fixed == DOC.replace(" Bra service ", "Bra service").replace(
        "0510-77 00 00", "+46510770000"
    )
    assert kommun_intl.validate(fixed, "feedback").is_clean
    # bytes in, bytes out; a path is read and never written.
    assert kommun_intl.fix(DOC.encode(), "feedback") == fixed.encode()
    path = tmp_path / "in.json"
    path.write_text(DOC, encoding="utf-8")
    assert kommun_intl.fix(path, "feedback") == fixed.encode()
    assert path.read_text(encoding="utf-8") == DOC
    # Nothing to fix: the same text.
    assert kommun_intl.fix(fixed, "feedback") == fixed


def test_fix_needs_json_text() -> None:
    with pytest.raises(kommun_intl.KommunIntlError, match="not JSON"):
        kommun_intl.fix("{", "feedback")
    with pytest.raises(TypeError):
        kommun_intl.fix(json.loads(DOC), "feedback")  # type: ignore[call-overload]
    with pytest.raises(kommun_intl.KindNotDetectedError):
        kommun_intl.fix(DOC)


def test_mask_hides_every_personal_value() -> None:
    masked = kommun_intl.mask(DOC, "feedback")
    assert "Bra" not in masked and "0510" not in masked
    assert '"description": " xxx xxxxxxx "' in masked
    assert '"phone": "####-## ## ##"' in masked
    # What is not personal stays, so the form of the problem shows.
    assert '"category": "praise"' in masked and "2026-11-28T09:30:00+01:00" in masked
    example = ROOT / "examples" / "feedback.json"
    assert "anna" not in kommun_intl.mask(example).lower()
    # Text that is not JSON is masked whole.
    assert kommun_intl.mask('{"description": "Anna Svensson', "feedback").count("x") >= 12
