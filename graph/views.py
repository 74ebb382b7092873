"""The read views: a request's names in, resolved and queried in one statement (or one read
transaction), rows out."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString, TypeVar

import neo4j

from graph.connection import read_session, session
from graph.cypher import reads as q
from graph.exports import ExportFilter
from graph.keys import lookup_name
from graph.names import Names, Resolved
from graph.values import plain
from graph.writer import LATEST_KEPT

T = TypeVar("T")
# JSON-ready: what `plain` makes of a returned map. Its meetings (who-met-whom's `items`, the
# meetings, a profile's `meetings`, a dyad's `timeline`) are their stored views, JSON text.
Row = dict[str, Any]


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
PROFILE_ITEMS = 20  # recent meetings (and top counterparts) in an entity's profile


def who_met_whom_cypher(window: Window, items: int) -> LiteralString:
    """From MET_WITH when the stored structure holds the answer (no window and at most the
    latest meetings it keeps, or a date window alone), else recomputed from the meetings in the
    window (issue 13)."""
    if window == Window():
        return q.WHO_MET_WHOM_STORED if items <= LATEST_KEPT else q.WHO_MET_WHOM
    dates_only = window.kind is None and window.min_confidence is None
    ordered = not (window.since and window.until and window.since > window.until)
    return q.WHO_MET_WHOM_WINDOW if dates_only and ordered else q.WHO_MET_WHOM


# Each who-met-whom query by key, and the same in one statement by name (graph/cypher/reads.py)
BY_NAME: dict[LiteralString, LiteralString] = {
    q.WHO_MET_WHOM: q.WHO_MET_WHOM_BY_NAME, q.WHO_MET_WHOM_STORED: q.WHO_MET_WHOM_STORED_BY_NAME,
    q.WHO_MET_WHOM_WINDOW: q.WHO_MET_WHOM_WINDOW_BY_NAME}


@dataclass(frozen=True)
class Page:
    skip: int = 0
    limit: int = 50


@dataclass(frozen=True)
class Counterparts:
    """Who met whom: the entity named, and a page of its counterparts (`total` in all)."""

    entity: Resolved
    counterparts: list[Row]
    total: int


@dataclass(frozen=True)
class Meetings:
    """The meetings every named participant took part in (at the named place), a page of them."""

    participants: list[Resolved]
    place: Resolved | None
    meetings: list[str]  # their views (JSON)
    total: int


@dataclass(frozen=True)
class EntityHits:
    entities: list[Row]
    total: int


@dataclass(frozen=True)
class Dyad:
    """Two named entities: their MET_WITH summary, standing relations, issues and timeline."""

    a: Resolved
    b: Resolved
    met_with: Row | None
    relations: list[Row]
    issues: list[str]
    timeline: list[str]  # the meetings' views (JSON)
    timeline_count: int


@dataclass(frozen=True)
class Paths:
    """The shortest chains of meetings between two named entities (none when they are one)."""

    source: Resolved
    target: Resolved
    paths: list[list[Row]]

    @property
    def same(self) -> bool:
        return self.source.key == self.target.key


def _rows(tx: neo4j.ManagedTransaction, query: LiteralString, params: dict[str, Any]) -> list[Row]:
    # Plain maps: `plain` walks them once (Record.data() would walk them a second time,
    # looking for nodes and relationships these queries never return).
    return [dict(zip(r.keys(), r.values(), strict=True)) for r in tx.run(query, params)]


def meetings_of(views: list[str]) -> list[Row]:
    """Meetings as maps, from the views a read query returns (each the JSON the API writes for
    the meeting, graph/meeting_json.py: the routes pass them through as they are)."""
    return [json.loads(v) for v in views]


def one(tx: neo4j.ManagedTransaction, query: LiteralString, **params: Any) -> Row | None:
    """The query's one row, JSON-ready (None when it returns none)."""
    rows = _rows(tx, query, params)
    return plain(rows[0]) if rows else None


