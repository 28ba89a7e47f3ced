"""Shared helpers: the repository root and the corpus, read as the Rust tests read it
(`crates/kommun-intl/tests/integration/prelude.rs`)."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "corpus"
EXAMPLES = ROOT / "examples"
SCHEMAS = ROOT / "schemas"


@dataclass
class Fixture:
    path: Path
    kind: str
    data: bytes
    expected: dict[str, Any] | None  # beside every invalid fixture; beside a valid one with options
    invalid: bool = False

    @property
    def name(self) -> str:
        return str(self.path.relative_to(ROOT))

    @property
    def reference_date(self) -> datetime.date | None:
        text = ((self.expected or {}).get("options") or {}).get("reference_date")
        return None if text is None else datetime.date.fromisoformat(text)

    @property
    def profile(self) -> Any:
        """The `kommun_intl.Profile` named by `options.profile`, else None."""
        name = ((self.expected or {}).get("options") or {}).get("profile")
        if name is None:
            return None
        import kommun_intl

        path = CORPUS / "valid" / "profile" / f"{name}.json"
        return kommun_intl.Profile.from_json(path.read_bytes())

    def expected_issues(self) -> list[tuple[str, str]]:
        if self.expected is None:
            return []
        return sorted((i["code"], i["pointer"]) for i in self.expected["issues"])


def fixtures() -> list[Fixture]:
    out = []
    for verdict in ("valid", "invalid"):
        directory = CORPUS / verdict
        if not directory.is_dir():
            continue
        for kind_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
            for path in sorted(kind_dir.glob("*.json")):
                if path.name.endswith(".expected.json"):
                    continue
                expected = None
                expected_path = path.with_suffix(".expected.json")
                if verdict == "invalid" or expected_path.is_file():
                    expected = json.loads(expected_path.read_text(encoding="utf-8"))
                kind = (expected or {}).get("kind", kind_dir.name)
                out.append(Fixture(path, kind, path.read_bytes(), expected, verdict == "invalid"))
    return out


def cargo_build(*args: str) -> Path:
    """Builds with cargo (a no-op after `cargo test`) and returns the debug target directory;
    skips the test when there is no cargo to build with."""
    if shutil.which("cargo") is None:
        pytest.skip("cargo is not installed: the CLI and the Rust examples cannot be built")
    subprocess.run(["cargo", "build", "--quiet", *args], cwd=ROOT, check=True)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return Path(json.loads(meta.stdout)["target_directory"]) / "debug"
