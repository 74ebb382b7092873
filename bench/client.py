"""The load generator's HTTP: GET over kept-alive HTTP/1.1 connections, answers parsed by
httptools (the parser uvicorn uses). A general client (httpx) spent 3-4 ms of CPU per request,
as much as the API answering it, on the same cores: the generator's cost is not the API's."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote, urlencode

import httptools


class HttpError(Exception):
    """The connection failed or closed before a whole answer came."""


def target(path: str, params: dict[str, Any]) -> bytes:
    """The request target: a path with fields (`/entities/{id}`) filled from params, the other
    params as the query (lists repeated, as httpx sends them)."""
    fields = {k: quote(str(v), safe=":") for k, v in params.items() if "{" + k + "}" in path}
    query = {k: v for k, v in params.items() if k not in fields}
    url = path.format(**fields) if fields else path
    return (url + ("?" + urlencode(query, doseq=True) if query else "")).encode()


class _Answer:
    """httptools callbacks: the status, the body's size, when the answer is complete."""

    def __init__(self) -> None:
        self.size = 0
        self.done = False

    def on_body(self, body: bytes) -> None:
        self.size += len(body)

    def on_message_complete(self) -> None:
        self.done = True


class Connection:
    """One kept-alive connection; reopened when the server closed it."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.head = f"Host: {host}:{port}\r\nUser-Agent: diplograph-bench\r\n\r\n".encode()

    async def get(self, request_target: bytes) -> tuple[int, int]:
        """GET the target: (status, body bytes)."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(b"GET " + request_target + b" HTTP/1.1\r\n" + self.head)
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        while not answer.done:
            data = await self.reader.read(262144)
            if not data:
                self.close()
                raise HttpError("connection closed mid-answer")
            parser.feed_data(data)
        if not parser.should_keep_alive():
            self.close()
        return parser.get_status_code(), answer.size

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None
