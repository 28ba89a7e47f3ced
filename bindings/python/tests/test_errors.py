"""The exception hierarchy (src/errors.rs): every error is a ValueError under one base."""

from __future__ import annotations

import pickle

import pytest

import kommun_intl


@pytest.mark.parametrize(
    "cls",
    [kommun_intl.ValidationError, kommun_intl.UnknownKindError, kommun_intl.KindNotDetectedError],
)
def test_every_error_is_a_value_error_under_the_base(cls: type[Exception]) -> None:
    assert issubclass(cls, kommun_intl.KommunIntlError)
    assert issubclass(cls, ValueError)
    assert cls.__module__ == "kommun_intl"


def test_validation_error_carries_the_report_and_lists_the_issues() -> None:
    with pytest.raises(kommun_intl.ValidationError) as e:
        kommun_intl.load(b'{"category": "praise"}', "feedback", lang="sv")
    text = str(e.value)
    assert text.startswith("the document is invalid: 3 errors, no warnings\n")
    assert "Det obligatoriska fältet `description` saknas." in text
    assert e.value.report.error_count == 3
    assert e.value.args == (text,)


def test_errors_can_be_caught_as_value_error() -> None:
    with pytest.raises(ValueError):
        kommun_intl.load(b"{}")
    with pytest.raises(ValueError):
        kommun_intl.load(b"{}", "nope")


def test_errors_without_a_report_pickle() -> None:
    try:
        kommun_intl.validate(b"{}", "nope")
    except kommun_intl.UnknownKindError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is kommun_intl.UnknownKindError and str(again) == str(e)
