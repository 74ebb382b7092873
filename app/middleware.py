"""ASGI guards for write requests: JSON only (415), and a request-body byte limit (413)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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
