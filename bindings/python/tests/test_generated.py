"""The generated files (types.py and the document stubs) are what tools/generate.py writes
from the current schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "generate.py"


def test_generated_files_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_types_import_on_the_oldest_python_syntax() -> None:
    import kommun_intl.types as t

    assert "category" in t.FeedbackDict.__annotations__
    assert t.FeedbackDict.__required_keys__ >= {"category", "description"}  # type: ignore[attr-defined]
    assert "$schema" in t.FeedbackDict.__optional_keys__  # type: ignore[attr-defined]
