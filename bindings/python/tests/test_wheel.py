"""The wheel carries the command line: built by maturin, installed into a fresh virtual
environment with nothing else in it, its ``kommun-intl`` command validates files as the Rust
binary does (no Rust toolchain needed where it is installed)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLES, ROOT

INVALID = CORPUS / "invalid" / "feedback" / "category_as_swedish_label.json"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built as `maturin build` builds it (the debug profile, which reuses the
    artifacts of `maturin develop`; `make dist` builds the release wheel)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "maturin", "build", "--quiet", "--out", str(out)],
        cwd=ROOT / "bindings" / "python",
        check=True,
    )
    (built,) = out.glob("kommun_intl-*.whl")
    return built


@pytest.fixture(scope="module")
def env(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the wheel installed (no index, no dependencies)."""
    where = tmp_path_factory.mktemp("venv")
    venv.create(where, with_pip=True)
    subprocess.run(
        [bin_of(where, "python"), "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
         "--disable-pip-version-check", str(wheel)],
        check=True,
    )
    return where


def bin_of(env: Path, name: str) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin") / name


def run(env: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Run from elsewhere than the checkout, so that nothing of it is on the path.
    return subprocess.run(
        [str(bin_of(env, "kommun-intl")), *args],
        capture_output=True, text=True, cwd=env, check=False,
    )


def test_the_wheel_is_abi3_for_python_3_9_and_newer(wheel: Path) -> None:
    assert "-cp310-abi3-" in wheel.name


def test_the_installed_command_validates_the_example_register(env: Path) -> None:
    result = run(env, "validate", str(EXAMPLES / "lidkoping.json"))
    assert result.returncode == 0, result.stderr
    assert "1 document: no errors, no warnings" in result.stdout


def test_the_installed_command_reports_issues_and_exits_1(env: Path) -> None:
    result = run(env, "validate", "--format", "json", "--kind", "feedback", str(INVALID))
    assert result.returncode == 1, result.stderr
    expected = json.loads(INVALID.with_suffix(".expected.json").read_text(encoding="utf-8"))
    (file,) = json.loads(result.stdout)["files"]
    assert [(i["code"], i["pointer"]) for i in file["issues"]] == [
        (i["code"], i["pointer"]) for i in expected["issues"]
    ]


def test_usage_errors_exit_2_and_help_names_the_command(env: Path) -> None:
    assert run(env, "validate", "--no-such-flag").returncode == 2
    result = run(env, "--help")
    assert result.returncode == 0
    assert "Usage: kommun-intl" in result.stdout


def test_python_dash_m_is_the_same_command(env: Path) -> None:
    result = subprocess.run(
        [str(bin_of(env, "python")), "-m", "kommun_intl", "--version"],
        capture_output=True, text=True, cwd=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(json.loads(
        subprocess.run([str(bin_of(env, "python")), "-c",
                        "import json, kommun_intl; print(json.dumps(kommun_intl.__version__))"],
                       capture_output=True, text=True, check=True, cwd=env).stdout))


def workspace_version() -> str:
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))
    version: str = cargo["workspace"]["package"]["version"]
    return version


def test_the_hooks_package_pins_the_workspace_version() -> None:
    shim = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert shim["project"]["dependencies"] == [f"kommun-intl=={workspace_version()}"]
    assert shim["project"]["version"] == workspace_version()


def pinned(name: str) -> str:
    """`name==version` as bindings/python/requirements-test.txt pins it."""
    text = (ROOT / "bindings" / "python" / "requirements-test.txt").read_text(encoding="utf-8")
    (line,) = [l for l in text.splitlines() if l.startswith(f"{name}==")]
    return line.split()[0]


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_the_pre_commit_hooks_run_from_the_wheel_without_cargo(
    wheel: Path, tmp_path: Path
) -> None:
    """`pre-commit try-repo` installs the hooks as a user's pre-commit would (`language:
    python`: the root pyproject.toml, which pulls the kommun-intl wheel), here offline from
    the wheel just built, with no cargo on PATH, then runs them on a valid and an invalid
    file."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(EXAMPLES / "lidkoping.json", data / "register.json")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=data, check=True)
    subprocess.run([*git, "add", "."], cwd=data, check=True)
    links = tmp_path / "links"
    links.mkdir()
    shutil.copy(wheel, links)
    # The hooks' package builds with setuptools: its wheel, as pinned, beside ours.
    fetched = subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--only-binary", ":all:", "-d", str(links), pinned("setuptools")],
        capture_output=True, text=True, check=False,
    )
    if fetched.returncode != 0:
        pytest.skip(f"the package index is out of reach for setuptools: {fetched.stderr[-200:]}")
    no_cargo = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and not (Path(p) / "cargo").exists()
    )
    env = {
        **os.environ,
        "PATH": no_cargo,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(links),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "kommun-intl-validate"]

    ok = subprocess.run(
        [*pre_commit, "--files", "register.json"],
        cwd=data, env=env, capture_output=True, text=True, check=False,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout

    shutil.copy(INVALID, data / "feedback.json")
    subprocess.run([*git, "add", "."], cwd=data, check=True)
    bad = subprocess.run(
        [*pre_commit, "--files", "feedback.json", "register.json"],
        cwd=data, env=env, capture_output=True, text=True, check=False,
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "structure.unknown_code" in bad.stdout
