"""Request guards: JSON bodies only (415), a body byte limit (413), known query parameters (422).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.browser import assets

BODY_METHODS = {"POST", "PUT", "PATCH"}


async def _reply(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class BodyGuard:
    """Rejects non-JSON bodies with 415 and bodies over `max_bytes` with 413, before parsing."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        headers: dict[bytes, bytes] = dict(scope["headers"])
        length = int(headers.get(b"content-length", b"0") or 0)
        ctype = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        has_body = length > 0 or b"transfer-encoding" in headers
        if has_body and ctype != b"application/json":
            await _reply(send, 415, f"Content-Type must be application/json, not "
                                    f"{ctype.decode(errors='replace') or 'missing'}")
            return
        if length > self.max_bytes:
            await _reply(send, 413, f"request body over {self.max_bytes} bytes")
            return
        await self._counted(scope, receive, send)

    async def _counted(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        replied = False

        async def limited() -> Message:
            nonlocal seen, replied
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes and not replied:
                replied = True
                await _reply(send, 413, f"request body over {self.max_bytes} bytes")
                return {"type": "http.disconnect"}
            return message

        async def guarded(message: Any) -> None:
            if not replied:
                await send(message)

        try:
            await self.app(scope, limited, guarded)
        except Exception:
            if not replied:
                raise


def _query_names(dependant: Dependant) -> frozenset[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


_ACCEPTED: dict[int, tuple[APIRoute, frozenset[str]]] = {}  # by id(route); routes live on


def accepted_query(route: APIRoute) -> frozenset[str]:
    """The query parameters a route (with its dependencies) declares, by their URL names."""
    known = _ACCEPTED.get(id(route))
    if known is None or known[0] is not route:
        known = _ACCEPTED[id(route)] = (route, _query_names(route.dependant))
    return known[1]


async def known_query(request: Request) -> None:
    """422 naming each query parameter the matched route does not declare (a typo such as
    `?sinc=2024` would otherwise be ignored and answer as if no filter was given)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema:
        return
    if route.path in assets.PATHS:  # fetched by the Neo4j Browser, which writes their URLs
        return
    accepted = accepted_query(route)
    unknown = sorted({name for name in request.query_params if name not in accepted})
    if unknown:
        expected = ", ".join(sorted(accepted)) or "none"
        raise RequestValidationError([
            {"loc": ("query", name), "type": "extra_forbidden", "input": request.query_params[name],
             "msg": f"unknown query parameter {name!r} (this endpoint takes: {expected})"}
            for name in unknown])
