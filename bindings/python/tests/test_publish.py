"""The open-data exports against their standards' own schemas, read by an independent
implementation: IATI activity XML against the IATI 2.03 XSD (``xmlschema``), the DCAT-AP-SE
description as JSON-LD and its CSV files as RFC 4180 (Python's ``json`` and ``csv``).

The standards' files are vendored in ``crates/kommun-intl-publish/tests/standards/`` with their
sources. The registers: the Lidköping example, the publish crate's full fixture, and every
register of ``tests/realworld/converted/`` (when present)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest
import xmlschema

from conftest import ROOT, cargo_build

STANDARDS = ROOT / "crates" / "kommun-intl-publish" / "tests" / "standards"
REGISTERS = [
    ROOT / "examples" / "lidkoping.json",
    ROOT / "crates" / "kommun-intl-publish" / "tests" / "data" / "full.json",
    *sorted((ROOT / "tests" / "realworld" / "converted").glob("**/*.json")),
]


def is_register(path: Path) -> bool:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(doc, dict) and "municipality" in doc


@pytest.fixture(scope="session")
def cli() -> Path:
    built = cargo_build("-p", "kommun-intl-cli", "--bin", "kommun-intl")
    return built / ("kommun-intl.exe" if os.name == "nt" else "kommun-intl")


@pytest.fixture(scope="session")
def iati_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(STANDARDS / "iati-2.03" / "iati-activities-schema.xsd"))


def export(cli: Path, register: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(cli), "export", str(register), *args],
                          capture_output=True, text=True, check=False)


def test_iati_xml_is_valid_against_the_iati_203_schema(
    cli: Path, iati_schema: xmlschema.XMLSchema, tmp_path: Path
) -> None:
    activities = 0
    registers = [r for r in REGISTERS if is_register(r)]
    assert len(registers) >= 2
    for i, register in enumerate(registers):
        out = tmp_path / f"{i}.xml"
        run = export(cli, register, "--to", "iati", "--output", str(out))
        if run.returncode == 1:
            # An invalid register exports nothing (the corpus keeps some as they were found),
            # nor does one with no project that IATI can take (each needs a status and a date).
            assert not out.exists(), register
            continue
        assert run.returncode == 0, (register, run.stderr)
        errors = [str(e.reason) for e in iati_schema.iter_errors(str(out))]
        assert errors == [], (register, errors)
        activities += out.read_text(encoding="utf-8").count("<iati-activity ")
    # Activities were checked, not only empty documents.
    assert activities >= 3


def test_iati_schema_rejects_what_the_standard_forbids(iati_schema: xmlschema.XMLSchema) -> None:
    # The check can fail: an activity without a status or a date.
    bad = ('<iati-activities version="2.03"><iati-activity>'
           '<iati-identifier>SE-ON-1-x</iati-identifier><reporting-org ref="SE-ON-1" type="11"/>'
           '<title><narrative>x</narrative></title></iati-activity></iati-activities>')
    assert not iati_schema.is_valid(bad)


def test_dcat_description_and_csv_files(cli: Path, tmp_path: Path) -> None:
    out = tmp_path / "dcat"
    run = export(cli, ROOT / "examples" / "lidkoping.json", "--to", "dcat", "--output", str(out),
                 "--base-url", "https://lidkoping.se/oppna-data/")
    assert run.returncode == 0, run.stderr
    doc = json.loads((out / "dataset.jsonld").read_text(encoding="utf-8"))
    graph = doc["@graph"]
    distributions = [n for n in graph if n["@type"] == "dcat:Distribution"]
    files = sorted(p.name for p in out.glob("*.csv"))
    assert sorted(d["dcat:downloadURL"]["@id"].rsplit("/", 1)[1] for d in distributions) == files
    for name in files:
        with (out / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), name
    with (out / "partnerships.csv").open(encoding="utf-8", newline="") as f:
        partners = {r["id"]: r for r in csv.DictReader(f)}
    rockford = partners["rockford"]
    assert [rockford[f"funding/{i}/type"] for i in range(4)] == [
        "municipality", "partner_municipality", "foundation", "eu"]
    assert rockford["funding/2/name"] == "Swedish-American Foundation"
    # Without a base URL there is nothing to describe.
    run = export(cli, ROOT / "examples" / "lidkoping.json", "--to", "dcat", "--output",
                 str(tmp_path / "none"))
    assert run.returncode == 2 and not (tmp_path / "none").exists()
