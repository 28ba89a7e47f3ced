"""The README's commands for standard validators (its "Standard validators" block) run as
written, from the repository root, with the tools `make test` installs: check-jsonschema from
requirements-test.txt (this interpreter's environment) and ajv-cli with ajv-formats from the
root package-lock.json (`npm ci`, node_modules/), with npm kept off the network."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("### Standard validators", 1)[1].split("\n#", 1)[0]
COMMANDS = [
    line
    for block in re.findall(r"^```sh\n(.*?)^```", SECTION, flags=re.M | re.S)
    for line in block.splitlines()
    if line.strip()
]
# A fixture that breaks the schema, for each data file the commands name: the same command
# on it must fail, so the commands are known to check something.
BROKEN = {
    "examples/lidkoping.json": "tests/corpus/invalid/dataset/nested_partnership_misspelt_field.json",
    "examples/feedback.json": "tests/corpus/invalid/feedback/concerns_unit_with_spaces.json",
}


def run(command: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["npm_config_offline"] = "true"
    env["npm_config_update_notifier"] = "false"
    return subprocess.run(
        ["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_readme_names_both_validators() -> None:
    assert [c.split()[0:2] for c in COMMANDS] == [
        ["check-jsonschema", "--schemafile"],
        ["npx", "ajv-cli"],
    ]


@pytest.mark.parametrize("command", COMMANDS, ids=[c.split()[0] for c in COMMANDS])
def test_readme_validator_command(command: str) -> None:
    if command.startswith("npx") and not (ROOT / "node_modules" / "ajv-cli").is_dir():
        pytest.skip("node_modules/ is not installed: run `npm ci` at the root (make test does)")
    if command.startswith("check-jsonschema") and shutil.which(
        "check-jsonschema", path=str(Path(sys.executable).parent)
    ) is None:
        pytest.skip("check-jsonschema is not installed: pip install -r requirements-test.txt")
    done = run(command)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    assert "ok" in done.stdout or "valid" in done.stdout + done.stderr, done.stdout
    data = next(d for d in BROKEN if d in command)
    broken = run(command.replace(data, BROKEN[data]))
    assert broken.returncode != 0, f"{command} on {BROKEN[data]} passed:\n{broken.stdout}"
