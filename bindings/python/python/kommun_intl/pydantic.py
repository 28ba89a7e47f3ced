"""Validation errors without the input, for pydantic and FastAPI.

pydantic puts the value that failed into each of its errors (``input``), and FastAPI's default
422 response sends them back as they are: a "Tyck till" endpoint would echo a citizen's text
(and name, e-mail, phone) to whoever sent it, and into every log that keeps responses. This
library's own issues never hold a personal value; these helpers drop pydantic's ``input`` (and
its documentation ``url``) from every error, ours and pydantic's alike::

    from fastapi import FastAPI
    import kommun_intl
    import kommun_intl.pydantic

    app = FastAPI()
    kommun_intl.pydantic.install(app)  # 422 responses without the input

    @app.post("/tyck-till")
    def tyck_till(body: kommun_intl.Feedback) -> dict[str, str]:
        return {"category": body.category}

The response is FastAPI's own shape, ``{"detail": [error, ...]}``, each error with ``type``,
``loc``, ``msg`` and ``ctx`` (for a document of this library, ``ctx["issues"]`` lists every
issue as ``Issue.to_dict()`` gives it). Without FastAPI, ``errors(e)`` gives the same list for a
``pydantic.ValidationError``.

Neither pydantic nor FastAPI is a dependency of this package: each is imported only when used.
"""

from __future__ import annotations

from typing import Any

__all__ = ["errors", "install", "request_validation_exception_handler"]

#: What is left out of each error: the input, and pydantic's link to its documentation.
LEFT_OUT = ("input", "url")


def errors(exc: Any) -> list[dict[str, Any]]:
    """The errors of a ``pydantic.ValidationError`` (or of FastAPI's ``RequestValidationError``,
    or anything with an ``errors()`` method giving pydantic's error dicts), without ``input``
    and ``url``."""
    from pydantic_core import ValidationError

    if isinstance(exc, ValidationError):
        return [dict(e) for e in exc.errors(include_input=False, include_url=False)]
    return [{k: v for k, v in e.items() if k not in LEFT_OUT} for e in exc.errors()]


async def request_validation_exception_handler(request: Any, exc: Any) -> Any:
    """A FastAPI exception handler for ``RequestValidationError``: FastAPI's 422 response
    (``{"detail": [...]}``) with the errors of :func:`errors`, so without the input."""
    from fastapi.encoders import jsonable_encoder
    from fastapi.responses import JSONResponse

    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors(exc))})


def install(app: Any) -> None:
    """Makes :func:`request_validation_exception_handler` the FastAPI app's handler of
    ``RequestValidationError``: every 422 of the app leaves the input out."""
    from fastapi.exceptions import RequestValidationError

    app.add_exception_handler(RequestValidationError, request_validation_exception_handler)
