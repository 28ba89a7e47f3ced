"""The pydantic adapter (`__get_pydantic_core_schema__` on the document classes,
python/kommun_intl/_pydantic.py): a field typed `kommun_intl.Feedback` validates with this
library, and an invalid document is a pydantic error carrying every issue, which is what
FastAPI returns as its 422 response. Tested with pydantic's TypeAdapter and a model, as
FastAPI uses them; `kommun_intl.pydantic.errors` leaves pydantic's input out (FastAPI itself:
tests/test_fastapi.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pydantic
import pytest

import kommun_intl
import kommun_intl.pydantic

ROOT = Path(__file__).resolve().parents[3]
FEEDBACK = json.loads((ROOT / "examples" / "feedback.json").read_text(encoding="utf-8"))


class TyckTill(pydantic.BaseModel):
    """A request body as a FastAPI endpoint declares it."""

    body: kommun_intl.Feedback
    note: str = ""


def test_a_valid_document_becomes_the_class() -> None:
    adapter = pydantic.TypeAdapter(kommun_intl.Feedback)
    fb = adapter.validate_python(FEEDBACK)
    assert isinstance(fb, kommun_intl.Feedback)
    assert fb == kommun_intl.Feedback.from_dict(FEEDBACK)
    assert adapter.validate_json(json.dumps(FEEDBACK)) == fb
    assert adapter.validate_python(fb) is fb
    # Dumped as its JSON form, for a response.
    assert adapter.dump_python(fb) == fb.to_dict()
    assert json.loads(adapter.dump_json(fb)) == fb.to_dict()
    model = TyckTill.model_validate({"body": FEEDBACK})
    assert model.body.category == "suggestion"
    assert model.model_dump()["body"] == fb.to_dict()


def test_an_invalid_document_is_one_error_with_every_issue() -> None:
    bad = {**FEEDBACK, "channel": "webb", "description": " Bra "}
    with pytest.raises(pydantic.ValidationError) as caught:
        TyckTill.model_validate({"body": bad})
    (error,) = caught.value.errors()
    assert error["type"] == "kommun_intl"
    assert error["loc"] == ("body",)
    assert error["msg"].startswith("the document is invalid: 2 errors")
    issues = error["ctx"]["issues"]
    assert [(i["code"], i["pointer"]) for i in issues] == [
        ("text.untrimmed", "/description"),
        ("structure.unknown_code", "/channel"),
    ]
    # The issues hold no personal value. (pydantic adds the input itself to each error, as
    # `input`: a FastAPI app that must not echo a citizen's text back leaves it out, as here.)
    body = caught.value.json(include_input=False)
    assert "Bra" not in body and "anna" not in body
    assert json.loads(body)[0]["ctx"]["issues"][1]["params"]["suggestion"] == "web"


def test_not_a_document_is_an_error_too() -> None:
    adapter = pydantic.TypeAdapter(kommun_intl.Feedback)
    for value in (42, b"{", "[]"):
        with pytest.raises(pydantic.ValidationError) as caught:
            adapter.validate_python(value)
        assert caught.value.errors()[0]["type"] == "kommun_intl"


def test_the_json_schema_names_the_published_one() -> None:
    schema = TyckTill.model_json_schema()
    body = schema["properties"]["body"]
    assert body["type"] == "object"
    assert kommun_intl.schema("feedback")["$id"] in body["description"]


PERSONAL = {**FEEDBACK, "channel": "webb", "description": "Anna Svensson på Storgatan 1 ringde"}


def test_errors_leave_the_input_out() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        TyckTill.model_validate({"body": PERSONAL, "note": 5})
    errors = kommun_intl.pydantic.errors(caught.value)
    assert [(e["type"], e["loc"]) for e in errors] == [("kommun_intl", ("body",)), ("string_type", ("note",))]
    assert all("input" not in e and "url" not in e for e in errors)
    text = json.dumps(errors, default=str)
    assert "Anna" not in text and "anna.andersson" not in text and "Storgatan" not in text
    assert errors[0]["ctx"]["issues"][0]["code"] == "structure.unknown_code"
    # What pydantic gives by itself holds the whole body.
    assert "Storgatan" in json.dumps(caught.value.errors(), default=str)

