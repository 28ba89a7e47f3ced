"""The code lists with both labels (src/codes.rs), as the schemas' `x-labels` hold them."""

from __future__ import annotations

import pytest

import kommun_intl


def test_every_code_has_two_labels() -> None:
    lists = kommun_intl.code_lists()
    assert {"AgreementType", "CountryCode", "CurrencyCode", "MunicipalityCode"} <= set(lists)
    for name, entries in lists.items():
        assert entries, name
        assert len({e["code"] for e in entries}) == len(entries), name
        for e in entries:
            assert set(e) == {"code", "sv", "en"} and e["sv"] and e["en"], (name, e)


def test_labels_match_the_schema() -> None:
    lists = kommun_intl.code_lists()
    defs = kommun_intl.schema("dataset")["$defs"]
    compared = 0
    for name, node in defs.items():
        if "x-labels" not in node or name not in lists:
            continue
        labels = {e["code"]: {"sv": e["sv"], "en": e["en"]} for e in lists[name]}
        assert {c: labels[c] for c in node["x-labels"]} == node["x-labels"], name
        compared += 1
    assert compared >= 10


def test_a_known_label() -> None:
    twinning = {e["code"]: e for e in kommun_intl.code_lists()["AgreementType"]}["twinning"]
    assert twinning["sv"] == "Vänortsavtal"
    scb = {e["code"]: e for e in kommun_intl.code_lists()["MunicipalityCode"]}
    assert scb["1494"]["sv"].startswith("Lidköping")


def test_label_looks_one_code_up() -> None:
    assert kommun_intl.label("AgreementType", "twinning", "sv") == "Vänortsavtal"
    assert kommun_intl.label("FeedbackCategory", "praise") == "Praise"
    assert kommun_intl.label("CountryCode", "SE", "sv") == "Sverige"
    with pytest.raises(KeyError, match="AgreementType"):
        kommun_intl.label("Agreement", "twinning")
    with pytest.raises(KeyError):
        kommun_intl.label("AgreementType", "nope")
