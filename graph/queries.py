"""The read views: one read transaction each, plain dicts out (JSON-ready)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString, TypeVar

import neo4j

from graph.cypher import reads as q
from graph.cypher.facts import LATEST_KEPT
from graph.values import plain, session

T = TypeVar("T")
Tx = neo4j.ManagedTransaction | None  # run in this transaction; None: in one of its own


@dataclass(frozen=True)
class Window:
    """Which meetings count: between two dates (inclusive, overlapping), of one kind."""

    since: date | None = None
    until: date | None = None
    kind: str | None = None
    min_confidence: float | None = None  # meetings at least this probable (the model's)

    def params(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "kind": self.kind,
                "min_confidence": self.min_confidence}


# Meetings listed per counterpart in who-met-whom by default (the latest; `meetings` counts them
# all), and listed in a dyad's timeline by default (the latest; `timeline_count` counts them all).
ITEMS_PER_COUNTERPART = 3
DYAD_TIMELINE = 50


def who_met_whom_cypher(window: Window, items: int) -> LiteralString:
    """From MET_WITH when the stored structure holds the answer (no window, at most the latest
    meetings it keeps), else recomputed from the meetings in the window (issue 13)."""
    stored = window == Window() and items <= LATEST_KEPT
    return q.WHO_MET_WHOM_STORED if stored else q.WHO_MET_WHOM


@dataclass(frozen=True)
class Page:
    skip: int = 0
    limit: int = 50


class GraphQueries:
    """Read-only questions over the graph, by entity key (see graph.names to resolve names)."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def read(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run `work` in one read transaction: name resolution (graph.names `resolve_in`) and
        the query then share it, one BEGIN/COMMIT instead of two per request."""
        with session(self.driver, self.database) as tx_session:
            return tx_session.execute_read(work)

    def _rows(self, tx: Tx, query: LiteralString, params: dict[str, Any]) -> list[dict[str, Any]]:
        if tx is None:
            return self.read(lambda own: self._rows(own, query, params))
        # Plain maps: `plain` walks them once (Record.data() would walk them a second time,
        # looking for nodes and relationships these queries never return).
        return [dict(zip(r.keys(), r.values(), strict=True)) for r in tx.run(query, params)]

    def _one(self, query: LiteralString, tx: Tx = None, **params: Any) -> dict[str, Any] | None:
        rows = self._rows(tx, query, params)
        return plain(rows[0]) if rows else None

    def _all(self, query: LiteralString, tx: Tx = None, **params: Any) -> list[dict[str, Any]]:
        return [plain(r) for r in self._rows(tx, query, params)]

    def who_met_whom(self, key: str, window: Window, page: Page,
                     items: int = ITEMS_PER_COUNTERPART, tx: Tx = None) -> dict[str, Any]:
        row = self._one(who_met_whom_cypher(window, items), tx, key=key, skip=page.skip,
                        limit=page.limit, items=items, **window.params())
        return row or {"total": 0, "counterparts": []}

    def meetings(self, keys: list[str], place: str | None, window: Window,
                 page: Page, tx: Tx = None) -> dict[str, Any]:
        row = self._one(q.MEETINGS, tx, keys=keys, place=place, skip=page.skip, limit=page.limit,
                        **window.params())
        return row or {"total": 0, "meetings": []}

    def search(self, text: str, type_: str | None, page: Page) -> dict[str, Any]:
        row = self._one(q.SEARCH, q=text, type=type_, skip=page.skip, limit=page.limit)
        return row or {"total": 0, "entities": []}

    def profile(self, key: str, limit: int = 20) -> dict[str, Any] | None:
        row = self._one(q.PROFILE, key=key, limit=limit)
        return row["profile"] if row else None

    def dyad(self, a: str, b: str, limit: int = DYAD_TIMELINE, tx: Tx = None,
             min_confidence: float | None = None) -> dict[str, Any]:
        row = self._one(q.DYAD, tx, a=a, b=b, limit=limit, min_confidence=min_confidence)
        return row or {"met_with": None, "relations": [], "issues": [], "timeline": [],
                       "timeline_count": 0}

    def paths(self, a: str, b: str, hops: int, limit: int,
              tx: Tx = None) -> list[list[dict[str, Any]]]:
        return [r["path"] for r in self._all(q.PATH, tx, a=a, b=b, hops=hops, limit=limit)]
