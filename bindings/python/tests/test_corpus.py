"""The whole corpus through `validate`: exactly the codes and pointers the Rust tests expect
(`crates/kommun-intl/tests/integration/corpus.rs`), from text and from dicts."""

from __future__ import annotations

import json

import pytest

import kommun_intl
from conftest import Fixture, fixtures

FIXTURES = fixtures()


def ids(f: Fixture) -> str:
    return f.name


def issues(report: kommun_intl.Report) -> list[tuple[str, str]]:
    return sorted((i.code, i.pointer) for i in report)


def text_level(code: str) -> bool:
    r = kommun_intl.rule(code)
    return r is not None and r.check == "text"


def test_the_corpus_is_there() -> None:
    assert FIXTURES, "tests/corpus is empty"


@pytest.mark.parametrize("f", FIXTURES, ids=ids)
def test_every_fixture_gets_exactly_its_expected_issues(f: Fixture) -> None:
    report = kommun_intl.validate(f.data, f.kind, reference_date=f.reference_date, profile=f.profile)
    assert issues(report) == f.expected_issues()
    has_error = any(
        (r := kommun_intl.rule(code)) is not None and r.severity == "error"
        for code, _ in f.expected_issues()
    )
    assert report.is_valid is not has_error
    assert all(i.line is not None and i.column is not None for i in report)


@pytest.mark.parametrize("f", FIXTURES, ids=ids)
def test_a_path_gives_the_same_report_as_bytes(f: Fixture) -> None:
    by_path = kommun_intl.validate(f.path, f.kind, reference_date=f.reference_date, profile=f.profile)
    assert by_path == kommun_intl.validate(f.data, f.kind, reference_date=f.reference_date, profile=f.profile)


@pytest.mark.parametrize("f", FIXTURES, ids=ids)
def test_dict_input_gives_the_same_issues_as_text(f: Fixture) -> None:
    try:
        doc = json.loads(f.data)
    except (ValueError, RecursionError):
        pytest.skip("not JSON (or not for Python's parser): only text can carry it")
    if any(text_level(code) for code, _ in f.expected_issues()):
        pytest.skip("encoding, duplicate keys, limits of the text: a dict cannot carry them")
    try:
        report = kommun_intl.validate(doc, f.kind, reference_date=f.reference_date, profile=f.profile)
    except ValueError:
        pytest.skip("a value JSON text can hold but the binding refuses (NaN, too deep)")
    # Rust's test compares with text through serde_json; Python's parser agrees on the corpus.
    assert issues(report) == issues(
        kommun_intl.validate(f.data, f.kind, reference_date=f.reference_date, profile=f.profile)
    )
    assert all(i.line is None and i.column is None for i in report)


def test_validate_many_matches_validate_on_the_corpus() -> None:
    plain = [f for f in FIXTURES if f.reference_date is None]
    kinds = {f.kind for f in plain}
    for kind in kinds:
        docs = [f.data for f in plain if f.kind == kind]
        many = kommun_intl.validate_many(docs, kind)
        assert many == [kommun_intl.validate(d, kind) for d in docs]
