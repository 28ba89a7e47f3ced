"""Hostile input at the Python boundary (issue "The explaining path"): nothing of a str that
is not Unicode reaches an exception, dict input is held to the size limit however it shares its
sub-objects, a mapping that changes while it is read is an ordinary error or a report, and
reports and issues pickle (a multiprocessing pool can return them)."""

from __future__ import annotations

import collections.abc
import multiprocessing
import pickle
import traceback
from typing import Any, Iterator

import pytest

import kommun_intl
from conftest import fixtures

SECRET = "Kanariesson"


def test_a_lone_surrogate_is_not_echoed_in_the_exception() -> None:
    text = '{"category": "praise", "description": "' + SECRET + '\ud800 svarar"}'
    for call in (
        lambda: kommun_intl.validate(text, "feedback"),
        lambda: kommun_intl.load(text, "feedback"),
        lambda: kommun_intl.Feedback.from_json(text),
        lambda: kommun_intl.validate({"description": SECRET + "\ud800"}, "feedback"),
        lambda: kommun_intl.validate({SECRET + "\ud800": 1}, "feedback"),
        lambda: kommun_intl.validate_many([text], "feedback"),
    ):
        with pytest.raises(kommun_intl.KommunIntlError) as info:
            call()
        exc = info.value
        shown = repr(exc) + str(exc) + "".join(traceback.format_exception(exc))
        assert SECRET not in shown
        assert "surrogate" in str(exc)
        assert not hasattr(exc, "object")
        # Nothing chained: the original UnicodeEncodeError held the whole str.
        assert exc.__cause__ is None and exc.__context__ is None


def shared(levels: int) -> Any:
    """A dict whose JSON doubles with each level while its Python size stays tiny."""
    value: Any = {"description": "x" * 64}
    for _ in range(levels):
        value = [value, value]
    return value


def test_dict_input_is_held_to_the_document_size_limit() -> None:
    report = kommun_intl.validate({"category": "praise", "x": shared(40)}, "feedback")
    assert [i.code for i in report] == ["limits.document_size"]
    with pytest.raises(kommun_intl.ValidationError) as info:
        kommun_intl.Feedback.from_dict({"x": shared(40)})
    assert "limits.document_size" in str(info.value)
    # Below the limit, the same shape is an ordinary document.
    report = kommun_intl.validate({"category": "praise", "x": shared(4)}, "feedback")
    assert "limits.document_size" not in [i.code for i in report]


def test_dict_input_is_held_to_the_string_and_array_limits() -> None:
    long = kommun_intl.validate({"description": "x" * (1024 * 1024 + 1)}, "feedback")
    assert [(i.code, i.pointer) for i in long] == [("limits.string_length", "/description")]
    many = kommun_intl.validate({"media_urls": [0] * 1_000_001}, "fault-report")
    assert [(i.code, i.pointer) for i in many] == [("limits.array_length", "/media_urls")]


class Meddler(collections.abc.Mapping):  # type: ignore[type-arg]
    """A mapping inside a dict that changes that dict while it is read."""

    def __init__(self, victim: dict[str, Any]) -> None:
        self.victim = victim

    def __getitem__(self, key: str) -> int:
        return 1

    def __iter__(self) -> Iterator[str]:
        for i in range(100):
            self.victim[f"added{i}"] = i
        self.victim.pop("b", None)
        return iter(["k"])

    def __len__(self) -> int:
        return 1


def test_a_mapping_that_changes_while_it_is_read_is_no_panic() -> None:
    for kind in ("feedback", "dataset"):
        victim: dict[str, Any] = {"category": "praise", "a": None, "b": 2, "c": 3}
        victim["a"] = Meddler(victim)
        report = kommun_intl.validate(victim, kind)
        assert isinstance(report, kommun_intl.Report)
        victim = {"a": None, "b": 2}
        victim["a"] = Meddler(victim)
        with pytest.raises(kommun_intl.ValidationError):
            kommun_intl.Feedback.from_dict(victim)


def reports() -> list[kommun_intl.Report]:
    out = []
    for f in fixtures():
        out.append(kommun_intl.validate(f.data, f.kind, lang="sv", max_issues=1))
    return out


def test_reports_and_issues_pickle_as_they_were() -> None:
    all_reports = reports()
    assert any(r.truncated for r in all_reports), "some report has issues beyond the cap"
    for report in all_reports:
        again = pickle.loads(pickle.dumps(report))
        assert again == report
        assert (again.kind, again.lang, again.truncated, again.error_count) == (
            report.kind, report.lang, report.truncated, report.error_count)
        assert again.to_dict() == report.to_dict()
        for issue in report:
            copy = pickle.loads(pickle.dumps(issue))
            assert copy == issue and copy.message() == issue.message()
            assert copy.offset == issue.offset


def validate_in_child(text: bytes) -> kommun_intl.Report:
    return kommun_intl.validate(text, "feedback")


def test_a_process_pool_returns_reports() -> None:
    docs = [b'{"category": "praise"}', '{"category": "beröm"}'.encode(), b"{"]
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.map(validate_in_child, docs)
    assert got == [validate_in_child(d) for d in docs]


def test_forged_pickle_state_is_an_error_not_a_panic() -> None:
    report = kommun_intl.validate(b"{", "feedback")
    fn, (state,) = report.__reduce__()
    kind, lang, truncated, errors, issues, file = state
    for bad in (
        (kind, lang, truncated, errors + 5, issues, file),
        (kind, "xx", truncated, errors, issues, file),
        ("nope", lang, truncated, errors, issues, file),
        (kind, lang, truncated, errors, [("no.such_rule", "", None, None, None, [], None)], file),
        (kind, lang, truncated, errors, [(issues[0][0], "", None, None, None, [("x", "y")], None)], file),
    ):
        with pytest.raises(ValueError):
            fn(bad)
