"""kommun_intl.pydantic with FastAPI itself (its TestClient): a "Tyck till" endpoint whose 422
response lists our issues and leaves the input, a citizen's text, out. No `from __future__
import annotations` here: FastAPI reads the endpoint's annotations at run time."""

import json
from pathlib import Path
from typing import Annotated

import pytest

import kommun_intl
import kommun_intl.pydantic

fastapi = pytest.importorskip("fastapi", reason="FastAPI is pinned in requirements-test.txt")
from fastapi.testclient import TestClient  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
FEEDBACK = json.loads((ROOT / "examples" / "feedback.json").read_text(encoding="utf-8"))
PERSONAL = {**FEEDBACK, "channel": "webb", "description": "Anna Svensson på Storgatan 1 ringde"}

def test_fastapi_422_leaves_the_input_out() -> None:
    def app(install: bool) -> TestClient:
        api = fastapi.FastAPI()
        if install:
            kommun_intl.pydantic.install(api)

        # A document class is not a pydantic model: FastAPI takes it from the body when told.
        @api.post("/tyck-till")
        def tyck_till(body: Annotated[kommun_intl.Feedback, fastapi.Body()]) -> dict[str, str]:
            return {"category": str(body.category)}

        return TestClient(api)

    client = app(install=True)
    assert client.post("/tyck-till", json=FEEDBACK).json() == {"category": "suggestion"}
    response = client.post("/tyck-till", json=PERSONAL)
    assert response.status_code == 422
    for personal in ("Anna", "anna.andersson", "Storgatan"):
        assert personal not in response.text
    (error,) = response.json()["detail"]
    assert (error["type"], error["loc"]) == ("kommun_intl", ["body"])
    assert [i["code"] for i in error["ctx"]["issues"]] == ["structure.unknown_code"]
    broken = client.post("/tyck-till", content=b'{"description": "Anna', headers={"content-type": "application/json"})
    assert broken.status_code == 422 and "Anna" not in broken.text
    # FastAPI's own handler echoes the body: what install() is for.
    assert "Storgatan" in app(install=False).post("/tyck-till", json=PERSONAL).text
