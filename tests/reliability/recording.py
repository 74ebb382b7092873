"""A recording proxy around the real neo4j.Driver: every query text sent to Neo4j is kept.

Nothing is faked: each call goes to the real driver and server; the proxy only notes the query
text on the way (session.run, tx.run in managed and explicit transactions, execute_query).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import neo4j


def _text(query: Any) -> str:
    return str(query.text) if isinstance(query, neo4j.Query) else str(query)


class RecordingTx:
    def __init__(self, tx: Any, seen: list[str]) -> None:
        self._tx, self._seen = tx, seen

    def run(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        self._seen.append(_text(query))
        return self._tx.run(query, *args, **kwargs)

    def __enter__(self) -> RecordingTx:
        self._tx.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._tx.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._tx, name)


class RecordingSession(RecordingTx):
    def _wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        return lambda tx, *a, **kw: fn(RecordingTx(tx, self._seen), *a, **kw)

    def execute_read(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._tx.execute_read(self._wrap(fn), *args, **kwargs)

    def execute_write(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._tx.execute_write(self._wrap(fn), *args, **kwargs)

    def begin_transaction(self, *args: Any, **kwargs: Any) -> RecordingTx:
        return RecordingTx(self._tx.begin_transaction(*args, **kwargs), self._seen)

    def __enter__(self) -> RecordingSession:
        self._tx.__enter__()
        return self


class RecordingDriver:
    def __init__(self, driver: neo4j.Driver, seen: list[str]) -> None:
        self._driver, self.seen = driver, seen

    def session(self, *args: Any, **kwargs: Any) -> RecordingSession:
        return RecordingSession(self._driver.session(*args, **kwargs), self.seen)

    def execute_query(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        self.seen.append(_text(query))
        return self._driver.execute_query(query, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._driver, name)
