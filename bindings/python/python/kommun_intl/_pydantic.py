"""The pydantic adapter behind the document classes' ``__get_pydantic_core_schema__``.

A pydantic field (or a FastAPI body) typed with a document class takes the document's JSON
form (a dict, or JSON text) and validates it with this library, rules and all::

    from typing import Annotated

    from fastapi import Body, FastAPI
    import kommun_intl

    app = FastAPI()

    @app.post("/tyck-till")
    def tyck_till(body: Annotated[kommun_intl.Feedback, Body()]) -> dict[str, str]:
        return {"category": body.category}

An invalid document is one pydantic error of type ``kommun_intl`` whose message is the
report's first line and whose context holds every issue (``ctx["issues"]``, each as
``Issue.to_dict()`` gives it), so FastAPI's 422 response lists them. Personal values are never
in the issues; pydantic, though, adds the input to each error (``input``), and FastAPI's default
422 echoes it: ``kommun_intl.pydantic`` leaves it out (``install(app)``, ``errors(e)``).
Serialising (``model_dump``, a FastAPI response) gives ``to_dict()``.

pydantic is not a dependency of this package: it is imported only when pydantic asks.
"""

from __future__ import annotations

from typing import Any

from kommun_intl._native import KommunIntlError, ValidationError, schema


def core_schema(cls: type[Any]) -> Any:
    """The pydantic-core schema of a document class: validate with the class, dump to a dict."""
    from pydantic_core import PydanticCustomError
    from pydantic_core import core_schema as cs

    def validate(value: Any) -> Any:
        if isinstance(value, cls):
            return value
        try:
            if isinstance(value, (str, bytes, bytearray)):
                return cls.from_json(value)
            return cls.from_dict(value)
        except ValidationError as e:
            issues = [i.to_dict() for i in e.report.issues]
            summary = str(e).split("\n", 1)[0]
            raise PydanticCustomError(
                "kommun_intl", "{summary}", {"summary": summary, "issues": issues}
            ) from None
        except (KommunIntlError, TypeError) as e:
            raise PydanticCustomError("kommun_intl", "{summary}", {"summary": str(e), "issues": []}) from None

    return cs.no_info_plain_validator_function(
        validate, serialization=cs.plain_serializer_function_ser_schema(lambda v: v.to_dict())
    )


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """What pydantic's JSON Schema (FastAPI's OpenAPI) says of a document class: an object, with
    the published schema's address. (The published schema itself has its own `$defs`, which
    would not resolve inside another document.)"""
    published = schema(cls.kind)
    return {
        "type": "object",
        "title": cls.__name__,
        "description": f"A kommun-intl {cls.kind} document, as {published['$id']} describes it.",
    }
