"""The ISO 3166 tables compiled into the core (`crates/kommun-intl/data/iso3166-*.tsv`) are what
`tools/gen_iso3166.py` makes from the pinned pycountry, and the check can fail."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

import kommun_intl

TOOL = ROOT / "tools" / "gen_iso3166.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOOL), *args], capture_output=True, text=True, check=False
    )


def test_committed_tables_match_the_generator() -> None:
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_a_changed_table_fails_the_check(tmp_path: Path) -> None:
    assert run("--out", str(tmp_path)).returncode == 0
    table = tmp_path / "iso3166-2.tsv"
    table.write_text(table.read_text(encoding="utf-8").replace("NO-39\t", "NO-99\t"),
                     encoding="utf-8")
    result = run("--check", "--out", str(tmp_path))
    assert result.returncode == 1 and "iso3166-2.tsv" in result.stderr


def test_the_library_reads_the_tables() -> None:
    countries = {e["code"]: e for e in kommun_intl.code_lists()["CountryCode"]}
    assert (countries["SE"]["sv"], countries["SE"]["en"]) == ("Sverige", "Sweden")
    former = {e["code"] for e in kommun_intl.code_lists()["FormerCountry"]}
    assert {"DDDE", "SUHH", "YUCS", "HVBF"} <= former
