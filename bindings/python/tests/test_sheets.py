"""Registers kept as spreadsheets: `validate` and `load` take a workbook, a CSV file or a
folder of CSV files as a path; issues carry their sheet and cell; `to_records` feeds a data
frame."""

from __future__ import annotations

import pickle
import shutil
import subprocess
from pathlib import Path

import os

import pytest
from conftest import cargo_build

import kommun_intl

SHEETS = Path(__file__).resolve().parents[3] / "tests" / "corpus" / "sheets"


def test_a_csv_file_validates_with_issues_by_cell() -> None:
    report = kommun_intl.validate(SHEETS / "statistik.csv", lang="sv")
    assert not report.is_valid
    issue = next(i for i in report if i.code == "sheet.ambiguous_number")
    assert (issue.sheet, issue.cell, issue.header) == ("statistik", "C2", "Värde")
    assert issue.pointer == "/statistics/0/value"
    assert issue.to_dict()["cell"] == {
        "ref": "statistik!C2",
        "sheet": "statistik",
        "cell": "C2",
        "header": "Värde",
    }
    assert "kan läsas på mer än ett sätt" in issue.message()


def test_records_have_the_columns_a_data_frame_wants() -> None:
    report = kommun_intl.validate(SHEETS / "statistik.csv")
    records = report.to_records()
    assert len(records) == len(report.issues)
    assert list(records[1]) == [
        "file", "sheet", "cell", "header", "pointer", "line", "column", "code", "severity",
        "message",
    ]
    row = next(r for r in records if r["code"] == "sheet.ambiguous_date")
    assert row["file"] is not None and row["file"].endswith("statistik.csv")
    assert (row["sheet"], row["cell"]) == ("statistik", "A4")
    assert kommun_intl.validate(b'{"municipality": 1}', kind="dataset").to_records()[0]["file"] is None


def test_a_folder_of_csv_files_loads_as_a_register(tmp_path: Path) -> None:
    folder = tmp_path / "vänorter"
    shutil.copytree(SHEETS / "register", folder)
    dataset = kommun_intl.load(folder)
    assert isinstance(dataset, kommun_intl.Dataset)
    assert dataset.partnerships[0]["agreement_type"] == "twinning"
    assert kommun_intl.validate(folder).is_clean


def test_an_exported_workbook_validates_and_loads(tmp_path: Path) -> None:
    exe = ".exe" if os.name == "nt" else ""
    cli = str(cargo_build("-p", "kommun-intl-cli", "--bin", "kommun-intl") / f"kommun-intl{exe}")
    xlsx = tmp_path / "vänorter.xlsx"
    example = Path(__file__).resolve().parents[3] / "examples" / "lidkoping.json"
    subprocess.run([cli, "export", str(example), "--to", "xlsx", "-o", str(xlsx)], check=True)
    assert kommun_intl.validate(xlsx).is_valid
    assert len(kommun_intl.load(xlsx).partnerships) == 4


def test_cells_survive_pickling() -> None:
    report = kommun_intl.validate(SHEETS / "columns.csv")
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert [i.cell for i in again] == [i.cell for i in report]
    assert again.to_records() == report.to_records()


def test_an_invalid_workbook_raises_validation_error_with_cells() -> None:
    with pytest.raises(kommun_intl.ValidationError) as e:
        kommun_intl.load(SHEETS / "columns.csv")
    assert any(i.cell == "E1" for i in e.value.report)
