"""`kommun-intl validate --format junit` read by what CI systems use: the XML is checked against
the Jenkins xUnit plugin's junit-10.xsd (vendored in crates/kommun-intl-cli/tests/vendor/ with
its source), and read back with junitparser, a JUnit consumer, whose counts must be the CLI's
JSON output's. (The JSON formats, SARIF and GitLab Code Quality, are checked against their
published schemas in crates/kommun-intl-cli/tests/cli/formats.rs.)"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import junitparser
import pytest
import xmlschema

from conftest import ROOT, cargo_build

DATA = ROOT / "crates" / "kommun-intl-cli" / "tests" / "data"
XSD = ROOT / "crates" / "kommun-intl-cli" / "tests" / "vendor" / "junit-10.xsd"
INPUTS = ["register.json", "feedback.ndjson", "valid-feedback.json", "nowhere.json",
          "--reference-date", "2026-12-01"]


@pytest.fixture(scope="module")
def cli() -> Path:
    exe = ".exe" if os.name == "nt" else ""
    return cargo_build("-p", "kommun-intl-cli", "--bin", "kommun-intl") / f"kommun-intl{exe}"


def validate(cli: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), "validate", *args, *INPUTS], cwd=DATA, capture_output=True,
                          text=True, check=False, env={**os.environ, "LANG": "C"})


def issues(cli: Path) -> list[dict[str, Any]]:
    out = json.loads(validate(cli, "--format", "json").stdout)
    return [i for f in out["files"] for i in f["issues"]]


@pytest.mark.parametrize("extra", [[], ["--deny-warnings"], ["--lang", "sv"]])
def test_junit_is_valid_against_the_jenkins_xsd(cli: Path, extra: list[str]) -> None:
    run = validate(cli, "--format", "junit", *extra)
    assert run.returncode == 2, run.stderr  # nowhere.json cannot be read
    schema = xmlschema.XMLSchema(str(XSD))
    errors = [str(e) for e in schema.iter_errors(run.stdout)]
    assert errors == []


def test_a_junit_consumer_reads_what_the_json_format_says(cli: Path) -> None:
    run = validate(cli, "--format", "junit")
    xml = junitparser.JUnitXml.fromstring(run.stdout)
    suites = {suite.name: suite for suite in xml}
    assert list(suites) == ["register.json", "feedback.ndjson", "valid-feedback.json",
                            "nowhere.json"]
    failures = [r for suite in xml for case in suite for r in case.result
                if isinstance(r, junitparser.Failure)]
    errors = [i for i in issues(cli) if i["severity"] == "error"]
    assert sorted(f.type for f in failures) == sorted(i["code"] for i in errors)
    assert all(f.message for f in failures)
    # One test case per document: the NDJSON file's four lines (one is blank), each named by
    # its line; the unreadable file is one case with an error.
    cases = [case.name for case in suites["feedback.ndjson"]]
    assert cases == ["feedback.ndjson:1", "feedback.ndjson:3", "feedback.ndjson:4",
                     "feedback.ndjson:5"]
    (unreadable,) = list(suites["nowhere.json"])
    assert [type(r) for r in unreadable.result] == [junitparser.Error]
    assert suites["valid-feedback.json"].failures == 0
    assert suites["feedback.ndjson"].failures == 2
    # The wrapper's totals, as the consumer reads them, are its suites' sums.
    for total in ("tests", "failures", "errors"):
        assert getattr(xml, total) == sum(getattr(suite, total) for suite in xml), total
    assert (xml.tests, xml.failures, xml.errors) == (7, 3, 1)
    assert xml.time == pytest.approx(sum(suite.time for suite in xml), abs=1e-9)
    assert all(suite.skipped == 0 for suite in xml)