class GraphViews:
    """The graph questions by name: one auto-commit statement that resolves the names and
    answers when every name is an alias, else the names resolved (graph.names) and the Cypher
    by key run in one read transaction."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j",
                 names: Names | None = None) -> None:
        self.driver = driver
        self.database = database
        self.names = names or Names(driver, database)

    def read(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with session(self.driver, self.database) as tx_session:
            return tx_session.execute_read(work)

    def one(self, query: LiteralString, **params: Any) -> Row | None:
        """One query in a read transaction of its own (tests and benchmarks compare queries)."""
        return self.read(lambda tx: one(tx, query, **params))

    def alone(self, query: LiteralString, **params: Any) -> Row | None:
        """`one`, as a statement of its own (auto-commit: its BEGIN and COMMIT, two round trips
        of a managed transaction, are not sent); run again as a managed read transaction, with
        its retries, when it fails in a way the driver would retry."""
        try:
            with read_session(self.driver, self.database) as tx_session:
                rows = [dict(zip(r.keys(), r.values(), strict=True))
                        for r in tx_session.run(query, params)]
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            if not exc.is_retryable():
                raise
            return self.one(query, **params)
        return plain(rows[0]) if rows else None

    def who_met_whom(self, name: str, window: Window, page: Page,
                     items: int = ITEMS_PER_COUNTERPART) -> Counterparts:
        keyed = who_met_whom_cypher(window, items)
        params = {"skip": page.skip, "limit": page.limit, "items": items, **window.params()}

        def answer(entity: Resolved, row: Row | None) -> Counterparts:
            got = row or {"total": 0, "counterparts": []}
            return Counterparts(entity, got["counterparts"], got["total"])

        def work(tx: neo4j.ManagedTransaction) -> Counterparts:
            entity = self.names.resolve_in(tx, name)
            return answer(entity, one(tx, keyed, key=entity.key, **params))

        # One statement when the name is an alias (most requests); else resolved as before
        row = self.alone(BY_NAME[keyed], name=lookup_name(name), **params)
        return answer(Resolved(**row["entity"]), row) if row else self.read(work)

    def meetings(self, participants: list[str], place: str | None, window: Window,
                 page: Page) -> Meetings:
        def work(tx: neo4j.ManagedTransaction) -> Meetings:
            who = [self.names.resolve_in(tx, p) for p in participants]
            where = self.names.resolve_in(tx, place) if place else None
            row = one(tx, q.MEETINGS, keys=[w.key for w in who],
                      place=where.key if where else None, skip=page.skip, limit=page.limit,
                      **window.params())
            got = row or {"total": 0, "meetings": []}
            return Meetings(who, where, got["meetings"], got["total"])

        if participants or place:  # names, resolved in the statement when all are aliases
            row = self.alone(q.MEETINGS_AT_BY_NAME if place else q.MEETINGS_BY_NAME,
                             names=[lookup_name(p) for p in participants],
                             place_name=lookup_name(place) if place else None, skip=page.skip,
                             limit=page.limit, **window.params())
            if row is not None:
                return Meetings([Resolved(**w) for w in row["participants"]],
                                Resolved(**row["place"]) if row["place"] else None,
                                row["meetings"], row["total"])
        return self.read(work)

    def search(self, text: str, type_: str | None, page: Page) -> EntityHits:
        """Entities whose name or alias contains `text` (as typed: compared as lookup names)."""
        row = self.alone(q.SEARCH, q=lookup_name(text), type=type_, skip=page.skip,
                         limit=page.limit)
        got = row or {"total": 0, "entities": []}
        return EntityHits(got["entities"], got["total"])

    def entities(self, type_: str | None, page: Page) -> EntityHits:
        """Every entity (of one type), the most met first: GET /entities without `q`."""
        row = self.alone(q.ENTITIES, type=type_, skip=page.skip, limit=page.limit)
        got = row or {"total": 0, "entities": []}
        return EntityHits(got["entities"], got["total"])

    def profile(self, name: str, limit: int = PROFILE_ITEMS) -> Row:
        """The profile of the entity with this id, else of the one this name resolves to
        (GET /entities/{id}); an unknown one raises UnknownName."""
        def work(tx: neo4j.ManagedTransaction) -> Row | None:
            return one(tx, q.PROFILE, key=self.names.resolve_in(tx, name).key, limit=limit)

        row = self.alone(q.PROFILE, key=name, limit=limit)
        if row is None:  # not an id: a name (an alias in one statement, else resolved)
            row = self.alone(q.PROFILE_BY_NAME, name=lookup_name(name), limit=limit)
        row = row if row is not None else self.read(work)
        return dict(row["profile"]) if row else {}

    def dyad(self, a: str, b: str, limit: int = DYAD_TIMELINE,
             min_confidence: float | None = None) -> Dyad:
        def answer(x: Resolved, y: Resolved, row: Row | None) -> Dyad:
            got = row or {"met_with": None, "relations": [], "issues": [], "timeline": [],
                          "timeline_count": 0}
            return Dyad(x, y, got["met_with"], got["relations"], got["issues"], got["timeline"],
                        got["timeline_count"])

        def work(tx: neo4j.ManagedTransaction) -> Dyad:
            x, y = self.names.resolve_in(tx, a), self.names.resolve_in(tx, b)
            return answer(x, y, one(tx, q.DYAD, a=x.key, b=y.key, limit=limit,
                                    min_confidence=min_confidence))

        row = self.alone(q.DYAD_BY_NAME, a_name=lookup_name(a), b_name=lookup_name(b),
                         limit=limit, min_confidence=min_confidence)
        if row is None:  # a name that is no alias: resolved as before
            return self.read(work)
        return answer(Resolved(**row["a"]), Resolved(**row["b"]), row)

    def export_filter(self, participants: list[str], place: str | None, since: date | None,
                      until: date | None, kind: str | None,
                      min_confidence: float | None) -> ExportFilter:
        """The filters of an export (graph/exports.py streams it), its names resolved to keys."""
        def work(tx: neo4j.ManagedTransaction) -> ExportFilter:
            keys = [self.names.resolve_in(tx, p).key for p in participants]
            where = self.names.resolve_in(tx, place).key if place else None
            return ExportFilter(keys, where, since, until, kind, min_confidence)

        return self.read(work)

    def paths(self, source: str, target: str, hops: int, limit: int) -> Paths:
        def work(tx: neo4j.ManagedTransaction) -> Paths:
            x, y = self.names.resolve_in(tx, source), self.names.resolve_in(tx, target)
            if x.key == y.key:  # Neo4j refuses a shortest path whose two ends are one node
                return Paths(x, y, [])
            rows = _rows(tx, q.PATH, {"a": x.key, "b": y.key, "hops": hops, "limit": limit})
            return Paths(x, y, [plain(r["path"]) for r in rows])

        row = self.alone(q.PATH_BY_NAME, a_name=lookup_name(source),
                         b_name=lookup_name(target), hops=hops, limit=limit)
        if row is None:  # a name that is no alias: resolved as before
            return self.read(work)
        return Paths(Resolved(**row["a"]), Resolved(**row["b"]), row["paths"])
