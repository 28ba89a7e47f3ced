"""Every ```python block of the repository's README and of the package's (the PyPI page) runs,
from the repository root."""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT

READMES = {"README": ROOT / "README.md", "package": ROOT / "bindings" / "python" / "README.md"}
BLOCKS = {
    name: re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    for name, path in READMES.items()
}


@pytest.mark.parametrize("name", READMES)
def test_the_readme_has_python_examples(name: str) -> None:
    assert BLOCKS[name]


@pytest.mark.parametrize(
    "code",
    [code for blocks in BLOCKS.values() for code in blocks],
    ids=[f"{name}-block{i}" for name, blocks in BLOCKS.items() for i in range(len(blocks))],
)
def test_readme_block_runs(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {"__name__": "__readme__"})
    finally:
        os.chdir(cwd)
    capsys.readouterr()
