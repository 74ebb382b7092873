"""The one place that turns exceptions into HTTP statuses and JSON bodies."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from graph.errors import UNAVAILABLE
from graph.names import UnknownName

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the API answers with `status` and a message naming the offending thing."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(ApiError):
    status = 404


class TextTooLarge(ApiError):
    status = 413


class Unauthorized(ApiError):
    status = 401


class KnownOutage(Exception):
    """Neo4j was found unreachable less than Retry-After ago: answered 503 without trying."""


def _json(status: int, detail: object, **extra: object) -> JSONResponse:
    return JSONResponse({"detail": detail, **extra}, status_code=status)


async def api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _json(exc.status, exc.message)


async def unknown_name(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownName)
    return _json(404, str(exc), name=exc.name, suggestions=exc.suggestions)


async def unavailable(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, KnownOutage):
        log.warning("%s %s: Neo4j unavailable (%s)", request.method, request.url.path,
                    type(exc).__name__)
        request.app.state.outage.trip()
    retry = str(request.app.state.retry_after)
    return JSONResponse({"detail": "the graph database is unavailable; retry later"},
                        status_code=503, headers={"Retry-After": retry})


async def invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
              for e in exc.errors()]
    return _json(422, errors)


async def http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                        headers=exc.headers)


async def not_unicode(_: Request, exc: Exception) -> JSONResponse:
    """422: JSON may carry unpaired surrogates ("\\ud800"), which cannot be stored."""
    return _json(422, [{"loc": ["body"], "msg": "text is not valid Unicode (unpaired surrogate)",
                        "type": "string_unicode"}])


async def internal(request: Request, exc: Exception) -> JSONResponse:
    log.error("%s %s failed: %s", request.method, request.url.path, type(exc).__name__,
              exc_info=exc)
    return _json(500, "internal error")


def install(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(UnknownName, unknown_name)
    for exc_type in (*UNAVAILABLE, KnownOutage):
        app.add_exception_handler(exc_type, unavailable)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(UnicodeEncodeError, not_unicode)
    app.add_exception_handler(Exception, internal)
