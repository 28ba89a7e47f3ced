"""pydantic models generated from kommun-intl's committed schemas by datamodel-code-generator.

The hand-written models of ``peers.py`` are what a careful person writes; these are what most
people get: ``datamodel-codegen`` run on ``schemas/<kind>.schema.json`` (pydantic v2,
``extra="forbid"``), written to ``bench-data/generated/`` on first use and imported from there.
Their verdicts are checked against kommun-intl's like every peer's; a disagreement is reported,
not timed.
"""

from __future__ import annotations

import importlib.util
import pathlib
import shutil
import subprocess
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "bench-data" / "generated"

# The class datamodel-codegen names after each schema's title.
TOP = {"feedback": "Feedback", "dataset": "Dataset", "partnership": "Partnership", "project": "Project"}


def model(kind: str) -> Any:
    """The generated top-level model of a kind."""
    path = OUT / f"{kind.replace('-', '_')}.py"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        codegen = shutil.which("datamodel-codegen", path=str(pathlib.Path(sys.executable).parent))
        subprocess.run(
            [codegen or "datamodel-codegen", "--input", str(ROOT / "schemas" / f"{kind}.schema.json"),
             "--input-file-type", "jsonschema", "--output-model-type", "pydantic_v2.BaseModel",
             "--extra-fields", "forbid", "--formatters", "builtin", "--disable-timestamp",
             "--output", str(path)],
            check=True, capture_output=True,
        )
    spec = importlib.util.spec_from_file_location(f"generated_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return getattr(module, TOP[kind])
